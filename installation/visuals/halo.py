"""A soft shade round lettering: the picture near the letters is darkened by a share of its
own light (a multiply), fading out smoothly to no change a short reach from them. Over a dark
picture it is hardly seen; over a pale one it is a dark halo behind the letters only, never a
box with an edge."""

from __future__ import annotations

import functools
from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.base import Color, finished, s_curve

DEPTH = 0.5  # the share of the picture's light taken away next to the letters
SHADE: Color = (round(255 * (1 - DEPTH)),) * 3  # the mask there
CORE = 0.25  # how far round a stroke the shade is full, in letter heights
RAMP = 1.2  # how far beyond that it fades out to no change, in letter heights
WHITE = 255
BOX_HALOS = 64  # boxed letters' halos kept, by box and size (~0.1 MB each at 1080p)
DISTANCE_POINTS = 1_500_000  # points of a halo's distances worked out in one step (~1 ms)


def reach_for(size: int) -> int:
    """How far a halo reaches round letters `size` pixels high."""
    return _core(size) + _ramp(size)


def _core(size: int) -> int:
    """How far round a stroke the shade is full, in pixels."""
    return max(1, round(size * CORE))


def _ramp(size: int) -> int:
    """How far beyond that it fades out, in pixels."""
    return max(2, round(size * RAMP))


def halo(alpha: np.ndarray, size: int, shade: Color = SHADE) -> pygame.Surface:
    """A mask for BLEND_RGB_MULT from the coverage (an (x, y) array of 0..255) of letters
    `size` pixels high, grown by `reach_for(size)` on each side: `shade` on and round the
    strokes, rising smoothly to white (no change) at the reach. It goes by the distance to
    the nearest stroke, so letters' halos laid together with BLEND_RGB_MIN are the halo of
    the words."""
    return finished(halo_pieces(alpha, size, shade))


def halo_pieces(alpha: np.ndarray, size: int,
                shade: Color = SHADE) -> Generator[None, None, pygame.Surface]:
    """`halo`, made in steps of about DISTANCE_POINTS (a word's halo, as the countdown's
    label, took 6-10 ms at once at 1080)."""
    reach = reach_for(size)
    ink = np.pad(alpha != 0, reach)
    box = _box(ink)
    if box is not None:  # a boxed letter: its halo is made from its box's size alone
        return _box_halo(ink.shape, box, size, shade).copy()
    squared = yield from distance_pieces(ink, reach)
    return _shade(squared, size, shade)


def _shade(squared: np.ndarray, size: int, shade: Color) -> pygame.Surface:
    """The multiply mask for pixels whose squared distance to the nearest stroke is
    `squared` (whole numbers): each distance's level worked out once, then looked up."""
    reach = reach_for(size)
    apart = np.sqrt(np.arange(reach * reach + 2, dtype=np.float64))
    strength = s_curve(np.clip(1.0 - (apart - _core(size)) / _ramp(size), 0.0, 1.0))
    level = WHITE - strength[..., None] * (WHITE - np.array(shade, dtype=np.float32))
    table = np.round(level).astype(np.uint8)
    table[-1] = WHITE  # farther than the reach: no change
    index = np.minimum(squared, len(table) - 1).astype(np.intp)
    surface = pygame.Surface(squared.shape)
    pygame.surfarray.blit_array(surface, table[index])
    return surface


def _box(ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) of the ink if it fills its bounding box, else None."""
    columns, rows = np.nonzero(ink)
    if not columns.size:
        return None
    box = (int(columns.min()), int(rows.min()), int(columns.max()), int(rows.max()))
    filled = (box[2] - box[0] + 1) * (box[3] - box[1] + 1) == columns.size
    return box if filled else None


@functools.lru_cache(maxsize=BOX_HALOS)
def _box_halo(shape: tuple[int, int], box: tuple[int, int, int, int], size: int,
              shade: Color) -> pygame.Surface:
    """The halo of a filled box: the distance to it is the gap across and the gap down."""
    xs, ys = np.arange(shape[0]), np.arange(shape[1])
    across = np.maximum(np.maximum(box[0] - xs, xs - box[2]), 0).astype(np.float64)
    down = np.maximum(np.maximum(box[1] - ys, ys - box[3]), 0).astype(np.float64)
    return _shade(across[:, None] ** 2 + down[None, :] ** 2, size, shade)


def squared_distance_to_ink(ink: np.ndarray, reach: int) -> np.ndarray:
    """Each pixel's squared Euclidean distance to the nearest True pixel of `ink` (whole
    numbers), exact up to `reach` (farther ones read more than `reach` squared): down each
    column first, then across at most `reach` columns either way. (scipy's distance
    transform gives the same; importing scipy delayed the first frame of a start by a third
    of a second.)"""
    return finished(distance_pieces(ink, reach))


def distance_pieces(ink: np.ndarray, reach: int) -> Generator[None, None, np.ndarray]:
    """`squared_distance_to_ink`, pausing after about DISTANCE_POINTS points of the
    columns' steps across."""
    rows = np.arange(ink.shape[1], dtype=np.float64)
    far = float(ink.shape[1] + reach + 1)
    above = np.maximum.accumulate(np.where(ink, rows, -far), axis=1)
    yield  # (the columns' steps down, each a piece: with the first steps across, the
    below = np.minimum.accumulate(np.where(ink, rows, 2 * far)[:, ::-1], axis=1)[:, ::-1]
    yield  # countdown's label's halo took ~4 ms in one, building its scenes ahead)
    down = np.minimum(np.minimum(rows - above, below - rows), reach + 1.0) ** 2
    nearest = down.copy()
    yield
    per_step = max(1, DISTANCE_POINTS // max(1, ink.size))
    for dx in range(1, reach + 1):
        step = float(dx * dx)
        np.minimum(nearest[dx:], down[:-dx] + step, out=nearest[dx:])
        np.minimum(nearest[:-dx], down[dx:] + step, out=nearest[:-dx])
        if dx % per_step == 0 and dx < reach:
            yield
    return nearest


def boxed(alpha: np.ndarray) -> np.ndarray:
    """A letter's coverage filled out to the box round its ink: the halos of a word's letters
    then join into one shape, with no pale seams between the letters."""
    out = np.zeros_like(alpha)
    columns, rows = np.nonzero(alpha)
    if columns.size:
        out[columns.min():columns.max() + 1, rows.min():rows.max() + 1] = WHITE
    return out


class Lightened:
    """A multiply mask at a share of its strength (1: as made; 0: no change), the copy kept for
    the frames after that ask for the same share (a fade asks for each level a few times)."""

    def __init__(self, mask: pygame.Surface, shade: Color = SHADE) -> None:
        self.mask = mask
        self.shade = shade
        self._copy: pygame.Surface | None = None
        self._made: tuple[int, int] | None = None  # (version, level) of the copy
        self.version = 0  # raised by the owner whenever it changes the mask

    def at(self, share: float) -> pygame.Surface:
        """The mask with its shade moved `1 - share` of the way to white."""
        level = round(WHITE * (1.0 - share))
        if level <= 0:
            return self.mask
        copy = self._copy if self._copy is not None else self.mask.copy()
        if self._made != (self.version, level) or copy is not self._copy:
            copy.blit(self.mask, (0, 0))
            lift = [round((WHITE - c) * level / WHITE) for c in self.shade]
            copy.fill(lift, special_flags=pygame.BLEND_RGB_ADD)
            self._copy, self._made = copy, (self.version, level)
        return copy


Placed = tuple[pygame.Surface | None, tuple[int, int]]  # a halo and its top-left


class Backing:
    """The shade behind lettering that comes a piece at a time: the halos of its letters (in
    the order they come), laid into one multiply mask over all they reach."""

    def __init__(self, letters: list[Placed], shade: Color = SHADE) -> None:
        rects = [image.get_rect(topleft=at) for image, at in letters if image is not None]
        self.block = rects[0].unionall(rects[1:]) if rects else pygame.Rect(0, 0, 1, 1)
        self.letters = [(image, self._inside(at)) for image, at in letters]
        self.shade = Lightened(pygame.Surface(self.block.size), shade)  # (`shade`: the
        # halos' own, at their strongest)
        self._laid: int | None = None  # (how many letters' halos are laid)

    def _inside(self, at: tuple[int, int]) -> tuple[int, int]:
        """A point of the picture as a point of the mask."""
        return at[0] - self.block.left, at[1] - self.block.top

    def laid(self, count: int) -> pygame.Surface:
        """The mask behind the first `count` letters."""
        self._lay(min(count, len(self.letters)))
        return self.shade.mask

    def _lay(self, count: int) -> None:
        """Bring the mask to the first `count` letters' halos (the same pixels whatever it
        held before: halos laid with MIN in any order or twice give the same)."""
        if self._laid == count:
            return
        start = 0
        if self._laid is not None and count > self._laid:
            start = self._laid
        else:
            self.shade.mask.fill((WHITE, WHITE, WHITE))
        for image, at in self.letters[start:count]:
            if image is not None:
                self.shade.mask.blit(image, at, special_flags=pygame.BLEND_RGB_MIN)
        self._laid = count
        self.shade.version += 1
