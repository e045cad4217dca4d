"""The light wipe: the morning comes up over the same place, each pixel always between the two
pictures (no band, rim or mountain of its own), what only one picture has coming or going
whole; and the countdown's street at 05:05 arrives by a cut, never over the searchlit lot."""

from __future__ import annotations

import dataclasses

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline
from installation.core.timeline.model import Transition
from installation.core.timeutil import parse_clock
from installation.visuals.light_wipe import LightWipe
from installation.visuals.render import headless

from .drawn_once import in_a_row
from .helpers import SHIPPED

SMALL = (320, 180)
STEPS = np.linspace(0.0, 1.0, 61)
SLACK = 12  # levels: a pixel this far outside both pictures is something of the wipe's own
OUTSIDE_MOST = 0.01  # of the picture: what moves between the ticks each scene is drawn for
FIRE_LIT = 40  # red over blue by this much in the night's picture: its fires' light
DAY = 86400.0  # seconds
SHOWS = 20  # levels: a pole shows where it is this much darker than the sky beside it
LAND = 0.65  # of the height: below the tar pits' far shore, the land the light comes down


def pictures(size: tuple[int, int], seed: int) -> tuple[pygame.Surface, pygame.Surface]:
    """Two pictures of noise, the one being left and the one arriving."""
    rng = np.random.default_rng(seed)
    old, new = (pygame.surfarray.make_surface(rng.integers(0, 256, (*size, 3), np.uint8))
                for _ in range(2))
    return old, new


def made(wipe: LightWipe, old: pygame.Surface, new: pygame.Surface,
         progress: float) -> np.ndarray:
    frame = pygame.Surface(wipe.size)
    wipe.apply(frame, old, new, progress)
    return pygame.surfarray.array3d(frame).astype(int)


def test_every_pixel_of_a_light_wipe_lies_between_the_two_pictures() -> None:
    """At every step, every pixel (each of its red, green and blue) is no darker than the
    darker of the two pictures there and no brighter than the brighter: the wipe draws no
    band, rim or edge of its own (a warm light laid along a ragged front read as a mountain
    range with a glowing rim rising behind the ruins)."""
    headless()
    old, new = pictures(SMALL, 5)
    low = np.minimum(*(pygame.surfarray.array3d(p).astype(int) for p in (old, new)))
    high = np.maximum(*(pygame.surfarray.array3d(p).astype(int) for p in (old, new)))
    wipe = LightWipe(SMALL)
    for progress in STEPS:
        frame = made(wipe, old, new, float(progress))
        assert (frame >= low - 1).all() and (frame <= high + 1).all(), progress


def pole(progress: float) -> tuple[float, float]:
    """How much darker than the sky beside it a dark pole only the arriving picture has
    shows, at its top and at its foot, `progress` of the way from a night sky dark above and
    glowing low (as at the tar pits) to a pale morning sky."""
    width, height = 40, 100
    old, new = (np.zeros((width, height, 3), np.uint8) for _ in range(2))
    old[:] = np.linspace(40, 160, height).astype(np.uint8)[None, :, None]
    new[:] = 190
    new[18:22] = 70  # the pole, the whole height
    wipe = LightWipe((width, height))
    frame = made(wipe, pygame.surfarray.make_surface(old), pygame.surfarray.make_surface(new),
                 progress)
    grey = frame.mean(axis=2)
    top, foot = grey[:, :10].mean(axis=1), grey[:, -10:].mean(axis=1)
    return (float(top[5] - top[20]), float(foot[5] - foot[20]))


def test_a_dark_shape_only_the_arriving_picture_has_comes_whole() -> None:
    """A palm the morning has and the night had not comes out of the light whole: whenever
    its crown shows against the sky, so does its trunk's foot (the front reached the top of
    the picture first: a crown hung in the sky for seconds over no trunk, a ghost)."""
    shown = 0
    for progress in STEPS:
        top, foot = pole(float(progress))
        if top > SHOWS:
            shown += 1
            assert foot > SHOWS / 2, (progress, top, foot)
    assert shown > len(STEPS) // 3


NIGHT = (38, 17, 200)  # the tar, the mother and her tusk at the night's end (levels, 10:31)
MORNING = (128, 106, 190)  # under the morning's haze (10:34): her body paler against it
KEEPS = 0.6  # her body is at least this share as much darker than the tar as it is in the
# night or the morning, whichever less (main: a quarter, at a third of the way: her tusk
# floated alone, 10:31:30)


def test_the_mother_in_the_tar_never_fades_leaving_her_tusk() -> None:
    """All through the wipe her body stands as dark against the tar round her as it does at
    either end, about: the pale tusk never outlives it."""
    old, new = (np.zeros((3, 1, 3), np.uint8) for _ in range(2))
    old[:, 0] = np.array(NIGHT)[:, None]
    new[:, 0] = np.array(MORNING)[:, None]
    wipe = LightWipe((3, 1))
    least = min(NIGHT[0] - NIGHT[1], MORNING[0] - MORNING[1])
    for progress in STEPS:
        frame = made(wipe, pygame.surfarray.make_surface(old),
                     pygame.surfarray.make_surface(new), float(progress)).mean(axis=2)[:, 0]
        assert frame[0] - frame[1] >= KEEPS * least, (float(progress), frame.tolist())


def arriving(line: Timeline, at: str, transition: Transition) -> Timeline:
    """The day with the scene at `at` arriving by `transition`."""
    return dataclasses.replace(line, scenes=tuple(
        dataclasses.replace(scene, transition=transition)
        if scene.at == parse_clock(at) else scene for scene in line.scenes))


def test_the_morning_at_the_tar_pits_shows_nothing_of_its_own() -> None:
    """Every few real seconds of the 12 s light wipe at 10:30, almost every pixel lies between
    the night's picture and the morning's there (each drawn alone at that moment): no grey
    mountain range with a glowing rim rising behind the ruins, no band darker than both, nor
    brighter but the warm light of its front on the land, below the far shore (since wipe24,
    review 23 #3: tests/visuals/test_wipe24_light_front.py)."""
    line = load_timeline(SHIPPED)  # each alone: the night's as a wipe's first moments (a
    # wipe of a day's length), the morning's as a cut has it
    alone = (arriving(line, "10:30", Transition("light-wipe", DAY)),
             arriving(line, "10:30", Transition("cut", 0.0)))
    moments = [f"10:30:{second:02d}" for second in (2, 4, 6, 8, 10)]
    shown, olds, news = (in_a_row(each, moments, SMALL) for each in (line, *alone))
    for at, *pictures in zip(moments, shown, olds, news, strict=True):
        frame, old, new = (pygame.surfarray.array3d(p).astype(int) for p in pictures)
        low, high = np.minimum(old, new) - SLACK, np.maximum(old, new) + SLACK
        outside = ((frame < low) | (frame > high)).any(axis=2)
        dying = (old[..., 0] - old[..., 2] > FIRE_LIT) & (frame <= high).all(axis=2)
        outside &= ~dying  # (the night's fires die down as the morning comes: darker there)
        rise = frame - high
        warm = (rise[..., 0] > 0) & (rise[..., 0] >= rise[..., 2]) & (frame >= low).all(axis=2)
        warm[:, :round(LAND * SMALL[1])] = False
        outside &= ~warm  # (the light's front on the land, warm)
        assert outside.mean() < OUTSIDE_MOST, (at, outside.mean())


def test_the_street_at_first_light_arrives_by_a_cut() -> None:
    """05:05, the countdown: the street at first light is there whole from its first frame,
    never over the searchlit lot (wiped, the two cities stood one over the other, a second May
    Company drum in the sky, the bank's sign floating over the lot)."""
    line = load_timeline(SHIPPED)
    alone = arriving(line, "05:05", Transition("cut", 0.0))
    moments = ("05:05:00", "05:05:01", "05:05:02")
    for at, *pictures in zip(moments, *(in_a_row(each, moments, SMALL) for each in (line, alone)),
                             strict=True):
        shown, street = (pygame.surfarray.array3d(p) for p in pictures)
        assert np.array_equal(shown, street), at
