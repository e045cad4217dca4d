"""Running in panic, the arms move as panic moves them: the diner's runners at 04:23 pump hard,
fling their arms, flail, clutch their head or reach ahead for the door, each their own, where
every runner once pumped the same even athlete's arms."""

from __future__ import annotations

import math
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from installation.core.timeline import load_timeline
from installation.visuals.compositor import Compositor
from installation.visuals.figure_crowd import runs_on
from installation.visuals.figures import Figures
from installation.visuals.panic_arms import STYLES
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.skeleton import GAIT, HEAD, Body, Gait

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
STEPS = 16  # phases of a stride looked at
RAISED = 0.08  # a hand thrown or flailing goes at least this far (figure heights) over the
#                top of the shoulder at some moment of the stride (a jog's never reaches it)
ON_HEAD = 1.4  # a hand on the head stays within this many head radii of its centre
AHEAD = (0.1, 0.27)  # a hand reaching for the door is this far ahead of the shoulder,
#                      always, and thrust out this far ahead once a stride
CLAWED = 0.15  # ... and pulled back down this far below where it was thrust out
FIST_UP = 0.06  # pumping hard, the fist comes up this far over the shoulder (to the chin)
BEHIND = 0.15  # and the hand swings back this far behind it
RUNS = ("run", "run-glance", "run-stumble")


def _stride(arms: str, wild: float = 0.5) -> list[Body]:
    gait = replace(GAIT, arms=arms, wild=wild)
    return [pose("run", step / STEPS, gait=gait) for step in range(STEPS)]


def _near(body: Body) -> tuple[float, float]:
    """How far the near hand is ahead of the shoulder and above it (figure heights)."""
    shoulder, wrist = body.joints["shoulder"], body.joints["wrist0"]
    return wrist[0] - shoulder[0], wrist[1] - shoulder[1]


def test_an_athletes_even_pump_never_raises_a_hand_over_the_shoulder() -> None:
    assert max(_near(body)[1] for body in _stride("pump")) < RAISED


@pytest.mark.parametrize("arms", ["throw", "flail"])
def test_flung_and_flailing_arms_go_up_past_the_shoulder(arms: str) -> None:
    for wild in (0.0, 1.0):
        assert max(_near(body)[1] for body in _stride(arms, wild)) > RAISED, (arms, wild)


def test_pumping_hard_brings_the_fist_up_to_the_chin_and_the_hand_far_back() -> None:
    for wild in (0.0, 1.0):
        hands = [_near(body) for body in _stride("drive", wild)]
        assert max(up for _ahead, up in hands) > FIST_UP, (wild, hands)
        assert min(ahead for ahead, _up in hands) < -BEHIND, (wild, hands)


def test_a_hand_to_the_head_stays_on_the_head_all_stride() -> None:
    for body in _stride("head"):
        wrist = body.joints["wrist0"]
        apart = math.dist(wrist, body.head) / HEAD
        assert apart < ON_HEAD, apart


def test_one_reaching_for_the_door_claws_ahead_with_the_near_hand() -> None:
    """The near hand is ahead of the shoulder all stride, thrust far out and clawed back down
    (held out straight and still, it read as a zombie's reach, or as pointing)."""
    hands = [_near(body) for body in _stride("reach")]
    assert min(ahead for ahead, _up in hands) > AHEAD[0], hands
    assert max(ahead for ahead, _up in hands) > AHEAD[1], hands
    assert max(up for _ahead, up in hands) - min(up for _ahead, up in hands) > CLAWED, hands


PUMPING = 5  # runners of the rush who pump their arms, not in panic (see the test below)


@cache
def _panic() -> list[tuple[str, Gait]]:
    """The shipped panic's runners (of its layers in order, each member): pose and gait."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == "Panic in the diner")
    compositor = Compositor(line, (320, 180), print)
    runners = []
    layers = [spec.params for spec in scene.layers if spec.type == "figures"]
    for index, spec in enumerate(scene.layers):
        if spec.type != "figures" or spec.params["pose"] not in RUNS:
            continue
        if runs_on(layers, spec.params) is not None:  # (held at the door: the same runner)
            continue
        figures = Figures(spec.params, compositor.setup(scene, index, "figures"))
        for outfit in figures.outfits:
            assert outfit is not None
            if outfit.carry != "coat":  # (a coat held up over the head: held so)
                runners.append((spec.params["pose"], outfit.gait))
    return runners


def test_the_diners_runners_panic_each_their_own_way() -> None:
    """Every style is among the rush, and no runner moves their arms as the one before (of
    those in panic: the five who get up from among the seated, or run past their backs, pump,
    elbows in, so no flung hand meets a seated head: test_diner_argument)."""
    runners = [(pose, gait) for pose, gait in _panic() if gait.arms != "pump"]
    assert len(runners) >= len(_panic()) - PUMPING, [gait.arms for _pose, gait in _panic()]
    styles = [gait.arms for _pose, gait in runners]
    assert set(styles) == set(STYLES), styles
    assert all(a != b for a, b in zip(styles, styles[1:], strict=False)), styles
    assert len({round(gait.wild, 3) for _pose, gait in runners}) > len(runners) // 2
