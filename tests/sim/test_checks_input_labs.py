"""The input board labs (debounce, night lamp, dimmer, ultrasonic alarm, I2C logger, reaction game)
graded on the real interpreter: the reported wrong programs fail with the cause that picks the
right hint and a measurement that names the measured number, correct programs in other styles
and tolerant temperature formats pass, and the feedback exists in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.sim.grading import grade_local
from app.sim.labs import load_lab

LABS = ("button-debounce", "night-lamp", "potentiometer-led", "ultrasonic-alarm",
        "i2c-temperature-logger", "microbit-reaction")


def _grade(slug: str, code: str, lang: str = "it"):
    return grade_local(code, load_lab(slug), lang=lang)


def _failed(result, check_id: str):
    found = {c.id: c for c in result.checks}[check_id]
    assert not found.passed, f"{check_id} passed: {found.measured}"
    return found


# (lab, wrong program, failing check, cause, text that must appear in the Italian measurement)
REPORTED = [
    ("button-debounce", "hardcoded_timing.py", "toggle-once", "ignores-input", "scenario nascosto 1"),
    ("button-debounce", "no_debounce.py", "toggle-once", "bounces", "volte"),
    ("button-debounce", "level_not_edge.py", "toggle-once", "while-held", "volte"),
    ("button-debounce", "on_release.py", "toggle-once", "on-release", "1,3 s"),
    ("button-debounce", "slow_polling.py", "toggle-once", "late", "ms"),
    ("night-lamp", "clock_lamp.py", "dark-on", "ignores-input", "scenario nascosto 1"),
    ("night-lamp", "half_threshold.py", "dark-on", "wrong-threshold", "35 %"),
    ("night-lamp", "reversed.py", "dark-on", "inverted", "90 %"),
    ("potentiometer-led", "shift_10bit.py", "tracks", "half-range", "1,6 %"),
    ("potentiometer-led", "clock_ramp.py", "tracks", "ignores-input", "scenario nascosto 1"),
    ("potentiometer-led", "inverted.py", "tracks", "inverted", "100 %"),
    ("ultrasonic-alarm", "forgot_halving.py", "alarm", "wrong-threshold", "15 cm"),
    ("ultrasonic-alarm", "threshold_40.py", "alarm", "wrong-threshold", "25 cm"),
    ("ultrasonic-alarm", "clock_alarm.py", "alarm", "ignores-input", "scenario nascosto 1"),
    ("i2c-temperature-logger", "no_shift.py", "values", "no-shift", "320"),
    ("i2c-temperature-logger", "read_once.py", "values", "ignores-input", "1 volta"),
    ("i2c-temperature-logger", "hardcoded_timing.py", "values", "wrong-value", "scenario nascosto 1"),
    ("microbit-reaction", "fixed_delay.py", "random-wait", "fixed-delay", "sempre dopo lo stesso tempo"),
    ("microbit-reaction", "total_time.py", "time", "from-start", "hai mostrato 340"),
    ("microbit-reaction", "hardcoded_timing.py", "time", "wrong-time", "scenario nascosto 1"),
]


@pytest.mark.parametrize("slug,name,check_id,cause,text", REPORTED)
def test_reported_wrong_program_fails_with_its_cause(slug, name, check_id, cause, text) -> None:
    """Does a reported wrong program fail with the cause that picks its hint, and say the number?"""
    lab = load_lab(slug)
    code = (lab.path / "wrong" / name).read_text(encoding="utf-8")
    found = _failed(grade_local(code, lab, lang="it"), check_id)
    assert found.cause == cause, found.measured
    assert text in found.measured["it"], found.measured
    assert any(ch.isdigit() for ch in found.measured["it"])
    check = next(c for c in lab.checks if c.id == check_id)
    assert cause in check.hints and found.hint == check.hints[cause]


@pytest.mark.parametrize("slug", LABS)
def test_alternatives_and_solution_pass(slug) -> None:
    """Does every correct program of the lab, in every style, pass every check?"""
    lab = load_lab(slug)
    programs = [lab.path / "solution.py", *lab.alternatives()]
    assert len(programs) >= 3
    for path in programs:
        result = grade_local(path.read_text(encoding="utf-8"), lab)
        failing = [(c.id, c.measured) for c in result.checks if not c.passed]
        assert not failing, f"{path.name}: {failing}"


@pytest.mark.parametrize("slug", LABS)
def test_every_wrong_program_fails(slug) -> None:
    """Does every wrong variant of the lab fail, including those that ignore the input?"""
    lab = load_lab(slug)
    names = [p.name for p in lab.wrong_variants()]
    assert len(names) >= 4
    assert any("ignores" in n for n in names) and any("hardcoded" in n or "clock" in n for n in names)
    for path in lab.wrong_variants():
        assert not grade_local(path.read_text(encoding="utf-8"), lab).passed, path.name


TMP102 = """from machine import I2C, Pin
import time
i2c = I2C(0, scl=Pin(9), sda=Pin(8))
while True:
    b = i2c.readfrom_mem(0x48, 0, 2)
    t = (((b[0] << 8) | b[1]) >> 4) * 0.0625
    print({fmt})
    time.sleep(1)
"""


@pytest.mark.parametrize("fmt", ['"T=%.1f" % t', '"T = %.2f" % t', '"T= %.1f" % t', '"T=", t',
                                 '"Temperatura: {:.2f} °C".format(t)'])
def test_temperature_formats_are_tolerated(fmt) -> None:
    """Are T=21.5, T = 21.50, T= 21.5 and a labelled line with a unit all accepted?"""
    result = _grade("i2c-temperature-logger", TMP102.format(fmt=fmt))
    assert result.passed, [(c.id, c.measured) for c in result.checks if not c.passed]


def test_whole_degrees_are_too_coarse() -> None:
    """Is a temperature printed without decimals refused, saying the sensor's value?"""
    found = _failed(_grade("i2c-temperature-logger", TMP102.format(fmt='"T=%d" % t')), "values")
    assert found.cause == "rounded" and "20,5 °C" in found.measured["it"]


def test_feedback_in_both_languages() -> None:
    """Is a measurement written in Italian with a decimal comma and in English with a point?"""
    code = (Path(load_lab("potentiometer-led").path) / "wrong" / "shift_10bit.py").read_text()
    it = _failed(_grade("potentiometer-led", code, "it"), "tracks")
    en = _failed(_grade("potentiometer-led", code, "en"), "tracks")
    assert "luminosità massima 1,6 %" in it.measured["it"]
    assert "maximum brightness 1.6 %" in en.measured["en"]
    assert it.hint["it"] != it.hint["en"] and "scala" in it.hint["it"]


def test_no_error_names_the_error_and_its_line() -> None:
    """Does no_error report the error type, the line, and a cause made from the type?"""
    lab = load_lab("button-debounce")
    found = _failed(grade_local((lab.path / "wrong" / "typo.py").read_text(), lab, lang="en"),
                    "no-error")
    assert found.cause == "name-error" and found.line == 7
    assert found.measured["it"].startswith("NameError alla riga 7")
    assert found.measured["en"].startswith("NameError on line 7")


def test_fixed_delay_game_measures_correctly_but_fails_randomness() -> None:
    """Is a reaction game with a fixed wait refused even though it measures the time right?"""
    lab = load_lab("microbit-reaction")
    result = grade_local((lab.path / "wrong" / "fixed_delay.py").read_text(), lab)
    by_id = {c.id: c for c in result.checks}
    assert by_id["time"].passed and not by_id["random-wait"].passed


def test_error_hint_is_chosen_by_error_type() -> None:
    """Does a wrong I2C address get the address hint, and the other checks say to fix it first?"""
    lab = load_lab("i2c-temperature-logger")
    result = grade_local((lab.path / "wrong" / "typo.py").read_text(), lab, lang="it")
    error = _failed(result, "no-error")
    assert error.cause == "os-error" and "0x48" in error.hint["it"]
    values = _failed(result, "values")
    assert values.cause == "stopped" and "errore" in values.measured["it"]


def test_endless_loop_gets_the_pause_hint() -> None:
    """Does a loop that never pauses fail no_error with the 'timeout' cause and the pause hint?"""
    found = _failed(_grade("night-lamp", "while True:\n    pass\n"), "no-error")
    assert found.cause == "timeout" and found.line is None
    assert "pausa" in found.hint["it"] and "(Timeout)" in found.measured["it"]
