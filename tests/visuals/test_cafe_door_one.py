"""Neon on Wilshire (20:00-21:00): the CAFE's door is one, between its two windows, and no two
customers are ever in it at once (one going out and one coming in, of the same stool or of the
two windows, met in the doorway and walked through each other, 20:42)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Frame
from installation.visuals.counter_life import CounterWindow, Look

from .test_cafe_door import SIZE, shipped_fronts

QUARTERS = range(0, 900 * 4)  # quarters of a real second into the scene: its whole hour
NEAR = 20  # pixels: a customer this near the doorway may show in it
CHANGED = 60  # summed over red, green and blue: a pixel this much changed is someone there


def _in_doorway(window: CounterWindow, look: Look, n: int, bare: pygame.Surface,
                door: pygame.Rect) -> np.ndarray:
    """Where in the doorway customer `n` of `look` is drawn, alone (True: them)."""
    waitress, sitting = look
    picture = bare.copy()
    window.draw(picture, (waitress, tuple(now if k == n else None
                                          for k, now in enumerate(sitting))))
    empty = bare.copy()
    window.draw(empty, (waitress, tuple(None for _ in sitting)))
    was = pygame.surfarray.array3d(empty.subsurface(door)).astype(int)
    now = pygame.surfarray.array3d(picture.subsurface(door)).astype(int)
    return np.asarray(np.abs(now - was).sum(axis=2) > CHANGED)


def test_no_two_customers_are_ever_in_the_doorway_at_once() -> None:
    block, at = shipped_fronts(SIZE)
    bare = pygame.Surface(SIZE)
    block.draw(bare, Frame(at, 0.0, None))  # type: ignore[arg-type]
    doorways = {window.counter.doorway for window in block.counters}
    assert len(doorways) == 1 and None not in doorways, "one door, between the two windows"
    left, right = block.counters[0].counter.doorway or (0, 0)
    glass = block.counters[0].counter.rect
    door = pygame.Rect(left, glass.top, right - left, glass.height)
    met, seen = [], 0
    for quarter in QUARTERS:
        there = [(window, look, n) for window in block.counters
                 for look in [window.look(quarter / 4)]
                 for n, now in enumerate(look[1])
                 if now is not None and left - NEAR <= now[1] <= right + NEAR]
        seen += bool(there)
        if len(there) < 2:
            continue
        shown = [_in_doorway(window, look, n, bare, door) for window, look, n in there]
        if sum(bool(mask.sum() > 4) for mask in shown) > 1:
            met.append(quarter / 4)
    assert seen > 40, "customers come and go by the door"
    assert not met, f"two customers in the doorway at once, real seconds {met[:8]}"
