"""Panic in the diner, 04:23: when the window goes the people at the counter do not all leap at
once. The panic spreads: the one nearest the door bolts first, the rest one after another over
several real seconds (at 32100100 all seven were in full flight 1.9 real seconds after the
first, a jump cut), and each pushes off from where they stood, slow for the first stride, never
seen in full stride at full speed the instant they leave their standing pose."""

from __future__ import annotations

import math

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.figures import Figures

from .test_figure_runners import shipped_rush

SPAN = ("04:22:58", "04:23:45")  # story times looked at, a tenth of a story second apart
STEP = 0.1
COUNTER = 0.76  # of the height: a path starting below this starts where they stood, nearer
#                than the aisle's lanes (at the counter, behind the stools, at the aisle's edge)
SPREAD = 4.0  # real seconds at least from the first to bolt to the last
APART = 0.45  # real seconds at least between one bolting and the next
PUSH = 0.3  # real seconds after setting off, looked at
SLOW = 0.4  # of full pace's ground: the most covered in the first PUSH seconds


def _bolting() -> dict[int, list[tuple[float, float, float]]]:
    """Each runner from the counter: their feet and the real second, every STEP story seconds
    they are seen (keyed by their layer's place among the big runners)."""
    line, clock, rush = shipped_rush()
    counter = {n: one for n, one in enumerate(rush) if one.path.points[0][1] > COUNTER * 1080}
    assert len(counter) >= 6, "the people at the counter run"
    tracks: dict[int, list[tuple[float, float, float]]] = {n: [] for n in counter}
    story, end = parse_clock(SPAN[0]), parse_clock(SPAN[1])
    while story < end:
        state = state_at(line, story, clock)
        frame = Frame(state.story_time, state.scene_seconds, state)
        for n, one in counter.items():
            for member in one.members(frame):
                tracks[n].append((*member.feet, state.scene_seconds))
        story += STEP
    _LAYERS.update(counter)
    return tracks


_LAYERS: dict[int, Figures] = {}


def test_the_panic_spreads_from_the_door_over_several_seconds() -> None:
    tracks = _bolting()
    off = {n: track[0][2] for n, track in tracks.items() if track}
    assert len(off) == len(tracks), "every one of them bolts"
    order = sorted(off, key=off.__getitem__)
    moments = [off[n] for n in order]
    assert moments[-1] - moments[0] >= SPREAD, (
        f"all bolted within {moments[-1] - moments[0]:.1f} real seconds: a jump cut")
    gaps = [b - a for a, b in zip(moments, moments[1:], strict=False)]
    assert min(gaps) >= APART, f"two bolt together: {gaps}"
    starts = [_LAYERS[n].path.points[0][0] for n in order]
    assert starts == sorted(starts, reverse=True), "the nearest the door first"


def test_each_pushes_off_from_where_they_stood() -> None:
    tracks = _bolting()
    for n, track in tracks.items():
        one = _LAYERS[n]
        (x0, y0, s0) = track[0]
        x, y, _ = next(point for point in track if point[2] >= s0 + PUSH)
        full = one.params["speed"] * one.width * PUSH * one.depth.share(y0)
        covered = math.hypot(x - x0, y - y0)
        assert covered <= SLOW * full, (
            f"{one.params['from']}: {covered:.0f} px in {PUSH} s (full pace {full:.0f}): "
            "in full flight the moment they leave")
