"""Output-board labs (blink, traffic light, SOS, PWM fade, servo, buzzer, NeoPixel) graded on the real
interpreter: the wrong programs that used to pass now fail with the right cause, a measurement that
shows the measured number, and the hint for that cause; correct programs in other styles pass;
feedback follows the student's language, with decimal commas in Italian."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.sim.grading import grade_local
from app.sim.labs import load_lab

ROOT = Path(__file__).resolve().parents[2]
OUTPUT_LABS = ("blink", "traffic-light", "sos-morse", "pwm-fade", "servo-sweep", "buzzer-melody",
               "neopixel-pattern")


def ms(nominal: float) -> tuple[float, float, str]:
    """A measured duration near ``nominal`` ms: at least the sleep asked for, give or take 3 ms, and
    at most a quarter more (each board call also costs a little simulated time)."""
    return (nominal - 3, nominal * 1.25 + 3, "ms")


def sec(low: float, high: float) -> tuple[float, float, str]:
    """A time in seconds between ``low`` and ``high``, written with an Italian decimal comma."""
    return (low, high, "s")


def shows(text: str, want: str | tuple[float, float, str]) -> bool:
    """Does ``text`` contain ``want``: a literal, or a number in a range followed by its unit?"""
    if isinstance(want, str):
        return want in text
    low, high, unit = want
    numbers = re.findall(r"(?<![\d,.])(\d+(?:,\d+)?) " + unit + r"\b", text)
    return any(low <= float(n.replace(",", ".")) <= high for n in numbers)


# (lab, wrong program, check id, expected cause, patterns the Italian measurement must contain)
WRONG = [
    ("blink", "uneven_480_20.py", "blinks", "uneven", [ms(480), ms(20), "250 ms e 250 ms ± 40 ms"]),
    ("blink", "too_fast.py", "blinks", "too-fast", [ms(100), "± 40 ms"]),
    ("blink", "one_second_period.py", "blinks", "too-slow", [ms(500)]),
    ("blink", "wrong_pin.py", "blinks", "wrong-pin", ["GP15"]),
    ("blink", "hardcoded_timing.py", "blinks", "stops", ["scenario nascosto 1", sec(4.7, 5), "8 s"]),
    ("traffic-light", "two_lights.py", "cycle", "two-lights", ["giallo e verde", ms(1000)]),
    ("traffic-light", "long_yellow.py", "cycle", "too-long", ["giallo", ms(2000), "1000 ms ± 150 ms"]),
    ("traffic-light", "wrong_order.py", "cycle", "wrong-order", ["rosso", "giallo"]),
    ("traffic-light", "hardcoded_timing.py", "cycle", "stops", ["scenario nascosto 1", "24 s"]),
    ("sos-morse", "no_letter_gaps.py", "sos", "no-gaps", [ms(200), "600 ms ± 40 ms", "tra due lettere"]),
    ("sos-morse", "word_gap_1600.py", "sos", "word-gap", [ms(1600), "1400 ms ± 40 ms", sec(5.3, 5.6)]),
    ("sos-morse", "short_dash.py", "sos", "wrong-length", [ms(400), "600 ms ± 40 ms"]),
    ("sos-morse", "all_dots.py", "sos", "no-gaps", [ms(200)]),
    ("pwm-fade", "snaps_off.py", "fade", "snaps-off", [sec(0.6, 0.8), "un solo passo", "20"]),
    ("pwm-fade", "on_off.py", "fade", "snaps-on", ["un solo passo"]),
    ("pwm-fade", "too_fast.py", "fade", "too-fast", [ms(150), "da 500 ms a 2000 ms"]),
    ("pwm-fade", "half_range.py", "fade", "not-full", ["50 %", "92 %"]),
    ("pwm-fade", "hardcoded_timing.py", "fade", "stops", ["scenario nascosto 1", sec(5, 5.6)]),
    ("servo-sweep", "wrong_pin.py", "angles", "wrong-pin", ["GP16", "GP15"]),
    ("servo-sweep", "wrong_freq.py", "angles", "wrong-freq", ["1000 Hz", "50 Hz"]),
    ("servo-sweep", "one_to_two_ms.py", "angles", "narrow-range", ["45°", "135°", "0,5 ms"]),
    ("servo-sweep", "jumps.py", "angles", "jumps", ["0°", "180°"]),
    ("buzzer-melody", "no_gaps.py", "melody", "no-gaps", [ms(0), "da 20 ms a 200 ms"]),
    ("buzzer-melody", "wrong_note.py", "melody", "wrong-note", ["392 Hz", "mi (330 Hz)"]),
    ("buzzer-melody", "short_notes.py", "melody", "too-short", [ms(100), "300 ms ± 30 ms"]),
    ("buzzer-melody", "full_duty.py", "melody", "silent", ["65535"]),
    ("buzzer-melody", "wrong_pin.py", "melody", "wrong-pin", ["GP15", "GP16"]),
    ("neopixel-pattern", "fills_like_bar.py", "runs", "bar-not-dot", ["2 LED", "0, 1"]),
    ("neopixel-pattern", "skips_pixels.py", "runs", "jumps", ["LED 0", "LED 2"]),
    ("neopixel-pattern", "blinking_dot.py", "runs", "dark", [ms(50)]),
    ("neopixel-pattern", "too_fast.py", "runs", "too-fast", [ms(30), "100 ms ± 20 ms"]),
]


def _grade(slug: str, code: str, lang: str = "it"):
    return grade_local(code, load_lab(ROOT / "labs" / slug), lang=lang)


def _check(result, check_id: str):
    return next(c for c in result.checks if c.id == check_id)


@pytest.mark.parametrize("slug,program,check_id,cause,texts", WRONG,
                         ids=[f"{w[0]}/{w[1]}" for w in WRONG])
def test_wrong_program_fails_with_cause_and_measurement(slug, program, check_id, cause, texts):
    """Does a wrong program fail for the right reason, showing what was measured and the hint for
    that reason?"""
    lab = load_lab(ROOT / "labs" / slug)
    res = grade_local((lab.path / "wrong" / program).read_text(), lab, lang="it")
    c = _check(res, check_id)
    assert not c.passed and c.cause == cause, c.measured
    for text in texts:
        assert shows(c.measured["it"], text), (text, c.measured["it"])
    declared = next(d for d in lab.checks if d.id == check_id)
    assert c.hint == declared.hints[cause]


@pytest.mark.parametrize("slug", OUTPUT_LABS)
def test_every_correct_program_passes(slug):
    """Do the solution and every alternative correct program of an output lab pass every check?"""
    lab = load_lab(ROOT / "labs" / slug)
    programs = [lab.path / "solution.py", *lab.alternatives()]
    assert len(programs) >= 3
    for path in programs:
        res = grade_local(path.read_text(), lab)
        assert res.passed, (path.name, [(c.id, c.measured) for c in res.checks if not c.passed])


@pytest.mark.parametrize("slug", OUTPUT_LABS)
def test_every_failure_has_its_own_hint(slug):
    """Does every wrong program of an output lab fail, and does every cause a check reports have a
    hint of its own in lab.yaml?"""
    lab = load_lab(ROOT / "labs" / slug)
    assert len(lab.wrong_variants()) >= 4
    for path in lab.wrong_variants():
        res = grade_local(path.read_text(), lab)
        assert not res.passed, path.name
        for c in res.checks:
            declared = next(d for d in lab.checks if d.id == c.id)
            if not c.passed and c.id != "no-error":
                assert c.cause in declared.hints, (path.name, c.cause)


def test_busy_wait_blink_is_not_cut_short():
    """Is a blink that busy-waits on ticks_ms without sleeping graded like the sleeping one?"""
    res = _grade("blink", (ROOT / "labs/blink/alternatives/ticks_busy_wait.py").read_text())
    assert res.passed, [(c.id, c.measured) for c in res.checks]


@pytest.mark.parametrize("slug,code", [
    ("neopixel-pattern",  # two loops, 0..7 then 7..0: the dot rests 200 ms at each end
     "from machine import Pin\nfrom neopixel import NeoPixel\nimport time\nnp = NeoPixel(Pin(0), 8)\n"
     "while True:\n    for i in list(range(8)) + list(range(7, -1, -1)):\n"
     "        np.fill((0, 0, 0)); np[i] = (50, 0, 0); np.write(); time.sleep_ms(100)\n"),
    ("sos-morse",  # the word pause comes first; a signal cut by the end of the test is fine
     "from machine import Pin\nimport time\nled = Pin('LED', Pin.OUT)\nwhile True:\n"
     "    time.sleep_ms(1400)\n    for ms, off in [(200, 200), (200, 200), (200, 600), (600, 200), "
     "(600, 200), (600, 600), (200, 200), (200, 200), (200, 0)]:\n"
     "        led.on(); time.sleep_ms(ms); led.off(); time.sleep_ms(off)\n"),
    ("traffic-light",  # starts on red, writes the three pins in any order
     "from machine import Pin\nimport time\nr, y, g = Pin(15, Pin.OUT), Pin(14, Pin.OUT), Pin(13, Pin.OUT)\n"
     "while True:\n    r.value(1); y.value(0); g.value(0); time.sleep_ms(3000)\n"
     "    g.value(1); r.value(0); time.sleep_ms(3000)\n    y.value(1); g.value(0); time.sleep_ms(1000)\n"),
])
def test_legitimate_variations_pass(slug, code):
    """Are legitimate variations the instructions allow (a bouncing dot, a leading pause, another
    first state) accepted?"""
    res = _grade(slug, code)
    assert res.passed, [(c.id, c.measured) for c in res.checks if not c.passed]


def test_feedback_follows_language_with_decimal_commas():
    """Is the measurement given in the requested language, with a decimal comma only in Italian?"""
    code = (ROOT / "labs/blink/wrong/hardcoded_timing.py").read_text()
    it = _check(_grade("blink", code, "it"), "blinks").to_dict("it")
    en = _check(_grade("blink", code, "en"), "blinks").to_dict("en")
    assert "4,8 s" in it["detail"] and "scenario nascosto 1" in it["detail"]
    assert "4.8 s" in en["detail"] and "hidden scenario 1" in en["detail"]
    assert "sempre" in it["hint"] and "forever" in en["hint"]


def test_servo_on_wrong_pin_is_not_told_to_set_the_frequency():
    """Is a servo on the wrong pin told about the pin, not about freq(50) (the old fixed hint)?"""
    res = _grade("servo-sweep", (ROOT / "labs/servo-sweep/wrong/wrong_pin.py").read_text(), "en")
    c = _check(res, "angles").to_dict("en")
    assert "GP15" in c["hint"] and "freq" not in c["hint"]
    assert c["cause"] == "wrong-pin" and "GP16" in c["detail"]
