"""`bench --cold` times its frames as the table does: the post's cover left to the GPU."""

from __future__ import annotations

from itertools import count

import pytest

from installation.commands.common import RENDER_REFERENCE
from installation.core.config import DEFAULT_CONFIG, load_config
from installation.core.program import Program
from installation.core.timeline import load_timeline
from installation.core.timeutil import parse_clock
from installation.visuals.bench_cold import cold_start

from .helpers import SHIPPED, noted_draws


def test_a_cold_start_is_timed_as_the_table_is_without_the_cover(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Its frames leave the post's cover to the window's GPU, as `bench`'s table times them
    (with --cpu-cover the CPU lays it in every frame, as in the table's --cpu-cover)."""
    program = Program(load_config(DEFAULT_CONFIG), load_timeline(SHIPPED))
    left = noted_draws(monkeypatch).covers_left
    monkeypatch.setattr("installation.visuals.bench_cold.MOMENT_SECONDS", 0.1)
    ticks = count()
    for cpu_cover in (False, True):
        left.clear()
        cold_start(program, (160, 90), parse_clock("04:22:59.8"), RENDER_REFERENCE,
                   lambda: next(ticks) / 1000.0, cpu_cover=cpu_cover)
        assert left and set(left) == {not cpu_cover}
