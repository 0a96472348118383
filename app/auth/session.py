"""Flask-Login wiring: how a session cookie maps back to a user, and how long it lasts.

The cookie identity is ``"<id>:<session_token>"``; a password change or deactivation replaces the
token, so every session opened before it stops working at the next request. A session also ends
``OFFICINA_SESSION_MINUTES`` after sign-in, even if the browser stays open on a shared computer.
A user signed in with a one-time password (a login card) is sent to choose their own first.
"""

from __future__ import annotations

import hmac
import time

from flask import Flask, current_app, flash, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager, current_user, logout_user

from app.extensions import db
from app.models import User


def load_user(identity: str) -> User | None:
    user_id, _, token = identity.partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or not hmac.compare_digest(user.session_token, token):
        return None
    return user


SIGNED_IN_AT = "signed_in_at"


def mark_signed_in() -> None:
    """Record the sign-in moment in the session (call right after ``login_user``)."""
    session[SIGNED_IN_AT] = int(time.time())


def end_expired_session() -> None:
    """Sign out a session older than the configured lifetime (or one without a sign-in time).

    Reads only the session cookie, so requests that never look at the user (static files, the
    health probe) do not load them from the database.
    """
    if "_user_id" not in session:
        return
    lifetime = current_app.config["PERMANENT_SESSION_LIFETIME"].total_seconds()
    signed_in_at = session.get(SIGNED_IN_AT)
    if not isinstance(signed_in_at, int) or time.time() - signed_in_at > lifetime:
        logout_user()
        language = session.get("lang")
        session.clear()
        if language:
            session["lang"] = language


# What a user holding a one-time password may still reach before choosing their own.
PASSWORD_CHANGE_EXEMPT = {"auth.change_password", "auth.logout", "auth.login", "static", "main.set_language",
                          "main.health"}


def require_password_change():
    """Send a user whose password was printed on a login card to choose their own, first."""
    if "_user_id" not in session or request.endpoint in PASSWORD_CHANGE_EXEMPT or request.endpoint is None:
        return None
    if current_user.is_authenticated and current_user.must_change_password:
        flash(_l("Choose your own password: the one on your card works only once."), "info")
        return redirect(url_for("auth.change_password"))
    return None


def configure_login(app: Flask, manager: LoginManager) -> None:
    manager.init_app(app)
    manager.login_view = "auth.login"
    manager.login_message = _l("Please sign in to continue.")
    manager.login_message_category = "info"
    manager.session_protection = "strong"
    manager.user_loader(load_user)
    app.before_request(end_expired_session)
    app.before_request(require_password_change)
