"""The cycle collector over the show's weeks: start-up set aside once the sound has loaded, and
everything swept once a story day where no visitor sees a frame held."""

from __future__ import annotations

import logging
from collections.abc import Callable

from installation.core.program import StoryState
from installation.core.timeline.model import LayerSpec
from installation.core.timeutil import format_clock
from installation.core.types import TimeFn
from installation.visuals.flash import BLOOM_SECONDS, HOLD_SECONDS, REVEAL
from installation.visuals.set_aside import sweep

log = logging.getLogger("installation.collector")

START_WAIT_S = 30.0  # real seconds after the first frame start-up is over, the sound loaded or
# not (a worker that never builds the score must not keep the collector off for good)
HELD_S = 0.5  # real seconds a frame took (the picture held that long: a scene built in it, not
# ahead, as a flash in a day told in 10 minutes was) after which the sweep's tenth of a second
# more goes unseen
LATE_DAYS = 2  # story days with no such moment (a timeline without a flash, open all hours)
# after which the sweep runs at once: a frame held once a day, never a leak kept for weeks


def white(flash: LayerSpec) -> tuple[float, float]:
    """Real seconds into a flash's scene its picture is its white alone: from the bloom's end
    through its hold, every frame the same, and while it burnt the city in (`burns`), on
    until what is under the white comes up (REVEAL): only the white's slow fall and the
    after-image's fading show (a frame held there is one step of a slow fade). The first
    frame in it sweeps: at show pace one at the hold's start; after a frame slow enough to
    step over the hold (the flash built in its first frame, not ahead), a later one."""
    last = REVEAL[0] if flash.params["burns"] == "before" else HOLD_SECONDS
    return BLOOM_SECONDS, BLOOM_SECONDS + last


def unseen(state: StoryState, closed: bool) -> bool:
    """No visitor can tell a frame held now from the one before: the gallery is closed (the
    screen black), or a flash's picture is its `white` (the score cut to its boom, queued
    seconds ahead of the device)."""
    if closed:
        return True
    flash = next((layer for layer in state.scene.layers if layer.type == "flash"), None)
    if flash is None or state.in_transition:
        return False
    first, last = white(flash)
    return first <= state.scene_seconds < last


class Collecting:
    """When the show's collector starts and sweeps; `after_frame` asks it once a frame.

    Start-up lasts until the first frame is up and the sound's worker has built the score
    (importing scipy and the synthesis: ~550 modules, 60,000 objects and more): with the
    collector on meanwhile, its full rounds walked them as they came (the first after the
    first frame 92,000 objects, 34 ms of CPU; then 31,000, 14,000), so it stays off until
    then and all of it is set aside at once (`start`). Then once a story day, at a moment
    `unseen` or after a frame that held the picture HELD_S already, everything set aside is
    swept (`sweep`: the cycles let go since, which no round walks, are freed)."""

    def __init__(self, start: Callable[[], None], monotonic: TimeFn,
                 sweeper: Callable[[], int] = sweep) -> None:
        self.start = start
        self.monotonic = monotonic
        self.sweeper = sweeper
        self.first_frame: float | None = None  # monotonic: when the first frame was up
        self.swept: int | None = None  # the story day (clock cycle) set aside or swept last
        self.last_frame: float | None = None  # monotonic: when the last frame was up

    def after_frame(self, state: StoryState | None, loaded: bool, closed: bool) -> None:
        """A frame is up: `loaded`, the sound's score is built (or there is no sound);
        `closed`, the gallery is closed (the screen black)."""
        now, last = self.monotonic(), self.last_frame
        self.last_frame = now
        if state is None:
            return
        if self.swept is None:
            self._start_when_loaded(state, loaded)
        elif state.position.cycle != self.swept:
            late = abs(state.position.cycle - self.swept) >= LATE_DAYS
            held = last is not None and now - last >= HELD_S
            if late or held or unseen(state, closed):
                self._sweep(state)

    def _start_when_loaded(self, state: StoryState, loaded: bool) -> None:
        now = self.monotonic()
        if self.first_frame is None:
            self.first_frame = now
        if loaded or now - self.first_frame >= START_WAIT_S:
            self.start()
            self.swept = state.position.cycle

    def _sweep(self, state: StoryState) -> None:
        began = self.monotonic()
        freed = self.sweeper()
        self.swept = state.position.cycle
        log.info("collector: swept at story %s: %d objects freed in %.0f ms",
                 format_clock(state.story_time), freed, 1000 * (self.monotonic() - began))
