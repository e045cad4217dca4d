"""The light wipe into the morning (10:30) reveals one scene where the other goes: across its
front each spot shows the night or the morning, never both through each other (across its
soft band the calf's back and the ribs in the tar showed through each other for half a
second: a double exposure)."""

from __future__ import annotations

import pygame

from installation.visuals.light_wipe import LightWipe
from installation.visuals.render import headless

SIZE = (960, 540)
LAND = 300  # the row the land begins (the sky above it rises as one: not the front's)
NIGHT, MORNING = (200, 0, 0), (0, 0, 200)  # the two scenes' figures: red, blue
SHOWS = 50  # levels of its own channel: a scene's figure showing at a spot
MIXED = 5  # rows in a column, at most, where both show (the front's soft edge, 7 rows at 1080;
# base: 8-14 at this size, its soft band)
PROGRESS = (0.55, 0.65, 0.75, 0.85)  # the front on its way down over the land


def test_across_its_front_a_spot_shows_one_scene_not_both() -> None:
    headless()
    wipe = LightWipe(SIZE, seed=3)
    old, new = pygame.Surface(SIZE), pygame.Surface(SIZE)
    old.fill(NIGHT)
    new.fill(MORNING)
    for progress in PROGRESS:
        frame = pygame.Surface(SIZE)
        wipe.apply(frame, old, new, progress, LAND, SIZE[0] // 3)
        rgb = pygame.surfarray.array3d(frame)[:, LAND:]
        both = (rgb[..., 0] >= SHOWS) & (rgb[..., 2] >= SHOWS)
        most = int(both.sum(axis=1).max())
        assert most <= MIXED, f"{progress:.2f} of the way: both show in {most} rows of a column"
