"""The level rule of ``app.skills.levels`` written in SQL, for pages that aggregate many
students (the programme dashboards): the database does the work, memory does not grow with
the number of evidence rows, and the answer is the same as ``level_reached`` (a test compares
the two on random evidence).

For each group (the caller's columns: at least ``Evidence.student_key``, usually a skill and a
class too) take each activity's best level; the level reached is the second highest of those
(0 with a single activity). Written with ``row_number()``, which SQLite (3.25+) and PostgreSQL
both have.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.sql import Subquery

from app.models import Evidence
from app.skills.levels import ACTIVITIES_NEEDED, NOT_YET


def reached_levels(conditions: Sequence[Any], group_by: Sequence[Any]) -> Subquery:
    """A subquery with one row per group of ``group_by`` (``Evidence`` columns) among the rows
    matching ``conditions``: the group's columns (same names), ``level`` (the level reached by
    the rule), ``activities`` (distinct activities) and ``first`` (earliest evidence)."""
    names = [column.key for column in group_by]
    best = (select(*group_by, Evidence.activity_key, func.max(Evidence.level).label("best"),
                   func.min(Evidence.earned_at).label("first"))
            .where(*conditions).group_by(*group_by, Evidence.activity_key).subquery("per_activity"))
    keys = [best.c[name] for name in names]
    ranked = select(*keys, best.c.best, best.c.first,
                    func.row_number().over(partition_by=keys, order_by=best.c.best.desc()).label("rank")
                    ).subquery("ranked")
    keys = [ranked.c[name] for name in names]
    level = func.coalesce(func.max(case((ranked.c.rank == ACTIVITIES_NEEDED, ranked.c.best))), NOT_YET)
    return (select(*keys, level.label("level"), func.count().label("activities"),
                   func.min(ranked.c.first).label("first"))
            .group_by(*keys).subquery("reached"))
