"""After the flash flames lick out of the burnt May Company's blown-out windows, up its broken
box, not only at the city's feet."""

from __future__ import annotations

import numpy as np
import pygame

from .helpers import shipped_picture

DRUM = 729  # the drum's slab begins here (1920 x 1080): the box lies left of it
WALL = (700, 855)  # the box's rows over its rubble
GROUND_FIRES = (197, 523)  # the smoke's fires at its foot, and the room their flames take
ROOM = 96
HOT = (240, 130)  # a flame's red and green at least


def flame_places(picture: np.ndarray) -> list[tuple[int, int]]:
    """The stretches of columns (first, last) of the box's wall, clear of the fires at its
    foot, where a flame burns (runs of hot columns under 30 px apart joined)."""
    xs = np.arange(DRUM)
    clear = np.all([np.abs(xs - x) > ROOM for x in GROUND_FIRES], axis=0)
    wall = picture[:DRUM, WALL[0]:WALL[1]]
    hot = ((wall[..., 0] >= HOT[0]) & (wall[..., 1] >= HOT[1])).any(axis=1) & clear
    places: list[tuple[int, int]] = []
    for x in np.flatnonzero(hot).tolist():
        if places and x - places[-1][1] < 30:
            places[-1] = (places[-1][0], x)
        else:
            places.append((x, x))
    return places


def test_flames_lick_out_of_the_may_companys_windows() -> None:
    """At 05:24 flames burn in two or more places up the burnt box's wall, away from the
    fires at its foot (on 5c243bca, one: a glint at x 344)."""
    picture = pygame.surfarray.array3d(shipped_picture("05:24")).astype(int)
    assert len(flame_places(picture)) >= 2, flame_places(picture)

