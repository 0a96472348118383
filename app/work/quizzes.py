"""Quiz grading: raw form answers in, a verdict per question with the feedback of every option
the student chose (both languages, so the record reads the same in either) out.

A quiz passes when at least ``PASS_FRACTION`` of its questions are right (rounded up): a
student who misses one question of five still passes, and the feedback shows which one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from app.content import Question, Quiz
from app.work.errors import SubmissionInvalid

PASS_FRACTION = 0.6
MAX_ANSWER_CHARS = 40


@dataclass(frozen=True)
class GradedQuiz:
    answers: dict[str, Any]  # question id -> normalised response (index, sorted indices, number text)
    record: dict[str, Any]  # {"questions": [...], "passed": bool}
    right: int
    total: int

    @property
    def passed(self) -> bool:
        return self.total > 0 and self.right >= math.ceil(PASS_FRACTION * self.total)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple, set)) else [value]


def _normalise(question: Question, raw: Any) -> Any:
    """The response in the form ``Question.is_correct`` takes; None when unanswered."""
    values = [str(v).strip() for v in _as_list(raw) if str(v).strip()]
    if not values:
        return None
    if question.type == "numeric":
        text = values[0][:MAX_ANSWER_CHARS].replace(",", ".")  # Italian decimal comma
        return text
    indices = []
    for value in values:
        if not value.isdigit() or int(value) >= len(question.options):
            raise SubmissionInvalid("bad_answer", question.id)
        indices.append(int(value))
    if question.type == "single":
        if len(indices) != 1:
            raise SubmissionInvalid("bad_answer", question.id)
        return indices[0]
    return sorted(set(indices))


def _feedback(question: Question, response: Any, correct: bool) -> list[dict[str, str]]:
    if question.type == "numeric" or response is None:
        text = question.feedback_correct if correct else question.feedback_wrong
        return [text.as_dict()] if text else []
    chosen = [response] if question.type == "single" else response
    return [question.options[i].feedback.as_dict() for i in chosen if question.options[i].feedback.it]


def grade_quiz(quiz: Quiz, raw_answers: dict[str, Any]) -> GradedQuiz:
    """Grade every question of ``quiz``; unanswered questions count as wrong. Raises
    ``SubmissionInvalid`` when nothing is answered or an answer names no option."""
    answers: dict[str, Any] = {}
    questions = []
    for question in quiz.questions:
        response = _normalise(question, raw_answers.get(question.id))
        correct = response is not None and question.is_correct(response)
        answers[question.id] = response
        questions.append({"id": question.id, "answer": response, "correct": correct,
                          "feedback": _feedback(question, response, correct)})
    if all(value is None for value in answers.values()):
        raise SubmissionInvalid("no_answers")
    right = sum(1 for q in questions if q["correct"])
    graded = GradedQuiz(answers, {}, right, len(questions))
    return GradedQuiz(answers, {"questions": questions, "passed": graded.passed}, right, len(questions))
