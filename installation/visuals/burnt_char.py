"""Char on a sign's burnt face, as a fire leaves it: ragged black burns eaten in from its edges
and up from its foot, a soot veil thinning away from them, no round stains."""

from __future__ import annotations

import numpy as np
import pygame

OCTAVES = ((1.0, 0.55), (2.3, 0.3), (5.1, 0.15))  # the burns' noise: knots of each octave (of
# the first's), and its share (broad burns, their ragged fronts, the fronts' small bites)
FRONT = 0.74  # the burn's front: where the noise (and the edges' and foot's pull) passes this...
FRONT_SOFT = 0.05  # ... over this much of it (a burnt front, not a painted blot)
EDGE_PULL = 0.55  # the fire ate in from the face's edges: this much more burn at an edge...
EDGE_REACH = 0.08  # ... fading inwards over this share of its height
FOOT_PULL = 0.25  # ... and up from its foot (the flames licked up it), this much at its foot
TOP_SOOT = 0.65  # the smoke's soot gathered under its top edge: this share of the char's
# opacity at its top, none by its foot
COARSE = 4  # the char is worked out at this fraction of the face's size
VEIL = 0.35  # past the burnt fronts a veil of soot, this share of the char's opacity at most
# where the burn is nearest to breaking through


def patches(size: tuple[int, int], knots: tuple[int, int],
            rng: np.random.Generator) -> np.ndarray:
    """Soft patches over `size` through `knots` random ones across and up, in [0, 1], (x, y)."""
    values = (rng.random((max(2, knots[0]), max(2, knots[1]))) * 255).astype(np.uint8)
    smooth = pygame.transform.smoothscale(
        pygame.surfarray.make_surface(np.repeat(values[..., None], 3, 2)), size)
    return pygame.surfarray.array_red(smooth).astype(np.float32) / 255


def ragged(size: tuple[int, int], knots: tuple[int, int],
           rng: np.random.Generator) -> np.ndarray:
    """Patches with ragged edges (OCTAVES of `patches`, the first through `knots`), in about
    [0, 1], (x, y)."""
    out = np.zeros(size, np.float32)
    for scale, share in OCTAVES:
        out += share * patches(size, (round(knots[0] * scale), round(knots[1] * scale)), rng)
    return out


def smoothed_up(values: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """`values` (x, y, 0 to 1) smoothed up to `size` (worked out small: the same soft field
    at a fraction of the cost)."""
    grey = (np.clip(values, 0, 1) * 255).astype(np.uint8)
    small = pygame.surfarray.make_surface(np.repeat(grey[..., None], 3, 2))
    return pygame.surfarray.array_red(pygame.transform.smoothscale(small, size)).astype(
        np.float32) / 255


def char_opacity(shape: np.ndarray, knots: tuple[int, int],
                 rng: np.random.Generator) -> np.ndarray:
    """How opaque the char lies (0 to 1, x, y) over a face whose opacity is `shape` (x, y, 0
    to 255, at 1/COARSE of its size: the char to be smoothed up to it): burnt through past
    ragged fronts eaten in from its edges and up from its foot, a thin veil of soot ahead of
    them and under its top, none off the face."""
    face = shape.astype(np.float32) / 255
    small = face.shape
    reach = max(1, round(small[1] * EDGE_REACH))
    blurred = smoothed_up(smoothed_up(face, (max(1, small[0] // reach),
                                             max(1, small[1] // reach))), small)
    edge = 1 - blurred
    foot = np.linspace(0, 1, small[1], dtype=np.float32)[None, :] ** 3
    burn = ragged(small, knots, rng) + EDGE_PULL * edge + FOOT_PULL * foot
    front = np.clip((burn - FRONT) / FRONT_SOFT, 0, 1)
    veil = VEIL * np.clip(burn / FRONT, 0, 1) ** 4 + TOP_SOOT * (1 - foot ** (1 / 3)) ** 2
    return np.asarray(np.clip(np.maximum(front, veil), 0, 1) * face, np.float32)
