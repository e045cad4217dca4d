"""Park La Brea (04:35-04:50): past Lucy and Ivan's window, their tower's side turned away is
one opaque wall in shade: no window seen nearly edge on there (two were drawn upright under
their leaning reveals, a lit one's curtains two gold stripes, and read as see-through dark
slabs laid over each other: a double exposure beside the one lit window)."""

from __future__ import annotations

from .test_park_la_brea import frame, show

GOLD = 40  # a pixel this much redder than blue is lamplight (the wall in shade is bluish)
EVEN = 12  # the wall's brightness wanders less than this (standard deviation), row to row


def test_the_towers_side_beside_their_window_is_one_opaque_wall() -> None:
    _, plan = show()
    home = plan.home
    assert home is not None
    side = [p for p in plan.planes if p.tower == 0 and min(x for x, _y in p.outline) >=
            home.right and p.tone == 0.0]
    assert side, "the side turned away"
    left = round(min(x for x, _y in side[0].outline)) + 8
    right = round(max(x for x, _y in side[0].outline)) - 8
    wall = frame("04:42")[left:right, home.top:home.bottom]
    red_over_blue = wall[..., 0] - wall[..., 2]
    assert (red_over_blue > GOLD).sum() == 0, "lamplight in a window on the side"
    rows = wall.mean(axis=(0, 2))
    assert rows.std() < EVEN, f"its rows {rows.std():.1f} apart: slabs over it"
