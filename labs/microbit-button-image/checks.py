"""Python checks of the micro:bit "press and show" lab: shortly after every press of A the display
shows the heart, and after every press of B the smiley. What the display shows is read from the
board's record of its pictures, at ``within_ms`` after each press in the scenario."""

from app.sim.checks import Finding, fmt_num
from app.sim.checks.measurement import button_presses, stopped_before_end

PICTURES = {"HEART": "09090:99999:99999:09990:00900", "HAPPY": "00000:09090:00000:90009:09990"}
NAMES = {"HEART": {"it": "il cuore", "en": "the heart"},
         "HAPPY": {"it": "la faccina felice", "en": "the smiley"}}
BUTTON = {"button_a": "A", "button_b": "B"}


def _shown_at(trace, t_us):
    """The picture on the display at a time (None before the first picture)."""
    shown = None
    for e in trace.of("display", "image"):
        if e.t_us > t_us:
            break
        shown = e.value
    return shown


def picture_after_press(trace, run, args):
    """After each press, at ``within_ms`` (default 300), the display shows the picture of that
    button (``pictures``: button pin -> HEART or HAPPY)."""
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    within = int(args.get("within_ms", 300)) * 1000
    wanted = args.get("pictures") or {"button_a": "HEART", "button_b": "HAPPY"}
    presses = button_presses(trace)
    if not trace.of("display", "image"):
        return Finding.say(False, "il display resta spento: nessuna immagine",
                           "the display stays dark: no picture", "nothing-shown")
    changes = len(trace.of("display", "image"))
    if changes > 4 * len(presses) + 4:
        return Finding.say(False, f"il display cambia {changes} volte con solo {len(presses)} "
                                  "pressioni: non aspetta i tasti",
                           f"the display changes {changes} times with only {len(presses)} "
                           "presses: it does not wait for the buttons", "no-wait")
    for k, (t, pin) in enumerate(presses):
        name = wanted[pin]
        got = _shown_at(trace, t + within)
        if got == PICTURES[name]:
            continue
        at = {lang: fmt_num(t / 1e6, lang, 1) for lang in ("it", "en")}
        others = [n for n in PICTURES if n != name and PICTURES[n] == got]
        fresh = any(t < e.t_us <= t + within for e in trace.of("display", "image"))
        cause = "no-change" if not fresh else ("swapped" if others else "wrong-picture")
        return Finding.say(
            False, f"pressione {k + 1} (tasto {BUTTON[pin]}, a {at['it']} s): doveva comparire "
                   f"{NAMES[name]['it']}" + (f", invece c'è {NAMES[others[0]]['it']}" if others else ""),
            f"press {k + 1} (button {BUTTON[pin]}, at {at['en']} s): {NAMES[name]['en']} should "
            f"appear" + (f", {NAMES[others[0]]['en']} is there instead" if others else ""), cause)
    return Finding.say(True, f"{len(presses)} pressioni, ogni volta l'immagine giusta",
                       f"{len(presses)} presses, the right picture every time")
