"""The payphone's ring is seen from across the room: the receiver rattles in its cradle as each
ring of the bell starts, the booth's light pulses on the pavement and the lot round it, and
the booth stands on the ground (a dark line where its base meets it, its light in front)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pygame

from installation.audio.sounds import RING_OFF_S, RING_ON_S, RINGS
from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.booth import Booth
from installation.visuals.booth_phone import handset_steel
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, layer, one_scene
from .test_booth_call import BEATS, BLACK_SKY, FULL, TUBE

# The payphone as at 04:05: two thirds of the picture high, its foot near the picture's foot.
SCALE, GROUND = 0.66, 0.9
BODY = BLACK_SKY + layer("booth", x=0.5, ground=GROUND, scale=SCALE, ring=14, **BEATS) + NO_POST
FRAME = 1 / 60  # the show's frames
JOLT = 9  # pixels: the receiver's top moves at least this far from one frame to the next early
#           in every ring (the old shudder moved it ~2, at most 5: not seen across a room)
STILL = 4.0  # real seconds into the first ring's pause: the bell silent
AT_RING = 0.5  # real seconds into a ring: its light up
LOT = 1.25  # booth heights from its middle: out on the lot, beyond its old ring's light
PULSE = 12  # the lot there brighter on a ring than between rings by this much (of 255)
CONTACT = (3, 24)  # rows under its foot: the dark line, and the lit pavement in front of it
DARKER = 25  # the line under its base this much darker than the pavement in front of it


@lru_cache(maxsize=1)
def frames(times: tuple[float, ...]) -> tuple[np.ndarray, ...]:
    """The frames one compositor draws at these real seconds into the ring (in order), full
    size, as (x, y, rgb) arrays (the last asked for kept, for an assertion's message: each
    frame is 50 MB, and all the file asks for, held for the rest of a worker's tests, 1.66 GB)."""
    headless()
    line = one_scene(BODY, at="04:05")
    compositor = Compositor(line, FULL, lambda _message: None)
    out = []
    for seconds in times:
        surface = pygame.Surface(FULL)
        compositor.draw(surface, state_at(line, parse_clock("04:05") + seconds))
        out.append(pygame.surfarray.array3d(surface).astype(int))
    return tuple(out)


def booth() -> Booth:
    """The booth as the show sets it up (where its phone and its foot are)."""
    headless()
    line = one_scene(BODY, at="04:05")
    scene = line.scenes[0]
    spec = next(spec for spec in scene.layers if spec.type == "booth")
    return Booth(spec.params, Compositor(line, FULL, print).setup(scene, 1, "booth"))


def receiver_top(frame: np.ndarray, phone: pygame.Rect) -> tuple[int, int]:
    """Where the top of the receiver's steel is (its earpiece): the highest steel pixel left
    of the phone's box (the receiver hangs there, its cradle below its top), and its column."""
    steel, _shine = handset_steel(TUBE)
    area = frame[phone.left - phone.width // 2:phone.left, phone.top - phone.height // 4:
                 phone.bottom]
    xs, ys = np.nonzero((area == steel).all(axis=2))
    top = int(ys.min())
    return top, int(xs[ys == top].mean())


def biggest_jolt(start: float, phone: pygame.Rect) -> float:
    """How far (pixels) the receiver's top moves at most from one frame to the next over the
    first tenth of a second of the ring starting `start` real seconds into the scene."""
    times = tuple(start + k * FRAME for k in range(7))
    tops = [receiver_top(frame, phone) for frame in frames(times)]
    return max(float(np.hypot(a[0] - b[0], a[1] - b[1]))
               for a, b in zip(tops, tops[1:], strict=False))


def test_the_receiver_rattles_as_each_ring_starts_at_the_bells_time() -> None:
    """As each of the bell's rings starts (at the sound's times: 2 s on, 4 s off) the receiver
    jumps in its cradle, several pixels from one frame to the next; in the pause before it
    it lies still."""
    phone = booth().box
    for ring in range(RINGS):
        start = ring * (RING_ON_S + RING_OFF_S)
        assert biggest_jolt(start, phone) >= JOLT, (ring, biggest_jolt(start, phone))
        if ring:
            before = frames((start - 0.5, start - 0.5 + FRAME))
            assert receiver_top(before[0], phone) == receiver_top(before[1], phone), ring


def brightness(frame: np.ndarray, x: int, y: int) -> float:
    """The mean light (0-255) of a small patch round (x, y)."""
    return float(frame[x - 4:x + 5, y - 2:y + 3].mean())


def test_the_ring_lights_the_lot_round_the_booth() -> None:
    """On a ring the pavement out on the lot to either side of the booth, beyond the old
    glow round its foot, is brighter than in the bell's pause."""
    place = booth()
    ringing, pause = frames((AT_RING, STILL))
    foot = place.top + place.tall + CONTACT[0] + 2
    for way in (-1, 1):
        x = round(place.left + place.wide / 2 + way * LOT * place.tall)
        lift = brightness(ringing, x, foot) - brightness(pause, x, foot)
        assert lift >= PULSE, (way, lift)


def test_a_dark_line_where_its_base_meets_the_ground() -> None:
    """Under the booth's base, across its width, the ground is dark (its shadow where it
    stands); a little further in front, the pavement is lit by its light."""
    place = booth()
    (pause,) = frames((STILL,))
    foot = place.top + place.tall
    for share in (0.25, 0.5, 0.75):
        x = round(place.left + share * place.wide)
        line = brightness(pause, x, foot + CONTACT[0])
        lit = brightness(pause, x, foot + CONTACT[1])
        assert line + DARKER <= lit, (share, line, lit)
