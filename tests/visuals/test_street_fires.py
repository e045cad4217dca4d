"""The fires still alight on Wilshire under ash read as fires beside the ruins' burning stumps a
scene before: a shop window and a car's cabin burning with flames a visitor sees across the
street, not small weak flickers (06:36 before: 1421 flame-hot points, under 900 at the shop
window)."""

from __future__ import annotations

import pygame

from .helpers import shipped_picture

STREET = slice(540, 760)  # the rows of the street's fires at 1080


def test_at_0636_the_street_burns_with_flames_a_visitor_sees() -> None:
    """Over 1700 flame-hot points (red over 200, green over 110, blue under 120) along the
    street, over 1000 of them at the shop window (x 1400-1600)."""
    rgb = pygame.surfarray.array3d(shipped_picture("06:36")).astype(int)[:, STREET]
    hot = (rgb[..., 0] > 200) & (rgb[..., 1] > 110) & (rgb[..., 2] < 120)
    assert int(hot.sum()) > 1700, int(hot.sum())
    assert int(hot[1400:1600].sum()) > 1000, int(hot[1400:1600].sum())
