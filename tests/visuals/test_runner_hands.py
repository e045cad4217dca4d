"""Runners' hands read as hands, not clubs: out of the sleeve at the wrist, no broader than the
wrist, tapering along the forearm, and as dark as the face. A small runner lit from behind (the
mall's searchlights at 04:50, first light on Wilshire) once showed each hand as a pale knob
lit through by the rim at the end of a dark sleeve, and the hand broadest at its end (the
diner at 04:23): someone carrying a club."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pygame
import pytest

from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.skeleton import GAIT, HEAD, WIDTHS, Body, Point
from installation.visuals.wardrobe import CROWDS, bare_hands

PHASES = (0.1, 0.35, 0.6, 0.85)
STYLES = ("pump", "drive", "throw", "reach")
BODY, CLOTHES = (16, 15, 20), (106, 52, 56)  # the mall's runners: dark, a red top
LIGHTS = {"searchlights": ((228, 234, 255), True), "first light": ((255, 176, 122), False)}
SMALL = 80  # pixels tall: a runner on the mall's lot or far up Wilshire
OWN_FACE = 25  # a hand's mean brightness (0-255) is no more than this over its face's
SKIN = 10  # unlit, a hand is the face's tone within this
REACH = 0.056  # of the height: how far a hand reaches on past the wrist (a small fist)
FACE = 0.8  # of the head's radius: the face's middle, looked at for its tone


def _runner(style: str, phase: float) -> Body:
    gait = replace(GAIT, arms=style, wild=0.5)
    return pose("run", phase, gait=gait)


def _lum(frame: np.ndarray) -> np.ndarray:
    return frame[..., 0] * 0.2126 + frame[..., 1] * 0.7152 + frame[..., 2] * 0.0722


def _tones(body: Body, rim: tuple[int, int, int] | None, above: bool) -> tuple[float, float]:
    """The mean brightness of the near hand and of the middle of the face of a runner SMALL
    pixels tall in a jacket, lit by `rim` (None: unlit)."""
    outfit = replace(CROWDS["fleeing"][3], carry="none", coat="jacket")
    look = Look(SMALL, BODY, rim, outfit=outfit, clothes=CLOTHES, rim_above=above)
    sprite, feet = sprite_for(body, look, False)
    rgb = _lum(pygame.surfarray.array3d(sprite).astype(float))
    solid = pygame.surfarray.array_alpha(sprite) > 128
    xs, ys = np.mgrid[0 : solid.shape[0], 0 : solid.shape[1]] + 0.5

    def at(p: Point) -> Point:
        return feet[0] + p[0] * SMALL, feet[1] - p[1] * SMALL

    hand = np.zeros(solid.shape, bool)
    for piece in bare_hands(body)[3:6]:  # the near hand (drawn last, over the body)
        (ax, ay), (bx, by) = at(piece.a), at(piece.b)
        dx, dy = bx - ax, by - ay
        k = np.clip(((xs - ax) * dx + (ys - ay) * dy) / (dx * dx + dy * dy or 1.0), 0, 1)
        hand |= np.hypot(xs - ax - k * dx, ys - ay - k * dy) <= piece.width * SMALL / 2
    cx, cy = at(body.head)
    face = np.hypot(xs - cx, ys - cy) < FACE * HEAD * SMALL
    return float(rgb[hand & solid].mean()), float(rgb[face & solid].mean())


@pytest.mark.parametrize("light", sorted(LIGHTS))
def test_a_small_runners_hand_lit_from_behind_is_as_dark_as_the_face(light: str) -> None:
    headless()
    rim, above = LIGHTS[light]
    for style in STYLES:
        for phase in PHASES:
            hand, face = _tones(_runner(style, phase), rim, above)
            assert hand <= face + OWN_FACE, (light, style, phase, hand, face)


def test_an_unlit_hand_takes_the_faces_skin_tone() -> None:
    headless()
    for style in STYLES:
        hand, face = _tones(_runner(style, 0.35), None, False)
        assert abs(hand - face) <= SKIN, (style, hand, face)


def test_a_hand_is_no_broader_than_the_wrist_tapers_and_is_short() -> None:
    for style in STYLES:
        for phase in PHASES:
            body = _runner(style, phase)
            for piece in bare_hands(body):
                assert max(piece.width, piece.end_width) <= WIDTHS["wrist"], (style, piece)
                for end, wide in ((piece.a, piece.width), (piece.b, piece.end_width)):
                    assert _from_wrist(end, body) + wide / 2 <= REACH, (style, phase, piece)
            _palm, fingers, _thumb = bare_hands(body)[3:6]
            assert fingers.end_width < fingers.width / 2, (style, fingers)


def _from_wrist(p: Point, body: Body) -> float:
    """How far `p` is from the nearer wrist (figure heights)."""
    return min(
        float(np.hypot(p[0] - w[0], p[1] - w[1]))
        for w in (body.joints["wrist0"], body.joints["wrist1"])
    )
