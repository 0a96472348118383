"""``content sync``: record every module, activity and lab of the loaded catalog in the database.

Idempotent: a (slug, content hash) already recorded is left alone; a changed file gets a new
version row that becomes current while earlier rows stay for whatever was recorded against them;
content no longer on disk stays recorded but stops being current. Flushes, never commits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, update

from app.content import Catalog, LabActivity
from app.extensions import db
from app.models import ActivityVersion, LabVersion, ModuleVersion


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)  # "module:slug", "lab:slug"
    unchanged: int = 0
    retired: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.created)} new versions, {self.unchanged} unchanged, "
                f"{len(self.retired)} no longer on disk")


def _make_current(model, slug: str, keep_id: int) -> None:
    db.session.execute(update(model).where(model.slug == slug, model.id != keep_id).values(current=False))
    db.session.execute(update(model).where(model.id == keep_id).values(current=True))


def _retire_missing(model, present: set[str], kind: str, report: SyncReport) -> None:
    stale = db.session.scalars(select(model.slug).where(model.current.is_(True), model.slug.not_in(present))).all()
    if stale:
        db.session.execute(update(model).where(model.slug.in_(stale)).values(current=False))
        report.retired.extend(f"{kind}:{slug}" for slug in sorted(set(stale)))


def sync_content(catalog: Catalog) -> SyncReport:
    """Record ``catalog`` in the database and return what changed."""
    report = SyncReport()
    for module in catalog.modules.values():
        row = db.session.scalar(select(ModuleVersion).where(
            ModuleVersion.slug == module.slug, ModuleVersion.content_hash == module.content_hash))
        if row is None:
            row = ModuleVersion(slug=module.slug, content_hash=module.content_hash, track=module.track,
                                title_it=module.title.it[:200], title_en=module.title.en[:200])
            row.activities = [
                ActivityVersion(slug=activity.slug, kind=activity.kind, position=position,
                                content_hash=activity.content_hash,
                                lab_slug=activity.lab if isinstance(activity, LabActivity) else None)
                for position, activity in enumerate(module.activities, start=1)
            ]
            db.session.add(row)
            db.session.flush()
            report.created.append(f"module:{module.slug}")
        else:
            report.unchanged += 1
        _make_current(ModuleVersion, module.slug, row.id)
    for lab in catalog.labs.values():
        lab_row = db.session.scalar(select(LabVersion).where(
            LabVersion.slug == lab.slug, LabVersion.content_hash == lab.content_hash))
        if lab_row is None:
            lab_row = LabVersion(slug=lab.slug, content_hash=lab.content_hash,
                                 title_it=lab.title.it[:200], title_en=lab.title.en[:200])
            db.session.add(lab_row)
            db.session.flush()
            report.created.append(f"lab:{lab.slug}")
        else:
            report.unchanged += 1
        _make_current(LabVersion, lab.slug, lab_row.id)
    _retire_missing(ModuleVersion, set(catalog.modules), "module", report)
    _retire_missing(LabVersion, set(catalog.labs), "lab", report)
    db.session.flush()
    return report
