"""MicroPython behaviour on the virtual boards."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.sim.runner import execute

ROOT = Path(__file__).resolve().parents[2]


def test_blink_virtual_time(run):
    """Does a while-True blink end at the scenario's end, each period the sleep plus what the
    loop's own instructions take (fuel-timed, well under a millisecond), the same every period?"""
    r = run("from machine import Pin\nimport time\nled=Pin(25,Pin.OUT)\nwhile True:\n"
            "    led.toggle()\n    time.sleep_ms(100)\n", seconds=1)
    assert r.error is None and r.outcome == "time" and r.sim_time_us == 1_000_000
    values = [e for e in r.events if e.source == "pin:25" and e.kind == "value"]
    assert len(values) == 10
    gaps = {b.t_us - a.t_us for a, b in zip(values[1:], values[2:])}
    assert max(gaps) - min(gaps) <= 1 and 100_000 + 2 < min(gaps) < 100_000 + 1000


def test_named_led_source(run):
    """Is Pin("LED") traced under the name the program used?"""
    r = run("from machine import Pin\nPin('LED', Pin.OUT).on()\n")
    assert any(e.source == "pin:LED" and e.value == 1 for e in r.events)


def test_invalid_pin_raises_valueerror(run):
    """Does an invalid pin raise ValueError with the student's line?"""
    r = run("from machine import Pin\n\nPin(40, Pin.OUT)\n")
    assert r.error["type"] == "ValueError" and r.error["line"] == 3


def test_esp32_input_only(run):
    """Are ESP32 pins 34-39 input-only?"""
    r = run("from machine import Pin\nPin(34, Pin.OUT)\n", board="esp32")
    assert r.error["type"] == "ValueError" and "input" in r.error["message"]


def test_microbit_has_no_pin(run):
    """Is machine.Pin missing on micro:bit, with an API warning too?"""
    r = run("from machine import Pin\n", board="microbit")
    assert r.error["type"] == "ImportError"
    assert r.api_problems and r.api_problems[0]["name"] == "Pin"


def test_polling_advances_time(run):
    """Does a polling loop without sleeps still reach the scenario's end?"""
    r = run("from machine import Pin\np=Pin(14,Pin.IN,Pin.PULL_UP)\nwhile True:\n    p.value()\n",
            seconds=0.5)
    assert r.outcome == "time" and r.error is None


def test_ticks_diff_and_timer(run):
    """Do ticks and a one-shot Timer use simulated time?"""
    r = run("import time\nfrom machine import Timer\nt0=time.ticks_ms()\nhit=[]\n"
            "Timer(mode=Timer.ONE_SHOT, period=300, callback=lambda t: hit.append(time.ticks_ms()))\n"
            "time.sleep_ms(500)\nprint(time.ticks_diff(hit[0], t0) >= 300, len(hit))\n")
    assert r.stdout.strip() == "True 1"


def test_button_irq_and_bounce(run):
    """Does a scripted bouncy button fire several falling-edge IRQs?"""
    sc = {"seconds": 2, "devices": [{"type": "button", "pin": 14, "bounce": True,
                                     "presses": [[500, 300]]}]}
    r = run("from machine import Pin\nimport time\nn=[0]\np=Pin(14,Pin.IN,Pin.PULL_UP)\n"
            "def h(x):\n    n[0] += 1\np.irq(h, Pin.IRQ_FALLING)\ntime.sleep(1.5)\nprint(n[0])\n",
            scenario=sc, seconds=None)
    assert int(r.stdout) > 1


def test_adc_pot_curve(run):
    """Does ADC follow a scripted potentiometer curve?"""
    sc = {"seconds": 2, "devices": [{"type": "potentiometer", "pin": 26, "curve": [[0, 0], [1000, 1]]}]}
    r = run("from machine import ADC\nimport time\na=ADC(26)\ntime.sleep_ms(500)\nprint(a.read_u16())\n",
            scenario=sc, seconds=None)
    assert 30000 < int(r.stdout) < 35000


def test_random_is_seeded(run):
    """Is random deterministic for a seed and different across seeds?"""
    code = "import random\nprint([random.randint(0, 1000) for _ in range(5)])\n"
    a = run(code, scenario={"seed": 1})
    b = run(code, scenario={"seed": 1})
    c = run(code, scenario={"seed": 2})
    assert a.stdout == b.stdout != c.stdout


def test_determinism_byte_identical():
    """Do the same seed and code give byte-identical JSON?"""
    code = (ROOT / "labs/button-debounce/solution.py").read_text()
    sc = {"seconds": 3, "seed": 5, "devices": [{"type": "button", "pin": 14, "bounce": True,
                                                "presses": [[500, 200], [1500, 300]]}]}
    outs = {json.dumps(execute(code, "pico", sc)[0].to_dict(), sort_keys=True) for _ in range(3)}
    assert len(outs) == 1


def test_gc_stress_correct():
    """Do allocation-heavy programs compute correct answers with the collector on, given the
    simulated seconds their computing takes?"""
    code = ("import gc\nd={}\nfor i in range(600):\n    d[i]=[i, str(i), {'k': i*2}]\n"
            "    if i % 100 == 0: gc.collect()\n"
            "s=sum(v[2]['k'] for v in d.values())\nprint(s, len(''.join(v[1] for v in d.values())))\n")
    r = execute(code, "pico", None, 10)[0]
    expect = sum(i * 2 for i in range(600)), len("".join(str(i) for i in range(600)))
    assert r.stdout.split() == [str(expect[0]), str(expect[1])], r.error


def test_garbage_is_reclaimed_like_on_a_board():
    """Does a long-running program that allocates far more than the board's heap in total, but
    keeps little alive, run to the end (memory reclaimed by the collector)?"""
    code = ("import gc, time\ntotal = 0\nwhile True:\n    rows = [{'t': i, 'v': [i] * 8} for i in range(50)]\n"
            "    total += len(str(rows))\n    time.sleep_ms(5)\n    print(total) if total > 4_000_000 and total < 4_002_000 else None\n")
    r = execute(code, "pico", None, 10)[0]
    assert r.outcome == "time" and r.error is None, r.error
    assert r.sim_time_us == 10_000_000


def test_memory_error_only_when_live_data_exceeds_the_heap():
    """Is MemoryError raised when live data outgrows the Pico's 192 KiB heap, and not before?"""
    keep = "keep = []\nfor i in range(%d):\n    keep.append(bytearray(1000))\nprint('kept', len(keep))\n"
    ok = execute(keep % 120, "pico", None, 2)[0]
    assert ok.stdout.strip() == "kept 120" and ok.error is None, ok.error
    full = execute(keep % 400, "pico", None, 2)[0]
    assert full.error and full.error["type"] == "MemoryError"
    small = execute(keep % 120, "microbit", None, 2)[0]  # the micro:bit has a 64 KiB heap
    assert small.error and small.error["type"] == "MemoryError"


def test_sim_package_imports_no_flask():
    """Does app.sim import without Flask or other app packages?"""
    code = ("import sys, types\nm = types.ModuleType('app'); m.__path__ = [%r]; sys.modules['app'] = m\n"
            "import app.sim, app.sim.cli\nbad = [k for k in sys.modules if k == 'flask' or "
            "(k.startswith('app.') and not k.startswith('app.sim'))]\nprint(bad)\n") % str(ROOT / "app")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("path", sorted((ROOT / "firmware_examples").glob("*.py")), ids=lambda p: p.name)
def test_firmware_examples_run(path):
    """Does each firmware example run without error on its board?"""
    board = "esp32" if path.name.startswith("esp32") else "microbit" if path.name.startswith("microbit") else "pico"
    sc = {"seconds": 3, "devices": [{"type": "tmp102", "address": 72}]} if "i2c" in path.name else None
    r = execute(path.read_text(), board, sc, 3)[0]
    assert r.error is None, r.error
