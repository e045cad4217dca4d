"""What a full collection finds alive is set aside, so the next walks only what is new."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from installation.commands.common import start_collecting
from installation.visuals.set_aside import each_round_set_aside

KEPT = 20_000  # objects the show keeps between two builds (a long scene's memos, views)
FEW = 2_000  # what a full round may walk after them: the young, the test's own


@pytest.fixture
def collecting() -> Iterator[None]:
    """The collector set up as the show does (start_collecting), undone after."""
    was = gc.isenabled()
    gc.disable()
    start_collecting()
    try:
        yield
    finally:
        each_round_set_aside(False)  # (Python's threshold given back too)
        gc.unfreeze()
        if not was:
            gc.disable()


def tracked() -> int:
    """Objects the collector would walk in a full round (outside what is set aside)."""
    return len(gc.get_objects())


def test_a_full_round_sets_aside_what_it_found_alive(collecting: None) -> None:
    kept = [[k] for k in range(KEPT)]  # lists: tracked, alive, no cycles
    gc.collect()
    assert tracked() < FEW  # the next full round does not walk `kept` again
    assert kept[-1] == [KEPT - 1]


def test_what_is_set_aside_is_still_freed_when_let_go(collecting: None) -> None:
    kept = [[k] for k in range(KEPT)]
    gc.collect()
    frozen = gc.get_freeze_count()
    del kept
    assert gc.get_freeze_count() < frozen - KEPT // 2  # freed by reference counting
