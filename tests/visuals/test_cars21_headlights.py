"""A car coming at night shows its headlights as a pair of round soft glows: the lit patch
round each lamp is about as tall as it is wide (on the base the lamp's face, grown to its
wide low box and added onto the round glow over it, made a flat 4-point star, 19:40) and
brightest in its middle, and the pair stands apart, one either side of the car's middle."""

from __future__ import annotations

import numpy as np
import pygame
import pytest
from scipy import ndimage

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.car_lamps import lamp_boxes
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.street import Z_FAR, Street
from installation.visuals.street_fleet import LANES, LOOP, Car

from .helpers import NO_POST, layer, one_scene

SIZE = (1920, 1080)
LIT = 600  # the sum of channels: a pixel this bright is the lamp's light (white is 765)
ROUND = (0.75, 1.33)  # a glow's lit width over its height lies between these
REACH = 60  # pixels round a lamp's middle its glow is looked for in


def night_car(lane: float, near: float) -> tuple[np.ndarray, list[pygame.Rect]]:
    """One car coming in `lane`, its near end `near` away, at 19:40 over black: the picture's
    brightness (the sum of channels) and where its lamps are."""
    headless()
    line = one_scene(layer("street", traffic=1.0) + NO_POST, at="17:00")
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], 0, "street")
    built = Street(dict(traffic=1.0, lamps=(255, 150, 50), horizon=0.62, wet=False, lit=True),
                   setup)
    built.traffic.cars = [Car(lane, 1.0, (Z_FAR - near) / LOOP)]
    moment = parse_clock("19:40")
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    built.draw_moving(surface, Frame(moment, 0.0, state_at(line, moment)))
    boxes = lamp_boxes(built.traffic.seen([lane], [near])[0])
    return pygame.surfarray.array3d(surface).astype(int).sum(axis=2), boxes


@pytest.mark.parametrize(("lane", "near"), [(LANES[0], 1.45), (LANES[1], 1.45),
                                            (LANES[1], 2.5), (LANES[0], 3.0)])
def test_a_headlight_is_a_round_soft_glow(lane: float, near: float) -> None:
    pixels, boxes = night_car(lane, near)
    for box in boxes:
        x, y = box.center
        patch = pixels[x - REACH:x + REACH, y - REACH:y + REACH]
        pieces, _count = ndimage.label(patch >= LIT)
        assert pieces[REACH, REACH], "the lamp is lit in its middle"
        cols, rows = np.nonzero(pieces == pieces[REACH, REACH])  # (its own light: not the
        #                                                          other lamp's, nor the chrome)
        wide, tall = cols.max() - cols.min() + 1, rows.max() - rows.min() + 1
        assert ROUND[0] <= wide / tall <= ROUND[1], f"a {wide}x{tall} glow, not round"
        assert pixels[x, y] >= patch.max() - 3, "brightest in its middle"
    assert boxes[0].centerx < boxes[1].centerx - boxes[0].width, "a pair, apart"
