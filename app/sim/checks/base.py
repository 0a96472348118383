"""The check registry, the base class, and the signal helpers every check kind shares.

A check is declared in ``lab.yaml`` as ``{id, kind, params, message: {it, en}, hint: {it, en},
hints: {cause: {it, en}}}``; :func:`parse_check` validates it against the kind's declared parameters
and builds an immutable :class:`Check`. Kinds register themselves with :func:`check_kind`. A kind's
``evaluate`` returns a :class:`Finding`: whether it passed, what was measured against what was
expected (in both languages), and the cause of a failure, which picks the hint the student sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar

from app.sim.results import CheckResult, RunResult
from app.sim.trace import Trace

CHECKS: dict[str, type[Check]] = {}
CAUSE_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


def fmt_num(value: float, lang: str, digits: int = 1) -> str:
    """A number as a student reads it: ``3,2`` in Italian, ``3.2`` in English; integers plain."""
    text = f"{value:.{digits}f}" if digits > 0 else f"{round(value):d}"
    if digits > 0 and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "it" else text


@dataclass(frozen=True)
class Finding:
    """What a check found: pass/fail, the measurement in both languages, why it failed."""

    passed: bool
    measured: dict[str, str] = field(default_factory=dict)  # {"it": ..., "en": ...}
    cause: str | None = None  # e.g. "wrong-pin", "never-changes": selects the hint
    line: int | None = None  # a line of main.py to point at, when known

    @classmethod
    def say(cls, passed: bool, it: str, en: str, cause: str | None = None,
            line: int | None = None) -> Finding:
        """Shorthand: ``Finding.say(False, "periodo 1000 ms", "period 1000 ms", "too-slow")``."""
        return cls(passed, {"it": it, "en": en}, cause, line)


class CheckSpecError(ValueError):
    """A check declaration in a lab is wrong."""


@dataclass(frozen=True)
class CheckContext:
    """What a check may look at: the validated trace and the run result (stdout, error)."""

    trace: Trace
    run: RunResult
    python_checks: dict[str, Callable[..., Any]] = field(default_factory=dict)

    def pin(self, value: Any) -> str:
        """Physical key of a pin parameter (a value, or a mapping board -> value)."""
        if isinstance(value, dict):
            value = value.get(self.trace.board.name)
            if value is None:
                raise CheckSpecError(f"no pin given for board {self.trace.board.name}")
        return self.trace.board.pin_key(value)

    def levels(self, pin: Any) -> list[tuple[int, int]]:
        """Output level changes of a pin: digital writes, or PWM with a non-zero duty."""
        key = self.pin(pin)
        out: list[tuple[int, int]] = []
        for e in self.trace.events:
            head, _, label = e.source.partition(":")
            if not label or self.trace.board.physical(label) != key:
                continue
            if head == "pin" and e.kind == "value":
                level = 1 if e.value else 0
            elif head == "pwm" and e.kind in ("duty", "deinit"):
                level = 1 if (e.kind == "duty" and e.value > 0) else 0
            else:
                continue
            if not out or out[-1][1] != level:
                out.append((e.t_us, level))
        return out

    def pulses(self, pin: Any) -> list[tuple[int, int]]:
        """(start_us, length_us) of each high pulse of a pin."""
        out, start = [], None
        for t, level in self.levels(pin):
            if level and start is None:
                start = t
            elif not level and start is not None:
                out.append((start, t - start))
                start = None
        return out

    def level_at(self, changes: list[tuple[int, int]], t: int) -> int:
        level = 0
        for ct, lv in changes:
            if ct > t:
                break
            level = lv
        return level


@dataclass(frozen=True)
class Check:
    """A declared check; subclasses implement :meth:`evaluate`."""

    kind: ClassVar[str] = ""
    required: ClassVar[tuple[str, ...]] = ()
    optional: ClassVar[tuple[str, ...]] = ()

    id: str
    params: dict[str, Any]
    message: dict[str, str]
    hint: dict[str, str]
    hints: dict[str, dict[str, str]] = field(default_factory=dict)  # cause -> {it, en}

    @classmethod
    def fill_message(cls, message: dict[str, str], params: dict[str, Any], where: str) -> dict[str, str]:
        """The message as students read it; kinds whose message names its figures fill them in."""
        return message

    def evaluate(self, ctx: CheckContext) -> Finding | tuple[bool, str]:
        """Return a :class:`Finding` (older kinds return ``(passed, detail)``)."""
        raise NotImplementedError

    def run(self, ctx: CheckContext) -> CheckResult:
        try:
            found = self.evaluate(ctx)
        except CheckSpecError as exc:
            found = Finding.say(False, f"controllo configurato male: {exc}",
                                f"check misconfigured: {exc}", "misconfigured")
        except ValueError as exc:
            found = Finding.say(False, str(exc), str(exc))
        if not isinstance(found, Finding):
            passed, detail = found
            found = Finding(bool(passed), {"it": str(detail), "en": str(detail)})
        return self.result(found)

    def result(self, found: Finding) -> CheckResult:
        """The :class:`CheckResult` for a finding, with the hint its cause selects."""
        hint = self.hints.get(found.cause or "", self.hint) if not found.passed else self.hint
        return CheckResult(self.id, bool(found.passed), self.message, hint,
                           found.measured.get("en", ""), dict(found.measured), found.cause,
                           found.line)


def check_kind(cls: type[Check]) -> type[Check]:
    """Register a check kind under ``cls.kind``."""
    CHECKS[cls.kind] = cls
    return cls


def _texts(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value.get(k)
                                               for k in ("it", "en")):
        raise CheckSpecError(f"{where}: expected {{it: ..., en: ...}}")
    return {"it": value["it"], "en": value["en"]}


def parse_check(data: Any, where: str) -> Check:
    """Validate one check declaration and build it."""
    if not isinstance(data, dict):
        raise CheckSpecError(f"{where}: expected a mapping")
    unknown = set(data) - {"id", "kind", "params", "message", "hint", "hints"}
    if unknown:
        raise CheckSpecError(f"{where}: unknown keys {sorted(unknown)}")
    cid, kind = data.get("id"), data.get("kind")
    if not isinstance(cid, str) or not cid.replace("-", "").replace("_", "").isalnum():
        raise CheckSpecError(f"{where}.id: expected a slug")
    if kind not in CHECKS:
        raise CheckSpecError(f"{where}.kind: unknown kind {kind!r}; known: {', '.join(sorted(CHECKS))}")
    cls = CHECKS[kind]
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise CheckSpecError(f"{where}.params: expected a mapping")
    missing = [p for p in cls.required if p not in params]
    extra = set(params) - set(cls.required) - set(cls.optional)
    if missing or extra:
        raise CheckSpecError(f"{where}.params: missing {missing}, unknown {sorted(extra)}")
    hint = _texts(data["hint"], f"{where}.hint") if "hint" in data else {"it": "", "en": ""}
    raw_hints = data.get("hints") or {}
    if not isinstance(raw_hints, dict):
        raise CheckSpecError(f"{where}.hints: expected a mapping cause -> {{it, en}}")
    hints = {}
    for cause, text in raw_hints.items():
        if not isinstance(cause, str) or not cause or set(cause) - CAUSE_CHARS:
            raise CheckSpecError(f"{where}.hints: cause {cause!r} must be a lowercase slug")
        hints[cause] = _texts(text, f"{where}.hints.{cause}")
    message = cls.fill_message(_texts(data.get("message"), f"{where}.message"), params, f"{where}.message")
    return cls(cid, params, message, hint, hints)
