"""What the administration says when a request cannot be carried out: one translated sentence
per message id raised by ``app.admin.services``. The class ids (:data:`CLASS_MESSAGES`) are shared
with the teaching area, whose teachers create classes through the same service."""

from __future__ import annotations

from flask_babel import gettext as _

CLASS_MESSAGES = {
    "unknown_school": lambda: _("Choose a school."),
    "level_not_offered": lambda: _("This school does not offer that level."),
    "year_not_in_level": lambda: _("That year does not exist at this level."),
    "invalid_section": lambda: _("A section is one to three letters."),
    "invalid_school_year": lambda: _("Write the school year as 2026/27."),
    "teacher_other_school": lambda: _("Teachers must belong to the class's school."),
    "duplicate_classroom": lambda: _("This class already exists in this school year."),
}
ADMIN_MESSAGES = {
    "invalid_school_code": lambda: _("A school code is four letters followed by six letters or digits."),
    "duplicate_school_code": lambda: _("Another school already has this code."),
    "invalid_username": lambda: _("Use 3 to 64 lower-case letters, digits, dots, dashes or underscores."),
    "duplicate_username": lambda: _("This username is already taken."),
    "school_required": lambda: _("Students and teachers must belong to a school."),
    "cannot_deactivate_self": lambda: _("You cannot deactivate your own account."),
    **CLASS_MESSAGES,
}
