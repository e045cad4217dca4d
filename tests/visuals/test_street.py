"""Wilshire reads as an intact street: the far buildings are upright boxes with level roofs
(the broken skyline belongs to the hours after the flash), and the near road carries its paint:
lane dashes running to the vanishing point and a crosswalk."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.car_lamps import LAMP_SHAPED, lamp_boxes
from installation.visuals.cars import BUMPER_AT, HALF_WIDTH, SIDES, WHEEL_IN, body, seen
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.roadmarks import CROSSING, DASH_EVERY, DASH_GAP, DASH_LONG, STOP
from installation.visuals.sky import Sky
from installation.visuals.street import WALK, Z_FAR, Z_NEAR, Street
from installation.visuals.street_fleet import LANES, LOOP, Car
from installation.visuals.street_walls import FRONT_FROM

from .helpers import NO_POST, assert_as_fresh, layer, one_frame, one_scene, shared_made

SIZE = (960, 540)
KEY = (255, 0, 255)  # the background the street is drawn over: what shows above the roofs
FARTHEST = 3  # the farthest buildings on each side, checked one by one
LEVEL_SHARE = 0.75  # of the far roofline, at least this much runs level (the slabs: half)
END_WIDE = 8  # pixels: a far building's end is this wide at least, no sliver
PAINT_MARGIN = 20  # road paint is this much brighter than the asphalt (the sum of channels)
NEAR_BAND = 0.72  # the picture's lower band, left empty before the road was painted
CONVERGE = 0.01  # of the picture's width: how near the vanishing point the lane line runs
BARS = 8  # a crosswalk has at least this many bars across the road
GREY = (110, 110, 110)  # a plain road to see the cars on
ASPHALT_SHARE = 10  # percent: the darkest columns of a row across the crosswalk are asphalt
PLACES = 4000  # cars placed at random along the road, to be seen all at once and one by one


def street(wet: bool = False, traffic: float = 0.0) -> Street:
    """The dusk street, as the timeline has it, at SIZE."""
    headless()
    line = one_scene(layer("street", wet=wet, traffic=traffic) + NO_POST, at="17:00")
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], 0, "street")
    return Street(dict(traffic=traffic, lamps=(255, 150, 50), horizon=0.62, wet=wet, lit=True),
                  setup)


def still(built: Street, at: str) -> np.ndarray:
    """The still street at story time `at` over KEY, as an (x, y, rgb) array."""
    line = one_scene(layer("street") + NO_POST, at="17:00")
    moment = parse_clock(at)
    surface = pygame.Surface(SIZE)
    surface.fill(KEY)
    built.draw_still(surface, Frame(moment, 0.0, state_at(line, moment)))
    return pygame.surfarray.array3d(surface).astype(int)


def roofline(built: Street, pixels: np.ndarray, side: int) -> np.ndarray:
    """The top row of the buildings in each column of the far end of the street, on `side`."""
    near = built.project(side * WALK, FRONT_FROM)[0]
    left, right = sorted((near, built.vx - 2 * side))
    sky = (pixels[left:right + 1, :built.horizon] == KEY).all(axis=2)
    return np.argmin(sky, axis=1)  # the first row that is not sky


def test_the_far_end_of_the_street_has_level_roofs_not_slanted_slabs() -> None:
    """At dusk the distant buildings stand as boxes: most of their roofline runs level,
    stepping up and down between buildings (tall thin walls alone made it slant everywhere,
    like the shards of the ruined skyline)."""
    built = street()
    pixels = still(built, "18:30")
    for side in (-1, 1):
        tops = roofline(built, pixels, side)
        assert (tops < built.horizon).all(), "buildings all along the far end"
        level = float(np.mean(np.diff(tops) == 0))
        assert level >= LEVEL_SHARE, f"side {side}: only {level:.2f} of the roofline is level"


def test_the_farthest_buildings_are_upright_boxes() -> None:
    """The farthest walls have upright edges (the same column at their foot and their roof)
    and an end towards us with a level roof, wide enough to read as a building."""
    built = street()
    for side in (-1, 1):
        farthest = sorted((b for b in built.blocks if b[0] == side), key=lambda b: -b[1])
        for block in farthest[:FARTHEST]:
            wall, end = built.walls.faces(block)
            assert end is not None, "a far building shows its end"
            for quad in (wall, end):
                foot, roof = quad[:2], quad[:1:-1]  # corners 0, 1 at the foot; 3, 2 above them
                assert [x for x, _ in foot] == [x for x, _ in roof], "upright edges"
                assert foot[0][1] - roof[0][1] > 0, "it stands up"
            assert end[2][1] == end[3][1] and end[0][1] == end[1][1], "a level roof and foot"
            assert abs(end[1][0] - end[0][0]) >= END_WIDE, "not a sliver"


def brightness(pixels: np.ndarray, y: int, columns: range) -> np.ndarray:
    """How bright each of `columns` is on row `y` (the sum of its channels), those in the
    picture."""
    return pixels[max(0, columns.start):min(SIZE[0], columns.stop), y].sum(axis=1)


def dash_middle(built: Street, pixels: np.ndarray, z: float) -> float:
    """Where on the row at depth `z` the lane line right of the middle is seen: the middle of
    the columns clearly lighter than the asphalt around them, between the lanes' centres."""
    y = built.project(0.0, z)[1]
    columns = range(built.project(0.45, z)[0], built.project(0.72, z)[0])
    row = brightness(pixels, y, columns)  # (within the picture: the lane line is)
    lit = np.nonzero(row > np.median(row) + PAINT_MARGIN)[0]
    assert len(lit), f"no paint on the lane line at depth {z}"
    return columns.start + float(lit.mean())


def test_lane_dashes_on_the_near_road_run_to_the_vanishing_point() -> None:
    """With no cars about, the lane line is lighter than the asphalt beside it both near the
    viewer and far off, and the line through the two runs to the vanishing point."""
    built = street()
    pixels = still(built, "22:00")
    depths = (STOP[1] + DASH_GAP + DASH_LONG / 2, STOP[1] + DASH_GAP + DASH_EVERY * 3)
    (x_near, x_far) = (dash_middle(built, pixels, z) for z in depths)
    y_near, y_far = (built.project(0.0, z)[1] for z in depths)
    assert y_near > SIZE[1] * NEAR_BAND, "the nearer dash lies in the picture's lower band"
    at_horizon = x_near + (x_far - x_near) * (built.horizon - y_near) / (y_far - y_near)
    assert abs(at_horizon - built.vx) < SIZE[0] * CONVERGE


def test_a_crosswalk_crosses_the_road_near_the_viewer() -> None:
    """Near the foot of the picture white bars cross the road from kerb to kerb, lighter than
    the wet asphalt between them, at dusk and at night."""
    built = street(wet=True)
    for at in ("18:30", "22:00"):
        pixels = still(built, at)
        z = sum(CROSSING) / 2
        y = built.project(0.0, z)[1]
        row = brightness(pixels, y, range(built.project(-1.0, z)[0], built.project(1.0, z)[0]))
        lit = row > np.percentile(row, ASPHALT_SHARE) + PAINT_MARGIN
        bars = int(np.count_nonzero(lit[1:] & ~lit[:-1])) + int(lit[0])
        assert y > SIZE[1] * NEAR_BAND and bars >= BARS, f"{at}: {bars} bars on row {y}"


def cars_at(clock: str, seconds: float = 3.0) -> np.ndarray:
    """The cars alone (their light and shadows too) over a plain grey road, at a story time."""
    built = street(traffic=1.0)
    line = one_scene(layer("street", traffic=1.0) + NO_POST, at="17:00")
    moment = parse_clock(clock)
    surface = pygame.Surface(SIZE)
    surface.fill(GREY)
    built.draw_moving(surface, Frame(moment, seconds, state_at(line, moment)))
    return pygame.surfarray.array3d(surface).astype(int)


def test_at_dusk_cars_coming_show_headlights_and_cars_going_red_tail_lights() -> None:
    """At 17:30 the streetlights are on, and so are the cars' lamps: white pairs on the left
    lanes (coming), red ones on the right (going), as at night in the neon."""
    road = cars_at("17:30")[:, int(SIZE[1] * 0.62):]
    left, right = road[: SIZE[0] // 2], road[SIZE[0] // 2:]
    white = (road.min(axis=2) > 220)
    red = (road[..., 0] > 200) & (road[..., 1] < 90) & (road[..., 2] < 90)
    assert white[: SIZE[0] // 2].sum() > 20 and red[SIZE[0] // 2:].sum() > 20
    assert not (left[..., 0] > 200)[(left[..., 1] < 90)].any(), "no tail-lights coming"
    assert (right.min(axis=2) <= 220).all(), "no headlights going"


def test_a_car_stands_on_its_tyres_with_its_shadow_on_the_road() -> None:
    """Under a near car's body, at its corners, dark tyres reach the road; between them and
    around them the road is shadowed, darker than the open road."""
    built = street()
    surface = pygame.Surface(SIZE)
    surface.fill(GREY)
    dark, at = built.traffic.shadow_at(0.42, 2.0)
    surface.blit(dark, at, special_flags=pygame.BLEND_RGB_MULT)
    body(surface, built.project, 0.42, 2.0, (84, 30, 28), (20, 24, 30))
    pixels = pygame.surfarray.array3d(surface).astype(int).max(axis=2)
    x0, ground = built.project(0.42 - HALF_WIDTH, 2.0)
    x1, _ = built.project(0.42 + HALF_WIDTH, 2.0)
    for side in (-1, 1):
        x, _ = built.project(0.42 + side * WHEEL_IN, 2.0)
        assert pixels[x, ground - 1] < 25, "a tyre where the car meets the road"
    below = pixels[(x0 + x1) // 2, ground + 2]
    assert below < GREY[0] - 30, "the road just in front of it is in its shadow"


NEAR_LANE, NEAR_Z = LANES[1], 1.2  # a car coming close, in the inner lane
LAMP_SPREAD_MIN = 120  # the sum of channels: a near lamp's brightest pixel against its dimmest
UNLIT_SPREAD_MIN = 60  # ...and an unlit one's (its glass: paler in its middle)
CHROME_OVER = 60  # the sum of channels: the bumper's chrome strip over the paint above it
MIDDLE_SLACK = 6  # the sum of channels: a lamp of an even size has no one middle pixel


def near_car(clock: str) -> tuple[np.ndarray, list[pygame.Rect], Street]:
    """One car coming close at story time `clock` over black, as brightness (the sum of
    channels), with where its lamps are."""
    built = street(traffic=1.0)
    built.traffic.cars = [Car(NEAR_LANE, 1.0, (Z_FAR - NEAR_Z) / LOOP)]  # (from the far end)
    seconds = 0.0
    line = one_scene(layer("street", traffic=1.0) + NO_POST, at="17:00")
    moment = parse_clock(clock)
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    built.draw_moving(surface, Frame(moment, seconds, state_at(line, moment)))
    pixels = pygame.surfarray.array3d(surface).astype(int).sum(axis=2)
    return pixels, lamp_boxes(seen(built.project, NEAR_LANE, NEAR_Z)), built


def test_a_near_cars_headlights_are_lamps_bright_in_the_middle_not_flat_bars() -> None:
    """A car coming close at night shows its headlights as lamps: brightest in their middles
    and softer to their rims (a flat bar of one colour read as a crude box)."""
    pixels, boxes, _built = near_car("22:00")
    for box in boxes:
        assert box.width >= LAMP_SHAPED, "a near lamp"
        lamp = pixels[box.left:box.right, box.top:box.bottom]
        assert lamp.max() - lamp.min() > LAMP_SPREAD_MIN, f"a flat bar: {lamp.min()}..{lamp.max()}"
        assert pixels[box.centerx, box.centery] == lamp.max(), "brightest in its middle"


def test_a_near_cars_unlit_lamps_are_glass_and_its_bumper_has_chrome() -> None:
    """By day a near car's unlit headlights are glass, paler in the middle than at the rim
    (not a flat beige bar), and a bright chrome strip runs along its bumper."""
    pixels, boxes, built = near_car("14:00")
    for box in boxes:
        lamp = pixels[box.left:box.right, box.top:box.bottom]
        assert lamp.max() - lamp.min() > UNLIT_SPREAD_MIN, f"flat: {lamp.min()}..{lamp.max()}"
        assert pixels[box.centerx, box.centery] >= lamp.max() - MIDDLE_SLACK, "palest in its middle"
    car = seen(built.project, NEAR_LANE, NEAR_Z)
    middle = (car.xs[SIDES] + car.xs[SIDES + 1]) // 2
    strip = car.ys[BUMPER_AT]
    assert pixels[middle, strip] - pixels[middle, strip - 2] > CHROME_OVER, "a chrome strip"


def test_the_wet_road_mirrors_a_changing_sky_as_a_fresh_street_would() -> None:
    """Clouds drift, windows light and the sky's shading moves over a wet night street: each
    frame drawn in a row (the reflection made again only where what it mirrors changed) is
    the frame a fresh compositor draws."""
    body = (layer("sky", clouds=0.8) + layer("skyline", restless=1, ground=0.56)
            + layer("street", horizon=0.56, traffic=0) + NO_POST)
    start = parse_clock("21:00") + 30.0
    assert_as_fresh(one_scene(body, at="21:00"), [start + tick * 0.5 for tick in range(24)],
                    SIZE)


def test_cars_worked_out_together_are_where_each_alone_would_be() -> None:
    """A frame places every car at once (arrays): each edge and level of each car lands on
    the very pixel the street's projection gives it alone (a rounding apart would shift a
    tyre, a lamp or a shadow by a pixel from one frame to the next)."""
    built = street(traffic=1.0)
    rng = np.random.default_rng(5)
    lanes = rng.choice([-0.75, -0.42, 0.42, 0.75], PLACES).tolist()
    depths = rng.uniform(Z_NEAR, Z_FAR, PLACES).tolist()
    together = built.traffic.seen(lanes, depths)
    alone = [seen(built.project, lane, z) for lane, z in zip(lanes, depths, strict=True)]
    assert [(list(car.xs), list(car.ys)) for car in together] == \
        [(list(car.xs), list(car.ys)) for car in alone]


def test_under_the_road_the_kept_back_paints_the_street_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the sky's shading moves on, its reflection in the wet road is painted again
    every frame: there the street's solid ground hides the sky under it, so only the street
    is painted, and each frame is still the one a fresh compositor draws."""
    headless()
    horizon = 0.56
    painted: list[tuple[str, pygame.Rect]] = []
    for kind in (Sky, Street):
        part = "draw" if kind is Sky else "draw_still"
        original = getattr(kind, part)

        def noting(self: object, surface: pygame.Surface, frame: Frame, original: object = original,
                   name: str = kind.__name__) -> None:
            painted.append((name, surface.get_clip()))
            original(self, surface, frame)  # type: ignore[operator]

        monkeypatch.setattr(kind, part, noting)
    body = (layer("sky", clouds=0) + layer("skyline", ground=horizon)
            + layer("street", horizon=horizon, traffic=0.5) + NO_POST)
    line = one_scene(body, at="21:00")
    kept = Compositor(line, SIZE, print)
    start = parse_clock("21:00") + 30.0
    row = round(SIZE[1] * horizon)
    for tick in range(24):
        at = state_at(line, start + tick * 0.5)
        drawn = pygame.Surface(SIZE)
        kept.draw(drawn, at)
        noted = len(painted)
        fresh = one_frame(line, SIZE, at, shared_made())
        del painted[noted:]  # (a fresh compositor paints all of it)
        assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(fresh, "RGB"), tick
    below = [(name, area) for name, area in painted if area.top >= row]
    assert any(name == "Street" for name, _ in below), "the reflection was painted again"
    assert not any(name == "Sky" for name, _ in below), "the sky under the road was not"


SIGN_Y, SIGN_SIZE = 0.3, 0.05  # the neon sign over the roofs, as the night street has it
SMOOTH_ACROSS = 9  # pixels: a reflection's rows against their own mean over this many columns
LETTER_EDGE = 0.15  # of the reflection's brightest: no sharper step than this along a row
STREAK_SEEN = 30  # the sign's reflection still shows on the road (the sum of channels)


def sign_street(wet: bool) -> np.ndarray:
    """A night street under a bright neon word, no cars, as brightness (the sum of channels)."""
    headless()
    body = (layer("sky") + layer("neon", text="MIRACLE MILE", color="#ff3ca0", x=0.32,
                                 y=SIGN_Y, size=SIGN_SIZE, flicker=0, failing=0,
                                 mount="rooftop", font="tube")
            + layer("street", horizon=0.56, traffic=0, wet=wet) + NO_POST)
    line = one_scene(body, at="20:00")
    surface = pygame.Surface(SIZE)
    Compositor(line, SIZE, print).draw(surface, state_at(line, parse_clock("22:00")))
    return pygame.surfarray.array3d(surface).astype(float).sum(axis=2)


def test_a_neon_word_far_above_the_road_is_a_streak_in_it_not_a_legible_word() -> None:
    """On wet asphalt the sign's reflection, far below the horizon, is drawn out and soft:
    along each of its rows the light varies smoothly (no letter-shaped edges, which read as
    a mirrored word painted on the road), and it still shows."""
    wet, dry = sign_street(True), sign_street(False)
    horizon = round(SIZE[1] * 0.56)
    top, bottom = int(SIZE[1] * (SIGN_Y - SIGN_SIZE)), int(SIZE[1] * (SIGN_Y + SIGN_SIZE))
    columns = np.nonzero(dry[:, top:bottom].max(axis=1) > 300)[0]
    assert len(columns), "the sign is lit"
    left, right = columns.min(), columns.max() + 1
    mirrored = (wet - dry)[left:right, 2 * horizon - bottom:2 * horizon - top]
    kernel = np.ones(SMOOTH_ACROSS) / SMOOTH_ACROSS
    smooth = np.stack([np.convolve(np.pad(row, SMOOTH_ACROSS // 2, mode="edge"), kernel,
                                   mode="valid") for row in mirrored.T], axis=1)
    brightest = mirrored.max()
    assert brightest > STREAK_SEEN, "the sign is reflected"
    edge = np.abs(mirrored - smooth).max() / brightest
    assert edge < LETTER_EDGE, f"letter-shaped edges in the reflection: {edge:.2f}"


AREAS = 12  # areas above the road changed at random, one at a time


def test_a_change_above_the_road_changes_the_reflection_only_where_the_street_says() -> None:
    """Each area painted anew above the road changes the wet road's reflection (streaked far
    below the horizon) only inside what `changed_below` reports: a frame repainting just that
    is the frame a fresh street draws."""
    headless()
    line = one_scene(layer("street", wet=True, horizon=0.56) + NO_POST, at="21:00")
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], 0, "street")
    params = dict(traffic=0.0, lamps=(255, 150, 50), horizon=0.56, wet=True, lit=True)
    moment = parse_clock("22:00")
    frame = Frame(moment, 0.0, state_at(line, moment))
    rng = np.random.default_rng(1)
    under = pygame.Surface(SIZE)
    pygame.surfarray.blit_array(under, rng.integers(0, 255, (*SIZE, 3), dtype=np.uint8))

    def drawn(picture: pygame.Surface) -> np.ndarray:
        out = picture.copy()
        Street(params, setup).draw_still(out, frame)
        return pygame.surfarray.array3d(out).astype(int)

    before = drawn(under)
    horizon = round(SIZE[1] * 0.56)
    reach = SIZE[1] - horizon
    for _ in range(AREAS):
        w, h = int(rng.integers(1, 100)), int(rng.integers(1, 40))
        area = pygame.Rect(int(rng.integers(0, SIZE[0] - w)),
                           int(rng.integers(horizon - reach, horizon - h)), w, h)
        changed = under.copy()
        changed.fill(tuple(int(v) for v in rng.integers(0, 255, 3)), area)
        moved = np.argwhere((drawn(changed) != before).any(axis=2))
        moved = moved[moved[:, 1] >= horizon]
        said = Street(params, setup).changed_below([area])
        box = said[0] if said else pygame.Rect(0, 0, 0, 0)
        assert all(box.collidepoint(int(x), int(y)) for x, y in moved), (area, box)
