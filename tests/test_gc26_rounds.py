"""A full round walks only what was kept since the last, never all a build keeps at once: after
start-up, and after a sweep (which walked all the show holds)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from collector import collector_off, given_back

from installation.commands.common import start_collecting
from installation.visuals.set_aside import FULL_ROUND, each_round_set_aside, sweep

KEPT = 100_000  # objects kept as scenes are built ahead (Park La Brea alone: 20,000 and more)
BATCH = 50  # made at a time, as a build's pieces make them
MOST = 10_000  # objects a full round may walk: ~15 blits of a frame's CPU at the show's rate
# (a round over 20,581 took 30); one middle round's keep and the young are ~7,700


@pytest.fixture
def as_the_show() -> Iterator[None]:
    """The collector as the show starts it once its start-up is over; given back after."""
    try:
        with collector_off():
            start_collecting()
            yield
    finally:
        each_round_set_aside(False)
        given_back()


def walked_while_kept() -> list[int]:
    """Objects each full round walked while KEPT objects were made and kept, BATCH at a time."""
    walked: list[int] = []

    def count(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and info["generation"] == FULL_ROUND:
            walked.append(len(gc.get_objects()))

    kept: list[list[int]] = []
    gc.callbacks.insert(0, count)
    try:
        for start in range(0, KEPT, BATCH):
            kept.extend([n] for n in range(start, start + BATCH))
    finally:
        gc.callbacks.remove(count)
    assert len(kept) == KEPT
    return walked


def test_while_a_scene_is_built_each_full_round_walks_only_what_was_kept_since(
        as_the_show: None) -> None:
    walked = walked_while_kept()
    assert walked, "no full round ran"
    assert max(walked) < MOST, walked


def test_after_a_sweep_the_next_full_rounds_walk_only_what_was_kept_since(
        as_the_show: None) -> None:
    sweep()
    walked = walked_while_kept()
    assert walked, "no full round ran"
    assert max(walked) < MOST, walked
