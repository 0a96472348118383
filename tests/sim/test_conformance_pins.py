"""Conformance: machine.Pin, PWM and ADC behave on the virtual boards as on the real ports.

Every test runs real MicroPython and asserts on what the virtual hardware recorded (the trace),
or on values the program computed from the hardware."""

from __future__ import annotations

import pytest


def values(r, source: str) -> list[int]:
    return [e.value for e in r.events if e.source == source and e.kind == "value"]


def duties(r, source: str) -> list[int]:
    return [e.value for e in r.events if e.source == source and e.kind == "duty"]


def test_pin_on_off_toggle_value_call(run):
    """Do on/off/toggle/value(x)/p(x) drive the pin and value() read it back?"""
    r = run("from machine import Pin\np = Pin(15, Pin.OUT)\nprint(p.value())\np.on()\n"
            "print(p.value())\np.off()\np.toggle()\nprint(p())\np.value(0)\np(1)\np.low()\np.high()\n")
    assert r.error is None
    assert r.stdout.split() == ["0", "1", "1"]
    assert values(r, "pin:15") == [1, 0, 1, 0, 1, 0, 1]


def test_pin_initial_value_keyword(run):
    """Does Pin(n, Pin.OUT, value=1) drive the pin high at once?"""
    r = run("from machine import Pin\nPin(16, Pin.OUT, value=1)\n")
    assert values(r, "pin:16") == [1]


def test_writing_same_level_is_one_event(run):
    """Is writing the level a pin already has recorded only once (no fake edges)?"""
    r = run("from machine import Pin\np = Pin(15, Pin.OUT)\nfor _ in range(5):\n    p.on()\n")
    assert values(r, "pin:15") == [1]


@pytest.mark.parametrize("board", ["pico", "esp32"])
def test_input_pulls_read_levels(run, board):
    """Does an unconnected input read 1 with PULL_UP and 0 with PULL_DOWN?"""
    r = run("from machine import Pin\nprint(Pin(4, Pin.IN, Pin.PULL_UP).value(), "
            "Pin(5, Pin.IN, Pin.PULL_DOWN).value())\n", board=board)
    assert r.stdout.split() == ["1", "0"]


def test_pin_mode_and_pull_getters(run):
    """Do mode() and pull() return the constants the pin was set up with?"""
    r = run("from machine import Pin\np = Pin(4, Pin.IN, Pin.PULL_UP)\n"
            "print(p.mode() == Pin.IN, p.pull() == Pin.PULL_UP)\np.init(Pin.OUT)\n"
            "print(p.mode() == Pin.OUT)\n")
    assert r.stdout.split() == ["True", "True", "True"]


@pytest.mark.parametrize("board,pin", [("pico", 30), ("pico", -1), ("pico_w", 40), ("esp32", 20),
                                       ("esp32", 24), ("esp32", 40)])
def test_invalid_pin_valueerror_each_board(run, board, pin):
    """Does a pin the board lacks raise ValueError (as on the real port) at the student's line?"""
    r = run(f"from machine import Pin\nx = 1\nPin({pin}, Pin.OUT)\n", board=board)
    assert r.error["type"] == "ValueError" and r.error["line"] == 3
    assert r.explanation and "pin" in r.explanation["en"].lower()


def test_pico_named_pins(run):
    """Are "LED" and GP29 valid on a Pico, with the LED traced under the name used?"""
    r = run("from machine import Pin\nPin('LED', Pin.OUT).on()\nPin(29, Pin.IN)\nPin(25, Pin.OUT).off()\n")
    assert r.error is None
    assert values(r, "pin:LED") == [1]


def test_pico_w_led_is_wireless_pin(run):
    """Is the Pico W onboard LED reachable as Pin("LED") (WL_GPIO0)?"""
    r = run("from machine import Pin\nPin('LED', Pin.OUT).toggle()\n", board="pico_w")
    assert r.error is None and values(r, "pin:LED") == [1]


@pytest.mark.parametrize("pin", [34, 35, 36, 39])
def test_esp32_input_only_pins(run, pin):
    """Can ESP32 pins 34-39 be read but not driven (ValueError for OUT and for PWM)?"""
    ok = run(f"from machine import Pin\nprint(Pin({pin}, Pin.IN).value())\n", board="esp32")
    assert ok.error is None and ok.stdout.strip() in ("0", "1")
    out = run(f"from machine import Pin\nPin({pin}, Pin.OUT)\n", board="esp32")
    assert out.error["type"] == "ValueError"
    pwm = run(f"from machine import Pin, PWM\nPWM(Pin({pin}))\n", board="esp32")
    assert pwm.error["type"] == "ValueError"


def test_esp32_named_pin_is_typeerror(run):
    """Does Pin("LED") on ESP32 fail like the real port (pins are numbers there)?"""
    r = run("from machine import Pin\nPin('LED', Pin.OUT)\n", board="esp32")
    assert r.error["type"] == "TypeError"
    assert "Pin(2)" in r.explanation["en"]


def _irq_program(trigger: str) -> str:
    return ("from machine import Pin\nimport time\nn = []\np = Pin(14, Pin.IN, Pin.PULL_UP)\n"
            f"p.irq(lambda pin: n.append(pin.value()), {trigger})\ntime.sleep(2)\nprint(n)\n")


@pytest.mark.parametrize("trigger,expected", [("Pin.IRQ_FALLING", "[0]"), ("Pin.IRQ_RISING", "[1]"),
                                              ("Pin.IRQ_FALLING | Pin.IRQ_RISING", "[0, 1]")])
def test_irq_triggers(run, trigger, expected):
    """Does an IRQ fire only on the edges asked for, passing the pin to the handler?"""
    sc = {"seconds": 3, "devices": [{"type": "button", "pin": 14, "presses": [[500, 300]]}]}
    r = run(_irq_program(trigger), scenario=sc, seconds=None)
    assert r.error is None and r.stdout.strip() == expected
    assert len([e for e in r.events if e.kind == "irq"]) == expected.count(",") + 1


def test_irq_disabled_with_none_handler(run):
    """Does p.irq(None) stop further interrupts?"""
    sc = {"seconds": 3, "devices": [{"type": "button", "pin": 14, "presses": [[300, 100], [1500, 100]]}]}
    r = run("from machine import Pin\nimport time\nn = [0]\np = Pin(14, Pin.IN, Pin.PULL_UP)\n"
            "def h(x):\n    n[0] += 1\np.irq(h, Pin.IRQ_FALLING)\ntime.sleep(1)\np.irq(None)\n"
            "time.sleep(1.5)\nprint(n[0])\n", scenario=sc, seconds=None)
    assert r.stdout.strip() == "1"


def test_pwm_freq_duty_u16_and_duty_ns(run):
    """Do freq/duty_u16/duty_ns set the recorded signal and read back consistently?"""
    r = run("from machine import Pin, PWM\np = PWM(Pin(15), freq=1000)\np.duty_u16(16384)\n"
            "print(p.freq(), p.duty_u16())\np.duty_ns(500000)\nprint(p.duty_ns())\np.freq(50)\n")
    assert r.error is None
    f, d = r.stdout.split()[:2]
    assert (f, d) == ("1000", "16384")
    assert abs(int(r.stdout.split()[2]) - 500000) <= 20
    assert duties(r, "pwm:15")[:1] == [16384] and abs(duties(r, "pwm:15")[1] - 32767) <= 1
    assert [e.value for e in r.events if e.source == "pwm:15" and e.kind == "freq"] == [1000, 50]


def test_pwm_rp2_freq_limits(run):
    """Does a PWM frequency below the rp2 minimum raise ValueError?"""
    r = run("from machine import Pin, PWM\nPWM(Pin(15), freq=5)\n")
    assert r.error["type"] == "ValueError"


def test_pwm_duty_is_esp32_only(run):
    """Is PWM.duty() (0..1023) available on ESP32 and missing on the Pico?"""
    r = run("from machine import Pin, PWM\np = PWM(Pin(2), freq=1000)\np.duty(512)\nprint(p.duty())\n",
            board="esp32")
    assert r.error is None and r.stdout.strip() == "512"
    assert abs(duties(r, "pwm:2")[-1] - 32799) <= 64
    r = run("from machine import Pin, PWM\nPWM(Pin(15)).duty(512)\n")
    assert r.error["type"] == "AttributeError"


def test_pwm_esp32_duty_u16_range(run):
    """Does ESP32 refuse duty_u16 outside 0..65535 with ValueError?"""
    r = run("from machine import Pin, PWM\nPWM(Pin(2)).duty_u16(70000)\n", board="esp32")
    assert r.error["type"] == "ValueError"


def test_pwm_deinit_records_zero(run):
    """Does PWM.deinit() leave the output recorded as off?"""
    r = run("from machine import Pin, PWM\np = PWM(Pin(15), freq=500, duty_u16=30000)\np.deinit()\n")
    assert duties(r, "pwm:15") == [30000, 0]
    assert any(e.kind == "deinit" for e in r.events)


def test_adc_read_u16_and_read_uv(run):
    """Do read_u16 (12-bit on rp2) and read_uv follow a potentiometer at half scale?"""
    sc = {"seconds": 1, "devices": [{"type": "potentiometer", "pin": 26, "curve": 0.5}]}
    r = run("from machine import ADC, Pin\na = ADC(Pin(26))\nb = ADC(0)\nv = a.read_u16()\n"
            "print(v, v % 16, b.read_u16() == v, a.read_uv())\n", scenario=sc, seconds=None)
    v, low_bits, same, uv = r.stdout.split()
    assert abs(int(v) - 32767) < 40 and low_bits == "0" and same == "True"
    assert abs(int(uv) - 1_650_000) < 5_000


def test_adc_not_on_digital_pin(run):
    """Does ADC on a pin without an ADC raise ValueError on the Pico?"""
    r = run("from machine import ADC, Pin\nADC(Pin(15))\n")
    assert r.error["type"] == "ValueError"


def test_pico_temperature_channel_4(run):
    """Does the usual formula over ADC(4) give the scenario's board temperature?"""
    sc = {"seconds": 1, "board_temperature": 30.0}
    r = run("from machine import ADC\nv = ADC(4).read_u16() * 3.3 / 65535\n"
            "print(round(27 - (v - 0.706) / 0.001721))\n", scenario=sc, seconds=None)
    assert r.error is None and abs(int(r.stdout) - 30) <= 1


def test_esp32_adc_read_12_bit(run):
    """Does ESP32 ADC.read() give 0..4095 following the input?"""
    sc = {"seconds": 1, "devices": [{"type": "potentiometer", "pin": 34, "curve": 1.0}]}
    r = run("from machine import ADC, Pin\nprint(ADC(Pin(34)).read())\n", board="esp32",
            scenario=sc, seconds=None)
    assert r.stdout.strip() == "4095"
