"""The CAFE's counter through the night: its people move within any few seconds, come and go
over minutes, and the waitress walks the counter and pours."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.block_plan import SHOP_TOP
from installation.visuals.counter_life import Counter, Look
from installation.visuals.render import headless

from .helpers import NO_POST, frame_at, layer

SIZE = (1280, 720)
NIGHT = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
CAFE_WINDOWS = (slice(round(0.575 * SIZE[0]), round(0.795 * SIZE[0])),
                slice(round(SHOP_TOP * SIZE[1]), round(0.61 * SIZE[1])))
MOVED = 40  # pixels of the CAFE's windows that change between two frames a few seconds apart
WINDOW = pygame.Rect(0, 0, 225, 90)  # a counter window at 1080p's size, in its own picture
UNIT = WINDOW.height / 30


@pytest.fixture(scope="module")
def cafe() -> list[np.ndarray]:
    """The CAFE's windows at 20:30 in the block alone, 0, 3, 6 and 9 real seconds in."""
    return [frame_at(NIGHT + layer("block", cars=0) + NO_POST, "20:30", seconds, SIZE)
            [CAFE_WINDOWS] for seconds in (30.0, 33.0, 36.0, 39.0)]


def test_someone_at_the_counter_moves_within_three_seconds(cafe: list[np.ndarray]) -> None:
    """Frames 3 real seconds apart differ through the CAFE's glass: a cup lifted, a head
    turned, the waitress walking or pouring (they sat still for the whole six minutes)."""
    for n, (was, now) in enumerate(zip(cafe, cafe[1:], strict=False)):
        moved = int(np.count_nonzero(np.abs(now - was).sum(axis=2) > 60))
        assert moved >= MOVED, f"{3 * n}-{3 * n + 3} s: {moved} pixels changed"


def test_customers_come_and_go_over_minutes() -> None:
    """Over five minutes stools fill and empty: someone arrives, someone leaves, and the
    counter is never bare."""
    counter = Counter(WINDOW, UNIT, 7)
    seated = [tuple(who is not None for who in counter.look(float(t))[1])
              for t in range(0, 300, 2)]
    changes = sum(1 for was, now in zip(seated, seated[1:], strict=False) if was != now)
    assert changes >= 4, changes
    assert all(any(now) for now in seated)


def test_the_waitress_walks_the_counter_and_pours() -> None:
    """In a minute the waitress crosses at least a third of the window, and tips her pot."""
    counter = Counter(WINDOW, UNIT, 7)
    looks = [counter.look(t / 4)[0] for t in range(240)]
    places = [x for x, _, _, _ in looks]
    assert max(places) - min(places) > WINDOW.width / 3, places
    assert any(pour >= 5 for _, _, pour, _ in looks)
    headless()
    image = pygame.Surface(WINDOW.size, pygame.SRCALPHA)
    pouring = next(t / 4 for t in range(240) if looks[t][2] == 10)
    counter.paint(image, pouring)
    rgb = pygame.surfarray.array3d(image)
    coffee = (np.abs(rgb.astype(int) - (60, 34, 18)).sum(axis=2) < 8)
    assert coffee.any(), "the coffee falls from the spout"


@pytest.mark.parametrize("door", [1, -1])
def test_customers_walk_in_and_out_by_the_door_side(door: int) -> None:
    """Coming and going, a customer walks along the counter from the door's side of the
    window and back out of sight there, never out of the other side (they popped up and
    vanished beside the stool)."""
    counter = Counter(WINDOW, UNIT, 7, door)
    places = [now[1] for t in range(1200) for now in counter.look(t / 4)[1] if now is not None]
    beyond = [x for x in places if not WINDOW.left <= x <= WINDOW.right]
    assert beyond and all((x - WINDOW.centerx) * door > 0 for x in beyond), beyond[:5]
    assert len(set(places)) > 20, "they walk, a pixel or a few at a time"



def test_nobody_pops_in_or_out_in_the_doorway() -> None:
    """A customer leaving by the door beside the window goes out through its dark glass, and
    one coming in comes in through it: the frame (1/60 s) they come or go in, the doorway looks
    all but as it did with them there the frame before (they vanished in a frame mid-doorway,
    or another stood in their place, 20:42:57)."""
    doorway = (WINDOW.right + 3, WINDOW.right + 34)
    counter = Counter(WINDOW, UNIT, 7, 1, doorway=doorway)
    area = pygame.Rect(doorway[0], WINDOW.top, doorway[1] - doorway[0], WINDOW.height)
    image = pygame.Surface((doorway[1] + 10, WINDOW.height), pygame.SRCALPHA)

    def doorway_with(look: Look) -> np.ndarray:
        image.fill((12, 14, 16, 255))
        counter.people(image, look)
        return pygame.surfarray.array3d(image.subsurface(area)).astype(int)

    step, jumps = 1 / 60, []
    looks = counter.look(0 * step)  # each frame's look, asked once (it is the next's before)
    for t in range(1, 600 * 60):
        (waitress, was), looks = looks, counter.look(t * step)
        now = looks[1]
        for n, (a, b) in enumerate(zip(was, now, strict=True)):
            if (a and a[0]) != (b and b[0]):  # someone came or went: them alone as they were
                before = (waitress, tuple(a if k == n else c for k, c in enumerate(now)))
                jumps.append(np.abs(doorway_with(before) - doorway_with((waitress, now))).max())
    assert len(jumps) > 4, "customers come and go over ten minutes"
    assert max(jumps) < 40, jumps
