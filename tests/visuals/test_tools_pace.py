"""The bench, the contact sheet and the owed warm-up look at the moments the show draws: one
real interval apart through the pace, which in the shipped 14:30 and 10:30 scenes is uneven
(Harry walks in slower than the scene's mean; the sun comes back slower than the calf's
shore), not at the scene's mean rate."""

from __future__ import annotations

from itertools import islice, pairwise

import pytest

from installation.core.timeline.model import Scene
from installation.core.timeutil import forward
from installation.visuals import bench
from installation.visuals.contact_sheet import SETTLE_SECONDS
from installation.visuals.contact_sheet import moments as sheet_moments
from installation.visuals.late_warm import LOOK_SECONDS, LateWarm

from .helpers import shipped_program

HARRY = "Harry meets Julie"  # 14:30: paced 2.25 to 14:45, 1.05 after (its mean is ~1.3)
SUN = "The sun comes back to the tar pits"  # 10:30: paced 3.33 to 10:45, 1.07 after
FPS = 60.0


def scene_named(name: str) -> Scene:
    return next(s for s in shipped_program().timeline.scenes if s.name == name)


def real_steps(times: list[float], at: float) -> list[float]:
    """The real seconds between story times that follow one another."""
    clock = shipped_program().clock
    reals = [clock.real_between(at, t) for t in times]
    return [b - a for a, b in pairwise(reals)]


@pytest.mark.parametrize("name", [HARRY, SUN])
def test_the_bench_builds_ahead_and_times_the_middle_one_real_sixtieth_apart(name: str) -> None:
    """Drawn at the mean rate, Harry's first minute stepped on ~1.8x too fast: each frame a
    new step of his walk, frames the show never draws."""
    program = shipped_program()
    line, clock, scene = program.timeline, program.clock, scene_named(name)
    building = list(islice(bench.building_times(line, scene, clock), 600))
    assert max(abs(step - 1 / FPS) for step in real_steps(building, scene.at)) < 1e-4
    middle = list(islice(bench.onward(line, scene, clock), 120))
    assert max(abs(step - 1 / FPS) for step in real_steps(middle, scene.at)) < 1e-4
    following = line.after(scene)
    into = clock.real_between(scene.at, middle[0])
    assert into == pytest.approx(clock.real_between(scene.at, following.at) / 2, abs=1e-3)
    last = bench.approach_times(line, following, clock, 180)
    assert clock.real_between(last[-1], following.at) == pytest.approx(1 / FPS, abs=1e-4)


@pytest.mark.parametrize("name", [HARRY, SUN])
def test_the_contact_sheet_shows_a_scene_as_it_settles(name: str) -> None:
    """Its thumbnail is SETTLE_SECONDS of real time after its transition ends (at the mean
    rate, Harry's was 3.6 s in, and the sun's 10:30 a second later than the wipe's end)."""
    program = shipped_program()
    scene = scene_named(name)
    [shot] = [m for m in sheet_moments(program.timeline, program.clock)
              if m.scene_start and forward(scene.at, m.story_time) < 3600]
    real = program.clock.real_between(scene.at, shot.story_time)
    assert real == pytest.approx(scene.transition.seconds + SETTLE_SECONDS, abs=1e-3)


def test_the_owed_warm_up_looks_at_moments_a_real_tenth_apart() -> None:
    program = shipped_program()
    line, clock, scene = program.timeline, program.clock, scene_named(HARRY)
    following = line.scenes[scene.index + 1]
    late = LateWarm([], scene, following, clock, lambda _t: None,  # type: ignore[arg-type,return-value]
                    scene.at, (64, 36))
    looks = list(islice(late._moments(), 400))
    assert max(abs(step - LOOK_SECONDS) for step in real_steps(looks, scene.at)) < 1e-4
