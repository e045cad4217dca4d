"""Rings on the tar where a bubble burst: soft, oily ripples that spread and fade, each a low
swell, lit where its slope turns from us and shaded where it turns to us (see `_ring_band`),
blended over the tar's mirror so they lighten and darken what it shows rather than draw a
line over it.

A ring's look depends only on its size, so there is one sprite for each size (made ahead, a
few sizes a piece; big rings, soft and faint by then, a size every few pixels); how far a ring
has faded is the sprite's alpha at the blit. A hollowed ring (see `Rings`) is drawn at every
whole size between those made: the size made below it with its halves drawn that much further
apart and the flat middle of its near and far sides stretched across the gap, so that it grows
a pixel at a time, not in jumps of a few."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Generator

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, finished
from installation.visuals.sprites import visible

SQUASH = 0.28  # how flat a ring on the surface looks from where we stand
TROUGH: Color = (3, 2, 2)  # the swell's front, turned to us: the tar's mirror darkened
TROUGH_ALPHA = 80.0  # how much of the mirror its front hides, at most (on its steepest
# slope, broad and soft; 110 over a trough 2 px wide all round drew thin hard rings like
# contour lines, and at 110 on the swell the rings at the noon mother's chest were as dark
# as her wet coat)
CREST: Color = (150, 140, 124)  # the light its back catches (the sky low down; paler, it
# glinted under a night sky)
CREST_ALPHA = 85.0  # how much of the light its back, turned from us, catches at most
FAR_CREST = 0.65  # how much more of the light the far side of the swell catches
SLOPE_PEAK = math.sqrt(2 * math.e)  # (a swell's slope at its steepest, half a width out: 1)
ENDS = 0.6  # at its ends, sloping across our view, it shows as this much of a soft trough
# with a lip of light beyond it (without them a ring broke off into two arcs, and round the
# mother it showed nothing beside her)
CREST_OUT, CREST_WIDTH = 1.6, 0.8  # that lip: how far out, and how wide, in the swell's widths
WIDTH = 3.0  # across the swell, in pixels, at no size ...
WIDENS = 0.045  # ... and this much more for each pixel of its radius
REACH = 3.0  # a sprite reaches this many trough widths past the ring
SPACED = 64  # sizes made: every pixel of radius up to this, then every 2 up to twice it, ...
ARC_ROWS = 16  # a hollowed ring is cut into bands of this many rows, each in two halves
# (of 8, the mother's three rings were up to 150 blits a frame: ~15% slower, the same pixels)
PIECE_PIXELS = 40_000  # ring sprites made in one piece ahead: about this many pixels
Part = tuple[pygame.Surface, tuple[int, int]]  # a piece of a sprite, where it lies from its middle
Shape = Callable[[int], tuple[float, float, float | None]]  # a ring's squash, trough width
# and strength (None: given at each blit), by its size


def width(radius: int) -> float:
    """Across the trough of a ring of this radius (in pixels): wider as it spreads."""
    return WIDTH + WIDENS * radius


def spreading(radius: int) -> tuple[float, float, float | None]:
    """A bubble's ring: flattened by distance, its trough wider as it spreads, as strong as
    each blit says."""
    return SQUASH, width(radius), None


def ring(radius: int, squash: float = SQUASH, wide: float | None = None,
         strength: float | None = None) -> pygame.Surface:
    """A soft ring `radius` pixels across its half, `squash` as deep as wide, its trough
    `wide` pixels across (`width` of it: as a bubble's) and at `strength` of its alpha (None:
    all), on a see-through sprite with the ring's middle on its middle pixel."""
    return finished(ring_pieces(radius, squash, wide, strength))


def ring_pieces(radius: int, squash: float = SQUASH, wide: float | None = None,
                strength: float | None = None) -> Generator[None, None, pygame.Surface]:
    """`ring`, worked out PIECE_PIXELS pixels a piece (bands of its columns out from its
    middle, each mirrored to the left: every pixel is worked out on its own, so the bytes are
    those of the ring made whole), pausing before each band but the first."""
    wide = width(radius) if wide is None else wide
    half_x, half_y = extent(radius, squash, wide)
    sprite = pygame.Surface((2 * half_x + 1, 2 * half_y + 1), pygame.SRCALPHA)
    y = np.arange(-half_y, half_y + 1, dtype=np.float32)[None, :]
    step = max(1, PIECE_PIXELS // sprite.get_height())
    for first in range(0, half_x + 1, step):
        if first:
            yield
        x = np.arange(first, min(half_x + 1, first + step), dtype=np.float32)[:, None]
        rgb, alpha = _ring_band(x, y, radius, squash, wide)
        if strength is not None:
            alpha *= strength
        out = np.arange(first, first + x.shape[0])
        for columns in (half_x + out, half_x - out):  # (the middle column twice)
            pygame.surfarray.pixels3d(sprite)[columns] = rgb
            pygame.surfarray.pixels_alpha(sprite)[columns] = np.round(alpha).astype(np.uint8)
    return sprite


def _ring_band(x: np.ndarray, y: np.ndarray, radius: int, squash: float,
               wide: float) -> tuple[np.ndarray, np.ndarray]:
    """A ring's colour and alpha in the columns `x` out from its middle (right of it), rows
    `y` from its middle (float32, columns x rows): a low swell on the tar, shaded by its
    slope towards us. Its back, turned away from us, gives back the bright sky low down (lit),
    its front, turned to us, the dark sky high up (shaded): over its far side the light lies
    outside the crest and the shade inside, over its near side the other way round (the
    two fading out between, where they change places), and at its ends, sloping across our
    view, a fainter soft trough with a lip of light beyond (a band of one darkness all round
    read as an outline drawn on the tar, a target's rings)."""
    across = np.maximum(np.sqrt(x * x + (y / squash) ** 2), 1e-3)  # the ellipse through it
    steep = np.maximum(np.sqrt(x * x + y * y / squash ** 4) / across, 1e-3)
    out = (across - radius) / steep / wide  # trough widths out from the crest, about
    toward = (y / squash) / across  # how far the swell here slopes towards us (-1: far side)
    slope = SLOPE_PEAK * out * np.exp(-out * out)  # its slope outwards, 1 at its steepest
    lit = -slope * toward  # > 0: its back, turned from us
    ends = ENDS * (1 - np.abs(toward))  # how much it shows as the tar's own soft ring
    ridge = np.exp(-(((out - CREST_OUT) / CREST_WIDTH) ** 2))  # (a lip beyond a trough)
    far = (1 - y / (across * squash)) / 2  # 1 at its far side, 0 at ours
    crest = CREST_ALPHA * (np.maximum(lit, 0.0) + ends * ridge) * (
        1 - FAR_CREST + FAR_CREST * far)
    trough = TROUGH_ALPHA * (np.maximum(-lit, 0.0) + ends * np.exp(-out * out))
    alpha = np.minimum(trough + crest, 255.0)
    rgb = np.empty((*alpha.shape, 3), np.uint8)
    for channel in range(3):
        shade = trough * TROUGH[channel] + crest * CREST[channel]
        rgb[..., channel] = np.clip(shade / np.maximum(alpha, 1e-3), 0, 255).astype(np.uint8)
    return rgb, alpha


def extent(radius: int, squash: float, wide: float) -> tuple[int, int]:
    """How far a ring's sprite reaches from its middle pixel, across and up or down."""
    return radius + math.ceil(REACH * wide) + 1, math.ceil(radius * squash + REACH * wide) + 1


def sizes(least: int, most: int, spaced: int = SPACED) -> list[int]:
    """The ring sizes made from `least` to `most` (and one past it, if it falls between):
    every pixel of radius up to `spaced`, every 2 up to twice it, ..."""
    made = [least]
    while made[-1] < most:
        made.append(made[-1] + 1 + made[-1] // spaced)
    return made


def hollowed(sprite: pygame.Surface) -> list[tuple[pygame.Surface, tuple[int, int]]]:
    """A ring's sprite cut to the parts that are not clear (its clear middle left out): in
    bands of ARC_ROWS rows, each band's left and right halves cut to where they show, each
    with where its top-left corner lies in the sprite (blitted there, they draw the same
    pixels as the whole, blending fewer of them)."""
    width, height = sprite.get_size()
    half = width // 2
    parts = []
    for top in range(0, height, ARC_ROWS):
        rows = min(ARC_ROWS, height - top)
        for left, right in ((0, half), (half, width)):
            shown = sprite.subsurface((left, top, right - left, rows)).get_bounding_rect(1)
            if shown:
                area = shown.move(left, top)
                parts.append((sprite.subsurface(area).copy(), area.topleft))
    return parts


class Rings:
    """The sprites of rings from `least` to `most` pixels across their half, each of the
    `shape` its size gives (a bubble's, unless told), made every pixel of radius up to
    `spaced` (then further apart); `hollow`: each kept without its clear middle (big rings
    blitted whole, strength as made: fewer pixels to blend, and fewer bytes kept), and drawn
    at any whole size between those made (see the module's docstring)."""

    def __init__(self, least: int, most: int, shape: Shape = spreading, spaced: int = SPACED,
                 hollow: bool = False) -> None:
        self.sizes = sizes(max(1, least), max(1, least, most), spaced)
        self.shape = shape
        self.hollow = hollow
        # Each size's sprite cut to where it is not clear (in parts, if hollow), and where
        # each part lies from the ring's middle (a ring made faint is clear far out, or all
        # over).
        self.sprites: dict[int, list[Part]] = {}
        # A hollowed ring's middle column (its near and far sides there), to stretch across
        # the gap when it is drawn larger than made.
        self.middles: dict[int, list[Part]] = {}
        self.between: dict[int, list[Part]] = {}  # the parts of sizes drawn between those made

    def pieces(self) -> Pieces:
        """Make every size ahead, about PIECE_PIXELS pixels of sprites a piece (a ring larger
        than that in pieces of its own)."""
        made = 0
        for radius in self.sizes:
            half_x, half_y = extent(radius, *self.shape(radius)[:2])
            pixels = (2 * half_x + 1) * (2 * half_y + 1)
            if made and made + pixels > PIECE_PIXELS:
                made = 0
                yield
            yield from self._make_pieces(radius)
            made += pixels  # (past PIECE_PIXELS, a large ring: the next starts a piece)

    def _make(self, radius: int) -> int:
        """Make the sprite of this size (kept); how many pixels were worked out."""
        return finished(self._make_pieces(radius))

    def _make_pieces(self, radius: int) -> Generator[None, None, int]:
        """`_make`, the sprite worked out in pieces (see `ring_pieces`)."""
        whole = yield from ring_pieces(radius, *self.shape(radius))
        width, height = whole.get_size()
        if width * height > PIECE_PIXELS:  # a large ring cut to what shows in a piece of its
            yield  # own (a bounding box found a pixel at a time: with a band, 5-8 ms at 1080)
        parts = hollowed(whole) if self.hollow else [visible(whole)]
        self.sprites[radius] = [(part, (left - width // 2, top - height // 2))
                                for part, (left, top) in parts]
        if self.hollow:
            self.middles[radius] = [(part, (0, top - height // 2))
                                    for part, top in middle_runs(whole)]
        return width * height

    def reach(self) -> tuple[int, int]:
        """How far the largest of the sprites reaches from its middle, across and up or down."""
        squash, wide, _strength = self.shape(self.sizes[-1])
        return extent(self.sizes[-1], squash, wide)

    def draw(self, surface: pygame.Surface, centre: tuple[int, int], radius: float,
             strength: float | None = None) -> None:
        """A ring about `radius` pixels across its half (the nearest size made; hollowed: the
        nearest whole size) round `centre`, at `strength` (0..1 of its alpha; None: as its
        size was made, a plain blit of per-pixel alpha, over twice as quick as one faded by
        the surface's alpha)."""
        parts = self._parts(self.nearest(radius))
        if strength is not None:
            for sprite, _place in parts:
                sprite.set_alpha(round(255 * strength))
        surface.blits([(sprite, (centre[0] + left, centre[1] + top))
                       for sprite, (left, top) in parts], doreturn=False)

    def _parts(self, size: int) -> list[Part]:
        """The parts a ring of this size is drawn in (kept): those of the size made below it,
        its halves drawn apart and its middle column stretched across the gap (see the
        module's docstring)."""
        if size in self.between:
            return self.between[size]
        made = self.made_below(size)
        if made not in self.sprites:  # drawn before it was made ahead: made now
            self._make(made)
        apart = size - made  # how much further out each half lies than made
        if not apart:
            return self.sprites[made]
        middle = [(pygame.transform.scale(part, (2 * apart, part.get_height())), (-apart, top))
                  for part, (_left, top) in self.middles[made]]
        self.between[size] = [(part, (left - apart if left < 0 else left + apart, top))
                              for part, (left, top) in self.sprites[made]] + middle
        return self.between[size]

    def nearest(self, radius: float) -> int:
        """The size drawn for `radius`: the nearest made (hollowed: the nearest whole size,
        from the least made to the most)."""
        made = self.sizes
        if self.hollow:
            return min(made[-1], max(made[0], round(radius)))
        n = min(len(made) - 1, bisect_left(made, radius))
        return made[n - 1] if n and radius - made[n - 1] < made[n] - radius else made[n]

    def made_below(self, size: int) -> int:
        """The largest size made up to `size` (the size itself, if made)."""
        return self.sizes[max(0, bisect_right(self.sizes, size) - 1)]


def middle_runs(sprite: pygame.Surface) -> list[tuple[pygame.Surface, int]]:
    """A ring sprite's middle column, cut to the runs of it that are not clear (the far side
    and the near), each with the row it starts at: a column a pixel wide."""
    width, height = sprite.get_size()
    alpha = pygame.surfarray.pixels_alpha(sprite)[width // 2] > 0
    edges = np.flatnonzero(np.diff(np.concatenate(([0], alpha.astype(np.int8), [0]))))
    runs = [(int(top), int(bottom)) for top, bottom in zip(edges[::2], edges[1::2], strict=True)]
    return [(sprite.subsurface((width // 2, top, 1, bottom - top)).copy(), top)
            for top, bottom in runs]


def clear_of(centre: tuple[float, float], reach: tuple[float, float],
             figures: list[pygame.Rect], width: int) -> float:
    """Where across (in pixels) rings reaching `reach` (across, up and down) from `centre`
    lie clear of these figures standing before the tar: moved across to the nearer side of
    one they would spread behind (a ring round the calf's head read as a halo), kept in the
    picture's `width`; where they lie clear, where they are."""
    x, y = centre
    for figure in figures:
        spread = pygame.Rect(0, 0, 2 * reach[0], 2 * reach[1])
        spread.center = (round(x), round(y))
        if spread.colliderect(figure):
            left, right = figure.left - reach[0] - 1, figure.right + reach[0] + 1
            sides = [side for side in (left, right) if reach[0] <= side <= width - reach[0]]
            x = min(sides or [left, right], key=lambda side: abs(side - x))
    return x
