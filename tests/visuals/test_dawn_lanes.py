"""Across Wilshire at first light, the runners on the right pavement and the near lanes each
read alone: those running off at the right keep lanes of their own in depth, so no two of
them, at one depth, lie over each other as one many-headed knot (at 05:08:54 three did); and
now and then someone runs across the zebra crossing near the visitor."""

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
ZEBRA = (0.8, 0.92)  # rows of the picture the zebra crossing's stripes lie across
NEAR = 0.17  # of the picture's height: someone this tall or more runs near the visitor
WHOLE = 140  # real seconds: the scene

Body = tuple[int, float, float, float]  # layer, feet x, feet y, height (pixels)


def _people(start: str = SEEN_AT, frames: int = FRAMES, right: float = RIGHT
            ) -> list[list[Body]]:
    """Everyone of the scene's figures layers right of `right` (of the width), a real second
    apart from `start`."""
    headless()
    program = load_inputs(argparse.Namespace(config=ROOT / "config.toml",
                                              timeline=ROOT / "timelines" / "miracle-mile.toml"))
    line, pace = program.timeline, program.clock
    scene = next(one for one in line.scenes if one.at == parse_clock(ACROSS))
    compositor = Compositor(line, PICTURE, print, pace)
    layers = [(n, Figures(spec.params, compositor.setup(scene, n, "figures")))
              for n, spec in enumerate(scene.layers) if spec.type == "figures"]
    moments = []
    for second in range(frames):
        state = state_at(line, story_after(pace, parse_clock(start), float(second)), pace)
        frame = Frame(state.story_time, state.scene_seconds, state)
        moments.append([(n, m.feet[0], m.feet[1], m.look.height * m.share)
                        for n, layer in layers for m in layer.members(frame)
                        if m.feet[0] > right * PICTURE[0]])
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
        people = [one for one in people if one[1] - WIDE * one[3] < PICTURE[0]]  # (shown)
        knots = [(a, b) for i, a in enumerate(people) for b in people[i + 1:] if _knotted(a, b)]
        assert not knots, f"{second} real s after {SEEN_AT}: one shape of two runners {knots}"


def test_someone_runs_across_the_zebra_near_the_visitor() -> None:
    """Once or twice in the scene someone runs across the zebra crossing in front of the
    visitor, tall (the foreground stood empty, all the runners far off)."""
    near = [body for people in _people(ACROSS, WHOLE, 0.0) for body in people
            if ZEBRA[0] * PICTURE[1] < body[2] < ZEBRA[1] * PICTURE[1]
            and body[3] >= NEAR * PICTURE[1] and 0 < body[1] < PICTURE[0]]
    assert len({layer for layer, *_ in near}) >= 2, "runners near, over the zebra"
