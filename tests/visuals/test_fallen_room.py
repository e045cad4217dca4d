"""The fallen sign (05:31-06:15): Johnie's dead script stands clear of the bulbs round its blade,
its s (and its J's hook) with room to the border (on main the script was the lit sign's size
and its s ran close into the right end's bulbs)."""

from __future__ import annotations

import random

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.burnt_sign import sign_height
from installation.visuals.diner_signs import NAME_LIFT, NAME_SIZE, blade, blade_box
from installation.visuals.fallen import LEFT, METAL, RIGHT, roomy
from installation.visuals.fonts import Fonts
from installation.visuals.render import headless
from installation.visuals.wilshire import SIGN, SIGN_FONT

WIDTH = 1920  # the picture's width: the blade lies across LEFT to RIGHT of it
ROOM = 3.0  # the script's ink: this many bulb radii from the nearest bulb's middle at least
# (main: 0.3, its J's hook on the left end's bulbs)...
S_ROOM = 6.0  # ... and its s (the ink in the blade's right quarter) this many (main: 0.7)


def test_the_fallen_signs_script_stands_clear_of_its_bulbs() -> None:
    headless()
    fonts = Fonts(print)
    width = round((RIGHT - LEFT) * WIDTH)
    height = sign_height(fonts.get, SIGN, SIGN_FONT, width)
    letters = fonts.get(SIGN_FONT, max(6, round(height * NAME_SIZE)))
    box = blade_box(letters, SIGN, height)
    sheet = pygame.Surface(box.size, pygame.SRCALPHA)
    _corners, bulbs, radius = blade(sheet, box, METAL)
    script = pygame.Surface(box.size, pygame.SRCALPHA)
    script.fill((0, 0, 0, 0))
    centre = (box.centerx, round(box.centery - height * NAME_LIFT))
    finished(roomy(fonts.get, width)(script, letters, SIGN, centre, random.Random(1)))
    xs, ys = np.nonzero(pygame.surfarray.array_alpha(script) >= 128)
    assert len(xs) > 1000, "the script is drawn (the check needs it)"
    right = xs > 0.75 * box.width
    for ink, room in ((np.ones_like(right), ROOM), (right, S_ROOM)):
        near = min(float(np.hypot(xs[ink] - bx, ys[ink] - by).min()) for bx, by in bulbs)
        assert near >= room * radius, (
            f"the script's ink {near:.0f} px from a bulb's middle ({near / radius:.1f} radii)")
