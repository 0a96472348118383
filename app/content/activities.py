"""Reading the activities of a module: lessons, quizzes, lab references, making projects.

Each activity is a mapping in the module's ``activities:`` list with ``slug``, ``kind``,
``title`` and ``minutes``. Lessons and projects take their Markdown (the lesson text, the
project brief) from the module body's sections ``=== <slug> [it] ===``; quizzes hold
their questions in YAML; a lab activity points at ``labs/<slug>`` or declares it
"coming". Rubrics are written inline or shared from ``curricula/rubrics/<slug>.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.content.errors import ContentError, Problems
from app.content.hashing import hash_value
from app.content.model import (LANGS, Activity, Criterion, LabActivity, Lesson, Option,
                               Project, Question, Quiz, Rubric, Text)
from app.content.schema import SLUG_RE, Fields
from app.content.yamlsrc import parse_yaml
from app.content.yamlsrc import read_text as read_file

KINDS = ("lesson", "quiz", "lab", "project")
QUESTION_TYPES = ("single", "multiple", "numeric")
DEFAULT_RUBRIC_TITLE = Text("Rubrica di valutazione", "Assessment rubric")


@dataclass(frozen=True)
class ActivityContext:
    """What reading an activity needs from its module."""

    path: Path
    sections: Mapping[str, Mapping[str, tuple[str, int]]]  # slug -> lang -> (text, line)
    rubrics: Mapping[str, Rubric]
    problems: Problems


def read_rubric(data: Any, path: Path, line: int, problems: Problems, slug: str = ""
                ) -> Rubric | None:
    """Read ``{title?, levels: [..], criteria: [{name, descriptors: [..]}]}``."""
    f = Fields(data, path, problems, "the rubric", line)
    if slug:
        f.slug("slug")
    title = f.text("title", required=bool(slug)) or DEFAULT_RUBRIC_TITLE
    levels = f.texts("levels", min_items=2)
    criteria = []
    for item, c_line in f.items("criteria", min_items=1):
        c = Fields(item, path, problems, "a rubric criterion", c_line)
        name = c.text("name")
        descriptors = c.texts("descriptors")
        c.done()
        if levels and c.has("descriptors") and len(descriptors) != len(levels):
            c.add("descriptors", f"criterion needs one descriptor per level: {len(levels)} "
                                 f"levels, {len(descriptors)} descriptors")
        elif name:
            criteria.append(Criterion(name, descriptors))
    f.done()
    if not levels or not criteria:
        return None
    return Rubric(slug=slug, title=title, levels=levels, criteria=tuple(criteria))


def load_rubric_file(path: Path, problems: Problems) -> Rubric | None:
    try:
        data = parse_yaml(read_file(path), path)
    except ContentError as exc:
        problems.extend([exc])
        return None
    rubric = read_rubric(data, path, 1, problems, slug=path.stem)
    if isinstance(data, Mapping) and data.get("slug") not in (None, path.stem):
        problems.add(path, 1, f"slug must equal the file name '{path.stem}'")
    return rubric


def _question(data: Any, line: int, ctx: ActivityContext, seen: set[str]) -> Question | None:
    f = Fields(data, ctx.path, ctx.problems, "a quiz question", line)
    qid = f.slug("id")
    if qid is not None:
        if qid in seen:
            f.add("id", f"question id '{qid}' is used twice in this quiz")
        seen.add(qid)
    qtype = f.string("type")
    prompt = f.text("prompt")
    question: Question | None = None
    if qtype == "numeric":
        answer = f.number("answer")
        tolerance = f.number("tolerance", required=False, minimum=0) or 0.0
        unit = f.string("unit", required=False) or ""
        fb = Fields(f.mapping("feedback"), ctx.path, ctx.problems, "the feedback", f.line)
        right, wrong = fb.text("correct"), fb.text("wrong")
        fb.done()
        if qid and prompt and answer is not None and right and wrong:
            question = Question(qid, "numeric", prompt, answer=answer, tolerance=tolerance,
                                unit=unit, feedback_correct=right, feedback_wrong=wrong)
    elif qtype in ("single", "multiple"):
        options, broken = [], False
        for item, o_line in f.items("options", min_items=2):
            o = Fields(item, ctx.path, ctx.problems, "an answer option", o_line)
            text, correct, feedback = o.text("text"), o.boolean("correct"), o.text("feedback")
            o.done()
            if text and feedback:
                options.append(Option(text, correct, feedback))
            else:
                broken = True
        n_right = sum(o.correct for o in options)
        if broken:
            pass  # the broken option is reported; counting correct ones would mislead
        elif options and qtype == "single" and n_right != 1:
            f.add("options", f"a single-choice question needs exactly one option with "
                             f"'correct: true' (found {n_right})")
        elif options and qtype == "multiple" and n_right < 1:
            f.add("options", "a multiple-choice question needs at least one correct option")
        elif qid and prompt and len(options) >= 2:
            question = Question(qid, qtype, prompt, options=tuple(options))
    elif qtype is not None:
        f.add("type", f"unknown question type '{qtype}' (use {', '.join(QUESTION_TYPES)})")
    f.done()
    return question


def _sections(ctx: ActivityContext, f: Fields, slug: str, what: str) -> Text | None:
    found = ctx.sections.get(slug, {})
    missing = [lang for lang in LANGS if lang not in found]
    for lang in missing:
        f.add("slug", f"{what} '{slug}' has no body section '=== {slug} [{lang}] ==='")
    return None if missing else Text(**{lang: found[lang][0] for lang in LANGS})


def read_activity(data: Any, line: int, ctx: ActivityContext) -> tuple[Activity | None, int]:
    """Read one activity; returns it (None if broken) and the line of its lab reference."""
    f = Fields(data, ctx.path, ctx.problems, "an activity", line)
    slug = f.slug()
    kind = f.string("kind")
    title = f.text("title")
    minutes = f.integer("minutes", 5, 360)
    common_ok = slug is not None and title is not None and minutes is not None
    activity: Activity | None = None
    lab_line = line
    body_parts: list[tuple[str, bytes]] = []
    if slug:
        for lang, (text, _line) in sorted(ctx.sections.get(slug, {}).items()):
            body_parts.append((f"section:{lang}", text.encode("utf-8")))
    digest = hash_value(data if isinstance(data, dict) else None, body_parts)
    if kind == "lesson":
        body = _sections(ctx, f, slug, "lesson") if slug else None
        if common_ok and body:
            activity = Lesson(slug=slug, title=title, minutes=minutes, content_hash=digest,
                              body=body)
    elif kind == "quiz":
        seen: set[str] = set()
        questions = [_question(item, q_line, ctx, seen)
                     for item, q_line in f.items("questions", min_items=1)]
        if common_ok and questions and all(questions):
            activity = Quiz(slug=slug, title=title, minutes=minutes, content_hash=digest,
                            questions=tuple(q for q in questions if q))
    elif kind == "lab":
        lab_line = f.line_of("lab")
        ref = f.raw("lab", required=True)
        lab_slug, status = None, "ready"
        if isinstance(ref, str):
            lab_slug = ref
        elif isinstance(ref, dict):
            r = Fields(ref, ctx.path, ctx.problems, "the lab reference", lab_line)
            lab_slug = r.slug("slug")
            status = r.string("status", required=False) or "ready"
            if status not in ("ready", "coming"):
                r.add("status", f"lab status must be 'ready' or 'coming' (got '{status}')")
            r.done()
        elif ref is not None:
            f.add("lab", "'lab' must be a lab slug or {slug: ..., status: coming}")
        if lab_slug is not None and not SLUG_RE.match(lab_slug):
            f.add("lab", f"'{lab_slug}' is not a valid lab slug")
            lab_slug = None
        if common_ok and lab_slug and status in ("ready", "coming"):
            activity = LabActivity(slug=slug, title=title, minutes=minutes,
                                   content_hash=digest, lab=lab_slug, status=status)
    elif kind == "project":
        brief = _sections(ctx, f, slug, "project") if slug else None
        deliverables = f.texts("deliverables", min_items=1)
        raw = f.raw("rubric", required=True)
        rubric = None
        if isinstance(raw, str):
            rubric = ctx.rubrics.get(raw)
            if rubric is None:
                f.add("rubric", f"unknown rubric '{raw}' (shared rubrics live in "
                                f"curricula/rubrics/<slug>.yaml)")
        elif raw is not None:
            rubric = read_rubric(raw, ctx.path, f.line_of("rubric"), ctx.problems)
        if common_ok and brief and deliverables and rubric:
            activity = Project(slug=slug, title=title, minutes=minutes, content_hash=digest,
                               brief=brief, deliverables=deliverables, rubric=rubric)
    elif kind is not None:
        f.add("kind", f"unknown activity kind '{kind}' (use {', '.join(KINDS)})")
    f.done()
    return activity, lab_line

