"""Check kinds over the timing of digital pin signals: a blinking LED (on-time, off-time, keeps
going), Morse code (dots, dashes and the three kinds of pause) and lights that cycle through states
(a traffic light, never two lights at once). Also owns the helpers the other output-board kinds
(``pwm``, ``pixels``) share: pins named as a student writes them, times in the student's language,
and telling a signal on the wrong pin from no signal at all. Every kind returns a
:class:`Finding` whose measured text says what was seen against what was expected, and whose cause
picks the lab's hint (``wrong-pin``, ``never-changes``, ``too-fast``, ``uneven``, ``no-gaps``…).
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Any

from app.sim.boards import Board
from app.sim.checks.base import Check, CheckContext, CheckSpecError, Finding, check_kind, fmt_num


@dataclass(frozen=True)
class Ms:
    """A duration in microseconds, shown in milliseconds."""

    us: float

    def text(self, lang: str) -> str:
        return f"{fmt_num(self.us / 1000, lang, 0)} ms"


@dataclass(frozen=True)
class Sec:
    """A time in microseconds, shown in seconds with one decimal (``4,2 s``)."""

    us: float

    def text(self, lang: str) -> str:
        return f"{fmt_num(self.us / 1_000_000, lang, 1)} s"


def say(passed: bool, cause: str | None, it: str, en: str, **values: Any) -> Finding:
    """A finding from two templates; ``{name}`` takes ``values[name]``: an :class:`Ms`/:class:`Sec`
    (formatted per language), a ``{"it", "en"}`` mapping, or plain text."""
    def fill(template: str, lang: str) -> str:
        return template.format(**{k: v.text(lang) if hasattr(v, "text") else
                                  v[lang] if isinstance(v, dict) else v for k, v in values.items()})
    return Finding(passed, {"it": fill(it, "it"), "en": fill(en, "en")}, None if passed else cause)


def pin_name(board: Board, key: str) -> str:
    """A pin as the student writes it: ``"LED"``, ``GP15`` (Pico), ``2`` (ESP32), ``pin0``."""
    if key == board.led and "LED" in board.names:
        return '"LED"'
    return f"GP{key}" if key.isdigit() and board.family == "rp2" else key


def pin_label(ctx: CheckContext, key: str) -> str:
    """:func:`pin_name` of the trace's board (the one way checks name a pin)."""
    return pin_name(ctx.trace.board, key)


def end_us(ctx: CheckContext) -> int:
    """The end of the scenario (a run cut short still had to last until then)."""
    return int(ctx.trace.scenario.seconds * 1_000_000)


def busy_pins(ctx: CheckContext, heads: tuple[str, ...], kinds: tuple[str, ...],
              skip: set[str]) -> list[str]:
    """Physical pins, other than ``skip``, on which the program changed an output at least twice."""
    counts: dict[str, int] = {}
    for e in ctx.trace.events:
        head, _, label = e.source.partition(":")
        if head in heads and label and e.kind in kinds:
            key = ctx.trace.board.physical(label)
            if key not in skip:
                counts[key] = counts.get(key, 0) + 1
    return sorted((k for k, n in counts.items() if n >= 2), key=lambda k: -counts[k])


def wrong_pin(ctx: CheckContext, keys: list[str], what: dict[str, str],
              heads: tuple[str, ...] = ("pin", "pwm"),
              kinds: tuple[str, ...] = ("value", "duty")) -> Finding | None:
    """The ``wrong-pin`` finding, naming the pin that did change, when the program drives an output
    other than ``keys``; else None. ``what`` names the device ({"it": "il LED", "en": "the LED"})."""
    board = ctx.trace.board
    others = busy_pins(ctx, heads, kinds, set(keys))
    if not others:
        return None
    want = ", ".join(pin_name(board, k) for k in keys)
    one = len(keys) == 1
    return say(False, "wrong-pin", "il programma cambia il pin {got}, ma {what} è {where}",
               "the program changes pin {got}, but {what} is {where}",
               got=pin_name(board, others[0]), what=what,
               where={"it": f"{'sul pin' if one else 'sui pin'} {want}",
                      "en": f"{'on pin' if one else 'on pins'} {want}"})


def no_signal(ctx: CheckContext, keys: list[str], what: dict[str, str],
              heads: tuple[str, ...] = ("pin", "pwm"),
              kinds: tuple[str, ...] = ("value", "duty")) -> Finding:
    """The finding when nothing happens on ``keys``: ``wrong-pin`` or ``never-changes``."""
    return wrong_pin(ctx, keys, what, heads, kinds) or say(
        False, "never-changes", "{what} (pin {want}) non cambia mai",
        "{what} (pin {want}) never changes",
        what=what, want=", ".join(pin_name(ctx.trace.board, k) for k in keys))


def stopped(last_us: int, ctx: CheckContext, what: dict[str, str]) -> Finding:
    """The ``stops`` finding: the behaviour ended at ``last_us`` before the scenario's end."""
    return say(False, "stops",
               "{what} si ferma a {t}, ma la prova dura {end}: deve continuare per sempre",
               "{what} stops at {t}, but the test lasts {end}: it must keep going forever",
               what=what, t=Sec(last_us), end=Sec(end_us(ctx)))


def times(n: int) -> dict[str, str]:
    """``n`` times in words: "1 volta" / "3 volte", "once" / "3 times"."""
    return {"it": "1 volta" if n == 1 else f"{n} volte", "en": "once" if n == 1 else f"{n} times"}


def phases(changes: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(level, start_us, length_us) of each complete phase between level changes, without an
    opening low phase (the LED off before the program starts blinking)."""
    out = [(lv, t, changes[k + 1][0] - t) for k, (t, lv) in enumerate(changes[:-1])]
    return out[1:] if out and out[0][0] == 0 else out


LED = {"it": "il LED", "en": "the LED"}
ONOFF = {1: {"it": "acceso", "en": "on"}, 0: {"it": "spento", "en": "off"}}


@check_kind
class Blinks(Check):
    """A pin blinks: every on-time and off-time within tolerance, at least N cycles, to the end."""

    kind = "blinks"
    required = ("pin",)
    optional = ("on_ms", "off_ms", "period_ms", "tolerance_ms", "min_cycles")

    def evaluate(self, ctx: CheckContext) -> Finding:
        p = self.params
        half = float(p.get("period_ms", 0)) / 2
        want = {1: float(p.get("on_ms", half)) * 1000, 0: float(p.get("off_ms", half)) * 1000}
        if not (want[0] > 0 and want[1] > 0):
            raise CheckSpecError("give on_ms and off_ms, or period_ms")
        tol = float(p.get("tolerance_ms", 40)) * 1000
        key = ctx.pin(p["pin"])
        changes = ctx.levels(p["pin"])
        done = phases(changes)
        seen = {lv: [d for level, _, d in done if level == lv] for lv in (0, 1)}
        if not seen[0] or not seen[1]:
            return no_signal(ctx, [key], LED)
        on, off = median(seen[1]), median(seen[0])
        nums = dict(on=Ms(on), off=Ms(off), won=Ms(want[1]), woff=Ms(want[0]), tol=Ms(tol))
        if abs(on - want[1]) > tol or abs(off - want[0]) > tol:
            period, wanted = on + off, want[0] + want[1]
            cause = ("too-fast" if period < wanted - tol else "too-slow" if period > wanted + tol
                     else "uneven")
            return say(False, cause,
                       "il LED resta acceso {on} e spento {off}, atteso {won} e {woff} ± {tol}",
                       "the LED stays on {on} and off {off}, expected {won} and {woff} ± {tol}",
                       **nums)
        for level, t, d in done:
            if abs(d - want[level]) > tol:
                return say(False, "uneven", "a {t} il LED resta {state} {d}, atteso {w} ± {tol}",
                           "at {t} the LED stays {state} for {d}, expected {w} ± {tol}",
                           t=Sec(t), state=ONOFF[level], d=Ms(d), w=Ms(want[level]), tol=Ms(tol))
        last = changes[-1][0]
        if end_us(ctx) - last > max(want.values()) + tol:
            return stopped(last, ctx, {"it": "il lampeggio", "en": "the blinking"})
        need = int(p.get("min_cycles", 5))
        if len(seen[1]) < need:
            return say(False, "too-few", "il LED lampeggia {n}, almeno {need} attese",
                       "the LED blinks {n}, at least {need} expected", n=times(len(seen[1])),
                       need=need)
        return say(True, None, "acceso {on} e spento {off}, {n} lampeggi",
                   "on {on} and off {off}, {n} blinks", n=len(seen[1]), **nums)


MORSE = {"A": ".-", "B": "-...", "C": "-.-.", "D": "-..", "E": ".", "F": "..-.", "G": "--.",
         "H": "....", "I": "..", "J": ".---", "K": "-.-", "L": ".-..", "M": "--", "N": "-.",
         "O": "---", "P": ".--.", "Q": "--.-", "R": ".-.", "S": "...", "T": "-", "U": "..-",
         "V": "...-", "W": ".--", "X": "-..-", "Y": "-.--", "Z": "--.."}
SIGN = {".": {"it": "un punto", "en": "a dot"}, "-": {"it": "una linea", "en": "a dash"}}
PAUSE = {"sign": {"it": "tra due segni", "en": "between signals"},
         "letter": {"it": "tra due lettere", "en": "between letters"},
         "word": {"it": "tra due parole", "en": "between words"}}
PAUSE_CAUSE = {"sign": "wrong-gap", "letter": "no-gaps", "word": "word-gap"}
PLACE = {"sign": {"it": "nella lettera", "en": "in letter"},
         "letter": {"it": "dopo la", "en": "after"}, "word": {"it": "dopo la", "en": "after"}}


@check_kind
class Morse(Check):
    """A pin sends a word in Morse code over and over: every dot, dash and pause within tolerance."""

    kind = "morse"
    required = ("pin", "text")
    optional = ("dot_ms", "dash_ms", "gap_ms", "letter_gap_ms", "word_gap_ms", "tolerance_ms",
                "repeat")

    def _expected(self) -> list[tuple[str, str, str, float, float]]:
        """(letter, sign, pause kind after it, sign length us, pause length us) for one word."""
        p = self.params
        length = {".": float(p.get("dot_ms", 200)), "-": float(p.get("dash_ms", 600))}
        pause = {"sign": float(p.get("gap_ms", 200)), "letter": float(p.get("letter_gap_ms", 600)),
                 "word": float(p.get("word_gap_ms", 1400))}
        text = str(p["text"]).upper()
        if not text or any(c not in MORSE for c in text):
            raise CheckSpecError("text must be letters A-Z")
        out = []
        for i, letter in enumerate(text):
            code = MORSE[letter]
            for j, sign in enumerate(code):
                after = "sign" if j < len(code) - 1 else "letter" if i < len(text) - 1 else "word"
                out.append((letter, sign, after, length[sign] * 1000, pause[after] * 1000))
        return out

    def evaluate(self, ctx: CheckContext) -> Finding:
        p = self.params
        word = self._expected()
        tol = float(p.get("tolerance_ms", 40)) * 1000
        key = ctx.pin(p["pin"])
        pulses = ctx.pulses(p["pin"])
        if not pulses:
            return no_signal(ctx, [key], LED)
        for i, (start, length) in enumerate(pulses):
            letter, sign, after, want, pause = word[i % len(word)]
            if abs(length - want) > tol:
                known = any(abs(length - w[3]) <= tol for w in word)  # the other sign: wrong letter
                return say(False, "wrong-letters" if known else "wrong-length",
                           "a {t}, nella lettera {L}, il LED resta acceso {d}: serve {sign} di {w} ± {tol}",
                           "at {t}, in letter {L}, the LED stays on {d}: it needs {sign} of {w} ± {tol}",
                           t=Sec(start), L=letter, d=Ms(length), sign=SIGN[sign], w=Ms(want),
                           tol=Ms(tol))
            gap = pulses[i + 1][0] - start - length if i + 1 < len(pulses) else pause
            if abs(gap - pause) > tol:
                return say(False, PAUSE_CAUSE[after],
                           "a {t}, {place} {L}, il LED resta spento {d}: serve una pausa di {w} ± {tol} {kind}",
                           "at {t}, {place} {L}, the LED stays off {d}: it needs a pause of {w} ± {tol} {kind}",
                           t=Sec(start + length), place=PLACE[after], L=letter, d=Ms(gap),
                           kind=PAUSE[after], w=Ms(pause), tol=Ms(tol))
        last = ctx.levels(p["pin"])[-1][0]  # a signal cut by the end of the test still counts
        if end_us(ctx) - last > max(w[4] for w in word) + tol:
            return stopped(last, ctx, {"it": "il messaggio", "en": "the message"})
        sent, need = len(pulses) // len(word), int(p.get("repeat", 1))
        text = str(p["text"]).upper()
        if sent < need:
            return say(False, "too-few", "{T} trasmesso {n}, almeno {need} attese",
                       "{T} sent {n}, at least {need} expected", T=text, n=times(sent), need=need)
        return say(True, None, "{T} trasmesso {n}, segni e pause giusti",
                   "{T} sent {n}, signals and pauses right", T=text, n=times(sent))


def _lights(state: tuple[int, ...], names: dict[str, list[str]]) -> dict[str, str]:
    lit = {lang: [names[lang][i] for i, v in enumerate(state) if v] for lang in ("it", "en")}
    if not lit["it"]:
        return {"it": "tutto spento", "en": "all off"}
    return {"it": " e ".join(lit["it"]), "en": " and ".join(lit["en"])}


@check_kind
class States(Check):
    """Several pins cycle through states with given durations; no other state (two lights at once,
    all off) lasts longer than ``glitch_ms``, the time it takes to switch the LEDs over."""

    kind = "states"
    required = ("pins", "cycle")
    optional = ("tolerance_ms", "min_cycles", "names", "glitch_ms")

    def _segments(self, ctx: CheckContext) -> list[tuple[tuple[int, ...], int, int]]:
        """(state, start_us, length_us), switching glitches merged into the state before."""
        changes = sorted((t, i, lv) for i, pin in enumerate(self.params["pins"])
                         for t, lv in ctx.levels(pin))
        glitch = float(self.params.get("glitch_ms", 50)) * 1000
        state, since, raw = [0] * len(self.params["pins"]), 0, []
        for t, i, lv in changes:  # one pass: the state after each instant at which a pin changed
            if t > since:
                raw.append((tuple(state), since, t - since))
                since = t
            state[i] = lv
        raw.append((tuple(state), since, max(end_us(ctx), since) - since))
        segs: list[tuple[tuple[int, ...], int, int]] = []
        for state, t, d in raw:
            if segs and (segs[-1][0] == state or d < glitch):
                segs[-1] = (segs[-1][0], segs[-1][1], segs[-1][2] + d)
            else:
                segs.append((state, t, d))
        return [s for s in segs if s[2] >= glitch or len(segs) == 1]

    def evaluate(self, ctx: CheckContext) -> Finding:
        p = self.params
        cycle = [(tuple(int(v) for v in c[:-1]), float(c[-1]) * 1000) for c in p["cycle"]]
        names = p.get("names") or {lang: [str(x) for x in p["pins"]] for lang in ("it", "en")}
        tol = float(p.get("tolerance_ms", 200)) * 1000
        keys = [ctx.pin(x) for x in p["pins"]]
        segs = self._segments(ctx)
        what = {"it": "il semaforo", "en": "the traffic light"}
        quiet = any(len(ctx.levels(x)) < 2 for x in p["pins"])  # a light never switched
        misplaced = wrong_pin(ctx, keys, what) if quiet else None
        if misplaced:
            return misplaced
        if len(segs) < 2:
            return no_signal(ctx, keys, what)
        idx = None
        for n, (state, t, d) in enumerate(segs):
            shown = _lights(state, names)
            states = [s for s, _ in cycle]
            if state not in states:
                if sum(state) > 1:
                    return say(False, "two-lights",
                               "a {t}: {s} accesi insieme per {d}, ma si accende una luce sola alla volta",
                               "at {t}: {s} on together for {d}, but only one light may be on at a time",
                               t=Sec(t), s=shown, d=Ms(d))
                return say(False, "all-off" if not any(state) else "wrong-state",
                           "a {t}: {s} per {d}, uno stato che il semaforo non deve avere",
                           "at {t}: {s} for {d}, a state the light must never show", t=Sec(t),
                           s=shown, d=Ms(d))
            if idx is not None and state != cycle[(idx + 1) % len(cycle)][0]:
                return say(False, "wrong-order", "a {t}: dopo {prev} viene {s}, atteso {w}",
                           "at {t}: {s} comes after {prev}, expected {w}", t=Sec(t), s=shown,
                           prev=_lights(cycle[idx][0], names),
                           w=_lights(cycle[(idx + 1) % len(cycle)][0], names))
            idx = states.index(state) if idx is None else (idx + 1) % len(cycle)
            want = cycle[idx][1]
            last = n == len(segs) - 1
            if last and d > want + tol:
                return stopped(t, ctx, what)
            if d > want + tol or (not last and d < want - tol):
                return say(False, "too-long" if d > want else "too-short",
                           "a {t}: {s} per {d}, atteso {w} ± {tol}",
                           "at {t}: {s} for {d}, expected {w} ± {tol}", t=Sec(t), s=shown, d=Ms(d),
                           w=Ms(want), tol=Ms(tol))
        steps, need = len(segs) - 1, int(p.get("min_cycles", 2)) * len(cycle)
        if steps < need:
            return say(False, "too-few", "{n} cambi di stato, almeno {need} attesi",
                       "{n} state changes, at least {need} expected", n=steps, need=need)
        return say(True, None, "{n} cambi di stato, tutti nell'ordine e con i tempi giusti",
                   "{n} state changes, all in order and on time", n=steps)
