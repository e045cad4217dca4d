"""Nobody in the shipped day vanishes where they can be seen and turns up somewhere else: a
looping walker or runner turns back, or leaves the picture before starting again."""

from __future__ import annotations

from pathlib import Path

import pytest

from installation.core.timeline import load_timeline, state_at
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (480, 270)
STEP = 0.2  # seconds between looks
LEAP = 3  # a move this many times what they cover in STEP, or more, is a jump
LAPS = 2  # of the loop, looked at
IN_SIGHT = 0.4  # of their height past the picture's edge: some of them still shows
SPECK = 0.01  # of the picture's height: someone this small far down a street is lost to sight


def looping() -> list[tuple[str, int]]:
    """Every moving, looping figures layer of the shipped day: its scene and its index."""
    line = load_timeline(SHIPPED)
    return [(scene.name, i) for scene in line.scenes for i, spec in enumerate(scene.layers)
            if spec.type == "figures" and spec.params["loop"] and spec.params["speed"] > 0]


@pytest.mark.parametrize(("scene_name", "index"), looping())
def test_nobody_vanishes_in_sight_and_turns_up_elsewhere(scene_name: str, index: int) -> None:
    """Between two looks STEP apart, each member in sight (one of each look) moves about as far
    as they go in that time, unless they were out of the picture (round a corner, off the
    edge: coming back in is how a stream goes on) or a speck far off down a street."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == scene_name)
    spec = scene.layers[index]
    people = Figures(spec.params, Compositor(line, SIZE, print).setup(scene, index, "figures"))
    # (on a path seen in perspective `speed` is their pace where it begins: nearer, larger,
    # they cover more of the picture, up to 1 / first as much where they are largest)
    most = LEAP * spec.params["speed"] * SIZE[0] * STEP / people.depth.first
    lap = (people.path.total + spec.params["spacing"] * SIZE[0] * spec.params["count"]) / (
        spec.params["speed"] * SIZE[0])
    start = scene.at + (spec.params["from"] - scene.at if spec.params["from"] else 0.0)
    margin = IN_SIGHT * people.height
    last: dict[object, float] = {}
    for n in range(int(LAPS * lap / STEP) + 2):
        state = state_at(line, start + n * STEP)
        frame = Frame(state.story_time, state.scene_seconds, state)
        now: dict[object, list[float]] = {}
        specks = set()
        for member in people.members(frame):
            now.setdefault(member.look, []).append(member.feet[0])
            if people.height * member.share < SPECK * SIZE[1]:
                specks.add(member.look)
        for look, xs in now.items():
            if len(xs) == 1 and look in last and -margin < last[look] < SIZE[0] + margin:
                assert abs(xs[0] - last[look]) <= most + 1, (
                    f"{scene_name}: gone from x={last[look]:.0f} and back at {xs[0]:.0f}")
        last = {look: xs[0] for look, xs in now.items() if len(xs) == 1 and look not in specks}
