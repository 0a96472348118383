"""asyncio on the virtual rp2/ESP32 boards: MicroPython's own asyncio (over the interpreter's
built-in _asyncio) with waiting done on the simulated clock, IRQs waking ThreadSafeFlag waiters,
and an honest error for streams, which need the real board. Real interpreter."""

from __future__ import annotations


def test_tasks_interleave_on_the_simulated_clock(run):
    """Do two tasks sleeping 300 and 500 ms run at the board's times?"""
    code = ("import asyncio, time\nT0 = time.ticks_ms()\nasync def tick(name, ms, n):\n    for _ in range(n):\n"
            "        await asyncio.sleep_ms(ms)\n        print(name, time.ticks_diff(time.ticks_ms(), T0) // 100)\n"
            "async def main():\n    await asyncio.gather(tick('a', 300, 3), tick('b', 500, 2))\n"
            "asyncio.run(main())\n")
    result = run(code, "pico", None, 2)
    assert result.error is None
    assert result.stdout.split("\n")[:5] == ["a 3", "b 5", "a 6", "a 9", "b 10"]


def test_wait_for_times_out_and_gather_returns_exceptions(run):
    """Does wait_for raise TimeoutError after its timeout, and gather collect an exception?"""
    code = ("import uasyncio as asyncio, time\nT0 = time.ticks_ms()\nasync def slow():\n    await asyncio.sleep(5)\n"
            "async def boom():\n    raise ValueError('x')\nasync def main():\n    try:\n"
            "        await asyncio.wait_for(slow(), 0.2)\n    except asyncio.TimeoutError:\n"
            "        print('timeout', time.ticks_diff(time.ticks_ms(), T0) // 10)\n"
            "    print(await asyncio.gather(boom(), return_exceptions=True))\nasyncio.run(main())\n")
    result = run(code, "esp32", None, 2)
    assert result.error is None
    lines = result.stdout.splitlines()
    assert lines[0] == "timeout 20" and lines[1] == "[ValueError('x',)]"


def test_a_timer_irq_wakes_a_threadsafeflag_waiter(run):
    """Does a task waiting on a ThreadSafeFlag wake when a Timer callback sets it, each period?"""
    code = ("import asyncio, time\nfrom machine import Timer\nflag = asyncio.ThreadSafeFlag()\nT0 = time.ticks_ms()\n"
            "Timer(period=250, mode=Timer.PERIODIC, callback=lambda t: flag.set())\n"
            "async def main():\n    for _ in range(3):\n        await flag.wait()\n"
            "        print(time.ticks_diff(time.ticks_ms(), T0))\nasyncio.run(main())\n")
    result = run(code, "pico", None, 2)
    assert result.error is None
    times = [int(x) for x in result.stdout.split()]
    assert len(times) == 3 and all(abs(t - 250 * (i + 1)) <= 5 for i, t in enumerate(times))


def test_event_and_lock(run):
    """Do Lock and Event order three workers as on a board?"""
    code = ("import asyncio\nasync def worker(i, lock, ev):\n    async with lock:\n"
            "        await asyncio.sleep_ms(10)\n        print('w', i)\n    await ev.wait()\n    return i\n"
            "async def main():\n    lock, ev = asyncio.Lock(), asyncio.Event()\n"
            "    ts = [asyncio.create_task(worker(i, lock, ev)) for i in range(3)]\n"
            "    await asyncio.sleep_ms(100)\n    ev.set()\n    print(await asyncio.gather(*ts))\n"
            "asyncio.run(main())\n")
    result = run(code, "pico_w", None, 1)
    assert result.stdout.splitlines() == ["w 0", "w 1", "w 2", "[0, 1, 2]"]


def test_streams_say_they_need_the_real_board(run):
    """Does asyncio.open_connection fail saying it is available on the real board only?"""
    code = "import asyncio\nasync def main():\n    await asyncio.open_connection('example.com', 80)\nasyncio.run(main())\n"
    result = run(code, "pico_w", None, 1)
    assert result.error and "available on the real board" in result.error["message"]
    assert "disponibile sulla scheda vera" in (result.explanation or {}).get("it", "")


def test_a_forever_loop_ends_at_the_run_end(run):
    """Does a program whose tasks run forever end at the scenario's time, not with an error?"""
    code = ("import asyncio\nfrom machine import Pin\nasync def blink():\n    led = Pin(15, Pin.OUT)\n"
            "    while True:\n        led.toggle()\n        await asyncio.sleep_ms(100)\n"
            "asyncio.run(blink())\n")
    result = run(code, "pico", None, 1)
    assert result.error is None and result.outcome == "time"
    assert len([e for e in result.events if e.source == "pin:15" and e.kind == "value"]) >= 9
