"""Outcomes: how many students reached each level of a skill, from the city down to a class.

Every outcome table rolls up one base query over ``Evidence``: for a skill (a DigComp area, a
DigComp competence or a technical skill) and a school year, each (student, class) pair counts
once, at the level that student reached in that class by the one documented rule
(``app.skills.levels``: at least two different activities at that level or higher; level 0,
"started", with a single activity, as on the teacher's class map), and in the month of their
first piece of evidence. For a DigComp area the rule runs over the evidence of all its
competences together. Grouping and counting happen in SQL (``GROUP BY`` on the evidence indexes);
Python only adds the per-class rows up into municipi, schools and school levels, so every page
sums the very same pairs and the totals of one page are exactly the cells of its parent. Tables
are then protected top-down (``app.program.suppression``): a municipio's page keeps what the
city page hid hidden, and so on down to the classes. A student who changed class during the year
counts once in each class where they earned evidence. Names of people never leave the database.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import case, func, literal_column, null, select, text

from app.extensions import db
from app.models import Evidence
from app.program.suppression import Table, protect
from app.skills.levels_sql import reached_levels

CITY = ("city",)
# A student counts once per class: these columns identify the (student, class) pair.
PAIR_COLUMNS = (Evidence.student_key, Evidence.classroom_id, Evidence.school_id, Evidence.district,
                Evidence.school_level)


@dataclass(frozen=True)
class SkillFilter:
    """Which evidence counts: ``area`` (DigComp area "3"), ``digcomp`` ("3.4") or ``technical``."""

    kind: str
    code: str

    @classmethod
    def parse(cls, value: str | None) -> "SkillFilter":
        """Read ``area:3``, ``digcomp:3.4`` or ``technical:pwm``; raise ``ValueError`` otherwise."""
        kind, _, code = (value or "").partition(":")
        if kind not in {"area", "digcomp", "technical"} or not code or len(code) > 40:
            raise ValueError(f"unknown skill {value!r}")
        return cls(kind, code)

    @property
    def token(self) -> str:
        return f"{self.kind}:{self.code}"

    def conditions(self) -> list:
        if self.kind == "area":  # "3.1" … "3.4": a range, so the index serves it ("/" follows "." in ASCII)
            return [Evidence.skill_kind == "digcomp", Evidence.skill_code >= f"{self.code}.",
                    Evidence.skill_code < f"{self.code}/"]
        return [Evidence.skill_kind == ("digcomp" if self.kind == "digcomp" else "technical"),
                Evidence.skill_code == self.code]


@dataclass(frozen=True)
class PairCount:
    """Students (student-class pairs) of one class at one level, first seen in one month."""

    classroom_id: int | None
    school_id: int | None
    district: str
    school_level: str
    level: int
    month: str  # "2026-10"
    students: int


def _pairs(skill: SkillFilter, school_year: str):
    """One row per (student, class) with evidence of ``skill`` in ``school_year``: the level
    reached by the documented rule (``app.skills.levels_sql``; 0 = one activity only, "started")
    and the earliest piece of evidence."""
    return reached_levels([Evidence.school_year == school_year, *skill.conditions()], PAIR_COLUMNS)


def month_of(column):
    """The calendar month (UTC) of a timestamp column, as "2026-10", in SQL."""
    if db.engine.dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM")
    return func.strftime("%Y-%m", column)


def _grouped(source, month, district: str | None, school_id: int | None, students, where=()):
    """Rows of ``source`` summed per municipio, school level, level and month, and finer only where
    the page drills down: per school inside ``district``, per class inside ``school_id``. The rows
    still partition the same pairs, so every roll-up adds up to its parent's numbers."""
    school = case((source.c.district == district, source.c.school_id), else_=None) if district else null()
    room = case((source.c.school_id == school_id, source.c.classroom_id), else_=None) if school_id else null()
    keys = [room.label("classroom_id"), school.label("school_id"), source.c.district, source.c.school_level,
            source.c.level, month.label("month")]
    # GROUP BY positions: PostgreSQL would not match the CASE expressions' two bound parameters.
    return select(*keys, students.label("n")).where(*where).group_by(*(literal_column(str(n)) for n in range(1, 7)))


def pair_counts(skill: SkillFilter, school_year: str, district: str | None = None,
                school_id: int | None = None) -> list[PairCount]:
    """Student-class pairs by municipio, school level, level reached and month of first evidence,
    split per school inside ``district`` and per class inside ``school_id``. Read from the summary
    ``OutcomeCell`` when ``officina dashboards refresh`` filled it for this year and skill;
    otherwise one live SQL query (``reached_levels`` over ``ix_evidence_outcome``)."""
    from app.program.summary import OutcomeCell

    cells = OutcomeCell.__table__
    stored = db.session.execute(_grouped(
        cells, cells.c.month, district, school_id, func.sum(cells.c.students),
        where=[cells.c.school_year == school_year, cells.c.skill == skill.token])).all()
    rows = stored or db.session.execute(_grouped(
        pairs := _pairs(skill, school_year), month_of(pairs.c.first), district, school_id, func.count())).all()
    return [PairCount(room, school, name, level_name, int(level), str(month), int(n))
            for room, school, name, level_name, level, month, n in rows]


SCHOOL_YEARS = text(
    # A skip scan: one index probe per school year instead of reading every evidence row.
    "WITH RECURSIVE years(value) AS ("
    " SELECT max(school_year) FROM evidence"
    " UNION ALL SELECT (SELECT max(school_year) FROM evidence WHERE school_year < years.value)"
    " FROM years WHERE years.value IS NOT NULL)"
    " SELECT value FROM years WHERE value IS NOT NULL"
)


def school_years() -> list[str]:
    """School years with any evidence, latest first."""
    return list(db.session.scalars(SCHOOL_YEARS))


# ---------------------------------------------------------------- roll-ups into tables


def _table(rows: dict, columns: list, total_key, labels: dict) -> tuple[Table, list[str]]:
    row_keys = sorted(rows, key=lambda key: labels.get(key, str(key)))
    cells = [[rows[key].get(col, 0) for col in columns] for key in row_keys]
    return Table(row_keys, [("b", col) for col in columns], cells, total_key), [labels.get(k, str(k)) for k in row_keys]


def _rollup(counts: list[PairCount], group, by: str = "level") -> dict:
    rows: dict = defaultdict(lambda: defaultdict(int))
    for item in counts:
        key = group(item)
        if key is not None:
            rows[key][getattr(item, by)] += item.students
    return rows


@dataclass
class OutcomeTable:
    """A protected table ready to show: labels, the table, and where each row drills down to."""

    title: str
    row_labels: list[str]
    column_labels: list[str]
    table: Table
    row_links: list[tuple[str, object] | None]

    @property
    def rows(self) -> list[tuple[str, list[int | None], int | None, tuple[str, object] | None]]:
        return list(zip(self.row_labels, self.table.published_cells, self.table.published_row_totals,
                        self.row_links))

    @property
    def suppressed(self) -> int:
        return len(self.table.hidden)


@dataclass
class Drilldown:
    """Every protected table from the city down to the requested school."""

    levels: list[int]
    city: OutcomeTable
    by_school_level: OutcomeTable | None = None
    municipio: OutcomeTable | None = None
    school: OutcomeTable | None = None


def drilldown(counts: list[PairCount], minimum: int, names: dict, district: str | None = None,
              school_id: int | None = None) -> Drilldown:
    """Protect the city table, then (if asked) one municipio's schools and one school's classes,
    each with its ancestors as parents. ``names`` maps ("school", id), ("class", id) and
    ("school_level", value) to labels."""
    levels = sorted({item.level for item in counts if item.students})
    level_labels = [str(level) for level in levels]
    city_rows = _rollup(counts, lambda item: ("municipio", item.district))
    table, labels = _table(city_rows, levels, CITY, {key: key[1] for key in city_rows})
    protect(table, minimum)
    result = Drilldown(levels, OutcomeTable("city", labels, level_labels, table,
                                            [("municipio", key[1]) for key in table.row_keys]))
    by_level_rows = _rollup(counts, lambda item: ("school_level", item.school_level))
    by_level, labels = _table(by_level_rows, levels, CITY, {key: names.get(key, key[1]) for key in by_level_rows})
    protect(by_level, minimum, parents=[table])
    result.by_school_level = OutcomeTable("school_level", labels, level_labels, by_level, [None] * len(labels))
    if district is None:
        return result
    parents = [table]
    school_rows = _rollup(counts, lambda item: ("school", item.school_id) if item.district == district else None)
    muni, labels = _table(school_rows, levels, ("municipio", district), names)
    protect(muni, minimum, parents=parents)
    result.municipio = OutcomeTable("municipio", labels, level_labels, muni,
                                    [("school", key[1]) for key in muni.row_keys])
    if school_id is None:
        return result
    class_rows = _rollup(counts, lambda item: ("class", item.classroom_id)
                         if item.school_id == school_id and item.district == district else None)
    rooms, labels = _table(class_rows, levels, ("school", school_id), names)
    protect(rooms, minimum, parents=[table, muni])
    result.school = OutcomeTable("school", labels, level_labels, rooms, [None] * len(labels))
    return result


def trend(counts: list[PairCount], city: Table, minimum: int) -> OutcomeTable:
    """Students first showing the skill, by municipio and month, protected beside the city table
    (they share the municipi totals)."""
    months = sorted({item.month for item in counts if item.students})
    rows = _rollup(counts, lambda item: ("municipio", item.district), by="month")
    table, labels = _table(rows, months, CITY, {key: key[1] for key in rows})
    protect(table, minimum, parents=[city])
    return OutcomeTable("trend", labels, months, table, [None] * len(labels))
