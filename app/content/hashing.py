"""Content hashes: the version identity of a module, activity, lab or skills file.

A hash is SHA-256 over named parts (a relative file name or a label, then the bytes), so
renaming an image or editing one byte changes it, while the absolute location of the
checkout does not. ``content sync`` stores these hashes; an attempt keeps pointing at
the hash it was made against.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HASH_PREFIX = "sha256:"
SHORT = 16  # hex digits kept: plenty to tell versions of one item apart


def hash_parts(parts: Iterable[tuple[str, bytes]]) -> str:
    """Hash ``(name, bytes)`` pairs in the order given; returns ``'sha256:<16 hex>'``."""
    digest = hashlib.sha256()
    for name, data in parts:
        label = name.encode("utf-8")
        digest.update(len(label).to_bytes(8, "big") + label)
        digest.update(len(data).to_bytes(8, "big") + data)
    return HASH_PREFIX + digest.hexdigest()[:SHORT]


def hash_files(root: Path, files: Iterable[Path]) -> str:
    """Hash files by their path relative to ``root`` (sorted) and their bytes.

    A missing file is hashed as a marker rather than raising, so a hash can always be
    computed; the loader reports the missing file separately.
    """
    parts = []
    for path in sorted(set(files)):
        try:
            name = path.relative_to(root).as_posix()
        except ValueError:
            name = path.name
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\x00missing"
        parts.append((name, data))
    return hash_parts(parts)


def hash_value(value: Any, extra: Iterable[tuple[str, bytes]] = ()) -> str:
    """Hash a JSON-able value (canonical form) plus extra named parts."""
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hash_parts([("value", canonical.encode("utf-8")), *extra])
