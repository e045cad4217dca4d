"""The light wipe: the sun's light comes back over the land, falling from the sky down over the
city and across the ground towards us (see light_front), the arriving scene revealed behind its
ragged edge across a narrow soft seam, the fresh light laid on what it has just reached."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pygame

from installation.core.cache import Bounded
from installation.visuals.base import Pieces, at_once, clamp01, s_curve
from installation.visuals.dissolve import Palette
from installation.visuals.light_front import LEVELS, Front, front, unwrapped
from installation.visuals.mask_cover import Cover, cover_palette
from installation.visuals.transitions import smoothstep

WIPE_SOFT = 0.026  # the seam's height down the picture, as a share of it (~28 px at 1080):
# over it one scene gives way to the other (a wide one showed the two scenes through each
# other: towers of one over the other, a double exposure)
WIPE_GLOW_BEHIND = 0.22  # the fresh light lies over this share of the height behind the
# seam, over the scene arriving, brightest where it has just reached
WIPE_GLOW_AHEAD = 0.04  # and a faint glow this far ahead of it, over the scene being left
WIPE_AHEAD = 0.3  # that glow's strength, of the light's (no bright line along the edge: a
# bright core along the front read as a rainbow or a planet's limb, on a ragged edge as fire)
WIPE_FADE = 1.6  # the fresh light fades behind the seam as s_curve to this power
WIPE_LIGHT = (90, 74, 52)  # a warm low sun at its strongest, on the seam
WIPE_RISE = 2.0  # the light comes up (and goes) over the first (last) 1 / (2 x this) of the way
CAPTION_FADE = 0.04  # a caption fades over this share of the picture's height near the light
LAYOUTS_KEPT = 4  # a light wipe's frame lays out three progresses (its own, where its pair's
# old scene and the next pair's new one show): kept apart, each is worked out once
LIGHT_LEAST = 2  # levels: fainter light is not laid (a step of 1 is unseen under the grain)
MIXED = 128  # a cell's kind for `Cells.areas`: neither scene whole in it (or lit, for light)
CLIP_MARGIN = 64  # rows: the arriving scene is drawn this much lower than where it shows (a
# layer that reads its picture back, as a ripple does, reads only pixels drawn for this frame)


@dataclass(frozen=True)
class Layout:
    """A light wipe's frame at one progress: the cover's palette of each wrapped fine level's
    share of the old scene and the light's of each coarse level; the areas that show only the
    old scene, only the new one, both, and the light."""

    palette: Palette
    light: Palette
    new_bottom: int  # the row after the last that shows any of the new scene
    old: list[pygame.Rect]
    new: list[pygame.Rect]
    mixed: list[pygame.Rect]
    lit: list[pygame.Rect]


def light_profile(across: np.ndarray, height: int, soft: float) -> np.ndarray:
    """The light's strength (0..1) `across` pixels behind the seam's middle (ahead of it:
    negative) in a picture `height` tall, its seam `soft` pixels tall: a faint glow ahead,
    rising over the seam to the fresh light over what it has just reached, fading behind."""
    x, edge = across / height, soft / 2 / height
    behind = s_curve(np.clip(1 - (x - edge) / WIPE_GLOW_BEHIND, 0.0, 1.0)) ** WIPE_FADE
    ahead = WIPE_AHEAD * s_curve(np.clip(1 + (x + edge) / WIPE_GLOW_AHEAD, 0.0, 1.0))
    rise = s_curve(np.clip((x + edge) / max(2 * edge, 1e-9), 0.0, 1.0))
    result: np.ndarray = np.where(x >= edge, behind, ahead + (1 - WIPE_AHEAD) * rise)
    return result


class LightWipe:
    """The sun's light comes back: the arriving scene is revealed where it reaches first, the
    sky, then down over the city to the ground and the near tar, the old scene giving way to
    it across a narrow soft seam along the front's ragged edge; the fresh light lies over
    what it has just reached (a faint glow just ahead), following the edge.

    A frame copies each cell of the picture from the scene it shows whole and mixes only the
    cells the seam crosses, through a cover made from the front's fine turns and a palette of
    the old scene's share; the light is the coarse turns through a palette of its strength,
    added over the cells it reaches."""

    def __init__(self, size: tuple[int, int], seed: int = 0) -> None:
        at_once(self.pieces(size, seed))

    def pieces(self, size: tuple[int, int], seed: int) -> Pieces:
        """Made in steps (ahead of the transition): the front, then the buffers."""
        self.front: Front = yield from front(size, seed)
        yield
        self.size = size
        self._cover = Cover(size)
        self._lit = pygame.Surface(size)
        self._span = max(self.front.span, 1.0)
        self._soft = min(1.0, WIPE_SOFT * size[1] / self._span)  # in turns (0..1)
        self._lead = (WIPE_GLOW_AHEAD * size[1] + 1) / self._span
        self._layouts: Bounded[float, Layout] = Bounded(LAYOUTS_KEPT)
        self._boxes: dict[tuple[int, int, int, int], tuple[int, int]] = {}

    def centre(self, progress: float) -> float:
        """Where the seam's middle is `progress` of the way, in the front's turns (0..1):
        at 0 so far before the first that the glow ahead of it is not yet in the picture,
        at 1 past the last (the light comes first: the new scene once it has)."""
        soft, lead = self._soft, self._lead
        return -soft / 2 - lead + smoothstep(progress) * (1 + soft + lead)

    def turned(self, progress: float) -> np.ndarray:
        """Each fine turn's share of the new scene (0..1) `progress` of the way: none at 0,
        all at 1, the seam's soft edge WIPE_SOFT of the picture's height tall."""
        turns = LEVELS * self.front.steps
        t = np.arange(turns) / (turns - 1)
        result: np.ndarray = s_curve(np.clip((self.centre(progress) - t) / self._soft + 0.5,
                                             0.0, 1.0))
        return result

    def shares(self, progress: float) -> np.ndarray:
        """Each pixel's share of the new scene, 0..255 (an (x, y) array), `progress` of the
        way: what the frame mixes (the turns read whole, not wrapped)."""
        turns = unwrapped(self.front.coarse, pygame.surfarray.array2d(self.front.fine),
                          self.front.steps)
        result: np.ndarray = np.round(self.turned(progress) * 255)[turns]
        return result

    def strength(self, progress: float) -> float:
        """The light's strength `progress` of the way (0..1): up at the start, down at the
        end."""
        return min(1.0, WIPE_RISE * math.sin(math.pi * clamp01(progress)))

    def lights(self, progress: float) -> np.ndarray:
        """Each coarse level's light (0..1 of WIPE_LIGHT) `progress` of the way."""
        middles = (np.arange(LEVELS) + 0.5) / LEVELS
        across = (self.centre(progress) - middles) * self._span
        result: np.ndarray = light_profile(across, self.size[1], self._soft * self._span) * \
            self.strength(progress)
        return result

    def layout(self, progress: float) -> Layout:
        """The frame's palettes and areas `progress` of the way (kept for the last few asked:
        a frame asks for its own, its pair's and the next pair's)."""
        kept = self._layouts.get(progress)
        if kept is not None:
            return kept
        shares, fine = np.round(self.turned(progress) * 255).astype(int), self.front.steps
        # Each wrapped fine level read as the one nearest the seam (the mixed cells hold
        # none further than 128 from it).
        wrapped = np.arange(LEVELS)
        centre = self.centre(progress) * (LEVELS * fine - 1)
        rounds = np.clip(np.round((centre - wrapped) / LEVELS), 0, fine - 1).astype(int)
        light = self.lights(progress)
        rgb = np.round(light[:, None] * np.array(WIPE_LIGHT)[None, :]).astype(int)
        rgb[rgb.max(axis=1) < LIGHT_LEAST] = 0  # the glow's faint tail, unseen under grain
        # A cell is old whole if its first fine turn has not begun to turn, new whole if its
        # last has turned whole (see Cells.areas: what rises with the level).
        first, last = shares[::fine], shares[fine - 1::fine]
        old, new, mixed = self.front.cells.areas(
            np.where(first == 0, 255, np.where(last == 255, 0, MIXED)))
        lit = np.flatnonzero(rgb.max(axis=1))
        lit_areas = [] if not lit.size else self.front.cells.areas(np.where(
            np.arange(LEVELS) > lit[-1], 255, np.where(np.arange(LEVELS) < lit[0], 0,
                                                       MIXED)))[2]
        shown = [area.bottom for area in (*new, *mixed)]
        made = Layout(cover_palette(shares[wrapped + LEVELS * rounds] / 255),
                      [(r, g, b) for r, g, b in rgb.tolist()], max(shown, default=0),
                      stacked(old), stacked(new), mixed, stacked(lit_areas))
        return self._layouts.put(progress, made)

    def showing(self, progress: float) -> tuple[bool, bool]:
        """Does each scene (old, new) show anywhere in the picture `progress` of the way: the
        old one while the last turn has not turned whole, the new one once the first has
        begun to? (Asked for every tick as a scene is built ahead: no layout.)"""
        last = LEVELS * self.front.steps - 1
        return self._share(progress, last) < 255, self._share(progress, 0) > 0

    def _share(self, progress: float, turn: int) -> int:
        """The new scene's share (0..255) of a fine turn `progress` of the way (as `turned`)."""
        t = turn / (LEVELS * self.front.steps - 1)
        return round(float(s_curve(min(1.0, max(0.0, (self.centre(progress) - t)
                                                / self._soft + 0.5)))) * 255)

    def old_area(self, progress: float) -> pygame.Rect:
        """Where the old scene is drawn: the whole picture (its tar mirrors the sky and the
        shore above it, which the light may have passed: drawn only below the light, its
        reflection was of what the frames before had left there)."""
        del progress
        return pygame.Rect((0, 0), self.size)

    def new_area(self, progress: float) -> pygame.Rect:
        """Where the new scene is drawn: down to the last row it shows in (with CLIP_MARGIN),
        all that its mirrors read lying above."""
        width, height = self.size
        return pygame.Rect(0, 0, width, min(height, self.layout(progress).new_bottom
                                            + CLIP_MARGIN))

    def caption_shares(self, box: pygame.Rect, progress: float) -> tuple[float, float]:
        """How strongly a caption lying over `box` shows `progress` of the way, for the scene
        being left and the one arriving: the leaving scene's words go as the light comes near
        them, the arriving scene's come once it has passed them (never words over the other
        scene, nor washed out under the light)."""
        first, last = (turn * self._span / LEVELS for turn in self._box_turns(box))
        centre, soft = self.centre(progress) * self._span, self._soft * self._span / 2
        reached = centre + soft + self._lead * self._span  # the glow's reach ahead
        passed = centre - soft - (WIPE_GLOW_BEHIND * self.size[1]
                                  if self.strength(progress) > 0 else 0.0)
        fade = CAPTION_FADE * self.size[1]
        return clamp01((first - reached) / fade), clamp01((passed - last) / fade)

    def _box_turns(self, box: pygame.Rect) -> tuple[int, int]:
        """The first coarse turn within `box` and the one after its last (kept for each box
        asked)."""
        key = (box.left, box.top, box.width, box.height)
        if key not in self._boxes:
            inside = box.clip(pygame.Rect((0, 0), self.size))
            if not inside.width or not inside.height:
                self._boxes[key] = LEVELS, -1
            else:
                turns = self.front.coarse[inside.left:inside.right, inside.top:inside.bottom]
                self._boxes[key] = int(turns.min()), int(turns.max()) + 1
        return self._boxes[key]

    def apply(self, surface: pygame.Surface, old: pygame.Surface | None,
              new: pygame.Surface | None, progress: float) -> None:
        """The frame `progress` of the way, cell by cell: each scene copied where it shows
        whole, the new one under the cells that show both and the old one laid over them
        through the cover, then the light added where it reaches. A scene that does not show
        (`showing`) may be None (with neither, only the light is added)."""
        made = self.layout(progress)
        copies: list[tuple[pygame.Surface, pygame.Rect, pygame.Rect]] = []
        if old is not None:
            copies += [(old, area, area) for area in made.old]
        if new is not None:
            copies += [(new, area, area) for area in (*made.new, *made.mixed)]
        surface.blits(copies, doreturn=False)
        if made.mixed and old is not None and new is not None:
            self._cover.make(self.front.fine, made.palette, old, made.mixed)
            surface.blits([(self._cover.surface, area, area) for area in made.mixed],
                          doreturn=False)
        if made.lit:
            self.front.levels.set_palette(made.light)
            self._lit.blits([(self.front.levels, area, area) for area in made.lit],
                            doreturn=False)
            surface.blits([(self._lit, area, area, pygame.BLEND_RGB_ADD)
                           for area in made.lit], doreturn=False)


def stacked(areas: list[pygame.Rect]) -> list[pygame.Rect]:
    """`areas` (runs of cells, row by row) with each run that lies right under one the same
    width joined to it: a copy of a whole band of rows is one blit, not one a row of cells."""
    joined: list[pygame.Rect] = []
    last: dict[tuple[int, int], int] = {}  # each run's left and width: its latest in `joined`
    for area in areas:
        at = last.get((area.left, area.width))
        if at is not None and joined[at].bottom == area.top:
            joined[at] = joined[at].union(area)
        else:
            last[(area.left, area.width)] = len(joined)
            joined.append(area)
    return joined
