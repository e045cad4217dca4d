"""The score engine: stereo blocks of the timeline's music for consecutive wall times."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from installation.audio.cue_sounds import CueSounds, OneShot, play_shots, shot
from installation.audio.mix import MasterBus, loudness_gain
from installation.audio.part import part_seeds
from installation.audio.score_plan import plan
from installation.audio.voices import VOICE_TYPES, Stems, Voice
from installation.core.config import LOUDNESS
from installation.core.program import Program, StoryState
from installation.core.timeline.model import Cue, Scene, Score, Timeline
from installation.core.timeline.state import scene_index_at

CHUNK_FRAMES = 16384  # the engine's own grid (0.34 s at 48 kHz): fewer, larger numpy calls
RELOAD_FADE_S = 2.0
DEAD_STOP_FRAMES = 240  # 5 ms at 48 kHz: dead, but no click
PREROLL_S = 6.0  # a seek plays this much before its wall time first: the echo and reverb tails
CUE_FADE_S = 0.5  # a cue still sounding when its scene ends fades out over at least this
GAP_MARGIN_S = 0.5  # a block's cues: from the last block's end, however long blocks last
STOP_DEAD = ("cut", "flash")  # arriving on silence with these transitions drops every tail


def never() -> bool:
    """A build nobody cancels (an offline render, a test)."""
    return False


@dataclass
class Playing:
    """A score being heard: its voices, its sample position and its gain last block."""

    score: Score
    voices: list[Voice]
    position: int
    gain: float = 0.0
    fade: float | None = None  # seconds to fade out in, when a reload replaced it
    rise: float | None = None  # seconds to fade in over, when a reload brought it


def _dead(scene: Scene) -> bool:
    return scene.score.silent and scene.transition.type in STOP_DEAD


class ScoreEngine:
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
        first plays `preroll` seconds of sound up to its wall time (see `seek`)."""
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
        self._scene: int | None = None
        self._landed, self._cues = self.program.cues_due(None, wall)
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

    def set_trim(self, trim: float) -> None:
        """From the next frame on each covers `trim` times its wall time (a card whose clock
        runs slow or fast is kept with the picture): the story passes that much faster per
        sample, the voices play on sample by sample (no pitch moves). The rendering thread."""
        if trim == self.trim:
            return
        self.start_wall += self._seconds(self.rendered)  # the frames made so far keep their
        self.rendered = 0  # wall times (those in the fifo move by the change: microseconds)
        self.trim = trim

    @property
    def pace(self) -> float:
        """The wall seconds each second of sound covers: the speed, trimmed."""
        return self.speed * self.trim

    def _seconds(self, frames: int) -> float:
        """The wall seconds that `frames` of sound cover."""
        return frames * self.pace / self.sr

    def _frames(self, seconds: float) -> int:
        """The frames of sound that cover `seconds` of wall time."""
        return round(seconds * self.sr / self.pace)

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

    @property
    def timeline(self) -> Timeline:
        return self.program.timeline

    # --- timeline -------------------------------------------------------------------------

    def _apply(self, program: Program) -> None:
        """Read `program` (its cue sounds are made when needed: see `prepare`)."""
        self.program = program
        self.plan = plan(program)

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
        targets = self._targets(index, state, end)
        stems = Stems.silent(n)
        ramp = np.linspace(0.0, 1.0, n + 1)[1:]
        for key, playing in list(self._playing.items()):
            target = targets.get(key, 0.0)
            if playing.fade is not None:
                target = max(0.0, playing.gain - n / (playing.fade * self.sr))
            elif playing.rise is not None:
                target = min(target, playing.gain + n / (playing.rise * self.sr))
            gains: np.ndarray | float = playing.gain  # steady: one number, not a ramp
            if target != playing.gain:
                gains = playing.gain + (target - playing.gain) * ramp
            if playing.gain > 0 or target > 0:
                for voice in playing.voices:
                    stems.add(voice.render(playing.position, n), gains, voice.sends)
            playing.position += n
            playing.gain = target
            if target <= 0 and (playing.fade is not None or key not in targets):
                del self._playing[key]
        stop = self._stop_at(index, story, end.story_time, n)
        landed, self._landed = self._landed, []
        passed, self._cues = self.program.cues_due(self._cues, end.wall,  # (a jump is a
                                                   self._seconds(n) + GAP_MARGIN_S)  # seek)
        self._fire(landed + [c for c in passed if all(c is not d for d in landed)], end)
        if stop is None:
            self._shots = play_shots(stems, n, self._shots)
            out = self.bus.process(stems, 1.0 if self._playing else 0.0)
        else:
            out = self._stop_dead(stems, n, stop)
        self._scene = index
        self.rendered += n
        return np.ascontiguousarray(out.T, dtype=np.float32)

    def _state(self, wall: float) -> StoryState:
        """The story state at `wall`: a block's end is the next block's start (kept)."""
        kept = self._kept
        if kept is not None and kept.wall == wall and self._kept_for is self.program:
            return kept
        self._kept, self._kept_for = self.program.state_at(wall), self.program
        return self._kept

    def _targets(self, index: int, state: StoryState, end: StoryState) -> dict[int, float]:
        """Gain each audible score should reach by the end of this block.

        The crossfade follows the story state's transition (its progress and equal-power
        gains at the block's end), as the picture's does; a cut or a flash does not fade.
        """
        story = state.story_time
        scenes = self.timeline.scenes
        scene, previous = scenes[index], scenes[index - 1]
        fading = (previous.score is not scene.score and scene.transition.type not in STOP_DEAD
                  and end.scene is scene and end.progress < 1.0)
        out_gain, in_gain = end.gains if fading else (0.0, 1.0)
        targets: dict[int, float] = {}
        if not scene.score.silent:
            targets[self._start(index, story)] = float(in_gain)
        if fading and not previous.score.silent:
            key = self._start((index - 1) % len(scenes), story)
            targets[key] = max(targets.get(key, 0.0), float(out_gain))
        return targets

    def _start(self, index: int, story: float) -> int:
        """Key of the score of scene `index`, starting it (at its place in time) if needed."""
        score = self.timeline.scenes[index].score
        for key, playing in self._playing.items():
            if playing.score is score or (playing.fade is not None and playing.score == score):
                playing.fade = None  # same music after a reload: carry on, no crossfade
                playing.score = score
                return key
        origin = self.timeline.scenes[self.plan.origin[index]]  # where this music is written
        since = self.program.real_between(origin.at, story)
        seeds = part_seeds(self.timeline.seed, origin.seed, (v.kind for v in score.voices))
        voices = [VOICE_TYPES[v.kind](v.params, self.sr, seed, self.plan.span[index])
                  for v, seed in zip(score.voices, seeds, strict=True)]
        key = max(self._playing, default=0) + 1
        reloading = any(p.fade is not None for p in self._playing.values())
        self._playing[key] = Playing(score, voices, round(since * self.sr),
                                     rise=RELOAD_FADE_S if reloading else None)
        for voice in voices:
            bpm = voice.p.get("bpm")
            if bpm:
                self.bus.echo.set_time(0.75 * 60.0 / float(bpm))
        return key

    def _stop_at(self, index: int, story: float, end_story: float, n: int) -> int | None:
        """Where in this block the music stops dead (a silent scene with a cut or flash)."""
        scenes = self.timeline.scenes
        after = scene_index_at(self.timeline, end_story)
        if after != index and _dead(scenes[after]):
            offset = self._frames(self.program.real_between(story, scenes[after].at))
            return min(max(offset, 0), n - 1)
        if self._scene not in (None, index) and _dead(scenes[index]) and self._playing:
            return 0
        return None

    # --- cues -----------------------------------------------------------------------------

    def upcoming(self, ahead: float) -> Cue | None:
        """The soonest sound cue whose sound is not made yet, if it comes within `ahead` real
        seconds of the next block (None: nothing to make now, the usual case)."""
        missing = [k for k, cue in enumerate(self.timeline.cues) if self.sounds.unmade(cue)]
        if not missing:
            return None
        story = self.program.state_at(self.start_wall + self._seconds(self.rendered)).story_time
        wait, first = min((self.program.real_between(story, self.timeline.cues[k].at)
                           / self.speed, k) for k in missing)
        return self.timeline.cues[first] if wait <= ahead else None

    def prepare(self, cue: Cue) -> None:
        """Make the sound of a cue ahead (up to a second of synthesis), so that its block need
        not wait for it: the same sound as when made as the cue comes. Any thread may call it
        while another renders (a block that needs the sound meanwhile waits for it); raises
        BuildCancelled if the owner is stopping."""
        self.sounds.sound(cue, self.timeline)

    def _fire(self, cues: list[Cue], end: StoryState) -> None:
        n = self.chunk
        for cue in cues:
            if cue.type != "sound":
                continue
            data = self.sounds.sound(cue, self.timeline)
            if data is None:
                continue
            late = self._frames(self.program.real_between(cue.at, end.story_time))
            self._shots.append(shot(cue, data, late - n, self._scene_end(cue)))

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
                   for s in timeline.scenes if _dead(s)):  # a silent scene cut it off
                continue
            data = self.sounds.sound(cue, self.timeline)  # sounding here: made now, if not yet
            if data is not None:
                self._shots.append(shot(cue, data, played, cut))

    def _stop_dead(self, stems: Stems, n: int, stop: int) -> np.ndarray:
        """The block in which the music stops dead at frame `stop`: all of it ends there within
        5 ms, tails and all; a cue sounding from that frame on (the flash's boom) plays on into
        the silence through a clean bus."""
        after = [shot for shot in self._shots if -shot.cursor >= stop - 1]  # (rounding)
        play_shots(stems, n, [shot for shot in self._shots if shot not in after])
        out = self.bus.process(stems, 1.0 if self._playing else 0.0)
        out *= np.interp(np.arange(n), [stop, stop + DEAD_STOP_FRAMES], [1.0, 0.0])
        self.bus.reset()
        self._playing.clear()
        self._shots = []
        if after:
            fresh = Stems.silent(n)
            self._shots = play_shots(fresh, n, after)
            out += self.bus.process(fresh, 0.0)
        return out
