"""A scene the show has moved past is freed at once, its layers and their pictures with it (not
when the cycle collector next runs: in a long show that may be half a day later)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pygame

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import DAY_SECONDS
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import SIZE

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
INTO_SCENE = 90.0  # story seconds into each scene the frame is drawn


def test_every_scene_of_the_day_let_go_is_freed_without_the_collector() -> None:
    headless()
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    held: dict[str, list[weakref.ref[object]]] = {}
    gc.collect()  # what earlier tests left is not this day's
    collecting = gc.isenabled()
    gc.disable()
    try:
        for scene in line.scenes:
            compositor.draw(surface, state_at(line, (scene.at + INTO_SCENE) % DAY_SECONDS))
            alive = compositor._scenes.values()  # noqa: SLF001 - what the show still holds
            for built in alive:
                held.setdefault(built.scene.name, [weakref.ref(built)]).extend(
                    weakref.ref(layer) for _n, _spec, layer in built.entries
                    if layer is not None)
            names = {built.scene.name for built in alive}
            kept = sorted({type(ref()).__name__ for name, refs in held.items()
                           if name not in names for ref in refs if ref() is not None})
            assert kept == [], f"let go before {scene.name!r}, still alive: {kept}"
        assert loops_left() == [], "the day's drawing left loops only the collector frees"
    finally:
        if collecting:
            gc.enable()


def loops_left() -> list[str]:
    """Our objects that nothing reaches but a loop of references among themselves (the
    collector, run now, finds them), by kind."""
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        return sorted({f"{type(thing).__module__}.{type(thing).__qualname__}"
                       for thing in gc.garbage
                       if type(thing).__module__.startswith("installation.")})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
