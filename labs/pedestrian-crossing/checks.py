"""Python checks of the pedestrian crossing lab. At rest the cars have green; a press of the
button starts the sequence: 1 s more of green, 1 s all red, 4 s walk (red for the cars), 1 s
all red, then green again. The lights are read from the board's record of the three outputs,
sampled ``margin_ms`` inside each phase; the walk light and the cars' green must never be on
together for more than a glitch."""

from app.sim.checks import Finding, fmt_num
from app.sim.checks.measurement import stopped_before_end

GREEN, RED, WALK, BUTTON = 13, 15, "LED", 14
# (start ms, end ms after the press, (green, red, walk), cause when wrong)
PHASES = ((0, 1000, (1, 0, 0), "too-early"), (1000, 2000, (0, 1, 0), "no-all-red"),
          (2000, 6000, (0, 1, 1), "walk-time"), (6000, 7000, (0, 1, 0), "no-all-red"))
CYCLE_MS = 7000
REST = (1, 0, 0)
WORDS = {"it": ("verde auto", "rosso auto", "avanti pedoni"),
         "en": ("cars' green", "cars' red", "pedestrians' walk")}


def _levels(trace, pin):
    key = trace.board.pin_key(pin)
    out = []
    for e in trace.events:
        head, _, label = e.source.partition(":")
        if head == "pin" and e.kind == "value" and label and trace.board.physical(label) == key:
            level = 1 if e.value else 0
            if not out or out[-1][1] != level:
                out.append((e.t_us, level))
    return out


def _at(changes, t_us):
    level = 0
    for t, lv in changes:
        if t > t_us:
            break
        level = lv
    return level


def _lit(state, lang):
    on = [w for w, v in zip(WORDS[lang], state) if v]
    return ", ".join(on) if on else {"it": "tutto spento", "en": "all off"}[lang]


def _presses(trace):
    key = trace.board.pin_key(BUTTON)
    for d in trace.scenario.devices:
        if d["type"] == "button" and d["pin"] == key:
            return [int(at * 1000) for at, _ in d["presses"]]
    return []


def _overlap(green, walk, end, glitch):
    """The first time green and walk are both on for longer than ``glitch`` µs, or None."""
    times = sorted({t for t, _ in green} | {t for t, _ in walk} | {end})
    for a, b in zip(times, times[1:]):
        if _at(green, a) and _at(walk, a) and b - a > glitch:
            return a
    return None


def crossing(trace, run, args):
    """Rest state, the four phases after each press, and never green with walk."""
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    margin = int(args.get("margin_ms", 250)) * 1000
    lights = [_levels(trace, p) for p in (GREEN, RED, WALK)]
    end = trace.sim_time_us
    for changes, name in zip(lights, ("GP13", "GP15", "LED")):
        if not changes:
            return Finding.say(False, f"la luce su {name} non si accende mai",
                               f"the light on {name} never turns on", "wrong-pin")
    unsafe = _overlap(lights[0], lights[2], end, 50_000)
    if unsafe is not None:
        at = {lang: fmt_num(unsafe / 1e6, lang, 1) for lang in ("it", "en")}
        return Finding.say(False, f"a {at['it']} s pedoni e auto hanno il via insieme",
                           f"at {at['en']} s pedestrians and cars both have go", "unsafe")
    samples = []  # (rest first?, t_us, wanted state, cause, press)
    busy_until = 0
    presses = _presses(trace)
    for p in presses:
        if p < busy_until:
            continue
        for start, stop, state, cause in PHASES:
            samples += [(1, p + start * 1000 + margin, state, cause, p),
                        (1, p + stop * 1000 - margin, state, cause, p)]
        busy_until = p + CYCLE_MS * 1000 + margin
    cycles = sorted((p, p + CYCLE_MS * 1000 + margin) for p in presses)
    t = 300_000
    while t < end:
        if not any(a <= t < b for a, b in cycles):
            after_cycle = any(b <= t for _, b in cycles)
            samples.append((0, t, REST, "stays-red" if after_cycle else "no-wait", None))
        t += 250_000
    # the rest state first: a light that changes on its own explains everything after it
    for _, t, state, cause, press in sorted(samples, key=lambda x: (x[0], x[1])):
        if t >= end:
            continue
        got = tuple(_at(c, t) for c in lights)
        if got != state:
            if cause == "stays-red":
                since = max(b for _, b in cycles if b <= t) - margin - 1_000_000
                if got[0] or any(lv and since < ct <= t for ct, lv in lights[0]):
                    cause = "no-wait"  # green came back, then the light changed on its own
            if press is not None and not any(press < ct <= t for c in lights for ct, _ in c):
                cause = "no-response"
            at = {lang: fmt_num(t / 1e6, lang, 2) for lang in ("it", "en")}
            return Finding.say(False, f"a {at['it']} s è acceso: {_lit(got, 'it')}; doveva essere: "
                                      f"{_lit(state, 'it')}",
                               f"at {at['en']} s on: {_lit(got, 'en')}; it should be: "
                               f"{_lit(state, 'en')}", cause)
    n = len([p for p in presses if p < end])
    return Finding.say(True, f"{n} chiamate, ogni volta la sequenza giusta",
                       f"{n} calls, the right sequence every time")
