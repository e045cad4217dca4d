"""The calf at noon stands clear of the palms: calling on the far shore, its trunk swung out,
it was pressed to the palm's trunk at 14:25, one black shape with it."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.silhouette import Silhouette

from .helpers import compositor_finding, shared_made
from .test_mammoth_head import SIZE as FULL
from .test_mammoth_head import shipped


def noon_silhouettes(shape: str) -> list[Silhouette]:
    """The noon scene's silhouettes of one shape, as the shipped timeline builds them."""
    line = shipped()
    scene = next(s for s in line.scenes if s.name == "La Brea Tar Pits")
    compositor = compositor_finding(line, FULL, shared_made(), print)  # (drawn once a process)
    return [Silhouette(spec.params, compositor.setup(scene, n, "silhouette"))
            for n, spec in enumerate(scene.layers)
            if spec.type == "silhouette" and spec.params["shape"] == shape]


def test_calling_at_14_25_the_calf_keeps_clear_of_the_palm() -> None:
    """On the far shore the calf, calling, its trunk swung out, was pressed to the palm's
    trunk at 14:25, one black shape with it. It stands on the near bank now, where the
    morning left it (the loop's match): all it paints, calling or not, lies clear of both
    palms'."""
    (calf,) = noon_silhouettes("calf")
    for palm in noon_silhouettes("palm"):
        assert not calf.reach.colliderect(palm.reach), (calf.reach, palm.reach)


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
                      compositor_finding(line, FULL, shared_made(), print).setup(
                          scene, index, "silhouette"))
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
