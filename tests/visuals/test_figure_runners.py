"""The panic's runners along the aisle run hard: a runner's stride at their size (a cycle in
under a second), across the room in about three real seconds (never flashing past), and they
glide on frame after frame, never stepping on in jumps and standing between them."""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

from day_config import shipped_program

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeline.state import Pace
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figure_crowd import runs_on
from installation.visuals.figures import Figures
from installation.visuals.interior_room import DOOR
from installation.visuals.render import headless
from installation.visuals.strides import STRIDE

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
AT = "04:23:02"  # the rush out of the diner, the window just gone
FPS = 60
FRAMES = 90
UNEVEN = 0.4  # of their mean gap: the widest and the narrowest differ by more than this (the
# lanes now: 0.52, 0.61 and 1.27 at the three moments looked at; the relay they replaced, two
# files interleaved 195 and 246 px apart: 0.23, just under the 0.25 this was)
CYCLE = (0.78, 0.96)  # seconds a running cycle (two steps) takes, running hard (0.58-0.72, flat
#                       out, they crossed the room in two seconds and flashed past)
CROSSING = (2.4, 3.2)  # real seconds an aisle runner is on the floor, off the left to the door
FASTEST = 900  # pixels a real second: the most anyone in the rush moves on the screen (the
#               nearest, bolting from the counter, went 1107: they flashed past)
SET_OFF = 0.5  # story seconds after a layer's `from`: its first one coming in
TURNED = 0.79  # of the width: up out of the door's opening (from DOOR[0]), on the pavement
EVEN = 1.5  # pixels: the most a frame's step may differ from the even glide's (rounding)


def aisle(line: Timeline) -> list[Figures]:
    """The runners along the aisle behind the stools (the big ones)."""
    headless()
    compositor = Compositor(line, (1920, 1080), print)
    scene = state_at(line, parse_clock(AT)).scene
    return [one for one in (Figures(spec.params, compositor.setup(scene, i, "figures"))
                            for i, spec in enumerate(scene.layers) if spec.type == "figures")
            if one.params["pose"] == "run" and one.params["scale"] > 0.2]


def shipped_rush() -> tuple[Timeline, Pace, list[Figures]]:
    """The shipped day at its own pace, and every big runner of the rush (each way of running)."""
    program = shipped_program()
    line, clock = program.timeline, program.clock
    headless()
    compositor = Compositor(line, (1920, 1080), print, clock)
    scene = state_at(line, parse_clock(AT), clock).scene
    return line, clock, [Figures(spec.params, compositor.setup(scene, i, "figures"))
                         for i, spec in enumerate(scene.layers) if spec.type == "figures"
                         and spec.params["pose"].startswith("run")
                         and spec.params["scale"] > 0.2]


def frames(line: Timeline, at: float | None = None) -> Iterator[Frame]:
    """FRAMES frames of the show at FPS from `at` (AT if not given; story time stepped at the
    scene's pace)."""
    start = parse_clock(AT) if at is None else at
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


def test_the_rush_crosses_the_room_in_about_three_seconds() -> None:
    """Every runner of the rush in from the left is on the floor (from the picture's left edge
    to the door) for 2.4 to 3.2 real seconds, and nobody in it moves over FASTEST pixels a real
    second across the screen (at 1920 wide): a run a visitor can follow, not a flash (at
    ee6075ee 2.0 s, the nearest bolting from the counter 1107 px a second)."""
    line, clock, rush = shipped_rush()
    # (one held in the jam at the door runs on in a layer of their own: their time running,
    # not standing held, is their crossing)
    running: dict[tuple[int, int], float] = {}
    last: dict[tuple[int, int], tuple[float, float, float]] = {}
    first = _runs_on(rush)
    left = {(n, i) for n, one in enumerate(rush)
            for i in range(one.params["count"]) if one.path.points[0][0] < 0}
    story, end = parse_clock("04:22:58"), parse_clock("04:24:02")  # (not the straggler after)
    while story < end:
        state = state_at(line, story, clock)
        frame = Frame(state.story_time, state.scene_seconds, state)
        for n, one in enumerate(rush):
            for i, member in enumerate(one.members(frame)):
                (x, y), seconds, who = member.feet, state.scene_seconds, (first[n], i)
                if 0 <= x <= DOOR[0] * one.width:
                    running.setdefault(who, 0.0)
                    if who in last:
                        x0, y0, s0 = last[who]
                        speed = math.hypot(x - x0, y - y0) / (seconds - s0)
                        assert speed <= FASTEST, f"{one.params['from']}: {speed:.0f} px/s"
                        running[who] += seconds - s0 if speed > 0 else 0.0
                    last[who] = (x, y, seconds)
        story += 0.1
    crossings = [seconds for who, seconds in running.items() if who in left]
    assert len(crossings) >= 6, crossings
    assert all(CROSSING[0] <= c <= CROSSING[1] for c in crossings), crossings


def _runs_on(rush: list[Figures]) -> dict[int, int]:
    """Each layer of the rush, and the layer whose runners it is: its own, or the earlier
    one of its people that ran to where its path begins (held at the door)."""
    layers = [one.params for one in rush]
    first: dict[int, int] = {}
    for n, one in enumerate(rush):
        earlier = runs_on(layers, one.params)
        first[n] = n if earlier is None else first[next(
            m for m, params in enumerate(layers) if params is earlier)]
    return first


def test_an_aisle_runner_glides_on_every_frame() -> None:
    """Frame after frame each runner moves on by as much as the last (its speed's share of a
    frame, at its size where the ground is seen in perspective), in the next pose of its
    stride: no frame standing, none jumping on two. Every lane, flat and in perspective."""
    line = load_timeline(SHIPPED)
    lanes = aisle(line)
    assert {one.depth.flat for one in lanes} == {True, False}, "lanes of both kinds"
    for which, one in enumerate(lanes):
        glide = one.params["speed"] * one.width / FPS  # (at the ground's largest size)
        tracks: dict[int, list[tuple[float, float, float]]] = {}
        pushed = state_at(line, one.params["from"]).scene_seconds + one.params["start"]
        for frame in frames(line, one.params["from"] + SET_OFF):  # as they come in
            if frame.seconds < pushed:  # (getting up to speed: see test_panic_spreads)
                continue
            for i, member in enumerate(one.members(frame)):
                tracks.setdefault(i, []).append((*member.feet, member.phase))
        seen = 0
        for track in tracks.values():
            for (x0, y0, p0), (x1, y1, p1) in pairwise(track):
                if not 0 <= min(x0, x1) < max(x0, x1) <= one.width:  # out of sight (waiting
                    continue  # to set off, or gone; some run back to the back of the room)
                if DOOR[0] * one.width < x1 and x0 < TURNED * one.width:  # turning up out
                    continue  # of the door: a frame across a corner moves them its chord
                seen += 1
                moved = math.hypot(round(x1) - round(x0), round(y1) - round(y0))  # (the door)
                step = glide * one.depth.share((y0 + y1) / 2)
                assert abs(moved - step) <= EVEN, (
                    f"lane {which}: moved {moved:.1f} px in a frame, not {step:.1f}")
                assert p1 != p0, f"lane {which}: a new pose every frame"
        least = FRAMES // 2 if one.depth.flat else FRAMES // 3  # (a lone runner near: 44+)
        if one.path.points[0][0] < 0:  # coming in from off the picture (not setting off from
            #                            where they stood by the door: in sight under a second)
            assert seen >= least, f"lane {which}: a runner in sight for {seen} frames"
        assert seen > 0, f"lane {which}: never in sight"


def test_the_rush_is_a_crowd_at_several_depths_not_a_relay_in_one_file() -> None:
    """At 04:23:10-19 seven runners of one size ran at one depth, every foot on one row,
    evenly ~230 px apart, and two real seconds on an identical second file followed. Now
    they run in lanes near and far (larger nearer), unevenly spaced (never at each other's
    heels: see test_panic_rush), one looking back and one stumbling among them."""
    line, clock, rush = shipped_rush()
    assert {"run-glance", "run-stumble"} <= {one.params["pose"] for one in rush}
    for story in ("04:23:28", "04:23:32", "04:23:37"):
        state = state_at(line, parse_clock(story), clock)
        frame = Frame(state.story_time, state.scene_seconds, state)
        feet = sorted(m.feet for one in rush for m in one.members(frame)
                      if 0 < m.feet[0] < 1920)
        rows = {round(y / 10) for _, y in feet}
        assert len(rows) >= 3, f"at {story} their feet on {len(rows)} rows"
        gaps = [b[0] - a[0] for a, b in pairwise(feet)]
        spread = max(gaps) - min(gaps)
        assert spread > UNEVEN * sum(gaps) / len(gaps), f"at {story} evenly spaced: {gaps}"
