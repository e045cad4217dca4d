"""The light wipe: a low sun's light comes in from the left along a wandering front, the arriving
scene revealed behind it across a narrow soft seam, the light laid on the seam."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pygame

from installation.core.cache import Bounded
from installation.visuals.base import Pieces, at_once, clamp01, s_curve
from installation.visuals.fills import copy_column
from installation.visuals.light_front import FINE, LEVELS, LIGHT_ROWS, Front, front, unwrapped
from installation.visuals.mask_cover import Cover, cover_palette
from installation.visuals.transitions import level, smoothstep

WIPE_SOFT = 0.014  # the seam's width across the picture, as a share of it: over it one scene
# gives way to the other (at 0.08, squeezed wider where the front leaned, the two scenes showed
# through each other over a wide band: towers of one over the other, a double exposure)
WIPE_CORE = 0.035  # the light's bright core reaches this share of the width either side of
# the seam (it lies over the seam: the narrow edge where the scenes meet is under the light)
WIPE_GLOW_AHEAD = 0.2  # its glow reaches this share of the width ahead of the seam, over
# the scene being left (the night warms as the dawn nears)
WIPE_GLOW_BEHIND = 0.08  # and fades out over this share behind it, over the scene arriving
WIPE_GLOW = 0.9  # the glow's share of the light on the seam (the core's is the rest: at
# half, a bright narrow core along the curving front read as a rainbow or a planet's limb)
WIPE_LIGHT = (116, 96, 68)  # a warm low sun at its strongest, on the seam
WIPE_RISE = 2.0  # the light comes up (and goes) over the first (last) 1 / (2 x this) of the way
CAPTION_FADE = 0.04  # a caption fades over this share of the picture's width beside the light
LAYOUTS_KEPT = 4  # a light wipe's frame lays out three progresses (its own, where its pair's
# old scene and the next pair's new one show): kept apart, each is worked out once
CLIP_MARGIN = 64  # columns: a scene is drawn this much wider than where it shows (a layer
# that reads its picture back, as a ripple does, reads only pixels drawn for this frame)


@dataclass(frozen=True)
class Layout:
    """A light wipe's frame at one progress: the palette of each turn's share of the old
    scene; for each band of rows the first column that shows any of the old scene and the
    column after the last that shows any of the new; the light's strength and, for each
    group of LIGHT_ROWS rows, its first column (it lies on the seam)."""

    palette: list[tuple[int, int, int]]
    old_left: list[int]
    new_right: list[int]
    strength: int
    light: list[int]


def light_profile(across: np.ndarray, width: int) -> np.ndarray:
    """The light's strength (0..1) `across` pixels ahead of the seam (behind it: negative) in
    a picture `width` wide: a bright core over the seam, a glow further either side."""
    x = across / width
    reach = np.where(x < 0, WIPE_GLOW_BEHIND, WIPE_GLOW_AHEAD)
    glow = s_curve(np.clip(1 - np.abs(x) / reach, 0.0, 1.0))
    core = s_curve(np.clip(1 - np.abs(x) / WIPE_CORE, 0.0, 1.0))
    result: np.ndarray = WIPE_GLOW * glow + (1 - WIPE_GLOW) * core
    return result


class LightWipe:
    """A low sun's light comes in from the left: the arriving scene is revealed where it
    reaches first, the sky and the tops of towers before the ground and the tar (see
    light_front), the old scene giving way to it across a narrow soft seam that wanders
    with the front; the light lies on the seam, a bright core with a glow ahead and behind
    (slanting and wandering with it, no upright band).

    A frame copies each band of rows from the scene on its side and mixes only the columns
    where the seam crosses that band, through a cover made from the front's turns and a
    palette of the old scene's share; the light, the same along every row, is one row added
    down the picture a few rows at a time, each moved to where the seam crosses them."""

    def __init__(self, size: tuple[int, int], seed: int = 0) -> None:
        at_once(self.pieces(size, seed))

    def pieces(self, size: tuple[int, int], seed: int) -> Pieces:
        """Made in steps (ahead of the transition): the front, then the light's row."""
        self.front: Front = yield from front(size, seed)
        self.size = size
        self._cover = Cover(size)
        self._soft = WIPE_SOFT * size[0]  # the seam's width in pixels
        behind, ahead = (round(share * size[0]) for share in (WIPE_GLOW_BEHIND, WIPE_GLOW_AHEAD))
        rgb = (light_profile(np.arange(-behind, ahead + 1), size[0])[:, None, None]
               * np.array(WIPE_LIGHT)[None, None, :]).astype(np.uint8)
        self._behind, self._ahead = behind, ahead  # the light's columns either side of the seam
        self.light = pygame.Surface((rgb.shape[0], 1))  # one row at its strongest
        pygame.surfarray.blit_array(self.light, rgb)
        self._row = self.light.copy()
        self._lit = pygame.Surface((rgb.shape[0], min(size[1], LIGHT_ROWS)))
        self._strength = -1
        self._layouts: Bounded[float, Layout] = Bounded(LAYOUTS_KEPT)
        shown = self.front.new_right.max(axis=0) > 0  # each coarse turn, if the picture has it
        self._present = int(np.argmax(shown)), LEVELS - 1 - int(np.argmax(
            (self.front.old_left.min(axis=0) < size[0])[::-1]))

    def centre(self, progress: float) -> float:
        """Where the seam's middle is `progress` of the way, in the front's turns (0..1):
        at 0 so far before the first that the light ahead of it is not yet in the picture,
        at 1 past the last (the light comes first: the new scene once it has)."""
        span = max(self.front.span * self.size[0], self._soft)
        soft, lead = self._soft / span, (self._ahead + 1) / span
        return -soft / 2 - lead + smoothstep(progress) * (1 + soft + lead)

    def turned(self, progress: float) -> np.ndarray:
        """Each fine turn's share of the new scene (0..1) `progress` of the way: none at 0,
        all at 1, the seam's soft edge WIPE_SOFT of the picture's width wide."""
        soft = self._soft / max(self.front.span * self.size[0], self._soft)
        t = np.arange(LEVELS * FINE) / (LEVELS * FINE - 1)
        result: np.ndarray = s_curve(np.clip((self.centre(progress) - t) / soft + 0.5,
                                             0.0, 1.0))
        return result

    def shares(self, progress: float) -> np.ndarray:
        """Each pixel's share of the new scene, 0..255 (an (x, y) array), `progress` of the
        way: what the frame mixes (the turns read whole, not wrapped)."""
        turns = unwrapped(pygame.surfarray.array2d(self.front.levels),
                          pygame.surfarray.array2d(self.front.fine))
        result: np.ndarray = np.round(self.turned(progress) * 255)[turns]
        return result

    def layout(self, progress: float) -> Layout:
        """The frame's palette and columns `progress` of the way (kept for the last few asked:
        a frame asks for its own, its pair's and the next pair's)."""
        kept = self._layouts.get(progress)
        if kept is not None:
            return kept
        shares = np.round(self.turned(progress) * 255)
        front, width = self.front, self.size[0]
        old_from = np.flatnonzero(shares[FINE - 1::FINE] < 255)  # coarse turns with old
        new_to = np.flatnonzero(shares[::FINE] > 0)
        old_left = front.old_left[:, old_from[0]] if old_from.size else np.full(
            len(front.rows), width)
        new_right = front.new_right[:, new_to[-1]] if new_to.size else np.zeros(
            len(front.rows), dtype=int)
        # Each wrapped fine turn read as the one nearest the seam (the mixed columns hold
        # none further than 128 from it).
        wrapped = np.arange(LEVELS)
        centre = self.centre(progress) * (LEVELS * FINE - 1)
        rounds = np.clip(np.round((centre - wrapped) / LEVELS), 0, FINE - 1).astype(int)
        made = Layout(cover_palette(shares[wrapped + LEVELS * rounds] / 255),
                      old_left.tolist(), new_right.tolist(),
                      level(min(1.0, WIPE_RISE * math.sin(math.pi * clamp01(progress)))),
                      (self._seam(self.centre(progress)) - self._behind).tolist())
        return self._layouts.put(progress, made)

    def _seam(self, centre: float) -> np.ndarray:
        """Where the seam's middle lies (whole pixels across) in each group of LIGHT_ROWS
        rows, with it at `centre` (in the front's turns, 0..1)."""
        at = centre * LEVELS
        turn = min(LEVELS - 1, max(0, math.floor(at)))
        seam = self.front.seam
        result: np.ndarray = np.round(seam[:, turn] + (at - turn) * (
            seam[:, turn + 1] - seam[:, turn])).astype(int)
        return result

    def showing(self, progress: float) -> tuple[bool, bool]:
        """Does each scene (old, new) show anywhere in the picture `progress` of the way: the
        old one while its last turn in the picture has not turned whole, the new one once its
        first has begun to? (Asked for every tick as a scene is built ahead: no layout.)"""
        first, last = self._present
        return (self._share(progress, last * FINE + FINE - 1) < 255,
                self._share(progress, first * FINE) > 0)

    def _share(self, progress: float, turn: int) -> int:
        """The new scene's share (0..255) of a fine turn `progress` of the way (as `turned`)."""
        soft = self._soft / max(self.front.span * self.size[0], self._soft)
        t = turn / (LEVELS * FINE - 1)
        return round(float(s_curve(min(1.0, max(0.0, (self.centre(progress) - t) / soft
                                                 + 0.5)))) * 255)

    def old_area(self, progress: float) -> pygame.Rect:
        """The columns the old scene shows in (with CLIP_MARGIN, from an aligned column)."""
        width, height = self.size
        left = copy_column(max(0, min(self.layout(progress).old_left) - CLIP_MARGIN))
        return pygame.Rect(left, 0, width - left, height)

    def new_area(self, progress: float) -> pygame.Rect:
        """The columns the new scene shows in (with CLIP_MARGIN)."""
        width, height = self.size
        right = min(width, max(self.layout(progress).new_right) + CLIP_MARGIN)
        return pygame.Rect(0, 0, right, height)

    def _light_span(self, made: Layout) -> tuple[int, int]:
        """The light's first column and the one after its last, in any row (its whole reach
        across)."""
        return min(made.light), max(made.light) + self.light.get_width()

    def caption_shares(self, span: tuple[int, int], progress: float) -> tuple[float, float]:
        """How strongly a caption lying across `span` (left, right pixels) shows `progress`
        of the way, for the scene being left and the one arriving: the leaving scene's words
        go as the light comes near them, the arriving scene's come once it has passed them
        (never words over the other scene, nor washed out under the light)."""
        made = self.layout(progress)
        fade = CAPTION_FADE * self.size[0]
        light_from, light_to = self._light_span(made)
        reached = max(*made.new_right, light_to) if made.strength else max(made.new_right)
        passed = min(*made.old_left, light_from) if made.strength else min(made.old_left)
        return clamp01((span[0] - reached) / fade), clamp01((passed - span[1]) / fade)

    def apply(self, surface: pygame.Surface, old: pygame.Surface | None,
              new: pygame.Surface | None, progress: float) -> None:
        """The frame `progress` of the way, band by band: the old scene copied from where it
        shows whole (from an aligned column), the new one over it up to where it stops, the
        old one laid over the seam through the cover, then the light added along the front.
        A scene that does not show (`showing`) may be None."""
        made, width = self.layout(progress), self.size[0]
        copies: list[tuple[pygame.Surface, tuple[int, int], pygame.Rect]] = []
        mixed: list[pygame.Rect] = []
        for (top, bottom), left, right in zip(self.front.rows, made.old_left, made.new_right,
                                              strict=True):
            start = copy_column(left)
            both = old is not None and new is not None and left < right
            if old is not None and left < width:  # (not under the seam: the cover lays it)
                ahead = copy_column(right) if both else start
                copies.append((old, (ahead, top), pygame.Rect(ahead, top, width - ahead,
                                                              bottom - top)))
            if new is not None and right > 0:
                copies.append((new, (0, top), pygame.Rect(0, top, right, bottom - top)))
            if both:
                mixed.append(pygame.Rect(start, top, right - start, bottom - top))
        surface.blits(copies, doreturn=False)
        if mixed and old is not None:
            self._cover.make(self.front.fine, made.palette, old, mixed)
            surface.blits([(self._cover.surface, area, area) for area in mixed], doreturn=False)
        if made.strength:
            lit = self._lit_rows(made.strength)
            surface.fblits([(lit, (left, top)) for top, left in
                            zip(range(0, self.size[1], LIGHT_ROWS), made.light, strict=True)],
                           pygame.BLEND_RGB_ADD)

    def _lit_rows(self, strength: int) -> pygame.Surface:
        """The light at `strength` (0..255), made again only when that changes: its one row
        dimmed, then stretched down LIGHT_ROWS rows (every row the same)."""
        if self._strength != strength:
            self._row.blit(self.light, (0, 0))
            self._row.fill((strength, strength, strength), special_flags=pygame.BLEND_RGB_MULT)
            pygame.transform.scale(self._row, self._lit.get_size(), self._lit)
            self._strength = strength
        return self._lit
