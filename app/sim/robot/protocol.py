"""The virtual robot as the host's virtual board sees it: motor pins and Maqueen I2C writes in,
line-sensor, bumper and sonar readings out.

:class:`RobotLink` sits between :mod:`app.sim.hal` (which owns the pins, the clock and the trace)
and :class:`~app.sim.robot.physics.RobotSim`. The guest has no robot code of its own any more: its
``PWM.duty_u16`` on GP8-GP11, ``Pin.value()`` on a line sensor or ``i2c.write(0x10, ...)`` on a
Maqueen are ordinary board commands, so a program calling the bridge directly can only do what
motor pins and sensors can. A command takes effect at the first physics step at or after the
host's time of the call; a reading is the state at the step the host's clock is in. Readings of a
step are computed once and reused by every read in that step.
"""

from __future__ import annotations

from app.sim.hal.board import ROBOT_STEP_FUEL
from app.sim.robot.physics import RobotSim

THRESHOLD = 29000  # analog line value above which a digital line sensor reads "dark"


class RobotLink:
    """One run's robot, driven by the host's pin and I2C state."""

    def __init__(self, sim: RobotSim) -> None:
        self.sim = sim
        kit = sim.kit
        self.step = sim.step_us
        self.motors = {p: tuple(m) for p, m in kit.motors.items()}  # pin -> (motor, +1/-1)
        # pin -> (motor, sign, the motor's other pins with their signs): a duty on one pin of a
        # motor's pair nets against the other's
        self.pairs = {p: (m, sign, tuple((k, s) for k, (m2, s) in self.motors.items()
                                         if m2 == m and k != p))
                      for p, (m, sign) in self.motors.items()}
        self.i2c_addr = kit.i2c_motor
        self.dark = kit.line_dark_level
        self.line = {s.pin: i for i, s in enumerate(kit.line)}
        self.bumpers = {b.pin: len(kit.line) + i for i, b in enumerate(kit.bumpers)}
        self.duty: dict[str, int] = {}
        self.power = [0, 0]
        self.cached_step = -1
        self.cached: list[int] = []
        self.board = None  # the VirtualBoard, which charges the physics work to the budget
        self.cmode = None  # app.sim.robot.crobot.CRobot while the robot runs in the interpreter

    def sonar_devices(self) -> list[dict]:
        """The kit's HC-SR04s as scenario sonars whose distance comes from :meth:`sonar_cm`."""
        return [{"trig": s.trigger, "echo": s.echo, "cm": [], "robot": i}
                for i, s in enumerate(self.sim.kit.sonars)]

    # ---- motors ----------------------------------------------------------------------------
    def _set_power(self, motor: int, power: int, now: int) -> None:
        if self.power[motor] == power:
            return
        self.power[motor] = power
        eff = (now + self.step - 1) // self.step
        self.sim.command(eff, motor, power / 65535.0)
        if eff <= self.cached_step:
            self.cached_step = -1

    def pwm(self, key: str, duty: int, now: int) -> bool:
        """A PWM duty on ``key``; True when it is a motor pin (the trajectory records it)."""
        pair = self.pairs.get(key)
        if pair is None:
            return False
        if self.cmode is not None:  # a digital write or deinit on a motor pin: Python from here
            self.cmode.fallback()
        motor, sign, others = pair
        duties = self.duty
        duties[key] = duty
        net = sign * duty
        for k, s in others:
            net += s * duties.get(k, 0)
        power = -65535 if net < -65535 else 65535 if net > 65535 else net
        if self.power[motor] != power:  # _set_power, inlined (two calls per drive loop)
            self.power[motor] = power
            step = self.step
            eff = (now + step - 1) // step
            self.sim.command(eff, motor, power / 65535.0)
            if eff <= self.cached_step:
                self.cached_step = -1
        return True

    def digital(self, key: str, level: int, now: int) -> None:
        """A digital write: a motor pin driven fully on or off."""
        if key in self.motors:
            self.pwm(key, 65535 if level else 0, now)

    def i2c_write(self, addr: int, data: bytes, now: int) -> None:
        """Maqueen: [register 0x00 left | 0x02 right, direction 0 fwd / 1 back, speed 0..255]."""
        if addr == self.i2c_addr and len(data) >= 3 and data[0] in (0, 2):
            if self.cmode is not None:
                self.cmode.fallback()
            p = min(data[2], 255) * 65535 // 255
            self._set_power(data[0] // 2, -p if data[1] else p, now)

    # ---- sensors ---------------------------------------------------------------------------
    def _readings(self, now: int) -> list[int]:
        k = now // self.step
        if k != self.cached_step:
            sim = self.sim
            before = len(sim.states)
            self.cached = sim.line_and_bumpers(k)
            steps = len(sim.states) - before  # self._charge, inlined
            if steps > 0 and self.board is not None:
                self.board.charge += steps * ROBOT_STEP_FUEL
            end = sim.end_step
            if sim.floor_step < (k if k < end else end):
                sim.floor_step = k if k < end else end
            self.cached_step = k
        return self.cached

    def level(self, key: str, now: int) -> int | None:
        """Digital level of a line sensor or bumper pin, None for other pins."""
        i = self.line.get(key)
        if i is not None and self.cmode is not None:  # performed in C after the call
            self.cmode.complete(82, i)
            return 0
        if i is not None:
            readings = self.cached if now // self.step == self.cached_step else self._readings(now)
            return self.dark if readings[i] > THRESHOLD else 1 - self.dark
        i = self.bumpers.get(key)
        if i is not None:
            if self.cmode is not None:
                self.cmode.fallback()
            return 0 if self._readings(now)[i] else 1  # switch to GND, read with a pull-up
        return None

    def analog(self, key: str, now: int) -> int | None:
        """Analog value of a line sensor, None for other pins."""
        i = self.line.get(key)
        if i is None:
            return None
        if self.cmode is not None:  # performed in C after the call
            self.cmode.complete(65, i)
            return 0
        if now // self.step == self.cached_step:  # the readings of this step are known
            return self.cached[i]
        return self._readings(now)[i]

    def sonar_cm(self, index: int, now: int) -> float:
        """What sonar ``index`` measures now (cm, -1 for no echo)."""
        if self.cmode is not None:  # the robot in C computes the echo right after the call
            return self.cmode.sonar_reading(index, now)
        k = now // self.step
        sim = self.sim
        sim.floor_step = max(sim.floor_step, min(k, sim.end_step))
        before = len(sim.states)
        mm = sim.sonar_mm(k, index)
        self._charge(len(sim.states) - before + 4)  # a ray cast costs a few steps
        return -1 if mm < 0 else mm / 10

    def _charge(self, steps: int) -> None:
        """Physics steps the host computed for a read: paid from the program's fuel budget."""
        if steps > 0 and self.board is not None:
            self.board.charge += steps * ROBOT_STEP_FUEL
