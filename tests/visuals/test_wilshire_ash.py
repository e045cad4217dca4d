"""Wilshire under ash as a visitor sees it arrive and look: the cut down into the street from the
burning ruins (no double exposure of the two skylines), the marquee's letters fallen as bent
metal half buried in the ash, and the panic's cars burnt-out shells, slewed by the blast."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pygame

from installation.core.program import Program
from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.panic import LEFT
from installation.visuals.render import headless
from installation.visuals.storefronts import Point
from installation.visuals.stranded import (
    BODY,
    CABIN_FOOT,
    CABIN_TOP,
    CABIN_WIDE,
    HALF_LONG,
    HALF_WIDE,
    ROOF,
    SILL,
)
from installation.visuals.street import ROAD_HALF
from installation.visuals.street_letters import Fallen, drawing_letter
from installation.visuals.street_view import Perspective

from .helpers import one_frame, shared_made, shipped_program
from .test_street_burnt import luminance, wreck
from .test_street_burnt import shipped as street_shipped

ROOT = Path(__file__).resolve().parents[2]
SMALL = (480, 270)
MIDWAY = 4.0  # real seconds into the scene: the middle of the old 8 s dissolve
APART = 60  # two pictures differ at a pixel by this much (the sum of its channels) at least
GHOST = 0.02  # the share of those pixels that may look like the Ash scene's, at most



def frame(program: Program, story: float, whole: bool = False) -> np.ndarray:
    """The picture at `story` (the arriving scene alone if `whole`), as an (x, y) array of
    channel sums."""
    headless()
    state = state_at(program.timeline, story, program.clock)
    if whole:
        state = replace(state, progress=1.0)
    surface = one_frame(program.timeline, SMALL, state, shared_made(), lambda _message: None)
    return pygame.surfarray.array3d(surface).astype(int).sum(axis=2)


def test_the_street_arrives_without_the_ruins_skyline_showing_through_it() -> None:
    """Four real seconds after Wilshire under ash begins (the middle of the 8 s dissolve it
    had) the picture is the street's: no blot of the Ash scene's skyline, palms or smoke
    stands over it (dissolved, half of where the two pictures differ showed the ruins)."""
    program = shipped_program()
    start = parse_clock("06:35")
    midway = story_after(program.clock, start, MIDWAY)
    ruins = frame(program, story_after(program.clock, parse_clock("06:30"), 0.0))
    street = frame(program, midway, whole=True)
    seen = frame(program, midway)
    differ = np.abs(ruins - street) > APART
    assert differ.mean() > 0.2, "the two scenes' pictures differ (the check needs it)"
    ghost = np.abs(seen - ruins) < np.abs(seen - street)
    assert (ghost & differ).sum() / differ.sum() < GHOST, "the ruins show through the street"


ASH_GREY = (126, 120, 114)  # flat ash the letters are drawn over in these tests
LETTER_VIEW = (960, 540)
LETTER_SEEN = 150  # pixels of a letter's face, at least (the check needs some)
FORESHORTENED = 0.75  # a letter lying in the road: its face's height on the picture over its
# width (its glyph stands 1.25 its width), at most
TILTED = 0.2  # the correlation of its pixels' columns and rows, at least (square: about 0)
COVERED = 0.15  # the share of its whole face the ash lies over, at least...
COVER_ASH = 14  # ...where the picture is within this of the ash's colour (each channel)
SHADOW_DARK = 0.8  # its shadow beside it: pixels below this of the ash's light...
SHADOW_SEEN = 40  # ...at least this many to its right (the light comes from the left)


def lying(letter: Fallen, glyph: pygame.Surface) -> np.ndarray:
    """`letter` drawn over flat ash in the street's perspective, as an (x, y, rgb) array."""
    image = pygame.Surface(LETTER_VIEW)
    image.fill(ASH_GREY)
    for _ in drawing_letter(image, Perspective(LETTER_VIEW, LETTER_VIEW[0] // 2, 300), letter,
                            glyph, random.Random(3)):
        pass
    return pygame.surfarray.array3d(image).astype(int)


def test_a_fallen_letter_lies_tilted_in_the_roads_perspective_half_buried_with_a_shadow() -> None:
    """A marquee letter fallen in the road reads as a bent metal letter lying in the ash, not
    a mark painted on it: foreshortened and turned askew, part of it under the ash (where the
    whole letter would be, the ash shows), its shadow on the ash beside it."""
    headless()
    pygame.font.init()
    font = pygame.font.Font(str(ROOT / "assets" / "fonts" / "DejaVuSansCondensed-Bold.ttf"), 64)
    glyph = font.render("E", True, (255, 255, 255))
    glyph = glyph.subsurface(glyph.get_bounding_rect())
    wide = glyph.get_width() / glyph.get_height()
    fallen = Fallen(0.0, 1.2, 0.6, 0.2, wide, 0.4, 0.65, 0.3, 0.5)
    whole = Fallen(0.0, 1.2, 0.6, 0.2, wide, 0.4, 0.65, -1.0, 0.0)
    seen, all_of_it = lying(fallen, glyph), lying(whole, glyph)
    grey = np.array(ASH_GREY)
    face = np.abs(all_of_it - grey).max(axis=2) > COVER_ASH
    face &= all_of_it.sum(axis=2) > grey.sum() * SHADOW_DARK * 0.6  # (not its shadow)
    assert face.sum() > LETTER_SEEN, "the letter is there"
    shadow = seen.sum(axis=2) < grey.sum() * SHADOW_DARK
    cols, rows = np.nonzero((np.abs(seen - grey).max(axis=2) > COVER_ASH) & ~shadow)
    assert np.ptp(rows) < FORESHORTENED * np.ptp(cols), "lying flat in perspective"
    assert abs(np.corrcoef(cols, rows)[0, 1]) > TILTED, "turned askew"
    ashen = np.abs(seen - grey).max(axis=2) <= COVER_ASH
    assert (ashen & face).sum() / face.sum() > COVERED, "part of it under the ash"
    beyond = np.arange(LETTER_VIEW[0])[:, None] > cols.max()  # (right of its face)
    assert (shadow & beyond).sum() > SHADOW_SEEN, "its shadow on the ash beside it"


GLASS_LEFT, GLASS_COOL = 80, 5  # a window's pixel this bright (luminance) and this much bluer
# than red would be glass catching the grey light (ash on the hood's edge is warm)
WINDOW_UP = (0.4, 0.8)  # the share of a side window looked in for its dark (lower, the ash
# heaped on the hood may reach it)
HOLE_DARKER = 0.75  # a blown-in window's mean luminance, at most this of its car's body's
ALONG_LANES = 0.25  # no wreck points within this of down the road (radians)...
SQUARE = 0.2  # ...nor all of them within this of square across it


def test_a_wrecks_windows_are_dark_holes_with_no_glass_to_catch_the_light() -> None:
    """The two nearest burnt cars' windows that face us are holes, darker than the body round
    them, with no shard of glass left in them to catch the light (a cool glint at their edges
    read as a window still there)."""
    _line, street, picture = street_shipped()
    for n in range(2):
        left, at = wreck(street, n)
        side = next(s for s in (-1, 1) if left.car.faces_us(0, s))
        body = np.array([picture[at(a, side * HALF_WIDE, up)]
                         for a in np.linspace(-0.25, 0.25, 11)
                         for up in np.linspace(SILL + 0.03, BODY - 0.03, 4)], float)
        edges = _window(picture, at, side, (0.05, 0.95), 12)
        glint = (luminance(edges) > GLASS_LEFT) & (edges[:, 2] - edges[:, 0] > GLASS_COOL)
        assert not glint.any(), f"glass catching the light: {edges[glint][:3]}"
        inside = luminance(_window(picture, at, side, WINDOW_UP, 6)).mean()  # (see WINDOW_UP)
        assert inside < HOLE_DARKER * luminance(body).mean(), "darker than the body"


def _window(picture: np.ndarray, at: Callable[[float, float, float], Point], side: int,
            share: tuple[float, float], rows: int) -> np.ndarray:
    """The picture over a car's side window (`at`: a point of the car on the picture) from
    `share` to `share` of the way up and along it, as (n, rgb)."""
    return np.array([picture[at(*_in_window(side, t, along))]
                     for t in np.linspace(*share, rows)
                     for along in np.linspace(*share, 2 * rows)], float)


def _in_window(side: int, t: float, share: float) -> tuple[float, float, float]:
    """A point of a car's side window (along, across, up): `t` of the way up it, `share` of
    the way along it from the back."""
    (back, front), (top_back, top_front) = CABIN_FOOT, CABIN_TOP
    along = (back + (front - back) * share) * (1 - t) + (
        top_back + (top_front - top_back) * share) * t
    return along, side * (CABIN_WIDE[0] * (1 - t) + CABIN_WIDE[1] * t), BODY + (ROOF - BODY) * t


def test_the_wrecks_stand_askew_across_the_lanes_one_nosed_into_the_kerb() -> None:
    """The blast slewed the panic's cars round where they stood: none points down its lane
    (as if parked), they are not all square across the road either, and one near a kerb has
    its nose in it."""
    _line, street, _picture = street_shipped()
    wrecks = [wreck(street, n)[0].car for n in range(len(LEFT))]
    turned = [abs(math.remainder(car.yaw, math.pi)) for car in wrecks]
    assert min(turned) > ALONG_LANES, np.round(turned, 2)
    assert any(abs(t - math.pi / 2) > SQUARE for t in turned), np.round(turned, 2)
    noses = [car.point(HALF_LONG, 0.0)[0] for car in wrecks]
    assert any(abs(x) >= ROAD_HALF - 0.05 and abs(x) > abs(car.lane)
               for x, car in zip(noses, wrecks, strict=True)), np.round(noses, 2)


NEIGHBOURS = 1.4  # two wrecks this near each other's depth (the further's over the nearer's)
# are seen side by side, much the same size...
GAP = 3  # ... and stand this many pixels apart at least across the picture (main: the police
# car and the one nosed into the right kerb overlapped by 30, a wreck and the police car met)


def test_neighbouring_wrecks_stand_apart_each_one_car() -> None:
    """At 07:20 two ash-capped wrecks side by side met end to end and read as one long car
    with three humps: the blast left each of the panic's cars clear of its neighbours."""
    _line, street, _picture = street_shipped()
    assert street.ruin is not None
    spans = []
    for n, (_lane, z, _yaw) in enumerate(street.ruin.places):
        car, at = wreck(street, n)
        xs = [at(along * HALF_LONG, side * HALF_WIDE, up)[0] for along in (-1, 1)
              for side in (-1, 1) for up in (0.0, car.sunk(0.0, ROOF))]
        spans.append((z, min(xs), max(xs)))
    for n, (z, left, right) in enumerate(spans):
        for far, far_left, far_right in spans[n + 1:]:
            if max(z, far) / min(z, far) < NEIGHBOURS:
                gap = max(far_left - right, left - far_right)
                assert gap >= GAP, f"wrecks at depths {z} and {far} meet: gap {gap} px"
