"""Papers blowing across Wilshire tumble: each sheet foreshortens as it turns end over end, has
a fold across it, and catches the light as it comes square to the sky."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.papers import TURNS, tumbling, turn_step
from installation.visuals.render import headless

PAPER = (150, 146, 138)
LENGTH = 60  # pixels


def _shown(step: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array_alpha(step) > 200


def test_a_sheet_foreshortens_as_it_turns() -> None:
    headless()
    areas = [int(_shown(step).sum()) for step in tumbling(LENGTH, PAPER, 0.3)]
    assert len(areas) == TURNS
    assert max(areas) > 3 * min(areas), f"flat on, then edge on: {areas}"


def test_a_sheet_has_a_fold_and_catches_the_light() -> None:
    headless()
    steps = tumbling(LENGTH, PAPER, 0.0)
    levels = []
    for step in steps:
        rgb = pygame.surfarray.array3d(step).sum(axis=2)
        levels.append(float(rgb[_shown(step)].mean()))
    assert max(levels) > 1.4 * min(levels), f"bright as it faces the sky, dull away: {levels}"
    flat = steps[0]  # lying flat to the eye along the picture's width: the fold down its middle
    rgb = pygame.surfarray.array3d(flat).sum(axis=2)
    middle = flat.get_width() // 2
    row = flat.get_height() // 2
    crease = rgb[middle - 1:middle + 2, row].min()
    halves = (rgb[middle - LENGTH // 5, row], rgb[middle + LENGTH // 5, row])
    assert crease < min(halves) - 20, f"a darker fold between the halves: {crease}, {halves}"


def test_a_sheet_turns_on_with_time() -> None:
    assert turn_step(0.0) == 0
    assert len({turn_step(k * 0.5) for k in range(20)}) > TURNS // 2
