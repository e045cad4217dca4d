"""Where Wilshire's cars are: each lane's cars drive as one stream at the lane's pace, set off
with a gap at least a car's length and some road between any two, each easing off and closing
up a little on its own; so no car ever runs into the one ahead, however many there are."""

from __future__ import annotations

import math
import random
from typing import NamedTuple

from installation.visuals.boulevard_plan import Z_FAR
from installation.visuals.cars import BODY, CAR_LONG, ROOF
from installation.visuals.roadmarks import HORIZON_T
from installation.visuals.street_view import RISE

CAR_SPEED = 4.5  # world units per real second (a lane's pace is a share of it: LANE_PACE)
LANES = (-0.72, -0.3, 0.3, 0.72)  # the lanes' middles (the dashes between them at +-0.58;
# the left two come towards us, the right two go away): the outer lanes' cars stand clear of
# the kerb at 1.0 (at 0.78 a car's side was at 0.94, its shadow at the kerb: parked on the
# pavement beside the people at 19:59)
LANE_PACE = (0.7, 1.3)  # a lane's cars drive at a share of CAR_SPEED between these
CAR_LENGTH = CAR_LONG  # world units, nose to tail (a car is 0.32 wide: a 1988 sedan)
CLEARANCE = 0.35  # the least road between one car's tail and the next one's nose
EASE = 0.5  # how far a car drops back or closes up from its place in the stream, at most
EASE_SECONDS = 10.0  # real seconds: a car drops back and closes up again this often
PITCH = CAR_LENGTH + CLEARANCE + 2 * EASE  # the least gap from nose to nose a lane sets off with
# A car's near end is under the picture's foot nearer than FACE_GONE (its roof's edge there);
# the whole car is, its flank's far top edge too, once its near end is nearer than Z_GONE
# (behind the viewer: a car coming drives out of the picture under us; a car going comes in
# under it, its roof and flank first).
FACE_GONE = HORIZON_T - ROOF * RISE
Z_GONE = HORIZON_T - BODY * RISE - CAR_LONG
LOOP = Z_FAR - Z_GONE  # a lane's length from where its cars are gone to the far end
LANE_HOLDS = int(LOOP // PITCH)  # the most cars a lane takes


class Car(NamedTuple):
    """One car: its lane (across the road), its lane's pace (a share of CAR_SPEED), where it
    is along its lane at second 0 (a share of LOOP, from where its lane starts) and when it
    eases off (radians into its EASE_SECONDS)."""

    lane: float
    speed: float
    phase: float
    ease: float = 0.0


def fleet(rng: random.Random, count: int) -> list[Car]:
    """`count` cars dealt out to the lanes in turn (as many as the lanes hold at most), lane
    by lane: each lane at its own pace, its cars at gaps of at least PITCH, more or less
    bunched."""
    order = list(LANES)
    rng.shuffle(order)  # which lanes get one car more
    count = min(count, LANE_HOLDS * len(LANES))
    cars = []
    for n, lane in enumerate(order):
        speed = rng.uniform(*LANE_PACE)
        for along in _spaced(rng, len(range(n, count, len(LANES)))):
            cars.append(Car(lane, speed, along / LOOP, rng.uniform(0.0, 2 * math.pi)))
    return cars


def _spaced(rng: random.Random, count: int) -> list[float]:
    """Where `count` cars set off round a lane's loop: gaps of PITCH, and the road left over
    shared out at random (some close behind each other, some alone)."""
    if count == 0:
        return []
    spare = LOOP - count * PITCH
    shares = [rng.expovariate(1.0) for _ in range(count)]
    whole = sum(shares)
    along, out = rng.uniform(0.0, LOOP), []
    for share in shares:
        out.append(along % LOOP)
        along += PITCH + spare * share / whole
    return out


def places(cars: list[Car], seconds: float) -> list[tuple[float, float]]:
    """Each car's lane and depth `seconds` into the scene: coming from the far end towards us
    (lanes on the left) or going from under the picture to the far end (on the right)."""
    turn = 2 * math.pi / EASE_SECONDS * seconds
    out = []
    for lane, speed, phase, ease in cars:
        along = (phase * LOOP + seconds * CAR_SPEED * speed + EASE * math.sin(turn + ease)) % LOOP
        out.append((lane, Z_FAR - along if lane < 0 else Z_GONE + along))
    return out
