"""Particles: ash drifting down (see ash.py), rain, embers rising, dust floating in the light;
never through the ground where the scene cuts it open (a bones layer's strata), nor over the
scene's captions' words (cleared from the ground under them, see caption_band)."""

from __future__ import annotations

import random
from collections.abc import Generator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pygame

from installation.visuals.ash import Ash
from installation.visuals.base import Color, Frame, Pieces, Setup, at_once, scaled
from installation.visuals.caption import Caption
from installation.visuals.glow import radial
from installation.visuals.layers import seed_of
from installation.visuals.scene_layers import defaults

MAX_COUNT = 900


@dataclass(frozen=True)
class Kind:
    """How one kind of particle moves and looks."""

    color: Color
    fall: float  # picture heights per second (negative rises)
    sway: float  # sideways wandering, picture widths
    radius: float  # of the picture height
    count: float  # share of MAX_COUNT at amount 1
    streak: float = 0.0  # rain: length of the streak, picture heights
    glow: bool = False
    flicker: tuple[float, float] | None = None  # each its own flicker, slowest and fastest (Hz)


KINDS = {
    "ash": Kind((150, 146, 140), 0.035, 0.02, 0.0026, 0.8),
    "rain": Kind((150, 164, 190), 1.4, 0.0, 0.0008, 0.7, streak=0.045),
    "embers": Kind((255, 120, 40), -0.06, 0.03, 0.0022, 0.25, glow=True, flicker=(1.5, 6.0)),
    "dust": Kind((224, 208, 180), 0.006, 0.012, 0.0012, 0.35, glow=True),
}
SPRITE_SIZES = 3
FLICKERS = 5  # a flickering particle's brightnesses (its sprites at each)
DIMMEST = 0.3  # its dimmest, of its brightest
BEAT = 1.7  # its flicker is two waves, the second this many times as fast (never a steady pulse)
BOB = (0.012, 0.12)  # and it bobs in the draught as it goes: this far (of the picture's height)
# at this share of its flicker's rate (two rising side by side are never held level for long)


class Particles:
    """Each particle has a seeded path: where it is is a function of time alone."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set the layer up, pausing while ash makes its flakes (built ahead in pieces)."""
        self.params = params
        width, height = setup.size
        self.size = setup.size
        self.sky = above_cut(setup)
        kind = KINDS[params["kind"]]
        self.kind = kind
        color: Color = params["color"] or kind.color
        self.color = color
        self.ash: Ash | None = None
        self.particles: list[tuple[float, float, float, float, int]] = []
        self.sprites: list[pygame.Surface] = []
        self.captions = yield from captions_of(setup)
        if params["kind"] == "ash" and params["amount"] > 0:  # depth and tumbling: its own drawing
            self.ash = object.__new__(Ash)
            yield from self.ash.pieces(setup.size, params["amount"], params["size"], color,
                                       params["wind"], setup.seed)
            return
        rng = setup.rng("particles")
        count = round(MAX_COUNT * kind.count * params["amount"])
        self.particles = [(rng.random(), rng.random(), rng.uniform(0.6, 1.4), rng.random() * 6.3,
                           rng.randrange(SPRITE_SIZES)) for _ in range(count)]
        columns = list(zip(*self.particles, strict=True)) or [(), (), (), (), ()]
        self._paths = tuple(np.array(column, dtype=float) for column in columns[:4])
        radius = kind.radius * height * params["size"]
        if kind.glow:
            for i in range(SPRITE_SIZES):
                r = max(1, round(radius * (0.6 + 0.4 * i)))
                self.sprites.append(radial(r * 2, scaled(color, 0.55 + 0.225 * i), 1.8, core=0.2))
        self._sprite_of = ([self.sprites[size] for *_path, size in self.particles]
                           if self.sprites else [])
        self._flickers: list[pygame.Surface] = []
        if kind.flicker is not None and self.sprites:
            self._flicker_setup(rng, kind.flicker)

    def _flicker_setup(self, rng: random.Random, hertz: tuple[float, float]) -> None:
        """Each particle's flicker (its rate and phase, drawn after the paths: they stay as
        they were) and every sprite at each of FLICKERS brightnesses: no two alike for long
        (two of one size, side by side at one brightness, read as a pair of eyes)."""
        count = len(self.particles)
        self._rates = np.array([rng.uniform(*hertz) for _ in range(count)]) * 2 * np.pi
        self._phases = np.array([rng.random() for _ in range(count)]) * 2 * np.pi
        self._sizes = np.array([size for *_path, size in self.particles], dtype=np.int64)
        for sprite in self.sprites:
            for step in range(FLICKERS):
                level = round(255 * (DIMMEST + (1 - DIMMEST) * step / (FLICKERS - 1)))
                dim = sprite.copy()
                dim.fill((level, level, level), special_flags=pygame.BLEND_RGB_MULT)
                self._flickers.append(dim)

    def flickered(self, t: float) -> list[pygame.Surface]:
        """Each particle's sprite `t` real seconds in: its size at its flicker's brightness
        now (two waves of its own rate, one BEAT times the other's)."""
        wave = (np.sin(t * self._rates + self._phases)
                + np.sin(t * self._rates * BEAT + 2 * self._phases)) / 4 + 0.5
        steps = np.minimum(FLICKERS - 1, (wave * FLICKERS).astype(np.int64))
        flickers = self._flickers
        return [flickers[n] for n in (self._sizes * FLICKERS + steps).tolist()]

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """Every particle where it is now, above the ground's cut-away (ash fell through the
        strata at 08:00-10:30, over the bones, as if through the earth)."""
        kept = surface.get_clip()
        surface.set_clip(self.sky.clip(kept))
        grounds = [(caption.band, area) for caption in self.captions
                   if (area := caption.band.keep(surface, *caption.shade_at(frame.seconds)))]
        self._draw(surface, frame)
        for band, area in grounds:
            band.lay_back(surface, area)
        surface.set_clip(kept)

    def _draw(self, surface: pygame.Surface, frame: Frame) -> None:
        width, height = self.size
        kind = self.kind
        t = frame.seconds
        wind = self.params["wind"]
        if self.ash is not None:
            self.ash.draw(surface, t)
            return
        if kind.streak:
            self._rain(surface, t, wind)
            return
        x0, y0, speed, phase = self._paths
        # Every particle at once (numpy): hundreds of flakes cost one pass, not a Python loop.
        y = np.mod(y0 + t * kind.fall * speed, 1.0)
        if self._flickers:
            y += BOB[0] * np.sin(t * self._rates * BOB[1] + 3 * self._phases)
        x = np.mod(x0 + wind * 0.02 * t * speed + kind.sway * np.sin(t * 0.4 * speed + phase),
                   1.0)
        xs = (x * width).astype(np.int64).tolist()
        ys = (y * height).astype(np.int64).tolist()
        sprites = self.flickered(t) if self._flickers else self._sprite_of
        flags = pygame.BLEND_RGB_ADD if kind.glow else 0
        surface.fblits(zip(sprites, zip(xs, ys, strict=True), strict=True), flags)

    def _rain(self, surface: pygame.Surface, t: float, wind: float) -> None:
        width, height = self.size
        length = self.kind.streak * height
        slant = wind * 0.35
        for x0, y0, speed, _phase, size in self.particles:
            y = ((y0 + t * self.kind.fall * speed) % 1.1 - 0.05) * height
            x = (x0 * width + slant * y) % width
            tone = scaled(self.color, 0.5 + 0.25 * size)
            pygame.draw.line(surface, tone, (x, y), (x + slant * length, y + length), 1)


def captions_of(setup: Setup) -> Generator[None, None, list[Caption]]:
    """The scene's captions as its caption layers lay them out (its `caption` line's too),
    their bands shared with them (made once: see Caption.pieces), each keeping the ground
    under its words."""
    scene, out = setup.scene, []
    specs = [(n, spec.params) for n, spec in enumerate(scene.layers) if spec.type == "caption"]
    if scene.caption is not None:  # (laid out as the scene's layers lay it: after them all)
        line = scene.caption
        specs.append((len(scene.layers), defaults("caption", text=line.text, place=line.place)))
    for index, params in specs:
        caption = object.__new__(Caption)
        yield from caption.pieces(params, replace(
            setup, seed=seed_of(setup.timeline.seed, scene, index, "caption")))
        yield  # (its band was the piece before)
        caption.band.grounded()
        out.append(caption)
    return out


def above_cut(setup: Setup) -> pygame.Rect:
    """The picture above the ground's cut-away (the top of the scene's highest bones layer:
    under it the strata are seen from the side, so nothing falls there), all of it without
    one."""
    width, height = setup.size
    tops = [int(height * spec.params["y"]) for spec in setup.scene.layers
            if spec.type == "bones"]
    return pygame.Rect(0, 0, width, min([height, *tops]))
