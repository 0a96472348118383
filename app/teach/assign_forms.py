"""The form a teacher assigns work with, and what it says when an assignment cannot be made.

Dates are typed in the school's time (Europe/Rome) with the browser's date-time picker and stored
in UTC. The module list is grouped: the modules written for the class's school level first, the
others after; the activity list is grouped by module, its first entry meaning "the whole module".
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateTimeLocalField, IntegerField, RadioField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, NumberRange, Optional, ValidationError

from app.admin.forms import MultiCheckboxField
from app.content import Activity, Module
from app.models import User
from app.work.assignments import MAX_ATTEMPTS_CAP
from app.work.keys import key_for

SCHOOL_TIME = ZoneInfo("Europe/Rome")
DATE_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]

KIND_LABELS = {"lab": _l("Lab"), "quiz": _l("Quiz"), "project": _l("Project")}

# Message ids raised by app.work.assignments (AssignmentInvalid) -> the sentence shown.
ASSIGN_MESSAGES = {
    "unknown_module": lambda: _("Choose a module from the list."),
    "unknown_activity": lambda: _("Choose an activity of the chosen module, or the whole module."),
    "nothing_to_do": lambda: _("This module has no lab, quiz or project to assign yet."),
    "due_before_start": lambda: _("The due date must come after the start."),
    "cap_needs_test_mode": lambda: _("A limit on attempts needs test mode."),
    "cap_out_of_range": lambda: _("Allow from 1 to %(max)d attempts.", max=MAX_ATTEMPTS_CAP),
    "student_not_in_class": lambda: _("Choose students of this class only."),
}


def assign_message(message_id: str) -> str:
    return ASSIGN_MESSAGES[message_id]()


def school_now() -> datetime:
    """Now in the school's time, to the minute (the form's default start)."""
    return datetime.now(SCHOOL_TIME).replace(second=0, microsecond=0)


def activity_label(activity: Activity, lang: str) -> str:
    """"Lab: Blink", without saying "Lab" twice when the title already starts with it."""
    kind, title = str(KIND_LABELS.get(activity.kind, "")), activity.title.get(lang)
    return title if not kind or title.casefold().startswith(kind.casefold()) else f"{kind}: {title}"


def module_choices(suiting: list[Module], others: list[Module], lang: str) -> list[SelectChoice]:
    suits, rest = _("For this class"), _("Other modules")
    return ([SelectChoice("", _("Choose a module"))]
            + [SelectChoice(m.slug, m.title.get(lang), optgroup=suits) for m in suiting]
            + [SelectChoice(m.slug, m.title.get(lang), optgroup=rest) for m in others])


def activity_choices(modules: list[Module], lang: str) -> list[SelectChoice]:
    """``module/activity`` values grouped by module (lessons left out: they are read, not done)."""
    choices = [SelectChoice("", _("The whole module (every lab, quiz and project)"))]
    for module in modules:
        for activity in module.activities:
            if key_for(module, activity) is None:
                continue
            choices.append(SelectChoice(f"{module.slug}/{activity.slug}", activity_label(activity, lang), optgroup=module.title.get(lang),
                                        render_kw={"data-module": module.slug}))
    return choices


def student_choices(students: list[User]) -> list[SelectChoice]:
    return [SelectChoice(s.id, s.display_name) for s in students]


class AssignmentForm(FlaskForm):
    module = SelectField(_l("Module"), choices=[], validate_choice=False,
                         validators=[DataRequired(message=_l("Choose a module."))],
                         description=_l("The modules for this class's school level come first."))
    activity = SelectField(_l("What to do"), choices=[], validate_choice=False,
                           description=_l("The whole module, or one lab, quiz or project of it."))
    audience = RadioField(_l("For whom?"), default="class",
                          choices=[SelectChoice("class", _l("The whole class, newcomers included")),
                                   SelectChoice("some", _l("Only the students I tick below"))])
    student_ids = MultiCheckboxField(_l("Students"), coerce=int, choices=[])
    starts_at = DateTimeLocalField(_l("Start"), format=DATE_FORMATS, tz=SCHOOL_TIME,
                                   validators=[DataRequired(message=_l("Enter the start date and time."))],
                                   description=_l("Students see the work from this moment."))
    due_at = DateTimeLocalField(_l("Due"), format=DATE_FORMATS, tz=SCHOOL_TIME, validators=[Optional()],
                                description=_l("Optional. After it, unfinished work shows as late."))
    test_mode = BooleanField(_l("Test mode"),
                             description=_l("Students do not see the check details until the due date."))
    max_attempts = IntegerField(_l("Attempts allowed (test mode)"),
                                validators=[Optional(), NumberRange(min=1, max=MAX_ATTEMPTS_CAP,
                                                                    message=_l("Allow from 1 to %(max)d attempts.",
                                                                               max=MAX_ATTEMPTS_CAP))],
                                description=_l("Optional. Leave empty for no limit."))

    def validate_activity(self, field: SelectField) -> None:
        module_slug, _sep, _activity = (field.data or "").partition("/")
        if field.data and module_slug != self.module.data:
            raise ValidationError(_("Choose an activity of the chosen module, or the whole module."))

    def validate_student_ids(self, field: MultiCheckboxField) -> None:
        if self.audience.data == "some" and not field.data:
            raise ValidationError(_("Tick at least one student, or give the work to the whole class."))

    def validate_max_attempts(self, field: IntegerField) -> None:
        if field.data is not None and not self.test_mode.data:
            raise ValidationError(_("A limit on attempts needs test mode."))

    @property
    def activity_slug(self) -> str | None:
        return (self.activity.data or "").partition("/")[2] or None

    @property
    def chosen_student_ids(self) -> list[int]:
        return list(self.student_ids.data or []) if self.audience.data == "some" else []
