"""A fire going out in Ash (05:30-06:35): its flames sink and dim over seconds before they are
gone (they went out in one frame at 06:13:48), then the bed they burnt on glows out."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.flames import gone
from installation.visuals.render import headless
from installation.visuals.smoke import Smoke

from .helpers import shipped_program

SIZE = (960, 540)
GREY = (120, 116, 112)  # the ash sky behind the flames
STEP = 0.25  # real seconds between the frames looked at
OUT = 2  # the first fire to go out


def test_a_fire_sinks_and_dims_over_seconds_before_it_is_gone() -> None:
    """Looked at every quarter of a real second over the last four before the third fire is
    gone, the light its flames add over the sky above its foot falls step by step: a second
    before it is gone it has lost half of it at least, yet at no step does it lose more than
    half of what it had four seconds before (gone at once, all of it in one step)."""
    headless()
    program = shipped_program()
    line, clock = program.timeline, program.clock
    scene = next(s for s in line.scenes if s.name == "Ash")
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == "smoke")
    compositor = Compositor(line, SIZE, lambda _message: None, clock)
    smoke = Smoke(scene.layers[index].params, compositor.setup(scene, index, "smoke"))
    low, high = float(scene.at), float(scene.at) + 3900.0
    for _ in range(40):  # the story time it is gone at
        middle = (low + high) / 2
        low, high = (low, middle) if gone(OUT, smoke.died(middle)) else (middle, high)
    x, y = smoke.feet[OUT]
    box = (slice(max(0, x - 60), x + 60), slice(max(0, y - 120), y))
    per = clock.real_between(high - 60.0, high) / 60.0  # real seconds a story second there
    lights = []
    for n in range(16, -1, -1):
        when = high - n * STEP / per if n else low
        state = state_at(line, when, clock)
        surface = pygame.Surface(SIZE)
        surface.fill(GREY)
        smoke.draw(surface, Frame(state.story_time, clock.real_between(scene.at, when), state))
        lit = pygame.surfarray.array3d(surface)[box].astype(int) - np.array(GREY)
        lights.append(float(np.clip(lit, 0, None).sum()))
    first = lights[0]
    assert first > 0, "the fire burns four seconds before it is gone"
    assert lights[-5] <= 0.5 * first, f"a second before, still {lights[-5] / first:.0%} of it"
    drops = [a - b for a, b in zip(lights, lights[1:], strict=False)]
    assert max(drops) <= 0.5 * first, f"{max(drops) / first:.0%} of its light lost in one step"
