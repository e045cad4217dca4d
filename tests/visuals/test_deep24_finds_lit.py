"""Deep time's finds read from across the room (review 23 #4: brown bones on brown tar, a
sabre-tooth's skull read as a carnival mask): the sabre-tooth's long canines pale as ivory
against its skull, and each find lit warm along its upper side in a hollow darker than the
strata round it."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.visuals import bones, fossil_kinds, fossils
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
DEEP_TIME = "The tar keeps everything"
SIZE = (960, 540)
BONE = (0x62, 0x40, 0x2A, 235)  # the shipped bones' colour
CANINE_LIGHT = 1.6  # a canine's pixels at least this much lighter than the skull's median ...
CANINE_GREY = 0.8  # ... and their chroma at most this share of the skull's (ivory, not bone)
CANINE_PIXELS = 150  # at a size of 60 px: two sabres' worth, not a glint
LIT = {"sabre-tooth skull": 2.7, "ribs": 1.38}  # a find's lit side this many times as light
# as the strata round it (on main 2.5 and 1.3: brown on brown)


def test_a_sabre_tooths_long_canines_are_pale_ivory_below_its_skull() -> None:
    """Laid as in the tar (soaked, sunk), the sabre-tooth's skull has pixels paler and greyer
    than its bone-brown skull in its lower half, where its canines hang: on main the fang was
    the skull's own brown (a nose on a mask)."""
    find = next(find for find in fossil_kinds.FINDS if find.name == "sabre-tooth skull")
    piece = pygame.Surface((400, 400), pygame.SRCALPHA)
    fossils.lay(piece, find.pen, 200, 200, 60, BONE, random.Random(2), (0.0, 0.0), find.line)
    rgb = pygame.surfarray.array3d(piece).astype(float)
    alpha = pygame.surfarray.array_alpha(piece)
    shown = alpha > 200
    light, chroma = rgb.max(axis=2), np.ptp(rgb, axis=2)
    body_light, body_chroma = np.median(light[shown]), np.median(chroma[shown])
    rows = np.flatnonzero(shown.any(axis=0))
    lower = np.zeros_like(shown)
    lower[:, (rows[0] + rows[-1]) // 2:] = True
    ivory = shown & lower & (light > CANINE_LIGHT * body_light) & (
        chroma < CANINE_GREY * body_chroma * light / body_light)
    assert ivory.sum() > CANINE_PIXELS, (ivory.sum(), body_light, body_chroma)


@pytest.fixture(scope="module")
def cut() -> tuple[np.ndarray, bones.Bones, list[tuple[str, float, float, float]]]:
    """The shipped deep time's bones over its tar at half size (each pixel's brightest
    channel), the layer, and each find: its name, its middle in the picture and size."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == DEEP_TIME)
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == "bones")
    setup = Compositor(line, SIZE, print).setup(scene, index, "bones")
    params = scene.layers[index].params
    layer = bones.Bones(params, setup)
    surface = pygame.Surface(SIZE)
    surface.fill(params["tar"])
    layer.draw_still(surface, Frame(scene.at + 3600.0, 0.0, state_at(line, scene.at + 3600.0)))
    depth = SIZE[1] - layer.top
    finds = [(find.name, x, layer.top + y, bones.find_scale(SIZE[1], find, stratum))
             for find, x, y, stratum, way in layer._laid(7, (SIZE[0], depth), setup) if not way]
    return pygame.surfarray.array3d(surface).max(axis=2).astype(float), layer, finds


@pytest.mark.parametrize("name", LIT)
def test_a_find_is_lit_well_above_the_strata_round_it(
        cut: tuple[np.ndarray, bones.Bones, list[tuple[str, float, float, float]]],
        name: str) -> None:
    """A still find's lit side (its brightest tenth within its size of its middle) is LIT
    times as light as the strata in a ring just round it (their median): its sheen, and the
    darker hollow it lies in."""
    light, _layer, finds = cut
    _name, x, y, size = next(find for find in finds if find[0] == name)
    columns, rows = np.meshgrid(np.arange(SIZE[0]), np.arange(SIZE[1]), indexing="ij")
    far = np.hypot(columns - x, rows - y) / size
    inside = light[far < 1.0]
    ring = light[(far > 1.6) & (far < 2.0) & (rows >= _layer.top)]
    ratio = np.percentile(inside, 90) / np.median(ring)
    assert ratio > LIT[name], ratio
