"""Reading one module file: front matter, bilingual body sections, images, hash.

A module is ``curricula/<track>/<slug>.md`` or, when it has images,
``curricula/<track>/<slug>/module.md`` with the images beside it. The YAML front matter
holds the module's data and its activities; the Markdown body is cut into sections by
marker lines ``=== <activity-slug> [it] ===`` / ``=== <activity-slug> [en] ===`` that
hold the lessons' text and the projects' briefs in each language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.content.activities import ActivityContext, read_activity
from app.content.assessment import read_module_rubric
from app.content.errors import ContentError, Problems
from app.content.hashing import hash_files
from app.content.model import (LANGS, SCHOOL_LEVELS, Activity, DigCompTarget, LabActivity,
                               Module, Quiz, Rubric, SchoolFit,
                               SkillsFramework)
from app.content.render import scan_markdown
from app.content.schema import Fields
from app.content.yamlsrc import YList, parse_front_matter, read_text

MARKER = re.compile(r"^===\s*(?P<slug>[^\s\[]+)\s*\[(?P<lang>[^\]]*)\]\s*===\s*$")
MIN_HOURS, MAX_HOURS = 1, 6


@dataclass
class ModuleRefs:
    """Lines of a module's references, for cross-file errors reported by the catalog."""

    slug_line: int = 1
    prerequisites: dict[str, int] = field(default_factory=dict)
    labs: dict[str, tuple[int, str]] = field(default_factory=dict)  # lab -> (line, status)


def split_sections(body: str, first_line: int, path: Path, problems: Problems
                   ) -> dict[str, dict[str, tuple[str, int]]]:
    """Cut the body at ``=== slug [lang] ===`` markers: slug -> lang -> (text, line)."""
    sections: dict[str, dict[str, tuple[str, int]]] = {}
    current: tuple[str, str, int] | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None:
            slug, lang, line = current
            lead = 0
            while lead < len(lines) and not lines[lead].strip():
                lead += 1
            text = "\n".join(lines[lead:]).rstrip()
            if not text:
                problems.add(path, line, f"section '{slug} [{lang}]' is empty")
            sections.setdefault(slug, {})[lang] = (text, line + 1 + lead)

    for number, raw in enumerate(body.splitlines(), start=first_line):
        match = MARKER.match(raw)
        if match:
            close()
            slug, lang = match["slug"], match["lang"].strip()
            if lang not in LANGS:
                problems.add(path, number, f"unknown language '{lang}' in section marker "
                                           f"(use [{'] or ['.join(LANGS)}])")
            elif lang in sections.get(slug, {}):
                problems.add(path, number, f"section '{slug} [{lang}]' appears twice")
            current, lines = (slug, lang, number), []
        elif raw.startswith("===") and raw.strip("= \t"):
            problems.add(path, number, "malformed section marker; write "
                                       "'=== <activity-slug> [it] ===' or '[en]'")
        elif current is None:
            if raw.strip():
                problems.add(path, number, "text before the first section marker "
                                           "'=== <activity-slug> [it] ==='")
                current, lines = ("", "", number), []
        else:
            lines.append(raw)
    close()
    sections.pop("", None)
    return sections


def _school(f: Fields) -> tuple[SchoolFit, ...]:
    data = f.mapping("school")
    fits = []
    for level, years in (data or {}).items():
        line = data.line_of(level) if data is not None else f.line
        if level not in SCHOOL_LEVELS:
            f.problems.add(f.path, line, f"unknown school level '{level}' "
                                         f"(use {', '.join(SCHOOL_LEVELS)})")
            continue
        top = SCHOOL_LEVELS[level].years
        if not isinstance(years, YList) or not years:
            f.problems.add(f.path, line, f"years of '{level}' must be a list like [1, 2]")
            continue
        good = []
        for i, year in enumerate(years):
            if not isinstance(year, int) or isinstance(year, bool) or not 1 <= year <= top:
                f.problems.add(f.path, years.line_of(i),
                               f"year {year!r} does not exist in {level} "
                               f"(years 1 to {top})")
            elif year not in good:
                good.append(year)
        fits.append(SchoolFit(level, tuple(sorted(good))))
    if data is not None and not data:
        f.add("school", "'school' must name at least one school level")
    return tuple(fits)


def _digcomp(f: Fields, skills: SkillsFramework) -> tuple[DigCompTarget, ...]:
    data = f.mapping("digcomp")
    targets = []
    for code, level in (data or {}).items():
        line = data.line_of(code) if data is not None else f.line
        if code not in skills.competences:
            f.problems.add(f.path, line, f"unknown DigComp competence '{code}' "
                                         f"(codes go from '1.1' to '5.4')")
        elif not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= 8:
            f.problems.add(f.path, line, f"target level of DigComp {code} must be 1 to 8 "
                                         f"(got {level!r})")
        else:
            targets.append(DigCompTarget(code, level))
    if data is not None and not data:
        f.add("digcomp", "'digcomp' must name at least one competence, like '3.4': 3")
    return tuple(targets)


def _check_markdown(text: str, first_line: int, path: Path, problems: Problems,
                    folder: Path | None, images: list[str]) -> None:
    scan = scan_markdown(text)
    for line, message in scan.problems:
        problems.add(path, first_line + line - 1, message)
    for src, line in scan.images:
        where = first_line + line - 1
        if folder is None:
            problems.add(path, where, f"image '{src}': a module with images must be a folder "
                                      f"'<slug>/module.md' with the images beside it")
        elif not (folder / src).is_file():
            problems.add(path, where, f"image '{src}' not found in {folder.name}/")
        elif src not in images:
            images.append(src)


def load_module(path: Path, track: str, skills: SkillsFramework,
                rubrics: Mapping[str, Rubric], problems: Problems
                ) -> tuple[Module | None, ModuleRefs]:
    """Read one module file; returns the module (None if broken) and its references."""
    refs = ModuleRefs()
    before = len(problems)
    try:
        front = parse_front_matter(read_text(path), path)
    except ContentError as exc:
        problems.extend([exc])
        return None, refs
    folder = path.parent if path.name == "module.md" else None
    expected = folder.name if folder else path.stem
    f = Fields(front.data, path, problems, "the module")
    slug = f.slug()
    refs.slug_line = f.line_of("slug")
    if slug is not None and slug != expected:
        f.add("slug", f"slug '{slug}' must equal the file or folder name '{expected}'")
    title, summary = f.text("title"), f.text("summary")
    module_track = f.string("track")
    if module_track is not None and module_track != track:
        f.add("track", f"track '{module_track}' does not match the folder '{track}'")
    school = _school(f)
    duration = f.integer("duration", MIN_HOURS, MAX_HOURS)
    objectives = f.texts("objectives", min_items=1)
    digcomp = _digcomp(f, skills)
    module_skills = []
    for code, line in f.strings("skills", min_items=1):
        if code not in skills.technical:
            problems.add(path, line, f"unknown skill code '{code}' (see curricula/skills.yaml)")
        else:
            module_skills.append(code)
    for prereq, line in f.strings("prerequisites", required=False):
        refs.prerequisites[prereq] = line
    materials = f.texts("materials", min_items=1)
    safety = f.texts("safety")
    assessment = f.texts("assessment", min_items=1)
    notes = f.text("teacher_notes")

    images: list[str] = []
    sections = split_sections(front.body, front.body_line, path, problems)
    ctx = ActivityContext(path, sections, rubrics, problems)
    activities: list[Activity] = []
    slugs: set[str] = set()
    with_body: set[str] = set()  # lessons and projects as written, even if broken
    for item, line in f.items("activities", min_items=1):
        if isinstance(item, dict) and item.get("kind") in ("lesson", "project"):
            with_body.add(str(item.get("slug")))
        activity, lab_line = read_activity(item, line, ctx)
        if activity is None:
            continue
        if activity.slug in slugs:
            problems.add(path, line, f"activity slug '{activity.slug}' is used twice")
        slugs.add(activity.slug)
        activities.append(activity)
        if isinstance(activity, LabActivity):
            refs.labs[activity.lab] = (lab_line, activity.status)
    rubric = read_module_rubric(f, activities)
    f.done()

    for slug_, langs in sections.items():
        for lang, (text, line) in langs.items():
            if slug_ not in with_body:
                problems.add(path, line, f"section '{slug_} [{lang}]' matches no lesson "
                                             f"or project activity")
            _check_markdown(text, line, path, problems, folder, images)
    if notes:
        for lang in LANGS:
            _check_markdown(notes.get(lang), f.line_of("teacher_notes"), path, problems,
                            folder, images)
    for activity in activities:
        if isinstance(activity, Quiz):
            for q in activity.questions:
                for lang in LANGS:
                    _check_markdown(q.prompt.get(lang), f.line_of("activities"), path,
                                    problems, folder, images)
    total = sum(a.minutes for a in activities)
    if duration is not None and total > duration * 60:
        f.add("duration", f"activities take {total} minutes, more than the module's "
                          f"{duration} h ({duration * 60} minutes)")
    if len(problems) > before:
        return None, refs
    assert slug and title and summary and duration and notes
    files = [path] + [(folder / src) for src in images] if folder else [path]
    module = Module(
        slug=slug, track=track, title=title, summary=summary, school=school,
        duration_hours=duration, objectives=objectives, digcomp=digcomp,
        skills=tuple(module_skills), prerequisites=tuple(refs.prerequisites),
        materials=materials, safety=safety, assessment=assessment, teacher_notes=notes,
        activities=tuple(activities), path=path, folder=folder, images=tuple(images),
        content_hash=hash_files(folder or path.parent, files), rubric=rubric)
    return module, refs

