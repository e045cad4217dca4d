"""One ash flake's tumble frames: a thin torn scrap (some curled), pale grey, its edge lighter."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, scaled

HARMONICS = (1, 2, 3, 4, 6)  # the outline's broad wobbles round the flake (torn, not round;
# each weaker than the last, so no one of them makes a star or a leaf of it)
WOBBLE = (0.06, 0.28)  # the first wobble's depth, of the radius, least and most
TORN = (9, 15, 0.18)  # the outline's small jags round it: fewest, most, how deep
LONG = (0.22, 0.55)  # a flake's width across its length: thin scraps, not discs or leaves
REACH = 3.1  # no flake reaches further from its middle than this many radii
CURL_BITE = (0.95, 1.2, 0.7)  # the bite's middle (of the radius) least and most, its radius
EDGE_ON = 0.14  # turned edge-on, a flake is this thin (of its width)
SOFT_EDGE = 0.7  # pixels over which a flake's edge fades out (sharp: never a blur)
OPAQUE = 240  # a flake's alpha
FAINT = 8  # alpha under which a flake's edge is left out
FACE = (1.0, 0.8)  # its body's light: its face turned to us, and its back (it tumbles; darker
# still, the backs read as falling stones)
RIM = (1.2, 0.3, 2.6)  # the lit edge: pixels at least, of the radius, pixels at most
RIM_FROM = 3.0  # flakes smaller than this many pixels have no lit edge (far specks: dark)
RIM_BELOW = (0.2, 1.5)  # the edge's light: where it starts, above its middle (of the
# radius), and how it grows to its foot (a power): lit from below, by the fires (a ring all
# round a darker middle reads as a bubble)


@dataclass(frozen=True)
class Outline:
    """A flake's outline in its own frame: broad wobbles (harmonic, depth, phase), small torn
    jags (how many, how deep, where they start), how long it is across its width, and where
    a curled flake's bite lies (None: flat)."""

    wobbles: tuple[tuple[int, float, float], ...]
    jags: int
    depth: float
    phase: float
    width: float
    bite: tuple[float, float, float] | None


@dataclass(frozen=True)
class Tone:
    """A flake's colours: its body and its edge (for ash a lighter edge round a darker body;
    for a cinder a glowing heart in a dark edge)."""

    middle: Color
    edge: Color
    lit_below: bool = True  # its edge shows only where the fires below light it (a cinder's
    # dark edge is all round it)


def outline(rng: random.Random, curled: bool) -> Outline:
    """A torn scrap of ash: wobbled and jagged, longer than wide, `curled` or flat."""
    wobbles = tuple((k, rng.uniform(*WOBBLE) / k ** 0.6, rng.uniform(0, 2 * math.pi))
                    for k in HARMONICS)
    bite = None
    if curled:
        angle = rng.uniform(0, 2 * math.pi)
        far = rng.uniform(CURL_BITE[0], CURL_BITE[1])
        bite = (far * math.cos(angle), far * math.sin(angle), CURL_BITE[2])
    return Outline(wobbles, rng.randint(TORN[0], TORN[1]), rng.uniform(0.4, 1.0) * TORN[2],
                   rng.uniform(0, 2 * math.pi), rng.uniform(*LONG), bite)


def tone_of(color: Color, shade: float, rim: float) -> Tone:
    """A flake's dark body (`shade` of the ash colour) and its edge, lit `rim` times lighter."""
    return Tone(scaled(color, shade), scaled(color, shade * rim))


def reach(shape: Outline, radius: float, across: np.ndarray, down: np.ndarray) -> np.ndarray:
    """How far inside the flake each point is, in pixels (negative outside): points given in
    the flake's own frame, in pixels from its middle."""
    angle = np.arctan2(down, across)
    wobble = 1 + sum(depth * np.sin(k * angle + phase) for k, depth, phase in shape.wobbles)
    saw = np.abs(((shape.jags * angle + shape.phase) / math.pi) % 2 - 1)  # 0..1 teeth
    edge = radius * wobble * (1 - shape.depth * saw)
    inside = edge - np.hypot(across, down / shape.width) * shape.width ** 0.5
    if shape.bite is not None:
        x, y, size = shape.bite
        inside = np.minimum(inside, np.hypot(across - x * radius, down - y * radius)
                            - size * radius)
    return inside


def flake_sprite(shape: Outline, radius: float, turn: float, tone: Tone) -> pygame.Surface:
    """One tumble frame: the flake turned `turn` (0..1) of a whole turn over, foreshortened to
    a thin sliver edge-on, its face lighter than its back, its edge lit (lighter below, where
    the fires are), its outline sharp."""
    spin = math.cos(turn * 2 * math.pi)
    squash = max(EDGE_ON, abs(spin))
    y, inside = _turned(shape, radius, turn, squash)
    cover = np.clip(inside / SOFT_EDGE + 0.5, 0, 1)
    alpha = cover / max(float(cover.max()), 1e-6) * OPAQUE  # a speck too
    alpha[alpha < FAINT] = 0  # too faint to show: cut off, so the blit is smaller
    face = FACE[0] if spin >= 0 else FACE[1]
    face = FACE[1] + (face - FACE[1]) * abs(spin) ** 0.5  # edge-on: between the two
    body = np.array(tone.middle, np.float32) * face
    edge = np.array(tone.edge, np.float32)
    rim = max(RIM[0], min(RIM[1] * radius, RIM[2]))
    lit = 0.0 if radius < RIM_FROM else 1.0
    edge_light = (np.clip(RIM_BELOW[0] + y / max(1.0, radius), 0, 1) ** RIM_BELOW[1]
                  if tone.lit_below else 1.0)
    on_edge = (lit * np.clip(1.5 - inside / rim, 0, 1) * edge_light)[..., None]
    rgb = body + (edge - body) * on_edge
    return _sprite(rgb, alpha)


def _turned(shape: Outline, radius: float, turn: float, squash: float
            ) -> tuple[np.ndarray, np.ndarray]:
    """A tumble frame's rows (pixels down from its middle, on a square wide enough for the
    flake) and how far inside the turned, foreshortened flake each pixel is."""
    angle = turn * 2.0
    side = 2 * (math.ceil(radius * REACH) + 2) + 1  # odd: a pixel at the flake's middle
    axis = np.arange(side, dtype=np.float32) - (side - 1) / 2
    x, y = axis[:, None], axis[None, :]
    across = (x * math.cos(angle) + y * math.sin(angle)) / squash  # into the flake's frame
    down = -x * math.sin(angle) + y * math.cos(angle)
    return y, reach(shape, radius, across, down) * squash  # (pixels across its thin side)


def _sprite(rgb: np.ndarray, alpha: np.ndarray) -> pygame.Surface:
    """A per-pixel-alpha sprite of these colours and alphas (x, y)."""
    side = alpha.shape[0]
    image = pygame.Surface((side, side), pygame.SRCALPHA)
    pygame.surfarray.pixels3d(image)[:] = np.clip(rgb, 0, 255).astype(np.uint8)
    pygame.surfarray.pixels_alpha(image)[:] = alpha.astype(np.uint8)
    return image
