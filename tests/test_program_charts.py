"""Server-drawn SVG charts: accessible names, suppressed values never drawn as numbers."""

from __future__ import annotations

from app.program.charts import lines, stacked_bars


def test_bars_have_title_desc_and_hatch_hidden_parts():
    """Does a bar chart name itself for screen readers and hatch a suppressed part?"""
    svg = str(stacked_bars("c1", "Students <by level>", "Shares", ["Municipio 1", "Municipio 2"], ["1", "2"],
                           [[12, None], [30, 40]]))
    assert 'role="img"' in svg and 'aria-labelledby="c1-t c1-d"' in svg
    assert "<title id=\"c1-t\">Students &lt;by level&gt;</title>" in svg
    assert "url(#hidden-hatch)" in svg and "Municipio 1 · 2: —" in svg


def test_lines_break_at_hidden_points():
    """Does a hidden month break the line instead of dropping to zero?"""
    svg = str(lines("c2", "Trend", "Months", ["2026-10", "2026-11", "2026-12"], {"Municipio 1": [20, None, 30]}))
    assert svg.count("<polyline") == 0  # two single points, no segment through the hidden month
    assert svg.count("<circle") == 2
