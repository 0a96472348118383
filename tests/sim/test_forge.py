"""Forge battery: programs that try to pass a lab without doing the work, through every route we
know (facade attributes, the host bridge, uctypes, sys.modules, builtins, re-imports, callbacks,
floods), each graded on the lab it targets; plus determinism of the host-owned clock."""

from __future__ import annotations

import pytest

from app.sim.grading import grade_local
from app.sim.runner import execute

# Bypass of the Python-level import guard that worked before the trace moved to the host.
UNGUARD = "import builtins\ndel builtins.__import__\n"

# Issue 8, forge 1: newline injection through Pin._src, against button-debounce.
SRC_INJECTION = """from machine import Pin
import time
led = Pin(15, Pin.OUT)
lines = [b'0|pin:15|mode|"out"']
for n, at in enumerate((1000, 2500, 4000, 5500)):
    lines.append(b'%d|pin:15|value|%d' % ((at + 30) * 1000, (n + 1) % 2))
    lines.append(b'%d|pin:14|irq|0' % (at * 1000))
setattr(led, "_" + "src", b"\\n".join(lines))
led.value(0)
while True:
    time.sleep(1)
"""

# Issue 8, forge 2: find the trace header (magic "1MIS", 0x53494D31 little-endian) with uctypes
# and append invented LED events, against blink. (The program never spells the magic out: its
# own source text is in guest memory too.)
UCTYPES_SCAN = UNGUARD + """import uctypes
magic = bytes([0x31, 0x4D, 0x49, 0x53])  # the old header magic, built at run time
found = 0
# with the collector off the heap grows upwards: a header made at boot sits below our objects
# (the 256 bytes just below `magic` hold its own data)
base, top = 0, id(magic) - 256
while base < top:
    window = uctypes.bytearray_at(base, 65536)
    if magic in window:
        blob = bytes(window)
        i = blob.find(magic)
        while i >= 0:
            if base + i < top:
                found += 1
                events = b''.join(b'%d|pin:LED|value|%d\\n' % (k * 250000, k % 2) for k in range(20))
                uctypes.bytearray_at(base + i + 600, len(events))[:] = events
            i = blob.find(magic, i + 1)
    base += 65536
print('headers', found)
"""

FORGES = {
    "src_injection": ("button-debounce", SRC_INJECTION),
    "uctypes_header_scan": ("blink", UCTYPES_SCAN),
    "host_call_crafted_events": ("blink", UNGUARD + (
        "import host\n"
        "for k in range(20):\n"
        "    for name in ('log', 'event', 'pin:LED', 'T', 'W', 'value', 'init', 'files', '!sim'):\n"
        "        for p in ('%d|pin:LED|value|%d' % (k * 250000, k % 2), 'LED', 'pin:LED|value|1'):\n"
        "            try:\n"
        "                host.call(name, p)\n"
        "            except Exception:\n"
        "                pass\n")),
    "host_call_every_letter": ("blink", UNGUARD + (
        "import host\n"
        "for c in range(33, 127):\n"
        "    for p in ('', 'LED', '25', 'x' * 30, '\\x00\\xff', '0|pin:LED|value|1'):\n"
        "        try:\n"
        "            host.call(chr(c), p)\n"
        "            host.call(chr(c) + 'LED', p)\n"
        "        except Exception:\n"
        "            pass\n")),
    "huge_payloads": ("blink", UNGUARD + (
        "import host\n"
        "for n in (4097, 70000, 10**6):\n"
        "    try:\n"
        "        host.call('N' + 'LED', b'\\xff' * n)\n"
        "        host.call('x' * n, 'LED')\n"
        "    except Exception as e:\n"
        "        print(type(e).__name__)\n")),
    "patch_facade_class": ("blink", (
        "from machine import Pin\nimport time\n"
        "Pin.toggle = lambda self: print('0|pin:LED|value|1')\n"
        "Pin.value = lambda self, v=None: None\n"
        "led = Pin('LED', Pin.OUT)\n"
        "while True:\n    led.toggle()\n    time.sleep_ms(250)\n")),
    "fake_machine_in_sys_modules": ("blink", (
        "import sys, time\n"
        "class FakePin:\n    OUT = 1\n    def __init__(self, *a): pass\n"
        "    def toggle(self): print('250000|pin:LED|value|1')\n"
        "class M:\n    Pin = FakePin\n"
        "sys.modules['machine'] = M\n"
        "from machine import Pin\nled = Pin('LED', Pin.OUT)\n"
        "while True:\n    led.toggle()\n    time.sleep_ms(250)\n")),
    "patch_builtins": ("blink", (
        "import builtins, time\n"
        "builtins.print = lambda *a, **k: None\n"
        "builtins.__build_class__ = None\n"
        "time.sleep_ms(2000)\n")),
    "reimport_guest_modules": ("blink", UNGUARD + (
        "for name in ('_simcore', '_simpins', '_simboot', '_simbus', '_simtime', '_fm0'):\n"
        "    try:\n"
        "        m = __import__(name)\n"
        "        print('imported', name)\n"
        "    except ImportError:\n"
        "        pass\n")),
    "exception_through_timer_callback": ("blink", (
        "from machine import Timer\nimport time\n"
        "class Escape(BaseException):\n    pass\n"
        "def cb(t):\n    raise Escape()\n"
        "Timer(period=250, mode=Timer.PERIODIC, callback=cb)\n"
        "while True:\n"
        "    try:\n        time.sleep_ms(100)\n"
        "    except Escape:\n        print('0|pin:LED|value|1')\n")),
    "keyboard_interrupt_in_callback_then_bridge": ("blink", UNGUARD + (
        "from machine import Timer\nimport time, host\n"
        "def cb(t):\n    raise KeyboardInterrupt\n"
        "Timer(period=250, mode=Timer.PERIODIC, callback=cb)\n"
        "while True:\n"
        "    try:\n        time.sleep_ms(100)\n"
        "    except KeyboardInterrupt:\n"
        "        host.call('k', '')\n        host.call('W', 'LED')\n")),
    "clock_back_and_forward": ("blink", UNGUARD + (
        "import host, time\nfrom machine import Pin\nled = Pin('LED', Pin.OUT)\n"
        "for k in range(20):\n"
        "    led.toggle()\n"
        "    for name in ('S', 's', 'm', 'g', 'k'):\n"
        "        host.call(name, '-250000')\n")),
    "future_timestamps_via_uart": ("blink", (
        "from machine import UART\n"
        "u = UART(0)\n"
        "for k in range(20):\n"
        "    u.write('\\n%d|pin:LED|value|%d\\n' % (k * 250000 + 10**9, k % 2))\n")),
    "flood_host_calls": ("blink", UNGUARD + (
        "import host\nwhile True:\n    host.call('m', '')\n    host.call('T', 'LED')\n")),
    "print_fake_trace": ("blink", (
        "for k in range(20):\n    print('%d|pin:LED|value|%d' % (k * 250000, k % 2))\n"
        "print('!sim end')\n")),
}


@pytest.mark.parametrize("name", sorted(FORGES))
def test_forge_fails_its_lab(name):
    """Does each forging program fail the lab it targets, with a contained outcome?"""
    lab, code = FORGES[name]
    res = grade_local(code, lab)
    assert not res.passed, [c.to_dict() for c in res.checks]
    assert res.run.outcome != "crash", res.run.error


def test_forge_battery_size():
    """Does the battery hold the two issue programs and at least a dozen variants?"""
    assert {"src_injection", "uctypes_header_scan"} <= set(FORGES) and len(FORGES) >= 14


def test_uctypes_and_raw_memory_are_out_of_reach():
    """Are uctypes and machine.mem32 unreachable, even after the import guard is removed, so the
    memory scan of the issue's second forge cannot even start?"""
    r = execute(UCTYPES_SCAN, "pico", None, 5)[0]
    assert r.error and r.error["type"] == "ImportError", (r.stdout, r.error)
    assert not [e for e in r.events if e.source == "pin:LED"]
    for probe in ("import machine\nprint(machine.mem32[0])\n",
                  UNGUARD + "import uctypes\n", "__import__('uctypes')\n"):
        r = execute(probe, "pico", None, 1)[0]
        assert r.error and r.error["type"] in ("ImportError", "AttributeError"), (probe, r.error)


def test_scenario_never_enters_guest_memory():
    """Is a hidden scenario's press time absent from everything handed to the guest (the boot
    program and the modules it loads), so no memory access could find it?"""
    from app.sim.boards import get_board
    from app.sim.program import build_program, file_blob
    from app.sim.runner import guest_config, resolve_scenario
    from app.sim.engine import Limits

    board = get_board("pico")
    sc = resolve_scenario(board, {"seconds": 3, "devices": [
        {"type": "button", "pin": 14, "presses": [[1234.567, 321.987]]}]}, None)
    program = build_program(guest_config(board, sc, Limits()), "print(1)\n")
    blob = file_blob(board.family)
    for needle in ("1234", "321.9", "1556"):
        assert needle not in program and needle not in blob
    r = execute("from machine import Pin\nb = Pin(14, Pin.IN, Pin.PULL_UP)\n"
                "import time\nwhile b.value():\n    time.sleep_ms(1)\nprint(time.ticks_ms())\n",
                "pico", {"seconds": 3, "devices": [{"type": "button", "pin": 14,
                                                   "presses": [[1234.567, 321.987]]}]}, None)[0]
    assert 1234 <= int(r.stdout.strip()) <= 1240  # the input is answered one read at a time


def test_bridge_cannot_stamp_the_past():
    """Are the host's event times monotone whatever the program sends through the bridge?"""
    lab, code = FORGES["clock_back_and_forward"]
    r = execute(code, "pico", None, 3)[0]
    times = [e.t_us for e in r.events]
    assert times == sorted(times) and all(0 <= t <= 3_000_000 for t in times)


def test_output_flood_stops_at_the_cap_in_process():
    """Does an output flood end the run as soon as the cap is reached, even without rlimits?"""
    r = execute("while True:\n    print('x' * 100)\n", "pico", None, 60)[0]
    assert r.error["type"] == "OutputLimit" and r.truncated
    assert len(r.stdout) < 70 * 1024 and r.fuel_used < 100_000_000


# ---- determinism --------------------------------------------------------------------------

BUSY_BLINK = """from machine import Pin
import time
led = Pin("LED", Pin.OUT)
t0 = time.ticks_ms()
while True:
    if time.ticks_diff(time.ticks_ms(), t0) >= 250:
        led.toggle()
        t0 = time.ticks_add(t0, 250)
"""


def test_same_program_same_result_twice():
    """Does the same program give identical events, output and fuel on two runs?"""
    code = BUSY_BLINK + "        print(time.ticks_us())\n"
    a, b = execute(code, "pico", None, 2)[0], execute(code, "pico", None, 2)[0]
    assert a.events == b.events and a.stdout == b.stdout and a.fuel_used == b.fuel_used


def test_busy_wait_blink_passes_blink_lab():
    """Does a blink that busy-waits on ticks_ms (never sleeps) pass, not run out of budget?"""
    res = grade_local(BUSY_BLINK, "blink")
    assert res.passed, [c.to_dict() for c in res.checks]
    assert res.run.outcome == "time"


def test_allocation_heavy_program_without_gc_still_works():
    """Does a long allocation-heavy loop (no collector) keep computing correct values?"""
    code = ("import time\ntotal = 0\nfor k in range(200):\n"
            "    d = {i: [i, str(i)] for i in range(200)}\n"
            "    total += sum(v[0] for v in d.values())\n    time.sleep_ms(10)\nprint(total)\n")
    r = execute(code, "pico", None, 60)[0]
    assert r.error is None and r.stdout.strip() == str(200 * sum(range(200)))


def test_budget_explanation_is_accurate():
    """Is "never pauses" said only of a program that never paused?"""
    never = execute("while True:\n    pass\n", "pico", None, 1)[0]
    paused = execute("import time\ntime.sleep(0.5)\nwhile True:\n    pass\n", "pico", None, 1)[0]
    assert never.outcome == paused.outcome == "fuel"
    assert "never pauses" in never.error["message"]
    assert "never pauses" not in paused.error["message"] and "0.5" in paused.error["message"]
