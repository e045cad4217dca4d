"""The ash still falling on Wilshire all morning (the street's `burnt`): a fresh layer over the
ground worked out once (the ash's own grey as it lies, lit and streaked; none on the walls or
the poles), laid over the bare ground more and more as the scene goes on, while what lies on
it (the rubble, the letters, the burnt cars' wheels and sills) goes under from below: the ash
rising round each thing, its foot first and its top last, never the thing faded out (a step
every few real seconds, too small to see)."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Pieces, chunks, clear_surface, touched_floats
from installation.visuals.enlarge import Piece
from installation.visuals.lit import pieces_of
from installation.visuals.noise import smooth_noise_at
from installation.visuals.street_char import (
    CHAR_ROWS,
    GRAIN_ROWS,
    Burn,
    View,
    ash_colour,
    scoured,
    wall_at,
)

FALL_STEPS = 48  # the fresh ash comes in this many steps over the scene
COVER_FAR, COVER_NEAR = 0.2, 0.7  # how much of the bare ground it covers by the end: at the
# horizon (thick there already) and at our feet
FRESH = 1.0  # fresh fallen, as light as the ash under it (at 1.22 paler, the street whitened
# as it came: a snowfall)...
KEPT_BARE = 0.75  # ...and thinner where the wind keeps the ash scoured (see street_ash_road):
# the charred road still shows through there at the end, this much less covered at most
ROWS_A_PIECE = CHAR_ROWS * 16  # rows worked out in one build step
SINKS = 0.16  # how deep the ash rises round a thing by the end, of its foot's depth below the
# horizon in pixels (its perspective: a wheel's lower half by the cars, most of a stone at our
# feet)
SINK_SHARE = 0.7  # ...and never over this share of its height (its top stands out of it)
SINK_WANDER, SINK_EVERY = 0.5, 0.045  # ...more or less by this much (of it), the drift's
# surface rising and falling along the road every 1 / SINK_EVERY columns or so
SINK_ROWS = 64  # what sinks is worked out this many rows a build step
EDGE = 1.5  # pixels of a thing's edge half covered at the ash's surface (its edge softened)...
EDGE_SOFT = 0.18  # ...and this share of how deep it sinks more (a near stone's foot feathered
# into the ash banked round it, not cut by a ruler)
LOOSE_SHARE = 0.55  # a loose thing sinks at most this share of its height (half sunk)...
BANK = 0.5  # ...its ends (left and right) this share of the way further to its top: the ash
# banked up against its sides, what stands out a low rounded top
SPREAD_PASSES = 3  # a loose thing's lowest foot found along its rows and columns this often
UNFLECK = 2  # a thing's ground colour is the brightest this many pixels either side of its foot
PIECE_ROWS, PIECE_GAP = 16, 32  # the fresh ash is laid in pieces round what it covers (none on
# the walls, the poles: there it is clear), bands of rows this tall, stretches closer than
# this many columns as one
FADED = (np.arange(256, dtype=np.uint32)[None, :] * np.arange(256, dtype=np.uint32)[:, None]
         // 255).astype(np.uint8)  # FADED[m][a]: alpha a at m/255, as a blit at set_alpha(m)
# weighs it (so the step's strength is baked into the veil's own alpha: the same pixels as
# the surface alpha gave, by the blitter that reads only per-pixel alpha, 3x as quick)


@dataclass(frozen=True)
class Lying:
    """What stands on the ground below the horizon (columns x rows): the poles (above the
    fresh ash: none on them), the things that go under it (the cars, the debris), and the
    picture under it all (rgb) to take the ground's colour from; which of the things are
    loose debris, each sinking level into the ash round it as a whole (not column by column:
    its bottom outline followed up, a rounded stone or a hubcap was left a thin crescent)."""

    poles: np.ndarray
    things: np.ndarray
    picture: np.ndarray
    loose: np.ndarray | None = None  # which of the things are loose debris (see _sinking)


@dataclass(frozen=True)
class Sinking:
    """The pixels of what goes under (columns, rows on the fall's picture), how high each
    stands above its thing's foot (pixels), how deep the ash lies there at the end (pixels)
    and how much of the fresh ash's cover lies over it once under."""

    cols: np.ndarray
    rows: np.ndarray
    height: np.ndarray
    deep: np.ndarray
    cover: np.ndarray
    edge: np.ndarray | float = EDGE  # pixels of its edge half covered at the ash's surface


class Fall:
    """The fresh ash over the ground (`veil`: at full cover, its own alpha; none yet over
    the things lying on it), the ground's ash over those things where they have gone under
    (`under`), its top row on the picture, the real seconds it takes to lie as deep, and
    what sinks in it."""

    def __init__(self, veil: pygame.Surface, under: pygame.Surface, top: int, seconds: float,
                 sinking: Sinking) -> None:
        self.veil, self.under, self.top = veil, under, top
        self.seconds, self.sinking = seconds, sinking
        self.shown = 0  # the step the pictures' alpha has the things sunk to
        # Made by `laid`: the veil's alpha at full strength, rows by columns (as the picture
        # lies in memory: a step's strength is worked out into the veil's alpha in one
        # sweep); where in it the things that sink lie; where each picture can be seen.
        self.full = np.zeros((0, 0), np.uint8)
        self.sunk = np.zeros(0, np.intp)
        self._faded = self.full
        self.pieces: tuple[list[Piece], list[Piece]] = ([], [])

    def laid(self) -> Pieces:
        """Work out what `__init__` leaves, in pieces (the blits are left out where both
        pictures are clear: on the walls, on the poles)."""
        yield
        alpha = pygame.surfarray.pixels_alpha(self.veil)
        self.full = np.array(alpha.T)
        del alpha
        self.sunk = np.ravel_multi_index((self.sinking.rows, self.sinking.cols),
                                         self.full.shape)
        self._faded = np.empty_like(self.full)
        yield
        under = pieces_of(self.under, _marked(self.sunk, self.full.shape), PIECE_ROWS,
                          PIECE_GAP, (0, self.top))
        yield
        shown = self.full > 0
        shown.flat[self.sunk] = True
        self.pieces = (under, pieces_of(self.veil, shown.T, PIECE_ROWS, PIECE_GAP,
                                        (0, self.top)))

    def step(self, seconds: float) -> int:
        """How far it has come: 0 (none) to FALL_STEPS (all of it)."""
        return int(min(1.0, max(0.0, seconds / self.seconds)) * FALL_STEPS)

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """The fresh ash as deep as it has fallen by `seconds` into the scene."""
        step = self.step(seconds)
        if not step:
            return
        if step != self.shown:
            self._sink(step)
        under, veil = self.pieces
        surface.fblits(under)
        surface.fblits(veil)

    def _sink(self, step: int) -> None:
        """The things sunk as far as the ash has risen at `step` (only their pixels), and
        the veil at the step's strength."""
        sink = self.sinking
        level = sink.deep * np.float32(step / FALL_STEPS)
        under = np.clip((level - sink.height) / sink.edge + 0.5, 0.0, 1.0)
        alpha = pygame.surfarray.pixels_alpha(self.under)
        alpha[sink.cols, sink.rows] = (under * 255).astype(np.uint8)
        del alpha
        self.full.flat[self.sunk] = (under * sink.cover * 255).astype(np.uint8)
        np.take(FADED[round(255 * step / FALL_STEPS)], self.full, out=self._faded)
        alpha = pygame.surfarray.pixels_alpha(self.veil)
        alpha.T[...] = self._faded
        del alpha
        self.shown = step


def _marked(flat: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """A mask (columns x rows) of the pixels at `flat` indices into rows x columns."""
    marked = np.zeros(shape, bool)
    marked.flat[flat] = True
    return marked.T


def falling(lying: Lying, view: View, burnt: Burn,
            seconds: float) -> Generator[None, None, Fall]:
    """The fresh ash over the ground (a Fall, returned), in pieces: none on the walls nor on
    the poles, and what lies on the ground (`lying`) going under it from below."""
    width, height = view.size
    rows = height - view.horizon
    veil = yield from clear_surface((width, rows))  # (fresh memory touched a piece at a time:
    cover = yield from touched_floats((width, rows))  # made whole, with a band, 10 ms loaded)
    for band in chunks(rows, ROWS_A_PIECE):
        below = np.arange(band.start, band.stop)
        y = (view.horizon + below).astype(np.float64)[None, :]
        on_wall = wall_at(view, y, burnt)[2]
        share = below / np.float32(rows)
        kept = 1.0 - KEPT_BARE * scoured(burnt, below)
        cover[:, band] = (COVER_FAR + (COVER_NEAR - COVER_FAR) * share)[None, :] * ~(
            on_wall | lying.poles[:, band]) * kept * (1.0 - burnt.flecks[:, below % GRAIN_ROWS])
        rgb = pygame.surfarray.pixels3d(veil)
        rgb[:, band] = np.clip(ash_colour(view, burnt, below) * FRESH, 0, 255).astype(np.uint8)
        del rgb
        alpha = pygame.surfarray.pixels_alpha(veil)
        alpha[:, band] = (cover[:, band] * ~lying.things[:, band] * 255).astype(np.uint8)
        del alpha
        yield
    under = pygame.Surface((width, rows), pygame.SRCALPHA)
    under.fill((0, 0, 0, 0))
    sinking = yield from _sinking(lying, under, cover, view.seed)
    yield
    fall = Fall(veil, under, view.horizon, seconds, sinking)
    yield from fall.laid()
    return fall


def _sinking(lying: Lying, under: pygame.Surface, cover: np.ndarray,
             seed: int) -> Generator[None, None, Sinking]:
    """What goes under the ash: each thing's pixel's height over its foot in its column, and
    the ground's colour in front of its foot painted over it on `under` (alpha 0 for now)."""
    things = lying.things
    width, rows = things.shape
    height = np.zeros(things.shape, np.int32)
    height[:, -1] = things[:, -1]
    ground = _unflecked(lying.picture)  # (a cinder at a thing's foot, carried up it, drew a
    # dark line down its buried face)
    yield  # (a piece of its own: about a full-frame blit and a third)
    for row in range(rows - 2, -1, -1):  # (up each column from the picture's foot)
        on = things[:, row]
        height[:, row] = np.where(on, height[:, row + 1] + 1, 0)
        ground[on, row] = ground[on, row + 1]
        if row % SINK_ROWS == 0:
            yield
    tall = height.copy()  # (each pixel's thing's height in its column: down from its top)
    for row in range(1, rows):
        joined = things[:, row] & things[:, row - 1]
        tall[joined, row] = tall[joined, row - 1]
        if row % SINK_ROWS == 0:
            yield
    yield
    cols, at = np.nonzero(things)
    foot = (at + height[cols, at]).astype(np.float32)
    yield
    wander = smooth_noise_at(seed + 17, cols * SINK_EVERY).astype(np.float32)
    deep = np.minimum(SINKS * foot, SINK_SHARE * tall[cols, at]) * (
        1.0 + SINK_WANDER * (2.0 * wander - 1.0))
    over = (height[cols, at] - 1).astype(np.float32)
    edge: np.ndarray | float = EDGE
    if lying.loose is not None and lying.loose.any():
        yield
        loose = lying.loose[cols, at]
        level = yield from _levelled(lying.loose, things, height, tall, seed)
        over[loose], deep[loose] = level[0][loose], level[1][loose]
        edge = np.where(loose, EDGE + EDGE_SOFT * deep, np.float32(EDGE)).astype(np.float32)
    yield
    rgb = pygame.surfarray.pixels3d(under)
    rgb[cols, at] = ground[cols, at]
    del rgb
    return Sinking(cols, at, over, deep, cover[cols, at], edge)


def _unflecked(picture: np.ndarray) -> np.ndarray:
    """`picture` (columns x rows x rgb) with each pixel its row's brightest within UNFLECK
    pixels: the ash's colour without its cinders and the specks of char at its thin edges."""
    out = picture.copy()
    for step in range(1, UNFLECK + 1):
        np.maximum(out[step:], picture[:-step], out=out[step:])
        np.maximum(out[:-step], picture[step:], out=out[:-step])
    return out


def _levelled(loose: np.ndarray, things: np.ndarray, height: np.ndarray, tall: np.ndarray,
              seed: int) -> Generator[None, None, tuple[np.ndarray, np.ndarray]]:
    """For each thing's pixel (in np.nonzero order), as if it were loose: its height over its
    piece's lowest foot and how deep the ash rises round that piece (level across it, deeper
    at its ends: banked against its sides), in pieces."""
    cols, at = np.nonzero(things)
    mask = loose & things
    yield
    foot = np.zeros(things.shape, np.int32)
    foot[cols, at] = at + height[cols, at]
    top = np.zeros(things.shape, np.int32)
    top[cols, at] = foot[cols, at] - tall[cols, at]
    yield
    left = np.zeros(things.shape, np.int32)
    left[cols, at] = cols
    right = left.copy()
    yield
    for _ in range(SPREAD_PASSES):  # (a run of runs a build step: a few milliseconds each)
        for axis in (0, 1):
            foot = _along_runs(mask, foot, np.maximum, axis)
            yield
            top = _along_runs(mask, top, np.minimum, axis)
            yield
            left = _along_runs(mask, left, np.minimum, axis)
            yield
            right = _along_runs(mask, right, np.maximum, axis)
            yield
    lowest, highest = foot[cols, at].astype(np.float32), top[cols, at].astype(np.float32)
    west, east = left[cols, at], right[cols, at]
    yield  # (all that follows, and the sinking after it, in one piece: 10-17 ms loaded)
    middle = smooth_noise_at(seed + 17, (west + east) * (SINK_EVERY / 2)).astype(np.float32)
    tall_piece = lowest - highest
    deep = np.minimum(SINKS * lowest * (1.0 + SINK_WANDER * (2.0 * middle - 1.0)),
                      LOOSE_SHARE * tall_piece)
    yield
    across = (cols - west) / np.maximum(1, east - west).astype(np.float32)
    return lowest - at - 1, deep + BANK * (2.0 * across - 1.0) ** 2 * (tall_piece - deep)


def _along_runs(mask: np.ndarray, values: np.ndarray, reduce: np.ufunc,
                axis: int) -> np.ndarray:
    """`values` with each run of `mask` along `axis` (0: across the columns, 1: down them)
    given its run's `reduce` (np.maximum or np.minimum); elsewhere as they were."""
    if axis == 0:
        return _along_runs(mask.T, values.T, reduce, 1).T
    flat, length = np.ascontiguousarray(values).ravel().copy(), mask.shape[1]
    on = np.flatnonzero(np.ascontiguousarray(mask).ravel())
    if not on.size:
        return flat.reshape(mask.shape)
    starts = np.ones(on.size, bool)
    starts[1:] = (np.diff(on) != 1) | (on[1:] % length == 0)
    runs = reduce.reduceat(flat[on], np.flatnonzero(starts))
    flat[on] = runs[np.cumsum(starts) - 1]
    return flat.reshape(mask.shape)
