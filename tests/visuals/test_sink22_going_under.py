"""Going under (10:39:40-10:40:20, frames a real second apart), the mother's tusk goes down with
her head, never lying on the tar without her face (at base her tusk's upper sweep lay along
the tar beside her raised trunk, her face gone under it, from 10:39:40 to 10:40:30: a floating
bone). Since mammoth23 she holds her head up then, her eye and her tusks over the tar by her
raised trunk (bowed, her face and tusks gone, her crown's hump and trunk read as the Loch Ness
monster): a tusk by her face, her eye over the tar, is hers, not a bone."""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from .test_going_under_tip import GREY, alone_rgb
from .test_mammoth_sinks import built

SCENE = "The sun comes back to the tar pits"
TIMES = ("10:39:40", "10:40:00", "10:40:20")  # a real second apart (3.33 real min a story hour)
EYE_DARK = 7  # her eye's pupil: no channel above this (her coat, lit or not: 13 and over)
WARM = 12  # levels of red over blue: ivory, and her coat's rim light ...
PALE = 70  # ... the tusk's ivory lighter than this (her coat and the creases darker)
HEAD = GREY - 60  # her coat and her trunk: darker than this
ALONG = 0.5  # her rim light lies along her coat: more than this share of it by her dark pixels
TUSK = 40  # pixels: a pale warm piece this large, mostly apart from her coat, is a tusk (base:
# 1000-2700 of it over the tar at these times)
TRUNK = 60  # rows: her raised trunk stands this high over the tar at least


def _over(at: str) -> np.ndarray:
    """Her layer alone over grey at `at`, only what shows over the tar, colours [x, y, rgb]."""
    return alone_rgb(at)[:, : built(SCENE).line - 1]


def _tusk_pixels(rgb: np.ndarray) -> int:
    """Pixels of the pale warm pieces mostly apart from her dark coat (not her rim light
    along it) at least TUSK large: her tusks over the tar."""
    warm = ((rgb[..., 0] - rgb[..., 2]) > WARM) & (rgb.mean(axis=2) > PALE)
    near = ndimage.binary_dilation(rgb.mean(axis=2) < HEAD, iterations=2)
    pieces, count = ndimage.label(warm, structure=np.ones((3, 3)))
    sizes = ndimage.sum(np.ones(warm.shape), pieces, range(1, count + 1))
    by_coat = ndimage.sum(near, pieces, range(1, count + 1))
    return int(sum(size for size, coat in zip(sizes, by_coat, strict=True)
                   if size >= TUSK and coat <= ALONG * size))


def test_her_tusk_has_gone_down_with_her_head_while_her_trunk_stands() -> None:
    line = built(SCENE).line
    for at in TIMES:
        rgb = _over(at)
        eye = bool((rgb.max(axis=2) <= EYE_DARK).sum())
        dark = np.flatnonzero((rgb.mean(axis=2) < HEAD).any(axis=0))
        assert dark.size and line - int(dark.min()) >= TRUNK, f"{at}: her trunk stands"
        tusk = 0 if eye else _tusk_pixels(rgb)  # (her eye over the tar: her face is)
        assert tusk == 0, f"{at}: {tusk} px of her tusk lie on the tar apart from her head"
