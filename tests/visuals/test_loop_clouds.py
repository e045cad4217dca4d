"""The sky at the day's seam: the clouds at 11:59:59 are the clouds at 12:00:00."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import Timeline

from .helpers import NO_POST, draw, layer, timeline

SKY = layer("sky", horizon=0.64, clouds=0.8)
MOVED = 3.0  # mean level change (of 255) over the sky's top: a drifted band changes ~10


def day() -> Timeline:
    """Noon and dusk, each with the day's sky, cut from one to the other."""
    scene = (
        '[[scene]]\nat = "{at}"\nname = "{name}"\ntransition = {{ type = "cut", seconds = 0 }}\n'
    )
    return timeline(
        scene.format(at="12:00", name="noon")
        + SKY
        + NO_POST
        + scene.format(at="18:00", name="dusk")
        + SKY
        + NO_POST
    )


def sky(line: Timeline, at: str) -> np.ndarray:
    surface = draw(line, at)
    return pygame.surfarray.array3d(surface)[:, : surface.get_height() // 2].astype(float)


def test_the_clouds_stay_where_they_are_as_the_day_begins_again() -> None:
    line = day()
    last, first = sky(line, "11:59:59"), sky(line, "12:00:00")
    assert np.abs(last - first).mean() < MOVED


def test_the_clouds_stay_where_they_are_across_a_cut() -> None:
    line = day()
    noon, dusk = sky(line, "17:59:59"), sky(line, "18:00:00")
    assert np.abs(noon - dusk).mean() < MOVED


def test_the_clouds_still_drift() -> None:
    line = day()
    assert np.abs(sky(line, "13:00:00") - sky(line, "13:20:00")).mean() > MOVED
