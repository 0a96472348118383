"""Content errors: one problem in one file, reported as ``path:line: what is wrong``.

The loader never stops at the first problem. It records every problem in a
:class:`Problems` collector and, at the end, raises :class:`ContentErrors` holding
all of them, so a teacher fixing a module sees every mistake in one run and never a
Python traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def display_path(path: str | os.PathLike[str]) -> str:
    """Return ``path`` relative to the working directory when it is inside it."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return p.as_posix()


class ContentError(Exception):
    """A content file is wrong; str() is 'path:line: what is wrong'."""

    def __init__(self, path: str | os.PathLike[str], line: int, message: str) -> None:
        self.path = display_path(path)
        self.line = max(int(line), 1)
        self.message = message
        super().__init__(f"{self.path}:{self.line}: {message}")

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentErrors(Exception):
    """Every problem found in one load; str() is one ``path:line: message`` per line."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors: tuple[ContentError, ...] = tuple(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass
class Problems:
    """Collects problems while content is read; ``raise_if_any`` ends the load."""

    errors: list[ContentError] = field(default_factory=list)

    def add(self, path: str | os.PathLike[str], line: int, message: str) -> None:
        self.errors.append(ContentError(path, line, message))

    def extend(self, errors: list[ContentError] | tuple[ContentError, ...]) -> None:
        self.errors.extend(errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def __len__(self) -> int:
        return len(self.errors)

    def sorted(self) -> list[ContentError]:
        """Errors ordered by file then line, so the report reads top to bottom."""
        return sorted(self.errors, key=lambda e: (e.path, e.line, e.message))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.sorted())
