"""At first light the runners touch the road: the ground just under their feet is darker than
the road beside them, and Harry's shadow lies long from his feet towards us (the sun low behind
him)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeutil import parse_clock

from .helpers import shipped_crowd, shipped_picture

SIZE = (960, 540)
SCENE = "Across Wilshire at first light"
AT = "05:05:26"  # Harry stopped, turned back to Julie as she comes up behind him to his right
LUMA = np.array([0.3, 0.59, 0.11])
BESIDE = 0.5  # the road beside him: this many of his heights either side of his feet
DARKER = 4.0  # under him darker than beside him by at least this much luminance
UNDER = (2, 6)  # the rows just under the feet (pixels below their line)
SEEN = 30  # runners at least this tall (pixels) are looked at
LONG = (0.25, 0.5)  # and further towards us, in his heights below his feet


Road = tuple[np.ndarray, tuple[int, int], float]  # luminance, someone's feet, their height


@pytest.fixture(scope="module")
def runners() -> list[Road]:
    """The picture's luminance (x, y), with each runner's feet and height there (pixels):
    Harry first, then everyone else in the picture at least SEEN tall, the road either side."""
    crowd = shipped_crowd(SCENE, SIZE)
    frame = crowd.frame(parse_clock(AT))
    luma = pygame.surfarray.array3d(shipped_picture(AT, SIZE)).astype(float) @ LUMA
    seen = []
    for one in sorted(crowd.layers, key=lambda one: one.params["body"] != "harry"):
        for member in one.members(frame):
            tall = one.height * member.share
            x, y = round(member.feet[0]), round(member.feet[1])
            if tall >= SEEN and tall < x < SIZE[0] - tall and y < SIZE[1] - tall:
                seen.append((luma, (x, y), tall))
    return seen


def _under_and_beside(road: Road, rows: tuple[int, int]) -> tuple[float, float]:
    """The mean luminance under someone's feet's column over `rows` (below the feet line), and
    beside them on the same rows (the darker side's, so another's shadow never helps)."""
    luma, (x, y), tall = road
    span = slice(y + rows[0], y + rows[1])
    off = round(BESIDE * tall)
    under = float(luma[x - 1:x + 2, span].mean())
    beside = min(float(luma[x - off - 1:x - off + 2, span].mean()),
                 float(luma[x + off - 1:x + off + 2, span].mean()))
    return under, beside


def test_the_road_just_under_each_runners_feet_is_darker_than_beside_them(
        runners: list[Road]) -> None:
    assert len(runners) >= 3, f"{len(runners)} runners seen at {AT}"
    for road in runners:
        under, beside = _under_and_beside(road, UNDER)
        assert under <= beside - DARKER, f"at {road[1]}: under {under:.1f}, beside {beside:.1f}"


def test_harrys_shadow_lies_long_towards_us_from_his_feet(runners: list[Road]) -> None:
    tall = runners[0][2]
    rows = (round(LONG[0] * tall), round(LONG[1] * tall))
    under, beside = _under_and_beside(runners[0], rows)
    assert under <= beside - DARKER, f"{rows} below his feet {under:.1f}, beside {beside:.1f}"
