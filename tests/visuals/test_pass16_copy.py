"""The kept background is not copied into the rows a layer paints whole over (a pool of tar
drawn whole, the near shore): the same frames, a third less of the copy at 09:00 and 14:35."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.scene_draw import SceneDraw
from installation.visuals.tarpit import Tarpit

from .helpers import NO_POST, SIZE, layer, one_scene

MAGENTA = (255, 0, 255)
EDGE = 0.64  # the pool's edge, as at 09:00
DEEP_TIME = (layer("sky", horizon=0.64, clouds=0.5, sun=False)
             + layer("smoke", columns=2, ground=0.632, height=0.5, amount=0.7)
             + layer("tarpit", y=EDGE, bubbles=0.9, reflect=0.18) + NO_POST)
NEAR_SHORE = 0.75  # rows from here down are the shore's opaque body (ground 0.69, as at 14:35)
LAKE_PIT = (layer("sky", horizon=0.6, clouds=0)
            + layer("tarpit", y=0.6, far_ground=0.575, bubbles=0.6, reflect=0.5)
            + layer("smoke", columns=1, ground=0.6, height=0.4, amount=0.5)
            + layer("museum", part="shore", ground=0.69) + NO_POST)
Painter = tuple[type[Tarpit], str]  # the first layer drawn on the copy, and how


def drawn(monkeypatch: pytest.MonkeyPatch, copy_all: bool, layers: str, painter: Painter,
          top: float) -> tuple[list[bytes], list[float]]:
    """Frames a few seconds apart, each drawn over a magenta picture by one compositor, and
    the share of the rows from `top` (of the height) down still magenta when `painter` (the
    first layer drawn on the copy) begins (`copy_all`: the kept background copied whole)."""
    headless()
    if copy_all:
        monkeypatch.setattr(SceneDraw, "_painted_whole", lambda *_args: None, raising=False)
    kind, method = painter
    whole, bare = getattr(kind, method), []
    first = int(SIZE[1] * top)

    def seen(self: Tarpit, surface: pygame.Surface, frame: Frame) -> None:
        rows = surface.subsurface((0, first, SIZE[0], SIZE[1] - first))
        bare.append(pygame.mask.from_threshold(rows, MAGENTA, (1, 1, 1, 255)).count()
                    / (rows.get_width() * rows.get_height()))
        whole(self, surface, frame)

    monkeypatch.setattr(kind, method, seen)
    line = one_scene(layers, at="08:00")
    kept = Compositor(line, SIZE, lambda _message: None)
    frames = []
    for n in range(10):
        surface = pygame.Surface(SIZE)
        surface.fill(MAGENTA)
        kept.draw(surface, state_at(line, parse_clock("08:30") + n * 0.75))
        frames.append(pygame.image.tobytes(surface, "RGB"))
    return frames, bare


def assert_left_and_unchanged(monkeypatch: pytest.MonkeyPatch, layers: str, painter: Painter,
                              top: float) -> None:
    """The rows from `top` down were left by the copy when `painter` began, and every frame
    is the one the whole copy drew, to the byte (no magenta left)."""
    before, _bare = drawn(monkeypatch, True, layers, painter, top)
    monkeypatch.undo()
    after, bare = drawn(monkeypatch, False, layers, painter, top)
    assert min(bare) > 0.95  # the copy left them: the layer paints them
    for n, (old, new) in enumerate(zip(before, after, strict=True)):
        assert new == old, n
    frame = pygame.image.frombytes(after[-1], SIZE, "RGB")
    assert pygame.mask.from_threshold(frame, MAGENTA, (1, 1, 1, 255)).count() == 0


def test_the_pool_drawn_whole_is_not_copied_under_and_the_frames_are_unchanged(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Over smoke that moves, the tar is drawn whole every frame, laying its mirror straight
    into its rows: the kept sky is copied into the frame above the pool only (its rows were
    a third of the copy at 09:00, ~0.5 ms of a 1080 frame), and every frame is the one the
    whole copy drew, to the byte: no magenta left, the pool the same tar."""
    assert_left_and_unchanged(monkeypatch, DEEP_TIME, (Tarpit, "draw"), EDGE)


def test_the_near_shore_is_not_copied_under_over_the_tar_and_the_frames_are_unchanged(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The near shore drawn over smoke (as over the figures at 14:35) paints its body whole
    across the picture: the copy leaves its rows (a third of it at 14:35), though the tar's
    moving part draws on the copy first (it reads it only above the far bank it mirrors)."""
    assert_left_and_unchanged(monkeypatch, LAKE_PIT, (Tarpit, "draw_moving"), NEAR_SHORE)
