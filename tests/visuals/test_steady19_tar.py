"""The tar keeps everything (08:00): its steady frames do only a frame's work: every picture
of the sinking mother (each pose she strains to, and its reflection) is cut where it shows,
and the tar's meeting with each of the city's things sinking in the cut below her made,
ahead of the frame that first shows it."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import pygame
import pytest

from installation.core.timeline import state_at
from installation.visuals import sprites
from installation.visuals.base import Color
from installation.visuals.bench import onward
from installation.visuals.compositor import Compositor
from installation.visuals.mire_wading import Wading
from installation.visuals.render import headless

from .helpers import one_frame, shared_made, shipped_program

SIZE = (480, 270)
FRAMES = 600  # 60 fps frames from the scene's middle: she strains to new poses, things sink
TAR = "The tar keeps everything"


def tar_built() -> tuple[Compositor, list[float]]:
    """A compositor with the shipped tar scene and the two after it built (as the scene before
    built them ahead), and the story times of its frames from its middle on, at the shipped
    pace, as the show draws them."""
    headless()
    program = shipped_program()
    line, pace = program.timeline, program.clock
    scene = next(one for one in line.scenes if one.name == TAR)
    compositor = Compositor(line, SIZE, lambda _message: None, pace)
    for built in (scene, line.after(scene), line.after(line.after(scene))):
        compositor.built_ahead(built)
    compositor.draw(pygame.Surface(SIZE), state_at(line, scene.at, pace))  # (its first frame)
    return compositor, list(islice(onward(line, scene, pace, -1), FRAMES + 1))


def draw_on(compositor: Compositor, times: list[float], counted: tuple[list[object], ...]
            ) -> pygame.Surface:
    """The frames at `times`, in turn (each of `counted` emptied after the first: the show came
    to it frame by frame, the test jumps there); the last."""
    program = shipped_program()
    surface = pygame.Surface(SIZE)
    for n, story_time in enumerate(times):
        compositor.draw(surface, state_at(program.timeline, story_time, program.clock))
        if n == 0:
            for found in counted:
                found.clear()
    return surface


@dataclass(frozen=True)
class Steady:
    """The tar's steady frames drawn once for both tests (FRAMES of them, ~12 s of processor
    time), with what each counts noted as they were drawn: both counters only watch."""

    cuts: list[object]  # the sizes of pictures of her cut in a frame
    made: list[object]  # the rows above the tar of meetings made in a frame
    last: pygame.Surface  # the last frame
    at: float  # its story time


@pytest.fixture(scope="module")
def steady() -> Steady:
    compositor, times = tar_built()
    cuts: list[object] = []
    made: list[object] = []
    blit, prepare = sprites.Banded.blit, Wading.prepare

    def cutting(banded: sprites.Banded, surface: pygame.Surface, sprite: pygame.Surface,
                at: tuple[int, int], area: pygame.Rect | None = None) -> None:
        coming = banded.coming
        if sprite is not banded.sprite and (coming is None or coming[0] is not sprite):
            cuts.append(sprite.get_size())
        blit(banded, surface, sprite, at, area)

    def making(wading: Wading, visible: int, sky: Color) -> None:
        key = (visible, sky)
        ahead = wading.made_figure(visible, sky) is not None
        if wading._key != key and not ahead:
            made.append(visible)
        prepare(wading, visible, sky)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sprites.Banded, "blit", cutting)
        patch.setattr(Wading, "prepare", making)
        last = draw_on(compositor, times, (cuts, made))
    return Steady(cuts, made, last, times[-1])


def test_no_steady_frame_of_the_tar_cuts_a_picture_of_her(steady: Steady) -> None:
    """No frame cuts a picture of her or of her reflection into its bands (cut on the frame a
    pose first showed, it and its reflection took ~2 ms more of that frame at 1080)."""
    assert not steady.cuts, f"pictures cut in a frame (sizes): {steady.cuts}"
    program = shipped_program()
    fresh = one_frame(program.timeline, SIZE, state_at(program.timeline, steady.at, program.clock),
                      shared_made(), lambda _message: None, program.clock)  # (what was made
    # ahead is what a frame would have made)
    assert pygame.image.tobytes(steady.last, "RGB") == pygame.image.tobytes(fresh, "RGB")


def test_no_steady_frame_of_the_tar_makes_a_meeting_with_the_tar(steady: Steady) -> None:
    """As the mother and the city's things in the cut below her sink row by row, the collar
    and coat the tar makes round each at its new depth were made ahead, a piece a frame: no
    frame makes one (the car's, the receiver's and the watch's were made on the frame they
    sank a row, ~1 ms of it at 1080)."""
    assert not steady.made, f"meetings made in a frame (rows above the tar): {steady.made}"
