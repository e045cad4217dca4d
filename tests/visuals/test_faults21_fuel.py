"""Every fire on the ground burns on something: a heap of its fuel under it, wider than its
flames, and charred timbers or slats standing in its flames, dark against them in the picture
(on the base the mall's litter fire stood on a sliver and Wilshire's two fires on a low mound
with nothing in their flames: campfires on bare asphalt and ash)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pygame
import pytest

from installation.visuals.compositor import Compositor
from installation.visuals.lot import EYE, FIRES, FLAME_TALL, FLAME_WIDE, PERSON_PER_ROW, Lot
from installation.visuals.render import headless
from installation.visuals.street import Street
from installation.visuals.street_burnt import FIRE_SIZE
from installation.visuals.street_burnt import FIRES as STREET_FIRES

from .helpers import channel_max, shipped_in_a_row, shipped_program

SIZE = (1920, 1080)
DARK = 80  # a charred piece's brightest channel, at most (the flames behind it over 150)
IN_FLAMES = (0.6, 12)  # of a fire's timbers' pixels over its foot: this much dark (the rest their
# edges lit by the flames), this many
WIDER = 1.8  # a heap is at least this much wider than its flames
Sprite = tuple[pygame.Surface, tuple[int, int]]


def built(scene_name: str, kind: str, factory: Any) -> Any:
    """A shipped scene's first layer of this type, built at full size as the compositor
    builds it."""
    headless()
    program = shipped_program()
    compositor = Compositor(program.timeline, SIZE, lambda _m: None, program.clock)
    scene = next(s for s in program.timeline.scenes if s.name == scene_name)
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == kind)
    return factory(scene.layers[index].params, compositor.setup(scene, index, kind))


def street_fires() -> list[tuple[tuple[int, int], int, Sprite, Sprite]]:
    """Wilshire under ash's fires: each one's foot, flames' width, heap and timbers."""
    ruin = built("Wilshire under ash", "street", Street).ruin
    return [(foot, max(6, round(FIRE_SIZE[0] * size * SIZE[1] / z)), heap, timbers)
            for (_fire, foot, _seed), (_x, z, _up, size, _t), heap, timbers in zip(
                ruin.fires, STREET_FIRES, ruin.fuel, ruin.timbers, strict=True)]


def lot_fire() -> tuple[tuple[int, int], int, Sprite]:
    """The mall lot's fire on the ground (the litter's): its foot, flames' width, slats."""
    lot = built("Searchlights over the mall", "lot", Lot)
    n = next(n for n, fire in enumerate(FIRES) if not fire[2])
    across, row, _lift = FIRES[n]
    tall = round((row - EYE) * PERSON_PER_ROW * SIZE[1] * FLAME_TALL)
    return (round(across * SIZE[0]), round(row * SIZE[1])), round(tall * FLAME_WIDE), lot.fronts[n]


def dark_over_foot(picture: np.ndarray, sprite: Sprite, foot: tuple[int, int]) -> tuple[float,
                                                                                        int]:
    """Of the sprite's solid pixels above the fire's foot, how much the picture shows dark
    there, and how many there are."""
    image, (x, y) = sprite
    solid = pygame.surfarray.array_alpha(image) > 200
    solid[:, max(0, foot[1] - y):] = False
    seen = picture[x:x + solid.shape[0], y:y + solid.shape[1]][solid]
    return float((seen < DARK).mean()) if seen.size else 0.0, int(seen.size)


def across(sprite: Sprite) -> int:
    """How wide the sprite's solid pixels spread."""
    cols = np.flatnonzero((pygame.surfarray.array_alpha(sprite[0]) > 200).any(axis=1))
    return int(cols[-1] - cols[0] + 1) if cols.size else 0


@pytest.fixture(scope="module")
def pictures() -> dict[str, np.ndarray]:
    times = ("04:55:00", "05:02:00", "06:36:30", "07:45:00")
    return {at: channel_max(p).astype(int) for at, p in zip(times, shipped_in_a_row(times),
                                                            strict=True)}


@pytest.mark.parametrize("at", ("04:55:00", "05:02:00"))
def test_the_lots_fire_burns_on_a_heap_of_trash(pictures: dict[str, np.ndarray],
                                               at: str) -> None:
    foot, _wide, slats = lot_fire()
    share, count = dark_over_foot(pictures[at], slats, foot)
    assert share >= IN_FLAMES[0] and count >= IN_FLAMES[1], (at, share, count)


def test_the_lots_heap_lies_under_its_flames() -> None:
    """Painted on the lot: darker than the asphalt lit round it, wider than the flames."""
    foot, wide, _slats = lot_fire()
    lot = built("Searchlights over the mall", "lot", Lot)
    ground = channel_max(lot.image).astype(int)
    x, y = foot[0], foot[1] - lot.top
    row = ground[x - 2 * wide:x + 2 * wide, y - 2]
    lit_round = np.median(ground[x - 2 * wide:x + 2 * wide, y + wide // 2])
    heap = np.flatnonzero(np.abs(row - lit_round) > 25)
    assert heap.size and heap[-1] - heap[0] >= WIDER * wide, (heap, lit_round)


@pytest.mark.parametrize("at", ("06:36:30", "07:45:00"))
def test_wilshires_fires_burn_on_wreckage(pictures: dict[str, np.ndarray], at: str) -> None:
    for foot, wide, heap, timbers in street_fires():
        share, count = dark_over_foot(pictures[at], timbers, foot)
        assert share >= IN_FLAMES[0] and count >= IN_FLAMES[1], (at, foot, share, count)
        assert across(heap) >= WIDER * wide, (foot, across(heap), wide)
