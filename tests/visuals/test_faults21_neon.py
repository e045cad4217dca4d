"""Johnie's dead letters are a fact of the place: the o of its name and the O of COFFEE stay
dark glass wherever the sign is seen lit (03:55, 04:00, the coyote's dawn at 05:12), while
the letters beside them glow (they dimmed together for a tick of flicker at 03:55 on the base,
and were fully lit at 05:12)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.compositor import Compositor
from installation.visuals.diner import Diner
from installation.visuals.neon import Neon
from installation.visuals.render import headless

from .helpers import channel_max, shipped_in_a_row, shipped_program

SIZE = (1920, 1080)
TIMES = ("03:55:00", "04:00:00", "05:12:30", "05:13:30")
DEAD, LIT = 1, 2  # the name's o and h; the board's first O and the F after it
DARKER = 0.45  # a dead letter's glass at most this bright, of its lit neighbour's


def signs() -> list[Neon]:
    """Johnie's name and board as the diner at 03:50 builds them (full size)."""
    headless()
    line = shipped_program().timeline
    scene = next(scene for scene in line.scenes if scene.name == "Johnie's at night")
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == "diner")
    setup = Compositor(line, SIZE, print).setup(scene, index, "diner")
    return Diner(scene.layers[index].params, setup).signs


def own_glass(sign: Neon, index: int) -> np.ndarray:
    """Where tube `index`'s glass lies in the picture and no other tube's (x, y)."""
    def mask(n: int) -> np.ndarray:
        out = np.zeros(SIZE, bool)
        tube = sign.tubes[n]
        alpha = pygame.surfarray.array_alpha(tube.dead) > 160
        x, y = tube.position
        out[x:x + alpha.shape[0], y:y + alpha.shape[1]] = alpha
        return out

    others = np.zeros(SIZE, bool)
    for n in range(len(sign.tubes)):
        if n != index:
            others |= mask(n)
    return mask(index) & ~others


@pytest.fixture(scope="module")
def seen() -> tuple[list[Neon], list[np.ndarray]]:
    return signs(), [channel_max(picture).astype(float) for picture in shipped_in_a_row(TIMES)]


@pytest.mark.parametrize("moment", range(len(TIMES)), ids=TIMES)
@pytest.mark.parametrize("which", (0, 1), ids=("name's o", "COFFEE's O"))
def test_a_dead_letter_is_dark_glass_whenever_the_sign_is_lit(
        seen: tuple[list[Neon], list[np.ndarray]], moment: int, which: int) -> None:
    sign, picture = seen[0][which], seen[1][moment]
    dead = float(picture[own_glass(sign, DEAD)].mean())
    lit = float(picture[own_glass(sign, LIT)].mean())
    assert dead < DARKER * lit, (TIMES[moment], dead, lit)
