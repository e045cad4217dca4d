"""What the attendant decides for a frame (a Directive) and what it reads of the show."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from installation.adapters.audio_status import PLAYING
from installation.core.program import Program, StoryState

Mode = Literal["play", "black", "standby"]
CLOSED_HOURS = "silent: gallery closed"  # the audio status outside opening hours


@dataclass(frozen=True)
class Directive:
    """What the attendant decided for this frame; the show applies it, nothing else does.

    How to play: play, black and silent, or the standby scene; and what changed: a new
    program after an edit, the overlay shown or hidden, a new volume, warnings to show.
    """

    mode: Mode = "play"
    story_time: float | None = None  # the story time to draw, in standby
    fade: float = 0.0  # 0: full picture; 1: black (the last seconds before closing)
    notice: str = ""  # e.g. "The gallery closes in 9 minutes" (the closing-soon cue)
    gain: float = 1.0  # multiplies the master volume (0 outside hours)
    program: Program | None = None  # an edit was taken up: play this from now on
    overlay: bool | None = None  # show (True) or hide (False) the operator overlay
    volume: float | None = None  # set the master volume to this
    warnings: tuple[str, ...] = ()  # problems the show survives, for the overlay
    jump_to: float | None = None  # rehearsal: go on from this story time (remote)
    speed: float | None = None  # rehearsal: run the story this many times as fast (remote)

    @property
    def playing(self) -> bool:
        return self.mode == "play"


class Stats(Protocol):
    @property
    def fps(self) -> float: ...

    @property
    def p95_ms(self) -> float: ...


class Toggle(Protocol):
    visible: bool


class ShowLike(Protocol):
    """What the attendant reads of the show (installation.app.show.Show provides it).

    The attendant only reads: what should change comes back from `before_frame`.
    """

    audio: Any  # None, or an audio output with status and underruns

    @property
    def program(self) -> Program: ...

    @property
    def state(self) -> StoryState | None: ...

    @property
    def frames(self) -> int: ...

    @property
    def warnings(self) -> Iterable[str]: ...  # a bounded deque: read, never sliced

    @property
    def stats(self) -> Stats: ...

    @property
    def overlay(self) -> Toggle: ...


def audio_status(audio: Any, directive: Directive) -> str:
    """What the sound is doing, as docs/operators.md explains it (the device's own word,
    except that a device playing silence outside opening hours says so)."""
    status = str(getattr(audio, "status", "off")) if audio is not None else "off"
    if status == PLAYING and directive.gain == 0.0:
        return CLOSED_HOURS
    return status

