"""Deep time's finds (08:00-10:30) as a curator reads them: the mammoth's skull tall and domed
with a short face, its tusk curving out of a socket at the foot of its huge sheaths (long and
low, with a thin tusk hooked from its snout, it read as a horse's skull), and things of ours
lying among them."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals import bones, fossils
from installation.visuals.base import mix

from .test_bones_legible import DEEP_TIME, SHIPPED, setup_of

SIZE = 60  # a skull's size in px, drawn flat
BONE = (160, 130, 100, 255)
TALL = 1.35  # the skull, its tusk left out, is this many times as tall as it is long at least
# (base: 1.25)
SOCKET_LOW = 0.8  # its tusk leaves the skull this far below the eye socket, in its sizes
# (base: 0.5, at the tip of a snout)


def _skull() -> tuple[np.ndarray, np.ndarray]:
    """The mammoth's skull drawn flat: where it covers, and where its tusk does (x, y)."""
    piece = pygame.Surface((400, 400), pygame.SRCALPHA)
    fossils.mammoth_skull(piece, 200, SIZE, BONE)
    covered = pygame.surfarray.array_alpha(piece) > 0
    ivory = mix(BONE[:3], fossils.IVORY, fossils.IVORY_SHARE)
    tusk = (np.abs(pygame.surfarray.array3d(piece).astype(int) - ivory).sum(axis=2) <= 3) \
        & covered
    return covered, tusk


def test_a_mammoths_skull_is_tall_and_domed_its_tusk_low_in_front() -> None:
    covered, tusk = _skull()
    skull = covered & ~tusk
    columns, rows = np.flatnonzero(skull.any(axis=1)), np.flatnonzero(skull.any(axis=0))
    tall, long = np.ptp(rows), np.ptp(columns)
    assert tall >= TALL * long, f"the skull {tall} px tall, {long} px long"
    root = np.argwhere(tusk)
    nearest = root[np.argmax(root[:, 0])]  # the tusk where it leaves the skull (its back end)
    eye = 200 + fossils.ORBIT[1] * SIZE
    assert nearest[1] - eye >= SOCKET_LOW * SIZE, "its tusk leaves a socket low in front"



GREEN = 8  # levels of green over red: the bottle's glass (the bones and the tar are browns)
GLASS_PIXELS = 40  # of them in the bottle's box at least


def test_a_shoe_and_a_bottle_of_ours_lie_among_the_bones() -> None:
    """Nothing of the day lay with deep time's animals: with `remains`, a shoe and a green
    glass bottle lie among the bones in the cut, clear of them (test_bones_apart)."""
    params, setup = setup_of(load_timeline(SHIPPED), DEEP_TIME, (1920, 1080))
    cut = bones.Bones(params, setup)
    count = round(bones.BONES * params["amount"])
    laid = {find.name: (x, y) for find, x, y, _layer, _way
            in cut._laid(count, cut.image.get_size(), setup)}
    assert {"shoe", "bottle"} <= set(laid), sorted(laid)
    x, y = laid["bottle"]
    rgb = pygame.surfarray.array3d(cut.image)[int(x) - 40:int(x) + 40,
                                               int(y) - 30:int(y) + 30].astype(int)
    glass = int(((rgb[..., 1] - rgb[..., 0]) > GREEN).sum())
    assert glass >= GLASS_PIXELS, f"{glass} px of green glass"
