"""The panic's runners along the aisle run flat out: a runner's stride at their size (a cycle in
about two thirds of a second), and they glide on frame after frame, never stepping on in
jumps and standing between them."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless
from installation.visuals.strides import STRIDE

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
AT = "04:23:02"  # the rush out of the diner, the window just gone
FPS = 60
FRAMES = 90
CYCLE = (0.58, 0.72)  # seconds a running cycle (two steps) takes, flat out
EVEN = 1.5  # pixels: the most a frame's step may differ from the even glide's (rounding)


def aisle(line: Timeline) -> list[Figures]:
    """The runners along the aisle behind the stools (the big ones)."""
    headless()
    compositor = Compositor(line, (1920, 1080), print)
    scene = state_at(line, parse_clock(AT)).scene
    return [one for one in (Figures(spec.params, compositor.setup(scene, i, "figures"))
                            for i, spec in enumerate(scene.layers) if spec.type == "figures")
            if one.params["pose"] == "run" and one.params["scale"] > 0.2]


def frames(line: Timeline) -> Iterator[Frame]:
    """FRAMES frames of the show at FPS from AT (story time stepped at the scene's pace)."""
    start = parse_clock(AT)
    rate = state_at(line, start + 60).scene_seconds - state_at(line, start).scene_seconds
    for n in range(FRAMES):
        state = state_at(line, start + n / FPS * 60 / rate)
        yield Frame(state.story_time, state.scene_seconds, state)


def test_an_aisle_runner_takes_a_runners_stride() -> None:
    layers = aisle(load_timeline(SHIPPED))
    assert len(layers) >= 2  # the rush in two coats, and the last ones out after it
    for one in layers:
        cycle = STRIDE["run"] * one.height / (one.params["speed"] * one.width)
        assert CYCLE[0] <= cycle <= CYCLE[1], f"a cycle of {cycle:.2f} s"


@pytest.mark.parametrize("which", [0, 1])
def test_an_aisle_runner_glides_on_every_frame(which: int) -> None:
    """Frame after frame each runner moves on by as much as the last (its speed's share of a
    frame), in the next pose of its stride: no frame standing, none jumping on two."""
    line = load_timeline(SHIPPED)
    one = aisle(line)[which]
    glide = one.params["speed"] * one.width / FPS
    tracks: dict[int, list[tuple[float, float, float]]] = {}
    for frame in frames(line):
        for i, member in enumerate(one.members(frame)):
            tracks.setdefault(i, []).append((*member.feet, member.phase))
    seen = 0
    for track in tracks.values():
        for (x0, y0, p0), (x1, y1, p1) in zip(track, track[1:], strict=False):
            if not 0 <= x0 < x1 <= one.width:  # out of sight (waiting to set off, or gone)
                continue
            seen += 1
            moved = math.hypot(round(x1) - round(x0), round(y1) - round(y0))  # (into the door)
            assert abs(moved - glide) <= EVEN, (
                f"moved {moved:.1f} px in a frame, not {glide:.1f}")
            assert p1 != p0, "a new pose every frame"
    assert seen >= FRAMES // 2, "a runner in sight for most of the frames"
