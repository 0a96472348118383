"""Languages: Italian by default, English too.

The language comes from the signed-in user's preference, else from the session (for visitors who
switched before signing in), else the configured default. ``lazy_gettext`` strings are used in
forms and enums; templates call ``_()``. Dates are formatted by Babel in the active locale.
"""

from __future__ import annotations

from datetime import datetime

from flask import Flask, current_app, session
from flask_babel import format_date, format_datetime, get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.config import SUPPORTED_LANGUAGES
from app.models import ClassRole, Classroom, Role, SchoolLevel

LANGUAGE_NAMES = {"it": "Italiano", "en": "English"}

ROLE_LABELS = {
    Role.STUDENT: _l("Student"),
    Role.TEACHER: _l("Teacher"),
    Role.STAFF: _l("Programme staff"),
    Role.ADMIN: _l("Administrator"),
}

ROLE_PLURAL_LABELS = {
    Role.STUDENT: _l("Students"),
    Role.TEACHER: _l("Teachers"),
    Role.STAFF: _l("Programme staff"),
    Role.ADMIN: _l("Administrators"),
}

LEVEL_LABELS = {
    SchoolLevel.PRIMARIA: _l("primary school"),
    SchoolLevel.SECONDARIA_PRIMO: _l("lower secondary school"),
    SchoolLevel.SECONDARIA_SECONDO: _l("upper secondary school"),
}

CLASS_ROLE_LABELS = {ClassRole.STUDENT: _l("student"), ClassRole.TEACHER: _l("teacher")}


def select_locale() -> str:
    if getattr(current_user, "is_authenticated", False) and current_user.preferred_language in SUPPORTED_LANGUAGES:
        return current_user.preferred_language
    chosen = session.get("lang")
    if chosen in SUPPORTED_LANGUAGES:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def classroom_label(room: Classroom) -> str:
    """'3B · secondaria di primo grado · 2026/27' in the active language."""
    return f"{room.short_name} · {LEVEL_LABELS[room.level]} · {room.school_year}"


def short_date(value: datetime | None) -> str:
    return format_date(value, "short") if value else "—"


def long_datetime(value: datetime | None) -> str:
    return format_datetime(value, "medium") if value else "—"


def init_app(app: Flask) -> None:
    @app.context_processor
    def language_context() -> dict[str, object]:
        return {
            "current_language": str(get_locale() or app.config["BABEL_DEFAULT_LOCALE"]),
            "language_names": LANGUAGE_NAMES,
            "role_labels": ROLE_LABELS,
            "role_plural_labels": ROLE_PLURAL_LABELS,
            "level_labels": LEVEL_LABELS,
            "classroom_label": classroom_label,
        }

    app.add_template_filter(short_date, "short_date")
    app.add_template_filter(long_datetime, "long_datetime")
