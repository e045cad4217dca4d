"""Johnie's fallen sign (Ash, 05:30) lies in the ash as burnt metal with ash settled along its
upper edge: that edge is no lighter than the ash on the ground beside it (a pale rim round it
read as a white line drawn round the sign), and it is ash, not a dark line either."""

from __future__ import annotations

import numpy as np
import pygame

from .helpers import NO_POST, draw, layer, one_scene

SIZE = (960, 540)
SKY = layer("sky", top="#8a8580", bottom="#a0948a", stars=0, sun=False, clouds=0)
KEYS = {"ground": 0.64, "height": 0.22, "fires": 0, "color": "#221c1a", "boulevard": True,
        "boulevard_x": 0.62}  # the shipped Ash's ruins, without its fires
SPAN = (0.1, 0.45)  # columns of the blade's long upper edge, clear of its ends (of the width)
CAP_ROWS = 4  # rows from the blade's top edge down: the ash on its rim
GROUND_ROWS = (8, 2)  # rows above its top edge: the ground just beyond it
LIGHTER = 6  # the rim's ash may be this many levels lighter than the ground, no more
DARKER = 0.7  # and at least this share of the ground's light (ash, not a dark line)


def grey(fallen: bool) -> np.ndarray:
    """The Ash's ruins and boulevard at 05:40, with Johnie's sign fallen or standing, grey
    levels (x, y)."""
    ruins = layer("ruins", **KEYS, fallen=fallen)
    picture = draw(one_scene(SKY + ruins + NO_POST, at="05:30"), "05:40", size=SIZE)
    return pygame.surfarray.array3d(picture).astype(int).mean(axis=2)


def test_the_fallen_signs_upper_edge_is_ash_no_lighter_than_the_ground() -> None:
    """Along the blade's long upper edge the first rows of it are the ash settled on its rim:
    as light as the ash on the ground just beyond, never a pale line round it."""
    fallen, standing = grey(True), grey(False)
    caps, grounds = [], []
    for x in range(int(SPAN[0] * SIZE[0]), int(SPAN[1] * SIZE[0]), 4):
        changed = np.flatnonzero(np.abs(fallen[x] - standing[x]) > 10)
        if changed.size == 0:
            continue
        top = int(changed[0])  # the blade's top edge in this column
        caps.append(fallen[x, top:top + CAP_ROWS].mean())
        grounds.append(standing[x, top - GROUND_ROWS[0]:top - GROUND_ROWS[1]].mean())
    # medians: where the standing picture's own sign (its letters) stands just above the blade,
    # a few columns' "ground" is its dark glass, not ash
    cap, ground = float(np.median(caps)), float(np.median(grounds))
    assert len(caps) > 50, "the blade lies across the lower left"
    assert cap <= ground + LIGHTER, f"its rim {cap:.0f}, the ash beside it {ground:.0f}"
    assert cap >= DARKER * ground, f"ash on its rim, not a dark line: {cap:.0f} / {ground:.0f}"
