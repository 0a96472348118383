"""The pictures of a run shown on a page (the lab's try-out and review, the playground): the
pins' timeline, the board at the end of the run, the micro:bit display frames. SVGs are shown
as ``data:`` images, so they can never run script in the page."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from app.sim import RunResult, render_board, render_display_frames, render_timeline


@dataclass(frozen=True)
class Picture:
    alt: str
    data_uri: str


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def run_pictures(run: RunResult, board: str, lang: str, alt_texts: dict[str, str],
                 board_with_display: bool = False) -> tuple[Picture, ...]:
    """Timeline, then the display frames on a micro:bit, then the board (on a micro:bit only when
    ``board_with_display``: its wired devices are drawn there). Nothing for a run without events."""
    if not run.events:
        return ()
    pictures = [Picture(alt_texts["timeline"], data_uri(render_timeline(run, lang=lang)))]
    if board == "microbit":
        pictures.append(Picture(alt_texts["display"], data_uri(render_display_frames(run, lang=lang))))
    if board != "microbit" or board_with_display:
        pictures.append(Picture(alt_texts["board"], data_uri(render_board(run, lang=lang))))
    return tuple(pictures)
