"""The web app's view of the content catalog: one loaded ``Catalog`` per process, reloaded
when a content file changes, plus the small lookups the catalog pages need.

Loading is strict: if the files on disk have errors, ``CatalogUnavailable`` carries them and
the pages say so instead of showing half a curriculum.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from app.content import SCHOOL_LEVELS, Catalog, ContentErrors, Module, Text, default_dirs, load_catalog
from app.models import Role, User

RECHECK_SECONDS = 5.0
BOARD_NAMES = {"pico": "Raspberry Pi Pico", "pico_w": "Raspberry Pi Pico W", "esp32": "ESP32 DevKit",
               "microbit": "BBC micro:bit V2"}


class CatalogUnavailable(Exception):
    """The content on disk has errors; ``errors`` lists them as 'path:line: problem'."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(f"{len(errors)} content errors")
        self.errors = errors


@dataclass
class _Cache:
    catalog: Catalog | None = None
    errors: list[str] | None = None
    fingerprint: tuple[int, int] = (0, 0)
    checked_at: float = 0.0


_cache = _Cache()
_lock = threading.Lock()


def _fingerprint(folders: tuple[Path, ...]) -> tuple[int, int]:
    """(number of files, newest mtime in ns) over the content folders: cheap change detection."""
    count, newest = 0, 0
    for folder in folders:
        for root, _dirs, files in os.walk(folder):
            for name in files:
                count += 1
                newest = max(newest, os.stat(os.path.join(root, name)).st_mtime_ns)
    return count, newest


def get_catalog() -> Catalog:
    """The current catalog; raises ``CatalogUnavailable`` if the files have errors."""
    now = time.monotonic()
    with _lock:
        if now - _cache.checked_at >= RECHECK_SECONDS or (_cache.catalog is None and _cache.errors is None):
            folders = default_dirs()
            fingerprint = _fingerprint(folders)
            if fingerprint != _cache.fingerprint or (_cache.catalog is None and _cache.errors is None):
                try:
                    _cache.catalog, _cache.errors = load_catalog(*folders), None
                except ContentErrors as exc:
                    _cache.catalog, _cache.errors = None, [str(error) for error in exc.errors]
                _cache.fingerprint = fingerprint
            _cache.checked_at = now
        if _cache.errors is not None:
            raise CatalogUnavailable(_cache.errors)
        assert _cache.catalog is not None
        return _cache.catalog


def level_name(code: str, lang: str) -> str:
    level = SCHOOL_LEVELS.get(code)
    return level.name.get(lang) if level else code


def text(value: Text | None, lang: str) -> str:
    return value.get(lang) if value is not None else ""


def skill_options(catalog: Catalog, lang: str) -> list[tuple[str, str]]:
    """(code, name) for every technical skill, by name, for the filter form."""
    return sorted(((code, skill.name.get(lang)) for code, skill in catalog.skills.technical.items()),
                  key=lambda pair: pair[1].casefold())


# A class's school level (the database's names) -> the catalog's level code.
CLASS_LEVEL_CODES = {"primaria": "primaria", "secondaria_primo": "secondaria-1", "secondaria_secondo": "secondaria-2"}


def student_levels(user: User) -> tuple[str, ...]:
    """The catalog level codes a student's classes (not archived) belong to, in school order.

    Empty for teachers, staff and administrators, who see every module, and for a student in no
    class yet: with no class there is no level to follow, so they see every module too."""
    if getattr(user, "role", None) is not Role.STUDENT:
        return ()
    mine = {CLASS_LEVEL_CODES[room.level.value] for room in user.current_classes}
    return tuple(code for code in SCHOOL_LEVELS if code in mine)


def within_levels(modules: list[Module], levels: tuple[str, ...]) -> list[Module]:
    """The ``modules`` that suit at least one of ``levels``; all of them when ``levels`` is empty."""
    if not levels:
        return list(modules)
    return [module for module in modules if any(module.suits(level) for level in levels)]
