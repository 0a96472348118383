"""Check kinds over pin, PWM and device signals: blinking, pulse patterns, state sequences,
PWM sweeps, servo angles, buzzer tones, outputs that follow an input, reactions to a button."""

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


def input_value(scenario: Scenario, device: dict[str, Any], t_us: int) -> float:
    """Scripted value of an input device at a time (cm, fraction or degrees C)."""
    pts = device["curve"]
    t_ms = t_us / 1000
    if t_ms <= pts[0][0]:
        return pts[0][1]
    for (t0, v0), (t1, v1) in zip(pts, pts[1:]):
        if t0 <= t_ms <= t1:
            return v0 if t1 == t0 else v0 + (v1 - v0) * (t_ms - t0) / (t1 - t0)
    return pts[-1][1]


def _device(trace: Trace, ctx: CheckContext, dtype: str, pin: Any) -> dict[str, Any]:
    for d in trace.scenario.devices:
        if d["type"] == dtype and (pin is None or d.get("pin") == ctx.pin(pin)):
            return d
    raise CheckSpecError(f"the scenario has no {dtype} device")


@check_kind
class OutputWhen(Check):
    """An output is on exactly while an input is below (or above) a threshold."""

    kind = "output_when"
    required = ("output", "device", "threshold")
    optional = ("input_pin", "when", "settle_ms", "min_ratio", "start_ms")

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        p = self.params
        dev = _device(ctx.trace, ctx, p["device"], p.get("input_pin"))
        changes = ctx.levels(p["output"])
        below = p.get("when", "below") == "below"
        settle = float(p.get("settle_ms", 300)) * 1000
        step, t = 50_000, int(float(p.get("start_ms", 500)) * 1000)
        good = total = 0
        while t < ctx.trace.sim_time_us:
            v = input_value(ctx.trace.scenario, dev, t)
            v_before = input_value(ctx.trace.scenario, dev, max(0, int(t - settle)))
            want = (v < p["threshold"]) == below
            if want == ((v_before < p["threshold"]) == below):
                total += 1
                good += ctx.level_at(changes, t) == (1 if want else 0)
            t += step
        ratio = good / total if total else 0.0
        need = float(p.get("min_ratio", 0.9))
        return ratio >= need, f"output correct {ratio:.0%} of the time (need {need:.0%})"


@check_kind
class DutyTracks(Check):
    """A PWM duty follows an analog input (positively or inversely correlated)."""

    kind = "duty_tracks"
    required = ("output", "input_pin")
    optional = ("sign", "min_correlation", "device")

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        p = self.params
        dev = _device(ctx.trace, ctx, p.get("device", "potentiometer"), p["input_pin"])
        key = ctx.pin(p["output"])
        evs = ctx.trace.for_pin("pwm", key, "duty")
        if len(evs) < 5:
            return False, f"only {len(evs)} duty changes"
        xs = [input_value(ctx.trace.scenario, dev, e.t_us) for e in evs]
        ys = [float(e.value) for e in evs]
        n = len(xs)
        mx, my = sum(xs) / n, sum(ys) / n
        sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
        sxx = sum((x - mx) ** 2 for x in xs)
        syy = sum((y - my) ** 2 for y in ys)
        corr = sxy / (sxx * syy) ** 0.5 if sxx > 0 and syy > 0 else 0.0
        corr *= 1 if int(p.get("sign", 1)) >= 0 else -1
        need = float(p.get("min_correlation", 0.9))
        return corr >= need, f"correlation {corr:.2f} over {n} duty changes (need {need})"


@check_kind
class ReactsWithin(Check):
    """After each scripted button press, an output changes within X ms, exactly once."""

    kind = "reacts_within"
    required = ("button", "output", "within_ms")
    optional = ("exactly_once",)

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        p = self.params
        dev = _device(ctx.trace, ctx, "button", p["button"])
        changes = ctx.levels(p["output"])
        within = float(p["within_ms"]) * 1000
        presses = [(int(a * 1000), int((a + h) * 1000)) for a, h in dev["presses"]
                   if a * 1000 < ctx.trace.sim_time_us]
        bad = []
        for k, (start, _) in enumerate(presses):
            nxt = presses[k + 1][0] if k + 1 < len(presses) else ctx.trace.sim_time_us
            n_react = sum(1 for t, _ in changes if start <= t <= start + within)
            n_total = sum(1 for t, _ in changes if start <= t < nxt)
            if n_react == 0 or (p.get("exactly_once", False) and n_total != 1):
                bad.append((k + 1, n_total))
        return not bad and bool(presses), (
            f"{len(presses)} presses; wrong reactions (press, changes): {bad[:6]}")
