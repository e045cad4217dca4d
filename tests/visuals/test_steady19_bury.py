"""The ash deepening over the ruins' ground (ash_bury): each step's repaint as cheap as it can
be, the picture the same."""

from __future__ import annotations

import itertools

import pygame

from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.ash_bury import BLEND, Buried
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.ruins import Ruins

from .helpers import NO_POST, assert_as_fresh, layer, timeline

SIZE = (64, 24)
SIZE_SMALL = (480, 270)
BAND_MOST = 0.25  # a frame repaints at most this share of the ground's rows (a band of the
# rows the ground and what lies on it cover: an eighth, ~15 of its 98 rows at 480x270)


def grounds(depths: int) -> tuple[tuple[pygame.Surface, tuple[int, int]], ...]:
    """An opaque ground under each depth of ash, lighter the deeper (as the ruins' are)."""
    out = []
    for n in range(depths):
        ground = pygame.Surface(SIZE)
        ground.fill((40 + 20 * n, 36 + 20 * n, 34 + 20 * n))
        out.append((ground, (0, 8)))
    return tuple(out)


def test_an_opaque_ground_is_still_copied_after_a_step_blended_it() -> None:
    """A step between two depths lays the deeper ground over the other at an opacity; after,
    the ground is as it was: opaque, copied by the next repaint (given back an opacity of 255,
    every later repaint blended it, ~30 times slower: 8.6 ms a 1920x389 ground, the Ash
    scene's slow frames) and the picture the same."""
    pictures = grounds(3)
    buried = Buried((pictures,), (0.0, 100.0))
    surface = pygame.Surface((64, 40))
    buried.draw(surface, BLEND // 2)  # halfway from the first depth to the second
    assert all(picture.get_alpha() is None for picture, _ in pictures)
    again = pygame.Surface((64, 40))
    buried.draw(again, BLEND // 2)
    assert pygame.image.tobytes(again, "RGB") == pygame.image.tobytes(surface, "RGB")


RUINS = {"ground": 0.64, "height": 0.22, "fires": 0, "color": "#221c1a", "boulevard": True,
         "boulevard_x": 0.62, "fallen": True, "bury": 1, "ash": 0.2, "ash_end": 1.8}
# (the shipped Ash's ruins, without its fires: only the ash changes)
ASH = ('[[scene]]\nat = "05:30"\nname = "Ash"\n' + layer("sky", clouds=0) + layer("ruins", **RUINS)
       + NO_POST + '[[scene]]\nat = "06:35"\nname = "next"\n' + layer("sky", clouds=0))
WALK = 60.0  # story seconds walked (over two steps of the ash: 3900 s / 144 steps)
FRAME = 0.25  # story seconds a frame


def ruins_of(line: Timeline, size: tuple[int, int]) -> Ruins:
    """The Ash scene's ruins layer, built as the compositor seeds it, at `size`."""
    headless()
    scene = line.scenes[0]
    index = next(i for i, spec in enumerate(scene.layers) if spec.type == "ruins")
    setup = Compositor(line, size, print).setup(scene, index, "ruins")
    return Ruins(dict(scene.layers[index].params), setup)


def repainted_rows(areas: list[pygame.Rect]) -> int:
    """How many rows of the picture the areas reach into."""
    return len({y for area in areas for y in range(area.top, area.bottom)})


def test_a_step_of_the_ash_repaints_a_band_of_the_ground_a_frame() -> None:
    """Frame after frame, as the ash deepens over the ground and what lies on it, no frame
    paints more than a band of its rows again (the whole ground and the sign at once, a
    frame ~15 ms at 1920x1080), and every row is painted again as the steps come."""
    line = timeline(ASH)
    ruins = ruins_of(line, SIZE_SMALL)
    ground = SIZE_SMALL[1] - ruins.ground
    start = parse_clock("05:40")
    looks = [ruins.look(Frame(start + n * FRAME, n * FRAME, state_at(line, start + n * FRAME)))
             for n in range(int(WALK / FRAME))]
    repaints = [ruins.changed(old, new) for old, new in itertools.pairwise(looks)]
    rows = [repainted_rows(areas) for areas in repaints if areas]
    assert len(rows) >= 2, f"the ash changed in {len(rows)} frames of {WALK:g} s"
    assert max(rows) <= ground * BAND_MOST, f"rows repainted in one frame: {max(rows)}"
    reached = {y for areas in repaints for area in areas for y in range(area.top, area.bottom)}
    assert set(range(ruins.ground, SIZE_SMALL[1])) <= reached


def test_the_ground_kept_from_frame_to_frame_is_the_ground_drawn_fresh() -> None:
    """Painted again a band at a time, the kept picture is at every moment the one drawn
    fresh for it (no band left a step behind, none repainted out of turn)."""
    line = timeline(ASH)
    start = parse_clock("05:40")
    assert_as_fresh(line, [start + n * FRAME for n in range(int(WALK / FRAME))], every=60)
