"""Neon: a sign of glowing tubes, words or a shape, that hums, flickers and loses letters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pygame

from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    at_once,
    hash01,
    scaled,
    smooth_noise,
)
from installation.visuals.glow import dimmed, radial
from installation.visuals.neon_tubes import GLASS_TINT, LEVELS, Tube, slices, tube_shape
from installation.visuals.neon_turns import (
    OUTAGE_DARK,
    STUTTER_BUZZ,
    STUTTER_DARK,
    failing_tubes,
    latter_halves,
    on_turn,
    outage_into,
    stutter_into,
)

FLICKER_HZ = 14.0  # how often a tube can change its brightness
CHASED_GLASS = (0.3, 2.0)  # a chased sign's unlit glass: its tint, and its shine this much
# brighter (lit by the tubes lit beside it): the word reads whole while the chase runs along
# it (its unlit letters in dark glass were lost on the board: "RECOR")
MOUNT = (16, 14, 20)
# A chase: each tube lights after the one before, the last (a shape: the arrow) blinks,
# the sign holds lit, then goes dark and starts again.
CHASE_STEP, CHASE_BLINKS, CHASE_HOLD, CHASE_DARK = 0.28, 3, 2.6, 0.9
ARROW_SLICES = 4  # a chased arrow lights in this many pieces, shaft first, towards its tip
WALL_PAD = (1.0, 0.5)  # a wall sign's board is wider, taller than its tubes by this many
# letter heights (half of it each side)
WASH = 0.35  # how strongly a sign lights the wall it is on
WASH_REACH = 1.5  # how far its light spreads on the wall round its board, in letter heights
WASH_FALL = 1.3  # how fast that light falls off away from the sign's middle
STACK_STEP = 1.05  # stacked letters (a vertical sign) one under another, by their ascent
Levels = tuple[int | None, ...]  # each tube's brightness (index into LEVELS), None: dark


class Neon:
    """Words or a shape in glowing tubes; `flicker` buzzes, `failing` letters stutter and die."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: one glowing tube at a time."""
        self.params = params
        width, height = setup.size
        self.seed = setup.seed
        self.turn: int | None = params.get("turn")  # signs that take turns to fail (neon_turns)
        size = max(8, int(height * params["size"]))
        font = setup.font(params["font"], size)
        spread = max(2, size // 7)
        color: Color = params["color"]
        words: str = params["text"]
        stacked = params.get("stacked", False)  # letters one under another (a vertical sign)
        chased = params.get("pattern") == "chase"
        self.glass = CHASED_GLASS if chased else (GLASS_TINT, 1.0)
        total_w, text_h = _stack_size(font, words) if stacked else (
            font.size(words) if words else (0, 0))
        cx, cy = int(width * params["x"]), int(height * params["y"])
        left, top = cx - total_w // 2, cy - text_h // 2
        self.tubes: list[Tube] = []
        may_fail: list[int] = []  # tubes whose failing leaves the words legible
        latter = latter_halves(words)
        dead_letters = params.get("dead", frozenset())  # places in the words of dead tubes
        self.dead: frozenset[int] = frozenset()  # ...and those tubes: dark glass, never lit
        for i, ch in enumerate(words):
            if ch.isspace():
                continue
            if i in dead_letters:
                self.dead |= {len(self.tubes)}
            elif i in latter:
                may_fail.append(len(self.tubes))
            glyph = font.render(ch, True, (255, 255, 255))
            place = (cx - glyph.get_width() // 2, top + i * _stack_step(font)) if stacked else (
                left + font.size(words[:i])[0], top)
            self.tubes.append(Tube(glyph, color, spread, place, params.get("hot", True),
                                   self.glass))
            yield
        shape = params["shape"]
        if shape != "none":
            whole = self._shape(shape, color, spread, (cx, cy), (total_w, text_h), size)
            self.tubes += slices(whole, ARROW_SLICES) if chased and shape == "arrow" else [whole]
        self.washes: list[pygame.Surface] = []
        self.mount = self._mount(params["mount"], (cx, cy), (total_w, text_h), size)
        self.failing = failing_tubes(setup.rng("failing"), params["failing"], len(self.tubes),
                                     may_fail)
        self._seen: tuple[float, Levels] | None = None  # the last look, and its moment

    def _shape(self, kind: str, color: Color, spread: int, centre: tuple[int, int],
               text_size: tuple[int, int], size: int) -> Tube:
        thickness = max(2, size // 12)
        w, h = text_size
        if kind == "ring":
            w, h = int(w * 1.2) + size, int(h * 1.6) + size
        elif kind == "underline":
            w, h = w, h + size // 2
        elif kind in ("arrow", "star"):
            w, h = (max(w, size * 3), size) if kind == "arrow" else (size * 2, size * 2)
        if not text_size[0]:
            w, h = max(w, size * 2), max(h, size)
        shape = tube_shape(kind, w, h, thickness)
        offset = h // 2 + size if kind == "arrow" and text_size[0] else 0
        x = centre[0] - shape.get_width() // 2
        y = centre[1] - shape.get_height() // 2 + offset
        if kind == "underline":
            y = centre[1] - shape.get_height() // 2 + size // 3
        return Tube(shape, color, spread, (x, y), glass=self.glass)

    def _mount(self, kind: str, centre: tuple[int, int], text_size: tuple[int, int],
               size: int) -> tuple[pygame.Surface, tuple[int, int]] | None:
        """A dark board behind the tubes, on a steel lattice if it stands on a roof."""
        if kind == "none":
            return None
        if kind == "wall":
            return self._wall(size)
        pad = size // 2
        board = pygame.Rect(0, 0, max(size, text_size[0]) + 2 * pad, max(size, text_size[1]) + pad)
        legs = int(board.height * 0.9) if kind == "rooftop" else 0
        image = pygame.Surface((board.width, board.height + legs), pygame.SRCALPHA)
        steel = (*MOUNT, 255)
        if legs:
            beam = max(1, size // 16)
            xs = [int(board.width * f) for f in (0.12, 0.38, 0.62, 0.88)]
            for x in xs:
                image.fill(steel, (x - beam, board.height - 2, 2 * beam, legs + 2))
            for a, b in zip(xs, xs[1:], strict=False):
                pygame.draw.line(image, steel, (a, board.height), (b, board.height + legs), beam)
                pygame.draw.line(image, steel, (b, board.height), (a, board.height + legs), beam)
        _board(image, board, size)
        return image, (centre[0] - board.width // 2, centre[1] - board.height // 2)

    def _wall(self, size: int) -> tuple[pygame.Surface, tuple[int, int]]:
        """A board just round the tubes, fixed flat to a building's face, and the sign's light
        washed over it and the wall about it (drawn with the tubes, as bright as they are)."""
        around = self.extent().inflate(round(size * WALL_PAD[0]), round(size * WALL_PAD[1]))
        image = pygame.Surface(around.size, pygame.SRCALPHA)
        _board(image, image.get_rect(), size)
        spread = round(2 * size * self.params.get("reach", WASH_REACH))
        reach = (around.width + spread, around.height + spread)
        wash = radial(max(reach) // 2, scaled(self.params["color"], self.params.get("wash", WASH)),
                      WASH_FALL)
        wash = pygame.transform.smoothscale(wash, reach)
        self.washes = [dimmed(wash, level) for level in LEVELS]
        self.wash_at = (around.centerx - reach[0] // 2, around.centery - reach[1] // 2)
        return image, around.topleft

    def extent(self) -> pygame.Rect:
        """The box round the sign's tubes (letters and shape), unlit: where its glass is."""
        boxes = [pygame.Rect(tube.position, tube.dead.get_size()) for tube in self.tubes]
        return boxes[0].unionall(boxes[1:]) if boxes else pygame.Rect(0, 0, 0, 0)

    def level(self, index: int, seconds: float) -> int | None:
        """Which brightness a tube shows now (index into LEVELS), or None when it is dark."""
        return self.levels(seconds)[index]

    def levels(self, seconds: float) -> Levels:
        """Every tube's brightness now (see `_lit`), its dead ones dark."""
        lit = self._lit(seconds)
        if not self.dead:
            return lit
        return tuple(None if index in self.dead else level for index, level in enumerate(lit))

    def _lit(self, seconds: float) -> Levels:
        """Every tube's brightness now: a blink or the sign's pattern (out, or lit as far as
        its chase has gone), then each tube's flicker at this tick (a failing one stutters),
        the steady ones humming a step down together."""
        blink = self.params.get("blink", 0.0)
        if blink and (seconds / blink) % 1.0 >= 0.5:
            return (None,) * len(self.tubes)
        tick = int(seconds * FLICKER_HZ)
        flicker = self.params["flicker"]
        hum = 1 if smooth_noise(self.seed, seconds * 3.0) * flicker > 0.55 else 0
        pattern = self.params.get("pattern", "steady")
        if pattern == "chase":
            return self._chased(seconds, tick, hum)
        out = outage_into(self.seed, seconds, self.turn) if pattern == "outage" else None
        if out is not None:
            if out < OUTAGE_DARK:
                return (None,) * len(self.tubes)
            # coming back: every tube stutters
            return tuple(_buzz(self.seed, index, tick) for index in range(len(self.tubes)))
        return tuple(self._flickered(index, seconds, tick, hum)
                     for index in range(len(self.tubes)))

    def _chased(self, seconds: float, tick: int, hum: int) -> Levels:
        """The tubes lit one after another, the last blinking, all held, then all dark."""
        count = len(self.tubes)
        blinking = CHASE_BLINKS * 2 * CHASE_STEP
        into = seconds % (count * CHASE_STEP + blinking + CHASE_HOLD + CHASE_DARK)
        lit = min(count, int(into / CHASE_STEP) + 1)
        last_on = True
        if count * CHASE_STEP <= into < count * CHASE_STEP + blinking:
            last_on = int((into - count * CHASE_STEP) / CHASE_STEP) % 2 == 1
        elif into >= count * CHASE_STEP + blinking + CHASE_HOLD:
            lit = 0
        return tuple(self._flickered(index, seconds, tick, hum)
                     if index < lit and (last_on or index < count - 1) else None
                     for index in range(count))

    def _flickered(self, index: int, seconds: float, tick: int, hum: int) -> int | None:
        """Tube `index`'s brightness at this tick, if the sign is not blinked off."""
        flicker = self.params["flicker"]
        if not on_turn(self.turn, seconds):  # another sign's turn to fail: this one hums
            return hum
        if index in self.failing:  # buzzes and stutters, goes dark, then holds lit again
            into = stutter_into(self.seed, index, seconds, self.turn)
            if into is not None and into < STUTTER_BUZZ:
                return _buzz(self.seed, index, tick)
            if into is not None and into < STUTTER_BUZZ + STUTTER_DARK:
                return None
        roll = hash01(self.seed, index, tick)
        if roll < flicker * 0.04:
            return None
        if roll < flicker * 0.15:
            return 3 if roll < flicker * 0.08 else 2
        return hum

    def look(self, frame: Frame) -> Levels:
        """Each tube's brightness now (None: dark): all that changes a sign's pixels, so it
        is kept with the still layers and painted again only where a tube changed."""
        if self._seen is None or self._seen[0] != frame.seconds:  # asked, then drawn: once
            self._seen = (frame.seconds, self.levels(frame.seconds))
        return self._seen[1]

    def changed(self, old: Levels, new: Levels) -> list[pygame.Rect]:
        """Where the tubes that changed glow, and the wall their light washes."""
        areas = [tube.area for tube, was, now in zip(self.tubes, old, new, strict=True)
                 if was != now]
        if self.washes and self.wash_of(old) != self.wash_of(new):
            areas.append(pygame.Rect(self.wash_at, self.washes[0].get_size()))
        return [areas[0].unionall(areas[1:])] if areas else []

    def draw_unlit(self, surface: pygame.Surface, wash: int | None = None) -> None:
        """The sign switched off: its mount and its tubes as dark glass (with `wash`, the wall
        behind them lit at that brightness by the tubes about to glow over them)."""
        if self.mount is not None:
            surface.blit(*self.mount)
        if wash is not None and self.tubes:  # the wall is lit as much as the tubes are
            surface.blit(self.washes[wash], self.wash_at, special_flags=pygame.BLEND_RGB_ADD)
        # The tubes stand off the wall: its wash lights the wall behind them, not their glass.
        surface.fblits([(tube.dead, tube.position) for tube in self.tubes])

    def wash_of(self, levels: Levels) -> int | None:
        """Which brightness the wall's wash has (None: unlit): as much as the tubes lit."""
        share = sum(level is not None for level in levels) / max(1, len(levels))
        if not self.washes or share <= 0:
            return None
        return min(len(LEVELS) - 1, int((1 - share) * len(LEVELS)))

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        levels = self.look(frame)
        self.draw_unlit(surface, self.wash_of(levels))
        glows = [(tube.levels[level], tube.glow_position)
                 for tube, level in zip(self.tubes, levels, strict=True) if level is not None]
        if glows:
            surface.fblits(glows, pygame.BLEND_RGB_ADD)


def _stack_step(font: pygame.font.Font) -> int:
    """From one stacked letter's top to the next one's: a capital's height and a little."""
    return round(font.get_ascent() * STACK_STEP)


def _stack_size(font: pygame.font.Font, words: str) -> tuple[int, int]:
    """The box round letters stacked one under another: the widest, and their column."""
    if not words:
        return 0, 0
    return max(font.size(ch)[0] for ch in words), _stack_step(font) * (len(words) - 1) + \
        font.get_height()


def _buzz(seed: int, index: int, tick: int) -> int | None:
    """A tube short of gas at this tick: dark half the time, else at some dimmer level."""
    if hash01(seed, index, tick) < 0.5:
        return None
    return 1 + int(hash01(seed, index, tick, 7) * 3)


def _board(image: pygame.Surface, board: pygame.Rect, size: int) -> None:
    """A sign's dark board with rounded corners and a paler rim, drawn at `board` on `image`."""
    rounded = max(2, size // 10)
    pygame.draw.rect(image, (*MOUNT, 255), board, border_radius=rounded)
    pygame.draw.rect(image, (*scaled(MOUNT, 1.7), 255), board, max(1, size // 24),
                     border_radius=rounded)
