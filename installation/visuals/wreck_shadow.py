"""The shadow a burnt-out car down on its rims throws on the ash under the grey sky: the dark
under its body between the wheels, and the ground darkened along its foot and past its ends,
so it sits on the ground (without them the side-on wreck read as a hole cut in the ash)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pygame

At = Callable[[float, float], tuple[int, int]]  # a point of a car's side on the picture
UNDER: tuple[int, int, int] = (16, 14, 13)  # under the body, out of the sky's light
UNDER_FROM = 0.07  # the dark under it reaches up to this high (of its length: behind the sill)
UNDER_ENDS = (0.1, 0.9)  # ... from this far along it to this (the bumpers overhang the wheels)
SHADOW_FALL = 0.035  # the ground darkened below the car's foot this far down (of its length)...
SHADOW_PAST = 0.1  # ... and this far past either end, fading
SHADOW_DARK = 0.65  # ... this much of the ground's light at its darkest, at the car's foot...
SHADOW_SOFT = 0.3  # ... coming in over this share of its fall with the ash drifted over its
# foot (a ruled line across the foot of the bank read as a box of ash the car sat in)...
SHADOW_BURIED = 0.7  # ... and this much less of it with the car drifted over (the bank's
# slope lying in the light)


def under_body(surface: pygame.Surface, at: At, ground: float,
               top: float = UNDER_FROM) -> None:
    """The dark under the body from its sill (`top`, of its length) down to the ground
    (`ground`: the car's up at the ground, of its length), between its overhanging ends (drawn
    before the wheels)."""
    front, back = UNDER_ENDS
    pygame.draw.polygon(
        surface,
        UNDER,
        [at(front, top), at(back, top), at(back, ground), at(front, ground)],
    )


def foot_shadow(surface: pygame.Surface, at: At, length: int, ground: float,
                drift: float = 0.0, darkest: float = SHADOW_DARK) -> None:
    """The ground darkened along the car's foot (`ground`: see `under_body`): darkest just
    below its foot under the body, fading down the picture and out past its ends (after the
    ash banked along its foot: the ash lies in its shadow), less of it the more the ash has
    `drift`ed round it (see Wreck.drift); `darkest`: the ground's light left at its darkest.
    A foot seen at a slant (a car turned across the road) is followed column by column."""
    (x0, y0), (x1, y1) = at(0.0, ground), at(1.0, ground)
    (left, top), (right, bottom) = sorted(((x0, y0), (x1, y1)))
    past, fall = round(SHADOW_PAST * length), max(2, round(SHADOW_FALL * length))
    box = pygame.Rect(left - past, min(top, bottom), right - left + 2 * past,
                      fall + abs(bottom - top)).clip(surface.get_rect())
    if not box.width or not box.height:
        return
    xs = np.arange(box.left, box.right, dtype=np.float32)
    beyond = np.maximum(left - xs, xs - right).clip(0) / max(1, past)
    across = np.clip(1 - beyond, 0, 1) ** 2
    slant = np.clip((xs - left) / max(1, right - left), 0, 1)
    foot = top + (bottom - top) * slant  # (the foot's row at each column)
    rows = np.arange(box.top, box.bottom, dtype=np.float32)[None, :] - foot[:, None]
    soft = 1 + SHADOW_SOFT * fall * min(1.0, drift)  # (drifted over: the bank's foot soft)
    down = np.where(rows >= 0, np.clip(1 - rows / fall, 0, 1) ** 2
                    * np.clip((rows + 1) / soft, 0, 1), 0)
    dark = (1 - darkest) * (1 - SHADOW_BURIED * min(1.0, drift))
    light = 1 - dark * across[:, None] * down
    rgb = pygame.surfarray.pixels3d(surface.subsurface(box))
    rgb[...] = (rgb * light[..., None]).astype(np.uint8)
    del rgb
