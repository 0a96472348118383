"""The in-browser replay of a run: its JSON payload, the page fragment, and a standalone page.

The player is ``static/replay.js`` + ``static/replay.css`` (dependency-free; no inline script, so
the web app can serve them as files under its Content-Security-Policy). The web app renders
:func:`replay_fragment` (a container holding the world SVG, plus a ``<script
type="application/json">`` data block) and links the two static files; ``officina sim run --html``
writes :func:`standalone_html`, which inlines everything into one file with no external URL.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from app.sim.robot.svg import render_world

STATIC = Path(__file__).parent / "static"
MAX_EVENTS = 4000


def static_files() -> dict[str, Path]:
    """The player's files, for the web app to serve: {"replay.js": path, "replay.css": path}."""
    return {"replay.js": STATIC / "replay.js", "replay.css": STATIC / "replay.css"}


def replay_payload(run: Any, lang: str = "it") -> dict[str, Any]:
    """JSON-able data the player needs from a RunResult (or its ``to_dict()``)."""
    d = run if isinstance(run, dict) else run.to_dict()
    robot = d.get("robot")
    events = [e for e in d.get("events", []) if e.get("kind") in ("value", "duty", "deinit", "image",
                                                                 "angle", "tone", "write")]
    duration = max(d.get("sim_time_us", 0), robot["duration_us"] if robot else 0)
    return {"lang": lang if lang in ("it", "en") else "it", "duration_us": duration,
            "board": d.get("board"), "events": events[:MAX_EVENTS], "robot": robot}


def _json_for_script(data: dict[str, Any]) -> str:
    # "</" must not appear inside a <script> element
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def replay_fragment(run: Any, element_id: str = "ofr-data", lang: str = "it") -> str:
    """HTML for a lab page: the replay container (with the world SVG when the run had a robot)
    and its JSON data block. Needs replay.js and replay.css loaded by the page."""
    payload = replay_payload(run, lang)
    robot = payload["robot"]
    picture = ""
    if robot and robot.get("world"):
        # inline SVG in HTML needs no namespace declaration (and then the page names no URL)
        picture = render_world(robot["world"], robot, lang=payload["lang"]).replace(
            ' xmlns="http://www.w3.org/2000/svg"', "", 1)
    return (f'<div class="ofr-replay" data-officina-replay="{escape(element_id)}">{picture}</div>'
            f'<script type="application/json" id="{escape(element_id)}">{_json_for_script(payload)}</script>')


def standalone_html(run: Any, title: str = "Officina", lang: str = "it") -> str:
    """One self-contained HTML file (styles, script and data inlined; no external URL)."""
    css = (STATIC / "replay.css").read_text(encoding="utf-8")
    js = (STATIC / "replay.js").read_text(encoding="utf-8").replace("</", "<\\/")
    heading = escape(title)
    return (f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{heading}</title><style>body{{margin:1.5rem;background:#fff}}"
            f"h1{{font:600 1.3rem system-ui,sans-serif;color:#22223b}}\n{css}</style></head>"
            f"<body><h1>{heading}</h1>{replay_fragment(run, 'ofr-data', lang)}"
            f"<script>{js}</script></body></html>\n")
