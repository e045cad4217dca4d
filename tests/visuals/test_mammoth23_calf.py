"""The calf is one calf all day: at noon on its bank, beside Julie at 14:30 and alone on the
morning shore (10:45) it wears one shaggy red-brown coat, lit by each scene's light (on main a
pale tan at noon, read as a sheep, the family's near-black brown at 14:30 and black in the
morning haze: three animals)."""

from __future__ import annotations

import numpy as np
import pygame

from .helpers import shipped_picture

SIZE = (960, 540)
FLANKS = {"12:10": (slice(660, 710), slice(448, 485)),  # its flank and shoulder on its bank
          "14:35": (slice(540, 602), slice(408, 457)),  # beside Julie
          "10:45": (slice(660, 710), slice(448, 485))}  # on its bank in the morning
RED = 18  # levels: a red-brown coat's median red over its blue, at least (main: 10-31; 20 till
# calf25 modelled its coat round: the dark morning calf's flank, darker in its middle, 19) ...
BAND = 2.2  # ... and its brightest scene's median at most this many times its darkest's
# (main: 3.1, a pale tan calf at noon and a black one at 10:45; its side in its own shade
# against the low morning sun, darker than the haze, 2.0)


def _coats() -> dict[str, np.ndarray]:
    return {at: np.median(pygame.surfarray.array3d(shipped_picture(at, SIZE))[box]
                          .reshape(-1, 3), axis=0) for at, box in FLANKS.items()}


def test_the_calf_wears_one_red_brown_coat_at_noon_at_half_past_two_and_in_the_morning() -> None:
    coats = _coats()
    for at, coat in coats.items():
        assert coat[0] - coat[2] >= RED, f"{at}: {coat} is not red-brown"
    levels = [float(coat.sum()) for coat in coats.values()]
    assert max(levels) <= BAND * min(levels), coats
