"""What the teaching area says when a request cannot be carried out: one translated sentence per
message id raised by ``app.teach.services``, ``app.teach.roster`` and ``app.teach.accounts``."""

from __future__ import annotations

from flask_babel import gettext as _

from app.admin.messages import CLASS_MESSAGES

MESSAGES = {
    **CLASS_MESSAGES,  # the same ids as the administrators' class tools
    "already_teaches": lambda: _("This teacher already teaches the class."),
    "not_a_teacher_of_class": lambda: _("That teacher does not teach this class."),
    "last_teacher": lambda: _("A class needs at least one teacher: add a colleague before leaving it."),
    "no_free_code": lambda: _("No new code could be made. Try again."),
    # joining
    "unknown_code": lambda: _("No open class has this code. Check it with your teacher."),
    "code_locked": lambda: _("This class is not accepting new students now. Ask your teacher to unlock the code."),
    "already_member": lambda: _("You are already in this class."),
    # class lists
    "empty_list": lambda: _("Upload a file or paste the rows of the class list."),
    "no_rows": lambda: _("The list has a header row but no students."),
    "too_many_rows": lambda: _("The list is too long: import at most 200 students at a time."),
    "file_too_large": lambda: _("The file is too large (at most 2 MB)."),
    "unreadable_file": lambda: _("This file cannot be read. Save it as CSV or Excel (.xlsx) and try again."),
    "old_excel": lambda: _("This is an old Excel file (.xls). Save it as .xlsx or CSV and try again."),
    "bad_table": lambda: _("The preview was damaged. Upload the list again."),
    "field_used_twice": lambda: _("Each kind of information can come from one column only."),
    "no_name_column": lambda: _("Choose the column with the first name (Nome) or the full name."),
    "missing_name": lambda: _("The name is missing."),
    "name_too_long": lambda: _("The name is longer than 120 characters."),
    "already_in_class": lambda: _("A student with this name is already in the class."),
    "duplicate_in_list": lambda: _("This name appears twice in the list: add an initial to tell them apart."),
    "bad_birth_date": lambda: _("The birth date is not a date such as 14/03/2014."),
    "bad_under_14": lambda: _("Write yes or no in the under-14 column."),
    # accounts
    "no_free_username": lambda: _("No free username could be found. Try again."),
    "bad_username_style": lambda: _("Choose how usernames are made."),
    "bad_count": lambda: _("Enter a number from 1 to 40."),
    "bad_under_14_choice": lambda: _("Say whether the students are under 14."),
}


def message(message_id: str) -> str:
    return MESSAGES[message_id]()
