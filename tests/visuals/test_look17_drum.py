"""The helicopter's cone passing over the May Company's gold drum (04:54:40, the searchlights
over the mall) brightens the gold and never clips it to a flat white patch (on d3fc999b the
cone was added to the lit gold: ~1000 pixels of the drum stood at pure white)."""

from __future__ import annotations

import numpy as np

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.helicopter import Helicopter
from installation.visuals.render import headless

from .helpers import shipped_program, with_and_without

SIZE = (1920, 1080)
AT = "04:54:40"
WHITE = 250  # a pixel this bright in all three channels is clipped white
GOLD = 40  # the drum's gold: red above blue by this much, without the helicopter
BRIGHT = 120  # ...and its red at least this (lit by its floodlights)
DRUM = (slice(1050, 1250), slice(620, 880))  # around the drum in the picture
LIT = 8  # levels: the cone brightens the gold it crosses by this much, at least


def frames() -> tuple[np.ndarray, np.ndarray]:
    """The frame at AT with the helicopter and without it, as levels."""
    headless()
    program = shipped_program()
    line = program.timeline
    compositor = Compositor(line, SIZE, lambda _message: None, program.clock)
    state = state_at(line, parse_clock(AT), program.clock)
    flying, gone = with_and_without(compositor, state, Helicopter, "draw")
    return flying.astype(int)[DRUM], gone.astype(int)[DRUM]


def test_the_cone_brightens_the_gold_drum_and_never_clips_it_white() -> None:
    lit, plain = frames()
    gold = (plain[..., 0] - plain[..., 2] > GOLD) & (plain[..., 0] > BRIGHT)
    assert gold.sum() > 5000, "the drum is in view"
    crossed = gold & ((lit - plain).sum(axis=2) > 3 * LIT)
    assert crossed.sum() > 500, "the cone crosses the drum, brightening it"
    clipped = gold & (lit.min(axis=2) >= WHITE)
    assert clipped.sum() == 0, f"{clipped.sum()} pixels of the drum clipped to white"
    still_gold = lit[crossed]
    assert (still_gold[:, 0] - still_gold[:, 2] > GOLD / 2).mean() > 0.9, "and gold, not grey"
