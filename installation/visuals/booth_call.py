"""The call in the booth, beat by beat: which pose the caller is in at a frame, and where the
receiver is once he lets it fall (dropped from his hand, then swinging on its cord)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from installation.core.timeutil import forward
from installation.visuals.base import Frame
from installation.visuals.call_poses import (
    CALL,
    CALL_MOVES,
    PICK_UP,
    SKIPPING,
    SNAP_MOVE,
    UNSTIFFENED,
    call_move,
    grip,
)
from installation.visuals.poses import PERIOD
from installation.visuals.skeleton import Point

BEATS = ("hears", "hand_to_head", "slumps", "lets_go")  # the keys timing CALL[2:], story time
# Sprites drawn per cycle or move: seen close, the still poses breathe and sway in steps of
# ~0.2-0.3 s, the moves step ~75 ms (the pick-up ~20 ms: the receiver he lifts, in his hand,
# comes up to his ear a few pixels a frame, not in leaps: at 64 steps, 0.016 of his height).
STEPS = {"phone-out": 4, SNAP_MOVE: 24, "phone-wait": 12, "phone": 12, "phone-stiff": 8,
         "phone-head": 16, "phone-slump": 16, "phone-down": 16,
         call_move("phone"): 128, call_move("phone-stiff"): 12, call_move("phone-head"): 16,
         call_move("phone-slump"): 32, call_move("phone-down"): 16, SKIPPING: 16}
FALL = 0.3  # seconds the receiver falls from his hand until its cord is taut
SWING = (1.1, 0.8, 30.0)  # the swing it starts with (radians at most), swings a second, decay
# (s): a receiver on its coiled cord swings on, slowly smaller, for the minute he stands there
# (at 9 s it hung all but still a quarter of a minute after he let go: half the close-up still)
# The ring: the first snaps his head round to the phone this long after it starts (a start),
# the snap taking SNAP[1]; he waits, and his hand closes on the receiver as the last ring ends
# (the ring stops as he lifts it: the cue's sound stops there too).
SNAP = (0.5, 1.0)  # (a beat: he was leaving; at 0.3 s and 0.25 s the lot was hardly seen;
#                   his head round in 0.4 s of it, his shoulders following: call_poses)
SETTLE = (50.0, 24.0)  # it is still this many seconds after the fall, its last swings dying
# away over the seconds before (where the scenes after find it hanging)


@dataclass(frozen=True)
class Moment:
    """The caller at one frame: his pose and its phase, and the seconds since he let the
    receiver go (None: it is at his ear)."""

    name: str
    phase: float
    let_go: float | None = None


@dataclass(frozen=True)
class Call:
    """The call's beats, in story seconds after the scene's start (each no earlier than the
    one before it)."""

    scene_at: float
    beats: tuple[float, ...]
    ringing: float = 0.0  # real seconds the phone rings from the start, before he picks up
    poses: tuple[str, ...] = CALL  # the call's poses in turn (the beats time those after two)

    @classmethod
    def of(cls, params: Mapping[str, Any], scene_at: float) -> Call:
        """The beats a booth's keys give, in the scene beginning at `scene_at`: he picks up
        as its ring ends (a booth that rings no longer: the receiver at his ear from the
        start)."""
        heard = params.get(BEATS[0])
        times = [forward(scene_at, params[key]) for key in BEATS[1:]]
        poses = UNSTIFFENED  # (the news not heard before his hand goes to his head, as in a
        if heard is not None and forward(scene_at, heard) < times[0]:  # timeline written
            times, poses = [forward(scene_at, heard), *times], CALL  # before `hears`: as then
        ringing = params.get("ring", 0.0) if params.get("lit", True) else 0.0
        return cls(scene_at, tuple(accumulate(times, max)), ringing, poses)

    def at(self, frame: Frame) -> Moment:
        """The caller's pose at this frame: waiting at the ringing phone, then listening until
        the first beat; each beat's move begins as the pose before it comes round to its phase
        0 (so it starts from the pose its move starts from), and its pose follows from its own
        phase 0."""
        into = forward(self.scene_at, frame.story_time)
        pace = frame.seconds / into if into > 0 else 0.0  # real seconds a story second
        beats = [beat * pace if pace else math.inf for beat in self.beats]
        if self.ringing <= 0:
            return moment(beats, frame.seconds, self.poses[1:])
        waiting = self.waiting()
        if frame.seconds < waiting[0] + waiting[1]:
            return rung(frame.seconds, waiting)
        picks_up = self.picks_up()
        return moment([beat - picks_up for beat in beats], frame.seconds - picks_up,
                      self.poses[1:], CALL_MOVES["phone"], PICK_UP)

    def picks_up(self) -> float:
        """The real second his hand sets off for the receiver: it closes on it as the ring
        ends (never before his head has come round)."""
        return max(sum(SNAP), self.ringing - grip() * CALL_MOVES["phone"])

    def waiting(self) -> tuple[float, float, int]:
        """While it rings: when his head has come round (he waits from there), how long he
        waits, and in how many of his waiting pose's cycles (its phase 0 at both ends)."""
        start = sum(SNAP)
        wait = self.picks_up() - start
        return start, wait, max(1, round(wait / PERIOD["phone-wait"]))


def rung(seconds: float, waiting: tuple[float, float, int]) -> Moment:
    """The caller `seconds` into the ring, before his hand sets off for it: looking out, his
    head snapping round at the first ring, then waiting at the phone."""
    start, wait, cycles = waiting
    if seconds < SNAP[0]:
        return Moment("phone-out", seconds / PERIOD["phone-out"])
    if seconds < start:
        return Moment(SNAP_MOVE, (seconds - SNAP[0]) / SNAP[1])
    return Moment("phone-wait", (seconds - start) * cycles / wait % 1.0)


def moment(beats: Sequence[float], seconds: float, call: Sequence[str] = CALL[1:],
           into: float = 0.0, coming: str = "") -> Moment:
    """The caller's moment `seconds` into the scene going through the poses `call`, the
    beats (of each after the first) at these real seconds; with `into`, the first pose is
    come into by the move `coming`, played over those first seconds."""
    if seconds < into:
        return Moment(coming, seconds / into)
    name, start = call[0], into
    for after, beat in zip(call[1:], beats, strict=True):
        if seconds < beat:  # (not yet: its move begins at the beat or after)
            break
        period = PERIOD[name]
        begin = start + math.ceil(max(0.0, beat - start) / period) * period
        if seconds < begin:
            break
        move = CALL_MOVES[after]
        let_go = seconds - begin if after == CALL[-1] else None
        if seconds < begin + move:
            return Moment(call_move(after, name), (seconds - begin) / move, let_go)
        name, start = after, begin + move
    return Moment(name, (seconds - start) / PERIOD[name],
                  seconds - (start - CALL_MOVES[name]) if name == CALL[-1] else None)


def swinging(let_go: float, rest: float, held: float) -> tuple[float, float]:
    """The receiver's angle on its cord (radians from straight down, towards him positive)
    `let_go` seconds after he let it go, hanging at `rest` and held at `held`; and how far it
    has fallen (0 in his hand, 1 once the cord is taut)."""
    most, rate, decay = SWING
    start = rest + max(-most, min(most, held - rest))
    if let_go < FALL:
        return start, (let_go / FALL) ** 2
    after = let_go - FALL
    still, taper = SETTLE
    left = max(0.0, min(1.0, (still - after) / taper))
    return rest + (start - rest) * math.exp(-after / decay) * left * math.cos(
        2 * math.pi * rate * after), 1.0


def angle_from(pivot: Point, point: Point) -> float:
    """The angle of `point` round `pivot`, from straight down, to the right positive."""
    return math.atan2(point[0] - pivot[0], point[1] - pivot[1])
