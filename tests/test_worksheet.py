"""Lab worksheets: every shipped lab has one that a student can open in both languages, stating
the pass criteria with the figures written in its ``lab.yaml`` (read here with plain YAML, not
through the code under test), never showing the solution, with a well-formed, accessible wiring
diagram drawn from the kit's pins, and only the visible robot worlds."""

from __future__ import annotations

import html
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from app.catalog.services import get_catalog
from app.catalog.worksheet import build_worksheet
from app.catalog.worksheet_criteria import DESCRIBERS
from app.catalog.worksheet_parts import physical_pin
from app.content import default_dirs
from app.sim.checks import CheckSpecError, fmt_num, parse_check
from tests.factories import csrf_token

SVG = "{http://www.w3.org/2000/svg}"
PERCENT_KEYS = ("ratio", "max_zero", "min_full")
ANALOG_0_TO_1 = ("light_sensor", "potentiometer")
# parameters a criterion may leave out because they tune the measurement, not the behaviour
UNSTATED = {"glitch_ms", "sign"}  # sign: the direction, said in words
PIN_KEYS = ("pin", "pins", "output", "input_pin", "button")


@pytest.fixture(scope="module")
def catalog():
    return get_catalog()


def _yaml_checks(lab) -> list[dict]:
    return yaml.safe_load((lab.folder / "lab.yaml").read_text(encoding="utf-8"))["checks"]


def _pin_label(pin, board: str, lang: str) -> str:
    """A pin as the board prints it (the onboard LED is named in words)."""
    if isinstance(pin, dict):
        pin = pin[board]
    if str(pin) == "LED":
        return {"it": "LED sulla scheda", "en": "LED on the board"}[lang]
    return {"pico": "GP", "esp32": "GPIO", "microbit": "P"}.get(board, "") + str(pin) \
        if str(pin).isdigit() else str(pin)


def _figures(check: dict, lang: str, board: str) -> list[str]:
    """The numbers a pupil must read for one check, as the lab file states them."""
    out: list[str] = []
    kind, params = check["kind"], check.get("params") or {}
    if kind == "python":
        params = params.get("args") or {}
    for key, value in params.items():
        if key in UNSTATED or key == "names" or isinstance(value, bool):
            continue
        if key in PIN_KEYS:
            pins = value if isinstance(value, list) else [value]
            out += [_pin_label(pin, board, lang) for pin in pins]
        elif kind == "states" and key == "cycle":
            out += [fmt_num(row[-1] / 1000, lang, 2) for row in value]
        elif isinstance(value, list) and all(isinstance(v, (int, float)) for v in value):
            out += [fmt_num(v, lang, 2) for v in value]
        elif isinstance(value, (int, float)):
            scaled = any(word in key for word in PERCENT_KEYS) or \
                (key == "threshold" and params.get("device") in ANALOG_0_TO_1)
            out.append(fmt_num(value * 100 if scaled else value, lang, 2))
    return out


def _section(page: str, ident: str) -> str:
    start = page.index(f'id="{ident}"')
    return html.unescape(page[start:page.index("</section>", start)])


def _has_number(text: str, number: str) -> bool:
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text) is not None


def _english(client) -> None:
    token = csrf_token(client, "/catalog/")
    client.post("/language", data={"language": "en", "next": "/catalog/", "csrf_token": token})


def test_every_lab_worksheet_states_its_criteria_for_a_student(app, world, login, catalog):
    """Does every shipped lab's worksheet open for a student, in Italian and English, with every
    figure its checks grade with written in the pass criteria?"""
    client = app.test_client()
    login(client, world.student)
    for lang in ("it", "en"):
        if lang == "en":
            _english(client)
        for slug, lab in catalog.labs.items():
            response = client.get(f"/catalog/labs/{slug}/worksheet")
            assert response.status_code == 200, slug
            page = response.get_data(as_text=True)
            assert f'lang="{lang}"' in page
            criteria = _section(page, "ws-criteria")
            for check in _yaml_checks(lab):
                for number in _figures(check, lang, lab.boards[0]):
                    assert _has_number(criteria, number), f"{slug} {lang}: {check['id']} does not state {number}"


def test_worksheet_never_shows_the_solution(app, world, login, catalog):
    """Is no line of a lab's solution on its worksheet, unless the starter or the instructions
    already show that line (for a student and for a teacher alike)?"""
    looked = 0
    for user in (world.student, world.teacher):
        client = app.test_client()
        login(client, user)
        for slug, lab in catalog.labs.items():
            page = html.unescape(client.get(f"/catalog/labs/{slug}/worksheet").get_data(as_text=True))
            public = lab.starter + lab.instructions.it + lab.instructions.en
            secret = [line.strip() for line in lab.solution.splitlines()
                      if len(line.strip()) > 8 and line.strip() not in public]
            looked += bool(secret)
            leaked = [line for line in secret if line in page]
            assert not leaked, f"{slug}: solution lines on the worksheet: {leaked[:3]}"
    assert looked >= len(catalog.labs)  # most solutions have lines of their own to look for


def test_wiring_diagram_is_well_formed_and_accessible(catalog):
    """Is every wiring diagram well-formed XML with a title, a description naming each wire's pin,
    text labels and no script, in both languages?"""
    content_dir = default_dirs()[0]
    for slug, lab in catalog.labs.items():
        for lang in ("it", "en"):
            sheet = build_worksheet(lab, content_dir, lang)
            root = ET.fromstring(sheet.wiring_svg)
            assert root.tag == f"{SVG}svg" and root.get("role") == "img", slug
            title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
            assert title is not None and title.text and lab.title.get(lang) in title.text
            assert desc is not None and desc.text
            assert not list(root.iter(f"{SVG}script")), slug
            assert all(not el.get(attr, "").startswith("javascript") for el in root.iter()
                       for attr in ("href", f"{{http://www.w3.org/1999/xlink}}href"))
            labels = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
            for sentence in sheet.wiring:
                pin = sentence.split(" ")[0]
                assert pin in desc.text and pin in labels, f"{slug}: {pin} missing from the diagram"


def _kit_resistors(content_dir: Path) -> dict[tuple[str, str], list[str]]:
    """(pin, part) -> resistor values, read from the Pico kit of kits.yaml with plain YAML."""
    kits = yaml.safe_load((content_dir / "kits.yaml").read_text(encoding="utf-8"))["kits"]
    pico = next(k for k in kits if k["slug"] == "pico-breadboard")
    found = {}
    for pin, parts in pico["pins"].items():
        for part in parts:
            if isinstance(part, dict) and "resistor" in part:
                value = part["resistor"]
                found[(str(pin), part["part"])] = value if isinstance(value, list) else [value]
    return found


def test_wiring_follows_the_reference_kit(catalog):
    """Are the traffic light's LEDs drawn on the kit's pins with the resistors kits.yaml states
    for them, and the ultrasonic echo through the kit's divider, in both languages?"""
    content_dir = default_dirs()[0]
    ohms = _kit_resistors(content_dir)
    sheet = build_worksheet(catalog.labs["traffic-light"], content_dir, "en")
    for pin, colour in (("15", "red"), ("14", "yellow"), ("13", "green")):
        led = ohms[(pin, "led")][0]
        assert any(s.startswith(f"GP{pin} (pin ") and f"{led} resistor → {colour} LED" in s for s in sheet.wiring)
    assert (3, f"{led} resistor", "in series with the LED") in sheet.parts
    low, high = ohms[("2", "hcsr04-echo")]
    alarm = build_worksheet(catalog.labs["ultrasonic-alarm"], content_dir, "it")
    assert any(s.startswith("GP2 ") and low in s and "Echo" in s for s in alarm.wiring)
    assert any(s.startswith("GP3 ") and s.endswith("Trig") for s in alarm.wiring)
    assert any(name == f"resistenza {high}" for _, name, _ in alarm.parts)
    lamp = build_worksheet(catalog.labs["night-lamp"], content_dir, "it")
    assert any(name == f"resistenza {ohms[('27', 'light_sensor')][0]}" for _, name, _ in lamp.parts)
    assert lamp.kit == "Raspberry Pi Pico su breadboard"


def test_worksheet_resistors_change_with_the_kit(catalog, tmp_path):
    """Does editing a resistor in kits.yaml redraw the worksheet (one source, no second table,
    no stale copy), with a decimal comma on the Italian sheet?"""
    content_dir = default_dirs()[0]
    copy = tmp_path / "curricula"
    shutil.copytree(content_dir, copy)
    kits = copy / "kits.yaml"
    before = build_worksheet(catalog.labs["traffic-light"], copy, "it")
    assert any(s.startswith("GP13 ") and "resistenza da 220 Ω" in s for s in before.wiring)
    mtime = kits.stat().st_mtime_ns
    kits.write_text(kits.read_text(encoding="utf-8").replace(
        '13: [{part: led, resistor: "220 Ω"}]', '13: [{part: led, resistor: "3.3 kΩ"}]'), encoding="utf-8")
    os.utime(kits, ns=(mtime + 10**9, mtime + 10**9))  # a later edit, whatever the clock's grain
    sheet = build_worksheet(catalog.labs["traffic-light"], copy, "it")
    assert any(s.startswith("GP13 ") and "resistenza da 3,3 kΩ" in s for s in sheet.wiring), sheet.wiring
    assert any(s.startswith("GP15 ") and "220 Ω" in s for s in sheet.wiring)


def test_python_check_message_states_its_args_in_both_languages(catalog):
    """Are a python check's {placeholders} filled from its args for the grader and the worksheet
    alike (a decimal comma in Italian), and is a placeholder that names no arg refused?"""
    data = {"id": "rows", "kind": "python", "params": {"function": "f", "args": {"min_rows": 9, "tol_s": 1.1}},
            "message": {"it": "Almeno {min_rows} righe (± {tol_s} s).", "en": "At least {min_rows} rows (± {tol_s} s)."}}
    check = parse_check(data, "checks[0]")
    assert check.message == {"it": "Almeno 9 righe (± 1,1 s).", "en": "At least 9 rows (± 1.1 s)."}
    plain = parse_check({**data, "message": {"it": "Nessuna {graffa", "en": "No brace"}}, "checks[0]")
    assert plain.message == {"it": "Nessuna {graffa", "en": "No brace"}
    with pytest.raises(CheckSpecError, match="min_row"):
        parse_check({**data, "message": {"it": "{min_row}", "en": "x"}}, "checks[0]")
    sheet = build_worksheet(catalog.labs["sensor-csv-logger"], default_dirs()[0], "it")
    rows = dict(sheet.criteria)["rows"]
    assert "Almeno 9 righe" in rows and "1,1 s" in rows and "min rows" not in rows and "tol" not in rows


def test_physical_pins_match_the_simulators_pico_header():
    """Do the header numbers printed beside each Pico pin match the simulator's drawing of the
    Pico's 40-pin header?"""
    from app.sim import svg_board

    header = {label: str(i + 1) for i, label in enumerate(svg_board._PICO_BOTTOM)}
    header.update({label: str(40 - i) for i, label in enumerate(svg_board._PICO_TOP)})
    gpios = [label for label in header if label.startswith("GP")]
    assert len(gpios) == 26
    for label in gpios:
        assert physical_pin("pico", label) == header[label], label
    assert header["3V3"] == physical_pin("pico", "3V3") and header["VBUS"] == physical_pin("pico", "VBUS (5 V)")
    assert svg_board._PICO_TOP[40 - int(physical_pin("pico", "GND"))] == "GND"


def test_robot_worksheet_shows_only_visible_worlds(app, world, login, catalog):
    """Does a robot lab's worksheet show the robot kit's pins and its visible worlds, and never
    name or draw a hidden world?"""
    client = app.test_client()
    login(client, world.student)
    robot_labs = [lab for lab in catalog.labs.values() if "robot" in lab.engine]
    assert robot_labs
    for lab in robot_labs:
        page = html.unescape(client.get(f"/catalog/labs/{lab.slug}/worksheet").get_data(as_text=True))
        assert "GP8" in page and "GP10" in page  # the Maker Pi's motor pins
        worlds = lab.engine["robot"]["worlds"]
        titles = {w["file"]: yaml.safe_load((lab.folder / w["file"]).read_text(encoding="utf-8"))["title"]
                  for w in worlds}
        shown = [w for w in worlds if not w.get("hidden")]
        assert page.count('<img src="data:image/svg+xml;base64,') == len(shown)
        visible_titles = {titles[w["file"]]["it"] for w in shown}
        for w in worlds:
            title = titles[w["file"]]["it"]
            if w.get("hidden") and title not in visible_titles:
                assert title not in page, f"{lab.slug}: hidden world {title} is named"
            elif not w.get("hidden"):
                assert title in page


def test_every_check_kind_in_the_labs_has_plain_words(catalog):
    """Does every check kind the shipped labs use have its own plain-language description (not the
    fallback)?"""
    kinds = {check["kind"] for lab in catalog.labs.values() for check in _yaml_checks(lab)}
    assert kinds - set(DESCRIBERS) == set()


def test_worksheet_needs_sign_in_and_a_real_lab(app, world, login):
    """Is an anonymous visitor sent to sign in, and an unknown lab a 404?"""
    client = app.test_client()
    response = client.get("/catalog/labs/blink/worksheet")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    login(client, world.student)
    assert client.get("/catalog/labs/no-such-lab/worksheet").status_code == 404


def test_worksheet_is_printable(app, world, login):
    """Does the worksheet load the A4 print stylesheet, and does that stylesheet set an A4 page?"""
    client = app.test_client()
    login(client, world.student)
    page = client.get("/catalog/labs/traffic-light/worksheet").get_data(as_text=True)
    assert "css/worksheet.css" in page and "css/print.css" in page
    css = Path(app.static_folder, "css", "worksheet.css").read_text(encoding="utf-8")
    shared = Path(app.static_folder, "css", "print.css").read_text(encoding="utf-8")
    assert "@media print" in css and "size: A4" in shared
    assert client.get("/static/css/worksheet.css").status_code == 200
