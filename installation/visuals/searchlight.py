"""Searchlights: soft beams that sweep the sky from the ground, fading as they climb."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pygame

from installation.visuals.base import Color, Frame, Setup, scaled, smooth_noise

LOW_RES = 4  # beams are drawn at a quarter size and smoothed up: soft edges for free
SWEEP_SECONDS = 12.0
LENGTH = 1.6  # of the picture height
WIDTHS = ((0.075, 0.22), (0.045, 0.45), (0.02, 0.9))  # half-angle (radians), brightness


class Searchlight:
    """`beams` lights along the ground, each swinging through `spread` degrees."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        self.params = params
        width, height = setup.size
        self.seed = setup.seed
        self.small = (max(4, width // LOW_RES), max(4, height // LOW_RES))
        self.canvas = pygame.Surface(self.small)
        self.beam = pygame.Surface(self.small)
        self.fade = self._fade()
        self.full = pygame.Surface(setup.size)
        rng = setup.rng("beams")
        count = params["beams"]
        self.lamps = [((i + 0.5 + rng.uniform(-0.3, 0.3)) / count, rng.uniform(-0.35, 0.35),
                       rng.random()) for i in range(count)]
        self.ground = params["ground"]

    def _fade(self) -> pygame.Surface:
        """Multiplier that dims the beams with height above the lamps."""
        w, h = self.small
        fade = pygame.Surface(self.small)
        base = int(h * self.params["ground"])
        for y in range(h):
            k = max(0.0, min(1.0, 0.25 + 0.75 * (y / max(1, base)) ** 1.3))
            level = round(255 * k)
            fade.fill((level, level, level), (0, y, w, 1))
        return fade

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        w, h = self.small
        color: Color = self.params["color"]
        canvas = self.canvas
        canvas.fill((0, 0, 0))
        base_y = h * self.ground
        reach = h * LENGTH
        speed = self.params["speed"]
        swing = math.radians(self.params["spread"])
        for n, (x, lean, phase) in enumerate(self.lamps):
            t = frame.seconds * speed / SWEEP_SECONDS + phase
            wander = (smooth_noise(self.seed + n, frame.seconds * 0.15 * speed) - 0.5) * 0.3
            angle = lean + swing * math.sin(2 * math.pi * t) + wander
            bx = x * w
            self.beam.fill((0, 0, 0))
            for half, gain in WIDTHS:
                points = [(bx, base_y)]
                for side in (-1, 1):
                    a = angle + side * half
                    points.append((bx + math.sin(a) * reach, base_y - math.cos(a) * reach))
                pygame.draw.polygon(self.beam, scaled(color, gain * 0.5), points)
            canvas.blit(self.beam, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
        canvas.blit(self.fade, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
        # Beams climb from the lamps: below them the canvas is black, so only the rows above
        # (and two to spare for the smoothing) are enlarged and added.
        rows = min(h, math.ceil(base_y) + 2)
        width, height = surface.get_size()
        lit = self.full.subsurface((0, 0, width, min(height, round(rows * height / h))))
        pygame.transform.smoothscale(canvas.subsurface((0, 0, w, rows)), lit.get_size(), lit)
        surface.blit(lit, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
