"""The pool drawn whole frame after frame (over smoke rising behind the tar) keeps its mirror:
only what moved above the edge is mirrored again, and the picture is the pool drawn afresh."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.tar_kept import joined
from installation.visuals.tarpit import Tarpit

from .helpers import SIZE, one_scene
from .test_tarpit import POOL, picture, softenings

PUFF = (40, 14, 24)  # a puff of smoke above the edge, moving on a few pixels a frame: across,
# wide, tall


def test_a_pool_drawn_whole_mirrors_again_only_what_moved_above_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Frame after frame, a puff of smoke moving over the far shore: the mirror is softened
    again only round the puff (made whole every frame, ~2 ms at 1080 in The tar keeps
    everything), and every frame is, to the byte, the pool drawn afresh by a new pool."""
    headless()
    line = one_scene(POOL)
    scene = line.scenes[0]
    setup = Compositor(line, SIZE, lambda _message: None).setup(scene, 2, "tarpit")
    kept = Tarpit(scene.layers[2].params, setup)
    softened = softenings(monkeypatch)
    across, wide, tall = PUFF
    for n in range(8):
        above = picture(3)
        puff = pygame.Rect(across + 3 * n, kept.edge - tall - 4, wide, tall)
        above.fill((90 + n, 86, 80), puff)
        frame = Frame(parse_clock("12:00"), 3.3 + n / 60, state_at(line, parse_clock("12:00")))
        shown, afresh = above.copy(), above.copy()
        softened.clear()
        kept.draw(shown, frame)
        if n:  # (the first frame mirrors all of it)
            assert softened and all(puff.left - 3 - 2 <= area.left
                                    and area.right <= puff.right + 1 for area in softened), n
        Tarpit(scene.layers[2].params, setup).draw(afresh, frame)
        assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(afresh, "RGB"), n


def test_columns_changed_close_together_are_mirrored_again_as_one() -> None:
    assert joined([(0, 4), (10, 12), (60, 70), (75, 80)], 32) == [(0, 12), (60, 80)]
    assert joined([], 32) == []
