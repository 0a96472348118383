"""The content checker refuses a firmware example that copies a lab's answer."""

from __future__ import annotations

from pathlib import Path

from app.content import check_content
from app.content.firmware import code_tokens

from tests.content.factories import REPO, Tree, lab_data, where

SOLUTION = """from machine import Pin
import time

led = Pin(15, Pin.OUT)
while True:
    led.toggle()
    time.sleep_ms(250)
"""

# the same program: a docstring, comments, blank lines and other spacing
DISGUISED = '''"""My own blink, honest."""
# blink the LED

from machine import Pin
import time
led = Pin( 15,Pin.OUT )   # output


while True:
        led.toggle()
        time.sleep_ms(250)   # wait
'''


def _firmware(tree: Tree, files: dict[str, str]) -> Path:
    folder = tree.labs_dir.parent / "firmware_examples"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_copy_of_a_solution_is_reported_at_its_first_code_line(tree: Tree) -> None:
    """Is an example equal to a solution (comments and spacing aside) reported as path:line?"""
    tree.write_lab(lab_data("blink"), files={"solution.py": SOLUTION})
    folder = _firmware(tree, {"pico_blink.py": DISGUISED})
    errors = tree.check()
    assert errors == [where(folder / "pico_blink.py", 4)
                      + "same code as labs/blink/solution.py (comments and spacing aside): a "
                        "firmware example must not give a lab's answer away; show the same "
                        "API with a different task"]


def test_copy_of_an_alternative_is_reported(tree: Tree) -> None:
    """Is an example equal to one of a lab's alternative solutions reported too?"""
    tree.write_lab(lab_data("blink"), files={"alternatives/toggle.py": "# toggle\n" + SOLUTION})
    _firmware(tree, {"pico_blink.py": SOLUTION})
    errors = tree.check()
    assert len(errors) == 1
    assert errors[0].startswith("firmware_examples/pico_blink.py:1: same code as "
                                "labs/blink/alternatives/toggle.py")


def test_a_different_program_passes(tree: Tree) -> None:
    """Is an example that changes a value (another period) accepted?"""
    tree.write_lab(lab_data("blink"), files={"solution.py": SOLUTION})
    _firmware(tree, {"pico_blink.py": SOLUTION.replace("250", "1000")})
    assert tree.check() == []


def test_explicit_firmware_dir_is_used(tree: Tree, tmp_path: Path) -> None:
    """Does check_content look in the firmware folder it is given?"""
    tree.write_lab(lab_data("blink"), files={"solution.py": SOLUTION})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "copy.py").write_text(SOLUTION, encoding="utf-8")
    errors = [str(e) for e in check_content(tree.content_dir, tree.labs_dir, elsewhere)[1]]
    assert len(errors) == 1 and errors[0].startswith("elsewhere/copy.py:1: same code as")


def test_tokens_ignore_spacing_but_not_values() -> None:
    """Do spacing and comments vanish from the comparison while names and numbers stay?"""
    assert code_tokens("f(a,b)  # x\n")[0] == code_tokens("f( a, b )\n")[0]
    assert code_tokens("f(a, b)\n")[0] != code_tokens("f(a, c)\n")[0]
    assert code_tokens("if x:\n    y()\nz()\n")[0] != code_tokens("if x:\n    y()\n    z()\n")[0]


def test_broken_syntax_still_compares() -> None:
    """Is a file that does not tokenize compared line by line without crashing?"""
    tokens, line = code_tokens('# c\n\nprint("x\nfoo ( 1 )\n')
    assert tokens == ('print("x', "foo(1)") and line == 3


def test_shipped_firmware_examples_copy_no_lab() -> None:
    """Does no shipped firmware example equal a shipped lab's solution or alternative?"""
    _, errors = check_content(REPO / "curricula", REPO / "labs", REPO / "firmware_examples")
    assert [str(e) for e in errors if "firmware_examples" in e.path] == []
