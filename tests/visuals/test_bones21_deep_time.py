"""Deep time under the tar reads as bones kept in tar, not stickers (bones21): the finds
stained a dark brown, not cream; in strata of tar and sand that show as bands; and still in
the picture's lower part until the light wipe takes them (at 10:10 they had faded, leaving
the lower 40% of the frame empty brown for a real minute)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.bones import Bones
from installation.visuals.tar_strata import STRATA

from .test_bones_legible import DEEP_TIME, SHIPPED, setup_of

SIZE = (1920, 1080)
TAR = (12, 11, 10)  # the tar the cut is seen over
BONE = 30  # summed levels: a pixel this far off the strata alone is a bone's
CREAM = 150  # summed levels: the bones' median colour under this (cream is ~450; they were
# a tan of ~180 on the tar, read as cut-outs)
BAND_SPREAD = 30  # summed levels: the median rows of the cut below its newest stratum (in
# the frame's lower 40%) differ this much at least (they were within 13: one murky brown field)
KEPT = 0.8  # of the bones' pixels in the lower 40% at 08:30, this share at least still shows
LOWER = 0.6  # the lower 40% of the frame: its rows from this share of its height


def built(amount: float | None = None) -> Bones:
    """The shipped deep time's bones layer at SIZE (with `amount` finds: 0, the strata
    alone)."""
    params, setup = setup_of(load_timeline(SHIPPED), DEEP_TIME, SIZE)
    return Bones(params if amount is None else {**params, "amount": amount}, setup)


def cut_over_tar(layer: Bones) -> np.ndarray:
    """The layer's cut (strata and still finds) over the tar, as levels (columns x rows x 3)."""
    seen = pygame.Surface(layer.image.get_size())
    seen.fill(TAR)
    seen.blit(layer.image, (0, 0))
    return pygame.surfarray.array3d(seen).astype(int)


def drawn(layer: Bones, at: str) -> np.ndarray:
    """The layer drawn at a story time over the tar, the picture's lower 40% (summed levels)."""
    state = state_at(load_timeline(SHIPPED), parse_clock(at))
    surface = pygame.Surface(SIZE)
    surface.fill(TAR)
    layer.draw(surface, Frame(state.story_time, 0.0, state))
    return pygame.surfarray.array3d(surface).astype(int).sum(axis=2)[:, round(SIZE[1] * LOWER):]


def test_the_bones_are_stained_dark_brown_not_cream() -> None:
    """The finds lay on the tar as cream cut-outs: their median colour is dark (its summed
    levels under CREAM) and brown (more red than blue)."""
    finds, strata = cut_over_tar(built()), cut_over_tar(built(0.0))
    bone = (finds - strata).sum(axis=2) > BONE  # (lighter: the hollows round them are darker)
    red, green, blue = np.median(finds[bone], axis=0)
    assert bone.sum() > 10000, "the finds show"
    assert red + green + blue < CREAM, (red, green, blue)
    assert red > blue + 8, (red, green, blue)


def test_the_strata_show_as_bands_of_different_colour() -> None:
    """The cut under the tar was one murky brown: its rows' median colours (the strata alone)
    below the newest stratum, faded in under the open tar, differ by BAND_SPREAD at least,
    more than once down it."""
    rows = np.median(cut_over_tar(built(0.0)).sum(axis=2), axis=0)
    lower = rows[len(rows) // STRATA:]
    assert lower.max() - lower.min() >= BAND_SPREAD, lower[::10]
    steps = np.diff(lower[::20])
    assert (np.abs(steps) >= BAND_SPREAD / 3).sum() >= 2, lower[::20]


def test_the_lower_frame_holds_bones_until_the_light_wipe() -> None:
    """By 10:10 the bones had faded and at 10:25 were gone, a real minute before the light
    wipe: at both, the lower 40% holds nearly as many bone pixels as at 08:30."""
    finds, strata = built(), built(0.0)

    def bone_pixels(at: str) -> int:
        return int((np.abs(drawn(finds, at) - drawn(strata, at)) > BONE).sum())

    early = bone_pixels("08:30")
    assert early > 10000
    for at in ("10:10", "10:25"):
        assert bone_pixels(at) >= KEPT * early, (at, bone_pixels(at), early)
