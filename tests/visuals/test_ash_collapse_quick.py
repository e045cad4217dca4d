"""The tower's collapse repainted quicker (ashperf14): where its tiers, shards and dust change
between two frames is given to the background as one box round them (a few dozen boxes were
joined by it a pair at a time, ~1 ms a frame), and the frames drawn in a row through the fall
are still the frames drawn alone."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.ruins import Ruins

from .test_collapse import FALLS, LINE, SIZE, frame

FPS = 60


def _ruins(compositor: Compositor) -> Ruins:
    scene = LINE.scenes[0]
    compositor.built_ahead(scene)
    built = compositor._scenes[scene.index]  # noqa: SLF001 - the built layer itself
    ruins = next(layer for _index, spec, layer in built.entries if spec.type == "ruins")
    assert isinstance(ruins, Ruins)
    return ruins


def _frame(compositor: Compositor, seconds: float) -> Frame:
    return compositor.frame(state_at(LINE, FALLS + seconds))


def test_the_falling_tower_and_its_dust_are_repainted_in_one_box() -> None:
    """Between two frames while the dust billows, the ruins name a few areas for the collapse,
    holding every pixel of the dust of both frames."""
    headless()
    compositor = Compositor(LINE, SIZE, print)
    ruins = _ruins(compositor)
    assert ruins.collapse is not None
    for seconds in (4.0, 6.5, 8.5, 11.0):
        was = ruins.look(_frame(compositor, seconds))
        now = ruins.look(_frame(compositor, seconds + 0.5))
        assert was.collapse != now.collapse
        areas = ruins.changed(was, now)
        assert 1 <= len(areas) <= 12, f"{len(areas)} areas at {seconds} s"  # (one box round
        # them all till collapse24: it repainted much of the skyline 30 times a second; now a
        # box for each chunk, the floors, the shards and the dust, which the background joins)
        painted = np.zeros(SIZE, bool)
        for area in areas:
            area = area.clip(pygame.Rect((0, 0), SIZE))
            painted[area.left:area.right, area.top:area.bottom] = True
        puffs = [(picture, (x, y + ruins.top)) for moment in (was.collapse, now.collapse)
                 if moment is not None for picture, (x, y), _ in ruins.collapse.dust_blits(moment)]
        assert len(puffs) >= 2 and all(_shown_in(picture, place, painted)
                                       for picture, place in puffs)  # (the dust one picture
        # a moment since dust21; since perf26 painted again only where it shows, and the tiers
        # only where they moved: see test_perf26_collapse_repaint)


def _shown_in(picture: pygame.Surface, place: tuple[int, int], painted: np.ndarray) -> bool:
    """Is every pixel of `picture` (laid at `place`) with any alpha within `painted`?"""
    box = pygame.Rect(place, picture.get_size()).clip(pygame.Rect((0, 0), SIZE))
    shown = pygame.surfarray.array_alpha(picture)[box.left - place[0]:box.right - place[0],
                                                  box.top - place[1]:box.bottom - place[1]] > 0
    return not (shown & ~painted[box.left:box.right, box.top:box.bottom]).any()


def test_frames_drawn_at_60_fps_through_the_dust_are_the_frames_drawn_alone() -> None:
    """Every pixel, at four moments of the fall and its dust, after a second of frames in a
    row before each (each repainting only the box round the collapse)."""
    headless()
    kept = Compositor(LINE, SIZE, print)
    for end in (3.0, 6.5, 9.0, 12.0):
        for n in range(FPS, -1, -1):
            drawn = pygame.Surface(SIZE)
            kept.draw(drawn, state_at(LINE, FALLS + end - n / FPS))
        assert np.array_equal(pygame.surfarray.array3d(drawn), frame(end)), end
