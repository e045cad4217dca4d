"""Sound cues in the engine's blocks: fired as the story passes them, picked up after a seek,
and, live, joined late when their sound was not made in time (the score never waits)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from installation.audio.cue_sounds import CueSounds, shot
from installation.audio.engine_scores import ScorePlaying, dead
from installation.core.helicopter_path import flown
from installation.core.program import StoryState
from installation.core.timeline.model import Cue
from installation.core.timeline.state import scene_index_at

CUE_FADE_S = 0.5  # a cue still sounding when its scene ends fades out over at least this
JOIN_LATE_S = 0.5  # live, a cue whose sound comes later than this after it is left out: a
# ring or a crash heard later than the picture's moment is a fault, not the cue

log = logging.getLogger("installation.audio")


@dataclass(eq=False)
class Late:
    """A cue that came before its sound was made: how far into its sound it would be at the
    start of the next block (negative: not yet begun), and from where it was to be heard (0,
    or further in after a seek into it)."""

    cue: Cue
    cursor: int
    due: int

    @property
    def late(self) -> int:
        """How many frames after it was to be heard the next block begins (<= 0: in time)."""
        return self.cursor - self.due


class CuePlaying(ScorePlaying):
    """The engine's sound cues: each plays from where it would be, whenever it is heard."""

    chunk: int
    sounds: CueSounds
    warn: Callable[[str], None]
    wait_for_cues: bool  # a block waits for a cue's sound (offline); or it joins late (live)
    _late: list[Late]
    _landed: list[Cue]

    def upcoming(self, ahead: float) -> Cue | None:
        """The cue whose sound to make next: one already due and waiting for it (soonest
        first), or the soonest sound cue not made yet if it comes within `ahead` real seconds
        of the next block (None: nothing to make now, the usual case)."""
        waiting = [late.cue for late in self._late if self.sounds.unmade(late.cue)]
        if waiting:
            return waiting[0]
        missing = [k for k, cue in enumerate(self.timeline.cues)
                   if self.sounds.unmade(cue) and not flown(self.timeline, cue)]
        if not missing:
            return None
        story = self.program.state_at(self.start_wall + self._seconds(self.rendered)).story_time
        wait, first = min((self.program.real_between(story, self.timeline.cues[k].at)
                           / self.speed, k) for k in missing)
        return self.timeline.cues[first] if wait <= ahead else None

    def prepare(self, cue: Cue) -> None:
        """Make the sound of a cue ahead (up to a second of synthesis), so that its block need
        not wait for it: the same sound as when made as the cue comes. Any thread may call it
        while another renders; raises BuildCancelled if the owner is stopping."""
        self.sounds.sound(cue, self.timeline)

    def cue_failed(self, cue: Cue, why: str) -> None:
        """A cue that will not be heard, told to the operator (the one way: CueSounds.failed):
        for the cue maker, whose thread meets what escapes the making of a sound."""
        self.sounds.failed(cue, why)

    def _fire(self, cues: list[Cue], end: StoryState) -> None:
        """Start the sound cues passed in this block (which ends at `end`)."""
        n = self.chunk
        for cue in cues:
            if cue.type == "sound":
                late = self._frames(self.program.real_between(cue.at, end.story_time))
                self._play_from(cue, late - n)

    def _play_from(self, cue: Cue, cursor: int) -> None:
        """Play a cue's sound from `cursor` frames into it at this block's start. Live, a
        sound not made yet (the cue maker at it, or about to be) is not waited for: the cue
        joins once it is made, where it would be by then. A helicopter cue under the picture's
        helicopter plays nothing of its own: every pass is heard with the flight (flight.py)."""
        if flown(self.timeline, cue):
            return
        if not self.wait_for_cues and self.sounds.unmade(cue):
            self._late.append(Late(cue, cursor, max(cursor, 0)))
            return
        data = self.sounds.sound(cue, self.timeline)
        if data is not None:
            self._shots.append(shot(cue, data, cursor, self._scene_end(cue)))

    def _join_late(self) -> None:
        """The late cues whose sound is made now join this block, as if they had begun on
        time, if that is within JOIN_LATE_S of the cue; one still unmade by then, or whose
        sound could not be made, is left out at once, and the log says so."""
        waiting = []
        for late in self._late:
            cue, seconds = late.cue, late.late / self.sr
            in_time = late.late <= JOIN_LATE_S * self.sr
            if self.sounds.unmade(cue) and in_time:
                waiting.append(late)
            elif not in_time:
                self.sounds.failed(cue, f"its sound was not made in time ({seconds:.1f} s "
                                   f"after the cue, {JOIN_LATE_S:.1f} s at most)")
            else:
                if late.late > 0:
                    log.info("cue '%s' joins %.2f s late: its sound was still being made",
                             cue.name, seconds)
                self._play_from(cue, late.cursor)  # (a sound that failed: warned, silent)
        self._late = waiting

    def _age_late(self, n: int) -> None:
        """The cues still waiting for their sound are `n` frames further into it."""
        for late in self._late:
            late.cursor += n

    def _scene_end(self, cue: Cue) -> tuple[int, int]:
        """A cue's sound ends with its scene: the frame (from the cue) by which it has faded
        out, over the next scene's transition (CUE_FADE_S at least) as the picture leaves;
        and the frames of that fade. (On the shipped clock every cue ends in its scene.)"""
        scenes = self.timeline.scenes
        after = scenes[(scene_index_at(self.timeline, cue.at) + 1) % len(scenes)]
        fade = max(self._frames(after.transition.seconds), round(CUE_FADE_S * self.sr))
        return self._frames(self.program.real_between(cue.at, after.at)) + fade, fade

    def _resume_sounding(self, wall: float) -> None:
        """After a seek: the sound cues begun before `wall` that would still sound there."""
        story = self.program.state_at(wall).story_time
        timeline = self.timeline
        for cue in timeline.cues:
            if cue.type != "sound" or any(cue is landed for landed in self._landed):
                continue
            since = self.program.real_between(cue.at, story)  # forward: a later cue is a day
            played, cut = self._frames(since), self._scene_end(cue)
            if not 0 < played < min(self.sounds.length(cue, self.timeline), cut[0]):
                continue
            if any(0 < self.program.real_between(cue.at, s.at) <= since  # (not its own)
                   for s in timeline.scenes if dead(s)):  # a silent scene cut it off
                continue
            self._play_from(cue, played)  # sounding here: made now if need be (or, live,
            # joined once the cue maker has made it)
