"""What the robot inside the interpreter is given and what it gives back, on the host's side: a
world's tables packed as modrobot.c reads them (the line spot grid, the wall grid, the edges a
sonar ray can hit; kept for the few worlds a process grades again and again), and the check
that the states it hands back are ones the motors could drive.
"""

from __future__ import annotations

import math
import struct
from operator import sub
from typing import Any

_GRIDS: dict[int, tuple[Any, ...]] = {}  # id(world) -> (world, its tables)
GRIDS_KEPT = 32


def world_tables(world: Any) -> tuple[bytes, ...]:
    """The line spot grid and the wall grid, flattened (cells: start, count[, inside]), and the
    edges a sonar ray can hit from inside the room and from anywhere."""
    hit = _GRIDS.get(id(world))
    if hit is not None and hit[0] is world:
        return hit[1:]
    sg = world.line_spot_grid
    cells, segs = [], []
    for i, recs in enumerate(sg.prepared):
        cells += [len(segs), len(recs), sg.inside[i] if sg.inside else 0]
        segs += recs
    sgcells = struct.pack(f"<{len(cells)}i", *cells)
    sgsegs = struct.pack(f"<{6 * len(segs)}d", *(v for r in segs for v in r))
    wg = world.wall_grid
    cells, segs = [], []
    for recs in wg.prepared:
        cells += [len(segs), len(recs)]
        segs += recs
    wgcells = struct.pack(f"<{len(cells)}i", *cells)
    wgsegs = struct.pack(f"<{6 * len(segs)}d", *(v for r in segs for v in r))
    rays = tuple(struct.pack(f"<{4 * len(s)}d", *(v for e in s for v in e))
                 for s in (world.ray_segments_inside, world.ray_segments_all))
    if len(_GRIDS) >= GRIDS_KEPT:  # (worlds made for one run only must not pile up)
        _GRIDS.clear()
    _GRIDS[id(world)] = (world, sgcells, sgsegs, wgcells, wgsegs) + rays
    return (sgcells, sgsegs, wgcells, wgsegs) + rays


def physically_possible(sim: Any, vals: list[float]) -> bool:
    """Do the states (six doubles each) stay within what the motors can do? Wheel speeds within
    the top speed (with the kit's gains and the speed noise), each step's move and turn within
    what those speeds give in one step (a forged jump, to the goal say, fails here)."""
    setup = sim.setup
    v_max = (setup.kit.top_speed * setup.speed_scale * max(sim.gain)
             * (1.0 + abs(setup.noise.jitter)) * (1.0 + 1e-9) + 1e-9)
    step = v_max * sim.dt * (1.0 + 1e-9) + 1e-9
    turn = 2.0 * v_max / setup.kit.track_cm * sim.dt * (1.0 + 1e-9) + 1e-9
    xs, ys, ths, vls, vrs = (vals[i::6] for i in range(5))
    return (max(map(abs, vls)) <= v_max and max(map(abs, vrs)) <= v_max
            and (len(xs) < 2 or (max(map(math.hypot, map(sub, xs[1:], xs), map(sub, ys[1:], ys)))
                                 <= step
                                 and max(map(abs, map(sub, ths[1:], ths))) <= turn)))


def padded(n: int) -> int:
    """``n`` rounded up to whole 8-byte words."""
    return (n + 7) // 8 * 8
