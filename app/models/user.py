"""People who sign in: students, teachers, programme staff and administrators.

Usernames are stored lower-cased so that uniqueness and sign-in are case-insensitive. Students
never need an e-mail address; ``under_14`` records that parental consent rules apply (Italian
Codice privacy art. 2-quinquies). ``session_token`` is part of the login cookie's identity, so
changing it (new password, deactivation) ends every open session of that user.
``must_change_password`` marks a one-time password printed on a login card.
"""

from __future__ import annotations

import enum
import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import UTCDateTime, string_enum, utcnow

if TYPE_CHECKING:
    from app.models.classroom import Classroom, Membership
    from app.models.school import School


class Role(enum.Enum):
    STUDENT = "student"
    TEACHER = "teacher"
    STAFF = "staff"
    ADMIN = "admin"


def normalise_username(username: str) -> str:
    return (username or "").strip().lower()


def new_session_token() -> str:
    return secrets.token_hex(16)


class User(UserMixin, db.Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(string_enum(Role, "user_role"))
    school_id: Mapped[int | None] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"), index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(254))
    preferred_language: Mapped[str] = mapped_column(String(2), default="it")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    under_14: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set when a teacher or administrator chose the password (a login card): the next sign-in
    # must replace it before anything else opens.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    session_token: Mapped[str] = mapped_column(String(32), default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    school: Mapped["School | None"] = relationship()
    memberships: Mapped[list["Membership"]] = relationship(back_populates="user", cascade="all, delete-orphan")

    # Flask-Login reads these.
    @property
    def is_active(self) -> bool:  # type: ignore[override]
        return self.active

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def has_role(self, *roles: Role) -> bool:
        return self.role in roles

    @property
    def current_classes(self) -> list["Classroom"]:
        """The classes (not archived) this user is a student of."""
        from app.models.classroom import ClassRole

        return [m.classroom for m in self.memberships if m.role is ClassRole.STUDENT and not m.classroom.archived]

    def __repr__(self) -> str:
        return f"<User {self.username} {self.role.value}>"
