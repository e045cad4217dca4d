"""The morning's light wipe at the tar pits brightens one broken skyline, never two cities at
once: the night's ruins stand where the morning's stand."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline

from .helpers import draw

ROOT = Path(__file__).parent.parent.parent
SMALL = (640, 360)
SKY_ROW = 180  # above the tallest ruin: the sky each column's ruins are darker than
BAND = (slice(200, 447), slice(186, 220))  # x 600-1340, y 558-660 at 1920x1080: the ruins
# between the palms and the fires' smoke
DARKER = 12  # levels: a ruin's pixel is this much darker than the sky above it
SAME = 0.9  # of the pixels either picture's ruins cover, both cover (two skylines: 0.70-0.73)


def ruins(at: str) -> np.ndarray:
    """Where the broken towers stand dark against the sky in the band, at story time `at`
    (the shipped timeline without its pace: the 12 s wipe runs 10:30:00-10:30:12)."""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    rgb = pygame.surfarray.array3d(draw(line, at, size=SMALL)).astype(float)
    light = rgb @ np.array([0.3, 0.59, 0.11])
    return np.asarray(light[BAND] < light[BAND[0], SKY_ROW:SKY_ROW + 1] - DARKER)


def overlap(one: np.ndarray, other: np.ndarray) -> float:
    """How much of what either covers both cover."""
    return float((one & other).sum() / (one | other).sum())


def test_the_light_wipe_brightens_one_skyline() -> None:
    """The night's ruins (10:29:59), the wipe's middle (10:30:06) and the morning's (10:36)
    cover the same pixels: the foreground wipes, the city does not double (the night's
    skyline, taller and lower, stood over the morning's: blue-grey ghost towers among the
    brown ones, x 600-870 and 1210-1340, y 595-650)."""
    night, middle, morning = (ruins(at) for at in ("10:29:59", "10:30:06", "10:36:00"))
    assert morning.mean() > 0.2  # (the ruins are there)
    assert overlap(night, morning) > SAME
    assert overlap(middle, morning) > SAME
