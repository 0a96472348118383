"""Factories for content tests: a small, valid content tree in a temporary folder, and
helpers that write modules and labs into it (break one field to test an error)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from app.content import check_content

REPO = Path(__file__).resolve().parents[2]


def T(it: str = "Testo", en: str = "Text") -> dict[str, str]:
    return {"it": it, "en": en}


def module_data(slug: str = "modulo-uno", track: str = "robotica", **over: Any) -> dict:
    """A valid module front matter; keyword arguments replace fields."""
    data: dict[str, Any] = {
        "slug": slug, "title": T("Titolo", "Title"), "summary": T("Sommario", "Summary"),
        "track": track, "school": {"secondaria-1": [1, 2]}, "duration": 2,
        "objectives": [T("Obiettivo", "Objective")], "digcomp": {"3.4": 2},
        "skills": ["digital-output"], "prerequisites": [],
        "materials": [T("Una scheda", "A board")], "safety": [T("Attenzione", "Careful")],
        "assessment": [T("Criterio", "Criterion")],
        "teacher_notes": T("Note per il docente", "Teacher notes"),
        "activities": [
            {"slug": "lezione", "kind": "lesson", "minutes": 20, "title": T("Lezione", "Lesson")},
            {"slug": "verifica", "kind": "quiz", "minutes": 10, "title": T("Quiz", "Quiz"),
             "questions": [{"id": "q1", "type": "single", "prompt": T("Domanda?", "Question?"),
                            "options": [{"text": T("Sì", "Yes"), "correct": True,
                                         "feedback": T("Bene", "Good")},
                                        {"text": T("No", "No"), "feedback": T("No", "No")}]}]},
        ],
    }
    data.update(over)
    return data


BODY = "=== lezione [it] ===\n\nCiao, *mondo*.\n\n=== lezione [en] ===\n\nHello, *world*.\n"


def lab_data(slug: str, **over: Any) -> dict:
    data: dict[str, Any] = {
        "slug": slug, "title": T("Lampeggio", "Blink"), "summary": T("Un LED", "An LED"),
        "boards": ["pico", "esp32"], "skills": ["digital-output", "timing"],
        "difficulty": 1, "minutes": 20, "hints": [T("Usa toggle", "Use toggle")],
        "scenario": {"board": "pico", "run_ms": 3000}, "checks": [{"kind": "blinks"}],
    }
    data.update(over)
    return data


@dataclass
class Tree:
    """A content tree under tmp_path; ``check()`` returns the error strings."""

    content_dir: Path
    labs_dir: Path

    def write_module(self, data: dict, body: str = BODY, folder: bool = False,
                     name: str | None = None) -> Path:
        name = name or data.get("slug", "senza-slug")
        track_dir = self.content_dir / str(data.get("track", "robotica"))
        path = (track_dir / name / "module.md") if folder else (track_dir / f"{name}.md")
        path.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        return path

    def write_lab(self, data: dict, files: dict[str, str] | None = None,
                  folder_name: str | None = None) -> Path:
        folder = self.labs_dir / (folder_name or data["slug"])
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "lab.yaml").write_text(yaml.safe_dump(data, sort_keys=False,
                                                        allow_unicode=True), encoding="utf-8")
        default = {"instructions.it.md": "# Lampeggio\n\nAccendi il LED.\n",
                   "instructions.en.md": "# Blink\n\nSwitch the LED on.\n",
                   "starter.py": "from machine import Pin\n",
                   "solution.py": "from machine import Pin\nPin(25, Pin.OUT).on()\n"}
        for i in range(2):
            default[f"alternatives/alt{i}.py"] = f"# correct, style {i}\nimport machine\n"
        for i in range(4):
            default[f"wrong/w{i}.py"] = f"# wrong {i}: never switches the LED on\nimport machine\n"
        default.update(files or {})
        for name, text in default.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        return folder

    def check(self) -> list[str]:
        return [str(e) for e in check_content(self.content_dir, self.labs_dir)[1]]

    def catalog(self):  # type: ignore[no-untyped-def]
        catalog, errors = check_content(self.content_dir, self.labs_dir)
        assert errors == [], [str(e) for e in errors]
        return catalog


def line_of(path: Path, needle: str, start: int = 1) -> int:
    """The 1-based number of the first line at or after ``start`` containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def where(path: Path, line: int) -> str:
    return f"{path.as_posix()}:{line}: "
