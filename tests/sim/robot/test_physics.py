"""Fixed-step physics: speeds, dead band, turning, collisions, determinism, re-simulation."""

from __future__ import annotations

import math

from app.sim.robot.kits import Noise


def test_full_power_reaches_top_speed(sim_factory):
    """Does full power on both wheels drive straight at the kit's top speed?"""
    sim = sim_factory(seconds=2)
    sim.command(0, 0, 1.0)
    sim.command(0, 1, 1.0)
    x, y, th, vl, vr, hit = sim.ensure(100)  # 1 s
    assert vl == vr and abs(vl - 40.0) < 0.01
    assert 30 + 40 * (1 - 0.08) - 2 < x < 30 + 40  # minus the spin-up lag
    assert y == 50 and th == 0 and hit == 0


def test_dead_band_keeps_robot_still(sim_factory):
    """Does a power inside the motor's dead band leave the robot where it is?"""
    sim = sim_factory()
    sim.command(0, 0, 0.2)
    sim.command(0, 1, 0.2)
    assert sim.ensure(100)[:2] == (30, 50)


def test_opposite_wheels_turn_on_the_spot(sim_factory):
    """Do opposite wheel powers turn the robot without moving its centre?"""
    sim = sim_factory()
    sim.command(0, 0, -0.6)
    sim.command(0, 1, 0.6)
    x, y, th, *_ = sim.ensure(50)
    assert (round(x, 6), round(y, 6)) == (30, 50) and th > 1.0


def test_collision_stops_and_is_recorded(sim_factory):
    """Does driving into the wall stop the robot before it and record one collision?"""
    sim = sim_factory(seconds=8)
    sim.command(0, 0, 1.0)
    sim.command(0, 1, 1.0)
    traj = sim.finish(8_000_000)
    last = traj.samples[-1]
    assert 150 - 8 - 0.5 < last[0] < 150 - 8  # body radius 8 cm against the wall at x = 150
    assert len(traj.collisions) == 1 and traj.collisions[0][1] > 140


def test_seeded_noise_is_deterministic(sim_factory):
    """Do the same seed and commands give identical trajectories, and another seed differ?"""
    def run(seed):
        sim = sim_factory(noise=Noise(), seed=seed, seconds=3)
        sim.command(0, 0, 0.7)
        sim.command(0, 1, 0.7)
        return sim.finish(3_000_000).samples

    assert run(4) == run(4)
    assert run(4) != run(5)


def test_late_command_recomputes_the_future(sim_factory):
    """Does a command arriving after states were computed ahead give the same result as if it
    had been known from the start?"""
    a = sim_factory(seconds=3)
    a.command(0, 0, 0.8)
    a.command(0, 1, 0.8)
    a.ensure(250)  # computed ahead with the old command
    a.command(100, 1, 0.3)
    b = sim_factory(seconds=3)
    b.command(0, 0, 0.8)
    b.command(0, 1, 0.8)
    b.command(100, 1, 0.3)
    assert a.finish(3_000_000).samples == b.finish(3_000_000).samples


def test_commands_cannot_rewrite_delivered_steps(sim_factory):
    """Is a command dated before readings already handed out applied from that point on only?"""
    sim = sim_factory(seconds=3)
    sim.floor_step = 100
    sim.command(10, 0, 1.0)
    sim.command(10, 1, 1.0)
    assert sim.ensure(100)[:2] == (30, 50)
    assert sim.ensure(150)[0] > 30


def test_speed_scale_slows_the_robot(sim_factory):
    """Does a tired battery (speed_scale) make the robot slower?"""
    def distance(scale):
        sim = sim_factory(speed_scale=scale, seconds=2)
        sim.command(0, 0, 1.0)
        sim.command(0, 1, 1.0)
        return sim.ensure(100)[0]

    assert distance(0.5) < distance(1.0) - 10


def test_trajectory_measures(sim_factory):
    """Are path length and goal time computed from the samples?"""
    sim = sim_factory(seconds=4)
    sim.command(0, 0, 1.0)
    sim.command(0, 1, 1.0)
    traj = sim.finish(4_000_000)
    assert math.isclose(traj.path_length_cm, traj.samples[-1][0] - 30, rel_tol=1e-6)
    assert 1_500_000 < traj.goal_time_us() < 2_500_000


def test_goal_step_and_when_the_run_may_end(world_factory):
    """Is the first step in the goal recorded, the end offered only when the lab asks for it,
    and forgotten when a late command rewrites the states before it?"""
    from app.sim.robot.kits import KITS, Noise, RobotSetup
    from app.sim.robot.physics import RobotSim

    quiet = Noise(0.0, 0.0, 0.0, 0.0)
    world = world_factory()
    keeps_going = RobotSim(RobotSetup(KITS["maker_pi_rp2040"], world, quiet), 1, 8_000_000)
    stops = RobotSim(RobotSetup(KITS["maker_pi_rp2040"], world, quiet, stop_at_goal_s=1.0), 1, 8_000_000)
    for sim in (keeps_going, stops):
        sim.command(0, 0, 1.0)
        sim.command(0, 1, 1.0)
        sim.ensure(400)
    assert keeps_going.goal_step == stops.goal_step and stops.goal_step is not None
    assert keeps_going.done_us is None
    assert stops.done_us == stops.goal_step * stops.step_us + 1_000_000
    stops.command(50, 0, 0.0)  # a late command before the goal: the goal is not reached yet
    assert stops.goal_step is None and stops.done_us is None
