"""A small line chart drawn on the server as SVG coordinates (the template writes the SVG with
its <title>, <desc> and a table of the same numbers): no script, no library, no CDN."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    value: int
    label: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    dots: list[Dot]
    y_ticks: list[tuple[float, int]]  # (y, value)
    baseline: float
    left: int
    right: float

    @property
    def polyline(self) -> str:
        return " ".join(f"{dot.x:.1f},{dot.y:.1f}" for dot in self.dots)


def line_chart(values: list[int], labels: list[str], width: int = WIDTH, height: int = HEIGHT) -> LineChart:
    """Place ``values`` (one per label, left to right) in a ``width`` × ``height`` box, the
    y axis from 0 to the largest value, with up to five whole-number ticks."""
    top_value = max([1, *values])
    step = max(1, -(-top_value // 4))
    top_value = step * -(-top_value // step)
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    baseline = TOP + plot_h

    def y_of(value: int) -> float:
        return baseline - plot_h * value / top_value

    count = len(values)
    dots = [Dot(LEFT + (plot_w * i / (count - 1) if count > 1 else plot_w / 2), y_of(v), v, label)
            for i, (v, label) in enumerate(zip(values, labels))]
    ticks = [(y_of(v), v) for v in range(0, top_value + 1, step)]
    return LineChart(width, height, dots, ticks, baseline, LEFT, width - RIGHT)
