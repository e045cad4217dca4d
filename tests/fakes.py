"""Fake time for the show's and the attendant's tests: wall and monotonic clocks that move
only when the test (or a 'sleep') moves them."""

from __future__ import annotations


class FakeTime:
    """Wall and monotonic time that only move when the test (or a 'sleep') moves them."""

    def __init__(self, wall: float) -> None:
        self.wall = wall
        self.mono = 1000.0
        self.slept: list[float] = []

    def time(self) -> float:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.advance(seconds)

    def advance(self, seconds: float) -> None:
        self.wall += seconds
        self.mono += seconds
