"""A warm-up owed: a scene first drawn before its warm-up was done (the show started or a
timeline reloaded in its middle, or its building cut short by its first frame) draws its
people's sprites ahead in the order they will first be needed, a short piece after each frame,
instead of each one the moment it first shows (a rush of runners, a sprite a frame each)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pygame

from installation.core.timeline.model import Scene
from installation.core.timeline.state import Pace, RealTime, story_after
from installation.core.timeutil import DAY_SECONDS, forward
from installation.visuals.base import Frame, Pieces
from installation.visuals.budget import Budget
from installation.visuals.figure_sprite import Look
from installation.visuals.figures import Figures
from installation.visuals.sprite_cache import PIXELS_PER_PIECE, TURNS

LOOK_SECONDS = 0.1  # the walk ahead looks at moments this many real seconds apart
LOOK_COST = 30_000  # one layer's people at one moment, worked out: ~30 us, in the sprites'
# measure of work (pixels of their drawing, PIXELS_PER_PIECE a piece of ~3 ms)

Cycle = tuple[int, str, bool, Look, int]  # a layer (its place), pose, facing, look, head turn


class LateWarm:
    """The owed warm-up of one scene's figures layers: a walk through the scene's coming
    moments (never behind `now`, the story time last drawn) that draws each pose cycle a
    member is seen in, whole, the first time it is seen (from the phase it is seen at)."""

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

    def _moments(self) -> Iterator[float]:
        """Story times from `now` to the scene's end, LOOK_SECONDS of real time apart through
        the pace (a scene paced unevenly inside steps on faster in one stretch), and never
        behind `now` (the show may have passed where the walk had got to)."""
        at, pace = self._scene.at, self._pace
        seconds = pace.real_between(at, self.now)  # real seconds into the scene
        while seconds < self._real:
            yield story_after(pace, at, seconds, self._story)
            seconds = max(seconds + LOOK_SECONDS, pace.real_between(at, self.now))

    def _walk(self, budget: Budget) -> Pieces:
        """Each layer's people at each coming moment: a pose cycle seen for the first time,
        in the picture, drawn whole from where it is seen (with its long shadows)."""
        seen: set[Cycle] = set()
        for story_time in self._moments():
            frame = self._frame_of(story_time)
            for place, layer in enumerate(self._layers):
                if budget.over(LOOK_COST):
                    yield
                for member in layer.members(frame):
                    cycle = (place, member.pose, member.left, member.look,
                             round(member.turn * TURNS))
                    if cycle in seen or not (layer.params["shadow"] or layer.sprites.wanted(
                            member.pose, member.phase, member.left, member.look, member.turn,
                            member.feet, member.share, self._area, layer.parts[0])):
                        continue  # (out of the picture: never drawn)
                    seen.add(cycle)
                    self.made.append(cycle)
                    made = yield from layer.sprites.cycle(member.pose, member.phase,
                                                          member.left, member.look,
                                                          member.turn, layer.parts, budget)
                    if layer.params["shadow"]:
                        yield from layer.shadows.fill(made, budget)


_DONE = object()
