"""What the attempt review page shows, prepared from a stored attempt: the activity it is about,
the code as highlighted numbered lines (the failing check's and the error's lines marked, with
words, not colour alone), the run's events (bounded), the differences between consecutive
attempts as +/- rows with both line numbers, and a quiz's answers with their verdicts.

Nothing here changes the database; ``app.teach.review_services`` does.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

import pygments
from markupsafe import Markup
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from app.content import Catalog, Lab, Module, Project, Quiz, Rubric, Text
from app.models import Attempt
from app.work.keys import resolve_key

MAX_EVENTS = 200  # events shown in the trace table; the rest are counted
MAX_DIFF_ROWS = 300  # rows of one diff; a longer one is cut with a note
MAX_DIFFS = 10  # consecutive pairs compared, newest first


@dataclass(frozen=True)
class ActivityRef:
    """What an activity key names: its kind and title, and the module, activity or lab behind it
    (None when the content has left the catalog since)."""

    kind: str
    title: Text | None
    module: Module | None = None
    activity: Any = None
    lab: Lab | None = None

    @property
    def rubric(self) -> Rubric | None:
        """A project's rubric: its own, else its module's."""
        if isinstance(self.activity, Project):
            return self.activity.rubric or (self.module.rubric if self.module else None)
        return None


def activity_ref(catalog: Catalog, activity_key: str) -> ActivityRef:
    target = resolve_key(catalog, activity_key)
    if target.kind == "lab":
        return ActivityRef(target.kind, target.lab.title if target.lab else None, lab=target.lab)
    activity = target.activity
    return ActivityRef(target.kind, activity.title if activity else None, target.module, activity)


@dataclass(frozen=True)
class CodeLine:
    number: int
    html: Markup
    marks: tuple[str, ...] = ()  # why the line is marked, in words (failing check, error)


def marked_lines(result: dict[str, Any] | None, lang: str, labels: dict[str, str]) -> dict[int, list[str]]:
    """Line -> reasons: the run's error and every failing check that points at a line."""
    marks: dict[int, list[str]] = {}
    result = result or {}
    error = (result.get("run") or {}).get("error") or {}
    if isinstance(error.get("line"), int):
        marks.setdefault(error["line"], []).append(f"{labels['error']}: {error.get('type', '')}")
    for check in result.get("checks") or []:
        if not check.get("passed") and isinstance(check.get("line"), int):
            message = (check.get("message") or {}).get(lang) or (check.get("message") or {}).get("it", "")
            marks.setdefault(check["line"], []).append(f"{labels['check']}: {message}")
    return marks


def code_lines(code: str, marks: dict[int, list[str]] | None = None) -> list[CodeLine]:
    """``code`` highlighted by Pygments, one entry per source line (numbers from 1)."""
    if not code:
        return []
    lexer = PythonLexer(stripnl=False, ensurenl=True)
    highlighted = pygments.highlight(code, lexer, HtmlFormatter(nowrap=True)).split("\n")
    count = len(code.splitlines()) or 1
    marks = marks or {}
    # The formatter closes its spans at each newline, so each piece is valid HTML on its own.
    return [CodeLine(number, Markup(highlighted[number - 1] if number <= len(highlighted) else ""),  # noqa: S704
                     tuple(marks.get(number, ())))
            for number in range(1, count + 1)]


@dataclass(frozen=True)
class DiffRow:
    sign: str  # "+" added, "-" removed, " " unchanged, "@" a gap between hunks
    old_number: int | None
    new_number: int | None
    text: str


@dataclass
class AttemptDiff:
    older: Attempt
    newer: Attempt
    rows: list[DiffRow] = field(default_factory=list)
    added: int = 0
    removed: int = 0
    cut: bool = False

    @property
    def same(self) -> bool:
        return not self.added and not self.removed


def code_diff(old: str, new: str, context: int = 2) -> tuple[list[DiffRow], int, int, bool]:
    """Rows of a line diff from ``old`` to ``new`` with ``context`` unchanged lines around each
    change: ``(rows, lines added, lines removed, cut)``."""
    a, b = old.splitlines(), new.splitlines()
    rows: list[DiffRow] = []
    added = removed = 0
    for index, group in enumerate(difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(context)):
        if index:
            rows.append(DiffRow("@", None, None, "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows.extend(DiffRow(" ", i1 + k + 1, j1 + k + 1, a[i1 + k]) for k in range(i2 - i1))
                continue
            if tag in ("replace", "delete"):
                rows.extend(DiffRow("-", i + 1, None, a[i]) for i in range(i1, i2))
                removed += i2 - i1
            if tag in ("replace", "insert"):
                rows.extend(DiffRow("+", None, j + 1, b[j]) for j in range(j1, j2))
                added += j2 - j1
    cut = len(rows) > MAX_DIFF_ROWS
    return rows[:MAX_DIFF_ROWS], added, removed, cut


def history_diffs(history: list[Attempt]) -> list[AttemptDiff]:
    """Diffs between consecutive attempts of ``history`` (newest first), the newest pairs first."""
    diffs = []
    for newer, older in list(zip(history, history[1:]))[:MAX_DIFFS]:
        rows, added, removed, cut = code_diff(older.code or "", newer.code or "")
        diffs.append(AttemptDiff(older, newer, rows, added, removed, cut))
    return diffs


@dataclass(frozen=True)
class EventRow:
    time_ms: float
    source: str
    kind: str
    value: str


def trace_rows(result: dict[str, Any] | None) -> tuple[list[EventRow], int]:
    """The first ``MAX_EVENTS`` events of the stored run and how many more there were."""
    events = ((result or {}).get("run") or {}).get("events") or []
    rows = [EventRow(round(e.get("t_us", 0) / 1000, 3), str(e.get("source", "")), str(e.get("kind", "")),
                     str(e.get("value", ""))[:80]) for e in events[:MAX_EVENTS]]
    return rows, max(0, len(events) - MAX_EVENTS)


@dataclass(frozen=True)
class QuizRow:
    number: int
    prompt: Text | None
    answer: list[Text | str]  # the chosen options' texts, or the number typed
    correct: bool
    right_answer: list[Text | str]
    feedback: list[dict[str, str]]


def quiz_rows(quiz: Quiz | None, result: dict[str, Any] | None) -> list[QuizRow]:
    """Each question of a quiz attempt with what the student answered and the verdict."""
    questions = {q.id: q for q in (quiz.questions if quiz else ())}
    rows = []
    for number, entry in enumerate((result or {}).get("questions") or [], start=1):
        question = questions.get(entry.get("id"))
        rows.append(QuizRow(number, question.prompt if question else None, _answer_texts(question, entry.get("answer")),
                            bool(entry.get("correct")), _right_texts(question), entry.get("feedback") or []))
    return rows


def _answer_texts(question: Any, answer: Any) -> list[Text | str]:
    if answer is None:
        return []
    if question is None or question.type == "numeric":
        return [f"{answer} {question.unit}".strip() if question is not None else str(answer)]
    chosen = answer if isinstance(answer, list) else [answer]
    return [question.options[i].text if isinstance(i, int) and 0 <= i < len(question.options) else str(i)
            for i in chosen]


def _right_texts(question: Any) -> list[Text | str]:
    if question is None:
        return []
    if question.type == "numeric":
        return [f"{question.answer:g} {question.unit}".strip()] if question.answer is not None else []
    return [option.text for option in question.options if option.correct]
