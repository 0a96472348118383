"""Firmware examples must not give a lab's answer away.

``firmware_examples/`` holds standalone programs that show each board's API. They are shown
beside the labs, so an example whose code is a lab's ``solution.py`` or one of its
``alternatives/*.py`` (comments, blank lines, spacing and a leading docstring aside) would
hand students the answer. :func:`check_firmware_examples` compares every example with every
lab's correct programs and reports each copy as ``path:line: problem``, at the example's
first line of code. Programs are compared as token sequences, so ``f(a,b)`` and
``f(a, b)`` are the same program while a changed number or name is not.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

from app.content.errors import Problems, display_path

SKIPPED = {tokenize.COMMENT, tokenize.NL, tokenize.ENDMARKER, tokenize.ENCODING}
MARKERS = {tokenize.NEWLINE: "<newline>", tokenize.INDENT: "<indent>",
           tokenize.DEDENT: "<dedent>"}


def code_tokens(source: str) -> tuple[tuple[str, ...], int]:
    """The program as tokens without comments, blank lines or spacing, and its first code line.

    A docstring at the very top counts as a comment. A file that does not tokenize (a syntax
    error) falls back to its lines with ``#`` comments cut and all spacing removed.
    """
    kept: list[tuple[int, str, int]] = []  # (token type, text, line)
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type not in SKIPPED:
                kept.append((tok.type, MARKERS.get(tok.type, tok.string), tok.start[0]))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        lines = [re.sub(r"\s+", "", line.split("#", 1)[0]) for line in source.splitlines()]
        codes = [(n, line) for n, line in enumerate(lines, 1) if line]
        return tuple(line for _, line in codes), (codes[0][0] if codes else 1)
    if len(kept) >= 2 and kept[0][0] == tokenize.STRING and kept[1][0] == tokenize.NEWLINE:
        kept = kept[2:]  # the module docstring
    return tuple(text for _, text, _ in kept), (kept[0][2] if kept else 1)


def lab_answers(labs_dir: Path) -> list[Path]:
    """Every lab's correct programs: ``<slug>/solution.py`` and ``<slug>/alternatives/*.py``."""
    found: list[Path] = []
    if not labs_dir.is_dir():
        return found
    for folder in sorted(p for p in labs_dir.iterdir() if p.is_dir()
                         and not p.name.startswith(".")):
        if (folder / "solution.py").is_file():
            found.append(folder / "solution.py")
        found.extend(sorted((folder / "alternatives").glob("*.py")))
    return found


def _read(path: Path, problems: Problems) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(path, 1, f"cannot read the file ({exc.__class__.__name__})")
        return None


def check_firmware_examples(firmware_dir: Path, labs_dir: Path, problems: Problems) -> int:
    """Report every firmware example equal to a lab's solution or alternative.

    Returns how many examples were compared (0 when the folder does not exist).
    """
    if not firmware_dir.is_dir():
        return 0
    answers: dict[tuple[str, ...], list[Path]] = {}
    for path in lab_answers(labs_dir):
        text = _read(path, problems)
        if text is not None:
            tokens, _ = code_tokens(text)
            if tokens:
                answers.setdefault(tokens, []).append(path)
    examples = sorted(firmware_dir.glob("*.py"))
    for path in examples:
        text = _read(path, problems)
        if text is None:
            continue
        tokens, line = code_tokens(text)
        for answer in answers.get(tokens, []) if tokens else []:
            problems.add(path, line,
                         f"same code as {display_path(answer)} (comments and spacing aside): "
                         f"a firmware example must not give a lab's answer away; show the "
                         f"same API with a different task")
    return len(examples)
