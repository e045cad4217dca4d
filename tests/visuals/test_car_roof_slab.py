"""A car passing right under the eye is never a slab: its roof, as big as a corner of the
picture, is shaded along it (turning down towards its glass at both ends, the sky's streak
across its curve), not one colour from end to end (17:00:02 and 17:00:10, the second review:
a flat roof filled the picture's corner for a fifth of a second)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.car_details import at
from installation.visuals.car_paint import finish, paint_of
from installation.visuals.cars import ROOF_FAR, WINDOWS, draw_shell, shells

SIZE, HORIZON, LANE = (1920, 1080), 430, -0.3  # a car coming in the inner lane
UNDER = 0.0  # its near end's depth: passing under the eye, its roof filling the corner
DUSK_SKY = ((70, 80, 140), (230, 140, 100))  # the sky overhead and down the street
ALONG = (0.5, 0.6, 0.7, 0.8, 0.9, 0.97)  # along its roof, its part in the picture
SPREAD = 45  # levels (summed) between the lightest and the darkest of them, at least
SEEN = 0.05  # of the picture, at least: the roof in sight fills a corner of it


def test_a_roof_under_the_eye_is_shaded_along_it() -> None:
    shell = shells(SIZE[0] // 2, SIZE, HORIZON, np.array([LANE]), np.array([UNDER]))[0]
    surface = pygame.Surface(SIZE)
    colours = finish(*paint_of(0, 0.6), *DUSK_SKY)
    draw_shell(surface, shell, colours, front=True)
    frame = pygame.surfarray.array3d(surface).astype(int).sum(axis=-1)
    windows = shell[WINDOWS:WINDOWS + 4]
    roof = (shell[ROOF_FAR], windows[1], windows[2], shell[ROOF_FAR + 1])
    seen = pygame.Surface(SIZE)
    pygame.draw.polygon(seen, (255, 255, 255), roof)
    assert pygame.surfarray.array2d(seen).astype(bool).mean() >= SEEN, "it fills a corner"
    for across in (0.5, 0.7):
        levels = [int(frame[at(roof, across, along)]) for along in ALONG
                  if 0 <= at(roof, across, along)[0] < SIZE[0]
                  and 0 <= at(roof, across, along)[1] < SIZE[1]]
        assert len(levels) >= 4, levels
        assert max(levels) - min(levels) >= SPREAD, (across, levels)


def test_a_roof_is_shaded_smoothly_not_in_bands() -> None:
    """Across a roof (its far edge turning down, the sheen rising to its near edge and dimming
    where it turns down to the flank) and along one under the eye, no two neighbouring pixels
    differ by more than a few levels: in 2 to 9 strips it showed steps of 12 to 20 levels, bands
    across the roofs of parked and passing cars."""
    from installation.visuals.car_details import rounded

    for index in range(6):
        colours = finish(*paint_of(index, 0.6), *DUSK_SKY)
        for along_too in (False, True):  # (True: as big as one under the eye)
            surface = pygame.Surface((340, 200))
            rounded(surface, [(20, 20), (320, 20), (320, 180), (20, 180)], colours.roof,
                    colours.shoulder, colours.flank, along_too)
            frame = pygame.surfarray.array3d(surface).astype(int)
            across = np.abs(np.diff(frame[22:318, 100], axis=0)).max()
            along = np.abs(np.diff(frame[170, 24:176], axis=0)).max()
            most = (12, 12) if along_too else (8, 0)  # (it had 17 to 20; 12 or 13 across)
            assert across <= most[0], f"a step of {across} levels across paint {index}'s roof"
            assert along <= most[1], f"a step of {along} levels along paint {index}'s roof"
