"""Background timelines of the virtual micro:bit: display animations and sounds that go on while
the program runs (``display.show(..., wait=False)``, ``loop=True``, ``music.play(wait=False)``,
``audio.play(wait=False)``).

A timeline is a list of steps ``(duration_us, action)`` started at a host time; the host plays it
on its own clock: before and after every command of the guest, every step whose start time has
come is performed and stamped with *its own* time (not the time of the command that noticed it),
so the trace shows the frames and tones when a board would have shown or played them. Starting
a new timeline on a channel, or a direct display write, cancels the one running there, as the
firmware does. Looping timelines are unrolled lazily, so they cost nothing beyond the run's end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from app.sim.trace import MAX_EVENTS, Event

if TYPE_CHECKING:
    from app.sim.hal.board import VirtualBoard

Step = tuple[int, Callable[[int], None]]
# Each step of a looping timeline lasts at least this long, so unrolling one to the end of the
# longest scenario (600 s) takes at most 60 000 steps per channel whatever the program asks.
MIN_LOOP_STEP_US = 10_000


class Timeline:
    """One channel's steps, their start time and whether they repeat."""

    def __init__(self, steps: list[Step], t0: int, loop: bool) -> None:
        self.loop = loop and bool(steps)
        if self.loop:
            steps = [(max(d, MIN_LOOP_STEP_US), act) for d, act in steps]
        self.steps = steps
        self.next_t = t0
        self.index = 0
        self.end = None if self.loop else t0 + sum(d for d, _ in steps)

    def advance(self, upto: int) -> bool:
        """Perform the steps due by ``upto``; False once the timeline is over (its last step
        done and its time run out)."""
        while True:
            if self.index >= len(self.steps):
                if self.loop and self.next_t <= upto:
                    self.index = 0
                    continue
                return self.loop or self.next_t > upto
            if self.next_t > upto:
                return True
            duration, action = self.steps[self.index]
            action(self.next_t)
            self.next_t += duration
            self.index += 1


class Player:
    """The board's background channels ("display", "music", "audio")."""

    def __init__(self, vb: VirtualBoard) -> None:
        self.vb = vb
        self.channels: dict[str, Timeline] = {}

    def emit(self, t: int, source: str, kind: str, value: object) -> None:
        """Record an event at time ``t`` (capped like every event of the run)."""
        vb = self.vb
        if len(vb.events) >= MAX_EVENTS:
            vb.truncated = True
            return
        vb.events.append(Event(min(t, vb.end_us), source, kind, value))

    def start(self, channel: str, steps: list[Step], loop: bool = False) -> int | None:
        """Start a timeline now (cancelling the channel's previous one); its end time, None
        when it loops forever. The first step happens at once."""
        self.channels.pop(channel, None)
        timeline = Timeline(steps, self.vb.now, loop)
        self.channels[channel] = timeline
        self.flush(self.vb.now)
        return timeline.end

    def cancel(self, channel: str) -> bool:
        """Stop a channel's timeline; True if one was running."""
        return self.channels.pop(channel, None) is not None

    def active(self, channel: str) -> bool:
        return channel in self.channels

    def flush(self, upto: int) -> None:
        """Perform every step due by ``upto`` on every channel."""
        if not self.channels:
            return
        for name, timeline in list(self.channels.items()):
            if not timeline.advance(min(upto, self.vb.end_us - 1)):
                if self.channels.get(name) is timeline:
                    del self.channels[name]

    def busy_until(self) -> int | None:
        """When the last finite timeline ends (the run's end if one loops); None when idle."""
        if not self.channels:
            return None
        if any(t.end is None for t in self.channels.values()):
            return self.vb.end_us
        return max(t.end for t in self.channels.values() if t.end is not None)
