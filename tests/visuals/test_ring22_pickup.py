"""Harry answers the ringing phone in one unhurried movement: his hand sets off for the
receiver during the last ring, closes on it as the ring ends, and brings it up to his ear over
more than a second, a few pixels a frame (it was at his ear 0.7 s after leaving the cradle,
jumping up to 0.016 of his height a frame: seen close, in a blink)."""

from __future__ import annotations

import math
from functools import cache

from installation.visuals.booth import Booth
from installation.visuals.booth_handset import Handset

from .test_booth_pickup import FPS, RINGS, booth

STEP = 0.01  # of his height: the most the receiver's ends move from one frame to the next
LIFT = 1.2  # real seconds, at least: from the cradle to his ear
REACH = 2.2  # ...and from his hand setting off for it to the receiver at his ear
RING_ON = 2.0  # each ring's seconds (the last from RINGS - RING_ON)


@cache
def seen() -> tuple[Booth, list[tuple[float, Handset | None]]]:
    """The booth, and its receiver 60 times a second from the last ring on (one per module)."""
    return booth()


def test_the_lift_from_the_cradle_to_his_ear_takes_over_a_second() -> None:
    """Out of the cradle at the ring's end, at his ear more than LIFT seconds later; his hand
    set off for it during the last ring, more than REACH seconds before it is at his ear."""
    place, frames = seen()
    lifted = [s for s, handset in frames if handset is not None and handset.far > 0]
    at_ear = next(s for s, handset in frames if handset is None)
    assert lifted[0] - RINGS < 2 / FPS, "it leaves the cradle as the ring ends"
    assert at_ear - lifted[0] >= LIFT, (lifted[0], at_ear)
    sets_off = place.call.picks_up()
    assert RINGS - RING_ON <= sets_off, "he reaches for it while it rings the last time"
    assert at_ear - sets_off >= REACH, (sets_off, at_ear)


def test_the_receiver_moves_a_few_pixels_a_frame() -> None:
    """From the cradle to his ear, no frame moves either end of the receiver more than STEP
    of his height (about 6 px at 1920x1080)."""
    place, frames = seen()
    held = [handset for _, handset in frames if handset is not None]
    most = STEP * place.caller_look.height
    jumps = [max(math.dist(a.foot, b.foot), math.dist(a.ear, b.ear))
             for a, b in zip(held, held[1:], strict=False)]
    assert max(jumps) <= most, (max(jumps), most)
