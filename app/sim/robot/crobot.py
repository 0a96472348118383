"""The host's side of the robot that runs inside the interpreter (modrobot.c, design 1 of
docs/engine_speed.md).

A robot driven by PWM motor pins runs in C: the guest answers line-sensor reads, motor duties,
sonar triggers and echoes (:mod:`app.sim.robot.csonar`), sleeps and ``ticks`` itself while
nothing else is due, so a robot grade makes a few dozen host calls instead of tens of
thousands. The host writes the constants into the guest's robot struct at "init" and the tables
(noise, sensors, and a world's grids and wall edges from :mod:`app.sim.robot.ctables`) into a
buffer the guest allocates ("robot" call); at every real host call it takes the guest's clock
and charges back (:meth:`CRobot.before`, checked: guest memory is not trusted) and hands the
board's clock over (:meth:`CRobot.after`). At the end, or when the program does something only
the Python robot handles (bumpers, I2C motors, a digital write or deinit on a motor pin), the
states and the command timeline go back into :class:`~app.sim.robot.physics.RobotSim` (checked
again, down to what the motors can do) and the run goes on in Python. The C code is a port of
``RobotSim.ensure``, ``_targets``, ``command`` and ``sonar_mm``, ``sensors.spot_covers``,
``sonar_cm`` and ``body_blocked``, and ``RobotLink.pwm``; the tests hold it to the Python robot,
command for command.
"""

from __future__ import annotations

import ctypes
import math
import struct
from typing import Any

from app.sim.boards import COSTS
from app.sim.hal.board import FUEL_PER_US, ROBOT_STEP_FUEL
from app.sim.robot import sensors
from app.sim.robot.csonar import GuestRobotError, SonarSync
from app.sim.robot.ctables import padded, physically_possible, world_tables
from app.sim.robot.physics import _NO_TARGETS
from app.sim.robot.protocol import THRESHOLD
from app.sim.wasmffi import memory_view

ENABLED = True  # tests switch it off to compare with the Python robot
SIZE = 3360
LABELS_AT = 832
LABEL_BYTES = 32
# int64 slots
(ENABLED_, NOW, CARRY, LAST_COUNT, END_US, SERVE, CHARGE, SERVED, SLEPT, STEP_US, END_STEP,
 NSTATES, GOAL_STEP, STOP_AFTER, FLOOR_STEP, CACHED_STEP) = range(16)
NCMD, POWER, DUTY, MOTOR_OF, SIGN_OF = 16, 18, 20, 24, 28
(COMP_KIND, COMP_ARG, COMP_VAL, MASK, DARK, NLINE, ADC_US, PIN_US, FPU, GOAL_KIND, NLABELS,
 SG_COLS, SG_ROWS, OG_COLS, OG_ROWS, WG_COLS, WG_ROWS, BLOB, BLOB_SIZE) = range(32, 51)
CAL_S_PRE, CAL_S_TOTAL, CAL_US_PRE, CAL_US_TOTAL = range(52, 56)  # sleep_ms, sleep_us
OFF_NOISE, OFF_STATES, OFF_CSTEPS, OFF_CVALS, OFF_SENS = range(56, 61)
OFF_SGCELLS, OFF_SGSEGS, OFF_WGCELLS, OFF_WGSEGS, CMD_CAP = range(61, 66)
CAL_M_PRE, CAL_M_TOTAL, TICK_US, STEP_FUEL, THRESHOLD_ = range(66, 71)
OFF_RIN, N_RIN, OFF_RALL, N_RALL = range(175, 179)  # (the sonars' slots: app/sim/robot/csonar.py)
MAX_SONARS = 4
# double slots
(D_DT, D_ALPHA, D_JITTER, D_TRACK, D_RADIUS, D_TOP, D_DB, D_GAIN0, D_GAIN1, D_AMP, D_GX, D_GY,
 D_GR, D_RX0, D_RY0, D_RX1, D_RY1, D_SGX0, D_SGY0, D_SGCELL, D_OGCELL, D_WGCELL, D_LIGHT,
 D_SPAN, D_SPOT) = range(72, 97)

STATS = {"runs": 0, "served": 0, "fallbacks": 0}  # (read by benchmarks/robot_sim.py)

def eligible(board: Any) -> bool:
    """A robot driven by PWM motor pins (not I2C), with at most 8 line sensors and 4 sonars."""
    robot = board.robot
    if not ENABLED or robot is None:
        return False
    kit = robot.sim.kit
    return (1 <= len(kit.motors) <= 4 and kit.i2c_motor is None and len(kit.line) <= 8
            and len(kit.sonars) <= MAX_SONARS)


__all__ = ["CRobot", "GuestRobotError", "eligible"]


class CRobot(SonarSync):
    """One run's robot in C: views of the guest's struct and blob."""

    def __init__(self, st: Any, board: Any, at: int) -> None:
        self.st = st
        self.board = board
        self.link = link = board.robot
        self.sim = sim = link.sim
        self.at = at
        self.q = memory_view(st.base + at, SIZE).cast("q")
        self.d = memory_view(st.base + at, SIZE).cast("d")
        self.i = memory_view(st.base + at, SIZE).cast("i")
        self.pins = list(link.motors)  # motor pin keys, index = pin index in C
        self.labels: dict[tuple[int, bytes], int] = {}
        self.slot_labels: list[str] = []  # label slot -> label
        self.slot_keys: list[str] = []  # label slot -> pin key
        kit, world, setup = sim.kit, sim.world, sim.setup
        q, d = self.q, self.d
        self.parts = world_tables(world)
        cap = sim.end_step + 2
        sizes = [8192 * 8, (sim.end_step + 1) * 48, 2 * cap * 8, 2 * cap * 8, len(kit.line) * 16]
        sizes += [padded(len(p)) for p in self.parts]
        offs, o = [], 0
        for s in sizes:
            offs.append(o)
            o += s
        self.offs = offs
        for k, v in zip(range(OFF_NOISE, OFF_WGSEGS + 1), offs):
            q[k] = v
        q[OFF_RIN], q[OFF_RALL] = offs[9], offs[10]
        q[N_RIN], q[N_RALL] = len(world.ray_segments_inside), len(world.ray_segments_all)
        q[CMD_CAP] = cap
        q[NOW] = q[CARRY] = q[LAST_COUNT] = q[SERVE] = q[CHARGE] = q[SERVED] = q[SLEPT] = 0
        q[END_US] = board.end_us
        q[STEP_US] = sim.step_us
        q[END_STEP] = sim.end_step
        q[NSTATES] = 1
        q[GOAL_STEP] = -1
        stop = setup.stop_at_goal_s
        q[STOP_AFTER] = -1 if stop is None else int(stop * 1_000_000)
        q[FLOOR_STEP] = 0
        q[CACHED_STEP] = -1
        q[NCMD] = q[NCMD + 1] = 1
        q[POWER] = q[POWER + 1] = 0
        for j in range(4):
            q[DUTY + j] = 0
            q[MOTOR_OF + j] = -1
            q[SIGN_OF + j] = 0
        for j, p in enumerate(self.pins):
            q[MOTOR_OF + j], q[SIGN_OF + j] = link.motors[p]
        q[COMP_KIND] = q[COMP_ARG] = q[COMP_VAL] = 0
        q[MASK] = 0xFFF0 if board.machine.family == "rp2" else 0xFFFF
        q[DARK] = kit.line_dark_level
        q[NLINE] = len(kit.line)
        q[ADC_US], q[PIN_US], q[FPU] = COSTS["adc"], COSTS["pin"], FUEL_PER_US
        goal = world.goal
        q[GOAL_KIND] = 0 if goal is None else 1 if goal.rect is None else 2
        q[NLABELS] = 0
        sg, og, wg = world.line_spot_grid, world.floor_grid, world.wall_grid
        q[SG_COLS], q[SG_ROWS], q[OG_COLS], q[OG_ROWS] = sg.cols, sg.rows, og.cols, og.rows
        q[WG_COLS], q[WG_ROWS] = wg.cols, wg.rows
        q[BLOB] = 0
        q[CAL_S_PRE] = q[CAL_S_TOTAL] = q[CAL_US_PRE] = q[CAL_US_TOTAL] = 0
        d[D_DT], d[D_ALPHA], d[D_JITTER] = sim.dt, sim.alpha, setup.noise.jitter
        d[D_TRACK], d[D_RADIUS] = kit.track_cm, kit.radius_cm
        d[D_TOP], d[D_DB] = kit.top_speed * setup.speed_scale, kit.dead_band
        d[D_GAIN0], d[D_GAIN1] = sim.gain
        d[D_AMP] = setup.noise.sensor
        if goal is not None:
            d[D_GX], d[D_GY], d[D_GR] = goal.x, goal.y, goal.radius
            if goal.rect is not None:
                d[D_RX0], d[D_RY0], d[D_RX1], d[D_RY1] = goal.rect
        d[D_SGX0], d[D_SGY0], d[D_SGCELL] = sg.x0, sg.y0, sg.cell
        d[D_OGCELL], d[D_WGCELL] = og.cell, wg.cell
        d[D_LIGHT], d[D_SPOT] = sensors.LIGHT_U16, sensors.SPOT_CM
        d[D_SPAN] = sensors.DARK_U16 - sensors.LIGHT_U16
        q[BLOB_SIZE] = o
        q[CAL_M_PRE] = q[CAL_M_TOTAL] = 0
        q[TICK_US], q[STEP_FUEL], q[THRESHOLD_] = COSTS["tick"], ROBOT_STEP_FUEL, THRESHOLD
        self._sonars_init(board)
        q[ENABLED_] = 1
        self.active = False  # until the blob is written
        self.synced = False  # until the first real call after it
        self.fpu = FUEL_PER_US
        self.handed_now = self.handed_end = self.handed_count = 0
        STATS["runs"] += 1

    def fill_blob(self) -> int:
        """The guest allocated the blob: write the tables into it."""
        st, q, sim = self.st, self.q, self.sim
        st.refresh(st.ctx)
        at, size = q[BLOB], q[BLOB_SIZE]
        if not 0 < at or at + size > st.size or at % 8:
            q[ENABLED_] = 0
            return -1
        self.blob_at = at
        base = st.base + at
        o = self.offs

        def put(off: int, data: bytes) -> None:
            ctypes.memmove(base + off, data, len(data))

        put(o[0], struct.pack("<8192d", *sim.noise))
        put(o[1], struct.pack("<6d", *sim.states[0]))
        cap = q[CMD_CAP]
        for m in (0, 1):
            put(o[2] + 8 * m * cap, struct.pack("<q", 0))
            put(o[3] + 8 * m * cap, struct.pack("<d", 0.0))
        sens = [v for s in sim.kit.line for v in (s.x, s.y)]
        put(o[4], struct.pack(f"<{len(sens)}d", *sens))
        for k, part in enumerate(self.parts, start=5):
            put(o[k], part)
        self.active = True
        self.link.cmode = self
        return 0

    # ---- every real host call --------------------------------------------------------------
    def before(self, board: Any, st: Any, count: int) -> int:
        """The guest's served ops since the last real call (``count``: the fuel count now), into
        the board; returns the fuel they charged. Raises GuestRobotError when the struct holds
        what the C robot never writes."""
        q = self.q
        if not self.synced:
            return 0
        now, carry, end, last = q[NOW], q[CARRY], q[END_US], q[LAST_COUNT]
        charge, goal, served = q[CHARGE], q[GOAL_STEP], q[SERVED]
        if not (self.handed_now <= now <= end <= self.handed_end and 0 <= carry < self.fpu
                and self.handed_count <= last <= count and charge >= 0 and served >= 0
                and -1 <= goal <= self.sim.end_step and q[FPU] == self.fpu):
            raise GuestRobotError("the robot's clock in the guest")
        self.sonars_from_guest(now)
        board.now, board.carry, board.end_us = now, carry, end
        st.last_count = last
        q[CHARGE] = 0
        if q[SLEPT]:
            board.slept = True
            q[SLEPT] = 0
        self.sim.goal_step = None if goal < 0 else goal
        STATS["served"] += served
        q[SERVED] = 0
        return charge

    def after(self, board: Any, count: int) -> None:
        """The board's clock after a real call, handed to the guest; the C robot serves the next
        ops only when nothing else can happen before them (no callback due or running, no
        watchdog, the program started)."""
        q = self.q
        self.synced = True
        self.handed_now, self.handed_end, self.handed_count = board.now, board.end_us, count
        q[NOW], q[CARRY], q[LAST_COUNT], q[END_US] = board.now, board.carry, count, board.end_us
        self.sonars_to_guest()
        q[SERVE] = 1 if (board.started and not board.in_cb and board.pending is None
                         and not board.queue and board.wdt_deadline is None) else 0

    # ---- registration (a robot op the Python handlers saw) ---------------------------------
    def register(self, kind: int, label: str, index: int, key: str) -> None:
        """From now on the C robot serves op ``kind`` on ``label`` (line sensor, motor pin or
        sonar ``index``; pin ``key``) itself, once its first real call has set its cost."""
        raw = label.encode()
        i = self.i
        n = self.labels.get((kind, raw))
        if n is None:
            if len(raw) > 8 or len(self.labels) >= 16:
                return
            n = self.labels[(kind, raw)] = len(self.labels)
            self.slot_labels.append(label)
            self.slot_keys.append(key)
            o = LABELS_AT // 4 + 8 * n
            i[o], i[o + 3], i[o + 4] = len(raw), 0, 0
            ctypes.memmove(self.st.base + self.at + LABELS_AT + LABEL_BYTES * n + 24, raw, len(raw))
            self.q[NLABELS] = n + 1
        o = LABELS_AT // 4 + 8 * n
        i[o + 1], i[o + 2] = kind, index

    def offer(self, kind: int, label: str, key: str, pin: Any) -> None:
        """The board saw op ``kind`` on ``label`` (pin ``key``, its state ``pin``) in a real
        call: register it when it is one the C robot serves (a line sensor's read, an output
        trigger's write, an input echo's pulse)."""
        if kind == 65 or kind == 82:
            index = self.link.line.get(key)
            if kind == 82 and key in self.board.inputs.echo:
                index = None
        else:
            mode = pin.mode if pin is not None else None
            if kind == 87:
                index = self.sonar_trig.get(key) if mode == "o" else None
            else:
                index = self.sonar_echo.get(key) if mode != "o" else None
        if index is not None:
            self.register(kind, label, index, key)

    def unregister_pin(self, key: str) -> None:
        """Pin ``key``'s mode changed: its ops are the host's again (until registered anew)."""
        i = self.i
        for n, k in enumerate(self.slot_keys):
            if k == key:
                i[LABELS_AT // 4 + 8 * n + 1] = 0  # matches no op any more

    def complete(self, kind: int, arg: int, val: int = 0) -> None:
        q = self.q
        q[COMP_KIND], q[COMP_ARG], q[COMP_VAL] = kind, arg, val

    def duty(self, label: str, key: str, d: int) -> None:
        j = self.pins.index(key)
        self.register(68, label, j, key)
        self.complete(68, j, d)

    # ---- back to Python ---------------------------------------------------------------------
    def pull(self) -> None:
        """The states, commands and motor state into the Python RobotSim and RobotLink, checked:
        counts within the buffers, a timeline from step 0 in increasing steps, powers in
        [-1, 1], finite poses (GuestRobotError otherwise)."""
        q, st, sim, link = self.q, self.st, self.sim, self.link
        if not self.active:
            return
        at, o, cap = self.blob_at, self.offs, q[CMD_CAP]
        n = q[NSTATES]
        if not 1 <= n <= sim.end_step + 1 or cap != sim.end_step + 2:
            raise GuestRobotError("the robot's states in the guest")
        vals = memory_view(st.base + at + o[1], n * 48).cast("d").tolist()
        if not math.isfinite(sum(vals)):  # (a NaN or an infinity anywhere, or absurd sizes)
            raise GuestRobotError("the robot's states in the guest")
        states = [(vals[i], vals[i + 1], vals[i + 2], vals[i + 3], vals[i + 4], int(vals[i + 5]))
                  for i in range(0, 6 * n, 6)]
        if states[0] != sim.states[0] or any(s[5] not in (0, 1) for s in states):
            raise GuestRobotError("the robot's states in the guest")
        if not physically_possible(sim, vals):
            raise GuestRobotError("the robot's motion in the guest")
        timeline = []
        for m in (0, 1):
            k = q[NCMD + m]
            if not 1 <= k <= cap:
                raise GuestRobotError("the robot's commands in the guest")
            steps = memory_view(st.base + at + o[2] + 8 * m * cap, 8 * k).cast("q").tolist()
            values = memory_view(st.base + at + o[3] + 8 * m * cap, 8 * k).cast("d").tolist()
            if (steps[0] != 0 or any(b <= a for a, b in zip(steps, steps[1:]))
                    or steps[-1] > sim.end_step or not all(-1.0 <= v <= 1.0 for v in values)):
                raise GuestRobotError("the robot's commands in the guest")
            timeline.append((steps, values))
        goal, floor = q[GOAL_STEP], q[FLOOR_STEP]
        if not (-1 <= goal < n and 0 <= floor <= sim.end_step):
            raise GuestRobotError("the robot's goal in the guest")
        sim.states = states
        for m, (steps, values) in enumerate(timeline):
            sim.cmd_steps[m], sim.cmd_values[m] = steps, values
        sim.goal_step = None if goal < 0 else goal
        sim.floor_step = floor
        sim._cached_targets = _NO_TARGETS
        sim._last_pose = None
        link.power = [q[POWER], q[POWER + 1]]
        link.duty = {p: q[DUTY + j] for j, p in enumerate(self.pins)}
        link.cached_step = -1
        pins = self.board.machine.pins
        for j, p in enumerate(self.pins):
            if p in pins:
                pins[p].duty = q[DUTY + j]

    def end(self, board: Any, st: Any, count: int) -> int:
        """The run is over: the guest's last served ops into the board, the robot into Python.
        Returns the fuel those ops charged."""
        if not self.active or not self.q[ENABLED_]:
            return 0
        q = self.q
        # ops served after the last real call (a call the run ended in has taken them already)
        if self.synced and q[SERVED]:
            charge = self.before(board, st, count)
        else:  # (what a computation after the last real call charged, a sonar's ray cast)
            charge = q[CHARGE]
            if charge < 0:
                raise GuestRobotError("the robot's clock in the guest")
            q[CHARGE] = 0
        self.pull()
        q[ENABLED_] = 0
        self.active = False
        self.link.cmode = None
        return charge

    def fallback(self) -> None:
        """An op only the Python robot handles: the run goes on in Python from here."""
        STATS["fallbacks"] += 1
        self.pull()
        self.q[ENABLED_] = 0
        self.q[COMP_KIND] = 0
        self.active = False
        self.link.cmode = None
