"""The mother going under (10:34-10:41) reads as a mammoth sinking: her tusk a round, solid
curve (at 10:40 it lay in three flat stripes), ivory where it leaves her face (its stained
root lay over her trunk as a grey see-through smear at 10:34), her trunk at rest above its
lower sweep (hanging down and curled up, the tusk cut it into a bow-tie), and at 10:40 her
trunk raised over her crown (curled up to her brow, her crown and its tip read as a bird's
head)."""

from __future__ import annotations

from functools import partial

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.mammoth import MIRED_TUSKS, TUSK_IVORY, mammoth
from installation.visuals.mammoth_coat import smooth
from installation.visuals.pen import Pen, render
from installation.visuals.tusks import IVORY, draw_near

from .helpers import headless

PX = 297.0  # pixels a unit: the mother's at 10:30 (scale 1.1 at 1080 rows)
BOUNDS = (-1.25, 0.75, 0.0, 1.75)  # her box, in units (facing left, feet at 0)
COAT = (11, 11, 13)
LEVELS = 6  # across the middle of her tusk, at least this many shades (lit to shaded) ...
STEP = 24  # ... none more than this many levels (RGB summed) from the next pixel's (base: 3
# strips, steps of 30-40)
FACE = -0.8  # units: in front of this her near tusk has left her face ...
PALE = 0.8  # ... and every pixel down its middle is at least this share of the way to ivory
BELOW = 0.03  # units under her near tusk's lower edge looked at for her trunk hanging there
DARK = 40  # levels summed: a pixel this dark or darker is her coat (her trunk)
OVER = 0.06  # units: raised highest, her trunk's top stands this far over her crown at least


def _picture(draw: object, bounds: tuple[float, float, float, float] = BOUNDS
             ) -> tuple[np.ndarray, np.ndarray]:
    """A drawing's colours (RGB summed) and alpha, [x, y]."""
    headless()
    image = finished(render(draw, bounds, PX, False, COAT))  # type: ignore[arg-type]
    return (pygame.surfarray.array3d(image).astype(int).sum(axis=2),
            pygame.surfarray.array_alpha(image))


def _at(x: float, y: float, bounds: tuple[float, float, float, float] = BOUNDS
        ) -> tuple[int, int]:
    return int((x - bounds[0]) * PX) + 2, int((bounds[3] - y) * PX) + 2


def _near(pen: Pen, color: tuple[int, int, int]) -> None:
    draw_near(pen, MIRED_TUSKS, color, TUSK_IVORY, smooth)


def test_her_tusk_is_shaded_round_across_not_in_flat_stripes() -> None:
    """Across her tusk, half way along its lower sweep (where it runs level), its shade goes
    from lit to shaded in many small steps."""
    colors, alpha = _picture(_near)
    x, y = _at(-0.93, 0.92)
    column = [(colors[x, row], alpha[x, row]) for row in range(y - 40, y + 40)]
    inside = [value for value, opaque in column if opaque > 250]
    levels = len({value // 4 for value in inside[2:-2]})
    steps = np.abs(np.diff(inside[2:-2]))
    assert levels >= LEVELS, f"{levels} shades across it"
    assert steps.max() <= STEP, f"a step of {steps.max()} across it"


def test_her_tusk_is_ivory_from_where_it_leaves_her_face() -> None:
    """Down its middle, out in front of her face, her tusk is ivory, not her coat's colour
    half way to it (stained over her dark trunk, a grey see-through smear)."""
    colors, alpha = _picture(_near)
    ivory = sum(IVORY) * TUSK_IVORY + sum(COAT) * (1 - TUSK_IVORY)
    pale = []
    for (ax, ay), (bx, by) in zip(smooth(MIRED_TUSKS.line), smooth(MIRED_TUSKS.line)[1:],
                                  strict=False):
        if ax > FACE or ay > 1.0:  # its lower sweep, out of her face
            continue
        for k in range(8):
            x, y = _at(ax + (bx - ax) * k / 8, ay + (by - ay) * k / 8)
            if alpha[x, y] > 250:
                pale.append((colors[x, y] - sum(COAT)) / (ivory - sum(COAT)))
    assert pale and min(pale) >= PALE, f"{min(pale):.2f} of the way to ivory"


def test_at_rest_her_trunk_does_not_hang_under_her_tusk() -> None:
    """In front of her face, under her near tusk's lower sweep, nothing of her trunk hangs:
    the tusk crosses it once, at its root (hanging there and curled up, it showed above and
    below the tusk as a bow-tie)."""
    colors, alpha = _picture(partial(mammoth, mired=True))
    hanging = 0
    for x_units in np.arange(-1.0, FACE, 0.01):
        x, _ = _at(float(x_units), 0.0)
        rows = np.flatnonzero((alpha[x] > 250) & (colors[x] > 3 * DARK))  # the tusk's
        if not rows.size:
            continue
        under = slice(rows.max() + 2, rows.max() + 2 + int(BELOW * PX))
        hanging += int(np.count_nonzero((alpha[x, under] > 128) & (colors[x, under] <= DARK)))
    assert hanging == 0, f"{hanging} px of her trunk under her tusk"


def test_raised_highest_her_trunk_stands_over_her_crown() -> None:
    """Straining highest (10:40, going under), her trunk stands up over her crown in front
    of it, the last of her to go: not curled over her brow, a bump on her head."""
    _colors, alpha = _picture(partial(mammoth, mired=True, lift=1.0))
    solid = alpha > 128
    crown_x, _ = _at(-0.5, 0.0)
    crown = int(np.flatnonzero(solid[crown_x - 20:crown_x + 20].any(axis=0))[0])
    front = slice(*(_at(x, 0.0)[0] for x in (-1.0, -0.7)))
    top = int(np.flatnonzero(solid[front].any(axis=0))[0])
    assert crown - top >= OVER * PX, f"its top {(crown - top) / PX:.2f} units over her crown"
