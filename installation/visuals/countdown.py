"""The countdown: the time left in story time as a countdown clock, 'T-MINUS 07:12', the
label and the minutes and seconds typed in one line of the captions' bold face, with the
captions' soft shade behind it (no panel). It follows the state's steps (about one a real
second, however fast the story runs, the same across a cut): it changes once a real second."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pygame

from installation.core.timeutil import countdown_clock
from installation.visuals.base import Color, Frame, Pieces, Setup, at_once
from installation.visuals.halo import Backing, Placed, boxed, halo, halo_pieces, reach_for

FACE = "typewriter-bold"  # Courier Prime Bold, the captions' stamp: even figures, one width
LONGEST = "00:00"  # the widest reading the room is kept for (the figures never shift)
CHARACTERS = "0123456789:"  # every character a reading can have


@dataclass(frozen=True)
class Reading:
    """One reading made ready to draw: the shade to multiply by (the letters taken out of
    it) and the letters on black to add, each with where it goes."""

    text: str
    shade: pygame.Surface
    shade_at: tuple[int, int]
    lit: pygame.Surface
    lit_at: tuple[int, int]


class Countdown:
    """LABEL MM:SS on one line, in one face and size, set from the left of a room centred on
    (x, y); nothing outside the countdown."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set the countdown up, pausing after each character's shade and in the label's
        (built ahead in pieces: made at once, its shades held up a frame building the
        payphone's scene by ~30 ms; the label's alone took 6-10 ms)."""
        self.params = params
        width, height = setup.size
        self.size = max(8, int(height * params["size"]))
        self.color: Color = params["color"]
        self.font = setup.fonts.get(FACE, self.size, setup.where())
        self.label = self._label(setup) if params["label"] else None
        before = self.label.get_width() + self.font.size(" ")[0] if self.label else 0
        self.room = pygame.Rect(0, 0, before + self.font.size(LONGEST)[0],
                                self.font.get_linesize())
        self.room.center = (int(width * params["x"]), int(height * params["y"]))
        self.minutes_at = (self.room.left + before, self.room.top)
        self.label_at = self.room.topleft
        self.halos: dict[str, pygame.Surface | None] = {}
        for ch in sorted(set(CHARACTERS)):
            self.halos[ch] = self._halo(ch)
            yield
        self.label_halo: Placed | None = None
        if self.label is not None:
            around = reach_for(self.size)
            shade = yield from halo_pieces(pygame.surfarray.array_alpha(self.label), self.size)
            self.label_halo = (shade, (self.label_at[0] - around, self.label_at[1] - around))
        self._shown: Reading | None = None

    def _label(self, setup: Setup) -> pygame.Surface | None:
        """The timeline's label (T-MINUS), in capitals, in the figures' face and size."""
        words = setup.timeline.countdown.label if setup.timeline.countdown else "T-MINUS"
        return self.font.render(words.upper(), True, self.color) if words else None

    def _halo(self, ch: str) -> pygame.Surface | None:
        """The shade behind one character a reading can have (made with the scene)."""
        ink = pygame.surfarray.array_alpha(self.font.render(ch, True, (255, 255, 255)))
        return halo(boxed(ink), self.size) if ink.any() else None

    def text(self, frame: Frame) -> str | None:
        """What it shows for a frame: '47:12', the same all through a tick and across a cut
        (the state's tick, not the scene's clock)."""
        shown = frame.state.countdown_shown
        return None if shown is None else countdown_clock(shown)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """The label and the minutes over their shade (the reading made once, when it comes)."""
        text = self.text(frame)
        if text is None:
            return
        if self._shown is None or self._shown.text != text:
            self._shown = self._reading(text)
        shown = self._shown
        surface.blit(shown.shade, shown.shade_at, special_flags=pygame.BLEND_RGB_MULT)
        surface.blit(shown.lit, shown.lit_at, special_flags=pygame.BLEND_RGB_ADD)

    def _reading(self, text: str) -> Reading:
        """A reading as two opaque blits (quicker than a shade and two see-through ones): the
        shade with the letters' shapes taken out of it, to multiply the picture by, and the
        letters on black, to add."""
        words = self.font.render(text, True, self.color)
        pieces = [(words, self.minutes_at)]
        if self.label is not None:
            pieces.append((self.label, self.label_at))
        backing = self._backing(text)
        shade = backing.laid(len(backing.letters)).copy()
        cut = pygame.Surface(shade.get_size())
        cut.fill((255, 255, 255))
        rects = []
        for image, at in pieces:
            black = image.copy()
            black.fill((0, 0, 0), special_flags=pygame.BLEND_RGB_MULT)
            cut.blit(black, (at[0] - backing.block.left, at[1] - backing.block.top))
            rects.append(image.get_rect(topleft=at))
        shade.blit(cut, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
        area = rects[0].unionall(rects[1:])
        lit = pygame.Surface(area.size)
        lit.fill((0, 0, 0))
        for image, at in pieces:
            lit.blit(image, (at[0] - area.left, at[1] - area.top))
        return Reading(text, shade, backing.block.topleft, lit, area.topleft)

    def _backing(self, text: str) -> Backing:
        """The soft shade behind the label and a reading."""
        reach = reach_for(self.size)
        x, y = self.minutes_at
        letters: list[Placed] = [
            (self.halos[ch], (x + self.font.size(text[:i])[0] - reach, y - reach))
            for i, ch in enumerate(text)]
        if self.label_halo is not None:
            letters.append(self.label_halo)
        return Backing(letters)
