"""Check kinds over NeoPixel strips: ``running_dot``, a single lit pixel that moves one LED at a time
at a steady pace and keeps going (a bar that fills up, a dot that jumps or blinks out, a strip of
the wrong length are each told apart). Frames are what the program wrote with ``np.write()``; a
frame shown for less than ``glitch_ms`` (the moment between clearing and lighting) does not count.
"""

from __future__ import annotations

from app.sim.checks.base import Check, CheckContext, Finding, check_kind
from app.sim.checks.signals import Ms, Sec, end_us, no_signal, say, stopped


Frame = tuple[int, int, tuple[int, ...]]  # start_us, length_us, indexes of the lit pixels


def shown_frames(ctx: CheckContext, key: str, glitch_us: float) -> list[Frame]:
    """(start_us, length_us, lit pixel indexes) of each frame the strip showed for long enough;
    consecutive frames lighting the same pixels (a colour change) count as one."""
    writes = [(e.t_us, e.value) for e in ctx.trace.for_pin("neopixel", key, "write")]
    writes.append((max(end_us(ctx), writes[-1][0] if writes else 0), None))
    out: list[Frame] = []
    for (t, frame), (t_next, _) in zip(writes, writes[1:]):
        if t_next - t < glitch_us:
            if out:
                out[-1] = (out[-1][0], t_next - out[-1][0], out[-1][2])
            continue
        lit = tuple(i for i, px in enumerate(frame) if any(px))
        if out and out[-1][2] == lit:
            out[-1] = (out[-1][0], t_next - out[-1][0], lit)
        else:
            out.append((t, t_next - t, lit))
    return out


def _leds(lit: tuple[int, ...]) -> str:
    return ", ".join(str(i) for i in lit[:8]) + ("…" if len(lit) > 8 else "")


@check_kind
class RunningDot(Check):
    """Exactly one pixel lit in every frame, moving to a neighbour (or back to the other end) every
    ``step_ms`` ± ``tolerance_ms``, over every pixel of a ``count``-pixel strip, to the end."""

    kind = "running_dot"
    required = ("pin", "count")
    optional = ("step_ms", "tolerance_ms", "min_steps", "glitch_ms")

    def evaluate(self, ctx: CheckContext) -> Finding:
        p = self.params
        key, count = ctx.pin(p["pin"]), int(p["count"])
        strip = {"it": "la striscia", "en": "the strip"}
        sizes = {len(e.value) for e in ctx.trace.for_pin("neopixel", key, "write")}
        if sizes - {count}:
            return say(False, "wrong-count",
                       "il programma usa una striscia di {n} LED: quella vera ne ha {m}",
                       "the program uses a strip of {n} LEDs: the real one has {m}",
                       n=max(sizes - {count}), m=count)
        frames = shown_frames(ctx, key, float(p.get("glitch_ms", 10)) * 1000)
        if len(frames) < 2:
            return no_signal(ctx, [key], strip, ("neopixel",), ("write",))
        step, tol = float(p.get("step_ms", 100)) * 1000, float(p.get("tolerance_ms", 20)) * 1000
        for t, d, lit in frames:
            if not lit:
                return say(False, "dark",
                           "a {t} la striscia resta tutta spenta per {d}: deve esserci sempre 1 LED acceso",
                           "at {t} the whole strip stays dark for {d}: exactly 1 LED must always be lit",
                           t=Sec(t), d=Ms(d))
            if len(lit) > 1:
                return say(False, "bar-not-dot",
                           "a {t} sono accesi {k} LED insieme ({which}) per {d}: atteso 1 solo",
                           "at {t} {k} LEDs are lit together ({which}) for {d}: expected exactly 1",
                           t=Sec(t), k=len(lit), which=_leds(lit), d=Ms(d))
        for (_, _, (a,)), (t, _, (b,)) in zip(frames, frames[1:]):
            if abs(a - b) != 1 and {a, b} != {0, count - 1}:
                return say(False, "jumps",
                           "a {t} il punto salta dal LED {a} al LED {b}: atteso un LED alla volta",
                           "at {t} the dot jumps from LED {a} to LED {b}: expected one LED at a time",
                           t=Sec(t), a=a, b=b)
        for n, (t, d, (a,)) in enumerate(frames):
            last = n == len(frames) - 1
            # A dot that bounces may rest one extra step at either end (two loops, 0..7 and 7..0).
            bounce = 0 < n and not last and frames[n - 1][2] == frames[n + 1][2]
            longest = (2 if bounce and a in (0, count - 1) else 1) * step + tol
            if last and d > longest:
                return stopped(t, ctx, {"it": "il punto", "en": "the dot"})
            if not last and not step - tol <= d <= longest:
                return say(False, "too-fast" if d < step else "too-slow",
                           "a {t} il punto resta sul LED {a} per {d}: atteso {w} ± {tol}",
                           "at {t} the dot stays on LED {a} for {d}: expected {w} ± {tol}",
                           t=Sec(t), a=a, d=Ms(d), w=Ms(step), tol=Ms(tol))
        visited = {f[2][0] for f in frames}
        if len(visited) < count:
            return say(False, "not-all", "il punto passa solo dai LED {which}: attesi tutti e {m}",
                       "the dot only visits LEDs {which}: expected all {m}",
                       which=_leds(tuple(sorted(visited))), m=count)
        need = int(p.get("min_steps", 2 * count))
        if len(frames) - 1 < need:
            return say(False, "too-few", "il punto fa {n} passi, almeno {need} attesi",
                       "the dot makes {n} steps, at least {need} expected", n=len(frames) - 1,
                       need=need)
        return say(True, None, "un solo LED acceso, {n} passi da {w}", "one LED lit, {n} steps of {w}",
                   n=len(frames) - 1, w=Ms(step))
