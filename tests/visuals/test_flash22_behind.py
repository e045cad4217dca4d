"""The flash's light lies on the sky and the far city: the diner's wall in front of the horizon
stands dark against the glare (not washed through by it), and the dead towers are silhouettes,
their windows no longer lit, in the negative and against the light."""

from __future__ import annotations

import functools

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, layer, timeline

SIZE = (640, 360)
HORIZON = 0.72
BEFORE = (layer("sky", top="#0c1020", bottom="#40384a", stars=0, sun=False, clouds=0)
          + layer("skyline", depth=0.25, ground=HORIZON, height=0.16, lit=0.6)
          + layer("diner", depth=0.8, x=0.56, ground=0.8, scale=1.15, empty=True) + NO_POST)
FLASH = (layer("sky", top="#2a120c", bottom="#e0682a", stars=0, sun=False, clouds=0)
         + layer("flash", seconds=20, x=0.27, y=HORIZON) + NO_POST)
CUT = 'transition = { type = "cut", seconds = 0 }'
NEGATIVE, GLARE = 0.03, 0.35  # real seconds into the flash (05:15:00 and 05:15:03 as paced)
WALL = (0.31, 0.39)  # the diner's stone wall, left of its glass (of the width), at the horizon
BESIDE = (0.2, 0.26)  # the far city beside it, clear of the palm's trunk
AT_HORIZON = 3  # rows either side of the horizon row
TOWERS = (0.0, 0.25, 0.6, 0.7)  # the towers left of the light (x from, x to, y from, y to)
DARK, BRIGHT = 60, 120  # grey levels: a hole, and what stands lit round it


@functools.cache
def frames() -> dict[float, np.ndarray]:
    """The negative and the glare, grey levels (x, y), from one build."""
    headless()
    line = timeline(f"[[scene]]\nat = \"05:12\"\nname = \"diner\"\n{BEFORE}\n"
                    f"[[scene]]\nat = \"05:15\"\nname = \"flash\"\n{CUT}\n{FLASH}")
    compositor = Compositor(line, SIZE, lambda _message: None)
    out = {}
    for seconds in (NEGATIVE, GLARE):
        surface = pygame.Surface(SIZE)
        compositor.draw(surface, state_at(line, parse_clock("05:15") + seconds))
        out[seconds] = pygame.surfarray.array3d(surface).astype(float).mean(axis=2)
    return out


def band(frame: np.ndarray, across: tuple[float, float]) -> np.ndarray:
    """The pixels of `frame` along the horizon between the shares `across` of the width."""
    row = round(HORIZON * SIZE[1])
    return frame[round(across[0] * SIZE[0]):round(across[1] * SIZE[0]),
                 row - AT_HORIZON:row + AT_HORIZON + 1]


def holes(frame: np.ndarray, lit: bool) -> int:
    """Pixels in the towers' box unlike the towers round them: dark between bright ones down
    a column (lit: the negative) or bright between dark ones (the silhouettes)."""
    x0, x1, y0, y1 = (round(share * size)
                      for share, size in zip(TOWERS, (SIZE[0], SIZE[0], SIZE[1], SIZE[1]),
                                             strict=True))
    box = frame[x0:x1, y0:y1]
    solid, hole = (box > BRIGHT, box < DARK) if lit else (box < DARK, box > BRIGHT)
    above = np.maximum.accumulate(solid, axis=1)
    below = np.maximum.accumulate(solid[:, ::-1], axis=1)[:, ::-1]
    return int((hole & above & below).sum())


def test_the_wall_stands_dark_against_the_glare_along_the_horizon() -> None:
    """At 05:15:03 the glare along the horizon lights the far city beside the diner, and the
    diner's wall, in front of it, stands dark: not washed through by the band of light."""
    frame = frames()[GLARE]
    wall, beside = band(frame, WALL).mean(), band(frame, BESIDE).mean()
    assert beside > 90, f"the glare lies along the horizon: {beside:.0f}"
    assert wall < 0.35 * beside, f"the wall {wall:.0f} against the glare {beside:.0f}"


def test_the_dead_towers_keep_no_lit_windows() -> None:
    """In the negative (05:15:00) the towers burn in whole, no grid of window holes in them;
    against the light (05:15:03) they stand black, no lit window in them."""
    negative, glare = frames()[NEGATIVE], frames()[GLARE]
    assert holes(negative, lit=True) == 0, "window holes in the burnt-in towers"
    assert holes(glare, lit=False) == 0, "lit windows in the towers against the light"
