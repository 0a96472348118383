"""The simulator package stands alone (no Flask), and its SVG renderings are safe to embed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.sim import render_board, render_display_frames, render_timeline
from app.sim.runner import execute

ROOT = Path(__file__).resolve().parents[2]


def test_import_app_sim_does_not_import_flask():
    """Does `import app.sim` in a fresh interpreter leave Flask unimported?"""
    out = subprocess.run([sys.executable, "-c", "import app.sim, sys; print('flask' in sys.modules)"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60, check=True)
    assert out.stdout.strip() == "False"


RUNS = {
    "traffic": ("labs/traffic-light/solution.py", "pico", {"seconds": 8}),
    "servo": ("labs/servo-sweep/solution.py", "pico",
              {"seconds": 3, "devices": [{"type": "servo", "pin": 15}]}),
    "neopixel": ("labs/neopixel-pattern/solution.py", "pico", {"seconds": 2}),
    "blink_esp32": ("firmware_examples/esp32_blink.py", "esp32", {"seconds": 2}),
    "microbit": ("firmware_examples/microbit_music.py", "microbit", {"seconds": 4}),
}


@pytest.fixture(scope="module")
def runs():
    return {k: execute((ROOT / path).read_text(), board, sc)[0]
            for k, (path, board, sc) in RUNS.items()}


def _all_svgs(runs, lang):
    for name, r in runs.items():
        yield name, render_timeline(r, lang=lang)
        yield name, render_board(r, lang=lang)
        if r.board == "microbit":
            yield name, render_display_frames(r, lang=lang)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_svgs_are_self_contained_and_accessible(runs, lang):
    """Is every SVG free of scripts, handlers and external references, with title/desc in lang?"""
    for name, svg in _all_svgs(runs, lang):
        assert svg.startswith("<svg xmlns='http://www.w3.org/2000/svg'") and svg.endswith("</svg>")
        assert "role='img'" in svg and f"lang='{lang}'" in svg, name
        assert re.search(r"<title id='[^']+'>[^<]{5,}</title><desc id='[^']+'>[^<]{5,}</desc>", svg)
        low = svg.lower()
        assert "<script" not in low and "javascript:" not in low and "href" not in low, name
        assert not re.search(r"\son[a-z]+\s*=", low), name
        assert "http:" not in low.replace("http://www.w3.org/2000/svg", ""), name
        assert "<foreignobject" not in low and "<image" not in low and "@import" not in low


def test_svg_language_changes_text(runs):
    """Are titles different in Italian and English?"""
    r = runs["traffic"]
    it, en = render_board(r, lang="it"), render_board(r, lang="en")
    assert "a 8.00 s" in it and "at 8.00 s" in en


def test_svg_ids_unique_per_drawing(runs):
    """Do two different drawings on one page use different ids?"""
    ids = [set(re.findall(r"id='([^']+)'", svg)) for _, svg in _all_svgs(runs, "it")]
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            assert not a & b


def test_pico_board_has_real_header(runs):
    """Does the Pico drawing show GP0-GP28 header pins as on the real board (no GP29, no GP23-25)?"""
    svg = render_board(runs["traffic"], lang="en")
    labels = set(re.findall(r">(GP\d+)<", svg))
    assert "GP0" in labels and "GP28" in labels and "GP15" in labels
    assert not labels & {"GP23", "GP24", "GP25", "GP29"}
    assert "LED (GP25)" in svg


def test_board_shows_devices(runs):
    """Do the servo angle, NeoPixel colours and an LED's state appear in the board drawing?"""
    servo = render_board(runs["servo"], lang="en")
    assert re.search(r"servo 15 · \d+°", servo)
    neo = render_board(runs["neopixel"], lang="en")
    assert "NeoPixel 0" in neo and re.search(r"fill='rgb\(0,\d+,\d+\)'", neo)
    board = render_board(runs["blink_esp32"], 250_000, lang="en")
    assert "onboard LED on" in board and "LED (GPIO2)" in board


def test_timeline_escapes_and_survives_empty_run():
    """Does a run with no activity still render a valid timeline and board?"""
    r = execute("x = '<script>'\nprint(x)\n", "pico", None, 1)[0]
    svg = render_timeline(r, lang="en")
    assert "no pin or device activity" in svg and "<script" not in svg
    assert render_display_frames(execute("pass", "microbit", None, 1)[0]).count("<svg") == 1


def test_boot_program_has_no_uctypes_and_no_scenario():
    """Does the -c program the guest runs avoid uctypes and carry none of the scenario?"""
    from app.sim.boards import get_board
    from app.sim.engine import Limits
    from app.sim.program import build_program
    from app.sim.runner import guest_config
    from app.sim.scenario import parse_scenario

    board = get_board("pico")
    sc = parse_scenario({"seconds": 3, "devices": [
        {"type": "button", "pin": 14, "presses": [[1234.5, 300]]},
        {"type": "potentiometer", "pin": 26, "curve": [[0, 0.25], [2000, 0.75]]}]}, board)
    program = build_program(guest_config(board, sc, Limits()), "print(1)\n")
    assert "uctypes" not in program
    assert "1234500" not in program and "devices" not in program and "presses" not in program


def test_interpreter_build_inputs_are_in_the_repository_and_the_binary_matches_its_record():
    """Can a clean clone rebuild the committed interpreter: is every file of ours that
    scripts/build_interpreter.sh compiles tracked by git (an ignore rule once kept them out),
    and does the committed binary have the sha256 that app/sim/wasm/README.md records?"""
    import hashlib

    build = ROOT / "app" / "sim" / "wasm" / "build"
    ours = sorted(str(p.relative_to(ROOT)) for p in build.rglob("*") if p.is_file())
    assert "app/sim/wasm/build/usercmodules/host/modhost.c" in ours
    assert "app/sim/wasm/build/variant/mpconfigvariant.h" in ours
    if (ROOT / ".git").exists():
        tracked = subprocess.run(["git", "ls-files", "--", *ours], capture_output=True, text=True,
                                 cwd=ROOT, timeout=60, check=True).stdout.split()
        assert sorted(tracked) == ours, "build inputs missing from git"
    readme = (ROOT / "app" / "sim" / "wasm" / "README.md").read_text(encoding="utf-8")
    recorded = re.search(r"\| sha256 \| `([0-9a-f]{64})` \|", readme).group(1)
    binary = (ROOT / "app" / "sim" / "wasm" / "micropython-officina.wasm").read_bytes()
    assert hashlib.sha256(binary).hexdigest() == recorded
