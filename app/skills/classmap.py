"""The class heat map: every student of a class × every skill the class has evidence of, the
level each student reached (the same rule as the student's own record), a per-skill summary
(how many students at each level) and its CSV export.

The map counts the evidence earned *in this class* (``Evidence.classroom_id``), so a teacher
sees what was proven in their lessons and nothing from a student's other classes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from app.content import Catalog, Text
from app.extensions import db
from app.models import Classroom, Evidence, User
from app.skills.levels import NOT_YET, Standing, standing
from app.skills.proofs import DIGCOMP, TECHNICAL
from app.skills.record import DIGCOMP_TOP, TECHNICAL_TOP, skill_name
from app.teach.export import defuse

SUMMARY_LEVELS = tuple(range(NOT_YET, DIGCOMP_TOP + 1))


@dataclass(frozen=True)
class SkillColumn:
    kind: str
    code: str
    name: Text
    top: int


@dataclass
class ClassMap:
    classroom: Classroom
    students: list[User]
    columns: list[SkillColumn]
    cells: dict[tuple[int, int], Standing]  # (student id, column index) -> standing; absent: no evidence
    # per column: students at each level (index = level; 0 = evidence from one activity only)
    summary: list[list[int]]
    without_evidence: list[int]  # per column: students with no evidence at all

    def cell(self, student: User, index: int) -> Standing | None:
        return self.cells.get((student.id, index))


def _ordered_columns(catalog: Catalog, present: set[tuple[str, str]]) -> list[SkillColumn]:
    columns = [SkillColumn(DIGCOMP, code, skill_name(catalog, DIGCOMP, code), DIGCOMP_TOP)
               for area in catalog.skills.areas for code in area.competences if (DIGCOMP, code) in present]
    columns += [SkillColumn(TECHNICAL, code, skill_name(catalog, TECHNICAL, code), TECHNICAL_TOP)
                for code in catalog.skills.technical if (TECHNICAL, code) in present]
    return columns


def class_map(room: Classroom, catalog: Catalog) -> ClassMap:
    """The heat map of ``room``: its current students and the skills proven in it."""
    students = room.students
    ids = [s.id for s in students]
    pieces: dict[tuple[int, str, str], list[tuple[str, int]]] = defaultdict(list)
    if ids:
        rows = db.session.execute(select(Evidence.user_id, Evidence.skill_kind, Evidence.skill_code,
                                         Evidence.activity_key, Evidence.level)
                                  .where(Evidence.classroom_id == room.id, Evidence.user_id.in_(ids))).tuples()
        for user_id, kind, code, activity, level in rows:
            pieces[(user_id, kind, code)].append((activity, level))
    columns = _ordered_columns(catalog, {(kind, code) for _, kind, code in pieces})
    cells: dict[tuple[int, int], Standing] = {}
    summary = [[0] * len(SUMMARY_LEVELS) for _ in columns]
    without = [0] * len(columns)
    for index, column in enumerate(columns):
        for student in students:
            found = pieces.get((student.id, column.kind, column.code))
            if not found:
                without[index] += 1
                continue
            cell = standing(found)
            cells[(student.id, index)] = cell
            summary[index][cell.level] += 1
    return ClassMap(room, students, columns, cells, summary, without)


def map_csv_rows(grid: ClassMap, lang: str) -> list[list[str]]:
    """The heat map as CSV rows: a header of skill codes and names, then one row per student
    (level reached; "0" evidence from one activity only; empty: no evidence), then the summary."""
    header = ["student", "username"] + [f"{c.code} {c.name.get(lang)}" for c in grid.columns]
    rows = [[defuse(v) for v in header]]
    for student in grid.students:
        levels = []
        for index in range(len(grid.columns)):
            cell = grid.cell(student, index)
            levels.append("" if cell is None else str(cell.level))
        rows.append([defuse(v) for v in [student.display_name, student.username, *levels]])
    rows.append([])
    rows.append(["summary", "level"] + [c.code for c in grid.columns])
    rows.append(["students", "no evidence"] + [str(n) for n in grid.without_evidence])
    for level in SUMMARY_LEVELS:
        rows.append(["students", str(level)] + [str(counts[level]) if level <= column.top else ""
                                                for counts, column in zip(grid.summary, grid.columns)])
    return rows
