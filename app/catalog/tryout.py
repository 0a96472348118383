"""Trying a lab in the browser: grade the submitted program in the sandbox and prepare what the
page shows (checks, error with its explanation, output, SVG pictures of the run).

Student code only ever runs inside ``app.sim`` (real MicroPython in a WASI sandbox, in worker
processes); nothing here executes it. Every run goes through ``app.runs.run_fairly`` (per-user
limits, a bounded wait for a worker, no database connection held while it runs), whose refusals
(``RunRefused``) reach the view. SVGs are shown as ``data:`` images, so they can never run
script in the page.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from flask_babel import gettext as _
from markupsafe import Markup

from app.content import Lab
from app.runs import RunInFlight, RunRefused, SimulatorBusy, run_fairly
from app.catalog.pictures import Picture, data_uri, run_pictures
from app.sim import GradeResult, SimError, grade, load_lab
from app.sim.robot.replay import replay_fragment
from app.sim.robot.svg import render_world


class TryoutRejected(Exception):
    """The simulator refused the request (e.g. an unsupported board); ``message`` says why."""


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

    @property
    def error_line(self) -> int | None:
        """The line to show in the editor: the error's, else the first failing check's, else the
        first misused API's; None when nothing points at a line."""
        run = self.grade.run
        candidates = [(run.error or {}).get("line")]
        candidates += [check.line for check in self.grade.checks if not check.passed]
        candidates += [problem.get("line") for problem in run.api_problems]
        return next((int(line) for line in candidates if isinstance(line, int) and line > 0), None)

    def text(self, value: dict[str, str] | None) -> str:
        return (value or {}).get(self.lang) or (value or {}).get("it", "")


def run_tryout(user_id: int, lab: Lab, code: str, board: str, lang: str, alt_texts: dict[str, str]) -> TryoutResult:
    """Grade ``code`` against ``lab`` on ``board`` for ``user_id``; raise ``TryoutRejected`` for
    invalid requests and ``app.runs.RunRefused`` when the fair-sharing rules refuse the run."""
    return tryout_result(grade_fairly(user_id, lab, code, board, lang), board, lang, alt_texts)


def grade_fairly(user_id: int, lab: Lab, code: str, board: str, lang: str) -> GradeResult:
    """The simulator's grade of ``code`` through ``run_fairly`` (same errors as ``run_tryout``)."""
    if board not in lab.boards:
        raise TryoutRejected(f"board {board!r} is not one of this lab's boards")
    try:
        return run_fairly(user_id, lambda: grade(code, lab.folder, board=board, lang=lang))
    except SimError as exc:
        raise TryoutRejected(str(exc)) from exc


def tryout_result(result: GradeResult, board: str, lang: str, alt_texts: dict[str, str]) -> TryoutResult:
    """What the page shows of a grade: the checks and the pictures of the run (or its replay)."""
    if result.run.robot:
        return TryoutResult(result, lang, (), Markup(replay_fragment(result.run, "ofr-data", lang)))  # noqa: S704
    return TryoutResult(result, lang, run_pictures(result.run, board, lang, alt_texts))


def picture_alts() -> dict[str, str]:
    """The alternative texts of the run's pictures, in the page's language."""
    return {"timeline": _("Timeline of the pins your program used"),
            "board": _("The board with its pins at the end of the run"),
            "display": _("The micro:bit display frames during the run")}


def refusal_status(refused: RunRefused) -> int:
    """503 when the server is busy, 429 when this user ran too much (both with ``Retry-After``)."""
    return 503 if isinstance(refused, SimulatorBusy) else 429


def refusal_message(refused: RunRefused) -> str:
    """What the student reads when a run is refused (the form keeps their code)."""
    if isinstance(refused, RunInFlight):
        return _("Your previous program is still running. Wait for it to finish, then run it again.")
    if isinstance(refused, SimulatorBusy):
        return _("The simulator is busy, try again in %(n)d s.", n=refused.retry_after)
    return _("You ran many programs in a short time. Read your code calmly and try again in %(n)d s.",
             n=refused.retry_after)


def result_summary(result: TryoutResult, with_line: bool = True) -> str:
    """One short sentence a screen reader announces after a run (with the error's line)."""
    if result.busy:
        return _("The server was too busy to finish your run. Try again in a moment: this does not count as a mistake.")
    summary = (_("All checks passed. Well done!") if result.passed else
               _("%(passed)d of %(total)d checks passed.", passed=result.passed_count, total=len(result.grade.checks)))
    if with_line and result.error_line:
        summary += " " + _("Look at line %(n)d, highlighted in the editor.", n=result.error_line)
    return summary


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
    return tuple(Picture(f"{alt} {index}", data_uri(render_world(world.world.describe(), lang=lang)))
                 for index, world in enumerate(robot.visible(), start=1))
