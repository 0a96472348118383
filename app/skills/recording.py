"""Recording evidence from inside the web app: the pseudonym key is the app's ``SECRET_KEY``.
Called after a verdict is committed (lab and quiz submissions, a teacher's override or rubric
score) and by the demo loader; the caller commits once more."""

from __future__ import annotations

from flask import current_app

from app.content import Catalog
from app.models import Attempt, Evidence
from app.skills.evidence import rebuild_evidence, record_evidence


def pseudonym_key() -> str:
    return current_app.config["SECRET_KEY"]


def record_attempt_evidence(attempt: Attempt, catalog: Catalog) -> list[Evidence]:
    """Replace ``attempt``'s evidence with what it proves now (flushes, the caller commits)."""
    return record_evidence(attempt, catalog, pseudonym_key())


def rebuild_all_evidence(catalog: Catalog) -> int:
    """Record the evidence of every attempt again; returns how many evidence rows exist
    (flushes, the caller commits)."""
    return rebuild_evidence(catalog, pseudonym_key())


def load_demo_evidence(catalog: Catalog) -> int:
    """Rebuild the evidence of the demo's attempts so the skills pages have a record to show."""
    return rebuild_all_evidence(catalog)
