"""Johnnie's lot at night is a place, not an empty grey band: the glass's light lies across it
in long panes parted by the mullions' shadows, and a car is parked by the sign."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.diner import HEIGHT, WIDTH, Diner
from installation.visuals.render import headless

from .helpers import NO_POST, draw, layer, one_scene

SIZE = (960, 540)
GREY_SKY = layer("sky", top="#404040", bottom="#404040", stars=0, sun=False, clouds=0)
DINER = dict(x=0.56, ground=0.8, scale=1.15)  # as the shipped day stands it at 03:50
PANES = 4  # at least this many bright panes along a row of the lot, each parted by a shadow
#            (five, till the car parked across the sign's post: one now lies in its shadow)
CONTRAST = 1.25  # a pane's light at least this many times its neighbouring shadow's
LOT_ROW = 0.3  # the row looked along: this share of the way from the ground to the foot
CAR_DARK = 40  # the car's body: no channel brighter than this
CAR_COVER = 0.8  # of the columns just left of the sign's post, at its sill
POST_CLEAR = 0.7  # of the post's rows over the car's roof down to the ground: the post's own


def picture() -> np.ndarray:
    """The shipped night diner on a grey sky, as brightness (columns x rows)."""
    line = one_scene(GREY_SKY + layer("diner", **DINER) + NO_POST, at="03:50")
    return pygame.surfarray.array3d(draw(line, "03:51", size=SIZE)).astype(int)


def building() -> tuple[int, int, int, int]:
    """The diner's left and right columns, its height and its ground row, on the picture."""
    width, height = SIZE
    w, h = int(width * WIDTH * DINER["scale"]), int(height * HEIGHT * DINER["scale"])
    left = int(width * DINER["x"]) - w // 2
    return left, left + w, h, int(height * DINER["ground"])


def runs(row: np.ndarray) -> list[float]:
    """The brightness of each run of lit and of shadowed columns along a row, in turn (split
    at its own middle brightness)."""
    middle = (row.max() + row.min()) / 2
    lit = row > middle
    edges = np.flatnonzero(np.diff(lit.astype(int))) + 1
    return [float(part.mean()) for part in np.split(row, edges)]


def test_the_glass_light_lies_across_the_lot_in_panes() -> None:
    """A row across the lot in front of the glass goes light, dark, light, dark: each pane's
    light parted from the next by a mullion's shadow, clearly (the old lot was one faint
    wash)."""
    frame = picture().sum(axis=2)
    left, right, _, ground = building()
    y = ground + round(LOT_ROW * (SIZE[1] - ground))
    row = frame[left:right, y].astype(float)
    parts = runs(row)
    bright = [k for k in range(1, len(parts) - 1)
              if parts[k] > CONTRAST * max(1.0, min(parts[k - 1], parts[k + 1]))
              and parts[k] > parts[k - 1] and parts[k] > parts[k + 1]]
    assert len(bright) >= PANES, (len(bright), [round(p) for p in parts])


def test_a_car_is_parked_by_the_sign_and_its_post_stands_clear() -> None:
    """Just left of the sign's post, in front of the building, a dark body much wider than
    the post stands in the glass's light on the lot (the old lot was lit there); and the post
    runs down clear of it to the ground (parked across it, the car's roof seemed speared)."""
    frame = picture()
    left, right, h, ground = building()
    post = left + int((right - left) * 0.9)
    half = round(0.05 * SIZE[0])
    band = frame[post - 2 * half - 4:post - 4, ground + round(0.03 * h)]
    dark = (band.max(axis=1) <= CAR_DARK).mean()
    assert dark >= CAR_COVER, dark
    column = frame[post, ground - round(0.25 * h):ground]
    behind = frame[post + round(0.02 * SIZE[0]), ground - round(0.25 * h):ground]
    clear = (np.abs(column - behind).sum(axis=1) > 60).mean()
    assert clear >= POST_CLEAR, f"the post shows in {clear:.0%} of its lowest rows"


def test_no_patron_sits_behind_the_parked_cars_windows() -> None:
    """Every customer at the counter sits clear of the parked car, left of it: one seen
    through its windscreen, in a hat, read as its driver (the old diner sat one there)."""
    headless()
    line = one_scene(layer("diner", **DINER), at="03:50")
    scene = line.scenes[0]
    place = Diner(scene.layers[0].params,
                  Compositor(line, (1920, 1080), print).setup(scene, 0, "diner"))
    state = state_at(line, parse_clock("03:50"))
    car = place.car.box
    assert place.patrons
    for sprite, (x, y) in place.seated(Frame(state.story_time, 0.0, state)):
        body = sprite.get_bounding_rect().move(x, y)
        assert body.right <= car.left, (body, car)
