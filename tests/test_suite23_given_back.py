"""A test after one that ran the command line in the test process: a compositor it drops, having
built its next scene ahead, is freed with its pictures (not kept set aside from the collector
until the worker ends: see collector.given_back)."""

from __future__ import annotations

import gc
import weakref

import pygame
from day_config import SHIPPED
from visuals.helpers import NO_POST, SIZE, layer, timeline

from installation.__main__ import main
from installation.core.timeline import state_at
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

FPS = 60
LEAD_S = 3.0  # the last seconds of the first scene drawn: the second is built ahead in them


def test_the_command_line_run_here_sets_what_is_alive_aside() -> None:
    """(What the next test must not inherit: start-up's gc.freeze, as in the show.)"""
    assert main(["validate", str(SHIPPED)]) == 0
    assert gc.get_freeze_count() > 0


def test_a_compositor_dropped_after_building_ahead_is_freed() -> None:
    headless()
    body = layer("sky", clouds=0.5) + layer("skyline") + NO_POST
    line = timeline(f"[[scene]]\nat = \"20:00\"\nname = \"a\"\n{body}"
                    f"[[scene]]\nat = \"21:00\"\nname = \"b\"\n{body}")
    compositor = Compositor(line, SIZE, print, timer=lambda: 0.0)  # every frame has room
    surface = pygame.Surface(SIZE)
    second = line.scenes[1]
    for n in range(int(LEAD_S * FPS)):
        compositor.draw(surface, state_at(line, second.at - LEAD_S + n / FPS))
    assert compositor.ready(second)
    gone = weakref.ref(compositor)
    del compositor
    gc.collect()
    assert gone() is None, "the compositor is kept: set aside from the collector"
