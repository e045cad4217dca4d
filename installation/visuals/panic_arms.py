"""Arms in panic: runners who pump their arms hard, throw them wide, flail them out of step,
clutch their head or reach ahead for the door, in place of the athlete's even pumping."""

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
# Thrown (throw): both arms flung in great loose arcs, the elbows nearly straight, the hands
# going up past the head in front and far out behind.
THROW = (0.6, 1.5)
THROW_ELBOW = (0.25, 0.35)  # least fold, and how much more on the way back
# Flailing (flail): each arm on a rhythm of its own, high and loose, not against the legs:
# the middle of its swing, how far, and a second beat twice a stride; the elbows flopping.
FLAIL = (1.0, 1.1, 0.45)
FLAIL_ELBOW = (0.35, 0.7)
# A hand clutching the head (head): the wrist on the back of the crown (in head radii from
# the head's centre, behind and above it), the elbow up in front; bobbing a little as they
# run; the head ducked. The other arm pumps hard.
CROWN = (-0.35, 0.75)
DUCK = 0.25
# Reaching ahead for the door (reach): the near arm held out in front, a little above level,
# the elbow all but straight, bobbing with the stride; the other arm flung back and forth.
REACH = (1.75, 0.12)
REACH_ELBOW = 0.12
# Each runner their own: how much wider or narrower their swing (at wild 0 and 1), and how far
# out of step a flailing arm is (of a cycle) for wild 0 to 1.
WIDER = (0.85, 1.2)
OUT_OF_STEP = 0.35


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
    bob = REACH[1] * math.sin(2 * w)  # (twice a stride: with each footfall)
    return _arms(angles, (REACH[0] + bob, REACH_ELBOW), _thrown(swings[1], width))


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
    back = (1 - swing) / 2
    return THROW[0] + THROW[1] * width * swing, THROW_ELBOW[0] + THROW_ELBOW[1] * back


def _flailing(w: float, width: float, own: float) -> tuple[float, float]:
    """A flailing arm at angle w of the cycle: its own swing with a beat twice a stride on it,
    high and loose, the elbow flopping."""
    middle, reach, beat = FLAIL
    shoulder = middle + width * (reach * math.sin(w) + beat * math.sin(2 * w + own))
    return shoulder, FLAIL_ELBOW[0] + FLAIL_ELBOW[1] * (0.5 + 0.5 * math.sin(2 * w + 1.0 + own))


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
