"""The noon mother's waterline (13:30): at her right, where her chest's fringe goes into the
tar, the tar drawn up round her follows her outline in a slope and the wet band on her coat
rises and fades with it (three sides a pixel apart between her fringe's locks drew the tar up
her chest in a flat-topped block: the band ended square, her chest cut by a level line); and
the sky's sheen on the tar against her fades down its wet face (a thin pale line, drawn)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.silhouette import Silhouette

from .helpers import shipped_program
from .test_mammoth_sinks import built

SCENE = "La Brea Tar Pits"
TAR = (45, 37, 29)  # she is drawn alone over the noon tar's colour
DARK = 25  # levels: a pixel of her (her fur, her wet coat)
LEVEL = 2  # rows: a stretch of her foot within this many rows of level is flat ...
FLAT = 19  # ... and at her right end none is this many columns long (base: 26, 19 and 27;
# tar20: 16 at 13:30, her rings' soft shade, a swell now, darkening a row more under her chest;
# mother20: 18 at 13:30, her coat a lit dark brown and her chest's locks in shade, a row of them
# over the tar read as dark a column further: the fault was 19-27)
TIMES = ("13:00", "13:30", "14:20")


def alone(at: str) -> tuple[np.ndarray, Silhouette]:
    """Her layer drawn alone over the tar's colour at `at` (the shipped pace), as levels."""
    program = shipped_program()
    her = built(SCENE)
    state = state_at(program.timeline, parse_clock(at), program.clock)
    surface = pygame.Surface((1920, 1080))
    surface.fill(TAR)
    her.draw(surface, Frame(state.story_time, state.scene_seconds, state))
    return pygame.surfarray.array3d(surface).astype(int).mean(axis=2), her


def lowest_rows(at: str) -> tuple[np.ndarray, Silhouette]:
    """Her lowest dark row in each column of her (-1: none), and her."""
    levels, her = alone(at)
    dark = levels[:, :her.line + 3] < DARK
    return np.array([np.flatnonzero(col)[-1] if col.any() else -1 for col in dark]), her


def flat_stretch(rows: np.ndarray, her: Silhouette) -> int:
    """The longest stretch of columns at her right end, where her foot has left the tar's
    line (up to three collar heights over it), in which it stays within LEVEL rows of
    level."""
    shown = np.flatnonzero(rows > 0)
    waterline = float(np.median(rows[shown]))
    right = shown[shown > (shown[0] + shown[-1]) // 2]
    thick = her.wading.thick  # type: ignore[union-attr]
    risen = right[(rows[right] < waterline - thick) & (rows[right] > her.line - 3 * thick)]
    # (not her tusk's lower edge, far over the tar)
    longest = 0
    for start in risen:
        window = rows[start:start + 200]
        ok = np.abs(window - rows[start]) <= LEVEL
        longest = max(longest, int(np.argmin(ok)) if not ok.all() else ok.size)
    return longest


def test_at_her_right_the_tar_follows_her_outline_not_a_level_cut() -> None:
    for at in TIMES:
        rows, her = lowest_rows(at)
        flat = flat_stretch(rows, her)
        assert flat < FLAT, f"{at}: her foot at her right is level for {flat} columns"


FACE = 3  # rows under the sheen's brightest row on the tar against her ...
WET = 0.3  # ... it keeps at least this share of its light in most of the columns it shows in
# (a wet face fading into the tar; base: none, a thin pale line one or two rows deep)


def test_the_sheen_against_her_fades_down_the_wet_tar_not_a_drawn_line() -> None:
    levels, her = alone("13:30")
    rows, _ = lowest_rows("13:30")
    shown = np.flatnonzero(rows > 0)
    middle = shown[len(shown) // 4:3 * len(shown) // 4]
    tar = float(np.mean(TAR))
    kept = []
    for column in middle:
        below = levels[column, rows[column] + 1:her.line + 4] - tar  # the tar under her foot
        peak = int(np.argmax(below))
        if below[peak] > 6 and peak + FACE < below.size:
            kept.append(below[peak + FACE] / below[peak])
    assert len(kept) >= 10, "the sheen lies along her waterline"
    share = float(np.median(kept))
    assert share >= WET, f"{FACE} rows under its top the sheen keeps {share:.0%} of its light"
