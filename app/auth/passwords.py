"""Password hashing with Argon2id and the rules a new password must meet.

Generated passwords (admin resets, demo) use words a child can type on a school keyboard:
no look-alike characters, always shown once and never stored in clear.
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 8
MAX_LENGTH = 128
_hasher = PasswordHasher()  # Argon2id with the library's current recommended parameters
_DUMMY_HASH = _hasher.hash("officina-timing-equaliser")
GENERATED_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True if ``password`` matches; for a missing user pass ``None`` so timing stays the same."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def password_problem(password: str, username: str) -> str | None:
    """Return a message id describing why ``password`` is unacceptable, or None."""
    if len(password) < MIN_LENGTH:
        return "too_short"
    if len(password) > MAX_LENGTH:
        return "too_long"
    if password.strip().lower() == username.strip().lower():
        return "same_as_username"
    return None


def generate_password(groups: int = 3, size: int = 4) -> str:
    """A random password such as 'k7mq-x3tb-9wrp' (about 62 bits)."""
    return "-".join("".join(secrets.choice(GENERATED_ALPHABET) for _ in range(size)) for _ in range(groups))
