"""Parallax: layers at different depths sway against each other; the sky stays; no seams."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeutil import parse_clock
from installation.visuals.parallax import (
    KEY,
    Drift,
    Planes,
    _apart,
    key_area,
    mirror_edges,
    runs,
)
from installation.visuals.plane_rows import ALL, NOTHING, SOME, Shown, layings, rows_moved
from installation.visuals.render import headless

from .helpers import NO_POST, assert_as_fresh, frame_at, layer, one_scene, timeline

CAMERA = layer("camera", drift=0.05, seconds=20)  # 9 px each way at 180 px high
QUARTER = 5.0  # real seconds: the sway at its furthest right
FURTHEST = 9  # px at depth 1
RED, GREEN, BLUE = "#ff0000", "#00ff00", "#0000ff"


def scene(depths: tuple[float, float, float] = (0.5, 1.0, 1.0)) -> str:
    """A noon sky, a green skyline, a red palm and a blue figure standing still."""
    skyline, palm, figure = depths
    return (layer("sky", clouds=0, sun=False)
            + layer("skyline", color=GREEN, lit=0, landmark=False, depth=skyline)
            + layer("silhouette", shape="palm", x=0.5, scale=0.5, color=RED, depth=palm)
            + layer("figures", pose="idle", path=[[0.3, 0.9]], speed=0, scale=0.2,
                    color=BLUE, depth=figure)
            + CAMERA + NO_POST)


def columns_of(frame: np.ndarray, hue: int) -> np.ndarray:
    """The x of every column holding a pixel where channel `hue` clearly leads (the layers are
    shaded by the light, so not exactly their colour)."""
    lead = frame[:, :, hue] - np.delete(frame, hue, axis=2).max(axis=2)
    return np.flatnonzero((lead > 60).any(axis=1))


def test_a_swaying_scene_begins_exactly_as_if_the_camera_stood_still() -> None:
    still = scene((0.0, 0.0, 0.0))
    assert np.array_equal(frame_at(scene(), "12:00", 0.0), frame_at(still, "12:00", 0.0))


def test_near_layers_sway_further_than_far_ones_and_the_sky_stays() -> None:
    swayed = frame_at(scene(), "12:00", QUARTER)
    still = frame_at(scene((0.0, 0.0, 0.0)), "12:00", QUARTER)
    for hue in (0, 2):  # the red palm and the blue figure, both at depth 1
        assert columns_of(swayed, hue).min() == columns_of(still, hue).min() + FURTHEST
    far = round(0.5 * FURTHEST)  # the green towers, at depth 0.5
    towers, was = (columns_of(frame[:, 95:100], 1) for frame in (swayed, still))
    palm = np.concatenate([columns_of(swayed[:, 95:100], 0),  # in front of them in either
                           columns_of(still[:, 95:100], 0) + far])  # (as the towers moved)
    hidden = np.unique(np.concatenate([palm - 1, palm, palm + 1]))  # (and its soft edge)

    def seen(columns: np.ndarray) -> np.ndarray:
        return columns[(columns > 40) & (columns < 280) & ~np.isin(columns, hidden)]
    assert np.array_equal(seen(towers), seen(was + far))
    assert np.array_equal(swayed[:, :20], still[:, :20])  # the sky at the top does not move


def test_the_sway_turns_back_and_passes_the_middle() -> None:
    drift = Drift(9.0, 20.0)
    assert [drift.shift(1.0, s) for s in (0, 5, 10, 15, 20)] == [0, 9, 0, -9, 0]
    assert drift.shift(0.5, 5) == 4 and drift.shift(0.0, 5) == 0
    assert Drift(9.0, 20.0).most == 9


def test_the_strip_a_moved_plane_leaves_at_the_side_is_its_edge_mirrored() -> None:
    swayed = frame_at(scene(), "12:00", QUARTER)
    ground = swayed[:FURTHEST, 150:]
    assert np.array_equal(ground, swayed[FURTHEST:2 * FURTHEST, 150:][::-1])
    assert ground.max() > 0  # not a black strip


@pytest.mark.parametrize("walker", [1.0, 0.5])
def test_frames_drawn_in_a_row_equal_fresh_ones_while_the_camera_sways(walker: float) -> None:
    """The cars and a walker at the street's depth: the frame is drawn as seen moving with
    them, then scrolled; a walker at another depth: through the wider canvas."""
    headless()
    body = (layer("sky", clouds=0.6) + layer("skyline", restless=1, depth=0.4)
            + layer("silhouette", shape="palm", x=0.2, scale=0.6, depth=0.7, opacity=0.7)
            + layer("street", traffic=1, depth=1)
            + layer("figures", pose="walk", path=[[0, 0.85], [1, 0.85]], speed=0.05,
                    depth=walker) + CAMERA + NO_POST)
    times = [5.5 * step + tick / 30 for step in range(12) for tick in range(3)]
    # the sway moves, or only clouds, cars, windows do
    assert_as_fresh(one_scene(body, at="21:00"),
                    [parse_clock("21:00") + seconds for seconds in times])


def test_a_near_plane_keeps_only_what_its_layers_changed() -> None:
    headless()
    below, top, keyed = (pygame.Surface((8, 4)) for _ in range(3))
    below.fill((10, 20, 30))
    top.fill((10, 20, 30))
    top.fill((200, 0, 0), (2, 1, 3, 2))
    top.fill((1, 2, 3), (6, 0, 1, 1))  # the key colour itself, drawn by a layer
    keyed.set_colorkey((1, 2, 3))
    key_area(top, below, keyed, keyed.get_rect())
    assert keyed.get_at((3, 2))[:3] == (200, 0, 0)
    assert keyed.get_at((0, 0))[:3] == (1, 2, 3)  # unchanged: the planes behind show
    assert keyed.get_at((6, 0))[:3] != (1, 2, 3)  # a layer's own pixel never vanishes


def test_runs_of_equal_depth_make_one_plane() -> None:
    assert runs([0.0, 0.3, 0.3, 1.0]) == [1, 3, 4]
    assert runs([0.0]) == [1]


def test_a_swaying_scene_crossfading_out_draws_the_frames_a_fresh_compositor_draws() -> None:
    """The arriving scene lends its sky to the swaying one being left (into its back plane):
    frames drawn in a row through the fade equal fresh ones, and the sky is not moved."""
    headless()
    swaying = (layer("sky", clouds=0.6) + layer("skyline", depth=0.4)
               + layer("silhouette", shape="palm", x=0.3, scale=0.6, depth=1)
               + layer("figures", pose="walk", path=[[0, 0.9], [1, 0.9]], speed=0.05, depth=1)
               + CAMERA + NO_POST)
    line = timeline(f"[[scene]]\nat = \"12:00\"\nname = \"sway\"\n{swaying}"
                    f"[[scene]]\nat = \"12:01\"\nname = \"after\"\n"
                    f"transition = {{ type = \"crossfade\", seconds = 4 }}\n"
                    f"{layer('sky', clouds=0.6)}{layer('silhouette', shape='bull', x=0.6)}"
                    f"{NO_POST}")
    start = parse_clock("12:00") + 55.0
    assert_as_fresh(line, [start + step * 0.17 for step in range(40)])


def keyed_planes(size: tuple[int, int]) -> list[pygame.Surface]:
    """A back plane of noise and two near planes showing nothing, a little or everything by
    rows: the near one hides the others in its lower half."""
    rng = np.random.default_rng(3)
    back, far, near = (pygame.Surface(size) for _ in range(3))
    pygame.surfarray.pixels2d(back)[:] = rng.integers(0, 1 << 24, size)
    for plane in (far, near):
        plane.fill(KEY)
        plane.set_colorkey(KEY)
    width, height = size
    far.fill((0, 200, 0), (10, height // 4, width // 2, height // 2))
    near.fill((200, 0, 0), (0, height // 2, width, height // 2))
    near.fill((0, 0, 200), (width // 3, height // 3, 5, 5))
    return [back, far, near]


def shown_of(plane: pygame.Surface) -> Shown:
    """What each row of a plane shows (the back plane has no key: all of every row)."""
    shown = Shown(plane.get_size(), NOTHING)
    shown.count(plane, KEY, 0, plane.get_height())
    return shown


def test_a_row_of_a_near_plane_shows_nothing_some_or_all_of_the_picture() -> None:
    headless()
    back, far, near = keyed_planes((40, 20))
    shown = [shown_of(plane) for plane in (back, far, near)]
    assert shown[2].kinds.tolist() == [NOTHING] * 6 + [SOME] * 4 + [ALL] * 10
    assert shown[2].columns(6, 10) == (13, 18) and shown[1].columns(0, 20) == (10, 30)
    laid = layings([np.full(20, ALL, np.int8), shown[1].kinds, shown[2].kinds], 0, 20)
    assert laid == [(0, 5, [(0, True)]), (5, 6, [(0, True), (1, False)]),
                    (6, 10, [(0, True), (1, False), (2, False)]),
                    (10, 20, [(2, True)])]  # all three; then the near plane alone, unkeyed


@pytest.mark.parametrize("shifts", [[0, 0, 0], [2, -3, 4], [-1, 3, -2]])
def test_planes_laid_by_rows_make_the_picture_laying_them_all_makes(shifts: list[int]) -> None:
    headless()
    size = (40, 20)
    planes = Planes(size, True, [1, 2, 3], [0.0, 0.5, 1.0], Drift(4.0, 10.0))
    planes.keyed = keyed_planes(size)
    planes.shown = [shown_of(plane) for plane in planes.keyed]
    planes.surface = pygame.Surface(size)
    planes._compose(shifts, [pygame.Rect(3, 2, 30, 15), pygame.Rect(5, 4, 30, 2)])
    laid = pygame.Surface(size)
    for plane, shift in zip(planes.keyed, shifts, strict=True):
        laid.blit(plane, (shift, 0))
    mirror_edges(laid, shifts)
    inside = (slice(3, 33), slice(2, 17))
    assert np.array_equal(pygame.surfarray.array2d(planes.surface)[inside],
                          pygame.surfarray.array2d(laid)[inside])


def test_overlapping_changed_areas_are_laid_once_where_their_box_is_no_bigger() -> None:
    """A strip moved by two planes' shifts is laid once; a row across the picture and a
    strip down its side stay apart (their box would be nearly the whole picture)."""
    areas = [pygame.Rect(0, 10, 100, 5), pygame.Rect(2, 10, 100, 5), pygame.Rect(98, 0, 3, 80),
             pygame.Rect(50, 40, 4, 4), pygame.Rect(0, 0, 0, 5)]
    assert _apart(areas) == [pygame.Rect(0, 10, 102, 5), pygame.Rect(98, 0, 3, 80),
                             pygame.Rect(50, 40, 4, 4)]


@pytest.mark.parametrize(("was", "now"), [([2, -3, 4], [3, -3, 4]), ([2, -3, 4], [2, -1, 4]),
                                          ([0, 0, 0], [-2, 1, 0]), ([3, 3, 0], [1, 1, -2])])
def test_a_sway_lays_again_only_the_rows_a_moved_plane_shows_in_and_the_sides(
        was: list[int], now: list[int]) -> None:
    """The picture equals one laid out all over; the far planes moving under the rows the
    near plane shows all of leave those rows alone (but for the strips at the sides)."""
    headless()
    size = (40, 20)
    planes, whole = (Planes(size, True, [1, 2, 3], [0.0, 0.5, 1.0], Drift(4.0, 10.0))
                     for _ in range(2))
    for laid in (planes, whole):
        laid.keyed = keyed_planes(size)
        laid.shown = [shown_of(plane) for plane in laid.keyed]
        laid.surface = pygame.Surface(size)
    planes._compose(was, None)
    planes._compose(now, planes._swayed(was, now))
    whole._compose(now, None)
    assert pygame.image.tobytes(planes.surface, "RGB") == pygame.image.tobytes(whole.surface,
                                                                             "RGB")
    assert rows_moved([shown.kinds for shown in planes.shown], [True, True, False]) == [
        (0, 5), (5, 6), (6, 10)]  # the rows below: the near plane alone, unmoved
