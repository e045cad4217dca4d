"""The mother in the tar turns from the night's to the morning's as one animal through the 10:30
light wipe: cut across by the light's front, the morning's rim-lit crown sat on the night's dark
head, a second silhouette stacked on the first (review 25 #6). Her two coats are told apart here
by colour: the night's blue, the morning's red."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TypeVar

import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor

from .helpers import NO_POST, headless, layer, timeline

T = TypeVar("T")
SIZE = (480, 270)
WIPE = 12.0  # real seconds of the light wipe (story seconds here: no pace)
SKY = layer("sky", top="#606060", bottom="#808080", horizon=0.64, sun=False, clouds=0, stars=0)
NIGHT, MORNING = "#183080", "#803018"
MOTHER = {"shape": "mammoth", "x": 0.5, "y": 0.8, "scale": 1.1, "sink": 0.6, "sinking": 0.04,
          "flip": True, "reflect": 0.3}
TWO = (f'[[scene]]\nat = "08:00"\nname = "deep"\n{SKY}{layer("tarpit", y=0.64)}'
       f'{layer("silhouette", **MOTHER, color=NIGHT)}{NO_POST}'
       f'[[scene]]\nat = "10:30"\nname = "morning"\n'
       f'transition = {{ type = "light-wipe", seconds = {WIPE} }}\n{SKY}'
       f'{layer("tarpit", y=0.64)}'
       f'{layer("silhouette", **MOTHER, color=MORNING, rim="#e0aa70", rim_from="left")}'
       f'{NO_POST}')
COAT = 75  # levels of red over blue (or blue over red): her coat, the morning's (the night's)
ROW_PIXELS = 6  # a row of her counts with at least this many pixels of a coat
WATERLINE = int(0.8 * SIZE[1]) - 2  # the rows of her above the tar (below it, her mirror: the
# tar's, which the front crosses as it does the rest of the tar)
FRESH = 0.55  # of the way: the front over her, a frame drawn by a new compositor
STEPS = 24  # frames looked at, as the front comes down over the land (0.3-0.9 of the way)


def rows_in(surface: pygame.Surface) -> list[str]:
    """For each row of her body in the picture (top down), whose coat it shows most: 'night'
    or 'morning'."""
    rgb = pygame.surfarray.array3d(surface).astype(int).transpose(1, 0, 2)[:WATERLINE]
    morning = (rgb[..., 0] - rgb[..., 2] >= COAT).sum(axis=1)
    night = (rgb[..., 2] - rgb[..., 0] >= COAT).sum(axis=1)
    return [("morning" if m > n else "night") for m, n in zip(morning, night, strict=True)
            if max(m, n) >= ROW_PIXELS]


def drawn_through(two: str, progresses: Iterable[float],
                  look: Callable[[pygame.Surface], T]) -> list[tuple[float, T]]:
    """What `look` sees in each frame of `two`'s light wipe at these progresses, drawn by
    one compositor in turn."""
    headless()
    line = timeline(two)
    compositor = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    start = parse_clock("10:30")
    looks = []
    for progress in progresses:
        compositor.draw(surface, state_at(line, start + progress * WIPE))
        looks.append((progress, look(surface)))
    return looks


@functools.cache
def rows_of_her() -> list[tuple[float, list[str]]]:
    """Each frame's progress and her rows (see `rows_in`), drawn by one compositor in turn,
    then one frame drawn by a compositor of its own (as `installation snapshot` draws it:
    the arriving scene built by that frame's draw)."""
    looks = drawn_through(TWO, (0.3 + 0.6 * step / STEPS for step in range(STEPS + 1)),
                          rows_in)
    line = timeline(TWO)
    surface = pygame.Surface(SIZE)
    Compositor(line, SIZE, print).draw(surface, state_at(line, parse_clock("10:30")
                                                         + FRESH * WIPE))
    return [*looks, (FRESH, rows_in(surface))]


def test_she_turns_from_the_nights_to_the_mornings_whole_never_cut_by_the_front() -> None:
    looks = rows_of_her()
    for progress, rows in looks:
        assert rows, f"{progress:.2f} of the way: she is not there"
        assert len(set(rows)) == 1, (f"{progress:.2f} of the way: her rows show both coats "
                                     f"(top down: {''.join(r[0] for r in rows)})")
    assert set(looks[0][1]) == {"night"} and set(looks[STEPS][1]) == {"morning"}
