"""Sound cues in the engine: each cue's sound made once (by any thread), and those under way."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from installation.audio.errors import BuildCancelled
from installation.audio.sounds import load_file, synth, synth_frames
from installation.audio.voices import Stems
from installation.core.timeline.model import Cue, Timeline
from installation.core.timeutil import format_clock


@dataclass(eq=False)  # removed by identity: comparing two shots' arrays raises
class OneShot:
    """A cue's sound under way: its samples and how far it has played (negative: not yet)."""

    data: np.ndarray
    cursor: int
    gains: np.ndarray
    reverb: float
    end: int  # the frame it has faded out by (its length, if it ends before its scene)
    fade: int = 0  # frames it fades out over, up to `end` (0: it plays to its own end)


def shot(cue: Cue, data: np.ndarray, cursor: int, cut: tuple[int, int]) -> OneShot:
    """A sound cue's samples under way at `cursor`, panned and at its level; `cut`: the frame
    at which its scene's end has faded it out, and the frames of that fade."""
    pan = (cue.params["pan"] + 1.0) * np.pi / 4
    gains = np.array([[np.cos(pan)], [np.sin(pan)]]) * np.sqrt(2) * cue.params["level"]
    end, fade = cut
    if end >= data.shape[-1]:
        end, fade = data.shape[-1], 0  # it ends by itself in time
    return OneShot(data, cursor, gains, cue.params["reverb"], end, fade)


def play_shots(stems: Stems, n: int, shots: list[OneShot]) -> list[OneShot]:
    """Mix `shots` into this block's stems; those still sounding after it."""
    left = []
    for one in shots:
        a = max(0, -one.cursor)
        begin = max(0, one.cursor)
        piece = one.data[:, begin:min(begin + n - a, one.end)] * one.gains
        if one.fade and begin + piece.shape[-1] > one.end - one.fade:  # its scene ended
            at = np.arange(begin, begin + piece.shape[-1])
            piece *= np.clip((one.end - at) / one.fade, 0.0, 1.0)
        stems.dry[:, a:a + piece.shape[-1]] += piece
        stems.reverb[:, a:a + piece.shape[-1]] += piece * one.reverb
        one.cursor += n
        if one.cursor < one.end:
            left.append(one)
    return left


class CueSounds:
    """The cues' sounds, each made once when first needed (a synth's up to a second of
    synthesis, a file decoded) and kept; one at a time, whichever thread asks. A cue that
    cannot be heard, whatever the reason, is reported once to the operator by `failed`."""

    def __init__(self, sample_rate: int, warn: Callable[[str], None],
                 cancelled: Callable[[], bool]) -> None:
        """`cancelled()` says the owner is stopping: no sound is begun then."""
        self.sr = sample_rate
        self.warn = warn
        self._cancelled = cancelled
        self._sounds: dict[tuple[Any, ...], np.ndarray | None] = {}
        self._making = threading.Lock()  # one cue sound made at a time, by whichever thread
        self.making = False  # a cue sound is being made (its owner need not wait to stop)
        self._reported: set[int] = set()  # the failed cues already reported (their index)

    def failed(self, cue: Cue, why: str) -> None:
        """The one way a cue that will not be heard is told to the operator (the show's warn:
        its log and status page), once per cue (the first reason), whatever the reason: its synth
        raised, its file would not play, its sound was not made in time, or a bug on the cue
        maker's thread."""
        if cue.index in self._reported:
            return
        self._reported.add(cue.index)
        self.warn(f"cue '{cue.name}' at {format_clock(cue.at)}: {why}; it is left out")

    def unmade(self, cue: Cue) -> bool:
        """Is this a synth's cue whose sound is not made yet (nor failed)? (A file's is made
        at the seek: its length is known only by decoding it.)"""
        name = cue.params.get("synth") if cue.type == "sound" else None
        return bool(name) and ("synth", name) not in self._sounds

    def length(self, cue: Cue, timeline: Timeline) -> int:
        """How many frames a sound cue's sound has: a synth's without making it."""
        name = cue.params.get("synth")
        if name:
            return synth_frames(name, self.sr)
        data = self.sound(cue, timeline)
        return 0 if data is None else data.shape[-1]

    def sound(self, cue: Cue, timeline: Timeline) -> np.ndarray | None:
        """The cue's sound (2, frames), made first if need be; None if it cannot be played.
        Raises BuildCancelled if it is to be made while the owner is stopping."""
        params = cue.params
        if params.get("synth"):
            name = params["synth"]
            return self._made(cue, ("synth", name), lambda: synth(name, self.sr))
        path = timeline.resolve(params["file"])
        try:
            stat = path.stat()
            key: tuple[Any, ...] = ("file", str(path), stat.st_mtime, stat.st_size)
        except OSError:
            key = ("file", str(path))
        return self._made(cue, key, lambda: self._load(cue, path))

    def _made(self, cue: Cue, key: tuple[Any, ...], make: Callable[[], np.ndarray | None]
              ) -> np.ndarray | None:
        """The sound kept under `key`, made first if need be (seconds at worst), once: a thread
        that needs it while another makes it waits for that one. Unless the owner is stopping.
        Any error in making it leaves the cue silent (reported: `failed`), never the score."""
        if key in self._sounds:
            return self._sounds[key]
        with self._making:
            if key not in self._sounds:
                if self._cancelled():
                    raise BuildCancelled
                self.making = True
                try:
                    self._sounds[key] = make()
                except Exception as exc:  # noqa: BLE001 - a bug in a cue must not stop the sound
                    self._sounds[key] = None
                    self.failed(cue, f"its sound could not be made ({type(exc).__name__}: {exc})")
                finally:
                    self.making = False
        return self._sounds[key]

    def _load(self, cue: Cue, path: Path) -> np.ndarray | None:
        """A sound file's samples, or None (and a warning) if it cannot be played."""
        try:
            return load_file(path, self.sr)
        except OSError as exc:
            reason = " ".join(str(exc.strerror or exc).split())  # one line, always
            self.failed(cue, f"sound file {path} could not be played ({reason})")
            return None
