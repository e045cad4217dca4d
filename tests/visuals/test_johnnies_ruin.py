"""After the flash Johnie's reads as a burnt-out googie coffee shop, not a blank box: its
gutted room glows with the fire still burning inside it (its flames rising behind the glass,
not floating on the roof's edge), its roof slab broken along its top."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.fonts import Fonts
from installation.visuals.ruins_sites import in_front, into_johnnies
from installation.visuals.wilshire import (
    GLASS_TOP,
    JOHNNIES_X,
    JOHNNIES_Z,
    ROOF_LOW,
    STONE_SHARE,
    Along,
    boulevard_place,
    johnnies,
)

SIZE = (1920, 1080)
FLASH = {"boulevard": True, "fallen": False, "ground": 0.8, "boulevard_x": 0.5}  # as shipped
RUINS = (20, 12, 10)  # the flash's ruins' colour


def ruin() -> tuple[np.ndarray, tuple[int, int], Along]:
    """Johnie's ruin as the flash's boulevard has it: its picture (x, y, rgba), where it goes,
    and where a point of its front lies (share along it, world units up)."""
    place = boulevard_place(SIZE, int(SIZE[1] * FLASH["ground"]), SIZE[0] // 2)
    image, corner = johnnies(place, RUINS, Fonts(lambda _message: None).get, 1988)
    rgba = np.dstack([pygame.surfarray.array3d(image), pygame.surfarray.array_alpha(image)])

    def along(share: float, up: float) -> tuple[int, int]:
        left, right = JOHNNIES_X
        x, y = place(left + (right - left) * share, JOHNNIES_Z, up)
        return x - corner[0], y - corner[1]

    return rgba.astype(int), corner, along


def test_its_gutted_room_glows_with_the_fire_inside() -> None:
    """Behind the glass that is gone, the room is lit warm from the fire on its floor (a flat
    dark grey box before), its charred frame standing dark against the glow."""
    rgba, _corner, along = ruin()
    x0, y0 = along(STONE_SHARE + 0.05, GLASS_TOP * 0.9)
    x1, y1 = along(0.85, 0.3)
    room = rgba[x0:x1, y0:y1, :3]
    warm = (room[..., 0] > room[..., 2] + 40).mean()
    assert warm > 0.3, f"the room glows warm ({warm:.0%} of it)"


def test_its_roof_slab_is_broken_along_its_top() -> None:
    """Its roof's upper edge is not one straight rule: pieces dip out of it along the slab."""
    rgba, _corner, along = ruin()
    tops = []
    for share in np.linspace(0.02, 0.5, 40):
        x, y = along(float(share), ROOF_LOW)
        solid = np.flatnonzero(rgba[x, :y, 3] > 0)
        tops.append(solid[0] if solid.size else y)
    bends = np.abs(np.diff(np.diff(tops)))
    assert (bends > 2).sum() >= 4, f"its top runs straight: {tops}"


def test_no_fire_burns_behind_its_low_roof() -> None:
    """A fire standing behind Johnie's showed as a flame on its roof's edge: one there is
    brought into it, its flames' foot low behind the glass."""
    place = boulevard_place(SIZE, int(SIZE[1] * FLASH["ground"]), SIZE[0] // 2)
    left, right = JOHNNIES_X
    glass = [place(left + (right - left) * s, JOHNNIES_Z)[0] for s in (STONE_SHARE, 0.9)]
    roof = place(left, JOHNNIES_Z, ROOF_LOW)[1]
    ground = int(SIZE[1] * FLASH["ground"])
    sites = [(x, ground - 30) for x in range(glass[0], glass[1], 20)]
    assert in_front(FLASH, SIZE), "(the boulevard stands in front)"
    for x, y in into_johnnies(sites, FLASH, SIZE):
        assert y > roof + (ground - roof) // 2, f"a fire at {x} stands at {y}, under its roof"


def test_its_stone_wall_is_broken_masonry_not_a_pane() -> None:
    """Its stone wall (the front's left end) was one flat grey slab with a soft arc of soot,
    read in the fire at 05:20 as a pane of glass: its head is knocked down unevenly and its
    face is coursed, dark joints across it."""
    rgba, _corner, along = ruin()
    tops = []
    for share in np.linspace(0.01, STONE_SHARE - 0.01, 12):
        x, y = along(float(share), GLASS_TOP * 1.05)
        solid = np.flatnonzero(rgba[x, y:, 3] > 0)
        tops.append(int(solid[0]) if solid.size else -1)
    assert max(tops) - min(tops) >= 4, f"its head runs straight: {tops}"
    x, low = along(STONE_SHARE * 0.1, 0.05)
    _x, high = along(STONE_SHARE * 0.1, GLASS_TOP * 0.65)
    column = rgba[x, high:low, :3].sum(axis=1)
    joints = np.flatnonzero(column < np.median(column) * 0.8)
    courses = 1 + int((np.diff(joints) > 1).sum()) if joints.size else 0
    assert courses >= 3, f"its face is flat: {courses} joints down it"
