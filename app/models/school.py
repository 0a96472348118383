"""Schools and the Italian school levels they offer.

A school is identified by its *codice meccanografico* (e.g. ``MIIC8AB00X``): two letters of the
province, two of the institution type, six letters or digits. The levels and their years follow
the Italian system: primaria 1–5, secondaria di primo grado 1–3, secondaria di secondo grado 1–5.
"""

from __future__ import annotations

import enum
import re
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import UTCDateTime, string_enum, utcnow

if TYPE_CHECKING:
    from app.models.classroom import Classroom

SCHOOL_CODE_PATTERN = re.compile(r"^[A-Z]{4}[A-Z0-9]{6}$")


class SchoolLevel(enum.Enum):
    PRIMARIA = "primaria"
    SECONDARIA_PRIMO = "secondaria_primo"
    SECONDARIA_SECONDO = "secondaria_secondo"

    @property
    def years(self) -> range:
        return range(1, 4) if self is SchoolLevel.SECONDARIA_PRIMO else range(1, 6)


def normalise_school_code(code: str) -> str:
    return (code or "").strip().upper()


def is_valid_school_code(code: str) -> bool:
    return bool(SCHOOL_CODE_PATTERN.match(normalise_school_code(code)))


class School(db.Model):
    __tablename__ = "school"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(10), unique=True)
    city: Mapped[str] = mapped_column(String(100))
    district: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    offered: Mapped[list["SchoolLevelOffered"]] = relationship(
        back_populates="school", cascade="all, delete-orphan", order_by="SchoolLevelOffered.level"
    )
    classrooms: Mapped[list["Classroom"]] = relationship(back_populates="school")

    @property
    def levels(self) -> list[SchoolLevel]:
        order = list(SchoolLevel)
        return sorted((row.level for row in self.offered), key=order.index)

    @levels.setter
    def levels(self, levels: list[SchoolLevel]) -> None:
        wanted = set(levels)
        self.offered = [row for row in self.offered if row.level in wanted]
        present = {row.level for row in self.offered}
        for level in SchoolLevel:
            if level in wanted and level not in present:
                self.offered.append(SchoolLevelOffered(level=level))

    def __repr__(self) -> str:
        return f"<School {self.code} {self.name!r}>"


class SchoolLevelOffered(db.Model):
    __tablename__ = "school_level"

    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), primary_key=True)
    level: Mapped[SchoolLevel] = mapped_column(string_enum(SchoolLevel, "school_level_kind"), primary_key=True)

    school: Mapped[School] = relationship(back_populates="offered")
