"""Park La Brea, 04:35-04:50: Lucy and Ivan's embrace lives over the scene, the sirens wake
their neighbours a window at a time, and the towers behind read as X-plan, not boxes."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from itertools import combinations
from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.render import headless
from installation.visuals.xplan import Layout, layout
from installation.visuals.xplan_facade import margin
from installation.visuals.xplan_geometry import SLAB, STOREYS, Plane, hidden

from .helpers import one_frame

ROOT = Path(__file__).resolve().parents[2]
FULL_HD = (1920, 1080)
DARK = 70  # a silhouette's pixels are darker than this in every channel (the room is lit)
HEADS = 0.13  # of the window's height: the band from his crown down that holds both heads
# (0.2 when they filled their window: at a person's size in it, 0.2 reached their shoulders)
GAP = 0.013  # of the window's height: lit columns between two dark runs (they are apart)
INSIDE = 10  # the window's frame is less than a tenth of it in from its edges
TOGETHER = 0.75  # held, they are at most this much as wide as apart
SOLID = 3  # dark pixels a column of them holds at least (a lone one is the film's grain)
BODY = 20  # ... and one of their bodies (the lamp table's legs, at about 72, hold a few grain
# pixels under DARK: by SOLID they counted as the couple's edge)
CHANGED = 150  # pixels of the couple's silhouette that differ: a visitor sees them move
WARM = 10  # a lit window's middle is this much redder than blue (dark glass is bluish)
WOKEN = 4  # at least this share (1 in 4) of the windows seen are lit by the end, dark before
FACES = 1.5  # a wing facing the city's glow is at least this much brighter than one turned
STAIR = 80  # a stair window's glass brightness (0-255): lit (its lamp dimmed by the haze of
# the tower's distance: the nearest behind theirs is 190 storeys off, was 140)
STAIRS = 4  # at least this many of them seen lit (the rest hidden in a corner, or out)
STAIR_FRAME = 0.6  # a lit one's frame is at most this bright, of its glass
STAIR_WARM, WHITE = 15, 235  # its glass is this much redder than blue; no channel this bright
PAIR = 30  # pixels: two stair windows of a landing this close read as a pair of dashes


@cache
def show(height: float | None = None) -> tuple[Timeline, Layout]:
    """The show's timeline and its Park La Brea towers laid out at full HD; with a `height`,
    its towers that tall instead (a wider lens, the nearest tower smaller: 0.1 shows several
    of its storeys and bays, as the scene showed before it came up close to their window)."""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    scene = next(s for s in line.scenes if s.name == "Park La Brea")
    p = next(spec.params for spec in scene.layers if spec.type == "skyline")
    if height is not None:
        p = {**p, "height": height}
        line = replace(line, scenes=tuple(replace(s, layers=tuple(
            replace(spec, params=p) if spec.type == "skyline" else spec
            for spec in s.layers if spec.type in ("sky", "skyline")))
            if s is scene else s for s in line.scenes))
    return line, layout(FULL_HD, p["ground"], p["height"], p["home"])


@cache
def frame(at: str, height: float | None = None) -> np.ndarray:
    """The show's frame at story time `at` (real seconds = story seconds: no pace); with a
    `height`, of its sky and towers that tall alone (see show)."""
    headless()
    line, _ = show(height)
    surface = one_frame(line, FULL_HD, state_at(line, parse_clock(at)), None,
                        lambda _message: None)
    return pygame.surfarray.array3d(surface).astype(int)


WIDE = 0.116  # the towers this tall: the nearest as far off, for its size, as it stood before
# it came up close to their window (24 storeys at 0.3, 9.25 at 0.116): its facade, several
# storeys and bays of it, for the tests of its walls and windows


def couple(at: str) -> np.ndarray:
    """Where Lucy and Ivan's silhouettes are in their window (True: dark)."""
    home = show()[1].home
    assert home is not None
    room = home.inflate(-home.width // INSIDE, -home.height // INSIDE)  # (clear of its frame)
    return np.asarray(frame(at)[room.left:room.right, room.top:room.bottom].max(axis=2) < DARK)


def heads(at: str) -> int:
    """How many dark runs the band of their heads holds, left to right (1: heads together)."""
    dark = couple(at)
    crown = int(np.flatnonzero(dark.any(axis=0)).min())
    cols = np.flatnonzero(dark[:, crown:crown + round(dark.shape[1] * HEADS)].any(axis=1))
    return 1 + int((np.diff(cols) > GAP * dark.shape[1]).sum())


def test_lucy_and_ivan_begin_apart_and_come_into_each_others_arms() -> None:
    """Apart at arm's length as the scene begins, a gap of the room's light between their
    heads; in each other's arms from 04:40 to its end, much narrower together (see
    test_old_couple for their heads and hands held close)."""
    assert heads("04:35:30") == 2 and heads("04:36") == 2
    width = {at: int(np.ptp(np.flatnonzero(couple(at).sum(axis=1) >= BODY)))
             for at in ("04:35:30", "04:40", "04:44", "04:49")}
    assert all(width[at] < TOGETHER * width["04:35:30"] for at in ("04:40", "04:44", "04:49"))


def test_their_embrace_is_never_the_same_a_few_seconds_on() -> None:
    """Their pose moves between 04:36 and 04:40, and 9 s after 04:47 (the old rocking's whole
    cycle) it is not where it was: no short loop."""
    for first, then in (("04:36", "04:40"), ("04:47:00", "04:47:09")):
        assert (couple(first) != couple(then)).sum() > CHANGED, (first, then)


def seen_windows() -> dict[int, pygame.Rect]:
    """The windows of every tower whole in the picture, but theirs."""
    _, plan = show()
    screen = pygame.Rect((0, 0), FULL_HD)
    return {n: w.rect for n, w in enumerate(plan.windows)
            if w.rect != plan.home and screen.contains(w.rect)}


def lit_seen(at: str) -> set[int]:
    """Those of `seen_windows` lit at `at`."""
    picture = frame(at)
    out = set()
    for n, rect in seen_windows().items():
        middle = pygame.Rect(0, 0, max(1, rect.width // 3), max(1, rect.height // 3))
        middle.center = rect.center
        r, _, b = picture[middle.left:middle.right, middle.top:middle.bottom].mean(axis=(0, 1))
        if r - b > WARM:
            out.add(n)
    return out


def test_the_sirens_wake_the_park_one_window_at_a_time() -> None:
    """Between 04:36 and 04:48 a quarter of the windows in the picture that were dark come on,
    and a quarter more of them are lit in all (their own tower is mostly out of the picture:
    the towers past its corner wake too)."""
    early, late = lit_seen("04:36"), lit_seen("04:48")
    windows = len(seen_windows())
    assert len(late) - len(early) >= windows // WOKEN, (early, late)
    assert len(late - early) >= windows // WOKEN, (early, late)


def seen_face(plan: Layout, tower: int, lit: bool) -> np.ndarray:
    """The pixels of the tower's widest wall facing the glow (`lit`) or turned from it, that no
    nearer wall and none of its windows cover."""
    walls = [(n, p) for n, p in enumerate(plan.planes) if p.tower == tower
             and len(p.outline) == 4 and (p.tone > 0.5) == lit]
    n, face = max(walls, key=lambda np_: abs(np_[1].outline[1][0] - np_[1].outline[0][0]))
    mask = pygame.Surface(FULL_HD)
    pygame.draw.polygon(mask, (255, 255, 255), face.outline)
    for nearer in plan.planes[n + 1:]:
        if nearer.tower != tower:
            pygame.draw.polygon(mask, (0, 0, 0), nearer.outline)
    for w in plan.windows:
        mask.fill((0, 0, 0), w.rect.inflate(2, 2))
    for rect in face.stairs:
        mask.fill((0, 0, 0), rect.inflate(2, 2))
    return np.asarray(pygame.surfarray.array2d(mask) != 0)


def best_seen(plan: Layout) -> int:
    """The tower behind theirs (past its corner) whose lit wall and shaded wall show most."""
    return max(range(1, len(plan.depth)),
               key=lambda n: min(seen_face(plan, n, lit).sum() for lit in (True, False)))


def test_a_far_tower_shows_its_x_a_wing_in_the_glow_a_wing_in_shadow() -> None:
    """A tower behind theirs: the wall of one wing facing the city's glow is much
    brighter than the wall of another turned from it."""
    _, plan = show()
    picture = frame("04:40").mean(axis=2)
    glow, shade = (picture[seen_face(plan, best_seen(plan), lit)].mean() for lit in (True, False))
    assert glow > FACES * shade, (glow, shade)


def test_a_stair_window_is_a_small_lit_window_in_its_frame_not_a_dash_of_white() -> None:
    """The stair's windows up the inside corners of the towers behind theirs (those no nearer
    wall hides): most lit, each in a frame darker than its glass, warm, not white; one window
    to a landing (the old pairs side by side read as dashes of paint)."""
    _, plan = show()
    picture = frame("04:40")
    screen = pygame.Rect((0, 0), FULL_HD)
    windows = [w.rect for w in plan.windows]
    stairs = [r for p in plan.planes if p.tower > 0 for r in p.stairs
              if screen.contains(r) and r.collidelist(windows) < 0
              and not hidden(r.center, p.tower, plan.planes)]
    lit = 0
    for r in stairs:
        glass = picture[r.left + 1:r.right - 1, r.top + 1:r.bottom - 1].reshape(-1, 3)
        whole = picture[r.left:r.right, r.top:r.bottom].sum(axis=(0, 1))
        frame_ = (whole - glass.sum(axis=0)) / (r.width * r.height - len(glass))
        red, _, blue = glass.mean(axis=0)
        if glass.mean() > STAIR:
            lit += 1
            assert frame_.mean() < STAIR_FRAME * glass.mean(), r
            assert red > blue + STAIR_WARM and glass.max() < WHITE, r
    assert lit >= STAIRS
    for a, b in combinations(stairs, 2):
        assert not (abs(a.top - b.top) < a.height and abs(a.x - b.x) < PAIR), (a, b)


SLAB_BAND = 1.25  # a floor slab's edge is at most this much brighter than the wall over it


def wall_y(outline: list[tuple[float, float]], u: float, v: float) -> float:
    """The screen y of a wall's point `u` along it and `v` up it (shares)."""
    (_, ay), (_, by), (_, cy), (_, dy) = outline
    foot, top = ay + (by - ay) * u, dy + (cy - dy) * u
    return foot + (top - foot) * v


def clear_columns(plan: Layout, plane: Plane) -> list[tuple[int, float]]:
    """Columns of a wall of the nearest tower (x, share along it) that no window, its
    reveals, panel or balcony crosses."""
    (x0, _), (x1, _) = plane.outline[0], plane.outline[1]
    rects = [w.rect for w in plan.windows if w.face == plane.face]
    out = []
    for x in range(max(0, round(min(x0, x1))) + 2, min(FULL_HD[0], round(max(x0, x1))) - 2):
        if all(abs(x - r.centerx) > r.width / 2 + 2 * margin(r) + 2 for r in rects):
            out.append((x, (x - x0) / (x1 - x0)))
    return out


def test_floor_slabs_run_in_their_walls_light_not_as_pale_bands() -> None:
    """Beside the windows of the nearest tower's lit front, each floor slab's edge is at most a
    little lighter than the wall just over it: the old slabs, half as bright again as the wall,
    read as pale translucent bands across the facade. (Its side in shade, two of the four
    storeys checked here, is turned away now: past their corner the night is open.)"""
    _, plan = show(WIDE)
    picture = frame("04:42:30", WIDE).mean(axis=2)
    checked = 0
    for plane in (p for p in plan.planes if p.tower == 0 and p.floors
                  and any(w.face == p.face for w in plan.windows)):  # (seen)
        for storey in range(1, STOREYS):
            band, wall = [], []
            for x, u in clear_columns(plan, plane):
                top, foot = (round(wall_y(plane.outline, u, (storey + k) / STOREYS))
                             for k in (SLAB, 0))
                over = round(wall_y(plane.outline, u, (storey + 2 * SLAB) / STOREYS))
                if 0 <= over and foot < FULL_HD[1] and foot - top >= 4:
                    band.extend(picture[x, top + 1:foot - 1])
                    wall.extend(picture[x, over:top])
            if band:
                assert np.mean(band) < SLAB_BAND * np.mean(wall), (plane.face, storey)
                checked += 1
    assert checked >= 2
