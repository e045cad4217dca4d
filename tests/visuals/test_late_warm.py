"""A show started (or a timeline reloaded) in the panic's middle, before the window goes: the
sprites the scene's warm-up would have drawn ahead are drawn in the order they are first
needed, the people in sight first and the runners in the order they set off, and none of
anyone out of the picture (so the rush never waits on a sprite drawn as it shows)."""

from __future__ import annotations

from itertools import count

import pygame

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import at_once
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.late_warm import LateWarm
from installation.visuals.render import headless

from .helpers import SHIPPED, layer, one_scene

SIZE = (480, 270)
START = "04:22:50"  # ten story seconds before the window goes (and the runners set off)


def cold(line: Timeline, at: str) -> tuple[Compositor, LateWarm]:
    """A compositor whose first frame is at `at` (nothing built ahead), and what it owes (a
    piece of it drawn: the frame took a second by its clock)."""
    headless()
    clock = count()
    compositor = Compositor(line, SIZE, print, timer=lambda: float(next(clock)))
    compositor.draw(pygame.Surface(SIZE), state_at(line, parse_clock(at)))
    owed = compositor.ahead.owed
    assert owed is not None
    return compositor, owed


def figures_of(compositor: Compositor, line: Timeline, at: str) -> list[Figures]:
    scene = state_at(line, parse_clock(at)).scene
    built = compositor._layers(scene)
    return [one for _i, _spec, one in built.entries if isinstance(one, Figures)]


def test_a_cold_start_draws_the_runners_in_the_order_they_set_off() -> None:
    line = load_timeline(SHIPPED)
    compositor, owed = cold(line, START)
    layers = figures_of(compositor, line, START)
    navy, green = [one for one in layers if one.params["pose"] == "run"
                   and one.params["from"] is not None and one.params["scale"] == 0.27
                   and one.params["count"] == 6]
    runs: list[tuple[int, object]] = []
    while len(runs) < 4 and not owed.done:
        owed.step()
        runs = [(place, look) for place, pose, _left, look, _turn in owed.made
                if pose == "run" and layers[place] in (navy, green)]
    first = [(layers.index(navy), navy.looks[0]), (layers.index(green), green.looks[0]),
             (layers.index(navy), navy.looks[1]), (layers.index(green), green.looks[1])]
    assert runs == first  # the one who leaves first, first; each drawn before the next
    made = owed.made[:owed.made.index((*first[0][:1], "run", False, first[0][1], 0))]
    assert made and all(layers[place] not in (navy, green) for place, *_ in made)
    assert all(pose != "idle" or layers[place] not in (navy, green)
               for place, pose, *_ in owed.made)  # standing off the picture: never drawn


def test_whoever_stands_out_of_the_picture_is_never_drawn_nor_drawn_ahead() -> None:
    line = one_scene(layer("figures", pose="run", path=[[-0.3, 0.9], [1.3, 0.9]],
                           speed=0.2, count=2, spacing=1.0, scale=0.3, rim="#ffd49a"))
    headless()
    state = state_at(line, parse_clock("12:00:03"))
    compositor = Compositor(line, SIZE, print)
    runners, ahead = (Figures(line.scenes[0].layers[0].params,
                              compositor.setup(state.scene, 0, "figures")) for _ in range(2))
    frame = compositor.frame(state)
    assert [m.pose for m in runners.members(frame)] == ["run", "idle"]  # one waits, unseen
    runners.draw(pygame.Surface(SIZE), frame)
    assert len(list(runners.sprites.drawn())) == 1  # the one running (on main: both)
    at_once(ahead.warm(frame))  # built ahead: every running sprite, no standing one (they
    # stand only at the path's ends, both out of the picture)
    assert len(list(ahead.sprites.drawn())) == ahead.sprites.steps("run") * len(set(ahead.looks))


def test_a_frame_that_cuts_the_building_short_leaves_the_rest_owed() -> None:
    line = load_timeline(SHIPPED)
    headless()
    compositor = Compositor(line, SIZE, print)
    built = compositor._layers(state_at(line, parse_clock(START)).scene)

    def sprites() -> int:
        return sum(len(list(one.sprites.drawn())) for one in figures_of(compositor, line, START))

    while sprites() == 0:  # built ahead up to the people's first sprite
        built.step()
    before = sprites()
    built.finish()  # the scene's first frame comes
    assert built.owed and built.ready
    assert sprites() == before  # not the rest of them in that frame (owed: drawn after it)
