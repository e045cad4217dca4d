"""Ash (05:30-06:35): the ruins meet the ash plain along a ragged foot, not a ruler's line: rubble
heaped at the May Company husk's foot, its crest ragged and dusted with ash, and the plain's
far edge dark with rubble spilt out onto it further in some places than in others, going under
the ash as it deepens (not a black ruled band under the ruins)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.ash_ground import RUBBLE_TONE, boulevard
from installation.visuals.base import scaled

from .test_maycompany_husk import UNIT, husk_box

LUMA = np.array([0.3, 0.59, 0.11])
CREST = 88.0  # the ash on the rubble's crest, painted at least this light (main: the wall at its
# foot 85 at most)
FOOT = 0.1  # of the unit: the band above the ground the rubble lies in
HEAPED = 0.8  # the share of the box's columns with rubble at their foot, at least (main: 0)
RAGGED = 0.03  # of the unit: its crest's height differs by this much at least (10th to 90th
# percentile of the columns)
PLAIN = (960, 195)  # the ash plain in front of the ruins at 960x540 (its far edge: 19 rows)
SPILL_ROWS = 6  # the dark of the rubble reaches this many rows further down the plain in some
# columns than in others (main: 1; a band of rows alike, one straight line)
DUSTING, DEEP = 0.2, 1.8  # the flash's first dusting of ash, and Ash's deepest (06:35)
UNDER = (6, 0.5)  # under deep ash, this many rows down the plain (12 px at 1080) it is half as
# light as the plain below at least (32100100: 0.22, its full dark down to a soft edge: a black
# ruled band across the picture at 06:15-06:30)...
MEETS = 0.5  # ...and its first row no more than this of it (the ruins' dark feet go into it)


def test_rubble_heaps_at_the_husks_foot_along_a_ragged_crest() -> None:
    light, box = husk_box()
    columns = np.flatnonzero(box.any(axis=1))[5:-5]
    band = int(FOOT * UNIT)
    crest = light[columns, -band:] >= CREST
    heaped = crest.any(axis=1)
    assert heaped.mean() >= HEAPED, f"rubble at the foot of {heaped.mean():.0%} of the box"
    high = band - np.argmax(crest[heaped], axis=1)
    spread = np.percentile(high, 90) - np.percentile(high, 10)
    assert spread >= RAGGED * UNIT, f"its crest varies by {spread:.0f} px"


def test_the_plains_far_edge_is_rubble_spilt_out_not_a_band() -> None:
    color = (34, 28, 26)
    image = boulevard(PLAIN, 595, color, np.random.default_rng(5), DUSTING)
    shade = pygame.surfarray.array3d(image).astype(float) @ LUMA
    dark = float(np.dot(scaled(color, RUBBLE_TONE), LUMA))
    ash = float(np.median(shade[:, 40:60]))
    reach = np.argmax(shade > (dark + ash) / 2, axis=1)[20:-20]  # (the first row out of it)
    spread = np.percentile(reach, 95) - np.percentile(reach, 5)
    assert spread >= SPILL_ROWS, f"the rubble's edge spreads over {spread:.0f} rows"


def test_under_deep_ash_the_far_edge_fades_into_the_plain_not_a_dark_band() -> None:
    image = boulevard(PLAIN, 595, (34, 28, 26), np.random.default_rng(5), DEEP)
    shade = np.median(pygame.surfarray.array3d(image).astype(float) @ LUMA, axis=0)
    plain = float(np.median(shade[40:60]))
    rows, least = UNDER
    assert shade[rows] >= least * plain, f"{rows} rows down: {shade[rows]:.0f} of {plain:.0f}"
    assert shade[0] <= MEETS * plain, f"its first row {shade[0]:.0f} of {plain:.0f}"
