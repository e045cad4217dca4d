"""The skyline's windows: the next set is drawn ahead, so no frame redraws all the towers."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import pygame
import pytest

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeline.model import Scene
from installation.core.timeutil import DAY_SECONDS, parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.facades import CROWN_FROM
from installation.visuals.lamp_room import SWEEP_EVERY, SWEEP_TAKES
from installation.visuals.landmark import Landmark, landmark
from installation.visuals.render import headless
from installation.visuals.skyline import WINDOW_BUCKET, Skyline
from installation.visuals.xplan import Layout, frame_bar, layout

from .drawn_once import in_a_row
from .helpers import NO_POST, SIZE, draw, frame_at, layer, mean_brightness, one_frame, one_scene

ROOT = Path(__file__).resolve().parents[2]
FULL_HD = (1920, 1080)
WIDE = (960, 540)
RED = 120  # a beacon's glow: red above this, green below half of it
LIT_ROOM = 150  # brightness (0-255) of the lit room over the couple's heads
CURTAINED = 0.8  # the nearest tower's other windows are at most this share as bright

NIGHT = (layer("sky", stars=0, clouds=0) + layer("skyline", ground=0.8, height=0.5, lit=0.6)
         + NO_POST)
TOWERS = (layer("sky", stars=0, clouds=0) + layer("skyline", ground=0.82, height=0.22, lit=0.6,
                                                   style="towers", home=[0.2, 0.5])
          + NO_POST)


def refuse(self: Skyline, key: object) -> None:
    raise AssertionError("the towers were redrawn inside the frame")


@pytest.mark.parametrize(("scene_at", "boundary", "layers"), [
    ("21:30", (parse_clock("22:00") // WINDOW_BUCKET + 1) * WINDOW_BUCKET, NIGHT),
    ("23:30", DAY_SECONDS, NIGHT),  # midnight: the bucket wraps to 0 (the alarm's first frame)
    ("04:35", (parse_clock("04:40") // WINDOW_BUCKET + 1) * WINDOW_BUCKET, TOWERS),
])
def test_the_next_windows_are_drawn_ahead_and_match_a_fresh_drawing(
        monkeypatch: pytest.MonkeyPatch, scene_at: str, boundary: float, layers: str) -> None:
    """A frame a story second, up to the moment the lit windows change: that frame swaps in
    the towers drawn ahead (redrawing them there fails) and equals a fresh drawing."""
    headless()
    line = one_scene(layers, at=scene_at)
    compositor, surface = Compositor(line, SIZE, print), pygame.Surface(SIZE)
    for t in range(int(boundary) - 120, int(boundary)):
        compositor.draw(surface, state_at(line, float(t)))
    at = boundary % DAY_SECONDS
    monkeypatch.setattr(Skyline, "_render", refuse)
    compositor.draw(surface, state_at(line, at))
    monkeypatch.undo()
    fresh = one_frame(line, SIZE, state_at(line, at))
    assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB")



def test_towers_drawn_ahead_on_surfaces_shown_before_match_a_fresh_drawing_byte_for_byte(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The second change of lit windows swaps in towers drawn ahead on the surfaces shown
    before it: that frame equals a fresh drawing in every byte, the unused fourth of each
    pixel too (depth planes compare whole pixels: a difference there showed as stale window
    edges in Johnie's at night, a frame differing with what was drawn before it)."""
    headless()
    line = one_scene(NIGHT, at="21:30")
    first = (parse_clock("22:00") // WINDOW_BUCKET + 1) * WINDOW_BUCKET
    compositor, surface = Compositor(line, SIZE, print), pygame.Surface(SIZE)
    for t in range(int(first) - 120, int(first + WINDOW_BUCKET)):
        compositor.draw(surface, state_at(line, float(t)))
    at = first + WINDOW_BUCKET
    monkeypatch.setattr(Skyline, "_render", refuse)
    compositor.draw(surface, state_at(line, at))
    monkeypatch.undo()
    fresh = one_frame(line, SIZE, state_at(line, at))
    assert surface.get_buffer().raw == fresh.get_buffer().raw

MIXED_GOLDEN = {  # sha256 of the frame since the May Company became a flat-topped cylinder
    # (21:00: and since the moon's crescent is cut out of its disk, 33 pixels of the moon),
    # and since a farther tower's windows are not painted over a nearer tower (168 and 192
    # pixels, all in windows a near tower covers), and since a layer's random choices follow
    # its scene's name, its type and which of that type it is (not its place in the file),
    # and since the blocks have shapes (slim shafts over lower wings, setbacks, crowns, deco
    # steps) and faces, and the May Company's cylinder stands on its box, and since antennas
    # stand on some roofs, one or two crowns are floodlit at night and the low sun warms the
    # faces turned to it (each box seen from the side towards the middle), and since by day
    # the May Company's cylinder is modelled round with its mosaic's seams and its box's far
    # end rounds off (18:30 only: at 21:00 it is dark)
    "18:30": "e2bd3d19054f2e6f937fe7e7b4b928e5af4f87d0a8c1878691b8146fcadec20e",
    "21:00": "e988ebad363285001fcb0a354a8777a0e4663e5c247c4e63a16a0dbded02e66f",
}


@pytest.mark.parametrize("at", sorted(MIXED_GOLDEN))
def test_the_mixed_skyline_is_unchanged(at: str) -> None:
    """Every skyline scene but Park La Brea draws the mixed style: pixel for pixel as before."""
    line = one_scene(layer("sky", stars=0, clouds=0) + layer("skyline", restless=0.2) + NO_POST,
                     at=at)
    frame = pygame.image.tobytes(draw(line, at), "RGB")
    assert hashlib.sha256(frame).hexdigest() == MIXED_GOLDEN[at]


def park_la_brea() -> tuple[Timeline, Scene]:
    """The show's timeline and its Park La Brea scene."""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    return line, next(s for s in line.scenes if s.name == "Park La Brea")


def params_of(scene: Scene, kind: str) -> Mapping[str, Any]:
    return next(spec.params for spec in scene.layers if spec.type == kind)


def towers_of(scene: Scene, size: tuple[int, int] = FULL_HD) -> Layout:
    p = params_of(scene, "skyline")
    return layout(size, p["ground"], p["height"], p["home"])


def extent(plan: Layout, tower: int) -> pygame.Rect:
    """The rectangle round a tower's walls on the screen."""
    points = [pt for plane in plan.planes if plane.tower == tower for pt in plane.outline]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return pygame.Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def test_park_la_brea_towers_stand_at_several_depths_and_overlap() -> None:
    """Not a row of equal towers: they differ in size, the nearest is several times the
    farthest, and some stand in front of others (theirs, up close, and three past its
    corner)."""
    plan = towers_of(park_la_brea()[1])
    boxes = [extent(plan, n) for n in range(len(plan.depth))]
    widths = sorted(b.width for b in boxes)
    assert len(boxes) >= 4 and len(set(widths)) == len(widths)
    assert widths[-1] > 3 * widths[0]
    assert sum(a.colliderect(b) for a, b in combinations(boxes, 2)) >= 2  # (3 when their tower's
    # wall filled the left half: now above its roof the sky, a far tower behind its corner)
    assert len(set(plan.glow)) >= 4  # the farther, the dimmer their windows


def test_a_park_la_brea_tower_shows_a_lit_face_and_a_shaded_one() -> None:
    """At night, of one tower's walls, those facing the city's glow are clearly brighter."""
    _, scene = park_la_brea()
    p = params_of(scene, "skyline")
    keys = {"ground": p["ground"], "height": p["height"], "style": "towers", "lit": 0,
            "landmark": False, "home": [0.13, 0.5]}
    frame = draw(one_scene(layer("sky", stars=0, clouds=0) + layer("skyline", **keys)
                           + NO_POST, at="04:40"), "04:40", size=FULL_HD)
    plan = layout(FULL_HD, p["ground"], p["height"], (0.13, 0.5))
    walls = [plane for plane in plan.planes if plane.tower == 1 and len(plane.outline) == 4]
    bright = [mean_brightness(frame, _inside(plane.outline)) for plane in walls]
    assert max(bright) > 1.5 * min(bright)


def _inside(outline: list[tuple[float, float]]) -> pygame.Rect:
    """A small square at the middle of a wall's outline."""
    x = sum(px for px, _ in outline) / len(outline)
    y = sum(py for _, py in outline) / len(outline)
    return pygame.Rect(round(x) - 1, round(y) - 1, 3, 3)


def test_lucy_and_ivan_are_in_a_large_lit_window_of_the_nearest_tower() -> None:
    """Their window is one of the nearest tower's, three times the old 75 px thumbnail, lit,
    and the figures' lit room fills its glass, inside the window's own frame (one window: the
    room in a frame of its own over the window's frame showed two)."""
    line, scene = park_la_brea()
    plan = towers_of(scene)
    assert plan.home is not None and plan.home.width >= 3 * 60
    assert any(w.tower == 0 and w.rect == plan.home for w in plan.windows)
    assert plan.depth[0] == min(plan.depth)
    room, picture = _couple_room()
    glass = plan.home.inflate(-2 * frame_bar(plan.home), -2 * frame_bar(plan.home))
    assert room.contains(glass.inflate(-2, -2))
    assert plan.home.contains(room)
    beside = pygame.Rect(room.x + room.width // 12, room.y + room.height // 10,
                         room.width // 6, room.height // 3)  # beside them, over the sill
    assert mean_brightness(picture, beside) > LIT_ROOM
    screen = picture.get_rect()
    neighbours = [w.rect.clip(screen) for w in plan.windows if w.tower == 0 and w.rect != plan.home]
    brightest = max((mean_brightness(picture, r) for r in neighbours if r.width and r.height),
                    default=0.0)  # (none: the side past the corner is a plain wall)
    assert brightest < CURTAINED * LIT_ROOM  # theirs is the one bright, clear window


def _couple_room() -> tuple[pygame.Rect, pygame.Surface]:
    """Where the figures' room in Park La Brea falls (in its frame), and the picture, five
    minutes in, as the lamp lights it (between two cars whose lights sweep across it: see
    lamp_room): each test given its own copy of what is worked out once a process (two full-
    size frames, for two tests)."""
    room, picture = _couple_room_once()
    return pygame.Rect(room), picture.copy()


@cache
def _couple_room_once() -> tuple[pygame.Rect, pygame.Surface]:
    line, scene = park_la_brea()
    alone = replace(line, scenes=tuple(
        replace(s, layers=tuple(spec for spec in s.layers if spec.type != "figures"))
        if s is scene else s for s in line.scenes))
    at = scene.at + 300 + max(0.0, SWEEP_TAKES - 300 % SWEEP_EVERY + 0.5)
    framed, bare = (_frame(t, at) for t in (line, alone))
    drawn = np.argwhere(np.any(framed != bare, axis=2))
    left, top = drawn.min(axis=0)
    right, bottom = drawn.max(axis=0) + 1
    return pygame.Rect(left, top, right - left, bottom - top), _surface(framed)


LAMP_LIT = 1.1  # the wall over the lamp is this many times as bright as the wall far from it
CURTAIN_DARK = 0.75  # a curtain at the window's side is at most this bright, of the wall


def _share_of(room: pygame.Rect, left: float, right: float, top: float,
              foot: float) -> pygame.Rect:
    """A part of the room, as shares of its width and height."""
    return pygame.Rect(room.x + round(left * room.width), room.y + round(top * room.height),
                       round((right - left) * room.width), round((foot - top) * room.height))


def test_lucy_and_ivans_room_is_lit_by_a_lamp_and_curtained() -> None:
    """Not an empty orange box: a lamp on their left lights the wall over it more than the
    wall on their right, and curtains hang at both sides of the window, darker than the wall."""
    room, picture = _couple_room()
    inner = room.inflate(-room.width // 20, -room.height // 20)  # inside its frame
    lamp_side, far_side = (mean_brightness(picture, _share_of(inner, x, x + 0.2, 0.05, 0.15))
                           for x in (0.08, 0.7))
    assert lamp_side > LAMP_LIT * far_side
    beside = mean_brightness(picture, _share_of(inner, 0.08, 0.12, 0.05, 0.3))
    for x in (0.005, 0.965):
        curtain = mean_brightness(picture, _share_of(inner, x, x + 0.03, 0.05, 0.3))
        assert curtain < CURTAIN_DARK * beside


def _frame(line: Timeline, at: float) -> np.ndarray:
    headless()
    surface = one_frame(line, FULL_HD, state_at(line, at))
    return pygame.surfarray.array3d(surface).astype(int)


def _surface(pixels: np.ndarray) -> pygame.Surface:
    return pygame.surfarray.make_surface(pixels.astype(np.uint8))


def test_no_beacon_blinks_through_a_nearer_tower() -> None:
    """With the nearest tower filling the picture, the beacons of the towers behind it are
    not seen on its wall (and the ones in view do blink: see the show's frame)."""
    keys = {"style": "towers", "ground": 0.82, "height": 0.22, "lit": 0, "landmark": False}
    hidden = layer("sky", stars=0, clouds=0, sun=False) + layer(
        "skyline", home=[0.9, 0.2], **keys) + NO_POST
    shown = layer("sky", stars=0, clouds=0, sun=False) + layer("skyline", **keys) + NO_POST
    blinking = in_a_row(one_scene(shown, at="04:40"), [f"04:40:{s / 4:05.2f}" for s in range(8)],
                        WIDE)  # (what shows them may be drawn in a row; what hides them, alone)
    assert max(_red(pygame.surfarray.array3d(frame).astype(int)) for frame in blinking) > 0
    assert max(_red(frame_at(hidden, "04:40", s / 4, WIDE)) for s in range(8)) == 0


def _red(frame: np.ndarray) -> int:
    """How many pixels glow beacon-red."""
    return int(((frame[..., 0] > RED) & (frame[..., 1] < RED // 2)).sum())


MAY_COMPANY = (layer("sky", stars=0, clouds=0)
               + layer("skyline", ground=0.8, height=0.5, lit=1.0, restless=0) + NO_POST)
GOLDEN = 20  # a gold pixel's red is this much above its blue (never the sky's or a tower's)
LIT_SIDE = 1.4  # the cylinder's lit side is this many times as bright as its edges


def _may_company(at: str) -> tuple[np.ndarray, Landmark]:
    """The skyline at `at` (every window lit) and where its May Company stands."""
    frame = draw(one_scene(MAY_COMPANY, at=at), at, size=WIDE)
    where = landmark(WIDE[0], int(WIDE[1] * 0.8), int(WIDE[1] * 0.5))
    return pygame.surfarray.array3d(frame).astype(int), where


@pytest.mark.parametrize(("at", "lit"), [("11:00", "left"), ("14:00", "right"),
                                         ("22:00", "left")])
def test_the_may_company_cylinder_is_shaded_round(at: str, lit: str) -> None:
    """Across the cylinder the gold is brightest on its lit side (the sun's by day, the
    left under the night's floodlights), inside it, and falls off towards both edges, where
    it is duller; the granite frame beside it is dark."""
    frame, where = _may_company(at)
    drum = where.drum
    row = frame[drum.left:drum.right, drum.top + drum.height // 4]
    brightness = row.sum(axis=1)
    peak = int(brightness.argmax())
    half = (0, drum.width // 2) if lit == "left" else (drum.width // 2, drum.width - 1)
    assert half[0] < peak < half[1], f"lit from the {lit}, not at its edge"
    for edge in (0, drum.width - 1):
        assert brightness[peak] > LIT_SIDE * brightness[edge]
        assert row[peak, 0] - row[peak, 2] > row[edge, 0] - row[edge, 2], "more golden"
    granite = frame[where.frame.left + 1, where.frame.top + where.frame.height // 3]
    assert granite.max() < row[peak].max() // 3


@pytest.mark.parametrize("at", ["13:00", "22:00"])
def test_the_may_company_cylinder_has_a_flat_top_with_a_lighter_cornice(at: str) -> None:
    """Not a rounded tombstone: the gold begins on the same row in every column, and that
    row is lighter than the gold just under it."""
    frame, where = _may_company(at)
    drum = where.drum
    above = frame[drum.left:drum.right, drum.top - drum.height // 4:drum.bottom]
    golden = above[..., 0] - above[..., 2] > GOLDEN
    tops = golden.argmax(axis=1)
    assert golden.any(axis=1).all() and len(set(tops.tolist())) == 1
    top = drum.top - drum.height // 4 + int(tops[0])
    cornice, under = (frame[drum.left:drum.right, y].sum() for y in (top, top + 3))
    assert cornice > under


def test_no_window_of_a_tower_behind_shows_on_the_may_company() -> None:
    """With every window lit, each column of the cylinder only brightens towards its floodlit
    foot between its cornice, its seam (the box's roof) and its foot on the box: no lit
    window sits on the gold."""
    frame, where = _may_company("22:00")
    drum = where.drum
    for rows in ((drum.top + 3, where.box.top - 1), (where.box.top + 2, drum.bottom - 1)):
        brightness = frame[drum.left:drum.right, rows[0]:rows[1]].sum(axis=2)
        assert (np.diff(brightness, axis=1) >= 0).all()


ALL_LIT = (layer("sky", stars=0, clouds=0)
           + layer("skyline", ground=0.8, height=0.5, lit=1.0, restless=0, landmark=False)
           + NO_POST)
WALL_RED = 120  # a lit window's red is above this (every shade of it), a tower's wall below


def test_no_window_of_a_tower_behind_shows_on_a_nearer_tower() -> None:
    """With every window lit, a tower of the near row shows only its own windows: no lit
    window of a farther tower inside its walls (they read as a doubled, half-offset grid)."""
    line = one_scene(ALL_LIT, at="22:00")  # (at night: by day a sunlit face is as light)
    frame = pygame.surfarray.array3d(draw(line, "22:00", size=WIDE)).astype(int)
    compositor = Compositor(line, WIDE, print)
    scene = line.scenes[0]
    skyline = Skyline(scene.layers[1].params, compositor.setup(scene, 1, "skyline"))
    near = [n for n, b in enumerate(skyline.buildings) if b.row == 1]
    assert near and any(b.row == 0 for b in skyline.buildings)
    for n in near:
        walls = np.zeros(WIDE, bool)
        b = skyline.buildings[n]
        for rect, (_, _, low, _) in zip(skyline._outline(b), b.tiers, strict=True):
            if n in skyline.crowns and low >= CROWN_FROM * b.height:
                continue  # (a floodlit crown: its own light, no window)
            placed = rect.move(0, skyline.top)
            walls[max(0, placed.left):placed.right, placed.top:placed.bottom] = True
        for rect, _, owner in skyline.windows:
            if owner == n:
                placed = rect.move(0, skyline.top)
                walls[max(0, placed.left):placed.right, placed.top:placed.bottom] = False
        assert (frame[..., 0][walls] < WALL_RED).all(), f"a farther tower's window on tower {n}"


WINDOW_SEEN = 10  # a near window's middle differs this much (0-255) from the wall over it
WARM = 30  # a lit window's red is this much over its blue (dark glass is bluish)


def test_park_la_brea_shows_grids_of_windows_round_theirs_a_few_lit_most_dark() -> None:
    """Not a blank wall with one window: every other window of the nearest tower in the
    picture shows against the wall over it (there are none now: its end wall past the corner,
    seen nearly edge on, is a plain wall in shade, see xplan.GLANCING; its two windows there
    read as see-through slabs over each other); with the towers behind, the windows in the
    picture stand in at least three storeys and three bays of a wall, at least a quarter of
    them lit (warm) and a quarter dark as the scene begins (the sirens wake more: see
    test_park_la_brea)."""
    line, scene = park_la_brea()
    plan = towers_of(scene)
    picture = _surface(_frame(line, scene.at + 60))
    screen = picture.get_rect()
    seen = [w for w in plan.windows if w.rect != plan.home and screen.contains(w.rect)]
    near = [w for w in seen if w.tower == 0]
    for w in near:
        middle = pygame.Rect(0, 0, w.rect.width // 3, w.rect.height // 3)
        middle.center = w.rect.center
        over = pygame.Rect(middle.x, w.rect.top - w.rect.height // 8, middle.width,
                           w.rect.height // 16)  # the wall between it and the slab over it
        glass = mean_brightness(picture, middle)
        assert abs(glass - mean_brightness(picture, over)) > WINDOW_SEEN, f"{w.rect} is lost"
    assert any(len({w.storey for w in seen if w.face == face}) >= 3
               and len({w.bay for w in seen if w.face == face}) >= 3
               for face in {w.face for w in seen})
    lit = 0
    for w in seen:
        middle = pygame.Rect(0, 0, max(1, w.rect.width // 3), max(1, w.rect.height // 3))
        middle.center = w.rect.center
        r, _, b, _ = pygame.transform.average_color(picture.subsurface(middle))
        lit += r - b > WARM
    assert len(seen) // 4 <= lit <= len(seen) - len(seen) // 4


CITY_SEEN = 0.6  # of the columns of the gap between the trees, at least, with a building
CITY_GAP = (0.72, 0.9)  # the gap right of the Page Museum where no tree stands (across)
CITY_ROWS = (-0.045, -0.005)  # the band of sky just over the park's lawn there, from the far
# city's ground (0.445 since pit21 lowered the horizon for a broader pit: 0.545 before)


def test_the_afternoon_at_the_tar_pits_has_the_far_city_between_the_trees() -> None:
    """Harry meets Julie, turned to the Page Museum, sees a city of its own (not noon's
    look), smaller, far off between the park's trees: most of the gap right of the museum is
    buildings over the lawn, not a flat horizon."""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    scene = next(s for s in line.scenes if s.name == "Harry meets Julie")
    noon = next(s for s in line.scenes if s.name == "La Brea Tar Pits")
    city, far = params_of(scene, "skyline"), params_of(noon, "skyline")
    assert city["look"] != far["look"] and city["height"] < far["height"]
    bare = replace(line, scenes=tuple(
        replace(one, layers=tuple(spec for spec in one.layers if spec.type != "skyline"))
        if one is scene else one for one in line.scenes))
    rows = slice(*(round((city["ground"] + y) * SIZE[1]) for y in CITY_ROWS))
    columns = slice(*(round(x * SIZE[0]) for x in CITY_GAP))
    shown, without = (pygame.surfarray.array3d(draw(day, "15:30"))[columns, rows].astype(int)
                      for day in (line, bare))
    built = (np.abs(shown - without).max(axis=2) > 8).any(axis=1)
    assert built.mean() >= CITY_SEEN, built.mean()
