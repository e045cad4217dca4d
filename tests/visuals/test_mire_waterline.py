"""The noon waterline against the mother: the tar clings in uneven heaps and runs (alike and
evenly spaced they read as a stamped scallop), and the wet streaks on her coat are warm
brown-black with a pale sheen of the sky (tinted with the noon sky itself, blue combing)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals import mire

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


def test_the_tar_clings_in_heaps_of_uneven_width() -> None:
    """The heaps and runs of tar along her edge are of uneven widths: of the lone ones, the
    wider fifth at least 1.6 times the narrower fifth (all of one width, 14-15 columns in 9
    of 10, they read as stamped)."""
    bumps = mire.bumps(3, 4000, 40.0, 8.0)
    peaks = [n for n in range(1, bumps.size - 1)
             if bumps[n] >= bumps[n - 1] and bumps[n] > bumps[n + 1] and bumps[n] > 0.3]
    widths = []
    for peak in peaks:
        half = bumps[peak] / 2
        left = peak
        while left > 0 and bumps[left] > half:
            left -= 1
        right = peak
        while right < bumps.size - 1 and bumps[right] > half:
            right += 1
        if bumps[left] <= half and bumps[right] <= half:  # (a lone bump: it falls to half)
            widths.append(right - left)
    assert len(widths) > 20, widths
    assert np.percentile(widths, 80) >= 1.6 * np.percentile(widths, 20), widths


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
