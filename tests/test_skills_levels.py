"""The level rule (app.skills.levels) at its boundaries: two different activities, at or above."""

from __future__ import annotations

from app.skills.levels import level_reached, standing


def test_no_evidence_is_no_level():
    """Does a skill with no evidence have level 0?"""
    assert level_reached([]) == 0


def test_one_activity_is_not_enough_however_high():
    """Does evidence from a single activity, even at level 8, leave the skill without a level?"""
    assert level_reached([("lab:blink", 8)]) == 0
    assert standing([("lab:blink", 8)]).started


def test_same_activity_twice_counts_once():
    """Do two passed attempts at the same lab count as one activity?"""
    assert level_reached([("lab:blink", 3), ("lab:blink", 3)]) == 0


def test_two_activities_give_the_lower_of_the_two():
    """Do a level-2 lab and a level-3 quiz give level 2 (both prove at least 2)?"""
    assert level_reached([("lab:blink", 2), ("quiz:m/q", 3)]) == 2


def test_exactly_two_at_the_level_is_enough():
    """Does the level move up exactly when the second activity at that level arrives?"""
    pieces = [("lab:a", 3), ("lab:b", 2)]
    assert level_reached(pieces) == 2
    assert level_reached(pieces + [("lab:c", 3)]) == 3
    assert level_reached(pieces + [("lab:c", 4)]) == 3


def test_higher_evidence_proves_lower_levels():
    """Do pieces at 4 and 5 give level 4 (a higher piece also proves the lower level)?"""
    assert level_reached([("lab:a", 5), ("project:m/p", 4), ("quiz:m/q", 1)]) == 4


def test_repeats_use_the_best_level_of_each_activity():
    """Does an activity's best piece count, not its first?"""
    assert level_reached([("lab:a", 1), ("lab:a", 3), ("lab:b", 3)]) == 3


def test_standing_reports_activities_and_best_single():
    """Does the standing say how many activities and the best single piece?"""
    found = standing([("lab:a", 1), ("lab:b", 4), ("lab:b", 2)])
    assert (found.level, found.activities, found.best_single, found.started) == (1, 2, 4, False)
