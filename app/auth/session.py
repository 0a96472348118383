"""Flask-Login wiring: how a session cookie maps back to a user.

The cookie identity is ``"<id>:<session_token>"``; a password change or deactivation replaces the
token, so every session opened before it stops working at the next request.
"""

from __future__ import annotations

import hmac

from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager

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


def configure_login(app: Flask, manager: LoginManager) -> None:
    manager.init_app(app)
    manager.login_view = "auth.login"
    manager.login_message = _l("Please sign in to continue.")
    manager.login_message_category = "info"
    manager.session_protection = "strong"
    manager.user_loader(load_user)
