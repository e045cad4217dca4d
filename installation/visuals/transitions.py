"""How one scene gives way to the next: cut, crossfade, dips, flash, dissolve, light wipe."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
import pygame

from installation.visuals.base import Pieces, at_once, clamp01, gray, red, s_curve
from installation.visuals.fills import copy_column

DIP_OVERLAP = 0.5  # the new scene starts rising half way, once the old one has sunk to black
# (started sooner, the two showed through each other in the dark: a faint double exposure)
SHARES_TOLERANCE = 1e-9  # shares that add up to one are a plain mix
MASKED = ("dissolve", "light-wipe")  # the new scene takes over spot by spot, not by fading
DISSOLVE_CELL = 4  # the dissolve's thresholds are ranked at 1/4 size, then smoothed up
DISSOLVE_SOFT = 0.14  # the width of its soft edge, as a share of the thresholds' range
DISSOLVE_OCTAVES = ((12, 7, 1.0), (28, 16, 0.35), (64, 36, 0.08))  # grid w, h, weight
DISSOLVE_SEARCH = 24  # halvings to find the ramp's place for a share turned
DISSOLVE_RISE = 1.6  # the new scene rises from the foot of the picture: the sky turns last
WIPE_BAND = 0.16  # the light's width, as a share of the picture's width
WIPE_SEAM = 0.5  # the share of it, about its middle, over which one scene gives way to the
# other: where the light is strongest (over the whole band, what stood in the scenes side by
# side showed as a ghost of one over the other for a second)
CAPTION_FADE = 0.5  # a caption fades over this share of half the light's width beside it
WIPE_LIGHT = (170, 150, 120)  # a warm light at its brightest, like a car's beam passing
WHITE_ROWS = 30  # a dip through white is laid in bands of this many rows, all alike
MIX_ROWS = 32  # a crossfade is mixed in bands of this many rows (~0.25 MB of frame: in cache)
WIPE_LIGHT_ROWS = 60  # its rows are all alike: this many made, added down the picture in turn
Draw = Callable[[pygame.Surface], None]
Key = tuple[object, ...]  # everything that decides a held picture (compared by equality)


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


class Held:
    """One scene's picture kept from the frame that drew it, named by a key that says
    everything that decides it: a later frame asking with the same key gets it undrawn."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.surface = pygame.Surface(size)
        self.key: Key | None = None

    def get(self, key: Key, draw: Draw) -> pygame.Surface:
        """The picture named `key`, drawn with `draw` unless it is the one held."""
        if key != self.key:
            self.key = None  # a draw that raises leaves nothing half drawn behind
            draw(self.surface)
            self.key = key
        return self.surface

    @contextmanager
    def making(self, key: Key, draw: Draw) -> Iterator[tuple[pygame.Surface, bool]]:
        """The picture named `key` and whether it was drawn now (then the block finishes it,
        as in dimming it): held under that key only once the block is done."""
        fresh = key != self.key
        if fresh:
            self.key = None  # a draw or a block that raises leaves nothing half made behind
            draw(self.surface)
        yield self.surface, fresh
        self.key = key

    def spend(self) -> pygame.Surface:
        """The picture held, given up to be drawn over (held no longer)."""
        self.key = None
        return self.surface

    def take(self, key: Key, other: Held) -> None:
        """Hold `other`'s picture under `key` (made there: taken, not copied); `other` gets
        this one's surface, holding nothing."""
        self.surface, other.surface = other.surface, self.surface
        self.key, other.key = key, None


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


def mix(surface: pygame.Surface, new: pygame.Surface, new_share: float,
        old: pygame.Surface, old_share: float, white: float, kept: pygame.Surface) -> None:
    """The frame of `blend` from the two scenes' pictures, each dimmed here to its share (the
    old one in place), in `surface` and copied to `kept`: the same pixels as a dim of each,
    an add and the white over the whole picture (see `fold`)."""
    kept.blit(new, (0, 0))
    scale(kept, new_share)
    fold(kept, old, old_share, white, surface)


def fold(mixed: pygame.Surface, old: pygame.Surface, old_share: float, white: float,
         shown: pygame.Surface) -> None:
    """A fade's frame from the new scene's picture already dimmed to its share (`mixed`,
    where the frame is made) and the old one's, dimmed here to its share in place: the old
    added, then the white, and the frame copied to `shown`; a band of rows at a time (each
    band's passes stay in the cache): two passes and a copy (the new scene is dimmed apart,
    on the tick that drew it, or by `mix`)."""
    old_value = level(old_share)
    width, height = mixed.get_size()
    for top in range(0, height, MIX_ROWS):
        band = pygame.Rect(0, top, width, min(MIX_ROWS, height - top))
        if old_value < 255:
            old.fill((old_value,) * 3, band, special_flags=pygame.BLEND_RGB_MULT)
        mixed.blit(old, band, band, special_flags=pygame.BLEND_RGB_ADD)
        add_white(mixed, white, band)
        shown.blit(mixed, band, band)


def columns_where(flags: np.ndarray) -> tuple[int, int]:
    """The first column where `flags` holds and the one after its last (a span of them; the
    first column alone if it holds nowhere, as in a band too narrow to light)."""
    found = np.flatnonzero(flags)
    return (int(found[0]), int(found[-1]) + 1) if found.size else (0, 1)


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
        then each level's share."""
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
        # One buffer seen two ways: the palette's blit writes the mask into its last byte
        # (blue, seen as A, R, G, B), which the other view (B, G, R, A) reads as alpha.
        self._buffer = bytearray(size[0] * size[1] * 4)
        self._mask = pygame.image.frombuffer(self._buffer, size, "ARGB")
        self._cover = pygame.image.frombuffer(self._buffer, size, "BGRA")
        self._key: Key | None = None  # what the cover was made for

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
        shares = np.clip(np.round(self._turned((low + high) / 2) * 255), 0, 255)
        return [(255, 255, 255 - share) for share in shares.astype(int).tolist()]

    def _turned(self, centre: float) -> np.ndarray:
        """Each level's share turned with the soft ramp centred at `centre` (in ranks)."""
        return s_curve(np.clip((centre - self.ranks) / DISSOLVE_SOFT + 0.5, 0.0, 1.0))

    def cover(self, key: Key, old: Callable[[], pygame.Surface],
              progress: float) -> pygame.Surface:
        """The old scene's picture (`old()`), its alpha its share at `progress`: laid over the
        new scene, it makes the frame. Made again only when asked with another `key`."""
        if key != self._key:
            self._key = None  # a draw that raises leaves nothing half made behind
            picture = old()
            self.thresholds.set_palette(self.alphas(progress))
            self._mask.blit(self.thresholds, (0, 0))  # alpha: the share of the old scene
            # White (an opaque blit fills the rest), times the old scene; keeps the alpha.
            self._cover.blit(picture, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
            self._key = key
        return self._cover


class LightWipe:
    """A band of warm light sweeps left to right; behind it the new scene, ahead the old,
    the one giving way to the other softly across the band (no seam under the light).

    Only the seam, where neither scene shows whole, is mixed; the rest of the band is copied
    from the scene on its side like the rest of the picture, and the light is added only
    over its columns that give any (the same pixels as mixing and lighting the whole band).
    """

    def __init__(self, size: tuple[int, int]) -> None:
        width, height = size
        band = max(2, int(width * WIPE_BAND))
        x = np.linspace(-1.0, 1.0, band)
        falloff = np.cos(np.clip(x, -1, 1) * math.pi / 2) ** 3
        rgb = (falloff[:, None, None] * np.array(WIPE_LIGHT)[None, None, :]).astype(np.uint8)
        self.band = band
        self.glow = columns_where(rgb.any(axis=(1, 2)))  # the band's columns that add light
        self.light = pygame.Surface((self.glow[1] - self.glow[0], 1))  # one row: all alike
        pygame.surfarray.blit_array(self.light, rgb[self.glow[0]:self.glow[1]])
        # The new scene's share across the band: all left of its seam, none right of it.
        alphas = np.round(s_curve(np.clip(0.5 - x / (2 * WIPE_SEAM), 0.0, 1.0)) * 255)
        # Where the two mix: after the columns all new, before those all old (none in a band
        # too narrow).
        self.seam = int(np.sum(alphas >= 255)), band - int(np.sum(alphas <= 0))
        # White, its alpha that share over the seam (times the new scene, it lays that over
        # the old).
        self.ramp = pygame.Surface((self.seam[1] - self.seam[0], height), pygame.SRCALPHA)
        self.ramp.fill((255, 255, 255, 255))
        ramp = pygame.surfarray.pixels_alpha(self.ramp)
        ramp[:] = alphas[self.seam[0]:self.seam[1]].astype(np.uint8)[:, None]
        del ramp
        self.size = size
        self._cover = self.ramp.copy()  # the ramp times the new scene, made again each frame
        self._row = self.light.copy()  # the light's row at the strength of `_strength`
        self._light = pygame.Surface((self.light.get_width(), min(height, WIPE_LIGHT_ROWS)))
        self._strength = -1

    def edge(self, progress: float) -> int:
        """Where the new scene ends, in pixels from the left (off the picture at 0 and 1)."""
        band = self.band
        return round(-band / 2 + smoothstep(progress) * (self.size[0] + band))

    def caption_shares(self, span: tuple[int, int], progress: float) -> tuple[float, float]:
        """How strongly a caption lying across `span` (left, right pixels) shows `progress`
        of the way, for the scene being left and the one arriving: the leaving scene's words
        go as the light comes near them, the arriving scene's come once it has passed them
        (never words over the other scene, nor washed out under the light)."""
        x = self.edge(progress)
        half = self.band / 2
        fade = half * CAPTION_FADE
        return clamp01((span[0] - (x + half)) / fade), clamp01((x - half - span[1]) / fade)

    def showing(self, progress: float) -> tuple[bool, bool]:
        """Does each scene (old, new) show anywhere in the picture `progress` of the way:
        the new one once its seam's first column is in it, the old while its last is?"""
        left = self.edge(progress) - self.band // 2
        return left + self.seam[0] < self.size[0], left + self.seam[1] > 0

    def apply(self, surface: pygame.Surface, old: pygame.Surface | None,
              new: pygame.Surface | None, progress: float) -> None:
        """The frame `progress` of the way: each pixel copied from the scene on its side (the
        old scene's over the seam; a few columns of the old one, copied from an aligned
        column, are then covered by the new one), the new one laid over the seam through the
        ramp, the light added over the band. A scene that does not show (`showing`) may be
        None."""
        left = self.edge(progress) - self.band // 2  # the band's left edge
        height, width = self.ramp.get_height(), self.size[0]
        mixed = left + self.seam[0]  # new scene left of it, the old from it (mixed over the seam)
        ahead = max(0, mixed)
        if old is not None and ahead < width:  # from an aligned column: the new one covers it
            start = copy_column(ahead)  # (~0.2 ms less a frame than from any column)
            surface.blit(old, (start, 0), (start, 0, width - start, height))
        if new is not None and mixed > 0:
            surface.blit(new, (0, 0), (0, 0, mixed, height))
        if new is not None and old is not None:
            cover = self._cover
            cover.fill((255, 255, 255), special_flags=pygame.BLEND_RGB_MAX)  # white, as the ramp
            cover.blit(new, (0, 0), (mixed, 0, cover.get_width(), height),
                       special_flags=pygame.BLEND_RGB_MULT)
            surface.blit(cover, (mixed, 0))
        light = self._lit(level(math.sin(math.pi * clamp01(progress))))
        surface.fblits([(light, (left + self.glow[0], top))
                        for top in range(0, height, light.get_height())], pygame.BLEND_RGB_ADD)

    def _lit(self, strength: int) -> pygame.Surface:
        """The light at `strength` (0..255), made again only when that changes: its one row
        dimmed, then stretched down WIPE_LIGHT_ROWS rows (every row the same: the picture's
        are these again and again)."""
        if self._strength != strength:
            self._row.blit(self.light, (0, 0))
            self._row.fill((strength, strength, strength), special_flags=pygame.BLEND_RGB_MULT)
            pygame.transform.scale(self._row, self._light.get_size(), self._light)
            self._strength = strength
        return self._light
