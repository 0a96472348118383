"""Loading the metadata part of lab folders ``labs/<slug>/``.

A lab folder holds ``lab.yaml``, ``instructions.it.md``, ``instructions.en.md``,
``starter.py``, ``solution.py``, ``alternatives/*.py`` (at least two other correct programs, in
other legitimate styles, that the grader must accept) and ``wrong/*.py`` (at least four programs
the grader must reject); each of those starts with a comment saying what it does. This module validates the metadata keys of ``lab.yaml`` (slug, title, summary,
boards, skills, difficulty, minutes, hints) and the files; the lab engine's own keys
(:data:`ENGINE_KEYS`, e.g. ``scenario`` and ``checks``) are passed through untouched in
``Lab.engine`` for the grader to validate.
"""

from __future__ import annotations

import ast

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
ENGINE_KEYS = frozenset({"scenario", "hidden_scenarios", "checks", "grading", "grader", "limits", "timeout_ms",
                         "wiring", "parts", "robot", "world", "inputs", "simulator"})
REQUIRED_FILES = ("starter.py", "solution.py")
MIN_ALTERNATIVES = 2
MIN_WRONG = 4


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


def _read_programs(folder: Path, sub: str, minimum: int, must_parse: bool,
                   problems: Problems) -> dict[str, str]:
    """Read ``folder/sub/*.py``: at least ``minimum`` files, each opening with a comment that says
    what it does; correct programs (``must_parse``) must also be valid Python syntax."""
    out: dict[str, str] = {}
    files = sorted((folder / sub).glob("*.py"))
    if len(files) < minimum:
        problems.add(folder / "lab.yaml", 1, f"{sub}/ has {len(files)} programs, at least "
                                              f"{minimum} are needed")
    for file in files:
        try:
            text = read_text(file)
        except ContentError as exc:
            problems.extend([exc])
            continue
        if not text.lstrip().startswith("#"):
            problems.add(file, 1, "start with a comment saying what this program does "
                                  "(its style, or what it does wrong)")
        if must_parse:
            try:
                ast.parse(text, str(file))
            except SyntaxError as exc:
                problems.add(file, exc.lineno or 1, f"syntax error: {exc.msg}")
        out[file.name] = text
    return out


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
    wrong = _read_programs(folder, "wrong", MIN_WRONG, False, problems)
    _read_programs(folder, "alternatives", MIN_ALTERNATIVES, True, problems)
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
