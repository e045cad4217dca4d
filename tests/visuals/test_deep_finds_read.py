"""Deep time's finds read from across the room as what they are: large, and each articulated (a
mammoth's skull with its ridged molar and its tusk's socket, a ribcage's long ribs together)."""

from __future__ import annotations

import random

import numpy as np
import pygame
import pytest

from installation.visuals import bones, fossil_kinds, fossils

BONE = (140, 100, 60, 235)
SHOWS = 140  # alpha over which a bone shows clearly over the tar
ACROSS = {"mammoth skull": 170, "ribs": 130, "sabre-tooth skull": 80, "mammoth tusk": 160}
# px across (what shows clearly) at 1080 rows in a middle stratum: at 130 a mammoth's skull
# read as a bean, and its teeth were lost


def laid(pen: fossils.Pen, size: float, seed: int = 3) -> pygame.Surface:
    """A find as the tar keeps it (stained, going down into the tar), lying level."""
    image = pygame.Surface((int(size * 5), int(size * 5)), pygame.SRCALPHA)
    fossils.lay(image, pen, size * 2.5, size * 2.5, size, BONE, random.Random(seed), (0, 0))
    return image


@pytest.mark.parametrize("name", sorted(ACROSS))
def test_a_find_is_large_enough_to_read_from_across_the_room(name: str) -> None:
    """Each find, in a middle stratum of the picture at 1080 rows, shows clearly over at
    least ACROSS px."""
    find = next(find for find in fossil_kinds.FINDS if find.name == name)
    size = bones.find_scale(1080, find, 3)
    shows = pygame.surfarray.array_alpha(laid(find.pen, size)) > SHOWS
    across = int(np.ptp(np.flatnonzero(shows.any(axis=1))))
    assert across >= ACROSS[name], f"{name}: {across} px across"


def test_a_mammoths_skull_shows_the_plates_of_its_molar_and_its_tusks_socket() -> None:
    """A smooth dome with a curl read as a bean: across its molar the light plates and the
    dark lines between them alternate (five plates at least), and round the tusk's root, where
    it leaves the skull, a darker rim: its socket."""
    size = 80
    image = laid(lambda piece, c, s, color, _rng: fossils.mammoth_skull(piece, c, s, color),
                 size)
    light = pygame.surfarray.array3d(image).sum(axis=2).astype(int)
    c = size * 2.5
    left, top, wide, high = (v * size for v in fossils.MOLAR)
    row = light[round(c + left):round(c + left + wide), round(c + top + high / 2)]
    mean = row.mean()
    crossings = np.count_nonzero(np.diff((row > mean).astype(int)) == 1)
    assert crossings >= 5, f"{crossings} plates across the molar ({row.tolist()})"
    root_x, root_y = (c + size * v for v in fossils.SKULL_TUSK[0])
    rim = light[round(root_x), round(root_y - size * 0.18)]
    tusk = light[round(root_x), round(root_y)]
    assert rim < 0.75 * tusk, f"no socket round the tusk's root ({rim} against {tusk})"


@pytest.mark.parametrize("seed", range(4))
def test_a_ribcage_is_long_ribs_together_not_a_few_stubs(seed: int) -> None:
    """Most broken off short, a ribcage read as a cluster of worms: half to two thirds of the
    way down the cage at least five ribs cross, whatever ribs the tar took."""
    cage = pygame.Surface((400, 400), pygame.SRCALPHA)
    fossils.ribs(cage, 200, 80, (140, 100, 60, 255), random.Random(seed))
    alpha = pygame.surfarray.array_alpha(cage) > 0
    rows = np.flatnonzero(alpha.any(axis=0))
    for share in (0.5, 0.6, 0.7):
        y = round(rows[0] + (rows[-1] - rows[0]) * share)
        ribs = np.count_nonzero(np.diff(np.r_[0, alpha[:, y].astype(int), 0]) == 1)
        assert ribs >= 5, f"{ribs} ribs {share:.0%} of the way down"
