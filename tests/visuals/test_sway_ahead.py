"""The sway's steps, foreseen and laid ahead: the frames are those laid at the step itself."""

from __future__ import annotations

import math
from typing import Any

import pytest

from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.parallax import Drift, Planes
from installation.visuals.render import headless
from installation.visuals.sway_ahead import Foresight, foreseen, laid, next_change

from .helpers import NO_POST, SIZE, assert_as_fresh, layer, one_scene

CAMERA = layer("camera", drift=0.05, seconds=20)  # 9 px each way at 180 px high
FPS = 60


@pytest.mark.parametrize(("amplitude", "seconds"), [(9.0, 0.0), (9.0, 4.9), (7.2, 5.0),
                                                     (-3.0, 12.3), (0.4, 1.0)])
def test_the_next_change_of_a_swaying_shift_is_when_it_first_takes_another_value(
        amplitude: float, seconds: float) -> None:
    period = 20.0

    def value(t: float) -> int:
        return round(amplitude * math.sin(math.tau * t / period))

    at = next_change(amplitude, period, seconds)
    if abs(amplitude) < 0.5:
        assert math.isinf(at)  # it never reaches half a pixel
        return
    samples = [seconds + k * 1e-3 for k in range(1, round((at - seconds) * 1e3))]
    assert all(value(t) == value(seconds) for t in samples[:-1])
    assert value(at + 1e-6) != value(seconds)


def test_a_step_is_foreseen_with_the_shifts_after_it_seen_from_a_planes_depth() -> None:
    drift = Drift(9.0, 20.0)
    at, shifts = foreseen(drift, [0.0, 0.5, 1.0], 1.0, 0.3) or (0.0, [])
    assert 0.3 < at and shifts == laid(drift, [0.0, 0.5, 1.0], 1.0, at + 1e-3)
    assert shifts != laid(drift, [0.0, 0.5, 1.0], 1.0, 0.3) and shifts[2] == 0


def test_frames_drawn_at_the_shows_pace_through_the_sways_steps_equal_fresh_ones(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Cars and a walker at the street's depth (the frame seen moving with them) and a palm
    nearer: each step of the sway is laid ahead and swapped in, the same pixels."""
    body = (layer("sky", clouds=0.6) + layer("skyline", restless=1, depth=0.4)
            + layer("silhouette", shape="palm", x=0.2, scale=0.6, depth=0.7)
            + layer("street", traffic=1, depth=1)
            + layer("figures", pose="walk", path=[[0, 0.85], [1, 0.85]], speed=0.05, depth=1)
            + CAMERA + NO_POST)
    line = one_scene(body, at="21:00")
    swapped: list[int] = []
    step_in = Planes._step_in

    def counted(self: Planes, *args: Any) -> None:
        swapped.append(1)
        step_in(self, *args)

    monkeypatch.setattr(Planes, "_step_in", counted)
    start = parse_clock("21:00") + 1.0  # three seconds at the show's pace: a few steps
    assert_as_fresh(line, [start + tick / FPS for tick in range(FPS * 3)], every=3)
    assert len(swapped) >= 3, "the steps were laid ahead"


def test_at_the_sways_middle_a_known_view_foresees_the_next_step_the_offsets_cannot() -> None:
    """Centred, every depth is laid at 0: the offsets cannot tell the depth the picture is
    seen from, its scene can (the step after the middle is then laid ahead too)."""
    drift, depths = Drift(9.0, 20.0), [0.0, 0.5]
    guessing, told = Foresight(drift, depths), Foresight(drift, depths, view=0.5)
    for sight in (guessing, told):
        sight.watch(10.0, 0)
    assert guessing.next_step(10.0) is None
    step = told.next_step(10.0)
    assert step is not None and step.shifts == laid(drift, depths, 0.5, step.at + 1e-3)


@pytest.mark.parametrize(("figures", "view"), [((0.6,), 0.6), ((0.6, 0.6), 0.6),
                                               ((0.6, 0.3), None), ((0.0, 0.6), None)])
def test_a_scene_knows_its_view_when_its_swaying_animated_layers_share_a_depth(
        figures: tuple[float, ...], view: float | None) -> None:
    body = layer("sky") + layer("silhouette", shape="palm", x=0.2, depth=0.3) + "".join(
        layer("figures", pose="walk", path=[[0, 0.85], [1, 0.85]], depth=depth)
        for depth in figures) + CAMERA + NO_POST
    line = one_scene(body, at="21:00")
    headless()
    built = Compositor(line, SIZE, lambda _message: None)._scene(line.scenes[0])
    assert isinstance(built.background, Planes)
    assert built.background.foresight.views == ([view] if view is not None else [0.0, 0.3])
