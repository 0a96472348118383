"""Fixtures of the robot tests: factories for small worlds and simulators built in code."""

from __future__ import annotations

from typing import Any

import pytest

from app.sim.robot.kits import KITS, Noise, RobotSetup
from app.sim.robot.physics import RobotSim
from app.sim.robot.world import World, parse_world

QUIET = Noise(0.0, 0.0, 0.0, 0.0)


def gen_world(**overrides: Any) -> World:
    """A 200 x 100 cm room, robot at (30, 50) facing +x, a line along y = 50, a wall at x = 150."""
    data: dict[str, Any] = {
        "title": {"it": "Prova", "en": "Test"},
        "size": [200, 100],
        "start": {"x": 30, "y": 50, "heading": 0},
        "goal": {"x": 120, "y": 50, "radius": 10},
        "lines": [{"width": 2, "points": [[10, 50], [140, 50]]}],
        "walls": [{"rect": [150, 10, 160, 90]}],
    }
    data.update(overrides)
    return parse_world(data, "test-world")


def gen_sim(world: World | None = None, *, kit: str = "maker_pi_rp2040", noise: Noise = QUIET,
            seed: int = 1, seconds: float = 10, speed_scale: float = 1.0) -> RobotSim:
    setup = RobotSetup(KITS[kit], world or gen_world(), noise, 10_000, speed_scale)
    return RobotSim(setup, seed, int(seconds * 1_000_000))


def robot_scenario(world: World | dict[str, Any], seconds: float = 5, **device: Any) -> dict[str, Any]:
    return {"seconds": seconds, "devices": [{"type": "robot", "world": world, **device}]}


@pytest.fixture
def world_factory():
    return gen_world


@pytest.fixture
def sim_factory():
    return gen_sim


@pytest.fixture
def scenario_factory():
    return robot_scenario
