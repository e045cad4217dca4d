"""Ash: soft grey-white flakes with darker, charred edges, at many depths, that tumble down
slowly; the nearest fall past the lens out of focus, soft blurs lit from above that flutter and
brighten as they turn to the light; a few small ones low over the burning ground are cinders
still glowing in their hearts."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, at_once, mix, scaled
from installation.visuals.sprites import visible

MAX_FLAKES = 700
SHAPES = 3  # different flake outlines
TUMBLE_FRAMES = 6  # a flake turning over: its width shrinks to an edge and widens again
SIZE_STEPS = 5  # depths, far (a speck) to near (a big, soft flake)
SIZES = (0.0012, 0.0026, 0.0045, 0.008, 0.02)  # flake radius per depth, of the picture height
FALL = (0.006, 0.009, 0.013, 0.02, 0.055)  # picture heights per real second, per depth: the
# nearest pass the lens fast, as things falling close by do
OUT_OF_FOCUS = 4  # depths from this one on are blurred (too near for the lens)
DARK, LIGHT = 0.4, 0.95  # the darkest and lightest flake, times the ash colour
SWAY = 0.012  # sideways flutter, picture widths
FLUTTER = 0.5  # its pace, radians a real second (times a flake's spin)
NEAR_SWAY, NEAR_FLUTTER = 0.03, 1.3  # the out-of-focus flakes flutter wider and quicker
TUMBLE_HZ = 0.35
LOBES = (2, 4)  # a flake is a few soft round lobes run together
RAGGED = (4, 9, 0.12)  # its edge's bumps round it: fewest, most, how deep (of its radius)
PALE = 1.18  # a flake's middle, paler than its tone (ash is grey-white where it is thin)
CHARRED = 0.55  # its edge, darker than its tone (the burnt rim of what it was)
RIM = (0.9, 0.4)  # the charred rim's width: pixels at least, and of the radius at most
SOFT_EDGE = 0.8  # pixels over which a flake's edge fades out
# A flake too near for the lens is a soft blur of ash lit by the light there: no rim, no edge
# (it fades out over most of its radius), its side towards the sky above paler, brighter as it
# turns its face to the light and dimmer edge-on; only paler ash tones (a dark blur reads as a
# smudge on the screen).
BLURRED = 0.3  # its blur: a gaussian this wide (of its radius)
BLUR_REACH = 3.0  # its sprite reaches this many blur widths past the flake
RAGGED_OUT = 0.2  # a flake's lobes and bumps reach this much past its radius
BLURRED_MIDDLE = 0.7  # its colour, this far from its charred tone to its pale one
BLURRED_SHADES = (0.7, 0.82, 0.95)  # its tones, times the ash colour
LIT_ABOVE = 0.22  # how much paler its top is than its middle (and darker its foot)
FACE_LIT = (0.78, 0.32)  # its brightness: edge-on, and how much more face-on
FAINT = 8  # alpha under which a flake's edge is left out (at most 3 levels of the picture)
OPAQUE = (235, 150)  # a flake's alpha: in focus, out of focus
EMBER_SHARE = 0.1  # flakes of the middle depth that may still be smouldering
EMBER_DEPTHS = (2,)  # the depths that smoulder: small (far specks never do, and a glowing
# flake near the lens, blurred, read as an orange blot or ring on the screen)
EMBER_ROWS = (0.6, 0.82)  # they glow only this low in the picture: over the burning ground
EMBER_HEART: Color = (214, 92, 34)  # a cinder's glowing heart...
EMBER_EDGE: Color = (52, 44, 40)  # ...inside its burnt dark edge (no ring of fire round grey)


@dataclass(frozen=True)
class Outline:
    """A flake's outline in a unit box: round lobes (x, y, radius) run together, and bumps
    along its edge (how many round it, how deep, where they start)."""

    lobes: tuple[tuple[float, float, float], ...]
    bumps: int
    depth: float
    phase: float


@dataclass(frozen=True)
class Tone:
    """A flake's colours: its pale middle and its darker edge."""

    middle: Color
    edge: Color


def outline(rng: random.Random) -> Outline:
    """A flake: a few overlapping lobes, its edge rippled with a few bumps."""
    lobes = tuple((rng.uniform(-0.3, 0.3), rng.uniform(-0.25, 0.25), rng.uniform(0.5, 0.75))
                  for _ in range(rng.randint(*LOBES)))
    return Outline(lobes, rng.randint(RAGGED[0], RAGGED[1]), rng.uniform(0.3, 1.0) * RAGGED[2],
                   rng.uniform(0, 2 * math.pi))


def tone_of(color: Color, shade: float) -> Tone:
    """A flake's pale middle and charred edge for a tone `shade` of the ash colour."""
    base = scaled(color, shade)
    return Tone(scaled(base, PALE), scaled(base, CHARRED))


def reach(shape: Outline, radius: float, across: np.ndarray, down: np.ndarray) -> np.ndarray:
    """How far inside the flake each point is, in pixels (negative outside): points given in
    the flake's own frame, in pixels from its middle."""
    inside = np.full(across.shape, -np.inf)
    angle = np.arctan2(down, across)
    ripple = 1 + shape.depth * np.sin(shape.bumps * angle + shape.phase)
    for x, y, size in shape.lobes:
        lobe = size * radius * ripple
        inside = np.maximum(inside, lobe - np.hypot(across - x * radius, down - y * radius))
    return inside


def flake_sprite(shape: Outline, radius: float, turn: float, tone: Tone,
                 soft: bool) -> pygame.Surface:
    """One tumble frame: the flake turned by `turn` (0..1 of half a turn) and foreshortened,
    pale in the middle, darker at its edge, its edge soft (out of focus: see `blurred`)."""
    squash = max(0.18, abs(math.cos(turn * math.pi)))
    if soft:
        return _out_of_focus(shape, radius, turn, squash, tone)
    _, _, inside = _turned(shape, radius, turn, squash, SOFT_EDGE)
    cover = np.clip(inside / SOFT_EDGE + 0.5, 0, 1) ** 1.5
    alpha = cover / max(float(cover.max()), 1e-6) * OPAQUE[0]  # a speck too
    alpha[alpha < FAINT] = 0  # too faint to show: cut off, so the blit is smaller
    rim = max(RIM[0], min(RIM[1] * radius, 2.5))
    middle = np.clip(inside / rim, 0, 1)[..., None]
    rgb = (np.array(tone.edge, np.float32) + (np.array(tone.middle, np.float32)
                                               - np.array(tone.edge, np.float32)) * middle)
    return _sprite(rgb, alpha)


def _turned(shape: Outline, radius: float, turn: float, squash: float, edge: float
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A tumble frame's pixels (x across, y down from its middle, on a square wide enough for
    the flake and its soft `edge`) and how far inside the turned, foreshortened flake each is."""
    angle = turn * 2.0
    pad = math.ceil(edge) + 1
    side = 2 * (math.ceil(radius) + pad) + 1  # odd: a pixel at the flake's middle
    axis = np.arange(side, dtype=np.float32) - (side - 1) / 2
    x, y = axis[:, None], axis[None, :]
    across = (x * math.cos(angle) + y * math.sin(angle)) / squash  # into the flake's frame
    down = -x * math.sin(angle) + y * math.cos(angle)
    return x, y, reach(shape, radius, across, down) * squash  # (pixels across its thin side)


def _out_of_focus(shape: Outline, radius: float, turn: float, squash: float,
                  tone: Tone) -> pygame.Surface:
    """A tumble frame of a flake too near for the lens: its shape blurred (a gaussian as wide
    as BLURRED of its radius, the same every way: edge-on it is a dim soft stroke), lit."""
    sigma = BLURRED * radius
    _, y, inside = _turned(shape, radius, turn, squash, BLUR_REACH * sigma + RAGGED_OUT * radius)
    cover = blur(np.clip(inside / SOFT_EDGE + 0.5, 0, 1), sigma)
    alpha = cover * OPAQUE[1]
    alpha[alpha < FAINT] = 0  # too faint to show: cut off, so the blit is smaller
    return _sprite(blurred(tone, radius, squash, y), alpha)


def blur(cover: np.ndarray, sigma: float) -> np.ndarray:
    """A square of coverage blurred by a gaussian `sigma` pixels wide (rows, then columns)."""
    steps = np.arange(cover.shape[0], dtype=np.float32)
    weights = np.exp(-0.5 * ((steps[:, None] - steps[None, :]) / sigma) ** 2)
    weights /= weights.sum(axis=1, keepdims=True)
    return weights @ cover @ weights.T


def blurred(tone: Tone, radius: float, squash: float, y: np.ndarray) -> np.ndarray:
    """An out-of-focus flake's colour down its rows (`y`, pixels from its middle): one tone
    between its charred and pale ones, lit from above, brighter the more it faces us."""
    base = np.array(mix(tone.edge, tone.middle, BLURRED_MIDDLE), np.float32)
    above = 1 - LIT_ABOVE * np.clip(y / radius, -1, 1)
    light = (FACE_LIT[0] + FACE_LIT[1] * squash) * above
    return base * light[..., None]  # (one row of columns: the same across)


def _sprite(rgb: np.ndarray, alpha: np.ndarray) -> pygame.Surface:
    """A per-pixel-alpha sprite of these colours and alphas (x, y)."""
    side = alpha.shape[0]
    image = pygame.Surface((side, side), pygame.SRCALPHA)
    pygame.surfarray.pixels3d(image)[:] = np.clip(rgb, 0, 255).astype(np.uint8)
    pygame.surfarray.pixels_alpha(image)[:] = alpha.astype(np.uint8)
    return image


class Ash:
    """Flakes whose places are a function of time alone; drawn with ordinary alpha, so they
    darken a pale sky and lighten dark ground, as ash does (never a lit dot)."""

    def __init__(self, size: tuple[int, int], amount: float, scale: float, color: Color,
                 wind: float, seed: int) -> None:
        at_once(self.pieces(size, amount, scale, color, wind, seed))

    def pieces(self, size: tuple[int, int], amount: float, scale: float, color: Color,
               wind: float, seed: int) -> Pieces:
        """Make the flakes, pausing after each set of tumble frames (360 sprites in all: made
        at once they held up a frame building ahead by 60-90 ms)."""
        self.size = size
        self.wind = wind
        rng = random.Random(seed)
        shapes = [outline(rng) for _ in range(SHAPES)]
        ember = Tone(EMBER_HEART, EMBER_EDGE)  # the last tone: a flake still smouldering
        tones = (*(tone_of(color, shade) for shade in (DARK, (DARK + LIGHT) / 2, LIGHT)), ember)
        near = (*(tone_of(color, shade) for shade in BLURRED_SHADES), ember)
        height = size[1]
        images: list[pygame.Surface] = []
        corners: list[tuple[int, int]] = []  # where each sprite's part that shows lies in it
        for d in range(SIZE_STEPS):
            for s in range(SHAPES):
                for t in range(len(tones)):
                    for f in range(TUMBLE_FRAMES):  # in the order `first` below counts them
                        soft = d >= OUT_OF_FOCUS
                        image, corner = visible(flake_sprite(
                            shapes[s], max(0.7, SIZES[d] * height * scale), f / TUMBLE_FRAMES,
                            (near if soft else tones)[t], soft))
                        images.append(image)
                        corners.append(corner)
                    yield
        # Picked for every flake at once by their numbers (numpy): a Python lookup a flake
        # made each number an object first, ~5% of the layer's frame time.
        self.flat = np.fromiter(images, dtype=object, count=len(images))
        self.dx = np.array([corner[0] for corner in corners])
        self.dy = np.array([corner[1] for corner in corners])
        count = round(MAX_FLAKES * amount)
        # Most ash is far away: small depths are the most common. One row per flake.
        x, y = [rng.random() for _ in range(count)], [rng.random() for _ in range(count)]
        depth = [min(SIZE_STEPS - 1, int(SIZE_STEPS * rng.random() ** 2.6)) for _ in range(count)]
        shape = [rng.randrange(SHAPES) for _ in range(count)]
        tone = [rng.randrange(len(tones) - 1) for _ in range(count)]
        smoulders = [rng.random() < EMBER_SHARE and d in EMBER_DEPTHS for d in depth]
        self.phase = np.array([rng.random() * 6.283 for _ in range(count)])
        self.spin = np.array([rng.uniform(0.5, 1.5) for _ in range(count)])
        self.x, self.y = np.array(x), np.array(y)
        self.fall = np.array(FALL)[depth] * (0.8 + 0.4 * self.spin / 1.5)
        blur = np.array(depth) >= OUT_OF_FOCUS
        self.sway = np.where(blur, NEAR_SWAY, SWAY)
        self.flutter = np.where(blur, NEAR_FLUTTER, FLUTTER)
        # Where each flake's tumble frames start in the flat list of sprites.
        self.first = np.array([((d * SHAPES + s) * len(tones) + t) * TUMBLE_FRAMES
                               for d, s, t in zip(depth, shape, tone, strict=True)])
        # How far on a smouldering flake's glowing frames are (0 for the rest): it glows
        # only while it falls over the burning ground.
        self.ember = np.array([(len(tones) - 1 - t) * TUMBLE_FRAMES if hot else 0
                               for t, hot in zip(tone, smoulders, strict=True)], dtype=int)

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """Every flake's place and tumble at once (numpy), then one batch of blits."""
        width, height = self.size
        t = seconds
        y = (self.y + t * self.fall) % 1.06 - 0.03
        drift = (self.wind * 0.5 * self.fall * t
                 + self.sway * np.sin(t * self.flutter * self.spin + self.phase))
        x = (self.x + drift) % 1.0
        turn = ((t * TUMBLE_HZ * self.spin + self.phase) * TUMBLE_FRAMES).astype(int)
        low = (y > EMBER_ROWS[0]) & (y < EMBER_ROWS[1])
        index = self.first + turn % TUMBLE_FRAMES + self.ember * low
        places = zip(((x * width).astype(int) + self.dx[index]).tolist(),
                     ((y * height).astype(int) + self.dy[index]).tolist(), strict=True)
        # Straight from the iterators: a list of hundreds of pairs costs more than the blits.
        surface.fblits(zip(self.flat[index].tolist(), places, strict=True))
