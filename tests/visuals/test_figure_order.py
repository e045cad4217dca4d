"""People of several figures layers in one scene stand in depth: a near one (feet lower in the
picture) is drawn over a far one whichever layer each is in."""

from __future__ import annotations

import numpy as np
import pygame

from .helpers import NO_POST, draw, layer, one_scene

BLACK = layer("sky", top="#000000", bottom="#000000", stars=0, clouds=0, sun=False)
NEAR = layer("figures", pose="idle", body="man", path=[[0.5, 0.95]], scale=0.6, color="#ff0000")
FAR = layer("figures", pose="idle", body="man", path=[[0.5, 0.6]], scale=0.4, color="#0000ff")
OFF = layer("figures", pose="idle", path=[[1.4, 0.5]], scale=0.05)  # someone off the picture


def frame(body: str) -> np.ndarray:
    """The picture of these layers over black, (x, y, rgb)."""
    return pygame.surfarray.array3d(draw(one_scene(BLACK + body + NO_POST), "12:00:05"))


def shown(picture: np.ndarray) -> np.ndarray:
    """Where someone is drawn, (x, y)."""
    return picture.max(axis=2) > 40  # (the black sky is dithered a level or two)


def test_a_near_person_stands_whole_in_front_of_a_far_one_in_a_later_layer() -> None:
    """The far man's layer comes after the near man's, and he stands behind him: the near man
    is seen whole, none of the far one's blue on him."""
    near, both = frame(NEAR), frame(NEAR + FAR)
    blue, body = both[..., 2] > 150, near[..., 0] > 200  # (inside his edge, which mixes)
    assert (body & blue).sum() == 0, "none of him over the near man"
    assert (both[body][:, 2] <= 32).all(), "at most a trace (a sprite's softened edge)"
    assert (both[body][:, 0] > 180).all(), "the near man's red, whole"
    assert blue.sum() > 100, "the far man is there, beside and above him"


def test_a_far_person_is_hidden_where_a_near_one_stands_before_him() -> None:
    """Where the near man stands before the far one, the far one is hidden: a good part of
    him, drawn alone, is not seen in the pair."""
    far_alone = frame(OFF + FAR)  # (the second figures layer, as in the pair: the same man)
    both = frame(NEAR + FAR)
    hidden = shown(far_alone) & (both[..., 2] <= 150)
    assert hidden.sum() > 0.3 * shown(far_alone).sum()
