"""The robot driven by real MicroPython: motors, sensors, Maqueen I2C, determinism, isolation."""

from __future__ import annotations

import json

from app.sim.runner import execute

DRIVE = """from machine import Pin, PWM
import time
l = PWM(Pin(8), freq=1000)
r = PWM(Pin(10), freq=1000)
l.duty_u16({duty})
r.duty_u16({duty})
time.sleep(3)
"""


def _run(code, scenario, board="pico"):
    return execute(code, board, scenario)


def test_pwm_motors_move_the_robot(world_factory, scenario_factory):
    """Do PWM duties on GP8/GP10 drive the robot forward at the expected speed?"""
    res, trace = _run(DRIVE.format(duty=40000), scenario_factory(world_factory(), noise=False))
    x = trace.robot.samples[-1][0]
    assert res.error is None and 30 + 5 * 20 - 6 < x < 30 + 5 * 20  # ~20 cm/s for 5 s
    assert res.robot["frames"][-1][1] == round(x, 2)


def test_motors_are_not_flooding_the_trace(world_factory, scenario_factory):
    """Are motor duties recorded in the trajectory instead of the event trace?"""
    res, trace = _run(DRIVE.format(duty=40000), scenario_factory(world_factory()))
    assert not [e for e in res.events if e.source == "pwm:8" and e.kind == "duty"]
    assert trace.robot.commands_timeline()[-1][1:] == (40000 / 65535, 40000 / 65535)


def test_line_sensors_read_the_floor(world_factory, scenario_factory):
    """Do digital and analog reads of the line sensors see the line under the centre sensor?"""
    code = ("from machine import Pin, ADC\nprint(Pin(26, Pin.IN).value(), Pin(27, Pin.IN).value(),"
            " ADC(27).read_u16() > 40000, ADC(26).read_u16() < 12000)\n")
    res, _ = _run(code, scenario_factory(world_factory()))
    assert res.stdout.split() == ["0", "1", "True", "True"]


def test_sonar_measures_through_time_pulse_us(world_factory, scenario_factory):
    """Does an HC-SR04 ping on GP16/GP17 measure the distance to the wall?"""
    code = ("from machine import Pin, time_pulse_us\nimport time\nt = Pin(16, Pin.OUT)\n"
            "e = Pin(17, Pin.IN)\nt.value(1)\ntime.sleep_us(10)\nt.value(0)\n"
            "print(time_pulse_us(e, 1, 30000) / 58)\n")
    res, _ = _run(code, scenario_factory(world_factory(), noise=False))
    assert abs(float(res.stdout) - 112) < 1.0


def test_bumper_reads_pressed_against_wall(world_factory, scenario_factory):
    """Does the bumper on GP2 read 0 (pressed, pull-up) once the robot drives into the wall?"""
    code = DRIVE.format(duty=65535).replace("time.sleep(3)", (
        "b = Pin(2, Pin.IN, Pin.PULL_UP)\nprint(b.value())\ntime.sleep(6)\nprint(b.value())"))
    res, trace = _run(code, scenario_factory(world_factory(), seconds=8))
    assert res.stdout.split() == ["1", "0"] and len(trace.robot.collisions) == 1


def test_maqueen_i2c_motors_and_line_sensors(world_factory, scenario_factory):
    """Does a micro:bit drive the Maqueen over I2C at 0x10 and read P13/P14 (0 over the line)?"""
    code = ("from microbit import *\nprint(i2c.scan())\n"
            "i2c.write(0x10, bytearray([0x00, 0, 200]))\ni2c.write(0x10, bytearray([0x02, 0, 200]))\n"
            "print(pin13.read_digital(), pin14.read_digital())\nsleep(2000)\n")
    w = world_factory(lines=[{"width": 3, "points": [[10, 50], [140, 50]]}])
    res, trace = _run(code, scenario_factory(w, noise=False), board="microbit")
    assert res.error is None and res.stdout.split() == ["[16]", "0", "0"]
    assert trace.robot.samples[-1][0] > 60 and trace.robot.setup.kit.name == "maqueen"


def test_maqueen_backward_direction(world_factory, scenario_factory):
    """Does direction 1 on both Maqueen motors drive backwards?"""
    code = ("from microbit import *\ni2c.write(0x10, bytes([0, 1, 255]))\n"
            "i2c.write(0x10, bytes([2, 1, 255]))\nsleep(1000)\n")
    _, trace = _run(code, scenario_factory(world_factory(), noise=False), board="microbit")
    assert trace.robot.samples[-1][0] < 25


def test_same_seed_same_bytes(world_factory, scenario_factory):
    """Are two runs of the same code and seed byte-identical, robot included?"""
    code = DRIVE.format(duty=52000).replace("time.sleep(3)", (
        "s = Pin(26, Pin.IN)\nwhile True:\n    l.duty_u16(20000 if s.value() else 52000)\n"
        "    time.sleep_ms(7)"))
    sc = scenario_factory(world_factory(), seconds=4)
    a, _ = _run(code, sc)
    b, _ = _run(code, sc)
    assert json.dumps(a.to_dict()) == json.dumps(b.to_dict())


def test_program_cannot_reach_the_host_module(world_factory, scenario_factory):
    """Is the host-call module still out of the student's reach in a robot run?"""
    res, _ = _run("import host\n", scenario_factory(world_factory()))
    assert res.error["type"] == "ImportError"


def test_runs_without_robot_are_unchanged():
    """Does a run without a robot carry no robot data?"""
    res, trace = execute("print(1)\n", "pico", None, 1)
    assert trace.robot is None and "robot" not in res.to_dict()


def test_motors_keep_running_after_main_ends(world_factory, scenario_factory):
    """Do the motors keep their last power after the program returns, as on the real robot?"""
    code = DRIVE.format(duty=40000).replace("time.sleep(3)", "")
    res, trace = _run(code, scenario_factory(world_factory(), seconds=3, noise=False))
    assert res.outcome == "done" and trace.robot.samples[-1][0] > 80


def test_bridge_grants_only_what_motor_pins_can(world_factory, scenario_factory):
    """Does calling the bridge directly (the old 'robot' message, crafted commands) move the robot
    no further than the motor pins would, and record no motor events in the trace?"""
    code = ("import builtins\ndel builtins.__import__\nimport host, time\n"
            "for msg in ('S 0|0,0,65535;0,1,65535', 'E 999|0,0,65535', 'D 0 0|'):\n"
            "    for name in ('robot', 'R', 'D', 'F'):\n"
            "        try:\n            host.call(name, msg)\n"
            "        except Exception:\n            pass\n"
            "time.sleep(2)\n")
    res, trace = _run(code, scenario_factory(world_factory(), seconds=3, noise=False))
    start_x = trace.robot.samples[0][0]
    assert res.error is None and trace.robot.samples[-1][0] == start_x
    assert not [e for e in res.events if e.source.startswith("pwm:")]


def test_robot_reads_are_charged_to_the_budget(world_factory, scenario_factory):
    """Do sensor reads that make the host compute physics cost fuel (no free host work)?"""
    base = "from machine import Pin\nimport time\ns = Pin(26, Pin.IN)\ntime.sleep(0.1)\n"
    idle, _ = _run(base + "time.sleep(3)\n", scenario_factory(world_factory(), seconds=4))
    busy, _ = _run(base + "for i in range(300):\n    s.value()\n    time.sleep_ms(10)\n",
                   scenario_factory(world_factory(), seconds=4))
    assert busy.fuel_used > idle.fuel_used + 300 * 1000
