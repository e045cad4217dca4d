"""A show started in a scene's transition: its first frame builds only what it shows."""

from __future__ import annotations

import pygame

from installation.core.timeline import Timeline, state_at
from installation.visuals.base import Frame, build, finished
from installation.visuals.compositor import Compositor
from installation.visuals.post import GRAIN_FPS, GRAIN_FRAMES, Post
from installation.visuals.render import headless
from installation.visuals.scene_layers import defaults
from installation.visuals.transitions import shown

from .helpers import SIZE, layer, timeline

FPS = 60
MOMENT = 1.0 / FPS  # a start lands just after the scene began


def dipping_pair(kind: str = "dip-to-black") -> Timeline:
    """Two scenes, the second arriving by `kind` with layers that take a while to build."""
    night = (layer("sky", clouds=0.5) + layer("skyline") + layer("street", wet=True)
             + layer("silhouette", shape="palm") + layer("post", grain=0.2, vignette=0.5))
    return timeline(f"[[scene]]\nat = \"20:00\"\nname = \"dusk\"\n{layer('sky')}"
                    f"{layer('skyline')}[[scene]]\nat = \"21:00\"\nname = \"night\"\n"
                    f"transition = {{ type = \"{kind}\", seconds = 4 }}\n{night}")


def frames(compositor: Compositor, line: Timeline, start: float, count: int) -> list[bytes]:
    """`count` frames a 60th of a second apart from `start`, as the show draws them."""
    surface = pygame.Surface(compositor.size)
    pictures = []
    for n in range(count):
        compositor.draw(surface, state_at(line, start + n / FPS))
        pictures.append(pygame.image.tobytes(surface, "RGB"))
    return pictures


def built(line: Timeline) -> Compositor:
    """A compositor with both scenes of the pair built in full before its first frame."""
    compositor = Compositor(line, SIZE, print)
    for scene in line.scenes:
        compositor._scene(scene)
    return compositor


def test_a_start_in_a_dip_leaves_the_arriving_scene_for_later_frames() -> None:
    headless()
    line = dipping_pair()
    night = line.scenes[1]
    compositor = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, state_at(line, night.at + MOMENT))
    assert not compositor.ready(night)  # the dusk fading out is all the first frame shows
    frames(compositor, line, night.at + 2 * MOMENT, 2 * FPS)  # the dip's first half
    assert compositor.ready(night)  # built in pieces before it comes up from black


def test_the_frames_of_a_start_are_those_of_scenes_built_beforehand() -> None:
    headless()
    for kind in ("dip-to-black", "crossfade", "light-wipe"):
        line = dipping_pair(kind)
        start = line.scenes[1].at + MOMENT
        count = 3 * FPS
        quick = frames(Compositor(line, SIZE, print), line, start, count)
        assert quick == frames(built(line), line, start, count), kind


def test_the_arriving_scene_is_built_once_a_frame_shows_it() -> None:
    headless()
    line = dipping_pair("crossfade")
    night = line.scenes[1]
    compositor = Compositor(line, SIZE, print)
    for n in range(1, 3 * FPS):
        state = state_at(line, night.at + n * MOMENT)
        compositor.draw(pygame.Surface(SIZE), state)
        if shown(night.transition.type, state.progress)[1]:
            assert compositor.ready(night)
            return
    raise AssertionError("the crossfade never showed the arriving scene")


def test_post_effects_made_for_a_frame_show_the_grain_of_those_built_ahead() -> None:
    headless()
    line = dipping_pair()
    compositor = Compositor(line, SIZE, print)
    params = defaults("post", grain=0.2, vignette=0.5, scanlines=0.3)
    setup = compositor.setup(line.scenes[0], -2, "post", on_screen=True)
    now, ahead = Post(params, setup), finished(build(Post, params, setup))
    assert sum(cover is None for cover in now.covers) == GRAIN_FRAMES  # made as frames show them
    for tick in (2, 0, 3, 1, 2):  # every grain frame, one of them again
        seconds = tick / GRAIN_FPS
        frame = Frame(seconds, seconds, state_at(line, line.scenes[0].at + seconds))
        pictures = []
        for made in (now, ahead):
            surface = pygame.Surface(SIZE)
            surface.fill((128, 96, 64))
            made.draw(surface, frame)
            pictures.append(pygame.image.tobytes(surface, "RGB"))
        assert pictures[0] == pictures[1], tick
