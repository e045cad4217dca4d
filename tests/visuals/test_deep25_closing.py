"""The mother's going under (10:41:52, "The sun comes back to the tar pits"): the tar closes over
her. For several real seconds after the last of her has gone her place on it is not its calm:
it heaves over her, the last of her air comes up in bubbles and its sheen lies broken there
(she went as in a cut: a trunk stub, then flat tar with two rings spreading far off)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.core.clock import ClockSettings, StoryClock
from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame

from .test_mammoth_head import shipped
from .test_mammoth_sinks import built

SCENE = "The sun comes back to the tar pits"
GREY = 120  # the flat tar she is drawn on alone
AFTER = (0.5, 2.5, 4.5, 6.5)  # real seconds after the last of her has gone
DIFFER = 4  # levels off the flat tar that a visitor sees on it ...
LEAST = 150  # ... in at least this many pixels over her place (base: 0 from 0.5 s on; now
# 3000 at 0.5 s, 240 at 6.5 s)
BUBBLING = 3  # the first of AFTER that show her bubbles and the heave over her place, lit and
# shaded (later, its sheen alone, settling)
ACROSS, UP, DOWN = 0.12, 0.05, 0.03  # her place: this far each side and up and down, in her
# heights (her rings, spread past it, leave it as it was)


@cache
def frames() -> list[np.ndarray]:
    """Her alone over flat grey tar at each of AFTER, as luminance (columns x rows), and the
    box over her place."""
    her = built(SCENE)
    line = shipped()
    clock = StoryClock(ClockSettings(), line.day_start, line.pace)
    gone = her.sinking.gone_at(her.line - her.feet[1])
    assert gone is not None
    first, last = parse_clock("10:31"), parse_clock("10:44")  # (one pace: story s a real s)
    rate = (last - first) / (state_at(line, last, clock).scene_seconds
                             - state_at(line, first, clock).scene_seconds)
    x = her.feet[0] + her._ring_middle(0, her.tip.ripples if her.tip else None)
    box = (slice(x - round(ACROSS * her.span), x + round(ACROSS * her.span)),
           slice(her.line - round(UP * her.span), her.line + round(DOWN * her.span)))
    out = []
    for after in AFTER:
        story = gone + after * rate
        state = state_at(line, story, clock)
        surface = pygame.Surface((1920, 1080))
        surface.fill((GREY,) * 3)
        her.draw(surface, Frame(story, state.scene_seconds, state))
        luma = pygame.surfarray.array3d(surface) @ np.array([0.3, 0.59, 0.11])
        out.append(luma[box])
    return out


def test_for_seconds_after_she_has_gone_the_tar_over_her_place_is_not_calm() -> None:
    for after, box in zip(AFTER, frames(), strict=True):
        moved = int((np.abs(box - GREY) >= DIFFER).sum())
        assert moved >= LEAST, f"{after} real s after she went: {moved} pixels stirred"


def test_the_tar_over_her_place_shows_light_and_shade_a_bubble_or_swell() -> None:
    """Its heave and her bubbles' domes catch the sky on top and are shaded down their fronts;
    their rings are lit crests and troughs: both, not a flat stain."""
    for after, box in zip(AFTER[:BUBBLING], frames(), strict=False):
        lit, shaded = int((box >= GREY + DIFFER).sum()), int((box <= GREY - DIFFER).sum())
        assert min(lit, shaded) >= LEAST // 10, f"{after} s: {lit} lit, {shaded} shaded"
