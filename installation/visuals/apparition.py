"""A figure seen in a dream, drawn as light: a body with depth, moonlight on its flank and along
its hair, its whole edge lit, stars inside it, a soft glow round it, a little of the night
showing through it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Generator

import numpy as np
import pygame

from installation.visuals.apparition_stars import STAR_LIGHT, Stars
from installation.visuals.base import Color

MOON = (-0.6, -0.8)  # where the light comes from, across and up the picture (the dream's moon
# stands up to her left)
FLANK = 0.45  # her body rounded by it: this much lighter on the moon's side, darker away
ROUNDING = 0.16  # ... its shape taken this share of her height across (a body, not a board)
RIM = 1.1  # the moonlight along her edge and the locks of her hair facing it
RIM_WIDTH = 0.012  # ... this share of her height deep
MOONLIGHT: Color = (150, 170, 240)  # the colour her lit edge goes towards
GLOW = 0.55  # a soft glow round her edge at its strongest (alpha), of her colour lighter
GLOW_REACH = 0.035  # ... spreading this share of her height out from her
GLOW_LIGHTER = 1.8  # ... its colour: hers this many times as bright
EDGE = 0.5  # her whole edge drawn as light, inside it: this share of the way to EDGE_LIGHT at
# the very edge, fading in over GLOW_REACH (lit on the moon's side only, her legs and belly
# were lost in the dark below her: a blob)
EDGE_LIGHT: Color = (110, 140, 255)  # ... starlight, bluer than the moon's


def rounding(image: pygame.Surface, size: float) -> Generator[None, None, np.ndarray]:
    """How a figure (`size` pixels tall) is rounded by the moon: about -1 (away) to 1 (lit),
    over its picture. Made once for a figure and all its poses (a change of pose then
    changes her picture only round what moved)."""
    levels = yield from _alpha(image)
    return (yield from _lit((yield from _soft(levels, size * ROUNDING)), size * ROUNDING))


def apparition(image: pygame.Surface, ghost: float, size: float, own: Color,
               body: np.ndarray) -> Generator[None, None, pygame.Surface]:
    """`image` (a figure with per-pixel alpha, `size` pixels tall, drawn in the colour `own`)
    as an apparition: lit and rounded by the moon (`body`, its `rounding`), its whole edge
    lit from inside in starlight, stars of its own all through it (the same wherever it
    is the same: its poses differ only where they moved), glowing round its edge in its own
    colour, lighter, `ghost` of what is behind showing through it.
    Worked out in pieces of a few milliseconds (ahead of the scene, a frame each)."""
    levels = yield from _alpha(image)
    rim = yield from _lit((yield from _soft(levels, size * RIM_WIDTH)), size * RIM_WIDTH)
    yield
    glow = yield from _soft(levels, size * GLOW_REACH)
    color = np.array(own, np.float32) * np.float32(GLOW_LIGHTER)
    moon = np.array(MOONLIGHT, np.float32)
    edge_light = np.array(EDGE_LIGHT, np.float32)
    star_light = np.array(STAR_LIGHT, np.float32)
    starry = Stars.of(levels.shape)
    out = pygame.Surface(image.get_size(), pygame.SRCALPHA)
    for band in _bands(levels.shape[0]):
        yield
        alpha = levels[band].astype(np.float32) / 255
        seen = alpha * np.float32(1 - ghost)
        rgb = pygame.surfarray.pixels3d(image)[band].astype(np.float32)  # (read a band at a
        # time: the whole picture's colours read at once took 13-19 ms)
        lit = rgb * (1 + FLANK * np.clip(body[band], -1.0, 1.0))[..., None]
        light = np.clip(RIM * rim[band], 0.0, 1.0) * alpha * np.float32(0.5)
        lit += (moon - lit) * light[..., None]
        edge = np.clip(2 * (1 - glow[band]), 0.0, 1.0) ** 2 * alpha * np.float32(EDGE)
        lit += (edge_light - lit) * edge[..., None]
        lit += (star_light - lit) * (np.minimum(starry.within(band.start, alpha.shape), 1.0)
                                     * alpha)[..., None]
        halo = glow[band] * np.float32(GLOW) * (1 - alpha)  # round her, not under her
        total = seen + halo
        lit = (lit * seen[..., None] + color * halo[..., None]) / np.maximum(total, 1e-6)[
            ..., None]
        pygame.surfarray.pixels3d(out)[band] = np.clip(lit, 0, 255).astype(np.uint8)
        pygame.surfarray.pixels_alpha(out)[band] = np.clip(total * 255, 0, 255).astype(
            np.uint8)
    return out


FINE = 256  # a blur is summed in steps this much finer than the alpha's (in the alpha's own
# steps the moonlight's slope lay on her in rings)
BAND_COLUMNS = 40  # her picture is finished this many columns a piece (160: 12-13 ms at 1080p;
# 64, its colours read with them: 4-5 ms)


def _bands(columns: int) -> list[slice]:
    """The columns of a picture, BAND_COLUMNS a piece."""
    return [slice(left, left + BAND_COLUMNS) for left in range(0, columns, BAND_COLUMNS)]


def _soft(levels: np.ndarray, reach: float) -> Generator[None, None, np.ndarray]:
    """The alpha (`levels`, 0..255) blurred about `reach` pixels, 0..1: three box blurs each
    way (near a Gaussian, smooth enough for its slope to light her by), a piece each. Summed
    in whole numbers, so that a change in one place changes nothing far from it."""
    radius = max(1, round(reach / 2))
    soft = yield from _in_slabs(lambda part: part.astype(np.int64) * FINE, levels, 1)  # 0..255,
    # in FINE steps
    whole = (2 * radius + 1) ** 3
    for axis in (0, 1):
        blur = functools.partial(_box, radius=radius, axis=axis)
        for _ in range(3):
            soft = yield from _in_slabs(blur, soft, 1 - axis)
        soft = yield from _in_slabs(lambda part: part // whole, soft, 1)  # back to 0..255 x FINE
    return (yield from _in_slabs(lambda part: part.astype(np.float32) / np.float32(255 * FINE),
                                 soft, 1))


SLAB_VALUES = 100_000  # a pass over a whole picture (a blur, a slope, a sum) is made in slabs of
# about this many of its values, a piece each (1-4 ms; of 160k, up to 9 ms under load: at the
# dream's 2.2x size a pass in 6 slabs took 5-24 ms a slab at 1080p, made whole 10-30 ms)


def _in_slabs(work: Callable[[np.ndarray], np.ndarray], values: np.ndarray,
              across: int) -> Generator[None, None, np.ndarray]:
    """`work` done on `values` in slabs cut along axis `across` (a piece each), for work that
    runs along the other axis only (or on each value alone), so the slabs put together are
    the whole done at once."""
    return (yield from _slabbed(lambda cut: work(values[cut]), values.shape[:2], across))


def _alpha(image: pygame.Surface) -> Generator[None, None, np.ndarray]:
    """The alpha of a picture (0..255, columns first), read a slab at a time."""
    return (yield from _slabbed(lambda cut: np.array(pygame.surfarray.pixels_alpha(image)[cut]),
                                image.get_size(), 1))


def _slabbed(work: Callable[[tuple[slice, ...]], np.ndarray], shape: tuple[int, ...],
             across: int) -> Generator[None, None, np.ndarray]:
    """What `work` gives for each slab of a picture of `shape` (its columns and rows) cut
    along axis `across` (given the slab's index), put together: a piece a slab."""
    out: np.ndarray | None = None
    count = shape[across]
    step = max(1, SLAB_VALUES // max(1, shape[1 - across]))
    for start in range(0, count, step):
        yield
        cut = (slice(None), slice(start, start + step)) if across else (slice(start,
                                                                             start + step),)
        done = work(cut)
        if out is None:  # laid out slab after slab: each slab's piece touches its own pages
            # (laid out across them, the first touched all of them: 8-30 ms of page faults)
            out = np.empty((*shape, *done.shape[2:]), done.dtype, order="F" if across else "C")
        out[cut] = done
    assert out is not None
    return out


def _box(values: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """The sum of each value and the `radius` either side of it along `axis` (none past the
    edges)."""
    along = np.moveaxis(values, axis, 0)
    count = along.shape[0]
    summed = np.empty((count + 2 * radius + 1, *along.shape[1:]), values.dtype)
    summed[:radius + 1] = 0
    np.cumsum(along, axis=0, out=summed[radius + 1:radius + 1 + count])
    summed[radius + 1 + count:] = summed[radius + count]
    return np.moveaxis(summed[2 * radius + 1:] - summed[:count], 0, axis)


def _lit(soft: np.ndarray, reach: float) -> Generator[None, None, np.ndarray]:
    """How squarely each pixel of a softened shape faces the moon (its outward slope towards
    it, about -1..1 at the edge over `reach` pixels), a slab of the picture a piece."""
    across = yield from _in_slabs(lambda part: np.gradient(part, axis=0), soft, 1)
    down = yield from _in_slabs(lambda part: np.gradient(part, axis=1), soft, 0)
    return (yield from _slabbed(
        lambda cut: -(across[cut] * MOON[0] + down[cut] * MOON[1]) * reach * 2, soft.shape, 1))
