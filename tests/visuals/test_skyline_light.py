"""The far city in the light: each tower a box seen a little from one side, its faces lit
by where the sky's sun stands; the far row paler, bluer and flatter in the haze; roofs with
their tanks and antennas; at night the windows and a few floodlit crowns."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.compositor import Compositor
from installation.visuals.skyline import Skyline
from installation.visuals.tower_shapes import Building, split

from .helpers import NO_POST, draw, layer, one_scene
from .test_skyline_noon import TOWER, WIDE, _noon

SUNLIT = 1.1  # the face towards the sun is at least this many times as bright as the other
FLATTER = 0.7  # the far row's contrast is at most this share of the near row's
SEEN = 40  # pixels of a building, at least, not hidden by a nearer one, to judge it
SKY_APART = 8  # an antenna's pixel differs this much (0-255) from the sky beside it
WARM = 60  # a lit window's red is this much over its blue
CROWN = 1.5  # a floodlit crown is this many times as bright as the shaft under it


def _faces(at: str) -> list[tuple[float, float]]:
    """Each near tower's left face's and right face's mean brightness at `at` (the middle
    half of its shaft's height; faces narrower than 3 pixels left out)."""
    frame, skyline = _noon(at)
    screen = pygame.Rect((0, 0), WIDE)
    out = []
    for b in skyline.buildings:
        if b.row != 1 or b.height < TOWER * skyline.tallest:
            continue
        shaft = max(skyline._outline(b), key=lambda r: r.height).move(0, skyline.top)
        front, side = split(b, shaft)
        if side.width < 3 or not screen.contains(shaft):
            continue
        rows = slice(shaft.top + shaft.height // 4, shaft.bottom - shaft.height // 4)
        means = [float(frame[face.left:face.right, rows].mean()) for face in (front, side)]
        out.append((means[1], means[0]) if b.turn < 0 else (means[0], means[1]))
    return out


@pytest.mark.parametrize(("at", "sun"), [("11:00", "left"), ("12:30", "right"),
                                         ("16:30", "right")])
def test_each_tower_is_brighter_on_the_face_towards_the_sun(at: str, sun: str) -> None:
    """A box seen a little from one side, its front and its side face lit by where the sun
    stands: with the sun right of the picture's middle (12:30, 16:30) every near tower's
    right face is clearly the brighter, be it its side face (turned to the sun) or its front
    (its side face turned away); before it crosses (11:00) the left one."""
    faces = _faces(at)
    assert len(faces) >= 4
    for left, right in faces:
        lit, shaded = (right, left) if sun == "right" else (left, right)
        assert lit > SUNLIT * shaded, (at, left, right)


def test_the_lit_face_changes_sides_as_the_sun_crosses() -> None:
    """The same tower's brighter face is its left one at 11:00 and its right one at 12:30."""
    for (left, right), (later_left, later_right) in zip(_faces("11:00"), _faces("12:30"),
                                                       strict=True):
        assert left > right and later_right > later_left


def test_each_tower_shows_the_side_face_turned_towards_the_middle() -> None:
    """Seen from the park in perspective: a tower left of the picture's middle shows its
    front and, narrower, its right face, one right of the middle its left face; the step
    in light between the two lies in the shaft's outer third on the middle's side."""
    frame, skyline = _noon("12:30")
    middle, checked = WIDE[0] // 2, 0
    for b in skyline.buildings:
        shaft = max(skyline._outline(b), key=lambda r: r.height).move(0, skyline.top)
        if b.row != 1 or b.height < TOWER * skyline.tallest or shaft.width < 12 or not (
                0 <= shaft.left and shaft.right <= WIDE[0]):
            continue
        rows = slice(shaft.top + shaft.height // 4, shaft.bottom - shaft.height // 4)
        profile = frame[shaft.left:shaft.right, rows].mean(axis=(1, 2))
        smooth = np.convolve(profile, np.ones(3) / 3, mode="same")[1:-1]  # (past the mullions)
        step = (int(np.abs(np.diff(smooth)).argmax()) + 2) / shaft.width
        left_of_middle = shaft.centerx < middle
        assert step > 2 / 3 if left_of_middle else step < 1 / 3, (shaft, step)
        checked += 1
    assert checked >= 4


def _rows(at: str) -> tuple[np.ndarray, Skyline, dict[int, list[np.ndarray]]]:
    """The noon city's frame and, for each row, the pixels of each of its buildings that
    no nearer building hides."""
    frame, skyline = _noon(at)
    near = np.zeros(WIDE, bool)
    for b in skyline.buildings:
        if b.row == 1:
            _mask(near, b, skyline)
    seen: dict[int, list[np.ndarray]] = {0: [], 1: []}
    for b in skyline.buildings:
        mine = np.zeros(WIDE, bool)
        _mask(mine, b, skyline)
        if b.row == 0:
            mine &= ~near
        if mine.sum() >= SEEN:
            seen[b.row].append(frame[mine])
    return frame, skyline, seen


def _mask(mask: np.ndarray, building: Building, skyline: Skyline) -> None:
    for rect in skyline._outline(building):
        placed = rect.move(0, skyline.top).clip(pygame.Rect((0, 0), WIDE))
        mask[placed.left:placed.right, placed.top:placed.bottom] = True


def test_the_far_row_is_paler_bluer_and_flatter_than_the_near_row() -> None:
    """Atmospheric perspective at noon: the far row's buildings are lighter and bluer than
    the near row's, and their light and shade (faces, facades) lie closer together."""
    _, _, seen = _rows("12:30")
    assert len(seen[0]) >= 5 and len(seen[1]) >= 5
    contrast = {row: float(np.median([p.mean(axis=1).std() for p in seen[row]]))
                for row in seen}
    pixels = {row: np.concatenate(seen[row]) for row in seen}
    assert contrast[0] < FLATTER * contrast[1], contrast
    assert pixels[0].mean() > pixels[1].mean()
    blue = {row: float((pixels[row][:, 2] - pixels[row][:, 0]).mean()) for row in seen}
    assert blue[0] > blue[1], blue


def test_antennas_stand_on_the_roofs() -> None:
    """Not bare boxes: an antenna rises from some roofs, seen against the sky."""
    frame, skyline = _noon("12:30")
    antennas = [(x, skyline.top + skyline.ground - skyline.top - top + 1)
                for b in skyline.buildings for what, x, _, _, top in b.details
                if what == "antenna"]
    assert len(antennas) >= 3
    for x, y in antennas:
        if 2 <= x < WIDE[0] - 3:
            assert np.abs(frame[x, y] - frame[x + 3, y]).max() > SKY_APART, (x, y)


NIGHT = (layer("sky", stars=0, clouds=0, sun=False)
         + layer("skyline", ground=0.8, height=0.5, lit=0.6, restless=0) + NO_POST)


def _night() -> tuple[np.ndarray, Skyline]:
    line = one_scene(NIGHT, at="22:00")
    frame = pygame.surfarray.array3d(draw(line, "22:00", size=WIDE)).astype(int)
    scene = line.scenes[0]
    setup = Compositor(line, WIDE, print).setup(scene, 1, "skyline")
    return frame, Skyline(scene.layers[1].params, setup)


def test_a_night_window_still_lights() -> None:
    """At night the faces are dark and the windows carry the city: with `lit` 0.6 many of
    the towers' windows glow warm, not all."""
    frame, skyline = _night()
    screen = pygame.Rect((0, 0), WIDE)
    middles = [rect.move(0, skyline.top).center for i, (rect, _, _) in
               enumerate(skyline.windows) if i not in skyline.behind]
    middles = [spot for spot in middles if screen.collidepoint(spot)]
    warm = [frame[x, y, 0] - frame[x, y, 2] > WARM for x, y in middles]
    assert 0.3 * len(middles) <= sum(warm) < len(middles)


def test_a_tall_tower_has_its_crown_floodlit_at_night() -> None:
    """One or two of the tallest deco or glass towers have their crowns lit at night: the
    top tiers much brighter than the dark shaft under them."""
    frame, skyline = _night()
    assert skyline.crowns
    for n in skyline.crowns:
        b = skyline.buildings[n]
        tiers = skyline._outline(b)
        top, shaft = tiers[-2 if b.kind == "deco" else -1], max(tiers, key=lambda r: r.height)
        top, shaft = top.move(0, skyline.top), shaft.move(0, skyline.top)
        crown = frame[top.left:top.right, top.top:top.bottom].mean()
        under = frame[shaft.left:shaft.right, shaft.top:shaft.top + shaft.height // 4].mean()
        assert crown > CROWN * under, (n, crown, under)
