"""A dip shows one scene at a time, each under its own sky: the scene being left keeps its
sky down to the dark (over the arriving scene's, the flash's orange sky went grey in a frame
as the dip into the ash began), the arriving one's comes up out of it."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import TICKS, Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, layer, timeline

ORANGE = layer("sky", top="#c05010", bottom="#e07020", stars=0, sun=False, clouds=0)
GREY = layer("sky", top="#606060", bottom="#707070", stars=0, sun=False, clouds=0)
STEP = 12  # levels: the most the sky's mean colour may change from one frame to the next


def dip(kind: str) -> Timeline:
    """A burning orange sky, then from 13:00 a 4 s dip to a grey one."""
    return timeline(f"[[scene]]\nat = \"12:00\"\nname = \"fire\"\n{ORANGE}{NO_POST}"
                    f"[[scene]]\nat = \"13:00\"\nname = \"ash\"\n"
                    f"transition = {{ type = \"{kind}\", seconds = 4 }}\n{GREY}{NO_POST}")


@pytest.mark.parametrize("kind", ["dip-to-black", "dip-to-white"])
def test_the_sky_sinks_into_the_dip_without_a_jump(kind: str) -> None:
    """Every frame from just before the dip to its end, drawn in a row: the sky's mean
    colour never moves more than STEP levels a frame, orange at the dip's start, grey at
    its end."""
    line = dip(kind)
    headless()
    compositor = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    skies = []
    for tick in range(-6, round(4 * TICKS) + 6):
        compositor.draw(surface, state_at(line, parse_clock("13:00") + (tick + 0.5) / TICKS))
        skies.append(pygame.surfarray.array3d(surface)[:, : SIZE[1] // 3].mean(axis=(0, 1)))
    steps = np.abs(np.diff(skies, axis=0)).max(axis=1)
    assert steps.max() <= STEP, (int(steps.argmax()) - 6, steps.max())
    assert skies[7][0] > skies[7][2] + 60  # (the dip begun: still orange, sinking)
    assert np.abs(skies[-1] - (0x68, 0x68, 0x68)).max() <= 12
