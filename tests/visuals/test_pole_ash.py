"""Wilshire under ash (06:35-08:00): a bent lamp post stands in the same ashen air as the street
round it: ash along the upper edge of its arm, the haze in front of its iron, the arm bent over
(two crisp near-black strokes, its arm crossed the grey sky like a scratch)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.street_scorch import IRON, Pole, pole

SIZE = (400, 300)
SKY = (110, 104, 98)  # the grey ash sky behind it
UNIT = 300  # pixels a world unit across and up, at depth 1
BENT = 4  # pixels: its arm runs this far off a straight rod somewhere (main: 0)
HAZE = 10  # levels: the haze lifts its iron this much at least, at depth 1


def _project(x: float, z: float, up: float = 0.0) -> tuple[int, int]:
    return int(200 + x * UNIT / z), int((280 - up * UNIT) / z)


def _drawn() -> np.ndarray:
    """A near post leaning towards the road, its arm bent down, on the sky (luminance, x, y)."""
    image = pygame.Surface(SIZE)
    image.fill(SKY)
    pole(image, _project, Pole((0.5, 1.0, 0.0), (0.3, 1.0, 0.8), (0.1, 1.0, 0.6), False))
    return pygame.surfarray.array3d(image).astype(float) @ np.array([0.3, 0.59, 0.11])


def test_the_bent_posts_arm_carries_ash_and_the_haze_lies_in_front_of_it() -> None:
    shade = _drawn()
    sky = float(np.dot(SKY, [0.3, 0.59, 0.11]))
    top = _project(0.3, 1.0, 0.8)
    end = _project(0.1, 1.0, 0.6)
    columns = range(end[0] + 6, top[0] - 6)  # along the arm, clear of the pole and its end
    lit, darkest = 0, 255.0
    bends = []
    for x in columns:
        dark = np.flatnonzero(shade[x] < sky - 25)
        if not dark.size:
            continue
        above = shade[x, max(0, dark[0] - 3) : dark[0]]
        lit += int(above.size > 0 and above.max() > sky + 8)  # ash on it, paler than the sky
        darkest = min(darkest, float(shade[x].min()))
        straight = top[1] + (end[1] - top[1]) * (x - top[0]) / (end[0] - top[0])
        bends.append(abs(dark.mean() - straight))
    assert lit >= len(columns) * 0.6, f"ash along its top in {lit} of {len(columns)} columns"
    iron = float(np.dot(IRON, [0.3, 0.59, 0.11]))
    assert darkest >= iron + HAZE, f"the haze in front of its iron: {darkest - iron:.0f} levels"
    assert max(bends) >= BENT, f"its arm bent over, {max(bends):.1f} px off straight"
