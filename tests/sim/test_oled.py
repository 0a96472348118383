"""OLED displays (SSD1306, SH1106): the host's controller model (app.sim.hal.oled) keeps the
display RAM from the I2C bytes a real driver sends, the trace records each new picture, and the
board picture draws it. End-to-end tests run the real interpreter with the kit's drivers."""

from __future__ import annotations

import base64

from app.sim import render_board
from app.sim.hal.oled import OledPanel
from app.sim.svg_oled import lit_runs

SETUP = bytes([0x00, 0xAE, 0x20, 0x00, 0xA1, 0xC8, 0xAF])  # a command stream: as the drivers set up
DRAW = """
from machine import Pin, I2C, SoftI2C
import {module}
i2c = {bus}
oled = {module}.{cls}(128, 64, i2c)
oled.fill(0)
oled.fill_rect(10, 20, 30, 8, 1)   # 30 x 8 pixels: x 10..39, y 20..27
oled.pixel(127, 63, 1)
oled.show()
print("ok")
"""


def _pixel(picture: bytes, x: int, y: int) -> int:
    return picture[(y // 8) * 128 + x] >> (y % 8) & 1


def _frames(result, address="3c"):
    return [base64.b64decode(e.value) for e in result.events if e.source == f"oled:{address}" and e.kind == "frame"]


def test_horizontal_mode_fills_the_window_like_framebuf():
    """In horizontal addressing, does a 1024-byte data write land page by page, (0, 0) top-left?"""
    panel = OledPanel()
    panel.write(SETUP)
    frame = bytearray(1024)
    frame[0] = 0x01  # pixel (0, 0)
    frame[1023] = 0x80  # pixel (127, 63)
    panel.write(b"\x40" + bytes(frame))
    picture = panel.visible()
    assert _pixel(picture, 0, 0) and _pixel(picture, 127, 63)
    assert sum(bin(b).count("1") for b in picture) == 2


def test_without_remap_the_picture_is_mirrored_and_off_is_dark():
    """Without segment remap and COM reverse, is the picture turned 180°; and is a display switched
    off dark, and an inverted one lit where the RAM is 0?"""
    panel = OledPanel()
    panel.write(bytes([0x00, 0x20, 0x00, 0xAF]))
    panel.write(b"\x40\x01")  # RAM column 0, page 0, bit 0
    assert _pixel(panel.visible(), 127, 63)
    panel.write(b"\x80\xA7")  # inverse
    assert not _pixel(panel.visible(), 127, 63) and _pixel(panel.visible(), 0, 0)
    panel.write(b"\x80\xAE")
    assert panel.visible() == bytes(1024)


def test_sh1106_page_mode_shows_columns_2_to_129():
    """On an SH1106, is RAM column 2 of page 3 the glass's left edge, rows 24..31?"""
    panel = OledPanel("sh1106")
    panel.write(bytes([0x80, 0xA1, 0x80, 0xC8, 0x80, 0xAF, 0x80, 0xB3, 0x80, 0x02, 0x80, 0x10]))
    panel.write(b"\x40\xff")
    picture = panel.visible()
    assert all(_pixel(picture, 0, y) for y in range(24, 32))
    assert sum(bin(b).count("1") for b in picture) == 8


def test_ssd1306_driver_draws_and_the_trace_records_it(run):
    """Does a program with the kit's ssd1306 driver put its rectangle and pixel on the glass, and
    does the board picture draw the display?"""
    code = DRAW.format(module="ssd1306", cls="SSD1306_I2C", bus="I2C(0, scl=Pin(5), sda=Pin(4))")
    result = run(code, "pico", {"devices": [{"type": "ssd1306"}]}, 1)
    assert result.error is None and result.stdout.strip() == "ok"
    picture = _frames(result)[-1]
    assert _pixel(picture, 10, 20) and _pixel(picture, 39, 27) and _pixel(picture, 127, 63)
    assert not _pixel(picture, 9, 20) and not _pixel(picture, 40, 27) and not _pixel(picture, 10, 28)
    assert sum(bin(b).count("1") for b in picture) == 30 * 8 + 1
    svg = render_board(result, lang="en")
    assert "OLED 0x3C" in svg and "241 pixels lit" in svg


def test_sh1106_driver_page_by_page_is_one_picture_per_show(run):
    """Is an SH1106 show() (eight page writes) recorded as one picture, equal to the SSD1306's?"""
    code = DRAW.format(module="sh1106", cls="SH1106_I2C", bus="SoftI2C(scl=Pin(22), sda=Pin(21))")
    result = run(code, "esp32", {"devices": [{"type": "sh1106"}]}, 1)
    assert result.error is None, result.error
    frames = _frames(result)
    assert len(frames) <= 3  # the blank screen of init (show twice, close together) and the drawing
    picture = frames[-1]
    assert _pixel(picture, 10, 20) and _pixel(picture, 127, 63)
    assert sum(bin(b).count("1") for b in picture) == 30 * 8 + 1


def test_an_animation_is_recorded_frame_by_frame_in_time(run):
    """Does a counter redrawn every 100 ms leave one picture per update, in time order?"""
    code = ("from machine import I2C\nimport ssd1306, time\noled = ssd1306.SSD1306_I2C(128, 64, I2C(0))\n"
            "for n in range(10):\n    oled.fill(0)\n    oled.fill_rect(0, 0, n + 1, 1, 1)\n    oled.show()\n"
            "    time.sleep_ms(100)\n")
    result = run(code, "pico", {"devices": [{"type": "ssd1306"}]}, 2)
    frames = _frames(result)
    lit = [sum(bin(b).count("1") for b in f) for f in frames]
    assert lit[-10:] == list(range(1, 11))
    times = [e.t_us for e in result.events if e.source == "oled:3c"]
    assert times == sorted(times) and times[-1] - times[-10] >= 900_000


def test_no_display_wired_fails_like_a_board(run):
    """Without a display in the scenario, does the driver's first write fail with EIO (rp2)?"""
    code = "from machine import I2C\nimport ssd1306\noled = ssd1306.SSD1306_I2C(128, 64, I2C(0))\n"
    result = run(code, "pico", {}, 1)
    assert result.error and result.error["type"] == "OSError" and "5" in result.error["message"]


def test_lit_runs_merge_neighbours():
    """Are lit pixels next to each other drawn as one run (a small SVG for a full screen)?"""
    picture = bytearray(1024)
    for x in range(5, 15):
        picture[x] = 0x01
    assert lit_runs(bytes(picture)) == [(5, 0, 10)]
