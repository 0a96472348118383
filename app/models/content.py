"""Versions of the curriculum files recorded in the database.

Content lives on disk; the database records every module, activity and lab by slug and content
hash. A changed file gets a new version row and becomes ``current``; earlier rows stay, so
whatever was recorded against a version (an attempt, an assignment) keeps pointing at exactly the
text and checks that were used. Content removed from disk keeps its rows with ``current`` off.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import UTCDateTime, utcnow


class ModuleVersion(db.Model):
    __tablename__ = "module_version"
    __table_args__ = (UniqueConstraint("slug", "content_hash", name="uq_module_version_slug_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), index=True)
    content_hash: Mapped[str] = mapped_column(String(80))
    track: Mapped[str] = mapped_column(String(20))
    title_it: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    current: Mapped[bool] = mapped_column(Boolean, default=True)
    synced_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    activities: Mapped[list["ActivityVersion"]] = relationship(
        back_populates="module_version", cascade="all, delete-orphan", order_by="ActivityVersion.position"
    )


class ActivityVersion(db.Model):
    __tablename__ = "activity_version"
    __table_args__ = (UniqueConstraint("module_version_id", "slug", name="uq_activity_version_module_slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    module_version_id: Mapped[int] = mapped_column(ForeignKey("module_version.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(80))
    lab_slug: Mapped[str | None] = mapped_column(String(80))

    module_version: Mapped[ModuleVersion] = relationship(back_populates="activities")


class LabVersion(db.Model):
    __tablename__ = "lab_version"
    __table_args__ = (UniqueConstraint("slug", "content_hash", name="uq_lab_version_slug_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), index=True)
    content_hash: Mapped[str] = mapped_column(String(80))
    title_it: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    current: Mapped[bool] = mapped_column(Boolean, default=True)
    synced_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
