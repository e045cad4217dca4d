"""How many pieces of a sinking figure's next collar a frame makes ahead: its share of what is
left before she sinks a step, so the frame she steps on only draws it."""

from __future__ import annotations

import math

MOST_A_FRAME = 6  # pieces of the next collar made ahead in one frame at most (~0.2-0.4 ms each
# at 1080: one a frame, going under at 10:39-10:41, left ~11 of a collar's ~14 pieces to the
# frame she stepped down on, 2-4 ms at once every ~8 frames, one frame in eight)
BESIDES = 2  # pieces a collar takes besides its own: her figure cut where it shows, its mirror


class CollarShare:
    """What the collars made so far took, and how far into the next one the frames since her
    last step have got (the frame's story time tells how fast the steps come)."""

    def __init__(self) -> None:
        self._story_time: float | None = None  # the last frame's
        self._pace = 0.0  # story seconds from one frame to the next
        self._counted: int | None = None  # the figure's collar pieces made by her last step
        self._per_collar = 0  # ... and between her last two steps: what a collar takes
        self._done = 0  # pieces made ahead since her last step

    def frame(self, story_time: float) -> None:
        """A new frame at `story_time` (the pace of the frames is what lies between)."""
        if self._story_time is not None and story_time > self._story_time:
            self._pace = story_time - self._story_time
        self._story_time = story_time

    def stepped(self, counted: int) -> None:
        """She has sunk a step (or the sky moved on): the collar pieces of her figure counted
        so far (`counted`) tell what the last collar took."""
        self._per_collar = 0 if self._counted is None else max(0, counted - self._counted)
        self._counted, self._done = counted, 0

    def pieces(self, wait: float | None) -> int:
        """How many pieces this frame makes, `wait` story seconds before her next step (None:
        none is coming): what is left of a collar spread over the frames left, all but the
        last, at least one and at most MOST_A_FRAME."""
        left = self._per_collar + BESIDES - self._done
        if wait is None or self._pace <= 0.0 or left <= 1:
            return 1
        frames = wait / self._pace - 1.0  # (done a frame early: its step may come sooner)
        return max(1, min(MOST_A_FRAME, math.ceil(left / max(1.0, frames))))

    def made(self) -> None:
        """A piece was made ahead."""
        self._done += 1
