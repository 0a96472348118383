"""Routes for signing in, signing out and changing one's password."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required, login_user, logout_user

from app.auth import services
from app.auth.forms import ChangePasswordForm, LoginForm
from app.auth.session import mark_signed_in
from app.authz import Action, home_endpoint, requires
from app.extensions import db
from app.security import safe_redirect_target

bp = Blueprint("auth", __name__, url_prefix="/auth")

PASSWORD_MESSAGES = {
    "too_short": lambda: _("The new password is too short."),
    "too_long": lambda: _("The new password is too long."),
    "same_as_username": lambda: _("The new password must not be your username."),
    "wrong_current": lambda: _("The current password is not correct."),
    "same_as_current": lambda: _("Choose a password different from the one on your card."),
}


def _limits() -> services.RateLimits:
    config = current_app.config
    return services.RateLimits(
        config["LOGIN_MAX_FAILURES_ACCOUNT"], config["LOGIN_MAX_FAILURES_ADDRESS"], config["LOGIN_WINDOW_MINUTES"]
    )


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user)))
    form = LoginForm()
    status = 200
    if request.method == "GET" and request.args.get("username"):
        form.username.data = request.args["username"][:64]  # from a login card's QR code
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.username.data, form.password.data, request.remote_addr or "", _limits())
        except services.TooManyAttempts as exc:
            db.session.commit()
            form.form_errors.append(
                ngettext(
                    "Too many sign-in attempts. Wait %(num)d minute and try again.",
                    "Too many sign-in attempts. Wait %(num)d minutes and try again.",
                    exc.minutes,
                )
            )
            status = 429
        except services.InvalidCredentials:
            db.session.commit()  # keep the failed attempt on record for the rate limit
            form.form_errors.append(_("Username or password is not correct."))
            status = 401
        else:
            language = session.get("lang")
            session.clear()  # a fresh session on sign-in: no fixation
            if language:
                session["lang"] = language
            login_user(user, remember=False)
            mark_signed_in()
            db.session.commit()
            return redirect(safe_redirect_target(request.args.get("next")) or url_for(home_endpoint(user)))
    elif form.is_submitted():
        status = 400
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["GET", "POST"])
@requires(Action.CHANGE_OWN_PASSWORD)
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current_password.data, form.new_password.data)
        except services.PasswordRejected as exc:
            target = form.current_password if exc.reason == "wrong_current" else form.new_password
            target.errors.append(PASSWORD_MESSAGES[exc.reason]())
        else:
            db.session.commit()
            login_user(current_user._get_current_object(), remember=False)  # the session token changed: re-issue our cookie
            flash(_("Your password has been changed. Other devices have been signed out."), "success")
            return redirect(url_for(home_endpoint(current_user)))
    return render_template("auth/change_password.html", form=form, forced=current_user.must_change_password), (
        400 if form.errors else 200)
