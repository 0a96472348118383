"""A strict reader for one YAML mapping: typed getters that record problems, never raise.

Each content kind (skills, track, module, activity, lab) reads its mapping through a
:class:`Fields`. Every getter checks presence and type and records a ``path:line``
problem at the offending key; :meth:`Fields.done` reports keys nobody asked for, with a
"did you mean" hint. Getters return ``None`` for a missing or wrong value so the caller
can keep going and find the next problem.
"""

from __future__ import annotations

import difflib
import math
import re
from pathlib import Path
from typing import Any

from app.content.errors import Problems
from app.content.model import LANG_NAMES, LANGS, Text
from app.content.yamlsrc import YList, YMap

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KIND_NAMES = {bool: "true/false", int: "a whole number", float: "a number", str: "text",
              YMap: "a mapping", YList: "a list", type(None): "nothing"}


def kind_of(value: Any) -> str:
    return KIND_NAMES.get(type(value), type(value).__name__)


def line_in(container: Any, key: str | int, default: int) -> int:
    if isinstance(container, YMap) and isinstance(key, str):
        return container.line_of(key)
    if isinstance(container, YList) and isinstance(key, int):
        return container.line_of(key)
    return getattr(container, "line", default)


def read_text(value: Any, path: Path, line: int, what: str, problems: Problems) -> Text | None:
    """Read ``{it: ..., en: ...}``; report a missing or empty translation by language."""
    if not isinstance(value, YMap):
        problems.add(path, line, f"{what} must have a text per language, like "
                                 f"'{{it: ..., en: ...}}' (got {kind_of(value)})")
        return None
    ok = True
    for key in value:
        if key not in LANGS:
            hint = (" - a comma inside {it: ..., en: ...} splits the text: put the text "
                    "in quotes" if " " in key else "")
            problems.add(path, value.line_of(key),
                         f"unknown language '{key}' in {what} (use {' and '.join(LANGS)}){hint}")
            ok = False
    texts: dict[str, str] = {}
    for lang in LANGS:
        text = value.get(lang)
        if lang not in value:
            problems.add(path, value.line, f"{what} is missing the {LANG_NAMES[lang]} translation")
            ok = False
        elif not isinstance(text, str) or not text.strip():
            problems.add(path, value.line_of(lang),
                         f"{what}: the {LANG_NAMES[lang]} text must be non-empty text "
                         f"(got {kind_of(text)})")
            ok = False
        else:
            texts[lang] = text.strip()
    return Text(**texts) if ok else None


class Fields:
    """Typed, recorded access to one mapping; call :meth:`done` to report unknown keys."""

    def __init__(self, data: Any, path: Path, problems: Problems, what: str,
                 line: int = 1) -> None:
        self.path = path
        self.problems = problems
        self.what = what
        if isinstance(data, YMap):
            self.data: YMap = data
        else:
            problems.add(path, getattr(data, "line", line),
                         f"{what} must be a mapping of 'key: value' lines (got {kind_of(data)})")
            self.data = YMap()
            self.data.line, self.data.key_lines = line, {}
        self.line = self.data.line
        self.asked: set[str] = set()
        self.valid = isinstance(data, YMap)

    # -- plumbing
    def add(self, key: str | None, message: str) -> None:
        line = self.data.line_of(key) if key else self.data.line
        self.problems.add(self.path, line, message)

    def _get(self, key: str, required: bool) -> tuple[bool, Any]:
        self.asked.add(key)
        if key not in self.data:
            if required and self.valid:
                self.add(None, f"{self.what} is missing '{key}'")
            return False, None
        return True, self.data[key]

    def has(self, key: str) -> bool:
        return key in self.data

    def line_of(self, key: str) -> int:
        return self.data.line_of(key)

    # -- getters
    def raw(self, key: str, required: bool = False) -> Any:
        return self._get(key, required)[1]

    def text(self, key: str, required: bool = True) -> Text | None:
        present, value = self._get(key, required)
        if not present:
            return None
        return read_text(value, self.path, self.line_of(key), f"'{key}' of {self.what}",
                         self.problems)

    def string(self, key: str, required: bool = True) -> str | None:
        present, value = self._get(key, required)
        if not present:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.add(key, f"'{key}' of {self.what} must be non-empty text (got {kind_of(value)})")
            return None
        return value.strip()

    def slug(self, key: str = "slug", required: bool = True) -> str | None:
        value = self.string(key, required)
        if value is not None and not SLUG_RE.match(value):
            self.add(key, f"'{key}' '{value}' must be lowercase letters, digits and single "
                          f"hyphens, like 'led-e-pulsanti'")
            return None
        return value

    def integer(self, key: str, lo: int, hi: int, required: bool = True) -> int | None:
        present, value = self._get(key, required)
        if not present:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
            self.add(key, f"'{key}' of {self.what} must be a whole number from {lo} to {hi} "
                          f"(got {value!r})")
            return None
        return value

    def number(self, key: str, required: bool = True, minimum: float | None = None
               ) -> float | None:
        present, value = self._get(key, required)
        if not present:
            return None
        if (not isinstance(value, (int, float)) or isinstance(value, bool)
                or not math.isfinite(value) or (minimum is not None and value < minimum)):
            at_least = f" of at least {minimum:g}" if minimum is not None else ""
            self.add(key, f"'{key}' of {self.what} must be a number{at_least} (got {value!r})")
            return None
        return float(value)

    def boolean(self, key: str, default: bool = False) -> bool:
        present, value = self._get(key, False)
        if not present:
            return default
        if not isinstance(value, bool):
            self.add(key, f"'{key}' of {self.what} must be true or false (got {value!r})")
            return default
        return value

    def items(self, key: str, required: bool = True, min_items: int = 0
              ) -> list[tuple[Any, int]]:
        """A list's items with their lines; [] when missing or wrong."""
        present, value = self._get(key, required)
        if not present:
            return []
        if not isinstance(value, YList):
            self.add(key, f"'{key}' of {self.what} must be a list (got {kind_of(value)})")
            return []
        if len(value) < min_items:
            self.add(key, f"'{key}' of {self.what} needs at least {min_items} "
                          f"item{'s' if min_items > 1 else ''}")
        return [(item, value.line_of(i)) for i, item in enumerate(value)]

    def texts(self, key: str, required: bool = True, min_items: int = 0) -> tuple[Text, ...]:
        out = []
        for i, (item, line) in enumerate(self.items(key, required, min_items)):
            text = read_text(item, self.path, line, f"item {i + 1} of '{key}'", self.problems)
            if text is not None:
                out.append(text)
        return tuple(out)

    def strings(self, key: str, required: bool = True, min_items: int = 0
                ) -> list[tuple[str, int]]:
        out = []
        for item, line in self.items(key, required, min_items):
            if isinstance(item, str) and item.strip():
                out.append((item.strip(), line))
            else:
                self.problems.add(self.path, line,
                                  f"items of '{key}' must be text (got {kind_of(item)})")
        return out

    def mapping(self, key: str, required: bool = True) -> YMap | None:
        present, value = self._get(key, required)
        if not present:
            return None
        if not isinstance(value, YMap):
            self.add(key, f"'{key}' of {self.what} must be a mapping (got {kind_of(value)})")
            return None
        return value

    def done(self, allowed_extra: set[str] | frozenset[str] = frozenset()) -> None:
        """Report every key that no getter asked for."""
        known = self.asked | set(allowed_extra)
        for key in self.data:
            if key not in known:
                close = difflib.get_close_matches(key, sorted(known), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.add(key, f"unknown key '{key}' in {self.what}{hint}")
