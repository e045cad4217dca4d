"""In the diner glass's light at 05:12:50 the coyote shows its coat: a warm tawny animal lit by
the room, not a black cut-out (it was #050506, a hole in the lit lot: review 23)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeutil import parse_clock

from .helpers import placed, shipped_crowd, shipped_picture

SIZE = (960, 540)
SCENE = "A coyote in the empty diner"
AT = "05:12:50"
LUMA = np.array([0.3, 0.59, 0.11])
INSIDE = 250  # the sprite's pixels at least this opaque: its coat, clear of its smoothed edge
LIT = 30.0  # the coat's median luminance, at least (black is under 10)
WARM = 8  # and its red above its blue by at least this much


def test_the_coyote_in_the_glass_light_shows_a_warm_coat() -> None:
    crowd = shipped_crowd(SCENE, SIZE)
    frame = crowd.frame(parse_clock(AT))
    seen = [placed(one, member) for one in crowd.layers if one.params["body"] == "coyote"
            for member in one.members(frame)]
    assert len(seen) == 1
    sprite, (x, y) = seen[0]
    coat = pygame.surfarray.array_alpha(sprite) >= INSIDE
    rgb = pygame.surfarray.array3d(shipped_picture(AT, SIZE)).astype(float)
    w, h = sprite.get_size()
    pixels = rgb[x:x + w, y:y + h][coat]
    assert len(pixels) > 50
    red, _green, blue = np.median(pixels, axis=0)
    luma = float(np.median(pixels @ LUMA))
    assert luma >= LIT and red >= blue + WARM, f"the coat: luminance {luma:.0f}, red {red:.0f}, " \
        f"blue {blue:.0f}"
