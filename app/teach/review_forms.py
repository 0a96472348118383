"""Forms of the attempt review: a comment, an override with its reason, and the rubric scoring
of a making project (one radio group per criterion, built from the rubric, plus feedback)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from app.content import Rubric
from app.teach.review_services import MAX_COMMENT_CHARS, MAX_REASON_CHARS


class CommentForm(FlaskForm):
    body = TextAreaField(_l("Comment for the student"), validators=[DataRequired(), Length(max=MAX_COMMENT_CHARS)],
                         description=_l("The student sees it with a mark that there is new feedback."))


class OverrideForm(FlaskForm):
    passed = RadioField(_l("Result that counts"),
                        choices=[SelectChoice("yes", _l("Passed")), SelectChoice("no", _l("Not passed"))],
                        validators=[InputRequired()])
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=MAX_REASON_CHARS)],
                           description=_l("Required: it is kept in the attempt's record."))


class RubricScoreForm(FlaskForm):
    feedback = TextAreaField(_l("Feedback for the student"), validators=[Optional(), Length(max=MAX_COMMENT_CHARS)])

    def levels(self, rubric: Rubric) -> list[int]:
        return [int(getattr(self, criterion_field(index)).data) for index in range(len(rubric.criteria))]


def criterion_field(index: int) -> str:
    return f"criterion_{index}"


def rubric_form(rubric: Rubric, lang: str, **kwargs) -> RubricScoreForm:
    """A scoring form for ``rubric``: a required choice of level per criterion, highest first."""

    class ScoreForm(RubricScoreForm):
        pass

    for index, criterion in enumerate(rubric.criteria):
        choices = [SelectChoice(str(level), rubric.levels[level].get(lang))
                   for level in reversed(range(len(rubric.levels)))]
        setattr(ScoreForm, criterion_field(index),
                RadioField(criterion.name.get(lang), choices=choices, validators=[InputRequired()]))
    return ScoreForm(**kwargs)
