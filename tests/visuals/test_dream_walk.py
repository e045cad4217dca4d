"""In his dream (02:00-03:50) Harry walks in under her once, stops to look up at her and walks
on out at its end (never off one edge and back in at the other), and reads against the night."""

from __future__ import annotations

import pygame

from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

from .helpers import shipped_program

SIZE = (960, 540)
DREAM = "02:00"
REAL = range(0, 132, 2)  # real seconds into the dream looked at (it lasts about 132)
STANDING = "03:20"  # he stands looking up at her
STANDS_AT = (0.3, 0.96)  # where (of the picture), his feet
CHEST = 0.2  # of the picture, above his feet: his chest
BESIDE = 0.05  # of the width: the night beside him, to his left
READS = 5  # levels (0 to 255) his body is lighter than the night beside him, at the least
#            (in the dark blue he wore he was darker than it: a hole in the night)


def test_harry_walks_across_his_dream_once() -> None:
    """Wherever he is, he is further right than he ever was before (he never comes back
    in at the left); he is seen all through 03:20 to 03:48."""
    program = shipped_program()
    headless()
    line = program.timeline
    scene = next(one for one in line.scenes if one.name == "Dream")
    compositor = Compositor(line, SIZE, lambda _message: None, program.clock)
    layers = [Figures(spec.params, compositor.setup(scene, index, "figures"))
              for index, spec in enumerate(scene.layers) if spec.type == "figures"]
    seen = []
    for real in REAL:
        at = story_after(program.clock, parse_clock(DREAM), real)
        state = state_at(line, at, program.clock)
        frame = Frame(state.story_time, state.scene_seconds, state)
        xs = [member.feet[0] for layer in layers for member in layer.members(frame)]
        assert len(xs) <= 1, (real, xs)
        seen.append((at, xs[0] if xs else None))
    places = [x for _at, x in seen if x is not None]
    assert all(b >= a for a, b in zip(places, places[1:], strict=False)), places
    assert all(x is not None for at, x in seen
               if parse_clock("03:20") <= at <= parse_clock("03:48")), seen


def test_standing_in_his_dream_he_reads_against_the_night() -> None:
    """At 03:20 his chest is clearly lighter than the night just to his left."""
    program = shipped_program()
    headless()
    compositor = Compositor(program.timeline, SIZE, lambda _message: None, program.clock)
    picture = pygame.Surface(SIZE)
    compositor.draw(picture, state_at(program.timeline, parse_clock(STANDING), program.clock))
    shade = pygame.surfarray.array3d(picture).astype(float).mean(axis=2)
    x, y = round(STANDS_AT[0] * SIZE[0]), round((STANDS_AT[1] - CHEST) * SIZE[1])
    him = shade[x - 2:x + 3, y - 3:y + 4].mean()
    night = shade[x - round(BESIDE * SIZE[0]) - 2:x - round(BESIDE * SIZE[0]) + 3,
                  y - 3:y + 4].mean()
    assert him - night >= READS, (him, night)
