"""People seen close: a runner's arms pump with bent elbows, limbs taper to hands, and the
runners fleeing the diner never merge into one body with two heads."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures, Member
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.skeleton import HEAD, WIDTHS, Body, Point
from installation.visuals.wardrobe import CROWD, dressed

from .helpers import NO_POST, draw, layer, one_scene

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
PANIC = "Panic in the diner"
ELBOW_BEND = math.radians(45)  # the least a running arm is bent at its elbow
STEPS = 32  # phases of a cycle looked at
SIGHT_RUN, SIGHT_STAND = 0.5, 0.25  # half a sprite's width, in heights, running or standing
BLACK = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
WIDE = (640, 360)
HEAD_BAND = 0.12  # the top of a figure, in its heights: the head
LIT = 150  # a warm rim's red (the bodies' is dark)
WARM = 60  # and its red above its blue by this much (an old head's grey hair is paler, greyer)


def hex_of(color: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*color)


def bearing(a: Point, b: Point) -> float:
    return math.atan2(b[0] - a[0], b[1] - a[1])


def bend(body: Body, side: int) -> float:
    """How far the forearm turns from the line of the upper arm, in radians."""
    joints = body.joints
    upper = bearing(joints["shoulder"], joints[f"elbow{side}"])
    fore = bearing(joints[f"elbow{side}"], joints[f"wrist{side}"])
    return abs(math.remainder(fore - upper, 2 * math.pi))


def test_a_runner_pumps_both_arms_bent_at_the_elbow_all_through_the_stride() -> None:
    for step in range(STEPS):
        body = pose("run", step / STEPS)
        for side in (0, 1):
            assert bend(body, side) >= ELBOW_BEND, f"phase {step}/{STEPS}, arm {side}"


def test_a_running_forearm_is_never_held_out_level_for_long() -> None:
    level = 0
    for step in range(STEPS):
        joints = pose("run", step / STEPS).joints
        elbow, wrist = joints["elbow0"], joints["wrist0"]
        if abs(wrist[1] - elbow[1]) < 0.2 * math.dist(elbow, wrist):  # within ~12 degrees
            level += 1
    assert level <= STEPS // 8, "a level, straight-out forearm is a log, not a pumping arm"


def test_limbs_taper_and_end_in_hands_no_broader_than_the_wrist() -> None:
    assert WIDTHS["thigh"] > WIDTHS["knee"] >= WIDTHS["shin"] > WIDTHS["ankle"]
    assert WIDTHS["upper"] > WIDTHS["elbow"] and WIDTHS["fore"] > WIDTHS["wrist"]
    assert WIDTHS["upper"] > WIDTHS["fore"] and WIDTHS["thigh"] > WIDTHS["shin"]
    limbs, _ = dressed(pose("run", 0.3), CROWD[0])
    hands = [c for c in limbs if c.limb == "hand"]
    assert len(hands) == 6, "a palm, fingers and a thumb on each arm"
    # (a hand broader than the wrist read as a club at a runner's size: see test_runner_hands)
    assert max(max(c.width, c.end_width) for c in hands) <= WIDTHS["wrist"] * CROWD[0].build
    assert min(c.end_width for c in hands) < min(c.width for c in hands)  # the fingers taper


def test_the_near_arm_is_drawn_over_the_clothes() -> None:
    limbs, _ = dressed(pose("run", 0.3), CROWD[0])
    front = [c for c in limbs if c.in_front]
    assert front and all(not c.far and c.limb in ("arm", "hand") for c in front)


def panic_runners(inside: bool = True) -> tuple[Figures, list[Frame]]:
    """The shipped panic's runners inside (or outside, through the glass), and one frame a
    tenth of a second apart over two whole laps of their loop."""
    headless()
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, (1920, 1080), print)
    scene = state_at(line, parse_clock("04:26")).scene
    assert scene.name == PANIC
    index = next(i for i, spec in enumerate(scene.layers)  # (of several: heads apart)
                 if spec.type == "figures" and spec.params["pose"] == "run"
                 and spec.params["count"] > 1 and (spec.params["scale"] > 0.2) == inside)
    layer = Figures(scene.layers[index].params, compositor.setup(scene, index, "figures"))
    start = layer.params["from"] + 1.0  # a second after they set off
    lap = (layer.path.total + layer.params["spacing"] * layer.width * layer.params["count"]) / (
        layer.params["speed"] * layer.width)
    frames = []
    for n in range(int(2 * lap * 10)):
        state = state_at(line, start + n / 10)
        frames.append(Frame(state.story_time, state.scene_seconds, state))
    return layer, frames


def in_sight(member: Member, width: int) -> bool:
    """Whether any of a member's sprite is in the picture (a runner's stride is wide)."""
    reach = member.look.height * (SIGHT_RUN if member.pose == "run" else SIGHT_STAND)
    return -reach < member.feet[0] < width + reach


def head_at(feet: Point, name: str, phase: float, height: int) -> Point:
    head = pose(name, phase).head
    return feet[0] + head[0] * height, feet[1] - head[1] * height


@pytest.mark.parametrize("inside", [True, False])
def test_two_runners_heads_are_always_at_least_a_head_apart(inside: bool) -> None:
    """Inside along the aisle, and outside where they come out of the door (the first point of
    their path, in sight): never two heads on one body."""
    layer, frames = panic_runners(inside)
    seen = 0
    for frame in frames:
        members = [m for m in layer.members(frame) if in_sight(m, layer.width)]
        heads = [head_at(m.feet, m.pose, m.phase, m.look.height) for m in members]
        seen += len(heads) > 1
        for i, a in enumerate(heads):
            for b in heads[i + 1:]:
                assert math.dist(a, b) >= 2 * HEAD * layer.height, (
                    f"two heads on one body at {frame.story_time}")
    assert seen > len(frames) // 4, "runners are seen together, one after another"


def test_nobody_waits_in_sight_at_either_end_of_the_runners_path() -> None:
    layer, frames = panic_runners()
    for frame in frames:
        for member in layer.members(frame):
            assert member.pose == "run" or not 0 <= member.feet[0] <= 1920, (
                f"someone stands waiting in sight at {frame.story_time}")


def test_in_the_panic_the_lamps_light_is_on_the_faces_of_those_standing_still() -> None:
    """At the counter, and up off the stools arguing, each catches the light on the side they
    face: its edge traces a brow, a nose and a chin, not the back of a head (a dark profile
    against a dark room reads as nobody)."""
    line = load_timeline(SHIPPED)
    scene = state_at(line, parse_clock("04:21")).scene
    still = [spec.params for spec in scene.layers
             if spec.type == "figures" and spec.params["speed"] == 0 and spec.params["rim"]]
    assert len(still) >= 5
    for p in still:
        facing = p["facing"]
        if facing == "path":
            ahead = [b[0] - a[0] for a, b in zip(p["path"], p["path"][1:], strict=False)]
            facing = "left" if ahead and ahead[0] < 0 else "right"
        one = layer("figures", pose=p["pose"], body=p["body"], speed=0, scale=0.8,
                    facing=facing, color=hex_of(p["color"]), rim=hex_of(p["rim"]),
                    rim_from=p["rim_from"]) + "path = [[0.5, 0.95]]\n"
        frame = pygame.surfarray.array3d(draw(one_scene(BLACK + one + NO_POST), "12:00:02",
                                              size=WIDE)).astype(int)
        body = frame.max(axis=2) > 0
        rows = np.nonzero(body.any(axis=0))[0]
        head = slice(rows.min(), rows.min() + int(HEAD_BAND * (rows.max() - rows.min())))
        rim = (frame[:, head, 0] > LIT) & (frame[:, head, 0] - frame[:, head, 2] > WARM)
        lit = np.nonzero(rim)[0]
        shape = np.nonzero(body[:, head])[0]
        side = lit.mean() - shape.mean()
        assert (side < 0) == (facing == "left"), (p["pose"], p["body"], facing)
