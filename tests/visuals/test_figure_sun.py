"""A rim light from the sun's side (rim_from "sun"): it comes round from a figure's left to
their right as the sun crosses the sky behind them, both edges lit while it is right behind;
and every look they take in the light is drawn ahead, so no frame waits for a drawing."""

from __future__ import annotations

import argparse
from itertools import groupby
from pathlib import Path

from installation.commands.common import load_inputs
from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figure_sun import SIDES, side_at
from installation.visuals.figures import Figures
from installation.visuals.palette import sun_position
from installation.visuals.render import headless

ROOT = Path(__file__).resolve().parents[2]
SCENE = "Harry meets Julie"
STEP = 15.0  # story seconds between the moments looked at (about half a real second)


def test_the_rim_comes_round_as_the_sun_crosses_behind_someone() -> None:
    hours = [10 + n / 60 for n in range(6 * 60)]
    seen = [side for side, _ in groupby(side_at(hour, 0.5) for hour in hours)]
    assert seen == list(SIDES), "from the left, from behind (left, then right), from the right"
    noon = next(hour for hour in hours if side_at(hour, 0.5) == SIDES[2])
    position = sun_position(noon)
    assert position is not None and abs(position[0] - 0.5) < 0.01, "behind them, as it passes"


def test_every_look_harry_and_julie_take_in_the_sun_is_drawn_ahead() -> None:
    headless()
    inputs = load_inputs(argparse.Namespace(config=ROOT / "config.toml", timeline=None))
    line, pace = inputs.timeline, inputs.clock
    compositor = Compositor(line, (1920, 1080), print, pace)
    scene = next(one for one in line.scenes if one.name == SCENE)
    layers = [Figures(spec.params, compositor.setup(scene, i, "figures"))
              for i, spec in enumerate(scene.layers) if spec.type == "figures"]
    assert all(one.params["rim_from"] == "sun" for one in layers)
    start = state_at(line, scene.at, pace)
    for one in layers:
        for _ in one.warm(Frame(start.story_time, start.scene_seconds, start)):
            pass
    drawn = [len(list(one.sprites.drawn())) for one in layers]
    sides = set()
    at = scene.at
    while at < parse_clock("17:00"):
        state = state_at(line, at, pace)
        frame = Frame(state.story_time, state.scene_seconds, state)
        for one in layers:
            for member in one.members(frame):
                if one.sprites.wanted(member.pose, member.phase, member.left, member.look,
                                      member.turn, member.feet, member.share, one.area):
                    one.sprites.get(member.pose, member.phase, member.left, member.look,
                                    member.turn)  # (as drawn: none out of the picture)
                sides.add((member.look.rim_left, member.look.rim_both))
        at += STEP
    assert [len(list(one.sprites.drawn())) for one in layers] == drawn, "none drawn late"
    assert sides == set(SIDES), "lit from every side over the afternoon"
