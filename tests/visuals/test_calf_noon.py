"""The calf on the far shore at noon stands clear of the palm beside it: calling, its trunk
swung out, it was pressed to the palm's trunk at 14:25, one black shape with it."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.compositor import Compositor
from installation.visuals.silhouette import Silhouette

from .helpers import shipped_picture
from .test_mammoth_head import SIZE as FULL
from .test_mammoth_head import shipped

SIZE = (960, 540)
HEAD_ROWS = slice(292, 336)  # its head and trunk beside the palm's trunk (over the shore)
BETWEEN = slice(840, 910)  # from left of the palm's trunk to the calf's head
DARK = 50  # levels: the palm's and the calf's pixels are this dark; the city behind them not
CLEAR = 12  # pixels of the city between them, at least, in every row (25 at 1920x1080)


def test_calling_at_14_25_the_calf_keeps_clear_of_the_palm() -> None:
    rgb = pygame.surfarray.array3d(shipped_picture("14:25", SIZE)).astype(float)
    dark = (rgb @ np.array([0.3, 0.59, 0.11]))[BETWEEN, HEAD_ROWS] < DARK  # columns x rows
    gaps = []
    for row in dark.T:
        found = np.flatnonzero(row)
        breaks = np.flatnonzero(np.diff(found) > 1)  # the palm's trunk is the first piece
        palm = found[breaks[0] if breaks.size else -1]
        assert palm - found[0] < CLEAR, f"the palm's trunk {palm - found[0] + 1} px wide"
        gaps += [found[breaks[0] + 1] - palm - 1] if breaks.size else []
    assert min(gaps) >= CLEAR, f"{min(gaps)} px between the palm and the calf"


def test_now_and_then_the_noon_calf_calls_its_trunk_raised_over_its_head() -> None:
    """12:06-14:25: the caption has the calf still calling from the shore, but it stood with its
    trunk down (its calls lifted its trunk before its face, under its crown, and mostly only
    part way). Within a minute it raises its trunk over its crown, and lowers it again: down
    most of the time."""
    line = shipped()
    scene = next(s for s in line.scenes if s.name == "La Brea Tar Pits")
    index = next(n for n, spec in enumerate(scene.layers)
                 if spec.type == "silhouette" and spec.params["shape"] == "calf")
    calf = Silhouette(scene.layers[index].params,
                      Compositor(line, FULL, print).setup(scene, index, "silhouette"))
    lift = calf.lift
    assert lift is not None

    def raised(pose: int) -> bool:
        """Its trunk's tip (in the front quarter of its picture) over its crown."""
        alpha = pygame.surfarray.array_alpha(lift.figures[pose]) > 128
        quarter = alpha.shape[0] // 4
        top = [int(np.flatnonzero(part.any(axis=0))[0])
               for part in (alpha[:quarter], alpha[quarter:])]
        return top[0] < top[1] - 3

    calls = [raised(lift.pose(seconds / 2)) for seconds in range(120)]
    assert any(calls), "it calls, its trunk over its head"
    assert sum(calls) < len(calls) / 4, "and stands with its trunk down between"
