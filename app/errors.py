"""Error pages in the user's language, never a traceback.

A missing or stale CSRF token is a friendly 400 explaining that the form expired.
"""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.extensions import db


def _page(status: int, title: str, message: str):
    return render_template("errors/error.html", status=status, title=title, message=message), status


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return _page(400, _("The form has expired"), _("For your safety the form could not be sent. Go back, reload the page and try again."))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        messages = {
            400: (_("Bad request"), _("The request could not be understood.")),
            403: (_("Access denied"), _("You do not have permission to open this page.")),
            404: (_("Page not found"), _("The page you asked for does not exist or has moved.")),
            405: (_("Not allowed"), _("This page cannot be used that way.")),
            413: (_("File too large"), _("What you sent is larger than the allowed limit.")),
            429: (_("Too many requests"), _("Slow down and try again in a few minutes.")),
            503: (_("Temporarily unavailable"),
                  _("The curriculum files are being updated or contain errors. Try again in a few minutes; "
                    "administrators can run `officina content check`.")),
        }
        code = error.code or 500
        if code not in messages:
            return error
        title, message = messages[code]
        return _page(code, title, message)

    @app.errorhandler(Exception)
    def server_error(error: Exception):
        db.session.rollback()
        app.logger.exception("unhandled error")
        return _page(500, _("Something went wrong"), _("An unexpected error occurred. Nothing was saved. Please try again."))
