"""Deep time's deepest band is lit as the bands over it are: each of its finds (the thigh bone,
the teratorn) shows a warm upper side over the strata round it, a little dimmer than the upper
bands' but legible (its light blurred into the tar with its edges, the thigh bone left nothing
over the strata: a dim smudge under lit skulls)."""

from __future__ import annotations

from collections.abc import Generator
from functools import cache
from typing import Any

import numpy as np
import pygame
import pytest
from day_config import SHIPPED

from installation.core.timeline import load_timeline
from installation.visuals import bones
from installation.visuals.fossil_small import SMALL

from .test_bones_legible import setup_of

SCENE = "The tar keeps everything"
SIZE = (960, 540)
LIT = 6  # levels over the bare strata: a find's pixel a visitor sees lit
SHARE = 0.35  # the deepest band's finds stand over their surround at least this share as far
# as the upper bands' do, on average (base: the thigh bone 0; now 0.39, the teratorn 0.9: the
# thigh bone is the smallest find, half in its stratum; brighter, the bones' mean colour goes
# past test_bones_legible's dark bone-brown)
UPPER = (3, 4)  # the upper bands (DEPTHS)
LUMA = np.array([0.3, 0.59, 0.11])


def _nothing(*_args: Any, **_keys: Any) -> Generator[None, None, None]:
    yield


@cache
def stands() -> dict[str, tuple[int, float]]:
    """Each still find's band and how far its lit side stands over its surround (its lit
    pixels' brighter tenth over the bare strata's middle round it, less 1; 0: none lit)."""
    params, setup = setup_of(load_timeline(SHIPPED), SCENE, SIZE)
    cut = bones.Bones(params, setup)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bones, "laid", _nothing)
        bare = bones.Bones(params, setup)
    found = pygame.surfarray.array3d(cut.image) @ LUMA
    strata = pygame.surfarray.array3d(bare.image) @ LUMA
    out = {}
    count = round(bones.BONES * params["amount"])
    for find, x, y, layer, way in cut._laid(count, cut.image.get_size(), setup):
        if way or find.name in bones.OWN or find in SMALL:  # (drifting finds are drawn
            continue  # apart; ours are new; the small bones scattered among them, fossil25)
        reach = int(2 * bones.find_scale(setup.height, find, layer))
        box = (slice(max(0, int(x) - reach), int(x) + reach),
               slice(max(0, int(y) - reach), int(y) + reach))
        lit = found[box] - strata[box] > LIT
        over = (float(np.percentile(found[box][lit], 90)) / float(np.median(strata[box])) - 1
                if lit.any() else 0.0)
        out[find.name] = (layer, over)
    return out


def test_the_deepest_bands_finds_are_lit_as_the_upper_bands_are_a_little_dimmer() -> None:
    found = stands()
    deepest = max(layer for layer, _over in found.values())
    upper = [over for layer, over in found.values() if layer in UPPER]
    assert upper, "finds in the upper bands"
    least = SHARE * sum(upper) / len(upper)
    for name, (layer, over) in found.items():
        if layer == deepest:
            assert over >= least, f"{name}: {over:.2f} over its surround, upper {least:.2f}"
