"""The ash's long grey minutes build: by the end of Ash (05:30-06:35) the ash has drifted over
Johnie's fallen sign (its dead script greyed over in drifts, still there) and the
smoke columns have thinned as the fires die down; over
Wilshire under ash (06:35-08:00) a bronze sun breaks through the haze and lights the road."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from .dark_strokes import dark_strokes
from .drawn_once import in_a_row
from .helpers import NO_POST, draw, layer, shared_made, timeline

SIZE = (960, 540)
SKY = layer("sky", top="#8a8580", bottom="#a0948a", stars=0, sun=False, clouds=0)
RUINS = {"ground": 0.64, "height": 0.22, "fires": 0, "color": "#221c1a", "boulevard": True,
         "boulevard_x": 0.62, "fallen": True}  # the shipped Ash's ruins, without its fires
ASH_GROUND, ASH_VANISH = 0.64, 0.62  # RUINS' ground and boulevard_x
NEXT = '[[scene]]\nat = "06:35"\nname = "next"\n' + SKY  # where the Ash scene ends
SIGN = pygame.Rect(0, int(0.75 * SIZE[1]), int(0.55 * SIZE[0]), int(0.25 * SIZE[1]))
DIP = 10  # a pixel this much darker than round it (AROUND px square) is the sign's script's
AROUND = 9  # dark dead glass (the ash on it is smooth)


@cache
def ash_at(at: str, bury: float) -> pygame.Surface:
    """The Ash's ruins (the sign fallen, ash drifting over it as deep as `bury` by the end;
    drawn once for each: not to be drawn on)."""
    ruins = layer("ruins", **RUINS, bury=bury)
    scene = '[[scene]]\nat = "05:30"\nname = "Ash"\n' + SKY + ruins + NO_POST
    return draw(timeline(scene + NEXT), at, size=SIZE, made=shared_made())


def script(picture: pygame.Surface) -> int:
    """How many pixels of the sign's dark dead script show (thin strokes darker than round
    them)."""
    lum = pygame.surfarray.array3d(picture.subsurface(SIGN)).astype(float).mean(axis=2)
    return int(dark_strokes(lum, DIP, AROUND).sum())


def test_the_ash_drifts_over_the_fallen_sign_as_the_scene_goes_on() -> None:
    """The ash greys its dead script over in drifts as the scene goes on, but leaves the name
    partly showing at the end (greyed over, the sign read as a slab of ash)."""
    start, end = script(ash_at("05:31", 1.0)), script(ash_at("06:33", 1.0))
    assert start > 1500, f"its script shows at first ({start} pixels)"
    assert end < 0.85 * start, f"by the end the ash greys some of it over: {start} -> {end}"
    assert end > 0.3 * start, f"... but not all: {start} -> {end}"


def test_without_bury_the_sign_lies_as_it_fell_all_scene() -> None:
    start, end = ash_at("05:31", 0.0), ash_at("06:33", 0.0)
    assert script(start) == script(end)


SUN_AT = (0.53, 0.41)
SUN = {"x": SUN_AT[0], "y": SUN_AT[1], "ground": 0.565, "from": "07:00"}  # as the shipped
GREY = layer("sky", top="#605850", bottom="#605850", stars=0, sun=False, clouds=0)


@cache
def in_turn(text: str, moments: tuple[str, ...]) -> dict[str, pygame.Surface]:
    """A timeline's (TOML) pictures at these moments, drawn once, one after another by one
    compositor (its scenes built once: the same bytes as each drawn fresh), not to be drawn
    on."""
    return dict(zip(moments, in_a_row(timeline(text), moments, SIZE, shared_made()),
                    strict=True))


MORNING = ("06:40", "07:55")  # Wilshire under ash's moments below


def wilshire_at(at: str, part: str = "all") -> np.ndarray:
    """A grey morning under the sunbreak (or `part` of it) of Wilshire under ash, (x, y, rgb)."""
    sun = layer("sunbreak", **SUN, part=part)
    scene = '[[scene]]\nat = "06:35"\nname = "Wilshire"\n' + GREY + sun
    after = '[[scene]]\nat = "08:00"\nname = "tar"\n' + GREY
    picture = in_turn(scene + NO_POST + after, MORNING if part == "all" else (at,))[at]
    return pygame.surfarray.array3d(picture).astype(int)


def test_a_bronze_sun_breaks_through_and_its_light_reaches_the_road() -> None:
    early, late = wilshire_at("06:40"), wilshire_at("07:55")
    disc = (int(SUN_AT[0] * SIZE[0]), int(SUN_AT[1] * SIZE[1]))
    road = (disc[0], int(0.66 * SIZE[1]))  # on the ground, towards us from under the sun
    assert (early[disc] == early[10, 10]).all(), "at 06:40 no sun yet: the plain grey sky"
    red, _, blue = late[disc]
    assert red > blue + 60, f"by 07:55 a bronze disc shows: {late[disc]}"
    assert late[road].mean() > early[road].mean() + 15, \
        f"its light reaches the road: {early[road]} -> {late[road]}"


SMOKE = {"columns": 3, "ground": 0.64, "height": 0.85, "color": "#2c2624", "amount": 0.85}
DARK = 20  # a pixel this much darker than the sky is smoke


SMOKY = ("05:31", "06:33")  # the Ash's smoke's moments below


def smoky(at: str, thins: float) -> int:
    """How many pixels of the Ash's smoke columns (thinning by `thins`) darken the sky."""
    scene = '[[scene]]\nat = "05:30"\nname = "Ash"\n' + SKY
    picture = in_turn(scene + layer("smoke", **SMOKE, thins=thins) + NO_POST + NEXT, SMOKY)[at]
    grey = pygame.surfarray.array3d(picture).astype(int).mean(axis=2)
    return int((grey < grey[0, 0] - DARK).sum())


def test_the_smoke_thins_as_the_fires_die_down() -> None:
    start, end = smoky("05:31", 0.6), smoky("06:33", 0.6)
    assert start > 5000, f"heavy columns at first ({start} pixels)"
    assert end < 0.6 * start, f"thin ones by the end: {start} -> {end}"


def test_its_parts_apart_the_disc_in_the_sky_the_light_on_the_ground() -> None:
    """Split in two (the sky's before the ruins, the ground's after the street), each part
    draws only its own: together they are the whole sunbreak."""
    sky, ground = wilshire_at("07:55", "sky"), wilshire_at("07:55", "ground")
    disc = (int(SUN_AT[0] * SIZE[0]), int(SUN_AT[1] * SIZE[1]))
    road = (disc[0], int(0.66 * SIZE[1]))
    plain = ground[10, 10]
    assert (ground[disc] == plain).all(), "no disc from the ground's part"
    assert sky[disc][0] > plain[0] + 60, "the sky's part has the disc"
    assert ground[road].mean() > sky[road].mean() + 10, "the road's light is the ground's"


def wheels(picture: pygame.Surface) -> float:
    """How much the burnt car's wheels stand out on the ash round them (the spread of the
    light in a box round each: its rims, hubs and wells against a smooth bank of ash)."""
    from installation.visuals.ash_ground import WRECK_AT, WRECK_LONG, projection
    from installation.visuals.wrecks import WHEEL, WHEELS

    width, height = SIZE
    ground = int(height * ASH_GROUND)
    project = projection((width, height - ground), int(width * ASH_VANISH))
    lane, z = WRECK_AT
    (x0, foot), (x1, _) = (project(lane + side * WRECK_LONG / 2, z) for side in (-1, 1))
    length, middle = x1 - x0, (x0 + x1) // 2
    grey = pygame.surfarray.array3d(picture).astype(float).mean(axis=2)
    half = round(WHEEL * length)
    spread = []
    for along in WHEELS:
        x, y = round(middle - (along - 0.5) * length), ground + foot - half
        spread.append(grey[x - half:x + half, y - half // 2:y + half].std())
    return float(np.mean(spread))


def test_the_burnt_car_keeps_its_wheels_as_the_sign_is_buried() -> None:
    """The ash drifts round it as the sign beside it goes under, but its rims and arches
    show to the end (drifted over them, with its dark cabin left, it read as a pit with a
    bright rim: a manhole, not a car)."""
    start, end = wheels(ash_at("05:31", 1.0)), wheels(ash_at("06:33", 1.0))
    assert start > 12, f"its bare rims show at first (spread {start:.1f})"
    assert end > 0.6 * start, f"they show at the end: {start:.1f} -> {end:.1f}"


def post_iron(picture: pygame.Surface) -> float:
    """The share of the fallen lamp post's length where its dark iron shows (the middle of
    its stroke darker than IRON)."""
    from installation.visuals.ash_ground import POST_FROM, POST_TO, projection

    width, height = SIZE
    ground = int(height * ASH_GROUND)
    project = projection((width, height - ground), int(width * ASH_VANISH))
    (x0, y0), (x1, y1) = project(*POST_FROM), project(*POST_TO)
    grey = pygame.surfarray.array3d(picture).astype(float).mean(axis=2)
    along = np.linspace(*POST_SEEN, 60)
    seen = [grey[round(x0 + (x1 - x0) * t), round(y0 + (y1 - y0) * t) + ground] for t in along]
    return float(np.mean(np.array(seen) < IRON))


IRON = 30  # a pixel of the post's iron is darker than this (the ash round it 45-60)
POST_SEEN = (0.75, 0.95)  # the share of its length clear of the fallen sign, which lies over
# its foot, and of its shadow (the old dark sign there was counted as its iron)


def test_the_fallen_lamp_post_goes_under_the_ash_with_the_sign() -> None:
    """The sign beside it sank into the ash over the scene while the lamp post lying by it
    stayed crisp and unburied to the end: the ash takes it too."""
    start, end = post_iron(ash_at("05:31", 1.0)), post_iron(ash_at("06:33", 1.0))
    assert start > 0.8, f"the post lies on the ash at first ({start:.0%} of it shows)"
    assert end < 0.1, f"by the end it is under the ash: {start:.0%} -> {end:.0%} of it shows"


def test_the_fallen_lamp_post_lies_beside_the_car_not_through_it() -> None:
    """Its foot across the road behind the car, the car painted over it, it ran through the
    car's body: it lies short of it, clear of its picture."""
    from installation.visuals.ash_ground import POST_FROM, POST_TO, WRECK_AT, WRECK_LONG, projection

    for ground in (0.64, 0.8):  # the Ash's boulevard and the flash's, lower in the picture
        size = (1920, 1080 - int(1080 * ground))
        project = projection(size, 960)
        lane, z = WRECK_AT
        (x0, foot), (x1, _) = (project(lane + side * WRECK_LONG / 2, z) for side in (-1, 1))
        car = pygame.Rect(x0, foot - round(0.35 * (x1 - x0)), x1 - x0, round(0.35 * (x1 - x0)))
        post = car.clipline(project(*POST_FROM), project(*POST_TO))
        assert not post, f"the post crosses the car's picture at {post} (ground {ground})"


def fire_lit(at: str) -> tuple[int, float]:
    """The Ash's ruins with their fires and the smoke over them (thinning as the shipped):
    how many pixels the fires light (warm and bright), and how bright the brightest are."""
    ruins = layer("ruins", **{**RUINS, "fires": 3, "fire": "#c8501e"})
    smoke = layer("smoke", **SMOKE, thins=0.6)
    scene = '[[scene]]\nat = "05:30"\nname = "Ash"\n' + SKY + ruins + smoke + NO_POST
    rgb = pygame.surfarray.array3d(in_turn(scene + NEXT, ("05:35", "06:30"))[at]).astype(int)
    warm = (rgb[..., 0] > 150) & (rgb[..., 0] > rgb[..., 2] + 80)
    return int(warm.sum()), float(np.sort(rgb[..., 1][warm])[-50:].mean()) if warm.any() else 0.0


def test_the_fires_die_down_with_the_smoke() -> None:
    """The smoke thinned as the fires died down, but the fires burnt as high and bright to
    the end: now fewer, lower and redder (less yellow in their hottest) by 06:30."""
    (lit, yellow), (late, late_yellow) = fire_lit("05:35"), fire_lit("06:30")
    assert lit > 400, f"the fires burn at first ({lit} pixels lit)"
    assert late < 0.6 * lit, f"they light much less by the end: {lit} -> {late}"
    assert late_yellow < yellow - 20, \
        f"their hottest redder: green {yellow:.0f} -> {late_yellow:.0f}"


def test_the_ash_deepens_on_the_sign_without_a_visible_step() -> None:
    """It deepened in 7 steps, each a ~10 px notch of ash at once: now each depth fades into
    the next. Across the moment the old third step fell (under a real second apart) the sign
    barely changes."""
    before, after = (pygame.surfarray.array3d(ash_at(at, 1.0).subsurface(SIGN)).astype(int)
                     for at in ("05:57:45", "05:58:00"))
    moved = np.abs(after - before).max(axis=2)
    assert (moved > 12).sum() < 20, f"{(moved > 12).sum()} pixels of the sign jump at once"


def test_the_sun_breaks_through_in_steps_too_small_to_see() -> None:
    """Its 16 steps showed as small pops (~9 real s apart): each step now adds little."""
    from installation.visuals.ash_sun import STEPS
    from installation.visuals.base import s_curve

    shares = s_curve(np.arange(STEPS + 1) / STEPS)
    assert np.diff(shares).max() < 0.04, f"a step adds {np.diff(shares).max():.0%} of it"


def test_a_sun_out_of_the_picture_has_no_disc_only_its_glow() -> None:
    """`size = 0`: the sun stands out of the picture (behind the camera, as on the shipped
    Wilshire under ash): where its disc would be, only its glow, as smooth as round it (a
    disc of the least size in the corner read as a hot pixel)."""
    sky = '[[scene]]\nat = "06:35"\nname = "Wilshire"\n' + GREY
    tar = '[[scene]]\nat = "08:00"\nname = "tar"\n' + GREY
    line = timeline(sky + layer("sunbreak", **SUN, part="sky", size=0) + NO_POST + tar)
    picture = pygame.surfarray.array3d(draw(line, "07:55", size=SIZE)).astype(int)
    x, y = int(SUN_AT[0] * SIZE[0]), int(SUN_AT[1] * SIZE[1])
    step = max(3, SIZE[1] // 60)  # past where a disc of the default size would reach
    around = picture[x - 3 * step, y]
    assert picture[x, y][0] > picture[10, 10][0] + 10, "its glow lights the sky there"
    assert abs(picture[x, y] - around).max() <= 40, f"a disc: {picture[x, y]} in {around}"


def smoke_at(at: str, leans: float) -> np.ndarray:
    """Where the Ash's smoke columns (leaning further by `leans`) darken the sky: a mask."""
    scene = '[[scene]]\nat = "05:30"\nname = "Ash"\n' + SKY
    picture = in_turn(scene + layer("smoke", **SMOKE, wind=0.6, leans=leans) + NO_POST + NEXT,
                      SMOKY)[at]
    grey = pygame.surfarray.array3d(picture).astype(int).mean(axis=2)
    return np.asarray(grey < grey[0, 0] - DARK)


LEANS_ON = 0.03  # the columns' upper smoke stands this much of the picture's width further on


def test_the_smoke_leans_further_over_as_the_wind_gets_up() -> None:
    """With `leans` the columns start as they were (the flash's, carried on) and by the end
    of the scene their upper smoke lies further downwind, to the right (the top 30% of the
    picture: 40% reached lower down the columns, since they rise from their flames' top on a
    burning building's stump, where they lean less)."""
    upper = slice(0, int(0.3 * SIZE[1]))
    start, still = smoke_at("05:31", 0.7), smoke_at("05:31", 0.0)
    assert (start != still).mean() < 0.002, "as it was at first"
    ends = [np.nonzero(smoke_at("06:33", leans)[:, upper])[0].mean() for leans in (0.0, 0.7)]
    assert ends[1] > ends[0] + LEANS_ON * SIZE[0], f"leaning further by the end: {ends}"


WARM = 12  # Ash's light carried over the cut: this much redder than blue at its glow, at least


def test_a_sunbreak_that_goes_is_full_as_the_scene_begins_and_gone_by_until() -> None:
    """Ash's warm light behind the ruins carried over the cut into Wilshire under ash and going
    over its first minute (`goes`): warm at the glow as the scene begins, the plain grey sky
    by `until` (on main the street's sky was grey from the cut: the warmth dropped at once)."""
    sun = layer("sunbreak", x=0.3, y=0.56, size=0, color="#d8906a", light=0.8, part="sky",
                until="07:05", goes=True)
    scene = '[[scene]]\nat = "06:35"\nname = "Wilshire"\n' + GREY + sun
    after = '[[scene]]\nat = "08:00"\nname = "tar"\n' + GREY
    line = timeline(scene + NO_POST + after)
    glow = (int(0.3 * SIZE[0]), int(0.5 * SIZE[1]))
    begins, gone = (pygame.surfarray.array3d(draw(line, at, size=SIZE)).astype(int)
                    for at in ("06:35:05", "07:06"))
    red, _, blue = begins[glow]
    assert red > blue + WARM, f"warm as it begins: {begins[glow]}"
    assert (gone[glow] == gone[10, 10]).all(), f"gone by until: {gone[glow]}"
