"""Johnnie's signs: their light added up once for each way they flicker, kept for the next
frames, adds the same bytes as each tube added one by one."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.diner_signs import GLOWS_KEPT, SummedGlow
from installation.visuals.neon import Neon
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, layer, one_scene

SIGN = layer("neon", text="JOHNNIE'S", failing=0.5, flicker=1.0, y=0.3, size=0.14)
FPS = 60
FRAMES = 240


def _sign() -> tuple[Neon, Frame]:
    """A sign that flickers hard (half its letters failing), and a frame of its scene."""
    headless()
    line = one_scene(SIGN + NO_POST, at="22:00")
    scene = line.scenes[0]
    sign = Neon(scene.layers[0].params, Compositor(line, SIZE, print).setup(scene, 0, "neon"))
    state = state_at(line, scene.at + 60)
    return sign, Frame(state.story_time, 0.0, state)


def _backdrop() -> pygame.Surface:
    """A picture from black to white, so that the added light saturates in places."""
    width, height = SIZE
    ramp = np.linspace(0, 255, width * height * 3).reshape(width, height, 3).astype(np.uint8)
    return pygame.surfarray.make_surface(ramp)


def test_the_summed_light_adds_the_bytes_each_tube_adds() -> None:
    sign, start = _sign()
    glow = SummedGlow(sign)
    backdrop = _backdrop()
    dead = backdrop.copy()
    sign.draw_unlit(dead)  # on the building, as the diner keeps it
    seen = set()
    for n in range(FRAMES):
        frame = Frame(start.story_time, n / FPS, start.state)
        summed, each = dead.copy(), backdrop.copy()
        glow.draw(summed, frame)
        sign.draw(each, frame)  # its dead glass, then each tube's light
        assert pygame.image.tobytes(summed, "RGB") == pygame.image.tobytes(each, "RGB"), n
        seen.add(sign.look(frame))
        assert len(glow.kept) <= GLOWS_KEPT
    assert len(seen) > GLOWS_KEPT, "ways of flickering kept were let go and made again"


def test_a_sign_with_every_tube_dark_adds_nothing() -> None:
    sign, start = _sign()
    glow = SummedGlow(sign)
    dark = tuple(None for _ in sign.tubes)
    sign.look = lambda frame: dark  # type: ignore[method-assign]
    backdrop = _backdrop()
    picture = backdrop.copy()
    glow.draw(picture, start)
    assert pygame.image.tobytes(picture, "RGB") == pygame.image.tobytes(backdrop, "RGB")
    assert not glow.kept
