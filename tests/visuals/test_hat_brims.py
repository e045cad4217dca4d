"""Hats in the diner's rush (04:20-04:23) read as hats: a brim is a filled lens under the
crown, reaching further in front than behind (a flat band out past both sides of the crown,
lit at both ends, read as a stick through the hat), and under a hat short hair shows only as
a band at the back under the brim (all of it, grey, showed as a pale wedge down the back of
the head to the nape: a grey mask)."""

from __future__ import annotations

import pytest

from installation.visuals.heads import HATS
from installation.visuals.poses import pose
from installation.visuals.wardrobe import HEAD_SCALE, Outfit, hair_of

HATTED = ("fedora", "cowboy")


def _thickness(outline: tuple[tuple[float, float], ...], x: float) -> float:
    """How deep the outline is, top to bottom, along the upright line through x."""
    ys = [ay + (by - ay) * (x - ax) / (bx - ax)
          for (ax, ay), (bx, by) in zip(outline, (*outline[1:], outline[0]), strict=True)
          if bx != ax and min(ax, bx) <= x <= max(ax, bx)]
    return max(ys) - min(ys)


@pytest.mark.parametrize("hat", HATTED)
def test_a_brim_is_deeper_under_the_crown_than_near_its_ends(hat: str) -> None:
    _crown, brim = HATS[hat]
    front, back = max(x for x, _ in brim), min(x for x, _ in brim)
    under = _thickness(brim, 0.0)
    for end in (0.8 * front, 0.8 * back):
        assert under > 1.5 * _thickness(brim, end), (hat, under, end)


@pytest.mark.parametrize("hat", HATTED)
def test_a_brim_reaches_further_in_front_than_behind(hat: str) -> None:
    _crown, brim = HATS[hat]
    front, back = max(x for x, _ in brim), -min(x for x, _ in brim)
    assert front > back + 0.3, (hat, front, back)


@pytest.mark.parametrize("hat", HATTED)
def test_under_a_hat_short_hair_stays_above_the_nape(hat: str) -> None:
    """No hair under a hat below the head's middle (the wedge of it ran down to the nape)."""
    body = pose("idle", 0.0)
    radius = body.head_radius * HEAD_SCALE
    for hair in hair_of(body, Outfit("short", hat, "coat", grey=True))[:-2]:
        lowest = min(y for _, y in hair)
        assert lowest > body.head[1] + 0.05 * radius, (hat, lowest, body.head)
