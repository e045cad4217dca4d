"""Sprites shrunk with the ground's perspective: what of each shows is found while the layer
is built ahead, not in the frame that first shrinks it."""

from __future__ import annotations

import pygame

from installation.visuals.base import Pieces
from installation.visuals.budget import Budget
from installation.visuals.figure_depth import Depth
from installation.visuals.render import headless
from installation.visuals.route import Path

PATH = Path([(100.0, 900.0), (900.0, 500.0)])  # from near the foot up towards the horizon
HORIZON = 400.0


class Counted(pygame.Surface):
    """A sprite that counts how often what of it shows is looked for."""

    looked = 0

    def get_bounding_rect(self, min_alpha: int = 1) -> pygame.Rect:
        Counted.looked += 1
        return super().get_bounding_rect(min_alpha)


def runner(margin: int) -> Counted:
    """A sprite with `margin` empty pixels round a body."""
    sprite = Counted((60 + 2 * margin, 160 + 2 * margin), pygame.SRCALPHA)
    sprite.fill((0, 0, 0, 0))
    sprite.fill((40, 30, 30, 255), (margin, margin, 60, 160))
    sprite.fill((200, 160, 140, 255), (margin + 20, margin, 20, 20))
    return sprite


def exhaust(pieces: Pieces) -> int:
    """How many times the pieces paused, run to their end."""
    return sum(1 for _ in pieces)


def test_what_shows_of_each_sprite_is_found_ahead_and_shrinks_the_same() -> None:
    """After `fill`, shrinking each sprite (one already cut to what shows, one with margins)
    looks nothing up (a near runner of the rush cost its frame ~0.4 ms for it, two or three
    a frame) and gives the pixels a fresh depth gives."""
    headless()
    sprites = [runner(0), runner(6)]
    ahead, fresh = Depth(PATH, HORIZON), Depth(PATH, HORIZON)
    assert exhaust(ahead.fill(sprites, Budget(1.0))) >= 1  # (in pieces)
    Counted.looked = 0
    shrunk = [ahead.sized(sprite, (30.0, 160.0), 0.5) for sprite in sprites]
    assert Counted.looked == 0, "what shows of them looked for in the frame"
    for (image, feet), sprite in zip(shrunk, sprites, strict=True):
        again, feet_again = fresh.sized(sprite, (30.0, 160.0), 0.5)
        assert feet == feet_again
        assert pygame.image.tobytes(image, "RGBA") == pygame.image.tobytes(again, "RGBA")


def test_a_path_seen_flat_finds_nothing_ahead() -> None:
    headless()
    Counted.looked = 0
    assert exhaust(Depth(PATH, None).fill([runner(4)], Budget(1.0))) == 0
    assert Counted.looked == 0
