"""Python checks of the micro:bit reaction game: each round waits a random time (different from
round to round) before the heart, and the number shown after pressing A is the real reaction
time, measured from the heart to the press."""
import re

from app.sim.checks import Finding, fmt_num
from app.sim.checks.measurement import stopped_before_end

HEART = "09090:99999:99999:09990:00900"


ASLEEP = "00000:99099:00000:09990:00000"


def _hearts(trace):
    """(heart time, start of the wait before it) for each heart shown. The wait starts at the
    round's Image.ASLEEP; without one, at the last picture shown at least 50 ms before the heart
    (so a display.clear() just before the heart does not count as the start)."""
    out, since = [], []
    for e in trace.of("display", "image"):
        if e.value != HEART:
            since.append((e.t_us, e.value))
            continue
        asleep = [t for t, v in since if v == ASLEEP]
        earlier = [t for t, _ in since if t <= e.t_us - 50_000]
        out.append((e.t_us, asleep[-1] if asleep else (earlier[-1] if earlier else 0)))
        since = []
    return out


def _ms(t_us, lang):
    return fmt_num(t_us / 1000, lang, 0)


def random_wait(trace, run, args):
    """At least ``rounds`` hearts; each after a wait of 1000-3000 ms (``min_ms``/``max_ms``,
    20 ms of slack) from the previous picture; the waits are not all the same."""
    rounds = int(args.get("rounds", 3))
    lo, hi = int(args.get("min_ms", 1000)), int(args.get("max_ms", 3000))
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    hearts = _hearts(trace)
    if not hearts:
        return Finding.say(False, "il cuore (Image.HEART) non compare mai",
                           "the heart (Image.HEART) never appears", "no-heart")
    waits = [h - b for h, b in hearts]
    secs = {lang: fmt_num(trace.sim_time_us / 1e6, lang, 0) for lang in ("it", "en")}
    if len(hearts) < rounds:
        times = {"it": "1 volta" if len(hearts) == 1 else f"{len(hearts)} volte",
                 "en": "once" if len(hearts) == 1 else f"{len(hearts)} times"}
        return Finding.say(False, f"il cuore compare solo {times['it']} in {secs['it']} s, "
                                  f"servono almeno {rounds} partite",
                           f"the heart appears only {times['en']} in {secs['en']} s, at least "
                           f"{rounds} rounds are needed", "one-round")
    for k, w in enumerate(waits):
        if not lo * 1000 - 20_000 <= w <= hi * 1000 + 20_000:
            return Finding.say(False, f"partita {k + 1}: il cuore arriva dopo {_ms(w, 'it')} ms, "
                                      f"atteso tra {lo} e {hi} ms",
                               f"round {k + 1}: the heart comes after {_ms(w, 'en')} ms, expected "
                               f"between {lo} and {hi} ms", "wrong-delay")
    listed = {lang: ", ".join(_ms(w, lang) for w in waits) for lang in ("it", "en")}
    if max(waits) - min(waits) < 50_000:
        return Finding.say(False, f"il cuore arriva sempre dopo lo stesso tempo ({listed['it']} ms): "
                                  "l'attesa deve essere casuale",
                           f"the heart always comes after the same time ({listed['en']} ms): the wait "
                           "must be random", "fixed-delay")
    return Finding.say(True, f"attese prima del cuore: {listed['it']} ms",
                       f"waits before the heart: {listed['en']} ms")


def _shown_after(trace, t0, t1):
    """Text scrolled or shown on the display between two times."""
    parts = [e.value for e in trace.events if e.source == "display" and e.kind in ("scroll", "text")
             and t0 <= e.t_us < t1]
    return "".join(parts)


def reaction_time(trace, run, args):
    """In every round with a press of A after the heart, the number shown next equals the time
    from the heart to the press, within ``tolerance_ms`` (default 25)."""
    tol = int(args.get("tolerance_ms", 25))
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    hearts = [h for h, _ in _hearts(trace)]
    buttons = [d for d in trace.scenario.devices if d["type"] == "button" and d["pin"] == "button_a"]
    presses = [int(a * 1000) for a, _ in buttons[0]["presses"]] if buttons else []
    if not hearts:
        return Finding.say(False, "il cuore non compare mai, quindi non c'è un tempo da misurare",
                           "the heart never appears, so there is no time to measure", "no-heart")
    checked = 0
    for k, h in enumerate(hearts):
        nxt = hearts[k + 1] if k + 1 < len(hearts) else trace.sim_time_us + 1
        press = next((p for p in presses if h <= p < nxt), None)
        if press is None:
            continue
        text = _shown_after(trace, press, nxt)
        numbers = [int(n) for n in re.findall(r"\d+", text)]
        real = (press - h) / 1000
        at = {lang: fmt_num(press / 1e6, lang, 1) for lang in ("it", "en")}
        if not numbers:
            if nxt > trace.sim_time_us:
                continue  # the run ended right after the last press
            return Finding.say(False, f"partita {k + 1}: dopo la pressione di A (a {at['it']} s) non "
                                      "compare nessun numero",
                               f"round {k + 1}: after pressing A (at {at['en']} s) no number is shown",
                               "no-number")
        if not any(abs(n - real) <= tol for n in numbers):
            if nxt > trace.sim_time_us and trace.sim_time_us - press < 2_500_000:
                continue  # the run ended while the last number was still being shown
            n = numbers[0]
            if abs(n - press / 1000) <= max(tol, 50):
                cause = "from-start"
            else:
                cause = "wrong-time"
            return Finding.say(
                False, f"partita {k + 1}: hai mostrato {n} ms, il tempo di reazione era "
                       f"{fmt_num(real, 'it', 0)} ms (tolleranza {tol} ms)",
                f"round {k + 1}: you showed {n} ms, the reaction time was {fmt_num(real, 'en', 0)} ms "
                f"(tolerance {tol} ms)", cause)
        checked += 1
    if not checked:
        return Finding.say(False, "nessuna partita finita: dopo il cuore A non viene mai letto",
                           "no round finished: A is never read after the heart", "no-number")
    if checked == 1:
        return Finding.say(True, f"1 tempo di reazione giusto (entro {tol} ms)",
                           f"1 reaction time right (within {tol} ms)")
    return Finding.say(True, f"{checked} tempi di reazione giusti (entro {tol} ms)",
                       f"{checked} reaction times right (within {tol} ms)")
