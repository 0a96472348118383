"""The lab try-out form: a board and the student's program."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

MAX_SOURCE_BYTES = 64 * 1024


class LabRunForm(FlaskForm):
    board = SelectField(_l("Board"), choices=[])
    code = TextAreaField(
        _l("Your program (MicroPython)"),
        validators=[DataRequired(message=_l("Write a program first.")),
                    Length(max=MAX_SOURCE_BYTES, message=_l("The program is too long (at most 64 KB)."))],
        render_kw={"spellcheck": "false", "autocapitalize": "none", "autocomplete": "off", "rows": 18,
                   "class": "code-editor"},
    )
