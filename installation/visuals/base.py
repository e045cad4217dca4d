"""What every layer gets: its set-up (once per scene), the frame (each draw), seeded noise."""

from __future__ import annotations

import math
import mmap
import random
from collections import deque
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

import numpy as np
import numpy.random  # noqa: F401  numpy loads it on first use: a 30-50 ms frame mid-show
import pygame

from installation.core.seed import stable_seed as stable_seed  # the one seed hash
from installation.core.timeline import SceneState
from installation.core.timeline.model import Scene, Timeline
from installation.core.timeline.state import Pace
from installation.core.types import Warn
from installation.visuals.camera import Camera
from installation.visuals.fonts import SHIPPED, Fonts
from installation.visuals.made_once import MadeOnce

Color = tuple[int, int, int]
HOUR = 3600.0


TICKS = 60.0  # a second: in a transition each scene is drawn on every other tick (30 a second)
TICK_SLACK = 1e-6  # real seconds: a frame timed on a tick is on it, whatever the rounding


@dataclass(frozen=True)
class Setup:
    """Everything a layer may know when it is built: fixed for one scene at one size."""

    size: tuple[int, int]
    timeline: Timeline
    scene: Scene
    seed: int
    fonts: Fonts
    warn: Warn
    made: MadeOnce = field(default_factory=MadeOnce)  # pictures scenes share (the compositor's)
    pace: Pace | None = None  # the story clock the show plays at (None: none known)

    @property
    def width(self) -> int:
        return self.size[0]

    @property
    def height(self) -> int:
        return self.size[1]

    def rng(self, salt: str = "") -> random.Random:
        """A private random source for one purpose, the same on every run."""
        return random.Random(stable_seed(self.seed, salt))

    def file(self, name: str) -> Path:
        """A curator's file named in the timeline, relative to the timeline's folder."""
        return self.timeline.resolve(name)

    def font(self, name: str, size: int) -> pygame.font.Font:
        """A shipped font by name, or a curator's font file next to the timeline."""
        return self.fonts.get(name if name in SHIPPED else str(self.file(name)), size,
                              self.where())

    def where(self) -> str:
        """How a warning names this scene: 'miracle-mile.toml: scene 'Johnnie's''."""
        return f"{self.timeline.path.name}: scene '{self.scene.name}'"


@dataclass(frozen=True)
class Frame:
    """The moment being drawn: story time, real seconds since the scene began, the camera the
    compositor looks through (None: the whole picture, unmoved), and for the moving part of a
    split layer, `under`: a token for the picture under it (equal tokens, equal pixels), and
    `back`: that picture, when the surface drawn on is not a copy of it (still layers after
    the split one lie over it there: see SceneLayers' cover)."""

    story_time: float
    seconds: float
    state: SceneState
    camera: Camera | None = None
    under: int | None = None
    back: pygame.Surface | None = None

    @property
    def hour(self) -> float:
        return (self.story_time / HOUR) % 24.0


class Layer(Protocol):
    """A picture layer: built once per scene and size, then drawn every frame."""

    def draw(self, surface: pygame.Surface, frame: Frame) -> None: ...


class Split:
    """A layer drawn in two parts: a still part the compositor keeps in the scene's background
    (`draw_still`) and a moving part drawn over it every frame (`draw_moving`)."""

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        self.draw_still(surface, frame)
        self.draw_moving(surface, frame)

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        raise NotImplementedError

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        raise NotImplementedError


LayerFactory = Callable[[Mapping[str, Any], Setup], Layer]
Pieces = Generator[None, None, None]


class Piecewise(Protocol):
    """A layer whose set-up is long: `pieces` does it in short steps, pausing between them.

    Its constructor runs every piece at once; the compositor instead calls `pieces` on an
    unconstructed instance, one step per frame, ahead of the scene. Either way the same code
    runs in the same order, so the layer draws the same bytes.

    Any layer may also have `warm(frame) -> Pieces`: fill, in steps, the caches its first
    draw at `frame` would fill (without it the compositor draws it once offscreen). A cache
    must be keyed only on what decides its pixels, so warming changes no picture.
    """

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces: ...


def at_once(pieces: Pieces) -> None:
    """Run every piece of a set-up now."""
    deque(pieces, maxlen=0)


Made = TypeVar("Made")


def finished(pieces: Generator[None, None, Made]) -> Made:
    """What a set-up done in pieces makes, all its pieces run now."""
    while True:
        try:
            next(pieces)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


def build(factory: LayerFactory, params: Mapping[str, Any],
          setup: Setup) -> Generator[None, None, Layer]:
    """Build a layer, pausing between the pieces of a piecewise one; returns the layer."""
    if isinstance(factory, type) and hasattr(factory, "pieces"):
        made_as = getattr(factory, "made_as", None)  # (a class of its own for some keys)
        layer: Any = object.__new__(made_as(params) if made_as else factory)
        yield from layer.pieces(params, setup)
        return layer  # type: ignore[no-any-return]
    return factory(params, setup)


def layer_seed(day_seed: int, scene: Scene, index: int, kind: str,
               continuous: bool = False) -> int:
    """A layer's seed: what it is, never where (a layer added to a scene, or a scene added
    to the day, leaves the others' random choices as they were). One for the whole day if
    `continuous`; else by its `look` (the same look in any scene, the same choices); over
    the view (`index` below 0, none of the scene's layers), by that part; else by the
    scene's seed (its name unless given) and which of its layers of this type it is (the
    first, ...)."""
    layers = scene.layers[:index] if 0 <= index < len(scene.layers) else None
    look = scene.layers[index].params.get("look") if layers is not None else None
    if continuous:
        return stable_seed(day_seed, kind)
    if look:
        return stable_seed(day_seed, kind, "look", look)
    if layers is None:
        return stable_seed(day_seed, kind, index)
    return stable_seed(day_seed, scene.seed, kind, sum(1 for spec in layers if spec.type == kind))


HASH_MASK, HASH_MIX, HASH_SCRAMBLE = 0xFFFFFFFF, 0x01000193, 0x2C1B3C6D  # (hash01, hashes01)
HASH_SHIFTS = (15, 12)


def hash01(seed: int, *parts: int) -> float:
    """A repeatable pseudo-random number in [0, 1) for integers (cheap, no state)."""
    h = seed & HASH_MASK
    for part in parts:
        h = (h ^ (part & HASH_MASK)) * HASH_MIX & HASH_MASK
        h ^= h >> HASH_SHIFTS[0]
        h = (h * HASH_SCRAMBLE) & HASH_MASK
        h ^= h >> HASH_SHIFTS[1]
    return h / (HASH_MASK + 1.0)


def hashes01(seed: int, *parts: np.ndarray) -> np.ndarray:
    """hash01 over arrays of non-negative integers at once, element by element (the same
    numbers: a restless pick over each of two thousand windows took ~15 full-frame blits)."""
    mask = np.uint64(HASH_MASK)
    h = np.full(parts[0].shape, seed & HASH_MASK, np.uint64)
    for part in parts:
        h = ((h ^ (part & mask)) * np.uint64(HASH_MIX)) & mask
        h ^= h >> np.uint64(HASH_SHIFTS[0])
        h = (h * np.uint64(HASH_SCRAMBLE)) & mask
        h ^= h >> np.uint64(HASH_SHIFTS[1])
    return h.astype(np.float64) / (HASH_MASK + 1.0)


def smooth_noise(seed: int, x: float) -> float:
    """1-D value noise in [0, 1): smooth wandering for flicker, sway and drift."""
    i = math.floor(x)
    f = x - i
    a, b = hash01(seed, i), hash01(seed, i + 1)
    f = f * f * (3 - 2 * f)
    return a + (b - a) * f


Level = TypeVar("Level", float, np.ndarray)


def s_curve(t: Level) -> Level:
    """The smooth S-curve 3t^2 - 2t^3 of t in 0..1, for a number or an array (the caller
    keeps t within 0..1)."""
    return t * t * (3 - 2 * t)


def gray(values: np.ndarray) -> pygame.Surface:
    """A grey surface from an (x, y) array of levels 0..255 (fractions are dropped)."""
    level = values.astype(np.uint8).astype(np.uint32)
    surface = pygame.Surface(level.shape)
    pygame.surfarray.blit_array(surface, level * 0x010101)
    return surface


def red(surface: pygame.Surface) -> np.ndarray:
    """A copy of the surface's red levels as an (x, y) array (ten times faster than
    surfarray.array_red at 1920x1080)."""
    view = pygame.surfarray.pixels_red(surface)
    levels = np.array(view)
    del view
    return levels


def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def mix(a: Color, b: Color, t: float) -> Color:
    """The colour a fraction t of the way from a to b."""
    t = min(1.0, max(0.0, t))
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))


def scaled(color: Color, k: float) -> Color:
    return (min(255, max(0, round(color[0] * k))), min(255, max(0, round(color[1] * k))),
            min(255, max(0, round(color[2] * k))))


def clamp01(value: float) -> float:
    return min(1.0, max(0.0, value))


def chunks(stop: int, most: int, start: int = 0) -> list[slice]:
    """start..stop in runs of at most `most` (the last may be shorter): work done a run a
    piece, as a set-up's steps are."""
    return [slice(at, min(at + most, stop)) for at in range(start, stop, most)]


TOUCH_BYTES = 1 << 20  # fresh memory first touched a megabyte a piece (~1.5 ms)


def touched(size: int, piece: int = TOUCH_BYTES) -> Generator[None, None, mmap.mmap]:
    """Zeroed memory of `size` bytes, first touched `piece` bytes a piece: a fresh full frame
    costs the system several milliseconds of page faults, all at once if it is made whole
    (a pygame.Surface clears its pixels as it is made; so may a large numpy array)."""
    memory = mmap.mmap(-1, size)  # the system's zero pages, not yet touched
    view = np.frombuffer(memory, np.uint8)
    for part in chunks(size, piece):
        view[part] = 0
        yield
    del view
    return memory


def clear_surface(size: tuple[int, int]) -> Generator[None, None, pygame.Surface]:
    """A clear per-pixel-alpha surface of `size`, as pygame.Surface(size, SRCALPHA) makes
    it (the same layout, every pixel 0), over memory first touched a piece at a time (see
    `touched`): a new surface clears all of it in one piece (a full frame: ~4 ms)."""
    width, height = size
    if not width * height:  # no memory to map (a skyline standing on the picture's top row)
        return pygame.Surface(size, pygame.SRCALPHA)
    return pygame.image.frombuffer((yield from touched(width * height * 4)), size, "BGRA")


def touched_floats(shape: tuple[int, ...],
                   piece: int = TOUCH_BYTES) -> Generator[None, None, np.ndarray]:
    """A zeroed float32 array of `shape`, its memory first touched `piece` bytes a piece (see
    `touched`)."""
    size = int(np.prod(shape)) * np.dtype(np.float32).itemsize
    if not size:  # no memory to map
        return np.zeros(shape, np.float32)
    memory = yield from touched(size, piece)
    return np.frombuffer(memory, np.float32).reshape(shape)
