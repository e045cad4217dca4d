"""Harry meets Julie: their hands meet and pump, then part; nobody jumps between the layers
that take them from his walk in to their walk off."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline, state_at
from installation.core.timeline.model import Timeline
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

from .helpers import NO_POST, draw, layer, one_scene
from .test_crowd_places import paced

BIG = (640, 360)
FPS = 60
BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
PAIR = layer("figures", pose="handshake", body="couple", speed=0, count=2, spacing=0,
             scale=0.4, color="#ffffff") + "path = [[0.5, 0.9]]\n"
# In the 6-second handshake: standing, the hands joined (twice through the pumps, once held),
# and standing again after it; and a pump's top and bottom.
APART, JOINED, DONE = ("12:00:00",), ("12:00:01.45", "12:00:02.5", "12:00:04.5"), ("12:00:07",)
PUMP_TOP, PUMP_BOTTOM = "12:00:01.45", "12:00:01.8"
SHIPPED = Path(__file__).parents[2] / "timelines" / "miracle-mile.toml"
STILL = 1.5  # pixels, at 1920x1080: what a standing person may move between two layers
TURNING = ("14:40:35", "14:40:45", "14:41:35", "14:41:40")  # Julie reaches to the calf
#   (surely till the second), then straightens up to meet Harry (surely stands after the third)
FRAME = 0.444  # story seconds a frame lasts at the default pace (60 a real second)
LOWERING = 0.5  # real seconds, at least, her arm takes to come down to her side
STEEPEST = 2.0  # an easing's steepest step is at most this many times its mean
BOX_ROUNDING = 1.0  # pixels a step may gain from the hand's reach measured to whole pixels
ARM_DOWN = 10  # pixels, at least, her hand comes in towards her from the reach (a seventh of
#   her height)
SEEDS = range(6)  # seeds her layers are tried with


def lit(frame: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array3d(frame).max(axis=2) > 60


def pieces(mask: np.ndarray) -> int:
    """How many separate lit shapes there are (of more than a few pixels)."""
    found = pygame.mask.Mask(mask.shape)
    for x, y in zip(*np.nonzero(mask), strict=True):
        found.set_at((int(x), int(y)))
    return sum(1 for one in found.connected_components() if one.count() > 20)


def hands(mask: np.ndarray) -> np.ndarray:
    """The lit rows in the column halfway between the two people's feet: where their hands
    meet (none while their arms hang at their sides)."""
    lowest = int(np.nonzero(mask.any(axis=0))[0].max())
    feet = np.nonzero(mask[:, lowest - 2])[0]
    return np.nonzero(mask[(feet.min() + feet.max()) // 2])[0]


def test_the_hands_meet_only_while_they_shake() -> None:
    line = one_scene(BLACK_SKY + PAIR + NO_POST)
    for at in APART + DONE:
        mask = lit(draw(line, at, size=BIG))
        assert pieces(mask) == 2 and not hands(mask).size, f"{at}: two people, hands apart"
    for at in JOINED:
        mask = lit(draw(line, at, size=BIG))
        assert pieces(mask) == 1 and hands(mask).size, f"{at}: the hands joined"


def test_the_joined_hands_pump_up_and_down() -> None:
    line = one_scene(BLACK_SKY + PAIR + NO_POST)
    top = np.mean(hands(lit(draw(line, PUMP_TOP, size=BIG))))
    bottom = np.mean(hands(lit(draw(line, PUMP_BOTTOM, size=BIG))))
    assert bottom - top >= 3, "the hands go up, then down, together"


def feet_at(line: Timeline, at: str, index: int) -> list[tuple[float, bool]]:
    """Where the people of the shipped day's layer `index` stand at story time `at` (x in
    pixels at 1920x1080), and whether they face left."""
    headless()
    state = state_at(line, parse_clock(at))
    scene = next(s for s in line.scenes if s.name == "Harry meets Julie")
    people = Figures(scene.layers[index].params,
                     Compositor(line, (1920, 1080), print).setup(scene, index, "figures"))
    members = people.members(Frame(state.story_time, state.scene_seconds, state))
    return [(m.feet[0], m.left) for m in members]


def test_harry_and_julie_stay_where_they_stand_from_one_layer_to_the_next() -> None:
    """Harry stops where he shakes her hand, she shakes it where she stood, and they set off
    from there: nobody pops along the shore when the next layer takes over."""
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == "Harry meets Julie")
    people = [i for i, one in enumerate(scene.layers)
              if one.type == "figures" and one.params["body"] != "person"]  # (not the strollers)
    reach, walk_in, turn, shake, *talk, off_her, off_him = people
    pair = feet_at(line, "14:42:31", shake)
    assert pair[0][1] is False and pair[1][1] is True, "face to face: he faces right, she left"
    for index in talk:  # as they talk, each in layers of their own, turning: on the same spot
        params = scene.layers[index].params
        at = params["from"] + 30
        clock = f"{int(at // 3600):02d}:{int(at % 3600 // 60):02d}:{int(at % 60):02d}"
        stands = pair[0 if params["body"] == "harry" else 1][0]
        assert abs(feet_at(line, clock, index)[0][0] - stands) < STILL, (clock, index)
    before = {"14:41:39": (walk_in, turn), "16:20:00": (off_him, off_her)}
    for at, (him, her) in before.items():  # (where they shook hands: where they talked)
        assert abs(feet_at(line, at, him)[0][0] - pair[0][0]) < STILL, f"{at}: Harry stays"
        assert abs(feet_at(line, at, her)[0][0] - pair[1][0]) < STILL, f"{at}: Julie stays"
    assert abs(feet_at(line, "14:40:50", reach)[0][0] - pair[1][0]) < STILL, "she stood there"


def julie_reaching(line: Timeline, seed: int | None = None) -> list[tuple[float, float]]:
    """How far Julie's figure reaches out in front of her feet (pixels at 1920x1080: her hand
    held out to the calf, or at her side) at each frame of TURNING at the shipped day's default
    pace, with the story time then; her layers seeded by `seed` if given (else as the show
    seeds them)."""
    headless()
    scene = next(s for s in line.scenes if s.name == "Harry meets Julie")
    compositor = Compositor(line, (1920, 1080), print)
    julie = []
    for index, one in enumerate(scene.layers):
        if one.type == "figures" and one.params["body"] == "julie" and one.params["speed"] == 0:
            setup = compositor.setup(scene, index, "figures")
            julie.append(Figures(one.params, setup if seed is None else replace(setup,
                                                                                 seed=seed)))
    start, end = parse_clock(TURNING[0]), parse_clock(TURNING[-1])
    seen = []
    for at in np.arange(start, end, FRAME):
        state = state_at(line, float(at), paced(line))
        frame = Frame(state.story_time, state.scene_seconds, state)
        shown = [(people, m) for people in julie for m in people.members(frame)]
        if shown:
            people, member = shown[0]
            sprite, feet = people.sprites.get(member.pose, member.phase, member.left,
                                              member.look, member.turn)
            box = sprite.get_bounding_rect()
            ahead = feet[0] - box.left if member.left else box.right - feet[0]
            seen.append((ahead, float(at)))
    return seen


def lowering(seen: list[tuple[float, float]]) -> tuple[float, float]:
    """How far her hand comes in as she lowers her arm (pixels), and the most it moves in any
    one frame of `seen` (see julie_reaching)."""
    reaching, standing = (parse_clock(t) for t in TURNING[1:3])
    held = min(ahead for ahead, at in seen if at < reaching)  # (the hand coaxes in and out)
    hanging = max(ahead for ahead, at in seen if at >= standing)  # (the arms sway a little)
    return held - hanging, max(abs(b[0] - a[0]) for a, b in pairwise(seen))


def test_julie_lowers_her_arm_over_half_a_second_as_she_turns_to_harry() -> None:
    """Her hand held out to the calf comes down to her side smoothly (never in one step):
    from the last moment it is held out to the first it hangs, half a real second or more."""
    drop, steepest = lowering(julie_reaching(load_timeline(SHIPPED)))
    assert drop >= ARM_DOWN, "the arm comes down"
    assert steepest <= STEEPEST * drop / (LOWERING * FPS) + BOX_ROUNDING, (steepest, drop)


def test_julie_lowers_her_arm_smoothly_whatever_her_seed() -> None:
    """However her coaxing falls (its timing is her layer's random choice), her hand is where
    straightening up begins as she stops, and comes down without a step."""
    line = load_timeline(SHIPPED)
    for seed in SEEDS:
        drop, steepest = lowering(julie_reaching(line, seed))
        assert steepest <= STEEPEST * drop / (LOWERING * FPS) + BOX_ROUNDING, (seed, steepest,
                                                                               drop)


def test_at_14_42_30_their_hands_are_joined() -> None:
    """At 14:42:30 (where the curators look for it) Harry and Julie are shaking hands, one
    dark shape joined at the hands, not two figures standing with their arms at their sides
    (the handshake began then: its hands met half a real second later)."""
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == "Harry meets Julie")
    index = next(i for i, one in enumerate(scene.layers) if one.params.get("pose") == "handshake")
    headless()
    people = Figures(scene.layers[index].params,
                     Compositor(line, (1920, 1080), print).setup(scene, index, "figures"))
    for at in ("14:42:30", "14:42:45"):
        state = state_at(line, parse_clock(at), paced(line))
        picture = pygame.Surface((1920, 1080), pygame.SRCALPHA)
        people.draw(picture, Frame(state.story_time, state.scene_seconds, state))
        shape = pygame.surfarray.pixels_alpha(picture) > 0
        assert pieces(shape) == 1 and hands(shape).size, f"{at}: their hands joined"
