"""Python checks of the micro:bit counter lab: after every press of A the display shows the count
of presses so far, and after B it shows 0 and counting starts again. The number shown is read
from the board's record of the display's text (``display.show`` or ``display.scroll``) at
``within_ms`` after each press of the scenario."""

import re

from app.sim.checks import Finding, fmt_num
from app.sim.checks.measurement import button_presses, stopped_before_end

BUTTON = {"button_a": "A", "button_b": "B"}


def _numbers(trace):
    """(t_us, number) for every number put on the display."""
    out = []
    for e in trace.events:
        if e.source == "display" and e.kind in ("text", "scroll"):
            m = re.fullmatch(r"\s*(-?\d+)\s*", str(e.value))
            if m:
                out.append((e.t_us, int(m.group(1))))
    return out


def count_shown(trace, run, args):
    """After each press, at ``within_ms`` (default 400), the last number shown is the count:
    A adds 1, B goes back to 0."""
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    within = int(args.get("within_ms", 400)) * 1000
    numbers = _numbers(trace)
    if not numbers:
        return Finding.say(False, "il display non mostra mai un numero",
                           "the display never shows a number", "no-number")
    count, before_reset, presses = 0, None, button_presses(trace)
    for k, (t, pin) in enumerate(presses):
        after_reset = pin == "button_a" and before_reset is not None
        if pin == "button_a":
            count += 1
        else:
            before_reset, count = count, 0
        shown = [n for tn, n in numbers if tn <= t + within]
        got = shown[-1] if shown else None
        if got == count:
            if pin == "button_a":
                before_reset = None  # only the first A after a B can reveal a missing reset
            continue
        fresh = [n for tn, n in numbers if t < tn <= t + within]
        at = {lang: fmt_num(t / 1e6, lang, 1) for lang in ("it", "en")}
        if got is None or not fresh:
            cause = "no-number"
        elif len(fresh) > 1 and got > count:
            cause = "counts-many"
        elif after_reset and got == before_reset + 1:
            cause = "no-reset"
        elif got in (count - 1, count + 1):
            cause = "off-by-one"
        else:
            cause = "wrong-count"
        shown_it = "niente" if got is None else str(got)
        shown_en = "nothing" if got is None else str(got)
        return Finding.say(False, f"pressione {k + 1} (tasto {BUTTON[pin]}, a {at['it']} s): doveva "
                                  f"comparire {count}, compare {shown_it}",
                           f"press {k + 1} (button {BUTTON[pin]}, at {at['en']} s): {count} should "
                           f"appear, {shown_en} appears", cause)
    return Finding.say(True, f"{len(presses)} pressioni, il numero è sempre giusto",
                       f"{len(presses)} presses, the number is always right")
