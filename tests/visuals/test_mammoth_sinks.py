"""The mother mammoth visibly sinks over each scene she is trapped in, from the hips to the
shoulders (the shipped timeline's `sink` and `sinking`: at 08:00 she once sank 0.058 of her
height between 09:15 and 10:28, which read as the same depth)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pygame

from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame

from .test_mammoth_head import mother

SEEN = 0.15  # the tar line climbs at least this share of her height over the scene


def sunk_share(scene: str, at: str) -> float:
    her = mother(scene)
    frame = cast(Frame, SimpleNamespace(story_time=parse_clock(at)))  # her depth reads only this
    return her.sunk(frame) / her.span


def test_she_sinks_from_the_hips_to_the_shoulders_over_the_scene() -> None:
    for scene, early, late in (("La Brea Tar Pits", "12:05", "14:25"),
                               ("The tar keeps everything", "08:05", "10:25")):
        first, last = sunk_share(scene, early), sunk_share(scene, late)
        assert last - first >= SEEN, f"{scene}: {first:.2f} -> {last:.2f}"


def test_as_the_sun_comes_back_she_goes_under_and_the_calf_is_left_alone() -> None:
    """At 10:30 she stood at one depth for three minutes; now she goes on from where the
    night left her (08:00's depth at its end) until the tar has closed over her before noon:
    nothing of her shows above it (the day begins again from the empty tar)."""
    first = sunk_share("The sun comes back to the tar pits", "10:30")
    assert abs(first - sunk_share("The tar keeps everything", "10:29:59")) < 0.01
    assert sunk_share("The sun comes back to the tar pits", "11:00") >= first + SEEN / 2
    her = mother("The sun comes back to the tar pits")
    frame = cast(Frame, SimpleNamespace(story_time=parse_clock("11:55")))
    visible = her._visible(her.sunk(frame))
    assert visible <= 0 or not pygame.mask.from_surface(
        her.image.subsurface((0, 0, her.image.get_width(), visible))).count()
