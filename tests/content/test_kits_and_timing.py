"""Labs wired to the reference kit of their board, and lab activities given enough time."""

from __future__ import annotations

from tests.content.factories import T, Tree, lab_data, line_of, module_data, where

KITS = """kits:
  - slug: pico-breadboard
    title: {it: "Pico su breadboard", en: "Pico on a breadboard"}
    board: pico
    pins:
      LED: [led]
      2: [{part: hcsr04-echo, resistor: ["1 kΩ", "2 kΩ"]}]
      3: [hcsr04-trigger]
      15: [{part: led, resistor: "220 Ω"}, servo]
    i2c: [0x48]
  - slug: maker-pi-rp2040
    title: {it: "Robot", en: "Robot"}
    board: pico
    robot: maker_pi_rp2040
"""


def _kits(tree: Tree) -> None:
    (tree.content_dir / "kits.yaml").write_text(KITS, encoding="utf-8")


def _scenario(*devices: dict) -> dict:
    return {"seconds": 3, "devices": list(devices)}


def test_lab_on_the_kit_pins_passes(tree: Tree) -> None:
    """Is a lab whose devices sit on the kit's pins accepted (per-board pin maps too)?"""
    _kits(tree)
    tree.write_lab(lab_data("servo", scenario=_scenario(
        {"type": "servo", "pin": 15}, {"type": "led", "pin": {"pico": "LED", "esp32": 2}},
        {"type": "hcsr04", "trigger": 3, "echo": 2}, {"type": "tmp102", "address": 72})))
    assert tree.check() == []


def test_device_on_a_wrong_pin_is_reported_at_its_line(tree: Tree) -> None:
    """Is a servo on GP16, absent from the kit, reported at the device's line in lab.yaml?"""
    _kits(tree)
    folder = tree.write_lab(lab_data("servo", scenario=_scenario({"type": "servo", "pin": 16})))
    path = folder / "lab.yaml"
    assert tree.check() == [where(path, line_of(path, "type: servo"))
                            + "servo 'pin: 16' does not match the reference kit "
                              "'pico-breadboard' (servo is not on pin 16 in "
                              "curricula/kits.yaml)"]


def test_swapped_sonar_pins_and_unknown_address(tree: Tree) -> None:
    """Are swapped trigger/echo pins and a sensor at another I2C address all reported?"""
    _kits(tree)
    tree.write_lab(lab_data("sonar", scenario=_scenario(
        {"type": "hcsr04", "trigger": 2, "echo": 3}, {"type": "tmp102", "address": 0x49})))
    errors = tree.check()
    assert len(errors) == 3
    for expected in ("hcsr04 'trigger: 2' does not match", "hcsr04 'echo: 3' does not match",
                     "tmp102 at I2C address 73 is not in the reference kit"):
        assert sum(expected in e for e in errors) == 1, expected


def test_robot_lab_needs_a_reference_robot_kit(tree: Tree) -> None:
    """Is a robot lab on a kit that is not a reference kit reported at its 'kit' line?"""
    _kits(tree)
    folder = tree.write_lab(lab_data("robot", robot={"kit": "maqueen", "worlds": []}))
    path = folder / "lab.yaml"
    assert tree.check() == [where(path, line_of(path, "kit: maqueen"))
                            + "robot kit 'maqueen' is not a reference kit "
                              "(curricula/kits.yaml: maker_pi_rp2040)"]


def test_kit_states_the_resistors_the_worksheets_draw(tree: Tree) -> None:
    """Does the kit loader keep each part's resistor values and the kit's title?"""
    from app.content.errors import Problems
    from app.content.kits import load_kits

    _kits(tree)
    problems = Problems()
    kits = load_kits(tree.content_dir / "kits.yaml", problems)
    assert problems.errors == []
    pins = kits["pico-breadboard"]["pins"]
    assert pins["15"] == {"led": ("220 Ω",), "servo": ()}
    assert pins["2"]["hcsr04-echo"] == ("1 kΩ", "2 kΩ") and pins["LED"] == {"led": ()}
    assert kits["pico-breadboard"]["title"].get("en") == "Pico on a breadboard"


def test_missing_or_malformed_resistor_is_reported_at_its_line(tree: Tree) -> None:
    """Are an LED without a resistor, a divider with one value and a value that is not a
    resistance each reported at their line of kits.yaml?"""
    bad = KITS.replace('15: [{part: led, resistor: "220 Ω"}, servo]', "15: [led, servo]") \
        .replace('resistor: ["1 kΩ", "2 kΩ"]', 'resistor: "1 kΩ"') \
        .replace("      LED: [led]\n", '      LED: [led]\n      14: [{part: led, resistor: "220 ohm"}]\n')
    path = tree.content_dir / "kits.yaml"
    path.write_text(bad, encoding="utf-8")
    errors = tree.check()
    assert sorted(errors) == sorted([
        where(path, line_of(path, "14: [")) + "pin 14: resistor '220 ohm' of led is not a value "
                                              'such as "220 Ω", "10 kΩ" or "4.7 kΩ"',
        where(path, line_of(path, "2: [")) + "pin 2: hcsr04-echo needs 2 resistor value(s) in the "
                                             'kit, e.g. {part: hcsr04-echo, resistor: ["1 kΩ", "2 kΩ"]}',
        where(path, line_of(path, "15: [")) + "pin 15: led needs 1 resistor value(s) in the kit, "
                                              'e.g. {part: led, resistor: "220 Ω"}',
    ])


def test_tree_without_kits_file_is_not_kit_checked(tree: Tree) -> None:
    """Does a content tree with no kits.yaml skip the kit check?"""
    tree.write_lab(lab_data("servo", scenario=_scenario({"type": "servo", "pin": 16})))
    assert tree.check() == []


def test_lab_activity_shorter_than_the_lab_is_reported(tree: Tree) -> None:
    """Is a lab activity of 15 minutes refused when the lab takes 20?"""
    tree.write_lab(lab_data("blink"))  # minutes: 20
    data = module_data()
    data["activities"].append({"slug": "lab-led", "kind": "lab", "minutes": 15,
                               "title": T("Lab", "Lab"), "lab": "blink"})
    path = tree.write_module(data)
    assert tree.check() == [where(path, line_of(path, "lab: blink"))
                            + "lab activity 'lab-led' gives 15 minutes but lab 'blink' takes "
                              "20 (its lab.yaml 'minutes')"]
