"""A scene built ahead is set aside from the cycle collector, as start-up is: the full rounds
Python runs while the next scene builds walk only what was made since, not every scene built
since start-up (~20,000 objects, 7-10 ms in a frame, ~30 rounds 0.5 s apart)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from installation.visuals.compositor import URGENT_SECONDS, Compositor
from installation.visuals.render import headless
from installation.visuals.set_aside import set_aside

from .helpers import SIZE
from .test_ahead import busy_pair, step_up_to

FEW = 300  # objects a full round may still walk once the scene is set aside (the frame's own)


@pytest.fixture
def started() -> Iterator[None]:
    """The process as the show runs it: start-up set aside (commands.common.start_collecting),
    the collector on; everything handed back to it after."""
    collecting = gc.isenabled()
    gc.collect()
    gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        gc.unfreeze()
        if not collecting:
            gc.disable()


@pytest.mark.usefixtures("started")
def test_a_scene_built_ahead_is_not_walked_by_the_next_full_collection() -> None:
    headless()
    line = busy_pair()
    night = line.scenes[1]
    compositor = Compositor(line, SIZE, print)
    step_up_to(compositor, line, night, URGENT_SECONDS)
    assert compositor.ready(night)
    built = compositor._layers(night)  # noqa: SLF001 - the scene built ahead
    walked = {id(thing) for thing in gc.get_objects()}  # what a full round walks
    layers = [layer for _n, _spec, layer in built.entries if layer is not None]
    assert not any(id(thing) in walked for thing in (built, *layers))
    assert len(walked) < FEW


def test_nothing_is_set_aside_in_a_process_that_set_nothing_aside() -> None:
    """A test process (start-up not set aside) keeps the collector's rounds as they are."""
    if gc.get_freeze_count():
        pytest.skip("an earlier test in this process set start-up aside")
    set_aside()
    assert gc.get_freeze_count() == 0
