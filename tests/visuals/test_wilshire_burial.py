"""Wilshire under ash buries what lies in the street as the morning goes on: the burnt cars'
roofs capped with ash, their wheels going under from below, the rubble sinking into it foot
first with its top still standing out (never faded out, a ghost of itself under a veil);
and its shop windows gutted openings with depth (black holes, frames, sills, reveals), not
flat black slabs nor grey panes."""

from __future__ import annotations

import random

import numpy as np
import pygame

from installation.core.timeline.loader import load_timeline
from installation.visuals.base import stable_seed
from installation.visuals.boulevard_plan import CINEMA_AT
from installation.visuals.burnt_paint import HOLE
from installation.visuals.render import headless
from installation.visuals.storefronts import Piece, Tone
from installation.visuals.stranded import CABIN_TOP, HALF_WIDE, ROOF, WHEEL_AT, WHEEL_R, Stranded
from installation.visuals.street import Street
from installation.visuals.street_ash_debris import littering
from installation.visuals.street_ash_heap import heaped
from installation.visuals.street_ash_paper import EVERY, crossing, draw_paper
from installation.visuals.street_burnt import BLADE_BEND, BLADE_LEAN
from installation.visuals.street_char import OPENING
from installation.visuals.street_scorch import bent, scorched
from installation.visuals.street_wrecks import burnt_car, wrecked

from .test_street_burnt import ROOT, built, luminance, still, wreck
from .test_street_burnt import shipped as street_shipped

END = 165.0  # real seconds into the scene: 07:58 at the shipped day's pace
GREY = 16  # a wheel's foot under grey ash, its tyre's rubber: channels this close at most (a
# rusted rim's are 18 apart; 12 before ashroad24 made the ash grey-brown: 98, 91, 84)
TYRE_DARK = 60  # a burnt tyre's luminance at most (its rubber 28, its sooted hub 50)
PALER = 10  # the ash over a wheel's foot at the end: this much paler than it was at the start
LIT_CAP = 65  # the ash capping a roof along its middle: its luminance at least (the bare
# burnt shell is 47: a sliver on edge, softened away, left it bare; 105 asked for the pale lid
# a curator faulted: the cap is now shaded round its lit crest, see test_ash_morning)
FULL = (1920, 1080)
KEPT = 6  # a thing's top left standing: within this (channel sum) of the kept picture


def _at(street: Street, kept: np.ndarray, seconds: float) -> np.ndarray:
    """The street's picture `seconds` into the scene: the kept picture, the fresh ash fallen
    by then and the ash on the cars' roofs (no fire, smoke or cable)."""
    assert street.ruin is not None and street.ruin.fall is not None
    surface = pygame.surfarray.make_surface(kept.astype(np.uint8))
    street.ruin.fall.draw(surface, seconds)
    roofs = street.ruin.roofs
    roofs.draw(surface, roofs.step(seconds))
    return pygame.surfarray.array3d(surface).astype(int)


def test_the_nearest_cars_roof_is_capped_with_lit_ash_by_the_end_of_the_morning() -> None:
    """Near the scene's end (at the full picture's size) the nearest wreck's roof wears a cap
    of ash along its middle, its top catching the grey light (on main the heap on it was a
    sliver on edge, softened away, and the deeper ash a flat dull band: the roof read bare)."""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    street = built(line, "Wilshire under ash", FULL)
    kept = still(street, line, "07:15")
    _left, at = wreck(street, 0)
    picture = _at(street, kept, END)
    cap = np.array([picture[at(a, 0.0, ROOF + 0.015)] for a in np.linspace(*CABIN_TOP, 9)[2:-2]],
                   float)
    assert luminance(cap).mean() > LIT_CAP, f"the roof's cap: {np.round(luminance(cap))}"


def test_the_nearest_cars_wheels_go_under_the_ash_from_below() -> None:
    """By the scene's end the foot of each wheel we see is under grey ash, while at the start
    it is the dark tyre as the kept picture has it (on main nothing changed on a car's wheels
    all morning)."""
    _line, street, kept = street_shipped()
    left, at = wreck(street, 0)
    side = next(s for s in (-1, 1) if left.car.faces_us(0, s)) * HALF_WIDE
    start, end = _at(street, kept, 0.0), _at(street, kept, END)
    for along in (-WHEEL_AT, WHEEL_AT):
        foot = at(along, side, WHEEL_R * 0.1)
        assert (start[foot] == kept[foot]).all(), "the tyre shows at the start"
        assert np.ptp(end[foot]) < GREY and luminance(end[foot]) > luminance(kept[foot]) + PALER, (
            f"under pale grey ash: {end[foot]} (at the start {kept[foot]})")


def test_a_burnt_cars_wheels_are_dark_rubber_not_warm_tan() -> None:
    """A burnt car near the viewer (drawn large): its wheels, round over the hub, are dark
    grey rubber and a sooted hub (on main a rusted rim, a warm tan that read as neither tyre
    nor ash)."""
    headless()
    street = built(load_timeline(ROOT / "timelines" / "miracle-mile.toml"),
                   "Wilshire under ash")
    image = pygame.Surface(street.size)
    image.fill((120, 114, 108))
    seed = 11
    car = Stranded(0.0, 1.3, 0.6, HOLE, HOLE, 0)
    assert burnt_car(image, street.project, car, seed) is not None
    left = wrecked(car, seed)
    rgb = pygame.surfarray.array3d(image).astype(int)
    side = next(s for s in (-1, 1) if left.car.faces_us(0, s)) * HALF_WIDE
    for along in (-WHEEL_AT, WHEEL_AT):
        for off, high in ((-0.6, 1.45), (0.0, 1.65), (0.6, 1.45)):  # (over the hub)
            a = along + off * WHEEL_R
            up = left.sunk(a, WHEEL_R * high) + left.pitch * a + left.roll * side
            seen = rgb[street.project(*left.car.point(a, side), up)]
            assert np.ptp(seen) < GREY and luminance(seen) < TYRE_DARK, f"the tyre: {seen}"


def _runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each upright run of `mask` (columns x rows) begins and ends: its top pixels and
    its foot pixels, of runs at least 4 pixels tall."""
    top = mask & ~np.roll(mask, 1, axis=1)
    foot = mask & ~np.roll(mask, -1, axis=1)
    tall = np.zeros(mask.shape, int)
    for row in range(mask.shape[1] - 2, -1, -1):
        tall[:, row] = np.where(mask[:, row], tall[:, row + 1] + 1, 0)
    return top & (tall >= 4), foot


CRESCENT = 1.3  # a piece's visible part: its height over its thickest column, at most (the
# median of the near pieces: a lump cut level by the ash ~1.1; main's crescents, their foot
# followed up column by column, 1.6)
PIECE_TALL = 15  # pieces at least this tall (pixels, at the test's size) are weighed


def _pieces(mask: np.ndarray, tall: int = PIECE_TALL) -> list[np.ndarray]:
    """Each connected piece of `mask` (columns x rows) at least `tall` pixels tall, its own
    mask over the whole picture."""
    surface = pygame.surfarray.make_surface(mask.astype(np.uint8) * 255)
    surface.set_colorkey((0, 0, 0))
    out = []
    for piece in pygame.mask.from_surface(surface).connected_components(minimum=30):
        if piece.get_bounding_rects()[0].height >= tall:
            drawn = piece.to_surface(setcolor=(255, 255, 255), unsetcolor=(0, 0, 0))
            out.append(pygame.surfarray.array_red(drawn) > 0)
    return out


def _debris(street: Street, below: float) -> np.ndarray:
    """Where the street's debris lies (columns x rows), drawn alone, below this share of the
    picture's height (the near road: clear of the cars)."""
    assert street.ruin is not None
    plain = pygame.Surface(street.size)
    plain.fill((1, 2, 3))
    ruin = street.ruin
    for _ in littering(plain, street.project, stable_seed(ruin.view.seed, "debris"), ruin.font):
        pass
    mask = (pygame.surfarray.array3d(plain) != (1, 2, 3)).any(axis=2)
    mask[:, : round(street.size[1] * below)] = False
    heap = pygame.Surface(street.size)  # (not the heap of slabs at our feet: one large thing,
    heap.fill((1, 2, 3))  # not the small strewn debris these checks are about)
    heaped(heap, street.project, random.Random(stable_seed(ruin.view.seed, "debris") + 1))
    return np.asarray(mask & (pygame.surfarray.array3d(heap) == (1, 2, 3)).all(axis=2))


def _middles(mask: np.ndarray) -> np.ndarray:
    """The middle half (of its columns) of each piece of `mask`."""
    out = np.zeros(mask.shape, bool)
    for piece in _pieces(mask, 1):
        cols = np.flatnonzero(piece.any(axis=1))
        quarter = (cols[-1] - cols[0]) / 4
        keep = (np.arange(mask.shape[0]) >= cols[0] + quarter) & (
            np.arange(mask.shape[0]) <= cols[-1] - quarter)
        out |= piece & keep[:, None]
    return out


def test_rubble_sinks_foot_first_its_top_still_standing_out_not_faded() -> None:
    """The debris near the viewer at the scene's end: the tops of the stones, glass and
    letters are as they were across their middles (not veiled: on main the fresh ash lay over
    them whole, so they turned to ghosts; their ends go under the ash banked against them),
    while most of their feet are under the ash."""
    _line, street, kept = street_shipped()
    mask = _debris(street, 0.75)
    tops, feet = _runs(mask)
    tops &= _middles(mask)
    end = _at(street, kept, END)
    still = np.abs(end - kept).sum(axis=2) <= KEPT
    assert tops.sum() > 50, "debris near the viewer (the check needs some)"
    assert still[tops].mean() > 0.8, f"{still[tops].mean():.2f} of its tops as they were"
    assert (~still[feet]).mean() > 0.6, f"{(~still[feet]).mean():.2f} of its feet gone under"


def test_rubble_under_the_ash_shows_low_lumps_not_thin_crescents() -> None:
    """At the scene's end each near piece of debris shows a low top with the ash level across
    its foot: what is left standing about as tall as its thickest column (on main the ash
    rose under each column from that column's own foot, so what stood out followed the
    piece's outline: a thin curved sliver read as a bat, a gull or curled paper)."""
    _line, street, kept = street_shipped()
    mask = _debris(street, 0.72)
    seen = np.abs(_at(street, kept, END) - kept).sum(axis=2) <= KEPT
    shapes = []
    for piece in _pieces(mask):
        left = piece & seen
        rows = np.flatnonzero(left.any(axis=0))
        if rows.size:
            shapes.append((np.ptp(rows) + 1) / left.sum(axis=1).max())
    assert len(shapes) > 5, "near pieces of debris (the check needs some)"
    assert np.median(shapes) < CRESCENT, f"height over thickness: {np.round(sorted(shapes), 2)}"


SOLID = 8.0  # the cinema's bent blade: its board's luminance spread (10th to 90th percentile)
# at most, its letters aside (main: the wall's bands and openings showed through it, 21)


def test_the_cinemas_bent_blade_is_solid_not_a_ghost_over_the_wall() -> None:
    """The cinema's blade sign, buckled over the next front, is one solid dark board in the
    kept picture: the wall's bands, windows and soot streaks behind it do not show through
    (on main it was charred with the wall, so the wall read through it: a ghost)."""
    _line, street, kept = street_shipped()
    assert street.ruin is not None
    row = street.project(-street.ruin.view.walk, CINEMA_AT, BLADE_BEND)[1]
    board = pygame.Surface(street.size)
    board.fill((0, 0, 0))
    upright = [p.role == "board" and p.corners[0][0] == p.corners[3][0]
               and p.corners[0][1] < p.corners[3][1] - 50 for p in street.walls.cinema]
    for stands, piece in zip(upright, bent(street.walls.cinema, row, BLADE_LEAN), strict=True):
        if stands:  # (the blade's board)
            pygame.draw.polygon(board, (255, 255, 255), piece.corners)
    drawn = pygame.surfarray.array_red(board) == 255
    inside = drawn & np.roll(drawn, 1, 0) & np.roll(drawn, -1, 0) & np.roll(drawn, 1, 1) \
        & np.roll(drawn, -1, 1)  # (its edges aside: the left one lit)
    mask = inside & (kept[..., 0].astype(int) - kept[..., 2] < LETTER_RED)  # (its letters aside)
    seen = luminance(kept[mask].astype(float))
    spread = np.percentile(seen, 90) - np.percentile(seen, 10)
    assert mask.sum() > 200, "the blade is in the picture"
    assert spread < SOLID, f"the blade's board: luminance spread {spread:.0f}"


LETTER_RED = 8  # a pixel of the blade this much redder than blue is its letters'


WINDOW = [(40, 170), (340, 150), (340, 40), (40, 20)]  # a near shop window's corners on the
# left wall: foot near, foot far, head far, head near
WALL_TONE = Tone((96, 90, 86), (110, 104, 98), (150, 142, 134), 0.0, 0.0)
DEPTH = 12  # its inside (with its lit reveal and charred posts): this spread of luminance
OPENING_DARK = OPENING[0]  # the gutted shop's floor, low, under this grey (the char leaves it
# black and the grey sky does not light it as wall)


def test_a_burnt_shop_window_has_a_frame_a_sill_with_ash_and_a_black_inside() -> None:
    """A shop window after the fire is a gutted opening with depth, not a flat black slab
    (main, long ago: one colour), nor a grey pane (main at 823e887f: its floor drawn at grey
    63, lit by the sky as wall, read as see-through glass under the veil): black inside to
    its floor, its far jamb's reveal lit, a pale line of ash on its sill, its charred frame."""
    surface = pygame.Surface((380, 200))
    surface.fill((96, 90, 86))
    scorched(surface, [Piece("window", WINDOW)], WALL_TONE, 7)
    rgb = pygame.surfarray.array3d(surface).astype(float)
    inside = luminance(rgb[60:320, 40:160])
    assert np.ptp(inside) > DEPTH, "not one flat colour"
    head, low = (float(np.median(luminance(rgb[150:230, rows])))
                 for rows in (slice(45, 60), slice(130, 145)))
    assert head <= low < OPENING_DARK, f"under the lintel {head:.0f}, low {low:.0f}: black"
    sill = max(luminance(rgb[190, y]) for y in range(140, 172))
    assert sill > luminance(np.array((96.0, 90.0, 86.0))) + 20, "ash lying pale on its sill"


POST = 8  # a post between a near shop window's panes: this much lighter than the panes beside
UPPER = 12  # an upper window: its inside's luminance spread at least (main: one black, 0)


def test_the_near_left_fronts_windows_are_gutted_openings_with_posts_not_black_slabs() -> None:
    """The nearest front on the left (GIFTS): its long shop window is divided by charred posts
    between its panes, and its upper windows are gutted openings graded from the lintel's
    dark down (on main the shop window was one long dark slab, one post in it, and the upper
    windows flat black rectangles)."""
    _line, street, kept = street_shipped()
    nearest = min((b for b in street.walls.facades if b[0] == -1), key=lambda b: b[1])
    pieces = street.walls.facades[nearest]
    shop = next(p for p in pieces if p.role == "window")
    foot, far_foot, far_head, head = shop.corners
    near, far = (np.add(0.45 * np.array(low), 0.55 * np.array(high))  # (half way up)
                 for low, high in ((foot, head), (far_foot, far_head)))
    row = [tuple(np.round(near + (far - near) * t).astype(int))
           for t in np.linspace(0.08, 0.92, 120)]
    seen = luminance(np.array([kept[p] for p in row], float))
    peaks = [n for n in range(3, len(seen) - 3)
             if seen[n] > max(seen[n - 3], seen[n + 3]) + POST]
    posts = len([n for n in peaks if n - 1 not in peaks])
    assert posts >= 2, f"posts between the panes along the window: {np.round(seen)}"
    upper = next(p for p in pieces if p.role == "office low")
    xs, ys = [c[0] for c in upper.corners], [c[1] for c in upper.corners]
    inside = luminance(kept[min(xs) + 3: max(xs) - 3, min(ys) + 2: max(ys) - 2].astype(float))
    assert np.ptp(inside) > UPPER, f"an upper window graded, not one black: {np.ptp(inside):.0f}"


WHITENS = 5.0  # the road by the scene's end: this much paler (mean luminance) than at its start
# (10 while the fresh ash was 1.22 times paler than the old: the street whitened like snow; since
# ashroad24 it is the old ash's grey-brown, the road paler only as the debris and char go under)


def test_the_street_whitens_under_the_fresh_ash_through_the_morning() -> None:
    """A visitor comparing 06:40 with 07:55 sees deeper, paler ash on the road (on main the
    fresh ash was the old ash's grey, 5% paler: the street looked the same all morning)."""
    _line, street, kept = street_shipped()
    width, height = street.size
    road = (slice(width // 4, 3 * width // 4), slice(round(height * 0.62), height))
    start, end = (luminance(_at(street, kept, t)[road].astype(float)).mean() for t in (0.0, END))
    assert end > start + WHITENS, f"the road's ash: {start:.0f} -> {end:.0f}"


def test_now_and_then_a_sheet_of_paper_blows_across_the_ash() -> None:
    """Wilshire under ash has one quiet thing moving on the ground: now and then a pale sheet
    of scorched paper skims across the road, tumbling; between crossings nothing is drawn
    (on main nothing moved on the road all morning but the falling flakes)."""
    seed, size = 7, (640, 360)
    moments = [s / 4 for s in range(0, 4 * round(EVERY))]
    under_way = [s for s in moments if crossing(s, seed) is not None]
    assert under_way and len(under_way) < len(moments), "a crossing, and a pause"

    def drawn(seconds: float) -> np.ndarray:
        surface = pygame.Surface(size)
        surface.fill((90, 86, 82))
        draw_paper(surface, seconds, seed)
        return np.asarray((pygame.surfarray.array3d(surface) != (90, 86, 82)).any(axis=2))

    middle = under_way[len(under_way) // 2]
    here, later = drawn(middle), drawn(middle + 1.0)
    assert here.sum() > 20 and later.sum() > 20, "the sheet (and its shadow) is there"
    (x0, _), (x1, _) = (np.argwhere(m).mean(axis=0) for m in (here, later))
    assert x1 > x0 + 10, f"it skims on to the right: {x0:.0f} -> {x1:.0f}"
    pause = next(s for s in moments if crossing(s, seed) is None)
    assert not drawn(pause).any(), "nothing between crossings"


SHEET_SEEN = 375  # pixels of the blown sheet (paler than the ash) at 960x540, in the median
# moment of its crossing, at least (before 0010b21b: 121, a card a few centimetres across;
# since: 375, measured at 0010b21b and now, so the bound is what the page shows)


def test_the_blown_sheet_is_big_enough_to_see_from_across_the_room() -> None:
    """The sheet of paper the wind takes across the road (every ~23 s from 07:03:30) read as
    a tumbling sheet but was tiny: now a page, seen from across the room."""
    seed, back = 7, (90, 86, 82)
    seen = []
    for seconds in (s / 2 for s in range(2 * round(EVERY))):
        if crossing(seconds, seed) is None:
            continue
        surface = pygame.Surface((960, 540))
        surface.fill(back)
        draw_paper(surface, seconds, seed)
        paler = luminance(pygame.surfarray.array3d(surface).astype(float)) > luminance(
            np.array(back, float)) + 10
        seen.append(int(paler.sum()))
    assert np.median(seen) >= SHEET_SEEN, f"the sheet: {np.median(seen):.0f} px"
