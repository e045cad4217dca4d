"""The skyline's windows: the next set is drawn ahead, so no frame redraws all the towers."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import DAY_SECONDS, parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.skyline import WINDOW_BUCKET, Skyline

from .helpers import NO_POST, SIZE, layer, one_scene

NIGHT = (layer("sky", stars=0, clouds=0) + layer("skyline", ground=0.8, height=0.5, lit=0.6)
         + NO_POST)


def refuse(self: Skyline, key: object) -> None:
    raise AssertionError("the towers were redrawn inside the frame")


@pytest.mark.parametrize(("scene_at", "boundary"), [
    ("21:30", (parse_clock("22:00") // WINDOW_BUCKET + 1) * WINDOW_BUCKET),
    ("23:30", DAY_SECONDS),  # midnight: the bucket wraps to 0 (the alarm's first frame)
])
def test_the_next_windows_are_drawn_ahead_and_match_a_fresh_drawing(
        monkeypatch: pytest.MonkeyPatch, scene_at: str, boundary: float) -> None:
    """A frame a story second, up to the moment the lit windows change: that frame swaps in
    the towers drawn ahead (redrawing them there fails) and equals a fresh drawing."""
    headless()
    line = one_scene(NIGHT, at=scene_at)
    compositor, surface = Compositor(line, SIZE, print), pygame.Surface(SIZE)
    for t in range(int(boundary) - 120, int(boundary)):
        compositor.draw(surface, state_at(line, float(t)))
    at = boundary % DAY_SECONDS
    monkeypatch.setattr(Skyline, "_render", refuse)
    compositor.draw(surface, state_at(line, at))
    monkeypatch.undo()
    fresh = pygame.Surface(SIZE)
    Compositor(line, SIZE, print).draw(fresh, state_at(line, at))
    assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB")
