"""Officina's content as files: formats, loading, validation and Markdown rendering.

This package owns ``curricula/`` (skills framework, tracks, modules with their
activities, shared rubrics) and the metadata part of ``labs/<slug>/``. It imports no
Flask: the web app, ``content check`` and the tests all use it directly.

Main entry points: :func:`load_catalog` (raises :class:`ContentErrors`),
:func:`check_content` (returns the errors), :func:`render_markdown`, the query helpers
:func:`find_modules` / :func:`find_labs`, and the frozen dataclasses in
:mod:`app.content.model`.
"""

from app.content.catalog import Catalog, check_content, default_dirs, load_catalog
from app.content.errors import ContentError, ContentErrors
from app.content.hashing import hash_files, hash_parts, hash_value
from app.content.model import (LANGS, SCHOOL_LEVELS, Activity, Competence, Criterion,
                               DigCompTarget, Lab, LabActivity, Lesson, Module, Option,
                               Project, Question, Quiz, Rubric, SchoolFit, SkillsFramework,
                               TechnicalSkill, Text, Track)
from app.content.queries import find_labs, find_modules, module_matches
from app.content.render import (default_image_url, pygments_css, render_inline,
                                render_markdown, safe_image_name)
from app.content.yamlsrc import parse_front_matter, parse_yaml

__all__ = [
    "LANGS", "SCHOOL_LEVELS", "Activity", "Catalog", "Competence", "ContentError",
    "ContentErrors", "Criterion", "DigCompTarget", "Lab", "LabActivity", "Lesson", "Module",
    "Option", "Project", "Question", "Quiz", "Rubric", "SchoolFit", "SkillsFramework",
    "TechnicalSkill", "Text", "Track", "check_content", "default_dirs", "default_image_url",
    "find_labs", "find_modules", "hash_files", "hash_parts", "hash_value", "load_catalog",
    "module_matches", "parse_front_matter", "parse_yaml", "pygments_css", "render_inline",
    "render_markdown",
    "safe_image_name",
]
