"""The grading framework: findings with measurements, hints chosen by cause, hidden scenarios
combined with the public one, and ``lab verify`` demanding alternatives and wrong variants."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from app.sim.checks import CheckSpecError, Finding, fmt_num, parse_check
from app.sim.grading import grade_local, verify_lab
from app.sim.labs import LabError, load_lab

T = {"it": "testo", "en": "text"}


def _check(**extra):
    return parse_check({"id": "c", "kind": "no_error", "message": T,
                        "hint": {"it": "consiglio generico", "en": "generic hint"}, **extra}, "c")


def test_hint_is_chosen_by_cause() -> None:
    """Does a failure's cause select its own hint, and an unknown cause the default one?"""
    check = _check(hints={"wrong-pin": {"it": "usa il pin 15", "en": "use pin 15"}})
    by_cause = check.result(Finding.say(False, "pin 14", "pin 14", "wrong-pin"))
    assert by_cause.hint["it"] == "usa il pin 15" and by_cause.cause == "wrong-pin"
    other = check.result(Finding.say(False, "mai", "never", "never-changes"))
    assert other.hint["en"] == "generic hint"
    assert by_cause.to_dict("it")["detail"] == "pin 14"


def test_bad_hints_are_refused() -> None:
    """Is a hints mapping with a non-slug cause or a missing language refused?"""
    with pytest.raises(CheckSpecError):
        _check(hints={"Wrong Pin": {"it": "x", "en": "y"}})
    with pytest.raises(CheckSpecError):
        _check(hints={"wrong-pin": {"it": "x"}})


def test_numbers_read_like_the_language() -> None:
    """Are decimals written with a comma in Italian and a point in English?"""
    assert fmt_num(3.24, "it", 1) == "3,2"
    assert fmt_num(3.2, "en", 1) == "3.2"
    assert fmt_num(480, "it", 0) == "480"


CHECKS_PY = '''
def led_after_press(trace, run, args):
    """The LED goes on within 300 ms of the scenario's first press."""
    button = [d for d in trace.scenario.devices if d["type"] == "button"][0]
    press_us = int(button["presses"][0][0] * 1000)
    on = [e.t_us for e in trace.of("pin:15", "value") if e.value == 1]
    ok = any(press_us <= t <= press_us + 300_000 for t in on)
    return ok, "LED on at %s us, press at %d us" % (on[:3], press_us)
'''

REACTS = """from machine import Pin
import time
b = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin(15, Pin.OUT)
while b.value() == 1:
    time.sleep_ms(5)
led.on()
"""

HARDCODED = """# waits for the public scenario's press time instead of reading the button
from machine import Pin
import time
led = Pin(15, Pin.OUT)
time.sleep_ms(1050)
led.on()
"""


def _write_lab(root: Path) -> Path:
    folder = root / "press-led"
    (folder / "wrong").mkdir(parents=True)
    (folder / "alternatives").mkdir()

    def button(at_ms: int) -> dict:
        return {"seconds": 3, "devices": [{"type": "button", "pin": 14, "active": "low",
                                            "presses": [[at_ms, 300]]}, {"type": "led", "pin": 15}]}
    meta = {"slug": "press-led", "title": T, "boards": ["pico"], "scenario": button(1000),
            "hidden_scenarios": [{"name": "late press", **button(2200)}],
            "checks": [{"id": "reacts", "kind": "python", "params": {"function": "led_after_press"},
                        "message": T, "hint": T}]}
    (folder / "lab.yaml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    (folder / "checks.py").write_text(CHECKS_PY, encoding="utf-8")
    (folder / "solution.py").write_text(REACTS, encoding="utf-8")
    (folder / "starter.py").write_text("from machine import Pin\n", encoding="utf-8")
    for lang in ("it", "en"):
        (folder / f"instructions.{lang}.md").write_text("# x\n", encoding="utf-8")
    (folder / "wrong" / "hardcoded.py").write_text(HARDCODED, encoding="utf-8")
    return folder


def test_hidden_scenario_catches_hardcoded_timing(tmp_path: Path) -> None:
    """Does a program timed to the public scenario fail on the hidden one, and say where?"""
    lab = load_lab(_write_lab(tmp_path))
    assert [label for label, _, _ in lab.scenarios()] == ["public", "hidden-1"]
    assert grade_local(REACTS, lab).passed
    graded = grade_local(HARDCODED, lab, lang="it")
    assert not graded.passed
    assert graded.checks[0].measured["it"].startswith("scenario nascosto 1: ")
    assert graded.checks[0].measured["en"].startswith("hidden scenario 1: ")


def test_verify_demands_alternatives_and_wrong_variants(tmp_path: Path) -> None:
    """Does lab verify refuse a lab with too few alternatives and wrong variants, and accept it
    once it has them?"""
    folder = _write_lab(tmp_path)
    problems = verify_lab(folder).problems
    assert any("alternatives/*.py" in p for p in problems)
    assert any("wrong/*.py variants" in p for p in problems)
    (folder / "alternatives" / "irq.py").write_text(
        "# IRQ style\nfrom machine import Pin\nled = Pin(15, Pin.OUT)\n"
        "Pin(14, Pin.IN, Pin.PULL_UP).irq(lambda p: led.on(), Pin.IRQ_FALLING)\n", encoding="utf-8")
    (folder / "alternatives" / "value.py").write_text(REACTS.replace("led.on()", "led.value(1)"),
                                                      encoding="utf-8")
    for i, code in enumerate(["pass\n", "from machine import Pin\nPin(15, Pin.OUT).on()\n",
                              "from machine import Pin\nPin(16, Pin.OUT).on()\n"]):
        (folder / "wrong" / f"w{i}.py").write_text(code, encoding="utf-8")
    report = verify_lab(folder)
    assert report.ok, report.problems
    (folder / "alternatives" / "value.py").write_text("pass\n", encoding="utf-8")
    assert any("alternatives/value.py fails check reacts" in p for p in verify_lab(folder).problems)


def test_malformed_hidden_scenarios_name_the_file(tmp_path: Path) -> None:
    """Is a broken hidden scenario reported with the lab file and its index?"""
    folder = _write_lab(tmp_path)
    meta = yaml.safe_load((folder / "lab.yaml").read_text())
    meta["hidden_scenarios"] = [{"seconds": -1}]
    (folder / "lab.yaml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    with pytest.raises(LabError, match=r"lab.yaml: hidden_scenarios\[0\]"):
        load_lab(folder)
