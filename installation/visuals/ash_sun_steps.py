"""When the sun's light steps, band by band: each step of its strength goes down the picture a
band of rows every frame or two (a whole step at once repainted all it lights in one frame)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from installation.core.timeutil import DAY_SECONDS
from installation.visuals.base import Setup
from installation.visuals.figure_sun import scene_span

STEPS = 48  # it strengthens in this many steps: every ~3 real s at the shipped pace, each at
# most ~3% of its light (16 showed as small pops)
WIPE_ROWS = 60  # a step goes over this many rows of the picture a frame
BAND_SECONDS = 1.5 / 60  # real seconds between two bands: a frame and a half at 60 fps (a
# frame exactly, two bands fell in one frame where the frames' times met the bands')
WIPE_SHARE = 0.5  # a step's wipe takes at most this share of the step (a very fast pace)

BandSteps = tuple[int, ...]  # each band's step, top first


@dataclass(frozen=True)
class Wipe:
    """The steps of a light seen from `begin` to `end` (story seconds into the scene), each
    band of rows from `top` taking it `delay` story seconds after the band above."""

    begin: float
    end: float
    goes: bool
    top: int
    bands: int
    delay: float

    def steps(self, into: float) -> BandSteps:
        """Each band's step, `into` story seconds into the scene."""
        length = max(1.0, self.end - self.begin)
        out = []
        for band in range(self.bands):
            share = (into - band * self.delay - self.begin) / length
            step = max(0, min(STEPS, math.floor(share * STEPS)))
            out.append(STEPS - step if self.goes else step)
        return tuple(out)

    def rows(self, band: int) -> tuple[int, int]:
        """The rows of the picture a band covers (top, bottom)."""
        top = self.top + band * WIPE_ROWS
        return top, top + WIPE_ROWS

    def changed(self, old: BandSteps, new: BandSteps, width: int) -> list[pygame.Rect]:
        """The bands of rows whose step differs between two looks, `width` wide, joined where
        they touch."""
        areas: list[pygame.Rect] = []
        for band, (was, now) in enumerate(zip(old, new, strict=True)):
            if was == now:
                continue
            top, bottom = self.rows(band)
            if areas and areas[-1].bottom == top:
                areas[-1].height += bottom - top
            else:
                areas.append(pygame.Rect(0, top, width, bottom - top))
        return areas


def wipe_of(setup: Setup, span: tuple[float, float], goes: bool,
            rows: tuple[int, int]) -> Wipe:
    """The wipe of a light seen over `span` (story seconds into the scene) on `rows` of the
    picture: a band every BAND_SECONDS at the scene's pace (a second of story a real second
    without one), the whole wipe within WIPE_SHARE of a step."""
    begins, length = scene_span(setup)
    rate = 1.0
    if setup.pace is not None:
        real = setup.pace.real_between(begins, (begins + length) % DAY_SECONDS)
        rate = length / real if real > 0 else 1.0
    bands = max(1, -(-(rows[1] - rows[0]) // WIPE_ROWS))
    step = (span[1] - span[0]) / STEPS
    delay = min(rate * BAND_SECONDS, WIPE_SHARE * step / bands) if step > 0 else 0.0
    return Wipe(span[0], span[1], goes, rows[0], bands, delay)
