"""The tower's top breaking off reads as one piece breaking (collapse20): while it hinges over
on its crack no sky shows between it and its stump, nothing torn off hangs apart from it, and
dust puffs out of the break from the first frame of the crack."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.collapse import (
    CRACK_SECONDS,
    Collapse,
    Dust,
    moment,
    release,
)
from installation.visuals.render import headless

SKY = (120, 170, 220, 255)
WALL = (60, 50, 40, 255)
SIZE = (400, 400)
PLACE = (160, 100)  # where the tower stands (its picture's top left)
GROUND = 300  # its foot
TALL, WIDE, WING = 200, 90, (55, 44)  # a tower with a lower wing: from column 55, top row 44
DUST = Dust((200, 190, 180), 0.0, 90.0)
SEEDS = range(6)
EDGE = 4  # columns at the top's outer edges not looked under (a ragged corner may overhang)


def tower() -> pygame.Surface:
    """A solid tower, its high part on the left, a lower wing on its right."""
    picture = pygame.Surface((WIDE, TALL), pygame.SRCALPHA)
    picture.fill(WALL, (0, 0, WING[0], TALL))
    picture.fill(WALL, (WING[0], WING[1], WIDE - WING[0], TALL - WING[1]))
    return picture


def collapse(seed: int) -> tuple[Collapse, pygame.Surface]:
    """The tower's fall (leaning left) and its stump, all pictures made."""
    headless()
    stump = tower()
    falls = Collapse(stump, PLACE, GROUND, DUST, np.random.default_rng(seed), -1)
    for _ in falls.pieces():
        pass
    return falls, stump


def seen(falls: Collapse, stump: pygame.Surface, seconds: float) -> tuple[np.ndarray, range]:
    """The stump and the top `seconds` after the crack, against the sky: (x, y) where sky,
    and the columns under the top's body over the stump (the outer EDGE columns left out)."""
    top = pygame.Surface(SIZE, pygame.SRCALPHA)
    top.fblits(falls.fall_blits(moment(seconds)))
    columns = np.flatnonzero((pygame.surfarray.array_alpha(top) > 0).any(axis=1))
    surface = pygame.Surface(SIZE)
    surface.fill(SKY)
    surface.blit(stump, PLACE)
    surface.blit(top, (0, 0))
    sky = (pygame.surfarray.array3d(surface) == np.array(SKY[:3])).all(axis=2)
    return sky, range(max(PLACE[0], int(columns[0])) + EDGE,
                      min(PLACE[0] + WIDE, int(columns[-1]) + 1) - EDGE)


def test_no_sky_shows_between_the_leaning_top_and_its_stump() -> None:
    """Down every column under the top's body, from its highest pixel to the ground, the
    tower is whole (no sky) while it jolts on its break and rides down on its floors as they
    pancake (collapse24: it no longer leans on a hinge), till its first chunk lets go."""
    hinging = np.linspace(0.05, release(0) - 0.05, 8)
    for seed in SEEDS:
        falls, stump = collapse(seed)
        for seconds in hinging:
            sky, under = seen(falls, stump, float(seconds))
            for x in under:
                solid = np.flatnonzero(~sky[x, :GROUND])
                gap = sky[x, solid[0]:GROUND].sum() if len(solid) else 0
                assert gap == 0, f"seed {seed}, {seconds:.2f} s: {gap} px of sky in column {x}"


def test_nothing_torn_off_hangs_apart_from_the_top() -> None:
    """Each tier of the top is one piece: no sliver of the wing's crest cut off with it to
    hang beside it in the air."""
    for seed in SEEDS:
        falls, _stump = collapse(seed)
        for k, tier in enumerate(falls.tiers):
            parts = pygame.mask.from_surface(tier.picture).connected_components()
            sizes = sorted((part.count() for part in parts), reverse=True)
            assert sum(sizes[1:]) <= 0.03 * sizes[0], f"seed {seed}, tier {k}: {sizes}"  # (0.02
            # till collapse24: each tier now cracks in two, a half's ragged crest's bits going
            # with it, 20 px of 946 at seed 1)


def test_dust_puffs_out_of_the_break_from_the_first_frame() -> None:
    """A tenth of a second after the crack, dust shows at the break (within a fifth of the
    top's height of the hinge), and again as it jolts; the hinge's row is the break's."""
    falls, _stump = collapse(1)
    for seconds in (0.1, CRACK_SECONDS * 0.75):
        puffs = falls.dust_blits(moment(seconds))
        near = [place for picture, place, strength in puffs if strength > 60
                and abs(place[1] + picture.get_height() / 2 - falls.pivot[1]) < TALL / 5
                and PLACE[0] - 10 < place[0] + picture.get_width() / 2 < PLACE[0] + WIDE + 10]
        assert len(near) >= 1, f"{seconds:.2f} s: {len(near)} puffs at the break of {puffs}"  # (one
        # picture, its puffs laid in it, since dust21)
