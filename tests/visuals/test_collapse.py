"""One ruined tower's top gives way at the story time a curator sets: there before, coming
apart in tiers, the highest first, while it falls, gone after with the skyline lower there and
a stump standing; dust rolling out from its foot, drifting downwind and thinning."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.collapse import (
    CHUNKS,
    FALL_STEPS,
    GRAVITY,
    Collapse,
    Dust,
    Moment,
    release,
)
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, layer, one_frame, one_scene

SIZE = (960, 540)
SKY = (0x80, 0x90, 0xA0)  # a colour nothing in the ruins has
GROUND = 0.8
START = parse_clock("06:00")
FALLS = parse_clock("06:01")  # no pace: a real second is a story second
LINE = one_scene(layer("sky", top="#8090a0", bottom="#8090a0", stars=0, sun=False, clouds=0)
                 + layer("ruins", ground=GROUND, height=0.3, fires=0, color="#404040",
                         collapse="06:01") + NO_POST, at="06:00")
BEFORE, CRACKED, FALLING, DUSTY, AFTER = -10.0, 0.3, 3.9, 9.0, 40.0  # (falling: 1.7 till
# collapse24, where the top first rides down on its floors as they pancake; seconds after it
# begins; 4.2 till collapse25: its chunks are gone below the ruins by then, 3 dark pixels over
# open sky without the dust on main too; main's 2201 there were its dust, darker than DARK over
# the sky, which the lit dust no longer is; at 3.9 its chunks are in the air, 97 without dust)
CLIMBED, DRIFTED, THINNED = 12.0, 22.0, 32.0
DARK = 110  # the ruins' brightest channel is below this; the dust's and the sky's above


@cache
def frame(seconds: float) -> np.ndarray:
    """The ruins `seconds` after the collapse begins, drawn fresh, as an (x, y, rgb) array."""
    headless()
    surface = one_frame(LINE, SIZE, state_at(LINE, FALLS + seconds))
    return pygame.surfarray.array3d(surface).astype(int)


def sky(seconds: float) -> np.ndarray:
    """Where the flat sky shows, (x, y)."""
    return (frame(seconds) == np.array(SKY)).all(axis=2)


def solid(seconds: float) -> np.ndarray:
    """Where the dark ruins show (not the sky, nor the pale dust over it), (x, y)."""
    return ~sky(seconds) & (frame(seconds).max(axis=2) < DARK)


def fallen() -> np.ndarray:
    """The tower's top: ruins before the fall, sky after it, (x, y)."""
    return ~sky(BEFORE) & sky(AFTER)


def test_the_top_stands_before_and_is_gone_after_the_skyline_lower_there() -> None:
    top = fallen()
    columns = np.flatnonzero(top.sum(axis=1) > 0)
    assert top.sum() > 500, f"only {top.sum()} pixels of a top fell"
    assert len(columns) > 15, "the top spans the tower's width"
    tall = SIZE[1]
    skyline = [np.where((~sky(t)).any(axis=1), (~sky(t)).argmax(axis=1), tall)[columns]
               for t in (BEFORE, AFTER)]
    assert np.median(skyline[1] - skyline[0]) > 20, "the skyline stands lower where it fell"


def test_mid_fall_pixels_of_the_top_have_moved_down() -> None:
    top = fallen()
    now = solid(FALLING)
    left_empty = (top & ~now).sum() / top.sum()
    assert left_empty > 0.1, "the top has left part of where it stood"
    arrived = now & sky(BEFORE) & sky(AFTER)  # where only the falling top can be
    assert arrived.sum() > 50
    rows = np.arange(SIZE[1])[None, :]
    high = top & (rows < np.percentile(np.nonzero(top)[1], 25))  # (its highest quarter, the
    # top's: since collapse24 `top` holds the floors that pancake under it too, far lower down)
    assert (rows * arrived).sum() / arrived.sum() > (rows * high).sum() / high.sum() + 5


def foot() -> tuple[slice, slice]:
    """A box over the fallen tower's foot, just above the ground (x, y)."""
    columns = np.flatnonzero(fallen().sum(axis=1) > 0)
    ground = int(SIZE[1] * GROUND)
    return slice(columns[0], columns[-1] + 1), slice(ground - 25, ground - 5)


def test_dust_fills_where_its_top_stood_while_it_falls_and_clears_later() -> None:
    """(collapse22: the dust rises behind the ruins, so the stump's foot stays solid: it is
    looked for in the sky where the top stood.)"""
    box = foot()
    dusty = np.abs(frame(DUSTY) - np.array(SKY)).sum(axis=2)[fallen()].mean()
    assert dusty > 10, f"no dust where the top stood: {dusty:.0f}"
    assert np.array_equal(frame(AFTER)[box], frame(BEFORE)[box]), "the dust has cleared"


def test_frames_drawn_in_a_row_through_it_are_the_frames_drawn_alone() -> None:
    headless()
    kept = Compositor(LINE, SIZE, print)
    checked = {CRACKED, FALLING, DUSTY, 1.0, 4.4, 12.0, 25.0}
    for tenth in range(-5, 290):
        seconds = tenth / 10
        drawn = pygame.Surface(SIZE)
        kept.draw(drawn, state_at(LINE, FALLS + seconds))
        if seconds in checked:
            assert np.array_equal(pygame.surfarray.array3d(drawn), frame(seconds)), seconds


def test_a_scene_beginning_after_the_collapse_shows_the_tower_fallen() -> None:
    headless()
    earlier = one_scene(layer("sky", top="#8090a0", bottom="#8090a0", stars=0, sun=False,
                              clouds=0)
                        + layer("ruins", ground=GROUND, height=0.3, fires=0, color="#404040",
                                collapse="05:00") + NO_POST, at="06:00")
    surface = one_frame(earlier, SIZE, state_at(earlier, START + 5))
    assert np.array_equal(pygame.surfarray.array3d(surface), frame(AFTER))


def test_the_top_jolts_on_its_crack_before_it_leans() -> None:
    top = fallen()
    cracked = ~sky(CRACKED)
    assert (top & ~cracked).sum() > 20, "the top has shifted off part of where it stood"
    assert ((cracked & sky(BEFORE)).sum() > 20), "and stands where there was sky"
    rows = np.arange(SIZE[1])[None, :]
    moved = cracked & sky(BEFORE)
    assert (rows * moved).sum() / moved.sum() < (rows * top).sum() / top.sum() + 20, \
        "it has not fallen yet"


def broken_columns(line: Timeline, at: float) -> np.ndarray:
    """The columns where the ruins of `line` stand lower than in the same line unbroken."""
    headless()
    whole = one_scene(layer("sky", top="#8090a0", bottom="#8090a0", stars=0, sun=False,
                            clouds=0) + layer("ruins", ground=GROUND, height=0.3, fires=0,
                                              color="#404040") + NO_POST, at="06:00")
    skies = []
    for each in (whole, line):
        surface = one_frame(each, SIZE, state_at(each, at))
        skies.append((pygame.surfarray.array3d(surface) == np.array(SKY)).all(axis=2))
    return np.flatnonzero((skies[1] & ~skies[0]).sum(axis=1) > 10)


def test_collapse_x_breaks_the_tower_standing_there_in_every_scene_after() -> None:
    for near in (0.3, 0.6):
        line = one_scene(layer("sky", top="#8090a0", bottom="#8090a0", stars=0, sun=False,
                               clouds=0)
                         + layer("ruins", ground=GROUND, height=0.3, fires=0, color="#404040",
                                 collapse="05:00", collapse_x=near) + NO_POST, at="06:00")
        columns = broken_columns(line, START + 5)
        assert len(columns) > 8, near  # (at 0.3 a thin spire: 10 columns, its crest beside stands)
        assert abs(np.median(columns) - near * SIZE[0]) < 0.05 * SIZE[0], (near, columns)



def test_the_top_comes_apart_in_tiers_the_highest_going_first() -> None:
    headless()
    tower = pygame.Surface((60, 200), pygame.SRCALPHA)
    tower.fill((60, 50, 40, 255))
    falls = Collapse(tower, (300, 100), 300, Dust((150, 140, 130), 0.0, 60.0),
                     np.random.default_rng(1), 1)
    for _ in falls.pieces():
        pass
    standing = falls.fall_blits(Moment(-1, -1))
    assert len(standing) == CHUNKS + 1, "the top stands whole, in its chunks, on its floors"
    halfway = falls.fall_blits(Moment(round(FALL_STEPS * release(2)), -1))
    drops = [after[1][1] + after[0].get_height() / 2 - before[1][1] - before[0].get_height() / 2
             for after, before in zip(halfway[1:CHUNKS + 1], standing[1:], strict=True)]
    assert drops[0] > drops[-1] + 10, f"the highest chunk has not gone first: {drops}"
    # (collapse24: the chunks let go one after another and fall on their own, the floors
    # pancaking under the rest, several in the air at once: the highest gone first)
    gone = release(0) + (2 * max(falls.drops) / (GRAVITY * 60)) ** 0.5
    assert falls._chunk_blit(0, gone) is None and falls._chunk_blit(CHUNKS - 1, gone) is not None


def test_dust_rolls_out_from_the_foot_then_drifts_downwind_and_thins() -> None:
    """(Till collapse24 it climbed over the skyline; a fall's dust rolls out from its foot,
    review 23: looked for over the ruins round the foot, where it is paler than after.)"""
    columns = np.flatnonzero(fallen().sum(axis=1) > 0)
    ground = int(SIZE[1] * GROUND)
    over = slice(ground - (ground - int(np.flatnonzero(fallen().any(axis=0))[0])) // 3, ground)
    wide = slice(max(0, columns[0] - 80), min(SIZE[0], columns[-1] + 80))

    def dusty(seconds: float) -> np.ndarray:
        return frame(seconds)[:, over].sum(axis=2) > frame(AFTER)[:, over].sum(axis=2) + 24

    climbed = dusty(CLIMBED)[wide].mean()
    assert climbed > 0.12, f"only {climbed:.0%} of the ruins round the foot has dust over it"

    def middle(seconds: float) -> float:
        found = dusty(seconds)
        return float((np.arange(SIZE[0])[:, None] * found).sum() / found.sum())

    assert middle(DRIFTED) > middle(CLIMBED) + 10, "the dust drifts with the wind (rightwards)"
    strength = [np.abs(frame(t)[wide, over] - frame(AFTER)[wide, over]).mean()
                for t in (CLIMBED, THINNED)]
    assert strength[1] < 0.6 * strength[0], f"the dust thins: {strength}"


def test_a_broken_stump_stands_where_it_fell() -> None:
    columns = np.flatnonzero(fallen().sum(axis=1) > 0)
    ground = int(SIZE[1] * GROUND)
    stood, stands = (ground - np.where((~sky(t)).any(axis=1), (~sky(t)).argmax(axis=1),
                                       ground)[columns] for t in (BEFORE, AFTER))
    assert np.median(stands) > 0.45 * np.median(stood), (np.median(stands), np.median(stood))
