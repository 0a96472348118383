"""What the robot's sensors read at a pose: IR line sensors, HC-SR04 sonars and bumpers.

Pure functions of (world, kit, pose, noise) so they can be tested without running any code. Line
sensors see a small spot of floor: the reading blends from light (white floor) to dark (line) as
the spot crosses the line's edge, so analog values are graded and digital values flip at the
middle of the edge. Sonars cast five rays across the HC-SR04's ~30-degree cone and report the
nearest wall or obstacle; only solids reflect (floor lines do not).
"""

from __future__ import annotations

import math
from functools import lru_cache

from app.sim.robot.geometry import ReachGrid, point_segment_distance
from app.sim.robot.kits import Kit
from app.sim.robot.world import LINE_SPOT_CM, World

LIGHT_U16 = 6000  # a white floor reflects a lot: low reading
DARK_U16 = 52000  # a black line reflects little: high reading
THRESHOLD_U16 = 29000
SPOT_CM = LINE_SPOT_CM
SONAR_MIN_CM = 2.0
SONAR_MAX_CM = 400.0
BEAM_HALF_DEG = 15.0  # the HC-SR04's useful cone is about 30 degrees wide
BUMPER_REACH_CM = 1.1


def to_world(x: float, y: float, th: float, sx: float, sy: float) -> tuple[float, float]:
    """Robot-frame point (sx forward, sy left) to world coordinates."""
    c, s = math.cos(th), math.sin(th)
    return x + sx * c - sy * s, y + sx * s + sy * c


def line_edge_distance(segs: tuple, px: float, py: float) -> float:
    """Signed distance from (px, py) to the nearest line edge (negative: on the line)."""
    best = 1e9
    for x0, y0, x1, y1, hw in segs:
        dx, dy = x1 - x0, y1 - y0
        ex, ey = px - x0, py - y0
        length2 = dx * dx + dy * dy
        t = (ex * dx + ey * dy) / length2 if length2 > 0.0 else 0.0
        if t < 0.0:
            t = 0.0
        elif t > 1.0:
            t = 1.0
        d = math.hypot(ex - t * dx, ey - t * dy) - hw
        if d < best:
            best = d
    return best


def line_coverage(world: World, px: float, py: float) -> float:
    """How much of the sensor's spot at (px, py) is over a line: 0.0 (floor) .. 1.0 (line)."""
    best = line_edge_distance(world.floor_grid.near(px, py), px, py)
    if best >= SPOT_CM:
        return 0.0
    if best <= -SPOT_CM:
        return 1.0
    return 0.5 - best / (2 * SPOT_CM)


def line_covers(world: World, kit: Kit, x: float, y: float, th: float) -> list[float]:
    """How much of each line sensor's spot is over a line (0.0 floor .. 1.0 line) at a pose."""
    return spot_covers(world.line_spot_grid, [(sen.x, sen.y) for sen in kit.line], x, y, th)


def spot_covers(grid: ReachGrid, offsets: list[tuple[float, float]], x: float, y: float,
                th: float) -> list[float]:
    """:func:`line_covers` for sensors at robot-frame ``offsets``, asking ``grid`` (the world's
    ``line_spot_grid``): only lines whose edge is closer than the spot change a reading."""
    out = []
    c, s = math.cos(th), math.sin(th)
    gx, gy, cell, cols, rows, cells = grid.x0, grid.y0, grid.cell, grid.cols, grid.rows, grid.prepared
    inside = grid.inside
    hypot = math.hypot
    for sx, sy in offsets:
        px = x + sx * c - sy * s
        py = y + sx * s + sy * c
        col, row = int((px - gx) // cell), int((py - gy) // cell)  # ReachGrid.near, inlined
        segs = cells[row * cols + col] if 0 <= col < cols and 0 <= row < rows else ()
        if not segs or (not inside[row * cols + col] and not grid.near(px, py)):
            out.append(0.0)
            continue
        best = 1e9
        for x0, y0, dx, dy, length2, hw in segs:  # line_edge_distance, inlined
            ex, ey = px - x0, py - y0
            t = (ex * dx + ey * dy) / length2 if length2 > 0.0 else 0.0
            if t < 0.0:
                t = 0.0
            elif t > 1.0:
                t = 1.0
            d = hypot(ex - t * dx, ey - t * dy) - hw
            if d < best:
                best = d
        if best < SPOT_CM:
            out.append(1.0 if best <= -SPOT_CM else 0.5 - best / (2 * SPOT_CM))
        else:
            out.append(0.0)
    return out


def readings_from_covers(covers: list[float], noise: list[float]) -> list[int]:
    """Analog readings (0..65535, dark = high) from spot coverages plus per-sensor noise."""
    span = DARK_U16 - LIGHT_U16
    out = []
    for cover, n in zip(covers, noise):
        v = LIGHT_U16 + span * cover + n * 65535
        out.append(0 if v < 0 else 65535 if v > 65535 else int(v))
    return out


def line_readings(world: World, kit: Kit, x: float, y: float, th: float,
                  noise: list[float]) -> list[int]:
    """Analog readings (0..65535, dark = high) of every line sensor; ``noise`` holds one value in
    -1..1 per sensor already scaled by the noise amplitude."""
    return readings_from_covers(line_covers(world, kit, x, y, th), noise)


_FAN_DEG = (-BEAM_HALF_DEG, -BEAM_HALF_DEG / 2, 0.0, BEAM_HALF_DEG / 2, BEAM_HALF_DEG)


@lru_cache(maxsize=64)
def _fan_radians(angle_deg: float) -> tuple[float, ...]:
    """The five rays' directions (radians) from the robot's heading, for a sonar at ``angle_deg``."""
    return tuple(math.radians(angle_deg + off) for off in _FAN_DEG)


def sonar_cm(world: World, x: float, y: float, th: float, sx: float, sy: float,
             angle_deg: float) -> float | None:
    """Distance the sonar measures, or None when nothing is within range (no echo).

    Edges wholly behind the sensor or outside the cone are skipped with a few products before
    the five rays are intersected with the rest (the hot path of the maze lab)."""
    c, s = math.cos(th), math.sin(th)
    ox, oy = x + sx * c - sy * s, y + sx * s + sy * c
    cos, sin = math.cos, math.sin
    rays = [(cos(a), sin(a)) for a in [th + r for r in _fan_radians(angle_deg)]]
    mx, my = rays[2]  # the cone's axis
    lx, ly = rays[4]  # its left edge
    rx, ry = rays[0]  # its right edge
    inside = 0.0 <= ox <= world.width and 0.0 <= oy <= world.height
    segs = world.ray_segments_inside if inside and world.border else world.ray_segments_all
    best = None
    for x0, y0, ex, ey in segs:
        wx, wy = x0 - ox, y0 - oy
        vx, vy = wx + ex, wy + ey  # the far end, relative to the sensor
        if wx * mx + wy * my < 0.0 and vx * mx + vy * my < 0.0:
            continue  # behind the sensor
        if lx * wy - ly * wx > 0.0 and lx * vy - ly * vx > 0.0:
            continue  # left of the cone
        if rx * wy - ry * wx < 0.0 and rx * vy - ry * vx < 0.0:
            continue  # right of the cone
        if best is not None:  # wholly farther than the nearest hit so far (its box, with a hair)
            far = best * (1.0 + 1e-9) + 1e-9
            if ((wx > far and vx > far) or (wx < -far and vx < -far)
                    or (wy > far and vy > far) or (wy < -far and vy < -far)):
                continue
        cross_t = wx * ey - wy * ex
        for dx, dy in rays:
            den = dx * ey - dy * ex
            if -1e-12 < den < 1e-12:
                continue
            t = cross_t / den
            u = (wx * dy - wy * dx) / den
            if t >= 0.0 and 0.0 <= u <= 1.0 and (best is None or t < best):
                best = t
    if best is None or best > SONAR_MAX_CM:
        return None
    return max(best, SONAR_MIN_CM)


def bumper_pressed(world: World, kit: Kit, x: float, y: float, th: float, angle_deg: float) -> bool:
    """Is something touching the body within 30 degrees of ``angle_deg`` (from straight ahead)?"""
    reach = kit.radius_cm + 0.5
    touch = BUMPER_REACH_CM - 0.5
    near = world.wall_grid.near_prepared
    for off in (-30.0, 0.0, 30.0):
        a = th + math.radians(angle_deg + off)
        px, py = x + reach * math.cos(a), y + reach * math.sin(a)
        for x0, y0, dx, dy, length2, _ in near(px, py):  # point_segment_distance, inlined
            if length2 <= 0.0:
                d = math.hypot(px - x0, py - y0)
            else:
                t = ((px - x0) * dx + (py - y0) * dy) / length2
                if t < 0.0:
                    t = 0.0
                elif t > 1.0:
                    t = 1.0
                d = math.hypot(px - (x0 + t * dx), py - (y0 + t * dy))
            if d <= touch:
                return True
    return False


def body_blocked(world: World, x: float, y: float, radius: float) -> bool:
    """Does a disc of ``radius`` at (x, y) overlap a wall or obstacle?"""
    for x0, y0, dx, dy, length2, _ in world.wall_grid.near_prepared(x, y):
        # point_segment_distance, inlined (same arithmetic, so the same verdict to the last bit)
        if length2 <= 0.0:
            d = math.hypot(x - x0, y - y0)
        else:
            t = ((x - x0) * dx + (y - y0) * dy) / length2
            if t < 0.0:
                t = 0.0
            elif t > 1.0:
                t = 1.0
            d = math.hypot(x - (x0 + t * dx), y - (y0 + t * dy))
        if d < radius:
            return True
    return False


def clearance_cm(world: World, x: float, y: float, radius: float) -> float:
    """Gap between the robot's body and the nearest solid (for the 'stopped near' check)."""
    best = min((point_segment_distance(x, y, seg) for seg in world.wall_segments), default=1e9)
    return best - radius
