"""Check kinds over pin, PWM and device signals: blinking, pulse patterns, state sequences,
PWM sweeps, servo angles, buzzer tones (reactions to inputs are in ``reactions``)."""

from __future__ import annotations

from typing import Any

from app.sim.checks.base import Check, CheckContext, CheckSpecError, check_kind
from app.sim.scenario import Scenario
from app.sim.trace import Trace


@check_kind
class Blinks(Check):
    """A pin blinks with period P +- tolerance at least N times."""

    kind = "blinks"
    required = ("pin", "period_ms")
    optional = ("tolerance_ms", "min_cycles")

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        p = self.params
        period = float(p["period_ms"]) * 1000
        tol = float(p.get("tolerance_ms", p["period_ms"] * 0.1)) * 1000
        rises = [t for t, lv in ctx.levels(p["pin"]) if lv]
        good = sum(1 for a, b in zip(rises, rises[1:]) if abs((b - a) - period) <= tol)
        need = int(p.get("min_cycles", 5))
        periods = [round((b - a) / 1000) for a, b in zip(rises, rises[1:])][:6]
        return good >= need, f"{good} cycles of {p['period_ms']} ms (need {need}); periods seen: {periods}"


@check_kind
class Pulses(Check):
    """The high pulses of a pin contain a given sequence of lengths (e.g. Morse SOS)."""

    kind = "pulses"
    required = ("pin", "lengths_ms")
    optional = ("tolerance_ms", "min_gap_ms", "repeat")

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        p = self.params
        want = [float(x) * 1000 for x in p["lengths_ms"]]
        tol = float(p.get("tolerance_ms", 40)) * 1000
        pulses = ctx.pulses(p["pin"])
        lengths = [ln for _, ln in pulses]
        found = 0
        i = 0
        while i + len(want) <= len(lengths):
            if all(abs(lengths[i + k] - want[k]) <= tol for k in range(len(want))):
                found += 1
                i += len(want)
            else:
                i += 1
        need = int(p.get("repeat", 1))
        seen = [round(x / 1000) for x in lengths[:12]]
        return found >= need, f"pattern found {found} time(s) (need {need}); pulses (ms): {seen}"


@check_kind
class States(Check):
    """Several pins go through a cycle of states (e.g. traffic light) with given durations."""

    kind = "states"
    required = ("pins", "cycle")
    optional = ("tolerance_ms", "min_cycles")

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        p = self.params
        pins = p["pins"]
        changes = {i: ctx.levels(pin) for i, pin in enumerate(pins)}
        times = sorted({t for ch in changes.values() for t, _ in ch})
        timeline: list[tuple[int, tuple[int, ...]]] = []
        for t in times:
            state = tuple(ctx.level_at(changes[i], t) for i in range(len(pins)))
            if not timeline or timeline[-1][1] != state:
                timeline.append((t, state))
        raw = [(s, timeline[k + 1][0] - t) for k, (t, s) in enumerate(timeline[:-1])]
        segs: list[tuple[tuple[int, ...], int]] = []
        for state, dur in raw:  # ignore glitches (pins are written one after the other)
            if dur < 50_000:
                continue
            if segs and segs[-1][0] == state:
                segs[-1] = (state, segs[-1][1] + dur)
            else:
                segs.append((state, dur))
        cycle = [(tuple(int(v) for v in c[:-1]), float(c[-1]) * 1000) for c in p["cycle"]]
        tol = float(p.get("tolerance_ms", 200)) * 1000
        ok_steps = 0
        best = 0
        idx = None
        for state, dur in segs:
            if idx is None:
                starts = [k for k, (cs, _) in enumerate(cycle) if cs == state]
                if starts and abs(dur - cycle[starts[0]][1]) <= tol:
                    idx, ok_steps = starts[0], 1
                continue
            nxt = (idx + 1) % len(cycle)
            if cycle[nxt][0] == state and abs(dur - cycle[nxt][1]) <= tol:
                idx, ok_steps = nxt, ok_steps + 1
                best = max(best, ok_steps)
            else:
                idx, ok_steps = None, 0
        need = int(p.get("min_cycles", 2)) * len(cycle)
        shown = [("".join(map(str, s)), round(d / 1000)) for s, d in segs[:8]]
        return best >= need, f"{best} correct steps in a row (need {need}); states seen: {shown}"


@check_kind
class PwmSweep(Check):
    """A PWM duty sweeps a range with enough distinct steps."""

    kind = "pwm_sweep"
    required = ("pin", "low", "high")
    optional = ("min_steps", "min_sweeps")

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        p = self.params
        key = ctx.pin(p["pin"])
        duties = [e.value for e in ctx.trace.for_pin("pwm", key, "duty")]
        if not duties:
            return False, "no PWM duty was set on this pin"
        lo, hi = min(duties), max(duties)
        distinct = len(set(duties))
        sweeps, going_up, last_extreme = 0, None, None
        for d in duties:
            if d <= p["low"] and last_extreme != "low":
                sweeps += last_extreme is not None
                last_extreme = "low"
            elif d >= p["high"] and last_extreme != "high":
                sweeps += last_extreme is not None
                last_extreme = "high"
        del going_up
        ok = lo <= p["low"] and hi >= p["high"] and distinct >= int(p.get("min_steps", 10))
        ok = ok and sweeps >= int(p.get("min_sweeps", 1))
        return ok, f"duty from {lo} to {hi}, {distinct} distinct values, {sweeps} sweep(s)"


@check_kind
class ServoVisits(Check):
    """A servo (derived from its 50 Hz pulses) reaches each of the given angles."""

    kind = "servo_visits"
    required = ("pin", "angles")
    optional = ("tolerance_deg",)

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        key = ctx.pin(self.params["pin"])
        angles = [e.value for e in ctx.trace.of(f"servo:{key}", "angle")]
        tol = float(self.params.get("tolerance_deg", 5))
        missing = [a for a in self.params["angles"] if not any(abs(x - a) <= tol for x in angles)]
        return not missing, (f"servo reached {sorted(set(angles))[:12]}; missing {missing}"
                             if angles else "the servo never received a valid 50 Hz pulse")


@check_kind
class Tones(Check):
    """A buzzer plays the given notes in order (frequencies in Hz, +- percent)."""

    kind = "tones"
    required = ("pin", "notes")
    optional = ("tolerance_pct", "min_ms")

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        key = ctx.pin(self.params["pin"])
        src = "music" if key == "speaker" else f"buzzer:{key}"
        kind = "tone"
        evs = ctx.trace.of(src, kind)
        min_us = float(self.params.get("min_ms", 50)) * 1000
        played = []
        for e, nxt in zip(evs, evs[1:] + [None]):
            end = nxt.t_us if nxt else ctx.trace.sim_time_us
            if e.value > 0 and end - e.t_us >= min_us:
                played.append(e.value)
        tol = float(self.params.get("tolerance_pct", 3)) / 100
        want = [float(n) for n in self.params["notes"]]
        k = 0
        for f in played:
            if k < len(want) and abs(f - want[k]) <= want[k] * tol:
                k += 1
        return k == len(want), f"matched {k}/{len(want)} notes; played: {played[:12]}"
