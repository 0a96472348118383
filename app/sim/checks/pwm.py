"""Check kinds over PWM outputs, read from the raw frequency and duty the program set: an LED that
fades up and down in smooth ramps (``pwm_fade``), a hobby servo swept through given angles at
50 Hz (``servo_sweep``) and a passive buzzer playing a melody with the right notes, lengths and
silences (``melody``). Each returns a :class:`Finding` with the measurement and a cause
(``snaps-off``, ``wrong-freq``, ``wrong-note``, ``no-gaps``…) that picks the lab's hint."""

from __future__ import annotations

from app.sim.checks.base import Check, CheckContext, CheckSpecError, Finding, check_kind, fmt_num
from app.sim.checks.signals import Ms, Sec, end_us, no_signal, say, stopped

FULL = 65535


def pwm_timeline(ctx: CheckContext, key: str) -> list[tuple[int, int, int]]:
    """(t_us, freq_hz, duty_u16) after each change of the PWM on a physical pin."""
    freq = duty = 0
    out: list[tuple[int, int, int]] = []
    for e in ctx.trace.for_pin("pwm", key):
        if e.kind == "freq":
            freq = e.value
        elif e.kind in ("duty", "deinit"):
            duty = e.value if e.kind == "duty" else 0
        else:
            continue
        if out and out[-1][0] == e.t_us:
            out.pop()
        if not out or out[-1][1:] != (freq, duty):
            out.append((e.t_us, freq, duty))
    return out


class Pct:
    """A duty_u16 shown as a percentage of full brightness."""

    def __init__(self, duty: float) -> None:
        self.duty = duty

    def text(self, lang: str) -> str:
        return f"{fmt_num(self.duty * 100 / FULL, lang, 0)} %"


LED = {"it": "il LED", "en": "the LED"}


@check_kind
class PwmFade(Check):
    """A PWM duty fades from off to full and back, forever: every ramp monotone, with at least
    ``min_steps`` steps, none bigger than ``max_jump``, lasting ``min_ramp_ms``..``max_ramp_ms``."""

    kind = "pwm_fade"
    required = ("pin",)
    optional = ("low", "high", "min_steps", "max_jump", "min_ramp_ms", "max_ramp_ms", "min_ramps",
                "max_pause_ms")

    def evaluate(self, ctx: CheckContext) -> Finding:
        p = self.params
        key = ctx.pin(p["pin"])
        low, high = int(p.get("low", 1000)), int(p.get("high", 60000))
        duties: list[tuple[int, int]] = []
        for t, _, d in pwm_timeline(ctx, key):
            if not duties or duties[-1][1] != d:
                duties.append((t, d))
        if len(duties) < 2:
            return no_signal(ctx, [key], LED, ("pwm",), ("duty",))
        top, bottom = max(d for _, d in duties), min(d for _, d in duties)
        if top < high or bottom > low:
            return say(False, "not-full",
                       "la luminosità va da {lo} a {hi}: attesa da 0 % (spento) ad almeno {want}",
                       "brightness goes from {lo} to {hi}: expected from 0 % (off) to at least {want}",
                       lo=Pct(bottom), hi=Pct(top), want=Pct(high))
        ramps = _ramps(duties, low, high)
        min_steps, jump = int(p.get("min_steps", 20)), int(p.get("max_jump", FULL // 4))
        shortest = float(p.get("min_ramp_ms", 500)) * 1000
        longest = float(p.get("max_ramp_ms", 2000)) * 1000
        for up, a, b in ramps:
            part = duties[a:b + 1]
            steps, length = b - a, part[-1][0] - part[0][0]
            moves = [y - x for (_, x), (_, y) in zip(part, part[1:])]
            nums = dict(t=Sec(part[0][0]), d=Ms(length), need=min_steps, lo=Ms(shortest),
                        hi=Ms(longest), j=Pct(max(abs(m) for m in moves)), max=Pct(jump),
                        n={"it": f"{steps} passi" if steps > 1 else "un solo passo",
                           "en": f"{steps} steps" if steps > 1 else "a single step"},
                        way={"it": "sale" if up else "scende", "en": "rises" if up else "falls"})
            if steps < min_steps:
                return say(False, "snaps-on" if up else "snaps-off",
                           "a {t} la luminosità {way} in {n}: attesi almeno {need} piccoli passi",
                           "at {t} brightness {way} in {n}: expected at least {need} small steps",
                           **nums)
            if any((m > 0) != up for m in moves):
                return say(False, "uneven", "a {t} la luminosità {way} ma a tratti torna indietro",
                           "at {t} brightness {way} but goes back now and then", **nums)
            if max(abs(m) for m in moves) > jump:
                return say(False, "jumps",
                           "a {t} la luminosità {way} con un salto di {j}: al massimo {max} per passo",
                           "at {t} brightness {way} with a jump of {j}: at most {max} per step", **nums)
            if not shortest <= length <= longest:
                return say(False, "too-fast" if length < shortest else "too-slow",
                           "a {t} la luminosità {way} in {d}: attesi da {lo} a {hi}",
                           "at {t} brightness {way} in {d}: expected {lo} to {hi}", **nums)
        still = float(p.get("max_pause_ms", 1000)) * 1000
        for (t0, _), (t1, _) in zip(duties, duties[1:]):
            if t1 - t0 > still:
                return say(False, "pauses", "a {t} la luminosità resta ferma per {d}: al massimo {w}",
                           "at {t} brightness stays still for {d}: at most {w}", t=Sec(t0),
                           d=Ms(t1 - t0), w=Ms(still))
        if end_us(ctx) - duties[-1][0] > still:
            return stopped(duties[-1][0], ctx, {"it": "la dissolvenza", "en": "the fade"})
        need = int(p.get("min_ramps", 4))
        if len(ramps) < need:
            return say(False, "too-few", "{n} salite e discese complete, almeno {need} attese",
                       "{n} complete rises and falls, at least {need} expected", n=len(ramps),
                       need=need)
        return say(True, None, "{n} salite e discese, tutte a piccoli passi",
                   "{n} rises and falls, all in small steps", n=len(ramps))


def _ramps(duties: list[tuple[int, int]], low: int, high: int) -> list[tuple[bool, int, int]]:
    """(rising, first index, last index) of each move from one end of the range to the other:
    from the last value at one end to the first value at the other end."""
    ramps: list[tuple[bool, int, int]] = []
    side, since = None, 0
    for i, (_, d) in enumerate(duties):
        now = "low" if d <= low else "high" if d >= high else None
        if now and side and now != side:
            ramps.append((side == "low", since, i))
        if now:
            side, since = now, i
    return ramps


class Pulse:
    """A servo pulse width in microseconds, shown in milliseconds with one decimal."""

    def __init__(self, us: float) -> None:
        self.us = us

    def text(self, lang: str) -> str:
        return f"{fmt_num(self.us / 1000, lang, 1)} ms"


@check_kind
class ServoSweep(Check):
    """A servo on the right pin gets 50 Hz pulses within its range and passes through the given
    angles in order, moving at most ``max_step_deg`` at a time, and keeps sweeping."""

    kind = "servo_sweep"
    required = ("pin", "angles")
    optional = ("tolerance_deg", "freq_hz", "max_step_deg", "max_pause_ms")

    def evaluate(self, ctx: CheckContext) -> Finding:
        p = self.params
        key = ctx.pin(p["pin"])
        dev = next((d for d in ctx.trace.scenario.devices_of("servo") if d["pin"] == key), None)
        if dev is None:
            raise CheckSpecError("the scenario has no servo on this pin")
        what = {"it": "il servo", "en": "the servo"}
        signal = [(t, f, d) for t, f, d in pwm_timeline(ctx, key) if d > 0]
        if not signal:
            return no_signal(ctx, [key], what, ("pwm",), ("duty",))
        want_hz = float(p.get("freq_hz", 50))
        wrong = [f for _, f, _ in signal if abs(f - want_hz) > want_hz * 0.1]
        if wrong:
            return say(False, "wrong-freq", "il PWM del servo va a {f} Hz: attesi {w} Hz",
                       "the servo's PWM runs at {f} Hz: expected {w} Hz", f=wrong[0],
                       w=fmt_num(want_hz, "en", 0))
        lo_us, hi_us = dev["min_us"], dev["max_us"]
        pulses = [(t, d / FULL * 1_000_000 / f) for t, f, d in signal]
        shortest, longest = min(w for _, w in pulses), max(w for _, w in pulses)
        nums = dict(a=Pulse(shortest), b=Pulse(longest), lo=Pulse(lo_us), hi=Pulse(hi_us))
        if shortest < lo_us * 0.8 or longest > hi_us * 1.2:
            return say(False, "wrong-pulse",
                       "impulsi da {a} a {b}: il servo accetta da {lo} (0°) a {hi} (180°)",
                       "pulses from {a} to {b}: the servo takes {lo} (0°) to {hi} (180°)", **nums)
        angles: list[tuple[int, int]] = []
        for t, w in pulses:
            a = round((min(max(w, lo_us), hi_us) - lo_us) / (hi_us - lo_us) * 180)
            if not angles or angles[-1][1] != a:
                angles.append((t, a))
        tol = float(p.get("tolerance_deg", 5))
        want = [float(a) for a in p["angles"]]
        if any(all(abs(a - w) > tol for _, a in angles) for w in want):
            return say(False, "narrow-range",
                       "impulsi da {a} a {b}: il servo va solo da {x}° a {y}°; 0° vuole {lo}, 180° vuole {hi}",
                       "pulses from {a} to {b}: the servo only goes from {x}° to {y}°; 0° needs {lo}, "
                       "180° needs {hi}", x=min(a for _, a in angles), y=max(a for _, a in angles),
                       **nums)
        step = p.get("max_step_deg")
        still = float(p.get("max_pause_ms", 1000)) * 1000
        for (t0, a0), (t1, a1) in zip(angles, angles[1:]):
            if step is not None and abs(a1 - a0) > float(step) + tol:
                return say(False, "jumps", "a {t} il servo salta da {x}° a {y}°: al massimo {s}° per passo",
                           "at {t} the servo jumps from {x}° to {y}°: at most {s}° per step",
                           t=Sec(t1), x=a0, y=a1, s=step)
            if t1 - t0 > still:
                return say(False, "pauses", "a {t} il servo resta fermo a {x}° per {d}: al massimo {w}",
                           "at {t} the servo stays still at {x}° for {d}: at most {w}", t=Sec(t0),
                           x=a0, d=Ms(t1 - t0), w=Ms(still))
        k = 0
        for _, a in angles:
            if k < len(want) and abs(a - want[k]) <= tol:
                k += 1
        route = " → ".join(f"{w:g}°" for w in want)
        if k < len(want):
            return say(False, "wrong-order", "il servo non fa il percorso {r}",
                       "the servo does not go {r}", r=route)
        last = angles[-1][0]
        if end_us(ctx) - last > still:
            return stopped(last, ctx, {"it": "il servo", "en": "the servo"})
        return say(True, None, "50 Hz, impulsi da {a} a {b}: il servo fa {r}",
                   "50 Hz, pulses from {a} to {b}: the servo goes {r}", r=route, **nums)


@check_kind
class Melody(Check):
    """A passive buzzer plays the given notes in order, each for ``note_ms`` ± ``tolerance_ms``,
    with a silence of ``min_gap_ms``..``max_gap_ms`` between two notes. The buzzer sounds while
    its duty is strictly between 0 and 65535 (a steady 0 % or 100 % signal makes no sound)."""

    kind = "melody"
    required = ("pin", "notes")
    optional = ("names", "note_ms", "tolerance_ms", "tolerance_pct", "min_gap_ms", "max_gap_ms",
                "glitch_ms")

    def sounds(self, ctx: CheckContext, key: str) -> list[tuple[int, int, int]]:
        """(start_us, length_us, freq) of each sound, switching glitches left out."""
        glitch = float(self.params.get("glitch_ms", 10)) * 1000
        heard = [(t, f if 0 < d < FULL else 0) for t, f, d in pwm_timeline(ctx, key)]
        heard.append((max(end_us(ctx), heard[-1][0] if heard else 0), -1))
        out = []
        for (t, f), (t_next, _) in zip(heard, heard[1:]):
            if f and t_next - t >= glitch:
                if out and out[-1][2] == f and t - (out[-1][0] + out[-1][1]) < glitch:
                    out[-1] = (out[-1][0], t_next - out[-1][0], f)
                else:
                    out.append((t, t_next - t, f))
        return out

    def evaluate(self, ctx: CheckContext) -> Finding:
        p = self.params
        key = ctx.pin(p["pin"])
        notes = [float(n) for n in p["notes"]]
        names = p.get("names") or {lang: [f"{n:g} Hz" for n in notes] for lang in ("it", "en")}
        length, tol = float(p.get("note_ms", 300)) * 1000, float(p.get("tolerance_ms", 30)) * 1000
        pct = float(p.get("tolerance_pct", 2)) / 100
        gaps = float(p.get("min_gap_ms", 20)) * 1000, float(p.get("max_gap_ms", 200)) * 1000
        what = {"it": "il buzzer", "en": "the buzzer"}
        played = self.sounds(ctx, key)
        if not played:
            duties = {d for _, _, d in pwm_timeline(ctx, key)}
            if duties:
                return say(False, "silent",
                           "il buzzer non suona mai: duty_u16 resta {d}, serve un valore a metà (32768)",
                           "the buzzer never sounds: duty_u16 stays {d}, it needs a value halfway (32768)",
                           d=" / ".join(str(d) for d in sorted(duties)))
            return no_signal(ctx, [key], what, ("pwm",), ("duty",))
        for k, want in enumerate(notes):
            name = {lang: names[lang][k] for lang in ("it", "en")}
            if k >= len(played):
                return say(False, "missing-notes", "suonate {n} note, attese {m}: manca {name}",
                           "{n} notes played, {m} expected: {name} is missing", n=len(played),
                           m=len(notes), name=name)
            t, d, f = played[k]
            nums = dict(t=Sec(t), k=k + 1, f=f, name=name, d=Ms(d), w=Ms(length), tol=Ms(tol))
            if abs(f - want) > want * pct:
                return say(False, "wrong-note", "a {t} la nota {k} è {f} Hz: atteso {name} ({want} Hz)",
                           "at {t} note {k} is {f} Hz: expected {name} ({want} Hz)", want=f"{want:g}",
                           **nums)
            if abs(d - length) > tol:
                return say(False, "too-long" if d > length else "too-short",
                           "a {t} la nota {k} ({name}) dura {d}: attesi {w} ± {tol}",
                           "at {t} note {k} ({name}) lasts {d}: expected {w} ± {tol}", **nums)
            if k + 1 < len(notes) and k + 1 < len(played):
                gap = played[k + 1][0] - t - d
                if not gaps[0] <= gap <= gaps[1]:
                    return say(False, "no-gaps" if gap < gaps[0] else "long-gap",
                               "dopo la nota {k} ({name}) il silenzio dura {g}: attesi da {lo} a {hi}",
                               "after note {k} ({name}) the silence lasts {g}: expected {lo} to {hi}",
                               g=Ms(gap), lo=Ms(gaps[0]), hi=Ms(gaps[1]), **nums)
        return say(True, None, "{n} note giuste, ognuna {w} con una pausa tra l'una e l'altra",
                   "{n} right notes, each {w} with a pause in between", n=len(notes), w=Ms(length))
