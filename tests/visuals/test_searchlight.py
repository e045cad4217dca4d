"""Searchlight beams: each turns on every other frame, and where it is depends on time alone."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals import searchlight
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, frame_at, layer, one_scene

NIGHT = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
BEAMS = NIGHT + layer("searchlight", beams=5, speed=3, ground=0.9) + NO_POST


def test_a_frame_is_the_same_whether_or_not_the_frames_before_it_were_drawn() -> None:
    headless()
    line = one_scene(BEAMS, at="22:00")
    compositor, surface = Compositor(line, SIZE, lambda _message: None), pygame.Surface(SIZE)
    for n in range(1, 30):  # a run of frames, each beam held for the frame after it turned
        compositor.draw(surface, state_at(line, parse_clock("22:00") + n / 60))
        drawn = pygame.surfarray.array3d(surface).astype(int)
        assert np.array_equal(drawn, frame_at(BEAMS, "22:00", n / 60)), f"frame {n}"


def test_beams_move_every_frame_but_each_turns_on_every_other(
        monkeypatch: pytest.MonkeyPatch) -> None:
    turns: list[int] = []
    rotozoom = pygame.transform.rotozoom

    def counted(image: pygame.Surface, angle: float, zoom: float) -> pygame.Surface:
        turns[-1] += 1
        return rotozoom(image, angle, zoom)

    monkeypatch.setattr(searchlight.pygame.transform, "rotozoom", counted)
    headless()
    line = one_scene(BEAMS, at="22:00")
    compositor, surface = Compositor(line, SIZE, lambda _message: None), pygame.Surface(SIZE)
    frames = []
    for n in range(60, 90):
        turns.append(0)
        compositor.draw(surface, state_at(line, parse_clock("22:00") + n / 60))
        frames.append(pygame.surfarray.array3d(surface).astype(int))
    assert max(turns[1:]) <= 3, "at most half the five beams (rounded up) turn in a frame"
    assert all((a != b).any() for a, b in zip(frames, frames[1:], strict=False)), \
        "some beam moves on every frame"
