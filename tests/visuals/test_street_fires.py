"""Wilshire under ash: a few buildings still burning carry the scene, large fires (at the size
of two small ones, a window and a heap, they read as campfires in a dead city)."""

from __future__ import annotations

import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame

from .helpers import timeline
from .test_street_burnt import SIZE, STREETS, built

GREY = (60, 58, 56)  # under the fires: the charred walls' grey
FLAME = 200  # a pixel of flame: its red this bright at least...
HOT = 90  # ... and this much redder than its blue
FLAMES_SHARE = 0.006  # of the picture's pixels, flame at least
BIG = 3  # fires, each of at least ...
BIG_SHARE = 0.0015  # ... this share of the picture's pixels in flame


def test_a_few_large_fires_burn_in_the_burnt_street() -> None:
    line = timeline(STREETS)
    after = built(line, "After")
    moment = parse_clock("07:00")
    surface = pygame.Surface(SIZE)
    surface.fill(GREY)
    after.draw_moving(surface, Frame(moment, 40.0, state_at(line, moment)))
    rgb = pygame.surfarray.array3d(surface).astype(int)
    flame = (rgb[..., 0] >= FLAME) & (rgb[..., 0] - rgb[..., 2] >= HOT)
    assert flame.mean() >= FLAMES_SHARE, f"flames over {flame.mean():.3%} of the picture"
    assert after.ruin is not None
    big = 0
    for fire in after.ruin.fires:
        x, y = fire[1]  # (its flames' foot)
        box = pygame.Rect(x - SIZE[1] // 6, y - SIZE[1] // 3, SIZE[1] // 3, SIZE[1] // 3)
        box = box.clip((0, 0, *SIZE))
        big += int(flame[box.left:box.right, box.top:box.bottom].mean()
                   * box.width * box.height >= BIG_SHARE * SIZE[0] * SIZE[1])
    assert big >= BIG, f"{big} large fires"
