"""Student accounts that need no e-mail: usernames, one-time passwords and login cards.

Usernames are pseudonymous and readable ("volpe.blu", an animal and an invariable colour, the
style the demo uses) unless the teacher asks for name-based ones ("giulia.rossi"). Passwords are
generated from an alphabet without look-alike characters, shown once on a printable card and
must be changed at the first sign-in. The card's QR code is an inline SVG made on the server
(segno, pure Python), holding the sign-in address with the username filled in. Functions flush,
never commit.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass

import segno
from markupsafe import Markup
from sqlalchemy import select

from app.auth.passwords import generate_password, hash_password
from app.extensions import db
from app.models import ClassRole, Classroom, Membership, Role, User
from app.models.user import new_session_token

# The demo uses the first sixteen animals and four colours: keep their order.
ANIMALS = ["volpe", "gufo", "lince", "riccio", "delfino", "falco", "tasso", "lupo", "orso", "airone",
           "castoro", "camoscio", "cervo", "scoiattolo", "lontra", "fenicottero", "panda", "koala", "pinguino",
           "gabbiano", "cigno", "passero", "merlo", "pettirosso", "picchio", "balena", "foca", "tartaruga",
           "ghepardo", "giaguaro", "zebra", "giraffa", "cammello", "canguro", "lepre", "coniglio", "criceto",
           "cavallo", "polpo", "granchio", "ape", "farfalla", "bisonte", "alce", "marmotta", "ermellino"]
# Colours that agree with every animal: invariable words, or adjectives in -e.
COLOURS = ["blu", "viola", "rosa", "ocra", "verde", "celeste", "arancione", "marrone", "turchese", "lilla",
           "indaco", "argento", "oro", "fucsia", "ambra", "corallo"]
USERNAME_STYLES = ("pseudonym", "name")
MAX_GENERATED = 40


class AccountError(Exception):
    """A request to create accounts that cannot be carried out; ``message_id`` says why."""

    def __init__(self, message_id: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id


@dataclass(frozen=True)
class NewStudent:
    display_name: str
    under_14: bool
    first_name: str = ""
    surname: str = ""


@dataclass(frozen=True)
class Credential:
    """What one login card shows. The password exists only in this object, never in storage."""

    user: User
    password: str


def card_password() -> str:
    """A one-time password such as 'k7mq-x3tb': no 0/o, 1/l/i; about 40 bits, and rate limited."""
    return generate_password(groups=2, size=4)


def _username_taken(username: str, reserved: set[str]) -> bool:
    if username in reserved:
        return True
    return db.session.scalar(select(User.id).where(User.username == username)) is not None


def _ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", plain)


def pseudonymous_username(reserved: set[str]) -> str:
    """A free 'animal.colour' name; digits are added only once the plain names run short."""
    for attempt in range(60):
        name = f"{secrets.choice(ANIMALS)}.{secrets.choice(COLOURS)}"
        if attempt >= 15:
            name += str(secrets.randbelow(90 if attempt < 40 else 900) + (10 if attempt < 40 else 100))
        if not _username_taken(name, reserved):
            return name
    raise AccountError("no_free_username")


def name_based_username(first_name: str, surname: str, display_name: str, reserved: set[str]) -> str:
    """'giulia.rossi' (then 'giulia.rossi2', …) from the name, in plain ASCII."""
    parts = [_ascii_slug(first_name), _ascii_slug(surname)] if first_name else \
        [_ascii_slug(word) for word in display_name.split()]
    base = ".".join(part for part in parts if part)[:56] or "studente"
    if len(base) < 3:
        base = f"{base}.studente"
    for suffix in [""] + [str(n) for n in range(2, 1000)]:
        if not _username_taken(base + suffix, reserved):
            return base + suffix
    raise AccountError("no_free_username")


def _new_student_account(room: Classroom, student: NewStudent, username: str) -> Credential:
    password = card_password()
    user = User(username=username, display_name=student.display_name.strip()[:120], role=Role.STUDENT,
                school_id=room.school_id, password_hash=hash_password(password), preferred_language="it",
                active=True, under_14=student.under_14, must_change_password=True)
    db.session.add(user)
    db.session.add(Membership(user=user, classroom=room, role=ClassRole.STUDENT))
    return Credential(user, password)


def create_students(room: Classroom, students: list[NewStudent], username_style: str = "pseudonym") -> list[Credential]:
    """Create one account per entry, all enrolled in ``room``, each with a one-time password.

    All or nothing: the caller commits once, or rolls back if anything raised. Raises AccountError.
    """
    if username_style not in USERNAME_STYLES:
        raise AccountError("bad_username_style")
    reserved: set[str] = set()
    credentials = []
    for student in students:
        if username_style == "name":
            username = name_based_username(student.first_name, student.surname, student.display_name, reserved)
        else:
            username = pseudonymous_username(reserved)
        reserved.add(username)
        credentials.append(_new_student_account(room, student, username))
    db.session.flush()
    return credentials


def generate_students(room: Classroom, count: int, under_14: bool) -> list[Credential]:
    """``count`` pseudonymous accounts whose display name is their pseudonym ('Volpe Blu')."""
    if not 1 <= count <= MAX_GENERATED:
        raise AccountError("bad_count")
    reserved: set[str] = set()
    credentials = []
    for _ in range(count):
        username = pseudonymous_username(reserved)
        reserved.add(username)
        name = " ".join(word.capitalize() for word in re.split(r"\.", re.sub(r"\d+$", "", username)))
        credentials.append(_new_student_account(room, NewStudent(name, under_14), username))
    db.session.flush()
    return credentials


def set_under_14(membership: Membership, under_14: bool) -> None:
    """Record whether a student is under 14 (the teacher knows; parental-consent rules follow)."""
    membership.user.under_14 = under_14
    db.session.flush()


def reset_student_password(membership: Membership) -> Credential:
    """A new one-time password for a student: their sessions end, the old password stops working."""
    password = card_password()
    user = membership.user
    user.password_hash = hash_password(password)
    user.session_token = new_session_token()
    user.must_change_password = True
    db.session.flush()
    return Credential(user, password)


def renew_unused_cards(room: Classroom) -> list[Credential]:
    """New one-time passwords for the class's students who never used their card (a lost or
    jammed print-out): their old cards stop working. Students who chose a password are untouched."""
    return [reset_student_password(m) for m in sorted(room.memberships, key=lambda m: m.user.display_name.lower())
            if m.role is ClassRole.STUDENT and m.user.must_change_password]


def qr_svg(address: str, title: str) -> Markup:
    """An inline SVG QR code for ``address`` (made here; nothing is fetched by the browser)."""
    code = segno.make(address, error="m")
    svg = code.svg_inline(scale=3, border=2, title=title, omitsize=True, svgclass="qr", lineclass=None)
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
