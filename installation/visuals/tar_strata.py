"""The tar below its surface in strata: bands of older and older tar, streaked and mottled as
sediment is, softened as things seen through the tar are."""

from __future__ import annotations

import random
from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.base import Color, mix, s_curve

STRATA = 7  # bands of older and older tar
STRATUM_BAND = ((120, 100, 72), 0.12, 0.42)  # the strata's banding, tar and sand, as in the pit
# walls: the sand's colour, how much of it in the tar bands, and how much more at most in the
# sandiest (at 0.12 and 0.16 of a tar brown the cut read as one murky brown field)
SANDY = (0.0, 0.3, 0.75, 0.15, 1.0, 0.45, 0.1)  # how sandy each band is, from the newest, of
# that most (two kinds in turn read as a flag's stripes)
STRATUM_ALPHA = 75  # a band laid over the open tar's colour under the cut this much
BAND_SOFT = 2  # the bands drawn this many times smaller and enlarged: their seams soft, graded
# as sediment is (drawn sharp, in tar and sand in turn, they read as a flag's stripes)
SURFACE_FADE = 0.8  # the newest stratum fades in from the open tar over this share of it
SEAM_WAVE, SEAM_KNOTS = 0.2, 20  # it wanders up and down this much of a stratum, through
# this many points across (ruled straight, the strata read as a notebook's lines)
SEAM_TILT = 0.5  # how far a line between strata tilts across the picture, in a stratum's
# height
TEXTURE = (60, 44, 30)  # the sediment's streaks: lighter tar, this colour ...
TEXTURE_ALPHA = 110  # ... laid over the bands at most this much (a thin line at each band's
# top, wandering, read as a cutaway diagram's ruled lines: the bands show as streaks instead;
# at 70 the bands read flat once no glint swept over them)
TEXTURE_CELLS = (18, 30)  # the streaks' noise, cells across and down: long and low
STRATUM_THICK = (0.5, 1.5)  # how thick a stratum is, against the others' mean
SOFTEN, SOFT_HEIGHT = 2, 1080  # the older layers are shrunk this many times and enlarged
# (seen through the tar) in a picture this many rows high


def surface_fade(image: pygame.Surface, rows: int) -> None:
    """Fade the top of the strata in over SURFACE_FADE of
    `rows`: its alpha multiplied (with per-pixel alpha), else its colour."""
    width = image.get_width()
    fade = max(1, round(rows * SURFACE_FADE))
    alpha = bool(image.get_flags() & pygame.SRCALPHA)
    for y in range(fade):
        keep = round(255 * s_curve(y / fade))
        image.fill((255, 255, 255, keep) if alpha else (keep, keep, keep), (0, y, width, 1),
                   special_flags=pygame.BLEND_RGBA_MULT if alpha else pygame.BLEND_RGB_MULT)


def banded(size: tuple[int, int], lines: list[list[tuple[float, float]]],
           tar: Color) -> pygame.Surface:
    """The bands between the `lines` (see `strata`) over a cut of `size`, of tar and more or
    less sand (see SANDY), their seams soft, the newest faded in under the open tar (its top
    edge, ruled, cut the tar's mirror off)."""
    width, depth = size
    small = pygame.Surface((max(1, width // BAND_SOFT), max(1, depth // BAND_SOFT)),
                           pygame.SRCALPHA)
    sand, least, more = STRATUM_BAND
    for layer in range(STRATA):
        band = mix(tar, sand, least + more * SANDY[layer % len(SANDY)])
        pygame.draw.polygon(small, (*band, STRATUM_ALPHA), [
            (x / BAND_SOFT, y / BAND_SOFT) for x, y in lines[layer] + lines[layer + 1][::-1]])
    image = pygame.transform.smoothscale(small, size)
    surface_fade(image, depth // STRATA)
    return image


def strata(width: int, depth: int, rng: random.Random) -> list[list[tuple[float, float]]]:
    """The lines between the strata, from the surface (row 0) down to the foot (`depth`): the
    bands of uneven thickness, each line tilted a little and wandering up and down through
    knots unevenly spaced across, never crossing the one above (evenly spaced and level, they
    read as a notebook's ruled lines)."""
    xs = [0.0, *sorted(rng.uniform(0, width) for _ in range(SEAM_KNOTS - 1)), float(width)]
    weights = [rng.uniform(*STRATUM_THICK) for _ in range(STRATA)]
    lines = [[(x, 0.0) for x in xs]]
    done = 0.0
    for weight in weights[:-1]:
        done += weight
        base = depth * done / sum(weights)
        band = depth / STRATA
        tilt = band * rng.uniform(-SEAM_TILT, SEAM_TILT)
        lines.append([(x, min(depth - 2.0, max(above + 2, base + tilt * (x / width - 0.5)
                                                + band * SEAM_WAVE * rng.uniform(-1, 1))))
                      for x, (_x, above) in zip(xs, lines[-1], strict=True)])
    lines.append([(x, float(depth)) for x in xs])
    return lines


def streaks(size: tuple[int, int], seed: int) -> pygame.Surface:
    """Sediment over the bands: long low streaks of lighter tar, soft, the mottle of each
    band's own (a picture to lay over them)."""
    cells = np.random.default_rng(seed).random(TEXTURE_CELLS) ** 2
    small = pygame.Surface(TEXTURE_CELLS, pygame.SRCALPHA)
    small.fill((*TEXTURE, 255))
    pygame.surfarray.pixels_alpha(small)[:] = (cells * TEXTURE_ALPHA).astype(np.uint8)
    return pygame.transform.smoothscale(small, size)


def soften(image: pygame.Surface, height: int) -> Generator[None, None, pygame.Surface]:
    """The picture with soft edges, as things seen through the tar are (shrunk and enlarged:
    by SOFTEN at 1080 rows, in proportion to the picture's `height`), pausing between the
    two; returns it."""
    times = round(SOFTEN * height / SOFT_HEIGHT)
    if times < 2:
        return image
    width, rows = image.get_size()
    small = pygame.transform.smoothscale(image, (max(1, width // times), max(1, rows // times)))
    yield
    return pygame.transform.smoothscale(small, (width, rows))
