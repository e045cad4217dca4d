"""The city across the tar pits at noon: towers with setbacks and crowns, and the May
Company's gold cylinder standing on its cream box (their faces in the sun:
test_skyline_light.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals.compositor import Compositor
from installation.visuals.landmark import landmark
from installation.visuals.render import headless
from installation.visuals.skyline import Skyline

from .helpers import NO_POST, draw, layer, one_scene

ROOT = Path(__file__).resolve().parents[2]
WIDE = (960, 540)
TOWER = 0.42  # a building this share of the tallest or more is a tower (the rest low blocks)
SHAPED = 0.6  # at least this share of the towers have a setback or crown over a lower part
GOLDEN = 60  # a gold pixel's red is more than this above its blue (cream stone's less)


def _noon_params() -> dict[str, Any]:
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    scene = next(s for s in line.scenes if s.name == "La Brea Tar Pits")
    return dict(next(spec.params for spec in scene.layers if spec.type == "skyline"))


def _noon(at: str = "12:10") -> tuple[np.ndarray, Skyline]:
    """The noon city alone over a plain sky at `at`, and the skyline that drew it."""
    params = _noon_params()
    keys = {k: params[k] for k in ("ground", "height", "look")}
    line = one_scene(layer("sky", stars=0, clouds=0, sun=False)
                     + layer("skyline", color="#1a1c26", **keys) + NO_POST, at="12:00")
    frame = pygame.surfarray.array3d(draw(line, at, size=WIDE)).astype(int)
    headless()
    scene = line.scenes[0]
    setup = Compositor(line, WIDE, print).setup(scene, 1, "skyline")
    return frame, Skyline(scene.layers[1].params, setup)


def _widths(rects: list[pygame.Rect]) -> set[int]:
    """The distinct widths of a building's mask along its height."""
    box = rects[0].unionall(rects[1:])
    mask = pygame.Surface(box.size)
    for rect in rects:
        mask.fill((255, 255, 255), rect.move(-box.x, -box.y))
    shown = pygame.surfarray.array2d(mask) != 0
    return {int(n) for n in shown.sum(axis=0) if n}


def test_the_noon_towers_have_setbacks_and_crowns() -> None:
    """Not a row of plain boxes: most towers narrow towards their tops (a slim shaft over a
    lower wing, a setback, a penthouse, a crown), three widths or more along their height."""
    _, skyline = _noon()
    towers = [b for b in skyline.buildings if b.height >= TOWER * skyline.tallest]
    shaped = [b for b in towers if len(_widths(skyline._outline(b))) >= 3]
    assert len(towers) >= 6
    assert len(shaped) >= SHAPED * len(towers), (len(shaped), len(towers))


def test_the_may_company_cylinder_stands_on_its_cream_banded_box() -> None:
    """Under the gold cylinder the box's front runs on: pale stone, not gold, nor the ground,
    the same as the box beside it; and the box is paler than the towers behind it."""
    params = _noon_params()
    frame, _ = _noon()
    where = landmark(WIDE[0], int(WIDE[1] * float(params["ground"])),
                     int(WIDE[1] * float(params["height"])))
    drum = where.drum
    under = frame[drum.left + 1:drum.right - 1, drum.bottom + 1:drum.bottom + 3]
    beside = frame[where.box.right - where.box.width // 3, drum.bottom + 1:drum.bottom + 3]
    assert drum.bottom + 3 < where.box.bottom
    assert (under[..., 0] - under[..., 2] < GOLDEN).all(), "gold, not the box's stone"
    assert np.abs(under - beside[None]).max() <= 2, "the box's front runs on under it"
    assert under.mean() > 150, "pale cream stone"
