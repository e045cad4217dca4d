"""The ruins after the flash read as a city blasted an hour ago: ragged broken tops, bare frames
the sky shows through, gutted windows in the faces still standing, rubble at their feet."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.visuals.ruins import towers

from .helpers import NO_POST, draw, layer, one_scene

SIZE = (960, 540)  # half the gallery's picture: storeys and window bays a few pixels each
GROUND, HEIGHT = 0.8, 0.3
SKY = (0x80, 0x90, 0xA0)  # a colour nothing in the ruins has
TOWER = 0x40  # the towers' colour, grey


@cache
def ruins_frame() -> np.ndarray:
    """The ruins alone, fireless, before a flat sky, as an (x, y, rgb) array (drawn once: do
    not change it)."""
    sky = layer("sky", top="#8090a0", bottom="#8090a0", stars=0, sun=False, clouds=0)
    ruins = layer("ruins", ground=GROUND, height=HEIGHT, fires=0, color="#404040")
    surface = draw(one_scene(sky + ruins + NO_POST, at="06:00"), "06:00:05", size=SIZE)
    frame = pygame.surfarray.array3d(surface).astype(int)
    assert (frame[:, : SIZE[1] // 4] == np.array(SKY)).all(), "a flat sky the tests can find"
    return frame


def sky_mask(frame: np.ndarray) -> np.ndarray:
    """Where the sky shows, (x, y)."""
    return (frame == np.array(SKY)).all(axis=2)


def turns(profile: np.ndarray) -> int:
    """How often a line changes direction (up to down or down to up), flat runs ignored."""
    steps = np.sign(np.diff(profile))
    steps = steps[steps != 0]
    return int((steps[1:] != steps[:-1]).sum())


def solid(frame: np.ndarray) -> np.ndarray:
    """Where the ruins are more than a line thick (bare columns and beams left out), (x, y)."""
    there = ~sky_mask(frame)
    out = there.copy()
    for axis in (0, 1):
        for shift in (1, -1):
            out &= np.roll(there, shift, axis=axis)
    return out


def test_broken_tops_are_ragged_at_many_scales_not_a_few_clean_cuts() -> None:
    """Along each far tower's broken wall the edge turns up and down many times (teeth,
    notches, floors broken off), not the two to five straight cuts of a paper cut-out."""
    ground = int(SIZE[1] * GROUND)
    walls = solid(ruins_frame())[:, :ground]
    tops = np.where(walls.any(axis=1), walls.argmax(axis=1), ground)
    far = [t for t in towers(7, SIZE[0], int(SIZE[1] * HEIGHT)) if t.row == 0 and t.x >= 0
           and t.x + t.width < SIZE[0]]
    per_100px = [100 * turns(tops[t.x + 2:t.x + t.width - 2]) / t.width for t in far]
    assert float(np.median(per_100px)) > 14, per_100px  # about 6 for clean cuts


def test_the_sky_shows_through_bare_frames_and_gutted_floors() -> None:
    """Below the skyline's top edge the sky is seen through the ruins in many places (between
    a bare frame's columns and floors, through blown-out windows), and a line down through a
    tower crosses from sky to structure and back again and again."""
    sky = sky_mask(ruins_frame())
    ground = int(SIZE[1] * GROUND)
    column = sky[:, :ground]
    below_top = np.arange(ground)[None, :] > column.argmin(axis=1)[:, None]
    assert (column & below_top).sum() > 0.01 * SIZE[0] * SIZE[1] * HEIGHT, (
        "the sky's own colour, seen through the towers")
    entries = (column[:, :-1] & ~column[:, 1:]).sum(axis=1)  # sky, then structure
    assert (entries >= 3).mean() > 0.1, "a frame: structure, sky, structure, sky"


def test_the_standing_faces_show_dark_gutted_windows_and_none_lit() -> None:
    frame = ruins_frame()
    ground = int(SIZE[1] * GROUND)
    band = frame[:, ground - int(SIZE[1] * 0.1):ground - int(SIZE[1] * 0.03)].max(axis=2)
    standing = band[~sky_mask(frame[:, ground - int(SIZE[1] * 0.1):ground
                                    - int(SIZE[1] * 0.03)])]
    assert (standing < TOWER * 0.7).mean() > 0.05, "a dark grid of gutted windows"
    assert frame[:, : ground].max() <= max(SKY), "no window is lit: nothing brighter than sky"


def test_rubble_lies_heaped_at_the_towers_feet() -> None:
    """Just above the ground, along the whole city, the heaps of rubble stand in front of the
    towers, darker than them."""
    frame = ruins_frame()
    ground = int(SIZE[1] * GROUND)
    feet = frame[:, ground - int(SIZE[1] * 0.01):ground].max(axis=2)
    assert (feet < TOWER * 0.76).mean() > 0.7


def test_the_fallen_lamp_post_tapers_into_the_distance_with_its_lamp() -> None:
    """Drawn as one even stroke it read as a scratch across the picture: thick at its foot
    near us, thin at its far head, where its lamp lies."""
    from installation.visuals.ash_ground import _fallen_post

    image = pygame.Surface((400, 200))
    image.fill((0, 0, 0))
    _fallen_post(image, (380, 180), (40, 60), 20, (200, 200, 200))
    drawn = pygame.surfarray.array3d(image).max(axis=2) > 0

    def across(x: int) -> int:
        return int(drawn[x].sum())

    assert across(360) >= 1.5 * across(80) > 0
    assert drawn[:40].any(), "the lamp on its arm beyond the head"
