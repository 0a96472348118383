"""Check kinds over how outputs react to the scenario's inputs: an output that follows a threshold
(night lamp, ultrasonic alarm), a PWM duty that tracks an analog input over its full range
(dimmer), one reaction per button press on the press edge (debounce).

Each kind returns a :class:`Finding` that says what was measured against what was expected, in
Italian and English, with a cause that picks the lab's hint: ``wrong-pin``, ``never-changes``,
``inverted``, ``wrong-threshold``, ``late``, ``ignores-input``, ``half-range``, ``never-dark``,
``bounces``, ``while-held``, ``on-release``, ``missed``, ``stopped``. The shared measuring and
wording helpers are in :mod:`app.sim.checks.measurement`.
"""

from __future__ import annotations

from typing import Any

from app.sim.checks.base import Check, CheckContext, CheckSpecError, Finding, check_kind, fmt_num
from app.sim.checks.measurement import (DEFAULT_NAME, STEP_US, describe, device_of, input_keys,
                                        input_value, pin_name, run_end, secs, silent_output,
                                        stopped_early, threshold_text)

SETUP_US = 200_000


@check_kind
class OutputWhen(Check):
    """An output is on exactly while an input is below (or above) a threshold.

    Samples every 50 ms where the input has stayed on one side of the threshold for
    ``settle_ms``; passes when at least ``min_ratio`` of them are right. A failure is explained:
    mostly wrong means inverted; wrong on one side only, close to the threshold, and right
    farther away means the threshold is wrong; wrong only at the start of each stretch of steady
    input (and right after it) means late; anything else means the input is ignored."""

    kind = "output_when"
    required = ("output", "device", "threshold")
    optional = ("input_pin", "when", "settle_ms", "min_ratio", "start_ms", "late_ms", "name")

    def evaluate(self, ctx: CheckContext) -> Finding:
        p = self.params
        dev = device_of(ctx.trace, ctx, p["device"], p.get("input_pin"))
        key = ctx.pin(p["output"])
        name = p.get("name") or DEFAULT_NAME
        changes = ctx.levels(p["output"])
        below = p.get("when", "below") == "below"
        thr = float(p["threshold"])
        settle = int(float(p.get("settle_ms", 300)) * 1000)
        stopped = stopped_early(ctx)
        if stopped:
            return stopped
        segments = self._segments(ctx, dev, thr, below, settle, int(float(p.get("start_ms", 500)) * 1000))
        if not segments:
            raise CheckSpecError("the scenario's input never stays on one side of the threshold")
        if len(changes) < 2 and not (changes and changes[0][1] == 1):
            return silent_output(ctx, key, name, input_keys(dev))
        for seg in segments:
            seg["got"] = [ctx.level_at(changes, t) for t, _ in seg["samples"]]
        total = sum(len(s["samples"]) for s in segments)
        good = sum(g == s["want"] for s in segments for g in s["got"])
        ratio = good / total
        need = float(p.get("min_ratio", 0.9))
        pct = {lang: fmt_num(ratio * 100, lang, 0) for lang in ("it", "en")}
        if ratio >= need:
            return Finding.say(True, f"{name['it']} è giusto per il {pct['it']} % del tempo",
                               f"{name['en']} is right {pct['en']} % of the time")
        return self._explain(segments, ratio, need, dev["type"], thr, below, name, settle)

    @staticmethod
    def _segments(ctx: CheckContext, dev: dict[str, Any], thr: float, below: bool, settle: int,
                  start: int) -> list[dict[str, Any]]:
        """Stretches of consecutive settled samples with the same wanted output."""
        sc = ctx.trace.scenario
        segments: list[dict[str, Any]] = []
        t, end = start, run_end(ctx)
        last_t = None
        while t < end:
            back = [input_value(sc, dev, max(0, t - k)) for k in range(0, settle + 1, STEP_US)]
            sides = {(v < thr) == below for v in back}
            if len(sides) == 1:
                want = 1 if sides.pop() else 0
                if segments and segments[-1]["want"] == want and last_t == t - STEP_US:
                    segments[-1]["samples"].append((t, back[0]))
                else:
                    segments.append({"want": want, "samples": [(t, back[0])]})
                last_t = t
            t += STEP_US
        return segments

    def _explain(self, segments: list[dict[str, Any]], ratio: float, need: float, dtype: str,
                 thr: float, below: bool, name: dict[str, str], settle: int) -> Finding:
        on = {"it": "acceso", "en": "on"}
        off = {"it": "spento", "en": "off"}
        expect = {lang: threshold_text(dtype, thr, below, lang) for lang in ("it", "en")}
        if ratio <= 1 - need:
            seg = segments[0]
            t, v = seg["samples"][0]
            state = on if seg["got"][0] else off
            return Finding.say(
                False, f"{name['it']} è al contrario: quando {describe(dtype, v, 'it')} è "
                       f"{state['it']}; atteso acceso solo {expect['it']}",
                f"{name['en']} is the wrong way round: when {describe(dtype, v, 'en')} it is "
                f"{state['en']}; expected on only {expect['en']}", "inverted")
        wrong_sides = {seg["want"] for seg in segments if any(g != seg["want"] for g in seg["got"])}
        for want in wrong_sides if len(wrong_sides) == 1 else ():
            near = [v for seg in segments if seg["want"] == want
                    for v, g in zip((v for _, v in seg["samples"]), seg["got"]) if g != want]
            far = [v for seg in segments if seg["want"] == want
                   for v, g in zip((v for _, v in seg["samples"]), seg["got"]) if g == want]
            # Wrong only close to the threshold, right farther away: the threshold is wrong.
            if near and far and max(abs(v - thr) for v in near) < min(abs(v - thr) for v in far):
                v = max(near, key=lambda x: abs(x - thr))
                state = off if want else on
                return Finding.say(
                    False, f"{name['it']} è {state['it']} quando {describe(dtype, v, 'it')}; "
                           f"atteso acceso solo {expect['it']}",
                    f"{name['en']} is {state['en']} when {describe(dtype, v, 'en')}; "
                    f"expected on only {expect['en']}", "wrong-threshold")
        late_us = int(float(self.params.get("late_ms", 2500)) * 1000)
        lags = []
        for seg in segments:
            wrong = [i for i, g in enumerate(seg["got"]) if g != seg["want"]]
            if wrong and (wrong != list(range(len(wrong))) or len(wrong) == len(seg["got"])):
                lags = []  # wrong in the middle, or never right: not just late
                break
            if wrong:
                lags.append(len(wrong) * STEP_US + settle)
        if lags and max(lags) <= late_us:
            lag = max(lags)
            return Finding.say(
                False, f"{name['it']} reagisce al sensore fino a {fmt_num(lag / 1000, 'it', 0)} ms "
                       f"in ritardo, atteso entro {fmt_num(settle / 1000, 'it', 0)} ms",
                f"{name['en']} reacts to the sensor up to {fmt_num(lag / 1000, 'en', 0)} ms late, "
                f"expected within {fmt_num(settle / 1000, 'en', 0)} ms", "late")
        seg = next(s for s in segments if any(g != s["want"] for g in s["got"]))
        i = next(i for i, g in enumerate(seg["got"]) if g != seg["want"])
        t, v = seg["samples"][i]
        state = on if seg["got"][i] else off
        pct = {lang: fmt_num(ratio * 100, lang, 0) for lang in ("it", "en")}
        return Finding.say(
            False, f"a {secs(t, 'it')} {describe(dtype, v, 'it')} e {name['it']} è {state['it']}: "
                   f"giusto solo per il {pct['it']} % del tempo, atteso acceso solo {expect['it']}",
            f"at {secs(t, 'en')} {describe(dtype, v, 'en')} and {name['en']} is {state['en']}: "
            f"right only {pct['en']} % of the time, expected on only {expect['en']}",
            "ignores-input")


@check_kind
class DutyTracks(Check):
    """A PWM duty follows an analog input over the full range: it correlates with the input,
    reaches ``min_full`` of full scale while the input is at the top and stays under
    ``max_zero`` while it is at zero (both held for at least ``settle_ms``)."""

    kind = "duty_tracks"
    required = ("output", "input_pin")
    optional = ("sign", "min_correlation", "device", "min_full", "max_zero", "settle_ms")

    def evaluate(self, ctx: CheckContext) -> Finding:
        p = self.params
        dev = device_of(ctx.trace, ctx, p.get("device", "potentiometer"), p["input_pin"])
        key = ctx.pin(p["output"])
        stopped = stopped_early(ctx)
        if stopped:
            return stopped
        duties = [(e.t_us, 0 if e.kind == "deinit" else int(e.value))
                  for e in ctx.trace.for_pin("pwm", key) if e.kind in ("duty", "deinit")]
        if len({d for _, d in duties}) < 2:
            if ctx.trace.for_pin("pin", key, "value"):
                return Finding.say(False, f"il LED su {pin_name(ctx, key)} è solo acceso o spento, "
                                          "senza PWM",
                                   f"the LED on {pin_name(ctx, key)} is only on or off, without PWM",
                                   "no-pwm")
            return silent_output(ctx, key, {"it": "la luminosità del LED", "en": "the LED's brightness"},
                                 {dev["pin"]})
        sc, settle = ctx.trace.scenario, int(float(p.get("settle_ms", 300)) * 1000)
        samples = []  # (t, input 0..1, duty 0..1, input settled at the top / at zero)
        for t in range(500_000, run_end(ctx), STEP_US):
            back = [input_value(sc, dev, max(0, t - k)) for k in range(0, settle + 1, STEP_US)]
            duty = 0
            for dt, d in duties:
                if dt > t:
                    break
                duty = d
            samples.append((t, back[0], duty / 65535, min(back) >= 0.98, max(back) <= 0.02))
        sign = 1 if int(p.get("sign", 1)) >= 0 else -1
        corr = sign * _correlation([s[1] for s in samples], [s[2] for s in samples])
        need = float(p.get("min_correlation", 0.9))
        if corr < need:
            return self._not_tracking(samples, corr, sign, need)
        tops = [s for s in samples if (s[3] if sign > 0 else s[4])]
        zeros = [s for s in samples if (s[4] if sign > 0 else s[3])]
        full, low = float(p.get("min_full", 0.9)), float(p.get("max_zero", 0.05))
        top = max((s[2] for s in tops), default=None)
        bottom = min((s[2] for s in zeros), default=None)
        pct = lambda x, lang: fmt_num(x * 100, lang, 1)  # noqa: E731
        if top is not None and top < full:
            return Finding.say(
                False, f"luminosità massima {pct(top, 'it')} %, attesa almeno "
                       f"{pct(full, 'it')} % con la manopola al massimo",
                f"maximum brightness {pct(top, 'en')} %, expected at least {pct(full, 'en')} % "
                "with the knob at full scale", "half-range")
        if bottom is not None and bottom > low:
            return Finding.say(
                False, f"con la manopola a zero la luminosità è {pct(bottom, 'it')} %, attesa "
                       f"al massimo {pct(low, 'it')} %",
                f"with the knob at zero the brightness is {pct(bottom, 'en')} %, expected at most "
                f"{pct(low, 'en')} %", "never-dark")
        top_t = {lang: "" if top is None else f"; massimo {pct(top, lang)} %" for lang in ("it",)}
        return Finding.say(True, f"la luminosità segue la manopola ({fmt_num(corr, 'it', 2)} su 1)"
                                 f"{top_t['it']}",
                           f"the brightness follows the knob ({fmt_num(corr, 'en', 2)} out of 1)"
                           + ("" if top is None else f"; maximum {pct(top, 'en')} %"))

    @staticmethod
    def _not_tracking(samples: list[tuple], corr: float, sign: int, need: float) -> Finding:
        worst = max(samples, key=lambda s: abs(s[2] - (s[1] if sign > 0 else 1 - s[1])))
        t, v, d = worst[0], worst[1], worst[2]
        where = {lang: f"a {secs(t, lang)}" if lang == "it" else f"at {secs(t, lang)}"
                 for lang in ("it", "en")}
        knob = {lang: fmt_num(v * 100, lang, 0) for lang in ("it", "en")}
        led = {lang: fmt_num(d * 100, lang, 0) for lang in ("it", "en")}
        if corr <= -0.5:
            return Finding.say(
                False, f"la luminosità va al contrario: {where['it']} manopola {knob['it']} %, "
                       f"LED {led['it']} %",
                f"the brightness goes the wrong way: {where['en']} knob {knob['en']} %, "
                f"LED {led['en']} %", "inverted")
        return Finding.say(
            False, f"la luminosità non segue la manopola: {where['it']} manopola {knob['it']} %, "
                   f"LED {led['it']} % (la segue per {fmt_num(max(corr, 0), 'it', 2)} su 1, "
                   f"serve almeno {fmt_num(need, 'it', 2)})",
            f"the brightness does not follow the knob: {where['en']} knob {knob['en']} %, LED "
            f"{led['en']} % (it follows it {fmt_num(max(corr, 0), 'en', 2)} out of 1, at least "
            f"{fmt_num(need, 'en', 2)} needed)", "ignores-input")


def _correlation(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    if n < 3:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / (sxx * syy) ** 0.5 if sxx > 0 and syy > 0 else 0.0


@check_kind
class ReactsWithin(Check):
    """After each scripted button press, an output changes within ``within_ms`` of the press
    edge and (with ``exactly_once``) never again until the next press; it never changes while
    the button is untouched."""

    kind = "reacts_within"
    required = ("button", "output", "within_ms")
    optional = ("exactly_once", "name")

    def evaluate(self, ctx: CheckContext) -> Finding:
        p = self.params
        dev = device_of(ctx.trace, ctx, "button", p["button"])
        key = ctx.pin(p["output"])
        name = p.get("name") or DEFAULT_NAME
        stopped = stopped_early(ctx)
        if stopped:
            return stopped
        # Writes in the first 200 ms set the output up; they are not reactions.
        changes = [t for t, _ in ctx.levels(p["output"]) if t >= SETUP_US]
        within = int(float(p["within_ms"]) * 1000)
        end = run_end(ctx)
        presses = [(int(a * 1000), int((a + h) * 1000)) for a, h in dev["presses"] if a * 1000 < end]
        if not presses:
            raise CheckSpecError("the scenario has no button press")
        if not changes:
            return silent_output(ctx, key, name, {dev["pin"]})
        stray = [t for t in changes
                 if not any(s <= t <= e + within for s, e in presses)]
        if stray:
            t = stray[0]
            return Finding.say(False, f"{name['it']} cambia a {secs(t, 'it')}, ma il pulsante "
                                      "non è premuto",
                               f"{name['en']} changes at {secs(t, 'en')}, but the button is not "
                               "pressed", "ignores-input")
        slowest = 0
        for k, (start, stop) in enumerate(presses):
            nxt = presses[k + 1][0] if k + 1 < len(presses) else end + 1
            mine = [t for t in changes if start <= t < nxt]
            found = self._press_problem(k, start, stop, mine, within, name)
            if found:
                return found
            slowest = max(slowest, mine[0] - start)
        ms = {lang: fmt_num(slowest / 1000, lang, 0) for lang in ("it", "en")}
        return Finding.say(True, f"{len(presses)} pressioni: {name['it']} cambia ogni volta "
                                 f"(al più tardi dopo {ms['it']} ms)",
                           f"{len(presses)} presses: {name['en']} changes every time "
                           f"(at the latest after {ms['en']} ms)")

    def _press_problem(self, k: int, start: int, stop: int, mine: list[int], within: int,
                       name: dict[str, str]) -> Finding | None:
        n = k + 1
        at = {lang: secs(start, lang) for lang in ("it", "en")}
        if not mine:
            return Finding.say(False, f"la pressione {n} (a {at['it']}) non cambia {name['it']}",
                               f"press {n} (at {at['en']}) does not change {name['en']}", "missed")
        if mine[0] >= stop:
            rel = {lang: secs(stop, lang) for lang in ("it", "en")}
            return Finding.say(
                False, f"{name['it']} cambia quando lasci il pulsante (a {rel['it']}), atteso "
                       f"quando lo premi (a {at['it']})",
                f"{name['en']} changes when you release the button (at {rel['en']}), expected "
                f"when you press it (at {at['en']})", "on-release")
        if mine[0] - start > within:
            ms = {lang: fmt_num((mine[0] - start) / 1000, lang, 0) for lang in ("it", "en")}
            lim = {lang: fmt_num(within / 1000, lang, 0) for lang in ("it", "en")}
            return Finding.say(
                False, f"{name['it']} cambia {ms['it']} ms dopo la pressione {n}, atteso entro "
                       f"{lim['it']} ms",
                f"{name['en']} changes {ms['en']} ms after press {n}, expected within {lim['en']} ms",
                "late")
        if not self.params.get("exactly_once", False) or len(mine) == 1:
            return None
        if sum(1 for t in mine if t - mine[0] <= 20_000) > 1:
            return Finding.say(
                False, f"la pressione {n} (a {at['it']}) cambia {name['it']} {len(mine)} volte, "
                       "attesa 1 volta: legge i rimbalzi",
                f"press {n} (at {at['en']}) changes {name['en']} {len(mine)} times, expected once: "
                "it reads the bounces", "bounces")
        if any(t >= stop for t in mine[1:]):
            rel = {lang: secs(stop, lang) for lang in ("it", "en")}
            return Finding.say(
                False, f"la pressione {n} cambia {name['it']} {len(mine)} volte: anche quando lasci "
                       f"il pulsante (a {rel['it']}), per i rimbalzi; attesa 1 volta",
                f"press {n} changes {name['en']} {len(mine)} times: also when you release the "
                f"button (at {rel['en']}), because of the bounces; expected once", "bounces")
        held = {lang: fmt_num((stop - start) / 1e6, lang, 1) for lang in ("it", "en")}
        return Finding.say(
            False, f"tenendo premuto il pulsante {held['it']} s (pressione {n}) {name['it']} cambia "
                   f"{len(mine)} volte, attesa 1 volta",
            f"holding the button for {held['en']} s (press {n}) changes {name['en']} "
            f"{len(mine)} times, expected once", "while-held")
