"""The coyote in the empty diner (05:12-05:15) walks and trots on a coyote's legs: a hind leg
bent back at the hock through every step, the hock's point standing out behind it (on a2f51b4f
bent ~34 degrees standing, round at the joint: a bent stick)."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.visuals.figure_paint import paint
from installation.visuals.quadruped import coyote
from installation.visuals.render import headless

STEPS = 32  # phases looked at through a cycle
BENT = 40.0  # degrees: a hind leg's cannon turns at least this far from its shank at the hock
# (a2f51b4f: 34, standing)
BIG = 400  # pixels: the coyote's height, drawn to look at
POINT = 0.04  # of its height: the standing coyote's near hock stands out this far behind the
# joint, at least (a2f51b4f: its round end, 0.025)


def _turned(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> float:
    """How far (degrees) the line from b to c turns from the line from a to b."""
    first = math.atan2(b[1] - a[1], b[0] - a[0])
    second = math.atan2(c[1] - b[1], c[0] - b[0])
    return abs(math.degrees((second - first + math.pi) % (2 * math.pi) - math.pi))


def test_its_hind_legs_are_bent_back_at_the_hock_through_every_step() -> None:
    """Walking, trotting or standing, at every phase each hind leg's cannon turns BENT degrees
    or more from its shank at the hock, and the hock stands behind the line from the stifle to
    the fetlock (bent back, as a dog's, never forward)."""
    for name in ("walk", "run", "idle"):
        for step in range(STEPS):
            joints = coyote(name, step / STEPS, 0.0).joints
            for leg in ("hind_near", "hind_far"):
                stifle, hock, fetlock = (joints[f"{leg}{n}"] for n in (1, 2, 3))
                bend = _turned(stifle, hock, fetlock)
                assert bend >= BENT, (name, step, leg, round(bend))
                share = (hock[1] - stifle[1]) / (fetlock[1] - stifle[1])
                assert hock[0] < stifle[0] + share * (fetlock[0] - stifle[0]), (name, step, leg)


def test_the_point_of_its_hock_stands_out_behind() -> None:
    """Drawn big, the standing coyote's near hind leg reaches POINT of its height behind its
    hock joint on the hock's row: the hock's point, not a round knuckle."""
    headless()
    body = coyote("idle", 0.0, 0.0)
    near = [capsule for capsule in body.capsules if not capsule.far]
    paper = pygame.Surface((2 * BIG, 2 * BIG))
    paper.fill((255, 255, 255))

    def at(p: tuple[float, float]) -> tuple[float, float]:
        return BIG + p[0] * BIG, 1.5 * BIG - p[1] * BIG

    paint(paper, at, BIG, near, [], (0, 0, 0), 0.0)
    ink = pygame.surfarray.array3d(paper)[..., 0] < 128
    x, y = at(body.joints["hind_near2"])
    row = np.flatnonzero(ink[:, round(y)])
    behind = row[(row < x) & (row > x - 0.2 * BIG)]
    assert behind.size and (x - behind.min()) / BIG >= POINT, (x, behind.min() if behind.size
                                                                 else None)
