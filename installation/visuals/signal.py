"""The lights at the dusk crossing, on one cycle of real seconds shared by the street (its cars
stop and go, its signal heads) and the people crossing (a figures layer's `crossing`): the cars
go, then stop; the people wait at the kerb, then cross while the cars stand, then clear the road
before the cars go again. The traffic light at the cross street down the road turns red a little
before the crossing's and green again while the people are still crossing, so the cars that
passed the crossing stand there with their brake lights lit, then pull away."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from installation.visuals.base import hash01

CYCLE = 56.5  # real seconds: one turn of the lights
GREEN = 26.0  # the cars go from the cycle's start until this...
AMBER = 3.0  # ...then amber this long, then red until the cycle's end
WALK = (31.0, 43.0)  # the walking figure is lit from, to; then it flashes until...
CLEAR = 55.0  # ...the road must be clear of people (the cars' red lasts 1.5 s more: no longer,
#               or the street stands still between the last one off the road and the cars)
ARRIVE = (1.0, 2.5)  # people come to the kerb from this far into the cycle, one this long
#                      after the other (each stops at the kerb behind the one before; from
#                      5 s, the corners in view stood empty for the first seconds of a green)
FAR_RED = (22.0, 49.0)  # the cross street's light is red (for the lanes going away) from, to
#                         (green near the crossing's end: those cars pull away as the people go)
FAR_AMBER = 3.0  # ...amber this long before it
CROSS_SPARE = 1.5  # real seconds: the first to cross is off the road this long before CLEAR
# People wait at the kerb, out of the picture: at the zebra's depth the picture's sides lie in
# the outer lanes (the kerbs are beyond them), so anyone waiting in view stood in the cars' way
# and the cars drove through them. They wait this far (of the width) past its side, out of
# sight (a person's half width and more), and step into it as the walking figure lights.
KERB_OUT = 0.04
# ...unless their path has this many points or more: then they wait at its second, in view (for
# the half minute of each green the crossing's own people were nowhere to be seen)
WAIT_SEEN = 3
REACTION = 1.6  # real seconds: someone waiting steps off as much as this after the lights change
PACE_SPREAD = 0.3  # ...and crosses up to this much faster than they must (each their own pace)
# The scene opens this far into the cars' green (real seconds): the traffic already flows both
# ways, the cars going away coming in from under the picture's foot at speed (opening on the
# green's first second, the lanes going away stood empty while the cars waiting behind the eye
# pulled away, and only the queue coming crept forward).
OPENS_AT = 12.0


@dataclass(frozen=True)
class Lights:
    """What the lights show at a moment: the crossing's for the cars ("green", "amber",
    "red"), the cross street's, and the people's ("walk", "flash", "wait")."""

    cars: str
    far: str
    people: str


def into_cycle(seconds: float) -> float:
    """Real seconds into the lights' cycle at `seconds` into the scene (it opens OPENS_AT
    into one)."""
    return (seconds + OPENS_AT) % CYCLE


def cycle_start(turn: int) -> float:
    """Real seconds into the scene at which the lights' turn `turn` begins (the cars' green;
    turn 0 began before the scene opened)."""
    return turn * CYCLE - OPENS_AT


def lights_at(seconds: float) -> Lights:
    """The lights at `seconds` into the scene."""
    t = into_cycle(seconds)
    cars = "green" if t < GREEN else "amber" if t < GREEN + AMBER else "red"
    far = ("red" if FAR_RED[0] <= t < FAR_RED[1] else
           "amber" if FAR_RED[0] - FAR_AMBER <= t < FAR_RED[0] else "green")
    people = "walk" if WALK[0] <= t < WALK[1] else "flash" if WALK[1] <= t < CLEAR else "wait"
    return Lights(cars, far, people)


def crossing(count: int, queue: float, to_kerb: float, across: float, seconds: float,
             seed: int) -> list[tuple[float, bool]]:
    """Where each of `count` people crossing is along their path (in its units) at `seconds`
    into the scene, and whether they are walking: in each cycle they walk in from the path's
    start to the kerb (`to_kerb` along it) one after the other while the cars go, each
    stopping `queue` behind the one before, wait, and when the walking figure lights cross to
    the path's end (`across` along it), each a moment late or not and at a pace of their own
    (`seed`'s), all over the road in time (`pace_of`), gone before the cars go again."""
    t = into_cycle(seconds)
    out = []
    for i in range(count):
        wait = to_kerb - i * queue  # where they stand at the kerb
        start = ARRIVE[0] + i * ARRIVE[1]
        if t < WALK[0]:
            walked = max(0.0, t - start) * pace_of(across, to_kerb)
            out.append((min(wait, walked), 0.0 < walked < wait))
            continue
        late = REACTION * hash01(seed, i, 1)  # real seconds before they step off
        pace = (across - wait) / (CLEAR - CROSS_SPARE - WALK[0] - late) \
            * (1 + PACE_SPREAD * hash01(seed, i, 2))
        distance = wait + max(0.0, t - WALK[0] - late) * pace
        out.append((min(across, distance), wait < distance < across))
    return out


def pace_of(across: float, to_kerb: float) -> float:
    """How fast (path units a real second) people cross to be over the road by CLEAR: from the
    kerb to the path's end in the time the walking figure is lit and flashes, less CROSS_SPARE
    for the last of them (who waited a little farther back)."""
    return (across - to_kerb) / (CLEAR - WALK[0] - CROSS_SPARE)


def kerb_along(points: Sequence[tuple[float, float]], width: float) -> float:
    """How far along a path (pixels) its walkers reach the place where they wait: a path of
    WAIT_SEEN points or more, its second (in view: on the pavement up from the zebra, where
    its corner is in the picture); else the kerb out of sight, where it comes to KERB_OUT past
    the picture's side it starts beyond (its first point, if that is nearer the picture)."""
    if len(points) >= WAIT_SEEN:
        return math.dist(points[0], points[1])
    inside = (-KERB_OUT * width, (1 + KERB_OUT) * width)
    along = 0.0
    for (x0, y0), (x1, y1) in pairwise(points):
        length = math.dist((x0, y0), (x1, y1))
        if inside[0] <= x0 <= inside[1]:
            return along
        edge = inside[0] if x0 < inside[0] else inside[1]
        if min(x0, x1) <= edge <= max(x0, x1) and x1 != x0:
            return along + length * (edge - x0) / (x1 - x0)
        along += length
    return along
