"""The noon waterline against the mother: the tar clings in uneven heaps and runs (bells on a
level line read as a stamped scallop, or a saw's edge), and the wet streaks on her coat are warm
brown-black with a pale sheen of the sky (tinted with the noon sky itself, blue combing)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals import mire
from installation.visuals.mire_sides import FLANK

from .helpers import draw
from .test_mire import BIG, WHITE, her_columns, mother, pit

LIGHTER, LIP = 10, 60  # levels (summed) over her fur's median: a wet streak (more: the lip)


def test_the_wet_streaks_on_her_coat_are_warm_brown_not_the_blue_of_the_sky() -> None:
    """Under the blue noon sky, the streaks of wet tar on her coat above the heap are warm:
    no bluer than they are red."""
    white = pit(WHITE, at="12:00")
    columns = her_columns(pygame.surfarray.array3d(draw(white, "12:00", size=BIG)).astype(int),
                          mother(white))
    line = pit(at="12:00")
    her = mother(line)
    assert her.wading is not None
    thick = her.wading.thick
    rgb = pygame.surfarray.array3d(draw(line, "12:00", size=BIG)).astype(int)
    coat = rgb[columns, her.line - 2 * thick:her.line - thick].reshape(-1, 3)  # (over the lip)
    fur = np.median(coat.sum(axis=1))
    wet = coat[(coat.sum(axis=1) > fur + LIGHTER) & (coat.sum(axis=1) < fur + LIP)]
    assert len(wet) > 20, "wet streaks show on her coat"
    blue, red = wet[:, 2].mean(), wet[:, 0].mean()
    assert blue <= red, f"the streaks are blue: red {red:.1f}, blue {blue:.1f}"


def test_the_tar_on_her_coat_has_no_level_line_between_its_runs() -> None:
    """Along the noon mother's waterline (collar 22 rows, as at 1920x1080), the tar's top on
    her coat rises and falls all along: its runs up her fur stand on no level line (bells set
    on one, however uneven, read as a saw's teeth: the line level, under half a pixel of run,
    in 65% of her columns, for up to 144 at a stretch)."""
    thick, width, seed = 22, 1000, 7
    grain = mire.Grain.of(width, 0, thick, seed)
    level = (grain.cling - mire.soaked_line(seed, width, thick)) * thick < 0.5
    stretch = longest = 0
    for flat in level:
        stretch = stretch + 1 if flat else 0
        longest = max(longest, stretch)
    assert level.mean() < 0.2, f"the line is level in {level.mean():.0%} of her columns"
    assert longest < thick * 2, f"level for {longest} columns at a stretch"


def test_the_tar_on_her_ends_in_a_line_not_a_smear() -> None:
    """Going under in the morning light, the tar clinging to her pale tusk faded in over half a
    collar height and read as a grey smear: in each column the coat goes from bare to soaked
    within a quarter of a collar height."""
    thick, width, height = 24, 300, 120
    grain = mire.Grain.of(width, 0, thick, 5)
    making = mire.coat_pieces(np.full((width, height), 255, np.uint8), np.ones(width, bool),
                              thick, grain, (120, 160, 210))
    try:
        while True:
            next(making)
    except StopIteration as done:
        coat: pygame.Surface = done.value
    alpha = pygame.surfarray.array_alpha(coat).astype(int)
    between = ((alpha > 25) & (alpha < 230)).sum(axis=1)
    assert np.median(between) <= thick / 4, f"the coat fades over {np.median(between)} rows"


BEND = 0.14  # the tar's top along her turns by at most this many rows a column, per column
# (95% of her columns; 0.16-0.26 before: its lip's sheen zigzagged at noon, peak to peak)


def her_heap(seed: int, thick: int = 22, width: int = 400) -> np.ndarray:
    """How high the tar stands against a figure `width` columns wide at the surface (collar
    `thick` rows, as the noon mother's at 1920x1080), in each of her columns."""
    pad = mire.collar_reach_of(thick)
    solid = np.zeros(width + 2 * pad, bool)
    solid[pad:pad + width] = True
    grain = mire.Grain.of(width, pad, thick, seed, flank=FLANK[0])
    return mire.heap(solid, thick, grain)[1][pad:-pad]


def test_the_tars_top_along_her_rises_and_falls_gently_not_in_a_zigzag() -> None:
    """At 13:30 the lip of sheen along the mother's waterline ran in short straight slopes
    peak to peak (a pale zigzag under her wet coat): along her middle the tar's top bends
    gently, column to column."""
    for seed in range(1, 8):
        middle = her_heap(seed)[44:-44]
        bend = float(np.percentile(np.abs(np.diff(middle, 2)), 95))
        assert bend < BEND, f"seed {seed}: its top bends {bend:.2f} rows a column"


def test_the_tar_closes_over_her_flanks_at_her_sides() -> None:
    """At 13:30 her right flank ended over the tar in a hard upright cut: at her sides the
    tar is drawn up higher than along her middle (a collar height at least), so her fur goes
    into it round the corner."""
    thick = 22
    for seed in range(1, 8):
        heights = her_heap(seed, thick)
        sides = min(heights[0], heights[-1])
        assert sides - np.median(heights) >= thick, f"seed {seed}: sides {sides:.0f} rows"
