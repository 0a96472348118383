"""Fixtures for content tests: ``tree``, a valid content tree in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.content.factories import REPO, T, Tree


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Tree:
    """A valid tree: real skills.yaml, three tracks, no modules and no labs yet."""
    monkeypatch.chdir(tmp_path)  # error paths are shown relative to the working dir
    content = tmp_path / "curricula"
    content.mkdir()
    shutil.copy(REPO / "curricula" / "skills.yaml", content / "skills.yaml")
    for slug in ("digitale", "making", "robotica"):
        (content / slug).mkdir()
        (content / slug / "track.yaml").write_text(yaml.safe_dump(
            {"slug": slug, "title": T(slug, slug), "summary": T("Percorso", "Track")}),
            encoding="utf-8")
    labs = tmp_path / "labs"
    labs.mkdir()
    return Tree(Path("curricula"), Path("labs"))
