"""Across Wilshire at first light: the people running down the left pavement towards us each
read alone, never two merged into one four-legged shape with a bag for a head."""

from __future__ import annotations

from itertools import combinations

from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

from .helpers import shipped_program

SIZE = (1920, 1080)
DAWN, END = "Across Wilshire at first light", "05:12"
OFF_LEFT, ON_PAVEMENT = 0.0, 0.7  # their paths end off the picture's left edge, below this
STROLL = 0.1  # running down it (slower than this), not racing across the road onto it
STEP = 0.5  # real seconds between the moments looked at, through the whole scene
SEEN = 60  # pixels tall: from this size two bodies merged read as one shape
ACROSS, DEEP = 0.35, 0.2  # of the taller one's height: within this across and this in depth,
#                           their legs and heads run into each other


def _pavement() -> tuple[list[Figures], list[Frame]]:
    """The left pavement's runners, and the scene's frames STEP real seconds apart."""
    program = shipped_program()
    headless()
    line, clock = program.timeline, program.clock
    compositor = Compositor(line, SIZE, print, clock)
    scene = next(one for one in line.scenes if one.name == DAWN)
    runners = [Figures(spec.params, compositor.setup(scene, i, "figures"))
               for i, spec in enumerate(scene.layers) if spec.type == "figures"
               and spec.params["path"][-1][0] < OFF_LEFT
               and spec.params["path"][-1][1] > ON_PAVEMENT
               and 0 < spec.params["speed"] < STROLL]
    frames = []
    for n in range(int(clock.real_between(scene.at, parse_clock(END)) / STEP)):
        state = state_at(line, story_after(clock, scene.at, n * STEP), clock)
        frames.append(Frame(state.story_time, state.scene_seconds, state))
    return runners, frames


def test_runners_down_the_left_pavement_never_run_into_one_shape() -> None:
    runners, frames = _pavement()
    assert len(runners) >= 4, "several run down the left pavement"
    for frame in frames:
        seen = [m for layer in runners for m in layer.members(frame)
                if m.look.height * m.share >= SEEN and 0 <= m.feet[0] <= SIZE[0]]
        for one, other in combinations(seen, 2):
            tall = max(one.look.height * one.share, other.look.height * other.share)
            merged = abs(one.feet[0] - other.feet[0]) < ACROSS * tall and \
                abs(one.feet[1] - other.feet[1]) < DEEP * tall
            assert not merged, f"one shape at {frame.story_time}: {one.feet}, {other.feet}"
