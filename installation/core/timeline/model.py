"""The loaded timeline: frozen data that the clock, pictures and score read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from installation.core.timeline.layer_catalog import SHIPPED_FONTS
from installation.core.timeutil import DAY_SECONDS, forward

TRANSITIONS = ("cut", "crossfade", "dip-to-black", "dip-to-white", "glare", "flash", "dissolve",
               "light-wipe")
FILE_KEYS = ("file", "font")  # layer keys that may name a file (a font may also be shipped)


@dataclass(frozen=True)
class LayerSpec:
    """One layer of a scene's picture: its type and its parameters (defaults filled in)."""

    type: str
    params: Mapping[str, Any]


@dataclass(frozen=True)
class Transition:
    """How a scene arrives: a transition type and its length in real seconds."""

    type: str = "crossfade"
    seconds: float = 3.0


@dataclass(frozen=True)
class Caption:
    """Words on the wall: the caption text and a location/time stamp."""

    text: str
    place: str = ""


@dataclass(frozen=True)
class Voice:
    """One part of a scene's score: pad, sequence, drone or noise, with its parameters."""

    kind: str
    params: Mapping[str, Any]


@dataclass(frozen=True)
class Score:
    """What a scene sounds like. No voices means silence."""

    voices: tuple[Voice, ...] = ()

    @property
    def silent(self) -> bool:
        return not self.voices


@dataclass(frozen=True)
class Scene:
    """A scene that begins at story time `at` and lasts until the next one."""

    index: int
    at: float
    name: str
    layers: tuple[LayerSpec, ...]
    transition: Transition = field(default_factory=Transition)
    caption: Caption | None = None
    score: Score = field(default_factory=Score)
    line: int | None = None
    seed: str = ""  # what seeds its random choices: its name, unless the file gives a seed

    def __post_init__(self) -> None:
        if not self.seed:  # (a frozen dataclass fills a default from another field so)
            object.__setattr__(self, "seed", self.name)


@dataclass(frozen=True)
class Cue:
    """Something that happens once at a story time: a sound, a flash, a caption."""

    index: int
    at: float
    type: str
    name: str
    params: Mapping[str, Any]
    line: int | None = None


@dataclass(frozen=True)
class PaceSection:
    """A story interval whose real duration is multiplied by `weight`."""

    start: float
    end: float
    weight: float

    @property
    def story_seconds(self) -> float:
        return forward(self.start, self.end) or DAY_SECONDS


@dataclass(frozen=True)
class Countdown:
    """T-minus shown from the cue `cue` (at `start`) to the target story time."""

    cue: str
    start: float
    target: float
    label: str = "T-MINUS"

    def remaining(self, story_time: float) -> float | None:
        """Story seconds left, or None outside the countdown."""
        length = forward(self.start, self.target)
        elapsed = forward(self.start, story_time)
        return length - elapsed if elapsed < length else None


@dataclass(frozen=True)
class Timeline:
    """A whole story day: scenes in story order from the day start, cues, pace, countdown."""

    path: Path
    title: str
    seed: int
    day_start: float
    scenes: tuple[Scene, ...]
    cues: tuple[Cue, ...] = ()
    pace: tuple[PaceSection, ...] = ()
    countdown: Countdown | None = None

    def after(self, scene: Scene) -> Scene:
        """The scene that follows `scene` in the day (the first again after the last). Not
        `scene.index + 1`: the index is its place in the file, which may be in any order."""
        return self.scenes[(self.scenes.index(scene) + 1) % len(self.scenes)]

    def offset(self, story_time: float) -> float:
        """Story seconds since the day start (the order scenes play in)."""
        return forward(self.day_start, story_time)

    def resolve(self, name: str) -> Path:
        """A file the timeline names, relative to the timeline's own folder."""
        path = Path(name).expanduser()
        return path if path.is_absolute() else self.path.parent / path

    def referenced_files(self) -> tuple[FileReference, ...]:
        """Every file this timeline names (pictures, fonts, sounds), with where it is named."""
        found = []
        for scene in self.scenes:
            for layer in scene.layers:
                for key in FILE_KEYS:
                    value = layer.params.get(key)
                    # As the pictures do: a font that is not shipped is a file.
                    if isinstance(value, str) and (key == "file" or value not in SHIPPED_FONTS):
                        found.append(FileReference(f"scene '{scene.name}'", f"layers.{key}",
                                                   self.resolve(value)))
        for cue in self.cues:
            value = cue.params.get("file")
            if isinstance(value, str):
                found.append(FileReference(f"cue '{cue.name}'", "file", self.resolve(value)))
        return tuple(found)


@dataclass(frozen=True)
class FileReference:
    """A file a timeline names: where (scene or cue), under which key, and its path."""

    where: str
    key: str
    path: Path
