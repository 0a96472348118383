"""A student's skills record, read from their evidence: every skill with its standing (the
level rule of ``app.skills.levels``) and the evidence behind it, grouped by DigComp area and by
technical skill group; progress over time; the modules they completed, for the certificate.

Evidence whose attempt is still hidden from the student (a test whose results come out at the
due date) is left out of everything the student sees, so the record never tells early.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.content import Catalog, Module, Text
from app.extensions import db
from app.models import Attempt, AttemptStatus, Evidence, User
from app.models.base import utcnow
from app.skills.levels import Standing, standing
from app.skills.proofs import DIGCOMP, TECHNICAL
from app.work.keys import resolve_key, work_items

DIGCOMP_TOP, TECHNICAL_TOP = 8, 5
PROGRESS_POINTS = 30


@dataclass(frozen=True)
class ActivityRef:
    key: str
    kind: str  # lab, quiz, project
    title: Text
    module_title: Text | None


def activity_ref(catalog: Catalog, key: str) -> ActivityRef:
    """The titles behind an activity key (the key itself when the content is gone)."""
    target = resolve_key(catalog, key)
    if target.lab is not None:
        return ActivityRef(key, target.kind, target.lab.title, None)
    if target.module is not None and target.activity is not None:
        return ActivityRef(key, target.kind, target.activity.title, target.module.title)
    return ActivityRef(key, target.kind, Text(key, key), None)


@dataclass(frozen=True)
class EvidenceItem:
    """The first passed attempt of one activity that proves a skill (the record links to it)."""

    activity: ActivityRef
    level: int
    source: str
    earned_at: datetime
    attempt_id: int | None
    more: int  # further passed attempts of the same activity


@dataclass
class SkillRow:
    kind: str
    code: str
    name: Text
    top: int  # the highest level of this skill's scale
    standing: Standing
    band: Text | None = None  # DigComp: the level's band (Base, Intermedio …)
    evidence: list[EvidenceItem] = field(default_factory=list)


@dataclass(frozen=True)
class ProgressPoint:
    day: datetime
    skills: int  # skills with a level reached
    levels: int  # the sum of those levels


@dataclass
class StudentRecord:
    areas: list[tuple[object, list[SkillRow]]]  # (Area, rows)
    groups: list[tuple[object, list[SkillRow]]]  # (SkillGroup, rows)
    progress: list[ProgressPoint]

    @property
    def empty(self) -> bool:
        return not self.areas and not self.groups


def visible_evidence(user: User, now: datetime | None = None) -> list[Evidence]:
    """The student's evidence, oldest first, without pieces whose result is still hidden."""
    now = now or utcnow()
    rows = db.session.execute(
        select(Evidence, Attempt).outerjoin(Attempt, Attempt.id == Evidence.attempt_id)
        .where(Evidence.user_id == user.id).options(selectinload(Attempt.assignment))
        .order_by(Evidence.earned_at, Evidence.id)).tuples()
    return [evidence for evidence, attempt in rows
            if attempt is None or attempt.assignment is None or not attempt.assignment.details_hidden(now)]


def skill_name(catalog: Catalog, kind: str, code: str) -> Text:
    if kind == DIGCOMP and code in catalog.skills.competences:
        return catalog.skills.competences[code].name
    if kind == TECHNICAL and code in catalog.skills.technical:
        return catalog.skills.technical[code].name
    return Text(code, code)


def skill_row(catalog: Catalog, kind: str, code: str, pieces: list[Evidence]) -> SkillRow:
    """One skill's row: its standing and the evidence behind it, one item per activity."""
    row = SkillRow(kind, code, skill_name(catalog, kind, code), DIGCOMP_TOP if kind == DIGCOMP else TECHNICAL_TOP,
                   standing((e.activity_key, e.level) for e in pieces))
    if kind == DIGCOMP and row.standing.level:
        row.band = catalog.skills.levels[row.standing.level - 1].band
    by_activity: dict[str, list[Evidence]] = defaultdict(list)
    for piece in pieces:
        by_activity[piece.activity_key].append(piece)
    for key, same in by_activity.items():
        first = same[0]
        row.evidence.append(EvidenceItem(activity_ref(catalog, key), max(e.level for e in same), first.source,
                                         first.earned_at, first.attempt_id, len(same) - 1))
    return row


def student_record(user: User, catalog: Catalog) -> StudentRecord:
    """``user``'s record: DigComp areas and technical groups (only skills with evidence, in the
    framework's order) and their progress over time."""
    pieces = visible_evidence(user)
    by_skill: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for piece in pieces:
        by_skill[(piece.skill_kind, piece.skill_code)].append(piece)
    areas = []
    for area in catalog.skills.areas:
        rows = [skill_row(catalog, DIGCOMP, code, by_skill[(DIGCOMP, code)])
                for code in area.competences if (DIGCOMP, code) in by_skill]
        if rows:
            areas.append((area, rows))
    groups = []
    for group in catalog.skills.groups.values():
        rows = [skill_row(catalog, TECHNICAL, skill.code, by_skill[(TECHNICAL, skill.code)])
                for skill in catalog.skills.technical.values()
                if skill.group == group.code and (TECHNICAL, skill.code) in by_skill]
        if rows:
            groups.append((group, rows))
    return StudentRecord(areas, groups, progress_over_time(pieces))


def progress_over_time(pieces: list[Evidence]) -> list[ProgressPoint]:
    """After each day with new evidence (the last ``PROGRESS_POINTS`` of them): how many skills
    had a level and the sum of their levels. ``pieces`` oldest first."""
    seen: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    points: list[ProgressPoint] = []
    for index, piece in enumerate(pieces):
        seen[(piece.skill_kind, piece.skill_code)].append((piece.activity_key, piece.level))
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if following is not None and following.earned_at.date() == piece.earned_at.date():
            continue
        levels = [standing(found).level for found in seen.values()]
        points.append(ProgressPoint(piece.earned_at, sum(1 for level in levels if level), sum(levels)))
    return points[-PROGRESS_POINTS:]


@dataclass(frozen=True)
class CompletedModule:
    module: Module
    completed_at: datetime


def completed_modules(user: User, catalog: Catalog, now: datetime | None = None) -> list[CompletedModule]:
    """Modules whose every lab, quiz and project ``user`` passed (results still hidden do not
    count yet), in teaching order, with the day the last of them was first passed."""
    now = now or utcnow()
    attempts = db.session.scalars(select(Attempt).where(
        Attempt.user_id == user.id, Attempt.status != AttemptStatus.GRADING).options(selectinload(Attempt.assignment)))
    first_pass: dict[str, datetime] = {}
    for attempt in attempts:
        if not attempt.passed or (attempt.assignment is not None and attempt.assignment.details_hidden(now)):
            continue
        when = attempt.graded_at or attempt.created_at
        if attempt.activity_key not in first_pass or when < first_pass[attempt.activity_key]:
            first_pass[attempt.activity_key] = when
    done = []
    for module in catalog.modules.values():
        keys = {item.key for item in work_items(module)}
        if keys and keys <= first_pass.keys():
            done.append(CompletedModule(module, max(first_pass[key] for key in keys)))
    return done
