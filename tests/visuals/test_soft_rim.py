"""Harry and Julie at the tar pits (14:30-16:00), the sun low behind them far off: their rim
is a soft glow along their edges, not a bright line cut round them (at 32100100 a 1 px line of
near full orange read as an outline cut out of paper). The rim is per figure (`rim_soft`):
everyone else's stays as bright as it was."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.figure_light import Light, lit
from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.sprite_cache import Sprites
from installation.visuals.wardrobe import OUTFITS

from .helpers import shipped_picture

AT = "15:10"
PAIR = pygame.Rect(790, 750, 220, 260)  # Harry and Julie talking on the path (to x 1010:
# the calf's trunk tip, lit at its red-brown coat's rim since mammoth23, reaches x 1012)
GLOWS = 90  # red: a rim pixel that shows at all
BRIGHT = 150  # red: a rim pixel that reads as a bright line
MOST_BRIGHT = 150  # such pixels round them at most (at 32100100: 942)
LEAST_GLOW = 800  # pixels of their rim still seen, at least (a rim, not none)
SOLID = 200  # a sprite's pixel this opaque is the figure


def test_harry_and_julie_glow_at_the_edges_not_outlined() -> None:
    rgb = pygame.surfarray.array3d(shipped_picture(AT).subsurface(PAIR)).astype(int)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    orange = (r - b > 40) & (r > g + 10)  # (the grass green, the path grey, they dark)
    assert ((r > GLOWS) & orange).sum() >= LEAST_GLOW, "their rim is still seen"
    bright = int(((r > BRIGHT) & orange).sum())
    assert bright <= MOST_BRIGHT, f"{bright} px of a bright line round them"


def test_a_soft_rim_is_dimmer_at_the_edge_and_reaches_further_in() -> None:
    """The same figure, its rim soft or not: soft, its edge is dimmer and the pixels a step in
    keep more of the light; not soft, as bright as ever (a strong rim where a scene needs it)."""
    body = Sprites().body("idle", 0.0, 0.0, OUTFITS["harry"])
    found = {}
    for soft in (0.0, 1.0):
        look = Look(160, (30, 30, 30), (255, 176, 112), outfit=OUTFITS["harry"], rim_soft=soft)
        sprite, _ = sprite_for(body, look, False)
        solid = pygame.surfarray.array_alpha(sprite) >= SOLID  # (clear pixels: any colour)
        found[soft] = pygame.surfarray.array3d(sprite)[..., 0].astype(int) * solid
    assert found[1.0].max() < found[0.0].max() - 40, "the soft rim's edge dimmer"
    plain = pygame.Surface((40, 40), pygame.SRCALPHA)
    plain.fill((30, 30, 30, 255))
    lit(plain, 160, [Light((255, 176, 112), True)])
    edge = pygame.surfarray.array3d(plain)[..., 0].astype(int)
    assert edge.max() > 150, "a plain rim stays bright"
    assert np.count_nonzero(found[1.0] > 60) > 0.8 * np.count_nonzero(found[0.0] > 60), (
        "the soft rim reaches as far in")
