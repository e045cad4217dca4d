"""In the afternoon sun Harry, Julie and the calf stand on the path: the darkest of the ground
under each sole and hoof lies right under it (their soft shadows, pale where thin legs cast
them, began some pixels below, like drop shadows: all three hovered, review 23 #7)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.long_shadow import HALF
from installation.visuals.silhouette import Silhouette

from .helpers import placed, shipped_crowd, shipped_picture

SIZE = (960, 540)
SCENE = "Harry meets Julie"
AT = "15:00"
LUMA = np.array([0.3, 0.59, 0.11])
TOUCH = 1  # a column stands on the ground when its lowest pixel is this near the soles' row
BELOW = 12  # the ground looked at: this many rows under the soles
WITHIN = 1  # the darkest of them (averaged along the soles) no further under them than this


def _soles(sprite: pygame.Surface, spot: tuple[int, int]) -> tuple[list[int], int]:
    """The picture's columns of a sprite drawn at `spot` that stand on the ground, and the row
    just under its soles."""
    shown = pygame.surfarray.array_alpha(sprite) >= HALF
    lowest = np.array([np.flatnonzero(c)[-1] if c.any() else -1 for c in shown])
    under = int(lowest.max()) + 1
    columns = np.flatnonzero(lowest >= under - 1 - TOUCH)
    return [spot[0] + int(c) for c in columns], spot[1] + under


def _calf() -> tuple[pygame.Surface, tuple[int, int]]:
    """The calf's picture and where it is drawn, as the show builds it."""
    line = shipped_crowd(SCENE, SIZE).program.timeline
    scene = next(s for s in line.scenes if s.name == SCENE)
    index = next(n for n, spec in enumerate(scene.layers)
                 if spec.type == "silhouette" and spec.params["shape"] == "calf")
    calf = Silhouette(scene.layers[index].params,
                      Compositor(line, SIZE, print).setup(scene, index, "silhouette"))
    return calf.image, calf.feet


def test_the_darkest_ground_under_each_sole_is_right_under_it() -> None:
    crowd = shipped_crowd(SCENE, SIZE)
    frame = crowd.frame(parse_clock(AT))
    luma = pygame.surfarray.array3d(shipped_picture(AT, SIZE)).astype(float) @ LUMA
    standing = {one.params["body"]: placed(one, member) for one in crowd.layers
                if one.params["body"] in ("harry", "julie") for member in one.members(frame)}
    assert len(standing) == 2
    for who, (sprite, spot) in {**standing, "calf": _calf()}.items():
        columns, row = _soles(sprite, spot)
        assert len(columns) >= 4, who
        ground = luma[columns, row:row + BELOW].mean(axis=0)
        darkest = int(np.argmin(ground))
        assert darkest <= WITHIN, (
            f"{who}: the darkest ground {darkest} rows under the soles (row {row}): "
            + " ".join(f"{v:.0f}" for v in ground))
