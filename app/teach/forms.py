"""Forms of the teaching area: a new class, a co-teacher, a class list, generated accounts, the
join code. Every form carries a CSRF token (Flask-WTF)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.admin.forms import ClassroomFieldsForm
from app.teach.accounts import MAX_GENERATED


def under_14_choices() -> list[SelectChoice]:
    return [SelectChoice("yes", _l("Yes, under 14")), SelectChoice("no", _l("No, 14 or older"))]


def username_style_choices() -> list[SelectChoice]:
    return [SelectChoice("pseudonym", _l("Pseudonyms, such as volpe.blu (recommended)")),
            SelectChoice("name", _l("From the name, such as giulia.rossi"))]


class NewClassroomForm(ClassroomFieldsForm):
    """A teacher's own class: the administrators' class fields; the teacher is its first."""


class CoTeacherForm(FlaskForm):
    teacher_id = SelectField(_l("Teacher"), coerce=int, choices=[],
                             description=_l("Teachers of the same school can share the class."))


class ClassListForm(FlaskForm):
    upload = FileField(_l("Class list file (CSV or Excel .xlsx)"),
                       description=_l("The export of your school's registry (Argo, Spaggiari, Axios…)."),
                       render_kw={"accept": ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    pasted = TextAreaField(_l("…or paste the rows here"), validators=[Optional(), Length(max=100_000)],
                           description=_l("Copy the cells from the spreadsheet, header row included."),
                           render_kw={"rows": 8, "spellcheck": "false"})
    under_14 = RadioField(_l("Are the students under 14?"), choices=under_14_choices(), default="yes",
                          description=_l("Used when the list has no birth date. Birth dates are only used for this and are not kept."))
    username_style = RadioField(_l("Usernames"), choices=username_style_choices(), default="pseudonym")


class ClassListPreviewForm(FlaskForm):
    """The second step: the sanitised table travels back as JSON; the mapping is one select per column."""

    table = HiddenField()
    under_14 = HiddenField()
    username_style = HiddenField()


class GenerateForm(FlaskForm):
    count = IntegerField(_l("How many accounts?"), default=25,
                         validators=[DataRequired(message=_l("Enter a number.")),
                                     NumberRange(min=1, max=MAX_GENERATED, message=_l("Enter a number from 1 to %(max)d.", max=MAX_GENERATED))])
    under_14 = RadioField(_l("Are the students under 14?"), choices=under_14_choices(), default="yes")


class JoinForm(FlaskForm):
    code = StringField(_l("Class code"), validators=[DataRequired(message=_l("Enter the code your teacher gave you.")), Length(max=20)],
                       description=_l("Eight letters and digits, such as K7MQ2XTB."),
                       render_kw={"autocapitalize": "characters", "spellcheck": "false", "autocomplete": "off"})


class ConfirmForm(FlaskForm):
    """A CSRF-protected button (lock, unlock, archive, reset a password)."""
