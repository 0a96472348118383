"""The student's quiz page, seen from the data side: which quiz a URL names, what the page shows
(the covering assignment, the attempts so far, how many are left, whether test mode hides the
results) and how a stored attempt reads question by question. Grading and recording are
``app.work`` (``submit_quiz``); nothing here writes to the database."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from app.content import Catalog, Module, Question, Quiz
from app.models import Assignment, Attempt, User
from app.models.base import utcnow
from app.work.assignments import covering_assignment
from app.work.attempts import attempts_for, attempts_used, hide_details
from app.work.keys import find_module_activity, quiz_key, resolve_key

# Domain error codes (``WorkError.message``) -> what the student reads.
PROBLEMS = {
    "no_answers": _l("Answer at least one question, then send your answers."),
    "bad_answer": _l("One of the answers is not one of the choices. Reload the page and try again."),
    "bad_idempotency_key": _l("The page has expired. Reload it and send your answers again."),
    "attempts_exhausted": _l("You have used every attempt your teacher allowed for this quiz."),
}


def problem_text(code: str) -> str:
    return str(PROBLEMS.get(code, _l("Your answers could not be recorded. Try again.")))


_CODE_SPAN = re.compile(r"`([^`]+)`")


def inline_code(text: str) -> Markup:
    """An answer choice as a label: escaped, with `backticks` shown as code (a label holds no
    paragraphs, so the Markdown renderer is not used here)."""
    return Markup(_CODE_SPAN.sub(lambda m: f"<code>{m.group(1)}</code>", str(escape(text or ""))))  # noqa: S704


def find_quiz(catalog: Catalog, module_slug: str, activity_slug: str) -> tuple[Module, Quiz] | None:
    """The module and its quiz called ``activity_slug``; None when either is not in the catalog."""
    return find_module_activity(catalog, module_slug, activity_slug, Quiz)


def quiz_of_key(catalog: Catalog, activity_key: str) -> tuple[Module, Quiz] | None:
    """The module and quiz an activity key ``quiz:<module>/<activity>`` names, if still in the catalog."""
    target = resolve_key(catalog, activity_key)
    if target.kind != "quiz" or not isinstance(target.activity, Quiz):
        return None
    return target.module, target.activity


def answers_from_form(quiz: Quiz, form: Mapping[str, Any]) -> dict[str, list[str]]:
    """The raw answers of a posted quiz form: field ``q-<question id>`` (several for checkboxes)."""
    return {question.id: form.getlist(f"q-{question.id}") for question in quiz.questions}  # type: ignore[attr-defined]


def new_idempotency_key() -> str:
    """A fresh key for one rendering of the form: sending it twice records one attempt."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class QuestionResult:
    """One question of a stored attempt: the question, what the student chose, and the verdict."""

    number: int
    question: Question
    chosen: tuple[int, ...]  # option indices (single, multiple)
    value: str | None  # numeric answer as typed (normalised)
    correct: bool
    feedback: tuple[dict[str, str], ...]


def question_results(quiz: Quiz, attempt: Attempt) -> list[QuestionResult]:
    """The attempt's record read against the quiz as it is now; a question removed since the
    attempt is skipped, one added since shows as unanswered."""
    recorded = {entry.get("id"): entry for entry in (attempt.result or {}).get("questions", [])}
    results = []
    for number, question in enumerate(quiz.questions, start=1):
        entry = recorded.get(question.id, {})
        answer = entry.get("answer")
        chosen: tuple[int, ...] = ()
        value = None
        if question.type == "numeric":
            value = None if answer is None else str(answer)
        elif isinstance(answer, list):
            chosen = tuple(i for i in answer if isinstance(i, int))
        elif isinstance(answer, int):
            chosen = (answer,)
        results.append(QuestionResult(number, question, chosen, value, bool(entry.get("correct")),
                                      tuple(entry.get("feedback") or ())))
    return results


@dataclass(frozen=True)
class QuizPage:
    """Everything the quiz page shows for one student."""

    module: Module
    quiz: Quiz
    assignment: Assignment | None  # the assignment a submission counts for; None: practice
    attempts: list[Attempt]  # finished attempts, newest first
    attempts_left: int | None  # test mode with a cap only
    now: datetime

    @property
    def key(self) -> str:
        return quiz_key(self.module.slug, self.quiz.slug)

    @property
    def can_submit(self) -> bool:
        return self.attempts_left is None or self.attempts_left > 0

    def hidden(self, attempt: Attempt) -> bool:
        """Test mode: is this attempt's score and feedback hidden until the due date?"""
        return hide_details(attempt, self.now)


def quiz_page(student: User, module: Module, quiz: Quiz, catalog: Catalog, now: datetime | None = None) -> QuizPage:
    """The quiz page's state for ``student`` (any user may be passed; admins see it empty)."""
    now = now or utcnow()
    key = quiz_key(module.slug, quiz.slug)
    assignment = covering_assignment(student, key, catalog, now)
    left = None
    if assignment is not None and assignment.max_attempts is not None:
        left = max(0, assignment.max_attempts - attempts_used(student.id, assignment, key))
    return QuizPage(module, quiz, assignment, attempts_for(student.id, key), left, now)
