"""The countdown: T-minus in story time on a glowing seven-segment display, ticking once a
real second from the call to 00:00 (the story runs faster than the wall clock then: a display
that followed it to the story second would flicker)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pygame

from installation.core.timeutil import countdown_text
from installation.visuals.base import Color, Frame, Setup, scaled
from installation.visuals.glow import blur, glowing, unlit

# Which segments each digit lights: a top, b top right, c bottom right, d bottom,
# e bottom left, f top left, g middle.
SEGMENTS = {
    "0": "abcdef", "1": "bc", "2": "abdeg", "3": "abcdg", "4": "bcfg",
    "5": "acdfg", "6": "acdefg", "7": "abc", "8": "abcdefg", "9": "abcdfg",
}
DIGIT_WIDTH = 0.56  # of the digit height
THICKNESS = 0.12
GAP = 0.22  # between digits
COLON = 0.3
GHOST = 0.07  # brightness of unlit segments
LABEL_SCALE = 0.42
# A dark face behind the display: as dark as SHADE (alpha) over all its characters can light,
# fading out over the glow's reach at its edges. The digits read red over a lit ceiling or a
# searchlight's beam, not washed pink.
SHADE = 170
SHADE_GAIN = 4.0  # how fast it darkens towards the characters, per level of their glow


def segment_polygons(height: int) -> dict[str, list[tuple[float, float]]]:
    """The seven segments of a digit whose top-left is (0, 0), as hexagons."""
    w, t = height * DIGIT_WIDTH, height * THICKNESS
    half, mid = t / 2, height / 2

    def across(y: float) -> list[tuple[float, float]]:
        return [(half, y), (t, y - half), (w - t, y - half), (w - half, y), (w - t, y + half),
                (t, y + half)]

    def down(x: float, y0: float, y1: float) -> list[tuple[float, float]]:
        return [(x, y0 + half), (x + half, y0 + t), (x + half, y1 - t), (x, y1 - half),
                (x - half, y1 - t), (x - half, y0 + t)]

    return {"a": across(half), "g": across(mid), "d": across(height - half),
            "f": down(half, half, mid), "b": down(w - half, half, mid),
            "e": down(half, mid, height - half), "c": down(w - half, mid, height - half)}


def segment_centre(segment: str, height: int) -> tuple[float, float]:
    """The middle of one segment, relative to the digit's top-left corner."""
    points = segment_polygons(height)[segment]
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


class Countdown:
    """T-MINUS HH:MM:SS in lit segments over ghost eights; nothing outside the countdown."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        self.params = params
        width, height = setup.size
        self.digit = max(8, int(height * params["size"]))
        self.spread = max(2, self.digit // 10)
        color: Color = params["color"]
        self.sprites = {d: self._digit(SEGMENTS[d], color) for d in SEGMENTS}
        self.ghost = self._digit(SEGMENTS["8"], scaled(color, GHOST), glow=False)
        self.colon = self._colon(color)
        label = setup.timeline.countdown.label if setup.timeline.countdown else "T-MINUS"
        self.label = None
        if params["label"] and label:
            font = setup.fonts.get("sign", int(self.digit * LABEL_SCALE), setup.where())
            self.label = glowing(font.render(label, True, (255, 255, 255)), color, self.spread)
        self.centre = (int(width * params["x"]), int(height * params["y"]))
        self.pad = self.spread * 3
        self.shade, self.shade_at = self._shade()

    def _digit(self, segments: str, color: Color, glow: bool = True) -> pygame.Surface:
        w = int(self.digit * DIGIT_WIDTH) + 2
        shape = pygame.Surface((w, self.digit + 2), pygame.SRCALPHA)
        polygons = segment_polygons(self.digit)
        for name in segments:
            pygame.draw.polygon(shape, (255, 255, 255, 255), polygons[name])
        return glowing(shape, color, self.spread) if glow else unlit(shape, color, self.spread)

    def _colon(self, color: Color) -> pygame.Surface:
        t = int(self.digit * THICKNESS)
        shape = pygame.Surface((t + 2, self.digit), pygame.SRCALPHA)
        for y in (int(self.digit * 0.3), int(self.digit * 0.7)):
            pygame.draw.rect(shape, (255, 255, 255, 255), (1, y - t // 2, t, t))
        return glowing(shape, color, self.spread)

    def _shade(self) -> tuple[pygame.Surface, tuple[int, int]]:
        """The shadow behind the display and where it goes: one soft dark face over all it
        can light (its glow at 88:88), so the same whatever it shows; not a patch round each
        digit, which behind a 1 read as a stray dark blot."""
        blits = self.blits("88:88")
        rects = [surface.get_rect(topleft=at) for surface, at in blits]
        area = rects[0].unionall(rects[1:])
        lit = pygame.Surface(area.size)
        lit.fill((255, 255, 255), lit.get_rect().inflate(-2 * self.spread, -2 * self.spread))
        glow = pygame.surfarray.array3d(blur(lit, self.spread)).max(axis=2)
        patch = pygame.Surface(area.size, pygame.SRCALPHA)
        patch.fill((0, 0, 0, 0))
        alpha = pygame.surfarray.pixels_alpha(patch)
        alpha[:] = np.minimum(SHADE, glow * SHADE_GAIN).astype(np.uint8)
        del alpha
        return patch, area.topleft

    def layout(self, text: str) -> list[tuple[str, int, int]]:
        """Each character of `text` with the top-left of its digit cell, centred on the spot."""
        step = int(self.digit * (DIGIT_WIDTH + GAP))
        colon = int(self.digit * COLON)
        widths = [colon if ch == ":" else step for ch in text]
        label_width = (self.label.get_width() - 2 * self.pad + step) if self.label else 0
        x = self.centre[0] - (sum(widths) + label_width) // 2 + label_width
        y = self.centre[1] - self.digit // 2
        out = []
        for ch, w in zip(text, widths, strict=True):
            out.append((ch, x, y))
            x += w
        return out

    def text(self, frame: Frame) -> str | None:
        """What the display shows for a frame: 'MM:SS', the same all through a real second and
        across a cut (the state's tick, not the scene's clock)."""
        shown = frame.state.countdown_shown
        return None if shown is None else countdown_text(round(shown))

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        text = self.text(frame)
        if text is None:
            return
        surface.blit(self.shade, self.shade_at)
        surface.fblits(self.blits(text), pygame.BLEND_RGB_ADD)

    def blits(self, text: str) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """The label and each character's sprite, with where it goes (added to the picture)."""
        cells = self.layout(text)
        blits = []
        pad = self.pad
        if self.label is not None:
            x0 = cells[0][1] - int(self.digit * (DIGIT_WIDTH + GAP)) // 2 - (
                self.label.get_width() - 2 * pad)
            y0 = self.centre[1] - (self.label.get_height() - 2 * pad) // 2 - pad + self.digit // 5
            blits.append((self.label, (x0 - pad, y0)))
        for ch, x, y in cells:
            if ch == ":":
                blits.append((self.colon, (x - pad, y - pad)))
                continue
            blits.append((self.ghost, (x - pad, y - pad)))
            blits.append((self.sprites[ch], (x - pad, y - pad)))
        return blits
