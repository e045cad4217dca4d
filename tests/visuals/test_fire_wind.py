"""After the flash the fires and their smoke stand in one wind: each plume rises from its fire,
broad and lit orange from below where it leaves the flames (seen in front of the dark ruins
behind it), and the flames lean the way their smoke leans, their tips torn downwind."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.flames import make_fire
from installation.visuals.made_once import MadeOnce

from .helpers import NO_POST, frame_at, layer
from .test_fire_light import column_foot

SIZE = (640, 360)
TOWER = "#221c1a"  # the ruins' dark towers in Ash, the smoke's background here
DARK = layer("sky", top=TOWER, bottom=TOWER, stars=0, sun=False, clouds=0)
FLAME = (87, 139)  # a flame's sprite as Ash draws it at 1920x1080 (width, height)


def flames_at(wind: float) -> np.ndarray:
    """A fire of three flames burning in `wind`, its lit pixels' brightness (x, y), summed over
    a second of its flicker; its foot's middle at column 200."""
    book = finished(make_fire(*FLAME, (255, 110, 36), 1988, (3,), MadeOnce(), wind)).blazes[0]
    total = np.zeros((400, 200))
    for step in range(8):
        surface = pygame.Surface((400, 200))
        surface.blit(book.frame(0, step * 2), (200 - book.anchor[0], 190 - book.anchor[1]))
        total += pygame.surfarray.array3d(surface)[..., 0]
    return total


def top_middle(light: np.ndarray) -> float:
    """Where across the flames' upper half their light lies, on average (a column)."""
    rows = np.nonzero(light.sum(axis=0) > 0)[0]
    upper = light[:, rows[0]:(rows[0] + rows[-1]) // 2]
    return float((upper.sum(axis=1) * np.arange(len(upper))).sum() / upper.sum())


def test_flames_lean_with_the_wind_their_smoke_leans_with() -> None:
    """Blown right, the upper half of the flames lies well right of where it stands in still
    air; blown left, well left (a fifth of a flame's width or more either way)."""
    right, left, still = (top_middle(flames_at(wind)) for wind in (0.6, -0.6, 0.0))
    assert right > still + FLAME[0] / 5, (right, still)
    assert left < still - FLAME[0] / 5, (left, still)


def test_a_plume_rises_from_its_fire_broad_and_lit_in_front_of_a_dark_tower() -> None:
    """Over the fire, from its flames up through a ruined tower's height, the smoke is lighter
    than the dark tower behind it (lit by the fire under it) and broad: in each band of rows,
    over a stretch as wide as the fire at least, it lightens the tower by 12 levels or more
    (a thin dark column there was lost against the tower and seemed to start at its top)."""
    def picture(amount: float) -> np.ndarray:
        body = DARK + layer("smoke", columns=1, ground=0.64, height=0.85, wind=0.6,
                            color="#2c2624", amount=amount, size=1.3) + NO_POST
        return frame_at(body, "06:00", 20.0, SIZE).sum(axis=2) / 3

    lit = picture(0.85) - picture(0.0)  # the smoke's own light, the fire's drawn in both
    x, y = column_foot(DARK + layer("smoke", columns=1, ground=0.64, height=0.85, wind=0.6,
                                    color="#2c2624", size=1.3), SIZE)  # (from the flames' top)
    flame = round(SIZE[1] * 0.048 * 1.3)  # (the smaller flames' width it was as broad as)
    rise = SIZE[1] * 0.85
    for low, high in ((0.03, 0.08), (0.08, 0.14), (0.14, 0.2)):
        rows = lit[:, int(y - rise * high):int(y - rise * low)].mean(axis=1)
        near = rows[max(0, x - 3 * flame):x + 3 * flame]
        assert (near >= 12).sum() >= flame, (low, high, int((near >= 12).sum()), flame)
