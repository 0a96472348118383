"""Plane geometry for the robot world: segments, polygons, rays, and a bucket grid.

Everything is in centimetres with y pointing up. :class:`SegmentGrid` buckets segments into square
cells so that the per-step questions (how far is this floor point from a line? does the robot's
disc overlap a wall? where does a sonar ray hit?) look at a handful of segments instead of all of
them; it is built once per world and shared by every run on that world. Each cell also keeps its segments
as :data:`Prepared` records (direction and squared length computed once), which the hot
loops in ``sensors`` and ``physics`` read without calling a function per segment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Point = tuple[float, float]
# (x0, y0, x1, y1, half_width): a floor line piece or a wall edge (half_width 0)
Segment = tuple[float, float, float, float, float]
# (x0, y0, dx, dy, length2, half_width): a segment ready for point-distance tests
Prepared = tuple[float, float, float, float, float, float]


def prepare(seg: Segment) -> Prepared:
    """A segment's record for the hot loops (direction and squared length computed once)."""
    x0, y0, x1, y1, hw = seg
    dx, dy = x1 - x0, y1 - y0
    return (x0, y0, dx, dy, dx * dx + dy * dy, hw)


def point_segment_distance(px: float, py: float, seg: Segment) -> float:
    """Distance from a point to the centre line of a segment."""
    x0, y0, x1, y1, _ = seg
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy
    if length2 <= 0.0:
        return math.hypot(px - x0, py - y0)
    t = ((px - x0) * dx + (py - y0) * dy) / length2
    if t < 0.0:
        t = 0.0
    elif t > 1.0:
        t = 1.0
    return math.hypot(px - (x0 + t * dx), py - (y0 + t * dy))


def point_in_polygon(px: float, py: float, poly: tuple[Point, ...]) -> bool:
    """Even-odd rule; points on an edge may go either way (callers also test edge distance)."""
    inside = False
    n = len(poly)
    j = n - 1
    for i in range(n):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > py) != (yj > py) and px < (xj - xi) * (py - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def ray_segment(ox: float, oy: float, dx: float, dy: float, seg: Segment) -> float | None:
    """Distance along the unit ray (ox, oy) + t (dx, dy) to a segment, or None if it misses."""
    x0, y0, x1, y1, _ = seg
    ex, ey = x1 - x0, y1 - y0
    den = dx * ey - dy * ex
    if abs(den) < 1e-12:
        return None
    wx, wy = x0 - ox, y0 - oy
    t = (wx * ey - wy * ex) / den
    u = (wx * dy - wy * dx) / den
    if t >= 0.0 and 0.0 <= u <= 1.0:
        return t
    return None


def polygon_edges(poly: tuple[Point, ...]) -> list[Segment]:
    """The closed polygon's edges as segments."""
    n = len(poly)
    return [(poly[i][0], poly[i][1], poly[(i + 1) % n][0], poly[(i + 1) % n][1], 0.0)
            for i in range(n)]


@dataclass(frozen=True)
class SegmentGrid:
    """Segments bucketed by the square cells their (inflated) bounding box touches."""

    cell: float
    cols: int
    rows: int
    buckets: tuple[tuple[Segment, ...], ...]
    prepared: tuple[tuple[Prepared, ...], ...] = ()

    @classmethod
    def build(cls, segments: list[Segment], width: float, height: float, margin: float,
              cell: float = 10.0) -> SegmentGrid:
        """Bucket ``segments`` over a ``width`` x ``height`` area; a query point finds every
        segment within ``margin`` (+ the segment's half width) of it in its own cell."""
        cols = max(1, int(math.ceil(width / cell)) + 2)
        rows = max(1, int(math.ceil(height / cell)) + 2)
        cells: list[list[Segment]] = [[] for _ in range(cols * rows)]
        for seg in segments:
            x0, y0, x1, y1, hw = seg
            pad = margin + hw
            c0 = max(0, int((min(x0, x1) - pad) // cell) + 1)
            c1 = min(cols - 1, int((max(x0, x1) + pad) // cell) + 1)
            r0 = max(0, int((min(y0, y1) - pad) // cell) + 1)
            r1 = min(rows - 1, int((max(y0, y1) + pad) // cell) + 1)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    cells[r * cols + c].append(seg)
        records = {seg: prepare(seg) for seg in segments}
        return cls(cell, cols, rows, tuple(tuple(b) for b in cells),
                   tuple(tuple(records[s] for s in b) for b in cells))

    def near(self, x: float, y: float) -> tuple[Segment, ...]:
        """Segments that may lie within the grid's margin of (x, y)."""
        c = int(x // self.cell) + 1
        r = int(y // self.cell) + 1
        if c < 0 or r < 0 or c >= self.cols or r >= self.rows:
            return ()
        return self.buckets[r * self.cols + c]

    def near_prepared(self, x: float, y: float) -> tuple[Prepared, ...]:
        """Like :meth:`near`, as :data:`Prepared` records."""
        c = int(x // self.cell) + 1
        r = int(y // self.cell) + 1
        if c < 0 or r < 0 or c >= self.cols or r >= self.rows:
            return ()
        return self.prepared[r * self.cols + c]


@dataclass(frozen=True)
class ReachGrid:
    """Prepared segments bucketed by the cells of a fine grid from which a point can lie within
    ``reach`` of a segment's edge (``reach`` + its half width from its centre line); a point in
    an empty cell is farther than that from every edge. It answers only inside the area of the
    :class:`SegmentGrid` it refines (``outer``), so both see the same segments that matter. The
    line sensors ask it: only a spot closer than its size to a line's edge sees the line."""

    x0: float
    y0: float
    cell: float
    cols: int
    rows: int
    prepared: tuple[tuple[Prepared, ...], ...]
    outer: SegmentGrid
    inside: bytes = b""  # per cell: 1 when the whole cell lies inside the outer grid's area

    @classmethod
    def build(cls, segments: list[Segment], reach: float, outer: SegmentGrid,
              cell: float = 4.0) -> ReachGrid:
        if not segments:
            return cls(0.0, 0.0, cell, 0, 0, (), outer)
        # each segment's bounding box, widened by its reach (and a hair for rounding)
        boxes = [(min(x0, x1) - pad, min(y0, y1) - pad, max(x0, x1) + pad, max(y0, y1) + pad)
                 for x0, y0, x1, y1, hw in segments for pad in (reach + hw + 1e-6,)]
        gx, gy = min(b[0] for b in boxes) - cell, min(b[1] for b in boxes) - cell
        cols = int((max(b[2] for b in boxes) - gx) // cell) + 2
        rows = int((max(b[3] for b in boxes) - gy) // cell) + 2
        cells: list[list[Prepared]] = [[] for _ in range(cols * rows)]
        for seg, (bx0, by0, bx1, by1) in zip(segments, boxes):
            rec = prepare(seg)
            for r in range(int((by0 - gy) // cell), int((by1 - gy) // cell) + 1):
                for c in range(int((bx0 - gx) // cell), int((bx1 - gx) // cell) + 1):
                    cells[r * cols + c].append(rec)
        # the outer grid answers for [-cell, (cols - 1) * cell) on each axis; a hair of margin
        # keeps a point that rounds into a neighbouring cell on the safe side
        lo_x, hi_x = -outer.cell + 1e-6, (outer.cols - 1) * outer.cell - 1e-6
        lo_y, hi_y = -outer.cell + 1e-6, (outer.rows - 1) * outer.cell - 1e-6
        cols_in = bytes(1 if lo_x <= gx + c * cell and gx + (c + 1) * cell <= hi_x else 0
                        for c in range(cols))
        no_row = bytes(cols)
        inside = b"".join(cols_in if lo_y <= gy + r * cell and gy + (r + 1) * cell <= hi_y
                          else no_row for r in range(rows))
        return cls(gx, gy, cell, cols, rows, tuple(tuple(b) for b in cells), outer, inside)

    def near(self, x: float, y: float) -> tuple[Prepared, ...]:
        """Segments whose edge may lie within ``reach`` of (x, y) (none: all are farther, or the
        point is outside the outer grid)."""
        c = int((x - self.x0) // self.cell)
        r = int((y - self.y0) // self.cell)
        if c < 0 or r < 0 or c >= self.cols or r >= self.rows:
            return ()
        i = r * self.cols + c
        o = self.outer
        if not self.inside[i] and not (0 <= int(x // o.cell) + 1 < o.cols
                                       and 0 <= int(y // o.cell) + 1 < o.rows):
            return ()
        return self.prepared[i]
