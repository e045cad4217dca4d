"""The nearest ash flakes fall past the lens out of focus: soft blurs lit by the light there,
tumbling, never dark specks that read as dirt stuck on the screen."""

from __future__ import annotations

import random

import numpy as np
import pygame

from installation.visuals import ash

ASH = (150, 146, 140)  # the particles layer's ash colour
RADIUS = ash.SIZES[-1] * 1080  # a nearest flake at 1920x1080
TONES = 4  # each flake's tumble frames come in three tones of ash and a smouldering one


def near(turn: float, shade: float, seed: int = 2) -> pygame.Surface:
    """A nearest (out-of-focus) flake's tumble frame, of one tone of the ash colour."""
    return ash.flake_sprite(ash.outline(random.Random(seed)), RADIUS, turn,
                            ash.tone_of(ASH, shade), True)


def test_a_near_flake_is_soft_edged_with_no_hard_rim() -> None:
    """Out of focus its alpha rises gently from nothing to its middle: no step between two
    neighbouring pixels is more than a tenth of its peak, and much of it is half-seen."""
    for seed in (2, 5, 9):
        alpha = pygame.surfarray.array_alpha(near(0.0, ash.LIGHT, seed)).astype(int)
        peak = alpha.max()
        steps = max(np.abs(np.diff(alpha, axis=0)).max(), np.abs(np.diff(alpha, axis=1)).max())
        assert steps <= peak / 10, f"a step of {steps} in alpha (peak {peak}): a hard edge"
        shown = alpha[alpha > 0]
        assert (shown < peak / 2).mean() > 0.4, "most of it a soft fringe"


def test_a_near_flake_is_lit_from_above_and_brightens_as_it_turns_to_the_light() -> None:
    """Its top is paler than its foot (the sky's light from above), and face-on it is
    brighter than turned edge-on (it tumbles through the light, not a flat dot)."""
    def lit(sprite: pygame.Surface) -> tuple[float, float, float]:
        rgb = pygame.surfarray.array3d(sprite).astype(float).mean(axis=2)
        alpha = pygame.surfarray.array_alpha(sprite).astype(float)
        rows = np.nonzero(alpha.max(axis=0) > alpha.max() / 2)[0]
        top, foot = rows[: len(rows) // 3], rows[-(len(rows) // 3):]
        seen = alpha > alpha.max() / 2
        return (rgb[:, top][seen[:, top]].mean(), rgb[:, foot][seen[:, foot]].mean(),
                (rgb * alpha).sum() / 255)

    top, foot, face = lit(near(0.0, ash.LIGHT))
    assert top > foot + 15, f"its top {top:.0f}, its foot {foot:.0f}"
    edge_on = lit(near(0.5, ash.LIGHT))[2]
    assert face > 1.5 * edge_on, "face-on it shows more light than edge-on"


def test_no_near_flake_is_a_dark_smudge() -> None:
    """Every tone of a nearest flake (but a smouldering one) is pale ash: face-on, its colour
    where it shows is at least 0.6 of the ash colour (a dark blur near the lens reads as dirt
    on it; edge-on it dims, but then hardly shows)."""
    rng = random.Random(4)
    size = (480, 480)
    flakes = ash.Ash(size, 1.0, 1.0, ASH, 0.3, rng.randrange(1 << 30))
    soft = [index for index in range(len(flakes.flat))
            if index // (ash.SHAPES * TONES * ash.TUMBLE_FRAMES) >= ash.OUT_OF_FOCUS
            and index // ash.TUMBLE_FRAMES % TONES != TONES - 1 and index % ash.TUMBLE_FRAMES == 0]
    assert soft, "there are near flakes"
    for index in soft:
        sprite = flakes.flat[index]
        rgb = pygame.surfarray.array3d(sprite).astype(float).mean(axis=2)
        alpha = pygame.surfarray.array_alpha(sprite).astype(float)
        if alpha.max() == 0:
            continue
        tone = (rgb * alpha).sum() / alpha.sum()
        assert tone >= 0.6 * np.mean(ASH), f"a near flake of tone {tone:.0f}"
