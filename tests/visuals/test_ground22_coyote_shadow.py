"""The coyote's shadow is one animal's: it lies under it and towards us from its paws (laid
sideways along the lot, it showed two sets of legs splayed apart, like a double exposure)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import load_timeline

from .helpers import NO_POST, SHIPPED, draw, layer, one_scene

SIZE = (480, 270)
SCENE = "A coyote in the empty diner"
LOT = layer("sky", top="#606468", bottom="#606468", stars=0, sun=False, clouds=0)
FEET = (0.5, 0.8)
TALL = 0.4
DARKER = 12  # summed levels: a pixel of the lot this much darker is under its shadow
SHADOW_KEYS = ("shadow", "contact", "contact_reach")  # what the shipped coyote casts
ASIDE = 0.1  # its shadow's middle lies under its body's, give or take this much of its height


def _lot(**shadow: object) -> np.ndarray:
    """The grey lot with the coyote standing on it, its colour levels summed (x, y)."""
    one = layer("figures", body="coyote", pose="idle", speed=0, scale=TALL, color="#050506",
                **shadow) + f"path = [[{FEET[0]}, {FEET[1]}]]\n"
    picture = draw(one_scene(LOT + one + NO_POST), "12:00:00", size=SIZE)
    return pygame.surfarray.array3d(picture).astype(int).sum(axis=2)


def test_its_shadow_lies_under_it_and_towards_us_not_aside() -> None:
    scene = next(s for s in load_timeline(SHIPPED).scenes if s.name == SCENE)
    spec = next(s for s in scene.layers if s.type == "figures" and s.params["body"] == "coyote")
    shaded = _lot(**{key: spec.params[key] for key in SHADOW_KEYS if spec.params.get(key)})
    plain = _lot()
    feet = round(FEET[1] * SIZE[1])
    body = np.flatnonzero((plain < plain[2, 2] - DARKER).any(axis=1))  # its own columns
    ground = (plain - shaded)[:, feet + 1:] >= DARKER  # the lot darkened below its paws
    assert ground[:, :round(0.1 * TALL * SIZE[1])].sum() > 0, "no shadow at its paws"
    assert ground[:, round(0.1 * TALL * SIZE[1]):].sum() > 0, "no shadow towards us"
    middle = float(np.nonzero(ground)[0].mean())  # where its shadow lies across, on average
    assert abs(middle - (body.min() + body.max()) / 2) <= ASIDE * TALL * SIZE[1], (
        f"its shadow's middle at {middle:.0f}, its body {body.min()}-{body.max()}")
