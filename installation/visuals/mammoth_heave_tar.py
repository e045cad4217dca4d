"""The tar on the dream mother's heaving leg and round it: the sheath on what she pulls out,
strands from her foot, and the tar dragged up round the leg, slumping back (dark, unlit)."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.visuals.base import hash01
from installation.visuals.mammoth_heave import FORWARD, LEVELS, SWELLS, Beat, Leg

TAR = (7, 8, 17)  # the dream's tar (#06070f), a little lit by the night
TAR_SHEEN = (15, 18, 38)  # the crest of its swell, catching the sky faintly (rings of light
# lit a pale band over the tar)
SOLID = (80, 200)  # a leg's alpha: glow up to the first, solid from the second (no tar on glow)
SHEATH = 0.9  # the tar on the pulled-out leg covers this much of her light ...
FRINGE = 0.035  # ... thinning out over this much (units) above where it was sunk to ...
RAGGED = 0.025  # ... its edge up and down by up to this much (units): runs, not a ruled line
SWELL_HIGH = 0.045  # units the tar is dragged up round the pulled leg, at most ...
SWELL_WIDE = 2.2  # ... across this many times the leg's width
STRANDS = ((0.45, 0.11, 0.05), (0.8, 0.06, 0.02))  # ropes of tar from her lifted foot:
# where across it (its share), how far (units) each stretches before it breaks, and how wide
# (units) at the foot, draping (thin sticks read as a table's leg)
STRAND_NECK, STRAND_FOOT = 0.2, 0.8  # its neck, as a share of its width at the foot, and its
# spread on the tar
STRAND_POINTS = 8  # down each side
TAR_SEED = 73  # the sheath's ragged edge
KEPT = 32  # sheaths kept (one for each depth and height a heave reaches)


class Tar:
    """The tar on a heaving leg and round it, for her heaving poses (LEVELS for each leg)."""

    def __init__(self, legs: list[Leg], picture: pygame.Rect, lifted: list[np.ndarray]) -> None:
        """`picture`: her picture's bounds; `lifted`: the alpha of each leg lifted alone, in
        its reach, at each level in turn."""
        self.legs = legs
        self.height = picture.height  # her picture's rows
        self.reaches = [leg.reach.clip(picture) for leg in legs]
        low, high = SOLID
        self.solid = [np.clip((alpha.astype(np.float32) - low) / (high - low), 0.0, 1.0)
                      for alpha in lifted]  # 0 on its glow, 1 on it
        self.ragged = [_ragged(reach.width, leg.px, n) for n, (leg, reach)
                       in enumerate(zip(legs, self.reaches, strict=True))]
        self.swells = [[_swell(leg, step) for step in range(1, SWELLS + 1)] for leg in legs]
        self._sheaths: dict[tuple[int, int, int], pygame.Surface] = {}

    def sheathe(self, surface: pygame.Surface, corner: tuple[int, int], beat: Beat,
                visible: int) -> None:
        """The tar on the pulled leg, from how far up it was sunk (`visible` rows of her
        above the tar) down to the surface, and strands from her foot to it; `corner`: her
        picture's top left."""
        if not beat.level:
            return
        leg, reach = self.legs[beat.leg], self.reaches[beat.leg]
        coated = math.floor(leg.raised(visible, beat.level, self.height))
        sheath = self._sheath(beat, coated - reach.y)
        shown = pygame.Rect(0, 0, reach.width, visible - reach.y)
        surface.blit(sheath, (corner[0] + reach.x, corner[1] + reach.y), shown)
        self._strands(surface, corner, beat, visible)

    def _sheath(self, beat: Beat, coated: int) -> pygame.Surface:
        """The tar on the leg heaving as `beat` says, from row `coated` of its reach down."""
        key = (beat.leg, beat.level, coated)
        if key not in self._sheaths:
            if len(self._sheaths) >= KEPT:
                self._sheaths.clear()
            leg = self.legs[beat.leg]
            solid = self.solid[beat.leg * LEVELS + beat.level - 1]
            fringe = FRINGE * leg.px
            tops = coated + self.ragged[beat.leg]  # each column's edge of the tar
            rows = np.arange(solid.shape[1])[None, :]
            cover = np.clip((rows - tops[:, None] + fringe) / fringe, 0.0, 1.0)
            sheath = pygame.Surface(solid.shape, pygame.SRCALPHA)
            sheath.fill((*TAR, 0))
            alpha = pygame.surfarray.pixels_alpha(sheath)
            alpha[:] = (255 * SHEATH * solid * cover).astype(np.uint8)
            del alpha
            self._sheaths[key] = sheath
        return self._sheaths[key]

    def _strands(self, surface: pygame.Surface, corner: tuple[int, int], beat: Beat,
                 visible: int) -> None:
        """Ropes of tar from the lifted foot down to the surface, sagging to a neck and
        spreading on the tar, thinning as they stretch (none once the foot is a rope's length
        clear: it has broken)."""
        leg = self.legs[beat.leg]
        foot = leg.raised(self.height, beat.level, self.height)
        gap = visible - foot
        swing = round(FORWARD * leg.lift(beat.level)) * leg.forward
        top, bottom = corner[1] + foot - 2, corner[1] + visible
        for share, reach, wide in STRANDS:
            if not 1 < gap < reach * leg.px:
                continue
            x = corner[0] + leg.left + swing + share * (leg.right - leg.left)
            half = wide * leg.px / 2
            neck = STRAND_NECK * (1 - gap / (reach * leg.px)) + 0.05  # thins as it stretches
            sides = []
            for k in range(STRAND_POINTS):
                t = k / (STRAND_POINTS - 1)
                width = half * (neck + (1 - neck) * (1 - t) ** 3 + STRAND_FOOT * t ** 3)
                sides.append((width, top + (bottom - top) * t))
            pygame.draw.polygon(surface, TAR, [*((x - w, y) for w, y in sides),
                                               *((x + w, y) for w, y in reversed(sides))])

    def swell(self, surface: pygame.Surface, left: int, line: int, beat: Beat) -> None:
        """The tar dragged up round the leg (`left`: her picture's left edge; `line`: the
        tar's surface)."""
        if beat.swell:
            sprite, x = self.swells[beat.leg][beat.swell - 1]
            surface.blit(sprite, (left + x, line - sprite.get_height()))

    def area(self, left: int, line: int) -> pygame.Rect:
        """Where `swell` can paint."""
        rects = [pygame.Rect(left + x, line - sprite.get_height(), *sprite.get_size())
                 for row in self.swells for sprite, x in row]
        return rects[0].unionall(rects[1:])


def _ragged(width: int, px: float, leg: int) -> np.ndarray:
    """Each column's edge of the tar on a leg, up or down from where it was sunk to (pixels):
    a few smooth runs across it."""
    x = np.arange(width) / max(1, width)
    wave = sum(hash01(TAR_SEED, leg, n) * np.sin(2 * np.pi * (n + 1.3) * x
                                                  + 6.3 * hash01(TAR_SEED, leg, n, 1))
               for n in range(3))
    return np.asarray(RAGGED * px * wave / 1.5)


def _swell(leg: Leg, step: int) -> tuple[pygame.Surface, int]:
    """The tar dragged up round `leg` at `step` of SWELLS, and its left column in her picture:
    a low, broad heap, its crest faintly lit (smooth: a row's share of its top pixel)."""
    wide = round((leg.right - leg.left) * SWELL_WIDE)
    high = SWELL_HIGH * leg.px * step / SWELLS
    rows = math.ceil(high) + 1
    across = 2 * (np.arange(wide) + 0.5) / wide - 1  # -1 to 1
    heights = high * (1 - across ** 2) ** 2 * (1 + 0.15 * np.sin(5.0 * across))
    above = rows - np.arange(rows)[None, :]  # each pixel's top, in rows over the line
    cover = np.clip(heights[:, None] - above + 1.0, 0.0, 1.0)
    crest = np.clip(1.0 - (heights[:, None] - above) / 2.0, 0.0, 1.0) * (cover > 0)
    sprite = pygame.Surface((wide, rows), pygame.SRCALPHA)
    colors = pygame.surfarray.pixels3d(sprite)
    for channel in range(3):
        colors[..., channel] = (TAR[channel] + (TAR_SHEEN[channel] - TAR[channel])
                                * crest).astype(np.uint8)
    del colors
    alpha = pygame.surfarray.pixels_alpha(sprite)
    alpha[:] = (255 * cover).astype(np.uint8)
    del alpha
    middle = (leg.left + leg.right) // 2
    return sprite, middle - wide // 2
