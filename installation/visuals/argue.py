"""Arguing on a stool: people turned three-quarters on their stools towards someone, each with
a gesture of their own (arms folded, a finger jabbing at him, leaning back, a hand raised)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from installation.visuals.skeleton import SEAT, Angles, Point, reach_to

# Seated, turned towards him (three-quarters: the chest seen wide), the legs under the counter.
THIGHS, KNEES = (1.3, 1.2), (1.45, 1.3)
# Where the hands are, (forward, up) from the shoulder, in figure heights (the elbows fall where
# they must, down and back): folded across the chest, near then far; in the lap; on the
# knee, leaning back; raised beside the head, palm out ("wait: what?"). Folded: the upper arms
# hanging at the sides, the elbows beside the body (not out behind the back), the forearms
# near level across the chest from them, the near one rising a little and the far one falling,
# crossing in the middle, the hands out of sight (see wardrobe.crossed; held out further, the
# near forearm stuck out in front of him, a stub with a fist on it; raised steeply to hands at
# the collar, they read as a dark Y, a slingshot, on the shirt).
FOLDED = ((0.105, -0.1), (0.02, -0.13))
IN_LAP = (0.12, -0.26)
ON_KNEE = (0.24, -0.24)
ON_CHEST = (0.05, -0.13)
RAISED = (0.13, 0.15)
POINTING = ((0.12, -0.03), (0.19, 0.07))  # the near hand drawn back, then jabbed at his face
JABS = 2  # jabs a cycle
# Their heads come round with their shoulders, part way to us (see headwear.turned: 0.5 faces
# the visitor): the face three-quarters, the nose still his way (in profile, all of them on
# the stools read as a queue that nobody in faced out of).
FACING = 0.3


def _seated(lean: float, hands: tuple[Point, Point], nod: float, turn: float) -> Angles:
    """Sitting turned `turn` towards him, leaning `lean`, the near and far hands at `hands`
    (from the shoulder), the head nodding `nod`."""
    near, far = reach_to((0.0, 0.0), hands[0]), reach_to((0.0, 0.0), hands[1])
    return Angles((0.0, SEAT), lean, THIGHS, KNEES, (near[0], far[0]), (near[1], far[1]),
                  nod=nod, sitting=True, turn=turn, look=FACING * turn)


def folded(t: float) -> Angles:
    """Arms folded, upright, the chin up: he does not believe a word of it."""
    w = 2 * math.pi * t
    return replace(_seated(-0.02 + 0.03 * math.sin(w), FOLDED,
                           -0.06 + 0.06 * math.sin(2 * w), 1.0), tucked=True)


def pointing(t: float) -> Angles:
    """Leaning in, a finger jabbing up at his face, the other hand in the lap."""
    jab = max(0.0, math.sin(2 * math.pi * JABS * t))
    (x0, y0), (x1, y1) = POINTING
    hand = (x0 + (x1 - x0) * jab, y0 + (y1 - y0) * jab)
    return replace(_seated(0.15, (hand, IN_LAP), 0.05, 0.8), pointing=True)


def leaning_back(t: float) -> Angles:
    """Leaning back from him, a hand braced on the knee, the other on his chest, the head back
    (laughing at him; a hand on the counter, leaning back, was held out level: a rifle)."""
    w = 2 * math.pi * t
    return _seated(-0.18 + 0.03 * math.sin(w), (ON_KNEE, ON_CHEST),
                   -0.12 + 0.06 * math.sin(2 * w), 1.0)


def raised(t: float) -> Angles:
    """A hand raised at him, palm out, the other in the lap, the head shaking a little."""
    w = 2 * math.pi * t
    hand = (RAISED[0] + 0.03 * math.sin(2 * w), RAISED[1])
    return _seated(0.05, (hand, IN_LAP), 0.1 * math.sin(w), 0.7)


# The arguing a layer's members take in turn (the first, of a layer of one, arms folded).
ARGUING: dict[str, Callable[[float], Angles]] = {
    "argue-folded": folded, "argue-pointing": pointing, "argue-back": leaning_back,
    "argue-raised": raised}
