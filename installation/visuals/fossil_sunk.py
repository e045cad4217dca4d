"""A find sunk in the tar: the tar's edge crossing it, the part under it dark and going down,
a wet sheen along what stands out of it, and its shadow on the tar behind."""

from __future__ import annotations

import random

import numpy as np
import pygame

TAR_LINE = (0.7, 0.82)  # where the tar's edge crosses a find, down its height (least, most)
TAR_TILT = 0.1  # how far that edge rises or falls across the find, in its heights
TAR_WAVE = (0.05, 1.6)  # its waves: how high, in the find's sizes, and how many across it
UNDER_DARK = 0.45  # the find under the tar's edge: this much of its colour ...
UNDER_ALPHA = 1.0  # ... and of its alpha (seen through a film of tar), going down to ...
UNDER_DEEPEST = (0.25, 0.45)  # ... this much of each at its lowest row
LIP = 0.05  # the tar's lip drawn up round it where it goes under: this deep, in its sizes,
LIP_GLOSS = (50, 38, 24)  # ... glossy (added at its crest; a dark lip on the dark bone under
# it did not show: the find lay on the tar, pasted on)
SHEEN = (80, 62, 40)  # the wet sheen on its upper edges at its brightest (added) ...
SHEEN_DEEP = 0.045  # ... down this far from an edge, in its sizes, ...
SHEEN_BROKEN = (3.0, 0.45)  # ... broken into this many patches across, over this share of it
SHADOW_OFFSET = (0.08, 0.14)  # its shadow on the tar behind it: moved this far right and
# down, in its sizes, ...
SHADOW_DARK = 0.7  # ... this dark at its darkest, ...
SHADOW = (12, 8, 5)  # ... in the tar's own darkest brown (black, softened into the bone's
# edge, greyed it)
SHADOW_SOFT = 4  # ... and softened this much (shrunk this many times and enlarged)


def tar_line(width: int, height: int, size: float, rng: random.Random,
             line: tuple[float, float] = TAR_LINE) -> np.ndarray:
    """The row where the tar's edge crosses each column of a find `width` x `height`: low on
    it (`line`: its least and most share down it), tilted a little and waving (a ruled line
    across a bone read as a cut)."""
    x = np.arange(width, dtype=np.float64) / max(1, width - 1)
    low, high = line
    rise, waves = TAR_WAVE
    phase, other = rng.uniform(0, 2 * np.pi), rng.uniform(0, 2 * np.pi)
    level = height * rng.uniform(low, high) + height * TAR_TILT * rng.uniform(-1, 1) * (x - 0.5)
    wave = size * rise * (0.65 * np.sin(2 * np.pi * waves * x + phase)
                          + 0.35 * np.sin(2 * np.pi * 2.7 * waves * x + other))
    return np.asarray(level + wave)


def sunk(bone: pygame.Surface, size: float, rng: random.Random, patches: np.ndarray,
         line: tuple[float, float] = TAR_LINE) -> pygame.Surface:
    """A copy of a shaded find (with per-pixel alpha) sunk in the tar: under the tar's edge
    (`tar_line`, `line` of the way down it) darker and fainter, going down to UNDER_DEEPEST
    at its lowest row, a glossy lip along the edge, and above it a wet sheen along its upper
    edges, broken in `patches` (0..1, columns x rows, of its size)."""
    width, height = bone.get_size()
    crossing = tar_line(width, height, size, rng, line).astype(np.float32)[:, None]
    rows = np.arange(height, dtype=np.float32)[None, :]
    down = np.clip((rows - crossing) / np.maximum(1.0, height - crossing), 0.0, 1.0)
    under = rows >= crossing
    deepest_light, deepest_alpha = UNDER_DEEPEST
    light = np.where(under, UNDER_DARK + (deepest_light - UNDER_DARK) * down, 1.0)
    keep = np.where(under, UNDER_ALPHA + (deepest_alpha - UNDER_ALPHA) * down, 1.0)
    deep = max(1.0, size * LIP)
    lip = np.clip(1.0 - np.abs(rows - crossing - deep / 2) / deep, 0.0, 1.0)  # (0..1: its crest)
    alpha = pygame.surfarray.array_alpha(bone).astype(np.float32) / 255
    edge = max(1, round(size * SHEEN_DEEP))
    clear_above = np.ones_like(alpha)
    clear_above[:, edge:] -= alpha[:, :-edge]
    sheen = alpha * clear_above * patches.astype(np.float32) * ~under
    rgb = pygame.surfarray.array3d(bone).astype(np.float32) * light[..., None]
    rgb += np.array(SHEEN, np.float32) * sheen[..., None]
    rgb += np.array(LIP_GLOSS, np.float32) * (lip * alpha)[..., None]
    out = bone.copy()
    pygame.surfarray.pixels3d(out)[:] = np.clip(rgb + 0.5, 0, 255).astype(np.uint8)
    pygame.surfarray.pixels_alpha(out)[:] = np.clip(alpha * keep * 255 + 0.5, 0, 255).astype(
        np.uint8)
    return out


def shadow(find: pygame.Surface, size: float) -> tuple[pygame.Surface, tuple[int, int]]:
    """A find's soft shadow on the tar behind it, and where it lies from the find's corner
    (a bone with none lay on the tar like a cut-out pasted on it)."""
    width, height = find.get_size()
    margin = SHADOW_SOFT * 2
    dark = pygame.Surface((width + 2 * margin, height + 2 * margin), pygame.SRCALPHA)
    dark.fill((*SHADOW, 0))
    pygame.surfarray.pixels_alpha(dark)[margin:margin + width, margin:margin + height] = (
        pygame.surfarray.array_alpha(find) * SHADOW_DARK).astype(np.uint8)
    small = pygame.transform.smoothscale(dark, (max(1, dark.get_width() // SHADOW_SOFT),
                                                max(1, dark.get_height() // SHADOW_SOFT)))
    soft = pygame.transform.smoothscale(small, dark.get_size())
    dx, dy = (round(size * share) for share in SHADOW_OFFSET)
    shade = pygame.surfarray.pixels_alpha(soft)  # none under the find itself (through its
    left, top = margin - dx, margin - dy  # see-through edges, it greyed them)
    under = shade[max(0, left):left + width, max(0, top):top + height]
    seen = pygame.surfarray.array_alpha(find)[max(0, -left):, max(0, -top):]
    seen = seen[:under.shape[0], :under.shape[1]]
    under[:seen.shape[0], :seen.shape[1]] = (under[:seen.shape[0], :seen.shape[1]]
                                             * (1 - seen / 255.0)).astype(np.uint8)
    del shade, under
    return soft, (dx - margin, dy - margin)
