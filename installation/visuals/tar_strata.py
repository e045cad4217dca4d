"""The tar below its surface in strata: bands of older and older tar, streaked and mottled as
sediment is, softened as things seen through the tar are, gas bubbles rising slowly in it."""

from __future__ import annotations

import random
from collections.abc import Generator
from dataclasses import dataclass

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


BUBBLES = 12  # gas bubbles rising through the cut at once at amount 1 (the tar's own, slow:
# the cut held still for three and a half minutes but for two drifting finds)
BUBBLE_SIZE = (0.005, 0.012)  # a bubble's radius, in the picture's heights, least and most
BUBBLE_SIZES = 4  # sprites between those
BUBBLE_RISE = (0.005, 0.011)  # how fast one rises, picture heights a real second (a minute or
# so from the foot of the cut to the surface)
BUBBLE_SWAY = (0.003, 0.15)  # it wavers as it rises: this far (picture heights), this fast (Hz)
BUBBLE_BODY = ((66, 50, 36), 110)  # lighter than the tar round it, seen through: colour, alpha
BUBBLE_LIT = (150, 116, 76)  # its rim where the light from above catches it ...
BUBBLE_DARK = (8, 6, 4)  # ... and its underside in shadow
BUBBLE_GLINT = ((214, 188, 140), 0.22, (-0.35, -0.4))  # a glint near its top: colour, size
# and place (of its radius)
BUBBLE_FADES = 4  # its fade into the surface in this many steps, over ...
BUBBLE_FADE = 0.12  # ... this share of the cut at its top


@dataclass(frozen=True)
class Bubbles:
    """Bubbles rising through the strata, each on a seeded path (where it is a function of
    time alone): sprites by size and fade, and each bubble's size, place across (a share of
    the width), the row it rises to at most (0: the cut's top), start (a share of its rise),
    rise, sway and phase."""

    sprites: tuple[tuple[pygame.Surface, ...], ...]
    size: np.ndarray
    across: np.ndarray
    roof: np.ndarray
    start: np.ndarray
    rise: np.ndarray
    phase: np.ndarray

    def draw(self, surface: pygame.Surface, top: int, seconds: float) -> None:
        """Each bubble where it is `seconds` in, in the cut from row `top` to the foot (none
        over its top)."""
        width, height = surface.get_size()
        depth = height - np.maximum(top, self.roof)
        up = (self.start + seconds * self.rise * height / depth) % 1.0  # (0 at the foot)
        sway = BUBBLE_SWAY[0] * height * np.sin(2 * np.pi * BUBBLE_SWAY[1] * seconds
                                                + self.phase)
        fade = np.minimum(BUBBLE_FADES - 1, ((1 - up) / BUBBLE_FADE * BUBBLE_FADES)
                          .astype(int))
        xs = (self.across * width + sway).astype(int).tolist()
        ys = (height - up * depth).astype(int).tolist()
        kept = surface.get_clip()
        surface.set_clip(pygame.Rect(0, top, width, height - top).clip(kept))
        for size, step, x, y in zip(self.size.tolist(), fade.tolist(), xs, ys, strict=True):
            sprite = self.sprites[size][step]
            half = sprite.get_width() // 2
            surface.blit(sprite, (x - half, y - half))
        surface.set_clip(kept)


def bubbles(size: tuple[int, int], amount: float, seed: int,
            under: list[pygame.Rect]) -> Bubbles:
    """The cut's rising bubbles in a picture of `size`, `amount` (0..1) of BUBBLES (as many
    as the finds: an empty cut is still), seeded; one rising under one of the `under` areas
    (the city's things sinking in the surface, their own bubbles swelling beside them) goes
    no higher than its foot."""
    width, height = size
    rng = np.random.default_rng(seed)
    count = round(BUBBLES * amount)
    least, most = BUBBLE_SIZE
    sprites = tuple(_faded(bubble_sprite(height * (least + (most - least) * n
                                                    / (BUBBLE_SIZES - 1))))
                    for n in range(BUBBLE_SIZES))
    kinds = np.minimum(BUBBLE_SIZES - 1, (rng.random(count) ** 2 * BUBBLE_SIZES).astype(int))
    across = rng.uniform(0.04, 0.96, count)
    roof = [max([0, *(area.bottom for area in under
                      if area.left <= x * width <= area.right)]) for x in across]
    return Bubbles(sprites, kinds, across, np.array(roof), rng.random(count),
                   rng.uniform(*BUBBLE_RISE, count), rng.uniform(0, 2 * np.pi, count))


def bubble_sprite(radius: float) -> pygame.Surface:
    """A bubble seen in the tar: a round body a little lighter than it, its rim lit above and
    dark below, a glint near its top."""
    side = 2 * int(radius + 2) + 1
    axis = np.arange(side, dtype=np.float32) - side // 2
    x, y = axis[:, None] / radius, axis[None, :] / radius
    far = np.hypot(x, y)
    cover = np.clip((1.0 - far) * radius + 0.5, 0.0, 1.0)  # (its edge a pixel soft)
    rim = np.clip((far - 0.62) / 0.38, 0.0, 1.0)
    lit = np.clip(-y, 0.0, 1.0)[..., None] * rim[..., None]
    shade = np.clip(y, 0.0, 1.0)[..., None] * rim[..., None]
    body, alpha = BUBBLE_BODY
    rgb = np.array(body, np.float32) + lit * (np.array(BUBBLE_LIT, np.float32) - body)
    rgb += shade * (np.array(BUBBLE_DARK, np.float32) - rgb)
    glint, size, (gx, gy) = BUBBLE_GLINT
    spot = np.clip(1.0 - np.hypot(x - gx, y - gy) / size, 0.0, 1.0)[..., None]
    rgb += spot * (np.array(glint, np.float32) - rgb)
    out = pygame.Surface((side, side), pygame.SRCALPHA)
    pygame.surfarray.pixels3d(out)[:] = np.clip(rgb + 0.5, 0, 255).astype(np.uint8)
    opaque = alpha + (255 - alpha) * np.maximum(rim, spot[..., 0])
    pygame.surfarray.pixels_alpha(out)[:] = (cover * opaque + 0.5).astype(np.uint8)
    return out


def _faded(sprite: pygame.Surface) -> tuple[pygame.Surface, ...]:
    """A sprite at BUBBLE_FADES steps of its alpha, faintest first (going into the surface)."""
    out = []
    for step in range(BUBBLE_FADES):
        faded = sprite.copy()
        keep = round(255 * (step + 1) / BUBBLE_FADES)
        faded.fill((255, 255, 255, keep), special_flags=pygame.BLEND_RGBA_MULT)
        out.append(faded)
    return tuple(out)


def darkened_foot(image: pygame.Surface, line: list[tuple[float, float]],
                  floor: float) -> None:
    """The lowest stratum (from its top `line`, see `strata`, at its mean row) darkened,
    row by row, down to `floor` of its light at the cut's foot: the oldest tar, where the
    deepest finds are only a glimpse."""
    width, rows = image.get_size()
    start = min(rows - 1, round(sum(y for _x, y in line) / len(line)))
    for row in range(start, rows):
        keep = round(255 * (1.0 - (1.0 - floor) * s_curve((row - start) / max(1, rows - start))))
        image.fill((keep, keep, keep), (0, row, width, 1), special_flags=pygame.BLEND_RGB_MULT)
