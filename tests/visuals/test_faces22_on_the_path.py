"""At the Lake Pit (14:30) Harry walks in along the pale path and they stand on it: wherever the
near shore's people put their feet, the ground drawn there is the path's gravel, not the grass
a path's width below it."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline
from installation.core.timeutil import parse_clock

from .helpers import NO_POST, SHIPPED, draw, layer, one_scene

SIZE = (960, 540)
DARK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
SAMPLES = 12  # points looked at along each stretch of a walker's path
GRAVEL = 8  # the path's gravel is this much redder than green (the grass is greener)


def _scene_layers() -> list[dict[str, object]]:
    """The params of the shipped 14:30 scene's layers, in order."""
    shipped = load_timeline(SHIPPED)
    scene = next(s for s in shipped.scenes if s.at == parse_clock("14:30"))
    return [dict(spec.params, type=spec.type) for spec in scene.layers]


@pytest.fixture(scope="module")
def ground() -> tuple[np.ndarray, list[list[tuple[float, float]]]]:
    """The near shore as shipped, alone (its red less its green in each pixel), and the paths
    of the people who stand or walk on it (below its edge)."""
    layers = _scene_layers()
    (shore,) = [p for p in layers if p["type"] == "museum" and p["part"] == "shore"]
    keys = {k: shore[k] for k in ("part", "ground")}
    if shore.get("path") is not None:
        keys["path"] = [list(p) for p in shore["path"]]  # type: ignore[attr-defined]
    picture = draw(one_scene(DARK_SKY + layer("museum", **keys) + NO_POST, at="14:30"),
                   "14:35", size=SIZE)
    rgb = pygame.surfarray.array3d(picture).astype(int)
    paths = [[(float(x), float(y)) for x, y in p["path"]]  # type: ignore[attr-defined]
             for p in layers if p["type"] == "figures"
             and min(y for _, y in p["path"]) > shore["ground"]]  # type: ignore[attr-defined]
    return rgb[..., 0] - rgb[..., 1], paths


def _feet(path: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """Pixels along a path (its points and between them) inside the picture."""
    points = path if len(path) == 1 else [
        (a[0] + (b[0] - a[0]) * k / SAMPLES, a[1] + (b[1] - a[1]) * k / SAMPLES)
        for a, b in zip(path, path[1:], strict=False) for k in range(SAMPLES + 1)]
    return [(round(x * SIZE[0]), round(y * SIZE[1])) for x, y in points
            if 0 <= x * SIZE[0] < SIZE[0] and 0 <= y * SIZE[1] < SIZE[1]]


def test_harry_walks_in_along_the_path_and_they_stand_on_it(
        ground: tuple[np.ndarray, list[list[tuple[float, float]]]]) -> None:
    redder, paths = ground
    assert len(paths) >= 10, "Julie's and Harry's layers on the near shore"
    off = [(x, y) for path in paths for x, y in _feet(path) if redder[x, y] < GRAVEL]
    assert not off, ("feet on the grass, not the path", off[:6])
