"""The lab try-out form: a board and the student's program (and, for students, the idempotency
key that makes a repeated Submit one attempt). The page's script posts the same fields to the
run and submit routes."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from app.work.drafts import MAX_CODE_CHARS

MAX_SOURCE_BYTES = MAX_CODE_CHARS  # the draft's limit, so whatever runs can be saved


def program_field(max_chars: int = MAX_SOURCE_BYTES) -> TextAreaField:
    """The student's program, as every form that runs one has it (a code editor: no spelling or
    capitalising help)."""
    return TextAreaField(
        _l("Your program (MicroPython)"),
        validators=[DataRequired(message=_l("Write a program first.")),
                    Length(max=max_chars, message=_l("The program is too long (at most 64 KB)."))],
        render_kw={"spellcheck": "false", "autocapitalize": "none", "autocomplete": "off", "rows": 18,
                   "class": "code-editor"},
    )


class LabRunForm(FlaskForm):
    board = SelectField(_l("Board"), choices=[])
    code = program_field()


class LabSubmitForm(LabRunForm):
    idempotency_key = HiddenField(validators=[DataRequired(), Length(min=8, max=64)])
