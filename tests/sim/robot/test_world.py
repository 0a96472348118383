"""World files: validation with file/line/field errors, shorthands, loading."""

from __future__ import annotations

import math

import pytest

from app.sim.robot.world import WorldError, load_world, parse_world, world_from


def _write(tmp_path, text):
    path = tmp_path / "w.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_error_names_file_line_and_field(tmp_path):
    """Does a bad wall point say which file, which line and which field?"""
    path = _write(tmp_path, "size: [100, 100]\nstart: {x: 10, y: 10}\nwalls:\n  - [[0, 0], [10, 0], [5, 'x']]\n")
    with pytest.raises(WorldError) as err:
        load_world(path)
    text = str(err.value)
    assert text.startswith(f"{path}:4:") and "walls[0][2][1]" in text


def test_unknown_key_points_at_its_line(tmp_path):
    """Is a misspelt top-level key reported with its own line?"""
    path = _write(tmp_path, "size: [100, 100]\nstart: {x: 10, y: 10}\n\nobstacels: []\n")
    with pytest.raises(WorldError, match=r":4: obstacels: unknown key"):
        load_world(path)


def test_missing_start_is_an_error(tmp_path):
    """Is a world without a start pose refused?"""
    with pytest.raises(WorldError, match="start: missing"):
        load_world(_write(tmp_path, "size: [100, 100]\n"))


def test_start_outside_world_is_refused():
    """Is a start pose outside the world refused with the field name?"""
    with pytest.raises(WorldError, match=r"start\.x: 500"):
        parse_world({"size": [100, 100], "start": {"x": 500, "y": 10}}, "inline")


def test_invalid_yaml_reports_line(tmp_path):
    """Does broken YAML report the line of the problem?"""
    path = _write(tmp_path, "size: [100, 100]\nstart: {x: 10, y: 10\nlines: []\n")
    with pytest.raises(WorldError, match=r"w\.yaml:\d+: world: not valid YAML"):
        load_world(path)


def test_rect_and_arc_shorthands():
    """Do rect and arc shorthands expand to the right points?"""
    w = parse_world({"size": [200, 200], "start": {"x": 10, "y": 10},
                     "walls": [{"rect": [10, 20, 30, 40]}],
                     "lines": [{"points": [{"arc": [100, 100, 50, 0, 90]}]}]})
    assert w.walls[0] == ((10, 20), (30, 20), (30, 40), (10, 40))
    first, last = w.lines[0].points[0], w.lines[0].points[-1]
    assert first == pytest.approx((150, 100)) and last == pytest.approx((100, 150), abs=1e-9)
    assert all(math.hypot(x - 100, y - 100) == pytest.approx(50) for x, y in w.lines[0].points)


def test_border_adds_four_walls():
    """Does the default border enclose the world with solid walls?"""
    assert len(parse_world({"size": [100, 100], "start": {"x": 5, "y": 5}}).solids) == 4
    assert not parse_world({"size": [100, 100], "start": {"x": 5, "y": 5}, "border": False}).solids


def test_inline_worlds_are_cached_and_equal():
    """Does the same inline mapping give the same (cached) world?"""
    data = {"size": [100, 100], "start": {"x": 5, "y": 5, "heading": 30}}
    assert world_from(data) is world_from(dict(data))
    assert world_from(data).start == (5.0, 5.0, 30.0)


def test_every_lab_world_loads():
    """Does every world file shipped with the robot labs validate?"""
    from pathlib import Path

    files = sorted(Path("labs").glob("*/worlds/*.yaml"))
    assert len(files) >= 18
    for f in files:
        assert load_world(f).width > 0
