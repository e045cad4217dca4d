"""The May Company building at Wilshire and Fairfax: a gold cylinder on its banded box (after
the flash, its burnt husk)."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pygame

from installation.visuals.ahead import Ahead
from installation.visuals.base import (
    HOUR,
    Frame,
    Pieces,
    Setup,
    chunks,
    clamp01,
    finished,
    mix,
    touched_floats,
)
from installation.visuals.enlarge import Piece
from installation.visuals.glow import radial
from installation.visuals.lit import lit_mask, pieces_of
from installation.visuals.palette import light_at
from installation.visuals.recut import Shape, cut_again, key_value, shape_of
from installation.visuals.softcut import SoftCut, soft_cutting
from installation.visuals.wreckage import CLAD_LEFT, charred, torn_line

# Sizes in picture heights at scale 1; x from the cylinder's centre, heights up from the ground.
DRUM_HALF, DRUM_TALL = 0.085, 0.34
FRAME_HALF, FRAME_TALL = 0.112, 0.29  # the black granite slab the cylinder stands against
BOX_TALL, BOX_LONG, BOX_FAR = 0.2, 0.95, 0.62  # the box recedes to the left: its far end's height
WING_LONG, WING_FAR = 0.14, 0.8  # the short return along Fairfax, receding to the right
TILT = 0.12  # the cylinder's top circle, seen from below: its ellipse's height over its width
TILE = 0.0045  # one gold mosaic tile
PIECE_COLUMNS = 24  # the building is laid out this many columns a piece when done ahead
PIECE_PIXELS = 5000  # ...and reduced to its lights, and lit, this many pixels a piece
# The lights a pixel's colour sums, by the map of how much of each reaches it: per channel,
# and for all channels alike (the first: the greyed albedo under the cool flood).
TINTED_LIGHTS, PLAIN_LIGHTS = ("ambient", "sun", "flood"), ("flood", "gloss", "sky", "shop")
PIXEL_BYTES = 4  # the building's surfaces: 32 bits a pixel
TOUCH_PIECE = 1 << 19  # bytes: new large arrays are first written this much a piece
AHEAD_PIXELS = 1 << 30  # lit ahead of its step (a piece a frame, in time): all in one piece
BASE = 0.2  # the black granite base with its display windows, a share of the box's height
BANDS = (0.4, 0.53, 0.66, 0.79)  # the streamline ribbons, shares of the box's height
BAND, LIP = 0.028, 0.012  # a ribbon's recess and the lip above it that catches the light
COPING = 0.94  # the parapet's cap begins here
BAYS, WING_BAYS = 16, 3  # display windows along the box and the wing
POOL_EVERY = 2  # a floodlight at the foot of every second bay
CORNER = 0.05  # the rounded far corner, a share of the box's length
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

GOLD = (236, 178, 72)
STONE = (226, 212, 182)
GRANITE = (24, 22, 26)
GLASS = (26, 30, 38)
SUN_LOW, SUN_HIGH = (255, 150, 70), (255, 236, 206)
FLOOD_WARM, FLOOD_COOL = (255, 188, 104), (70, 120, 255)
SHOP = (255, 196, 128)
SUN_FROM = (-0.55, 0.83)  # the low sun from the west (left), ahead of the building
SPEC_AT, SPEC_WIDE = -0.28, 0.16  # the soft gloss band across the cylinder
TILE_VARY = 0.07  # how much one tile's gold differs from the next
EDGE_MIRROR, EDGE_FALL = 0.9, 1.5  # the glass tiles mirror the sky towards the sides
GROUT, GROUT_DARK = 0.1, 0.06  # the share of a tile that is grout, and how much darker
SEAM, CAP, RING_DARK = 0.004, 0.012, 0.35  # the rings where it meets the box and at its top
DOOR_HALF, DOOR_TALL = 0.32, 0.75  # its lit entrance: half its width, of the base's height
DOOR_FADE = 0.4  # its light fades this much towards its top
GLOSS, GLINT = 0.9, 235  # the gloss band's strength, and its colour under the cool floods
WINDOW_LOW, WINDOW_HIGH, WINDOW_WIDE = 0.035, 0.16, 0.76  # display windows: of box and bay
CANOPY, CANOPY_DARK = 0.03, 0.2  # the shadow line over the base
RECESS_DARK, COPING_DARK, ROLL_DARK = 0.45, 0.12, 0.6  # how much darker in shade
STONE_BLOCKS, STONE_VARY = (60, 14), 0.03  # limestone blocks along and up the box
FRAME_COPING = 0.006  # the granite slab's lighter top edge
COOL_PALE = 0.8  # how far the cool floods take the gold towards grey
SUN_REDDENS = 0.45  # the sun reddens as daylight falls below this
FLOOD_ON = 1.8  # the floodlights are full on once daylight is below 1 / this
SHOPS_ON = (1.2, 2.2)  # the shop windows' light: a - b * daylight
AMBIENT = (0.22, 0.04)  # light from the sky: a share of its colour, and a floor
WARM_UNTIL = 0.03  # daylight at which the floodlights have gone fully cool blue
WARM_SPAN = 0.16  # ...from fully warm this much daylight before
# The burnt husk after the flash: the drum torn off between these shares of its height, the box
# broken down to these of its own, in lumps this wide (of the unit); gaps burnt through it.
HUSK_DRUM, HUSK_BOX, HUSK_KNOT = (0.78, 0.97), (0.5, 1.0), 0.03
# The drum keeps its gold where the flash did not reach: scorched dull, its tiles left more on
# its east side (the light came from the west, over the ocean), fewer near its torn top, where
# the fire blackened it. The share of its tiles left: at its west edge, at its east edge.
HUSK_GOLD = (236 * 0.78, 178 * 0.68, 72 * 0.55)  # the gold scorched: duller, browner
HUSK_GOLD_LEFT = (0.0, 0.9)
HUSK_GOLD_SOOT = 0.25  # the top this share of the drum's height is sooted: its tiles go there
HUSK_GOLD_PATCH, HUSK_GOLD_RAGGED = 5, 0.12  # the tiles left lie in patches this many tiles
# wide, their edges this ragged (the share of a tile's own chance in whether it is left)
HUSK_GOLD_EDGE = 0.12  # a patch's edge fades from char to gold over this much of the chance
HUSK_GOLD_SHINE = 1.15  # glazed, the tiles left take the sky's light more than the char
HUSK_GAPS, HUSK_GAP = 0.12, 0.02  # share of the shell burnt through near its top; a gap's size
HUSK_SUN = 0.35  # char takes the low sun dully
HUSK_ROUND = (0.5, 1.1)  # the drum's shell, darkest at its sides: a + b * how squarely it faces us
# The box broken like the towers round it: stretches fallen in to these shares of its height,
# this wide (of the unit), one every HUSK_FALLEN_EVERY of its length; its display windows and
# ribbon windows blown out (cells this wide and tall, of the unit: this share of them gutted,
# dark inside; the wall above a hole sooted), the rest of the wall scorched in streaks.
HUSK_FALLEN_TO, HUSK_FALLEN_WIDE, HUSK_FALLEN_EVERY = (0.15, 0.45), (0.05, 0.12), 0.22
HUSK_CELL = (0.04, 0.026)
HUSK_GUTTED = 0.45
HUSK_HOLE_DARK = 0.22  # a gutted window, of the char's brightness
HUSK_SOOT = 0.6  # the wall just above a gutted window, of the char's brightness
HUSK_STREAKS = (0.012, 0.25)  # soot streaks down the box: their width (of the unit), darkening


Area = tuple[slice, slice]  # columns and rows of the building's image
Pair = tuple[pygame.Surface, pygame.Surface]  # the building's image and its keyed copy
GlowPlace = tuple[pygame.Rect, tuple[int, int]]  # a piece of the glow that shows, and where


@dataclass
class Maps:
    """Per pixel: what the surface is and how each light reaches it (see `_lit`)."""

    albedo: np.ndarray  # (w, h, 3) 0..255
    ambient: np.ndarray  # each (w, h): how much of that light arrives
    sun: np.ndarray
    flood: np.ndarray
    gloss: np.ndarray
    sky: np.ndarray
    shop: np.ndarray
    alpha: np.ndarray

    def paint(self, area: Area, cover: np.ndarray, albedo: np.ndarray,
              **weights: np.ndarray | float) -> None:
        """Lay a part over what is painted in `area` (columns, rows), `cover` 0..1 per pixel
        (soft at its edges)."""
        keep = 1.0 - cover
        self.albedo[area] = self.albedo[area] * keep[..., None] + albedo * cover[..., None]
        for name in ("ambient", "sun", "flood", "gloss", "sky", "shop"):
            old = getattr(self, name)
            old[area] = old[area] * keep + np.asarray(weights.get(name, 0.0), np.float32) * cover
        self.alpha[area] = self.alpha[area] + cover * (1.0 - self.alpha[area])


@dataclass(frozen=True)
class Basis:
    """The building's colours as sums of its lights, for the pixels it covers: per channel,
    albedo times (ambient, sun, warm flood); and for all channels alike, the greyed albedo
    under the cool flood, the gloss, the mirrored sky and the shop windows' own light. Only
    the lights that reach some pixel are kept (a burnt husk: two of seven), and which."""

    index: np.ndarray  # (pixels,) flat positions in the image
    tinted: np.ndarray  # (3 channels, tinted lights kept, pixels)
    plain: np.ndarray  # (plain lights kept, pixels)
    alpha: np.ndarray  # (pixels,) 0..255
    kept: tuple[list[int], list[int]]  # the tinted lights kept (of 3), and the plain (of 4)


@dataclass(frozen=True)
class Lights:
    """The lights of one story hour, each an rgb 0..1 array."""

    ambient: np.ndarray
    sun: np.ndarray
    flood: np.ndarray
    sky: np.ndarray
    shop: np.ndarray
    cool: float  # 0 while the floodlights are warm, 1 once they have turned blue


@dataclass(frozen=True)
class Lit:
    """The building lit for one step of the hour (on a pair of surfaces: per-pixel alpha and
    its keyed copy), cut for quick drawing, and its floodlights' glow on the sky."""

    pair: Pair
    picture: SoftCut
    halo: list[Piece]  # the glow's pieces that show (none: it adds nothing)
    cuttable: bool = True  # no solid pixel has the cut's key colour




class MayCompany:
    """Drawn once per ten story minutes: gold in the low sun, floodlit gold, then blue."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        self.params = params
        self.burnt = bool(params.get("burnt", False))  # (a hand-made table may leave it out)
        width, height = setup.size
        self.unit = params["scale"] * height
        self.cx = round(params["x"] * width)
        self.ground = round(params["ground"] * height)
        u = self.unit
        self.left = self.cx - round(BOX_LONG * u)
        right = self.cx + round(max(WING_LONG, FRAME_HALF) * u) + 1
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
        lights, flood = _lights(key / LOOK_STEPS, self.params["lit"])
        places = self._places_in(image)
        keyed_out = key_value(image)  # a solid pixel of this colour: it cannot be cut
        cuttable = True
        for n, part in enumerate(chunks(len(basis.index), pixels)):
            if n:
                yield
            packed = _write(image, places[part], np.clip(_lit(basis, lights, part), 0, 255
                                                         ).astype(np.uint8), basis.alpha[part])
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
            self._places = _places(self._basis.index, self.size[1], image.get_pitch())
        return self._places

    def _layout(self) -> Generator[None, None, Basis]:
        """The building's surfaces, once, a few columns at a time: box, wing, granite frame,
        then the cylinder."""
        w, h = self.size
        maps = yield from _blank_maps((w, h))
        xs = np.arange(w, dtype=np.float32)[:, None] + 0.5
        up = h - (np.arange(h, dtype=np.float32)[None, :] + 0.5)  # pixels above the ground
        origin = self.cx - self.left
        u = self.unit
        low = slice(max(0, h - round(BOX_TALL * u) - 2), h)  # the rows of the box
        for cols in _spans(self._columns(origin - BOX_LONG * u, origin)):
            self._box(maps, (cols, low), origin - xs[cols], up[:, low], BOX_LONG * u, BOX_FAR,
                      BAYS)
            yield
        for cols in _spans(self._columns(origin, origin + WING_LONG * u)):
            self._box(maps, (cols, low), xs[cols] - origin, up[:, low], WING_LONG * u,
                      WING_FAR, WING_BAYS)
            yield
        for cols in _spans(self._columns(origin - FRAME_HALF * u, origin + FRAME_HALF * u)):
            self._frame(maps, (cols, slice(None)), np.abs(xs[cols] - origin), up)
            yield
        for cols in _spans(self._columns(origin - DRUM_HALF * u, origin + DRUM_HALF * u)):
            self._drum(maps, (cols, slice(None)), (xs[cols] - origin) / (DRUM_HALF * u), up)
            yield
        if self.burnt:
            yield from self._burn(maps, xs[:, 0] - origin, up[0])
        return (yield from _basis(maps))

    def _burn(self, maps: Maps, across: np.ndarray, up: np.ndarray) -> Pieces:
        """After the flash: the drum's top torn away and the box broken, the shell blackened
        with a little scorched cladding and the drum's gold left, gaps burnt through near the
        top; no light of its own (`across`: each column's distance from the axis, east
        positive; `up`: each row's height), a few columns at a time."""
        u = self.unit
        off = np.abs(across)
        rng = np.random.default_rng(round(self.cx + 7 * u))
        knot = max(2, round(HUSK_KNOT * u))
        drum = torn_line(len(off), HUSK_DRUM[0] * DRUM_TALL * u, HUSK_DRUM[1] * DRUM_TALL * u,
                         knot, rng)
        box = torn_line(len(off), HUSK_BOX[0] * BOX_TALL * u, HUSK_BOX[1] * BOX_TALL * u, knot,
                        rng)
        box = np.minimum(box, _fallen_in(off, u, rng))
        top = np.where(off < DRUM_HALF * u, drum, box)  # the slab fell with the box
        for cols in _spans(slice(0, len(off))):
            self._burn_columns(maps, cols, across[cols], up, top[cols])
            yield

    def _burn_columns(self, maps: Maps, cols: slice, across: np.ndarray, up: np.ndarray,
                      top: np.ndarray) -> None:
        """The husk's columns `cols`: each column's distance from the axis (east positive),
        each row's height, each column's torn top."""
        u = self.unit
        off = np.abs(across)
        gold = self._gold_left(across, up, top)
        top = top[:, None]
        gap = max(1, HUSK_GAP * u)
        cell = _hash(np.floor(off[:, None] / gap), np.floor(up[None, :] / gap))
        gone = (up[None, :] > top) | ((cell < HUSK_GAPS) & (up[None, :] > 0.6 * top))
        maps.alpha[cols][gone] = 0.0
        tile = max(1.0, TILE * u)
        clad = ((_hash(np.floor(off[:, None] / tile) + 91, np.floor(up[None, :] / tile))
                 < CLAD_LEFT) & (off[:, None] < DRUM_HALF * u))  # only the drum was tiled
        facing = np.sqrt(np.clip(1 - (off / (DRUM_HALF * u)) ** 2, 0, 1))[:, None, None]
        round_by = np.where(off[:, None, None] < DRUM_HALF * u, HUSK_ROUND[0] + HUSK_ROUND[1]
                            * facing, 1.0)  # the stump still reads as a cylinder
        char = charred(maps.albedo[cols], clad.astype(np.float32)) * round_by * _gutted(
            off, up, u)[..., None]
        left = gold[..., None]
        maps.albedo[cols] = np.array(HUSK_GOLD, np.float32) * round_by * left + char * (1 - left)
        for name in ("flood", "gloss", "sky", "shop"):
            getattr(maps, name)[cols] = 0.0
        maps.sun[cols] *= HUSK_SUN
        maps.ambient[cols] *= 1 + (HUSK_GOLD_SHINE - 1) * gold

    def _gold_left(self, across: np.ndarray, up: np.ndarray, top: np.ndarray) -> np.ndarray:
        """How much of each pixel of the husk's columns is the drum's gold tiles left on it,
        scorched, 0..1 (`across`: each column's distance from the axis, east positive; `up`:
        each row's height; `top`: each column's torn top): more on its sheltered east side,
        none on its plinth nor in the soot under its torn top; the patches' edges soft over
        HUSK_GOLD_EDGE of a tile's chance."""
        u = self.unit
        tile = max(1.0, TILE * u)
        east = np.clip((across / (DRUM_HALF * u) + 1) / 2, 0, 1)[:, None]
        share = HUSK_GOLD_LEFT[0] + (HUSK_GOLD_LEFT[1] - HUSK_GOLD_LEFT[0]) * east
        unsooted = np.clip((top[:, None] - up[None, :]) / (HUSK_GOLD_SOOT * DRUM_TALL * u), 0, 1)
        column, row = np.floor(across / tile)[:, None], np.floor(up / tile)[None, :]
        # (the patches' outlines smooth, pixel by pixel: only their ragged rims keep the tiles)
        patch = _blobs((across / tile)[:, None] / HUSK_GOLD_PATCH, (up / tile)[None, :]
                       / HUSK_GOLD_PATCH)
        chance = (1 - HUSK_GOLD_RAGGED) * patch + HUSK_GOLD_RAGGED * _hash(column + 53, row)
        left = np.clip((share * unsooted - chance) / HUSK_GOLD_EDGE + 0.5, 0.0, 1.0)
        return (left * (np.abs(across) < DRUM_HALF * u)[:, None]
                * (up > BASE * BOX_TALL * u)[None, :]).astype(np.float32)

    def _columns(self, start: float, end: float) -> slice:
        """The image's columns from start to end (pixels), with one to spare either side."""
        return slice(max(0, int(start) - 1), min(self.size[0], int(end) + 2))

    def _box(self, maps: Maps, area: Area, along: np.ndarray, up: np.ndarray, long: float,
             far: float, bays: int) -> None:
        """A banded stone wall from the cylinder's axis `long` pixels away, shrinking in
        perspective to `far` of its height: granite base, display windows, ribbons."""
        tall = BOX_TALL * self.unit
        height = tall * (1 - (1 - far) * along / long)
        inside = (along >= 0) & (along <= long)
        # Where along the wall, 0..1 (equal steps of the wall shrink on the picture as it goes).
        s = np.where(inside, (tall / np.maximum(height, 1) - 1) / (1 / far - 1), 0)
        f = up / np.maximum(height, 1)  # 0 at the foot, 1 at the parapet
        cover = np.clip(height - up + 0.5, 0, 1) * inside
        bay = s * bays
        base = f < BASE
        window = (base & (f > WINDOW_LOW) & (f < WINDOW_HIGH)
                  & (np.abs(bay % 1 - 0.5) < WINDOW_WIDE / 2))
        recess = _near_any(f, BANDS, BAND / 2)
        lip = _near_any(f, tuple(b + (BAND + LIP) / 2 for b in BANDS), LIP / 2)
        canopy = (f > BASE) & (f < BASE + CANOPY)
        shade = 1 - RECESS_DARK * recess - COPING_DARK * (f > COPING) - CANOPY_DARK * canopy
        shade = shade * (1 - ROLL_DARK * np.clip((s - 1 + CORNER) / CORNER, 0, 1) ** 2)
        blocks = _hash(np.floor(s * STONE_BLOCKS[0]), np.floor(f * STONE_BLOCKS[1]))
        shade = shade * (1 + STONE_VARY * (blocks - 0.5))
        stone = np.where(base[..., None], np.array(GRANITE, np.float32),
                         np.array(STONE, np.float32))
        albedo = np.where(window[..., None], np.array(GLASS, np.float32), stone) * shade[..., None]
        pools = _pools(s, f, bays)
        glow = window * (0.55 + 0.45 * _hash(np.floor(bay), 3)) * (1.1 - f / BASE)
        maps.paint(area, cover, albedo, ambient=1.0, sun=0.8 + 0.5 * lip,
                   flood=pools * (1 + 1.5 * lip), sky=0.35 * window, shop=glow)

    def _frame(self, maps: Maps, area: Area, off: np.ndarray, up: np.ndarray) -> None:
        """The polished black granite slab behind the cylinder, rising above the box."""
        u = self.unit
        tall = FRAME_TALL * u
        cover = (np.clip(FRAME_HALF * u - off + 0.5, 0, 1) * np.clip(tall - up + 0.5, 0, 1))
        coping = (up > tall - FRAME_COPING * u)
        albedo = np.broadcast_to(np.array(GRANITE, np.float32), (*cover.shape, 3)) * (
            1 + 1.5 * coping[..., None])
        sheen = np.exp(-up / (0.35 * tall))
        maps.paint(area, cover, albedo, ambient=1.0, sun=0.3, flood=0.5 + 1.5 * sheen, sky=0.25)

    def _drum(self, maps: Maps, area: Area, across: np.ndarray, up: np.ndarray) -> None:
        """The cylinder of gold mosaic: rounded by the light, its rings curving in perspective."""
        u = self.unit
        half, tall = DRUM_HALF * u, DRUM_TALL * u
        a = np.clip(across, -1, 1)
        facing = np.sqrt(1 - a ** 2)  # how squarely the surface faces us
        height = up / (1 + TILT * half * facing / tall)  # the height on the cylinder
        cover = (np.clip((1 - np.abs(across)) * half + 0.5, 0, 1)
                 * np.clip((tall - height) * (1 + TILT * half * facing / tall) + 0.5, 0, 1))
        turn = np.arcsin(a) * half  # around the cylinder, in pixels of its surface
        tile = TILE * u
        column, row = np.floor(turn / tile), np.floor(height / tile)
        grain = _hash(column, row)
        grout = (((turn / tile) % 1 < GROUT) | ((height / tile) % 1 < GROUT))
        gold = (1 + TILE_VARY * (grain - 0.5)) * (1 - GROUT_DARK * grout)
        box = BOX_TALL * u
        plinth = height < BASE * box
        ring = (np.abs(height - box) < SEAM * u) | (height > tall - CAP * u)
        door = plinth & (np.abs(a) < DOOR_HALF) & (height < DOOR_TALL * BASE * box)
        albedo = np.array(GOLD, np.float32) * gold[..., None] * (1 - RING_DARK * ring[..., None])
        albedo = np.where(plinth[..., None], np.array(GRANITE, np.float32), albedo)
        albedo = np.where(door[..., None], np.array(GLASS, np.float32), albedo)
        sun = np.clip(a * SUN_FROM[0] + facing * SUN_FROM[1], 0, 1) ** 1.3
        flood = facing ** 1.2 * (0.45 + 0.75 * np.exp(-height / (0.4 * tall)))
        gloss = (np.exp(-((a - SPEC_AT) / SPEC_WIDE) ** 2) * (0.92 + 0.16 * grain)
                 * (1 - plinth) * (1 - ring))
        edge = (1 - facing) ** EDGE_FALL * (1 - plinth)
        inside = door * (1 - DOOR_FADE * height / (BASE * box))  # the lobby, lit low
        maps.paint(area, cover, albedo, ambient=0.6 + 0.4 * facing, sun=sun, flood=flood,
                   gloss=gloss, sky=EDGE_MIRROR * edge, shop=inside)


def _pair(size: tuple[int, int]) -> Pair:
    """A surface with per-pixel alpha for the building, and one for its keyed copy."""
    return pygame.Surface(size, pygame.SRCALPHA), pygame.Surface(size)


def _above(glow: pygame.Surface, rows: int) -> pygame.Surface:
    """The top `rows` rows of a glow (all of it if it is no taller): what lies over the sky."""
    return glow.subsurface((0, 0, glow.get_width(), max(0, min(rows, glow.get_height()))))


def _step(hour: float) -> int:
    """The step of the story hour the building is lit for."""
    return round(hour * LOOK_STEPS) % (24 * LOOK_STEPS)


def _lights(hour: float, lit: float | None) -> tuple[Lights, float]:
    """The lights at the story hour: the sun going down, the floodlights coming on warm and
    turning cool blue, the sky the tiles mirror at their sides; and the floods' strength."""
    light = light_at(hour)
    day = light.daylight
    sun = np.array(mix(SUN_LOW, SUN_HIGH, clamp01((day - SUN_REDDENS) / SUN_REDDENS)),
                   np.float32) / 255
    flood = lit if lit is not None else clamp01(1 - day * FLOOD_ON)
    warmth = clamp01((day - WARM_UNTIL) / WARM_SPAN)
    flood_rgb = np.array(mix(FLOOD_COOL, FLOOD_WARM, warmth), np.float32) / 255
    sky = np.array(mix(light.top, light.bottom, 0.45), np.float32) / 255
    shops = clamp01(SHOPS_ON[0] - day * SHOPS_ON[1])
    return Lights(ambient=sky * AMBIENT[0] + AMBIENT[1], sun=sun * clamp01(day * 1.6) ** 0.8,
                  flood=flood_rgb * flood, sky=sky * (0.5 + 0.6 * (1 - day)),
                  shop=np.array(SHOP, np.float32) / 255 * shops, cool=1 - warmth), flood


def _blank_maps(size: tuple[int, int]) -> Generator[None, None, Maps]:
    """Maps of the whole picture with nothing painted, one map a piece."""
    albedo = np.zeros((*size, 3), np.float32)
    yield
    weights = []
    for _ in range(7):
        weights.append(np.zeros(size, np.float32))
        yield
    return Maps(albedo, *weights)


def _spans(cols: slice, most: int = PIECE_COLUMNS) -> list[slice]:
    """`cols` (a slice with a start and a stop) in runs of at most `most`."""
    return chunks(cols.stop, most, cols.start)


def _basis(maps: Maps) -> Generator[None, None, Basis]:
    """The painted maps reduced to the pixels the building covers, as sums of its lights
    (a few pixels a piece)."""
    h = maps.alpha.shape[1]
    found = []
    for cols in _spans(slice(0, maps.alpha.shape[0]), PIECE_COLUMNS * 8):
        found.append(np.flatnonzero(maps.alpha[cols] > 0) + cols.start * h)  # flat positions
        yield
    index = np.concatenate(found)
    # A light that reaches no pixel adds nothing: left out of the sums (the same colours).
    tinted_kept, plain_kept = (
        [k for k, name in enumerate(names) if getattr(maps, name).any()]
        for names in (TINTED_LIGHTS, PLAIN_LIGHTS))
    tinted = yield from touched_floats((3, len(tinted_kept), len(index)), TOUCH_PIECE)
    plain = yield from touched_floats((len(plain_kept), len(index)), TOUCH_PIECE)
    for part in chunks(len(index), PIECE_PIXELS):
        kept = index[part]

        def pick(weight: np.ndarray, kept: np.ndarray = kept) -> np.ndarray:
            return weight.reshape(-1)[kept]

        albedo = maps.albedo.reshape(-1, 3)[kept].T  # (3, pixels)
        lights = [pick(getattr(maps, TINTED_LIGHTS[k])) for k in tinted_kept]
        for channel, colour in enumerate(albedo):
            for row, light in enumerate(lights):
                tinted[channel, row, part] = colour * light
        plains = [albedo.mean(axis=0) * pick(maps.flood), pick(maps.gloss), pick(maps.sky),
                  pick(maps.shop)]
        for row, k in enumerate(plain_kept):
            plain[row, part] = plains[k]
        yield
    alpha = np.round(maps.alpha.reshape(-1)[index] * 255).astype(np.uint8)
    return Basis(index, tinted, plain, alpha, (tinted_kept, plain_kept))


def _places(index: np.ndarray, height: int, pitch: int) -> np.ndarray:
    """Flat positions in an image's (columns, rows) arrays as positions in the memory of a
    32-bit surface of it whose rows are `pitch` bytes apart."""
    columns, rows = np.divmod(index, height)
    return rows * (pitch // PIXEL_BYTES) + columns


def _write(image: pygame.Surface, places: np.ndarray, rgb: np.ndarray,
           alpha: np.ndarray) -> np.ndarray:
    """Set the pixels at `places` in a 32-bit surface's memory to colours `rgb` (3, pixels)
    and `alpha` (pixels,), straight into it (no full-size copy through an array); the pixels
    as written."""
    *colour_shifts, alpha_shift = image.get_shifts()
    packed = alpha.astype(np.uint32) << alpha_shift
    for channel, shift in zip(rgb, colour_shifts, strict=True):
        packed |= channel.astype(np.uint32) << shift
    # (a BufferProxy is a buffer; pygame's type stubs do not say so)
    np.frombuffer(cast(memoryview, image.get_buffer()), np.uint32)[places] = packed
    return packed


def _lit(basis: Basis, lights: Lights, part: slice) -> np.ndarray:
    """The colours of the building's pixels `part` under the lights, (3, pixels) 0..255
    (unclipped)."""
    cool = lights.cool * COOL_PALE
    # Blue light on gold would go olive: under the cool floods the gold is greyed, so it
    # reads blue; its gloss goes from gold to a white glint.
    gloss = (lights.sun + lights.flood) * (np.array(GOLD) * (1 - lights.cool)
                                           + GLINT * lights.cool) * GLOSS
    tinted = np.stack([lights.ambient, lights.sun, lights.flood * (1 - cool)], axis=1)
    plain = np.stack([lights.flood * cool, gloss, lights.sky * 255 * 0.5, lights.shop * 255],
                     axis=1)
    # einsum: several times faster than matmul over so few lights and so many pixels
    tinted_kept, plain_kept = basis.kept
    colours = np.einsum("ck,ckp->cp", tinted[:, tinted_kept].astype(np.float32),
                        basis.tinted[..., part])
    if not plain_kept:  # (einsum over no lights at all is slow)
        return colours
    return colours + np.einsum("ck,kp->cp", plain[:, plain_kept].astype(np.float32),
                               basis.plain[:, part])


def _pools(s: np.ndarray, f: np.ndarray, bays: int) -> np.ndarray:
    """Floodlight thrown up the wall from lamps at its foot: fans of light fading upwards."""
    spacing = POOL_EVERY / bays
    off = (s % spacing) / spacing - 0.5  # -0.5..0.5 across one lamp's reach
    wide = 0.1 + 0.25 * f  # the fan opens as it rises
    return 0.05 + 1.7 * np.exp(-(off / wide) ** 2) * np.exp(-f * 1.2)


def _near_any(f: np.ndarray, centres: tuple[float, ...], half: float) -> np.ndarray:
    """Where f lies within `half` of any of the centres (as 0 or 1)."""
    hit = np.zeros(f.shape, bool)
    for centre in centres:
        hit |= np.abs(f - centre) < half
    return hit.astype(np.float32)


def _fallen_in(off: np.ndarray, unit: float, rng: np.random.Generator) -> np.ndarray:
    """How high the burnt box still stands over each column (`off`: its distance from the
    drum's axis): stretches of it fallen in to a stump, their ends sloping like rubble."""
    tall = BOX_TALL * unit
    stands = np.full(len(off), tall)
    length = BOX_LONG * unit
    for n in range(max(1, round(BOX_LONG / HUSK_FALLEN_EVERY))):
        middle = DRUM_HALF * unit + length * (n + rng.uniform(0.2, 0.8)) / (BOX_LONG
                                                                         / HUSK_FALLEN_EVERY)
        half = unit * rng.uniform(*HUSK_FALLEN_WIDE) / 2
        low = tall * rng.uniform(*HUSK_FALLEN_TO)
        slope = np.clip((np.abs(off - middle) - half) / half, 0, 1)
        stands = np.minimum(stands, low + (tall - low) * slope)
    return stands


def _gutted(off: np.ndarray, up: np.ndarray, unit: float) -> np.ndarray:
    """How bright the burnt box's wall is at each pixel (1 for the drum): its windows blown
    out and dark inside, soot above them, streaks down the wall (`off`: each column's distance
    from the axis, `up`: each row's height)."""
    width, tall = HUSK_CELL[0] * unit, HUSK_CELL[1] * unit
    across, rise = off[:, None] / max(1.0, width), up[None, :] / max(1.0, tall)
    cell = _hash(np.floor(across) + 17, np.floor(rise) + 5)
    inside = (np.abs(across % 1 - 0.5) < 0.36) & (rise % 1 > 0.2) & (rise % 1 < 0.75)
    gutted = (cell < HUSK_GUTTED) & (rise > 0.6)
    hole = gutted & inside
    soot = gutted & (np.abs(across % 1 - 0.5) < 0.42) & (rise % 1 >= 0.75)
    streak = _hash(np.floor(off / max(1.0, HUSK_STREAKS[0] * unit)), 29)[:, None]
    shade = np.where(hole, HUSK_HOLE_DARK, np.where(soot, HUSK_SOOT, 1 - HUSK_STREAKS[1]
                                                        * streak))
    return np.where(off[:, None] < DRUM_HALF * unit, 1.0, shade).astype(np.float32)


def _blobs(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Smooth repeatable noise in [0, 1) over a grid (a across, b up; whole steps apart its
    values are unrelated): blobs, not squares."""
    a0, b0 = np.floor(a), np.floor(b)
    sa, sb = (a - a0) ** 2 * (3 - 2 * (a - a0)), (b - b0) ** 2 * (3 - 2 * (b - b0))
    low = _hash(a0 + 71, b0) * (1 - sa) + _hash(a0 + 72, b0) * sa
    high = _hash(a0 + 71, b0 + 1) * (1 - sa) + _hash(a0 + 72, b0 + 1) * sa
    return low * (1 - sb) + high * sb


def _hash(a: np.ndarray, b: np.ndarray | float) -> np.ndarray:
    """A repeatable pseudo-random number in [0, 1) for each pair of whole numbers."""
    x = (np.asarray(a, np.int64) * 374761393 + np.asarray(b, np.int64) * 668265263) & 0xFFFFFFFF
    x = ((x ^ (x >> 13)) * 1274126177) & 0xFFFFFFFF
    return ((x ^ (x >> 16)) & 0xFFFFFF).astype(np.float32) / float(1 << 24)

