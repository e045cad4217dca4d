"""Arms in panic: runners who pump their arms hard, throw them wide, flail them out of step,
clutch their head or claw ahead for the door, in place of the athlete's even pumping. No hand
goes over the head (flung up past it, arms straight, they read as dancers leaping) and no arm
is held out still (held straight ahead, it read as a zombie's reach, or as pointing)."""

from __future__ import annotations

import math
from dataclasses import replace

from installation.visuals.skeleton import (
    HEAD,
    SHOULDER_DROP,
    TORSO,
    Angles,
    Gait,
    head_at,
    reach_to,
    spine,
)

# The styles a runner's arms can take in panic (a gait's `arms`; "pump" is the usual run's).
STYLES = ("drive", "throw", "flail", "head", "reach")
# Pumping hard (drive): each arm's swing about its middle (radians from straight down,
# forward positive) and how far either way, far wider than a jog's; the elbow's fold as it
# drives back (the forearm dropping behind), and the forearm's angle as the arm comes through
# (pointing up: the fist up to the face).
DRIVE = (0.1, 1.2)
DRIVE_ELBOW = 0.45
FIST = 2.8
# Thrown (throw): both arms flung in great loose arcs, the hands up to the face in front and
# far out behind (never up past the head): the elbow bent as the arm comes through, all but
# straight behind (bent behind and straight in front, a flung arm read as pointing ahead).
THROW = (0.55, 1.3)
THROW_TOP = 1.7  # the shoulder's angle they fling up to at most, however wide (the hand at
#                the face: past it, arms up over the head, they leapt like dancers)
THROW_ELBOW = (0.3, 0.6)  # least fold (behind), and how much more at the front
THROW_BEHIND = 1.6  # how far back it is flung, of the swing's width (further than it
#                      comes forward: flung back only as far, behind a long coat the arm
#                      was lost in it, and the runner read as one-armed)
# Flailing (flail): each arm on a rhythm of its own, loose, not against the legs: the middle
# of its swing, how far, and a second beat twice a stride; the elbows flopping (the hands
# up to the face at most: higher, they waved over the head, dancing).
FLAIL = (0.5, 0.9, 0.3)
FLAIL_ELBOW = (0.7, 0.8)
# A hand clutching the head (head): the wrist on the back of the crown (in head radii from
# the head's centre, behind and above it), the elbow up in front; bobbing a little as they
# run; the head ducked. The other arm pumps hard.
CROWN = (-0.35, 0.75)
DUCK = 0.25
# Reaching ahead for the door (reach): the near arm clawing at the air ahead, once a stride:
# thrust out in front, a little below level, the elbow all but straight, then pulled back
# and down, folding, as if to drag them on (held out still, it was a zombie's reach); the
# other arm flung back and forth. The shoulder's angle at the middle of the claw and how far
# either way; the elbow's fold thrust out, and pulled back.
REACH = (0.65, 0.8)
REACH_ELBOW = (0.3, 1.6)
# Each runner their own: how much wider or narrower their swing (at wild 0 and 1), and how far
# out of step a flailing arm is (of a cycle) for wild 0 to 1.
WIDER = (0.85, 1.2)
OUT_OF_STEP = 0.2


def panicked(angles: Angles, w: float, swings: tuple[float, float], gait: Gait) -> Angles:
    """A run's pose with its arms as `gait.arms` says, at angle w of its arms' cycle, each
    arm `swings` forward (-1 back to 1, against its leg); the legs, hip and lean as the run
    has them. Unchanged for "pump"."""
    if gait.arms not in STYLES:
        return angles
    width = WIDER[0] + (WIDER[1] - WIDER[0]) * gait.wild
    if gait.arms == "drive":
        return _arms(angles, *(_driven(s, width) for s in swings))
    if gait.arms == "throw":
        return _arms(angles, *(_thrown(s, width) for s in swings))
    if gait.arms == "flail":
        own = 2 * math.pi * OUT_OF_STEP * gait.wild
        return _arms(angles, _flailing(w, width, 0.0), _flailing(w + math.pi + own, width, own))
    if gait.arms == "head":
        ducked = replace(angles, nod=angles.nod + DUCK)
        return _arms(ducked, _clutching(ducked), _driven(swings[1], width))
    return _arms(angles, _clawing(swings[0]), _thrown(swings[1], width))


def _arms(angles: Angles, near: tuple[float, float], far: tuple[float, float]) -> Angles:
    """The pose with these arms: each (the shoulder's angle, the elbow's fold)."""
    return replace(angles, shoulders=(near[0], far[0]), elbows=(near[1], far[1]))


def _driven(swing: float, width: float) -> tuple[float, float]:
    """An arm pumping hard, `swing` forward (-1 back to 1): wide, the fist coming up to the
    face as it comes through, the forearm dropping as the elbow drives back."""
    top = DRIVE[0] + DRIVE[1] * width  # the shoulder's angle at the front of the swing
    forward = (1 + swing) / 2
    return DRIVE[0] + DRIVE[1] * width * swing, DRIVE_ELBOW + (
        FIST - top - DRIVE_ELBOW
    ) * forward**2


def _thrown(swing: float, width: float) -> tuple[float, float]:
    """An arm flung, `swing` forward (-1 back to 1): a great loose arc, the elbow all but
    straight, folding a little as it goes back."""
    forward = (1 + swing) / 2
    reach = THROW[1] if swing > 0 else THROW_BEHIND
    return (min(THROW_TOP, THROW[0] + reach * width * swing),
            THROW_ELBOW[0] + THROW_ELBOW[1] * forward)


def _flailing(w: float, width: float, own: float) -> tuple[float, float]:
    """A flailing arm at angle w of the cycle: its own swing with a beat twice a stride on it,
    high and loose, the elbow flopping."""
    middle, reach, beat = FLAIL
    shoulder = middle + width * (reach * math.sin(w) + beat * math.sin(2 * w + own))
    return shoulder, FLAIL_ELBOW[0] + FLAIL_ELBOW[1] * (0.5 + 0.5 * math.sin(2 * w + 1.0 + own))


def _clawing(swing: float) -> tuple[float, float]:
    """The near arm clawing ahead, `swing` forward (-1 back to 1, against its leg): thrust
    out as it comes forward (the other arm flung back: both out ahead together, they held
    them out like a sleepwalker), pulled back and down, folding, as it goes back."""
    out = (1 + swing) / 2  # 1 thrust out, 0 pulled back
    return (REACH[0] + REACH[1] * (2 * out - 1),
            REACH_ELBOW[1] + (REACH_ELBOW[0] - REACH_ELBOW[1]) * out)


def _clutching(angles: Angles) -> tuple[float, float]:
    """The near arm with its hand on the back of the crown of the head (wherever the run
    carries the head), the elbow up in front."""
    head = head_at(angles)
    tilt = angles.lean + angles.nod
    back, up = CROWN[0] * HEAD, CROWN[1] * HEAD
    crown = (
        head[0] + back * math.cos(tilt) + up * math.sin(tilt),
        head[1] - back * math.sin(tilt) + up * math.cos(tilt),
    )
    shoulder = spine(angles.hip, angles.lean, angles.hunch, TORSO - SHOULDER_DROP)[0]
    return reach_to(shoulder, crown)
