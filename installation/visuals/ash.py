"""Ash: thin torn grey flakes at many depths that tumble down on the wind: specks far off,
nearer ones small scraps (some curled, few large), the palest lighter than the grey sky, each
with a lighter edge where the light catches it, turning to a sliver edge-on and darker turned
over; a few small ones low over the burning ground are cinders still glowing in their hearts."""

from __future__ import annotations

import random

import numpy as np
import pygame

from installation.visuals.ash_flake import Tone, flake_sprite, outline, tone_of
from installation.visuals.base import Color, Pieces, at_once
from installation.visuals.sprites import visible

MAX_FLAKES = 700
SHAPES = 6  # different flake outlines
CURLED = 3  # every this many outlines one is curled (a bite out of one side, like a C)
TUMBLE_FRAMES = 8  # a flake turning over: face, edge-on, its back, edge-on, face again
FAR = 2.8  # how much more common far flakes are than near ones (a power): few large ones
SIZE_STEPS = 5  # depths, far (a speck) to near (a scrap you could read the shape of)
SIZES = (0.0011, 0.0019, 0.0032, 0.0054, 0.0088)  # flake radius per depth, of the picture
# height (the nearest larger read as dark stones or leaves: thin ash is small even near by)
FALL = (0.006, 0.009, 0.014, 0.022, 0.036)  # picture heights per real second, per depth: the
# nearest fall fastest, as things falling close by do
SHADES = (0.62, 0.8, 1.08)  # the flakes' bodies, times the ash colour: greys, the palest
# lighter than the grey sky (all dark, they read as falling stones), darker turned over
RIM_LIGHT = 1.16  # a flake's lit edge, this much lighter than its body (never white)
DARK, LIGHT = SHADES[0], SHADES[-1]
SWAY = 0.012  # sideways flutter, picture widths
FLUTTER = 0.5  # its pace, radians a real second (times a flake's spin)
NEAR_SWAY, NEAR_FLUTTER = 0.02, 0.9  # the nearest flutter wider and quicker
NEAR = 4  # the depth from which flakes flutter as the nearest
WIND_DRIFT = 1.0  # picture widths a flake drifts per picture height it falls, times the wind
TUMBLE_HZ = 0.35
WRAP = 1.06  # a flake falls this many picture heights before it falls again (it leaves
# the picture and comes back from over its top)
EMBER_SHARE = 0.2  # flakes of the middle depth that may still be smouldering
EMBER_DEPTHS = (2,)  # the depths that smoulder: small (far specks never do, and a glowing
# flake near the lens read as an orange blot or ring on the screen)
EMBER_ROWS = (0.6, 0.82)  # they glow only this low in the picture: over the burning ground
EMBER_HEART: Color = (196, 86, 32)  # a cinder's glowing heart...
EMBER_EDGE: Color = (52, 44, 40)  # ...inside its burnt dark edge (no ring of fire round grey)


class Ash:
    """Flakes whose places are a function of time alone; drawn with ordinary alpha, so they
    darken a pale sky and lighten dark ground, as ash does (never a lit dot)."""

    def __init__(self, size: tuple[int, int], amount: float, scale: float, color: Color,
                 wind: float, seed: int) -> None:
        at_once(self.pieces(size, amount, scale, color, wind, seed))

    def pieces(self, size: tuple[int, int], amount: float, scale: float, color: Color,
               wind: float, seed: int) -> Pieces:
        """Make the flakes, pausing after each set of tumble frames (960 sprites in all: made
        at once they would hold up a frame building ahead)."""
        self.size = size
        self.wind = wind
        rng = random.Random(seed)
        shapes = [outline(rng, n % CURLED == CURLED - 1) for n in range(SHAPES)]
        # The last tone: a flake still smouldering, its dark edge all round it.
        ember = Tone(EMBER_HEART, EMBER_EDGE, lit_below=False)
        tones = (*(tone_of(color, shade, RIM_LIGHT) for shade in SHADES), ember)
        height = size[1]
        images: list[pygame.Surface] = []
        corners: list[tuple[int, int]] = []  # where each sprite's part that shows lies in it
        for d in range(SIZE_STEPS):
            for s in range(SHAPES):
                for t in range(len(tones)):
                    for f in range(TUMBLE_FRAMES):  # in the order `first` below counts them
                        image, corner = visible(flake_sprite(
                            shapes[s], max(0.7, SIZES[d] * height * scale), f / TUMBLE_FRAMES,
                            tones[t]))
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
        depth = [min(SIZE_STEPS - 1, int(SIZE_STEPS * rng.random() ** FAR)) for _ in range(count)]
        shape = [rng.randrange(SHAPES) for _ in range(count)]
        tone = [rng.randrange(len(tones) - 1) for _ in range(count)]
        smoulders = [rng.random() < EMBER_SHARE and d in EMBER_DEPTHS for d in depth]
        self.phase = np.array([rng.random() * 6.283 for _ in range(count)])
        self.spin = np.array([rng.uniform(0.5, 1.5) for _ in range(count)])
        self.x, self.y = np.array(x), np.array(y)
        self.fall = np.array(FALL)[depth] * (0.8 + 0.4 * self.spin / 1.5)
        # The cinders fall evenly spaced down the picture, at one pace: a few of them are
        # always low over the fires (by chance, none might be for a minute)
        hot = np.flatnonzero(smoulders)
        self.y[hot] = (np.arange(hot.size) + 0.5) / max(1, hot.size) * WRAP
        self.fall[hot] = np.array(FALL)[np.array(depth, dtype=int)[hot]]
        near = np.array(depth) >= NEAR
        self.sway = np.where(near, NEAR_SWAY, SWAY)
        self.flutter = np.where(near, NEAR_FLUTTER, FLUTTER)
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
        y = (self.y + t * self.fall) % WRAP - (WRAP - 1) / 2
        drift = (self.wind * WIND_DRIFT * self.fall * t
                 + self.sway * np.sin(t * self.flutter * self.spin + self.phase))
        x = (self.x + drift) % 1.0
        turn = ((t * TUMBLE_HZ * self.spin + self.phase) * TUMBLE_FRAMES).astype(int)
        low = (y > EMBER_ROWS[0]) & (y < EMBER_ROWS[1])
        index = self.first + turn % TUMBLE_FRAMES + self.ember * low
        places = zip(((x * width).astype(int) + self.dx[index]).tolist(),
                     ((y * height).astype(int) + self.dy[index]).tolist(), strict=True)
        # Straight from the iterators: a list of hundreds of pairs costs more than the blits.
        surface.fblits(zip(self.flat[index].tolist(), places, strict=True))
