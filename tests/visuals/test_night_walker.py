"""Johnnie's at night: the walker crossing the lot in front of Harry is as tall as his depth
says, a little taller than Harry at the glass (a row nearer), never a giant over the parked
car (at 03:51 he stood twice Harry's height and near four times the car's, his feet barely
lower)."""

from __future__ import annotations

from pathlib import Path

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
AT = "03:51"
NEARER = 1.0  # he is at least Harry's height: his feet are lower in the picture, nearer
GIANT = 1.5  # ... and at most this many of Harry's heights


def _tall(layer: Figures, frame: Frame) -> tuple[float, float]:
    """The one member's height (pixels) and feet's row at `frame`."""
    (member,) = layer.members(frame)
    return member.look.height * member.share, member.feet[1]


def test_the_night_walker_is_as_tall_as_his_depth_says() -> None:
    headless()
    line = load_timeline(SHIPPED)
    state = state_at(line, parse_clock(AT))
    scene = state.scene
    compositor = Compositor(line, (1920, 1080), print)
    frame = Frame(state.story_time, state.scene_seconds, state)
    first = {}  # each body's first figures layer: Harry walking up to the glass, the walker
    for n, spec in enumerate(scene.layers):
        if spec.type == "figures" and spec.params["body"] not in first:
            first[spec.params["body"]] = Figures(spec.params, compositor.setup(scene, n, "figures"))
    harry, harry_feet = _tall(first["harry"], frame)
    walker, walker_feet = _tall(first["man"], frame)
    assert walker_feet > harry_feet, "the walker is nearer than Harry"
    assert NEARER * harry <= walker <= GIANT * harry, (
        f"the walker is {walker / harry:.2f} of Harry's height")
