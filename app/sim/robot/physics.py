"""The robot's physics in fixed steps of simulated time, driven by the guest's motor commands.

:class:`RobotSim` lives in the worker process next to the sandbox. The pose at step ``k`` (time
``k * step_us``) follows from the pose at ``k - 1`` and the motor commands in force at the start of
that step, so the trajectory does not depend on when the guest happens to ask for readings: the
guest may sync often or rarely, the result is the same. States are computed ahead (to answer
several future readings in one host call) and dropped again when a new command arrives that
changes them. Collisions stop the robot where it was and are recorded; noise is read from a
per-seed table at an index computed from (step, channel), so it is identical however far ahead we
computed.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from functools import lru_cache
from itertools import islice

from app.sim.robot import sensors
from app.sim.robot.kits import RobotSetup
from app.sim.robot.trajectory import Trajectory

MASK64 = (1 << 64) - 1
# a state: (x_cm, y_cm, heading_rad, left_cm_s, right_cm_s, blocked 0/1)
State = tuple[float, float, float, float, float, int]
_NO_TARGETS = (0, 0, 0.0, 0.0)
LIGHT_U16, SPAN_U16 = sensors.LIGHT_U16, sensors.DARK_U16 - sensors.LIGHT_U16


def unit_noise(seed: int, step: int, channel: int) -> float:
    """Deterministic noise in -1..1 from (seed, step, channel) (splitmix64)."""
    z = (seed * 0x9E3779B97F4A7C15 + step * 0xD1B54A32D192ED03 + channel * 0xABCDEF1234567) & MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    z ^= z >> 31
    return (z >> 11) / float(1 << 52) - 1.0


NOISE_SIZE = 1 << 13
NOISE_MASK = NOISE_SIZE - 1
STEP_STRIDE = 4099  # odd: a channel visits every table entry before repeating (82 s of steps)
CHANNEL_STRIDE = 2053


@lru_cache(maxsize=64)
def noise_table(seed: int) -> tuple[float, ...]:
    """The per-seed table the per-step noise is read from (the Mersenne Twister, seeded: the same
    on every machine): hashing per call cost about a microsecond, a lookup a tenth of that, and
    runs on the same world share the table."""
    rnd = random.Random(seed).random
    # 2 * r - 1 for each of the first NOISE_SIZE draws, iterated in C (-1.0 + y is y - 1.0)
    return tuple(map((-1.0).__add__, map((2.0).__mul__, islice(iter(rnd, -1.0), NOISE_SIZE))))


def step_noise(table: tuple[float, ...], step: int, channel: int) -> float:
    """Noise in -1..1 for (step, channel): identical however far ahead the physics computed."""
    return table[(step * STEP_STRIDE + channel * CHANNEL_STRIDE) & NOISE_MASK]


class RobotSim:
    """One run's robot: commands in, states and sensor readings out."""

    def __init__(self, setup: RobotSetup, seed: int, end_us: int) -> None:
        self.setup = setup
        self.kit = setup.kit
        self.world = setup.world
        self.seed = seed
        self.step_us = setup.step_us
        self.dt = setup.step_us / 1e6
        self.end_step = max(1, end_us // setup.step_us)
        x, y, heading = self.world.start
        self.states: list[State] = [(x, y, math.radians(heading), 0.0, 0.0, 0)]
        # per motor: effective steps and commanded power (-1..1), step 0 = stopped
        self.cmd_steps: list[list[int]] = [[0], [0]]
        self.cmd_values: list[list[float]] = [[0.0], [0.0]]
        self.floor_step = 0  # readings up to this step were handed out: commands cannot precede it
        n = setup.noise
        self.gain = (1.0 + n.wheel * unit_noise(seed, 0, 1), 1.0 + n.wheel * unit_noise(seed, 0, 2))
        self.noise = noise_table(seed)
        self.alpha = 1.0 - math.exp(-self.dt / self.kit.tau_s)
        self.syncs = 0
        self._cached_targets = _NO_TARGETS  # (from_step, until_step, left, right) target speeds
        self.goal_step: int | None = None  # first computed step with the centre in the goal
        self._last_pose: tuple[float, float, float] | None = None  # pose of the cached readings
        self._last_covers: list[float] = []
        self._last_bumpers: list[int] = []
        self._spot_grid = self.world.line_spot_grid
        self._line_offsets = [(sen.x, sen.y) for sen in self.kit.line]
        self._line_channels = [(10 + i) * CHANNEL_STRIDE for i in range(len(self.kit.line))]
        self._consts = (self.dt, self.alpha, setup.noise.jitter, self.noise, self.kit.track_cm,
                        self.kit.radius_cm, self.world.goal, self.world.wall_grid)

    # ---- commands ---------------------------------------------------------------------------
    def command(self, eff_step: int, motor: int, power: float) -> None:
        """Motor ``motor`` gets ``power`` (-1..1) from step ``eff_step`` on."""
        if motor not in (0, 1) or not math.isfinite(power):
            return
        eff = int(eff_step)
        if eff < self.floor_step:
            eff = self.floor_step
        if eff > self.end_step:
            eff = self.end_step
        power = -1.0 if power < -1.0 else 1.0 if power > 1.0 else power
        steps, values = self.cmd_steps[motor], self.cmd_values[motor]
        last = steps[-1]
        if eff > last:  # the usual case: a command after every earlier one
            steps.append(eff)
            values.append(power)
        elif eff == last:
            values[-1] = power
        else:
            i = bisect_right(steps, eff)
            if steps[i - 1] == eff:
                values[i - 1] = power
                del steps[i:], values[i:]
            else:
                del steps[i:], values[i:]
                steps.append(eff)
                values.append(power)
        self._cached_targets = _NO_TARGETS
        # states after `eff` were computed with the old command: drop them
        if len(self.states) > eff + 1:
            del self.states[eff + 1:]
            if self.goal_step is not None and self.goal_step > eff:
                self.goal_step = None

    def _power(self, motor: int, step: int) -> float:
        steps = self.cmd_steps[motor]
        return self.cmd_values[motor][bisect_right(steps, step) - 1]

    def _speed(self, power: float, motor: int) -> float:
        db = self.kit.dead_band
        a = abs(power)
        if a <= db:
            return 0.0
        v = self.kit.top_speed * self.setup.speed_scale * (a - db) / (1.0 - db) * self.gain[motor]
        return v if power > 0 else -v

    # ---- stepping ---------------------------------------------------------------------------
    def ensure(self, k: int) -> State:
        """The state at step ``k`` (computed if needed; ``k`` is capped at the run's end)."""
        if k < 0:
            k = 0
        elif k > self.end_step:
            k = self.end_step
        states = self.states
        if len(states) > k:
            return states[k]
        # (one step per call in a drive loop: the constants come from one tuple)
        dt, alpha, jitter, table, track, radius, goal, grid = self._consts
        world = self.world
        cell, cols, rows, walls_near = grid.cell, grid.cols, grid.rows, grid.prepared
        blocked = sensors.body_blocked
        cos, sin, hypot = math.cos, math.sin, math.hypot
        # the wheel speeds commanded stay the same until the next command: look them up once
        valid_from, next_change, tl, tr = self._cached_targets
        while len(states) <= k:
            j = len(states) - 1
            if not valid_from <= j < next_change:
                tl, tr, next_change = self._targets(j)
                valid_from = j
                self._cached_targets = (valid_from, next_change, tl, tr)
            x, y, th, vl, vr, _ = states[j]
            if jitter:
                at = j * STEP_STRIDE
                vl += (tl * (1.0 + jitter * table[(at + 3 * CHANNEL_STRIDE) & NOISE_MASK]) - vl) * alpha
                vr += (tr * (1.0 + jitter * table[(at + 4 * CHANNEL_STRIDE) & NOISE_MASK]) - vr) * alpha
            else:
                vl += (tl - vl) * alpha
                vr += (tr - vr) * alpha
            v = (vl + vr) * 0.5
            w = (vr - vl) / track
            thm = th + w * dt * 0.5
            nx = x + v * cos(thm) * dt
            ny = y + v * sin(thm) * dt
            nth = th + w * dt
            moved = nx != x or ny != y
            if moved:  # no wall in the grid cell: nothing to collide with (body_blocked's lookup)
                c, r = int(nx // cell) + 1, int(ny // cell) + 1
                moved = 0 <= c < cols and 0 <= r < rows and bool(walls_near[r * cols + c])
            if moved and blocked(world, nx, ny, radius):
                states.append((x, y, nth, 0.0, 0.0, 1))
            else:
                states.append((nx, ny, nth, vl, vr, 0))
                if goal is not None and self.goal_step is None:
                    # Goal.contains, inlined for the disc
                    if (hypot(nx - goal.x, ny - goal.y) <= goal.radius if goal.rect is None
                            else goal.contains(nx, ny)):
                        self.goal_step = j + 1
        return states[k]

    @property
    def done_us(self) -> int | None:
        """When the run may end because the robot's task is over: ``stop_at_goal_s`` after it
        first reached the goal (None: not reached yet as far as computed, or the lab keeps the
        robot running to the end). Labs whose checks only look up to the goal set it."""
        after = self.setup.stop_at_goal_s
        if after is None or self.goal_step is None:
            return None
        return self.goal_step * self.step_us + int(after * 1_000_000)

    def _targets(self, step: int) -> tuple[float, float, int]:
        """Both wheels' commanded speeds at ``step`` and the first later step they may change."""
        nxt = 1 << 62
        speeds = [0.0, 0.0]
        db = self.kit.dead_band
        top = self.kit.top_speed * self.setup.speed_scale
        for motor in (0, 1):
            steps = self.cmd_steps[motor]
            if step >= steps[-1]:  # after the last command (a drive loop's usual case)
                power = self.cmd_values[motor][-1]
            else:
                i = bisect_right(steps, step)
                power = self.cmd_values[motor][i - 1]
                if i < len(steps):
                    nxt = min(nxt, steps[i])
            a = abs(power)  # _speed, inlined (the same arithmetic in the same order)
            if a > db:
                v = top * (a - db) / (1.0 - db) * self.gain[motor]
                speeds[motor] = v if power > 0 else -v
        return speeds[0], speeds[1], nxt

    # ---- sensors ----------------------------------------------------------------------------
    def line_and_bumpers(self, k: int) -> list[int]:
        """Readings at step ``k``: analog line values, then bumper states (1 = pressed)."""
        states = self.states
        x, y, th, _, _, _ = states[k] if 0 <= k < len(states) else self.ensure(k)
        pose = (x, y, th)
        if pose != self._last_pose:  # a robot standing still (or pushing a wall) sees the same
            self._last_pose = pose
            self._last_covers = sensors.spot_covers(self._spot_grid, self._line_offsets, x, y, th)
            # a bumper can only touch a solid within its reach of the body: skip both when none is
            near_wall = bool(self.kit.bumpers) and sensors.body_blocked(
                self.world, x, y, self.kit.radius_cm + sensors.BUMPER_REACH_CM + 1e-6)
            self._last_bumpers = [1 if near_wall and sensors.bumper_pressed(
                self.world, self.kit, x, y, th, b.angle) else 0 for b in self.kit.bumpers]
        # sensors.readings_from_covers with step_noise(k, 10 + sensor), inlined
        amp, table, at = self.setup.noise.sensor, self.noise, k * STEP_STRIDE
        out = []
        for cover, channel in zip(self._last_covers, self._line_channels):
            v = LIGHT_U16 + SPAN_U16 * cover + amp * table[(at + channel) & NOISE_MASK] * 65535
            out.append(0 if v < 0 else 65535 if v > 65535 else int(v))
        return out + self._last_bumpers if self._last_bumpers else out

    def sonar_mm(self, k: int, index: int) -> int:
        """Distance (mm) sonar ``index`` measures at step ``k``; -1 for no echo."""
        if not 0 <= index < len(self.kit.sonars):
            return -1
        s = self.kit.sonars[index]
        x, y, th, _, _, _ = self.ensure(k)
        cm = sensors.sonar_cm(self.world, x, y, th, s.x, s.y, s.angle)
        if cm is None:
            return -1
        cm += self.setup.noise.sonar_cm * step_noise(self.noise, k, 40 + index)
        return int(round(max(cm, sensors.SONAR_MIN_CM) * 10))

    # ---- the end ----------------------------------------------------------------------------
    def finish(self, end_us: int) -> Trajectory:
        """Compute up to ``end_us`` and return the trajectory."""
        last = min(self.end_step, max(0, end_us // self.step_us))
        self.ensure(last)
        timeline = sorted((step * self.step_us, m, v) for m in (0, 1)
                          for step, v in zip(self.cmd_steps[m], self.cmd_values[m]) if step <= last)
        return Trajectory.build(self.setup, self.states[: last + 1], timeline)
