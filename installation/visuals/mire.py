"""Where an animal goes into the tar: the tar heaped round it in an uneven, glossy collar with
the sky caught along its lip and the tar clinging to its lowest rows (the slow rings spreading
from it over the surface: mire_rings).

The collar and the coat are worked out here a piece at a time (mire_wading keeps them for a
depth and makes the next ahead)."""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, Setup, mix
from installation.visuals.mire_sides import climb, ring
from installation.visuals.noise import smooth_noise_at

COLLAR = 0.045  # how high the tar heaps against an animal, in its heights
SPREAD = 2.4  # how far past its sides the heap runs out, in collar heights
LUMPS = 1.0  # how much the heap's top rises and falls, as a share of its height (0.8 with
# TONGUES 0.6, the noon mother's edge in the tar read as a ruled cut)
LUMP_WIDTHS = (2.2, 0.7)  # across one lump of the heap, big and small, in collar heights
LIT = 0.12  # how far down the heap's top catches the light, in collar heights
TONGUES = 0.85  # how much higher the tar is pushed up her in places, in collar heights
TONGUE_RUNS = (3.2, 1.3)  # ... about this many collar heights across, their highs this sharp
# (1.6 and 2: the lip's sheen along her at noon zigzagged, peak to peak, as a pale saw line)
GHOST_LUMPS = (0.8, 0.6)  # ... both on an apparition (the dream's tar round her legs) ...
GHOST_HEAP = 0.3  # ... its heap this share as high (the dream's tar has no far side behind her:
# a full heap showed the night over it, her legs ending in black socks over a strip of sky)
SOFT_EDGE = 0.45  # the tar's edge on her fades over this many collar heights (a soft line)
UNDER_DEPTH = 4.0  # her body under the tar shows as a dark swell fading to nothing this many
# collar heights under the surface (2 at half strength read as a paler body under black caps) ...
SWELL = (0.35, 0.1)  # ... as she goes under: from none with this share of her height above
# the tar to all of it this share further down (higher, it read as a pane of glass under her)
WET_EDGE = 0.85  # how dark she goes where she meets the tar, before she goes under (all the
# way as she does)
SHEEN = 0.45  # the sky's glint along that edge, at its strongest ...
SHEEN_ROWS = 1.6  # ... over this many rows above it, against her ...
SHEEN_FALL = 0.4  # ... and down into the tar over this many collar heights: wet tar drawn up
# round her catching the sky (the same few rows below as above, it ran along her waterline at
# noon as a thin pale drawn line)
MENISCUS = 0.45  # against her the lip glints at least this much (the tar drawn up round her in
# a meniscus: broken everywhere, the edge on her read as a ruled cut)
COAT = 2.0  # how high the tar clings on the animal above the line, in collar heights (its
# wet band shows above the soft edge where the tar meets her: at 1.3, under the heap) ...
GHOST_COAT = 0.45  # ... but on an apparition's see-through legs a dark wet edge only (tall,
# it read as trees; at 1.3, on the dream's legs of light going into the tar, as black boots)
COAT_CLIMB = 0.75  # round her sides, where the tar is drawn up her, the wet coat above it is
# drawn up with it and fades this much at the top of the climb (level there, it ended square
# at the noon mother's right, a brown band cut off at her flank)
COAT_SOFT = 0.2  # the coat's upper edge fades over this many collar heights (over half of
# one, on her pale tusk, the tar read as a grey smear)
DRIPS = 1.2  # how much higher it runs up her in streaks, in collar heights
DRIP_WIDTH = 0.8  # its runs rise about every this many collar heights, uneven ...
DRIP_SHARP = 2.5  # ... their highs this sharp (1: soft waves; a streak's square-shouldered
# bells, evenly set along a level line, read at noon as a saw's edge)
RUN_OCTAVES = ((0.55, 1.0), (0.3, 0.45), (0.15, 0.2))  # an uneven rise's noise: these shares
# of it wander at these shares of its width
TAR_LIT = (52, 40, 29)  # the heap's top, facing the sky
COATED = (12, 9, 7)  # fur soaked in tar: no paler than her coat (paler streaks read as teeth)
GLOSS = 0.5  # the lip's highlight lies this share of the way from the tar to the sky
COAT_GLOSS = 0.6  # the wet coat's edge on her dry fur: this far to a warm wet brown with the
# sky's sheen, along its top only (its streaks filled with it at 0.14 stood as pale teeth along
# her tar line at noon; towards the noon sky itself, evenly spaced, they read as blue combing)
COAT_LIP = (0.9, 1.3)  # that glossy edge: this many rows under the wet fur's top, over this
# many rows each side (a thin line, uneven as the wet edge is)
COAT_GLINT = (2.4, 0.5)  # how the edge glints along her: noise times this, less this (broken)
WET_BROWN = (70, 50, 34)  # tar running down a coat, lit
PALE = (236, 226, 212)  # the sky as a wet sheen gives it back: paled towards this ...
PALE_SHARE = 0.65  # ... this far (the noon sky's own blue along her edge read as a blue line)
SKY_IN_WET = 0.3  # how much of that pale sky a wet streak shows, the rest its warm brown
PIECE_PIXELS = 7_700  # the collar and the coat are worked out about this many pixels a piece
# (in bands of whole columns: round the Dream's mother at 1080p, 80 rows of collar, 96 columns)
Seed = int


def sky_over(setup: Setup) -> Color | None:
    """The colour of the scene's own sky over the tar (its sky layer's `top`; None where the
    sky follows the hour)."""
    return next((spec.params["top"] for spec in setup.scene.layers if spec.type == "sky"), None)


def collar_height(size: float) -> int:
    """How high the tar heaps against an animal `size` pixels tall."""
    return max(3, round(size * COLLAR))


def collar_reach(size: float) -> int:
    """How far past the ends of its line, and below it, a collar can paint (a pixel spare)."""
    return collar_reach_of(collar_height(size))


def distance_to_solid(solid: np.ndarray) -> np.ndarray:
    """Per column, how many columns away the nearest solid one is (solid: 0)."""
    index = np.arange(solid.size, dtype=float)
    at = np.where(solid, index, -np.inf)
    left = np.maximum.accumulate(at)
    right = -np.maximum.accumulate(np.where(solid, -index, -np.inf)[::-1])[::-1]
    return np.minimum(index - left, right - index)


def noise_along(seed: Seed, columns: np.ndarray, width: float) -> np.ndarray:
    """Smooth noise in [0, 1) along columns, one wander every `width` columns."""
    return smooth_noise_at(seed, columns / width)


def runs(seed: Seed, count: int, width: float, sharp: float = 2.0) -> np.ndarray:
    """Uneven rises of height up to 1 along `count` columns, about `width` columns across:
    smooth noise at three scales, its highs sharpened by `sharp` (bells set on a level line,
    however jittered, read at noon as a saw's teeth along her waterline; noise has no level
    line between its rises, nor two alike)."""
    columns = np.arange(count, dtype=float)
    wander = sum(share * noise_along(seed + n, columns, width * scale)
                 for n, (share, scale) in enumerate(RUN_OCTAVES))
    return np.asarray(np.clip(wander, 0.0, 1.0) ** sharp)


def soaked_line(seed: Seed, width: int, thick: int, coat: float = COAT) -> np.ndarray:
    """How high the tar clings all along a figure `width` columns wide, in collar heights,
    before its runs up her (`Grain.cling`): a slow wander about `coat`."""
    own = np.arange(width, dtype=float)
    return np.asarray(coat * (0.6 + 0.4 * noise_along(seed + 13, own, thick * 1.5)))


def pale(sky: Color) -> Color:
    """The sky as wet tar gives it back: paled (see PALE_SHARE)."""
    return mix(sky, PALE, PALE_SHARE)


@dataclass(frozen=True)
class Grain:
    """What belongs to a figure's columns whatever its depth (worked out once): how lumpy the
    tar heaps in each (padded) column and where its edge glints, and in each of its own columns
    how high the tar clings and where it has run up in streaks."""

    lumps: np.ndarray  # the heap's height, before it runs out past her sides, in collar heights
    glint: np.ndarray  # 0..1, how much the lip catches the sky
    cling: np.ndarray  # how high the coat reaches, in collar heights
    wet: np.ndarray  # 0..1, how much the coat's top edge catches the sky, in each column
    meniscus: float = MENISCUS  # how much the lip glints against her, at least
    tongues: float = TONGUES  # how much higher the tar is pushed up her in places
    flank: float = 0.0  # how much higher it is drawn up round her sides
    ring: float = 0.0  # how much higher round her sides in a ring (the last of her: `RING`)

    @staticmethod
    def of(width: int, pad: int, thick: int, seed: Seed, drips: float = DRIPS,
           coat: float = COAT, flank: float = 0.0, ring: float = 0.0) -> Grain:
        """`coat`: GHOST_COAT for an apparition (the dream's tar, unlit: her lip glints only
        here and there, over smaller lumps, and never drawn up her sides); `flank`: an
        animal's FLANK[0]; `ring`: RING for the last of her going under."""
        padded = np.arange(width + 2 * pad, dtype=float)
        big, small = (noise_along(seed + n, padded, thick * w) for n, w in enumerate(LUMP_WIDTHS))
        tongues = runs(seed + 5, padded.size, thick * TONGUE_RUNS[0], TONGUE_RUNS[1])
        ghost = coat == GHOST_COAT
        lumpy, tongued = GHOST_LUMPS if ghost else (LUMPS, TONGUES)
        high = GHOST_HEAP if ghost else 1.0
        tongued = max(0.0, tongued * high - ring)  # (a ring's tar stands no higher: its sprites
        # no bigger, her going under no dearer to draw)
        lumps = high * (1 - lumpy + lumpy * (0.65 * big + 0.35 * small)) + tongued * tongues
        glint = np.clip(noise_along(seed + 7, padded, thick * 0.7) * 3.0 - 1.2, 0.0, 1.0)
        own = np.arange(width, dtype=float)
        streaks = runs(seed + 11, width, thick * DRIP_WIDTH, DRIP_SHARP)
        cling = soaked_line(seed, width, thick, coat) + drips * streaks
        gain, less = COAT_GLINT
        wet = np.clip(noise_along(seed + 17, own, thick * 0.9) * gain - less, 0.0, 1.0)
        return Grain(np.asarray(lumps, np.float32), np.asarray(glint, np.float32),
                     np.asarray(cling, np.float32), np.asarray(wet, np.float32),
                     meniscus=0.0 if ghost else MENISCUS, tongues=tongued,
                     flank=0.0 if ghost else flank, ring=ring)


def rise_of(thick: int, grain: Grain) -> int:
    """The rows above the line the tar's collar is drawn in: as high as its heap against a
    figure stands, but for the climb up her sides (see `heap_of`)."""
    return math.ceil(thick * (1 + grain.tongues + grain.ring))


def heap_of(thick: int, grain: Grain) -> int:
    """The rows above the line the tar heaped against a figure can reach, its climb up her
    sides too: the rows her edge fades over (over the collar's alone, the heap up her sides
    stood over rows of her drawn whole, a straight line across her raised trunk at 10:39)."""
    return math.ceil(thick * (1 + grain.tongues + grain.ring + grain.flank))


def heap(solid: np.ndarray, thick: int, grain: Grain,
         standing: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """How high the tar stands above the surface line in each column (the figure's row padded
    by `collar_reach` each side): highest against the animal, running out past its sides, and
    lumpy all along (the lumps belong to the columns, so they stay as she sinks); drawn up
    `grain.flank` collar heights higher round her sides (see `mire_sides.climb`), and
    `grain.ring` in a ring round what of her stands out of it (`standing`, padded alike: else
    `solid`; see `mire_sides.ring`). Also how near her each column is (1 against her, falling
    off past her sides). Worked out once a depth."""
    falloff = _falloff(solid, thick)
    drawn = grain.flank * climbing(solid, thick, grain)
    if grain.ring:
        around = solid if standing is None else standing
        drawn = drawn + grain.ring * ring(around, thick, distance_to_solid(around))
    return falloff, np.asarray(thick * (falloff * grain.lumps + drawn), np.float32)


def climbing(solid: np.ndarray, thick: int, grain: Grain) -> np.ndarray:
    """How far the tar is drawn up round her sides in each (padded) column, 0..1 (see
    `mire_sides.climb`; none without `grain.flank`)."""
    if not grain.flank:
        return np.zeros(solid.size, np.float32)
    return climb(solid, thick)


def _falloff(solid: np.ndarray, thick: int) -> np.ndarray:
    """1 against the animal, falling off past its sides over the heap's reach."""
    reach = thick * SPREAD
    return np.exp(-((distance_to_solid(solid) / (reach / 2.2)) ** 2)).astype(np.float32)


def collar_pieces(solid: np.ndarray, thick: int, grain: Grain, sky: Color,
                  standing: np.ndarray | None = None
                  ) -> Generator[None, None, tuple[pygame.Surface, np.ndarray]]:
    """The tar's sheen where it meets a figure (`solid`: its row at the surface, padded): a
    soft, broken glint of the sky along the top of the tar heaped against it, nothing else
    (the tar itself is the pit's own, showing through where she has gone under: see
    `edge_pieces`; an opaque heap of its own read as a brown raft she rode on), drawn up
    round her sides against her only. Also each column's top, in rows of the sprite (the line
    at row `rise`). Worked out PIECE_PIXELS pixels a piece, pausing before each (`standing`:
    see `heap`)."""
    falloff, heights = heap(solid, thick, grain, standing)
    heights = heights - thick * grain.flank * climbing(solid, thick, grain) * ~solid  # past
    # her sides the glint lies on the tar's own heap (along the tar drawn up her, it stood as
    # a pale tent's outline beside her)
    against = grain.meniscus * falloff ** ((SPREAD / 2.2) ** 2)  # over a collar height
    rise = rise_of(thick, grain)  # the sprite's rows above the line
    rows = np.arange(rise + 2, dtype=np.float32)[None, :]
    shine = np.array(mix(TAR_LIT, pale(sky), GLOSS), np.float32)
    pixels = np.empty((rows.size, solid.size, 4), np.uint8)
    for band in _bands(solid.size, rows.size):
        yield
        high = heights[band, None]
        top = rise - high
        lip = _wet_lip(rows - top - 0.5, thick, high)
        glint = np.maximum(grain.glint[band], against[band])[:, None]
        alpha = SHEEN * lip * glint * np.clip(high - 1.0, 0.0, 1.0)
        _fill(pixels[:, band], [np.broadcast_to(level, alpha.shape) for level in shine], alpha)
    return _surface(pixels), rise - heights


def _wet_lip(below: np.ndarray, thick: int, high: np.ndarray) -> np.ndarray:
    """How much the sky's glint lies on the tar `below` rows under its top against her (less
    than 0: over it), the tar `high` rows over the surface there: at its top, fading over
    SHEEN_ROWS up into her edge and over SHEEN_FALL collar heights down its wet face (no
    further than the surface)."""
    face = np.clip(high, SHEEN_ROWS, max(SHEEN_ROWS, thick * SHEEN_FALL))
    fall = np.where(below < 0, SHEEN_ROWS, face)
    return np.asarray(np.clip(1.0 - np.abs(below) / fall, 0.0, 1.0) ** 1.5)


def edge_pieces(solid: np.ndarray, thick: int, grain: Grain, above: int, below: int,
                swell: float, standing: np.ndarray | None = None
                ) -> Generator[None, None, pygame.Surface]:
    """How much of a figure's rows about the surface shows (its alpha the share kept, its
    colour the share of her own colour: multiplied into them): of its lowest `above` rows,
    none under the top of the tar heaped against it and all above it, over a soft SOFT_EDGE
    collar heights between, so that the pit's own tar (its colour, its sheen, the haze over
    it) shows where she meets it and climbs her flank a little; and, `swell` (0..1) as she
    goes under, her body under the tar's edge and in the `below` rows under the surface one
    dark swell of her (her colours gone to the tar's dark: a tusk under it is no paler), its
    soft edge drawn out as the swell grows until she fades from the heap's top to nothing
    UNDER_DEPTH collar heights under the surface (her head and her raised trunk going under
    are one animal, not two islands; a paler swell under black caps, with a step between,
    read as a penguin). `standing`: see `heap`."""
    pad = collar_reach_of(thick)
    heights = heap(solid, thick, grain, standing)[1][pad:-pad]
    up = (above - np.arange(above + below, dtype=np.float32) - 0.5)[None, :]  # over the line
    soft = max(1.0, thick * SOFT_EDGE)
    fade = soft + swell * (heights + thick * UNDER_DEPTH)  # rows she fades over, down from
    pixels = np.full((above + below, heights.size, 4), 255, np.uint8)  # the heap's top
    for band in _bands(heights.size, above + below):
        yield
        high = heights[band, None]
        hard = _smooth((up - high) / soft + 0.5)  # the tar's edge on her
        kept = _smooth(1 - (high + soft / 2 - up) / fade[band, None]) if swell else hard
        shade = 1 - max(swell, WET_EDGE) * (1 - hard)  # her own colour over the tar's
        # edge, going dark into it (a pale tusk fading into the haze's light tar, a pale smear)
        pixels[:, band, 3] = np.clip(kept * 255, 0, 255).T
        pixels[:, band, :3] = np.clip(shade * 255, 0, 255).T[..., None]
    return _surface(pixels)


def _smooth(share: np.ndarray) -> np.ndarray:
    """0 to 1 smoothly (no step where it starts or ends), `share` clipped to 0..1."""
    share = np.clip(share, 0.0, 1.0)
    return np.asarray(share * share * (3 - 2 * share))


def collar_reach_of(thick: int) -> int:
    """`collar_reach` for a collar `thick` rows high."""
    return math.ceil(thick * SPREAD) + 2


def coat_pieces(fur: np.ndarray, in_tar: np.ndarray, thick: int, grain: Grain,
                sky: Color, climb: np.ndarray | None = None
                ) -> Generator[None, None, pygame.Surface]:
    """A figure's lowest rows (`fur`: their alpha, columns x rows, the last at the surface)
    soaked in tar where it is in the tar (`in_tar`, per column): brown-black and wet up to an
    uneven edge, higher in rounded streaks where it has clung, that edge glossy in places (a
    thin broken line of the sky's sheen along the wet fur's top, no paler fill), drawn up
    with the tar round her sides (`climb`, per column: see `climbing`) and fading there.
    Worked out PIECE_PIXELS pixels a piece, pausing before each."""
    width, height = fur.shape
    near = np.exp(-((distance_to_solid(in_tar) / thick) ** 2))  # fading off past its sides
    up_sides = np.zeros(width, np.float32) if climb is None else climb
    reach = np.minimum(near * thick * (grain.cling + grain.flank * up_sides),
                       height - 1).astype(np.float32)
    kept = (1 - COAT_CLIMB * up_sides)[:, None]
    up = (height - np.arange(height, dtype=np.float32))[None, :]  # rows above the line
    under, rows = COAT_LIP
    shine = [np.float32(level) for level in mix(WET_BROWN, pale(sky), SKY_IN_WET)]
    coated = [np.float32(level) for level in COATED]
    pixels = np.empty((height, width, 4), np.uint8)
    for band in _bands(width, height):
        yield
        top = reach[band, None]
        soaked = np.clip((top - up) / max(1.0, thick * COAT_SOFT), 0.0, 1.0) ** 0.7
        alpha = soaked * kept[band] * fur[band] / np.float32(255)  # her fur, coated as far as
        # soaked
        lip = np.clip(1.0 - np.abs(top - under - up) / rows, 0.0, 1.0)
        gloss = COAT_GLOSS * lip * grain.wet[band, None] * np.clip(top - 1.0, 0.0, 1.0)
        _fill(pixels[:, band], [dark + (lit - dark) * gloss
                                for dark, lit in zip(coated, shine, strict=True)], alpha)
    return _surface(pixels)


def _bands(columns: int, rows: int) -> list[slice]:
    """The columns a sprite `rows` tall is worked out in, a piece each (about PIECE_PIXELS)."""
    wide = max(1, PIECE_PIXELS // max(1, rows))
    return [slice(left, left + wide) for left in range(0, columns, wide)]


def _fill(pixels: np.ndarray, rgb: list[np.ndarray], alpha: np.ndarray) -> None:
    """Write float colour (red, green, blue: columns x rows, or columns x 1 for a colour down
    each column) and alpha 0..1 into the bytes of a surface with per-pixel alpha (rows x
    columns x 4, blue first, as it lies in memory: blitted without converting)."""
    for channel, level in zip((2, 1, 0), rgb, strict=True):
        pixels[..., channel] = np.clip(level, 0, 255).T
    pixels[..., 3] = np.clip(alpha * 255, 0, 255).T


def alpha_rows(image: pygame.Surface, rows: slice) -> np.ndarray:
    """A copy of the alpha of these rows of a figure with per-pixel alpha, columns x rows
    (read in place, the figure unlocked on return: a copy of all its alpha is slow)."""
    return np.array(pygame.surfarray.pixels_alpha(image)[:, rows])


def _surface(pixels: np.ndarray) -> pygame.Surface:
    """A surface with per-pixel alpha from its bytes (rows x columns x 4, blue first)."""
    height, width, _ = pixels.shape
    return pygame.image.frombytes(pixels.tobytes(), (width, height), "BGRA")
