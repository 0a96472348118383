"""Check kinds over how outputs react to the scenario's inputs: an output that follows a threshold
(night lamp, ultrasonic alarm), a PWM duty that tracks an analog input (dimmer), reactions to
button presses (debounce)."""

from __future__ import annotations

from typing import Any

from app.sim.checks.base import Check, CheckContext, CheckSpecError, check_kind
from app.sim.scenario import Scenario
from app.sim.trace import Trace


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
