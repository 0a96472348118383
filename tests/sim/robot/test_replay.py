"""The world SVG, the replay fragment for the web app, the standalone HTML and ``sim run --html``."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.sim.robot.replay import replay_fragment, replay_payload, standalone_html, static_files
from app.sim.robot.svg import render_world
from app.sim.runner import execute

ROOT = Path(__file__).resolve().parents[3]
CODE = ("from machine import Pin, PWM\nimport time\nPWM(Pin(8), freq=1000, duty_u16=65535)\n"
        "PWM(Pin(10), freq=1000, duty_u16=65535)\nled = Pin(25, Pin.OUT)\nwhile True:\n"
        "    led.toggle()\n    time.sleep_ms(250)\n")


@pytest.fixture(scope="module")
def crash_run():
    from app.sim.robot.world import parse_world

    w = parse_world({"size": [200, 100], "start": {"x": 30, "y": 50},
                     "walls": [{"rect": [150, 10, 160, 90]}]})
    res, _ = execute(CODE, "pico", {"seconds": 6, "devices": [{"type": "robot", "world": w}]})
    return res


def test_world_svg_shows_path_and_collision(crash_run):
    """Does the world SVG draw the trajectory coloured by time and mark the collision?"""
    svg = render_world(crash_run.robot["world"], crash_run.robot)
    assert svg.startswith("<svg") and svg.count('class="ofr-collision"') == 1
    colours = set(re.findall(r'<line x1="[^"]+" y1="[^"]+" x2="[^"]+" y2="[^"]+" stroke="(#[0-9a-f]{6})"', svg))
    assert len(colours) > 5
    assert "style=" not in svg and "<script" not in svg


def test_standalone_html_has_no_external_urls(crash_run):
    """Is the standalone replay one file with its script inlined and no URL at all?"""
    page = standalone_html(crash_run, "run")
    assert "http" not in page and "src=" not in page and "@import" not in page
    assert "OfficinaReplay" in page and 'type="application/json"' in page


def test_fragment_for_the_web_page(crash_run):
    """Does the fragment carry no inline script, only a JSON data block the static JS reads?"""
    frag = replay_fragment(crash_run, "replay-1", "en")
    scripts = re.findall(r"<script([^>]*)>", frag)
    assert scripts == [' type="application/json" id="replay-1"']
    data = json.loads(re.search(r'id="replay-1">(.*)</script>', frag).group(1))
    assert data["lang"] == "en" and data["robot"]["collisions"]
    assert 'data-officina-replay="replay-1"' in frag
    assert all(p.is_file() for p in static_files().values())


def test_payload_of_a_run_without_robot():
    """Can any run be replayed, even without a robot (pins only)?"""
    res, _ = execute("from machine import Pin\nimport time\nPin(25, Pin.OUT).on()\ntime.sleep(1)\n",
                     "pico", None, 2)
    payload = replay_payload(res)
    assert payload["robot"] is None and payload["events"][0]["source"] == "pin:25"
    assert "<svg" not in replay_fragment(res)


def test_sim_run_writes_html_with_world(tmp_path):
    """Does `sim run --world W --html out.html` write a standalone replay?"""
    out = tmp_path / "out.html"
    prog = tmp_path / "p.py"
    prog.write_text(CODE)
    world = ROOT / "labs" / "robot-stop-wall" / "worlds" / "near-wall.yaml"
    proc = subprocess.run([sys.executable, "-m", "app.sim", "sim", "run", str(prog), "--world", str(world),
                           "--seconds", "3", "--html", str(out), "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["robot"]["collisions"]
    assert "ofr-robot" in out.read_text()


def test_replay_plays_and_scrubs_in_chromium(crash_run, tmp_path):
    """Does the replay mount in a real browser, and does scrubbing move the robot?"""
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "r.html"
    page_file.write_text(standalone_html(crash_run, "run", "en"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_file.as_uri())
        start = page.get_attribute("g.ofr-robot", "transform")
        page.fill(".ofr-scrub", "3000000")
        page.dispatch_event(".ofr-scrub", "input")
        moved = page.get_attribute("g.ofr-robot", "transform")
        page.click(".ofr-play")
        label = page.inner_text(".ofr-play")
        browser.close()
    assert not errors and start != moved and label == "Pause"
