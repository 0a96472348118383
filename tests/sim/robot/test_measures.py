"""Trajectory measures and the fast sensor paths, without the interpreter: sides and turns of a
driven polygon, exploring, collision causes, route lengths, and the sonar's cone culling."""

from __future__ import annotations

import math
import random

import pytest

from app.sim.robot import measures, sensors
from app.sim.robot.geometry import ray_segment
from app.sim.robot.world import parse_world


def _square(sim_factory, world, side_steps=170, turn_steps=43, power=0.6, left=True):
    """Command a square: forward, stop, spin, stop, four times."""
    sim = sim_factory(world, seconds=20)
    step = 0
    for _ in range(4):
        for motor in (0, 1):
            sim.command(step, motor, power)
        step += side_steps
        for motor, sign in ((0, -1), (1, 1)):
            sim.command(step, motor, sign * power * (1 if left else -1))
        step += turn_steps
        for motor in (0, 1):
            sim.command(step, motor, 0.0)
        step += 30
    return sim.finish(20_000_000)


def test_straight_sides_and_turns_of_a_square(sim_factory):
    """Does a commanded square show four sides of equal length and three left turns?"""
    world = parse_world({"size": [400, 400], "start": {"x": 150, "y": 150}})
    traj = _square(sim_factory, world)
    sides = measures.straight_sides(traj)
    assert len(sides) == 4
    lengths = [s.length_cm for s in sides]
    assert max(lengths) - min(lengths) < 1.0
    assert all(t > 0 for t in measures.turns_deg(sides))


def test_turning_right_is_negative(sim_factory):
    """Are right turns measured as negative angles?"""
    world = parse_world({"size": [400, 400], "start": {"x": 250, "y": 250}})
    traj = _square(sim_factory, world, left=False)
    assert all(t < 0 for t in measures.turns_deg(measures.straight_sides(traj)))


def test_reversing_into_a_wall_is_told_apart(sim_factory, world_factory):
    """Is a contact while driving backwards classified as reversing, forwards as hit-wall?"""
    world = world_factory(start={"x": 30, "y": 50, "heading": 180})
    sim = sim_factory(world, seconds=6)
    sim.command(0, 0, -0.8)
    sim.command(0, 1, -0.8)
    back = sim.finish(6_000_000)
    assert back.collisions and measures.collision_cause(back, back.collisions[0][0]) == "reversing"
    sim = sim_factory(seconds=6)
    sim.command(0, 0, 0.8)
    sim.command(0, 1, 0.8)
    ahead = sim.finish(6_000_000)
    assert measures.collision_cause(ahead, ahead.collisions[0][0]) == "hit-wall"


def test_circling_explores_little(sim_factory):
    """Does a tight circle visit few squares and stay near the start?"""
    world = parse_world({"size": [400, 400], "start": {"x": 200, "y": 200}})
    sim = sim_factory(world, seconds=20)
    sim.command(0, 0, 0.7)
    sim.command(0, 1, 0.45)
    traj = sim.finish(20_000_000)
    assert traj.path_length_cm > 300
    assert measures.cells_visited(traj, 25) <= 6 and measures.farthest_from_start_cm(traj) < 45


def test_route_length_along_a_closed_line_follows_the_heading():
    """Is the route measured along the line in the direction the robot faces?"""
    line = {"width": 2, "closed": True, "points": [[0 + 20, 20], [120, 20], [120, 120], [20, 120]]}
    ahead = parse_world({"size": [150, 150], "start": {"x": 30, "y": 20, "heading": 0},
                         "goal": {"x": 120, "y": 70, "radius": 5}, "lines": [line]})
    behind = parse_world({"size": [150, 150], "start": {"x": 30, "y": 20, "heading": 180},
                          "goal": {"x": 120, "y": 70, "radius": 5}, "lines": [line]})
    assert ahead.route_cm == pytest.approx(90 + 50)
    assert behind.route_cm == pytest.approx(10 + 100 + 100 + 50)


def test_route_waypoints_and_straight_line():
    """Does a world's route go through its waypoints, and default to a straight line?"""
    maze = parse_world({"size": [200, 200], "start": {"x": 10, "y": 10},
                        "goal": {"x": 110, "y": 110, "radius": 5}, "route": [[10, 110]]})
    assert maze.route_cm == pytest.approx(200)
    room = parse_world({"size": [200, 200], "start": {"x": 10, "y": 10},
                        "goal": {"x": 40, "y": 50, "radius": 5}})
    assert room.route_cm == pytest.approx(50)


def test_sonar_cone_culling_matches_a_brute_force_cast():
    """Does the culled sonar cast give exactly the brute-force nearest hit, for many poses?"""
    world = parse_world({"size": [240, 200], "start": {"x": 20, "y": 20},
                         "walls": [{"rect": [48, 0, 52, 120]}, {"rect": [120, 60, 200, 64]}],
                         "obstacles": [[[150, 120], [165, 135], [150, 150], [135, 135]]]})
    rng = random.Random(7)
    for _ in range(400):
        x, y = rng.uniform(-5, 245), rng.uniform(-5, 205)
        th, angle = rng.uniform(-math.pi, math.pi), rng.choice([0.0, -90.0, 45.0])
        sx, sy = rng.uniform(-10, 10), rng.uniform(-10, 10)
        ox = x + sx * math.cos(th) - sy * math.sin(th)
        oy = y + sx * math.sin(th) + sy * math.cos(th)
        best = None
        for off in (-15.0, -7.5, 0.0, 7.5, 15.0):
            a = th + math.radians(angle + off)
            for seg in world.wall_segments:
                t = ray_segment(ox, oy, math.cos(a), math.sin(a), seg)
                if t is not None and (best is None or t < best):
                    best = t
        expected = None if best is None or best > sensors.SONAR_MAX_CM else max(best, sensors.SONAR_MIN_CM)
        assert sensors.sonar_cm(world, x, y, th, sx, sy, angle) == expected
