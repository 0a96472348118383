"""Host handlers of ``machine.Timer`` (the command letters Y and Z of
``app/sim/guest/_simcore.py``): a timer schedules its callback on the virtual board's queue, once
or periodically, and a periodic timer that fell behind drops its missed periods, as the boards
do. Mixed into :class:`app.sim.hal.machine.MachineIO`, which owns ``vb``, ``timers`` and
``gen``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.sim.hal.board import VirtualBoard

MAX_TIMERS = 32  # timers and pin interrupts a program may have at once


class TimerIO:
    """The Timer commands."""

    vb: VirtualBoard
    timers: dict[int, int]
    gen: int

    def timer_init(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        cb_id, us, periodic, number = a[0], max(1, a[1]), a[2] == 1, a[3]
        if cb_id <= 0 or (cb_id not in self.timers and len(vb.sources) >= MAX_TIMERS):
            return
        self.gen += 1
        gen = self.timers[cb_id] = self.gen
        vb.sources.add(cb_id)
        vb.log(f"timer:{number if -1 <= number < 100 else -1}", "init", us)

        def fire(t: int) -> bool:
            if self.timers.get(cb_id) != gen:
                return False
            if periodic:
                nxt = t + us
                if nxt <= vb.now:  # the board fell behind: missed periods are dropped
                    nxt = vb.now + us
                vb.schedule(nxt, cb_id, fire)
            else:
                del self.timers[cb_id]
                vb.sources.discard(cb_id)
            return True

        vb.schedule(vb.now + us, cb_id, fire)

    def timer_deinit(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        if self.timers.pop(a[0], None) is not None:
            self.vb.sources.discard(a[0])
