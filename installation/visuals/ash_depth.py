"""How deep the ash lies on the ruins' boulevard: its drifts worked out once (how much of the
ash's colour each pixel takes when they are deep, and their ridges' light), then the ground
painted at any depth from them: a thin dusting first (the scorched street's dark showing
through, more ash where the drifts grow deepest), the ridges rising only as it deepens, and
past the drifts (depth 1) the ground's dark going under the ash's grey."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.ash_soot import sooted
from installation.visuals.base import Color, chunks

PATCHY = 1.2  # the drifts fill their deepest places first: at a depth, the ash lies whole
# where the drifts grow deepest, thinning to the dusting (the depth itself) this far below them
RIDGES_FROM = 0.4  # the ridges (their crests' light and shadow) rise from this depth on...
DUSTING = 1.6  # ...and under them a thin dusting lies this much thicker than its depth says
# (the first ash is grey on black: a little of it shows)
DEEPEST = 2.0  # at this depth the ground is all the ash's colour (1: the drifts as worked out)
COLUMNS = 64  # the ground is painted this many columns a piece


@dataclass(frozen=True)
class Drifts:
    """The ash's drifts over the ground (columns x rows): how much of the ash's colour each
    pixel takes when they lie deep (and more along their ridges' crests), where they grow
    deepest (0..1), their ridges' light (1: flat) and the soot in them (see ash_soot)."""

    share: np.ndarray
    crest: np.ndarray
    field: np.ndarray
    light: np.ndarray
    soot: np.ndarray


def cover(depth: float, field: np.ndarray) -> np.ndarray:
    """The share of the deep drifts' ash lying at `depth` (0 bare, 1 all of it; `field`: where
    the drifts grow deepest): a dusting everywhere, more where they fill first."""
    if depth >= 1.0:
        return np.ones_like(field)
    filled = depth * (1 + PATCHY) - PATCHY * (1 - field)
    return np.asarray(np.clip(np.maximum(filled, min(1.0, depth * DUSTING)), 0.0, 1.0), np.float32)


def ridged(depth: float) -> float:
    """How much of the deep drifts' ridges stand at `depth` (0: none yet, 1: all)."""
    return float(np.clip((depth - RIDGES_FROM) / (1 - RIDGES_FROM), 0.0, 1.0))


def ground_at(
    drifts: Drifts, depth: float, color: Color, ash: Color
) -> Generator[None, None, pygame.Surface]:
    """The ground `color` under the ash `ash` lying `depth` deep (1: the drifts as worked
    out, exactly), in pieces of COLUMNS columns."""
    width, tall = drifts.share.shape
    out = pygame.Surface((width, tall))
    rise = ridged(depth)
    base, toward = np.array(color, np.float32), np.array(ash, np.float32) - color
    for cols in chunks(width, COLUMNS):
        share = (drifts.share[cols] + drifts.crest[cols] * np.float32(rise)) * cover(
            depth, drifts.field[cols]
        )
        if depth > 1:  # (deeper than the drifts: the ground's dark going under)
            share = share + (1 - share) * np.float32(min(1.0, (depth - 1) / (DEEPEST - 1)))
        light = drifts.light[cols] if rise >= 1 else 1 + (drifts.light[cols] - 1) * rise
        rgb = sooted((base + toward * share[..., None]) * light[..., None],
                     drifts.soot[cols], share)
        rgb = np.clip(rgb, 0, 255)
        pygame.surfarray.blit_array(
            out.subsurface((cols.start, 0, cols.stop - cols.start, tall)), rgb.astype(np.uint8)
        )
        yield
    return out
