"""Through the CAFE's window at night each customer reads as one person: no upright of the
window through anyone seated, no two backs run together into one shape, their cups white on
the counter (orange squares held at the shoulder read as patches on their backs), and the
waitress's head large enough to read as a head."""

from __future__ import annotations

import random

import numpy as np
import pygame

from installation.visuals import block_fronts
from installation.visuals.counter_life import CounterWindow
from installation.visuals.counter_people import COUNTER_TOP, SKIN, waitress

from .helpers import headless

UNIT = 2  # the block's drawing unit at 1920 x 1080
WINDOW = pygame.Rect(10, 10, 760, 85)  # a counter window, 1080p's size
WIDTHS = (300, 341, 377, 420, 455, 530)  # and some narrower ones (the CAFE's are ~375 px)
LIGHT = (236, 244, 222)
DARK = 90  # a pixel darker than this (sum of its channels) is someone's dark back
OLD_CUP = (120, 60, 50)  # the orange-brown square that stood for a cup
ONE_PERSON = 14.0  # goods units: the widest dark run across one customer and their arm
TIMES = np.arange(0.0, 120.0, 7.0)


def _window(seed: int, wide: int = WINDOW.width) -> tuple[pygame.Surface, CounterWindow]:
    headless()
    image = pygame.Surface((WINDOW.right + 10, WINDOW.bottom + 10), pygame.SRCALPHA)
    image.fill((40, 30, 30, 255))
    rect = WINDOW.inflate(wide - WINDOW.width, 0).move((WINDOW.width - wide) // 2, 0)
    window = block_fronts._counter_window(image, rect, LIGHT, random.Random(seed), UNIT, 1)
    window.keep(image)
    return image, window


def _frames(seed: int, seated: bool = False, wide: int = WINDOW.width
            ) -> list[tuple[np.ndarray, CounterWindow]]:
    """The window at TIMES (only when nobody is up and walking, if `seated`), as arrays."""
    image, window = _window(seed, wide)
    out = []
    for seconds in TIMES:
        look = window.look(float(seconds))
        if seated and any(one is not None and one[4] for one in look[1]):
            continue
        drawn = image.copy()
        window.draw(drawn, look)
        out.append((pygame.surfarray.array3d(drawn).astype(int), window))
    return out


def _counter_rows(window: CounterWindow) -> range:
    top = window.rect.bottom - round(COUNTER_TOP * window.counter.unit)
    return range(top - round(8 * window.counter.unit), top)


def test_no_upright_through_anyone_seated() -> None:
    for seed, wide in enumerate(WIDTHS):
        for rgb, window in _frames(seed, True, wide):
            dark = rgb.sum(axis=2) < DARK
            for bar in window.mullions:
                left, right = bar.left - 1, bar.right
                if bar.height < window.rect.height or left < window.rect.left:
                    continue
                crossed = [y for y in _counter_rows(window) if dark[left, y] and dark[right, y]]
                assert not crossed, f"seed {seed}: an upright at {bar.left} through a back"


def test_backs_do_not_run_together() -> None:
    for seed in range(6):
        for rgb, window in _frames(seed):
            dark = rgb.sum(axis=2) < DARK
            for y in _counter_rows(window):
                row = dark[window.rect.left:window.rect.right, y].astype(np.int8)
                edges = np.flatnonzero(np.diff(np.concatenate(([0], row, [0]))))
                widest = int((edges[1::2] - edges[::2]).max()) if edges.size else 0
                assert widest <= ONE_PERSON * window.counter.unit, (
                    f"seed {seed}: {widest} px of backs in one shape at row {y}")


def test_cups_are_white_on_the_counter_not_orange_squares() -> None:
    white = orange = 0
    for seed in range(4):
        for rgb, window in _frames(seed):
            part = rgb[window.rect.left:window.rect.right, window.rect.top:window.rect.bottom]
            orange += int((np.abs(part - np.asarray(OLD_CUP)) < 10).all(axis=2).sum())
            white += int((part > 236).all(axis=2).sum())
    assert orange == 0, "orange squares for cups"
    assert white > 0, "no white cups"


def test_the_waitress_head_reads() -> None:
    headless()
    unit = 3.0
    image = pygame.Surface((200, round(30 * unit)), pygame.SRCALPHA)
    image.fill((*LIGHT, 255))
    waitress(image, image.get_rect(), 100, 1, 0.0, unit)
    rgb = pygame.surfarray.array3d(image).astype(int)
    face = (np.abs(rgb - np.asarray(SKIN)) < 12).all(axis=2)
    assert np.count_nonzero(face) >= 5 * unit * unit, "a face the size of a pin's head"


FACE_HIDDEN = 0.1  # of the waitress's face (its skin's pixels) under a customer: hidden
PASSING = 0.02  # of the moments: someone up and walking past may cross her face, no more
RING = (192, 198, 184)  # the room's light that ringed whoever was up (read as a halo)


def _face_and_people(window: CounterWindow, seconds: float,
                     size: tuple[int, int]) -> tuple[pygame.mask.Mask, pygame.mask.Mask, bool]:
    """The waitress's face (skin) alone, the customers alone, and whether anyone is up."""
    counter = window.counter
    (x, side, pour, wipe), sitting = counter.look(seconds)
    face = pygame.Surface(size, pygame.SRCALPHA)
    waitress(face, counter.rect, x, side, pour / 10, counter.unit, wipe)
    people = pygame.Surface(size, pygame.SRCALPHA)
    for n, now in enumerate(sitting):
        if now is not None:
            counter._sitter(people, (0, 0), n=n, now=now)
    return (pygame.mask.from_threshold(face, (*SKIN, 255), (1, 1, 1, 255)),
            pygame.mask.from_surface(people), any(one is not None and one[4] for one in sitting))


def test_the_waitress_face_shows_over_the_heads_at_the_counter() -> None:
    """No seated customer's head or hat covers the waitress's face (21:00: a hat did), and
    one up and walking past crosses it only for a moment."""
    hidden = moments = 0
    for seed in range(6):
        image, window = _window(seed, 375)
        for seconds in np.arange(0.0, 300.0, 1.0):
            face, people, up = _face_and_people(window, float(seconds), image.get_size())
            covered = face.overlap_area(people, (0, 0)) > FACE_HIDDEN * face.count()
            assert up or not covered, f"seed {seed}, {seconds} s: a seated head over her face"
            hidden += covered
            moments += 1
    assert hidden <= PASSING * moments, f"her face hidden {hidden} of {moments} moments"


def test_whoever_is_up_has_no_halo() -> None:
    """Someone up and walking past the seated reads apart from them without a pale ring of
    the room's light round them (a halo)."""
    walking = 0
    for seed in range(4):
        image, window = _window(seed, 375)
        for seconds in np.arange(0.0, 240.0, 0.5):
            look = window.look(float(seconds))
            if not any(one is not None and one[4] for one in look[1]):
                continue
            walking += 1
            drawn = image.copy()
            window.draw(drawn, look)
            rgb = pygame.surfarray.array3d(drawn)
            ring = (rgb == np.array(RING)).all(axis=2)
            assert not ring.any(), f"seed {seed}, {seconds} s: a halo round one up"
    assert walking, "someone was up while looked at"
