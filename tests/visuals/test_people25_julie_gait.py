"""Julie runs as herself beside Harry: a shorter stride (quicker steps at his pace), her arms
carried high and close, and her leg behind bending below the hem of her light dress (it stuck
out of the skirt like a rod, a straight capsule under the hem: review 24 #1)."""

from __future__ import annotations

import pygame

from installation.visuals.poses import pose
from installation.visuals.skeleton import Body
from installation.visuals.wardrobe import OUTFITS, dressed, worn
from installation.visuals.xplan_geometry import _inside

from .helpers import shipped_crowd

PHASES = 16  # of a running cycle, looked at
BENT = 0.6  # radians: a knee folded this far reads as a bend, not a rod
SHORTER = 0.9  # her stride, of his, at the most
CLOSER = 0.7  # her upper arms' swing, of his, at the most
SIZE = (480, 270)  # (small: only the layers' strides are read)


def _knee_out(body: Body, side: int) -> bool:
    """Whether leg `side` is behind the hip and bent, its knee out from under the skirt or
    its heel kicked up over the knee (the thigh forward under the dress as the foot leaves the
    ground, legs25: the shin folds up behind, never a rod)."""
    outfit = OUTFITS["julie"]
    _limbs, shapes = dressed(body, outfit)
    assert worn(outfit) == 2
    skirt = shapes[1]
    hip, knee, ankle = (body.joints[k] for k in ("hip", f"knee{side}", f"ankle{side}"))
    thigh = pygame.math.Vector2(knee[0] - hip[0], knee[1] - hip[1])
    shin = pygame.math.Vector2(ankle[0] - knee[0], ankle[1] - knee[1])
    fold = abs(thigh.angle_to(shin)) % 360
    fold = min(fold, 360 - fold)
    shown = knee[0] < hip[0] and not _inside(knee, list(skirt)) or ankle[1] > knee[1]
    return ankle[0] < hip[0] and shown and fold >= BENT * 57.2958


def test_julies_leg_behind_bends_below_her_hem_within_a_stride() -> None:
    gait = OUTFITS["julie"].gait
    bent = [k for k in range(PHASES) for side in (0, 1)
            if _knee_out(pose("run", k / PHASES, gait=gait), side)]
    assert len(bent) >= 2, f"her knee shows bent under the hem at {len(bent)} of {PHASES}"


def _swing(name: str) -> float:
    gait = OUTFITS[name].gait
    elbows = [pose("run", k / PHASES, gait=gait).joints["elbow0"][0] for k in range(PHASES)]
    return max(elbows) - min(elbows)  # (how far the near elbow goes forward and back)


def test_her_stride_and_arms_are_her_own() -> None:
    crowd = shipped_crowd("Across Wilshire at first light", SIZE)
    strides = {one.params["body"]: one.strides[0] for one in crowd.layers
               if one.params["body"] in ("harry", "julie")}
    assert strides["julie"] <= SHORTER * strides["harry"], strides
    assert _swing("julie") <= CLOSER * _swing("harry"), (_swing("julie"), _swing("harry"))
