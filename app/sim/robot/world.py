"""World files: the floor, walls and goal a virtual robot drives in.

A world is a YAML file in a lab folder (``labs/<slug>/worlds/*.yaml``) or an inline mapping in a
scenario. Units are centimetres and degrees; the origin is the bottom-left corner, y points up,
heading 0 points along +x and grows counter-clockwise. This module validates a world (errors say
``file:line: field: what is wrong``), expands shorthands (``rect``, ``arc``) and precomputes the
segment grids the physics and sensors query. Loaded worlds are immutable and cached.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from app.sim.robot.geometry import Point, ReachGrid, Segment, SegmentGrid, polygon_edges
from app.sim.robot.yamlpos import line_of, load_with_lines

LINE_SPOT_CM = 0.4  # radius of the floor spot a line sensor sees

MAX_SIZE_CM = 2000.0
MAX_POINTS = 4000
KEYS = {"title", "size", "border", "start", "goal", "lines", "walls", "obstacles", "seconds",
        "floor", "route"}


class WorldError(ValueError):
    """A world is malformed; str() is 'source:line: field: what is wrong'."""


@dataclass(frozen=True)
class FloorLine:
    """A dark line on the floor: a polyline with a width."""

    points: tuple[Point, ...]
    width: float
    closed: bool = False


@dataclass(frozen=True)
class Goal:
    """The goal region: a disc (``radius``) or an axis-aligned rectangle (``rect``)."""

    x: float
    y: float
    radius: float = 0.0
    rect: tuple[float, float, float, float] | None = None

    def contains(self, px: float, py: float) -> bool:
        if self.rect is not None:
            x0, y0, x1, y1 = self.rect
            return x0 <= px <= x1 and y0 <= py <= y1
        return math.hypot(px - self.x, py - self.y) <= self.radius


@dataclass(frozen=True)
class World:
    """A validated world."""

    source: str
    title: dict[str, str]
    width: float
    height: float
    start: tuple[float, float, float]  # x, y (cm), heading (degrees)
    lines: tuple[FloorLine, ...] = ()
    walls: tuple[tuple[Point, ...], ...] = ()
    obstacles: tuple[tuple[Point, ...], ...] = ()
    goal: Goal | None = None
    border: bool = True
    seconds: float | None = None
    floor: str = "#f4f1ea"
    digest: str = field(default="", compare=False)
    route: tuple[Point, ...] = ()  # waypoints of the intended way from start to goal (mazes)

    @cached_property
    def border_polygons(self) -> tuple[tuple[Point, ...], ...]:
        """The four thin walls around the room (none when ``border`` is false)."""
        if not self.border:
            return ()
        w, h, t = self.width, self.height, 2.0
        return (((-t, -t), (w + t, -t), (w + t, 0.0), (-t, 0.0)),
                ((-t, h), (w + t, h), (w + t, h + t), (-t, h + t)),
                ((-t, 0.0), (0.0, 0.0), (0.0, h), (-t, h)),
                ((w, 0.0), (w + t, 0.0), (w + t, h), (w, h)))

    @cached_property
    def solids(self) -> tuple[tuple[Point, ...], ...]:
        """Every polygon that blocks the robot and reflects ultrasound (border included)."""
        return tuple(self.walls) + tuple(self.obstacles) + self.border_polygons

    @cached_property
    def ray_segments_inside(self) -> tuple[tuple[float, float, float, float], ...]:
        """``(x0, y0, ex, ey)`` of the edges a ray starting inside the room can hit first: every
        wall and obstacle edge, and only the inner edge of each border wall (the others always
        lie behind it). Sonar casts use these; :attr:`ray_segments_all` serves origins outside."""
        segs = [e for poly in tuple(self.walls) + tuple(self.obstacles) for e in polygon_edges(poly)]
        border = self.border_polygons
        if border:  # bottom, top, left, right: the edge on the room's side
            segs += [polygon_edges(border[0])[2], polygon_edges(border[1])[0],
                     polygon_edges(border[2])[1], polygon_edges(border[3])[3]]
        return tuple((x0, y0, x1 - x0, y1 - y0) for x0, y0, x1, y1, _ in segs)

    @cached_property
    def ray_segments_all(self) -> tuple[tuple[float, float, float, float], ...]:
        """``(x0, y0, ex, ey)`` of every solid edge."""
        return tuple((x0, y0, x1 - x0, y1 - y0) for x0, y0, x1, y1, _ in self.wall_segments)

    @cached_property
    def floor_segments(self) -> list[Segment]:
        segs: list[Segment] = []
        for ln in self.lines:
            pts = list(ln.points) + ([ln.points[0]] if ln.closed else [])
            for a, b in zip(pts, pts[1:]):
                segs.append((a[0], a[1], b[0], b[1], ln.width / 2))
        return segs

    @cached_property
    def wall_segments(self) -> list[Segment]:
        return [e for poly in self.solids for e in polygon_edges(poly)]

    @cached_property
    def floor_grid(self) -> SegmentGrid:
        return SegmentGrid.build(self.floor_segments, self.width, self.height, margin=3.0)

    @cached_property
    def line_spot_grid(self) -> ReachGrid:
        """The floor lines a line sensor's spot (radius ``LINE_SPOT_CM``) can touch, per 4 cm cell."""
        return self.line_reach_grid(LINE_SPOT_CM)

    @cached_property
    def _reach_grids(self) -> dict[float, ReachGrid]:
        return {}

    def line_reach_grid(self, reach: float) -> ReachGrid:
        """The floor lines whose edge lies within ``reach`` of a point, per 4 cm cell (built once
        per world and reach)."""
        grid = self._reach_grids.get(reach)
        if grid is None:
            grid = self._reach_grids[reach] = ReachGrid.build(self.floor_segments, reach,
                                                              self.floor_grid)
        return grid

    @cached_property
    def wall_grid(self) -> SegmentGrid:
        # margin: the largest robot radius plus the bumper reach
        return SegmentGrid.build(self.wall_segments, self.width, self.height, margin=14.0)

    @cached_property
    def route_cm(self) -> float | None:
        """How far a robot has to drive from the start to the goal (None without a goal): along
        the ``route`` waypoints when the world gives them, else along the floor line the robot
        starts on (in the direction it faces), else in a straight line. Time limits that are
        derived from the world scale with it."""
        if self.goal is None:
            return None
        sx, sy, heading = self.start
        gx, gy = self.goal.x, self.goal.y
        if self.route:
            pts = [(sx, sy), *self.route, (gx, gy)]
            return sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(pts, pts[1:]))
        if self.lines:
            return _along_line(self.lines, sx, sy, math.radians(heading), gx, gy)
        return math.hypot(gx - sx, gy - sy)

    def describe(self) -> dict[str, Any]:
        """A JSON-able description (for the replay and the SVG)."""
        return {"title": self.title, "size": [self.width, self.height],
                "start": list(self.start),
                "lines": [{"points": [list(p) for p in ln.points], "width": ln.width,
                           "closed": ln.closed} for ln in self.lines],
                "walls": [[list(p) for p in poly] for poly in self.walls],
                "obstacles": [[list(p) for p in poly] for poly in self.obstacles],
                "goal": None if self.goal is None else {
                    "x": self.goal.x, "y": self.goal.y, "radius": self.goal.radius,
                    "rect": list(self.goal.rect) if self.goal.rect else None},
                "border": self.border}


def _along_line(lines: tuple[FloorLine, ...], sx: float, sy: float, heading: float,
                gx: float, gy: float) -> float:
    """Distance along the floor line nearest the start, from the start to the goal."""
    def locate(pts: list[Point], px: float, py: float) -> tuple[float, float, float, float]:
        """(distance, arc length at the nearest point, segment dx, segment dy)."""
        best = (1e18, 0.0, 1.0, 0.0)
        run = 0.0
        for a, b in zip(pts, pts[1:]):
            dx, dy = b[0] - a[0], b[1] - a[1]
            seg = math.hypot(dx, dy)
            t = 0.0 if seg == 0 else max(0.0, min(1.0, ((px - a[0]) * dx + (py - a[1]) * dy) / seg ** 2))
            d = math.hypot(px - a[0] - t * dx, py - a[1] - t * dy)
            if d < best[0]:
                best = (d, run + t * seg, dx, dy)
            run += seg
        return best

    paths = [list(ln.points) + ([ln.points[0]] if ln.closed else []) for ln in lines]
    i = min(range(len(paths)), key=lambda k: locate(paths[k], sx, sy)[0])
    pts, closed = paths[i], lines[i].closed
    total = sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(pts, pts[1:]))
    _, s0, dx, dy = locate(pts, sx, sy)
    _, s1, _, _ = locate(pts, gx, gy)
    forward = dx * math.cos(heading) + dy * math.sin(heading) >= 0
    if not closed:
        return abs(s1 - s0)
    return (s1 - s0) % total if forward else (s0 - s1) % total


class _Ctx:
    """Where we are in a world document, for error messages."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, container: Any, key: Any, where: str, message: str) -> WorldError:
        return WorldError(f"{self.source}:{line_of(container, key)}: {where}: {message}")

    def num(self, container: Any, key: Any, where: str, lo: float | None = None,
            hi: float | None = None) -> float:
        value = container[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise self.fail(container, key, where, f"expected a number, got {value!r}")
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise self.fail(container, key, where, f"{value} is outside {lo}..{hi}")
        return float(value)

    def point(self, container: Any, key: Any, where: str) -> Point:
        value = container[key]
        if not isinstance(value, list) or len(value) != 2:
            raise self.fail(container, key, where, "expected a point [x, y] in cm")
        return (self.num(value, 0, f"{where}[0]", -MAX_SIZE_CM, 2 * MAX_SIZE_CM),
                self.num(value, 1, f"{where}[1]", -MAX_SIZE_CM, 2 * MAX_SIZE_CM))

    def points(self, container: Any, key: Any, where: str, minimum: int) -> tuple[Point, ...]:
        value = container[key]
        if isinstance(value, dict) and set(value) == {"rect"}:
            x0, y0, x1, y1 = self.rect(value, "rect", f"{where}.rect")
            return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
        if not isinstance(value, list):
            raise self.fail(container, key, where, "expected a list of points [x, y] "
                            "(or {rect: [x0, y0, x1, y1]})")
        out: list[Point] = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                if set(item) != {"arc"}:
                    raise self.fail(value, i, f"{where}[{i}]", "expected [x, y] or "
                                    "{arc: [cx, cy, radius, from_deg, to_deg]}")
                out.extend(self.arc(item, f"{where}[{i}].arc"))
            else:
                out.append(self.point(value, i, f"{where}[{i}]"))
        if len(out) < minimum:
            raise self.fail(container, key, where, f"needs at least {minimum} points")
        if len(out) > MAX_POINTS:
            raise self.fail(container, key, where, f"more than {MAX_POINTS} points")
        return tuple(out)

    def rect(self, container: Any, key: Any, where: str) -> tuple[float, float, float, float]:
        value = container[key]
        if not isinstance(value, list) or len(value) != 4:
            raise self.fail(container, key, where, "expected [x0, y0, x1, y1]")
        x0, y0, x1, y1 = (self.num(value, i, f"{where}[{i}]") for i in range(4))
        if x1 <= x0 or y1 <= y0:
            raise self.fail(container, key, where, "x1 must exceed x0 and y1 must exceed y0")
        return x0, y0, x1, y1

    def arc(self, container: Any, where: str) -> list[Point]:
        value = container["arc"]
        if not isinstance(value, list) or len(value) != 5:
            raise self.fail(container, "arc", where, "expected [cx, cy, radius, from_deg, to_deg]")
        cx, cy = self.num(value, 0, f"{where}[0]"), self.num(value, 1, f"{where}[1]")
        r = self.num(value, 2, f"{where}[2]", 1, MAX_SIZE_CM)
        a0, a1 = self.num(value, 3, f"{where}[3]"), self.num(value, 4, f"{where}[4]")
        if a0 == a1 or abs(a1 - a0) > 720:
            raise self.fail(container, "arc", where, "from_deg and to_deg must differ by 0..720")
        n = max(2, int(abs(a1 - a0) / 5) + 1)
        return [(cx + r * math.cos(math.radians(a0 + (a1 - a0) * i / (n - 1))),
                 cy + r * math.sin(math.radians(a0 + (a1 - a0) * i / (n - 1)))) for i in range(n)]


def parse_world(data: Any, source: str = "<inline>") -> World:
    """Validate a world mapping (from :func:`load_with_lines` or plain JSON)."""
    cx = _Ctx(source)
    if not isinstance(data, dict):
        raise WorldError(f"{source}:1: world: expected a mapping")
    unknown = sorted(set(data) - KEYS, key=str)
    if unknown:
        raise cx.fail(data, unknown[0], str(unknown[0]), f"unknown key (known: {', '.join(sorted(KEYS))})")
    for key in ("size", "start"):
        if key not in data:
            raise cx.fail(data, None, key, "missing (required)")
    size = data["size"]
    if not isinstance(size, list) or len(size) != 2:
        raise cx.fail(data, "size", "size", "expected [width, height] in cm")
    width = cx.num(size, 0, "size[0]", 20, MAX_SIZE_CM)
    height = cx.num(size, 1, "size[1]", 20, MAX_SIZE_CM)
    title = data.get("title", {"it": "Mondo", "en": "World"})
    if not (isinstance(title, dict) and all(isinstance(title.get(k), str) for k in ("it", "en"))):
        raise cx.fail(data, "title", "title", "expected {it: ..., en: ...}")
    start = data["start"]
    if not isinstance(start, dict) or not {"x", "y"} <= set(start) or set(start) - {"x", "y", "heading"}:
        raise cx.fail(data, "start", "start", "expected {x, y, heading}")
    sx, sy = cx.num(start, "x", "start.x", 0, width), cx.num(start, "y", "start.y", 0, height)
    heading = cx.num(start, "heading", "start.heading", -360, 360) if "heading" in start else 0.0
    lines = []
    raw_lines = data.get("lines", []) or []
    if not isinstance(raw_lines, list):
        raise cx.fail(data, "lines", "lines", "expected a list of {points, width, closed}")
    for i, ln in enumerate(raw_lines):
        where = f"lines[{i}]"
        if not isinstance(ln, dict) or "points" not in ln or set(ln) - {"points", "width", "closed"}:
            raise cx.fail(raw_lines, i, where, "expected {points: [[x, y], ...], width, closed}")
        w = cx.num(ln, "width", f"{where}.width", 0.5, 20) if "width" in ln else 1.9
        closed = ln.get("closed", False)
        if not isinstance(closed, bool):
            raise cx.fail(ln, "closed", f"{where}.closed", "expected true or false")
        lines.append(FloorLine(cx.points(ln, "points", f"{where}.points", 2), w, closed))
    polys: dict[str, list[tuple[Point, ...]]] = {"walls": [], "obstacles": []}
    for key in polys:
        raw = data.get(key, []) or []
        if not isinstance(raw, list):
            raise cx.fail(data, key, key, "expected a list of polygons")
        for i in range(len(raw)):
            polys[key].append(cx.points(raw, i, f"{key}[{i}]", 3))
    goal = None
    if data.get("goal") is not None:
        g = data["goal"]
        if not isinstance(g, dict):
            raise cx.fail(data, "goal", "goal", "expected {x, y, radius} or {rect: [x0, y0, x1, y1]}")
        if "rect" in g and set(g) == {"rect"}:
            r = cx.rect(g, "rect", "goal.rect")
            goal = Goal((r[0] + r[2]) / 2, (r[1] + r[3]) / 2, 0.0, r)
        elif set(g) == {"x", "y", "radius"}:
            goal = Goal(cx.num(g, "x", "goal.x", 0, width), cx.num(g, "y", "goal.y", 0, height),
                        cx.num(g, "radius", "goal.radius", 1, MAX_SIZE_CM))
        else:
            raise cx.fail(data, "goal", "goal", "expected {x, y, radius} or {rect: [x0, y0, x1, y1]}")
    border = data.get("border", True)
    if not isinstance(border, bool):
        raise cx.fail(data, "border", "border", "expected true or false")
    seconds = cx.num(data, "seconds", "seconds", 1, 600) if "seconds" in data else None
    floor = data.get("floor", "#f4f1ea")
    if not (isinstance(floor, str) and len(floor) == 7 and floor.startswith("#")
            and all(c in "0123456789abcdefABCDEF" for c in floor[1:])):
        raise cx.fail(data, "floor", "floor", "expected a colour like '#f4f1ea'")
    route: tuple[Point, ...] = ()
    if data.get("route") is not None:
        if goal is None:
            raise cx.fail(data, "route", "route", "a route needs a goal")
        route = cx.points(data, "route", "route", 1)
    digest = json.dumps(data, sort_keys=True, default=str)
    return World(source, {"it": title["it"], "en": title["en"]}, width, height,
                 (sx, sy, heading), tuple(lines), tuple(polys["walls"]), tuple(polys["obstacles"]),
                 goal, border, seconds, floor, digest, route)


def load_world(path: str | Path) -> World:
    """Load a world file (cached until the file changes). Raises :class:`WorldError`."""
    p = Path(path)
    try:
        stamp = p.stat().st_mtime_ns
    except OSError as exc:
        raise WorldError(f"{p}:1: world: cannot read the file ({exc.strerror})") from None
    return _load_cached(str(p), stamp)


@lru_cache(maxsize=64)
def _load_cached(path: str, stamp: int) -> World:
    try:
        data = load_with_lines(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise WorldError(f"{path}:{line}: world: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise WorldError(f"{path}:1: world: cannot read the file ({exc})") from None
    return parse_world(data, path)


@lru_cache(maxsize=32)
def _inline_cached(text: str) -> World:
    return parse_world(json.loads(text), "<inline>")


def world_from(value: Any, base: Path | None = None) -> World:
    """A World from a World, a mapping (inline world) or a file path (relative to ``base``)."""
    if isinstance(value, World):
        return value
    if isinstance(value, str):
        p = Path(value)
        if not p.is_absolute() and base is not None:
            p = base / p
        return load_world(p)
    if isinstance(value, dict):
        try:
            return _inline_cached(json.dumps(value, sort_keys=True))
        except TypeError:
            return parse_world(value)
    raise WorldError("<inline>:1: world: expected a mapping or a file name")
