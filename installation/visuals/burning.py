"""Ruined towers burning inside: a few of their window openings lit orange-red from within,
flickering (a few pictures of each made once, at build, and blitted in turn), down to embers
by day."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import HOUR, Color, mix, s_curve, smooth_noise
from installation.visuals.wreckage import Grid

BURNING = 3  # tall towers that burn inside (where the ruins have fires)
AWAY = 0.06  # of the picture's width: they stand this far from the fires at the ruins' feet
FIRES_IN = (2, 4)  # fires inside a tower, each lighting the openings round it
REACH = ((2.0, 5.0), (1.0, 2.5))  # how far a fire inside lights: bays across, floors up
EDGE = (0.3, 0.7)  # its light falls from full to none between these shares of its reach
HOT: Color = (255, 170, 80)  # the hottest openings, nearest a fire, go towards this
HOTTEST = 0.45  # so far
ABOVE_RUBBLE = 0.3  # none burns this low (of the tower's height): the heaps hide its foot
SPILL = 0.18  # the light on the wall round an opening, of the light in it
FRAMES = 6  # pictures of a tower's flicker, each fire inside at its own brightness
DIMMEST = 0.3  # a fire inside at its dimmest, of its brightest
FLICKER_HZ = 1.9  # how often a tower's fires change their brightness, about
SHOWN = 6  # of 255: light fainter than this is cut off its pictures' edges
DAY = (6.0, 9.0, 15.0, 18.0)  # hours: fires burn full through the night, die down from the
# first and are embers by the second (noon's ruins showed glowing orange windows at 11:59),
# until the third, and burn up again by the fourth
EMBERS = 0.25  # how strongly they burn by day (of full)
EMBER: Color = (150, 36, 12)  # the colour they die towards: a dull red
CORE = 0.5  # by day only their hottest cores glow: light under this much of the hottest goes


@dataclass(frozen=True)
class Burning:
    """A tower burning inside: where its pictures go (their top left, in the picture) and its
    flicker's pictures (for additive blits)."""

    place: tuple[int, int]
    frames: tuple[pygame.Surface, ...]

    def area(self) -> pygame.Rect:
        return pygame.Rect(self.place, self.frames[0].get_size())


def fires_inside(holes: np.ndarray, cells: Grid,
                 rng: np.random.Generator) -> np.ndarray | None:
    """How brightly each fire inside a tower (its openings an (x, y) mask) lights each point
    of it (fires, x, y), the fires in openings above the rubble; None if it has none there."""
    width, height = holes.shape
    xs, ys = np.nonzero(holes[:, :round(height * (1 - ABOVE_RUBBLE))])
    if not len(xs):
        return None
    count = int(rng.integers(FIRES_IN[0], FIRES_IN[1] + 1))
    picks = rng.choice(len(xs), size=min(count, len(xs)), replace=False)
    x, y = np.arange(width)[None, :, None], np.arange(height)[None, None, :]
    across = rng.uniform(*REACH[0], (len(picks), 1, 1)) * cells.bay
    up = rng.uniform(*REACH[1], (len(picks), 1, 1)) * cells.floor
    dx, dy = x - xs[picks][:, None, None], y - ys[picks][:, None, None]
    near = np.sqrt((dx / across) ** 2 + (dy / up) ** 2)
    return 1 - s_curve(np.clip((near - EDGE[0]) / (EDGE[1] - EDGE[0]), 0.0, 1.0))


def strength_at(story_time: float) -> float:
    """How strongly the city's fires burn at a story time: full by night, embers by day
    (EMBERS), dying down and burning up again between (see DAY)."""
    hour = (story_time / HOUR) % 24.0
    dies, low, rises, full = DAY
    if low <= hour <= rises:
        return EMBERS
    if dies < hour < low:
        return 1 - (1 - EMBERS) * float(s_curve((hour - dies) / (low - dies)))
    if rises < hour < full:
        return EMBERS + (1 - EMBERS) * float(s_curve((hour - rises) / (full - rises)))
    return 1.0


def embered(fire: Color, strength: float) -> Color:
    """A fire's colour as it burns at `strength`: its own at full, a dull red at EMBERS."""
    return mix(fire, EMBER, (1 - strength) / (1 - EMBERS))


def burning(image: pygame.Surface, holes: np.ndarray, place: tuple[int, int], cells: Grid,
            fire: Color, rng: np.random.Generator,
            strength: float = 1.0) -> Generator[None, None, Burning | None]:
    """A tower's picture (at `place`, its openings `holes`) burning inside at `strength` (see
    strength_at): its openings near its fires lit, its wall round them faintly, in FRAMES
    pictures cut to where they show (in pieces: its fires, their heats, the pictures; ~5 ms
    in one building Ash ahead)."""
    glows = fires_inside(holes, cells, rng)
    if glows is None:
        return None
    yield
    walls = pygame.surfarray.array_alpha(image) == 255
    lit = np.where(holes, 1.0, np.where(walls, SPILL, 0.0))
    steps = np.linspace(DIMMEST, 1.0, FRAMES)  # each fire at every brightness, in its order
    levels = np.stack([rng.permutation(steps) for _ in glows], axis=1)
    heats = []
    for level in levels:
        heat = np.max(glows * level[:, None, None], axis=0) * lit
        cut = CORE * (1 - strength) / (1 - EMBERS)  # (by day: only the hottest cores)
        heats.append(np.clip((heat - cut) / (1 - cut), 0, 1) * strength)
        yield
    shown = np.nonzero(np.max(heats, axis=0) * 255 >= SHOWN)
    if not len(shown[0]):
        return None
    left, top = int(shown[0].min()), int(shown[1].min())
    right, bottom = int(shown[0].max()) + 1, int(shown[1].max()) + 1
    colour, hot = np.array(embered(fire, strength), float), np.array(embered(HOT, strength), float)
    frames = []
    for heat in heats:
        yield
        frame = pygame.Surface((right - left, bottom - top))
        part = heat[left:right, top:bottom, None]
        rgb = part * (colour + (hot - colour) * HOTTEST * part ** 2)
        pygame.surfarray.blit_array(frame, np.clip(rgb, 0, 255).astype(np.uint8))
        frames.append(frame)
    return Burning((place[0] + left, place[1] + top), tuple(frames))


def flicker(seed: int, n: int, seconds: float) -> int:
    """Which of its pictures burning tower n shows at `seconds`."""
    return min(FRAMES - 1, int(smooth_noise(seed + 977 * (n + 1), seconds * FLICKER_HZ)
                               * FRAMES))


def chosen(sites: list[tuple[int, int]], lots: list[tuple[int, int]], width: int,
           seed: int) -> list[int]:
    """Which of the towers on `lots` (x, width: the tall ones) burn inside: BURNING of them,
    chosen by the seed, away from the fires at their feet (whose light would drown theirs)
    where there are enough."""
    rng = np.random.default_rng(seed)
    away = [n for n, (x, wide) in enumerate(lots)
            if all(abs(x + wide / 2 - site) > AWAY * width for site, _ in sites)]
    rest = [n for n in range(len(lots)) if n not in away]
    picks = rng.permutation(away).tolist() + rng.permutation(rest).tolist()
    return [int(n) for n in picks[:BURNING]] if sites else []
