"""What the robot's sensors read at a pose: IR line sensors, HC-SR04 sonars and bumpers.

Pure functions of (world, kit, pose, noise) so they can be tested without running any code. Line
sensors see a small spot of floor: the reading blends from light (white floor) to dark (line) as
the spot crosses the line's edge, so analog values are graded and digital values flip at the
middle of the edge. Sonars cast five rays across the HC-SR04's ~30-degree cone and report the
nearest wall or obstacle; only solids reflect (floor lines do not).
"""

from __future__ import annotations

import math

from app.sim.robot.geometry import point_segment_distance, ray_segment
from app.sim.robot.kits import Kit
from app.sim.robot.world import World

LIGHT_U16 = 6000  # a white floor reflects a lot: low reading
DARK_U16 = 52000  # a black line reflects little: high reading
THRESHOLD_U16 = 29000
SPOT_CM = 0.4
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


def line_readings(world: World, kit: Kit, x: float, y: float, th: float,
                  noise: list[float]) -> list[int]:
    """Analog readings (0..65535, dark = high) of every line sensor; ``noise`` holds one value in
    -1..1 per sensor already scaled by the noise amplitude."""
    out = []
    c, s = math.cos(th), math.sin(th)
    near = world.floor_grid.near
    span = DARK_U16 - LIGHT_U16
    for i, sen in enumerate(kit.line):
        px = x + sen.x * c - sen.y * s
        py = y + sen.x * s + sen.y * c
        segs = near(px, py)
        cover = 0.0
        if segs:
            d = line_edge_distance(segs, px, py)
            cover = 0.0 if d >= SPOT_CM else 1.0 if d <= -SPOT_CM else 0.5 - d / (2 * SPOT_CM)
        v = LIGHT_U16 + span * cover + noise[i] * 65535
        out.append(0 if v < 0 else 65535 if v > 65535 else int(v))
    return out


def sonar_cm(world: World, x: float, y: float, th: float, sx: float, sy: float,
             angle_deg: float) -> float | None:
    """Distance the sonar measures, or None when nothing is within range (no echo)."""
    ox, oy = to_world(x, y, th, sx, sy)
    best = None
    segs = world.wall_segments
    for off in (-BEAM_HALF_DEG, -BEAM_HALF_DEG / 2, 0.0, BEAM_HALF_DEG / 2, BEAM_HALF_DEG):
        a = th + math.radians(angle_deg + off)
        dx, dy = math.cos(a), math.sin(a)
        for seg in segs:
            t = ray_segment(ox, oy, dx, dy, seg)
            if t is not None and (best is None or t < best):
                best = t
    if best is None or best > SONAR_MAX_CM:
        return None
    return max(best, SONAR_MIN_CM)


def bumper_pressed(world: World, kit: Kit, x: float, y: float, th: float, angle_deg: float) -> bool:
    """Is something touching the body within 30 degrees of ``angle_deg`` (from straight ahead)?"""
    reach = kit.radius_cm + 0.5
    for off in (-30.0, 0.0, 30.0):
        a = th + math.radians(angle_deg + off)
        px, py = x + reach * math.cos(a), y + reach * math.sin(a)
        for seg in world.wall_grid.near(px, py):
            if point_segment_distance(px, py, seg) <= BUMPER_REACH_CM - 0.5:
                return True
    return False


def body_blocked(world: World, x: float, y: float, radius: float) -> bool:
    """Does a disc of ``radius`` at (x, y) overlap a wall or obstacle?"""
    for seg in world.wall_grid.near(x, y):
        if point_segment_distance(x, y, seg) < radius:
            return True
    return False


def clearance_cm(world: World, x: float, y: float, radius: float) -> float:
    """Gap between the robot's body and the nearest solid (for the 'stopped near' check)."""
    best = min((point_segment_distance(x, y, seg) for seg in world.wall_segments), default=1e9)
    return best - radius
