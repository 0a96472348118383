"""Forms for schools and accounts."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice
from wtforms import BooleanField, EmailField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from app.i18n import LEVEL_LABELS, ROLE_LABELS
from app.models import Role, SchoolLevel


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class SchoolForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(message=_l("Enter the school's name.")), Length(max=200)])
    code = StringField(
        _l("School code (codice meccanografico)"),
        validators=[DataRequired(message=_l("Enter the school code.")), Length(max=10)],
        description=_l("Ten letters and digits, e.g. MIIC8AB00X."),
    )
    city = StringField(_l("City"), validators=[DataRequired(message=_l("Enter the city.")), Length(max=100)])
    district = StringField(
        _l("District (municipio)"), validators=[DataRequired(message=_l("Enter the district.")), Length(max=100)]
    )
    levels = MultiCheckboxField(
        _l("Levels offered"),
        choices=[SelectChoice(level.value, LEVEL_LABELS[level]) for level in SchoolLevel],
        validators=[DataRequired(message=_l("Choose at least one level."))],
    )


class UserForm(FlaskForm):
    username = StringField(
        _l("Username"),
        validators=[DataRequired(message=_l("Enter a username.")), Length(min=3, max=64)],
        description=_l("Letters, digits, dots, dashes; not case-sensitive."),
        render_kw={"autocapitalize": "none", "spellcheck": "false"},
    )
    display_name = StringField(
        _l("Display name"), validators=[DataRequired(message=_l("Enter a display name.")), Length(max=120)]
    )
    role = SelectField(_l("Role"), choices=[SelectChoice(role.value, ROLE_LABELS[role]) for role in Role])
    school_id = SelectField(_l("School"), coerce=int, choices=[])
    email = EmailField(
        _l("E-mail (optional)"),
        validators=[Optional(), Email(message=_l("Enter a valid e-mail address.")), Length(max=254)],
        description=_l("Never required for students."),
    )
    preferred_language = SelectField(_l("Language"), choices=[SelectChoice("it", "Italiano"), SelectChoice("en", "English")])
    under_14 = BooleanField(_l("Student under 14 (parental consent rules apply)"))


class ConfirmForm(FlaskForm):
    """An empty form: a CSRF-protected button for actions such as resetting a password."""


def current_school_year(today: date | None = None) -> str:
    """'2026/27' from September 2026 to August 2027."""
    today = today or date.today()
    first = today.year if today.month >= 9 else today.year - 1
    return f"{first}/{(first + 1) % 100:02d}"


class ClassroomFieldsForm(FlaskForm):
    """What defines a class: school, level, year, section, school year (administrators and
    teachers create classes with these fields)."""

    school_id = SelectField(_l("School"), coerce=int, choices=[])
    level = SelectField(_l("Level"), choices=[SelectChoice(level.value, LEVEL_LABELS[level]) for level in SchoolLevel])
    year = SelectField(_l("Year"), coerce=int, choices=[SelectChoice(n, str(n)) for n in range(1, 6)],
                       description=_l("Primaria and secondaria di secondo grado have 5 years, secondaria di primo grado 3."))
    section = StringField(_l("Section"), validators=[DataRequired(message=_l("Enter the section, e.g. B.")), Length(max=3)],
                          description=_l("One to three letters, e.g. B."))
    school_year = StringField(_l("School year"), default=current_school_year,
                              validators=[DataRequired(message=_l("Enter the school year, e.g. 2026/27."))])


class ClassroomForm(ClassroomFieldsForm):
    teacher_ids = MultiCheckboxField(_l("Teachers"), coerce=int, choices=[])
