"""A moment's row in `installation bench` counts every frame of the moment as the show draws
it, those that also built a piece of the next scene too."""

from __future__ import annotations

from installation.visuals.bench import moment_frames
from installation.visuals.bench_table import SceneTiming

FIRST_MS = 10.9  # the moment's first frame: a tower's first falling frame repaints its background


def test_a_moments_frames_that_build_ahead_count_in_its_row() -> None:
    """Ash's collapse at 06:10: 16 of its 120 timed frames built nothing (the scene's successor
    was being built): over those alone the row's p95 was its first frame, 10.9 ms, over the
    goal; over all 120 it is what a visitor's frames at that moment cost."""
    took = ((FIRST_MS, False), *((4.0, False),) * 15, *((7.0, True),) * 104)
    steady, transition, first, ahead = moment_frames(took)
    row = SceneTiming("Ash (collapse)", steady, transition, first, ahead, 0.3, moment=True)
    assert first == FIRST_MS and len(steady) == 15 and len(ahead) == 104
    assert row.p95_ms == 7.0 and row.p95_kind == "ahead"
    assert len(row.frames) == 120
