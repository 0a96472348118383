"""Route × role entries of real boards in the lab workspace (``app.boards.views``): recording a
lab checked on a connected board is classwork, so students only (administrators pass every rule).
An empty request answers 400 to the roles allowed.

The entries switch on by themselves once ``create_app`` registers the ``boards`` blueprint (the
matrix refuses entries for routes that do not exist)."""

from pathlib import Path

_REGISTERED = "app.boards.views" in (Path(__file__).resolve().parents[2] / "app" / "__init__.py").read_text(
    encoding="utf-8")

EXPECTED = {
    ("/learn/labs/<lab_slug>/board-attempt", "POST"): {"anonymous": 302, "student": 400, "teacher": 403,
                                                       "staff": 403, "admin": 400},
} if _REGISTERED else {}
