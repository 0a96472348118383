"""Python checks of the micro:bit reaction lab."""
import re


def reaction_time(trace, run, args):
    """The time scrolled on the display equals press time - HEART time (within 25 ms)."""
    heart = "09090:99999:99999:09990:00900"
    go = [e.t_us for e in trace.of("display", "image") if e.value == heart]
    if not go:
        return False, "the HEART (go signal) never appeared"
    presses = [d for d in trace.scenario.devices if d["type"] == "button" and d["pin"] == "button_a"]
    starts = [int(a * 1000) for a, _ in presses[0]["presses"]] if presses else []
    after = [t for t in starts if t >= go[0]]
    if not after:
        return False, "no press after the go signal"
    expected = (after[0] - go[0]) / 1000
    shown = [e.value for e in trace.of("display", "scroll")]
    numbers = [int(m) for s in shown for m in re.findall(r"-?[0-9]+", s)]
    ok = any(abs(n - expected) <= 25 for n in numbers)
    return ok, "expected about %d ms, display showed %s" % (expected, shown[:3])
