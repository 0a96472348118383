"""Conformance: time, Timer, time_pulse_us, I2C, UART, NeoPixel and `from machine import *` on the
virtual boards, checked against what the real ports do."""

from __future__ import annotations

import pytest


def test_timer_one_shot_fires_once(run):
    """Does a ONE_SHOT Timer call back exactly once, after its period?"""
    r = run("from machine import Timer\nimport time\nhits = []\n"
            "Timer(-1, mode=Timer.ONE_SHOT, period=200, callback=lambda t: hits.append(time.ticks_ms()))\n"
            "time.sleep_ms(1000)\nprint(len(hits), hits[0] >= 200)\n")
    assert r.stdout.split() == ["1", "True"]


def test_timer_periodic_count_and_freq(run):
    """Does a PERIODIC Timer (period= or freq=) fire once per period of simulated time?"""
    r = run("from machine import Timer\nimport time\na = [0]\nb = [0]\n"
            "def fa(t):\n    a[0] += 1\ndef fb(t):\n    b[0] += 1\n"
            "Timer(mode=Timer.PERIODIC, period=100, callback=fa)\n"
            "Timer(mode=Timer.PERIODIC, freq=20, callback=fb)\n"
            "time.sleep_ms(1050)\nprint(a[0], b[0])\n")
    assert r.stdout.split() == ["10", "21"]


def test_timer_deinit_stops(run):
    """Does Timer.deinit() stop a periodic timer?"""
    r = run("from machine import Timer\nimport time\nn = [0]\ndef tick(x):\n    n[0] += 1\n"
            "t = Timer(period=100, mode=Timer.PERIODIC, callback=tick)\n"
            "time.sleep_ms(350)\nt.deinit()\ntime.sleep_ms(500)\nprint(n[0])\n")
    assert r.stdout.strip() == "3"


def test_timer_keeps_running_after_main_returns(run):
    """Does a blink driven only by a Timer keep going until the scenario ends, as on a board?"""
    r = run("from machine import Pin, Timer\nled = Pin(25, Pin.OUT)\n"
            "Timer(period=250, mode=Timer.PERIODIC, callback=lambda t: led.toggle())\n", seconds=2)
    assert r.outcome == "time" and r.error is None
    toggles = [e.t_us for e in r.events if e.source == "pin:25" and e.kind == "value"]
    gaps = [b - a for a, b in zip(toggles, toggles[1:])]
    assert len(toggles) == 7 and all(abs(g - 250_000) < 1_000 for g in gaps)


def test_esp32_timer_needs_hardware_id(run):
    """Does ESP32 refuse a virtual Timer(-1) with ValueError, as the real port does?"""
    r = run("from machine import Timer\nTimer(-1)\n", board="esp32")
    assert r.error["type"] == "ValueError"


def test_ticks_wrap_around(run):
    """Do ticks_add/ticks_diff wrap at 2**30 like the real ports?"""
    r = run("import time\nM = 2**30 - 1\nprint(time.ticks_add(M, 1), time.ticks_diff(5, M - 4),"
            " time.ticks_diff(M - 4, 5), time.ticks_diff(time.ticks_add(0, -1), 0))\n")
    assert r.stdout.split() == ["0", "10", "-10", "-1"]


def test_sleep_accounting(run):
    """Do sleep, sleep_ms and sleep_us advance simulated time by what they ask?"""
    r = run("import time\nt = time.ticks_us()\ntime.sleep_us(250)\na = time.ticks_diff(time.ticks_us(), t)\n"
            "t = time.ticks_ms()\ntime.sleep_ms(120)\nb = time.ticks_diff(time.ticks_ms(), t)\n"
            "t = time.ticks_ms()\ntime.sleep(0.5)\nc = time.ticks_diff(time.ticks_ms(), t)\n"
            "print(a, b, c)\n")
    a, b, c = (int(x) for x in r.stdout.split())
    # what they ask, plus the few hundred µs the calls' own instructions take (fuel-timed)
    assert 250 <= a <= 1250 and 120 <= b <= 121 and 500 <= c <= 501


def test_sleep_negative_and_wrong_type(run):
    """Does time.sleep refuse a string with TypeError at the student's line?"""
    r = run("import time\n\ntime.sleep('1')\n")
    assert r.error["type"] == "TypeError" and r.error["line"] == 3


def test_while_true_ends_at_scenario_end(run):
    """Does `while True` with a sleep end cleanly at the scenario's end with a notice?"""
    r = run("import time\nwhile True:\n    time.sleep_ms(10)\n", seconds=3)
    assert r.outcome == "time" and r.error is None and r.sim_time_us == 3_000_000
    assert "3 s" in r.notice["en"] and "3 s" in r.notice["it"]


def _sonar_code(timeout: int = 30000) -> str:
    return ("from machine import Pin, time_pulse_us\nimport time\ntrig = Pin(3, Pin.OUT)\n"
            "echo = Pin(2, Pin.IN)\ntrig.off()\ntime.sleep_us(2)\ntrig.on()\ntime.sleep_us(10)\n"
            f"trig.off()\nd = time_pulse_us(echo, 1, {timeout})\nprint(d, round(d / 58))\n")


@pytest.mark.parametrize("cm", [10, 57, 200])
def test_time_pulse_us_hcsr04(run, cm):
    """Does time_pulse_us measure the HC-SR04 echo as 58 us per cm of the scripted distance?"""
    sc = {"seconds": 1, "devices": [{"type": "hcsr04", "trigger": 3, "echo": 2, "curve": cm}]}
    r = run(_sonar_code(), scenario=sc, seconds=None)
    assert r.error is None
    assert int(r.stdout.split()[1]) == cm


def test_time_pulse_us_timeouts(run):
    """Does time_pulse_us return -2 when no pulse starts (no sensor wired)?"""
    r = run(_sonar_code(5000))
    assert r.stdout.split()[0] == "-2"


def test_i2c_scan_and_tmp102(run):
    """Does I2C.scan find the sensor and reading its register give the scripted temperature?"""
    sc = {"seconds": 1, "devices": [{"type": "tmp102", "address": 0x48, "curve": 23.5}]}
    r = run("from machine import I2C, Pin\ni2c = I2C(0, scl=Pin(1), sda=Pin(0))\nprint(i2c.scan())\n"
            "d = i2c.readfrom_mem(0x48, 0, 2)\nraw = (d[0] << 4) | (d[1] >> 4)\nprint(raw * 0.0625)\n",
            scenario=sc, seconds=None)
    assert r.error is None and r.stdout.split("\n")[:2] == ["[72]", "23.5"]
    assert any(e.source == "i2c:0" and e.kind == "scan" and e.value == [72] for e in r.events)
    assert any(e.source == "i2c:0" and e.kind == "read" for e in r.events)


def test_i2c_absent_device_oserror(run):
    """Does talking to an address with no device raise OSError (EIO), as on the board?"""
    r = run("from machine import I2C\ni2c = I2C(0)\nprint(i2c.scan())\ni2c.readfrom(0x50, 1)\n")
    assert r.stdout.startswith("[]") and r.error["type"] == "OSError"


def test_i2c_bad_bus_valueerror(run):
    """Does I2C(2) on a Pico raise ValueError?"""
    assert run("from machine import I2C\nI2C(2)\n").error["type"] == "ValueError"


def test_uart_does_not_read_back_its_own_transmission(run):
    """Does a UART send on TX without reading it back on RX (nothing is wired to RX), with the
    transmission recorded in the trace?"""
    r = run("from machine import UART\nu = UART(0, 9600)\nu.write('ciao\\n')\nprint(u.any())\n"
            "print(u.readline())\nprint(u.read())\nprint(u)\n")
    assert r.stdout.split("\n")[:4] == ["0", "None", "None",
                                        "UART(0, baudrate=9600, bits=8, parity=None, stop=1)"]
    assert [e.value for e in r.events if e.source == "uart:0" and e.kind == "tx"] == ["ciao\n"]


def test_neopixel_write_records_colours(run):
    """Does np.write() record exactly the colours set, and only on write()?"""
    r = run("from machine import Pin\nfrom neopixel import NeoPixel\nnp = NeoPixel(Pin(0), 3)\n"
            "np[1] = (255, 0, 0)\nnp.write()\nnp.fill((0, 0, 9))\nnp[-1] = (1, 2, 3)\nnp.write()\n"
            "np[0] = (7, 7, 7)\nprint(len(np), np[0])\n")
    writes = [e.value for e in r.events if e.source == "neopixel:0" and e.kind == "write"]
    assert writes == [[[0, 0, 0], [255, 0, 0], [0, 0, 0]], [[0, 0, 9], [0, 0, 9], [1, 2, 3]]]
    assert r.stdout.strip() == "3 (7, 7, 7)"


def test_neopixel_short_tuple_indexerror(run):
    """Does setting a pixel to a 2-tuple fail with IndexError like the real neopixel module?"""
    r = run("from machine import Pin\nfrom neopixel import NeoPixel\nnp = NeoPixel(Pin(0), 3)\n"
            "np[0] = (1, 2)\n")
    assert r.error["type"] == "IndexError" and r.error["line"] == 4


def test_from_machine_import_star(run):
    """Does `from machine import *` give Pin, PWM, ADC, Timer and friends?"""
    r = run("from machine import *\nPin(15, Pin.OUT).on()\nPWM(Pin(14)).duty_u16(100)\n"
            "print(ADC, Timer, I2C, UART, time_pulse_us is not None)\n")
    assert r.error is None and r.stdout.strip().endswith("True")
    assert any(e.source == "pin:15" and e.value == 1 for e in r.events)


def test_utime_alias(run):
    """Is `utime` the same virtual clock as `time`?"""
    r = run("import utime, time\nutime.sleep_ms(100)\nprint(time.ticks_ms() >= 100)\n")
    assert r.stdout.strip() == "True"


def test_busy_wait_polling_reaches_scenario_end(run):
    """Does a loop polling a button without sleeping run the whole scenario and react in ~1 ms?"""
    sc = {"seconds": 10, "devices": [{"type": "button", "pin": 14, "presses": [[6000, 300]]}]}
    r = run("from machine import Pin\nb = Pin(14, Pin.IN, Pin.PULL_UP)\nled = Pin(15, Pin.OUT)\n"
            "while True:\n    led.value(not b.value())\n", scenario=sc, seconds=None)
    assert r.outcome == "time" and r.error is None
    on = [e.t_us for e in r.events if e.source == "pin:15" and e.value == 1]
    assert len(on) == 1 and 6_000_000 <= on[0] <= 6_002_000


def test_ticks_busy_wait_delay(run):
    """Does a non-blocking delay with ticks_ms (busy-wait) last what it asks?"""
    r = run("import time\nt = time.ticks_ms()\nwhile time.ticks_diff(time.ticks_ms(), t) < 8000:\n"
            "    pass\nprint(time.ticks_diff(time.ticks_ms(), t))\n", seconds=10)
    assert r.error is None and 8000 <= int(r.stdout) <= 8002
