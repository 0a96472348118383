"""Activity keys: one string names what a draft, an attempt or a progress cell is about.

``lab:<lab>`` for a lab (the same lab used by two modules is one piece of work),
``quiz:<module>/<activity>`` and ``project:<module>/<activity>`` for a module's quiz or project.
Lessons are read, not done: they have no key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from app.content import Activity, Catalog, Lab, LabActivity, Module, Project, Quiz

A = TypeVar("A", bound=Activity)

WORK_KINDS = ("lab", "quiz", "project")


def lab_key(lab_slug: str) -> str:
    return f"lab:{lab_slug}"


def quiz_key(module_slug: str, activity_slug: str) -> str:
    return f"quiz:{module_slug}/{activity_slug}"


def project_key(module_slug: str, activity_slug: str) -> str:
    return f"project:{module_slug}/{activity_slug}"


def key_for(module: Module, activity: Activity) -> str | None:
    """The key of a module's activity, or None for a lesson or a lab not written yet."""
    if isinstance(activity, LabActivity):
        return None if activity.coming else lab_key(activity.lab)
    if isinstance(activity, Quiz):
        return quiz_key(module.slug, activity.slug)
    if isinstance(activity, Project):
        return project_key(module.slug, activity.slug)
    return None


@dataclass(frozen=True)
class WorkItem:
    """One piece of work of a module: its key, the activity and the module it belongs to."""

    key: str
    module: Module
    activity: Activity

    @property
    def kind(self) -> str:
        return self.activity.kind


def work_items(module: Module, activity_slug: str | None = None) -> list[WorkItem]:
    """The module's activities that students do (labs, quizzes, projects), in order; only the
    one named ``activity_slug`` when given."""
    items = []
    for activity in module.activities:
        if activity_slug is not None and activity.slug != activity_slug:
            continue
        key = key_for(module, activity)
        if key is not None:
            items.append(WorkItem(key, module, activity))
    return items


@dataclass(frozen=True)
class KeyTarget:
    """What an activity key names in the catalog: the lab, or the module and its activity (None
    where the content has left the catalog, or the key is not a work key)."""

    kind: str
    lab: Lab | None = None
    module: Module | None = None
    activity: Activity | None = None


def resolve_key(catalog: Catalog, key: str) -> KeyTarget:
    """The content behind ``key`` (``lab:<lab>``, ``quiz:``/``project:<module>/<activity>``)."""
    kind, _, rest = key.partition(":")
    if kind == "lab":
        return KeyTarget(kind, lab=catalog.labs.get(rest))
    if kind not in WORK_KINDS:
        return KeyTarget(kind)
    module_slug, _, activity_slug = rest.partition("/")
    module = catalog.modules.get(module_slug)
    return KeyTarget(kind, module=module, activity=module.activity(activity_slug) if module else None)


def find_module_activity(catalog: Catalog, module_slug: str, activity_slug: str,
                         of_type: type[A]) -> tuple[Module, A] | None:
    """The module and its activity ``activity_slug`` when it is an ``of_type`` (a Quiz, a
    Project …); None when either is not in the catalog."""
    module = catalog.modules.get(module_slug)
    activity = module.activity(activity_slug) if module else None
    if module is None or not isinstance(activity, of_type):
        return None
    return module, activity
