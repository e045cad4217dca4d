"""The cinema marquee's letters fallen in the burnt boulevard's ash, drawn once into its kept
picture: sheet-metal channel letters lying askew in the road's perspective, bent up off the
ash along a crease and half buried at their foot, blackened, their torn mounting bracket
sticking up, each with its shadow."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, scaled
from installation.visuals.cinema import NAME, SHOW
from installation.visuals.noise import smooth_noise_at
from installation.visuals.storefronts import Project

# Lying in a road these read as a mark or a symbol, not a letter (a helipad's H, a manhole's O,
# a bent S or R as a question mark, I as a bar, a T half buried as a cross): none of them is
# left lying.
SYMBOLS = "HOSITR"
FALLEN = tuple(c for c in NAME + SHOW if c.isalpha() and c not in SYMBOLS)
LETTER_AT = ((0.3, 1.0), (-0.2, 1.35), (0.62, 1.9))  # where they fell: across, along
LETTER_SIZE = 0.2  # a letter's height (world units)
TURN = (0.35, 0.9)  # how far a letter lies turned from square to the road (radians, either way)
CREASE = (0.35, 0.5)  # it is bent along a crease this far down its height (share)...
BENT = (0.5, 0.8)  # ...its top bent up off the ash by this much (radians)
BURIED = (0.22, 0.35)  # the share of it under the ash, from one corner of its foot...
BURY_SLANT = (0.3, 0.8)  # ...the ash's edge slanting across it this much (its rise over its run)
BURY_WAVE = 0.08  # how much the ash's edge over it wanders (of its height)
THICK = 0.012  # the channel's depth (its return, dark under the face), up units
SAMPLES = 2  # glyph samples a picture pixel each way (splatted on the picture)
GRID = 7  # points a piece of a letter is projected at each way (in between: bilinear)
FACE: Color = (44, 39, 37)  # the face blackened by the fire...
PAINT: Color = (70, 50, 45)  # ...its red left in a dull blush or two
PAINT_LEFT = 0.4  # the share of a face where any paint is left (at most)
RETURN: Color = (22, 20, 19)  # the channel's side, sooted
BENT_LIGHT = 1.35  # the bent-up part faces the grey sky: this much lighter
SCRAPE: Color = (132, 126, 118)  # bare metal cracked along the crease, catching the light...
FOLD: Color = (16, 14, 13)  # ...and the dark of the fold's inside, just below it
SCRAPE_WIDE = 0.03  # each of them, of its height
ASH_DUST: Color = (128, 122, 114)  # ash dusted over what lies in the road (the debris's too)
DUST = 0.55  # ash dusted over its face in patches: this much of the ash's colour at most...
SPECKS = 0.04  # ...and the share of it flecked with ash
DRIFT_EDGE = 0.12  # the ash thickens over it this far (of its height) before its edge
SHADOW = 0.62  # what is left of the ash's light in a letter's shadow
SHADOW_LEAN = 0.9  # a raised point's shadow falls this far to the right, of its height...
SHADOW_OFF = 0.025  # ...and every point's this much further (the low light: the letter's
# edge stands off the ash), world units
BRACKET: Color = (70, 66, 62)  # the torn mounting bracket's sooted steel
BRACKET_LONG = 0.04  # how far it stands up off the letter's top edge (world units)...
BRACKET_WIDE = 0.012  # ...and half its width


@dataclass(frozen=True)
class Fallen:
    """One letter lying in the road: where (across, along), how it lies turned, its height,
    its width over its height, where it is creased and how far bent up, how much of its foot
    the ash covers and how the ash's edge slants across it."""

    x: float
    z: float
    turn: float
    size: float
    wide: float
    crease: float
    bent: float
    buried: float
    slant: float

    def world(self, u: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Where the letter's point (u across its face, v down it, 0 to 1) lies: x, z, up."""
        across = (u - 0.5) * self.size * self.wide
        above = (self.crease - v) * self.size  # along from the crease towards its top
        along = np.where(above > 0, above * math.cos(self.bent), above)
        up = np.where(above > 0, above * math.sin(self.bent), 0.0)
        cos, sin = math.cos(self.turn), math.sin(self.turn)
        return self.x + across * cos - along * sin, self.z + across * sin + along * cos, up


def fallen_letter(where: tuple[float, float], wide: float, rng: random.Random) -> Fallen:
    """A letter lying at `where`, `wide` over its height, turned, creased, bent and buried as
    `rng` has it."""
    turn = rng.choice((-1, 1)) * rng.uniform(*TURN)
    return Fallen(where[0], where[1], turn, LETTER_SIZE, wide, rng.uniform(*CREASE),
                  rng.uniform(*BENT), rng.uniform(*BURIED),
                  rng.choice((-1, 1)) * rng.uniform(*BURY_SLANT))


def drawing_letter(image: pygame.Surface, project: Project, letter: Fallen,
                   glyph: pygame.Surface, rng: random.Random) -> Pieces:
    """`letter` (its shape: `glyph`'s opaque pixels) drawn into `image` in a few pieces: the
    points of it the ash leaves showing, its shadow, where they fall, its return, its face's
    colours, its face and its torn bracket."""
    near = project(letter.x, letter.z, 0.0)
    far = project(letter.x + letter.size, letter.z, 0.0)
    span = max(4, abs(far[0] - near[0]))
    shape = pygame.transform.smoothscale(glyph, (round(span * letter.wide * SAMPLES),
                                                 span * SAMPLES))
    alpha = pygame.surfarray.array_alpha(shape)
    cols, rows = np.nonzero(alpha > 127)
    u = (cols + 0.5) / alpha.shape[0]
    v = (rows + 0.5) / alpha.shape[1]
    seed = rng.randrange(1 << 30)
    shown = _uncovered(letter, u, v, seed)
    u, v = u[shown], v[shown]
    yield
    _shade(image, _projected(project, letter, u, v, shadow=True))
    yield
    where = _projected(project, letter, u, v)
    yield
    _splat(image, where + np.array([0, _rows(project, letter, THICK)]), np.array(RETURN))
    yield
    face = _face(letter, u, v, seed)
    yield
    _splat(image, where, face)
    top = v <= v.min() + 0.04
    _bracket(image, project, letter, (float(u[top][len(u[top]) // 2]), float(v.min())), rng)


def _uncovered(letter: Fallen, u: np.ndarray, v: np.ndarray, seed: int) -> np.ndarray:
    """Which of the letter's points the ash leaves showing (its foot is under it, the ash's
    edge wandering across)."""
    wander = BURY_WAVE * (2 * smooth_noise_at(seed, u * 3.0) - 1)
    return np.asarray(_into_ash(letter, u, v) < wander)


def _into_ash(letter: Fallen, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """How far each point lies under the ash's edge (of the letter's height; < 0: clear)."""
    return np.asarray(v - (1 - letter.buried) + letter.slant * (u - 0.5))


def _projected(project: Project, letter: Fallen, u: np.ndarray, v: np.ndarray,
               shadow: bool = False) -> np.ndarray:
    """The picture's pixel of each of the letter's points (n x 2), or of its shadow on the
    ash: projected at a grid over each of its two pieces (flat, bent up), in between
    bilinear."""
    grid_u = np.linspace(0.0, 1.0, GRID)
    grid_v = np.concatenate([np.linspace(0.0, letter.crease, GRID),
                             np.linspace(letter.crease, 1.0, GRID)[1:]])
    x, z, up = np.broadcast_arrays(*letter.world(grid_u[:, None], grid_v[None, :]))
    if shadow:
        x, up = x + up * SHADOW_LEAN + SHADOW_OFF, np.zeros_like(up)
    points = np.array([[project(float(a), float(b), float(c)) for a, b, c in zip(*row,
                                                                              strict=True)]
                       for row in zip(x, z, up, strict=True)], np.float64)
    iu = np.interp(u, grid_u, np.arange(len(grid_u)))
    iv = np.interp(v, grid_v, np.arange(len(grid_v)))
    i0 = np.minimum(iu.astype(int), len(grid_u) - 2)
    j0 = np.minimum(iv.astype(int), len(grid_v) - 2)
    fu, fv = (iu - i0)[:, None], (iv - j0)[:, None]
    top = points[i0, j0] * (1 - fu) + points[i0 + 1, j0] * fu
    bottom = points[i0, j0 + 1] * (1 - fu) + points[i0 + 1, j0 + 1] * fu
    return np.asarray(np.round(top * (1 - fv) + bottom * fv), int)


def _rows(project: Project, letter: Fallen, up: float) -> int:
    """How many rows a height `up` rises at the letter."""
    return project(letter.x, letter.z, 0.0)[1] - project(letter.x, letter.z, up)[1]


def _inside(size: tuple[int, int], where: np.ndarray) -> np.ndarray:
    width, height = size
    return np.asarray((where[:, 0] >= 0) & (where[:, 0] < width) & (where[:, 1] >= 0)
                      & (where[:, 1] < height))


def _splat(image: pygame.Surface, where: np.ndarray, colour: np.ndarray) -> None:
    """Each point's colour (one for all, or n x 3) set at its pixel of `image`."""
    keep = _inside(image.get_size(), where)
    colour = np.broadcast_to(colour, (len(where), 3))[keep]
    pixels = pygame.surfarray.pixels3d(image)
    pixels[where[keep, 0], where[keep, 1]] = np.clip(colour, 0, 255).astype(np.uint8)
    del pixels


def _shade(image: pygame.Surface, where: np.ndarray) -> None:
    """The ash of `image` darkened under the letter's shadow (each pixel once)."""
    where = where[_inside(image.get_size(), where)]
    if not len(where):
        return
    low, high = where.min(axis=0), where.max(axis=0) + 1
    pixels = pygame.surfarray.pixels3d(image)
    box = pixels[low[0]:high[0], low[1]:high[1]]
    shaded = np.zeros(box.shape[:2], bool)
    shaded[where[:, 0] - low[0], where[:, 1] - low[1]] = True
    box[shaded] = (box[shaded] * SHADOW).astype(np.uint8)
    del pixels, box


def _face(letter: Fallen, u: np.ndarray, v: np.ndarray, seed: int) -> np.ndarray:
    """The face's colour at each point: blackened, a blush of its red left here and there,
    lighter where bent up to the sky, bare metal scraped along the crease, ash dusted over
    it (thicker towards the ash's edge)."""
    noise = np.random.default_rng(seed)
    blush = smooth_noise_at(seed + 1, u * 2.2 + v * 1.7) * smooth_noise_at(seed + 2, v * 2.5)
    paint = np.clip((blush - (1 - PAINT_LEFT) * 0.5) / PAINT_LEFT, 0.0, 1.0)[:, None]
    colour = np.array(FACE, np.float32) + (np.array(PAINT, np.float32)
                                           - np.array(FACE, np.float32)) * paint
    colour *= np.where(v < letter.crease, BENT_LIGHT, 1.0)[:, None]
    scrape = np.abs(v - letter.crease) < SCRAPE_WIDE
    colour[scrape & (v < letter.crease)] = SCRAPE
    colour[scrape & (v >= letter.crease)] = FOLD
    patches = np.clip(2 * smooth_noise_at(seed + 3, u * 3.1 - v * 2.3) - 0.6, 0.0, 1.0)
    drift = np.clip(1 + _into_ash(letter, u, v) / DRIFT_EDGE, 0.0, 1.0) ** 1.5
    ash = np.maximum(DUST * patches, drift)
    ash = np.where(noise.random(len(u)) < SPECKS, 1.0, ash)[:, None]
    return np.asarray(colour + (np.array(ASH_DUST, np.float32) - colour) * ash)


def _bracket(image: pygame.Surface, project: Project, letter: Fallen,
             foot: tuple[float, float], rng: random.Random) -> None:
    """The mounting bracket torn off with the letter: a tab of steel standing up off its top
    edge at `foot` (u, v: raised with the bent part), leaning, its torn top ragged."""
    u, v = foot
    span = BRACKET_WIDE / (letter.size * letter.wide)
    x, z, up = (np.asarray(a, float).ravel() for a in np.broadcast_arrays(*letter.world(
        np.array([u - span, u + span]), np.array([v, v]))))
    lean = rng.uniform(-0.5, 0.5) * BRACKET_LONG
    tall = [BRACKET_LONG * rng.uniform(0.6, 1.0) for _ in range(2)]
    base = [project(float(x[n]), float(z[n]), float(up[n])) for n in (0, 1)]
    top = [project(float(x[n]) + lean, float(z[n]), float(up[n]) + tall[n]) for n in (1, 0)]
    pygame.draw.polygon(image, BRACKET, base + top)
    pygame.draw.line(image, scaled(BRACKET, 1.5), base[0], top[1])  # its edge to the light
