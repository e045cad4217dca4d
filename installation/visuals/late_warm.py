"""A warm-up owed: a scene first drawn before its warm-up was done (the show started or a
timeline reloaded in its middle, or its building cut short by its first frame) draws its
people's sprites ahead in the order they will first be needed, a short piece after each frame,
instead of each one the moment it first shows (a rush of runners, a sprite a frame each): first
the sprites the next SOON_SECONDS show, each when first shown, then whole pose cycles."""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Iterator, Sequence

import pygame

from installation.core.timeline.model import Scene
from installation.core.timeline.state import Pace, RealTime, story_after
from installation.core.timeutil import DAY_SECONDS, forward
from installation.visuals.base import Frame, Pieces
from installation.visuals.budget import Budget
from installation.visuals.figure_sprite import Look
from installation.visuals.figures import Figures, Member
from installation.visuals.sprite_cache import PIXELS_PER_PIECE, TURNS

LOOK_SECONDS = 0.1  # the walk ahead looks at moments this many real seconds apart
SOON_SECONDS = 20.0  # real seconds from the start walked first for only the sprites they show
# (whole cycles first, the diner's talkers' gestures of up to 192 sprites each were drawn before
# the rush's runners, 2 real s after 04:22:50: 210 frames late in its first 10 s)
LOOK_COST = 30_000  # one layer's people at one moment, worked out: ~30 us, in the sprites'
# measure of work (pixels of their drawing, PIXELS_PER_PIECE a piece of ~3 ms)

Cycle = tuple[int, str, bool, Look, int]  # a layer (its place), pose, facing, look, head turn


class LateWarm:
    """The owed warm-up of one scene's figures layers: a walk through the scene's coming
    moments (never behind `now`, the story time last drawn) that draws the sprites each member
    in the picture shows over the next SOON_SECONDS, as they are shown, then another that
    draws each pose cycle a member is seen in, whole, the first time it is seen (from the
    phase it is seen at)."""

    def __init__(self, layers: Sequence[Figures], scene: Scene, following: Scene,
                 pace: Pace | None, frame_of: Callable[[float], Frame],
                 now: float, size: tuple[int, int]) -> None:
        self.now = now
        self._area = pygame.Rect((0, 0), size)  # the picture the layers draw on
        self.made: list[Cycle] = []  # the cycles drawn, in order (the tests read it)
        self._layers = list(layers)
        self._frame_of = frame_of
        self._pace = pace or RealTime()
        self._story = forward(scene.at, following.at) or DAY_SECONDS
        self._real = self._pace.real_between(scene.at, following.at) or self._story
        self._scene = scene
        self.pieces: Pieces | None = self._walk(Budget(PIXELS_PER_PIECE)) if layers else None

    @property
    def done(self) -> bool:
        """Has it drawn all it owed?"""
        return self.pieces is None

    def step(self) -> None:
        """One piece of the owed warm-up (nothing once it is done)."""
        if self.pieces is not None and next(self.pieces, _DONE) is _DONE:
            self.pieces = None

    def close(self) -> None:
        """Stop (the scene is going)."""
        if self.pieces is not None:
            self.pieces.close()
            self.pieces = None

    def _moments(self, seconds: float = math.inf) -> Iterator[float]:
        """Story times from `now` to the scene's end (or `seconds` of real time past where
        the walk began), LOOK_SECONDS of real time apart through the pace (a scene paced
        unevenly inside steps on faster in one stretch), and never behind `now` (the show may
        have passed where the walk had got to)."""
        at, pace = self._scene.at, self._pace
        real = pace.real_between(at, self.now)  # real seconds into the scene
        end = min(self._real, real + seconds)
        while real < end:
            yield story_after(pace, at, real, self._story)
            real = max(real + LOOK_SECONDS, pace.real_between(at, self.now))

    def _walk(self, budget: Budget) -> Pieces:
        """The sprites of the next SOON_SECONDS as they are first shown, then whole cycles."""
        yield from self._soon(budget)
        yield from self._cycles(budget)

    def _soon(self, budget: Budget) -> Pieces:
        """The sprites each one in the picture shows over the next SOON_SECONDS, in the order
        they are shown: at each look, those of their cycle from where the last look saw it on
        to where this one does (the steps the frames between show), with long shadows."""
        last: dict[Cycle, int] = {}  # the step each cycle was last seen at
        for story_time in self._moments(SOON_SECONDS):
            shown = yield from self._showing(self._frame_of(story_time), budget)
            for cycle, layer, member in shown:
                steps = layer.sprites.steps(member.pose)
                step, before = layer.sprites.step(member.pose, member.phase), last.get(cycle)
                last[cycle] = step
                if before is None:
                    self.made.append(cycle)
                    before = step - 1
                gap = (step - before) % steps
                if gap:  # (moved on: further than half round is a new start, not a skip)
                    first, count = (step, 1) if gap > steps // 2 else (before + 1, gap)
                    yield from self._drawn(layer, member, first / steps, budget, count)

    def _cycles(self, budget: Budget) -> Pieces:
        """Each layer's people at each coming moment: a pose cycle seen for the first time,
        in the picture, drawn whole from where it is seen (with its long shadows)."""
        seen: set[Cycle] = set()
        for story_time in self._moments():
            shown = yield from self._showing(self._frame_of(story_time), budget)
            for cycle, layer, member in shown:
                if cycle not in seen:
                    seen.add(cycle)
                    self.made.append(cycle)
                    yield from self._drawn(layer, member, member.phase, budget)

    def _showing(self, frame: Frame, budget: Budget
                 ) -> Generator[None, None, list[tuple[Cycle, Figures, Member]]]:
        """Each layer's people at `frame` who show in the picture, with the cycles they are
        in (those out of the picture are never drawn)."""
        shown = []
        for place, layer in enumerate(self._layers):
            if budget.over(LOOK_COST):
                yield
            shown += [((place, member.pose, member.left, member.look,
                        round(member.turn * TURNS)), layer, member)
                      for member in layer.members(frame)
                      if layer.params["shadow"] or layer.sprites.wanted(
                          member.pose, member.phase, member.left, member.look, member.turn,
                          member.feet, member.share, self._area, layer.parts[0])]
        return shown

    @staticmethod
    def _drawn(layer: Figures, member: Member, phase: float, budget: Budget,
               count: int | None = None) -> Pieces:
        """The member's cycle drawn from `phase` on (`count` sprites of it, or all), and what
        a frame would work out for them (Figures.prepared)."""
        made = yield from layer.sprites.cycle(member.pose, phase, member.left, member.look,
                                              member.turn, layer.parts, budget, count)
        yield from layer.prepared(made, budget)

_DONE = object()
