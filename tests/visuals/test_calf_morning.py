"""The calf alone on the morning shore is the subject, and alive: near and large, it calls
now and then (its head and trunk raised), and the returning sun catches its edge (a still
speck on the far shore, it had no light on it)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.compositor import Compositor
from installation.visuals.silhouette import Silhouette

from .test_mammoth_head import SIZE, shipped

WARM = 25  # levels a rim pixel's red stands over its blue, at least
RIM_PIXELS = 150  # warm edge pixels, at least
TALL = 120  # pixels: the calf stands at least this tall


def calf() -> Silhouette:
    """The shipped morning's calf, built at 1920x1080."""
    line = shipped()
    scene = next(s for s in line.scenes if s.at == 10 * 3600 + 30 * 60)
    index = next(n for n, spec in enumerate(scene.layers)
                 if spec.type == "silhouette" and spec.params["shape"] == "calf")
    setup = Compositor(line, SIZE, print).setup(scene, index, "silhouette")
    return Silhouette(scene.layers[index].params, setup)


def test_the_morning_calf_calls_now_and_then() -> None:
    her = calf()
    assert her.span >= TALL, her.span
    assert her.lift is not None, "it moves"
    poses = [her.lift.pose(step / 10) for step in range(200)]  # any 20 real seconds
    assert max(poses) >= 3, "it raises its head and trunk, calling"
    assert her.lift.front.height > 10, "and the picture changes there"


def test_the_returning_sun_catches_the_calfs_edge() -> None:
    her = calf()
    rgb = pygame.surfarray.array3d(her.image).astype(int)
    alpha = pygame.surfarray.array_alpha(her.image)
    warm = (alpha > 200) & (rgb[..., 0] - rgb[..., 2] > WARM)
    assert warm.sum() > RIM_PIXELS, warm.sum()
    xs = np.nonzero(warm)[0]
    assert np.median(xs) < her.image.get_width() / 2, "on its sunward (left) side"
