"""While the calf waits alone, the place where her mother went under is not flat for good: a last
bubble of her air comes up there now and then, further apart, its rings spreading and fading
(her place went flat at 10:43 and stayed so for the 80 real s till noon: review 25 #7)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import at_once
from installation.visuals.mire_close import SECONDS, Closing
from installation.visuals.render import headless

SPAN = 300.0  # her height in pixels, as at 1080 rows
TAR = (60, 52, 44)
PLACE = (200, 100)  # her place on the tar, in the picture below
SEEN = 6  # levels: a change at her place a visitor sees
WAITS = 80.0  # real seconds after she went, the calf waits alone till noon (10:45-12:00: 72)


def painted(closing: Closing, since: float) -> int:
    """How many pixels round her place the closing paints `since` real seconds after she went."""
    surface = pygame.Surface((400, 200))
    surface.fill(TAR)
    closing.draw(surface, PLACE, closing.step(since))
    rgb = pygame.surfarray.array3d(surface).astype(int)
    return int((np.abs(rgb - np.array(TAR)).max(axis=2) >= SEEN).sum())


def test_a_last_bubble_comes_up_at_her_place_now_and_then_as_the_calf_waits() -> None:
    headless()
    closing = Closing(SPAN, (150, 140, 130))
    at_once(closing.pieces())
    moments = np.arange(SECONDS, WAITS, 1.0)
    seen = np.array([painted(closing, float(since)) > 0 for since in moments])
    spells = int(np.sum(seen[1:] & ~seen[:-1]) + seen[0])
    assert spells >= 3, f"{spells} bubbles at her place in the {WAITS - SECONDS:.0f} real s after"
    assert seen.mean() < 0.5, f"her place busy {seen.mean():.0%} of the time: not calm"
