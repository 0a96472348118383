"""Fixtures of the simulator tests: a helper that runs code in-process on a board."""

from __future__ import annotations

import pytest

from app.sim.runner import execute


@pytest.fixture
def run():
    def _run(code: str, board: str = "pico", scenario=None, seconds: float | None = 2):
        result, trace = execute(code, board, scenario, seconds)
        return result
    return _run
