"""The dream's mother is mired from the first: in the tar to her knees, and each heave pulls a
leg well up out of it, her side heaved up with it (standing on the tar to her feet, a heave
lifting a leg 30-80 px of a 650 px animal, she read as shuffling on a black floor)."""

from __future__ import annotations

from installation.visuals.mammoth_heave import HEAVE_SECONDS, Beat, strength

from .test_dream_heave import FIRST, LATE, PEAK
from .test_dream_mammoth import mother
from .test_mire import BIG

FULL = 1080  # rows of the shown picture the distances are counted in
KNEE = 0.1  # of her height sunk, at least, as the dream begins (her legs are 0.3 of it)
HEAVES = 150  # pixels (of 1080) her foot comes up, at least, heaving at her first ...
LATE_HEAVES = 100  # ... and at her last, sunk deeper and tired


def test_she_is_in_the_tar_to_her_knees_from_the_start() -> None:
    """At the dream's first moment she has sunk a knee's depth, not stood on the tar."""
    her = mother()
    assert her.sinking.share(0.0) >= KNEE, her.sinking.share(0.0)


def foot_rises(heave: tuple[int, float]) -> float:
    """Pixels (of FULL) her heaving foot comes up at the height of this heave."""
    her = mother()
    assert her.heaves is not None and her.lift is not None
    _leg, start = heave
    seconds = start + PEAK * HEAVE_SECONDS
    sunk = her.sinking.share(seconds / 3600)  # drawn without pace: real and story seconds alike
    beat: Beat = her.heaves.at(seconds, strength(sunk, her.sinking.sink))
    assert beat.level, "she is heaving"
    leg, height = her.lift.legs[beat.leg], her.image.get_height()
    return (height - leg.pulled(height, beat.level, height)) * FULL / BIG[1]


def test_a_heave_pulls_her_foot_far_up() -> None:
    """At her first heave's height her foot is 150 px (of 1080) or more above where it stood;
    near the dream's end, deeper and tired, still 100 px or more."""
    assert foot_rises(FIRST) >= HEAVES, foot_rises(FIRST)
    assert foot_rises(LATE) >= LATE_HEAVES, foot_rises(LATE)
