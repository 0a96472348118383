"""Sign-in, rate limits and password changes as plain functions.

``authenticate`` answers every failure with the same ``InvalidCredentials`` (no user enumeration)
and refuses before checking the password when an account or an address has failed too often in
the configured window. Attempts are rows in ``login_attempt`` so limits hold across workers.
Services flush; the caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from app.auth.passwords import hash_password, needs_rehash, password_problem, verify_password
from app.extensions import db
from app.models import LoginAttempt, User
from app.models.base import utcnow
from app.models.user import new_session_token, normalise_username


class AuthError(Exception):
    """Base of sign-in and password errors."""


class InvalidCredentials(AuthError):
    """Wrong username or password, or an inactive account: the user is told nothing more."""


class TooManyAttempts(AuthError):
    def __init__(self, minutes: int) -> None:
        super().__init__(f"too many attempts; retry in {minutes} minutes")
        self.minutes = minutes


class PasswordRejected(AuthError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class RateLimits:
    max_failures_account: int
    max_failures_address: int
    window_minutes: int


def _recent_failures(column, value: str, since) -> int:
    query = select(func.count(LoginAttempt.id)).where(
        column == value, LoginAttempt.succeeded.is_(False), LoginAttempt.attempted_at >= since
    )
    return db.session.scalar(query) or 0


def authenticate(username: str, password: str, address: str, limits: RateLimits) -> User:
    """Return the active user with these credentials.

    Raises ``TooManyAttempts`` when the account or address is over its limit, otherwise
    ``InvalidCredentials`` for any failure. Every attempt is recorded.
    """
    key = normalise_username(username)[:64]
    address = (address or "unknown")[:64]
    since = utcnow() - timedelta(minutes=limits.window_minutes)
    if (
        _recent_failures(LoginAttempt.username, key, since) >= limits.max_failures_account
        or _recent_failures(LoginAttempt.address, address, since) >= limits.max_failures_address
    ):
        raise TooManyAttempts(limits.window_minutes)
    user = db.session.scalar(select(User).where(User.username == key))
    valid = verify_password(user.password_hash if user else None, password)
    ok = bool(user and valid and user.active)
    db.session.add(LoginAttempt(username=key, address=address, succeeded=ok))
    if not ok or user is None:
        db.session.flush()
        raise InvalidCredentials()
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    db.session.flush()
    return user


def set_password(user: User, new_password: str) -> None:
    """Store a new password and end the user's other sessions. Raises ``PasswordRejected``."""
    problem = password_problem(new_password, user.username)
    if problem:
        raise PasswordRejected(problem)
    user.password_hash = hash_password(new_password)
    user.session_token = new_session_token()
    user.must_change_password = False
    db.session.flush()


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Change one's own password after proving the current one (a one-time password must not be kept)."""
    if not verify_password(user.password_hash, current_password):
        raise PasswordRejected("wrong_current")
    if user.must_change_password and current_password == new_password:
        raise PasswordRejected("same_as_current")
    set_password(user, new_password)


def prune_attempts(older_than_days: int = 30) -> int:
    """Delete old attempt rows (they are personal data: keep them no longer than needed)."""
    cutoff = utcnow() - timedelta(days=older_than_days)
    result = db.session.execute(LoginAttempt.__table__.delete().where(LoginAttempt.attempted_at < cutoff))
    return result.rowcount or 0
