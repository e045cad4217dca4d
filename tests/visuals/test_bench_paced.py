"""The bench works out the story times of a scene's frames as it draws them: the frames that
build the next scene ahead (drawn until it is built, a few hundred of the scene's tens of
thousands) and those from its middle on, each the same story time as before."""

from __future__ import annotations

import math
from itertools import islice

import pytest

from installation.visuals import bench, bench_moments
from installation.visuals.bench import FPS

from .helpers import shipped_program

TAKEN = 40  # frames the bench draws of a scene's building, say
HARRY = "Harry meets Julie"  # 14:30: paced unevenly inside (2.25 to 14:45, 1.05 after)


class Counted:
    """story_after, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0
        self.real = bench_moments.story_after

    def __call__(self, *args: object) -> float:
        self.calls += 1
        return self.real(*args)  # type: ignore[arg-type]


def test_a_scenes_building_frames_are_worked_out_only_as_they_are_taken(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The longest scene's: ~21,000 frames, all worked out through the pace at once before
    (~210,000 a day's bench run)."""
    program = shipped_program()
    line, clock = program.timeline, program.clock
    longest = max(line.scenes, key=lambda scene: bench.scene_frames(line, scene, clock))
    counted = Counted()
    monkeypatch.setattr(bench_moments, "story_after", counted)
    building = bench.building_times(line, longest, clock)
    taken = list(islice(building, TAKEN))
    middle = list(islice(bench.onward(line, longest, clock), TAKEN))
    assert len(taken) == len(middle) == TAKEN
    assert counted.calls <= 2 * TAKEN


def test_each_frame_is_the_story_time_it_was() -> None:
    """Each building frame n real sixtieths into the scene, through the pace (unevenly paced
    inside: not its mean rate), as paced() says; from the middle on likewise."""
    program = shipped_program()
    line, clock = program.timeline, program.clock
    scene = next(s for s in line.scenes if s.name == HARRY)
    first = math.ceil(max(bench.SETTLE_SECONDS, bench.fade_frames(scene) / FPS) * FPS)
    taken = list(islice(bench.building_times(line, scene, clock), 900))
    assert taken == [bench.paced(line, scene, clock, (first + n) / FPS) for n in range(900)]
    real = bench.real_length(line, scene, clock)
    middle = list(islice(bench.onward(line, scene, clock, -1), 300))
    assert middle == [bench.paced(line, scene, clock, real / 2 + (n - 1) / FPS)
                      for n in range(300)]
