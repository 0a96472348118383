"""Each robot check kind, passing and failing, on trajectories built directly."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from app.sim.checks import CheckContext, parse_check

TEXT = {"it": "messaggio", "en": "message"}


def _check(kind, **params):
    return parse_check({"id": "c", "kind": kind, "params": params, "message": TEXT}, "test")


def _ctx(traj):
    return CheckContext(SimpleNamespace(robot=traj), None)


def _drive(sim_factory, left, right, seconds=6, world=None, stop_at=None):
    sim = sim_factory(world, seconds=seconds)
    sim.command(0, 0, left)
    sim.command(0, 1, right)
    if stop_at is not None:
        sim.command(stop_at, 0, 0.0)
        sim.command(stop_at, 1, 0.0)
    return sim.finish(int(seconds * 1e6))


@pytest.fixture
def straight(sim_factory):
    return _drive(sim_factory, 0.8, 0.8, stop_at=300)  # 3 s at ~30 cm/s, then stop


@pytest.fixture
def circling(sim_factory):
    return _drive(sim_factory, 0.5, 0.9)


def test_reaches_goal(straight, circling):
    """Does reaches_goal pass when the centre enters the goal in time, and fail otherwise?"""
    assert _check("reaches_goal", within_s=5).run(_ctx(straight)).passed
    assert not _check("reaches_goal", within_s=1).run(_ctx(straight)).passed
    assert not _check("reaches_goal", within_s=5).run(_ctx(circling)).passed


def test_on_line(straight, circling):
    """Does on_line see a robot driving along the line and one circling away from it?"""
    assert _check("on_line", min_ratio=0.95).run(_ctx(straight)).passed
    res = _check("on_line", min_ratio=0.5).run(_ctx(circling))
    assert not res.passed and "of the time" in res.detail


def test_no_collision(sim_factory, straight):
    """Does no_collision fail for a robot driven into the wall?"""
    crash = _drive(sim_factory, 1.0, 1.0, seconds=8)
    assert _check("no_collision").run(_ctx(straight)).passed
    res = _check("no_collision").run(_ctx(crash))
    assert not res.passed and "1 collision" in res.detail
    assert _check("no_collision", max=1).run(_ctx(crash)).passed


def test_stops_near_obstacle(sim_factory, straight):
    """Does stops_near_obstacle want the robot still and within range of the wall?"""
    near = _drive(sim_factory, 0.8, 0.8, seconds=8, stop_at=340)
    gap = 150 - 8 - near.samples[-1][0]
    assert 5 < gap < 15, gap
    assert _check("stops_near_obstacle", min_cm=5, max_cm=15).run(_ctx(near)).passed
    assert not _check("stops_near_obstacle", min_cm=5, max_cm=15).run(_ctx(straight)).passed
    moving = _drive(sim_factory, 0.5, 0.5, seconds=3)
    assert "still moving" in _check("stops_near_obstacle", min_cm=0, max_cm=999).run(_ctx(moving)).detail


def test_path_length(straight):
    """Does path_length compare the distance driven with its bounds?"""
    assert _check("path_length", min_cm=80, max_cm=100).run(_ctx(straight)).passed
    assert not _check("path_length", min_cm=100).run(_ctx(straight)).passed


def test_visits_relative_to_start(sim_factory, world_factory):
    """Are visit points taken relative to the start pose, so a rotated start still passes?"""
    rotated = world_factory(start={"x": 100, "y": 30, "heading": 90}, walls=[])
    traj = _drive(sim_factory, 0.8, 0.8, world=rotated, stop_at=200)
    assert _check("visits", points=[[20, 0], [35, 0]], radius_cm=5).run(_ctx(traj)).passed
    res = _check("visits", points=[[20, 0], [20, 30]], radius_cm=5).run(_ctx(traj))
    assert not res.passed and "point 2 missed" in res.detail


def test_steering_levels(sim_factory):
    """Does steering_levels count distinct wheel-power differences?"""
    sim = sim_factory(seconds=2)
    for k in range(10):
        sim.command(k * 10, 0, 0.5 + k * 0.03)
        sim.command(k * 10, 1, 0.5)
    traj = sim.finish(2_000_000)
    assert _check("steering_levels", min_levels=8).run(_ctx(traj)).passed
    assert not _check("steering_levels", min_levels=8).run(_ctx(_drive(sim_factory, 0.5, 0.5))).passed


def test_robot_check_without_robot_is_a_clear_failure():
    """Does a robot check on a run without a robot fail with a plain explanation?"""
    res = _check("path_length", min_cm=1).run(CheckContext(SimpleNamespace(robot=None), None))
    assert not res.passed and "needs a robot" in res.detail


def test_goal_limit_is_stated_or_derived_never_both(sim_factory, straight):
    """Is a goal check with both (or neither) limits a clear misconfiguration, and a derived
    limit the route's length at the given speed plus the extra seconds?"""
    both = _check("reaches_goal", within_s=5, min_speed_cm_s=8)
    assert not both.run(_ctx(straight)).passed and both.seconds_needed(straight.world) == 0
    derived = _check("reaches_goal", min_speed_cm_s=10, extra_s=2)
    assert derived.limit_s(straight.world) == pytest.approx(straight.world.route_cm / 10 + 2, abs=0.1)
    found = derived.run(_ctx(straight))
    assert found.passed and "cm/s" in found.measured["en"]
