"""The tar pits' transitions without a double exposure: the palms stand where the next scene's
palms stand, and the sinking mammoth stays put as the morning comes up."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline

from .helpers import draw

ROOT = Path(__file__).parent.parent.parent
SMALL = (640, 360)
CROWNS = 0.35  # the top of the picture, where only the palms stand dark against the sky
REACH = 4  # pixels: a palm this near another stands in its place (their crowns sway apart)


def palms(line: Timeline, at: str) -> np.ndarray:
    """Where the palms stand dark against the sky, in the top of the picture."""
    frame = pygame.surfarray.array3d(draw(line, at, size=SMALL))
    return frame[:, :int(SMALL[1] * CROWNS)].astype(int).mean(axis=2) < 70


def near(mask: np.ndarray, reach: int = REACH) -> np.ndarray:
    """The pixels within `reach` of the mask's (a square round each)."""
    grown = np.zeros_like(mask)
    width, height = mask.shape
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            grown[max(0, dx):width + min(0, dx), max(0, dy):height + min(0, dy)] |= mask[
                max(0, -dx):width - max(0, dx), max(0, -dy):height - max(0, dy)]
    return grown


def test_the_palms_stand_where_the_next_scenes_palms_stand() -> None:
    """The burnt palms of the morning as noon comes back: every palm pixel of the scene being
    left is where a palm of the arriving scene stands (at noon's old places, 43% of its palms
    were where the afternoon had none: two sets of palms showed through the fade). (The
    afternoon, 14:30, cuts to a camera of its own: nothing of noon shows through a cut.)"""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    for left, arrived in (("11:59:59", "12:00:12"),):
        old, new = palms(line, left), palms(line, arrived)
        assert old.sum() > 300, left
        assert (old & near(new)).sum() / old.sum() > 0.97, left


HAZED = 4  # levels: she shows this much darker than the tar through the morning haze
MAMMOTH = (slice(int(0.40 * SMALL[0]), int(0.62 * SMALL[0])),  # round her head and trunk
           slice(int(0.62 * SMALL[1]), int(0.79 * SMALL[1])))  # above the tar at 10:30


def test_the_sinking_mammoth_stays_put_as_the_morning_light_passes() -> None:
    """Where the night leaves her at 10:30 (head, tusk and raised trunk above the tar), the
    morning that sweeps in has her too: once the light has passed, her pixels are still
    darker than the tar round her, through the morning haze (the arriving scene had no
    mammoth: her trunk faded in the light and was gone, her pixels the tar's, 17% of them
    darker)."""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    night, morning = (pygame.surfarray.array3d(draw(line, at, size=SMALL)).astype(int)
                      .mean(axis=2)[MAMMOTH] for at in ("10:29:59", "10:36:00"))
    her = night < np.median(night) * 0.7  # darker than the tar round her (her brown coat)
    assert her.sum() > 400
    tar = np.median(morning[~near(her)])
    assert (morning[her] < tar - HAZED).mean() > 0.6, (morning[her].mean(), tar)
