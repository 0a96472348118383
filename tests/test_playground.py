"""The free playground (app.playground): any signed-in user runs any program on any board with the
devices they choose, and sees output, pictures and trace; every run goes through the fair-sharing
rules. Real MicroPython, real SQLite."""

from __future__ import annotations

import base64
import re
from datetime import timedelta

import pytest
from markupsafe import escape
from sqlalchemy import insert

from app.extensions import db
from app.models import SimRun
from app.models.base import utcnow
from app.runs.services import gate_for
from tests.factories import csrf_token
from tests.matrix.playground import EXPECTED

URL = "/playground/"


@pytest.fixture
def app(app):
    """The app with the playground registered (create_app registers it once the lead wires it)."""
    if "playground" not in app.blueprints:
        from app.playground.views import bp

        app.register_blueprint(bp)
    return app


def _signed_in(app, login, user):
    client = app.test_client()
    assert login(client, user).status_code == 302
    return client


def _run(client, code, board="pico", devices=(), seconds=5, stdin=""):
    token = csrf_token(client, URL)
    return client.post(URL, data={"code": code, "board": board, "devices": list(devices), "seconds": seconds,
                                  "stdin": stdin, "csrf_token": token})


def _pictures(html: str) -> list[str]:
    return [base64.b64decode(uri).decode("utf-8") for uri in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)]


def _keeps_code(html: str, code: str) -> bool:
    return re.search(r"<textarea[^>]*>\s*" + re.escape(str(escape(code)).strip()) + r"\s*</textarea>", html) is not None


def test_anonymous_visitor_is_sent_to_sign_in(app):
    """Is an anonymous visitor sent to the sign-in page instead of the playground?"""
    response = app.test_client().get(URL)
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_page_shows_a_starter_and_where_each_device_is_wired(app, world, login):
    """Does a student see the board's starter program and the pins of each device on every board?"""
    client = _signed_in(app, login, world.student)
    html = client.get(URL + "?board=microbit").get_data(as_text=True)
    assert "from microbit import *" in html
    assert "GP15" in html and "GPIO27" in html and "pin8" in html  # the LED on each board
    assert 'value="touch"' in html


def test_pico_run_with_devices_shows_output_pictures_and_trace(app, world, login):
    """Does a Pico program reading a potentiometer and driving an LED print, and are the board
    picture, the timeline and the trace shown?"""
    code = ("from machine import Pin, ADC\nimport time\nled = Pin(15, Pin.OUT)\npot = ADC(26)\n"
            "for i in range(5):\n    led.toggle()\n    print('pot', pot.read_u16() > 20000)\n    time.sleep(1)\n")
    client = _signed_in(app, login, world.student)
    response = _run(client, code, devices=["led", "potentiometer"], seconds=10)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "pot False" in html and "pot True" in html, "the potentiometer turns during the run"
    pictures = _pictures(html)
    assert len(pictures) == 2 and all(svg.startswith("<svg") for svg in pictures)
    assert "pin:15" in html and "<table" in html  # the trace lists the LED's pin
    assert _keeps_code(html, code)


def test_oled_drawing_is_in_the_board_picture_and_the_trace(app, world, login):
    """With the OLED wired, is what the program draws in the board picture, and its pictures in
    the trace as a count of lit pixels?"""
    code = ("from machine import I2C\nimport ssd1306\noled = ssd1306.SSD1306_I2C(128, 64, I2C(0))\n"
            "oled.fill_rect(0, 0, 10, 10, 1)\noled.show()\n")
    client = _signed_in(app, login, world.student)
    html = _run(client, code, devices=["ssd1306"], seconds=2).get_data(as_text=True)
    board = next(svg for svg in _pictures(html) if "sim-board" in svg)
    assert "OLED 0x3C" in board and "100 pixel accesi" in board
    assert "<code>100 px</code>" in html


def test_any_role_may_run_and_nothing_is_graded(app, world, login):
    """May a teacher run a program too, with no checks shown (no lab, no grade)?"""
    client = _signed_in(app, login, world.teacher)
    html = _run(client, "print(6 * 7)\n", board="esp32").get_data(as_text=True)
    assert "42" in html and "check-list" not in html


def test_microbit_buttons_and_display(app, world, login):
    """On the micro:bit, is button A pressed by the wired scenario, and is the display drawn?"""
    code = ("from microbit import *\nwhile running_time() < 2000:\n    if button_a.was_pressed():\n"
            "        display.show(Image.HAPPY)\n        print('A!')\n    sleep(50)\n")
    client = _signed_in(app, login, world.student)
    html = _run(client, code, board="microbit", devices=["button"], seconds=5).get_data(as_text=True)
    assert "A!" in html
    assert len(_pictures(html)) == 3  # timeline, display frames, board


def test_stdin_lines_reach_input(app, world, login):
    """Do the lines typed in the console box reach input(), one per call?"""
    code = "name = input('Come ti chiami? ')\nage = input()\nprint('Ciao', name, int(age) + 1)\n"
    client = _signed_in(app, login, world.student)
    html = _run(client, code, stdin="Ada\n12\n").get_data(as_text=True)
    assert "Ciao Ada 13" in html


def test_error_is_explained(app, world, login):
    """Does a program with a mistake show the error type, its line and an explanation?"""
    client = _signed_in(app, login, world.student)
    html = _run(client, "x = 1\nprint(y)\n").get_data(as_text=True)
    assert "NameError" in html and "run-error" in html


def test_device_the_board_cannot_take_is_refused_with_the_code_kept(app, world, login):
    """Is a touch pad (ESP32 only) refused on the Pico with a message, and the code kept?"""
    client = _signed_in(app, login, world.student)
    code = "print('touch')\n"
    response = _run(client, code, board="pico", devices=["touch"])
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "field-error" in html
    assert _keeps_code(html, code) and "<pre class=\"stdout\">" not in html


def test_run_in_flight_elsewhere_gets_429_with_retry_after(app, world, login):
    """While the user's other run is in flight, is a playground run refused with 429, Retry-After,
    and the code kept?"""
    client = _signed_in(app, login, world.student)
    now = utcnow()
    with db.engine.begin() as conn:
        conn.execute(insert(SimRun.__table__).values(user_id=world.student.id, started_at=now,
                                                     expires_at=now + timedelta(seconds=60)))
    code = "print('mai')\n"
    response = _run(client, code)
    html = response.get_data(as_text=True)
    assert response.status_code == 429 and int(response.headers["Retry-After"]) >= 1
    assert "run-refused" in html and _keeps_code(html, code)


def test_saturated_simulator_answers_503(app, world, login):
    """With every worker busy and no waiting allowed, is the run refused with 503 and Retry-After?"""
    app.config.update(SIM_WORKERS=1, SIM_MAX_WAITING=0)
    client = _signed_in(app, login, world.student)
    with gate_for(app).slot():
        response = _run(client, "print(1)\n")
    assert response.status_code == 503 and "Retry-After" in response.headers


def test_matrix_entries_cover_the_playground_routes(app):
    """Has every playground route (and method) an entry in tests/matrix/playground.py?"""
    routes = {(rule.rule, method) for rule in app.url_map.iter_rules() if rule.endpoint.startswith("playground.")
              for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}}
    assert routes == set(EXPECTED)


@pytest.mark.parametrize("role", ["anonymous", "student", "teacher", "staff", "admin"])
@pytest.mark.parametrize("route", sorted(EXPECTED))
def test_route_role_matrix(app, world, login, route, role):
    """Does each role get the expected status on each playground route (empty form, CSRF off)?"""
    app.config["WTF_CSRF_ENABLED"] = False
    client = app.test_client()
    user = world.by_role(role)
    if user is not None:
        login(client, user)
    response = client.open(route[0], method=route[1], data={})
    assert response.status_code == EXPECTED[route][role]


def test_fidelity_badge_partial_says_what_is_approximated(app):
    """Does the lab badge say 'faithful' for LEDs alone and name the scripted sensor for a lab
    with a potentiometer, in the page's language (Italian by default)?"""
    from types import SimpleNamespace

    from flask import render_template_string

    blink_lab = SimpleNamespace(boards=("pico", "esp32"), engine={"scenario": {"devices": [{"type": "led", "pin": 15}]}})
    pot_lab = SimpleNamespace(boards=("pico",), engine={"scenario": {"devices": [
        {"type": "potentiometer", "pin": 26}, {"type": "led", "pin": 15}]}})
    with app.test_request_context("/"):
        blink = render_template_string('{% include "catalog/_fidelity_badge.html" %}', lab=blink_lab)
        pot = render_template_string('{% include "catalog/_fidelity_badge.html" %}', lab=pot_lab)
    assert "fidelity-faithful" in blink and "Fedele alla scheda vera" in blink and "copione" not in blink
    assert "fidelity-approximated" in pot and "il potenziometro gira da solo" in pot


def test_lab_fidelity_levels():
    """Is a lab with only LEDs faithful, with a robot approximated, and with a device the
    simulator does not model marked as needing the real board?"""
    from app.sim.fidelity import lab_fidelity

    assert lab_fidelity(["pico"], {"scenario": {"devices": [{"type": "led", "pin": 15}]}}).level == "faithful"
    assert lab_fidelity(["pico"], {"scenario": {}, "robot": {}}).level == "approximated"
    badge = lab_fidelity(["pico"], {"scenario": {"devices": [{"type": "thermal_printer"}]}})
    assert badge.level == "real_board" and "thermal_printer" in badge.text("en")[1][0]
    assert lab_fidelity(["pico"], {"scenario": {"devices": [{"type": "lcd1602"}]}}).level == "faithful"
    assert lab_fidelity(["pico"], {"scenario": {"devices": [{"type": "keypad"}]}}).level == "approximated"
    microbit = lab_fidelity(["microbit"], {"scenario": {"microbit": {"radio": [[0, "hi"]]}}})
    assert microbit.text("it")[1] == ["i messaggi radio arrivano come da copione"]
