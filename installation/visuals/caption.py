"""Captions: words typed onto the wall letter by letter, under a small location/time stamp."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any

import numpy as np
import pygame

from installation.core.cache import Bounded
from installation.visuals.base import Frame, Pieces, Setup, at_once, clamp01
from installation.visuals.caption_band import Band, Inked, blurred, reach
from installation.visuals.figure_light import brightness
from installation.visuals.fonts import spaced
from installation.visuals.xplan import home_corner

MAX_WIDTH = 0.62  # share of the picture a line may take
TITLE_SAFE = 0.93  # the words end at most this far down the picture (title-safe: overscan on a
# projector or a television clips below): a caption placed lower is raised to end there
RIGHT_MARGIN = 0.04  # words started far to the right wrap this far from the right edge
MIN_LINE = 0.15  # but a line is never narrower than this share (x near 1 cannot be met)
LINE_SPACING = 1.45
STAMP_SCALE = 0.62
STAMP_TRACKING = 0.32  # extra space between stamp letters, in letter heights
STAMP_FADE = 1.5
FADE_OUT = 3.0
BAND_IN = 0.5  # the band behind the words comes in over this many seconds as typing starts
WORDS_FADE = 5.0  # the words' strength over a fade is 1 - t ** this (t: 0 to 1 over FADE_OUT;
#                   at 3 and 4, with the closer shade, the diner's read at 2.6 and 2.9 halfway)
BAND_FADE = 6.0  # and the band's 1 - t ** this: both hold near full through most of the fade,
# then go together, the band a little behind (faded alike, at half strength the diner's words
# stood at a contrast of 1.3; with the band lagging 1.5 s it stayed, an empty grey box, ~2 s;
# at 4 the shade that follows the lines left the diner's stamp at 2.9 halfway through, at 6 3.3)
STAMP_KEY = "stamp"  # (the stamp's ink among the characters', a key no character has)
CURSOR_HZ = 1.6
CURSOR_AFTER = 2.5  # the cursor blinks this long after the last letter
SHADOW = (0, 0, 0)
SHADOW_ALPHA = 150
PALE = 0.5  # words brighter than this (0-1, figure_light.brightness) get the dark shadow
RENDER_CACHE = 96
CORNER_GAP = 0.5  # letter heights of night between Park La Brea's tower corner and the words
# (further, at 4:3 the words took five lines and their stamp ran into the countdown)
WHITE = (255, 255, 255)
# The shade behind the words, at a shade of 1: it takes up to this share of the picture's light
# where the ink is thickest (the lettering's usual halo takes half: over the diner's shelf of
# cups at 04:21 the cups showed through as bright as the letters' edges; 0.72 when it spread
# wider, see caption_band.BLUR).
DEPTH = 0.82


class Caption:
    """Typewriter words with a stamp above; they stay `hold` seconds, then fade."""

    def __init__(self, params: Mapping[str, Any], setup: Setup, in_scene: bool = True) -> None:
        at_once(self.pieces(params, setup, in_scene))

    def pieces(self, params: Mapping[str, Any], setup: Setup, in_scene: bool = True) -> Pieces:
        """Set up in steps: the lines and the stamp, then the band behind them."""
        self.params = params
        # A scene's own words wait for the dissolve it arrives by (half mixed into the blots,
        # grey words on a grey mix were hard to read); a cue's count from the cue.
        self.start = params["delay"] + (dissolve_seconds(setup) if in_scene else 0.0)
        width, height = setup.size
        size = int(height * params["size"])
        where = setup.where()
        self.font = setup.font(params["font"], size)
        self.stamp_size = int(size * STAMP_SCALE)
        self.stamp_font = setup.fonts.get("typewriter-bold", self.stamp_size, where)
        self.size = size
        x = past_corner(params["x"], setup, size)
        self.origin = (int(width * x), int(height * params["y"]))
        lower = max(0, self.foot() - safe_foot(height))  # (below the title-safe line: raised)
        self.origin = (self.origin[0], self.origin[1] - lower)
        room = line_width(width, x)
        self.lines = _wrap(params["text"], self.font, room)
        self.stamp = self._stamp(params["place"].upper(), room) if params["place"] else None
        self.hold = params.get("hold", 0.0)
        self._cache: Bounded[str, pygame.Surface] = Bounded(RENDER_CACHE)
        self._span = self._spanned()
        yield
        # (made once for the caption and the scene's particles, which clear the ground under
        # it: see Band.keep; a caption laid out alike in the same scene finds it made)
        self.band = yield from setup.made.get(
            ("caption band", setup.seed, setup.size, params["font"], params["shade"], self.size,
             self.origin, tuple(self.lines), self.stamp.get_size() if self.stamp else None,
             params["place"]), self._banded, keep=False)

    def _banded(self) -> Generator[None, None, Band]:
        """The band behind the words, made in pieces (see `_inks`)."""
        inks = yield from self._inks()
        return Band(self._placed(inks), DEPTH * self.params["shade"])

    def _inks(self) -> Generator[None, None, dict[str, np.ndarray | None]]:
        """Each character's blurred coverage (None for a space) and, under STAMP_KEY, the
        stamp's: a piece at a time."""
        inks: dict[str, np.ndarray | None] = {}
        for ch in sorted(set("".join(self.lines))):
            inks[ch] = blurred(pygame.surfarray.array_alpha(self.font.render(ch, True, WHITE)),
                               self.size)
            yield
        if self.stamp is not None:
            inks[STAMP_KEY] = blurred(pygame.surfarray.array_alpha(self.stamp), self.size)
        return inks

    def _placed(self, inks: dict[str, np.ndarray | None]) -> list[Inked]:
        """The blurred coverages where they lie on the picture, in the order they come: the
        stamp's, then each letter's as it is typed."""
        grow = reach(self.size)
        x, step = self.origin[0], int(self.size * LINE_SPACING)
        top = self._top() + int(self.size * 1.5)
        placed: list[Inked] = []
        if self.stamp is not None:
            placed.append((inks[STAMP_KEY], (x - grow, top - int(self.size * 1.5) - grow)))
        for n, line in enumerate(self.lines):
            for i, ch in enumerate(line):
                placed.append((inks[ch], (x + self.font.size(line[:i])[0] - grow,
                                          top + n * step - grow)))
        return placed

    def span(self) -> tuple[int, int]:
        """Where the words, the stamp over them and the cursor after them lie across the
        picture: (left, right) in pixels."""
        return self._span

    def foot(self) -> int:
        """Where the words end, down the picture: the foot of the last line's letters, or of
        the cursor after them, whichever is lower."""
        return self.origin[1] + max(self.font.get_height() - self.size, self.size // 8)

    def box(self) -> pygame.Rect:
        """Where the stamp, the words and the cursor after them lie on the picture."""
        (left, right), top = self._span, self._top()
        return pygame.Rect(left, top, right - left, self.origin[1] + self.size * 3 // 2 - top)

    def _spanned(self) -> tuple[int, int]:
        widths = [self.font.size(line)[0] for line in self.lines] or [0]
        if self.stamp is not None:
            widths.append(self.stamp.get_width())
        return self.origin[0], self.origin[0] + max(widths) + self.size

    def _stamp(self, words: str, room: int) -> pygame.Surface:
        """The stamp's letters spaced out, closer where the line's `room` is narrower than
        that (at 4:3 past Park La Brea's corner it ran off the picture's edge)."""
        tracking = max(1, int(self.size * STAMP_TRACKING * STAMP_SCALE))
        plain = sum(self.stamp_font.size(ch)[0] for ch in words)
        tracking = max(1, min(tracking, (room - plain) // max(1, len(words))))
        return spaced(self.stamp_font, words, self.params["color"], tracking)

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
            pale = brightness(self.params["color"]) > PALE  # (dark words with a dark shadow
            shadow.set_alpha(SHADOW_ALPHA if pale else 0)  # read as smudged bold type)
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
        inked, band = self.shade_at(frame.seconds)
        band *= clamp01(share)
        if band <= 0:
            return
        shown = inked - (self.stamp is not None)
        typed_for = self._typed_for(typing)
        alpha = fading(self.hold, typed_for)[0] * clamp01(share)
        x = self.origin[0]
        step = int(self.size * LINE_SPACING)
        top = self._top() + int(self.size * 1.5)
        stamp_alpha = alpha * clamp01(typing / STAMP_FADE)
        self.band.draw(surface, inked, band)
        if self.stamp is not None:
            self.stamp.set_alpha(round(255 * stamp_alpha))
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

    def shade_at(self, seconds: float) -> tuple[int, float]:
        """How many of the band's inks show `seconds` into the scene (the stamp's first) and
        how strong the band is (0: none shows)."""
        typing = seconds - self.start
        if typing < 0 or not self.lines:
            return 0, 0.0
        band = fading(self.hold, self._typed_for(typing))[1]
        shown = int(typing * self.params["speed"])
        return shown + (self.stamp is not None), band * clamp01(typing / BAND_IN)

    def _typed_for(self, typing: float) -> float:
        """Seconds since the last letter was typed, `typing` seconds into the typing."""
        return typing - sum(len(line) for line in self.lines) / self.params["speed"]


def fading(hold: float, typed_for: float) -> tuple[float, float]:
    """How strong the words and the band behind them are `typed_for` seconds after the last
    letter (0 to 1 each): both fade out over the last FADE_OUT of `hold` (0: never) and end
    together, the words staying strong on a strong band until the fade's last second."""
    if not hold or typed_for <= hold - FADE_OUT:
        return 1.0, 1.0
    t = clamp01((typed_for - hold + FADE_OUT) / FADE_OUT)
    return 1.0 - t ** WORDS_FADE, 1.0 - t ** BAND_FADE


def safe_foot(height: int) -> int:
    """The lowest the words of a caption may reach on a picture `height` pixels tall (a
    projector's or a television's overscan clips the picture's edges)."""
    return int(height * TITLE_SAFE)


def dissolve_seconds(setup: Setup) -> float:
    """How long the scene's dissolve in lasts (0 if it arrives otherwise)."""
    transition = setup.scene.transition
    return float(transition.seconds) if transition.type == "dissolve" else 0.0


def past_corner(x: float, setup: Setup, size: int) -> float:
    """Where words `size` pixels high start across the picture (a share of its width): at
    `x`, or CORNER_GAP of their height past the corner of Lucy and Ivan's tower, where `x`
    would lay them on its wall (see xplan.home_corner)."""
    corner = home_corner(setup)
    return x if corner is None else max(x, (corner + CORNER_GAP * size) / setup.size[0])


def line_width(width: int, x: float) -> int:
    """How wide a line may be, in pixels: MAX_WIDTH of the picture, or less where the words
    start far to the right (never past RIGHT_MARGIN from the right edge)."""
    room = 1.0 - x - RIGHT_MARGIN
    return max(1, int(width * max(MIN_LINE, min(MAX_WIDTH, room))))


def _wrap(words: str, font: pygame.font.Font, width: int) -> list[str]:
    """The words in lines at most `width` wide, balanced: wrapped as narrow as the same number
    of lines allows, so the last line is about as long as the others (filled as full as they
    went, "come on." and "caught in them." stood alone under lines three times as long)."""
    lines = _fill(words, font, width)
    if len(lines) < 2:
        return lines
    low, high = 1, width  # the narrowest width that keeps the number of lines
    while low < high:
        middle = (low + high) // 2
        if len(_fill(words, font, middle)) <= len(lines):
            high = middle
        else:
            low = middle + 1
    return _fill(words, font, low)


def _fill(words: str, font: pygame.font.Font, width: int) -> list[str]:
    """The words in lines at most `width` wide, each line as full as it goes."""
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
