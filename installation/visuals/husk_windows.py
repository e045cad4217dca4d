"""The burnt May Company's windows that flames lick out of after the flash, placed in the
picture (the smoke layer burns them: see smoke.py)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from installation.visuals.base import Setup
from installation.visuals.maycompany_husk import burning_windows, husk_seed
from installation.visuals.maycompany_surfaces import columns_of

WINDOWS = 4  # windows burning out of each burnt May Company of a scene with smoke
CLEAR = 0.05  # of the picture's width: none this near a fire at its foot (whose flames would
# hide it)

Window = tuple[int, int, int]  # a burning window's sill: its middle, its row, and its width


def window_fires(setup: Setup, feet: Sequence[tuple[int, int]]) -> list[Window]:
    """The windows that flames lick out of in each burnt May Company of the scene, clear of
    the fires at `feet` (see maycompany_husk.burning_windows), west first."""
    width, height = setup.size
    out: list[Window] = []
    for spec in setup.scene.layers:
        if spec.type != "maycompany" or not spec.params.get("burnt", False):
            continue
        left, right = columns_of(spec.params, setup.size)
        unit = spec.params["scale"] * height
        middle = round(spec.params["x"] * width)
        ground = round(spec.params["ground"] * height)
        across = np.arange(right - left, dtype=np.float32) + 0.5 - (middle - left)
        away = [(x - middle, CLEAR * width) for x, _y in feet]
        out.extend((round(middle + at), round(ground - sill), max(1, round(wide)))
                   for at, sill, wide in burning_windows(across, unit, husk_seed(middle, unit),
                                                         WINDOWS, away))
    return out
