"""Ash lying on a burnt car and banked along its foot, drifting deeper round it: over its rims,
mounded over its wheels, heaped over its ends, in the ground's own ash."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pygame

from installation.visuals.base import Color, scaled
from installation.visuals.wreck_shape import (
    ARCH,
    BONNET,
    BOOT,
    CABIN,
    SUNK,
    WAIST,
    WHEEL,
    WHEELS,
    At,
    caved_by,
    roof_at,
)

BANK = (0.02, 0.038)  # ash banked along a burnt car's foot: this high (of its length)
BANK_LIGHT = (0.04, 0.2, 0.55)  # the bank, its crest, the ash lying on the car: this much of
# the way from the ground's colour in front of it to the sky's light (the bank as the ground:
# lit as a slab, it read as a kerb the car stood on; its crest at half the way, a pale line
# straight through the wheels of a far car read as a glitch)
BANK_KNOTS = 15  # the bank's bumps along it
BANK_MORE = 40  # drifted all the way, its line drawn through this many more points (rounder)
CREST_ROWS = 4  # the crest's light fading down the bank's face over this many lines
BANK_FADE = 1.6  # the bank goes into the ground's own colour towards its foot, this way (1:
# evenly from its crest; more: the bank's colour held further down)
ROOF_ASH = 0.008  # the ash lying on its roof, hood and boot: this deep
DRIFT_BANK = 0.012  # drifted all the way (`drift` 1), the bank this much higher (of its length):
# over the rims and the sills, the wheels gone under it, only the wheel arches' tops showing
DRIFT_MOUND = 0.008  # ... and this much more over each wheel (a mound: its arch under it)...
MOUND_WIDE = 1.4  # ... as wide as this many of its arches...
DRIFT_LEAN = 0.35  # ... and higher by this share on its windward end, lower on its lee
DRIFT_SPREAD = 0.35  # ... running out this much further past either end (of its length)
DRIFT_ROOF = 3.5  # ... and this much more ash lying on its roof, hood and boot
HEAP = 0.07  # ... and heaped over its bonnet's and boot's ends this high (of its length, from
# the ground: over the lids' ash), its square ends gone under it (they stood out of the drift
# as flat, square-cut shelves either side of the cabin: a sofa's arms)...
HEAP_AT = 0.1  # ... each heap's crest this far in from the car's end, its rounded slopes
HEAP_WIDE = (0.36, 0.42)  # running down this far: outward to the ground, inward up the glass
HEAP_ROUND = (2.5, 1.5)  # (1 - u ** a) ** b, u the way down a slope: a broad round shoulder
HEAP_FULL = 0.6  # ... the heaps risen in full this far into the drifting (the wind banks ash
# against a car's ends first)
CAP_POINTS = 11  # the ash lying on a lid, rounded over this many points along it...
CAP_ROUND = 0.6  # ...its top this round (1: a sine's arch; less: fuller to its ends)...
CAP_SHADE = 0.8  # ...its lower edge this much of its light


def ash_bank(surface: pygame.Surface, at: At, length: int, light: Color,
              drifted: tuple[int, float]) -> None:
    """Ash lying on the car's roof, hood and boot, and banked along its foot, over its rims'
    lower part and under its sills (heaped over its ends when drifted deep, the lids' ash
    under the heaps): the car sits down in the ash (the ground's own ash colour, lighter
    towards the sky's `light` along the bank's crest and on the car); `drifted`: the car's
    seed and how much deeper the ash has drifted (see Wreck.drift)."""
    seed, drift = drifted
    x0, ground = at(-0.06, SUNK)
    x1, _ = at(1.06, SUNK)
    lo, hi = min(x0, x1), max(x0, x1)
    seen = surface.get_rect()
    samples = [surface.get_at((min(seen.right - 1, max(0, x)), min(seen.bottom - 1,
                                                                   ground + 3)))[:3]
               for x in (lo, (lo + hi) // 2, hi)]
    ground_ash = np.mean(np.array(samples, np.float32), axis=0)
    sky = np.array(light, np.float32)
    cave, lid = caved_by(seed), _toned(ground_ash, sky, BANK_LIGHT[2])
    deep = ROOF_ASH * (1 + DRIFT_ROOF * drift)
    roof = (CABIN[1] + 0.01, CABIN[2] - 0.01)
    _cap(surface, at, roof, lambda a: roof_at(a, cave), deep, lid)  # (thickest in its sag)
    for ends in ((BONNET + 0.02, CABIN[0] - 0.01), (CABIN[3] + 0.01, 1 - BOOT - 0.01)):
        _cap(surface, at, ends, lambda _a: WAIST, deep, lid)
    reach = 0.56 + DRIFT_SPREAD * drift  # (from its middle to where the bank runs out)
    along = np.linspace(0.5 - reach, 0.5 + reach, BANK_KNOTS + round(BANK_MORE * drift))
    crest = [at(float(a), SUNK + float(h))
             for a, h in zip(along, _bank(along, reach, drifted, at), strict=True)]
    foot = [at(0.5 + reach + 0.04, SUNK - 0.01), at(0.5 - reach - 0.04, SUNK - 0.01)]
    _banked(surface, crest + foot, _toned(ground_ash, sky, BANK_LIGHT[0]))
    wide = max(1, length // 150)
    lit = [p for p, a in zip(crest, along, strict=True)  # (its ends as flat as the ground,
           if -HEAP_WIDE[0] * drift < a < 1 + HEAP_WIDE[0] * drift]  # but down a heap's slopes)
    for step, share in enumerate(np.linspace(BANK_LIGHT[1], BANK_LIGHT[0], CREST_ROWS)):
        pygame.draw.lines(surface, _toned(ground_ash, sky, float(share)), False,
                          [(px, py + step * wide) for px, py in lit], wide)


def _banked(surface: pygame.Surface, outline: list[tuple[int, int]], color: Color) -> None:
    """The bank (`outline`) in `color` at its crest, going down each column into the ground's
    own colour just below its foot (filled flat, its foot a ruled line across the ground's
    streaks: a box of ash the car sat in)."""
    area = pygame.Rect(pygame.draw.polygon(surface.copy(), color, outline)).clip(
        surface.get_rect())
    if area.width < 1 or area.height < 1:
        return
    shape = pygame.Surface(area.size)
    pygame.draw.polygon(shape, (255, 255, 255), [(x - area.x, y - area.y) for x, y in outline])
    inside = pygame.surfarray.array_red(shape) > 127
    filled = inside.any(axis=1)
    top = np.where(filled, inside.argmax(axis=1), 0)[:, None]
    bottom = np.where(filled, inside.shape[1] - 1 - inside[:, ::-1].argmax(axis=1), 0)[:, None]
    rows = np.arange(area.height)[None, :]
    share = np.clip((rows - top) / np.maximum(1, bottom - top), 0, 1) ** BANK_FADE
    rgb = pygame.surfarray.pixels3d(surface)
    below = rgb[area.x:area.right, min(surface.get_height() - 1, area.bottom + 1)]
    ground = below.astype(np.float32)[:, None, :]
    mixed = np.array(color, np.float32) * (1 - share[..., None]) + ground * share[..., None]
    piece = rgb[area.x:area.right, area.y:area.bottom]
    piece[inside] = mixed[inside].astype(np.uint8)
    del rgb, piece


def _bank(along: np.ndarray, reach: float, drifted: tuple[int, float], at: At) -> np.ndarray:
    """The bank's height at each point `along` the car (of its length, from the ground): low
    bumps running out `reach` from its middle, drifted higher round the car and heaped over
    its ends as the ash deepens (see `_ash_bank`)."""
    seed, drift = drifted
    knots = np.random.default_rng(seed + 1).random(BANK_KNOTS)  # (the same bumps however
    heights = BANK[0] + (BANK[1] - BANK[0]) * np.interp(  # deep: only higher, wider)
        np.linspace(0, BANK_KNOTS - 1, along.size), np.arange(BANK_KNOTS), knots)
    heights *= 1 - ((along - 0.5) / reach) ** 2  # down to the ground at its ends
    heights += drift * _drifted(along, reach, at)
    return np.asarray(np.maximum(heights, min(1.0, drift / HEAP_FULL) * _heaped(along)))


def _drifted(along: np.ndarray, reach: float, at: At) -> np.ndarray:
    """How much higher the ash has drifted against the car at each point `along` it, drifted
    all the way (of its length): a soft rounded line over its body's shape, mounded over the
    wheels (their arches under it), higher on the windward side (the picture's left: the
    wind blows the smoke to the right) and rolling down to the ground at its ends (drawn
    straight across the flank, it read as a car sunk into a tabletop)."""
    t = (along - 0.5) / reach
    hump = np.clip(1 - t ** 2, 0, 1) ** 0.5
    mounds = sum(np.exp(-(((along - wheel) / (WHEEL * ARCH * MOUND_WIDE)) ** 2))
                 for wheel in WHEELS)
    left, right = at(float(along[0]), 0.0)[0], at(float(along[-1]), 0.0)[0]
    windward = 1 if left < right else -1  # (+1: along runs left to right in the picture)
    lean = 1 + DRIFT_LEAN * (-windward * t)
    return np.asarray(hump * lean * (DRIFT_BANK + DRIFT_MOUND * mounds))


def _heaped(along: np.ndarray) -> np.ndarray:
    """How high the ash is heaped over the car's ends at each point `along` it, drifted all
    the way (of its length): a rounded mound over each end, its crest HEAP_AT in, rolling
    down to nothing HEAP_WIDE from it (outward, inward)."""
    out, inward = HEAP_WIDE
    heaps = [np.clip(np.where(side * (along - crest) > 0, inward, out) ** -1
                     * np.abs(along - crest), 0.0, 1.0)
             for crest, side in ((HEAP_AT, 1), (1 - HEAP_AT, -1))]
    shoulder, foot = HEAP_ROUND
    return np.asarray(HEAP * np.maximum(*[(1 - u ** shoulder) ** foot for u in heaps]))


def _cap(surface: pygame.Surface, at: At, ends: tuple[float, float],
         under: Callable[[float], float], deep: float, lid: Color) -> None:
    """Ash lying `deep` on a lid from `ends[0]` to `ends[1]` along the car (the lid `under`
    each point): rounded, thickest in the middle, thinning to nothing at its ends, its lower
    edge shaded (a flat band read as a cream slab laid on it)."""
    tops = np.linspace(*ends, CAP_POINTS)
    rise = np.sin(np.linspace(0, math.pi, CAP_POINTS)) ** CAP_ROUND
    lying = [at(float(a), under(float(a)) + deep * float(r)) for a, r in zip(tops, rise,
                                                                              strict=True)]
    lying += [at(float(a), under(float(a))) for a in tops[::-1]]
    pygame.draw.polygon(surface, lid, lying)
    pygame.draw.lines(surface, scaled(lid, CAP_SHADE), False, lying[CAP_POINTS:], 1)


def _toned(ground: np.ndarray, sky: np.ndarray, share: float) -> Color:
    """The ground's colour taken `share` of the way to the sky's light (floats)."""
    r, g, b = (int(c) for c in np.clip(ground + (sky - ground) * share, 0, 255))
    return (r, g, b)
