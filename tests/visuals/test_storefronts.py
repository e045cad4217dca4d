"""The walls along the street have life: shop windows lit at dusk, signs, pilasters and
office windows, instead of blank planes; the street for the coming light is built ahead."""

from __future__ import annotations

import gc
import weakref

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.storefronts import BAY, GLASS_LOW
from installation.visuals.street import WALK, Street
from installation.visuals.street_light import key_at

from .helpers import NO_POST, layer, one_frame, one_scene, timeline

SIZE = (640, 360)
NEAR = 6.0  # the walls nearer than this fill most of the picture's sides


def street() -> tuple[Street, list[tuple[int, float, float, float, float]]]:
    """A dry street, with the near walls' blocks."""
    headless()
    line = one_scene(layer("street", wet=False, traffic=0.0) + NO_POST, at="17:00")
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], 0, "street")
    built = Street(dict(traffic=0.0, lamps=(255, 150, 50), horizon=0.62, wet=False, lit=True),
                   setup)
    return built, [b for b in built.blocks if b[1] < NEAR]


def painted(built: Street, at: str, size: tuple[int, int] = SIZE) -> np.ndarray:
    """The still street (built at `size`) at story time `at`, as an (x, y, rgb) array."""
    line = one_scene(layer("street") + NO_POST, at="17:00")
    moment = parse_clock(at)
    surface = pygame.Surface(size)
    surface.fill((0, 0, 0))
    built.draw_still(surface, Frame(moment, 0.0, state_at(line, moment)))
    return pygame.surfarray.array3d(surface).astype(int)


def windows(built: Street, blocks: list[tuple[int, float, float, float, float]],
            pixels: np.ndarray) -> list[np.ndarray]:
    """The colour low in each shop window of the near blocks (a third into it, away from the
    mullion, under any awning)."""
    found = []
    for side, z0, z1, _up, _seed in blocks:
        count = max(1, round((z1 - z0) / BAY))
        bay = (z1 - z0) / count
        for n in range(count):
            x, y = built.project(side * WALK, z0 + (n + 0.3) * bay, GLASS_LOW + 0.04)
            if 0 <= x < SIZE[0] and 0 <= y < SIZE[1]:
                found.append(pixels[x, y])
    return found


def test_most_shop_windows_are_lit_warm_at_dusk_and_not_at_noon() -> None:
    built, blocks = street()
    dusk = windows(built, blocks, painted(built, "19:00"))
    noon = windows(built, blocks, painted(built, "12:00"))
    assert len(dusk) >= 6
    lit = [c for c in dusk if c.sum() > 300]
    assert len(lit) >= len(dusk) / 2, "most shops are lit"
    assert sum(c[0] > c[2] + 30 for c in lit) > len(lit) / 2, "most in warm light"
    assert max(c.sum() for c in noon) < min(c.sum() for c in lit), "not lit by day"


def test_the_near_walls_are_not_blank_planes() -> None:
    built, _blocks = street()
    pixels = painted(built, "18:30")
    left = pixels[:SIZE[0] // 5, int(SIZE[1] * 0.45):int(SIZE[1] * 0.66)].reshape(-1, 3)
    left = left[left.sum(axis=1) > 0]  # the near left wall (low or tall), not the sky over it
    tones = {tuple(c // 8) for c in left}
    assert len(tones) > 8, "pilasters, windows, sills and signs break the wall up (a bare wall: 3)"
    assert left.sum(axis=1).std() > 8


def first_change_after(story_time: int) -> int:
    """The first story second after `story_time` at which the street's light key changes."""
    start = key_at(story_time)
    return next(t for t in range(story_time, story_time + 3600) if key_at(t) != start)


def refuse(self: Street, key: object) -> None:
    raise AssertionError("the street was built inside the frame")


@pytest.mark.parametrize("wet", [False, True])
def test_the_street_for_the_coming_light_is_built_ahead_and_matches_a_fresh_one(
        monkeypatch: pytest.MonkeyPatch, wet: bool) -> None:
    """At dawn the light changes the street every minute or two of story: the frame where it
    does swaps in the street built ahead (building it there fails) and equals a fresh one."""
    headless()
    line = one_scene(layer("sky", stars=0, clouds=0) + layer("street", traffic=0, wet=wet)
                     + NO_POST, at="05:05")
    change = first_change_after(int(parse_clock("05:06")))
    compositor, surface = Compositor(line, SIZE, print), pygame.Surface(SIZE)
    for t in range(change - 50, change):
        compositor.draw(surface, state_at(line, float(t)))
    monkeypatch.setattr(Street, "_build", refuse)
    compositor.draw(surface, state_at(line, float(change)))
    monkeypatch.undo()
    fresh = one_frame(line, SIZE, state_at(line, float(change)))
    assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB")


def test_a_street_left_behind_is_freed_at_once_though_it_was_building_ahead() -> None:
    """The street for the coming light holds its layer while it is being built; when its
    scene is dropped that work is dropped too, so the street's surfaces (tens of megabytes)
    go at once, not at the next full garbage collection (a soak grew 6-9% a day)."""
    headless()
    scenes = "".join(f"[[scene]]\nat = \"{at}\"\nname = \"{name}\"\n{body}"
                     for at, name, body in (
                         ("05:05", "dawn", layer("sky") + layer("street", traffic=0) + NO_POST),
                         ("05:10", "later", layer("sky") + NO_POST),
                         ("05:20", "later still", layer("sky") + NO_POST),
                         ("05:30", "last", layer("sky") + NO_POST),
                         # (at 05:21 the scene after the next one is held to be built
                         # ahead: this one, not dawn, so dawn is dropped)
                         ("05:40", "after last", layer("sky") + NO_POST)))
    line = timeline(scenes)
    compositor, surface = Compositor(line, SIZE, print), pygame.Surface(SIZE)
    gc.disable()
    try:
        compositor.draw(surface, state_at(line, parse_clock("05:06")))
        street = next(layer for *_, layer in compositor._scenes[0].entries
                      if isinstance(layer, Street))
        for t in range(int(parse_clock("05:06")), int(parse_clock("05:09"))):
            compositor.draw(surface, state_at(line, float(t)))
            if street._ahead._making is not None:
                break  # left while it is building the coming light's street
        assert street._ahead._making is not None
        gone = weakref.ref(street)
        del street
        for t in range(int(parse_clock("05:21")), int(parse_clock("05:21")) + 3):
            compositor.draw(surface, state_at(line, float(t)))
        assert gone() is None
    finally:
        gc.enable()
