"""Deep time's finds: one animal of each kind in the tar (a sabre-tooth, a dire wolf, a mammoth's
tusk, ribs, a teratorn...), each whole above the picture's foot, two of them moving."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.visuals import bones, fossil_kinds
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.fossil_small import SMALL
from installation.visuals.render import headless

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
DEEP_TIME = "The tar keeps everything"
SIZE = (960, 540)
FOOT = 0.055  # no bone in this share of the picture's height above its foot (the frame cut
# a skull in half there, twice)
STRATA_ONLY = 180  # alpha: the strata's tar and streaks stay under it, a bone is laid at 235
KINDS = {"sabre-tooth skull", "dire wolf skull", "mammoth tusk", "ribs", "teratorn"}
MOVED = 300  # pixels of the cut that change as the drifting finds move over the scene


@pytest.fixture(scope="module")
def layer() -> bones.Bones:
    """The shipped deep time's bones layer, built at half size."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == DEEP_TIME)
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == "bones")
    setup = Compositor(line, SIZE, print).setup(scene, index, "bones")
    return bones.Bones(scene.layers[index].params, setup)


def drawn(layer: bones.Bones, seconds: float) -> np.ndarray:
    """The cut as drawn `seconds` into the scene (still and moving parts), (x, y) alpha."""
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == DEEP_TIME)
    state = state_at(line, scene.at + 60.0)
    surface = pygame.Surface(SIZE, pygame.SRCALPHA)
    frame = Frame(state.story_time, seconds, state)
    layer.draw_still(surface, frame)
    moved = bones.DRIFT * SIZE[1] * min(1.0, seconds / bones.DRIFT_SECONDS)  # (its ends)
    for drifting in layer.drifting:
        at = (int(drifting.x), layer.top + int(drifting.y + drifting.way * moved))
        surface.blit(drifting.sprite, at)
    return pygame.surfarray.array_alpha(surface)


def test_each_find_is_an_animal_of_its_own(layer: bones.Bones) -> None:
    """The same half-skull lay twice: the finds laid are of different kinds, among them the
    sabre-tooth, the dire wolf, the mammoth's tusk, a ribcage and the teratorn."""
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == DEEP_TIME)
    setup = Compositor(line, SIZE, print).setup(scene, 0, "bones")
    laid = layer._laid(7, (SIZE[0], SIZE[1] - layer.top), setup)
    names = [find.name for find, *_rest in laid if find not in SMALL]  # (small bones repeat)
    assert len(set(names)) == len(names) and KINDS <= set(names), names


def test_every_find_lies_whole_above_the_foot_of_the_picture(layer: bones.Bones) -> None:
    """Both skulls were cut by the picture's bottom edge, a thigh bone lost in its last 60
    rows: every bone, where it lies and where it drifts to, is clear of the foot."""
    setup = Compositor(load_timeline(SHIPPED), SIZE, print).setup(
        next(s for s in load_timeline(SHIPPED).scenes if s.name == DEEP_TIME), 0, "bones")
    deepest = [(x, bones.find_scale(SIZE[1], find, band) * bones.FIND_REACH)
               for find, x, _y, band, _way in layer._laid(7, (SIZE[0], SIZE[1] - layer.top),
                                                          setup) if band > min(bones.DEPTHS)]
    clear = [n for n in range(SIZE[0]) if all(abs(n - x) > reach for x, reach in deepest)]
    for seconds in (0.0, bones.DRIFT_SECONDS):  # (the near band's: the deeper go down into
        alpha = drawn(layer, seconds)[clear]  # its dark foot, fossil25)
        foot = SIZE[1] - round(FOOT * SIZE[1])
        assert alpha[:, foot:].max() < STRATA_ONLY, seconds


def test_two_finds_drift_while_we_watch(layer: bones.Bones) -> None:
    """Three and a half minutes of one still picture: two finds surface or settle over the
    scene; both lie elsewhere by its end."""
    assert len(layer.drifting) == 2
    start, end = (pygame.Surface(SIZE) for _ in range(2))
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == DEEP_TIME)
    state = state_at(line, scene.at + 60.0)
    for surface, seconds in ((start, 0.0), (end, bones.DRIFT_SECONDS)):
        layer.draw_moving(surface, Frame(state.story_time, seconds, state))
    moved = pygame.surfarray.array3d(start).astype(int) - pygame.surfarray.array3d(end)
    assert (np.abs(moved).max(axis=2) > 20).sum() > MOVED


NEW = ("dire wolf skull", "mammoth tusk", "teratorn")  # the kinds drawn by fossil_kinds' own pens


@pytest.mark.parametrize("name", NEW)
def test_each_new_kind_is_drawn_as_one_piece_of_some_size(name: str) -> None:
    """The jaw, the tusk and the bird are each a bone of some size in one piece (a kind
    drawn as specks reads as dust; the jaw's fang apart from it, as a thorn)."""
    find = next(find for find in fossil_kinds.FINDS if find.name == name)
    piece = pygame.Surface((400, 400), pygame.SRCALPHA)
    find.pen(piece, 200, 60, (140, 100, 60, 255), random.Random(1))
    covered = pygame.mask.from_surface(piece, 1)
    assert covered.count() > 800, find.name
    assert len(covered.connected_components(30)) == 1, find.name


STEADY = 3  # levels: the most the still tar between the finds may change between two frames


def test_the_tar_under_the_mother_holds_steady_between_frames(layer: bones.Bones) -> None:
    """A pale column a fifth of the picture wide swept through the tar under her, 130 px on
    between frames 1.4 real seconds apart (09:00): a flicker. Away from the two drifting finds
    and the glints on the bones, the cut is the same picture from frame to frame."""
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == DEEP_TIME)
    state = state_at(line, scene.at + 3600.0)
    pictures = []
    for seconds in (84.0, 85.4, 95.0):
        surface = pygame.Surface(SIZE)
        layer.draw_moving(surface, Frame(state.story_time, seconds, state))
        pictures.append(pygame.surfarray.array3d(surface).astype(int))
    still = np.ones(SIZE, bool)
    for drifting in layer.drifting:  # (where they lie, and as far as they go)
        w, h = drifting.sprite.get_size()
        travel = round(bones.DRIFT * SIZE[1]) + 2
        x, y = int(drifting.x), layer.top + int(drifting.y)
        still[max(0, x):x + w, max(0, y - travel):y + h + travel] = False
    for x, y, _phase in layer.glints:
        half = layer.glow[0].get_width()
        still[max(0, x - half):x + half, max(0, y - half):y + half] = False
    for across in layer.bubbles.across:  # (rising bubbles, deep24: their columns)
        x, reach = round(across * SIZE[0]), 2 * layer.bubbles.sprites[-1][0].get_width()
        still[max(0, x - reach):x + reach, layer.top:] = False
    for later in pictures[1:]:
        change = np.abs(later - pictures[0]).max(axis=2)
        assert change[still].max() <= STEADY, f"the still tar changed by {change[still].max()}"
