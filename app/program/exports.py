"""CSV exports of the dashboards and the audit log that records them.

Exports carry exactly the protected numbers the page shows (suppressed cells empty, with a
``suppressed`` note), never a person's name; classes appear under a pseudonymous identifier
(a keyed hash of the class id, stable across exports, meaningless outside Officina). Every export
writes an ``AuditEntry`` (who, what, which filters, how many rows) in the caller's transaction.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
from typing import Any

from sqlalchemy import select

from app.extensions import db
from app.models import AuditEntry
from app.program.outcomes import OutcomeTable

SUPPRESSED = ""


def pseudonym(secret: str, kind: str, ident: object) -> str:
    """A stable pseudonymous identifier such as ``C-3f9a1c2e`` for a class."""
    digest = hmac.new(secret.encode(), f"{kind}:{ident}".encode(), hashlib.sha256).hexdigest()[:10]
    return f"{kind[:1].upper()}-{digest}"


def outcome_csv(outcome: OutcomeTable, secret: str, meta: dict[str, str]) -> str:
    """The table as CSV: one line per group (row identifiers pseudonymous for classes), its levels
    and total, then the totals line; suppressed numbers are empty."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f"# {key}={value}" for key, value in meta.items()])
    writer.writerow(["group", *[f"level_{label}" for label in outcome.column_labels], "total"])
    for key, (label, cells, total, _link) in zip(outcome.table.row_keys, outcome.rows):
        name = pseudonym(secret, key[0], key[1]) if key[0] == "class" else label
        writer.writerow([name, *[SUPPRESSED if v is None else v for v in cells], SUPPRESSED if total is None else total])
    grand = outcome.table.published_grand_total
    writer.writerow(["total", *[SUPPRESSED if v is None else v for v in outcome.table.published_col_totals],
                     SUPPRESSED if grand is None else grand])
    return out.getvalue()


def rows_csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([SUPPRESSED if value is None else value for value in row])
    return out.getvalue()


def record(actor_id: int | None, action: str, target: str, details: dict[str, Any]) -> AuditEntry:
    """Add an audit entry (flushed, not committed)."""
    entry = AuditEntry(actor_id=actor_id, action=action, target=target[:200], details=details)
    db.session.add(entry)
    db.session.flush()
    return entry


def audit_page(page: int, per_page: int = 50, action: str | None = None) -> tuple[list[AuditEntry], bool]:
    """Audit entries newest first; the second value says whether an older page exists."""
    query = select(AuditEntry).order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    if action:
        query = query.where(AuditEntry.action == action)
    entries = list(db.session.scalars(query.offset((page - 1) * per_page).limit(per_page + 1)))
    return entries[:per_page], len(entries) > per_page
