"""Park La Brea's lawn and their window (04:35-04:50): the far lawn goes into the sky's glow (no
lighter slab for the towers to stand on), darkening towards the viewer by how far off it lies,
with no bands; and their lit room is seen through their tower's window, in its one frame."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.render import headless
from installation.visuals.xplan import FRAME_BAR
from installation.visuals.xplan_park import park_top

from .helpers import one_frame
from .test_park_la_brea import FULL_HD, frame, show

PAST = slice(1900, 1916)  # columns at the picture's right edge (the farthest tower runs off it:
# the far lawn there is compared with the sky as it is drawn with no tower over it)
ROWS = 16  # rows of the sky just over the lawn's far edge, and of the lawn just under it
NEAR_EDGE = 3  # rows left clear of the edge itself (the city's lights lie along it)
LIGHTER = 3  # levels: the far lawn is at most this much lighter than the sky over it (the
# mauve slab: 23 at 04:35, 13 at 04:42)
FRAME_DARK = 60  # the window's frame: no channel brighter
WARM = 30  # their room: this much redder than blue (the frame is bluish)
INTO = 4  # pixels inside the glass: their room


def light(pixels: np.ndarray) -> float:
    return float((pixels.astype(float) @ np.array([0.3, 0.59, 0.11])).mean())


def sky_alone(at: str) -> np.ndarray:
    """The scene's sky (and its grain and vignette) at `at`, with nothing over it."""
    headless()
    line, _ = show()
    line = replace(line, scenes=tuple(
        replace(s, layers=tuple(spec for spec in s.layers if spec.type in ("sky", "post")))
        if s.name == "Park La Brea" else s for s in line.scenes))
    surface = one_frame(line, FULL_HD, state_at(line, parse_clock(at)), None,
                        lambda _message: None)
    return pygame.surfarray.array3d(surface).astype(int)


def test_the_far_lawn_meets_the_sky_not_a_lighter_slab() -> None:
    """The lawn just under its far edge is no lighter than the sky just over it would be, as
    the scene begins and in its middle (the far lawn was a mauve slab, lighter than the sky
    and than the near grass: the towers stood on plinths)."""
    _, plan = show()
    assert plan.view is not None
    edge = park_top(plan.view, list(plan.cores[1:]))
    for at in ("04:35:30", "04:42"):
        picture = frame(at)[PAST]
        sky = light(sky_alone(at)[PAST][:, edge - NEAR_EDGE - ROWS:edge - NEAR_EDGE])
        lawn = light(picture[:, edge + NEAR_EDGE:edge + NEAR_EDGE + ROWS])
        assert lawn <= sky + LIGHTER, (at, lawn, sky)


def test_the_lawn_darkens_by_distance_in_no_bands() -> None:
    """Down the lawn each row is as hazy as the ground there is far off: half its glow is
    gone where the ground lies at two thirds of the far edge's distance, and no two rows
    differ by more than a level (in steps of rows, the glow stood in 48 bands, down the
    picture evenly)."""
    from installation.visuals.xplan_park import lawn_of  # (5c243bca painted bands: no Lawn)

    _, plan = show()
    assert plan.view is not None
    edge = park_top(plan.view, list(plan.cores[1:]))
    lawn = lawn_of(plan.view, (0, edge), 1080, (22, 22, 34))
    column = lawn.column()
    colors = np.array([column.get_at((0, y))[:3] for y in range(column.get_height())], int)
    assert np.abs(np.diff(colors, axis=0)).max() <= 1
    far = lawn.away(edge)
    row = next(y for y in range(edge, 1080) if lawn.away(y) <= 2 / 3 * far)
    glow = colors[:, 0] - colors[-1, 0]
    assert glow[row - edge] <= glow[0] / 2, (glow[row - edge], glow[0])


def test_their_room_is_seen_inside_their_windows_frame() -> None:
    """Their lit room fills the glass of their tower's window, and the window's own frame
    shows round it on every side (the room was a picture of its own size in a frame of its
    own, over the window's: the room over the frame above and below, the reveal beside it)."""
    _, plan = show()
    home = plan.home
    assert home is not None
    bar = max(2, home.height // FRAME_BAR)
    glass = home.inflate(-2 * bar, -2 * bar)
    picture = frame("04:42")
    sides = {"left": ((glass.left - bar // 2, glass.centery), (glass.left + INTO, glass.centery)),
             "right": ((glass.right + bar // 2, glass.centery),
                       (glass.right - 1 - INTO, glass.centery)),
             "top": ((glass.centerx, glass.top - bar // 2), (glass.centerx, glass.top + INTO)),
             "foot": ((glass.centerx + glass.width // 4, glass.bottom + bar // 2),
                      (glass.centerx + glass.width // 4, glass.bottom - 1 - INTO))}
    for side, (outside, inside) in sides.items():
        red, _green, blue = picture[inside]
        assert red - blue > WARM, (side, picture[inside])
        assert picture[outside].max() < FRAME_DARK or side == "foot", (side, picture[outside])
        assert picture[outside][0] - picture[outside][2] < WARM, (side, picture[outside])
