"""The bench reaches each cut as the show does: the scene before drawn on, then the cut."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import SceneState
from installation.core.timeline.state import RealTime
from installation.visuals import bench
from installation.visuals.bench import FPS, LEAD_SECONDS, URGENT_FRAMES, bench_scenes
from installation.visuals.compositor import Compositor

from .helpers import layer, timeline

CUT = 'transition = { type = "cut", seconds = 0 }\n'


def test_the_first_frame_after_a_cut_follows_the_last_seconds_before_it_unbroken(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Before a scene's first frame is timed, the scene before is drawn on frame after frame
    for its last LEAD_SECONDS + URGENT_SECONDS, as a visitor sees it, and nothing else is done
    in between (the blit the table measures by made two full frames and freed them just
    before the cut: the first frame after it paid for that memory again, 10-16 ms where the
    show's took 3-5)."""
    happened: list[SceneState | str] = []
    draw, blit = Compositor.draw, bench.blit_ms

    def noted(self: Compositor, surface: pygame.Surface, state: SceneState,
              leave_cover: bool = False) -> pygame.Surface | None:
        happened.append(state)
        return draw(self, surface, state, leave_cover)

    def blits(*args: object) -> float:
        happened.append("blit")
        return blit(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(Compositor, "draw", noted)
    monkeypatch.setattr(bench, "blit_ms", blits)
    sky = layer("sky", clouds=0.5) + layer("skyline")
    scenes = "".join(f'[[scene]]\nat = "{at}"\nname = "{name}"\n{CUT}{sky}'
                     for at, name in (("12:00", "noon"), ("16:00", "evening")))
    line = timeline(scenes)
    bench_scenes(line, RealTime(), (64, 36), 8, warn=lambda _message: None)
    noon, evening = line.scenes
    first = max(n for n, s in enumerate(happened)
                if not isinstance(s, str) and s.story_time == evening.at)
    lead = int(LEAD_SECONDS * FPS) + URGENT_FRAMES
    before = happened[first - lead:first]
    assert all(not isinstance(s, str) and s.scene is noon for s in before)
    steps = [b.story_time - a.story_time  # type: ignore[union-attr]
             for a, b in zip(before, [*before[1:], happened[first]], strict=True)]
    assert steps == pytest.approx([1 / FPS] * lead)


def test_the_collector_is_set_going_once_the_first_frames_are_up_as_in_the_show(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The show sets aside what start-up left alive once its first frame is up (the
    collector's full rounds then walk only what the show made since); the bench does the
    same before its first timed frame, not from its start: its rounds walked every loaded
    module, 15-30 ms, and fell on frames after a cut."""
    happened: list[float | str] = []
    draw = Compositor.draw

    def noted(self: Compositor, surface: pygame.Surface, state: SceneState,
              leave_cover: bool = False) -> pygame.Surface | None:
        happened.append(state.story_time)
        return draw(self, surface, state, leave_cover)

    monkeypatch.setattr(Compositor, "draw", noted)
    sky = layer("sky")
    line = timeline("".join(f'[[scene]]\nat = "{at}"\nname = "{at}"\n{CUT}{sky}'
                            for at in ("12:00", "16:00")))
    bench_scenes(line, RealTime(), (64, 36), 4, warn=lambda _message: None,
                 started=lambda: happened.append("started"))
    begun = happened.index("started")
    assert happened.count("started") == 1 and 0 < begun
    assert line.scenes[0].at not in happened[:begun]  # no scene's first frame timed before
    assert happened[begun + 1] == line.scenes[0].at
