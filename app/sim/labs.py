"""Graded labs on disk: finding, loading and validating ``labs/<slug>/``.

Owns the simulator's part of ``lab.yaml`` (``scenario``, the ``hidden_scenarios`` a program is
also graded on without the student seeing them, ``checks``; the metadata keys are validated by the
content loader, only the ones grading needs are read here) plus the folder's ``solution.py``,
``starter.py``, ``alternatives/*.py`` (other correct styles), ``wrong/*.py`` and optional
``checks.py`` of Python check functions. Loading is cached per folder and modification time.
"""

from __future__ import annotations

import hashlib
import os
import types
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml

from app.sim.boards import BOARDS, get_board
from app.sim.checks import Check, CheckSpecError, parse_check
from app.sim.scenario import Scenario, ScenarioError, parse_scenario


class LabError(ValueError):
    """A lab folder is wrong; str() is 'path: what is wrong'."""


@dataclass(frozen=True)
class Lab:
    """A loaded lab."""

    slug: str
    path: Path
    title: dict[str, str]
    boards: tuple[str, ...]
    scenario_data: dict[str, Any]
    checks: tuple[Check, ...]
    python_checks: dict[str, Callable[..., Any]]
    source_hash: str
    robot: Any = None  # app.sim.robot.labgrading.RobotLab for robot labs
    hidden_data: tuple[dict[str, Any], ...] = ()  # hidden scenarios (``hidden_scenarios:``)

    def scenario(self, board: str | None = None) -> Scenario:
        """The lab's public scenario validated for a board (default: the lab's first board)."""
        return parse_scenario(self.scenario_data, get_board(board or self.boards[0]))

    def scenarios(self, board: str | None = None) -> list[tuple[str, Scenario, bool]]:
        """``(label, scenario, hidden)`` for the public scenario and every hidden one."""
        b = get_board(board or self.boards[0])
        out = [("public", parse_scenario(self.scenario_data, b), False)]
        for i, data in enumerate(self.hidden_data):
            out.append((f"hidden-{i + 1}", parse_scenario(_scenario_keys(data), b), True))
        return out

    def read(self, name: str) -> str:
        return (self.path / name).read_text(encoding="utf-8")

    def wrong_variants(self) -> list[Path]:
        return sorted((self.path / "wrong").glob("*.py"))

    def alternatives(self) -> list[Path]:
        """Correct programs in other legitimate styles (each must pass every check)."""
        return sorted((self.path / "alternatives").glob("*.py"))


def _scenario_keys(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "name"}


def labs_dir() -> Path:
    """``OFFICINA_LABS_DIR`` or ``labs/`` of the current directory or of the repository."""
    env = os.environ.get("OFFICINA_LABS_DIR")
    if env:
        return Path(env)
    here = Path.cwd() / "labs"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parent.parent.parent / "labs"


def find_lab(ref: str | Path) -> Path:
    """Resolve a slug or a folder path to a lab folder."""
    p = Path(ref)
    if (p / "lab.yaml").is_file():
        return p.resolve()
    candidate = labs_dir() / str(ref)
    if (candidate / "lab.yaml").is_file():
        return candidate.resolve()
    raise LabError(f"{ref}: no such lab (looked in {labs_dir()})")


def all_labs() -> list[Path]:
    """Every lab folder under :func:`labs_dir`, sorted by slug."""
    root = labs_dir()
    return sorted(p for p in root.iterdir() if (p / "lab.yaml").is_file()) if root.is_dir() else []


def load_lab(ref: str | Path) -> Lab:
    """Load and validate a lab (cached until its files change)."""
    path = find_lab(ref)
    files = [f for f in path.iterdir() if f.is_file()] + sorted((path / "worlds").glob("*.yaml"))
    files += sorted((path / "alternatives").glob("*.py")) + sorted((path / "wrong").glob("*.py"))
    stamp = tuple(sorted((str(f.relative_to(path)), f.stat().st_mtime_ns) for f in files))
    return _load(path, stamp)


@lru_cache(maxsize=64)
def _load(path: Path, stamp: tuple[Any, ...]) -> Lab:
    meta_file = path / "lab.yaml"
    try:
        raw = meta_file.read_bytes()
        meta = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise LabError(f"{meta_file}: {exc}") from None
    if not isinstance(meta, dict):
        raise LabError(f"{meta_file}: expected a mapping")
    slug = meta.get("slug")
    if slug != path.name:
        raise LabError(f"{meta_file}: slug {slug!r} must equal the folder name {path.name!r}")
    boards = meta.get("boards")
    if not isinstance(boards, list) or not boards or any(b not in BOARDS for b in boards):
        raise LabError(f"{meta_file}: boards must be a non-empty list of {', '.join(BOARDS)}")
    scenario = meta.get("scenario") or {}
    hidden = meta.get("hidden_scenarios") or []
    if not isinstance(hidden, list) or not all(isinstance(h, dict) for h in hidden):
        raise LabError(f"{meta_file}: hidden_scenarios: expected a list of scenario mappings")
    try:
        for b in boards:
            parse_scenario(scenario, get_board(b))
    except ScenarioError as exc:
        raise LabError(f"{meta_file}: {exc}") from None
    for i, data in enumerate(hidden):
        try:
            for b in boards:
                parse_scenario(_scenario_keys(data), get_board(b))
        except ScenarioError as exc:
            raise LabError(f"{meta_file}: hidden_scenarios[{i}]: {exc}") from None
    raw_checks = meta.get("checks")
    if not isinstance(raw_checks, list) or not raw_checks:
        raise LabError(f"{meta_file}: checks must be a non-empty list")
    try:
        checks = tuple(parse_check(c, f"checks[{i}]") for i, c in enumerate(raw_checks))
    except CheckSpecError as exc:
        raise LabError(f"{meta_file}: {exc}") from None
    ids = [c.id for c in checks]
    if len(set(ids)) != len(ids):
        raise LabError(f"{meta_file}: check ids must be unique")
    py = _python_checks(path)
    robot = None
    if meta.get("robot") is not None:
        from app.sim.robot.labgrading import parse_lab_robot

        try:
            robot = parse_lab_robot(meta["robot"], path, meta_file)
        except ValueError as exc:
            raise LabError(str(exc)) from None
    digest = hashlib.sha256(raw)
    for f in sorted(path.glob("*.py")) + sorted((path / "worlds").glob("*.yaml")):
        digest.update(f.read_bytes())
    title = meta.get("title") if isinstance(meta.get("title"), dict) else {"it": slug, "en": slug}
    return Lab(slug, path, title, tuple(boards), scenario, checks, py, digest.hexdigest()[:16],
               robot, tuple(hidden))


def _python_checks(path: Path) -> dict[str, Callable[..., Any]]:
    file = path / "checks.py"
    if not file.is_file():
        return {}
    module = types.ModuleType(f"officina_lab_checks_{path.name.replace('-', '_')}")
    module.__file__ = str(file)
    exec(compile(file.read_text(encoding="utf-8"), str(file), "exec"), module.__dict__)
    return {k: v for k, v in vars(module).items() if callable(v) and not k.startswith("_")}
