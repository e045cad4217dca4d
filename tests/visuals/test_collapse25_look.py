"""The tower's collapse reads as concrete and dust (collapse25, review 24): the dust from its
break torn and irregular, never a row of like discs; lit on its sunward side; the stump's top
torn at every moment of the fall (no level-topped block); and the May Company stands, lit gold,
right of Johnie's at 03:50 and 05:12."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame
import pytest

from installation.visuals.collapse import FALL_SECONDS, Collapse, Dust, moment, release
from installation.visuals.render import headless

from .helpers import shipped_in_a_row

SKY = (120, 170, 220, 255)
WALL = (60, 50, 40, 255)
SIZE = (400, 400)
PLACE, GROUND = (160, 100), 300  # where the tower's picture stands, its foot
TALL, WIDE = 200, 90
DUST = Dust((118, 110, 104), 0.0, 90.0)
CRACK = (0.2, 0.4, 0.6)  # real seconds after the crack: its dust along the break
SHOWS = 40  # a dust pixel this opaque counts
ALIKE = (0.15, 2, 60)  # two spots alike in a row: sizes within this share, middles within
# these rows and these columns (main: 154 and 156 pixels on one row 31 apart, seed 0 at 0.2 s)
HALF = 0.5  # real seconds between the moments looked at
LEVEL = 0.3  # no more of the stump's columns (its middle 80%) topped on one row than this
SUNWARD = 5  # the dust's lit side this much lighter than its shade side at least
MAY = ((0.8, 0.89), (0.52, 0.72))  # where the May Company's drum stands (shares of the picture)
AT_JOHNIES = (("03:50:30", 30), ("05:12:30", 200))  # gold pixels there at least, at each time
GOLD_RED, GOLD_BLUE, GOLD_GREEN = 150, 0.5, 0.5  # gold: red over this, blue under this share of
# it and green over this (the dawn sky's orange is bluer)
MAY_SIZE = (480, 270)


@cache
def collapse_and_stump(seed: int) -> tuple[Collapse, pygame.Surface]:
    """A solid tower's fall, all its pictures made, and its stump."""
    headless()
    tower = pygame.Surface((WIDE, TALL), pygame.SRCALPHA)
    tower.fill(WALL)
    falls = Collapse(tower, PLACE, GROUND, DUST, np.random.default_rng(seed), -1)
    for _ in falls.pieces():
        pass
    return falls, tower


def stump_tops(seed: int, seconds: float) -> np.ndarray:
    """Down each of the tower's columns (its middle 80%), the top of what stands solid on
    the ground `seconds` after the crack (what is in the air apart from it not counted)."""
    surface = pygame.Surface(SIZE)
    surface.fill(SKY)
    falls, stump = collapse_and_stump(seed)
    surface.blit(stump, PLACE)
    surface.fblits(falls.fall_blits(moment(seconds)))
    sky = (pygame.surfarray.array3d(surface) == np.array(SKY[:3])).all(axis=2)
    edge = WIDE // 10
    columns = sky[PLACE[0] + edge:PLACE[0] + WIDE - edge, :GROUND]
    return GROUND - columns[:, ::-1].argmax(axis=1)


def test_the_stumps_top_is_never_level_as_the_floors_go() -> None:
    """Every half second from the last chunks letting go to the end, no row holds the
    top of more than LEVEL of the stump's columns (main: 0.35 at 4 s, the floors' front cut
    level under the last chunk, a flat-topped block; now at most ~0.24)."""
    for seconds in np.arange(HALF * np.ceil(release(2) / HALF), FALL_SECONDS + 0.01, HALF):
        _rows, counts = np.unique(stump_tops(0, float(seconds)), return_counts=True)
        share = counts.max() / counts.sum()
        assert share <= LEVEL, f"{seconds:.1f} s: {share:.2f} of the columns topped level"


def spots(falls: Collapse, seconds: float) -> list[tuple[int, float, float]]:
    """The dust's separate spots `seconds` after the crack (laid alone on a clear picture):
    each one's size (pixels) and middle (column, row)."""
    surface = pygame.Surface(SIZE, pygame.SRCALPHA)
    for picture, place, strength in falls.dust_blits(moment(seconds)):
        picture.set_alpha(strength)
        surface.blit(picture, place)
    return [(part.count(), *part.centroid())
            for part in pygame.mask.from_surface(surface, SHOWS).connected_components()
            if part.count() > 4]


@pytest.mark.parametrize("seed", range(3))
def test_the_breaks_dust_is_no_row_of_like_spots(seed: int) -> None:
    """No two spots of the break's dust about one size side by side on one row (main: its
    puffs and those halfway between them, alike, evenly along the break: a row of beads)."""
    falls = collapse_and_stump(seed)[0]
    for seconds in CRACK:
        found = spots(falls, seconds)
        for n, (size, x, y) in enumerate(found):
            for other, x2, y2 in found[n + 1:]:
                assert not (abs(other - size) <= ALIKE[0] * max(size, other)
                            and abs(y2 - y) <= ALIKE[1] and abs(x2 - x) <= ALIKE[2]), (
                    f"{seconds} s: like spots in a row {found}")


def test_the_dust_is_lit_on_its_sunward_side() -> None:
    """Across each of the dust's pictures, its sunward (left) half lighter than its shade
    (right) half by SUNWARD (main: 2, about the sky's grey all round, dark blobs on it; now 8-9)."""
    falls = collapse_and_stump(0)[0]
    for kind in falls.dust.pictures:
        picture = kind[-1]
        rgb = pygame.surfarray.array3d(picture).astype(float) @ np.array([0.3, 0.59, 0.11])
        alpha = pygame.surfarray.array_alpha(picture) > 128
        half = picture.get_width() // 2
        left = rgb[:half][alpha[:half]].mean()
        right = rgb[half:][alpha[half:]].mean()
        assert left - right > SUNWARD, f"sunward {left:.0f}, shade {right:.0f}"


@cache
def at_johnies() -> list[np.ndarray]:
    """The shipped day at AT_JOHNIES' times, (x, y, rgb)."""
    return [pygame.surfarray.array3d(p).astype(int)
            for p in shipped_in_a_row([at for at, _least in AT_JOHNIES], MAY_SIZE)]


@pytest.mark.parametrize("n", range(len(AT_JOHNIES)))
def test_the_may_companys_gold_drum_stands_right_of_johnies(n: int) -> None:
    """Its drum's gold where it stands across Wilshire (main: none at 03:50, 45 pixels of
    the dawn's orange at 05:12; now 46 and 514)."""
    (x0, x1), (y0, y1) = MAY
    w, h = MAY_SIZE
    area = at_johnies()[n][int(x0 * w):int(x1 * w), int(y0 * h):int(y1 * h)]
    red, green, blue = area[..., 0], area[..., 1], area[..., 2]
    gold = (red > GOLD_RED) & (blue < GOLD_BLUE * red) & (green > GOLD_GREEN * red)
    assert gold.sum() >= AT_JOHNIES[n][1], f"{gold.sum()} gold pixels at {AT_JOHNIES[n][0]}"
