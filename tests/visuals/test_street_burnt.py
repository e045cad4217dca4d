"""Wilshire after the flash (the street's `burnt` key): the same buildings the visitor saw,
every window that was lit dark, no streetlight lit, the road grey under ash (drifted, ridged,
littered, the crossing buried), the panic's cars burnt out, and the day's timeline gives it a
scene of its own."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.__main__ import main
from installation.core.timeline import Timeline, state_at
from installation.core.timeline.loader import load_timeline
from installation.core.timeutil import parse_clock
from installation.visuals.ash_bury import Buried
from installation.visuals.base import Frame, stable_seed
from installation.visuals.burnt_paint import HOLE
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.roadmarks import ASPHALT, CROSSING, STRIPE_EVERY, STRIPE_WIDE
from installation.visuals.storefronts import Piece, Point
from installation.visuals.stranded import (
    BODY,
    CABIN_FOOT,
    CABIN_TOP,
    HALF_LONG,
    HALF_WIDE,
    ROOF,
    SILL,
    WHEEL_R,
    Stranded,
)
from installation.visuals.street import LAMP_HEIGHT, LAMP_X, ROAD_HALF, Street
from installation.visuals.street_ash_debris import littering
from installation.visuals.street_ash_heap import heaped
from installation.visuals.street_char import wall_at
from installation.visuals.street_scorch import bent
from installation.visuals.street_wrecks import SEAMS, Wreck, wrecked

from .helpers import layer, timeline

ROOT = Path(__file__).resolve().parents[2]
SIZE = (960, 540)
NIGHT_LIT = 170  # a lit window's brightest channel at night, at least
DARK = 80  # ...and what is left of it after the flash, at most
LAMP_LIT = 200  # a streetlight's head lit at night, at least (its brightest channel)
UNLIT = 100  # ...and where it was, after the flash, at most (the charred wall behind it)
STREETS = (
    "[[scene]]\nat = \"20:00\"\nname = \"Night\"\n"
    + layer("street", horizon=0.56, traffic=0, wet=False)
    + "[[scene]]\nat = \"06:35\"\nname = \"After\"\n"
    + layer("street", horizon=0.56, burnt=True, traffic=0, wet=False)
)


def built(line: Timeline, name: str, size: tuple[int, int] = SIZE) -> Street:
    """The street layer of scene `name`, built as the compositor seeds it, at `size`."""
    headless()
    scene = next(s for s in line.scenes if s.name == name)
    index = next(i for i, spec in enumerate(scene.layers) if spec.type == "street")
    setup = Compositor(line, size, print).setup(scene, index, "street")
    return Street(dict(scene.layers[index].params), setup)


def still(street: Street, line: Timeline, at: str,
          under: tuple[int, int, int] = (0, 0, 0)) -> np.ndarray:
    """The street's kept picture at story time `at` over black (or `under`), as an (x, y, rgb)
    array."""
    moment = parse_clock(at)
    surface = pygame.Surface(street.size)
    surface.fill(under)
    street.draw_still(surface, Frame(moment, 0.0, state_at(line, moment)))
    return pygame.surfarray.array3d(surface).astype(int)


def test_the_burnt_street_has_the_buildings_of_the_street_seen_before_it() -> None:
    """The visitor sees the same boulevard burnt: the same buildings in the same places."""
    line = timeline(STREETS)
    assert built(line, "After").blocks == built(line, "Night").blocks


@pytest.mark.parametrize("at", ["06:50", "21:00"])
def test_every_window_lit_at_night_is_dark_after_the_flash(at: str) -> None:
    """Every window lit at 20:00 is dark in the ash's morning, and whatever the hour: nobody
    is left to light one."""
    line = timeline(STREETS)
    night = built(line, "Night")
    lit = still(night, line, "20:00")[:, : night.horizon].max(axis=2) >= NIGHT_LIT
    assert lit.sum() > 200, "lit windows at night (the check needs some)"
    after = still(built(line, "After"), line, at)[:, : night.horizon].max(axis=2)
    dark = after[lit] <= DARK
    assert dark.mean() > 0.98, f"{(~dark).sum()} pixels of lit windows still lit"


def test_no_streetlight_is_lit_after_the_flash_even_at_night() -> None:
    line = timeline(STREETS)
    night, after = built(line, "Night"), built(line, "After")
    heads = [night.project(side * (LAMP_X - 0.3), z, LAMP_HEIGHT)
             for side in (-1, 1) for z in night._lamp_depths()]  # noqa: SLF001
    heads = [(x, y) for x, y in heads if 0 <= x < SIZE[0] and 0 <= y < SIZE[1]]
    before = still(night, line, "21:00")
    burnt = still(after, line, "21:00")
    assert len(heads) > 10
    assert all(before[x, y].max() >= LAMP_LIT for x, y in heads), "the lamps lit at night"
    assert max(burnt[x, y].max() for x, y in heads) < UNLIT


def test_the_road_lies_grey_under_ash_thickest_at_the_kerbs() -> None:
    """Grey ash, paler than the asphalt everywhere, drifted against the kerbs (towards our feet
    it lies thickest but sooted darker: see the texture test below)."""
    line = timeline(STREETS)
    after = built(line, "After")
    ashen = still(after, line, "06:50")

    def ground(across: tuple[float, float], along: tuple[float, float]) -> np.ndarray:
        """The mean colour of the ground over a stretch of it (world x and z ranges)."""
        points = [after.project(x, z) for x in np.linspace(*across, 9)
                  for z in np.linspace(*along, 9)]
        return np.mean([ashen[x, y] for x, y in points], axis=0)

    middle = ground((-0.6, 0.6), (2.5, 4.0))
    kerbs = (ground((ROAD_HALF - 0.12, ROAD_HALF - 0.02), (3.0, 10.0))
             + ground((-ROAD_HALF + 0.02, -ROAD_HALF + 0.12), (3.0, 10.0))) / 2
    near = ground((-0.4, 0.4), (0.56, 0.7))
    for grey in (middle, kerbs, near):
        assert grey.max() - grey.min() < 25, "ash is grey"
        assert grey.mean() > max(ASPHALT) + 30, "paler than the asphalt"
    assert kerbs.mean() > middle.mean() + 10, "drifted against the kerbs"


def shipped() -> tuple[Timeline, Street, np.ndarray]:
    """The day's timeline, its burnt street and that street's kept picture at 07:15."""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    street = built(line, "Wilshire under ash")
    return line, street, still(street, line, "07:15")


def luminance(rgb: np.ndarray) -> np.ndarray:
    return np.asarray(rgb @ np.array([0.3, 0.59, 0.11]))


# The lower third as a smooth grey plane (the street before its drifts and debris) still varies
# by its ash thickening towards us and the crossing's bars showing through: a luminance std of 14
# over it (at SIZE), and 3.5 within 8-pixel blocks (its fine grain). Drifts lit and shaded, wind
# streaks and debris near the viewer give about 20, and 7 within blocks; these thresholds lie
# between (the grain and a gradient alone read as a flat plane).
LOWER_THIRD_STD, LOWER_THIRD_FINE = 17.0, 5.5
BLOCK = 8


def test_the_road_near_the_viewer_is_textured_not_a_flat_plane() -> None:
    """The lower third of the picture (y 800-1080 at full size) is not an empty grey plane."""
    _line, _street, picture = shipped()
    lower = luminance(picture[:, SIZE[1] * 800 // 1080:].astype(float))
    assert lower.std() > LOWER_THIRD_STD, f"luminance std {lower.std():.1f}"
    width, rows = (n // BLOCK * BLOCK for n in lower.shape)
    blocks = lower[:width, :rows].reshape(width // BLOCK, BLOCK, rows // BLOCK, BLOCK)
    fine = (blocks - blocks.mean(axis=(1, 3), keepdims=True)).std()
    assert fine > LOWER_THIRD_FINE, f"luminance std within blocks {fine:.1f}"
    rows = lower.mean(axis=0)
    assert rows[-10:].mean() < rows.max() - 15, "darker towards our feet"


BAR_SHOWS = 12  # a crossing bar's grey over the road beside it: its paint shows through
BURIED = 10  # ...and at most this: buried (the median bar); nor darker than the road by more
# (8 when the ash lay at 126: it is lit paler now, 152, and the bars' contrast grows with it;
# 9 until wilshire25: the last gap's points lie on the near heap's slabs, grey concrete now,
# darker than the ash, where they were as pale as it: that bar's contrast 3 -> 25)...
DARKER = 20  # ...than this (9 until ashroad24: one bar lies in a drift ridge's lee, its ash's
# shade 0.85 of the gap's 0.93, which a bright wind streak along it hid; the streaks no longer
# lighten the ash, bright rays down the road read as the sun on snow: the bar 18 darker)


def test_the_crossing_is_buried_under_ash_but_for_a_bar_or_two() -> None:
    """The zebra is covered: its bars' contrast with the gaps between them is low, but for one
    to three whose charred paint shows paler through the dust; none is darker than the road
    beside it (the wind bared the black asphalt between two bars: two holes in the road)."""
    _line, street, picture = shipped()
    assert street.ruin is not None
    heap = pygame.Surface(SIZE)  # (since heap26: where the near heap stands in front of the
    heap.fill((1, 2, 3))  # crossing's right end, its grey concrete slabs, the crossing is hidden)
    heaped(heap, street.project, random.Random(stable_seed(street.ruin.view.seed, "debris") + 1))
    hidden = (pygame.surfarray.array3d(heap) != (1, 2, 3)).any(axis=2)

    def grey(middle: float) -> float | None:
        """The median grey over the middle of a bar (or a gap) from `middle` (world x) along
        the crossing; none if it runs out of sight or behind the near heap."""
        points = [street.project(middle + a * STRIPE_WIDE * 0.3, z)
                  for a in np.linspace(-1, 1, 5) for z in np.linspace(*CROSSING, 9)[1:-1]]
        if any(not 0 <= x < SIZE[0] or hidden[x, y] for x, y in points):
            return None
        return float(np.median([luminance(picture[p].astype(float)) for p in points]))

    x = -1.0 + (STRIPE_EVERY - STRIPE_WIDE) + STRIPE_WIDE / 2
    contrasts = []
    while x + STRIPE_WIDE / 2 < ROAD_HALF:
        bar, gap = grey(x), grey(x + STRIPE_EVERY / 2)
        if bar is not None and gap is not None:  # (the kerbs are out of sight)
            contrasts.append(bar - gap)
        x += STRIPE_EVERY
    assert len(contrasts) >= 6
    assert float(np.median(np.abs(contrasts))) < BURIED, f"bars' contrast {contrasts}"
    assert min(contrasts) > -DARKER, f"a gap between bars bared dark: {contrasts}"
    assert 1 <= sum(c > BAR_SHOWS for c in contrasts) <= 3, f"bars' contrast {contrasts}"


SOOT_DARK, RUST = 40, 18  # a sooted pixel's luminance at most; rust: red over blue at least
RUSTED = 0.02  # the share of a car's side rusted, above its wheels, at least (0.027; 0.05 was
# met with the rims' rust in the box, and the wheels are dark burnt tyres now)


def wreck(street: Street, n: int) -> tuple[Wreck, Callable[[float, float, float], Point]]:
    """The `n`th car the panic left as the burnt street draws it (slewed, sagging, its roof
    caved: `Wreck.sunk`), and where a point of it (along, across, up) falls on the picture."""
    assert street.ruin is not None
    lane, z, yaw = street.ruin.places[n]  # (where the blast shoved it)
    left = wrecked(Stranded(lane, z, yaw, HOLE, HOLE, 0),
                   stable_seed(street.ruin.view.seed, "car", n))

    def at(along: float, side: float, up: float) -> Point:
        sag = left.pitch * along + left.roll * side
        return street.project(*left.car.point(along, side), left.sunk(along, up) + sag)

    return left, at


def test_a_stranded_car_is_burnt_out_sooted_rusted_its_glass_blown_in() -> None:
    """The nearest car the panic left: soot-dark and rust on its body, dark holes where its
    glass was."""
    _line, street, picture = shipped()
    left, at = wreck(street, 0)
    side = next(s for s in (-1, 1) if left.car.faces_us(0, s)) * HALF_WIDE

    def seen(half: float, up: tuple[float, float]) -> tuple[slice, slice]:
        """The box on the picture round the car's side `half` either way along it from its
        middle, from `up` to `up` above the road."""
        points = [at(a, side, h) for a in (-half, half) for h in up]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return slice(min(xs), max(xs) + 1), slice(min(ys), max(ys) + 1)

    low = max(SILL, 2 * WHEEL_R) + 0.01  # (above the wheels: their tyres are not the body)
    body = picture[seen(HALF_LONG * 0.7, (low, BODY - 0.04))].reshape(-1, 3).astype(int)
    soot = luminance(body.astype(float)) < SOOT_DARK
    rust = (body[:, 0] - body[:, 2] > RUST) & (body[:, 0] > 60)
    assert soot.mean() > 0.05, f"{soot.mean():.2f} of the body sooted"
    assert rust.mean() > RUSTED, f"{rust.mean():.2f} of the body rusted"
    middle = (CABIN_FOOT[0] + CABIN_TOP[1]) / 2
    cabin = picture[seen(abs(middle) * 0.5 + 0.02, (BODY + 0.06, ROOF - 0.08))]
    holes = luminance(cabin.reshape(-1, 3).astype(float)) < 30
    assert holes.mean() > 0.3, "dark holes where the glass was"


# Along a burnt car's side between its wheels, a pixel's light and warmth (red over blue) stray
# from their run over SMOOTH_RUN pixels by about 3 and 1.6 (luminance) where the paint burnt in
# blotches with hard edges (camouflage), and by under 1 and 0.8 where the shell darkens and rusts
# in broad runs: these thresholds lie between.
SMOOTH_RUN, SMOOTH_LIGHT, SMOOTH_WARM = 7, 2.0, 1.2


def test_a_burnt_cars_side_changes_colour_smoothly_not_in_patches() -> None:
    """The two nearest burnt cars are shells whose colour changes smoothly along their sides
    (rust in broad runs, darker towards the sills), not a camouflage of hard-edged blotches
    (between the doors' seams)."""
    _line, street, picture = shipped()
    for n in range(2):
        left, at = wreck(street, n)
        side = next(s for s in (-1, 1) if left.car.faces_us(0, s))
        light: list[float] = []
        warm: list[float] = []
        for up in np.linspace(WHEEL_R * 2.5, BODY - 0.05, 4):  # (the hood's ash over BODY)
            points = [at(a, side * HALF_WIDE, up)
                      for a in np.linspace(min(SEAMS) + 0.01, max(SEAMS) - 0.01, 80)]
            row = np.array([picture[p] for p in dict.fromkeys(points)], float)
            for signal, out in ((luminance(row), light), (row[:, 0] - row[:, 2], warm)):
                run = np.convolve(signal, np.ones(SMOOTH_RUN) / SMOOTH_RUN, mode="valid")
                out.append(float(np.abs(signal[SMOOTH_RUN // 2: -(SMOOTH_RUN // 2)] - run).mean()))
        z = left.car.z
        assert np.mean(light) < SMOOTH_LIGHT, f"light strays {np.round(light, 1)} (z {z})"
        assert np.mean(warm) < SMOOTH_WARM, f"warmth strays {np.round(warm, 1)} (z {z})"


# The marquee's letters fallen in the road, drawn over flat ash (ASH_GREY): what they change
# darker than LETTER_DARK (their shadows are paler), at least LETTER_SEEN pixels of it (the
# letters are there), with a mean saturation ((max - min) / max) under LETTER_SATURATION:
# blackened, a faint blush of their red left (fresh red plastic was 0.5; char and blush 0.2).
ASH_GREY = (130, 124, 118)
LETTER_DARK, LETTER_SEEN, LETTER_SATURATION = 80, 100, 0.3


def test_the_fallen_marquee_letters_are_blackened_not_red_plastic() -> None:
    """The letters fallen from the marquee lie in the ash burnt black, a faint memory of their
    red at most."""
    _line, street, _picture = shipped()
    assert street.ruin is not None and street.ruin.font is not None

    def littered(font: pygame.font.Font | None) -> np.ndarray:
        image = pygame.Surface(SIZE)
        image.fill(ASH_GREY)
        for _ in littering(image, street.project, 7, font):
            pass
        return pygame.surfarray.array3d(image).astype(float)

    with_letters = littered(street.ruin.font)
    changed = np.any(with_letters != littered(None), axis=2)
    letters = with_letters[changed & (luminance(with_letters) < LETTER_DARK)]
    assert len(letters) >= LETTER_SEEN, "the letters are there"
    saturation = (letters.max(axis=1) - letters.min(axis=1)) / np.maximum(letters.max(axis=1), 1)
    assert saturation.mean() < LETTER_SATURATION, f"saturation {saturation.mean():.2f}"


# The right-hand walls (in the shade of the grey light) at 07:15, at SIZE: their median
# luminance at least WALL_MEDIAN, so that their material shows (its grain of 14% and brick
# courses 40% darker differ from the wall round them by 4 to 10 levels there, over the grain
# the post adds: at the old median of 13 by 2 to 5, lost in it); and at most WALL_BLACK of them
# near black (the openings), not over half (it was 0.54: walls crushed to black; now 0.3).
WALL_MEDIAN, NEAR_BLACK, WALL_BLACK = 20.0, 15.0, 0.4


def test_the_right_hand_walls_are_burnt_walls_in_the_grey_light_not_black() -> None:
    """The walls on the right are darker than the left's but read as burnt walls: lit by the
    grey sky, their openings black against them."""
    line, street, picture = shipped()
    assert street.ruin is not None
    view = street.ruin.view
    _up, _share, on_wall = wall_at(view, np.arange(SIZE[1], dtype=np.float64)[None, :],
                                   street.ruin.burn)
    # (where its tops are bitten away the street leaves open what stands behind it: no wall)
    on_wall = on_wall & (still(street, line, "07:15", (255, 255, 255)) == picture).all(axis=2)
    light = luminance(picture.astype(float))
    columns = np.arange(SIZE[0])[:, None]
    right = light[on_wall & (columns > view.middle + SIZE[0] // 16)]
    left = light[on_wall & (columns < view.middle - SIZE[0] // 16)]
    assert np.median(right) >= WALL_MEDIAN, f"the right walls' median {np.median(right):.1f}"
    assert (right < NEAR_BLACK).mean() <= WALL_BLACK, "the right walls are not crushed to black"
    assert (right < NEAR_BLACK).mean() > 0.1, "their openings are dark"
    assert np.median(right) < np.median(left), "darker than the left (the light from the left)"


# The share of a far tower's end (a building over TOWER units tall) that shows black, at least:
# its rows of gutted windows make 0.13 to 0.2 of it (nearer buildings hide parts of some), its
# blank end was 0.02 to 0.05 (the soot of the walls beside it)
GUTTED, TOWER = 0.1, 4.0


def test_the_far_buildings_ends_show_gutted_windows_not_blank_walls() -> None:
    """Far down the road the ends of the tall buildings turned towards us are gutted towers,
    rows of black windows (blank, they read as flat grey slabs), at 1920x1080."""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    street = built(line, "Wilshire under ash", (1920, 1080))
    picture = still(street, line, "07:15")
    ends = [(b, street.walls.faces(b)[1]) for b in street.blocks]
    tall = [(block, end) for block, end in ends if end is not None and block[3] > TOWER]
    assert tall, "tall buildings far off show their ends"
    for _block, end in tall:
        (x0, foot), (x1, _), _top, (_, top) = end
        face = picture[min(x0, x1) + 1: max(x0, x1) - 1, top + 2: foot - 2]
        holes = luminance(face.reshape(-1, 3).astype(float)) < NEAR_BLACK
        assert holes.mean() > GUTTED, f"{holes.mean():.2f} of an end black"


HOLE_TALL = 24  # a shop window this many pixels tall at least is looked into (at SIZE)...
HOLE_BLACK = 0.75  # ... the middle of its lower half (below the lintel's shadow, where the
# grey pane showed): this share of it near black at least (on main: 0.0, grey 48 of 255)


def test_the_gutted_shop_windows_are_black_holes_not_grey_panes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Looked into, each near burnt-out shop window is dark to its floor (its lower half lit
    grey read as a see-through pane under the grey veil), at 07:15."""
    from installation.visuals import street_scorch

    windows: list[list[Point]] = []
    original = street_scorch.gutted_window

    def recorded(image: pygame.Surface, corners: list[Point], seed: int) -> None:
        windows.append(list(corners))
        original(image, corners, seed)

    monkeypatch.setattr(street_scorch, "gutted_window", recorded)
    _line, _street, picture = shipped()
    light = luminance(picture.astype(float))
    looked = 0
    for foot, far_foot, far_head, head in windows:
        tall = foot[1] - head[1]
        if tall < HOLE_TALL or not 0 <= min(foot[0], far_foot[0]) < max(
                foot[0], far_foot[0]) < SIZE[0]:
            continue
        x0, x1 = sorted((foot[0], far_foot[0]))
        inside = []
        for x in range(x0 + (x1 - x0) // 5, x1 - (x1 - x0) // 5):  # (in the window's slant)
            t = (x - foot[0]) / (far_foot[0] - foot[0])
            top = head[1] + (far_head[1] - head[1]) * t
            low = foot[1] + (far_foot[1] - foot[1]) * t
            inside += list(light[x, round(top + (low - top) / 2):round(low - (low - top) / 5)])
        looked += 1
        black = float((np.array(inside) < NEAR_BLACK).mean())
        assert black >= HOLE_BLACK, f"a window at x {x0}-{x1}: {black:.2f} of its inside black"
    assert looked, "near shop windows are seen"


def test_the_days_timeline_gives_the_burnt_street_a_scene_of_its_own(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """After the ruins' overview (Ash) the visitor is brought down into Wilshire, burnt: the
    validate summary lists the scene, and its street is the dawn street's buildings."""
    monkeypatch.chdir(ROOT)
    assert main(["validate", "timelines/miracle-mile.toml"]) == 0
    out = capsys.readouterr().out
    assert "05:30  Ash" in out
    assert "06:35  Wilshire under ash" in out
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    burnt = built(line, "Wilshire under ash")
    assert burnt.ruin is not None
    assert burnt.blocks == built(line, "Across Wilshire at first light").blocks


def test_a_cable_hanging_from_a_bent_pole_swings_in_the_wind() -> None:
    """Something in the burnt street moves besides the ash: the torn cables swing."""
    line = timeline(STREETS)
    after = built(line, "After")
    assert after.ruin is not None and after.ruin.wires
    top, long, _n = after.ruin.wires[0]
    box = pygame.Rect(top[0] - long, top[1], 2 * long, long + 2).clip((0, 0, *SIZE))

    def moving(seconds: float) -> np.ndarray:
        surface = pygame.Surface(SIZE)
        surface.fill((128, 128, 128))
        moment = parse_clock("07:00")
        after.draw_moving(surface, Frame(moment, seconds, state_at(line, moment)))
        return pygame.surfarray.array3d(surface.subsurface(box))

    dark = [moving(s).max(axis=2) < 80 for s in (0.0, 1.0, 2.0)]
    assert all(d.any() for d in dark), "the cable is drawn"
    assert (dark[0] != dark[1]).any() and (dark[1] != dark[2]).any(), "and it swings"


CABLE_SWAY = 4  # pixels (at SIZE) a torn cable's free end moves at most over its sway...
CABLE_SHORT = 0.06  # ... hanging no further than this below the arm, of the picture's height


def test_a_hanging_cable_sways_a_little_and_keeps_its_shape() -> None:
    """The torn cable under a bent pole's arm sways but stays one short shape: at 0.35 radians
    and a car's length, its end swung across the chemist's glass and the pole seemed to change
    its shape from one minute to the next."""
    line = timeline(STREETS)
    after = built(line, "After")
    assert after.ruin is not None and after.ruin.wires
    top, long, _n = after.ruin.wires[0]
    box = pygame.Rect(top[0] - 2 * long, top[1] + 1, 4 * long, 2 * long).clip((0, 0, *SIZE))
    ends = []
    for seconds in np.arange(0.0, 6.0, 0.25):
        surface = pygame.Surface(SIZE)
        surface.fill((128, 128, 128))
        moment = parse_clock("07:00")
        after.draw_moving(surface, Frame(moment, float(seconds), state_at(line, moment)))
        xs, ys = np.nonzero(pygame.surfarray.array3d(surface.subsurface(box)).max(axis=2) < 80)
        assert ys.size, "the cable is drawn"
        ends.append((xs[ys == ys.max()].mean(), ys.max()))
    across = [x for x, _y in ends]
    assert max(across) - min(across) <= CABLE_SWAY, f"its end swings {max(across) - min(across)}"
    assert max(y for _x, y in ends) <= CABLE_SHORT * SIZE[1], "it hangs down like a pole's foot"


SMOKE_DARKER = 15  # smoke over a pale ground: this much darker (the sum of channels) at least


def test_smoke_rises_from_the_fires_and_drifts() -> None:
    """Over each fire a thin smoke rises, darker than the pale sky behind it, and it moves."""
    line = timeline(STREETS)
    after = built(line, "After")
    assert after.ruin is not None and after.ruin.fires
    grey = (150, 144, 138)

    def moving(seconds: float) -> np.ndarray:
        surface = pygame.Surface(SIZE)
        surface.fill(grey)
        moment = parse_clock("07:00")
        after.draw_moving(surface, Frame(moment, seconds, state_at(line, moment)))
        return pygame.surfarray.array3d(surface).astype(int)

    frames = [moving(s) for s in (0.0, 2.0)]
    for _fire, (x, y), _seed in after.ruin.fires:
        column = pygame.Rect(x - SIZE[1] // 12, y - SIZE[1] // 3, SIZE[1] // 6, SIZE[1] // 5)
        column = column.clip((0, 0, *SIZE))
        above = [f[column.left:column.right, column.top:column.bottom].sum(axis=2)
                 for f in frames]
        assert (above[0] < sum(grey) - SMOKE_DARKER).sum() > 20, "smoke over the fire"
        assert (above[0] != above[1]).any(), "and it moves"


def test_the_nearest_burnt_car_still_burns_as_the_scene_begins_and_dies_down_to_smoke(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Over the scene the street changes: the nearest burnt car's cabin is alight as it
    begins (bright flames over it), dimmer a minute on, and out two minutes in (only the smoke
    over it goes on rising)."""
    _line, street, _picture = shipped()
    ruin = street.ruin
    assert ruin is not None and ruin.dying, "a car burning"
    monkeypatch.setattr(ruin, "roofs", Buried((), ruin.roofs.span))  # (its fire alone: not
    monkeypatch.setattr(ruin, "fall", None)  # the ash falling on the wreck behind it)
    (x, y), _seed = ruin.dying_at
    lane, z, _yaw = ruin.places[0]
    assert abs(x - street.project(lane, z, 0.0)[0]) < 5, "over the nearest car"

    def flames(seconds: float) -> float:
        surface = pygame.Surface(street.size)
        surface.fill((0, 0, 0))
        ruin.draw(surface, seconds)
        box = pygame.surfarray.array3d(surface)[x - 20:x + 20, y - 40:y + 2].astype(int)
        return float(np.percentile(box.max(axis=2), 99))

    start, minute, later = flames(5.0), flames(70.0), flames(200.0)
    assert start > 150, f"alight as it begins: {start:.0f}"
    assert later < 0.25 * start, f"out two minutes in: {later:.0f} (was {start:.0f})"
    assert later < minute < start, (start, minute, later)


def test_the_ash_deepens_on_the_wrecks_roofs_through_the_morning() -> None:
    """The ash built only on Ash's sign: here it lay as deep on the cars at 08:00 as at 06:35.
    Now a layer heaps up on their roofs and hoods as the scene goes on: more of each car's
    picture is ash (pale grey) near the end than at the start."""
    _line, street, _kept = shipped()
    assert street.ruin is not None
    roofs = street.ruin.roofs
    assert roofs.things, "the cars' roofs are laid over the street"
    surface = pygame.Surface(street.size)

    def ashen(seconds: float) -> int:
        surface.fill((0, 0, 0))
        roofs.draw(surface, roofs.step(seconds))
        rgb = pygame.surfarray.array3d(surface).astype(int)
        return int(((rgb.min(axis=2) > 80) & (np.ptp(rgb, axis=2) < 30)).sum())

    start, end = ashen(1.0), ashen(168.0)
    assert start > 50, f"the ash on their roofs shows from the start ({start} pixels)"
    assert end > 1.4 * start, f"it heaps up on them: {start} -> {end} pixels"


ON_BLADE = 0.9  # of each of the blade's letters (its box) on the bent blade, at least


def test_the_bent_blades_letters_bend_with_it_not_off_it_onto_the_wall() -> None:
    """The cinema's blade buckled in the blast: it bends where its letters bend, so they stay
    on it (its corners alone moved, it ran straight and slanted from foot to top while the
    letters below the bend stood where they were: ghost letters on the wall behind)."""
    board = Piece("board", [(269, 434), (306, 434), (306, 616), (269, 616)])
    letter = pygame.Surface((37, 34))
    letters = [Piece("ink", [(269, 437 + 36 * n)], mask=letter) for n in range(5)]
    bent_board, *bent_letters = bent([board, *letters], 555, 0.45)
    blade = pygame.Surface((600, 700))
    blade.fill((0, 0, 0))
    pygame.draw.polygon(blade, (255, 255, 255), bent_board.corners)
    lit = pygame.surfarray.array_red(blade) > 0
    for piece in bent_letters:
        (x, y), (w, h) = piece.corners[0], letter.get_size()
        share = lit[x:x + w, y:y + h].mean()
        assert share >= ON_BLADE, f"a letter at {(x, y)}: {share:.0%} of it on the blade"


FOOT = (10, 8)  # under a fire's foot: this many columns either side, this many rows down...
HEAP_DARKER, HEAP_SHARE = 60, 0.2  # ...darker than the bare ground (the sum of channels) by
# this much at least in this share of it, through the fire's own light (none before: 0%)


def test_each_fire_burns_on_a_heap_of_charred_wreckage() -> None:
    """A fire on the street stands on what it burns: a dark heap under its flames' foot,
    wider than them (at 07:30 the shop window's flames stood on bare ash at the kerb)."""
    line = timeline(STREETS)
    after = built(line, "After")
    assert after.ruin is not None and after.ruin.fires
    grey = (150, 144, 138)
    surface = pygame.Surface(SIZE)
    surface.fill(grey)
    moment = parse_clock("07:00")
    after.draw_moving(surface, Frame(moment, 0.0, state_at(line, moment)))
    rgb = pygame.surfarray.array3d(surface).astype(int).sum(axis=2)
    for _fire, (x, y), _seed in after.ruin.fires:
        under = rgb[x - FOOT[0]:x + FOOT[0], y + 1:y + 1 + FOOT[1]]
        dark = (under < sum(grey) - HEAP_DARKER).mean()
        assert dark > HEAP_SHARE, f"the fire at {x},{y} stands on bare ground ({dark:.0%} dark)"
