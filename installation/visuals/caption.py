"""Captions: words typed onto the wall letter by letter, under a small location/time stamp."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pygame

from installation.core.cache import Bounded
from installation.visuals.base import Frame, Setup, clamp01, gray, s_curve

MAX_WIDTH = 0.62  # share of the picture a line may take
RIGHT_MARGIN = 0.04  # words started far to the right wrap this far from the right edge
MIN_LINE = 0.15  # but a line is never narrower than this share (x near 1 cannot be met)
LINE_SPACING = 1.45
STAMP_SCALE = 0.62
STAMP_TRACKING = 0.32  # extra space between stamp letters, in letter heights
STAMP_FADE = 1.5
FADE_OUT = 3.0
CURSOR_HZ = 1.6
CURSOR_AFTER = 2.5  # the cursor blinks this long after the last letter
SHADOW = (0, 0, 0)
SHADOW_ALPHA = 150
RENDER_CACHE = 96
PLATE_DEPTH = 0.45  # how much the backdrop darkens at its middle
PLATE_FADE = 3.0  # the backdrop reaches this many letter heights past the words
PLATE_ROUND = 5.0  # the shape of its fade: 2 an ellipse, higher nearer a rectangle
PLATE_CORE = 0.55  # share of the way out that stays fully dark
PLATE_CELL = 8  # the backdrop is worked out at this fraction of its size
EDGE_BAND = 0.2  # words starting this near the left edge get a shade running off that side
BAND_FADE = 12.0  # letter heights over which that shade fades out to the right of the words
LOW_WORDS = 0.55  # words lower than this (share of the height) shade down to the bottom edge


class Caption:
    """Typewriter words with a stamp above; they stay `hold` seconds, then fade."""

    def __init__(self, params: Mapping[str, Any], setup: Setup, in_scene: bool = True) -> None:
        self.params = params
        # A scene's own words wait for the dissolve it arrives by (half mixed into the blots,
        # grey words on a grey mix were hard to read); a cue's count from the cue.
        self.start = params["delay"] + (dissolve_seconds(setup) if in_scene else 0.0)
        width, height = setup.size
        size = int(height * params["size"])
        where = setup.where()
        self.font = setup.font(params["font"], size)
        self.stamp_font = setup.fonts.get("typewriter-bold", int(size * STAMP_SCALE), where)
        self.size = size
        self.origin = (int(width * params["x"]), int(height * params["y"]))
        self.picture_height = height
        self.lines = _wrap(params["text"], self.font, line_width(width, params["x"]))
        self.stamp = self._stamp(params["place"].upper()) if params["place"] else None
        self.hold = params.get("hold", 0.0)
        self._cache: Bounded[str, pygame.Surface] = Bounded(RENDER_CACHE)
        self.banded = params["x"] <= EDGE_BAND  # shaded from the picture's side, not a patch
        self.plate = self._made_plate() if self.lines else None
        self._span = self._spanned()
        self._fade: tuple[int, pygame.Surface] | None = None  # the backdrop at a fading level

    def _made_plate(self) -> pygame.Surface:
        """The backdrop, made with the scene (ahead of it), not on its first frame."""
        width = max(self.font.size(line)[0] for line in self.lines)
        if self.stamp is not None:
            width = max(width, self.stamp.get_width())
        height = int(self.size * (1.5 + LINE_SPACING * len(self.lines) + 0.6))
        margin = round(PLATE_FADE * self.size)
        if self.banded:  # from the picture's left edge to a long fade past the words
            core = self.origin[0] + width + self.size
            low = self.origin[1] > LOW_WORDS * self.picture_height
            tall = self.picture_height - self._top() + margin if low else height + 2 * margin
            return _band(core, core + round(BAND_FADE * self.size), tall, low)
        return _plate(width + 3 * self.size + 2 * margin, height + 2 * margin)

    def span(self) -> tuple[int, int]:
        """Where the words, the stamp over them and the cursor after them lie across the
        picture: (left, right) in pixels."""
        return self._span

    def _spanned(self) -> tuple[int, int]:
        widths = [self.font.size(line)[0] for line in self.lines] or [0]
        if self.stamp is not None:
            widths.append(self.stamp.get_width())
        return self.origin[0], self.origin[0] + max(widths) + self.size

    def _stamp(self, words: str) -> pygame.Surface:
        tracking = max(1, int(self.size * STAMP_TRACKING * STAMP_SCALE))
        glyphs = [self.stamp_font.render(ch, True, self.params["color"]) for ch in words]
        width = sum(g.get_width() + tracking for g in glyphs)
        out = pygame.Surface((max(1, width), self.stamp_font.get_linesize()), pygame.SRCALPHA)
        x = 0
        for glyph in glyphs:
            out.blit(glyph, (x, 0))
            x += glyph.get_width() + tracking
        return out

    def _backdrop(self, surface: pygame.Surface, corner: tuple[int, int], alpha: float) -> None:
        """A soft darkening behind the words, so they read over a lit window or a bright sky."""
        if self.plate is None:
            return
        plate = self._faded(round(255 * (1.0 - alpha)))
        margin = round(PLATE_FADE * self.size)
        left = 0 if self.banded else corner[0] - round(1.5 * self.size) - margin
        surface.blit(plate, (left, corner[1] - margin), special_flags=pygame.BLEND_RGB_MULT)

    def _faded(self, level: int) -> pygame.Surface:
        """The backdrop lightened by `level` (0: as made), kept for the frames after it that
        ask for the same level (a fade of seconds asks for each level two or three times)."""
        assert self.plate is not None
        if level <= 0:
            return self.plate
        if self._fade is None or self._fade[0] != level:
            faded = self.plate.copy() if self._fade is None else self._fade[1]
            faded.blit(self.plate, (0, 0))
            faded.fill((level, level, level), special_flags=pygame.BLEND_RGB_ADD)
            self._fade = (level, faded)
        return self._fade[1]

    def _cursor(self, surface: pygame.Surface, block: pygame.Rect, alpha: float) -> None:
        """The typewriter's block cursor, solid, or see-through as the caption fades."""
        if alpha >= 1.0:
            surface.fill(self.params["color"], block)
            return
        cursor = pygame.Surface(block.size)
        cursor.fill(self.params["color"])
        cursor.set_alpha(round(255 * alpha))
        surface.blit(cursor, block)

    def _top(self) -> int:
        """Where the stamp over the words begins."""
        step = int(self.size * LINE_SPACING)
        return self.origin[1] - step * (len(self.lines) - 1) - self.size - int(self.size * 1.5)

    def _render(self, words: str) -> pygame.Surface:
        image = self._cache.get(words)
        if image is None:
            face = self.font.render(words, True, self.params["color"])
            shadow = self.font.render(words, True, SHADOW)
            shadow.set_alpha(SHADOW_ALPHA)
            offset = max(1, self.size // 14)
            image = pygame.Surface((face.get_width() + offset, face.get_height() + offset),
                                   pygame.SRCALPHA)
            image.blit(shadow, (offset, offset))
            image.blit(face, (0, 0))
            self._cache.put(words, image)
        return image

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        self.draw_at(surface, frame, 1.0)

    def draw_at(self, surface: pygame.Surface, frame: Frame, share: float) -> None:
        """Draw at `share` of its strength (over a dissolve or a wipe, it fades as a whole
        rather than being cut by the transition's mask)."""
        typing = frame.seconds - self.start
        if typing < 0 or not self.lines:
            return
        total = sum(len(line) for line in self.lines)
        shown = int(typing * self.params["speed"])
        typed_for = typing - total / self.params["speed"]
        hold = self.hold
        alpha = 1.0
        if hold:
            alpha = clamp01((hold - typed_for) / FADE_OUT) if typed_for > 0 else 1.0
        alpha *= clamp01(share)
        if alpha <= 0:
            return
        x = self.origin[0]
        step = int(self.size * LINE_SPACING)
        top = self._top() + int(self.size * 1.5)
        self._backdrop(surface, (x, self._top()), alpha)
        if self.stamp is not None:
            self.stamp.set_alpha(round(255 * alpha * clamp01(typing / STAMP_FADE)))
            surface.blit(self.stamp, (x, top - int(self.size * 1.5)))
        left = shown
        for n, line in enumerate(self.lines):
            if left <= 0:
                break
            part = line[:left]
            left -= len(line)
            image = self._render(part)
            image.set_alpha(round(255 * alpha))
            surface.blit(image, (x, top + n * step))
            cursor_on = int(typing * CURSOR_HZ * 2) % 2 == 0 and typed_for < CURSOR_AFTER
            if left <= 0 and cursor_on:
                cx = x + self.font.size(part)[0] + self.size // 6
                block = pygame.Rect(cx, top + n * step + self.size // 8, self.size // 2,
                                    self.size)
                self._cursor(surface, block, alpha)


def dissolve_seconds(setup: Setup) -> float:
    """How long the scene's dissolve in lasts (0 if it arrives otherwise)."""
    transition = setup.scene.transition
    return float(transition.seconds) if transition.type == "dissolve" else 0.0


def line_width(width: int, x: float) -> int:
    """How wide a line may be, in pixels: MAX_WIDTH of the picture, or less where the words
    start far to the right (never past RIGHT_MARGIN from the right edge)."""
    room = 1.0 - x - RIGHT_MARGIN
    return max(1, int(width * max(MIN_LINE, min(MAX_WIDTH, room))))


def _wrap(words: str, font: pygame.font.Font, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in words.split():
        trial = f"{current} {word}".strip()
        if current and font.size(trial)[0] > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _plate(width: int, height: int) -> pygame.Surface:
    """A multiply mask: dark behind the words, fading to white (no change) towards its edge,
    which it reaches exactly. The fade follows a rounded shape (a superellipse) and an S-curve,
    so no straight edge or corner shows."""
    # Worked out at an eighth of the size and smoothed up: the fade has no detail to lose.
    small = (max(3, width // PLATE_CELL), max(3, height // PLATE_CELL))
    u = np.abs(np.linspace(-1.0, 1.0, small[0], dtype=np.float32))[:, None]
    return _shade(u, small, (width, height))


def _band(core: int, width: int, height: int, low: bool) -> pygame.Surface:
    """The same mask as a band from the picture's left edge: full across to `core`, then
    fading out by `width`, so on a bright picture it reads as shade, not as a dark patch;
    `low`: it does not fade at its bottom (it reaches the picture's bottom edge)."""
    small = (max(3, width // PLATE_CELL), max(3, height // PLATE_CELL))
    x = np.linspace(0.0, 1.0, small[0], dtype=np.float32)[:, None]
    start = core / width
    u = PLATE_CORE + (1.0 - PLATE_CORE) * np.clip((x - start) / max(1e-6, 1.0 - start), 0, 1)
    return _shade(u, small, (width, height), low)


def _shade(u: np.ndarray, small: tuple[int, int], size: tuple[int, int],
           low: bool = False) -> pygame.Surface:
    """The mask from each column's distance out (`u`, 0 to 1) and a rounded vertical fade
    (`low`: a fade at the top only, over the same distance)."""
    rows = np.linspace(-1.0, 1.0, small[1], dtype=np.float32)
    if low:
        rows = np.minimum(np.linspace(-1.0, 1.0, small[1], dtype=np.float32) * 2 + 1, 0.0)
    v = np.abs(rows)[None, :]
    r = (u ** PLATE_ROUND + v ** PLATE_ROUND) ** (1.0 / PLATE_ROUND)
    t = np.clip((r - PLATE_CORE) / (1.0 - PLATE_CORE), 0.0, 1.0)
    dark = PLATE_DEPTH * (1.0 - s_curve(t))
    level = np.round(255.0 * (1.0 - dark)).astype(np.uint8)
    return pygame.transform.smoothscale(gray(level), size)
