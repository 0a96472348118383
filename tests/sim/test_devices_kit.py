"""The kit devices of the virtual boards: the LCD1602 behind a PCF8574, the MPU6050 and BMP280 on
I2C, the matrix keypad, seven-segment displays and a scripted micro:bit radio peer.

Unit tests drive the host models with the bytes and levels a driver produces; the runs go through
the real MicroPython interpreter with programs written like kit lessons.
"""

from __future__ import annotations

import pytest

from app.sim.boards import get_board
from app.sim.hal.i2c_sensors import Bmp280, Mpu6050, compensate, raw_from
from app.sim.hal.lcd1602 import CUSTOM_BASE, CharLcd
from app.sim.hal.pin_kit import MIN_HOLD_US, POV_US, Keypad, SevenSegment, segments_text
from app.sim.runner import execute
from app.sim.scenario import ScenarioError, parse_scenario
from app.sim.svg_board import render_board

LCD_DRIVER = '''
from machine import I2C, Pin
import time
E, RS, LIGHT = 0x04, 0x01, 0x08
i2c = I2C(0, scl=Pin(1), sda=Pin(0), freq=100000)
def pulse(b):
    i2c.writeto(ADDR, bytes([b | E]))
    i2c.writeto(ADDR, bytes([b]))
def send(v, rs=0):
    pulse(rs | LIGHT | (v & 0xF0))
    pulse(rs | LIGHT | ((v << 4) & 0xF0))
def start():
    i2c.writeto(ADDR, bytes([0]))
    time.sleep_ms(20)
    for _ in range(3):
        pulse(0x30)
        time.sleep_ms(5)
    pulse(0x20)
    for c in (0x28, 0x0C, 0x06, 0x01):
        send(c)
    time.sleep_ms(5)
def text(s):
    for ch in s:
        send(ord(ch), RS)
'''


def _lcd_bytes(lcd: CharLcd, value: int, rs: bool = False, light: int = 0x08) -> None:
    """What the driver sends for one byte in 4-bit mode: two nibbles, each with an E pulse."""
    for nibble in (value & 0xF0, (value << 4) & 0xF0):
        byte = nibble | light | (1 if rs else 0)
        lcd.write(bytes([byte | 0x04, byte]))


def _lcd_ready(columns: int = 16, rows: int = 2) -> CharLcd:
    lcd = CharLcd(columns, rows)
    lcd.write(b"\x00")
    for nibble in (0x30, 0x30, 0x30, 0x20):  # 8-bit reset, then 4-bit mode
        lcd.write(bytes([nibble | 0x04, nibble]))
    for cmd in (0x28, 0x0C, 0x06, 0x01):
        _lcd_bytes(lcd, cmd)
    return lcd


def _run(src: str, board: str, scenario: dict):
    result, _ = execute(src, board, scenario)
    return result


# ---- LCD1602 -----------------------------------------------------------------------------------

def test_lcd_decodes_text_on_both_lines():
    """Does the LCD show the characters written after a DDRAM address on the right lines?"""
    lcd = _lcd_ready()
    for ch in "Ciao":
        _lcd_bytes(lcd, ord(ch), rs=True)
    _lcd_bytes(lcd, 0x80 | 0x40 | 3)  # row 1, column 3
    for ch in "23":
        _lcd_bytes(lcd, ord(ch), rs=True)
    _lcd_bytes(lcd, 0xDF, rs=True)
    frame = lcd.frame()
    assert frame["lines"] == ["Ciao" + " " * 12, "   23°" + " " * 10]
    assert frame["on"] == 1 and frame["backlight"] == 1


def test_lcd_clear_home_display_off_and_backlight():
    """Do clear, home, display off and a dark backlight change what the glass shows?"""
    lcd = _lcd_ready()
    for ch in "abc":
        _lcd_bytes(lcd, ord(ch), rs=True)
    _lcd_bytes(lcd, 0x02)  # home: the next character overwrites the first
    _lcd_bytes(lcd, ord("X"), rs=True)
    assert lcd.frame()["lines"][0].startswith("Xbc")
    _lcd_bytes(lcd, 0x08)  # display off: the RAM is kept, the glass is blank
    assert lcd.frame()["lines"][0].strip() == ""
    _lcd_bytes(lcd, 0x0C, light=0)
    frame = lcd.frame()
    assert frame["lines"][0].startswith("Xbc") and frame["backlight"] == 0
    _lcd_bytes(lcd, 0x01)
    assert lcd.frame()["lines"][0].strip() == ""


def test_lcd_entry_mode_decrement_and_display_shift():
    """Does entry mode 'decrement' write leftwards, and a display shift move the window?"""
    lcd = _lcd_ready()
    _lcd_bytes(lcd, 0x04)  # decrement, no shift
    _lcd_bytes(lcd, 0x80 | 5)
    for ch in "abc":
        _lcd_bytes(lcd, ord(ch), rs=True)
    assert lcd.frame()["lines"][0][3:6] == "cba"
    _lcd_bytes(lcd, 0x18)  # shift the display left by one
    assert lcd.frame()["lines"][0][2:5] == "cba"


def test_lcd_custom_character_is_stored_and_shown():
    """Is a glyph written to CGRAM kept and shown where its code is written?"""
    lcd = _lcd_ready()
    heart = [0x00, 0x0A, 0x1F, 0x1F, 0x0E, 0x04, 0x00, 0x00]
    _lcd_bytes(lcd, 0x40 | (2 << 3))  # CGRAM address of glyph 2
    for row in heart:
        _lcd_bytes(lcd, row, rs=True)
    _lcd_bytes(lcd, 0x80)
    _lcd_bytes(lcd, 2, rs=True)
    frame = lcd.frame()
    assert frame["lines"][0][0] == chr(CUSTOM_BASE + 2)
    assert frame["glyphs"] == {"2": heart}


def test_lcd_2004_rows_follow_the_hd44780_addresses():
    """Are rows 2 and 3 of a 20x4 LCD at DDRAM 0x14 and 0x54?"""
    lcd = _lcd_ready(20, 4)
    for address, ch in ((0x14, "C"), (0x54, "D")):
        _lcd_bytes(lcd, 0x80 | address)
        _lcd_bytes(lcd, ord(ch), rs=True)
    lines = lcd.frame()["lines"]
    assert lines[2][0] == "C" and lines[3][0] == "D"


def test_lcd_run_records_the_final_text_and_draws_it():
    """Does a kit-style driver's text end up in the last lcd frame and in the board picture?"""
    src = "ADDR = 0x27\n" + LCD_DRIVER + "start()\ntext('Punti: 42')\n"
    result = _run(src, "pico", {"seconds": 1, "devices": [{"type": "lcd1602"}]})
    frames = [e.value for e in result.events if e.source == "lcd:27" and e.kind == "frame"]
    assert frames[-1]["lines"][0] == "Punti: 42       "
    assert "Punti: 42" in render_board(result, lang="en")


@pytest.mark.parametrize("board,errno", [("pico", 5), ("esp32", 19)])
def test_absent_lcd_fails_like_on_the_board(board, errno):
    """Without an LCD in the scenario, do the scan and the first write fail as on the board?"""
    src = ("from machine import I2C\ni2c = I2C(0)\nprint(i2c.scan())\n"
           "try:\n    i2c.writeto(0x27, b'\\x00')\nexcept OSError as e:\n    print(e.args[0])\n")
    assert _run(src, board, {"seconds": 1}).stdout.split() == ["[]", str(errno)]


# ---- MPU6050 -----------------------------------------------------------------------------------

def test_mpu6050_sleeps_until_woken_and_scales_by_range():
    """Does the MPU6050 read zeros asleep, then scale by the chosen accel/gyro ranges?"""
    mpu = Mpu6050({"ax": [[0, 0.5]], "ay": [[0, 0]], "az": [[0, 1]], "gx": [[0, 100]],
                   "gy": [[0, 0]], "gz": [[0, 0]], "c": [[0, 30.0]]})
    assert mpu.read(0x75, 1, 0) == b"\x68"
    assert mpu.read(0x3B, 14, 0) == bytes(14)
    mpu.write(-1, bytes([0x6B, 0x00]), 0)
    mpu.write(0x1C, bytes([0x08]), 0)  # ±4 g: 8192 per g
    mpu.write(0x1B, bytes([0x18]), 0)  # ±2000 °/s: 16.4 per °/s
    data = mpu.read(0x3B, 14, 0)
    word = [int.from_bytes(data[i:i + 2], "big", signed=True) for i in range(0, 14, 2)]
    assert word[0] == 4096 and word[2] == 8192 and word[4] == 1640
    assert round(word[3] / 340 + 36.53, 1) == 30.0
    mpu.write(-1, bytes([0x3B]), 0)  # pointer then a plain read continues from it
    assert mpu.read(-1, 2, 0) == data[:2]


def test_mpu6050_follows_the_scenario_over_time():
    """Does a program see the acceleration curve change between two reads a second apart?"""
    src = ("from machine import I2C\nimport time\ni2c = I2C(0)\n"
           "i2c.writeto_mem(0x69, 0x6B, b'\\x00')\n"
           "for _ in range(2):\n    d = i2c.readfrom_mem(0x69, 0x3F, 2)\n"
           "    v = d[0] << 8 | d[1]\n    print(round((v - 65536 if v > 32767 else v) / 16384, 2))\n"
           "    time.sleep(1)\n")
    scenario = {"seconds": 3, "devices": [{"type": "mpu6050", "address": 0x69,
                                           "accel": {"z": [[0, 1], [200, 1], [1000, -1]]}}]}
    assert _run(src, "pico", scenario).stdout.split() == ["1.0", "-1.0"]


# ---- BMP280 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("celsius,hpa", [(-20.0, 980.0), (0.5, 1000.0), (21.3, 1013.25),
                                          (45.0, 870.0), (70.0, 1090.0)])
def test_bmp280_raw_values_compensate_back(celsius, hpa):
    """Do the raw ADC values give the scenario's °C and hPa back through the datasheet formula?"""
    t, p = compensate(*raw_from(celsius, hpa))
    assert abs(t - celsius) <= 0.01 and abs(p - hpa) <= 0.01


def test_bmp280_registers_before_and_after_a_measurement():
    """Does the BMP280 say 0x58, hold 0x80000 before measuring, and measure in forced mode?"""
    bmp = Bmp280({"c": [[0, 22.0]], "hpa": [[0, 1000.0]]})
    assert bmp.read(0xD0, 1, 0) == b"\x58"
    assert bmp.read(0xFA, 3, 0) == b"\x80\x00\x00"
    bmp.write(0xF4, bytes([0x25]), 0)  # forced mode, x1 oversampling
    raw = bmp.read(0xF7, 6, 10)
    adc_p = raw[0] << 12 | raw[1] << 4 | raw[2] >> 4
    adc_t = raw[3] << 12 | raw[4] << 4 | raw[5] >> 4
    t, p = compensate(adc_t, adc_p)
    assert round(t, 1) == 22.0 and round(p, 1) == 1000.0
    assert bmp.read(0xF4, 1, 10)[0] & 3 == 0  # back to sleep after the forced measurement
    bmp.write(0xE0, bytes([0xB6]), 20)
    assert bmp.read(0xFA, 3, 20) == b"\x80\x00\x00"


# ---- keypad and seven-segment ------------------------------------------------------------------

def test_keypad_reads_in_both_orientations_and_pulls():
    """Does a pressed key pull a pulled-up input low, and a pulled-down one high, either way?"""
    pad = Keypad(["r0", "r1"], ["c0", "c1"], "1234", [(0, 100, 1, 0)])  # key "3" held
    driven = {"r0": 1, "r1": 0}
    assert pad.level("c0", 1, 50, driven.get) == (0, 0)
    assert pad.level("c1", 1, 50, driven.get) == (None, None)
    assert pad.level("c0", 1, 150, driven.get) == (None, None)  # released
    columns_drive = {"c0": 1, "c1": 0}
    assert pad.level("r1", 0, 50, columns_drive.get) == (1, 0)  # pull-down, column driven high
    assert pad.label(0) == "3"


def test_keypad_without_presses_reads_the_pull():
    """With no key pressed, does every column read its pull-up level?"""
    src = ("from machine import Pin\nrows = [Pin(n, Pin.OUT, value=0) for n in (9, 8, 7, 6)]\n"
           "cols = [Pin(n, Pin.IN, Pin.PULL_UP) for n in (5, 4, 3, 2)]\n"
           "print([c.value() for c in cols])\n")
    scenario = {"seconds": 1, "devices": [{"type": "keypad", "rows": [9, 8, 7, 6],
                                           "cols": [5, 4, 3, 2], "presses": [[500, "5"]]}]}
    assert _run(src, "pico", scenario).stdout.strip() == "[1, 1, 1, 1]"


def test_seven_segment_common_anode_single_digit():
    """Is a common-anode digit lit by the segments driven low?"""
    seg = SevenSegment([f"s{i}" for i in range(7)], [], "anode")
    levels = {f"s{i}": 0 if (0x06 >> i) & 1 else 1 for i in range(7)}
    shown = seg.update(10, levels.get)
    assert shown == [0x06] and segments_text(shown) == "1"


def test_seven_segment_persistence_of_vision():
    """Does a multiplexed digit stay visible within the POV window and fade after it?"""
    seg = SevenSegment([f"s{i}" for i in range(8)], ["d0", "d1"], "cathode")
    levels: dict[str, int] = {"d0": 1, "d1": 1}

    def put(bits: int, digit: str | None) -> None:
        levels.update({f"s{i}": (bits >> i) & 1 for i in range(8)})
        levels.update({"d0": 0 if digit == "d0" else 1, "d1": 0 if digit == "d1" else 1})

    t = 0
    put(0x06, "d0")
    seg.update(t, levels.get)
    t += 4 * MIN_HOLD_US
    put(0x5B, "d1")
    assert seg.update(t, levels.get) == [0x06, 0x5B]  # "12": the eye still sees digit 0
    t += POV_US + 1  # digit 1 alone for longer than the eye keeps digit 0
    put(0x5B, None)
    assert seg.update(t, levels.get) == [0, 0x5B]
    assert segments_text([0x06 | 0x80, 0x5B]) == "1.2"


def test_seven_segment_pins_are_drawn_as_a_display_not_leds():
    """Does the board picture draw the 4-digit display's number and no LED for its pins?"""
    src = ("from machine import Pin\nimport time\nP = [0x3F, 0x06, 0x5B, 0x4F]\n"
           "seg = [Pin(n, Pin.OUT) for n in range(2, 10)]\n"
           "dig = [Pin(n, Pin.OUT, value=1) for n in range(10, 14)]\n"
           "for _ in range(20):\n    for i in range(4):\n"
           "        for s in range(8):\n            seg[s].value(P[3 - i] >> s & 1)\n"
           "        dig[i].value(0)\n        time.sleep_ms(2)\n        dig[i].value(1)\n")
    scenario = {"seconds": 2, "devices": [{"type": "seven_segment", "segments": list(range(2, 10)),
                                           "digits": [10, 11, 12, 13]}]}
    result = _run(src, "pico", scenario)
    frames = [e.value["text"] for e in result.events if e.source == "seg7:0"]
    assert frames[-1] == "3210"
    svg = render_board(result, lang="en")
    assert "7-segment display: 3210" in svg and "LED GP2:" not in svg


# ---- scenario validation and the radio peer ----------------------------------------------------

@pytest.mark.parametrize("device,words", [
    ({"type": "lcd1602", "address": 0x50}, "address"),
    ({"type": "bmp280", "pressure": 5000}, "pressure"),
    ({"type": "keypad", "rows": [1, 2, 3, 4], "cols": [5, 6, 7], "presses": [[100, "Z"]]}, "presses"),
    ({"type": "keypad", "rows": [1, 2], "cols": [3, 4]}, "keys"),
    ({"type": "keypad", "rows": [1, 2], "cols": [2, 4]}, "both a row and a column"),
    ({"type": "seven_segment", "segments": [1, 2, 3]}, "segments"),
])
def test_scenario_rejects_malformed_kit_devices(device, words):
    """Is a malformed kit device refused with the offending key named?"""
    with pytest.raises(ScenarioError, match=words):
        parse_scenario({"devices": [device]}, get_board("pico"))


def test_pin_devices_and_radio_peer_are_refused_where_the_board_cannot_have_them():
    """Are a keypad on the micro:bit and a radio peer on the Pico refused?"""
    with pytest.raises(ScenarioError, match="Pico and the ESP32"):
        parse_scenario({"devices": [{"type": "keypad", "rows": ["pin0"], "cols": ["pin1"]}]},
                       get_board("microbit"))
    with pytest.raises(ScenarioError, match="radio_peer"):
        parse_scenario({"radio_peer": {"every_ms": 100}}, get_board("pico"))


RADIO_ECHO = '''
import radio
from microbit import sleep
radio.config(group=3)
radio.on()
for word in ("uno", "due"):
    radio.send(word)
    sleep(100)
    print(radio.receive())
'''


@pytest.mark.parametrize("peer,expected", [
    ({"group": 3, "echo": True}, ["uno", "due"]),
    ({"group": 3, "echo": True, "reply": "ok"}, ["ok", "ok"]),
    ({"group": 4, "echo": True}, ["None", "None"]),  # another group: nothing comes back
    ({"group": 3}, ["None", "None"]),  # a timetable only
])
def test_radio_peer_echo_follows_the_group_rule(peer, expected):
    """Does the scripted peer answer only when the program listens on the peer's group?"""
    result = _run(RADIO_ECHO, "microbit", {"seconds": 2, "radio_peer": peer})
    assert result.stdout.split() == expected


def test_radio_peer_timetable_reaches_the_program():
    """Do the peer's scheduled and repeated messages arrive in order on its group?"""
    src = ("import radio\nfrom microbit import sleep\nradio.on()\nradio.config(group=7)\n"
           "got = []\nwhile len(got) < 3:\n    m = radio.receive()\n    if m:\n"
           "        got.append(m)\n    sleep(20)\nprint(got)\n")
    peer = {"group": 7, "sends": [[300, "ciao"]], "every_ms": 500, "message": "ping"}
    result = _run(src, "microbit", {"seconds": 3, "radio_peer": peer})
    assert result.stdout.strip() == "['ciao', 'ping', 'ping']"
