"""Hair and hats read at their size on the wall: a ponytail hangs from the back of the head
(held out in a hook from the crown it stuck out stiffly behind a runner's head as a bar), hair
hangs down however the head tips, and
a hat's brim is a short flat ellipse seen edge on (drawn out to thin points, the front one
stuck out past the face as a stick: 04:22, the man at the counter)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from installation.visuals.heads import HATS
from installation.visuals.poses import pose
from installation.visuals.wardrobe import HEAD_SCALE, OUTFITS, Outfit, hair_of

PONYTAIL = Outfit("ponytail", "none", "tank", 0.84, 0.96)  # the runner's, and the crowd's
BENT = (("run", 0.0), ("run", 0.5), ("talk-count", 0.3))  # her head tipped forward
BEHIND_MOST = 1.4  # head radii the tail may reach behind the head's middle (1.49 to 1.53)
BRIM_REACH = 1.32  # head radii the brim may reach in front of the head's middle (1.42)
BRIM_END = 0.1  # head radii: the brim's thickness 0.1 of a radius short of its front end
NODS = (-0.45, 0.0, 0.6)  # a head thrown back laughing, upright, bent forward
SWING_MOST = 0.45  # head radii the hair's lowest point may move across as the head nods (0.95)


def test_a_ponytail_hangs_close_behind_a_head_bent_forward() -> None:
    for name, phase in BENT:
        body = pose(name, phase)
        radius = body.head_radius * HEAD_SCALE
        (hair,) = hair_of(body, PONYTAIL)
        back = min(x for x, _y in hair)
        assert body.head[0] - back < BEHIND_MOST * radius, (name, phase, back, body.head)


def test_a_brim_is_a_short_ellipse_edge_not_a_stick() -> None:
    for hat in ("fedora", "cowboy"):
        brim = HATS[hat][1]
        front = max(x for x, _y in brim)
        assert front <= BRIM_REACH, (hat, front)
        near = [y for x, y in brim if x >= front - BRIM_END]
        assert max(near) - min(near) >= 0.05, (hat, "the brim's end round, not a point")


@pytest.mark.parametrize("outfit", [PONYTAIL, OUTFITS["julie"]], ids=["ponytail", "curls"])
def test_hair_hangs_down_as_the_head_nods(outfit: Outfit) -> None:
    """A ponytail and Julie's curls tipped rigidly with the head: bent forward, the tail stuck
    out behind her; thrown back, it swung in under her jaw. Now it hangs from the nape: its
    lowest point stays about where it was, whichever way she nods."""
    body = pose("idle", 0.0)
    radius = body.head_radius * HEAD_SCALE
    lows = []
    for nod in NODS:
        (hair,) = hair_of(replace(body, nod=nod), outfit)
        lows.append(min(hair, key=lambda p: p[1])[0] / radius)
    assert max(lows) - min(lows) < SWING_MOST, lows
