"""The robot in the interpreter (modrobot.c, app/sim/robot/crobot.py) against the Python robot.

A robot driven by PWM motor pins runs in C inside the interpreter (line sensors, sonars, walls);
I2C motors, bumpers, and everything after an op only Python handles, run in Python. The two must
agree: the same motor commands at the same times, the same output, events, clock and outcome,
fuel within a few units, and poses equal up to the last bits of the C library's sin/cos/hypot
(docs/engine_speed.md). Every program of every robot lab (solution, alternatives, wrong variants)
runs in every world of its lab both ways, on the real interpreter. The host also checks what it
reads back from the guest's memory: a robot struct that the C code could never have written (a
clock going back, a forged jump of the robot) ends the run as a crash, never as a grade.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.sim import runner
from app.sim.labs import load_lab
from app.sim.robot import crobot
from app.sim.robot.labgrading import scenario_for
from app.sim.scenario import parse_scenario
from app.sim.wasmffi import memory_view
from app.sim.boards import get_board
from app.sim.hal.board import FUEL_PER_US
from app.sim.robot.world import parse_world

ROOT = Path(__file__).resolve().parents[3]
ROBOT_LABS = sorted(p.parent.name for p in (ROOT / "labs").glob("*/lab.yaml")
                    if "robot:" in p.read_text(encoding="utf-8"))
POSE_TOLERANCE = 1e-9  # cm / rad: C's libm and Python's differ in the last bits only


def _world(walls: bool = False):
    """A 200 x 100 cm room, a line along y = 50 that the robot starts on, and a wall if asked."""
    return parse_world({
        "title": {"it": "Prova", "en": "Test"}, "size": [200, 100],
        "start": {"x": 30, "y": 50, "heading": 0}, "goal": {"x": 120, "y": 50, "radius": 10},
        "lines": [{"width": 2, "points": [[10, 50], [140, 50]]}],
        "walls": [{"rect": [150, 10, 160, 90]}] if walls else []}, "test-world")


def _scenario(world, seconds: float = 3) -> dict:
    return {"seconds": seconds, "devices": [{"type": "robot", "world": world}]}


def _programs(lab_name: str) -> list[str]:
    folder = ROOT / "labs" / lab_name
    return ["solution.py"] + sorted(f"{sub}/{p.name}" for sub in ("alternatives", "wrong")
                                    for p in (folder / sub).glob("*.py"))


CASES = [(lab, prog, world) for lab in ROBOT_LABS for prog in _programs(lab)
         for world in range(len(load_lab(ROOT / "labs" / lab).robot.worlds))]


def _run(code: str, scenario, monkeypatch, in_c: bool):
    monkeypatch.setattr(crobot, "ENABLED", in_c)
    served = crobot.STATS["served"]
    result, trace = runner.execute(code, "pico", scenario, replay=False)
    return result, trace, crobot.STATS["served"] - served


def _same_run(code: str, scenario_data, monkeypatch) -> int:
    """Run both ways, assert they agree; returns how many ops the C robot served."""
    scenario = parse_scenario(scenario_data, get_board("pico"))
    py_result, py_trace, py_served = _run(code, scenario, monkeypatch, False)
    c_result, c_trace, served = _run(code, scenario, monkeypatch, True)
    assert py_served == 0
    for field in ("outcome", "error", "stdout", "sim_time_us", "events"):
        assert getattr(c_result, field) == getattr(py_result, field), field
    # the robot's tables, allocated in C, may change what a later malloc costs by a few fuel
    assert abs(c_result.fuel_used - py_result.fuel_used) <= FUEL_PER_US
    c_robot, py_robot = c_trace.robot, py_trace.robot
    assert c_robot.commands == py_robot.commands
    assert [t for t, _, _ in c_robot.collisions] == [t for t, _, _ in py_robot.collisions]
    assert all(abs(a - b) <= POSE_TOLERANCE for s, t in zip(c_robot.collisions, py_robot.collisions)
               for a, b in zip(s, t))
    assert len(c_robot.samples) == len(py_robot.samples)
    worst = max(abs(a - b) for s, t in zip(c_robot.samples, py_robot.samples)
                for a, b in zip(s, t))
    assert worst <= POSE_TOLERANCE
    assert c_robot.goal_time_us() == py_robot.goal_time_us()
    return served


@pytest.mark.parametrize("lab_name,program,world", CASES,
                         ids=[f"{lab}-{prog}-w{w}" for lab, prog, w in CASES])
def test_the_robot_in_c_drives_as_the_python_robot(lab_name, program, world, monkeypatch):
    lab = load_lab(ROOT / "labs" / lab_name)
    data = scenario_for(lab.scenario_data, lab.robot, world)
    served = _same_run(lab.read(program), data, monkeypatch)
    if program == "solution.py":
        assert served > 20, "the solution's sensor reads, motor duties and sleeps were served in C"


DRIVE = """from machine import Pin, PWM, ADC
import time
left, right = PWM(Pin(8), freq=1000), PWM(Pin(10), freq=1000)
PWM(Pin(9), freq=1000).duty_u16(0)
PWM(Pin(11), freq=1000).duty_u16(0)
sensors = [ADC(Pin(p)) for p in (26, 27, 28)]
for i in range(300):
    l, m, r = (s.read_u16() for s in sensors)
    left.duty_u16(30000 + (r - l) // 4)
    right.duty_u16(30000 + (l - r) // 4)
    time.sleep_ms(5)
"""


@pytest.mark.parametrize("then", [
    "Pin(8, Pin.OUT).value(1)",  # a digital write on a motor pin
    "left.deinit()",  # PWM deinit on a motor pin
    "print(Pin(2, Pin.IN, Pin.PULL_UP).value())",  # a bumper
    "from machine import time_pulse_us\nPin(16, Pin.OUT).value(1)\n"
    "print(time_pulse_us(Pin(17, Pin.IN), 1, 30000))",  # the sonar (a real call first)
    "p = Pin(16, Pin.OUT)\nfor i in range(20):\n    p.value(i % 2)\n    time.sleep_us(20)\n"
    "Pin(16, Pin.IN)\nprint(Pin(16).value())",  # a trigger that becomes an input
    "print([Pin(27, Pin.IN).value() for i in range(50)], time.ticks_ms())",  # (served in C)
])
def test_an_op_only_python_handles_hands_the_robot_back(then, monkeypatch):
    """After the op the run goes on in Python, from the state the C robot reached."""
    code = (DRIVE + then
            + "\nfor i in range(100):\n    sensors[0].read_u16()\n    time.sleep_ms(5)\n")
    served = _same_run(code, _scenario(_world()), monkeypatch)
    assert served > 100


SONAR_DRIVE = """from machine import Pin, PWM, time_pulse_us
import time
left, right = PWM(Pin(8), freq=1000), PWM(Pin(10), freq=1000)
trig, echo = Pin(16, Pin.OUT, value=0), Pin(17, Pin.IN)
for i in range(150):
    trig.value(1)
    time.sleep_us(10)
    trig.value(0)
    us = time_pulse_us(echo, 1, 30000)
    print(us)
    speed = 40000 if us < 0 or us > 1500 else 0
    left.duty_u16(speed)
    right.duty_u16(speed)
    time.sleep_ms(15)
"""


def test_a_sonar_in_a_world_with_walls_runs_in_c(monkeypatch):
    """The trigger's writes (with their events), the echo's time_pulse_us, the ray casts and the
    collisions with the wall, in C, as in Python."""
    served = _same_run(SONAR_DRIVE, _scenario(_world(walls=True)), monkeypatch)
    assert served > 300


def _corrupting(monkeypatch, what):
    """Run DRIVE with the robot struct in the guest's memory changed at the end of the run, as a
    memory bug in the interpreter could have changed it; returns the run's result."""
    plain_end = crobot.CRobot.end

    def end(self, board, st, count):
        what(self)
        return plain_end(self, board, st, count)

    monkeypatch.setattr(crobot.CRobot, "end", end)
    monkeypatch.setattr(crobot, "ENABLED", True)
    scenario = parse_scenario(_scenario(_world()), get_board("pico"))
    return runner.execute(DRIVE, "pico", scenario, replay=False)[0]


def _clock_back(robot):
    robot.q[crobot.NOW] = robot.handed_now - 1
    robot.q[crobot.SERVED] += 1


def _negative_charge(robot):
    robot.q[crobot.CHARGE] = -10**9
    robot.q[crobot.SERVED] += 1


def _no_states(robot):
    robot.q[crobot.NSTATES] = 0


def _teleport(robot):
    """A pose 30 cm further on, halfway through the run (to the goal, say)."""
    n = robot.q[crobot.NSTATES]
    poses = memory_view(robot.st.base + robot.blob_at + robot.offs[1], n * 48).cast("d")
    poses[6 * (n // 2)] += 30.0


def _timeline_back(robot):
    robot.q[crobot.NCMD] = robot.q[crobot.CMD_CAP] + 5


@pytest.mark.parametrize("what", [_clock_back, _negative_charge, _timeline_back, _no_states,
                                  _teleport])
def test_a_robot_struct_the_c_code_never_writes_ends_the_run(what, monkeypatch):
    result = _corrupting(monkeypatch, what)
    assert result.outcome == "crash" and "robot" in result.error["message"]


def test_an_untouched_struct_gives_an_ordinary_run(monkeypatch):
    """(The corruption tests' control: the same run without the change ends as usual.)"""
    result = _corrupting(monkeypatch, lambda robot: None)
    assert result.outcome == "done" and result.error is None
