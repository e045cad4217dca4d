"""What makes a near car read as a car and not a slab: its wipers resting at its windscreen's
foot, the light along its roof's rounded edges, its doors' seams and handles on its flank; seen
from over it, its back glass framed by its pillars and its side windows by their chrome."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.car_sheen import Sheen, smooth_panel

Point = tuple[int, int]
DETAIL_FROM = 40  # pixels: a windscreen's foot this long or longer shows its wipers, and a
#                   roof this wide its rails and its sheen
# The wipers resting on the glass, from the near side (the flank's) to the far: each from its
# spindle's share along the foot to its tip's, its tip this share of the way up the glass
# (resting low and aslant, as they park); how thick, of the foot's length (a pixel at least).
WIPERS = ((0.9, 0.42, 0.1), (0.48, 0.04, 0.12))
WIPER_THICK = 70
WIPER: Color = (10, 10, 12)
# The roof's rounded edge towards us (the flank's) catches the light overhead: it rises softly
# from this share across the roof (from its far edge) to its brightest at that, this much of
# the light over the roof's colour, and dims a little (to SHEEN_EDGE of it) where the roof
# turns down to the flank; drawn in SHEEN_STEPS strips (one hard band of it read as a stripe
# painted along a flat mattress, 18:00:33); its rails (its drip moulding) along both sides.
SHEEN_ACROSS, SHEEN_LIGHT, SHEEN_EDGE, SHEEN_STEPS = (0.3, 0.86), 0.55, 0.6, 9
# Seen from right over it (a roof or lid as wide as BIG_PANEL pixels or wider, passing under
# the eye), the sheet is shaded along it too: turning down at its near end (to its glass), the
# sky's streak mirrored across its crown, curving down more and more to its far end (its back
# glass); each band from, to along it, towards the light (True) or `under`, this share (one
# colour along it, a roof filling the picture's corner read as a grey slab for a fifth of a
# second, 17:00:02). Its edge nearest us keeps its light all along.
BIG_PANEL = 240
ALONG_FADE = 0.08  # (its shading along it fading out over this much across, to the sheen's
# brightest: its edge nearest us keeps its light all along)
Shade = tuple[tuple[float, float, bool, float], ...]  # bands along a sheet: from, to along
#                                                       it, towards the light (or `under`), how much
ALONG_SHADE: Shade = (
    (0.0, 0.14, False, 0.35), (0.14, 0.34, False, 0.0), (0.34, 0.6, True, 0.2),
    (0.6, 0.8, False, 0.0), (0.8, 1.0, False, 0.4))
# A bonnet (a lid) under the eye, from its nose to its windscreen's foot, the same way: its nose
# rounding down, the street's light mirrored across its middle, darker again where it runs
# under the glass (one colour along it, a car passing over the crossing showed a flat plank
# of bonnet, 19:50).
LID_SHADE: Shade = ((0.0, 0.1, False, 0.35), (0.1, 0.28, False, 0.0), (0.28, 0.6, True, 0.3),
                    (0.6, 0.8, False, 0.05), (0.8, 1.0, False, 0.3))
STRIP_LEVELS, STRIP_PIXELS = 2.0, 3.0  # a roof's strips: at most this many levels apart,
# at least this many pixels wide...
MOST_STRIPS = (4, 10, 2)  # ...and no more than these across its far edge's turn, its sheen
# rising and its sheen falling to its near edge
RAIL_THICK = 160  # a rail's thickness, of the roof's width (a pixel at least)
TURN_DOWN, TURN_STEPS = (0.12, 0.4), 4  # the roof's far edge turning down: this share across
# it, shaded up to this much towards its rails' dark, in strips (a roof all one flat colour to
# its edge read as a table top)
# A door's seam and its handle on the flank: the seam this much of the flank's colour (its
# shadow), a pixel wide for every SEAM_THICK of the flank's height; the handle a short bright
# dash below the shoulder, from the seam back this share of the door, this share down.
SEAM_SHADE = 0.55
SEAM_THICK = 40
HANDLE_ALONG, HANDLE_DOWN = 0.12, 0.22
# A car passing under the eye shows its roof and, beyond it, its back glass sloping away: the
# glass dark with the sky's streak across it (from, to across its foot; the same at its top,
# shifted), framed by its pillars (each this share of the glass's width at its foot, this
# share of that at the roof: a 1980s sedan's broad sail panels); the roof's back edge rounding
# over catches the light. Without them the glass was a faint band, and the roof a flat sheet.
BACK_STREAK, STREAK_LEAN = (0.42, 0.56), 0.1
BACK_PILLAR, PILLAR_TAPER = 0.2, 0.55
RIM_THICK, RIM_MOST = 60, 3  # the roof's lit back edge and the windows' chrome: the glass's
# width over this, in pixels, and no more than RIM_MOST (wider, the chrome was a grey plank)
FLANK_FROM = 14  # pixels: a car whose flank is this tall or taller is near enough for any of
#                  these (its seams and handles; its roof's light and its wipers, if big enough)


def at(quad: Sequence[Point], across: float, up: float) -> Point:
    """The point of a quad (foot start, foot end, top end, top start) `across` its foot and
    `up` from its foot to its top (straight on the screen between the edges' points)."""
    a, b, c, d = quad
    foot = (a[0] + (b[0] - a[0]) * across, a[1] + (b[1] - a[1]) * across)
    top = (d[0] + (c[0] - d[0]) * across, d[1] + (c[1] - d[1]) * across)
    return round(foot[0] + (top[0] - foot[0]) * up), round(foot[1] + (top[1] - foot[1]) * up)


def _long(a: Point, b: Point) -> int:
    """The length of the screen's line from a to b, in whole pixels."""
    return round(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5)


def wipers(surface: pygame.Surface, screen: Sequence[Point]) -> None:
    """A windscreen's two wipers parked on it (`screen`: its far foot, near foot, near top,
    far top), a car's front read at a glance; none on a small one."""
    foot = _long(screen[0], screen[1])
    if foot < DETAIL_FROM:
        return
    thick = max(1, foot // WIPER_THICK)
    for spindle, tip, up in WIPERS:
        pygame.draw.line(surface, WIPER, at(screen, spindle, 0.02), at(screen, tip, up), thick)


def roof_light(surface: pygame.Surface, roof: Sequence[Point], colour: Color,
               light: Color, rail: Color, under: Color, sheen: Sheen | None = None) -> None:
    """The light along a roof's rounded edge towards us, its far edge rounding down (towards
    `under`, the flank's shade) and its rails along both sides (`roof`: its far front corner,
    near front, near back, far back; `colour` its own, `light` the light over it, `rail` its
    mouldings'; `sheen`: see `rounded`); none on a small one."""
    wide = _long(roof[0], roof[1])
    if wide < DETAIL_FROM:
        return
    rounded(surface, roof, colour, light, under, sheen=sheen)
    thick = max(1, wide // RAIL_THICK)
    for side in (0.02, 0.98):
        pygame.draw.line(surface, rail, at(roof, side, 0.0), at(roof, side, 1.0), thick)


def rounded(surface: pygame.Surface, panel: Sequence[Point], colour: Color, light: Color,
            under: Color, along_too: bool = True, sheen: Sheen | None = None,
            bands: Shade = ALONG_SHADE) -> None:
    """A roof's or a lid's sheet rounding over: its far edge turning down (towards `under`),
    the light along it rising towards its edge nearer us (`panel`: as a roof's); a sheet
    one flat colour to its edges read as a slab (a lid passing under the eye, 17:00:02). One
    passing under the eye, as big as a corner of the picture, in one smooth light shaded
    along it too (in `bands`: see car_sheen, on `sheen`'s pictures), unless not
    `along_too` (one light along it). Any
    other is drawn in strips a level or two apart across it (see `strips`): fewer, coarser
    strips showed as steps."""
    wide = _long(panel[0], panel[1])
    if along_too and wide >= BIG_PANEL:
        smooth_panel(surface, panel, _across_light(colour, light, under), _along_light(bands),
                     (light, under), (SHEEN_ACROSS[1] - ALONG_FADE, SHEEN_ACROSS[1]), sheen)
        return
    turn, shade = TURN_DOWN  # (its far edge rounding down, away from the sky, softly)
    start, peak = SHEEN_ACROSS
    steps = min(MOST_STRIPS[0], strips(wide * turn, _apart(colour, mix(colour, under, shade))))
    bright = _apart(colour, mix(colour, light, SHEEN_LIGHT))
    rising = min(MOST_STRIPS[1], strips(wide * (peak - start) / 2, bright))  # (first widest)
    falls = min(MOST_STRIPS[2], strips(wide * (1.0 - peak), bright * (1 - SHEEN_EDGE)))
    cuts = [turn * n / steps for n in range(steps + 1)]
    tones = [mix(colour, under, shade * (1 - n / steps)) for n in range(steps)]
    tones.append(colour)  # (from the turn to the sheen)
    cuts.append(start)
    for _a, b, share in _sheen(rising, falls):
        cuts.append(b)
        tones.append(mix(colour, light, share))
    lines = [(at(panel, a, 0.0), at(panel, a, 1.0)) for a in cuts]
    for n, tone in enumerate(tones):  # (its edge nearest us catching the light all along it)
        near, far = lines[n], lines[n + 1]
        pygame.draw.polygon(surface, tone, [near[0], far[0], far[1], near[1]])


def _across_light(colour: Color, light: Color,
                  under: Color) -> tuple[list[float], list[Color]]:
    """The light across a sheet, as knots (shares across, colours): its far edge turned down
    towards `under`, its own colour, then the sheen rising (as `_sheen`'s strips do) to its
    brightest and falling a little to its edge nearer us."""
    turn, shade = TURN_DOWN
    start, peak = SHEEN_ACROSS
    shares = [0.0, turn, start]
    colours = [mix(colour, under, shade), colour, colour]
    for n in range(1, SHEEN_STEPS + 1):
        shares.append(start + (peak - start) * n / SHEEN_STEPS)
        colours.append(mix(colour, light, SHEEN_LIGHT * (n / SHEEN_STEPS) ** 2))
    shares.append(1.0)
    colours.append(mix(colour, light, SHEEN_LIGHT * SHEEN_EDGE))
    return shares, colours


@cache
def _along_light(bands: Shade) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """A sheet's bands along it (as ALONG_SHADE) as knots (shares along, signed shares: over 0
    towards the light), each band's shade held over its middle two fifths and changing
    smoothly between them."""
    middles = [(a + (b - a) * k, share if lit else -share)
               for a, b, lit, share in bands for k in (0.3, 0.7)]
    middles = [(0.0, middles[0][1]), *middles, (1.0, middles[-1][1])]
    return tuple(m[0] for m in middles), tuple(m[1] for m in middles)


def strips(pixels: float, levels: float) -> int:
    """How many strips shade `levels` of change over `pixels`: each at most STRIP_LEVELS
    levels on from the last, but no narrower than STRIP_PIXELS (a step of a level or two
    does not show; one of ten, every few strips, showed as bands)."""
    return max(1, min(math.ceil(levels / STRIP_LEVELS), math.ceil(pixels / STRIP_PIXELS)))


def _apart(a: Color, b: Color) -> float:
    """The most two colours differ in any channel, in levels."""
    return float(max(abs(x - y) for x, y in zip(a, b, strict=True)))


def _sheen(steps: int = SHEEN_STEPS, falls: int = 1) -> list[tuple[float, float, float]]:
    """The roof's sheen in `steps` strips: each strip's start and end across the roof and its
    share of the light, rising smoothly to SHEEN_LIGHT, then in `falls` strips falling softly
    to SHEEN_EDGE of it by the edge (where the roof turns down to the flank)."""
    start, peak = SHEEN_ACROSS  # (cut where its light is a step further on: even steps)
    rise = [start + (peak - start) * (n / steps) ** 0.5 for n in range(steps + 1)]
    strips = [(a, b, SHEEN_LIGHT * (n + 1) / steps) for n, (a, b) in enumerate(pairwise(rise))]
    fall = [peak + (1.0 - peak) * n / falls for n in range(falls + 1)]
    return [*strips, *((a, b, SHEEN_LIGHT * (1 - (1 - SHEEN_EDGE) * (n + 1) / falls))
                       for n, (a, b) in enumerate(pairwise(fall)))]


def doors(surface: pygame.Surface, seams: Sequence[tuple[Point, Point]], flank: Color,
          handle: Color) -> None:
    """The doors' seams on a flank (each from its sill up to its shoulder) and each door's
    handle, by its seam towards the car's back; none on a flank shorter than FLANK_FROM."""
    tall = max(abs(top[1] - low[1]) for low, top in seams)
    if tall < FLANK_FROM:
        return
    shade = scaled(flank, SEAM_SHADE)
    thick = max(1, tall // SEAM_THICK)
    for low, top in seams:
        pygame.draw.line(surface, shade, low, top, thick)
    for (low, top), (low_next, top_next) in pairwise(seams):
        door = (low, low_next, top_next, top)
        pygame.draw.line(surface, handle, at(door, 1 - 2 * HANDLE_ALONG, 1 - HANDLE_DOWN),
                         at(door, 1 - HANDLE_ALONG, 1 - HANDLE_DOWN), max(1, 2 * thick))


def back_glass(surface: pygame.Surface, glass: Sequence[Point], colours: tuple[Color, Color],
               pillar: Color, rim: Color) -> None:
    """The back glass of a car seen from over it (`glass`: its far foot, near foot, near top,
    far top), dark (`colours`: the glass's and its streak's) with the sky's streak across it,
    between its pillars, and the roof's lit edge above it."""
    dark, streak = colours
    pygame.draw.polygon(surface, dark, glass)
    (a, b), lean = BACK_STREAK, STREAK_LEAN
    pygame.draw.polygon(surface, streak, [at(glass, a, 0.0), at(glass, b, 0.0),
                                          at(glass, b + lean, 1.0), at(glass, a + lean, 1.0)])
    top = BACK_PILLAR * PILLAR_TAPER
    for side in (0.0, 1.0):
        inner, inner_top = abs(side - BACK_PILLAR), abs(side - top)
        pygame.draw.polygon(surface, pillar, [at(glass, side, 0.0), at(glass, inner, 0.0),
                                              at(glass, inner_top, 1.0), at(glass, side, 1.0)])
    thick = min(RIM_MOST, max(1, _long(glass[0], glass[1]) // RIM_THICK))
    pygame.draw.line(surface, rim, glass[3], glass[2], thick)


def window_frame(surface: pygame.Surface, windows: Sequence[Point], chrome: Color,
                 rail: Color) -> None:
    """The side windows' chrome along their foot (the belt line) and the roof's drip rail over
    them (`windows`: foot front, roof front, roof back, foot back): the glass framed, not a
    dark band run into the flank."""
    thick = min(RIM_MOST, max(1, _long(windows[0], windows[3]) // RIM_THICK))
    pygame.draw.line(surface, chrome, windows[0], windows[3], thick)
    pygame.draw.line(surface, rail, windows[1], windows[2], thick)
