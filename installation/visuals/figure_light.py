"""The light a figure catches, on its finished sprite: a soft rim along the edge that faces
each light (fading a pixel or two into the body, as strong as the light is bright) and a faint
lift of the body's lit side, never an outline all round."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color

# The rim at the very edge goes this share of the way to the light's colour, for a light of no
# brightness and then more for a bright one (by its luminance, 0 to 1).
RIM_STRENGTH = (0.45, 0.6)
# It fades into the body over this many pixels (a bright light wraps further round).
RIM_DEPTH = (1.6, 1.4)
RIM_FADE = 1.3  # the fade's curve: a little quicker than even, never a band
# The side of the body towards the light is lifted this much (a share of the way to the light)
# at its edge, less further in, to nothing this far into it (in figure heights): the lit side
# of the coat and trousers a shade lighter than the far side.
FORM_STRENGTH = 0.12
FORM_DEPTH = 0.07
SOLID = 128  # a pixel this opaque is inside the figure; a clearer one is its smoothed edge
LUMA = (0.2126, 0.7152, 0.0722)  # a colour's brightness from its channels


@dataclass(frozen=True)
class Light:
    """A light on a figure: its colour, whether it comes from the right of the sprite (as it
    is drawn, before any flip), and how much of it this side gets (1: the main light; less:
    the far edge of a figure lit from behind)."""

    color: Color
    from_right: bool
    share: float = 1.0


def brightness(color: Color) -> float:
    """A colour's luminance, 0 to 1."""
    return sum(c * k for c, k in zip(color, LUMA, strict=True)) / 255.0


def lit(sprite: pygame.Surface, height: float, lights: Sequence[Light]) -> None:
    """Light `sprite` (per-pixel alpha, a figure `height` pixels tall) in place: each light's
    rim and, for the main one, the lift of its side. Only colours change: no pixel is added
    past the figure's outline, nor made more or less opaque."""
    box = sprite.get_bounding_rect()
    if not lights or not box:
        return
    figure = sprite.subsurface(box)
    alpha = pygame.surfarray.array_alpha(figure)
    inside = alpha >= SOLID
    reach = max(1, round(FORM_DEPTH * height))
    amount = np.zeros(alpha.shape, np.float32)
    for light in lights:
        into = _edged(_depth_from(inside, light.from_right), alpha, light.from_right)
        amount += _looks_up(light, reach)[np.minimum(into, reach + 1)]
    _towards(figure, lights[0].color, np.minimum(amount, 1.0))


def _looks_up(light: Light, reach: int) -> np.ndarray:
    """What a light gives a pixel by how many pixels into the body it lies from the edge
    facing it (the index, up to reach + 1; 1 at the edge, 0 outside): its rim, fading in a
    pixel or two, and for the main light the lift of its side, to nothing `reach` in."""
    glow = brightness(light.color)
    into = np.arange(reach + 2, dtype=np.float32)
    depth = RIM_DEPTH[0] + RIM_DEPTH[1] * glow
    given = (RIM_STRENGTH[0] + RIM_STRENGTH[1] * glow) * light.share * \
        np.clip(1.0 - (into - 1) / depth, 0.0, 1.0) ** RIM_FADE
    if light.share >= 1.0:
        given += FORM_STRENGTH * glow * np.clip(1.0 - (into - 1) / reach, 0.0, 1.0)
    given[0] = 0.0
    return given


def _edged(depth: np.ndarray, alpha: np.ndarray, forward: bool) -> np.ndarray:
    """`depth` with the figure's soft edge towards the light (its pixels less than SOLID,
    just past a solid one) counted as the edge too: the rim is on the pixels the smoothing
    left half clear as well as on the first solid one."""
    solid_before = np.zeros(alpha.shape, bool)
    if forward:
        solid_before[1:] = alpha[:-1] >= SOLID
    else:
        solid_before[:-1] = alpha[1:] >= SOLID
    soft = (alpha > 0) & (alpha < SOLID) & solid_before
    return np.where(soft, np.int32(1), depth)


def _depth_from(inside: np.ndarray, forward: bool) -> np.ndarray:
    """For each pixel of the figure (`inside`, indexed [x, y]), how many pixels it lies from
    the first one outside it along its row, looking right if `forward`, else left: 1 at the
    edge, 0 outside it (past the sprite's border is outside)."""
    if not forward:
        return np.flip(_depth_from(np.flip(inside, 0), True), 0)
    size = inside.shape[0]
    index = np.arange(size, dtype=np.int32)[:, None]
    outside_at = np.where(inside, np.int32(size), index)
    return np.flip(np.minimum.accumulate(np.flip(outside_at, 0), axis=0), 0) - index


def _towards(sprite: pygame.Surface, color: Color, amount: np.ndarray) -> None:
    """Each pixel's colour `amount` of the way to `color`, rounded (only where it is lit)."""
    where = np.nonzero(amount)
    pixels = pygame.surfarray.pixels3d(sprite)
    rgb = pixels[where].astype(np.float32)
    rgb += (np.array(color, np.float32) - rgb) * amount[where][:, None]
    pixels[where] = np.rint(rgb).astype(np.uint8)
    del pixels
