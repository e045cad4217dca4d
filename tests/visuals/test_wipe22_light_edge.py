"""The light wipe's edge: below the horizon each spot turns from the night to the morning as
the light's soft front comes down over it, so nothing of the morning is seen through the night
but as the light passes (the calf came as a ghost over a fossil's bones, 10:31:30-10:32:30;
since wipe24 the front is soft, review 23 #3: a hard edge read as a screen tear)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline
from installation.core.timeline.model import Transition
from installation.core.timeutil import parse_clock
from installation.visuals.light_wipe import LightWipe
from installation.visuals.render import headless

from .drawn_once import in_a_row
from .helpers import SHIPPED

WIDTH, HEIGHT, LAND = 40, 100, 30  # a picture whose land begins at row 30
STEPS = np.linspace(0.0, 1.0, 41)
BONE, CALF = 170, 25  # levels: the night's fossil, the morning's calf over the same spot
SMALL = (320, 180)
DAY = 86400.0  # seconds
SLACK = 12  # levels: a pixel this near the night's or the morning's picture is that one
DIFFERS = 40  # levels: where the two pictures differ this much, a mix of them shows
FRONT_ROWS = 0.15  # of the picture's height: the rows of a column where the front shows both
# or its light (light_front: FEATHER and REACH at our feet; before wipe22: the whole land)


def pictures() -> tuple[pygame.Surface, pygame.Surface]:
    """The night (dark tar, a pale bone across rows 50-60) and the morning (pale haze, a dark
    calf over rows 45-80), each under its own sky."""
    old, new = (np.zeros((WIDTH, HEIGHT, 3), np.uint8) for _ in range(2))
    old[:, :LAND], new[:, :LAND] = 60, 200
    old[:, LAND:], new[:, LAND:] = 40, 130
    old[10:30, 50:60] = BONE
    new[12:28, 45:80] = CALF
    return pygame.surfarray.make_surface(old), pygame.surfarray.make_surface(new)


def test_the_land_turns_at_the_light_front_coming_down() -> None:
    """At every step each column of the land is the morning's whole above the light's front
    and the night's whole below it, the front a few rows (where it shows both, and its
    light); the front only comes down, and is past the foot of the picture by the end."""
    headless()
    old, new = pictures()
    night, morning = (pygame.surfarray.array3d(p).astype(int)[:, LAND:] for p in (old, new))
    wipe = LightWipe((WIDTH, HEIGHT))
    edge_before = 0
    for progress in STEPS:
        frame = pygame.Surface((WIDTH, HEIGHT))
        wipe.apply(frame, old, new, float(progress), land=LAND)
        land = pygame.surfarray.array3d(frame).astype(int)[:, LAND:]
        is_new = (land == morning).all(axis=2)
        is_old = (land == night).all(axis=2)
        front = ~(is_new | is_old)
        for column in range(WIDTH):
            rows = front[column].nonzero()[0]
            top, foot = (rows.min(), rows.max() + 1) if rows.size else (0, 0)
            assert foot - top <= FRONT_ROWS * HEIGHT, (float(progress), column)
            if rows.size:  # the morning whole above the front, the night whole below it
                assert is_new[column, :top].all() and is_old[column, foot:].all()
        turned = is_new & ~is_old
        edge = int(turned.any(axis=0).nonzero()[0].max()) + 1 if turned.any() else 0
        assert edge >= edge_before, float(progress)
        edge_before = edge
    assert edge_before == HEIGHT - LAND


def arriving(line: Timeline, at: str, transition: Transition) -> Timeline:
    """The day with the scene at `at` arriving by `transition`."""
    return dataclasses.replace(line, scenes=tuple(
        dataclasses.replace(scene, transition=transition)
        if scene.at == parse_clock(at) else scene for scene in line.scenes))


def test_the_calf_never_shows_through_the_night_at_the_tar_pits() -> None:
    """In the shipped day's wipe at 10:30 (12 real s; story seconds here, with no pace), below
    the horizon every pixel where the night and the morning differ is one of them but in the
    light's front, a few rows of each column: the calf stands dark and whole where the light
    has passed, the fossils lie whole where it has not, the bones through the calf's back only
    as the light passes over them."""
    line = load_timeline(SHIPPED)
    alone = (arriving(line, "10:30", Transition("light-wipe", DAY)),
             arriving(line, "10:30", Transition("cut", 0.0)))
    moments = [f"10:30:{second:02d}" for second in (6, 8, 10)]
    shown, olds, news = (in_a_row(each, moments, SMALL) for each in (line, *alone))
    horizon = round(0.64 * SMALL[1]) + 2
    for at, *made in zip(moments, shown, olds, news, strict=True):
        frame, old, new = (pygame.surfarray.array3d(p).astype(int)[:, horizon:] for p in made)
        differ = (np.abs(old - new) > DIFFERS).any(axis=2)
        near = ((np.abs(frame - old) <= SLACK).all(axis=2)
                | (np.abs(frame - new) <= SLACK).all(axis=2))
        mixed = (differ & ~near).sum(axis=1)
        assert mixed.max() <= FRONT_ROWS * SMALL[1], (at, int(mixed.max()))
