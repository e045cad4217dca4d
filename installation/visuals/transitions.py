"""How one scene gives way to the next: cut, crossfade, dips, flash, dissolve, light wipe."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pygame

from installation.core.cache import Bounded
from installation.visuals.base import Pieces, at_once, clamp01, gray, red, s_curve
from installation.visuals.fills import copy_column
from installation.visuals.light_front import FINE, LEVELS, LIGHT_ROWS, Front, front, unwrapped

DIP_OVERLAP = 0.5  # the new scene starts rising half way, once the old one has sunk to black
# (started sooner, the two showed through each other in the dark: a faint double exposure)
SHARES_TOLERANCE = 1e-9  # shares that add up to one are a plain mix
MASKED = ("dissolve", "light-wipe")  # the new scene takes over spot by spot, not by fading
DISSOLVE_CELL = 4  # the dissolve's thresholds are ranked at 1/4 size, then smoothed up
DISSOLVE_SOFT = 0.14  # the width of its soft edge, as a share of the thresholds' range
DISSOLVE_OCTAVES = ((12, 7, 1.0), (28, 16, 0.35), (64, 36, 0.08))  # grid w, h, weight
DISSOLVE_SEARCH = 24  # halvings to find the ramp's place for a share turned
DISSOLVE_RISE = 1.6  # the new scene rises from the foot of the picture: the sky turns last
DISSOLVE_AREA = (64, 16)  # columns, rows: the picture's cells, each copied from the scene it
# shows whole at a frame's progress, and mixed through the cover only where it shows both
WIPE_SOFT = 0.014  # the seam's width across the picture, as a share of it: over it one scene
# gives way to the other (at 0.08, squeezed wider where the front leaned, the two scenes showed
# through each other over a wide band: towers of one over the other, a double exposure)
WIPE_CORE = 0.045  # the light's bright core reaches this share of the width either side of
# the seam (it lies over the seam: the narrow edge where the scenes meet is under the light)
WIPE_GLOW_AHEAD = 0.13  # its glow reaches this share of the width ahead of the seam, over
# the scene being left (the night warms as the dawn nears)
WIPE_GLOW_BEHIND = 0.06  # and fades out over this share behind it, over the scene arriving
WIPE_GLOW = 0.5  # the glow's share of the light on the seam (the core's is the rest)
WIPE_LIGHT = (150, 120, 80)  # a warm low sun at its strongest, on the seam
WIPE_RISE = 2.0  # the light comes up (and goes) over the first (last) 1 / (2 x this) of the way
CAPTION_FADE = 0.04  # a caption fades over this share of the picture's width beside the light
LAYOUTS_KEPT = 4  # a light wipe's frame lays out three progresses (its own, where its pair's
# old scene and the next pair's new one show): kept apart, each is worked out once
CLIP_MARGIN = 64  # columns: a scene is drawn this much wider than where it shows (a layer
# that reads its picture back, as a ripple does, reads only pixels drawn for this frame)
WHITE_ROWS = 30  # a dip through white is laid in bands of this many rows, all alike
Draw = Callable[[pygame.Surface], None]
Key = tuple[object, ...]  # everything that decides a held picture (compared by equality)
Palette = list[tuple[int, int, int]]
Areas = tuple[list[pygame.Rect], list[pygame.Rect], list[pygame.Rect]]  # old, new, both


def smoothstep(t: float) -> float:
    return s_curve(clamp01(t))


def weights(kind: str, progress: float) -> tuple[float, float, float]:
    """(previous, next, white) shares of the picture at a transition's progress 0..1."""
    p = clamp01(progress)
    if kind == "cut":
        return 0.0, 1.0, 0.0
    if kind in ("crossfade", *MASKED):  # a masked one's share of the picture
        w = smoothstep(p)
        return 1.0 - w, w, 0.0
    if kind in ("dip-to-black", "dip-to-white"):
        span = 1.0 - DIP_OVERLAP
        old = 1.0 - smoothstep(p / span)
        new = smoothstep((p - DIP_OVERLAP) / span)
        white = 1.0 - old - new if kind == "dip-to-white" else 0.0
        return old, new, white
    if kind == "flash":
        white = (1.0 - p) ** 1.5
        w = smoothstep(p)
        return (1.0 - w) * (1.0 - white), w * (1.0 - white), white
    raise ValueError(f"unknown transition {kind!r}")


def level(share: float) -> int:
    """A share of the picture (0..1) as the 0..255 level it is multiplied by."""
    return max(0, min(255, round(share * 255)))


def scale(surface: pygame.Surface, share: float) -> None:
    """Dim the picture to `share` of its brightness, in place."""
    value = level(share)
    if value < 255:
        surface.fill((value, value, value), special_flags=pygame.BLEND_RGB_MULT)


def add_white(surface: pygame.Surface, white: float, area: pygame.Rect | None = None) -> None:
    """Add a share of white light to the picture (or to `area` of it), in place."""
    value = level(white)
    if value > 0:
        surface.fill((value, value, value), area, special_flags=pygame.BLEND_RGB_ADD)


def shares(kind: str, progress: float) -> tuple[float, float, float]:
    """`weights`, a plain mix's two made to add up to 255 levels (where both scenes show the
    same pixel, as under the one sky, the mix stays within a level of itself)."""
    old, new, white = weights(kind, progress)
    if abs(old + new - 1.0) < SHARES_TOLERANCE:
        old = 1.0 - level(new) / 255
    return old, new, white


def shown(kind: str, progress: float) -> tuple[bool, bool]:
    """Does each scene (previous, next) show at all at this progress? (A masked one shows
    only the old scene as it begins and only the new one as it ends.)"""
    if kind in MASKED:
        return progress < 1.0, progress > 0.0
    old, new, _white = shares(kind, progress)
    return level(old) > 0, level(new) > 0


def clipped(draw: Draw, area: pygame.Rect | None) -> Draw:
    """`draw`, kept within `area` of its target (the whole of it without an area): a scene
    that shows only there is drawn only there (what its layers blit; the rest is left as it
    was, never shown)."""
    if area is None:
        return draw

    def inside(target: pygame.Surface) -> None:
        kept = target.get_clip()
        target.set_clip(area)
        try:
            draw(target)
        finally:
            target.set_clip(kept)
    return inside


class Held:
    """One scene's picture kept from the frame that drew it, named by a key that says
    everything that decides it: a later frame asking with the same key gets it undrawn."""

    def __init__(self, size: tuple[int, int], flags: int = 0) -> None:
        self.surface = pygame.Surface(size, flags)
        self.key: Key | None = None

    def get(self, key: Key, draw: Draw) -> pygame.Surface:
        """The picture named `key`, drawn with `draw` unless it is the one held."""
        if key != self.key:
            self.change(key, draw)
        return self.surface

    def change(self, key: Key, draw: Draw) -> None:
        """Draw over the picture held (as in dimming it), then hold it under `key`."""
        self.key = None  # a draw that raises leaves nothing half drawn behind
        draw(self.surface)
        self.key = key

    def forget(self) -> None:
        """Hold nothing (the key names the scenes it was drawn from: kept, it kept them)."""
        self.key = None


def blend(surface: pygame.Surface, spare: pygame.Surface, kind: str, progress: float,
          draw_old: Draw, draw_new: Draw) -> None:
    """The transition's frame in `surface` (`spare`, of the same size, is scribbled on): each
    scene drawn at its share and the two added; a scene whose share rounds to nothing is not
    drawn. (Two multiplies and an add cost ~3 opaque blits; one alpha blend of the new over
    the old ~4.)"""
    old, new, white = shares(kind, progress)
    if level(new) == 0:  # only the scene being left shows (or nothing, mid-dip)
        if level(old) == 0:
            surface.fill((0, 0, 0))
            add_white(surface, white)
        else:
            draw_old(surface)
            light(surface, old, white)
    elif level(old) == 0:
        draw_new(surface)
        light(surface, new, white)
    else:
        draw_new(surface)
        scale(surface, new)
        draw_old(spare)
        scale(spare, old)
        surface.blit(spare, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
        add_white(surface, white)


def light(surface: pygame.Surface, share: float, white: float) -> None:
    """Dim the picture to `share` of its brightness and add a share of white light, in place:
    with both, one premultiplied blend of a band of white laid down the picture (each pixel
    within a level of the multiply and the add; one pass over the picture, not two)."""
    value, glow = level(share), level(white)
    if glow == 0 or value == 255:
        scale(surface, share)
        add_white(surface, white)
        return
    width, height = surface.get_size()
    band = pygame.Surface((width, min(WHITE_ROWS, height)), pygame.SRCALPHA)
    band.fill((glow, glow, glow, 255 - value))  # white over the rest: `value` of it shows
    surface.fblits([(band, (0, top)) for top in range(0, height, band.get_height())],
                   pygame.BLEND_PREMULTIPLIED)


def premultiply(surface: pygame.Surface, old_share: float, new_share: float) -> None:
    """Make the new scene's picture (drawn opaque on a surface with alpha) ready to be laid
    over the old one's by `lay_over`: its colour dimmed to its share and its alpha what it
    takes of the old scene (one pass, in place)."""
    new_value, old_value = level(new_share), level(old_share)
    surface.fill((new_value, new_value, new_value, 255 - old_value),
                 special_flags=pygame.BLEND_RGBA_MULT)


def lay_over(old: pygame.Surface, new: pygame.Surface, white: float) -> None:
    """A fade's frame, made over the old scene's picture: the new one (`premultiply`d)
    blended over it, each at its share in one pass (where both show the same pixel, within a
    level of it), then the white."""
    old.blit(new, (0, 0), special_flags=pygame.BLEND_PREMULTIPLIED)
    add_white(old, white)


def cover_palette(turned: np.ndarray) -> list[tuple[int, int, int]]:
    """A palette of each level's share of the old scene (what has not turned, of `turned`
    0..1 a level), 0..255 in blue (red and green white, to multiply the old scene by)."""
    shares = np.clip(np.round(np.asarray(turned) * 255), 0, 255)
    return [(255, 255, 255 - share) for share in shares.astype(int).tolist()]


class Cover:
    """The old scene's picture, its alpha each pixel's share of it from an 8-bit picture of
    levels and a palette of shares (`cover_palette`): laid over the new scene, the frame.

    One buffer seen two ways: the palette's blit writes the mask into its last byte (blue,
    seen as A, R, G, B), which the other view (B, G, R, A) reads as alpha."""

    def __init__(self, size: tuple[int, int]) -> None:
        self._buffer = bytearray(size[0] * size[1] * 4)
        self._mask = pygame.image.frombuffer(self._buffer, size, "ARGB")
        self.surface = pygame.image.frombuffer(self._buffer, size, "BGRA")

    def make(self, levels: pygame.Surface, palette: list[tuple[int, int, int]],
             old: pygame.Surface, areas: list[pygame.Rect]) -> None:
        """The cover over `areas` (elsewhere it keeps what it had)."""
        levels.set_palette(palette)
        self._mask.blits([(levels, area, area) for area in areas],
                         doreturn=False)  # alpha: the share of the old scene
        # White (an opaque blit fills the rest), times the old scene; keeps the alpha.
        self.surface.blits([(old, area, area, pygame.BLEND_RGB_MULT) for area in areas],
                           doreturn=False)


@dataclass(frozen=True)
class Cells:
    """The dissolve's thresholds, cell by cell (DISSOLVE_AREA): each cell's lowest and
    highest level, and where it lies."""

    low: np.ndarray  # (rows, columns) of cells
    high: np.ndarray
    rects: list[list[pygame.Rect]]  # each row of cells' rects

    @staticmethod
    def of(levels: np.ndarray) -> Cells:
        """The cells of a picture of levels (an (x, y) array)."""
        width, height = levels.shape
        across, down = DISSOLVE_AREA
        columns, rows = np.arange(0, width, across), np.arange(0, height, down)
        low = np.minimum.reduceat(np.minimum.reduceat(levels, columns, axis=0), rows, axis=1)
        high = np.maximum.reduceat(np.maximum.reduceat(levels, columns, axis=0), rows, axis=1)
        return Cells(low.T, high.T, [[pygame.Rect(int(left), int(top), min(across, width - left),
                                                  min(down, height - top)) for left in columns]
                                     for top in rows])

    def areas(self, alpha: np.ndarray) -> Areas:
        """The runs of cells along each row that show only the old scene, only the new one,
        and both, given each level's alpha (the old scene's share, 0..255: it rises with the
        level)."""
        kinds = np.where(alpha[self.low] == 255, OLD, np.where(alpha[self.high] == 0, NEW, BOTH))
        found: dict[int, list[pygame.Rect]] = {OLD: [], NEW: [], BOTH: []}
        for row, rects in zip(kinds.tolist(), self.rects, strict=True):
            start = 0
            for end in range(1, len(row) + 1):
                if end == len(row) or row[end] != row[start]:
                    found[row[start]].append(rects[start].union(rects[end - 1]))
                    start = end
        return found[OLD], found[NEW], found[BOTH]


OLD, NEW, BOTH = 0, 1, 2  # what a cell of a dissolve shows


class Dissolve:
    """A noise-threshold dissolve: each spot turns to the new scene when the progress passes
    its threshold; the thresholds are smooth noise, so the new scene spreads in blots.

    The thresholds are ranked at a quarter size, enlarged smoothly once to the full size and
    kept as an 8-bit picture; a frame only changes its 256-entry palette (a soft ramp around
    the progress) and blits it into the alpha of a copy of the old scene, laid over the new:
    a soft edge a few pixels wide at full resolution, no per-pixel work in Python.
    """

    def __init__(self, size: tuple[int, int], seed: int) -> None:
        at_once(self.pieces(size, seed))

    def pieces(self, size: tuple[int, int], seed: int) -> Pieces:
        """Made in steps (ahead of the transition): the noise, its ranking, the enlarging,
        each level's share, then the cells' lowest and highest levels."""
        small = (max(1, size[0] // DISSOLVE_CELL), max(1, size[1] // DISSOLVE_CELL))
        rng = np.random.default_rng(seed)
        field = np.zeros(small)
        for grid_w, grid_h, weight in DISSOLVE_OCTAVES:
            coarse = gray((rng.random((grid_w, grid_h)) * 255).astype(np.uint8))
            smooth = pygame.transform.smoothscale(coarse, small)
            field += weight * red(smooth)
        field -= DISSOLVE_RISE * 255 * np.linspace(0.0, 1.0, small[1])[None, :]  # low first
        yield
        # Ranks, not values: the thresholds spread evenly over 0..1.
        order = np.argsort(field, axis=None, kind="stable")
        ranks = np.empty(order.size)
        ranks[order] = np.arange(order.size) / max(1, order.size - 1)
        ranked = gray(np.round(ranks.reshape(small) * 255).astype(np.uint8))
        yield
        fine = pygame.transform.smoothscale(ranked, size) if small != size else ranked
        levels = red(fine)
        yield
        self.thresholds = pygame.Surface(size, depth=8)  # each pixel's level, 0..255
        pygame.surfarray.blit_array(self.thresholds, levels)
        yield
        # Smoothing bunches the levels up: each level's rank among the full-size pixels
        # (the share below it, and half its own), so at progress p a share p has turned.
        self.counts = np.bincount(levels.ravel(), minlength=256) / levels.size
        self.ranks = np.cumsum(self.counts) - self.counts / 2
        yield
        self.cells = Cells.of(levels)  # ~6 ms at 1080: a piece of its own
        yield
        self._cover = Cover(size)
        self._key: Key | None = None  # what the cover was made for
        self._areas: tuple[float, Palette, Areas] | None = None

    def alphas(self, progress: float) -> list[tuple[int, int, int]]:
        """The palette at this progress: each rank's share of the old scene (what has not yet
        turned), 0..255 in blue (red and green white, to multiply the old scene by);
        a ramp DISSOLVE_SOFT wide, placed so that the share of the picture turned is
        smoothstep(progress): nothing at 0, everything at 1."""
        target, low, high = smoothstep(progress), -DISSOLVE_SOFT / 2, 1.0 + DISSOLVE_SOFT / 2
        for _ in range(DISSOLVE_SEARCH):  # the ramp's centre that turns that share
            centre = (low + high) / 2
            if float(self.counts @ self._turned(centre)) < target:
                low = centre
            else:
                high = centre
        return cover_palette(self._turned((low + high) / 2))

    def _turned(self, centre: float) -> np.ndarray:
        """Each level's share turned with the soft ramp centred at `centre` (in ranks)."""
        return s_curve(np.clip((centre - self.ranks) / DISSOLVE_SOFT + 0.5, 0.0, 1.0))

    def apply(self, surface: pygame.Surface, key: Key, old: Callable[[], pygame.Surface],
              new: pygame.Surface, progress: float) -> None:
        """The frame `progress` of the way: each cell of the picture copied from the scene it
        shows whole (the old one from `old()`), the new one under the cells that show both
        and the old one laid over them through the cover (made, over those cells only, again
        only when asked with another `key`; the same bytes as the cover over the whole
        picture, which copies where its alpha is whole and leaves the new where it is none)."""
        palette, (old_rects, new_rects, mixed) = self._split(progress)
        fresh = key != self._key
        picture = old() if old_rects or (mixed and fresh) else None
        if fresh:
            self._key = None  # a draw that raises leaves nothing half made behind
            if picture is not None and mixed:
                self._cover.make(self.thresholds, palette, picture, mixed)
            self._key = key
        copies = [(new, area, area) for area in (*new_rects, *mixed)]
        if picture is not None:
            copies += [(picture, area, area) for area in old_rects]
        surface.blits(copies, doreturn=False)
        surface.blits([(self._cover.surface, area, area) for area in mixed], doreturn=False)

    def _split(self, progress: float) -> tuple[Palette, Areas]:
        """The palette and the cells' areas at this progress (kept for the last asked)."""
        if self._areas is None or self._areas[0] != progress:
            palette = self.alphas(progress)
            self._areas = progress, palette, self.cells.areas(
                np.array([blue for _red, _green, blue in palette]))
        return self._areas[1], self._areas[2]

    def forget(self) -> None:
        """Name no cover (its key names the scenes it was made from: kept, it kept them)."""
        self._key = None




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
