"""When the calf calls: phrases of its own (a call, one that breaks off, a run, short quiets)."""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass

from installation.visuals.base import hash01

# What the calf does next, with how likely each is: one call alone, a call it breaks off half
# way up, a run of calls one on another, or nothing (a calf that called every eleven seconds
# or so, to a grid, read as a machine from the room). Its quiets are short: the caption has it
# still calling, and a visitor's glance of ten real seconds catches its trunk raised (silences
# of 12-30 s, and runs with half a minute's stillness after, left it standing with its trunk
# down through most glances at noon: a review, 12:20 and 14:00).
ALONE, BROKEN, RUN, SILENT = 0.32, 0.16, 0.22, 0.30
CALL_UP, CALL_DOWN = (1.6, 2.4), (1.6, 2.6)  # real seconds a call takes to rise, and to fall
AFTER = (0.8, 2.5)  # a lone call's quiet after it, real seconds
BROKEN_HIGH = (0.45, 0.7)  # a call broken off reaches this share of a full one's height ...
BROKEN_UP, BROKEN_DOWN = (1.2, 1.8), (0.6, 1.0)  # ... rising as slowly, dropping at once
BROKEN_AFTER = (0.5, 1.5)  # and the quiet after it
RUN_CALLS = (2, 4)  # a run: this many calls, fewest and most, ...
RUN_GAP = (0.3, 1.4)  # ... this far apart (real seconds), each this share of full height
RUN_HIGH = (0.8, 1.0)
RUN_STILL = (1.5, 3.5)  # after a run it stands still this long
SILENCE = (2.0, 4.0)  # a silence: this long


@dataclass(frozen=True)
class Call:
    """One call in a phrase: when it starts (real seconds into the phrase), how long its
    trunk takes to rise and to fall again, and how high it goes (of a full call)."""

    start: float
    rise: float
    fall: float
    high: float

    def height(self, into: float) -> float:
        """How high the call holds the trunk `into` real seconds from the phrase's start."""
        t = into - self.start
        if t <= 0 or t >= self.rise + self.fall:
            return 0.0
        if t < self.rise:
            return self.high * math.sin(0.5 * math.pi * t / self.rise) ** 2
        return self.high * math.cos(0.5 * math.pi * (t - self.rise) / self.fall) ** 2


@dataclass(frozen=True)
class Phrase:
    """What the calf does in one stretch: its calls, and how long the stretch lasts."""

    calls: tuple[Call, ...]
    length: float


def phrase(seed: int, index: int) -> Phrase:
    """The calf's `index`th phrase, the same for a seed whenever it is asked for."""

    def pick(n: int, span: tuple[float, float]) -> float:
        return span[0] + (span[1] - span[0]) * hash01(seed, index, n)

    kind = hash01(seed, index, 0)
    before = hash01(seed, index - 1, 0) if index else 1.0
    if kind < SILENT + BROKEN and _still_after(before):  # (a silence or a broken call after
        kind = 1.0  # one: its trunk not raised for over 10 real s; the caption has it still
    # calling) a lone call
    if kind < SILENT:
        return Phrase((), pick(1, SILENCE))
    if kind < SILENT + BROKEN:
        call = Call(0.0, pick(1, BROKEN_UP), pick(2, BROKEN_DOWN), pick(3, BROKEN_HIGH))
        return Phrase((call,), call.rise + call.fall + pick(4, BROKEN_AFTER))
    if kind < SILENT + BROKEN + RUN:
        calls, start = [], 0.0
        for n in range(
            RUN_CALLS[0] + int(hash01(seed, index, 1) * (RUN_CALLS[1] - RUN_CALLS[0] + 1))
        ):
            call = Call(
                start,
                pick(10 + 4 * n, CALL_UP),
                pick(11 + 4 * n, CALL_DOWN),
                pick(12 + 4 * n, RUN_HIGH),
            )
            calls.append(call)
            start += call.rise + call.fall + pick(13 + 4 * n, RUN_GAP)
        return Phrase(tuple(calls), start + pick(2, RUN_STILL))
    call = Call(0.0, pick(1, CALL_UP), pick(2, CALL_DOWN), 1.0)
    return Phrase((call,), call.rise + call.fall + pick(3, AFTER))


def _still_after(kind: float) -> bool:
    """Whether a phrase of this kind ends without a full call (a silence, or a call broken
    off)."""
    return kind < SILENT + BROKEN


class Calls:
    """The calf's phrases one after another from the start of its scene (worked out as far
    as they are asked for, and kept: the same whatever order the moments come in)."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.phrases: list[Phrase] = []
        self.starts: list[float] = []  # each phrase's start, real seconds into the scene

    def height(self, seconds: float) -> float:
        """How high the calf holds its trunk `seconds` real seconds into its scene, 0..1."""
        if seconds < 0:
            return 0.0
        while not self.starts or self.starts[-1] + self.phrases[-1].length <= seconds:
            end = self.starts[-1] + self.phrases[-1].length if self.starts else 0.0
            self.phrases.append(phrase(self.seed, len(self.phrases)))
            self.starts.append(end)
        n = bisect_right(self.starts, seconds) - 1
        into = seconds - self.starts[n]
        return max((call.height(into) for call in self.phrases[n].calls), default=0.0)
