"""Sign-in and password forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from app.auth.passwords import MAX_LENGTH, MIN_LENGTH


class LoginForm(FlaskForm):
    username = StringField(
        _l("Username"),
        validators=[DataRequired(message=_l("Enter your username.")), Length(max=64)],
        render_kw={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(message=_l("Enter your password.")), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(message=_l("Enter your current password."))],
        render_kw={"autocomplete": "current-password"},
    )
    new_password = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(message=_l("Enter a new password.")),
            Length(min=MIN_LENGTH, max=MAX_LENGTH, message=_l("Use between %(min)d and %(max)d characters.")),
        ],
        render_kw={"autocomplete": "new-password"},
        description=_l("At least %(count)d characters. A short sentence is easy to remember.", count=MIN_LENGTH),
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[
            DataRequired(message=_l("Repeat the new password.")),
            EqualTo("new_password", message=_l("The two passwords do not match.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )
