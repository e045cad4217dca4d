"""Small timelines and frames for the picture tests (drawn at a small size, headless)."""

from __future__ import annotations

from collections.abc import Callable, Generator, Hashable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeVar

import numpy as np
import pygame
import pytest
from day_config import SHIPPED
from day_config import shipped_program as shipped_program  # for the picture tests

from installation.core.program import Program
from installation.core.timeline import SceneState, Timeline, load_timeline, state_at
from installation.core.timeline.loader import parse_timeline
from installation.core.timeline.model import Scene
from installation.core.timeline.state import Pace
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame, Layer
from installation.visuals.block import Fronts
from installation.visuals.building_ahead import BuildingAhead
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures, Member
from installation.visuals.made_once import MadeOnce
from installation.visuals.neon import Neon
from installation.visuals.render import headless

SIZE = (320, 180)
MADE_KEPT = 16  # smoke textures and flames held on: the shipped flash's and Ash's at the two
# or three sizes a worker's tests draw them, and a test file's own (~5 MB each at 1920x1080)
SHIPPED_KEPT = 8  # shipped pictures held on, the last drawn (8 MB each at 1920x1080)
MADE_PICTURES = 128  # figures' drawings and oil held on (MadeOnce.picture): the shipped tar
# pits' and dream's mammoths in all their poses at the sizes a worker's tests draw them


def timeline(body: str, path: Path | None = None) -> Timeline:
    """A timeline from TOML text (a [timeline] header is added)."""
    text = "[timeline]\ntitle = \"test\"\nseed = 7\nday_start = \"12:00\"\n" + body
    return parse_timeline(text, "test.toml", path)


def one_scene(layers: str, at: str = "12:00", extra: str = "") -> Timeline:
    """A timeline with one scene at `at` holding the given [[scene.layers]] blocks."""
    return timeline(f"[[scene]]\nat = \"{at}\"\nname = \"only\"\n"
                    f"transition = {{ type = \"cut\", seconds = 0 }}\n{extra}\n{layers}")


def layer(type_: str, **keys: object) -> str:
    """One [[scene.layers]] block in TOML."""
    lines = ["[[scene.layers]]", f"type = \"{type_}\""]
    for key, value in keys.items():
        if isinstance(value, str):
            lines.append(f"{key} = \"{value}\"")
        elif isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        else:
            lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


NO_POST = layer("post", grain=0, vignette=0)


@cache
def shared_made() -> MadeOnce:
    """The pictures scenes make alike (their smoke's textures, their flames: MadeOnce), made
    once a process and found by every compositor given it, as a show running since the day
    before, or reloaded, finds them (their keys name all they depend on, size and seed: another
    size, seed or shape makes its own). The shipped Ash drawn fresh at 1920x1080 then builds in
    ~2 s of CPU, not ~6.5; the shipped tar pits' mammoths (their drawings in every pose, the
    oil on the tar: MadeOnce.picture) ~0.7 s, not ~1.7. test_suite17_shared_made checks it
    draws the bytes a compositor making its own draws. Not for tests of building ahead or of
    what is made."""
    return MadeOnce(MADE_KEPT, MADE_PICTURES)


Made = TypeVar("Made")
SHARED_KINDS = ("plume", "flames")  # what MadeOnce.get makes that FindingMade finds in
# shared_made: the smoke's textures and its flames, pictures named by all they are made of (the
# rest it gets is the scene's own live state its layers share: a street's drivers, the cars
# its people hide behind, which another compositor alive beside it must not find)


class FindingMade(MadeOnce):
    """A compositor's MadeOnce that finds the pictures shared_made holds (its `picture`s, and
    SHARED_KINDS of what it `get`s), made by an earlier test of the process, as a show running
    since the day before finds them, and keeps the rest its own."""

    def get(self, key: Hashable, make: Callable[[], Generator[None, None, Made]],
            keep: bool = True) -> Generator[None, None, Made]:
        if isinstance(key, tuple) and key and key[0] in SHARED_KINDS:
            return shared_made().get(key, make, keep)
        return super().get(key, make, keep)

    def picture(self, key: Hashable, make: Callable[[], Generator[None, None, pygame.Surface]]
                ) -> Generator[None, None, pygame.Surface]:
        return shared_made().picture(key, make)


class NothingAhead(BuildingAhead):
    """Building ahead for a compositor that draws one frame and is dropped (a fresh one whose
    picture a test compares with): nothing. The frame is drawn before its building ahead
    begins, so it changes no pixel of it; what it would build (the next scene's pieces, the
    warm-up a scene drawn cold owes: a quarter of test_background's processor time) no frame
    of that compositor would draw."""

    def prepare(self, state: SceneState, mixing: bool, spent: float) -> None:
        return None


def compositor_finding(line: Timeline, size: tuple[int, int], made: MadeOnce | None,
                       warn: Callable[[str], None] = print, pace: Pace | None = None,
                       once: bool = False) -> Compositor:
    """A fresh compositor, finding what `made` holds (none: it makes its own); `once`: it
    draws one frame and is dropped, building nothing ahead (see NothingAhead)."""
    compositor = Compositor(line, size, warn, pace)
    if made is not None:
        compositor.made = made
    if once:
        compositor.ahead = NothingAhead(compositor)
    return compositor


def one_frame(line: Timeline, size: tuple[int, int], state: SceneState,
              made: MadeOnce | None = None, warn: Callable[[str], None] = print,
              pace: Pace | None = None) -> pygame.Surface:
    """The frame a fresh compositor draws for `state` (finding what `made` holds), building
    nothing ahead after it."""
    surface = pygame.Surface(size)
    compositor_finding(line, size, made, warn, pace, once=True).draw(surface, state)
    return surface


def draw(line: Timeline, at: str, warnings: list[str] | None = None,
         size: tuple[int, int] = SIZE, made: MadeOnce | None = None) -> pygame.Surface:
    """The frame at story time `at` with a fresh compositor (finding what `made` holds: see
    shared_made)."""
    headless()
    sink = warnings if warnings is not None else []
    return one_frame(line, size, state_at(line, parse_clock(at)), made, sink.append)


def shipped_picture(at: str, size: tuple[int, int] = (1920, 1080)) -> pygame.Surface:
    """The shipped day's picture at story time `at` (at its own pace), full size: drawn once
    a process (the last SHIPPED_KEPT kept), each caller given its own copy. The old couple's
    embrace at 04:40:35, 04:45 and 04:48 is looked at by two or three files each (legs and
    outline, the rim or the shoes). Not for a test that patches what is drawn."""
    return _shipped_picture(at, size).copy()


@lru_cache(maxsize=SHIPPED_KEPT)
def _shipped_picture(at: str, size: tuple[int, int]) -> pygame.Surface:
    headless()
    program = shipped_program()
    return one_frame(program.timeline, size,
                     state_at(program.timeline, parse_clock(at), program.clock), shared_made(),
                     lambda _message: None)


def shipped_in_a_row(times: Iterable[str], size: tuple[int, int] = (1920, 1080)
                     ) -> list[pygame.Surface]:
    """The shipped day's pictures at these story times (in order, at its own pace) drawn by one
    compositor: a scene they share built once, not once a picture (each is the picture
    `shipped_picture` draws at its time: a kept compositor draws what a fresh one draws)."""
    headless()
    program = shipped_program()
    compositor = compositor_finding(program.timeline, size, shared_made(),
                                    lambda _message: None, program.clock)
    pictures = []
    for at in times:
        surface = pygame.Surface(size)
        compositor.draw(surface, state_at(program.timeline, parse_clock(at), program.clock))
        pictures.append(surface)
    return pictures


def shipped_frame(at: str) -> np.ndarray:
    """The shipped day's picture at story time `at`, full size, as (x, y) luminance."""
    rgb = pygame.surfarray.array3d(shipped_picture(at)).astype(float)
    return np.asarray(rgb @ np.array([0.3, 0.59, 0.11]))


def mean_brightness(surface: pygame.Surface, rect: pygame.Rect | None = None) -> float:
    area = surface.subsurface(rect) if rect else surface
    r, g, b, _ = pygame.transform.average_color(area)
    return (r + g + b) / 3


def channel_max(surface: pygame.Surface) -> np.ndarray:
    """Each pixel's brightest channel, as (x, y): `array3d(surface).max(axis=2)` read off the
    surface's own pixels, without copying the picture or numpy's reduction over three values
    (at 960x540, 0.3 ms for 12)."""
    view = pygame.surfarray.pixels3d(surface)
    try:
        return np.maximum(np.maximum(view[..., 0], view[..., 1]), view[..., 2])
    finally:
        del view  # (the view locks the surface)


def lit_pixels(surface: pygame.Surface, level: int = 8) -> int:
    """How many pixels have some channel above `level`."""
    return int((channel_max(surface) > level).sum())


def frame_at(body: str, at: str, seconds: float, size: tuple[int, int] = SIZE) -> np.ndarray:
    """The frame `seconds` (real = story, no pace) after story time `at`, as an array (drawn
    by a fresh compositor finding what shared_made holds: a figure drawn again at another
    moment of the scene, another test's, is not drawn again)."""
    headless()
    line = one_scene(body, at=at)
    surface = one_frame(line, size, state_at(line, parse_clock(at) + seconds), shared_made(),
                        lambda _message: None)
    return pygame.surfarray.array3d(surface).astype(int)


def assert_as_fresh(line: Timeline, times: Iterable[float], size: tuple[int, int] = SIZE,
                    every: int = 1) -> None:
    """Each frame one compositor draws in a row at these story times is the frame a fresh
    compositor draws at that time (what it keeps from frame to frame changes no pixel); with
    `every` n, every frame is drawn in the row and every nth, and the last, compared (a fresh
    compositor builds its whole scene: what a kept one gets wrong it keeps). The fresh ones
    find the pictures shared_made holds (the kept one makes its own: a picture it spoils
    differs from theirs)."""
    headless()
    kept = Compositor(line, size, print)
    kept.made = MadeOnce()  # its own, wherever the test's compositors find shared_made's
    moments = list(times)
    for step, seconds in enumerate(moments):
        at = state_at(line, seconds)
        drawn = pygame.Surface(size)
        kept.draw(drawn, at)
        if step % every and step != len(moments) - 1:
            continue
        fresh = one_frame(line, size, at, shared_made())
        assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(fresh, "RGB"), step



def pieces_of(pieces: Generator[None, None, Made]) -> tuple[Made, int]:
    """What a set-up made in pieces makes, and how many pauses it took."""
    pauses = 0
    try:
        while True:
            next(pieces)
            pauses += 1
    except StopIteration as made:
        return made.value, pauses


GREY = (200, 200, 200)  # what a layer is drawn over to compare two of it


def drawn_alike(layers: Iterable[Layer], frame: Frame, size: tuple[int, int]) -> bool:
    """Whether the layers (each the same layer, built one way or another) all draw the same
    pixels over grey at `frame`, and draw something."""
    frames = []
    for each in layers:
        surface = pygame.Surface(size)
        surface.fill(GREY)
        each.draw(surface, frame)
        frames.append(pygame.surfarray.array3d(surface))
    return all(np.array_equal(frames[0], other) for other in frames[1:]) and bool(
        (frames[0] != GREY[0]).any())


def wilshire_signs(size: tuple[int, int]) -> list[Neon]:
    """The signs of the shipped day's Neon on Wilshire as it builds them: its neon layers', then
    those on the walls of its block."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(scene for scene in line.scenes if scene.name == "Neon on Wilshire")
    compositor = Compositor(line, size, print)
    signs = [Neon(spec.params, compositor.setup(scene, index, "neon"))
             for index, spec in enumerate(scene.layers) if spec.type == "neon"]
    index, spec = next((n, spec) for n, spec in enumerate(scene.layers) if spec.type == "block")
    return signs + Fronts(spec.params, compositor.setup(scene, index, "block")).signs


@dataclass(frozen=True)
class Crowd:
    """A shipped scene's figures layers, set up as the show sets them up, and its day."""

    program: Program
    scene: Scene
    layers: tuple[Figures, ...]

    def frame(self, story: float) -> Frame:
        """The frame at story time `story`, at the day's pace."""
        state = state_at(self.program.timeline, story, self.program.clock)
        return Frame(state.story_time, state.scene_seconds, state)


@cache
def shipped_crowd(name: str, size: tuple[int, int] = (1920, 1080)) -> Crowd:
    """The shipped day's scene `name`'s figures layers, made once a worker (their sprites,
    drawn as they are asked for, kept for the next test that looks at the same people)."""
    headless()
    program = shipped_program()
    line = program.timeline
    scene = next(one for one in line.scenes if one.name == name)
    compositor = Compositor(line, size, lambda _message: None, program.clock)
    return Crowd(program, scene, tuple(
        Figures(spec.params, compositor.setup(scene, n, "figures"))
        for n, spec in enumerate(scene.layers) if spec.type == "figures"))


def placed(layer: Figures, member: Member) -> tuple[pygame.Surface, tuple[int, int]]:
    """A member's sprite at the size their depth draws them, and where it goes."""
    whole, at = layer.sprites.get(member.pose, member.phase, member.left, member.look,
                                  member.turn)
    sprite, feet = layer.depth.sized(whole, at, member.share)
    return sprite, (round(member.feet[0] - feet[0]), round(member.feet[1] - feet[1]))


@dataclass
class Draws:
    """What every compositor drew since `noted_draws`: each frame's state, in order, and
    whether it left the post's cover to the window."""

    states: list[SceneState]
    covers_left: list[bool]


def noted_draws(monkeypatch: pytest.MonkeyPatch) -> Draws:
    """Note every frame any compositor draws from now on (see Draws)."""
    drawn = Draws([], [])
    draw = Compositor.draw

    def noted(self: Compositor, surface: pygame.Surface, state: SceneState,
              leave_cover: bool = False) -> pygame.Surface | None:
        drawn.states.append(state)
        drawn.covers_left.append(leave_cover)
        return draw(self, surface, state, leave_cover)

    monkeypatch.setattr(Compositor, "draw", noted)
    return drawn


def with_and_without(compositor: Compositor, state: SceneState, owner: object,
                     name: str) -> tuple[np.ndarray, np.ndarray]:
    """The frame of `state` drawn as it is and with `owner`'s `name` (a layer's drawing:
    a caption's words, the helicopter) drawing nothing, as (x, y, channel) levels; one
    compositor draws both (the scene is built once)."""
    drawn = []
    for whole in (True, False):
        surface = pygame.Surface(compositor.size)
        with pytest.MonkeyPatch.context() as patch:
            if not whole:
                patch.setattr(owner, name, lambda *_args: None)
            compositor.draw(surface, state)
        drawn.append(pygame.surfarray.array3d(surface))
    return drawn[0], drawn[1]


def built_in_frames(monkeypatch: pytest.MonkeyPatch, compositor: Compositor,
                    surface: pygame.Surface, line: Timeline, times: tuple[float, float, float],
                    refused: tuple[object, str, str]) -> tuple[list[object], float]:
    """Draw `line`'s frames after `start` up to `end` each `step` story seconds (`times`) with
    `owner`'s `name` (a layer's building: a street's, the towers') refusing to run inside a
    frame (`refused`: owner, name and what the failure says): the keys it was asked to build
    there (none when all was built ahead), and the last frame's story time."""
    start, end, step = times
    owner, name, what = refused
    built: list[object] = []

    def refuse(_self: object, key: object) -> None:
        built.append(key)
        raise AssertionError(what)

    monkeypatch.setattr(owner, name, refuse)
    last = start
    for n in range(1, int((end - start) / step)):
        last = start + n * step
        compositor.draw(surface, state_at(line, last))
    monkeypatch.undo()
    return built, last
