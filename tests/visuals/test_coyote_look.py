"""The coyote in the empty diner (05:12) reads across a gallery: rim-lit along its back by the
glass behind it on the dark lot, it stops in the glass's light on the lot and turns, head first
and then body, three-quarters to the glass (foreshortened, its ears apart), looks in, and turns
back to go on."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.coyote_look import (
    BODY_TURN,
    EAR_TURN,
    GLANCE,
    HEAD_TURN,
    MOST,
    looking,
)
from installation.visuals.motion import changed_share, shrunk
from installation.visuals.quadruped import coyote
from installation.visuals.render import headless

from .helpers import NO_POST, SHIPPED, draw, layer, one_scene
from .test_crowd_places import shipped_pace

BIG = (640, 360)
FULL = (1920, 1080)
BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
SCENE = "A coyote in the empty diner"
SHOWS = 40  # summed levels: a pixel the coyote changes by more than this is the coyote's
RIM = 200  # summed levels: its lit edge is this much brighter than the lot beside it


def looker(at: str) -> np.ndarray:
    """A white coyote on black standing at (0.5, 0.9), looking at (0.56, 0.72) from 12:00 to
    12:01: its mask (x, y) at story time `at`."""
    one = layer("figures", body="coyote", pose="idle", speed=0, scale=0.5, color="#ffffff",
                until="12:01") + "path = [[0.5, 0.9]]\nlook_at = [0.56, 0.72]\n"
    frame = draw(one_scene(BLACK_SKY + one + NO_POST), at, size=BIG)
    return pygame.surfarray.array3d(frame).max(axis=2) > 60


def width(mask: np.ndarray) -> int:
    columns = np.nonzero(mask.any(axis=1))[0]
    return int(columns[-1] - columns[0] + 1)


def runs(row: np.ndarray) -> int:
    """How many separate runs of lit pixels a row of a mask holds."""
    lit = np.nonzero(row)[0]
    return 0 if lit.size == 0 else 1 + int((np.diff(lit) > 1).sum())


def ears(mask: np.ndarray) -> int:
    """The most separate points the coyote's top shows in one row, just below its highest."""
    top = int(np.nonzero(mask.any(axis=0))[0][0])
    return max(runs(mask[:, y]) for y in range(top, top + 6))


def test_looking_at_the_glass_it_turns_three_quarters_its_body_foreshortened() -> None:
    """At first in profile (long, one ear showing); half way through it has turned into the
    picture: its silhouette much narrower, both ears standing apart; at the end, back."""
    first, middle, last = (looker(at) for at in ("12:00:01", "12:00:30", "12:00:59"))
    assert width(middle) < 0.75 * width(first), "turned in, the body is foreshortened"
    assert ears(middle) == 2, "two pointed ears, apart, above the head"
    assert ears(first) == 1, "in profile the ears are seen one behind the other"
    assert abs(width(last) - width(first)) < 0.05 * width(first), "turned back along its way"


def test_its_head_turns_first_then_its_body_then_an_ear_and_back() -> None:
    aim = MOST
    early = looking(HEAD_TURN[1], aim)
    assert early.head > 0.5 and early.body < 0.1 * aim, "the head turns before the body"
    turned = looking(BODY_TURN[1] + 0.02, aim)
    assert turned.body > 0.95 * aim, "then the body follows"
    ear = looking(sum(EAR_TURN) / 2, aim)
    assert ear.ear > 0.9 and turned.ear == 0.0, "an ear turns back as it looks"
    flat, listening = (coyote("look", 0.5, 0.0, t) for t in (turned, ear))
    assert flat.capsules[-1] != listening.capsules[-1], "and the near ear moves"
    glance = looking(sum(GLANCE) / 2, aim)
    assert glance.body < 0.5 * aim and glance.body + glance.head > 0.5 * aim, \
        "it half turns to go on, its head still to the glass"
    assert looking(GLANCE[1], aim).body > 0.95 * aim, "and turns in to look again"
    lowered = looking(0.7, aim)
    assert coyote("look", 0.7, 0.0, lowered).head[1] < flat.head[1] - 0.05, "its head lowers"
    done = looking(0.99, aim)
    assert done.body == done.head == 0.0, "it turns back the way it faces before it goes on"


def without_coyote(line: Timeline) -> Timeline:
    """The shipped day with the coyote's layers taken out of its scene."""
    scenes = tuple(replace(scene, layers=tuple(spec for spec in scene.layers
                                               if spec.params.get("body") != "coyote"))
                   if scene.name == SCENE else scene for scene in line.scenes)
    return replace(line, scenes=scenes)


def shipped(at: str) -> tuple[np.ndarray, np.ndarray]:
    """The shipped day's picture at `at` (x, y, rgb as ints), and the coyote's mask in it."""
    line = load_timeline(SHIPPED)
    seen, bare = (pygame.surfarray.array3d(draw(one, at, size=FULL)).astype(int)
                  for one in (line, without_coyote(line)))
    return seen, np.abs(seen - bare).sum(axis=2) > SHOWS


def test_on_the_dark_lot_its_back_head_and_ears_catch_the_glass_light() -> None:
    """Trotting in on the dark lot (05:12:10), the top edge of the coyote along its whole
    length (its back, head, ears and tail) is lit, pale green-white, well above the lot."""
    seen, mask = shipped("05:12:10")
    columns = np.nonzero(mask.any(axis=1))[0]
    assert columns.size > 60, "the coyote is in the picture"
    tops = [int(np.nonzero(mask[x])[0][0]) for x in columns]
    lot = seen[columns[0] - 30:columns[0] - 10, max(tops):max(tops) + 40].sum(axis=2).mean()
    edge = [seen[x, y:y + 2].sum(axis=1).max() for x, y in zip(columns, tops, strict=True)]
    lit = [level > lot + RIM for level in edge]
    assert np.mean(lit) > 0.65, f"its top edge lit in {np.mean(lit):.0%} of its columns"
    colours = np.array([seen[x, y:y + 2][np.argmax(seen[x, y:y + 2].sum(axis=1))]
                        for x, y, on in zip(columns, tops, lit, strict=True) if on])
    assert colours[:, 1].mean() >= colours[:, 2].mean(), "green-white, not blue"


def test_it_stops_in_the_glass_light_and_turns_to_the_glass() -> None:
    """Stopped, it stands dark in the pool of light the glass throws on the lot, and at
    05:13:05 has turned to the glass: much narrower than as it stood in profile at 05:12:58."""
    _, profile = shipped("05:12:58")
    seen, turned = shipped("05:13:05")
    assert width(turned) < 0.8 * width(profile), "turned to the glass, foreshortened"
    xs, ys = np.nonzero(turned)
    box = (slice(xs.min() - 20, xs.max() + 20), slice(ys.min(), ys.max()))
    around = seen[box].sum(axis=2)[~turned[box]].mean()
    body = seen[xs, ys].sum(axis=1).mean()
    # (0.6: its dim tawny coat shows in the light, review 23: black, it read as a cut-out)
    assert around > 150 and body < 0.6 * around, "a dark animal on the lit lot"


LEGS = 0.4  # the lowest share of the coyote's height: its legs, under the belly
LEGS_LIT_MOST = 0.02  # a share of their pixels, at most, lit like its back


def test_lit_from_above_its_legs_and_belly_stay_dark_not_outlined() -> None:
    """Trotting in on the dark lot (05:12:10), the glass's light from above catches its back
    and ears (above) but not its legs, belly or chest: no pale outline all round, like a
    sticker's."""
    seen, mask = shipped("05:12:10")
    columns = np.nonzero(mask.any(axis=1))[0]
    rows = np.nonzero(mask.any(axis=0))[0]
    tops = [int(np.nonzero(mask[x])[0][0]) for x in columns]
    lot = seen[columns[0] - 30:columns[0] - 10, max(tops):max(tops) + 40].sum(axis=2).mean()
    below = int(rows[-1] - LEGS * (rows[-1] - rows[0]))
    legs = mask.copy()
    legs[:, :below] = False
    lit = seen.sum(axis=2)[legs] > lot + RIM
    assert lit.mean() <= LEGS_LIT_MOST, f"{lit.mean():.0%} of its legs' pixels rim-lit"


STEP = 1.25  # real seconds between the frames looked at (as the motion goal's)
WINDOW = 10.0  # real seconds: in any this long while it is in the picture it is seen to move
MOVES_LEAST = 0.006  # a share of the picture (shrunk 8x) the coyote alone changes, at least
#                     (standing to look in for 25 s it changed 0.4%), trotting in at the front
SEEN = 40  # a level (of 255) of the white coyote shrunk: its height is that of the rows above it
LOT = 60  # ... counted from this row of the shrunk picture down (its sky's top rows are lit)


def coyote_alone(line: Timeline) -> Timeline:
    """The shipped day with the coyote's scene only its layers, white on a black sky."""
    sky = one_scene(BLACK_SKY + NO_POST).scenes[0].layers
    scenes = tuple(replace(scene, layers=(*sky, *(
        replace(spec, params={**spec.params, "color": (255, 255, 255), "rim": None})
        for spec in scene.layers if spec.params.get("body") == "coyote")))
        if scene.name == SCENE else scene for scene in line.scenes)
    return replace(line, scenes=scenes)


def test_held_over_a_minute_it_keeps_moving_until_it_trots_off() -> None:
    """Over its 70-80 real s it is never still for long: trotting in, sniffing at the door,
    walking along the glass, looking in twice, trotting off (before, a minute-long hold had it
    stand looking in for over 25 s, under the motion goal). Far off at the door, smaller, it
    moves as much for its size: the share it changes is held to its size's square."""
    line = coyote_alone(load_timeline(SHIPPED))
    clock = shipped_pace()
    start, gone = parse_clock("05:12"), parse_clock("05:13:50")  # it sets off at 05:13:50
    real = clock.real_between(start, gone)
    headless()
    compositor = Compositor(line, FULL, print, clock)
    surface = pygame.Surface(FULL)
    frames = []
    for n in range(int(real / STEP) + 1):
        compositor.draw(surface, state_at(line, story_after(clock, start, n * STEP), clock))
        frames.append(shrunk(surface))
    heights = [int(np.ptp(rows)) if rows.size else 0 for rows in (
        np.nonzero(frame[:, LOT:].max(axis=2).max(axis=0) > SEEN)[0] for frame in frames)]
    per, front = round(WINDOW / STEP), max(heights)
    for n in range(len(frames) - per):
        size = float(np.mean([(height / front) ** 2 for height in heights[n:n + per + 1]]))
        share = changed_share(frames[n:n + per + 1])
        assert share >= MOVES_LEAST * min(1.0, size), (
            f"{n * STEP:.1f} real s in: {share:.2%} changed, at {size:.0%} of its size")


DOOR_X = (760, 920)  # the open door's opening, x at 1920x1080 (05:12)
SILL = (0.79, 0.82)  # the door's sill, of the picture's height: its paws stand on it
LIT_DOORWAY = 300  # summed levels: the lit room seen through the doorway round it


def test_at_the_open_door_it_stops_and_turns_to_look_in() -> None:
    """The caption says it stops at the open door and looks in: it walks up to the door (in
    profile, at 05:12:17), stands on the sill and turns into the doorway (foreshortened, at
    05:12:33), dark against the lit room (it stood on the dark lot 100 px in front of the door,
    its head up at the door's leaf, and read as a dog crossing a car park)."""
    _, profile = shipped("05:12:17")
    seen, turned = shipped("05:12:33")
    assert width(turned) < 0.8 * width(profile), "turned into the doorway, foreshortened"
    columns, rows = (np.nonzero(turned.any(axis=axis))[0] for axis in (1, 0))
    middle = (columns[0] + columns[-1]) / 2
    assert DOOR_X[0] < middle < DOOR_X[1], f"in the doorway, not at x {middle:.0f}"
    assert SILL[0] * FULL[1] <= rows[-1] <= SILL[1] * FULL[1], f"its paws at y {rows[-1]}"
    box = (slice(columns[0], columns[-1] + 1), slice(rows[0], rows[-1] + 1))
    around = seen[box].sum(axis=2)[~turned[box]]
    assert np.median(around) > LIT_DOORWAY, f"round it {np.median(around):.0f}: not the lit room"


GREY_LOT = layer("sky", top="#606468", bottom="#606468", stars=0, sun=False, clouds=0)
SHADOW_DARK = 15  # summed levels: its shadow darkens the lot by at least this, beside its paws
SHADOWED = (0.02, 0.08)  # ... on the lot this far below its paws (of its height), clear of it
SPREAD = 0.2  # ... and this far either side of them (of its height)


def test_in_the_glass_light_it_casts_a_shadow_on_the_lot() -> None:
    """Every coyote of the diner's scene lays the same shadow on the lot from its paws, away
    from the glass (none, it seemed to float): beside its paws, the lot is darker."""
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == SCENE)
    shadows = {(spec.params["contact"], spec.params["contact_reach"]) for spec in scene.layers
               if spec.type == "figures" and spec.params.get("body") == "coyote"}
    assert len(shadows) == 1 and min(shadows)[1] > 0, f"its shadows {shadows}"
    dark, reach = shadows.pop()
    one = layer("figures", body="coyote", pose="idle", speed=0, scale=0.5, color="#050506",
                contact=dark, contact_reach=reach) + "path = [[0.5, 0.9]]\n"
    frame = pygame.surfarray.array3d(draw(one_scene(GREY_LOT + one + NO_POST), "12:00:00",
                                          size=BIG)).astype(int).sum(axis=2)
    feet, tall = (round(0.5 * BIG[0]), round(0.9 * BIG[1])), 0.5 * BIG[1]
    lot = frame[5, feet[1]]
    side = (round(feet[0] - SPREAD * tall), round(feet[0] + SPREAD * tall))  # (towards us)
    under = frame[side[0]:side[1], feet[1] + round(SHADOWED[0] * tall):
                  feet[1] + round(SHADOWED[1] * tall)]  # on the lot, below its paws
    assert under.min() <= lot - SHADOW_DARK, f"the lot {lot}, its shadow {under.min()}"
