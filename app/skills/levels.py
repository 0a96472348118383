"""The level rule: how pieces of evidence become a student's level in a skill.

**A student reaches level L in a skill when at least two different activities gave evidence of
that skill at level L or higher.** The level shown is the highest such L; with evidence from
only one activity the skill is "started" (level 0). Evidence at a higher level also proves the
lower ones (DigComp levels build on each other); passing the same lab again, or another attempt
at the same quiz, is the same activity and does not count twice. Equivalently: take each
activity's best level for the skill; the level reached is the second highest of those numbers.
Explained for teachers, with examples, in ``docs/skills.md``; tested at its boundaries in
``tests/test_skills_levels.py``; the same rule in SQL is ``app.skills.levels_sql``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ACTIVITIES_NEEDED = 2
NOT_YET = 0


def best_per_activity(pieces: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Each activity's highest level among ``pieces`` of ``(activity_key, level)``."""
    best: dict[str, int] = {}
    for activity, level in pieces:
        best[activity] = max(level, best.get(activity, level))
    return best


def level_reached(pieces: Iterable[tuple[str, int]]) -> int:
    """The level reached from ``pieces`` of ``(activity_key, level)`` evidence of one skill:
    the highest level L with evidence at L or above from at least two different activities;
    0 (not yet) otherwise."""
    return standing(pieces).level


@dataclass(frozen=True)
class Standing:
    """A student's standing in one skill: the level reached, how many activities gave
    evidence, and the best single piece (what one more activity at that level would unlock)."""

    level: int
    activities: int
    best_single: int

    @property
    def started(self) -> bool:
        return self.activities > 0 and self.level == NOT_YET


def standing(pieces: Iterable[tuple[str, int]]) -> Standing:
    """The ``Standing`` for ``pieces`` of ``(activity_key, level)`` evidence of one skill."""
    best = best_per_activity(pieces)
    levels = sorted(best.values(), reverse=True)
    reached = levels[ACTIVITIES_NEEDED - 1] if len(levels) >= ACTIVITIES_NEEDED else NOT_YET
    return Standing(reached, len(best), levels[0] if levels else NOT_YET)
