"""Robot kits: the school robots the simulator models, and a robot set-up validated from a
scenario's ``{type: robot}`` device.

A :class:`Kit` holds the mechanics (wheel base, body radius, top speed, motor dead band and lag)
and the default wiring of its sensors; :func:`parse_robot` merges a scenario's overrides (extra
sonars, other line-sensor pins, noise) into an immutable :class:`RobotSetup`. Sensor positions are
in the robot frame: x forward, y to the left, centimetres from the midpoint between the wheels.

- ``maker_pi_rp2040``: Cytron Maker Pi RP2040 on a two-wheel base. Motors are PWM pairs on
  GP8/GP9 (left, M1A/M1B) and GP10/GP11 (right, M2A/M2B): duty on A drives forward, on B backward.
  NeoPixels GP18, buzzer GP22, buttons GP20/GP21 (the board's own). Virtual wiring of the add-ons:
  IR line sensors on GP26 (left), GP27 (centre), GP28 (right), digital HIGH over the dark line and
  analog via ADC; HC-SR04 trigger GP16 / echo GP17 (Grove 4); bumpers GP2/GP3 to GND (pull-up).
- ``maqueen``: DFRobot Maqueen with a BBC micro:bit. Motors over I2C at 0x10 (register 0x00 left,
  0x02 right; then direction 0 forward / 1 backward and speed 0-255); line sensors on P13 (left)
  and P14 (right), which read 0 over the dark line; HC-SR04 trigger P1 / echo P2.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from app.sim.boards import Board


class RobotConfigError(ValueError):
    """A robot device in a scenario is malformed."""


@dataclass(frozen=True)
class Sonar:
    trigger: str
    echo: str
    x: float = 8.0
    y: float = 0.0
    angle: float = 0.0  # degrees, 0 = straight ahead, +90 = left


@dataclass(frozen=True)
class LineSensor:
    pin: str
    x: float
    y: float


@dataclass(frozen=True)
class Bumper:
    pin: str
    angle: float  # direction of the contact point, degrees from straight ahead


@dataclass(frozen=True)
class Kit:
    name: str
    title: str
    boards: tuple[str, ...]
    track_cm: float  # distance between the wheels
    radius_cm: float  # body footprint (a disc) for collisions
    top_speed: float  # cm/s at full power
    dead_band: float  # fraction of full power below which the wheel does not turn
    tau_s: float  # first-order motor lag
    motors: dict[str, tuple[int, int]] = field(default_factory=dict)  # pin -> (motor, +1/-1)
    i2c_motor: int | None = None
    line: tuple[LineSensor, ...] = ()
    line_dark_level: int = 1  # digital level read over the dark line
    sonars: tuple[Sonar, ...] = ()
    bumpers: tuple[Bumper, ...] = ()


KITS: dict[str, Kit] = {
    "maker_pi_rp2040": Kit(
        "maker_pi_rp2040", "Cytron Maker Pi RP2040 robot", ("pico", "pico_w"),
        track_cm=12.8, radius_cm=8.0, top_speed=40.0, dead_band=0.22, tau_s=0.08,
        motors={"8": (0, 1), "9": (0, -1), "10": (1, 1), "11": (1, -1)},
        line=(LineSensor("26", 7.0, 1.5), LineSensor("27", 7.0, 0.0), LineSensor("28", 7.0, -1.5)),
        line_dark_level=1, sonars=(Sonar("16", "17", 8.0, 0.0, 0.0),),
        bumpers=(Bumper("2", 30.0), Bumper("3", -30.0))),
    "maqueen": Kit(
        "maqueen", "DFRobot Maqueen (micro:bit)", ("microbit",),
        track_cm=7.0, radius_cm=5.0, top_speed=32.0, dead_band=0.12, tau_s=0.05,
        i2c_motor=0x10,
        line=(LineSensor("pin13", 4.5, 1.2), LineSensor("pin14", 4.5, -1.2)),
        line_dark_level=0, sonars=(Sonar("pin1", "pin2", 5.0, 0.0, 0.0),)),
}
DEFAULT_KIT = {"pico": "maker_pi_rp2040", "pico_w": "maker_pi_rp2040", "microbit": "maqueen"}


@dataclass(frozen=True)
class Noise:
    """Seeded imperfections: per-run wheel mismatch, per-step speed jitter, sensor noise."""

    wheel: float = 0.01  # each wheel's gain is 1 +/- up to this (2 % made 2 m drives drift 30 degrees)
    jitter: float = 0.01  # relative speed noise per step
    sensor: float = 0.02  # analog line reading noise, fraction of full scale
    sonar_cm: float = 0.3


@dataclass(frozen=True)
class RobotSetup:
    """What one run's robot is: kit (with overrides), world, noise and step length."""

    kit: Kit
    world: Any  # app.sim.robot.world.World
    noise: Noise = Noise()
    step_us: int = 10_000
    speed_scale: float = 1.0  # battery: 1.0 fresh, lower when tired
    stop_at_goal_s: float | None = None  # the run may end this long after reaching the goal


def _num(d: dict[str, Any], key: str, where: str, lo: float, hi: float, default: float) -> float:
    value = d.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise RobotConfigError(f"{where}.{key}: expected a number in {lo}..{hi}")
    return float(value)


def _pin(board: Board, value: Any, where: str) -> str:
    try:
        return board.pin_key(value)
    except ValueError as exc:
        raise RobotConfigError(f"{where}: {exc}") from None


def parse_robot(d: dict[str, Any], board: Board, where: str, base: Any = None) -> RobotSetup:
    """Validate a ``{type: robot, kit, world, sonars, line_sensors, noise, step_ms,
    speed_scale, stop_at_goal_s}`` device for ``board``; ``base`` is the folder relative world
    paths use."""
    from app.sim.robot.world import WorldError, world_from

    allowed = {"type", "kit", "world", "sonars", "line_sensors", "noise", "step_ms", "speed_scale",
               "stop_at_goal_s"}
    extra = set(d) - allowed
    if extra:
        raise RobotConfigError(f"{where}: unknown keys {sorted(extra)} (known: {sorted(allowed)})")
    kit_name = d.get("kit", DEFAULT_KIT.get(board.name))
    if kit_name not in KITS:
        raise RobotConfigError(f"{where}.kit: expected one of {', '.join(KITS)}")
    kit = KITS[kit_name]
    if board.name not in kit.boards:
        raise RobotConfigError(f"{where}.kit: {kit_name} is driven by {', '.join(kit.boards)}, "
                               f"not {board.name}")
    if "world" not in d:
        raise RobotConfigError(f"{where}.world: missing (a world file or mapping)")
    try:
        world = world_from(d["world"], base)
    except WorldError as exc:
        raise RobotConfigError(str(exc)) from None
    if "sonars" in d:
        raw = d["sonars"]
        if not isinstance(raw, list) or len(raw) > 4:
            raise RobotConfigError(f"{where}.sonars: expected a list of at most 4 sonars")
        sonars = []
        for i, s in enumerate(raw):
            w = f"{where}.sonars[{i}]"
            if not isinstance(s, dict) or set(s) - {"trigger", "echo", "x", "y", "angle"}:
                raise RobotConfigError(f"{w}: expected {{trigger, echo, x, y, angle}}")
            sonars.append(Sonar(_pin(board, s.get("trigger"), f"{w}.trigger"),
                                _pin(board, s.get("echo"), f"{w}.echo"),
                                _num(s, "x", w, -15, 15, 8.0), _num(s, "y", w, -15, 15, 0.0),
                                _num(s, "angle", w, -180, 180, 0.0)))
        kit = replace(kit, sonars=tuple(sonars))
    if "line_sensors" in d:
        raw = d["line_sensors"]
        if not isinstance(raw, list) or not 1 <= len(raw) <= 8:
            raise RobotConfigError(f"{where}.line_sensors: expected a list of 1..8 sensors")
        line = []
        for i, s in enumerate(raw):
            w = f"{where}.line_sensors[{i}]"
            if not isinstance(s, dict) or set(s) - {"pin", "x", "y"}:
                raise RobotConfigError(f"{w}: expected {{pin, x, y}}")
            line.append(LineSensor(_pin(board, s.get("pin"), f"{w}.pin"),
                                   _num(s, "x", w, -15, 15, 7.0), _num(s, "y", w, -10, 10, 0.0)))
        kit = replace(kit, line=tuple(line))
    noise = Noise()
    if "noise" in d:
        n = d["noise"]
        if n is False:
            noise = Noise(0.0, 0.0, 0.0, 0.0)
        elif isinstance(n, dict) and not set(n) - {"wheel", "jitter", "sensor", "sonar_cm"}:
            noise = Noise(*(_num(n, k, f"{where}.noise", 0, 0.5 if k != "sonar_cm" else 5,
                                 getattr(Noise(), k)) for k in ("wheel", "jitter", "sensor", "sonar_cm")))
        else:
            raise RobotConfigError(f"{where}.noise: expected false or {{wheel, jitter, sensor, sonar_cm}}")
    step_ms = _num(d, "step_ms", where, 1, 50, 10)
    scale = _num(d, "speed_scale", where, 0.3, 1.5, 1.0)
    stop = _num(d, "stop_at_goal_s", where, 0, 10, 0) if "stop_at_goal_s" in d else None
    return RobotSetup(kit, world, noise, int(step_ms * 1000), scale, stop)
