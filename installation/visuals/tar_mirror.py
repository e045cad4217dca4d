"""The tar's mirror: the rows of the picture above its edge, upside down and shaded, kept from
frame to frame and made again only in the rows of the picture painted again since (or, where
the whole pool is drawn every frame, laid straight under the edge: `lay_under`).

Each row of the mirror depends only on one row of the picture, so a row made again when its
row of the picture was painted, and kept while it was not, has the bytes a mirror made whole
has. Where the pool is split, the picture above it is the scene's kept background, and the
background paints an area again by painting every one of its layers there, clipped to it: the
tar's still part among them, which tells the mirror (`painted`).
"""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Pieces
from installation.visuals.fills import aligned, fill

Runs = list[tuple[int, int]]  # runs of rows, each from its first to past its last
Shades = list[tuple[tuple[int, int, int], int, int]]  # a tint, and the run of rows it shades
STALE_MOST = 12  # areas painted again between two frames beyond which the mirror is made whole
HALF = (128, 128, 128)  # a colour multiplied by it is halved (rounded up): two halves, a mean
SOFT_STEPS = ((1, 1),)  # the mirror softened by a mean with the pixel this far on: one down
# and across, so the floors of a long low building no longer mirror as scanlines and a step in
# an edge shades over two pixels, in one step (~0.9 ms over a whole 1080p pool; down, then
# across took twice that in the tar scene that mirrors its pool whole every frame)
REACH = (sum(dx for dx, _dy in SOFT_STEPS), sum(dy for _dx, dy in SOFT_STEPS))  # the pixels
# a softened one is made of reach this far right and down
AHEAD_ROWS = 64  # a mirror made ahead is made this many rows a piece (~1 ms of a 1080p pool's
# ~7 ms made whole)


class KeptMirror:
    """The `rows` rows of a picture above an edge (the row a pool's mirror hangs from: its
    edge, or the far shore's ground above it), bottom up, multiplied by `shade` (its size:
    the picture's width by `rows`): kept while the picture keeps its token, and made again
    only in the areas of the picture painted again since."""

    def __init__(self, shade: pygame.Surface, edge: int, trusted: bool) -> None:
        """`trusted`: every change to the picture between tokens comes with `painted`
        (without it, a new token makes the whole mirror again)."""
        self.shade, self.edge, self.trusted = shade, edge, trusted
        self.scratch = Scratch()  # where areas of it are softened
        self.width, self.rows = shade.get_size()
        self.surface = pygame.Surface((1, 1))  # made in the picture's own format when first used
        self._stale: list[pygame.Rect] | None = None  # areas of it to make again (None: all)
        self._under: int | None = None  # the token of the picture last mirrored
        self.remade = [self.whole()]  # the areas of the mirror made again by the last update
        self._owed: list[pygame.Rect] = []  # made ahead: the next update tells them remade
        self._partial = False  # being made ahead: an update before it is done makes it whole

    def whole(self) -> pygame.Rect:
        """All of the mirror."""
        return pygame.Rect(0, 0, self.width, self.rows)

    def painted(self, area: pygame.Rect) -> None:
        """The picture was painted again in `area`: the mirror of it there is made again."""
        if self._stale is None:
            return
        reach_x, reach_y = REACH  # (softened: the mirror as far above and left of it as well)
        mirrored = pygame.Rect(area.left - reach_x, self.edge - area.bottom - reach_y,
                               area.width + reach_x, area.height + reach_y).clip(self.whole())
        if mirrored.width and mirrored.height:
            self._stale.append(mirrored)
            if len(self._stale) > STALE_MOST:
                self._stale = None

    def update(self, picture: pygame.Surface, under: int | None) -> pygame.Surface:
        """The mirror of the rows above the edge of `picture`; `under`, if not None, a token
        for the picture (equal tokens, equal pixels: nothing is looked at again)."""
        if under is not None and under == self._under:
            self.remade, self._owed = self._owed, []
            return self.surface
        fresh = self._fit(picture)
        stale = self._stale
        if fresh or under is None or not self.trusted or stale is None or self._partial:
            stale = [self.whole()]
        for area in stale:
            self._remake(picture, area)
        self.remade = stale
        self._stale = None if under is None else []  # without a token, the next may differ
        self._under, self._owed, self._partial = under, [], False
        return self.surface

    def made_ahead(self, picture: pygame.Surface, under: int) -> Pieces:
        """The mirror of `picture` (its token `under`) made whole in pieces of AHEAD_ROWS
        rows, for the first update given that token (which then makes nothing and tells all
        of it remade): the same bytes, made ahead of the frame that wants them. Areas of the
        picture painted meanwhile are made again by that update."""
        if under == self._under:
            return
        self._fit(picture)
        self._under, self._stale, self._partial = None, [], True  # (painted meanwhile: kept)
        for top in range(0, self.rows, AHEAD_ROWS):
            self._remake(picture, pygame.Rect(0, top, self.width, min(AHEAD_ROWS,
                                                                      self.rows - top)))
            yield
            if not self._partial:  # an update made it whole meanwhile
                return
        self._under, self._owed, self._partial = under, [self.whole()], False

    def _fit(self, picture: pygame.Surface) -> bool:
        """Make the mirror anew in the picture's format if it is not (True if it was made)."""
        if (self.surface.get_size() == self.shade.get_size()
                and self.surface.get_masks() == picture.get_masks()):
            return False
        self.surface = pygame.Surface((self.width, self.rows), 0, picture)
        return True

    def _remake(self, picture: pygame.Surface, area: pygame.Rect) -> None:
        """Mirror this area of the mirror again (softened, then shaded: areas that overlap
        are shaded once)."""
        self.surface.blit(soft_flip(picture, self.edge, self.rows, area, self.scratch), area)
        self.surface.blit(self.shade, area, area, special_flags=pygame.BLEND_RGB_MULT)


class KeptPool:
    """The pool's top `rows` rows as drawn over the kept tar: the tar with a mirror's bands of
    `band` rows added, each pushed sideways by its shift; kept, and made again only in the
    bands whose shift changed or whose rows of the mirror were made again (the bytes of the
    bands added over the tar in the picture, laid with opaque copies).

    Its bands are also laid in the kept background the picture is a copy of (`back`, where
    the tar's still part was painted): a band there that is the pool's as made need not be
    laid in the picture again. The background paints the tar again with every area it paints
    again (`cleared`): the bands there are laid again."""

    def __init__(self, tar: pygame.Surface, rows: int, band: int) -> None:
        self.tar, self.rows, self.band = tar, rows, band
        self.surface = pygame.Surface((1, 1))  # made in the picture's own format when first used
        self._shifts: list[int] | None = None  # each band's shift as last made
        self._made: list[pygame.Rect] = []  # the areas made again since the pool was laid
        self.back: pygame.Surface | None = None  # the kept background the bands are laid in
        self._in_back = np.zeros(-(-rows // band), bool)  # its bands that are the pool's

    def update(self, picture: pygame.Surface, mirror: pygame.Surface,
               remade: list[pygame.Rect], shifts: list[int]) -> pygame.Surface:
        """The pool for `mirror` (`remade`: its areas made again since the last update) with
        its bands pushed by `shifts`, made in the format of `picture`: the bands whose push
        changed made again whole, the mirror's areas made again where they are pushed."""
        width = self.tar.get_width()
        if (self.surface.get_size() != (width, self.rows)
                or self.surface.get_masks() != picture.get_masks()):
            self.surface = pygame.Surface((width, self.rows), 0, picture)
            self._shifts = None
        was = self._shifts
        whole = {n for n, shift in enumerate(shifts) if was is None or shift != was[n]}
        band = self.band
        areas = [pygame.Rect(0, first * band, width, (end - first) * band)
                 for first, end, _shift in alike_runs(sorted(whole), shifts)]
        pool = pygame.Rect(0, 0, width, self.rows)
        for part in remade:
            bands = [n for n in range(part.top // band, -(-part.bottom // band)) if n not in whole]
            areas += [pygame.Rect(part.left + shift, first * band, part.width,
                                  (end - first) * band).clip(pool)
                      for first, end, shift in alike_runs(bands, shifts)]
        areas = [aligned(area) for area in areas if area.width and area.height]
        # Each area made in turn, the tar then the mirror added: areas that overlap are
        # added over the tar once.
        self.surface.blits([blit for area in areas for blit in (
            (self.tar, area, area),
            (mirror, area, area.move(-shifts[area.top // self.band], 0),
             pygame.BLEND_RGB_ADD))], doreturn=False)
        self._made += areas
        self._shifts = shifts
        return self.surface

    def cleared(self, back: pygame.Surface, area: pygame.Rect, edge: int) -> None:
        """The tar under `edge` of the kept background `back` was painted again in `area`:
        its bands of the pool there are plain tar."""
        if back is not self.back:
            self.back = back
            self._in_back[:] = False
        top, bottom = max(0, area.top - edge), max(0, area.bottom - edge)
        self._in_back[top // self.band:-(-bottom // self.band)] = False

    def lay(self, picture: pygame.Surface, edge: int, copied: bool) -> None:
        """Lay the pool under `edge` in `picture`; `copied`: the picture is a copy of the kept
        background `back` (only the bands not there as made are laid, in both)."""
        back = self.back
        if not copied or back is None or back.get_size() != picture.get_size():
            picture.blit(self.surface, (0, edge))
            for area in self._made:  # the background's bands there are no longer the pool's
                self._in_back[area.top // self.band:-(-area.bottom // self.band)] = False
            self._made = []
            return
        width = self.surface.get_width()
        areas = [pygame.Rect(0, n * self.band, width, self.band)
                 for n in np.flatnonzero(~self._in_back).tolist()] + self._made
        blits = [(self.surface, area.move(0, edge), area) for area in areas]
        picture.blits(blits, doreturn=False)
        back.blits(blits, doreturn=False)
        self._in_back[:] = True
        self._made = []


def shaded(shades: Shades, width: int) -> pygame.Surface:
    """A shade `width` wide for a mirror: each run of its rows filled with its tint."""
    shade = pygame.Surface((width, shades[-1][2] if shades else 0))
    for color, top, bottom in shades:
        shade.fill(color, (0, top, width, bottom - top))
    return shade


class PushedShade:
    """A mirror's shade for a mirror laid straight under the edge (`lay_under`): the softened
    mirror is shaded before its bands are pushed, so the shade pushed with them is the shade
    itself (a pixel and its shade move together; what a push uncovers stays black)."""

    def __init__(self, shade: pygame.Surface, band: int) -> None:
        self.shade, self.band = shade, band
        self.scratch = Scratch()  # where the mirror laid with it is softened (`lay_under`)
        self.surface = pygame.Surface((1, 1))  # made in the picture's own format when first used

    def fitted(self, picture: pygame.Surface) -> pygame.Surface:
        """The shade in the format of `picture`."""
        if (self.surface.get_size() != self.shade.get_size()
                or self.surface.get_masks() != picture.get_masks()):
            self.surface = pygame.Surface(self.shade.get_size(), 0, picture)
            self.surface.blit(self.shade, (0, 0))
        return self.surface


def lay_under(picture: pygame.Surface, edge: int, shade: PushedShade, shifts: list[int],
              source: int) -> None:
    """The mirror of the rows above `source` (the far shore's ground: `edge`, or above it)
    laid straight under `edge`, in the picture itself: softened and multiplied by the
    `shade`, then its bands each pushed sideways by its shift (what a push uncovers black):
    the bands a kept mirror of that shade adds, added onto black (no mirror of its own to
    make and lay; shaded before it is pushed, a pixel with its own shade as a kept one is)."""
    width = picture.get_width()
    rows = shade.shade.get_height()
    most = max(map(abs, shifts), default=0)  # (once a frame: ~100 bands)
    for side in (0, width - most):  # the strips a push can uncover (the right one starts off
        fill(picture, (0, 0, 0), pygame.Rect(side, edge, most, rows))  # a cache line)
    _flip_bands(picture, (source, edge), rows, (shifts, most), shade)


def _flip_bands(picture: pygame.Surface, rows_at: tuple[int, int], rows: int,
                pushes: tuple[list[int], int], shade: PushedShade) -> None:
    """Copy the `rows` rows above the first of `rows_at` upside down under the second,
    softened and shaded, band by band, each pushed sideways by its shift (`pushes`: the
    shifts, and the largest either way), within the picture's clip, as a blit would (the
    picture is unlocked again on return). Only the part of the mirror the clip can show is
    softened (a wipe draws the scene it leaves within the columns it still shows in)."""
    source, edge = rows_at
    shifts, most = pushes
    width = picture.get_width()
    clip = picture.get_clip()
    area = mirrored_part(clip, edge, rows, most, width)
    if not area.width or not area.height:
        return
    soft = soft_flip(picture, source, rows, area, shade.scratch)
    soft.blit(shade.fitted(picture), (0, 0), area, special_flags=pygame.BLEND_RGB_MULT)
    pixels, flipped = pygame.surfarray.pixels2d(picture).T, pygame.surfarray.pixels2d(soft).T
    below = pixels[edge:edge + rows]
    for top, bottom, shift in pushed_runs(shifts, shade.band, rows):
        top, bottom = max(top, area.top), min(bottom, area.bottom)
        left, right = max(0, shift, clip.left), min(width, width + shift, clip.right)
        if top < bottom and left < right:
            below[top:bottom, left:right] = flipped[top - area.top:bottom - area.top,
                                                    left - shift - area.left:
                                                    right - shift - area.left]


def mirrored_part(clip: pygame.Rect, edge: int, rows: int, most: int, width: int) -> pygame.Rect:
    """The part of a mirror of `rows` rows under `edge` (its own rows and columns) that bands
    pushed at most `most` pixels either way lay within `clip` of a picture `width` wide."""
    top, bottom = max(0, clip.top - edge), min(rows, clip.bottom - edge)
    left, right = max(0, clip.left - most), min(width, clip.right + most)
    return pygame.Rect(left, top, max(0, right - left), max(0, bottom - top))


class Scratch:
    """Two surfaces kept to soften a mirror in (made anew each time, their pages would be
    faulted in afresh: ~1.5 ms a frame for a 1080p pool), as large as the largest asked for."""

    def __init__(self) -> None:
        self._pair: tuple[pygame.Surface, pygame.Surface] | None = None

    def pair(self, size: tuple[int, int],
             like: pygame.Surface) -> tuple[pygame.Surface, pygame.Surface]:
        """Two surfaces of `size` in the format of `like`."""
        kept = self._pair
        if (kept is None or kept[0].get_masks() != like.get_masks()
                or kept[0].get_bitsize() != like.get_bitsize()
                or kept[0].get_width() < size[0] or kept[0].get_height() < size[1]):
            whole = (max(size[0], kept[0].get_width() if kept else 0),
                     max(size[1], kept[0].get_height() if kept else 0))
            kept = self._pair = (pygame.Surface(whole, 0, like), pygame.Surface(whole, 0, like))
        return kept[0].subsurface((0, 0, *size)), kept[1].subsurface((0, 0, *size))


def soft_flip(picture: pygame.Surface, edge: int, rows: int, area: pygame.Rect,
              scratch: Scratch) -> pygame.Surface:
    """This area of the mirror of the `rows` rows of `picture` above `edge` (bottom up),
    softened as tar gives a picture back (SOFT_STEPS; at the mirror's last row or column a
    pixel's mean with itself): an area made apart is, to the byte, that area of the mirror
    made whole."""
    width = picture.get_width()
    grown = pygame.Rect(area.left, area.top, min(area.width + REACH[0], width - area.left),
                        min(area.height + REACH[1], rows - area.top))
    if not grown.width or not grown.height:
        return pygame.Surface(grown.size, 0, picture)
    soft, halves = scratch.pair(grown.size, picture)
    # (columns first: copied through views rows first, reversed, numpy takes ~10 times longer)
    above = pygame.surfarray.pixels2d(picture)[:, edge - rows:edge][:, ::-1]
    pygame.surfarray.pixels2d(soft)[:] = above[grown.left:grown.right, grown.top:grown.bottom]
    del above  # the picture unlocked (the soft copy's own view is gone with its statement)
    for step in SOFT_STEPS:
        _pair_means(soft, halves, step)
    return soft.subsurface((0, 0, *area.size))


def _pair_means(surface: pygame.Surface, halves: pygame.Surface, step: tuple[int, int]) -> None:
    """Each pixel the mean of itself and the one `step` on (in the last columns or rows, of
    itself twice): both halved, then added (`halves`: a scratch surface of its size and
    format)."""
    width, height = surface.get_size()
    dx, dy = step
    surface.fill(HALF, special_flags=pygame.BLEND_RGB_MULT)
    halves.blit(surface, (0, 0))
    lasts = [*([pygame.Rect(width - dx, 0, dx, height)] if dx else []),
             *([pygame.Rect(0, height - dy, width - dx, dy)] if dy else [])]
    surface.blits([(halves, (0, 0), (dx, dy, width - dx, height - dy), pygame.BLEND_RGB_ADD),
                   *((halves, last, last, pygame.BLEND_RGB_ADD) for last in lasts)],
                  doreturn=False)


def pushed_runs(shifts: list[int], band: int, rows: int) -> list[tuple[int, int, int]]:
    """The runs of bands of `band` rows (of `rows` in all) pushed alike, each as its first
    row, the row past its last and its shift: neighbouring bands mostly share a push (a
    frame's ~100 bands of the pool come in ~15 runs), and a run is copied as one."""
    return [(first * band, min(rows, end * band), shift)
            for first, end, shift in alike_runs(list(range(len(shifts))), shifts)]


def alike_runs(bands: list[int], shifts: list[int]) -> list[tuple[int, int, int]]:
    """The runs of these bands (in order) that follow one another and are pushed alike,
    each as its first band, the band past its last and its shift."""
    runs: list[tuple[int, int, int]] = []
    for n in bands:
        if runs and runs[-1][1] == n and runs[-1][2] == shifts[n]:
            runs[-1] = (runs[-1][0], n + 1, shifts[n])
        else:
            runs.append((n, n + 1, shifts[n]))
    return runs


def runs_alike(colors: list[tuple[int, int, int]]) -> Shades:
    """A colour for each row, as runs of rows alike: each colour with its first row and the
    row past its last."""
    starts = [y for y in range(len(colors)) if y == 0 or colors[y] != colors[y - 1]]
    return [(colors[top], top, bottom)
            for top, bottom in zip(starts, [*starts[1:], len(colors)], strict=True)]


def runs_of(flags: np.ndarray) -> Runs:
    """The runs of True in a row of flags, each as (first, past the last)."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], flags.astype(np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))
