"""The check registry, the base class, and the signal helpers every check kind shares.

A check is declared in ``lab.yaml`` as ``{id, kind, params, message: {it, en}, hint: {it, en}}``;
:func:`parse_check` validates it against the kind's declared parameters and builds an immutable
:class:`Check`. Kinds register themselves with :func:`check_kind`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar

from app.sim.results import CheckResult, RunResult
from app.sim.trace import Trace

CHECKS: dict[str, type[Check]] = {}


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

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        """Return (passed, detail)."""
        raise NotImplementedError

    def run(self, ctx: CheckContext) -> CheckResult:
        try:
            passed, detail = self.evaluate(ctx)
        except CheckSpecError as exc:
            passed, detail = False, f"check misconfigured: {exc}"
        except ValueError as exc:
            passed, detail = False, str(exc)
        return CheckResult(self.id, bool(passed), self.message, self.hint, detail)


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
    unknown = set(data) - {"id", "kind", "params", "message", "hint"}
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
    return cls(cid, params, _texts(data.get("message"), f"{where}.message"), hint)
