"""The mother going under at the Lake Pit (10:34-10:41:20) is mirrored in the tar below the tar
heaped round her, as the pool mirrors the calf and the sky (she had no reflection: the tar under
her the grey it is round her), and her reflection goes with her."""

from __future__ import annotations

import numpy as np

from .test_going_under_tip import GREY, alone, built

SCENE = "The sun comes back to the tar pits"
DARK = 60  # a pixel of her, over the grey she is drawn alone on
BAND = (2, 24)  # rows under the surface looked at, under her ...
TIP_BAND = (1, 10)  # ... and under her trunk's tip, the last of her (a short reflection)
DARKER = 12  # levels: under her the tar is this much darker than the grey, in the middle of
# those rows (base: 1-6, her rings alone)
TIMES = ("10:34", "10:35:30", "10:37", "10:38:30")
TIP_TIMES = ("10:40", "10:40:40", "10:41", "10:41:05")  # (by 10:40 her head has bowed under,
# her crown's last sliver by her raised trunk; its root bowed with her face, her trunk's top
# stands 5 rows lower, gone a third of a real second sooner: see mammoth_lift.BOWS)


def under_her(at: str, band: tuple[int, int] = BAND) -> np.ndarray:
    """Levels of the rows just under the surface, in the columns her dark body meets the tar
    in (her pale tusk mirrors pale, in grey)."""
    her = built(SCENE)
    levels = alone(at)
    columns = np.flatnonzero((levels[:, her.line - 16:her.line - 6] < DARK).any(axis=1))
    assert columns.size, f"{at}: she shows over the tar"
    return levels[columns, her.line + band[0]:her.line + band[1]]


def test_she_is_mirrored_in_the_tar_under_her_as_she_goes_under() -> None:
    for at, band in [(at, BAND) for at in TIMES] + [(at, TIP_BAND) for at in TIP_TIMES]:
        level = float(np.median(under_her(at, band)))
        assert level <= GREY - DARKER, f"{at}: the tar under her is {level} (grey {GREY})"


def test_her_reflection_is_gone_with_her() -> None:
    her = built(SCENE)
    levels = alone("10:42:30")
    under = levels[:, her.line:her.line + 60]
    assert (levels[:, :her.line - 12] < DARK).sum() == 0, "she has gone under"
    assert np.median(under[under < GREY]) >= GREY - DARKER, "what is left is her rings only"
