"""Loading the whole content tree into a :class:`Catalog`, with cross-file checks.

``load_catalog`` reads ``curricula/`` (skills, shared rubrics, tracks, modules) and
``labs/`` (lab metadata), then checks what no single file can: duplicate module slugs,
unknown or cyclic prerequisites, labs that are missing (or declared "coming" but already
written), and firmware examples that copy a lab's answer (``firmware_examples/`` beside
``labs/``, or ``$OFFICINA_FIRMWARE_DIR``). It raises :class:`ContentErrors` with every problem; ``check_content`` returns
them instead. Modules are ordered by track, then so that prerequisites come first.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from app.content.activities import load_rubric_file
from app.content.errors import ContentError, ContentErrors, Problems
from app.content.firmware import check_firmware_examples
from app.content.hashing import hash_files
from app.content.kits import KITS_FILE, check_lab_kits, load_kits
from app.content.labs import load_labs
from app.content.model import (SCHOOL_LEVELS, Lab, LabActivity, Module, Rubric,
                               SkillsFramework, Track)
from app.content.modules import ModuleRefs, load_module
from app.content.render import safe_image_name
from app.content.schema import Fields
from app.content.skills import load_skills
from app.content.yamlsrc import parse_yaml, read_text

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTENT_ENV, LABS_ENV = "OFFICINA_CONTENT_DIR", "OFFICINA_LABS_DIR"
FIRMWARE_ENV = "OFFICINA_FIRMWARE_DIR"
RUBRICS_DIR = "rubrics"


def default_dirs() -> tuple[Path, Path]:
    """Content roots: ``$OFFICINA_CONTENT_DIR`` / ``$OFFICINA_LABS_DIR`` or the repo's."""
    content = os.environ.get(CONTENT_ENV) or REPO_ROOT / "curricula"
    labs = os.environ.get(LABS_ENV) or REPO_ROOT / "labs"
    return Path(content), Path(labs)


@dataclass(frozen=True)
class Catalog:
    """Everything loaded; read-only, safe to cache for the life of the process."""

    skills: SkillsFramework
    tracks: Mapping[str, Track]
    modules: Mapping[str, Module]  # in teaching order
    labs: Mapping[str, Lab]
    rubrics: Mapping[str, Rubric]
    content_dir: Path
    labs_dir: Path

    def modules_in(self, track: str) -> tuple[Module, ...]:
        return tuple(m for m in self.modules.values() if m.track == track)

    @property
    def coming_labs(self) -> tuple[str, ...]:
        """Slugs of labs referenced as "coming" (not written yet)."""
        return tuple(sorted({a.lab for m in self.modules.values() for a in m.activities
                             if isinstance(a, LabActivity) and a.coming}))

    def boards_of(self, module: Module) -> tuple[str, ...]:
        """Boards the module's (ready) labs run on, in first-seen order."""
        boards: list[str] = []
        for slug in module.lab_slugs:
            for board in self.labs[slug].boards if slug in self.labs else ():
                if board not in boards:
                    boards.append(board)
        return tuple(boards)

    def modules_using_lab(self, lab: str) -> tuple[Module, ...]:
        return tuple(m for m in self.modules.values() if lab in m.lab_slugs)

    def counts(self) -> dict[str, int]:
        mods = self.modules.values()
        return {
            "modules": len(self.modules),
            "activities": sum(len(m.activities) for m in mods),
            "quiz_questions": sum(m.question_count for m in mods),
            "skills": self.skills.count,
            "labs": len(self.labs),
            "coming_labs": len(self.coming_labs),
        }

    def image_path(self, owner_kind: str, slug: str, filename: str) -> Path | None:
        """The file behind an ``image_url(owner_kind, slug, filename)``, or None.

        Only images that the owner's Markdown references are served, so nothing else in
        the content folders (solutions, notes) can be fetched this way.
        """
        if safe_image_name(filename) is None:
            return None
        if owner_kind == "module" and slug in self.modules:
            owner = self.modules[slug]
            folder, allowed = owner.folder, owner.images
        elif owner_kind == "lab" and slug in self.labs:
            folder, allowed = self.labs[slug].folder, self.labs[slug].images
        else:
            return None
        if folder is None or filename not in allowed:
            return None
        path = folder / filename
        return path if path.is_file() else None


def _load_track(folder: Path, problems: Problems) -> Track | None:
    path = folder / "track.yaml"
    if not path.is_file():
        problems.add(path, 1, f"track folder '{folder.name}' has no track.yaml")
        return None
    try:
        data = parse_yaml(read_text(path), path)
    except ContentError as exc:
        problems.extend([exc])
        return None
    f = Fields(data, path, problems, "track.yaml")
    slug, title, summary = f.slug(), f.text("title"), f.text("summary")
    f.done()
    if slug is not None and slug != folder.name:
        f.add("slug", f"slug '{slug}' must equal the folder name '{folder.name}'")
        return None
    if not (slug and title and summary):
        return None
    return Track(slug, title, summary, hash_files(folder, [path]))


def _module_paths(folder: Path, problems: Problems) -> list[Path]:
    paths = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.name == "track.yaml":
            continue
        if entry.is_dir():
            if (entry / "module.md").is_file():
                paths.append(entry / "module.md")
            else:
                problems.add(entry / "module.md", 1, f"module folder '{entry.name}' has no "
                                                     f"module.md")
        elif entry.suffix == ".md":
            paths.append(entry)
        else:
            problems.add(entry, 1, "unexpected file: a track folder holds track.yaml, "
                                   "<slug>.md modules and <slug>/ module folders")
    return paths


def _cycles(modules: dict[str, Module], refs: dict[str, ModuleRefs], problems: Problems
            ) -> None:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(slug: str, trail: list[str]) -> None:
        state[slug] = 1
        for pre in modules[slug].prerequisites:
            if pre not in modules:
                continue
            if state.get(pre) == 1:
                cycle = trail[trail.index(pre):] + [slug, pre] if pre in trail else [slug, pre]
                problems.add(modules[slug].path, refs[slug].prerequisites[pre],
                             "prerequisite cycle: " + " → ".join(dict.fromkeys(cycle[:-1]))
                             + f" → {pre}")
            elif pre not in state:
                visit(pre, trail + [slug])
        state[slug] = 2

    for slug in sorted(modules):
        if slug not in state:
            visit(slug, [])


def _check_lab_minutes(modules: Mapping[str, Module], refs: Mapping[str, ModuleRefs],
                       labs: Mapping[str, Lab], problems: Problems) -> None:
    """A lab activity must give the class at least the minutes its lab says it takes."""
    for slug, module in modules.items():
        for activity in module.activities:
            if not isinstance(activity, LabActivity) or activity.lab not in labs:
                continue
            needed = labs[activity.lab].minutes
            if activity.minutes < needed:
                line = refs[slug].labs.get(activity.lab, (refs[slug].slug_line, ""))[0]
                problems.add(module.path, line,
                             f"lab activity '{activity.slug}' gives {activity.minutes} minutes "
                             f"but lab '{activity.lab}' takes {needed} (its lab.yaml 'minutes')")


def _teaching_order(modules: dict[str, Module], tracks: Mapping[str, Track]) -> list[str]:
    rank = {level: i for i, level in enumerate(SCHOOL_LEVELS)}

    def key(m: Module) -> tuple[int, int, str]:
        first = min(m.school, key=lambda fit: (rank[fit.level], min(fit.years or (0,))),
                    default=None)
        return (rank[first.level] if first else 9, min(first.years or (0,)) if first else 0,
                m.slug)

    order: list[str] = []
    placed: set[str] = set()

    def place(slug: str, trail: frozenset[str]) -> None:
        if slug in placed or slug in trail or slug not in modules:
            return
        for pre in sorted(modules[slug].prerequisites,
                          key=lambda s: key(modules[s]) if s in modules else (9, 0, s)):
            if pre in modules and modules[pre].track == modules[slug].track:
                place(pre, trail | {slug})
        placed.add(slug)
        order.append(slug)

    track_rank = {t: i for i, t in enumerate(sorted(tracks))}
    for m in sorted(modules.values(), key=lambda m: (track_rank.get(m.track, 99), key(m))):
        place(m.slug, frozenset())
    return order


def firmware_dir_for(labs_dir: Path) -> Path:
    """``$OFFICINA_FIRMWARE_DIR``, else the ``firmware_examples/`` folder beside ``labs/``."""
    return Path(os.environ.get(FIRMWARE_ENV) or Path(labs_dir).parent / "firmware_examples")


def check_content(content_dir: Path | None = None, labs_dir: Path | None = None,
                  firmware_dir: Path | None = None) -> tuple[Catalog, list[ContentError]]:
    """Load everything; returns the (possibly partial) catalog and every problem found."""
    default_content, default_labs = default_dirs()
    content_dir = Path(content_dir or default_content)
    labs_dir = Path(labs_dir or default_labs)
    firmware_dir = Path(firmware_dir or firmware_dir_for(labs_dir))
    problems = Problems()
    if not content_dir.is_dir():
        problems.add(content_dir, 1, "content folder not found")
    skills = load_skills(content_dir / "skills.yaml", problems)
    rubrics: dict[str, Rubric] = {}
    for path in sorted((content_dir / RUBRICS_DIR).glob("*.yaml")):
        rubric = load_rubric_file(path, problems)
        if rubric is not None:
            rubrics[rubric.slug] = rubric
    labs, lab_folders = load_labs(labs_dir, skills, problems)

    tracks: dict[str, Track] = {}
    modules: dict[str, Module] = {}
    refs: dict[str, ModuleRefs] = {}
    seen_paths: dict[str, Path] = {}
    names: set[str] = set()  # every module's expected slug, even if it failed to load
    folders = [p for p in sorted(content_dir.iterdir()) if p.is_dir()
               and not p.name.startswith(".") and p.name != RUBRICS_DIR] \
        if content_dir.is_dir() else []
    for folder in folders:
        track = _load_track(folder, problems)
        if track is None:
            continue
        tracks[track.slug] = track
        for path in _module_paths(folder, problems):
            names.add(path.parent.name if path.name == "module.md" else path.stem)
            module, module_refs = load_module(path, track.slug, skills, rubrics, problems)
            if module is None:
                continue
            if module.slug in seen_paths:
                problems.add(path, module_refs.slug_line,
                             f"duplicate module slug '{module.slug}' (also used by "
                             f"{seen_paths[module.slug].relative_to(content_dir).as_posix()})")
                continue
            seen_paths[module.slug] = path
            modules[module.slug] = module
            refs[module.slug] = module_refs

    for slug, module in modules.items():
        for pre, line in refs[slug].prerequisites.items():
            if pre == slug:
                problems.add(module.path, line, f"module '{slug}' cannot be its own prerequisite")
            elif pre not in modules and pre not in names:
                problems.add(module.path, line, f"unknown prerequisite module '{pre}'")
        for lab, (line, status) in refs[slug].labs.items():
            if status == "coming" and lab in lab_folders:
                problems.add(module.path, line, f"lab '{lab}' exists in {labs_dir.name}/; "
                                                f"remove 'status: coming'")
            elif status == "ready" and lab not in lab_folders:
                problems.add(module.path, line,
                             f"lab '{lab}' not found in {labs_dir.name}/ (if it is not "
                             f"written yet, write 'lab: {{slug: {lab}, status: coming}}')")
    _cycles(modules, refs, problems)
    check_firmware_examples(firmware_dir, labs_dir, problems)
    if (content_dir / KITS_FILE).is_file():
        check_lab_kits(load_kits(content_dir / KITS_FILE, problems), labs, problems)
    _check_lab_minutes(modules, refs, labs, problems)

    ordered = {slug: modules[slug] for slug in _teaching_order(modules, tracks)}
    catalog = Catalog(skills=skills, tracks=MappingProxyType(tracks),
                      modules=MappingProxyType(ordered), labs=MappingProxyType(labs),
                      rubrics=MappingProxyType(rubrics), content_dir=content_dir,
                      labs_dir=labs_dir)
    return catalog, problems.sorted()


def load_catalog(content_dir: Path | None = None, labs_dir: Path | None = None) -> Catalog:
    """Load everything or raise :class:`ContentErrors` listing every problem."""
    catalog, errors = check_content(content_dir, labs_dir)
    if errors:
        raise ContentErrors(errors)
    return catalog
