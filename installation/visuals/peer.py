"""Someone peering in at a window: turned to the glass, leaning to it, a hand at the brow."""

from __future__ import annotations

import math

from installation.visuals.skeleton import Angles

PEER_TURN = 0.6  # turned a little from profile, towards the glass
PEER_LEAN = 0.08  # leaning in towards the glass
# The near hand at the brow, shading the eyes against the glass: the upper arm out level in
# front, the forearm folded back up to the forehead (an elbow's fold below 0 turns the forearm
# back towards the face); the far arm hangs, the hand in a pocket.
BROW_ARM = (1.45, -2.0)  # the shoulder, the elbow's fold
POCKET_ARM = (0.12, 0.55)
LOOKS = 0.06  # the head's slow turn along the glass, in nods either way


def peer(t: float) -> Angles:
    """Standing still at the glass, looking in; the weight shifting a little, the head moving
    slowly along the room inside, the hand steady at the brow."""
    w = 2 * math.pi * t
    shift = math.sin(w)
    return Angles((0.01 * shift, 0.5), PEER_LEAN + 0.015 * shift, (0.05 + 0.02 * shift, -0.05),
                  (0.05, 0.08), (BROW_ARM[0], POCKET_ARM[0]), (BROW_ARM[1], POCKET_ARM[1]),
                  nod=0.12 + LOOKS * math.sin(w * 0.5), turn=PEER_TURN)
