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


# ---- micro:bit V2 fidelity: animations on the host's clock, sensors, radio, sounds ---------------

def mb_run(code: str, microbit: dict | None = None, seconds: float = 3, devices=()):
    """Run on the micro:bit with the micro:bit's own scenario inputs."""
    from app.sim.hal.microbit_scenario import parse_microbit
    from app.sim.runner import execute
    from app.sim.scenario import Scenario

    sc = Scenario(seconds, 1, tuple(devices), extra={"microbit": parse_microbit(microbit or {})})
    return execute(code, "microbit", sc, None)[0]


def test_microbit_scenario_errors_name_the_key():
    """Does a wrong micro:bit scenario key or gesture fail with its path?"""
    import pytest

    from app.sim.hal.microbit_scenario import parse_microbit
    from app.sim.scenario import ScenarioError

    with pytest.raises(ScenarioError, match="scenario.microbit: unknown keys"):
        parse_microbit({"acceleration": 1})
    with pytest.raises(ScenarioError, match=r"gestures\[1\]"):
        parse_microbit({"gestures": [[0, "shake"], [10, "jump"]]})
    with pytest.raises(ScenarioError, match=r"radio\[0\]"):
        parse_microbit({"radio": [[0, 5]]})


def test_looping_animation_outlives_main_and_is_unrolled_lazily():
    """Does show(loop=True, wait=False) keep animating on the host's clock after main.py ends?"""
    r = mb_run("from microbit import *\ndisplay.show(Image.ALL_CLOCKS, delay=100, wait=False, "
               "loop=True)\n", seconds=2.5)
    times = [e.t_us for e in r.events if e.kind == "image"]
    assert r.outcome == "time" and len(times) == 25  # 0, 100 ... 2400 ms
    assert all(b - a == 100_000 for a, b in zip(times, times[1:]))


def test_finite_background_animation_ends_the_run_when_done():
    """Does a program that ends during a wait=False animation finish when the animation does?"""
    r = mb_run("from microbit import *\ndisplay.show([Image.HAPPY, Image.SAD], delay=300, "
               "wait=False)\n", seconds=5)
    assert r.outcome == "done" and 600_000 <= r.sim_time_us < 700_000


def test_new_show_cancels_the_running_animation():
    """Does a direct show() stop a background animation, as the firmware does?"""
    r = mb_run("from microbit import *\ndisplay.show(Image.ALL_ARROWS, delay=100, wait=False)\n"
               "sleep(250)\ndisplay.show(Image.HEART)\nsleep(1000)\n")
    frames = [e.value for e in r.events if e.kind == "image"]
    assert len(frames) == 4 and frames[-1] == HEART


def test_music_without_wait_returns_at_once_and_plays_on_time():
    """Does music.play(wait=False) return at once while its notes keep their own times?"""
    r = mb_run("import music\nfrom microbit import *\nmusic.play(['c4:4', 'e4:4'], wait=False)\n"
               "print(running_time())\nsleep(2000)\n")
    tones = [(e.t_us // 1000, e.value) for e in r.events if e.source == "music"]
    assert int(r.stdout) < 20 and [v for _, v in tones] == [262, 330, 0]
    assert tones[1][0] - tones[0][0] == 500


def test_radio_message_is_not_received_before_it_arrives():
    """Does receive() return a scripted message only once its time has come?"""
    r = mb_run("import radio\nfrom microbit import *\nradio.on()\nprint(radio.receive())\n"
               "sleep(1000)\nprint(radio.receive())\n", {"radio": [[700, "ciao"]]})
    assert r.stdout.split() == ["None", "ciao"]


def test_radio_sends_are_traced_with_the_text():
    """Is every sent message in the trace, and nothing when the radio is off?"""
    r = mb_run("import radio\nradio.on()\nradio.send('uno')\nradio.off()\ntry:\n"
               "    radio.send('due')\nexcept ValueError as e:\n    print(e)\n")
    assert [e.value for e in r.events if e.source == "radio"] == ["uno"]
    assert r.stdout.strip() == "radio is not enabled"


def test_lazy_modules_source_is_only_public_code():
    """Does the host serve the rarely used guest modules and nothing else, in bounds?"""
    from app.sim.hal.microbit_extra import lazy_module

    assert all(lazy_module(i)[0] and b"scenario" not in lazy_module(i)[0] for i in (0, 1))
    assert lazy_module(2) == (b"", 0) and lazy_module(-1) == (b"", 0)
    r = mb_run("import radio\nradio.on()\nprint('ok')\n")
    assert r.stdout.strip() == "ok" and r.error is None


def test_unsimulated_features_say_they_exist_on_the_board():
    """Do speech.translate and microbit.uart say they exist on the real board, in both languages?"""
    for code, name in (("import speech\nspeech.translate('ciao')\n", "speech.translate"),
                       ("from microbit import *\nuart.init(9600)\n", "microbit.uart.init")):
        r = mb_run(code)
        assert r.error["type"] == "NotImplementedError"
        assert r.error["message"] == f"'{name}' is available on the real board, not in the simulator"
        assert "disponibile sulla scheda vera, non nel simulatore" in r.explanation["it"]


def test_redrawing_loop_runs_to_the_scenario_end():
    """Does a loop that redraws the display without sleeping run to the end (not cut by fuel)?"""
    r = mb_run("from microbit import *\nx = 0\nwhile True:\n    display.clear()\n"
               "    display.set_pixel(x, 2, 9)\n    x = (x + 1) % 5\n", seconds=5)
    assert r.outcome == "time" and r.error is None


def test_player_loops_lazily_and_reports_when_busy():
    """Does a host timeline perform each step at its own time and loop only as far as asked?"""
    from app.sim.boards import get_board
    from app.sim.hal.board import VirtualBoard
    from app.sim.hal.microbit_player import Player
    from app.sim.scenario import Scenario

    vb = VirtualBoard(get_board("microbit"), Scenario(10.0))
    player = Player(vb)
    seen: list[int] = []
    assert player.start("x", [(10_000, seen.append), (20_000, seen.append)], loop=True) is None
    player.flush(65_000)
    assert seen == [0, 10_000, 30_000, 40_000, 60_000] and player.busy_until() == vb.end_us
    assert player.cancel("x") and not player.active("x") and player.busy_until() is None


def test_zero_delay_loop_is_bounded():
    """Does a looping animation with delay=0 unroll at most one step per 10 ms of the run?"""
    from app.sim.boards import get_board
    from app.sim.hal.board import VirtualBoard
    from app.sim.hal.microbit_player import Player
    from app.sim.scenario import Scenario

    vb = VirtualBoard(get_board("microbit"), Scenario(10.0))
    player = Player(vb)
    seen: list[int] = []
    player.start("display", [(0, seen.append), (0, seen.append)], loop=True)
    player.flush(vb.end_us)
    assert len(seen) == 1000 and seen[1] - seen[0] == 10_000
