"""A scripted second micro:bit that answers the program over ``radio``: the echo half of a
scenario's ``radio_peer`` (its timetable of sends is already in the micro:bit's radio list, see
:mod:`app.sim.scenario_kit`).

Every text message the program sends comes back ``delay_ms`` later on the peer's group, as the
same text or as the peer's fixed ``reply``, and the program hears it under the same rules as any
radio message (radio on, tuned to that group, queue not full). Approximation: the group is
compared when the answer arrives, not when the program sent (the host's radio does not record
the group of a send), and channel and address are not compared (the host keeps only the group).
For one run the micro:bit's radio list becomes a :class:`PeerRadio`, which looks at the program's
``radio send`` events each time the radio is used and inserts the answers in time order.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import Any

MAX_ECHOES = 1000
STRING_HEADER = b"\x01\x00\x01"  # how the micro:bit's radio frames a text message


class PeerRadio(list):
    """The micro:bit's scenario radio messages ``(t, raw, group)`` of one run, growing with the
    peer's answers."""

    def __init__(self, messages: Any, vb: Any, peer: dict[str, Any]) -> None:
        super().__init__(messages)
        self.vb = vb
        self.peer = peer
        self.heard: list[Any] = []  # the program's send events already answered or ignored
        self.scanned_to = 0
        self.echoes = 0

    def __len__(self) -> int:
        self._sync()
        return super().__len__()

    def _sync(self) -> None:
        events = self.vb.events
        start = max(0, min(self.scanned_to, len(events)) - 64)  # frames may have been merged
        for e in events[start:]:
            if e.source != "radio" or e.kind != "send" or any(e is h for h in self.heard[-64:]):
                continue
            self.heard.append(e)
            if self.echoes >= MAX_ECHOES or not isinstance(e.value, str) \
                    or e.value.startswith("bytes:"):
                continue
            text = self.peer.get("reply") or e.value
            at = e.t_us + self.peer["delay_us"]
            message = (at, STRING_HEADER + text.encode()[:248], self.peer["group"])
            times = [m[0] for m in list.__iter__(self)]
            list.insert(self, bisect.bisect_right(times, at), message)
            self.echoes += 1
        self.scanned_to = len(events)


def attach_peer(vb: Any) -> None:
    """Give this run's micro:bit a radio list that the scripted peer answers into."""
    extra = vb.scenario.extra
    peer = extra.get("radio_peer")
    mb = extra.get("microbit")
    if not peer or mb is None:
        return
    radio = PeerRadio(mb.radio, vb, peer)
    vb.scenario = dataclasses.replace(vb.scenario, extra={
        **extra, "microbit": dataclasses.replace(mb, radio=radio)})
