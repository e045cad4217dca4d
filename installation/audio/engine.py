"""The score engine: stereo blocks of the timeline's music for consecutive wall times."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable

import numpy as np

from installation.audio.cue_sounds import CueSounds, OneShot, play_shots
from installation.audio.engine_cues import CuePlaying, Late
from installation.audio.engine_scores import RELOAD_FADE_S, Playing
from installation.audio.flight import Flights
from installation.audio.mix import MasterBus, loudness_gain
from installation.audio.score_plan import plan
from installation.core.config import LOUDNESS
from installation.core.program import Program, StoryState

CHUNK_FRAMES = 16384  # the engine's own grid (0.34 s at 48 kHz): fewer, larger numpy calls
PREROLL_S = 6.0  # a seek plays this much before its wall time first: the echo and reverb tails
GAP_MARGIN_S = 0.5  # a block's cues: from the last block's end, however long blocks last


def never() -> bool:
    """A build nobody cancels (an offline render, a test)."""
    return False


class ScoreEngine(CuePlaying):
    """Renders the program's score for wall times, block after block; thread-safe reload.

    It owns no clock and no cue scheduler: each block reads the program's story state for
    its wall time, as the picture does for a frame.
    """

    def __init__(self, program: Program, sample_rate: int, warn: Callable[[str], None],
                 start_wall: float, chunk: int = CHUNK_FRAMES, speed: float = 1.0,
                 cancelled: Callable[[], bool] = never, preroll: float = PREROLL_S) -> None:
        """Seek to `start_wall`, making the cue sounds sounding there (the rest are made when
        their cue comes, or ahead by `prepare`): whenever it makes a sound (up to a second of
        synthesis each), it first raises BuildCancelled if `cancelled()` says so. Each seek
        first plays `preroll` seconds of sound up to its wall time (see `seek`).

        A block waits for the sound of a cue it starts (the same bytes every time: a render,
        a test); live, set `wait_for_cues` False: the score goes on, and the cue joins once
        its sound is made (by `prepare` on another thread), where it would be by then."""
        self.program = program
        self.sr = sample_rate
        self.speed = speed  # the story's wall clock runs this many times faster (a preview)
        self.trim = 1.0  # ... and each frame covers this much more of it (see `set_trim`)
        self._pending_speed: float | None = None
        self.warn = warn
        self.chunk = chunk
        self._lock = threading.Lock()
        self._pending: Program | None = None
        self.last_state: StoryState | None = None  # the story state of the last block
        self._kept: StoryState | None = None  # the last state worked out, and its program
        self._kept_for: Program | None = None
        self.sounds = CueSounds(sample_rate, warn, cancelled)
        self.preroll = preroll
        self._warming = False  # playing the seek's pre-roll: edits and speeds wait for it
        self.wait_for_cues = True
        self._apply(program)
        self.seek(start_wall)

    # --- public ---------------------------------------------------------------------------

    def seek(self, wall: float) -> None:
        """Jump to a wall time: the same music as ever plays there.

        A sound cue the jump lands on or just after (CUE_LEAD_SECONDS, as the picture fires
        it), or one begun before and still sounding, plays from where it would be by now, as
        playing through would (a restart in the panic hears the diner); one that playing
        through would have cut (a silent scene began since) stays silent.

        It plays the `preroll` seconds before `wall` first, unheard, so that the echo and
        reverb hold what played there: from `wall` on, the sound played through to it. Not
        before the music heard at `wall` began (a scene change is met on the block grid of
        the seek: played on another grid, a sequence's echo glides to its tempo otherwise),
        nor in a preview (`speed`: its music does not play through the story as it passes).
        """
        self._take_program()  # an edit that came meanwhile: its sound from `wall` (a new
        # speed waits for the pre-roll: the seconds before `wall` were played at the old one)
        blocks = min(math.ceil(self.preroll * self.sr / self.chunk),  # whole blocks: from
                     math.floor(self._playing_for(wall) * self.sr / self.chunk))  # wall on,
        ahead = blocks * self.chunk  # the blocks fall where a seek without it puts them
        self._restart(wall - self._seconds(ahead))
        if ahead:
            self._warming = True
            try:
                self.render(ahead)
            finally:
                self._warming = False
            self.start_wall, self.rendered = wall, 0

    def _take_program(self) -> Program | None:
        """Read a program set since the last block, if any, at once (before a seek, or as a
        block begins); the program read, or None."""
        with self._lock:
            pending, self._pending = self._pending, None
        if pending is not None:
            self._apply(pending)
        return pending

    def _playing_for(self, wall: float) -> float:
        """Real seconds since the music heard at `wall` began (0 in a preview, or going
        into one: its music does not play through the story)."""
        if self.speed != 1.0 or self._pending_speed not in (None, 1.0):
            return 0.0
        state = self.program.state_at(wall)
        origin = self.plan.origin[self.timeline.scenes.index(state.scene)]
        return self.program.real_between(self.timeline.scenes[origin].at, state.story_time)

    def _restart(self, wall: float) -> None:
        """Start afresh at `wall`: no tails, the cues landed on or sounding there."""
        self.start_wall = wall
        self.rendered = 0  # frames rendered since the seek
        self._fifo = np.zeros((0, 2), dtype=np.float32)
        self._playing: dict[int, Playing] = {}
        self._shots: list[OneShot] = []
        self._late: list[Late] = []  # live: cues come before their sound was made
        self._scene: int | None = None
        self._landed, self._cues = self.program.cues_due(None, wall)
        self.flights.restart()
        self._resume_sounding(wall)
        audio = self.program.config.sections.get("audio", {})  # tests build partial configs
        target = float(audio.get("loudness", LOUDNESS))
        self.bus = MasterBus(self.sr, round(wall * self.sr), loudness_gain(target))

    @property
    def wall(self) -> float:
        """The wall time of the next frame render() returns."""
        return self.start_wall + self._seconds(self.rendered - len(self._fifo))

    def set_speed(self, speed: float) -> None:
        """A preview (`run --speed`): from the next block the story passes `speed` times as
        fast, while the music plays at its own pace: each scene's sound as the picture reaches
        it, the transitions crossfading, the cues sounding (any thread)."""
        self._pending_speed = speed

    def render(self, frames: int) -> np.ndarray:
        """The next `frames` stereo frames, float32 (frames, 2)."""
        parts, have = [self._fifo], len(self._fifo)
        while have < frames:
            block = self._chunk()
            parts.append(block)
            have += len(block)
        joined = np.concatenate(parts) if len(parts) > 1 else self._fifo
        self._fifo = joined[frames:]
        return joined[:frames]

    def set_program(self, program: Program) -> None:
        """Hot reload (any thread): from the next block on, the sound reads this program.

        The music crossfades to the new score; the story time is the new program's (its day
        start and pace may have changed), the same as the picture's for every wall time.
        """
        with self._lock:
            self._pending = program

    @property
    def making(self) -> bool:
        """Is a cue's sound being made (its owner need not wait for it to stop)?"""
        return self.sounds.making

    # --- timeline -------------------------------------------------------------------------

    def _apply(self, program: Program) -> None:
        """Read `program` (its cue sounds are made when needed: see `prepare`)."""
        self.program = program
        self.plan = plan(program)
        self.flights = Flights(program, self.sr, program.timeline.seed)

    def _reload(self) -> None:
        pending = self._take_program()
        if pending is None:
            return
        wall = self.start_wall + self._seconds(self.rendered)
        if self._landed:  # nothing rendered since the seek: land on the edited cues instead
            self._landed, self._cues = pending.cues_due(None, wall)
        else:  # carry on: the cues of the edited day from where the sound is
            self._cues = pending.cues_due(self._cues, wall)[1]
        for playing in self._playing.values():
            playing.fade = RELOAD_FADE_S  # unless the new score is the same (below)

    # --- one block ------------------------------------------------------------------------

    def _chunk(self) -> np.ndarray:
        if self._pending is not None and not self._warming:
            self._reload()
        if self._pending_speed is not None and not self._warming:  # on from here, new pace
            self.start_wall += self._seconds(self.rendered)
            self.rendered = 0
            self.speed, self._pending_speed = self._pending_speed, None
        n = self.chunk
        state = self._state(self.start_wall + self._seconds(self.rendered))
        end = self._state(self.start_wall + self._seconds(self.rendered + n))
        self.last_state = state
        story = state.story_time
        index = self.timeline.scenes.index(state.scene)
        stems = self._mix_scores(self._targets(index, state, end), n)
        self.flights.add(stems, lambda k: self._between(state, end, k, n), n, self.pace)
        stop = self._stop_at(index, story, end.story_time, n)
        landed, self._landed = self._landed, []
        passed, self._cues = self.program.cues_due(self._cues, end.wall,  # (a jump is a
                                                   self._seconds(n) + GAP_MARGIN_S)  # seek)
        self._fire(landed + [c for c in passed if all(c is not d for d in landed)], end)
        self._join_late()
        if stop is None:
            self._shots = play_shots(stems, n, self._shots)
            out = self.bus.process(stems, 1.0 if self._playing else 0.0)
        else:
            self._late = [late for late in self._late if -late.cursor >= stop - 1]
            out = self._stop_dead(stems, n, stop)
        self._age_late(n)
        self._scene = index
        self.rendered += n
        return np.ascontiguousarray(out.T, dtype=np.float32)

    def _between(self, state: StoryState, end: StoryState, k: int, n: int) -> StoryState:
        """The story state `k` frames into the block from `state` to `end` (`n` frames)."""
        if k in (0, n):
            return state if k == 0 else end
        return self.program.state_at(state.wall + self._seconds(k))

    def _state(self, wall: float) -> StoryState:
        """The story state at `wall`: a block's end is the next block's start (kept)."""
        kept = self._kept
        if kept is not None and kept.wall == wall and self._kept_for is self.program:
            return kept
        self._kept, self._kept_for = self.program.state_at(wall), self.program
        return self._kept
