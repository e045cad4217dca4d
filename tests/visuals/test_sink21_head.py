"""Going under (10:38:40-10:39), the mother reads as an animal, not a lump and a loose bone: her eye
shows over the tar until late, and her tusk shows by it, leaving her face (at base her eye went
under by 10:39, her crown a black lump, and her tusk's sweep lay on the tar from 10:39 beside her
raised trunk, far from any eye: a floating bone)."""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from .test_going_under_tip import GREY, alone_rgb
from .test_mammoth_sinks import built

SCENE = "The sun comes back to the tar pits"
TIMES = ("10:38:40", "10:39:00")  # her back going, her head held up (it goes by 10:41)
EYE_DARK = 7  # her eye's pupil: no channel above this (her coat, lit or not: 13 and over)
EYE_PIXELS = 20  # of the pupil's ~31 pixels, at least this many over the tar
WARM = 12  # levels of red over blue: ivory, and her coat's rim light
HEAD = GREY - 60  # her coat, her trunk and her head: darker than this
TUSK = 800  # pixels: a piece of warm pixels this large, mostly apart from her dark coat (not
# her rim light along it), is her tusk (base 2000-2800, now 3900-4600)
ALONG = 0.5  # her rim light lies along her coat: more than this share of it by her dark pixels
BY_EYE = 90  # pixels: her tusk leaves her face this near her eye at most (her tusk's root is
# ~50 px in front of it)


def _over(at: str) -> np.ndarray:
    """Her layer alone over grey at `at`, only what shows over the tar, colours [x, y, rgb]."""
    return alone_rgb(at)[:, : built(SCENE).line - 1]


def _pupil(rgb: np.ndarray) -> np.ndarray:
    """Where her eye's pupil shows: (x, y) of each of its pixels."""
    return np.argwhere(rgb.max(axis=2) <= EYE_DARK)


def _tusk(rgb: np.ndarray) -> np.ndarray:
    """Where her tusk shows (the largest warm piece mostly apart from her coat): (x, y)."""
    warm = (rgb[..., 0] - rgb[..., 2]) > WARM
    near = ndimage.binary_dilation(rgb.mean(axis=2) < HEAD, iterations=2)
    pieces, count = ndimage.label(warm, structure=np.ones((3, 3)))
    best = np.zeros(warm.shape, bool)
    for n in range(1, count + 1):
        piece = pieces == n
        if (piece & near).sum() <= ALONG * piece.sum() and piece.sum() > best.sum():
            best = piece
    return np.argwhere(best) if best.sum() >= TUSK else np.zeros((0, 2), int)


def test_her_eye_shows_over_the_tar_until_late() -> None:
    for at in TIMES:
        pupil = len(_pupil(_over(at)))
        assert pupil >= EYE_PIXELS, f"{at}: {pupil} px of her eye show over the tar"


def test_her_tusk_goes_down_with_her_head() -> None:
    for at in TIMES:
        rgb = _over(at)
        tusk, pupil = _tusk(rgb), _pupil(rgb)
        assert len(tusk), f"{at}: her tusk shows over the tar"
        assert len(pupil) >= EYE_PIXELS, f"{at}: her tusk shows, but no eye beside it"
        gap = np.sqrt(((tusk[:, None, :] - pupil[None, ::4, :]) ** 2).sum(axis=2)).min()
        assert gap <= BY_EYE, f"{at}: her tusk lies {gap:.0f} px from her eye"
