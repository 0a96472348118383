"""Check kinds over text output, the micro:bit display, NeoPixels, event counts, the absence of
errors, and Python check functions supplied by a lab (``checks.py``)."""

from __future__ import annotations

import re

from app.sim.checks.base import Check, CheckContext, CheckSpecError, check_kind


@check_kind
class OutputContains(Check):
    """stdout contains a text (case-insensitive unless told otherwise)."""

    kind = "output_contains"
    required = ("text",)
    optional = ("case_sensitive",)

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        text, out = str(self.params["text"]), ctx.run.stdout
        if not self.params.get("case_sensitive", False):
            text, out = text.lower(), out.lower()
        return text in out, f"looked for {self.params['text']!r} in the output"


@check_kind
class StdoutMatches(Check):
    """stdout matches a regular expression at least N times."""

    kind = "stdout_matches"
    required = ("pattern",)
    optional = ("min_count",)

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        try:
            rx = re.compile(self.params["pattern"], re.MULTILINE)
        except re.error as exc:
            raise CheckSpecError(f"bad pattern: {exc}") from None
        n = len(rx.findall(ctx.run.stdout[:65536]))
        need = int(self.params.get("min_count", 1))
        return n >= need, f"{n} matching line(s) (need {need})"


@check_kind
class NoError(Check):
    """The program ran without an error."""

    kind = "no_error"
    optional = ()

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        err = ctx.run.error
        if err is None:
            return True, f"outcome: {ctx.run.outcome}"
        return False, f"{err['type']}: {err['message']} (line {err['line']})"


@check_kind
class EventCount(Check):
    """Events of a source prefix/kind happen between min and max times."""

    kind = "event_count"
    required = ("source", "kind")
    optional = ("min", "max", "pin")

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        p = self.params
        if "pin" in p:
            evs = ctx.trace.for_pin(p["source"], ctx.pin(p["pin"]), p["kind"])
        else:
            evs = [e for e in ctx.trace.events
                   if e.source.split(":")[0] == p["source"] and e.kind == p["kind"]]
        n = len(evs)
        lo, hi = int(p.get("min", 1)), int(p.get("max", 10**9))
        return lo <= n <= hi, f"{n} {p['source']} {p['kind']} event(s) (allowed {lo}..{hi})"


@check_kind
class DisplayShows(Check):
    """The micro:bit display shows given 5x5 frames and/or text characters."""

    kind = "display_shows"
    optional = ("frames", "texts", "min_changes")

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        frames = {e.value for e in ctx.trace.of("display", "image")}
        texts = "".join(e.value for e in ctx.trace.of("display", "text"))
        texts += "".join(e.value for e in ctx.trace.of("display", "scroll"))
        missing = [f for f in self.params.get("frames", []) if f not in frames]
        missing += [t for t in self.params.get("texts", []) if str(t) not in texts]
        changes = len(ctx.trace.of("display", "image"))
        need = int(self.params.get("min_changes", 1))
        return not missing and changes >= need, f"{changes} display changes; missing {missing[:4]}"


@check_kind
class NeopixelFrames(Check):
    """A NeoPixel strip is written with enough distinct frames, optionally lighting every LED."""

    kind = "neopixel_frames"
    required = ("pin",)
    optional = ("min_frames", "all_lit", "count")

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        key = ctx.pin(self.params["pin"])
        frames = [e.value for e in ctx.trace.for_pin("neopixel", key, "write")]
        distinct = {str(f) for f in frames}
        count = int(self.params.get("count", 0))
        if count and any(len(f) != count for f in frames):
            return False, f"the strip should have {count} pixels"
        lit = set()
        for f in frames:
            lit |= {i for i, px in enumerate(f) if any(px)}
        n = len(frames[0]) if frames else 0
        all_lit = not self.params.get("all_lit", False) or (n > 0 and len(lit) == n)
        need = int(self.params.get("min_frames", 2))
        return len(distinct) >= need and all_lit, (
            f"{len(frames)} writes, {len(distinct)} distinct frames (need {need}); "
            f"pixels ever lit: {len(lit)}/{n}")


@check_kind
class PythonCheck(Check):
    """A function ``name(trace, run, params) -> (bool, str)`` from the lab's ``checks.py``."""

    kind = "python"
    required = ("function",)
    optional = ("args",)

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        fn = ctx.python_checks.get(self.params["function"])
        if fn is None:
            raise CheckSpecError(f"checks.py has no function {self.params['function']!r}")
        passed, detail = fn(ctx.trace, ctx.run, self.params.get("args") or {})
        return bool(passed), str(detail)
