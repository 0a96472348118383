"""The class results export: one CSV row per student × assigned activity, for the school's
registry and for Excel (UTF-8 with a BOM, ``;`` between cells, as Italian Excel expects).

The columns are documented in ``docs/export.md`` and stay stable: they are machine names, the
status is a fixed code and dates are in the school's time. A cell that starts with ``=``, ``+``,
``-``, ``@`` (or a tab or carriage return) gets a leading apostrophe so a spreadsheet never runs
it as a formula (a student's display name is typed by people).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.extensions import db
from app.models import Attempt, AttemptStatus, Classroom
from app.teach.assign_forms import SCHOOL_TIME
from app.work.progress import Cell, CellStatus, Grid

COLUMNS = ("class", "school_year", "student", "username", "activity_key", "module", "activity", "kind",
           "due_at", "status", "attempts", "best_score", "max_score", "passed_at", "overridden")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Scores:
    best: int | None
    max: int | None
    overridden: bool


def defuse(value: object) -> str:
    """The cell's text, with an apostrophe in front if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def school_time(value: datetime | None) -> str:
    return value.astimezone(SCHOOL_TIME).strftime("%Y-%m-%d %H:%M") if value else ""


def scores_of(user_ids: list[int], keys: set[str]) -> dict[tuple[int, str], Scores]:
    """Best score, max score and whether a teacher overrode a result, per (student, key): one query."""
    if not user_ids or not keys:
        return {}
    rows = db.session.execute(
        select(Attempt.user_id, Attempt.activity_key, func.max(Attempt.score), func.max(Attempt.max_score),
               func.count(Attempt.override_passed))
        .where(Attempt.user_id.in_(user_ids), Attempt.activity_key.in_(keys), Attempt.status != AttemptStatus.GRADING)
        .group_by(Attempt.user_id, Attempt.activity_key)).tuples()
    return {(user, key): Scores(best, top, overridden > 0) for user, key, best, top, overridden in rows}


def _passed_at(cell: Cell) -> str:
    if cell.status is not CellStatus.PASSED or cell.latest is None:
        return ""
    return school_time(cell.latest.graded_at or cell.latest.created_at)


def export_rows(grid: Grid, lang: str) -> list[list[str]]:
    """The header and one row per student × column the student was given, in grid order."""
    room: Classroom = grid.classroom
    scores = scores_of([s.id for s in grid.students], {c.key for c in grid.columns})
    rows = [list(COLUMNS)]
    for student in grid.students:
        for index, column in enumerate(grid.columns):
            cell = grid.cells.get((student.id, index))
            if cell is None:  # the assignment was for other students
                continue
            score = scores.get((student.id, column.key), Scores(None, None, False))
            activity = column.item.activity
            rows.append([defuse(v) for v in (
                room.short_name, room.school_year, student.display_name, student.username, column.key,
                column.item.module.title.get(lang), activity.title.get(lang),
                column.item.kind,
                school_time(column.assignment.due_at), cell.status.value, cell.attempts,
                score.best, score.max, _passed_at(cell), "yes" if score.overridden else "no")])
    return rows


def csv_bytes(rows: Iterable[list[str]]) -> bytes:
    """UTF-8 with a BOM, ``;``-separated, every cell quoted when needed, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_filename(room: Classroom) -> str:
    """``officina-2B-2026-27.csv``: the class and the school year, safe in any header."""
    safe = "".join(c if c.isalnum() else "-" for c in f"{room.short_name}-{room.school_year}")
    return f"officina-{safe}.csv"
