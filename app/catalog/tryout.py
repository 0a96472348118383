"""Trying a lab in the browser: grade the submitted program in the sandbox and prepare what the
page shows (checks, error with its explanation, output, SVG pictures of the run).

Student code only ever runs inside ``app.sim`` (real MicroPython in a WASI sandbox, in worker
processes); nothing here executes it. Every run goes through ``app.runs.run_fairly`` (per-user
limits, a bounded wait for a worker, no database connection held while it runs), whose refusals
(``RunRefused``) reach the view. SVGs are shown as ``data:`` images, so they can never run
script in the page.
"""

from __future__ import annotations

import base64
import functools
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from app.content import Lab
from app.runs import run_fairly
from app.sim import GradeResult, SimError, grade, load_lab, render_board, render_display_frames, render_timeline
from app.sim.robot.replay import replay_fragment
from app.sim.robot.svg import render_world


class TryoutRejected(Exception):
    """The simulator refused the request (e.g. an unsupported board); ``message`` says why."""


@dataclass(frozen=True)
class Picture:
    alt: str
    data_uri: str


@dataclass(frozen=True)
class TryoutResult:
    grade: GradeResult
    lang: str
    pictures: tuple[Picture, ...]
    replay_html: Markup | None = None  # the robot replay (world SVG + JSON data), for replay.js

    @property
    def passed(self) -> bool:
        return self.grade.passed

    @property
    def busy(self) -> bool:
        """The run could not finish because the server was busy: nothing was graded."""
        return bool(getattr(self.grade, "busy", False))

    @property
    def passed_count(self) -> int:
        return sum(1 for check in self.grade.checks if check.passed)

    def text(self, value: dict[str, str] | None) -> str:
        return (value or {}).get(self.lang) or (value or {}).get("it", "")


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def run_tryout(user_id: int, lab: Lab, code: str, board: str, lang: str, alt_texts: dict[str, str]) -> TryoutResult:
    """Grade ``code`` against ``lab`` on ``board`` for ``user_id``; raise ``TryoutRejected`` for
    invalid requests and ``app.runs.RunRefused`` when the fair-sharing rules refuse the run."""
    if board not in lab.boards:
        raise TryoutRejected(f"board {board!r} is not one of this lab's boards")
    try:
        result = run_fairly(user_id, lambda: grade(code, lab.folder, board=board, lang=lang))
    except SimError as exc:
        raise TryoutRejected(str(exc)) from exc
    pictures = []
    if result.run.robot:
        return TryoutResult(result, lang, (), Markup(replay_fragment(result.run, "ofr-data", lang)))  # noqa: S704
    if result.run.events:
        pictures.append(Picture(alt_texts["timeline"], _data_uri(render_timeline(result.run, lang=lang))))
        if board == "microbit":
            pictures.append(Picture(alt_texts["display"], _data_uri(render_display_frames(result.run, lang=lang))))
        else:
            pictures.append(Picture(alt_texts["board"], _data_uri(render_board(result.run, lang=lang))))
    return TryoutResult(result, lang, tuple(pictures))


def is_robot_lab(lab: Lab) -> bool:
    return "robot" in lab.engine


def world_pictures(lab: Lab, lang: str, alt: str) -> tuple[Picture, ...]:
    """The worlds a student may see before running (never the hidden ones)."""
    if not is_robot_lab(lab):
        return ()
    return _world_pictures(str(lab.folder), lab.content_hash, lang, alt)


@functools.lru_cache(maxsize=64)
def _world_pictures(folder: str, content_hash: str, lang: str, alt: str) -> tuple[Picture, ...]:
    # Drawn once per lab version and language: the lab page (and a refused run) reuse them.
    robot = load_lab(Path(folder)).robot
    return tuple(Picture(f"{alt} {index}", _data_uri(render_world(world.world.describe(), lang=lang)))
                 for index, world in enumerate(robot.visible(), start=1))
