"""Sensor readings at a pose: line sensors, sonar, bumpers."""

from __future__ import annotations

import math

from app.sim.robot import sensors
from app.sim.robot.kits import KITS

KIT = KITS["maker_pi_rp2040"]


def test_line_coverage_on_edge_and_off(world_factory):
    """Is the floor dark on the line, half-dark at its edge and light away from it?"""
    w = world_factory()
    assert sensors.line_coverage(w, 60, 50) == 1.0
    assert sensors.line_coverage(w, 60, 51) == 0.5
    assert sensors.line_coverage(w, 60, 55) == 0.0


def test_line_readings_follow_the_kit_layout(world_factory):
    """Do the centre sensor read dark and the side ones light when the robot straddles the line?"""
    left, centre, right = sensors.line_readings(world_factory(), KIT, 40, 50, 0.0, [0, 0, 0])
    assert centre > 45000 and left < 10000 and right < 10000


def test_sonar_measures_the_wall(world_factory):
    """Does the front sonar measure the gap to the wall ahead?"""
    d = sensors.sonar_cm(world_factory(), 30, 50, 0.0, 8, 0, 0)
    assert abs(d - (150 - 38)) < 0.01


def test_sonar_beam_sees_an_offset_obstacle():
    """Does the 30-degree cone see an obstacle slightly off the axis?"""
    from app.sim.robot.world import parse_world

    w = parse_world({"size": [300, 300], "start": {"x": 10, "y": 150}, "border": False,
                     "obstacles": [{"rect": [100, 160, 110, 175]}]})
    assert sensors.sonar_cm(w, 10, 150, 0.0, 0, 0, 0) is not None
    assert sensors.sonar_cm(w, 10, 150, math.radians(-40), 0, 0, 0) is None


def test_bumper_pressed_only_when_touching(world_factory):
    """Is the bumper pressed against the wall and released away from it?"""
    w = world_factory()
    assert sensors.bumper_pressed(w, KIT, 150 - 8.2, 50, 0.0, 30)
    assert not sensors.bumper_pressed(w, KIT, 120, 50, 0.0, 30)
