"""The boulevard's asphalt close to: worked out once for a street (numpy), laid on its kept
picture when it is built for a light (a few blits a band of rows, never a frame): the grain of
the stone in it, the lanes worn pale by the tyres with an oil-dark line down each lane's middle,
patches of newer and older asphalt, cracks, the concrete gutter along each kerb; on a dry road
the low sun's sheen (a broad glare under the sun, following it down the sky as it sets and
fading after it, paling towards the horizon) and the long shadows of the lamp posts, as strong
as the sun is low and still up."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import TOUCH_BYTES, Color, Pieces, chunks, mix, scaled
from installation.visuals.noise import smooth_noise_at
from installation.visuals.palette import SUN_DAY, sun_across
from installation.visuals.roadmarks import HORIZON_T
from installation.visuals.street_view import Perspective

GRAIN = 12.0  # the stone's grain, + and - this much (of 255) at the picture's foot
GRAIN_SEEN = 3.0  # ...fading to a third of it beyond this depth (finer than a pixel)
MOTTLE = 10.0  # patches of newer and older asphalt, + and - this much
TRACKS = (-0.895, -0.665, -0.415, -0.185, 0.185, 0.415, 0.665, 0.895)  # the tyres' tracks
TRACK_HALF, TRACK_WEAR = 0.045, 8.0  # a track's half width (world x), how much paler
OIL = (-0.78, -0.3, 0.3, 0.78)  # the lanes' middles, dark with drips
OIL_HALF, OIL_DARK = 0.035, 6.0
WEAR_SEEN = 7.0  # tracks and drips fade out beyond this depth
GUTTER = (0.9, 0.985)  # the concrete gutter pan along each kerb, across (from the middle)
GUTTER_PALE, JOINT_DARK = 22.0, 12.0  # the pan's concrete, the dark joint at its road edge
JOINT_HALF = 0.008
CRACKS, CRACK_STEPS, CRACK_STEP = 9, 9, 0.05  # cracks, and their steps (world units)
CRACK_DARK = 14  # how much darker a crack is
CRACK_NEAR = (0.6, 3.0)  # the cracks lie between these depths
PATCHES = 4  # patches of newer asphalt laid over trenches, near the viewer...
PATCH_SIZE = ((0.25, 0.6), (0.3, 0.9))  # ...this wide and long (world units)
PATCH_DARK, SEAM_DARK = 7, 16  # how much darker a patch is, and its seam
SUN_COLUMN = 0.83  # the glare's map is made under this column, and laid moved to the sun's
SUN_REACH = 0.75  # the sun's column is laid up to this far (of the width) from SUN_COLUMN
AFTERGLOW = 0.5  # story hours: the glare fades this long after the sun has set, then is gone
GLARE_STEPS = 6  # the glare moves and fades in steps of this many to a story hour (see `glare_at`)
GLARE_SPREAD = (0.05, 0.22)  # the glare's half width at the horizon and at the foot (of width)
GLARE_FALL, GLARE_FOOT = 1.6, 0.3  # the glare dims towards the viewer this steeply, to
#                                     this much of it at the picture's foot
SHEEN_FAR = 0.5  # the whole far road catches the bright horizon this much of the glare
POLISH = 0.6  # the worn tracks shine this much more in the glare
GLARE = 0.55  # the glare at its brightest, of the horizon's colour
SUN_LOW = (0.05, 0.25, 0.95, 0.3)  # the sun's sheen comes in from this daylight over this
# much, and goes as the daylight climbs past the third over the fourth (a high sun: none)
SHADOW_REACH = (-1.3, -2.6)  # a lamp post's shadow, from its foot (world x, z), the sun low
SHADOW_HALF = 0.02  # its half width (world x)
SHADOW_DARK = 14  # how much darker it is (of 255), besides the glare gone in it
SHADOW_SUN = 0.3  # the posts cast shadows while the daylight is above this (the sun up)
NEAREST = 0.4  # world z: a shadow is drawn no nearer than this
LIFT_NIGHT = 0.45  # the grain and wear at night, of their strength by day
BAND_PIXELS = 8_000  # pixels of road worked out in one piece (about a millisecond)
COLUMN_PIXELS = 64_000  # ...of the sun's glare (simpler: about a millisecond too)
LAY_ROWS = 40  # rows laid over the picture in one piece (about a millisecond)


def _profiles() -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    """Across the road (world x), the tyres' worn tracks, the drips down the lanes, the
    gutter's joint and its pan (1 on it), sampled finely to be looked up."""
    across = np.linspace(-1.2, 1.2, 4801, dtype=np.float32)
    tracks = sum(np.exp(-(((across - at) / TRACK_HALF) ** 2)) for at in TRACKS)
    drips = sum(np.exp(-(((across - at) / OIL_HALF) ** 2)) for at in OIL)
    a = np.abs(across)
    joint = np.exp(-(((a - GUTTER[0]) / JOINT_HALF) ** 2))
    pan = ((a >= GUTTER[0]) & (a <= GUTTER[1])).astype(np.float32)
    return across, (np.asarray(tracks), np.asarray(drips), joint, pan)


ACROSS, PROFILES = _profiles()


@dataclass(frozen=True)
class Road:
    """The street's road: its view, its half width, where its lamp posts stand (x, z) and
    whether it is wet."""

    view: Perspective
    half: float
    posts: tuple[tuple[float, float], ...]
    wet: bool


class Asphalt:
    """The maps of a street's asphalt: what lightens it, what darkens it, where the sun's
    glare lies, the posts' shadows (grey surfaces of the ground under the horizon)."""

    def __init__(self, road: Road, seed: int) -> None:
        self.road, self.seed = road, seed
        (width, height), horizon = road.view.size, road.view.horizon
        self.size = (width, height - horizon)

    def making(self) -> Pieces:
        """The maps, a band of about BAND_PIXELS of road a piece, then the patches, the cracks
        and the shadows."""
        made = []
        dry = not self.road.wet  # (on a wet road the mirror shines instead of the sun)
        reach = round(SUN_REACH * self.size[0]) if dry else 0
        for wide in [self.size[0]] * 4 + [self.size[0] + 2 * reach if dry else 1]:
            made.append(pygame.Surface((wide, self.size[1])))
            if self.size[0] * self.size[1] * 4 >= TOUCH_BYTES:  # (a large new surface takes a
                yield  # while to touch)
        self.lift, self.dark, self.sheen, self.shadow, self.column = made
        self.polish = pygame.Surface(self.size if dry else (1, 1))  # where the glare lies: the
        self.reach = reach  # road, worn tracks brighter (the column laid over it is multiplied)
        if dry:
            yield from self._columns()
        grain = np.random.default_rng(self.seed)
        for rows in self._bands():
            self._band(rows, grain)
            yield
        rng = random.Random(self.seed)
        self._patches(rng)
        self._cracks(rng)
        if not self.road.wet:
            self._shadows()
        yield

    def _bands(self) -> list[slice]:
        """The ground's rows in bands of about BAND_PIXELS of road each (many narrow rows far
        off, a few wide ones near)."""
        view = self.road.view
        width, height = view.size
        bands, start, pixels = [], 0, 0
        for row in range(self.size[1]):
            k = (row + 0.5) / ((height - view.horizon) * HORIZON_T)
            pixels += min(width, int(2 * self.road.half * width * 0.5 * k) + 2)
            if pixels >= BAND_PIXELS:
                bands.append(slice(start, row + 1))
                start, pixels = row + 1, 0
        if start < self.size[1]:
            bands.append(slice(start, self.size[1]))
        return bands

    def _band(self, rows: slice, grain: np.random.Generator) -> None:
        """The maps over `rows` of the ground (only the road's columns: the rest stays dark)."""
        view, horizon = self.road.view, self.road.view.horizon
        width, height = view.size
        ys = np.arange(rows.start, rows.stop, dtype=np.float32)[None, :] + horizon + 0.5
        k = (ys - horizon) / ((height - horizon) * HORIZON_T)
        reach = self.road.half * width * 0.5 * float(k.max())  # the road's columns, widest
        left, right = max(0, int(view.middle - reach) - 1), min(width, int(view.middle + reach) + 2)
        cols = np.arange(left, right, dtype=np.float32)[:, None] + 0.5
        x, z = (cols - view.middle) / (width * 0.5 * k), 1.0 / k
        road = np.abs(x) <= self.road.half
        near = np.clip(GRAIN_SEEN / z, 1 / 3, 1.0)
        worn = np.clip(WEAR_SEEN / z - 1.0, 0.0, 1.0)
        tone = GRAIN * (grain.random(x.shape, dtype=np.float32) - 0.5) * 2 * near
        tone += MOTTLE * 2 * (smooth_noise_at(self.seed, x * 2.7 + z * 0.6)
                              * smooth_noise_at(self.seed + 1, z * 0.9 - x * 1.1) - 0.25)
        tracks, drips, joint, pan = (np.interp(x, ACROSS, profile) for profile in PROFILES)
        patchy = smooth_noise_at(self.seed + 2, z * 3.0 + x)
        tone += (TRACK_WEAR * tracks - OIL_DARK * drips * patchy) * worn
        tone = np.where(pan > 0.5, tone * 0.5 + GUTTER_PALE, tone) - JOINT_DARK * joint
        tone = np.where(road, tone, 0.0)
        self._put(self.lift, (left, rows), np.clip(tone, 0, 255))
        self._put(self.dark, (left, rows), np.clip(-tone, 0, 255))
        if not self.road.wet:  # (on a wet road the street's mirror shines instead)
            polish = road * (1 + POLISH * tracks * worn) / (1 + POLISH)
            self._put(self.polish, (left, rows), 255 * polish)
            self._put(self.sheen, (left, rows), 255 * np.clip(_sheen(ys, view) * polish, 0, 1))

    def _columns(self) -> Pieces:
        """The glare under the sun at SUN_COLUMN, on a map wide enough to be laid moved to
        wherever the sun is (its road and its worn tracks are `polish`'s), about COLUMN_PIXELS
        of it a piece."""
        view = self.road.view
        width = view.size[0]
        cols = np.arange(-self.reach, width + self.reach, dtype=np.float32)[:, None] + 0.5
        for rows in chunks(self.size[1], max(1, COLUMN_PIXELS // len(cols))):
            ys = np.arange(rows.start, rows.stop, dtype=np.float32)[None, :] + view.horizon + 0.5
            self._put(self.column, (0, rows), 255 * np.clip(_column(cols / width, ys, view), 0, 1))
            yield

    def _put(self, surface: pygame.Surface, at: tuple[int, slice], grey: np.ndarray) -> None:
        """Write `grey` (columns x rows) into a map from column at[0], over rows at[1]."""
        left, rows = at
        band = surface.subsurface((left, rows.start, grey.shape[0], rows.stop - rows.start))
        pygame.surfarray.blit_array(band, np.repeat(grey.astype(np.uint8)[:, :, None], 3, 2))

    def _patches(self, rng: random.Random) -> None:
        """Patches of newer, darker asphalt over old trenches, their seams darker still."""
        view, horizon = self.road.view, self.road.view.horizon
        for _ in range(PATCHES):
            wide, long = (rng.uniform(*size) for size in PATCH_SIZE)
            x, z = rng.uniform(-0.9, 0.9 - wide), rng.uniform(*CRACK_NEAR)
            quad = [(px, py - horizon) for px, py in (
                view(x, z), view(x + wide, z), view(x + wide, z + long), view(x, z + long))]
            pygame.draw.polygon(self.dark, (PATCH_DARK,) * 3, quad)
            pygame.draw.polygon(self.dark, (SEAM_DARK,) * 3, quad, 1)

    def _cracks(self, rng: random.Random) -> None:
        """A few cracks wandering across the near road."""
        view, horizon = self.road.view, self.road.view.horizon
        for _ in range(CRACKS):
            x, z = rng.uniform(-0.9, 0.9), rng.uniform(*CRACK_NEAR)
            turn = rng.uniform(0, math.tau)
            points = []
            for _step in range(CRACK_STEPS):
                sx, sy = view(x, z)
                points.append((sx, sy - horizon))
                turn += rng.uniform(-0.9, 0.9)
                x, z = x + CRACK_STEP * math.cos(turn), z + CRACK_STEP * math.sin(turn)
            pygame.draw.lines(self.dark, (CRACK_DARK,) * 3, False, points)

    def _shadows(self) -> None:
        """The lamp posts' long shadows, away from the low sun, as thin wedges: the glare
        gone in them."""
        view, horizon = self.road.view, self.road.view.horizon
        for x, z in self.road.posts:
            end_x, end_z = x + SHADOW_REACH[0], max(NEAREST, z + SHADOW_REACH[1])
            share = (z - end_z) / -SHADOW_REACH[1]
            end_x = x + SHADOW_REACH[0] * share
            wedge = [view(x - SHADOW_HALF, z), view(x + SHADOW_HALF, z),
                     view(end_x + SHADOW_HALF, end_z), view(end_x - SHADOW_HALF, end_z)]
            pygame.draw.polygon(self.shadow, (255, 255, 255),
                                [(px, py - horizon) for px, py in wedge])
        for lit in (self.polish, self.sheen):  # (no sun in them)
            lit.blit(self.shadow, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
        self.shadow.fill((SHADOW_DARK,) * 3, special_flags=pygame.BLEND_RGB_MULT)

    def laying(self, image: pygame.Surface, daylight: float, tint: Color,
               sun: tuple[float, float]) -> Pieces:
        """Lay the asphalt on `image` (the street being built, its road's rows painted), in
        the light of `daylight` and the horizon's colour `tint`: on a dry road the sun's glare
        under its column, at its strength (`sun`: see `glare_at`), and the posts' shadows too;
        LAY_ROWS rows a piece."""
        lift = LIFT_NIGHT + (1 - LIFT_NIGHT) * daylight
        column, strength = sun
        glare = 0.0 if self.road.wet else sun_low(daylight) * strength
        shade = 1.0 if daylight > SHADOW_SUN else 0.0
        shift = self.reach - round((column - SUN_COLUMN) * self.size[0])
        shift = max(0, min(2 * self.reach, shift))
        layers = [(self.lift, mix((255, 255, 255), tint, 0.3), lift, pygame.BLEND_RGB_ADD),
                  (self.dark, (255, 255, 255), 1.0, pygame.BLEND_RGB_SUB),
                  (self.shadow, (255, 255, 255), glare * shade, pygame.BLEND_RGB_SUB)]
        horizon = self.road.view.horizon
        for rows in chunks(self.size[1], LAY_ROWS):
            area = pygame.Rect(0, rows.start, self.size[0], rows.stop - rows.start)
            copy = pygame.Surface(area.size)
            if glare > 0:  # the column moved under the sun, on the road, and the far sheen
                copy.blit(self.column, (0, 0), area.move(shift, 0))
                copy.blit(self.polish, (0, 0), area, special_flags=pygame.BLEND_RGB_MULT)
                copy.blit(self.sheen, (0, 0), area, special_flags=pygame.BLEND_RGB_ADD)
                level = min(1.0, GLARE * (1 + POLISH) * glare)
                copy.fill(scaled(tint, level), special_flags=pygame.BLEND_RGB_MULT)
                image.blit(copy, (0, horizon + rows.start), special_flags=pygame.BLEND_RGB_ADD)
            for grey, color, level, blend in layers:
                if level <= 0:
                    continue
                copy.blit(grey, (0, 0), area)
                copy.fill(scaled(color, min(1.0, level)), special_flags=pygame.BLEND_RGB_MULT)
                image.blit(copy, (0, horizon + rows.start), special_flags=blend)
            yield


def sun_low(daylight: float) -> float:
    """How strongly a low sun glares on the road at this daylight, 0..1 (none by night, nor
    with the sun high)."""
    rise, over, high, gone = SUN_LOW
    return max(0.0, min(1.0, (daylight - rise) / over, (high - daylight) / gone))


def glare_step(hour: float) -> int:
    """The story hour in the glare's steps (GLARE_STEPS an hour; what the street is built for),
    or -1 while there is no glare (the sun more than AFTERGLOW down: the street's picture
    keeps to one glare all night)."""
    return round(hour * GLARE_STEPS) if glare_at(hour)[1] > 0 else -1


def glare_at(hour: float) -> tuple[float, float]:
    """Where the low sun's glare lies on the road at a story hour (the sun's column, of the
    picture's width: where it goes down after it has set) and how much of it is left (1 while
    the sun is up, to none AFTERGLOW after it has set)."""
    day = (hour - SUN_DAY[0]) / (SUN_DAY[1] - SUN_DAY[0])
    after = (hour - SUN_DAY[1]) / AFTERGLOW
    before = (SUN_DAY[0] - hour) / AFTERGLOW
    return sun_across(min(1.0, max(0.0, day))), max(0.0, min(1.0, 1.0 - after, 1.0 - before))


def _column(across: np.ndarray, ys: np.ndarray, view: Perspective) -> np.ndarray:
    """The sun's glare on the road under SUN_COLUMN at columns `across` (shares of the width)
    and rows `ys`, 0..1: wider and dimmer towards the viewer."""
    t = _down(ys, view)
    spread = GLARE_SPREAD[0] + (GLARE_SPREAD[1] - GLARE_SPREAD[0]) * t
    return np.asarray(_fall(t) * np.exp(-(((across - SUN_COLUMN) / spread) ** 2)))


def _sheen(ys: np.ndarray, view: Perspective) -> np.ndarray:
    """The far road's sheen all across it in the low sun, 0..1, at rows `ys`."""
    t = _down(ys, view)
    return np.asarray(_fall(t) * SHEEN_FAR * (1 - t) ** 2)


def _down(ys: np.ndarray, view: Perspective) -> np.ndarray:
    """How far down the ground rows `ys` are, 0 at the horizon to 1 at the picture's foot."""
    height, horizon = view.size[1], view.horizon
    return np.clip((ys - horizon) / (height - horizon), 0.0, 1.0)


def _fall(t: np.ndarray) -> np.ndarray:
    """How the glare dims towards the viewer, `t` down the ground."""
    return np.asarray(GLARE_FOOT + (1 - GLARE_FOOT) * (1 - t) ** GLARE_FALL)
