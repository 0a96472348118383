"""Conformance: the `microbit` and `music` modules on the virtual BBC micro:bit V2."""

from __future__ import annotations

HEART = "09090:99999:99999:09990:00900"


def frames(r) -> list[str]:
    return [e.value for e in r.events if e.source == "display" and e.kind == "image"]


def test_display_show_image_and_clear(run):
    """Do show(Image.HEART) and clear() record the right 5x5 frames?"""
    r = run("from microbit import *\ndisplay.show(Image.HEART)\nsleep(100)\ndisplay.clear()\n",
            board="microbit")
    assert r.error is None and frames(r) == [HEART, "00000:00000:00000:00000:00000"]


def test_display_set_get_pixel(run):
    """Do set_pixel/get_pixel work and refuse out-of-range brightness with ValueError?"""
    r = run("from microbit import *\ndisplay.set_pixel(2, 2, 9)\nprint(display.get_pixel(2, 2))\n"
            "display.set_pixel(0, 0, 10)\n", board="microbit")
    assert frames(r) == ["00000:00000:00900:00000:00000"]
    assert r.stdout.strip() == "9" and r.error["type"] == "ValueError" and r.error["line"] == 4


def test_custom_image_string(run):
    """Does Image('...') from a string show exactly those pixels?"""
    r = run("from microbit import *\ndisplay.show(Image('90009:09090:00900:09090:90009'))\n",
            board="microbit")
    assert frames(r) == ["90009:09090:00900:09090:90009"]


def test_show_number_and_scroll(run):
    """Does show(3) draw the digit and scroll() record its text and take time?"""
    r = run("from microbit import *\ndisplay.show(3)\ndisplay.scroll('hi')\nprint(running_time())\n",
            board="microbit", seconds=10)
    texts = [e.value for e in r.events if e.source == "display" and e.kind in ("text", "scroll")]
    assert texts == ["3", "hi"] and int(r.stdout) > 500


def test_buttons_was_pressed_and_get_presses(run):
    """Do was_pressed (once per press) and get_presses (count, then reset) follow scripted presses?"""
    sc = {"seconds": 5, "devices": [
        {"type": "button", "pin": "button_a", "presses": [[200, 100]]},
        {"type": "button", "pin": "button_b", "presses": [[300, 50], [600, 50], [900, 50]]}]}
    r = run("from microbit import *\nprint(button_a.was_pressed())\nsleep(1000)\n"
            "print(button_a.was_pressed(), button_a.was_pressed())\n"
            "print(button_b.get_presses(), button_b.get_presses())\n", board="microbit",
            scenario=sc, seconds=None)
    assert r.stdout.split() == ["False", "True", "False", "3", "0"]


def test_button_is_pressed_while_held(run):
    """Is is_pressed True only while the button is held?"""
    sc = {"seconds": 2, "devices": [{"type": "button", "pin": "button_a", "presses": [[500, 300]]}]}
    r = run("from microbit import *\nsleep(600)\na = button_a.is_pressed()\nsleep(500)\n"
            "print(a, button_a.is_pressed())\n", board="microbit", scenario=sc, seconds=None)
    assert r.stdout.split() == ["True", "False"]


def test_running_time_and_temperature(run):
    """Do running_time() follow sleep() and temperature() the scenario's board temperature?"""
    r = run("from microbit import *\nsleep(1500)\nprint(running_time(), temperature())\n",
            board="microbit", scenario={"seconds": 3, "board_temperature": 25}, seconds=None)
    t, c = r.stdout.split()
    assert 1500 <= int(t) <= 1510 and c == "25"


def test_music_play_and_pitch(run):
    """Do music.play and music.pitch record the notes' frequencies and take their time?"""
    r = run("import music\nfrom microbit import *\nmusic.play(['c4:4', 'a4:2'])\n"
            "music.pitch(880, 100)\nprint(running_time())\n", board="microbit")
    tones = [e.value for e in r.events if e.source == "music" and e.kind == "tone"]
    assert [t for t in tones if t] == [262, 440, 880]
    assert 500 + 250 + 100 <= int(r.stdout) <= 500 + 250 + 100 + 20  # plus the calls' own time


def test_microbit_pins_digital_and_analog(run):
    """Do pin0.write_digital/write_analog record signals and read_analog follow a potentiometer?"""
    sc = {"seconds": 1, "devices": [{"type": "potentiometer", "pin": "pin1", "curve": 1.0}]}
    r = run("from microbit import *\npin0.write_digital(1)\npin2.write_analog(511)\n"
            "print(pin1.read_analog())\n", board="microbit", scenario=sc, seconds=None)
    assert r.stdout.strip() == "1023"
    assert any(e.source == "pin:pin0" and e.kind == "value" and e.value == 1 for e in r.events)
    assert any(e.source == "pwm:pin2" and e.kind == "duty" and abs(e.value - 32735) < 64
               for e in r.events)


def test_microbit_has_no_machine_pin_or_pin21(run):
    """Are machine.Pin and pin21 missing on the micro:bit, as on the real one?"""
    assert run("from machine import Pin\n", board="microbit").error["type"] == "ImportError"
    r = run("import microbit\nmicrobit.pin21.write_digital(1)\n", board="microbit")
    assert r.error["type"] == "AttributeError"
