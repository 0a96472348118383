"""The few wasmtime C functions, host-function definitions and raw-memory views the sandbox's
bridge uses per host call. wasmtime-py wraps every C call in ctypes pointer objects; the bridge
(:mod:`app.sim.engine`) runs tens of thousands of host calls per robot grade, so it calls these
plain-address prototypes instead and reads wasmtime's raw value arrays and the guest's argument
array through memoryviews (indexing a memoryview costs a fraction of indexing a ctypes array).
Nothing here decides anything: the engine checks every pointer against the guest memory's size
before it uses it.
"""

from __future__ import annotations

import ctypes
import struct
from typing import Any

VP = ctypes.c_void_p
RAW_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_size_t, VP, VP, VP, ctypes.c_size_t)
NO_FINALIZER = ctypes.CFUNCTYPE(None, ctypes.c_void_p)(lambda env: None)


class Lean:
    """wasmtime C functions with plain-address prototypes (no ctypes pointer objects per call)."""

    def __init__(self) -> None:
        from wasmtime import _ffi as ffi

        def proto(name: str, restype: Any, *args: Any) -> Any:
            return ctypes.CFUNCTYPE(restype, *args)((name, ffi.dll))

        self.caller_context = proto("wasmtime_caller_context", VP, VP)
        self.get_fuel = proto("wasmtime_context_get_fuel", VP, VP, VP)
        self.set_fuel = proto("wasmtime_context_set_fuel", VP, VP, ctypes.c_uint64)
        self.memory_data = proto("wasmtime_memory_data", VP, VP, VP)
        self.memory_size = proto("wasmtime_memory_data_size", ctypes.c_size_t, VP, VP)
        self.global_get = proto("wasmtime_global_get", None, VP, VP, VP)
        self.define_unchecked = proto(
            "wasmtime_linker_define_func_unchecked", VP, VP, ctypes.c_char_p, ctypes.c_size_t,
            ctypes.c_char_p, ctypes.c_size_t, VP, RAW_CALLBACK, VP,
            ctypes.CFUNCTYPE(None, ctypes.c_void_p))


class I64Global:
    """An i64 global of an instance, read with :attr:`Lean.global_get` as
    ``global_get(ctx, g.global_at, g.value_at)`` then ``g.view[1]`` (wasmtime-py's
    ``Global.value`` costs about 1.8 µs a read, a host call's whole budget)."""

    def __init__(self, wasm_global: Any) -> None:
        from wasmtime import _ffi as ffi

        self.wasm_global = wasm_global  # kept alive: the addresses below point into these
        self.value = ffi.wasmtime_val_t()
        self.global_at = ctypes.addressof(wasm_global._global)
        self.value_at = ctypes.addressof(self.value)
        self.view = memory_view(self.value_at, ctypes.sizeof(self.value)).cast("q")  # [1]: the i64


LEAN = Lean()
_FROM_MEMORY = ctypes.pythonapi.PyMemoryView_FromMemory
_FROM_MEMORY.argtypes = (ctypes.c_void_p, ctypes.c_ssize_t, ctypes.c_int)
_FROM_MEMORY.restype = ctypes.py_object
_PYBUF_WRITE = 0x200


def memory_view(address: int, size: int) -> memoryview:
    """A writable byte memoryview of ``size`` bytes at ``address`` (wasmtime's memory, which
    outlives every view of it within a run)."""
    return _FROM_MEMORY(address, size, _PYBUF_WRITE)


def put_results(args: Any, res: Any) -> None:
    """Up to 8 results into the guest's int32 argument array (clamped to 32 bits)."""
    for i, v in enumerate(res[:8]):
        args[i] = v if -2**31 <= v < 2**31 else (-2**31 if v < 0 else 2**31 - 1)


def array_items(base: int, size: int, obj: int, typecode: int, length: int) -> int | None:
    """Address of the items of a MicroPython array/bytearray object at ``obj`` (its
    ``mp_obj_array_t``: type, typecode|free, len, items), or None if it is not what we expect."""
    if not 0 < obj <= size - 16:
        return None
    _, code, n, items = struct.unpack("<IIII", ctypes.string_at(base + obj, 16))
    width = 4 if typecode != 1 else 1
    if code & 0xFF != typecode or n != length or not 0 < items <= size - length * width:
        return None
    return items


def define_int(linker: Any, module: str, name: str, ty: Any, fn: Any, keep: Any) -> None:
    """Define host function ``fn(ctx, *int_params) -> int`` through a lean ctypes trampoline on
    wasmtime's "unchecked" ABI (raw 16-byte values, plain addresses): integer parameters in, one
    i32 out, a Python exception turned into a trap that wasmtime-py re-raises from ``_start``.
    wasmtime-py's generic trampoline converts every value through Python objects (~5x slower).
    ``keep`` receives the ctypes callback, which must live as long as the linker."""
    from wasmtime import _func
    from wasmtime._trap import Trap

    nparams = len(ty.params)
    unpack = struct.Struct("<" + "i12x" * nparams).unpack

    def trampoline(env, caller, raw, nraw):  # noqa: ANN001, ANN202
        try:
            value = fn(LEAN.caller_context(caller), *unpack(ctypes.string_at(raw, 16 * nparams)))
            ctypes.c_int32.from_address(raw).value = value
            return 0
        except BaseException as exc:  # noqa: B036 - re-raised by wasmtime-py after the trap
            _func.LAST_EXCEPTION = exc
            return ctypes.cast(Trap("python exception")._consume(), ctypes.c_void_p).value

    define_raw(linker, module, name, ty, trampoline, keep)


def define_raw(linker: Any, module: str, name: str, ty: Any, trampoline: Any, keep: Any) -> None:
    """Define ``trampoline(env, caller, raw, nraw)`` as a host function on the unchecked ABI
    (it reads its parameters from and writes its result to the raw value array)."""
    import wasmtime

    cb = RAW_CALLBACK(trampoline)
    keep(cb)
    m, n = module.encode(), name.encode()
    err = LEAN.define_unchecked(linker.ptr(), m, len(m), n, len(n), ty.ptr(), cb, None,
                                NO_FINALIZER)
    if err:
        raise wasmtime.WasmtimeError._from_ptr(ctypes.cast(err, ctypes.POINTER(
            wasmtime._ffi.wasmtime_error_t)))
