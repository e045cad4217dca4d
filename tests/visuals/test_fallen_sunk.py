"""Johnie's fallen sign lies sunk in the ash, not on it like a sticker: the ash drifted up over
its lower edge along nearly all of it (its edge's dark line no longer runs clear along its
foot) and a little higher over both its ends, but never walling them (0.35 of its height up
each end, with the drift along its foot, read as a tray's sides from 06:15); and the heap round
it, lying on the ground, casts no shadow line of its own under its foot."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.fallen import _edges, _heaped
from installation.visuals.fallen_props import shadowed

SIZE = (600, 120)  # the blade lying, seen low: wide and shallow
EDGE_ROWS = 9  # its edge seen below its face, rows (as at 1080 rows: 24 of its 330)
FACE, EDGE, ASH = (96, 98, 92), (40, 36, 32), (70, 66, 62)
FADE = 21  # rows the heap runs out over into the ground (as at 1080 rows)
OVER_EDGE = 0.8  # the ash over the whole edge along this share of its columns at least
ENDS = 0.03  # its ends: this share of its width at each...
END_MOST = 0.3  # ... the ash up at most this share of its height there (a tray's wall)...
GROUND = (38, 35, 33)
SHADOW_UNDER = 6  # grey levels the ground below the heap's foot may be darker than the ground


def _plate() -> pygame.Surface:
    plate = pygame.Surface(SIZE, pygame.SRCALPHA)
    plate.fill((*FACE, 255))
    plate.fill((*EDGE, 255), (0, SIZE[1] - EDGE_ROWS, SIZE[0], EDGE_ROWS))
    return plate


def _heap() -> tuple[pygame.Surface, np.ndarray]:
    """The plate with its heap, and how many rows up from its foot each column is ash."""
    plate = _plate()
    heaped = finished(_heaped(plate, _edges(plate), FADE, ASH, np.random.default_rng(3)))
    before = pygame.surfarray.array3d(plate).astype(int)
    after = pygame.surfarray.array3d(heaped)[:, :SIZE[1]].astype(int)
    changed = np.abs(after - before).sum(axis=2) > 6
    up = SIZE[1] - changed.argmax(axis=1)  # (from the first changed row down: the heap's crest)
    return heaped, np.where(changed.any(axis=1), up, 0)


def test_the_ash_drifts_over_the_signs_lower_edge_a_little_higher_over_its_ends() -> None:
    _heaped_plate, up = _heap()
    covered = float((up >= EDGE_ROWS).mean())
    assert covered >= OVER_EDGE, f"the ash over its edge along {covered:.0%} of it"
    end = max(1, round(SIZE[0] * ENDS))
    middle = float(np.median(up))
    for side in (up[:end], up[-end:]):
        assert middle < side.min() and side.max() <= END_MOST * SIZE[1], (
            f"the ash over an end: {side.min()}-{side.max()} rows, the middle {middle:.0f}")


def test_the_heap_round_the_sign_throws_no_shadow_line_under_its_foot() -> None:
    heaped, _up = _heap()
    caster = pygame.Surface(heaped.get_size(), pygame.SRCALPHA)
    caster.blit(_plate(), (0, 0))
    sprite, moved = shadowed(heaped, 1080, caster)
    ground = pygame.Surface(sprite.get_size())
    ground.fill(GROUND)
    ground.blit(sprite, (0, 0))
    grey = pygame.surfarray.array3d(ground).astype(float).mean(axis=2)
    below = grey[moved[0] + SIZE[0] // 4:moved[0] + 3 * SIZE[0] // 4,
                 moved[1] + SIZE[1] + FADE + 2:moved[1] + SIZE[1] + FADE + 8]
    assert below.mean() >= sum(GROUND) / 3 - SHADOW_UNDER, f"a dark line under it: {below.mean()}"
