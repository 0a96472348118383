"""One run in the sandbox as :mod:`app.sim.engine` sees it: its limits (:class:`Limits`), what
came out (:class:`RawRun`), and the host's state while it runs (:class:`RunState`: the board,
the guest's buffers and memory as the bridge sees them, the captured output, and the fuel
bookkeeping: the count the clock last read, what the board charged and what of it the store has
been paid, and the robot when it runs inside the interpreter).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

from app.sim.wasmffi import LEAN as _LEAN
from app.sim.wasmffi import I64Global
from app.sim.wasmffi import memory_view as _memory_view


class FuelSpent(Exception):
    """Raised inside a host function when the run's budget (minus what it owes) ran out before
    it: the guest would have trapped on fuel there."""


@dataclass(frozen=True)
class Limits:
    """Sandbox limits of one run."""

    fuel: int = 1_500_000_000
    heap_bytes: int = 24 * 1024 * 1024
    stdout_bytes: int = 64 * 1024


@dataclass(frozen=True)
class RawRun:
    """What came out of the sandbox; the board's state is in the VirtualBoard passed in."""

    exit_code: int | None  # None when the guest trapped or the host ended the run
    trap: str | None  # "fuel", "stack", "memory", "other: ..." or None
    stdout: bytes
    stderr: bytes
    ended: str | None  # the host ended the run: time | done | exit | output
    fuel_used: int
    stdout_truncated: bool = False


class RunState:
    """Per-run host state of the bridge (reset for every run)."""

    def __init__(self, board: Any, files: bytes, limits: Limits) -> None:
        self.board = board
        self.files = files
        self.served = False
        self.args: Any = None  # ctypes view of the guest's int32 argument array
        self.reply_at = 0  # address of the guest's reply bytearray items
        self.base = 0  # address of the guest's linear memory (wasmtime reserves it: it never moves)
        self.size = 0
        self.last_fuel = limits.fuel
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.stdout_cap = limits.stdout_bytes
        self.stdout_truncated = False
        self.memory: Any = None
        self.mem_at = 0  # address of wasmtime's handle of the guest's memory
        self.mem: Any = (ctypes.c_char * 0)()  # a bytes-slicing view of the guest's memory
        self.ctx = 0  # the store's context (the same in every call of a run)
        self.raw_views: dict[int, Any] = {}  # address of wasmtime's raw value array -> view
        self.debt = 0  # fuel the board charged that is not yet taken from the store
        # A module with its own copy of the fuel count (app/sim/fuelcount.py): the clock
        # reads that, not the store's fuel (which also pays for the counting code).
        self.counter: I64Global | None = None
        self.last_count = 0
        self.fuel = limits.fuel  # the budget
        self.charged = 0  # everything the board charged (a counted module's budget: count + this)
        self.paid = 0  # charges taken from the store (a plain module's fuel_now leaves them out)
        self.budget: Any = None  # int64 view of the guest's officina_budget (set at "init")
        self.crobot: Any = None  # app.sim.robot.crobot.CRobot while the robot runs in C

    def add_charge(self, fuel: int) -> None:
        """The board charged ``fuel``: owed to the store, spent from the budget, and the guest's
        own budget check told."""
        self.charged += fuel
        self.debt += fuel
        if self.budget is not None:
            self.budget[0] = self.fuel - self.charged

    def count(self) -> int:
        """A counted module's fuel count now."""
        counter = self.counter
        _LEAN.global_get(self.ctx, counter.global_at, counter.value_at)
        return counter.view[1]

    def refresh(self, ctx: int) -> None:
        """Re-read the memory's address and size (after it grew)."""
        self.size = _LEAN.memory_size(ctx, self.mem_at)
        self.base = _LEAN.memory_data(ctx, self.mem_at) or 0
        self.mem = (ctypes.c_char * self.size).from_address(self.base) if self.base else (
            ctypes.c_char * 0)()

    def raw_view(self, raw: int) -> Any:
        """An int32 view of the raw value array wasmtime passes a host call (16 bytes a value;
        it lives on the native stack, so its address depends on the guest's call depth). A
        memoryview: indexing it costs a tenth of indexing a ctypes array."""
        if len(self.raw_views) >= 256:
            self.raw_views.clear()
        view = self.raw_views[raw] = _memory_view(raw, 96).cast("i")
        return view
