"""Which drawing a `silhouette` layer's keys pick (its `shape` from `shapes`, an apparition's
own, a palm of its own form) and the box, in units and pixels, it is drawn in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

import pygame

from installation.visuals.base import Setup
from installation.visuals.mammoth import mammoth
from installation.visuals.mammoth_dream import GHOSTS
from installation.visuals.mammoth_heave import ROOM
from installation.visuals.mammoth_lift import Drawing
from installation.visuals.mammoth_pose import HEADROOM, MIRED_HEADROOM, UNDER_HEADROOM
from installation.visuals.palm import PALM, PalmForm, palm, palm_form
from installation.visuals.pen import SUPERSAMPLE
from installation.visuals.shapes import SHAPES, UNIT, across

Bounds = tuple[float, float, float, float]  # in units: left, right, bottom, top
SHALLOWS = 0.46  # a caught mother sunk less than this (`sink`: noon's 0.28, the afternoon's
# 0.445) rests with her trunk hanging before her chest, its tip curled over the tar; deeper
# (08:00's 0.475, 10:30's) she holds it raised out of it (hanging, it went under the tar)


@dataclass(frozen=True)
class Form:
    """A silhouette's drawing and its box: its shape's bounds, the bounds it is drawn in
    (room above for a mother to lift her head), its pixels to a unit."""

    draw: Drawing
    bounds: Bounds
    drawn: Bounds
    px: float
    palm: PalmForm  # a palm's own shape (the plain one for any other figure)
    lifts: bool  # she strains now and then, head up (see mammoth_lift)
    mired: bool = False  # she is caught in the tar, sinking (see mammoth.MIRED)
    hanging: bool = False  # caught in the shallows, her trunk hangs at rest (see SHALLOWS)

    @property
    def span(self) -> float:
        """Its height, in pixels, from its feet to its top."""
        _left, _right, bottom, top = self.bounds
        return (top - bottom) * self.px

    def origin_x(self, flip: bool) -> int:
        """Where its feet stand across its supersampled picture (pixels, large)."""
        left, right, _bottom, _top = self.bounds
        return int((right if flip else -left) * self.px * SUPERSAMPLE) + 2


def form_of(params: Mapping[str, Any], setup: Setup) -> Form:
    """The drawing for these keys at the setup's size: a ghost's tusks and all of the
    apparition's own colour, a palm's own shape (by its seed)."""
    shape = params["shape"]
    draw, bounds = SHAPES[shape]
    if params["ghost"]:
        draw = GHOSTS.get(shape, draw)
    form = palm_form(setup.seed) if shape == "palm" else PALM
    if shape == "palm":
        draw = partial(palm, form=form)
    lifts = shape in ("mammoth", "calf") and not (params.get("statue") or params.get("still"))
    #   she strains, it calls (a statue, or a calf whose trunk someone holds, stands still)
    mired = lifts and bool(params["sinking"]) and not params["ghost"]
    hanging = mired and params["sink"] < SHALLOWS
    if mired:  # (only a hanging one keyed apart: raised, the same pictures as before)
        draw = (partial(mammoth, mired=True, hanging=True) if hanging
                else partial(mammoth, mired=True))
    left, right, bottom, top = bounds
    front = ROOM if lifts and params["ghost"] and params["sinking"] else 0.0  # to rock forward
    room = ((UNDER_HEADROOM if params["under"] else MIRED_HEADROOM) if mired
            else HEADROOM if lifts else 0.0)  # (going under, her face turns up to the sky)
    drawn = (left - front, right, bottom, top + room)  # room to lift it
    return Form(draw, bounds, drawn, params["scale"] * UNIT * setup.height, form, lifts,
                mired, hanging)


def standing_box(params: Mapping[str, Any], size: tuple[int, int]) -> pygame.Rect:
    """Where a figure standing on its feet line lies in a picture of `size`, in pixels (its
    shape's bounds, turned as it faces)."""
    left, right = across(params, size)
    _draw, (_left, _right, _bottom, top) = SHAPES[params["shape"]]
    feet = size[1] * params["y"]
    high = top * params["scale"] * UNIT * size[1]
    return pygame.Rect(round(left), round(feet - high), round(right - left), round(high))
