"""The sky repaints only where something moved: the moon a pixel on, a star coming out."""

from __future__ import annotations

from pathlib import Path

import pygame

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.scene_layers import defaults
from installation.visuals.sky import TWINKLE_EVERY, Sky, SkyPlan

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (480, 270)


def night_sky() -> tuple[Sky, SkyPlan]:
    headless()
    line = load_timeline(SHIPPED)
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], -1, "sky")
    sky = Sky(defaults("sky", clouds=0.0), setup)
    state = state_at(line, parse_clock("22:00"))
    plan = sky.plan(Frame(state.story_time, 10.0, state))
    assert plan[4] is not None and plan[2] is not None, "the moon and stars are up at 22:00"
    return sky, plan


def repainted_matches_fresh(sky: Sky, old: SkyPlan, new: SkyPlan) -> bool:
    sky.update(old)
    sky.update(new)  # only where it changed
    fresh = pygame.Surface(SIZE)
    sky.paint(fresh, new)
    return pygame.image.tobytes(sky.memo, "RGB") == pygame.image.tobytes(fresh, "RGB")


def test_the_moon_moving_a_pixel_repaints_only_round_it() -> None:
    sky, plan = night_sky()
    x, y = plan[4] or (0, 0)
    moved: SkyPlan = (*plan[:4], (x + 1, y), plan[5])
    areas = sky.changed(plan, moved)
    assert areas is not None, "not the whole sky"
    assert sum(a.width * a.height for a in areas) < SIZE[0] * SIZE[1] // 2
    assert repainted_matches_fresh(sky, plan, moved)


def test_stars_coming_out_repaint_only_round_them() -> None:
    sky, plan = night_sky()
    count, twinkling = plan[2] or (0, ())
    shown = count - 3
    fewer: SkyPlan = (*plan[:2], (shown, twinkling[:-(-shown // TWINKLE_EVERY)]), *plan[3:])
    areas = sky.changed(fewer, plan)
    assert areas is not None, "not the whole sky"
    assert repainted_matches_fresh(sky, fewer, plan)
