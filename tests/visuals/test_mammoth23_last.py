"""Going under, the mother is a mammoth to the last: as the tar takes her face (10:39:30) her
eye and her tusks are still over it by her raised trunk (bowing her head, her face and tusks
went under first and left a furry hump and a curled trunk standing in the tar: the Loch Ness
monster, 10:39:20-10:40:30), and then she goes under quickly."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from .test_mammoth_sinks import built, over_the_tar

AT = "10:39:30"  # the tar at her eye (shipped pace: a story minute is 3.3 real s)
EYE_DARK = 9  # levels: her eye's dark, darker than any of her coat or the tar on it ...
EYE_LEAST = 15  # ... at least this many pixels of it over the tar (hers: ~35)
IVORY = 150  # levels: a tusk's ivory, lighter than the flat grey tar (120) she is drawn on ...
IVORY_LEAST = 100  # ... at least this many pixels of it (hers: ~400)
TAKEN = 50.0  # story seconds: from her eye at the tar to all of her gone, at most (~2.5 real s;
# at one speed, ~100: her crown and trunk stood on without it for 5 real s)


@cache
def shown() -> np.ndarray:
    """Her over flat grey tar at AT, as luminance (columns x rows)."""
    return over_the_tar(AT)


def test_as_the_tar_takes_her_face_her_eye_is_over_it() -> None:
    eye = int((shown() < EYE_DARK).sum())
    assert eye >= EYE_LEAST, f"{eye} pixels of her eye over the tar at {AT}"


def test_as_the_tar_takes_her_face_her_tusks_stand_over_her_eye() -> None:
    """Her tusks rise out of her face over her eye (lying along the tar beside her trunk, her
    face gone, a tusk read as a floating bone)."""
    frame = shown()
    eyes = np.argwhere(frame < EYE_DARK)
    assert eyes.size, f"no eye over the tar at {AT}"
    above = int((frame[:, :int(eyes[:, 1].min())] > IVORY).sum())
    assert above >= IVORY_LEAST, f"{above} pixels of tusk over her eye at {AT}"


def test_once_her_eye_has_gone_the_rest_of_her_follows_quickly() -> None:
    """From the tar at her eye to the last of her gone, in her last pose (her picture as
    drawn: its eye's dark, its top row)."""
    her = built("The sun comes back to the tar pits")
    assert her.lift is not None
    last = her.lift.figures[her.lift.last]
    rgb = pygame.surfarray.array3d(last)
    opaque = pygame.surfarray.array_alpha(last) > 128
    eye = np.flatnonzero(((rgb.max(axis=2) < EYE_DARK) & opaque).any(axis=0))
    top = np.flatnonzero(opaque.any(axis=0))
    assert eye.size and top.size
    tall = last.get_height()  # (sunk `rows`, the tar is `tall - rows` rows down her picture)
    eye_at, gone = (her.sinking.gone_at(tall - int(row)) for row in (eye[0], top[0]))
    assert eye_at is not None and gone is not None
    assert gone - eye_at <= TAKEN, f"{gone - eye_at:.0f} story s from her eye to gone"
