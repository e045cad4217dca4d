"""The May Company building at Wilshire and Fairfax: a gold cylinder on its banded box (after
the flash, its burnt husk), lit for each ten story minutes and cut for quick drawing."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pygame

from installation.visuals.ahead import Ahead
from installation.visuals.base import HOUR, Frame, Pieces, Setup, chunks, finished
from installation.visuals.enlarge import Piece
from installation.visuals.glow import radial
from installation.visuals.lit import lit_mask, pieces_of
from installation.visuals.maycompany_husk import burn, husk_seed
from installation.visuals.maycompany_light import (
    PIECE_PIXELS,
    Basis,
    basis_of,
    lights_at,
    lit_colours,
    places_of,
    write,
)
from installation.visuals.maycompany_surfaces import (
    DRUM_HALF,
    DRUM_TALL,
    TILT,
    Building,
    columns_of,
)
from installation.visuals.recut import Shape, cut_again, key_value, shape_of
from installation.visuals.sky import sun_side
from installation.visuals.softcut import SoftCut, soft_cutting

AHEAD_PIXELS = 1 << 30  # lit ahead of its step (a piece a frame, in time): all in one piece
LOOK_STEPS = 6  # the building is drawn again every 10 story minutes
AHEAD_SECONDS = 60.0  # story seconds ahead that the next step is lit, a piece a frame
HALO = 0.55  # how much of the floodlight glows on the sky around the building
HALO_REACH, HALO_RISE, HALO_FALL = 1.1, 1.2, 1.6  # its radius (of the cylinder's height),
# its centre above the ground (of its radius) and how fast it falls off
HALO_FROM = 0.05  # no glow on the sky for floodlights weaker than this
HALO_ROWS, HALO_GAP = 16, 16  # its parts that show are added in bands of rows this tall,
# stretches closer than this many columns as one
SOLID = 255  # alpha of a pixel that hides what is under it
# (the glow is on the sky: it stops at the ground line, where the pavement is not lit by it)

Pair = tuple[pygame.Surface, pygame.Surface]  # the building's image and its keyed copy
GlowPlace = tuple[pygame.Rect, tuple[int, int]]  # a piece of the glow that shows, and where


@dataclass(frozen=True)
class Lit:
    """The building lit for one step of the hour (on a pair of surfaces: per-pixel alpha and
    its keyed copy), cut for quick drawing, and its floodlights' glow on the sky."""

    pair: Pair
    picture: SoftCut
    halo: list[Piece]  # the glow's pieces that show (none: it adds nothing)
    cuttable: bool = True  # no solid pixel has the cut's key colour


class MayCompany:
    """Drawn once per ten story minutes: gold in the low sun, floodlit gold, then paler gold."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        self.params = params
        self.burnt = bool(params.get("burnt", False))  # (a hand-made table may leave it out)
        width, height = setup.size
        self.unit = params["scale"] * height
        self.cx = round(params["x"] * width)
        self.sun = sun_side(setup.scene.at / HOUR)  # where the sky's sun is as the scene begins
        self.ground = round(params["ground"] * height)
        u = self.unit
        self.left, right = columns_of(params, setup.size)
        self.top = self.ground - round((DRUM_TALL + TILT * DRUM_HALF) * u) - 2
        self.size = (right - self.left, self.ground - self.top)
        self.reach = round(DRUM_TALL * u * HALO_REACH)
        self.flood_at = (self.cx - self.reach, self.ground - round(self.reach * HALO_RISE))
        self._basis: Basis | None = None
        self._key: int | None = None
        self._halo: list[Piece] = []
        self._white = _above(radial(self.reach, (255, 255, 255), HALO_FALL),
                             self.ground - self.flood_at[1])
        self._glow_places: dict[tuple[bool, ...], list[GlowPlace]] = {}  # see `_glow`
        self._places: np.ndarray | None = None  # the covered pixels in a surface's memory
        self._pair = _pair(self.size)
        self._spare = _pair(self.size)  # lit ahead of time
        self._picture = SoftCut(self._pair[0], [])
        self._ahead: Ahead[int, Lit] = Ahead()
        self._cutting: Generator[None, None, SoftCut] | None = None  # the shown one, uncut
        self._shape: Shape | None = None  # how it is cut (the same for every lighting)
        self._uncut: tuple[int, Lit] | None = None  # lit ahead, not yet cut
        self._cut_frame: Frame | None = None  # the last frame that cut a piece of it

    def look(self, frame: Frame) -> int:
        """Still: it changes only with the story hour, ten minutes at a time."""
        self._prepare(frame)
        return _step(frame.hour)

    def changed(self, old: int, new: int) -> list[pygame.Rect]:
        """Only the building and the light it throws on the sky."""
        reach = pygame.Rect(self.flood_at, self._white.get_size())
        return [pygame.Rect((self.left, self.top), self.size).union(reach)]

    def warm(self, frame: Frame) -> Pieces:
        """Lay out the building a part at a time, then light it for `frame`'s hour."""
        if self._basis is None:
            self._basis = yield from self._layout()
            yield
        key = self.look(frame)
        if key != self._key:
            self._stop_cutting()  # (the pair is painted over)
            lit = yield from self._paint(key, self._pair)
            self._halo, self._picture = lit.halo, lit.picture
            self._key = key

    def close(self) -> None:
        """Drop what is being drawn ahead or cut (its scene is going)."""
        self._ahead.close()
        self._uncut = None
        self._stop_cutting()

    def _stop_cutting(self) -> None:
        """Drop the cutting of a building lit in a hurry, if it is under way."""
        if self._cutting is not None:
            self._cutting.close()
            self._cutting = None

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """The floodlights' glow on the sky, then the building over it."""
        self._light(self.look(frame))
        surface.fblits(self._halo, pygame.BLEND_RGB_ADD)
        self._picture.draw(surface, (self.left, self.top))

    def _prepare(self, frame: Frame) -> None:
        """Once a frame, a piece of the building as lit AHEAD_SECONDS of story later, on the
        spare surface: at the step it is swapped in (no frame lights it all), the same as
        lit then. Not while the step shown is not the frame's: it is swapped in or (after a
        jump in story time) lit in a hurry first, and one lighting a frame is enough. One lit in a
        hurry is cut a piece a frame while the next step is not yet to be lit."""
        if self._key is not None and _step(frame.hour) != self._key:
            return
        upcoming = _step(frame.hour + AHEAD_SECONDS / HOUR)
        if upcoming == self._key and self._cutting is not None:
            if frame is not self._cut_frame:  # (nothing to light ahead yet)
                self._cut_frame = frame
                self._cut_step()
            return
        self._ahead.step(frame, upcoming, self._key, self._lit_ahead)

    def _lit_ahead(self, key: int) -> Generator[None, None, Lit]:
        """The building lit for `key` on the spare surface, then cut (lit but not yet cut,
        it is `_uncut`: the step can take it as it is)."""
        self._uncut = None
        lit = yield from self._paint(key, self._spare, cut=False, pixels=AHEAD_PIXELS)
        self._uncut = (key, lit)
        yield
        picture = yield from self._cut(lit)
        self._uncut = None
        return Lit(lit.pair, picture, lit.halo)

    def _light(self, key: int) -> None:
        """Show the building lit for the hour of `key`: swap in the spare if it was lit
        ahead (if not yet cut, cut from the next frame on), else light it now."""
        if key == self._key:
            return
        lit = self._ahead.take(key)
        self._stop_cutting()
        if lit is None and self._uncut is not None and self._uncut[0] == key:
            lit = self._uncut[1]  # (its cutting ahead is dropped: it goes on as shown)
            self._ahead.close()
            self._uncut = None
            self._cutting = self._cut(lit)
        if lit is not None:
            self._pair, self._spare = lit.pair, self._pair
        else:
            lit = finished(self._paint(key, self._pair, cut=False, pixels=AHEAD_PIXELS))
            # (in a hurry: in one piece, uncut; cut a piece a frame from the next frame on)
            self._cutting = self._cut(lit)
        self._halo, self._picture = lit.halo, lit.picture
        self._key = key

    def _cut(self, lit: Lit) -> Generator[None, None, SoftCut]:
        """The building lit on `lit`'s pair, cut for quick drawing a piece a frame: the first
        time found afresh (and its shape kept), after that cut again by the shape kept (its
        alpha never changes: only its colours)."""
        image, keyed = lit.pair
        if not lit.cuttable:
            return SoftCut(image, [])
        if self._shape is not None:
            return (yield from cut_again(image, keyed, self._shape))
        picture = yield from soft_cutting(image, keyed)
        yield
        self._shape = shape_of(image, picture)
        return picture

    def _cut_step(self) -> None:
        """A piece of cutting the building lit in a hurry (until it is cut it is drawn whole:
        the same pixels, by a slower per-pixel-alpha blit)."""
        assert self._cutting is not None
        try:
            next(self._cutting)
        except StopIteration as done:
            self._picture, self._cutting = done.value, None

    def _paint(self, key: int, pair: Pair, cut: bool = True,
               pixels: int = PIECE_PIXELS) -> Generator[None, None, Lit]:
        """Light the building for the hour of `key` onto `pair`, in pieces: its colours
        straight onto the surface (`pixels` a piece) and its glow on the sky, then (if `cut`)
        cut for quick drawing."""
        if self._basis is None:  # not warmed ahead
            self._basis = finished(self._layout())
        basis = self._basis
        image = pair[0]
        lights, flood = lights_at(key / LOOK_STEPS, self.params["lit"])
        places = self._places_in(image)
        keyed_out = key_value(image)  # a solid pixel of this colour: it cannot be cut
        cuttable = True
        for n, part in enumerate(chunks(len(basis.index), pixels)):
            if n:
                yield
            colours = np.clip(lit_colours(basis, lights, part), 0, 255).astype(np.uint8)
            packed = write(image, places[part], colours, basis.alpha[part])
            cuttable = cuttable and not np.any(packed == keyed_out)
        halo: list[Piece] = []
        if flood > HALO_FROM and not self.burnt:  # a husk throws no light
            halo = self._glow(tuple(round(float(c) * 255 * HALO) for c in lights.flood), image)
        lit = Lit(pair, SoftCut(image, []), halo, cuttable)
        if not cut:
            return lit
        yield
        return Lit(pair, (yield from self._cut(lit)), halo)

    def _glow(self, colour: tuple[int, ...], image: pygame.Surface) -> list[Piece]:
        """The floodlights' glow on the sky in `colour`, in the pieces of it that show (see
        `_showing`): found once for each set of the colour's channels that are not 0, since
        which pixels show depends on nothing else (the white glow times a colour is black
        where, in every channel, one of them is 0: pygame's multiply rounds up; the
        building's alpha is the same for every lighting): scanning the glow and the
        building's alpha for them was more than half the cost of a lighting."""
        glow = self._white.copy()
        glow.fill(colour, special_flags=pygame.BLEND_RGB_MULT)
        channels = tuple(level != 0 for level in colour)
        places = self._glow_places.get(channels)
        if places is None:
            pieces = self._showing(glow, image)
            self._glow_places[channels] = [(pygame.Rect(piece.get_offset(), piece.get_size()),
                                            at) for piece, at in pieces]
            return pieces
        return [(glow.subsurface(rect), at) for rect, at in places]

    def _showing(self, glow: pygame.Surface, image: pygame.Surface) -> list[Piece]:
        """The pieces of the glow on the sky that add light where it shows: not black, and
        not under the building's solid pixels (drawn over it right after), placed."""
        shown = lit_mask(glow)  # (columns, rows)
        solid = pygame.surfarray.array_alpha(image) == SOLID
        x, y = self.left - self.flood_at[0], self.top - self.flood_at[1]  # the image in it
        x0, x1 = max(0, x), min(shown.shape[0], x + solid.shape[0])
        y0, y1 = max(0, y), min(shown.shape[1], y + solid.shape[1])
        if x1 > x0 and y1 > y0:
            shown[x0:x1, y0:y1] &= ~solid[x0 - x:x1 - x, y0 - y:y1 - y]
        return pieces_of(glow, shown, HALO_ROWS, HALO_GAP, self.flood_at)

    def _places_in(self, image: pygame.Surface) -> np.ndarray:
        """Where the covered pixels lie in the memory of `image` (either of a pair: they are
        made alike), worked out once."""
        if self._places is None:
            assert self._basis is not None
            self._places = places_of(self._basis.index, self.size[1], image.get_pitch())
        return self._places
    def _layout(self) -> Generator[None, None, Basis]:
        """The building's surfaces, once, a few columns at a time (burnt, after the flash),
        reduced to the sums of its lights."""
        building = Building(self.unit, self.size, self.cx - self.left, self.sun)
        maps = yield from building.surfaces()
        if self.burnt:
            yield from burn(maps, building.xs()[:, 0] - building.origin, building.heights()[0],
                            self.unit, husk_seed(self.cx, self.unit))
        return (yield from basis_of(maps))


def _pair(size: tuple[int, int]) -> Pair:
    """A surface with per-pixel alpha for the building, and one for its keyed copy."""
    return pygame.Surface(size, pygame.SRCALPHA), pygame.Surface(size)


def _above(glow: pygame.Surface, rows: int) -> pygame.Surface:
    """The top `rows` rows of a glow (all of it if it is no taller): what lies over the sky."""
    return glow.subsurface((0, 0, glow.get_width(), max(0, min(rows, glow.get_height()))))


def _step(hour: float) -> int:
    """The step of the story hour the building is lit for."""
    return round(hour * LOOK_STEPS) % (24 * LOOK_STEPS)

