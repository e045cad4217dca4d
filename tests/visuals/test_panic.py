"""The panic in Johnnie's: the pane that breaks stays in its frame; the runners read solid."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.counter import CHROME
from installation.visuals.figures import PHASES, Look, sprite_for
from installation.visuals.skeleton import pose
from installation.visuals.wardrobe import CROWD

from .helpers import NO_POST, frame_at, layer

WIDE = (960, 540)
CRACKS = 200  # pixels of crack and hole on the broken pane, at least, at this size
SILL = 0.625  # the glass front's foot (below: the wall, the floor and the shards on it)
STREET = 0.5  # the street outside, seen through the glass from here down
GLASS = (0.25, 0.45)  # a band of the picture where all of the front is glass or its uprights
SPRITE = 200  # a figure's height, in pixels, drawn alone
INSIDE = 4  # pixels in from a figure's outline: inside its body, past where a rim shows
STRAY = 25  # rim-lit pixels that may show inside a body (where a chest meets a far arm)


def sky(color: str) -> str:
    return layer("sky", top=color, bottom=color, stars=0, sun=False, clouds=0)


def test_the_cracks_stay_inside_the_broken_pane_never_over_its_frame() -> None:
    """Where the glass breaks, its frame (the uprights, the rail under the upper panes, the
    chrome on the sill) and the lamps in front of it stand as they were: the cracks run out
    to the frame and stop there."""
    whole = layer("interior") + NO_POST
    broken = frame_at(sky("#101018") + layer("interior", broken="04:23") + NO_POST, "04:20",
                      190.0, WIDE)
    before = frame_at(sky("#101018") + whole, "04:20", 190.0, WIDE)
    cracks = (broken != before).any(axis=2)
    cracks[:, round(SILL * WIDE[1]):] = False  # (the shards on the floor)
    assert cracks.sum() > CRACKS, "the pane is broken"
    # What is not glass looks the same whatever the night is like outside: above the street
    # (drawn solid on the room), that is the frame and the lamps; an upright is solid all
    # the way down the glass; the sill is chrome.
    solid = (before == frame_at(sky("#f0f0f0") + whole, "04:20", 190.0, WIDE)).all(axis=2)
    street = round(STREET * WIDE[1])
    frame = solid.copy()
    frame[:, street:] = solid[:, round(GLASS[0] * WIDE[1]):round(GLASS[1] * WIDE[1])].all(
        axis=1)[:, None]
    frame |= (before == CHROME).all(axis=2)
    columns = np.nonzero(cracks.any(axis=1))[0]
    assert frame[columns.min() - 1, street:].all() and frame[columns.max() + 1, street:].all(), \
        "the pane's uprights are beside the cracks"
    assert not (cracks & frame).any(), "no crack over the frame"


def interior(alpha: np.ndarray, depth: int) -> np.ndarray:
    """The pixels of an opaque shape at least `depth` pixels in from its outline."""
    shape = alpha == 255
    inner = shape.copy()
    for dx in range(-depth, depth + 1):
        for dy in range(-depth, depth + 1):
            if dx * dx + dy * dy <= depth * depth:
                inner &= np.roll(np.roll(shape, dx, 0), dy, 1)
    return inner


@pytest.mark.parametrize("name", ["run", "walk", "idle"])
def test_a_rim_lit_figure_shows_no_stripe_of_light_across_its_body(name: str) -> None:
    """The near arm, drawn over the chest, is edged in shadow there: its rim light shows only
    where the arm stands out against what is behind the figure (a bright stripe across a dark
    body reads as the room showing through it)."""
    for outfit in CROWD:
        for step in range(PHASES):
            body = pose(name, step / PHASES, outfit.stoop, outfit.cane)
            sprite, _ = sprite_for(body, Look(SPRITE, (30, 30, 30), (255, 255, 255), False,
                                              outfit), False)
            lit = pygame.surfarray.array3d(sprite).min(axis=2) > 128
            inside = int((lit & interior(pygame.surfarray.array_alpha(sprite), INSIDE)).sum())
            assert inside <= STRAY, f"{name} {outfit.coat} phase {step}: {inside} lit inside"
