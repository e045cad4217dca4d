"""The near ground of the tar at noon, the ash lot after the flash and the May Company's burnt
drum: alive and drawn, not flat bands or a blocky mosaic."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.maycompany_surfaces import DRUM_HALF

from .helpers import NO_POST, draw, layer, one_scene

GREY_SKY = layer("sky", top="#808080", bottom="#808080", stars=0, sun=False, clouds=0)
FULL = (1920, 1080)
STREAKS = 0.4  # down a sooted column, light changes at most this share of what it does across
HARD_STEP, HARD_SHARE = 10, 0.03  # a step this large between two pixels across is an edge;
# the drum's tile-square mosaic had 0.05 of its pixels on one, the streaked husk 0.016


def husk() -> tuple[np.ndarray, np.ndarray, int]:
    """The burnt drum's brightness and where it is (columns x rows, clear of its outline) on
    a grey sky at 1080p, and the row of its torn top."""
    store = layer("maycompany", x=0.5, ground=0.8, scale=0.8, burnt=True)
    shown = draw(one_scene(GREY_SKY + store + NO_POST, at="05:30"), "06:30", size=FULL)
    pixels = pygame.surfarray.array3d(shown).astype(float)
    half = int(FULL[1] * 0.8 * DRUM_HALF)
    cols = slice(FULL[0] // 2 - half + 8, FULL[0] // 2 + half - 8)
    on = np.abs(pixels[cols] - 128).sum(axis=2) > 12
    top = int(np.percentile(on.argmax(axis=1), 90)) + 4
    return pixels[cols].mean(axis=2), on, top


def test_soot_runs_down_the_burnt_drum_in_streaks() -> None:
    """Under its torn top the drum is streaked with soot that ran down it: down a column its
    light barely changes, across the columns it does (the tile mosaic changed alike both
    ways)."""
    light, on, top = husk()
    band = slice(top, top + (int(FULL[1] * 0.8) - top) // 3)
    light, on = light[:, band], on[:, band]
    lag = 4
    both = on[lag:] & on[:-lag]
    across = np.abs(light[lag:] - light[:-lag])[both].mean()
    both = on[:, lag:] & on[:, :-lag]
    down = np.abs(light[:, lag:] - light[:, :-lag])[both].mean()
    assert down < STREAKS * across, (down, across)


def test_the_burnt_drum_is_smooth_not_a_blocky_mosaic() -> None:
    """Few hard edges between neighbouring pixels on the drum: soot and gold fade into each
    other (the old husk was a mosaic of tile squares, orange and brown)."""
    light, on, top = husk()
    light, on = light[:, top:int(FULL[1] * 0.8) - 10], on[:, top:int(FULL[1] * 0.8) - 10]
    both = on[1:] & on[:-1]
    hard = (np.abs(np.diff(light, axis=0)) > HARD_STEP) & both
    assert hard.sum() < HARD_SHARE * both.sum(), hard.sum() / both.sum()


LOT_LOWER = 0.87  # the near ground: from here to the picture's foot
LOT_STRIP = 18  # columns in a strip of it
LOT_VARIED = 10.0  # a strip's light varies at least this much (std) down the near ground,
# as a rule (a flat lot: 7, its drifts' slow swell and the road's edge)
LOT_DARKER = 0.9  # the ground at our feet at most this much as light as at the ruins' feet


def test_the_ash_lot_in_front_has_ridges_debris_and_a_darker_foot() -> None:
    """Near the camera the ash is blown into ridges with their shadows and strewn with
    debris: down almost any narrow strip of it the light comes and goes (the lot was a flat
    grey band); and the ground darkens towards our feet, so the eye goes to the fires."""
    ground = one_scene(GREY_SKY + layer("ruins", ground=0.8, fires=0, boulevard=True,
                                        boulevard_x=0.5) + NO_POST, at="05:30")
    light = pygame.surfarray.array3d(draw(ground, "05:40", size=FULL)).astype(float).mean(2)
    near = light[:, int(FULL[1] * LOT_LOWER):]
    strips = [near[x:x + LOT_STRIP].std() for x in range(0, FULL[0], LOT_STRIP)]
    assert np.median(strips) > LOT_VARIED, np.median(strips)
    far, foot = light[:, int(FULL[1] * 0.81):int(FULL[1] * 0.84)], light[:, -20:]
    assert foot.mean() < LOT_DARKER * far.mean(), (foot.mean(), far.mean())
