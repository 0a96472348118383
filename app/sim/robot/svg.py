"""SVG of a robot world, optionally with a run's trajectory coloured by time and collision marks.

Presentation attributes only (no ``style`` attributes, no script), so the markup can be embedded in
a page under a strict Content-Security-Policy. World y points up; the SVG flips it. The robot
marker (``<g class="ofr-robot">``) is what the replay script moves.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

PAD = 10.0
WALL = "#4a4e69"
OBSTACLE = "#9a8c98"
LINE = "#1d1d1f"
GOAL = "#2a9d8f"


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _time_colour(f: float) -> str:
    """Blue (start) -> violet -> orange (end)."""
    stops = [(0.0, (38, 70, 200)), (0.5, (150, 60, 170)), (1.0, (240, 130, 20))]
    for (f0, c0), (f1, c1) in zip(stops, stops[1:]):
        if f <= f1:
            k = (f - f0) / (f1 - f0) if f1 > f0 else 0
            return "#%02x%02x%02x" % tuple(int(a + (b - a) * k) for a, b in zip(c0, c1))
    return "#%02x%02x%02x" % stops[-1][1]


def render_world(world: dict[str, Any], replay: dict[str, Any] | None = None, *,
                 title: str | None = None, lang: str = "it", robot_marker: bool = True) -> str:
    """SVG of ``world`` (a :meth:`World.describe` dict); ``replay`` is a run's replay data."""
    w, h = world["size"]
    vw, vh = w + 2 * PAD, h + 2 * PAD + 14

    def X(x: float) -> str:
        return _fmt(x + PAD)

    def Y(y: float) -> str:
        return _fmt(h - y + PAD + 14)

    def pts(points: list[list[float]]) -> str:
        return " ".join(f"{X(p[0])},{Y(p[1])}" for p in points)

    label = title or world.get("title", {}).get(lang, "")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="ofr-world" viewBox="0 0 {_fmt(vw)} {_fmt(vh)}" '
           f'width="{_fmt(vw * 3)}" height="{_fmt(vh * 3)}" role="img" '
           f'aria-label="{escape(label)}" font-family="system-ui, sans-serif">',
           f"<title>{escape(label)}</title>",
           f'<rect x="{X(0)}" y="{Y(h)}" width="{_fmt(w)}" height="{_fmt(h)}" fill="#f4f1ea" rx="2"/>']
    grid = []
    for gx in range(0, int(w) + 1, 50):
        grid.append(f'<line x1="{X(gx)}" y1="{Y(0)}" x2="{X(gx)}" y2="{Y(h)}"/>')
    for gy in range(0, int(h) + 1, 50):
        grid.append(f'<line x1="{X(0)}" y1="{Y(gy)}" x2="{X(w)}" y2="{Y(gy)}"/>')
    out.append(f'<g stroke="#ddd6c8" stroke-width="0.3">{"".join(grid)}</g>')
    out.append(f'<text x="{X(0)}" y="9" font-size="7" fill="#555">{escape(label)} '
               f'<tspan fill="#999">{_fmt(w)} × {_fmt(h)} cm · 50 cm</tspan></text>')
    goal = world.get("goal")
    if goal:
        if goal.get("rect"):
            x0, y0, x1, y1 = goal["rect"]
            out.append(f'<rect x="{X(x0)}" y="{Y(y1)}" width="{_fmt(x1 - x0)}" height="{_fmt(y1 - y0)}" '
                       f'fill="{GOAL}" fill-opacity="0.18" stroke="{GOAL}" stroke-dasharray="2 1.5"/>')
        else:
            out.append(f'<circle cx="{X(goal["x"])}" cy="{Y(goal["y"])}" r="{_fmt(goal["radius"])}" '
                       f'fill="{GOAL}" fill-opacity="0.18" stroke="{GOAL}" stroke-dasharray="2 1.5"/>')
        out.append(f'<text x="{X(goal["x"])}" y="{Y(goal["y"])}" font-size="5" fill="{GOAL}" '
                   f'text-anchor="middle" dy="1.8">{"TRAGUARDO" if lang == "it" else "GOAL"}</text>')
    for ln in world.get("lines", []):
        tag = "polygon" if ln.get("closed") else "polyline"
        out.append(f'<{tag} points="{pts(ln["points"])}" fill="none" stroke="{LINE}" '
                   f'stroke-width="{_fmt(ln["width"])}" stroke-linejoin="round" stroke-linecap="round"/>')
    for poly in world.get("walls", []):
        out.append(f'<polygon points="{pts(poly)}" fill="{WALL}"/>')
    for poly in world.get("obstacles", []):
        out.append(f'<polygon points="{pts(poly)}" fill="{OBSTACLE}" stroke="{WALL}" stroke-width="0.6"/>')
    if world.get("border", True):
        out.append(f'<rect x="{X(0)}" y="{Y(h)}" width="{_fmt(w)}" height="{_fmt(h)}" fill="none" '
                   f'stroke="{WALL}" stroke-width="2"/>')
    sx, sy, sh = world["start"]
    a = math.radians(sh)
    out.append(f'<g fill="none" stroke="#2b2d42" stroke-width="0.8" stroke-dasharray="1.5 1">'
               f'<circle cx="{X(sx)}" cy="{Y(sy)}" r="4"/>'
               f'<line x1="{X(sx)}" y1="{Y(sy)}" x2="{X(sx + 9 * math.cos(a))}" y2="{Y(sy + 9 * math.sin(a))}"/></g>')
    if replay:
        out.append(_trajectory(replay, X, Y))
        if robot_marker:
            out.append(_robot(replay, X, Y))
    out.append("</svg>")
    return "".join(out)


def _trajectory(replay: dict[str, Any], X: Any, Y: Any) -> str:
    frames = replay.get("frames", [])
    total = max(1, replay.get("duration_us", 1))
    parts = ['<g class="ofr-path" fill="none" stroke-width="1.2" stroke-linecap="round">']
    for a, b in zip(frames, frames[1:]):
        if a[1] == b[1] and a[2] == b[2]:
            continue
        parts.append(f'<line x1="{X(a[1])}" y1="{Y(a[2])}" x2="{X(b[1])}" y2="{Y(b[2])}" '
                     f'stroke="{_time_colour(a[0] / total)}"/>')
    parts.append("</g>")
    for t, x, y in replay.get("collisions", []):
        parts.append(f'<g class="ofr-collision" stroke="#d62828" stroke-width="1.4">'
                     f'<title>collision {t / 1e6:.2f} s</title>'
                     f'<line x1="{_fmt(float(X(x)) - 3)}" y1="{_fmt(float(Y(y)) - 3)}" '
                     f'x2="{_fmt(float(X(x)) + 3)}" y2="{_fmt(float(Y(y)) + 3)}"/>'
                     f'<line x1="{_fmt(float(X(x)) - 3)}" y1="{_fmt(float(Y(y)) + 3)}" '
                     f'x2="{_fmt(float(X(x)) + 3)}" y2="{_fmt(float(Y(y)) - 3)}"/></g>')
    return "".join(parts)


def _robot(replay: dict[str, Any], X: Any, Y: Any) -> str:
    """The robot at its last pose; the replay script rewrites the group's transform."""
    kit = replay.get("kit", {})
    r = kit.get("radius", 8)
    last = replay["frames"][-1]
    body = [f'<circle r="{_fmt(r)}" fill="#ffd166" fill-opacity="0.85" stroke="#2b2d42" stroke-width="0.8"/>',
            f'<line x1="0" y1="0" x2="{_fmt(r)}" y2="0" stroke="#2b2d42" stroke-width="1"/>']
    for sx, sy in kit.get("line_sensors", []):
        body.append(f'<circle cx="{_fmt(sx)}" cy="{_fmt(-sy)}" r="0.9" fill="#e63946"/>')
    for sx, sy, ang in kit.get("sonars", []):
        body.append(f'<rect x="{_fmt(sx - 1.2)}" y="{_fmt(-sy - 2.5)}" width="2.4" height="5" fill="#457b9d" '
                    f'transform="rotate({_fmt(-ang)} {_fmt(sx)} {_fmt(-sy)})"/>')
    return (f'<g class="ofr-robot" data-pad="{PAD}" transform="translate({X(last[1])} {Y(last[2])}) '
            f'rotate({_fmt(-last[3])})">{"".join(body)}</g>')
