"""Deep time is a tar seep's jumble of bone at depths, not a museum's shelf: the large finds
lie at more than one depth, overlapping, small bones crowd the gaps between them, and the
cut's lowest band is darker than the bands over it (review 25: all seven in one row 50 px
deep along the foot, evenly spaced, the same light, empty tar between)."""

from __future__ import annotations

from itertools import combinations

import pygame
import pytest

from installation.core.timeline import load_timeline
from installation.visuals import bones
from installation.visuals.fossil_kinds import FINDS

from .test_bones_legible import DEEP_TIME, SHIPPED, setup_of

SIZE = (960, 540)
SPREAD = 0.12  # the large finds' middles reach over at least this share of the picture's
# height, top to bottom (0.05 on the shelf)
OVERLAPPING = 6  # pairs of finds overlapping at least (none on the shelf)
SMALL_AT_LEAST = 8  # small bones in the cut
GAPS_FILLED = 3  # gaps between neighbouring large finds with a small bone in them
FOOT_DARKER = 0.7  # the cut's lowest rows at most this much of the light of its middle rows
LARGE = {find.name for find in FINDS}

Laid = list[tuple[str, float, float, float]]  # each find's name, middle (x, y), size


@pytest.fixture(scope="module")
def deep_time() -> tuple[bones.Bones, Laid]:
    """The shipped deep time's bones, built once, and how each find lies."""
    params, setup = setup_of(load_timeline(SHIPPED), DEEP_TIME, SIZE)
    layer = bones.Bones(params, setup)
    count = round(bones.BONES * params["amount"])
    laid = layer._laid(count, (SIZE[0], SIZE[1] - layer.top), setup)
    return layer, [(find.name, x, y, bones.find_scale(SIZE[1], find, band) * find.reach)
                   for find, x, y, band, _way in laid]


def test_the_large_finds_lie_at_several_depths(deep_time: tuple[bones.Bones, Laid]) -> None:
    """The large finds' middles reach over SPREAD of the picture's height, not one row."""
    rows = [y for name, _x, y, _r in deep_time[1] if name in LARGE]
    assert max(rows) - min(rows) >= SPREAD * SIZE[1], rows


def test_the_finds_overlap(deep_time: tuple[bones.Bones, Laid]) -> None:
    """At least OVERLAPPING pairs of finds lie over each other (reach across and up)."""
    boxes = [(x - r, x + r, y - bones.EXTENT * r, y + bones.EXTENT * r)
             for _n, x, y, r in deep_time[1]]
    pairs = [1 for a, b in combinations(boxes, 2)
             if a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]]
    assert len(pairs) >= OVERLAPPING, len(pairs)


def test_small_bones_crowd_the_gaps_between_the_large(
        deep_time: tuple[bones.Bones, Laid]) -> None:
    """Small bones lie in the cut, in several of the gaps between neighbouring large finds."""
    small = [x for name, x, _y, _r in deep_time[1] if name not in LARGE
             and name not in bones.OWN]
    large = sorted(x for name, x, _y, _r in deep_time[1] if name in LARGE)
    filled = sum(any(a < x < b for x in small) for a, b in zip(large, large[1:], strict=False))
    assert len(small) >= SMALL_AT_LEAST and filled >= GAPS_FILLED, (len(small), filled)


def test_the_lowest_band_is_darker_than_the_upper(deep_time: tuple[bones.Bones, Laid]) -> None:
    """The cut's lowest rows are darker than its middle: the oldest tar keeps only a glimpse."""
    light = pygame.surfarray.array3d(deep_time[0].image).max(axis=2).astype(float)
    depth = light.shape[1]
    foot = light[:, round(depth * 0.95):].mean()
    middle = light[:, round(depth * 0.4):round(depth * 0.6)].mean()
    assert foot <= FOOT_DARKER * middle, (foot, middle)
