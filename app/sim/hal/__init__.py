"""The host-side virtual board: the simulator's source of truth for everything a run records.

The sandboxed guest only *sends hardware commands* (``machine.Pin``, ``PWM``, ``time``,
``microbit.display`` … each turn into one host call of a short command name and a few ints); the
:class:`~app.sim.hal.board.VirtualBoard` here decides what happened and records it. It owns the
simulated clock (fuel spent plus sleeps plus what each call takes on a board), pin modes, latches
and pulls, PWM state, the scenario's inputs, I2C devices, neopixel and display contents, the
scheduler of Timer and IRQ callbacks, and the trace (a list of ``Event`` stamped with host time).
Every command is validated (known command, pin on this board in the right mode, values in range,
sizes capped) and an invalid one is ignored. Consequence: **any sequence of host calls is
something a legitimate program could have done through the public API**, so calling the bridge
directly, ``uctypes``, monkey-patching the facades, ``sys.modules``, re-importing the guest
modules or throwing exceptions through callbacks grant nothing. The hidden scenario never enters
guest memory (inputs are answered one read at a time), and time only moves forward by host rules.
Pure Python, no Flask.
"""

from app.sim.hal.board import FUEL_PER_US, RunEnded, VirtualBoard

__all__ = ["FUEL_PER_US", "RunEnded", "VirtualBoard"]
