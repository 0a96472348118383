"""The language switch: a one-field POST form (CSRF-protected like every other form)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired

from app.config import SUPPORTED_LANGUAGES


class LanguageForm(FlaskForm):
    language = SelectField(choices=[SelectChoice(code, name) for code, name in (("it", "Italiano"), ("en", "English"))], validators=[DataRequired(), AnyOf(SUPPORTED_LANGUAGES)])
    next = HiddenField()
