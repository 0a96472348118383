"""Domain errors of class work; views turn them into form messages or HTTP answers."""

from __future__ import annotations


class WorkError(Exception):
    """Base class: ``field`` names the form field at fault (if any), ``message`` is for people."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class AssignmentInvalid(WorkError):
    """An assignment that cannot be created as asked (unknown module, due before start …)."""


class NotAssigned(WorkError):
    """The activity is not part of any open assignment of this student."""


class AttemptsExhausted(WorkError):
    """Test mode: the student has used every attempt the teacher allowed."""


class SubmissionInvalid(WorkError):
    """A submission that cannot be graded (unknown board, malformed answers, empty project …)."""
