"""A scene gone by is let go in pieces while the next plays, not in a first frame after a cut;
and once let go it is freed at once, its layers and their pictures with it (not when the cycle
collector next runs: in a long show that may be half a day later)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pygame
from collector import collector_off

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import DAY_SECONDS
from installation.visuals.compositor import URGENT_SECONDS, Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, layer, timeline

FPS = 60
CUT = 'transition = { type = "cut", seconds = 0 }\n'
SCENES = (("12:00", "a"), ("13:00", "b"), ("14:00", "c"), ("15:00", "d"))
SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
INTO_SCENE = 90.0  # story seconds into each scene the frame is drawn


def test_the_scene_gone_by_is_freed_before_the_next_cut_not_in_its_first_frame() -> None:
    """Four scenes, each arriving by a cut. The first scene's layers are freed in b's steady
    frames (after b's first second, in the slack of its frames), so the first frame after
    the cut to c pays nothing for them: freed whole in that frame, as they were, a scene's
    pictures cost it 3-12 ms at 1080 (the flash's first frame: 21 ms against a steady 5)."""
    headless()
    body = layer("sky", clouds=0.5) + layer("skyline") + NO_POST
    line = timeline("".join(f'[[scene]]\nat = "{at}"\nname = "{name}"\n{CUT}{body}'
                            for at, name in SCENES))
    a, b, c, _d = line.scenes
    compositor = Compositor(line, SIZE, lambda _message: None, timer=lambda: 0.0)  # slack
    surface = pygame.Surface(SIZE)
    drawing: list[float] = []
    freed: list[float] = []

    def draw(story_time: float) -> None:
        drawing.append(story_time)
        compositor.draw(surface, state_at(line, story_time))

    for n in range(int(URGENT_SECONDS * FPS)):  # a's last seconds: b built ahead
        draw(b.at - URGENT_SECONDS + n / FPS)
    skyline = compositor._scenes[a.index].entries[1][2]
    assert skyline is not None
    weakref.finalize(skyline, lambda: freed.append(drawing[-1]))
    del skyline
    for seconds in (0.0, 0.5, 0.9, 1.5, 2.0):  # b cuts in; a second later it is steady
        draw(b.at + seconds)
    for n in range(int(URGENT_SECONDS * FPS) + 1):  # b's last seconds, then c's first frame
        draw(c.at - URGENT_SECONDS + n / FPS)
    assert freed, "the first scene's layers are still held after the cut to c"
    assert b.at + 1.0 <= freed[0] < c.at, "freed in the cut's first frame, or in b's first"


def test_every_scene_of_the_day_let_go_is_freed_without_the_collector() -> None:
    headless()
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    held: dict[str, list[weakref.ref[object]]] = {}
    gc.collect()  # what earlier tests left is not this day's
    with collector_off():
        for scene in line.scenes:
            compositor.draw(surface, state_at(line, (scene.at + INTO_SCENE) % DAY_SECONDS))
            ahead = compositor.ahead
            while ahead._going or ahead._leaving is not None:  # noqa: SLF001 - let go whole
                ahead._let_go_piece()  # noqa: SLF001
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
