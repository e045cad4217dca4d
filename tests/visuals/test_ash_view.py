"""The morning after the flash seen from a camera of its own: down among the ruins, Johnie's
sign fallen across the ash in front, its dead dark script and the ash on it; the far city
lower in the picture, where a tower still gives way at 06:10."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals.collapse import falling_tower
from installation.visuals.ruins_sites import TALL, nearer, towers

from .dark_strokes import dark_strokes
from .drawn_once import in_a_row
from .helpers import NO_POST, SHIPPED, draw, layer, one_scene, shared_made

SIZE = (960, 540)
BLADE = (0.02, 0.54)  # the fallen blade lies across these shares of the picture's width
BELOW = (0.66, 0.98)  # ... and between these of its height, below the ruins' horizon
STRIPS = 8  # the blade's width cut in strips: the script's letters run across most of them
LETTERED = 6  # strips the script shows in, at least (the sign hanging at 05:22: 2 at most)
STROKE = 60  # a strip shows the script with this many of its pixels (a letter's tube at 960)
DIP = 10  # the script's dead tubes: dark glass, this many levels darker than round them...
AROUND = 9  # ... (this many pixels square) ...
REDDER = 22  # ... and no more than this redder than green (never pink: lit-looking)
DEAD_RED = (22, 12, 80, 150)  # the hanging sign's dead red tubes in the flash: redder than
# green by this much, green no more than this above blue, and this dim to this bright
LIT_RED = 180  # a red tube still lit would be brighter than this
PALE = 45  # the ash on the blade: grey at least this light (the ash of the ground: no pale
# line round it; the ground beside it 16, its face 23) ...
NEUTRAL = 24  # ... and no more coloured than this (max - min of its channels)
CAPPED = 0.8  # the ash lies along the blade's upper rim over this share of its width at least
SKY_ROWS = 40  # the sky the tower stands against: this many rows above it
FALL_LIGHTER = 15  # the fallen tower's top: its sky this many levels lighter after the fall
# (its dark top gone: 45-70 levels before, 110-125 after; dust and smoke drift over it)


def script(frame: np.ndarray) -> np.ndarray:
    """Where a frame (x, y, rgb) shows a dead neon tube: a thin dark stroke, not pink."""
    dark = dark_strokes(frame.mean(axis=2), DIP, AROUND)
    return np.asarray(dark & (frame[..., 0] - frame[..., 1] <= REDDER))


def red_script(frame: np.ndarray) -> np.ndarray:
    """Where a frame (x, y, rgb) shows the flash's dead red neon tube (the sign hanging)."""
    r, g, b = (frame[..., c].astype(int) for c in range(3))
    redder, greener, dim, bright = DEAD_RED
    return (r - g >= redder) & (g - b >= 0) & (g - b <= greener) & (r >= dim) & (r <= bright)


def blade_box(frame: np.ndarray) -> np.ndarray:
    """The part of a frame where the fallen blade lies."""
    width, height = frame.shape[:2]
    return frame[int(BLADE[0] * width):int(BLADE[1] * width),
                 int(BELOW[0] * height):int(BELOW[1] * height)]


def lettered(frame: np.ndarray, tubes: Callable[[np.ndarray], np.ndarray] = script) -> int:
    """How many strips across the blade's box show the script (its `tubes`)."""
    return sum(int(strip.sum() >= STROKE)
               for strip in np.array_split(tubes(blade_box(frame)), STRIPS, axis=0))


ASH_MOMENTS = ("05:30:05", "06:00", "06:02:30", "06:09:50", "06:20")  # the Ash's, below


@cache
def ash_scene() -> dict[str, pygame.Surface]:
    """The shipped Ash at ASH_MOMENTS, drawn once, one after another by one compositor (the
    scene built once: the same bytes as each drawn fresh), not to be drawn on."""
    return dict(zip(ASH_MOMENTS, in_a_row(load_timeline(SHIPPED), ASH_MOMENTS, SIZE,
                                          shared_made()), strict=True))


def shipped(at: str) -> np.ndarray:
    """The shipped day's frame at story time `at`, (x, y, rgb)."""
    picture = ash_scene()[at] if at in ASH_MOMENTS else draw(load_timeline(SHIPPED), at,
                                                              size=SIZE, made=shared_made())
    return pygame.surfarray.array3d(picture).astype(int)


def test_the_ash_is_seen_from_a_new_place_not_the_flashs() -> None:
    """At 05:22 Johnie's sign hangs small off its pylon on the corner at the right; at 06:02
    it lies large across the lower left of the picture, its script running across it: the
    ash is another camera, not the flash's picture in grey (the crossfade showed the same
    towers, palms, car and sign, only the light turned)."""
    flash, ash = lettered(shipped("05:22:30"), red_script), lettered(shipped("06:02:30"))
    assert ash >= LETTERED > 2 >= flash, (flash, ash)
    assert lettered(shipped("05:30:05")) >= LETTERED, "the ash arrives by a cut: at once"


def test_the_fallen_sign_shows_its_scorched_script_and_the_ash_on_it() -> None:
    """Lying in front of us, the blade's script is still there in dead tubes, dark glass
    (none lit, none pink), across its width, and ash lies along its upper rim, above the
    letters."""
    ruins = layer("ruins", ground=0.64, height=0.22, fires=0, color="#101010", fallen=True)
    sky = layer("sky", top="#808080", bottom="#808080", stars=0, sun=False, clouds=0)
    frame = pygame.surfarray.array3d(
        draw(one_scene(sky + ruins + NO_POST, at="05:30"), "05:40", size=SIZE)).astype(int)
    assert lettered(frame) >= LETTERED
    box = blade_box(frame)
    assert not (box[..., 0] > LIT_RED).any(), "no tube is lit"
    ash = (box.mean(axis=2) > PALE) & (np.ptp(box, axis=2) < NEUTRAL)
    columns = np.nonzero(script(box).any(axis=1))[0]
    span = slice(columns.min(), columns.max() + 1)
    assert ash[span].any(axis=1).mean() > CAPPED, "ash along its rim, all the way"
    rows = np.arange(box.shape[1])
    letters = np.median(rows[script(box).any(axis=0)])  # (the ash drifted over its lower edge
    # lies below them too: the rim's is looked for above them, all the way along)
    assert ash[span][:, rows < letters].any(axis=1).mean() > CAPPED, (
        "the ash lies above the letters")


def test_the_tower_still_gives_way_over_the_fallen_sign() -> None:
    """At 06:10 the tall far tower's top gives way: where it stood dark against the sky before,
    the sky is lighter after (not hidden by the sign, a fire's smoke or the caption)."""
    line = load_timeline(SHIPPED)
    ash = next(scene for scene in line.scenes if scene.name == "Ash")
    keys = next(spec for spec in ash.layers if spec.type == "ruins").params
    width, height = SIZE
    tallest, ground = int(height * keys["height"]), int(height * keys["ground"])
    plan = towers(line.seed, width, tallest)
    tower = nearer(plan[falling_tower(plan, TALL * tallest, width, line.seed,
                                      keys["collapse_x"])], keys["collapse_size"])
    columns = slice(tower.x + 2, tower.x + tower.width - 2)
    before, after = (shipped(at)[columns, :ground].mean(axis=2).mean(axis=0)
                     for at in ("06:09:50", "06:20"))
    # (the sky just above it: the morning's light comes up behind the ruins, lighter low down)
    sky = np.median(before[max(0, ground - tower.height - SKY_ROWS):ground - tower.height])
    rows = np.arange(ground - tower.height, ground)
    top = rows[before[rows] < sky - 2 * FALL_LIGHTER][:tower.height // 5]  # its top rows
    assert len(top) > 3, "the tower stands dark against the sky before"
    assert after[top].mean() > before[top].mean() + FALL_LIGHTER, (before[top], after[top])


PALM_X = (686, 738, 798, 910)  # the burnt palms along the boulevard at 06:00 (at SIZE)
SHORE_ROWS, FOOT_ROWS = (343, 349), (385, 396)  # the shore line's rows, and lower down the trunks
CUT = 15  # a trunk where it crosses the shore line: no paler than lower down by more than this


def test_the_palms_stand_whole_on_the_ash_not_cut_by_the_shore_line() -> None:
    """Each burnt palm's trunk runs dark down across the far shore line to its foot on the
    ash plain (on main a pale band of settled ash was drawn across every trunk there, so the
    palms read as cut in two, their lower halves loose posts floating on the plain)."""
    luma = shipped("06:00").astype(float) @ np.array([0.3, 0.59, 0.11])
    for x in PALM_X:
        trunk = min(range(x - 10, x + 11), key=lambda c: luma[c, slice(*FOOT_ROWS)].mean())
        foot, shore = luma[trunk, slice(*FOOT_ROWS)].mean(), luma[trunk, slice(*SHORE_ROWS)].mean()
        assert shore < foot + CUT, f"the palm at {x} cut at the shore: {shore:.0f} over {foot:.0f}"


EDGE_STEP = 5  # the horizon's steepest step from row to row, luminance, at most (main: 8.6;
# before that 25)


def test_the_plain_meets_the_ruins_feet_in_murk_not_at_a_ruled_edge() -> None:
    """Ash's horizon: the ash plain's far edge darkens into the ruins' dark feet over rows,
    and its murk lies over their feet, no ruler's edge between them (the plain began at one
    row, 25 levels lighter; then, darkened to the ruins' colour, still 8.6 lighter than their
    darker feet: a ruler-straight line across the picture)."""
    ruins = layer("ruins", ground=0.64, height=0.22, fires=0, color="#221c1a", boulevard=True,
                  boulevard_x=0.62)
    picture = draw(one_scene(layer("sky", top="#524c48", bottom="#a0948a") + ruins + NO_POST,
                             at="05:30"), "05:40", size=SIZE)
    lum = pygame.surfarray.array3d(picture).astype(float) @ np.array([0.3, 0.59, 0.11])
    row = round(picture.get_height() * 0.64)
    steps = np.abs(np.diff(lum[:, row - 3:row + 4], axis=1)).max(axis=1)
    assert np.median(steps) < EDGE_STEP, f"the horizon's steepest step: {np.median(steps):.0f}"
