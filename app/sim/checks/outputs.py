"""Check kinds over text output, the micro:bit display, NeoPixels, event counts, the absence of
errors, and Python check functions supplied by a lab (``checks.py``).

``no_error`` names the error type and points at its line (cause: the error type as a slug, e.g.
``name-error``); a lab's Python check may return a :class:`Finding` or the older
``(passed, detail)`` tuple; its message may name the function's ``args`` as ``{name}``, filled in
when the check is parsed, so the grader and the worksheet state the same figures.
"""

from __future__ import annotations

import re
from typing import Any

from app.sim.checks.base import Check, CheckContext, CheckSpecError, Finding, check_kind, fmt_num

PLACEHOLDER = re.compile(r"\{(\w+)\}")  # {min_rows} in a python check's message


@check_kind
class OutputContains(Check):
    """stdout contains a text (case-insensitive unless told otherwise)."""

    kind = "output_contains"
    required = ("text",)
    optional = ("case_sensitive",)

    def evaluate(self, ctx: CheckContext) -> Finding:
        text, out = str(self.params["text"]), ctx.run.stdout
        if not self.params.get("case_sensitive", False):
            text, out = text.lower(), out.lower()
        shown = str(self.params["text"])
        if text in out:
            return Finding.say(True, f"il programma stampa «{shown}»", f"the program prints \"{shown}\"")
        return Finding.say(False, f"il programma non stampa «{shown}»",
                           f"the program does not print \"{shown}\"", "missing-text")


@check_kind
class StdoutMatches(Check):
    """stdout matches a regular expression at least N times."""

    kind = "stdout_matches"
    required = ("pattern",)
    optional = ("min_count",)

    def evaluate(self, ctx: CheckContext) -> Finding:
        try:
            rx = re.compile(self.params["pattern"], re.MULTILINE)
        except re.error as exc:
            raise CheckSpecError(f"bad pattern: {exc}") from None
        n = len(rx.findall(ctx.run.stdout[:65536]))
        need = int(self.params.get("min_count", 1))
        return Finding.say(n >= need, f"righe giuste stampate: {n} (ne servono almeno {need})",
                           f"matching lines printed: {n} (at least {need} needed)",
                           None if n >= need else "wrong-format")


@check_kind
class NoError(Check):
    """The program ran without an error."""

    kind = "no_error"
    optional = ()

    def evaluate(self, ctx: CheckContext) -> Finding:
        err = ctx.run.error
        if err is None:
            return Finding.say(True, "nessun errore", "no error")
        kind = str(err.get("type") or "Error")
        message = str(err.get("message") or "")
        line = err.get("line") if isinstance(err.get("line"), int) else None
        where = {"it": f" alla riga {line}" if line else "", "en": f" on line {line}" if line else ""}
        notice = ctx.run.notice or {}
        if line is None and notice.get("it") and notice.get("en"):
            # No line to point at (e.g. the computing limit): the engine's words say it best.
            return Finding.say(False, f"{notice['it'].rstrip('.')} ({kind})",
                               f"{notice['en'].rstrip('.')} ({kind})",
                               error_cause(kind))
        return Finding.say(False, f"{kind}{where['it']}: {message}", f"{kind}{where['en']}: {message}",
                           error_cause(kind), line)


def error_cause(kind: str) -> str:
    """``NameError`` -> ``name-error``: the cause slug a lab's ``hints:`` may name."""
    slug = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-", kind).lower()
    slug = re.sub(r"[^a-z0-9-]", "", slug).strip("-")
    return slug or "error"


@check_kind
class EventCount(Check):
    """Events of a source prefix/kind happen between min and max times (``what`` names them for
    the student, e.g. ``{it: letture del sensore, en: sensor readings}``)."""

    kind = "event_count"
    required = ("source", "kind")
    optional = ("min", "max", "pin", "what")

    def evaluate(self, ctx: CheckContext) -> Finding:
        p = self.params
        if "pin" in p:
            evs = ctx.trace.for_pin(p["source"], ctx.pin(p["pin"]), p["kind"])
        else:
            evs = [e for e in ctx.trace.events
                   if e.source.split(":")[0] == p["source"] and e.kind == p["kind"]]
        n = len(evs)
        lo, hi = int(p.get("min", 1)), int(p.get("max", 10**9))
        what = p.get("what") or {"it": f"eventi {p['source']} {p['kind']}",
                                 "en": f"{p['source']} {p['kind']} events"}
        span = {"it": f"da {lo} a {hi}" if hi < 10**9 else f"almeno {lo}",
                "en": f"{lo} to {hi}" if hi < 10**9 else f"at least {lo}"}
        cause = None if lo <= n <= hi else ("too-few" if n < lo else "too-many")
        return Finding.say(cause is None, f"{what['it']}: {n} (ne servono {span['it']})",
                           f"{what['en']}: {n} (expected {span['en']})", cause)


@check_kind
class DisplayShows(Check):
    """The micro:bit display shows given 5x5 frames and/or text characters."""

    kind = "display_shows"
    optional = ("frames", "texts", "min_changes")

    def evaluate(self, ctx: CheckContext) -> Finding:
        frames = {e.value for e in ctx.trace.of("display", "image")}
        texts = "".join(e.value for e in ctx.trace.of("display", "text"))
        texts += "".join(e.value for e in ctx.trace.of("display", "scroll"))
        missing_frames = [f for f in self.params.get("frames", []) if f not in frames]
        missing_texts = [str(t) for t in self.params.get("texts", []) if str(t) not in texts]
        changes = len(ctx.trace.of("display", "image"))
        need = int(self.params.get("min_changes", 1))
        if missing_frames:
            return Finding.say(False, f"il display non mostra l'immagine attesa ({missing_frames[0]})",
                               f"the display never shows the expected image ({missing_frames[0]})",
                               "missing-image")
        if missing_texts:
            return Finding.say(False, f"il display non mostra «{missing_texts[0]}»",
                               f"the display never shows \"{missing_texts[0]}\"", "missing-text")
        return Finding.say(changes >= need, f"il display cambia {changes} volte (almeno {need})",
                           f"the display changes {changes} times (at least {need})",
                           None if changes >= need else "too-few")


@check_kind
class NeopixelFrames(Check):
    """A NeoPixel strip is written with enough distinct frames, optionally lighting every LED."""

    kind = "neopixel_frames"
    required = ("pin",)
    optional = ("min_frames", "all_lit", "count")

    def evaluate(self, ctx: CheckContext) -> Finding:
        key = ctx.pin(self.params["pin"])
        frames = [e.value for e in ctx.trace.for_pin("neopixel", key, "write")]
        distinct = {str(f) for f in frames}
        count = int(self.params.get("count", 0))
        if count and any(len(f) != count for f in frames):
            got = next(len(f) for f in frames if len(f) != count)
            return Finding.say(False, f"la striscia ha {got} LED, attesi {count}",
                               f"the strip has {got} pixels, expected {count}", "wrong-count")
        lit: set[int] = set()
        for f in frames:
            lit |= {i for i, px in enumerate(f) if any(px)}
        n = len(frames[0]) if frames else 0
        need = int(self.params.get("min_frames", 2))
        if len(distinct) < need:
            return Finding.say(False, f"{len(distinct)} immagini diverse sulla striscia, ne servono "
                                      f"almeno {need}",
                               f"{len(distinct)} different frames on the strip, at least {need} needed",
                               "too-few")
        if self.params.get("all_lit", False) and not (n > 0 and len(lit) == n):
            return Finding.say(False, f"si accendono solo {len(lit)} LED su {n}",
                               f"only {len(lit)} of {n} pixels ever light up", "not-all-lit")
        return Finding.say(True, f"{len(distinct)} immagini diverse; LED accesi almeno una volta: "
                                 f"{len(lit)} su {n}",
                           f"{len(distinct)} different frames; pixels lit at least once: {len(lit)} of {n}")


@check_kind
class PythonCheck(Check):
    """A function ``name(trace, run, params) -> (bool, str)`` from the lab's ``checks.py``."""

    kind = "python"
    required = ("function",)
    optional = ("args",)

    @classmethod
    def fill_message(cls, message: dict[str, str], params: dict[str, Any], where: str) -> dict[str, str]:
        """``{name}`` in the message becomes ``args[name]`` written for each language ("1,1" in
        Italian, "1.1" in English), so the figures the function grades with are stated once, in
        lab.yaml. A message without braces is returned unchanged."""
        args = params.get("args") or {}
        if not isinstance(args, dict):
            raise CheckSpecError(f"{where}: args must be a mapping")

        def fill(text: str, lang: str) -> str:
            def one(match: re.Match[str]) -> str:
                name = match.group(1)
                if name not in args:
                    raise CheckSpecError(f"{where}: {{{name}}} is not one of the args "
                                         f"({', '.join(sorted(args)) or 'none'})")
                value = args[name]
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    return fmt_num(value, lang, 4)
                return str(value)
            return PLACEHOLDER.sub(one, text)

        return {lang: fill(text, lang) for lang, text in message.items()}

    def evaluate(self, ctx: CheckContext) -> Finding | tuple[bool, str]:
        fn = ctx.python_checks.get(self.params["function"])
        if fn is None:
            raise CheckSpecError(f"checks.py has no function {self.params['function']!r}")
        found = fn(ctx.trace, ctx.run, self.params.get("args") or {})
        if isinstance(found, Finding):
            return found
        passed, detail = found
        return bool(passed), str(detail)
