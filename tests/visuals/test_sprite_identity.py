"""A figure's sprite is one surface for as long as it is kept: the caches of what it shrinks to
and the shadow it lays are keyed by the surface, so a frame never shows another's picture.

On a loaded machine the warm-up drawn ahead falls behind the frames: a frame drew a runner's
sprite while the warm-up was half way through the same one, the warm-up then put its own in
its place, the frame's was freed, and a new sprite made at its address was shrunk from the
freed one's picture (05:06:00 at 60 fps, one pixel at the left edge: only under load)."""

from __future__ import annotations

import pygame

from installation.visuals.budget import Budget
from installation.visuals.figure_depth import Depth
from installation.visuals.figure_sprite import WHOLE, Look
from installation.visuals.long_shadow import Shadows
from installation.visuals.render import headless
from installation.visuals.route import Path
from installation.visuals.sprite_cache import Sprites

RUNNER = Look(60, (18, 16, 20), (255, 176, 122))
RED, BLUE = (255, 0, 0, 255), (0, 0, 255, 255)


def test_a_sprite_a_frame_drew_during_its_warm_up_stays_the_one_kept() -> None:
    """The warm-up, paused inside a sprite's drawing, finds the frame drew it meanwhile: it
    keeps the frame's (the one the frame's caches know), not a second copy."""
    headless()
    sprites = Sprites(trim=True)
    warm_up = sprites.cycle("run", 0.0, False, RUNNER, 0.0, (WHOLE,), Budget(1), 1)
    next(warm_up)  # paused half way through the sprite's drawing
    shown, _ = sprites.get("run", 0.0, False, RUNNER)  # a frame needs it now
    try:
        while True:
            next(warm_up)
    except StopIteration as done:
        made = done.value
    assert made[0] is shown, "the warm-up handed on a second copy"
    assert sprites.get("run", 0.0, False, RUNNER)[0] is shown, "the frame's sprite was replaced"


def _sprite(color: tuple[int, int, int, int]) -> pygame.Surface:
    sprite = pygame.Surface((20, 40), pygame.SRCALPHA)
    sprite.fill(color, (2, 2, 12, 34))
    return sprite


def test_a_figure_drawn_where_a_freed_one_was_is_drawn_as_itself() -> None:
    """A red sprite shrunk, then let go; a blue one made next (CPython gives it the freed
    one's address): shrunk, it is blue, not the red one's picture kept under its address."""
    headless()
    depth = Depth(Path([(0.0, 100.0), (300.0, 170.0)]), 60.0)
    red = _sprite(RED)
    depth.sized(red, (10.0, 40.0), 0.5)
    del red
    blue = _sprite(BLUE)
    shrunk, _ = depth.sized(blue, (10.0, 40.0), 0.5)
    assert shrunk.get_at((3, 5)) == BLUE


def test_a_long_shadow_laid_where_a_freed_sprite_was_is_its_own() -> None:
    """The same for the long shadow a low sun lays: a wide sprite's, not a narrow freed one's
    (a shadow as long as the figure is tall, as thick as a quarter of its width)."""
    headless()
    shadows = Shadows(1.0)
    narrow = pygame.Surface((8, 40), pygame.SRCALPHA)
    narrow.fill(RED)
    shadows.of(narrow)
    del narrow
    wide = pygame.Surface((40, 40), pygame.SRCALPHA)
    wide.fill(BLUE)
    assert shadows.of(wide).get_size() == (40, 10)
