"""The police helicopter's spot: a cone of light from its nose that leans as it searches."""

from __future__ import annotations

import numpy as np

from .helpers import NO_POST, frame_at, layer

BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)


def test_the_searching_cone_leans_in_a_straight_line_without_steps() -> None:
    """Below the helicopter the cone's light is centred, row by row, on one straight leaning
    line (its bands of rows slide sideways as the cone leans): never more than a pixel and a
    half off it, never a stair of three pixels from one row to the next."""
    size = (640, 360)
    body = BLACK_SKY + layer("helicopter", y=0.2, ground=0.95) + NO_POST
    for seconds in (3.0, 11.0, 23.0):
        frame = frame_at(body, "22:00", seconds, size).sum(axis=2).astype(float)
        rows = np.arange(int(size[1] * 0.4), int(size[1] * 0.75))  # the cone alone
        band = frame[:, rows]
        peak = band.argmax(axis=0)
        middles = []
        for n, at in enumerate(peak):  # the light's middle near its brightest column
            near = np.arange(max(0, at - 12), min(size[0], at + 13))
            weights = band[near, n]
            middles.append(float((near * weights).sum() / weights.sum()))
        slope, offset = np.polyfit(rows, middles, 1)
        worst = np.abs(np.asarray(middles) - (slope * rows + offset)).max()
        assert worst < 1.5, f"{worst:.2f} pixels off its line at {seconds}s"
        step = np.abs(np.diff(middles)).max()
        assert step < 2.75, f"a stair of {step:.2f} pixels from one row to the next at {seconds}s"
