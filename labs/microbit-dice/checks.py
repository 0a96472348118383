"""Python checks of the micro:bit dice lab: every shake of the scenario is followed by a number
from 1 to 6 on the display, no number appears without a shake, and the numbers change from one
roll to the next (a random draw at every shake). Numbers are read from the board's record of the
display's text; a roll may "spin" while the board is being shaken, its last number counts."""

import re

from app.sim.checks import Finding, fmt_num
from app.sim.checks.measurement import stopped_before_end


def _shakes(trace):
    """(start_us, end_us) of every shake in the scenario."""
    mb = trace.scenario.extra.get("microbit")
    if mb is None:
        return []
    return [(t, t + (hold or 500_000)) for t, name, hold in mb.gestures if name == "shake"]


def _numbers(trace):
    out = []
    for e in trace.events:
        if e.source == "display" and e.kind in ("text", "scroll"):
            m = re.fullmatch(r"\s*(-?\d+)\s*", str(e.value))
            if m:
                out.append((e.t_us, int(m.group(1))))
    return out


def dice_rolls(trace, run, args):
    """After each shake, within its length plus ``after_ms`` (default 400), a number from 1 to 6;
    none outside those windows; the rolls not all equal."""
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    after = int(args.get("after_ms", 400)) * 1000
    windows = [(a, b + after) for a, b in _shakes(trace)]
    numbers = _numbers(trace)
    stray = [(t, n) for t, n in numbers if not any(a <= t <= b for a, b in windows)]
    if stray:
        t, n = stray[0]
        late = any(b < t <= b + 3_000_000 for _, b in windows) and trace.of("display", "scroll")
        if late:
            at = {lang: fmt_num(t / 1e6, lang, 1) for lang in ("it", "en")}
            return Finding.say(False, f"a {at['it']} s compare {n}, troppo tardi dopo la scossa",
                               f"at {at['en']} s {n} appears, too late after the shake", "late")
        at = {lang: fmt_num(t / 1e6, lang, 1) for lang in ("it", "en")}
        return Finding.say(False, f"a {at['it']} s compare {n}, ma nessuno ha scosso il micro:bit",
                           f"at {at['en']} s {n} appears, but nobody shook the micro:bit",
                           "rolls-alone")
    rolls = []
    for k, (a, b) in enumerate(windows):
        inside = [n for t, n in numbers if a <= t <= b]
        at = {lang: fmt_num(a / 1e6, lang, 1) for lang in ("it", "en")}
        if not inside:
            return Finding.say(False, f"scossa {k + 1} (a {at['it']} s): non compare nessun numero",
                               f"shake {k + 1} (at {at['en']} s): no number appears", "no-roll")
        bad = [n for n in inside if not 1 <= n <= 6]
        if bad:
            return Finding.say(False, f"scossa {k + 1} (a {at['it']} s): compare {bad[0]}, un dado "
                                      "ha solo le facce da 1 a 6",
                               f"shake {k + 1} (at {at['en']} s): {bad[0]} appears, a dice only has "
                               "faces 1 to 6", "out-of-range")
        rolls.append(inside[-1])
    listed = ", ".join(str(n) for n in rolls)
    if len(rolls) >= 3 and len(set(rolls)) == 1:
        return Finding.say(False, f"esce sempre lo stesso numero ({listed})",
                           f"the same number comes every time ({listed})", "not-random")
    return Finding.say(True, f"{len(rolls)} lanci: {listed}", f"{len(rolls)} rolls: {listed}")
