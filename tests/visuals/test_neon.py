"""A flickering sign is kept with the still layers: only the tubes that changed are painted
again, and a street over it stays still (its cars alone move)."""

from __future__ import annotations

from collections import Counter

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.street import Street

from .helpers import NO_POST, SIZE, layer, one_scene

FPS = 60
SIGN = layer("neon", text="OPEN", failing=0.5, flicker=1.0, y=0.2, size=0.1)


def test_a_street_over_a_flickering_sign_draws_only_its_cars_every_frame(
        monkeypatch: pytest.MonkeyPatch) -> None:
    headless()
    drawn: Counter[str] = Counter()
    for part in ("draw", "draw_still", "draw_moving"):
        original = getattr(Street, part)

        def counting(self: Street, surface: pygame.Surface, frame: Frame,
                     original: object = original, name: str = part) -> None:
            drawn[name] += 1
            original(self, surface, frame)  # type: ignore[operator]

        monkeypatch.setattr(Street, part, counting)
    line = one_scene(layer("sky", clouds=0, stars=0, sun=False) + SIGN
                     + layer("street", horizon=0.56) + NO_POST, at="20:00")
    compositor = Compositor(line, SIZE, print)
    surface, fresh = pygame.Surface(SIZE), pygame.Surface(SIZE)
    start = parse_clock("20:00:10")
    for n in range(FPS):
        compositor.draw(surface, state_at(line, start + n / FPS))
    assert drawn["draw"] == 0 and drawn["draw_moving"] == FPS
    assert drawn["draw_still"] < FPS // 2  # the sign's tubes changed on some frames only
    Compositor(line, SIZE, print).draw(fresh, state_at(line, start + (FPS - 1) / FPS))
    assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB")
