"""Progress over time and its server-drawn chart: one point per day with new evidence, drawn
inside the box with whole-number ticks."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.models import Evidence
from app.skills.chart import line_chart
from app.skills.record import progress_over_time

DAY = datetime(2026, 10, 5, 9, 0, tzinfo=timezone.utc)


def _piece(activity: str, code: str, level: int, days: int, hours: int = 0) -> Evidence:
    return Evidence(activity_key=activity, skill_kind="technical", skill_code=code, level=level,
                    earned_at=DAY + timedelta(days=days, hours=hours))


def test_progress_has_one_point_per_day_and_follows_the_rule(app):
    """Does progress count a skill only once two activities prove it, one point per day?"""
    pieces = [_piece("lab:a", "pwm", 2, 0), _piece("lab:a", "timing", 1, 0, 2),
              _piece("lab:b", "pwm", 3, 1), _piece("lab:c", "timing", 1, 3)]
    points = progress_over_time(pieces)
    assert [(p.day.date().day, p.skills, p.levels) for p in points] == [(5, 0, 0), (6, 1, 2), (8, 2, 3)]


def test_chart_stays_in_its_box_with_whole_ticks():
    """Are the dots inside the drawing and the y ticks whole numbers from 0 to at least the top value?"""
    chart = line_chart([0, 3, 7], ["a", "b", "c"])
    assert all(chart.left <= d.x <= chart.right and 0 <= d.y <= chart.baseline for d in chart.dots)
    values = [value for _, value in chart.y_ticks]
    assert values[0] == 0 and values[-1] >= 7 and all(isinstance(v, int) for v in values)
    assert chart.dots[0].y == chart.baseline and chart.dots[-1].y < chart.dots[1].y
    assert len(line_chart([4], ["only"]).dots) == 1
