"""The scores heard in a block: which, at what gain (crossfades), and a dead stop."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from installation.audio.cue_sounds import OneShot, play_shots
from installation.audio.engine_time import EngineTime
from installation.audio.mix import MasterBus
from installation.audio.part import part_seeds
from installation.audio.score_plan import Plan
from installation.audio.voices import VOICE_TYPES, Stems, Voice
from installation.core.program import Program, StoryState
from installation.core.timeline.model import Scene, Score, Timeline
from installation.core.timeline.state import scene_index_at

RELOAD_FADE_S = 2.0
DEAD_STOP_FRAMES = 240  # 5 ms at 48 kHz: dead, but no click
STOP_DEAD = ("cut", "flash")  # arriving on silence with these transitions drops every tail


@dataclass
class Playing:
    """A score being heard: its voices, its sample position and its gain last block."""

    score: Score
    voices: list[Voice]
    position: int
    gain: float = 0.0
    fade: float | None = None  # seconds to fade out in, when a reload replaced it
    rise: float | None = None  # seconds to fade in over, when a reload brought it


def dead(scene: Scene) -> bool:
    """Does the music stop dead as this scene begins (silent, with a cut or a flash)?"""
    return scene.score.silent and scene.transition.type in STOP_DEAD


class ScorePlaying(EngineTime):
    """The engine's scores: started at their place in time, crossfaded, stopped dead."""

    program: Program
    plan: Plan
    bus: MasterBus
    _playing: dict[int, Playing]
    _shots: list[OneShot]
    _scene: int | None  # the scene of the last block

    @property
    def timeline(self) -> Timeline:
        return self.program.timeline

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

    def _mix_scores(self, targets: dict[int, float], n: int) -> Stems:
        """This block of every score heard, each ramped to its target gain (or faded out,
        after a reload); a score faded out is let go."""
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
        return stems

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
        if after != index and dead(scenes[after]):
            offset = self._frames(self.program.real_between(story, scenes[after].at))
            return min(max(offset, 0), n - 1)
        if self._scene not in (None, index) and dead(scenes[index]) and self._playing:
            return 0
        return None

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
