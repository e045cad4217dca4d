"""As the Ash scene ends (06:34) Johnie's fallen sign lies greyed under the ash that has
whitened the ground round it: its face no darker than that ground (darker, the sign read as
a hole in the ash)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from .helpers import NO_POST, draw, layer, timeline

SIZE = (960, 540)
SKY = layer("sky", top="#8a8580", bottom="#a0948a", stars=0, sun=False, clouds=0)
KEYS = {"ground": 0.64, "height": 0.22, "fires": 0, "color": "#221c1a", "boulevard": True,
        "boulevard_x": 0.62, "bury": 1, "ash": 0.2, "ash_end": 1.8}  # the shipped Ash's ruins,
# without its fires
LEFT = 0.58  # the fallen sign lies left of this share of the picture's width
APART = 10  # a pixel of the sign: this many levels off the picture without it (any channel)
AROUND = 12  # the ground round it: this many rows above and below it
FACE = 0.6  # its face: this share of it down each column from its top
SAME = 2  # levels of grey the eye does not tell apart here (the ash round it lightened by one
# when the rubble's dark at the plain's far edge went under the ash, ash15: 67 against 68)


@cache
def grey(fallen: bool) -> np.ndarray:
    """The Ash's ruins and boulevard at 06:34, the sign fallen or standing, (x, y, rgb)."""
    ruins = layer("ruins", **KEYS, fallen=fallen)
    body = ('[[scene]]\nat = "05:30"\nname = "Ash"\n' + SKY + ruins + NO_POST
            + '[[scene]]\nat = "06:35"\nname = "next"\n' + SKY)
    return pygame.surfarray.array3d(draw(timeline(body), "06:34", size=SIZE)).astype(int)


def test_at_the_scenes_end_the_greyed_sign_is_no_darker_than_the_ash_round_it() -> None:
    """The sign's face (its middle tone) is at least as light as the ground just above and
    below it in the picture drawn without it (on main 42 against 57)."""
    fallen, standing = grey(True), grey(False)
    mask = np.abs(fallen - standing).max(axis=2) > APART
    mask[round(LEFT * SIZE[0]):] = False
    rows = np.flatnonzero(mask.any(axis=0))
    face = np.zeros_like(mask)  # (its face: the upper part of it down each column, over the
    for x in np.flatnonzero(mask.any(axis=1)):  # edge, the rubble and the shadow under it)
        down = np.flatnonzero(mask[x])
        face[x, down[0]:down[0] + round(FACE * (down[-1] - down[0]))] = True
    face = fallen.mean(axis=2)[face & mask]
    band = np.zeros_like(mask)
    band[: round(LEFT * SIZE[0]), max(0, rows[0] - AROUND):rows[-1] + AROUND] = True
    ground = standing.mean(axis=2)[band & ~mask]
    assert np.median(face) >= np.median(ground) - SAME, (
        f"the sign's face {np.median(face):.0f}, the ash round it {np.median(ground):.0f}")
