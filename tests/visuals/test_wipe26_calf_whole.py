"""The calf on the near bank comes whole out of the 10:30 light wipe, as the light reaches her
crown: cut across by the front, her lit back rose out of it on top of the night's skull in the
tar, an orange dome on a white skull, two pictures at once (review 26 #2). Her coat is told
apart here by colour: red, on the night's blue tar."""

from __future__ import annotations

import functools

import pygame

from .helpers import NO_POST, layer
from .test_tar26_wipe_whole import drawn_through

SKY = layer("sky", top="#606060", bottom="#808080", horizon=0.5, sun=False, clouds=0, stars=0)
CALF = {"shape": "calf", "x": 0.6, "y": 0.95, "scale": 0.6, "bank": True, "color": "#c02008"}
TWO = (f'[[scene]]\nat = "08:00"\nname = "deep"\n{SKY}{layer("tarpit", y=0.5, color="#101840")}'
       f'{NO_POST}'
       f'[[scene]]\nat = "10:30"\nname = "morning"\n'
       f'transition = {{ type = "light-wipe", seconds = 12 }}\n{SKY}'
       f'{layer("tarpit", y=0.5)}{layer("silhouette", **CALF)}{NO_POST}')
COAT = 60  # levels of red over blue and green: her coat
ABOVE_BANK = 246  # rows above the bank she stands on (lit red too, it comes with the front)
STEPS = 30  # frames looked at, as the front comes down over the land (0.4-1.0 of the way)


def coat(surface: pygame.Surface) -> int:
    """How many pixels of the picture above the bank show her coat."""
    rgb = pygame.surfarray.array3d(surface).astype(int)[:, :ABOVE_BANK]
    red = rgb[..., 0] - rgb[..., 1:].max(axis=2)
    return int((red >= COAT).sum())


@functools.cache
def coats() -> list[tuple[float, int]]:
    """Each frame's progress and how much of her shows, drawn by one compositor in turn."""
    return drawn_through(TWO, (0.4 + 0.6 * step / STEPS for step in range(STEPS + 1)), coat)


def test_the_calf_comes_whole_as_the_light_reaches_her_never_cut_by_the_front() -> None:
    looks = coats()
    whole = looks[-1][1]
    assert whole > 200, "she is not there once the morning has come"
    for progress, shows in looks:
        assert shows < 0.05 * whole or shows > 0.8 * whole, (
            f"{progress:.2f} of the way: {shows} of her {whole} pixels: cut by the front")
