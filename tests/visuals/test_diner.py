"""Johnnie's: the window that goes in the panic."""

from __future__ import annotations

import numpy as np

from .helpers import NO_POST, SIZE, frame_at, layer

SKY = layer("sky", top="#101018", bottom="#101018", stars=0, sun=False, clouds=0)
DINER = dict(x=0.5, ground=0.8, scale=1.5, empty=True)


def test_a_pane_is_smashed_at_its_time_with_shards_on_the_pavement() -> None:
    broken = SKY + layer("diner", broken="04:23", **DINER) + NO_POST
    whole = SKY + layer("diner", **DINER) + NO_POST
    before, after = frame_at(broken, "04:20", 170.0), frame_at(broken, "04:20", 190.0)
    assert np.array_equal(before, frame_at(whole, "04:20", 170.0)), "whole until its time"
    change = after.mean(axis=2) - before.mean(axis=2)
    ground = int(SIZE[1] * 0.8)
    glass, pavement = change[:, :ground], change[:, ground:]
    assert (glass < -60).sum() > 20, "a dark hole where the glass was"
    assert (glass > 8).sum() > 10, "cracks catch the light round it"
    assert (pavement > 60).sum() > 5, "shards glint on the pavement in front"
    xs = np.nonzero((glass < -60).any(axis=1))[0]
    assert xs.max() - xs.min() < SIZE[0] * 0.15, "one pane, not the whole front"


def test_a_pane_broken_before_the_scene_began_counts_from_the_scene() -> None:
    """A time before the scene's start in the day means the next day: not yet broken."""
    broken = SKY + layer("diner", broken="04:10", **DINER) + NO_POST
    whole = SKY + layer("diner", **DINER) + NO_POST
    assert np.array_equal(frame_at(broken, "04:20", 5.0), frame_at(whole, "04:20", 5.0))
