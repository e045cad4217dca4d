"""Across Wilshire at first light, the runners on the right pavement and the near lanes each
read alone: those running off at the right keep lanes of their own in depth, so no two of
them, at one depth, lie over each other as one many-headed knot (at 05:08:54 three did)."""

from __future__ import annotations

import argparse
from pathlib import Path

from installation.commands.common import load_inputs
from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

ROOT = Path(__file__).resolve().parents[2]
PICTURE = (1920, 1080)
ACROSS = "05:05"
SEEN_AT = "05:08:44"  # the curator's knot came at 05:08:54: 20 real seconds round it
FRAMES = 20  # a real second apart
RIGHT = 0.6  # of the width: the right pavement and the near lanes running off it
WIDE = 0.2  # a body's half width, of its height
SAME_DEPTH = 0.3  # feet this near (of the taller's height) stand at one depth
KNOT = 0.25  # two bodies at one depth covering this share of the smaller are one shape

Body = tuple[int, float, float, float]  # layer, feet x, feet y, height (pixels)


def _people() -> list[list[Body]]:
    """Everyone of the scene's figures layers right of RIGHT, a real second apart."""
    headless()
    program = load_inputs(argparse.Namespace(config=ROOT / "config.toml",
                                              timeline=ROOT / "timelines" / "miracle-mile.toml"))
    line, pace = program.timeline, program.clock
    scene = next(one for one in line.scenes if one.at == parse_clock(ACROSS))
    compositor = Compositor(line, PICTURE, print, pace)
    layers = [(n, Figures(spec.params, compositor.setup(scene, n, "figures")))
              for n, spec in enumerate(scene.layers) if spec.type == "figures"]
    moments = []
    for second in range(FRAMES):
        state = state_at(line, story_after(pace, parse_clock(SEEN_AT), float(second)), pace)
        frame = Frame(state.story_time, state.scene_seconds, state)
        moments.append([(n, m.feet[0], m.feet[1], m.look.height * m.share)
                        for n, layer in layers for m in layer.members(frame)
                        if m.feet[0] > RIGHT * PICTURE[0]])
    return moments


def _knotted(a: Body, b: Body) -> bool:
    """Do two people of different layers stand at one depth, one body over the other?"""
    (la, xa, ya, ha), (lb, xb, yb, hb) = a, b
    if la == lb or abs(ya - yb) >= SAME_DEPTH * max(ha, hb):
        return False
    across = min(xa + WIDE * ha, xb + WIDE * hb) - max(xa - WIDE * ha, xb - WIDE * hb)
    down = min(ya, yb) - max(ya - ha, yb - hb)
    smaller = 2 * WIDE * min(ha, hb) ** 2
    return across > 0 and down > 0 and across * down / smaller > KNOT


def test_runners_off_the_right_each_read_alone() -> None:
    moments = _people()
    assert sum(len(people) >= 3 for people in moments) >= FRAMES // 4, "a crowd on the right"
    for second, people in enumerate(moments):
        knots = [(a, b) for i, a in enumerate(people) for b in people[i + 1:] if _knotted(a, b)]
        assert not knots, f"{second} real s after {SEEN_AT}: one shape of two runners {knots}"
