"""Accessible SVG charts drawn on the server: stacked horizontal bars and line series.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` (named by
``aria-labelledby``); the page always shows the same numbers as a table next to it. Suppressed
values (``None``) are drawn as a hatched gap, never as zero. No JavaScript, no CDN.
"""

from __future__ import annotations

from markupsafe import Markup, escape

PALETTE = ("#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b", "#041b3d")
WIDTH = 640


def _frame(chart_id: str, title: str, desc: str, height: int, body: list[str]) -> Markup:
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" viewBox="0 0 {WIDTH} {height}" '
            f'width="100%" aria-labelledby="{chart_id}-t {chart_id}-d">'
            f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>'
            '<defs><pattern id="hidden-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><rect width="6" height="6" fill="#eee"/>'
            '<line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="2"/></pattern></defs>')
    return Markup(head + "".join(body) + "</svg>")


def stacked_bars(chart_id: str, title: str, desc: str, labels: list[str], series_labels: list[str],
                 rows: list[list[int | None]]) -> Markup:
    """One horizontal bar per label, split into the series (e.g. levels), scaled to the row's
    share so groups of different sizes compare; a suppressed part is hatched."""
    left, bar, gap = 170, 18, 8
    height = 30 + len(labels) * (bar + gap) + 30
    body = []
    span = WIDTH - left - 20
    for i, (label, values) in enumerate(zip(labels, rows)):
        y = 20 + i * (bar + gap)
        short = label if len(label) <= 24 else label[:23] + "…"
        body.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end" font-size="12">{escape(short)}</text>')
        known = [v for v in values if v is not None]
        hidden_parts = sum(1 for v in values if v is None)
        total = sum(known) or 1
        x = float(left)
        share_hidden = (0.15 if known else 1.0) if hidden_parts else 0.0
        for j, value in enumerate(values):
            width = span * share_hidden / hidden_parts if value is None else span * (1 - share_hidden) * value / total
            fill = "url(#hidden-hatch)" if value is None else PALETTE[j % len(PALETTE)]
            shown = "—" if value is None else str(value)
            body.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{bar}" fill="{fill}">'
                        f'<title>{escape(label)} · {escape(series_labels[j])}: {shown}</title></rect>')
            x += width
    legend_y = height - 14
    for j, name in enumerate(series_labels):
        x = left + j * 60
        body.append(f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" fill="{PALETTE[j % len(PALETTE)]}"/>'
                    f'<text x="{x + 16}" y="{legend_y}" font-size="11">{escape(name)}</text>')
    return _frame(chart_id, title, desc, height, body)


def lines(chart_id: str, title: str, desc: str, x_labels: list[str], series: dict[str, list[int | None]]) -> Markup:
    """One polyline per series over ``x_labels``; a suppressed point breaks the line."""
    left, top, height_plot = 50, 20, 180
    height = top + height_plot + 60
    shown = [v for values in series.values() for v in values if v is not None]
    peak = max(shown or [1]) or 1
    step = (WIDTH - left - 20) / max(1, len(x_labels) - 1)
    body = [f'<line x1="{left}" y1="{top + height_plot}" x2="{WIDTH - 20}" y2="{top + height_plot}" stroke="#555"/>',
            f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="11">{peak if shown else ""}</text>',
            f'<text x="{left - 6}" y="{top + height_plot}" text-anchor="end" font-size="11">0</text>']
    for i, label in enumerate(x_labels):
        if len(x_labels) <= 12 or i % max(1, len(x_labels) // 12) == 0:
            body.append(f'<text x="{left + i * step:.1f}" y="{top + height_plot + 16}" text-anchor="middle" '
                        f'font-size="10">{escape(label)}</text>')
    for j, (name, values) in enumerate(series.items()):
        colour = PALETTE[(j * 3 + 3) % len(PALETTE)]
        segment: list[str] = []
        for i, value in enumerate(values + [None]):
            if value is None:
                if len(segment) > 1:
                    body.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(segment)}"/>')
                segment = []
                continue
            x, y = left + i * step, top + height_plot - height_plot * value / peak
            segment.append(f"{x:.1f},{y:.1f}")
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                        f'<title>{escape(name)} · {escape(x_labels[i])}: {value}</title></circle>')
        body.append(f'<text x="{left + j * 120}" y="{height - 8}" font-size="11" fill="{colour}">■ {escape(name)}</text>')
    return _frame(chart_id, title, desc, height, body)
