"""Johnnie's: the window that goes in the panic, and its sign, lit or dead."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals import diner
from installation.visuals.compositor import Compositor
from installation.visuals.diner_glass import DARK_GLASS as GLASS
from installation.visuals.diner_glass import dark_room
from installation.visuals.neon import Neon

from .helpers import NO_POST, SIZE, frame_at, layer, one_frame, one_scene, shared_made

SKY = layer("sky", top="#101018", bottom="#101018", stars=0, sun=False, clouds=0)
DINER = dict(x=0.5, ground=0.8, scale=1.5, empty=True)
WIDE = (960, 540)
DARK_GLASS = 90  # no channel of a dead tube's pixel is brighter than this
LETTERS = 400  # pixels of dead tubes on the board, at least (its two lines of words)
FRAMES = 30


def test_a_pane_is_smashed_at_its_time_with_shards_on_the_pavement() -> None:
    # (its sign's bulbs held: their chase would change the picture as well)
    broken = SKY + layer("diner", broken="04:23", chase=0, **DINER) + NO_POST
    whole = SKY + layer("diner", chase=0, **DINER) + NO_POST
    before, after = frame_at(broken, "04:20", 170.0), frame_at(broken, "04:20", 190.0)
    assert np.array_equal(before, frame_at(whole, "04:20", 170.0)), "whole until its time"
    change = after.mean(axis=2) - before.mean(axis=2)
    ground = int(SIZE[1] * 0.8)
    glass, pavement = change[:, :ground], change[:, ground:]
    assert (glass < -60).sum() > 20, "a dark hole where the glass was"
    assert (glass > 8).sum() > 10, "cracks catch the light round it"
    assert (pavement > 60).sum() > 5, "shards glint on the pavement in front"
    xs = np.nonzero((glass < -60).any(axis=1))[0]
    assert xs.max() - xs.min() < SIZE[0] * 0.15, "one pane, not the whole front"


def test_a_pane_broken_before_the_scene_began_counts_from_the_scene() -> None:
    """A time before the scene's start in the day means the next day: not yet broken."""
    broken = SKY + layer("diner", broken="04:10", **DINER) + NO_POST
    whole = SKY + layer("diner", **DINER) + NO_POST
    assert np.array_equal(frame_at(broken, "04:20", 5.0), frame_at(whole, "04:20", 5.0))


def _tubes(body: str, at: str, monkeypatch: pytest.MonkeyPatch) -> np.ndarray:
    """The pixels (x, y) where the diner's signs draw their tubes: the frame with them and
    without them differ there."""
    shown = frame_at(body, at, 1.0, WIDE)
    monkeypatch.setattr(diner, "dead_glass", lambda *args: None)
    blank = frame_at(body, at, 1.0, WIDE)
    monkeypatch.undo()
    differ = np.abs(shown - blank).max(axis=2) > 0
    assert differ.sum() > LETTERS, "the words are there"
    return np.asarray(shown[differ])


@pytest.mark.parametrize(("lit", "at"), [(False, "05:13"), (True, "13:00")])
def test_a_sign_that_is_not_lit_shows_its_words_in_dead_glass(
        lit: bool, at: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A diner not lit (or lit, by day): "JOHNNIE'S / COFFEE SHOP" stand on the board as
    dark glass tubes, not a blank board, and none of them glows."""
    body = SKY + layer("diner", lit=lit, **DINER) + NO_POST
    assert _tubes(body, at, monkeypatch).max() <= DARK_GLASS


def test_the_dead_tubes_are_painted_once_on_the_building_not_every_frame(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """They never change: drawn once on the kept building (lit or not; a lit sign's light is
    added over them), never again each frame, and every frame is the one a fresh drawing
    makes."""
    calls: list[list[Neon]] = []
    original = diner.dead_glass

    def counting(image: pygame.Surface, at: tuple[int, int], signs: list[Neon]) -> None:
        calls.append(signs)
        original(image, at, signs)

    monkeypatch.setattr(diner, "dead_glass", counting)
    for lit in (False, True):
        calls.clear()
        line = one_scene(SKY + layer("diner", lit=lit, **DINER) + NO_POST, at="03:50")
        compositor, surface = Compositor(line, SIZE, print), pygame.Surface(SIZE)
        start = parse_clock("03:51")
        for n in range(FRAMES):
            compositor.draw(surface, state_at(line, start + n / FRAMES))
        assert len(calls) == 1 and len(calls[0]) == 2, "once, both signs"
        fresh = one_frame(line, SIZE, state_at(line, start + (FRAMES - 1) / FRAMES), shared_made())
        assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB")


def test_behind_unlit_glass_the_empty_room_is_made_out() -> None:
    """The coyote looks in at empty stools, not into a black box: the counter's edge catches
    the dawn, the stools stand darker against the counter, the dead globes hang."""
    image = pygame.Surface((700, 300), pygame.SRCALPHA)
    glass = pygame.Rect(50, 40, 600, 240)
    image.fill((*GLASS, 255), glass)
    dark_room(image, glass)
    pixels = pygame.surfarray.array3d(image).sum(axis=2)
    counter_y = glass.bottom - int(glass.height * 0.34)
    glass_level = sum(GLASS)
    assert pixels[glass.left + 5, counter_y] > glass_level + 60  # the edge, catching light
    first = glass.left + int(glass.width * 0.08)
    stool_row = counter_y + int(glass.height * 0.2)
    counter_level = pixels[first + 12, stool_row]
    assert pixels[first, stool_row] < counter_level - 20  # a stool's post
    assert pixels[glass.left + int(glass.width * 0.1), glass.top + glass.height // 7] > \
        glass_level + 40  # a dead globe


def test_a_broken_panes_cracks_fade_and_fork_as_a_web() -> None:
    """Its cracks were clear white lines of one strength running straight out of a star
    outlined in white: a drawing of a crack. Now they thin and fade as they run, fork, and
    rings of short cracks bridge them: many strengths of line, not one."""
    import random

    from installation.visuals.diner_glass import cracked
    from installation.visuals.render import headless
    headless()
    pane = cracked((300, 400), (0, 0, 0, 255), random.Random(5))
    alpha = pygame.surfarray.pixels_alpha(pane)
    lines = alpha[(alpha > 0) & (alpha < 255)]
    assert len(np.unique(lines)) >= 8, np.unique(lines)
