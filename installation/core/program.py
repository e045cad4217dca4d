"""One immutable program (config + timeline + story clock): the story state for any wall time."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

from installation.core.clock import ClockPosition, StoryClock
from installation.core.config import Config
from installation.core.timeline.model import Cue, Timeline
from installation.core.timeline.state import (
    CueCursor,
    CueIndex,
    SceneState,
    cue_index,
    cues_due,
    state_at,
)


@dataclass(frozen=True)
class StoryState(SceneState):
    """Everything a frame, an audio block, the overlay and the status read for one wall time:
    the timeline at the story time (a SceneState), and the wall time and clock it is for."""

    wall: float  # the wall time this state is for
    position: ClockPosition  # story day, offset and rate of the story clock at that time

    @property
    def gains(self) -> tuple[float, float]:
        """Equal-power (outgoing, incoming) gains of the transition under way, (0, 1) after."""
        angle = 0.5 * math.pi * min(max(self.progress, 0.0), 1.0)
        return math.cos(angle), math.sin(angle)


@dataclass(frozen=True)
class Program:
    """What the show plays: a reload builds a new one and swaps this single value."""

    config: Config
    timeline: Timeline
    clock: StoryClock = field(init=False, compare=False)
    cue_index: CueIndex = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        timeline = self.timeline
        clock = StoryClock(self.config.clock, timeline.day_start, timeline.pace)
        object.__setattr__(self, "clock", clock)
        object.__setattr__(self, "cue_index", cue_index(timeline))  # sorted once, not per call

    def state_at(self, wall: float, story_time: float | None = None) -> StoryState:
        """The story state at a wall time (`story_time` overrides it: the standby scene)."""
        position = self.clock.position(wall)
        story = position.story_time if story_time is None else story_time
        view = state_at(self.timeline, story, self.clock)
        fields = {f.name: getattr(view, f.name) for f in dataclasses.fields(view)}
        return StoryState(**fields, wall=wall, position=position)

    def cues_due(self, cursor: CueCursor | None, wall: float,
                 max_gap: float = 2.0) -> tuple[list[Cue], CueCursor]:
        """The cues passed between a reader's cursor and `wall` (see `cues_due`)."""
        return cues_due(self.timeline, cursor, self.clock.position(wall), max_gap,
                        self.cue_index)

    def real_between(self, story_a: float, story_b: float) -> float:
        """Real seconds from story time a forward to story time b (the program's Pace)."""
        return self.clock.real_between(story_a, story_b)

    def wall_at(self, story_time: float, reference: float) -> float:
        """The first wall time at or after `reference` that shows `story_time`."""
        return self.clock.wall_at(story_time, reference)
