"""The burnt boulevard's kept picture charred in bands of rows (numpy): every colour darkened
and drained, the dark crushed to black (windows read as holes), the walls lit by the grey sky
(but in their openings) and given their material, burnt render spalled to brick, soot streaks
up them (seen in the street's perspective), and the ground under ash (see street_ash_road): drifted,
ridged and streaked by the wind, darker towards the viewer's feet."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, chunks
from installation.visuals.figure_light import LUMA
from installation.visuals.noise import smooth_noise_at
from installation.visuals.roadmarks import HORIZON_T
from installation.visuals.street_ash_road import FARTHEST, Ground, ash_at, streaked
from installation.visuals.street_view import RISE

CHAR_ROWS = 4  # rows charred in one piece (about a millisecond and a half)
ASH_COARSE = 4  # the ash's drifts are worked out on a grid this many pixels apart, then scaled
GRAIN_ROWS = 64  # rows of the ash's fine grain, repeated down the ground
DARK, KEEP = 0.62, 0.42  # what is left of a colour's light, and of its hue (materials still read)
CRUSH, CRUSH_FLOOR = 70.0, 0.25  # below this grey, darker still (to this share): holes go black
# The grey sky lights the burnt walls (else those built in shade, on the right, are crushed to
# black): this much of SKY_WALL, times SKY_RIGHT on the right, times a + b * how far up the
# wall (the street's far side hides the sky's lower part); none in openings, what was built
# darker than OPENING[0] (up to full at OPENING[1]); less the lighter the char left a wall,
# none where it left SKY_UNTIL (far off, the haze lights them: they were never crushed).
SKY_WALL: Color = (72, 69, 66)
SKY_FILL, SKY_RIGHT, SKY_UP = 0.3, 0.8, (0.7, 0.4)  # (at 0.62 the walls came out the mid
# grey of the road and the sky: the scene had no dark to its burnt fronts)
SKY_APART = 0.12  # a thing standing clear of the walls (the cinema's bent blade): this much of
# SKY_WALL over it: burnt sheet iron, darker than any wall behind it (at the walls' own greys,
# their roofline and window bands ran on across it and it read as glass)
RUST: Color = (62, 38, 26)  # ... its enamel burnt off in patches of rust ...
RUST_EVERY, RUST_MOST = 0.045, 0.45  # ... a patch every 1 / RUST_EVERY pixels or so, at most
# this much rust
RIM = 2  # its sheet's edge, this many pixels: lit towards the light (left and top) ...
RIM_LIT: Color = (96, 90, 84)  # ... as the grey sky lights an iron edge ...
RIM_DARK = 0.35  # ... and dark on the far side (right and below), this share of its face
CAST, CAST_DARK = (0.006, 0.004), 90  # and its shadow on the wall, this far right and down (of
# the picture's width) and this dark (of 255): it stands in front of the wall
OPENING, SKY_UNTIL = (16.0, 34.0), 60.0
# Their material: stucco's grain (this deep), spalled off in patches (where a noise along and
# up them, SPALL_EVERY and SPALL_UP a world unit, passes SPALL[0], fully at SPALL[1]; darker by
# BRICK_DARK)
# showing brick courses COURSE world units apart, their mortar MORTAR of a course, darker by
# MORTAR_DARK; courses under COURSE_SEEN pixels apart are not drawn (they would shimmer).
STUCCO_GRAIN = 0.14
SPALL_EVERY, SPALL_UP, SPALL, BRICK_DARK = 4.0, 6.0, (0.3, 0.45), 0.15
SPALL_FAR = 15.0  # beyond this depth the patches are all alike (a pixel or two): as there
COURSE, MORTAR, MORTAR_DARK, COURSE_SEEN = 0.018, 0.3, 0.4, 3.0
STREAKS = 5.0  # soot streaks a world unit along a wall
STREAK_SOOT = 0.75  # how dark a streak is at its darkest
STREAK_RISE = (0.15, 0.7)  # a streak darkens from this share of the wall's height to this
ROOF_SCORCH = 0.45  # the top of a wall, blackened where the fire came out of it
MOTTLE, MOTTLE_EVERY = 0.6, 2.3  # blotches of char over a wall, and how many a world unit
ASH: Color = (156, 145, 133)  # the settled ash, as it lies flat in the grey light: grey-brown,
# burnt stuff (the picture's light against the burnt fronts: at 126 the road was their grey
# and the sky's; at (152, 147, 141), under the sun, it read as snow)
ASH_FOOT: Color = (96, 85, 76)  # ...and under our feet: cinders and soot through it
ASH_GRAIN = 0.06  # the fine unevenness of its surface
CHAR: Color = (30, 25, 22)  # the burnt road where the wind scoured the ash off it...
CHAR_SHOWS = 0.75  # ...this much of it (the rest, the road's own charred grey)...
BARE = 0.6  # ...the ash there this much thinner at most (specks of it left on the char)...
SPECKED = (0.2, 0.5, 3.5)  # ...a pixel bare where the patch's share passes a + b * its random
# speck (0 to 1), fully c times that above: ragged, grainy edges and ash specks in the thin
FLECKS, FLECK_DARK = 0.025, 0.35  # this share of its pixels cinder and soot flecks, this much
# thinner ash (a clean even grain read as fresh snow)
SHADE_UNIT = 100  # the ash's shade, kept in a byte: 1 is this
Heights = Callable[[int, np.ndarray], np.ndarray]  # a side's wall height at each z along it


@dataclass(frozen=True)
class View:
    """The street seen: its picture's size, vanishing column, horizon row, where the kerbs
    and the walls stand (world x) and the seed of its drifts."""

    size: tuple[int, int]
    middle: int
    horizon: int
    kerb: float
    walk: float
    seed: int
    cars: tuple[tuple[float, float], ...] = ()  # where the stranded cars stand (world x, z)

    def ground(self) -> Ground:
        """The ground of this view (see street_ash_road)."""
        return Ground(self.size, self.middle, self.horizon, self.kerb, self.walk, self.cars,
                      self.seed)


@dataclass(frozen=True)
class Burn:
    """What charring a street's picture needs, worked out once: each column's depth on the
    walls' plane, its wall's height there and its soot; the ash on the ground (columns x rows
    below the horizon) and its fine grain."""

    wall_z: np.ndarray
    tall: np.ndarray
    streak: np.ndarray
    ash: np.ndarray  # 0 to 255
    shade: np.ndarray  # its light, SHADE_UNIT as it lies flat
    grain: np.ndarray  # added to it, GRAIN_ROWS rows repeated
    bare: np.ndarray  # where the wind keeps it scoured thin, 0 to 255
    flecks: np.ndarray  # taken from it (cinders), GRAIN_ROWS rows repeated
    speck: np.ndarray  # where the scoured patches break up (0 to 1), GRAIN_ROWS rows repeated


def burn(view: View, heights: Heights) -> Generator[None, None, Burn]:
    """The burn of `view`'s picture, in a few pieces: the walls' columns, then the ash on the
    ground worked out coarse (it drifts smoothly) and scaled up, its grain added."""
    width, height = view.size
    cols = np.arange(width, dtype=np.float64)
    wall_z = np.minimum(view.walk * width * 0.5 / (np.abs(cols - view.middle) + 0.5), FARTHEST)
    tall = np.where(cols < view.middle, heights(-1, wall_z), heights(1, wall_z))
    streak = _streaks(view.seed, wall_z * STREAKS)
    yield
    rows = height - view.horizon
    coarse_cols = np.arange(0, width, ASH_COARSE, dtype=np.float64) + ASH_COARSE / 2
    coarse = []
    ground = view.ground()
    for band in chunks(rows, CHAR_ROWS * ASH_COARSE * 4):
        y = view.horizon + np.arange(band.start, band.stop, ASH_COARSE, dtype=np.float64)
        amount, shade, bare = ash_at(ground, y[None, :] + ASH_COARSE / 2, coarse_cols)
        coarse.append(np.stack([amount * 255, np.clip(shade * SHADE_UNIT, 0, 255),
                                bare * 255], axis=2))
        yield
    shown = pygame.surfarray.make_surface(np.concatenate(coarse, axis=1).astype(np.uint8))
    yield
    scaled = pygame.transform.smoothscale(shown, (width, rows))
    yield
    ash = np.array(pygame.surfarray.pixels_red(scaled))  # (a copy from a view: quicker)
    yield
    shade = np.array(pygame.surfarray.pixels_green(scaled))
    yield
    bare = np.array(pygame.surfarray.pixels_blue(scaled))
    rng = np.random.default_rng(view.seed)
    grain = rng.random((width, GRAIN_ROWS), dtype=np.float32)
    flecks = FLECK_DARK * (rng.random((width, GRAIN_ROWS), dtype=np.float32) < FLECKS)
    return Burn(wall_z, tall, streak, ash, shade, ASH_GRAIN * (grain - 0.5), bare,
                flecks.astype(np.float32), rng.random((width, GRAIN_ROWS), dtype=np.float32))


def charring(image: pygame.Surface, view: View, burnt: Burn) -> Pieces:
    """Char `image` (the street's built picture) in place, CHAR_ROWS rows a piece."""
    for rows in chunks(view.size[1], CHAR_ROWS):
        pixels = pygame.surfarray.pixels3d(image)[:, rows]
        built = pixels.astype(np.float32)
        rgb = _charred(built)
        y = np.arange(rows.start, rows.stop, dtype=np.float64)[None, :]
        up, share, on_wall = wall_at(view, y, burnt)
        up = np.clip(up, 0.0, burnt.tall.max())  # (off the walls it is not used: the noises
        # over it then span a few knots, not thousands)
        rgb += _sky_on_walls(view, built, share, on_wall)
        rgb *= np.where(on_wall, _sooted(view, up, share, burnt)
                        * _material(view, y, up, burnt), 1.0)[..., None]
        if rows.stop > view.horizon:
            below = np.arange(max(0, rows.start - view.horizon), rows.stop - view.horizon)
            _under_ash(view, burnt, rgb[:, max(0, view.horizon - rows.start):], below)
        pixels[...] = np.clip(rgb, 0, 255).astype(np.uint8)
        del pixels
        yield


def _under_ash(view: View, burnt: Burn, ground: np.ndarray, below: np.ndarray) -> None:
    """The charred ground at rows `below` the horizon (columns x rows x rgb, in place) burnt
    to CHAR where the wind scoured the ash, then under the ash as deep as it lies, its
    cinders flecked through it."""
    bare = scoured(burnt, below)
    ground += (np.array(CHAR, np.float32) - ground) * (CHAR_SHOWS * bare)[..., None]
    rows_in = below % GRAIN_ROWS
    ground += (ash_colour(view, burnt, below) - ground) * (np.clip(
        burnt.ash[:, below] / np.float32(255) + burnt.grain[:, rows_in]
        - burnt.flecks[:, rows_in], 0.0, 0.97) * (1 - BARE * bare))[..., None]


def scoured(burnt: Burn, below: np.ndarray) -> np.ndarray:
    """How bare the wind keeps each pixel of rows `below` the horizon (columns x rows, 0 to
    1): its patches' edges and their thinnest ash broken up pixel by pixel (smooth, they read
    as shadows on the road)."""
    speck = burnt.speck[:, below % GRAIN_ROWS]
    bare = burnt.bare[:, below] / np.float32(255)
    return np.asarray(np.clip((bare - SPECKED[0] - SPECKED[1] * speck) * SPECKED[2], 0.0, 1.0))


def charred_over(image: pygame.Surface, drawn: pygame.Surface, at: tuple[int, int],
                 seed: int = 0) -> None:
    """What `drawn` holds (a thing standing clear of the walls, in front of them: the cinema's
    bent blade) charred on its own as burnt sheet iron, rusted in patches (seeded by `seed`),
    its edge lit on the light's side and dark on the other, laid solid over `image` `at` its
    corner with its shadow (charred with the wall, the wall's bands showed through it)."""
    box = drawn.get_bounding_rect()
    if not box.width:
        return
    part = drawn.subsurface(box)
    solid = pygame.surfarray.array_alpha(part) > 0
    rgb = pygame.surfarray.pixels3d(part)
    lit = _charred(rgb.astype(np.float32)) + SKY_APART * np.array(SKY_WALL, np.float32)
    rust = RUST_MOST * _patches(seed, solid.shape)
    lit += (np.array(RUST, np.float32) - lit) * rust[..., None]
    near, far = _rims(solid)
    lit[far] *= RIM_DARK
    lit[near] = RIM_LIT
    rgb[...] = np.clip(lit, 0, 255).astype(np.uint8)
    del rgb
    alpha = pygame.surfarray.pixels_alpha(part)
    alpha[solid] = 255  # (solid iron: nothing behind shows through its soft edge)
    del alpha
    shift = round(image.get_width() * CAST[0]), round(image.get_width() * CAST[1])
    shadow = pygame.mask.from_surface(part).to_surface(setcolor=(CAST_DARK,) * 3,
                                                       unsetcolor=(255, 255, 255))
    image.blit(shadow, box.move(at).move(shift), special_flags=pygame.BLEND_RGB_MULT)
    image.blit(part, box.move(at))


def _patches(seed: int, shape: tuple[int, ...]) -> np.ndarray:
    """Where a sheet's enamel burnt off (0 to 1 over its pixels, x by y): blotches."""
    xs = np.arange(shape[0], dtype=np.float64)[:, None] * RUST_EVERY
    ys = np.arange(shape[1], dtype=np.float64)[None, :] * RUST_EVERY
    blotch = smooth_noise_at(seed + 31, xs + ys * 0.7) * smooth_noise_at(seed + 32, ys - xs * 0.4)
    return np.asarray(np.clip((blotch - 0.25) * 3.0, 0.0, 1.0), np.float32)


def _rims(solid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A shape's edge RIM pixels deep (x by y): on its left and top (towards the light), and
    on its right and foot (where it is both, as on a thin stroke: lit)."""
    padded = np.pad(solid, RIM)  # (nothing beyond the picture's edge: no wrapping round)
    inside = padded[RIM:-RIM, RIM:-RIM]
    near = np.zeros_like(solid)
    far = np.zeros_like(solid)
    for step in range(1, RIM + 1):
        near |= inside & ~(padded[RIM - step:-RIM - step, RIM:-RIM]
                           & padded[RIM:-RIM, RIM - step:-RIM - step])
        far |= inside & ~(padded[RIM + step:padded.shape[0] - RIM + step, RIM:-RIM]
                          & padded[RIM:-RIM, RIM + step:padded.shape[1] - RIM + step])
    return near, far & ~near


def _charred(rgb: np.ndarray) -> np.ndarray:
    """Colours darkened and drained of most of their hue, the darkest crushed to black."""
    grey = rgb @ np.array(LUMA, np.float32)
    out = DARK * (grey[..., None] + KEEP * (rgb - grey[..., None]))
    crush = np.clip(grey / CRUSH, CRUSH_FLOOR, 1.0)
    return np.asarray(out * crush[..., None])


def _streaks(seed: int, along: np.ndarray) -> np.ndarray:
    """How sooted each column's wall is (0 clean to 1): narrow dark runs, seeded along it."""
    coarse = smooth_noise_at(seed, along)
    fine = smooth_noise_at(seed + 1, along * 2.7)
    return np.asarray(np.clip((0.6 * coarse + 0.4 * fine - 0.45) * 3.0, 0.0, 1.0))


def wall_at(view: View, y: np.ndarray, burnt: Burn
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where each pixel of rows `y` lies on the walls: its height up them (world units), that
    as a share of its wall's height, and whether it is on a wall at all."""
    ground = view.size[1] - view.horizon
    k = 1.0 / burnt.wall_z[:, None]
    up = (view.horizon + ground * k * HORIZON_T - y) / (ground * k * RISE)
    share = up / np.maximum(burnt.tall[:, None], 1e-6)
    return up, share, (up >= 0) & (share <= 1.0)


def _sooted(view: View, up: np.ndarray, share: np.ndarray, burnt: Burn) -> np.ndarray:
    """What is left of the light at each pixel of the walls: the streaks darkening up the
    wall, the top blackened, the burning blotched over it."""
    low, high = STREAK_RISE
    rise = np.clip((share - low) / (high - low), 0.0, 1.0)
    roof = np.clip((share - 0.7) / 0.3, 0.0, 1.0) * ROOF_SCORCH
    dark = np.clip(burnt.streak[:, None] * STREAK_SOOT * rise + roof, 0.0, 0.9)
    along = burnt.wall_z[:, None] * MOTTLE_EVERY
    blotch = smooth_noise_at(view.seed + 9, along + up * 3.7) * smooth_noise_at(
        view.seed + 10, along * 0.6 - up * 2.9)
    return np.asarray((1.0 - dark) * (1.0 + MOTTLE * (0.25 - blotch)), np.float32)


def _sky_on_walls(view: View, built: np.ndarray, share: np.ndarray, on_wall: np.ndarray
                  ) -> np.ndarray:
    """The grey sky's light on the walls (`built`: the picture before it was charred): more
    up them, less on the right (the side away from the light), none in the openings (what was
    built darker than OPENING)."""
    grey = built @ np.array(LUMA, np.float32)
    solid = np.clip((grey - OPENING[0]) / (OPENING[1] - OPENING[0]), 0.0, 1.0)
    solid *= np.clip(1.0 - grey * DARK / SKY_UNTIL, 0.0, 1.0)  # (what the char left dark)
    right = (np.arange(view.size[0]) >= view.middle)[:, None]
    fill = SKY_FILL * np.where(right, SKY_RIGHT, 1.0) * (SKY_UP[0] + SKY_UP[1] * np.clip(
        share, 0.0, 1.0))
    return np.asarray((fill * solid * on_wall)[..., None] * np.array(SKY_WALL, np.float32),
                      np.float32)


def _material(view: View, y: np.ndarray, up: np.ndarray, burnt: Burn) -> np.ndarray:
    """The walls' burnt render and brick at each pixel, as a factor on their light: stucco's
    fine grain, and where it spalled off in the heat, brick courses (left out where they would
    be under COURSE_SEEN pixels apart)."""
    along = burnt.wall_z[:, None]
    near = np.minimum(along, SPALL_FAR)
    patches = smooth_noise_at(view.seed + 21, near * SPALL_EVERY + up * SPALL_UP) * (
        smooth_noise_at(view.seed + 22, near * SPALL_EVERY * 0.7 - up * SPALL_UP * 1.3))
    spall = np.clip((patches - SPALL[0]) / (SPALL[1] - SPALL[0]), 0.0, 1.0)
    apart = (view.size[1] - view.horizon) / along * RISE * COURSE  # pixels between courses
    seen = np.clip((apart - COURSE_SEEN) / COURSE_SEEN, 0.0, 1.0)
    mortar = ((up / COURSE) % 1.0 < MORTAR) * seen * spall
    rows = (y.astype(int) % GRAIN_ROWS)[0]
    grain = 1.0 + STUCCO_GRAIN * burnt.grain[:, rows] / ASH_GRAIN
    return np.asarray(grain * (1.0 - BRICK_DARK * spall) * (1.0 - MORTAR_DARK * mortar),
                      np.float32)


def ash_colour(view: View, burnt: Burn, below: np.ndarray) -> np.ndarray:
    """The ash's colour at rows `below` the horizon: paler far off, sooted towards our feet,
    lit and shaded by its drifts and streaked by the wind."""
    height = view.size[1] - view.horizon
    share = (below / np.float32(height))[None, :, None] ** 2
    colour = np.array(ASH, np.float32) + (np.array(ASH_FOOT, np.float32)
                                          - np.array(ASH, np.float32)) * share
    y = (view.horizon + below).astype(np.float64)[None, :]
    light = burnt.shade[:, below] / np.float32(SHADE_UNIT) * streaked(
        view.ground(), y, np.arange(view.size[0], dtype=np.float64))
    return np.asarray(colour * light[..., None], np.float32)
