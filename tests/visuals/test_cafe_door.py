"""Neon on Wilshire (20:00-00:00): a customer leaving the CAFE goes out by its door, seen in the
doorway in front of the door (they slid behind the door's pillar, drawn behind it as they
walked out, and were gone at the window's edge); and one coming in comes in by it."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Frame, build, finished
from installation.visuals.block import Fronts
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.scene_layers import FACTORIES

from .helpers import shipped_program

SIZE = (1920, 1080)
SECONDS = range(0, 200 * 4)  # quarters of a real second into the scene looked at
CHANGED = 60  # summed over red, green and blue: a pixel this much changed is someone there
OUTSIDE = 20  # pixels beside the window's glass on its door's side looked at (the door's)
SEEN = 20  # pixels of someone, at least, in the doorway as they go through it


def shipped_fronts(size: tuple[int, int]) -> tuple[Fronts, float]:
    """The shipped Neon on Wilshire's block (its fronts, signs and counters) at `size`, and the
    story time its scene begins."""
    headless()
    program = shipped_program()
    scene = next(s for s in program.timeline.scenes if s.name == "Neon on Wilshire")
    index = next(n for n, spec in enumerate(scene.layers)
                 if spec.type == "block" and spec.params["part"] == "fronts")
    compositor = Compositor(program.timeline, size, lambda _message: None, program.clock)
    block = finished(build(FACTORIES["block"], scene.layers[index].params,
                           compositor.setup(scene, index, "block")))
    assert isinstance(block, Fronts)
    return block, scene.at


def test_a_customer_leaving_the_cafe_is_seen_in_its_doorway() -> None:
    block, at = shipped_fronts(SIZE)
    bare = pygame.Surface(SIZE)
    block.draw(bare, Frame(at, 0.0, None))  # type: ignore[arg-type]
    door = None
    seen = 0
    for window in block.counters:
        for quarter in SECONDS:
            look = window.look(quarter / 4)
            beyond = [now for now in look[1] if now is not None
                      and not window.counter.rect.left <= now[1] <= window.counter.rect.right]
            if not beyond:
                continue
            picture = bare.copy()
            window.draw(picture, look)
            glass = window.counter.rect  # (the door beside it, past the wall between)
            outside = glass.right if window.counter.door > 0 else glass.left - OUTSIDE
            door = pygame.Rect(outside, glass.top, OUTSIDE, glass.height)
            was = pygame.surfarray.array3d(bare.subsurface(door)).astype(int)
            now = pygame.surfarray.array3d(picture.subsurface(door)).astype(int)
            seen = max(seen, int((np.abs(now - was).sum(axis=2) > CHANGED).sum()))
    assert door is not None, "someone came or went while looked at"
    assert seen >= SEEN, f"at most {seen} pixels of them in the doorway"
