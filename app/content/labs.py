"""Loading the metadata part of lab folders ``labs/<slug>/``.

A lab folder holds ``lab.yaml``, ``instructions.it.md``, ``instructions.en.md``,
``starter.py``, ``solution.py`` and optionally ``wrong/*.py`` (programs the grader must
reject). This module validates the metadata keys of ``lab.yaml`` (slug, title, summary,
boards, skills, difficulty, minutes, hints) and the files; the lab engine's own keys
(:data:`ENGINE_KEYS`, e.g. ``scenario`` and ``checks``) are passed through untouched in
``Lab.engine`` for the grader to validate.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from app.content.errors import ContentError, Problems
from app.content.hashing import hash_files
from app.content.model import LANGS, Lab, SkillsFramework, Text
from app.content.render import scan_markdown
from app.content.schema import Fields
from app.content.yamlsrc import parse_yaml, read_text

BOARDS: tuple[str, ...] = ("pico", "pico_w", "pico2", "pico2_w", "esp32", "esp32s3",
                           "microbit")
# Keys owned by the lab engine (issue: lab engine). Accepted as they are.
ENGINE_KEYS = frozenset({"scenario", "checks", "grading", "grader", "limits", "timeout_ms",
                         "wiring", "parts", "robot", "world", "inputs", "simulator"})
REQUIRED_FILES = ("starter.py", "solution.py")


def lab_files(folder: Path) -> list[Path]:
    """Every file of a lab folder that belongs to its version (no caches, no dotfiles)."""
    return [p for p in folder.rglob("*") if p.is_file()
            and not any(part.startswith(".") or part == "__pycache__"
                        for part in p.relative_to(folder).parts)]


def _read_instructions(folder: Path, problems: Problems) -> tuple[Text | None, list[str]]:
    texts: dict[str, str] = {}
    images: list[str] = []
    for lang in LANGS:
        path = folder / f"instructions.{lang}.md"
        if not path.is_file():
            problems.add(folder / "lab.yaml", 1, f"missing file instructions.{lang}.md "
                                                 f"(the instructions in that language)")
            continue
        try:
            text = read_text(path)
        except ContentError as exc:
            problems.extend([exc])
            continue
        if not text.strip():
            problems.add(path, 1, "the instructions are empty")
        scan = scan_markdown(text)
        for line, message in scan.problems:
            problems.add(path, line, message)
        for src, line in scan.images:
            if not (folder / src).is_file():
                problems.add(path, line, f"image '{src}' not found in {folder.name}/")
            elif src not in images:
                images.append(src)
        texts[lang] = text
    return (Text(**texts) if len(texts) == len(LANGS) else None), images


def load_lab(folder: Path, skills: SkillsFramework, problems: Problems) -> Lab | None:
    """Read one lab folder; None when it is too broken to use (problems are recorded)."""
    path = folder / "lab.yaml"
    if not path.is_file():
        problems.add(path, 1, f"lab folder '{folder.name}' has no lab.yaml")
        return None
    before = len(problems)
    try:
        data = parse_yaml(read_text(path), path)
    except ContentError as exc:
        problems.extend([exc])
        return None
    f = Fields(data, path, problems, "lab.yaml")
    slug = f.slug()
    if slug is not None and slug != folder.name:
        f.add("slug", f"slug '{slug}' must equal the folder name '{folder.name}'")
    title, summary = f.text("title"), f.text("summary")
    boards = []
    for board, line in f.strings("boards", min_items=1):
        if board not in BOARDS:
            problems.add(path, line, f"unknown board '{board}' (known: {', '.join(BOARDS)})")
        elif board in boards:
            problems.add(path, line, f"board '{board}' is listed twice")
        else:
            boards.append(board)
    lab_skills = []
    for code, line in f.strings("skills", min_items=1):
        if code not in skills.technical:
            problems.add(path, line, f"unknown skill code '{code}' (see curricula/skills.yaml)")
        else:
            lab_skills.append(code)
    difficulty = f.integer("difficulty", 1, 5)
    minutes = f.integer("minutes", 1, 600)
    hints = f.texts("hints", required=False)
    engine = {key: f.data[key] for key in ENGINE_KEYS if key in f.data}
    f.done(allowed_extra=ENGINE_KEYS)

    instructions, images = _read_instructions(folder, problems)
    code: dict[str, str] = {}
    for name in REQUIRED_FILES:
        file = folder / name
        if not file.is_file():
            problems.add(path, 1, f"missing file {name}")
            continue
        try:
            code[name] = read_text(file)
        except ContentError as exc:
            problems.extend([exc])
    wrong: dict[str, str] = {}
    for file in sorted((folder / "wrong").glob("*.py")):
        try:
            wrong[file.name] = read_text(file)
        except ContentError as exc:
            problems.extend([exc])
    if len(problems) > before or not (slug and title and summary and instructions):
        return None
    assert difficulty is not None and minutes is not None
    return Lab(slug=slug, title=title, summary=summary, boards=tuple(boards),
               skills=tuple(lab_skills), difficulty=difficulty, minutes=minutes,
               hints=hints, instructions=instructions, starter=code["starter.py"],
               solution=code["solution.py"], wrong=MappingProxyType(wrong),
               engine=MappingProxyType(engine), folder=folder, images=tuple(images),
               content_hash=hash_files(folder, lab_files(folder)))


def load_labs(labs_dir: Path, skills: SkillsFramework, problems: Problems
              ) -> tuple[dict[str, Lab], set[str]]:
    """Load every lab folder; returns (good labs by slug, every folder name present)."""
    labs: dict[str, Lab] = {}
    present: set[str] = set()
    if not labs_dir.is_dir():
        return labs, present
    for folder in sorted(p for p in labs_dir.iterdir() if p.is_dir()):
        if folder.name.startswith((".", "_")):
            continue
        present.add(folder.name)
        lab = load_lab(folder, skills, problems)
        if lab is not None:
            labs[lab.slug] = lab
    return labs, present
