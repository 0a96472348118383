"""The interpreter's own copy of wasmtime's fuel count (``app/sim/fuelcount.py``).

The simulator's clock is the fuel the guest spent; a board inside the guest (docs/engine_speed.md)
needs the same clock without asking the host. These tests hold the rewriter to wasmtime itself:
small modules, one per kind of operator, must leave the counter exactly where wasmtime's fuel
went; and real programs on the committed interpreter, instrumented, must hand the board the same
fuel at every host call as the plain interpreter does (the clock, the trace and the output then
agree). Nothing is mocked: wasmtime runs both modules.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import wasmtime as wt

from app.sim import engine, guestbuild, runner
from app.sim import fuelcount as wfc
from app.sim.boards import get_board
from app.sim.hal.board import VirtualBoard
from app.sim.labs import load_lab
from app.sim.robot import crobot
from app.sim.robot.labgrading import scenario_for
from app.sim.scenario import parse_scenario

ROOT = Path(__file__).resolve().parents[2]

SMALL = {
    "arithmetic": "(func (export \"f\") (local i32) i32.const 1 i32.const 2 i32.add local.set 0)",
    "call": "(func $g (result i32) i32.const 1) (func (export \"f\") (local i32) call $g local.set 0)",
    "if-else": "(func (export \"f\") (local i32) i32.const 1 (if (then i32.const 2 local.set 0) "
               "(else i32.const 3 local.set 0)))",
    "loop": "(func (export \"f\") (local i32) (loop $l local.get 0 i32.const 1 i32.add local.tee 0 "
            "i32.const 10 i32.lt_u br_if $l))",
    "br_if out": "(func (export \"f\") (local i32) (block $b i32.const 1 br_if $b i32.const 5 "
                 "local.set 0))",
    "br_table": "(func (export \"f\") (local i32) (block $a (block $b i32.const 1 br_table $a $b $a) "
                "i32.const 7 local.set 0))",
    "memory.fill": "(memory 1) (func (export \"f\") i32.const 0 i32.const 0 i32.const 1000 memory.fill)",
    "memory.copy": "(memory 1) (func (export \"f\") i32.const 0 i32.const 100 i32.const 500 "
                   "memory.copy)",
    "memory.grow": "(memory 1) (func (export \"f\") (local i32) i32.const 3 memory.grow local.set 0)",
    "memory.grow refused": "(memory 1 2) (func (export \"f\") (local i32) i32.const 5 memory.grow "
                           "local.set 0)",
    "select": "(func (export \"f\") (local i32) i32.const 1 i32.const 2 i32.const 0 select local.set 0)",
    "load/store": "(memory 1) (func (export \"f\") (local i32) i32.const 8 i32.load local.set 0 "
                  "i32.const 8 i32.const 3 i32.store)",
    "return": "(func (export \"f\") (local i32) i32.const 1 local.set 0 return)",
    "call_indirect": "(type $t (func (result i32))) (table 1 funcref) (elem (i32.const 0) $g) "
                     "(func $g (result i32) i32.const 1) (func (export \"f\") (local i32) "
                     "i32.const 0 call_indirect (type $t) local.set 0)",
    "globals": "(global $x (mut i32) (i32.const 0)) (func (export \"f\") global.get $x i32.const 1 "
               "i32.add global.set $x)",
    "nop/drop": "(func (export \"f\") nop i32.const 1 drop nop)",
    "throw/catch": "(tag $e) (func $t throw $e) (func (export \"f\") (block $h (try_table (catch $e $h) "
                   "call $t)))",
}


def _fuel_engine() -> wt.Engine:
    cfg = wt.Config()
    cfg.consume_fuel = True
    cfg.wasm_exceptions = True
    return wt.Engine(cfg)


@pytest.mark.parametrize("name", sorted(SMALL))
def test_the_counter_charges_what_wasmtime_charges(name):
    """Does each kind of operator leave the counter exactly where wasmtime's fuel went?"""
    eng = _fuel_engine()
    # the rewriter needs a global and an export section to extend: a spare global gives both
    wasm = bytes(wt.wat2wasm(f"(module {SMALL[name]} (global $spare (mut i32) (i32.const 0)) "
                             "(export \"spare\" (global $spare)))"))
    spent = {}
    for variant, module in (("plain", wasm), ("counted", wfc.instrument(wasm))):
        store = wt.Store(eng)
        store.set_fuel(10**9)
        instance = wt.Instance(store, wt.Module(eng, module), [])
        instance.exports(store)["f"](store)
        if variant == "plain":
            spent["wasmtime"] = 10**9 - store.get_fuel()
        else:
            spent["counter"] = instance.exports(store)["officina_fuel"].value(store)
    assert spent["wasmtime"] > 0
    assert spent["counter"] == spent["wasmtime"]


def test_the_rewriter_refuses_what_it_does_not_know():
    """Is a module with an operator the rewriter cannot count refused by name, not miscounted?"""
    simd = bytes(wt.wat2wasm("(module (func (export \"f\") (result v128) v128.const i64x2 0 0) "
                             "(global $spare (mut i32) (i32.const 0)) "
                             "(export \"spare\" (global $spare)))"))
    with pytest.raises(wfc.WasmFormatError, match="SIMD"):
        wfc.instrument(simd)
    with pytest.raises(wfc.WasmFormatError, match="not a WebAssembly"):
        wfc.instrument(b"\x00asm\x02\x00\x00\x00")


GUEST_CLOCK = """(module
  (import "officina" "fuel_now" (func $now (result i64)))
  (import "officina" "fuel_set" (func $set (param i64)))
  (import "env" "record" (func $record (param i64)))
  (memory 1)
  (global $spare (mut i32) (i32.const 0))
  (export "spare" (global $spare))
  (func $work (param i32) (local i32)
    (loop $l local.get 1 i32.const 1 i32.add local.tee 1 local.get 0 i32.lt_u br_if $l))
  (func (export "f")
    call $now call $record
    i32.const 7 call $work
    call $now call $record
    i32.const 0 i32.const 0 i32.const 300 memory.fill
    call $now i64.const 40 i64.sub call $set
    i32.const 3 call $work
    call $now call $record
    i64.const 123456 call $set
    call $now call $record))"""


def test_guest_reads_and_sets_of_the_counter_match_wasmtime():
    """Does a call of ``officina.fuel_now`` in the rewritten module read what wasmtime's fuel
    says at that call in the plain module, and does ``officina.fuel_set`` move the count as
    setting wasmtime's fuel would (C code in the guest takes its own work off the clock so)?"""
    eng = _fuel_engine()
    wasm = bytes(wt.wat2wasm(GUEST_CLOCK))
    limit = 10**9
    seen: dict[str, list[int]] = {}
    for variant, module in (("plain", wasm), ("counted", wfc.instrument(wasm))):
        store, values = wt.Store(eng), seen.setdefault(variant, [])
        store.set_fuel(limit)
        i64 = wt.ValType.i64()

        def now() -> int:
            if variant == "counted":
                raise AssertionError("the rewritten module called the import")
            return limit - store.get_fuel()

        def set_count(value: int) -> None:
            if variant == "counted":
                raise AssertionError("the rewritten module called the import")
            store.set_fuel(limit - value)

        imports = [wt.Func(store, wt.FuncType([], [i64]), now),
                   wt.Func(store, wt.FuncType([i64], []), set_count),
                   wt.Func(store, wt.FuncType([i64], []), values.append)]
        instance = wt.Instance(store, wt.Module(eng, module), imports)
        instance.exports(store)["f"](store)
    assert len(seen["plain"]) == 4 and seen["plain"][0] > 0
    assert seen["plain"][1] > seen["plain"][0] + 7 * 6, "the work counted"
    assert seen["plain"][3] > 123456
    assert seen["counted"] == seen["plain"]


def test_the_rewriter_refuses_a_clock_import_of_the_wrong_type():
    """Is an ``officina.fuel_now`` that does not return an i64 refused, not rewritten into a
    module that would not validate?"""
    wasm = bytes(wt.wat2wasm('(module (import "officina" "fuel_now" (func $now (result i32))) '
                             '(global $spare (mut i32) (i32.const 0)) (export "spare" (global $spare)) '
                             '(func (export "f") (result i32) call $now))'))
    with pytest.raises(wfc.WasmFormatError, match="wrong type"):
        wfc.instrument(wasm)


@pytest.fixture(scope="module")
def plain_runtime():
    """The committed build as it is, without the counter (the simulator runs it instrumented)."""
    return engine._Runtime(guestbuild.wasm_path().read_bytes())


def _line_follower_world():
    lab = load_lab(ROOT / "labs" / "line-follower-3")
    return lab.read("solution.py"), "pico", parse_scenario(
        scenario_for(lab.scenario_data, lab.robot, 0), get_board("pico"))


PROGRAMS = {
    "blink": lambda: ((ROOT / "labs/blink/solution.py").read_text(), "pico", None),
    "exceptions and recursion": lambda: (
        "import time\ndef f(n):\n    if n == 0:\n        raise ValueError('x')\n    return f(n - 1)\n"
        "for i in range(20):\n    try:\n        f(i)\n    except ValueError:\n        time.ticks_ms()\n",
        "pico", None),
    "memory copies and collection": lambda: (
        "import time, gc\nb = bytearray(20000)\nfor i in range(5):\n    c = bytes(b)\n"
        "    d = b[1:9000]\n    gc.collect()\n    time.sleep_ms(1)\n    print(len(c) + len(d))\n",
        "pico", None),
    "timer callbacks": lambda: (
        "from machine import Pin, Timer\nimport time\nled = Pin(25, Pin.OUT)\nn = [0]\n"
        "def tick(t):\n    n[0] += 1\n    led.toggle()\n"
        "Timer(freq=50, mode=Timer.PERIODIC, callback=tick)\ntime.sleep_ms(300)\nprint(n[0])\n",
        "pico", None),
    "micro:bit display": lambda: (
        "from microbit import *\nfor i in range(3):\n    display.show(Image.HEART)\n    sleep(100)\n"
        "    display.scroll('hi')\n", "microbit", None),
    "line follower (one world)": _line_follower_world,
}


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_the_instrumented_interpreter_keeps_the_same_clock(name, plain_runtime, monkeypatch):
    """Does the board receive the same fuel at every host call when the clock reads the
    interpreter's counter instead of the store's fuel, with the same trace and output? (The
    robot runs in Python here: in C it needs the counter; tests/sim/robot/test_crobot.py holds
    the two robots to each other.)"""
    calls: list[tuple[bytes, int]] = []
    plain_call = VirtualBoard.call

    def recorded(self, command, payload, args, fuel):
        if self.started:
            calls.append((bytes(command), fuel))
        return plain_call(self, command, payload, args, fuel)

    monkeypatch.setattr(VirtualBoard, "call", recorded)
    monkeypatch.setattr(crobot, "ENABLED", False)
    assert engine.runtime().counted and not plain_runtime.counted
    seen = {}
    for label, runtime in (("plain", plain_runtime), ("counted", engine.runtime())):
        code, board, scenario = PROGRAMS[name]()
        monkeypatch.setattr(engine, "_RUNTIME", runtime)
        calls.clear()
        if scenario is None:
            result = runner.execute(code, board, None, 5)[0]
        else:
            result = runner.execute(code, board, scenario)[0]
        assert result.error is None, result.error
        seen[label] = (list(calls), result.events, result.stdout, result.sim_time_us)
    assert len(seen["plain"][0]) > 5
    assert seen["counted"] == seen["plain"]


RUNAWAYS = {
    "computing": "x = 0\nwhile True:\n    x += 1\n",
    "printing": "i = 0\nwhile True:\n    i += 1\n    if i % 500 == 0:\n        print(i)\n",
    "driving a pin": "from machine import Pin\nimport time\nled = Pin(25, Pin.OUT)\nwhile True:\n"
                     "    led.toggle()\n    time.sleep_us(3)\n",
}


@pytest.mark.parametrize("name", list(RUNAWAYS))
def test_the_budget_ends_a_runaway_where_the_plain_interpreter_ends_it(name, plain_runtime,
                                                                        monkeypatch):
    """The counted build keeps the budget on its counter plus what the board charged (the
    store's fuel, twice the budget, is only a backstop). Does a runaway end out of fuel with the
    same output, trace and fuel as on the plain build, whose store fuel is the budget?"""
    seen = {}
    limits = engine.Limits(fuel=60_000_000, heap_bytes=256 * 1024)
    for label, runtime in (("plain", plain_runtime), ("counted", engine.runtime())):
        monkeypatch.setattr(engine, "_RUNTIME", runtime)
        result = runner.execute(RUNAWAYS[name], "pico", None, 600, limits=limits)[0]
        seen[label] = (result.outcome, result.stdout, result.events, result.fuel_used)
    assert seen["plain"][0] == "fuel" and seen["plain"][3] == limits.fuel
    assert seen["counted"] == seen["plain"]
    if name == "printing":
        assert seen["plain"][1].count("\n") > 10
    if name == "driving a pin":
        assert len(seen["plain"][2]) > 100
