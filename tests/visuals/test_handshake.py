"""Harry meets Julie: their hands meet and pump, then part; nobody jumps between the layers
that take them from his walk in to their walk off."""

from __future__ import annotations

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

BIG = (640, 360)
BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
PAIR = layer("figures", pose="handshake", body="couple", speed=0, count=2, spacing=0,
             scale=0.4, color="#ffffff") + "path = [[0.5, 0.9]]\n"
# In the 6-second handshake: standing, the hands joined (twice through the pumps, once held),
# and standing again after it; and a pump's top and bottom.
APART, JOINED, DONE = ("12:00:00",), ("12:00:01.45", "12:00:02.5", "12:00:04.5"), ("12:00:07",)
PUMP_TOP, PUMP_BOTTOM = "12:00:01.45", "12:00:01.8"
SHIPPED = Path(__file__).parents[2] / "timelines" / "miracle-mile.toml"
STILL = 1.5  # pixels, at 1920x1080: what a standing person may move between two layers


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
    people = [i for i, one in enumerate(scene.layers) if one.type == "figures"]
    reach, walk_in, turn, shake, off_her, off_him = people
    pair = feet_at(line, "14:42:31", shake)
    assert pair[0][1] is False and pair[1][1] is True, "face to face: he faces right, she left"
    before = {"14:42:29": (walk_in, turn), "16:20:00": (off_him, off_her)}
    for at, (him, her) in before.items():
        pair = feet_at(line, "14:42:31" if at < "16" else "16:19:59.9", shake)
        assert abs(feet_at(line, at, him)[0][0] - pair[0][0]) < STILL, f"{at}: Harry stays"
        assert abs(feet_at(line, at, her)[0][0] - pair[1][0]) < STILL, f"{at}: Julie stays"
    assert abs(feet_at(line, "14:41:29", reach)[0][0] - pair[1][0]) < STILL, "she stood there"
