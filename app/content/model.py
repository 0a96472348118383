"""The loaded content as immutable values: texts, skills, modules, activities, labs, tracks.

Everything the loader produces is a frozen dataclass (sequences are tuples, mappings are
read-only), so the web app can cache a :class:`~app.content.catalog.Catalog` safely and
``content sync`` can store each value by slug and ``content_hash``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

LANGS: tuple[str, ...] = ("it", "en")
LANG_NAMES = {"it": "Italian (it)", "en": "English (en)"}


@dataclass(frozen=True)
class Text:
    """One text in every language; ``text["en"]`` or ``text.get(lang)``."""

    it: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back to Italian for unknown languages."""
        return self.en if lang == "en" else self.it

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGS:
            raise KeyError(lang)
        return self.get(lang)

    def as_dict(self) -> dict[str, str]:
        return {"it": self.it, "en": self.en}


@dataclass(frozen=True)
class SchoolLevel:
    """An Italian school level and how many years it has."""

    code: str
    name: Text
    years: int


SCHOOL_LEVELS: Mapping[str, SchoolLevel] = {
    "primaria": SchoolLevel("primaria", Text("Scuola primaria", "Primary school"), 5),
    "secondaria-1": SchoolLevel(
        "secondaria-1", Text("Secondaria di primo grado", "Lower secondary school"), 3),
    "secondaria-2": SchoolLevel(
        "secondaria-2", Text("Secondaria di secondo grado", "Upper secondary school"), 5),
}


@dataclass(frozen=True)
class SchoolFit:
    """A school level and the years of it a module suits, e.g. secondaria-1 years (2, 3)."""

    level: str
    years: tuple[int, ...]


# ---------------------------------------------------------------- skills framework

@dataclass(frozen=True)
class ProficiencyLevel:
    """One of DigComp 2.2's eight proficiency levels."""

    level: int
    band: Text
    description: Text


@dataclass(frozen=True)
class Competence:
    """A DigComp 2.2 competence, e.g. code "3.4" (Programming) in area "3"."""

    code: str
    area: str
    name: Text


@dataclass(frozen=True)
class Area:
    code: str
    name: Text
    competences: tuple[str, ...]


@dataclass(frozen=True)
class SkillGroup:
    code: str
    name: Text


@dataclass(frozen=True)
class TechnicalSkill:
    """An Officina technical skill, mapped to the DigComp competences it evidences."""

    code: str
    group: str
    name: Text
    description: Text
    digcomp: tuple[str, ...]


@dataclass(frozen=True)
class SkillsFramework:
    version: str
    levels: tuple[ProficiencyLevel, ...]
    areas: tuple[Area, ...]
    competences: Mapping[str, Competence]
    groups: Mapping[str, SkillGroup]
    technical: Mapping[str, TechnicalSkill]
    content_hash: str = ""

    @property
    def count(self) -> int:
        """DigComp competences plus technical skills."""
        return len(self.competences) + len(self.technical)


# ---------------------------------------------------------------- activities

ActivityKind = Literal["lesson", "quiz", "lab", "project"]


@dataclass(frozen=True)
class Activity:
    """Common part of every activity; ``slug`` is unique inside its module."""

    slug: str
    title: Text
    minutes: int
    content_hash: str

    kind: str = field(init=False, default="")


@dataclass(frozen=True)
class Lesson(Activity):
    body: Text = Text("", "")  # Markdown
    kind: str = field(init=False, default="lesson")


@dataclass(frozen=True)
class Option:
    text: Text
    correct: bool
    feedback: Text


QuestionType = Literal["single", "multiple", "numeric"]


@dataclass(frozen=True)
class Question:
    """A quiz question; ``id`` is stable across edits so answers can be matched."""

    id: str
    type: str
    prompt: Text  # Markdown
    options: tuple[Option, ...] = ()
    answer: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    feedback_correct: Text | None = None
    feedback_wrong: Text | None = None

    def is_correct(self, response: Any) -> bool:
        """Grade a response: option index (single), set of indices (multiple) or a number."""
        if self.type == "numeric":
            try:
                value = float(response)
            except (TypeError, ValueError):
                return False
            return (self.answer is not None and math.isfinite(value)
                    and abs(value - self.answer) <= self.tolerance + 1e-9)
        right = {i for i, o in enumerate(self.options) if o.correct}
        if self.type == "single":
            return isinstance(response, int) and response in right
        try:
            return set(response) == right
        except TypeError:
            return False


@dataclass(frozen=True)
class Quiz(Activity):
    questions: tuple[Question, ...] = ()
    kind: str = field(init=False, default="quiz")


@dataclass(frozen=True)
class LabActivity(Activity):
    """A reference to ``labs/<lab>``; ``status`` "coming" means the lab is not written yet."""

    lab: str = ""
    status: Literal["ready", "coming"] = "ready"
    kind: str = field(init=False, default="lab")

    @property
    def coming(self) -> bool:
        return self.status == "coming"


@dataclass(frozen=True)
class Criterion:
    name: Text
    descriptors: tuple[Text, ...]  # one per rubric level, same order
    evidence: str = ""  # module rubrics: lab, project, quiz, observed or oral
    activities: tuple[str, ...] = ()  # module rubrics: the activities a result comes from


@dataclass(frozen=True)
class Rubric:
    """Criteria × levels; ``levels`` go from the lowest to the highest."""

    slug: str  # "" for a rubric written inside the project
    title: Text
    levels: tuple[Text, ...]
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Project(Activity):
    brief: Text = Text("", "")  # Markdown
    deliverables: tuple[Text, ...] = ()
    rubric: Rubric | None = None
    kind: str = field(init=False, default="project")


# ---------------------------------------------------------------- modules, labs, tracks

@dataclass(frozen=True)
class DigCompTarget:
    competence: str
    level: int


@dataclass(frozen=True)
class Module:
    """A 1–6 hour unit; ``content_hash`` covers its file and every image it uses."""

    slug: str
    track: str
    title: Text
    summary: Text
    school: tuple[SchoolFit, ...]
    duration_hours: int
    objectives: tuple[Text, ...]
    digcomp: tuple[DigCompTarget, ...]
    skills: tuple[str, ...]
    prerequisites: tuple[str, ...]
    materials: tuple[Text, ...]
    safety: tuple[Text, ...]
    assessment: tuple[Text, ...]
    teacher_notes: Text  # Markdown; teachers only
    activities: tuple[Activity, ...]
    path: Path
    folder: Path | None  # set when the module is a folder (it may hold images)
    images: tuple[str, ...]
    content_hash: str
    rubric: Rubric | None = None  # the four Italian levels, lowest first

    @property
    def levels(self) -> tuple[str, ...]:
        return tuple(fit.level for fit in self.school)

    def suits(self, level: str, year: int | None = None) -> bool:
        return any(fit.level == level and (year is None or year in fit.years)
                   for fit in self.school)

    @property
    def lab_slugs(self) -> tuple[str, ...]:
        return tuple(a.lab for a in self.activities if isinstance(a, LabActivity))

    @property
    def question_count(self) -> int:
        return sum(len(a.questions) for a in self.activities if isinstance(a, Quiz))

    def activity(self, slug: str) -> Activity | None:
        return next((a for a in self.activities if a.slug == slug), None)


@dataclass(frozen=True)
class Lab:
    """A lab folder's metadata and files. ``engine`` holds the lab engine's own keys
    (``scenario``, ``checks`` …) exactly as written; this package does not interpret them."""

    slug: str
    title: Text
    summary: Text
    boards: tuple[str, ...]  # the first is the default
    skills: tuple[str, ...]
    difficulty: int
    minutes: int
    hints: tuple[Text, ...]
    instructions: Text  # Markdown
    starter: str
    solution: str  # teachers only
    wrong: Mapping[str, str]  # file name -> code of a known-wrong program
    engine: Mapping[str, Any]
    folder: Path
    images: tuple[str, ...]
    content_hash: str

    @property
    def default_board(self) -> str:
        return self.boards[0]


@dataclass(frozen=True)
class Track:
    slug: str
    title: Text
    summary: Text
    content_hash: str
