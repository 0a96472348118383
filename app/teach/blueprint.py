"""The teaching area's blueprint, shared by its route modules (``views`` for classes,
``roster_views`` for students and login cards). The students' join pages (``app.teach.join``,
at /join, outside the /teach prefix) have a blueprint of their own, registered in create_app."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("teach", __name__, url_prefix="/teach")

from app.teach import assign  # noqa: E402,F401  (assignments, progress grid, export: routes on this blueprint)
from app.teach import review  # noqa: E402,F401  (attempt review: comments, overrides, rubric scoring)
