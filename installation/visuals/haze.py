"""What the flash leaves in the air and on the ground: a drifting haze, ash settled on a shore."""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import Any, TypeVar

import numpy as np
import pygame

from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    chunks,
    hash01,
    scaled,
)
from installation.visuals.enlarge import Piece
from installation.visuals.figure_sun import scene_span, span_share
from installation.visuals.flash import mix_terms, white_out
from installation.visuals.glow import radial
from installation.visuals.lit import lit_mask, pieces_of
from installation.visuals.veil import prepare

Made = TypeVar("Made")

DRIFT = 0.006  # picture widths per real second
LEVELS = 48  # steps of the haze's strength as it clears (no change every frame)
LEVEL_AHEAD = 30.0  # story seconds ahead that what the next step needs is made, one a frame
DUST_HEIGHT = 0.012  # how high the settled ash drifts above the line, of the picture height
DUST_BELOW = 0.05  # how far it thins out over the ground below the line
DUST_MOUNDS = (3, 7, 17, 41)  # its top rises and falls this many times across the picture
DUST_MOTTLE = 0.06  # how much its tone and thickness vary from spot to spot
DUST_ALPHA = 150.0  # how thick it lies
DUST_COLUMNS = 240  # the settled ash is made this many columns a piece when built ahead
VEIL = 0.75  # the even part of the haze, of its strength (the banks add the rest)
BANKS = 2  # thicker drifts of haze moving slowly across, low over the ground
BANK_SIZE = (0.55, 0.3)  # of the picture's width and height
BANK_LIGHT = 0.35  # how much a bank adds, times the haze colour at full strength
BANK_ROWS, BANK_GAP = 16, 16  # a bank is added in bands of rows this tall, where it adds
# light (its black rim and corners add none), stretches closer than this many columns as one


def dust_rise(height: int) -> int:
    """How many rows the settled ash rises above its line."""
    return max(2, int(height * DUST_HEIGHT))


def bank(size: tuple[int, int], color: Color, level: float) -> pygame.Surface:
    """A soft drift of thicker haze, for an additive blit."""
    width, height = int(size[0] * BANK_SIZE[0]), int(size[1] * BANK_SIZE[1])
    return pygame.transform.smoothscale(
        radial(48, scaled(color, BANK_LIGHT * level), 1.5), (max(2, width), max(2, height)))


def thinned(dust: pygame.Surface, share: float) -> pygame.Surface:
    """The settled ash at a share of its thickness: its alpha scaled as a blit at that
    surface alpha scales it (the same picture, by a cheaper blit)."""
    alpha_mod = round(255 * share)
    if alpha_mod >= 255:
        return dust
    thin = dust.copy()
    alpha = pygame.surfarray.pixels_alpha(thin)
    alpha[:] = alpha.astype(np.uint16) * alpha_mod // 255
    del alpha
    return thin


class Haze(Split):
    """A grey veil that drifts; with `clears` it thins away over the scene, as the sun wins.

    Its still part (the settled ash and the even veil) changes only as its strength steps, so
    right over the scene's still layers it is kept in their background; the banks move."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the settled ash a band of columns at a time."""
        self.params = params
        width, height = setup.size
        color: Color = params["color"]
        self.size = setup.size
        self.color = color
        self.seed = setup.seed
        self._made: dict[str, tuple[float, Any]] = {}  # the dust and the bank at a level
        self._ahead: dict[str, tuple[float, Any]] = {}  # ...and at the coming level
        self.span = scene_span(setup)
        self.dust = (yield from self._dust(width, height, color)) if params["shore"] else None
        self.shore = int(height * params["shore"])

    @staticmethod
    def _dust(width: int, height: int,
              color: Color) -> Generator[None, None, pygame.Surface]:
        """Ash lying along a shore: soft pale drifts that rise in low mounds above the line
        and thin out over the ground below it (never a ruled strip), faintly mottled;
        DUST_COLUMNS columns a piece."""
        above, below = dust_rise(height), max(2, int(height * DUST_BELOW))
        rng = np.random.default_rng(width * 7 + height)
        x = np.linspace(0.0, 1.0, width)
        waves = [rng.uniform(0.3, 1.0) * np.sin(2 * np.pi * (k * x + rng.random()))
                 for k in DUST_MOUNDS]
        mounds = np.sum(waves, axis=0) / sum(np.abs(w).max() for w in waves)
        top = above * (0.6 + 0.4 * mounds)  # each column's drift height, in rows
        rise = above - 0.5 - np.arange(above + below, dtype=np.float64)  # over the line
        image = pygame.Surface((width, above + below), pygame.SRCALPHA)
        yield
        for cols in chunks(width, DUST_COLUMNS):
            cover = np.where(rise[None, :] >= 0,
                             np.clip(1.0 - rise[None, :] / top[cols, None], 0.0, 1.0) ** 0.7,
                             np.clip(1.0 + rise[None, :] / below, 0.0, 1.0) ** 2)
            # drawn column by column: the same numbers as drawn for all of them at once
            wide = cols.stop - cols.start
            mottle = 1.0 + DUST_MOTTLE * rng.standard_normal((wide, above + below))
            tone = np.clip(np.array(color)[None, None, :] * mottle[:, :, None], 0, 255)
            band = image.subsurface((cols.start, 0, wide, above + below))
            pygame.surfarray.blit_array(band, tone.astype(np.uint8))
            alpha = pygame.surfarray.pixels_alpha(band)
            alpha[:] = np.clip(DUST_ALPHA * (0.8 + 0.2 * mounds[cols, None]) * cover * mottle,
                               0, 255).astype(np.uint8)
            del alpha, band
            yield
        return image

    def strength(self, frame: Frame) -> float:
        """The veil's share, 0..amount: all scene, or thinning to nothing by the scene's end."""
        return self._level(frame.story_time)

    def _level(self, story_time: float) -> float:
        """The veil's share at a story time (see `strength`)."""
        amount: float = self.params["amount"]
        if not self.params["clears"]:
            return amount
        done = span_share(self.span, story_time)
        return amount * round((1.0 - done) * LEVELS) / LEVELS

    def _at(self, what: str, level: float, make: Callable[[float], Made]) -> Made:
        """`what` for a strength (made again only when the strength steps, unless it was
        made ahead for it)."""
        kept = self._made.get(what)
        if kept is None or kept[0] != level:
            ahead = self._ahead.pop(what, None)
            kept = self._made[what] = (ahead if ahead is not None and ahead[0] == level
                                       else (level, make(level)))
        return kept[1]

    def _prepare(self, frame: Frame, level: float) -> None:
        """One thing a frame for the strength LEVEL_AHEAD story seconds on, if it steps by
        then: the veil's band, the settled ash, the bank (no frame makes all three)."""
        upcoming = self._level(frame.story_time + LEVEL_AHEAD)
        if upcoming == level or upcoming <= 0:
            return
        for what, make in self._makers():
            if self._ahead.get(what, (None,))[0] != upcoming:
                self._ahead[what] = (upcoming, make(upcoming))
                return

    def _makers(self) -> list[tuple[str, Callable[[float], Any]]]:
        """What is made for a strength, by name (`_at`'s), with how it is made."""
        makers: list[tuple[str, Callable[[float], Any]]] = [
            ("veil", lambda at: prepare(self.size[0], *mix_terms(at * VEIL, self.color))),
            ("bank", self._bank)]
        if self.dust is not None:
            makers.append(("dust", self._settled))
        return makers

    def _settled(self, level: float) -> pygame.Surface:
        """The settled ash at a strength: whole while the air is thick, thinning as it clears."""
        assert self.dust is not None
        return thinned(self.dust, min(1.0, level / self.params["amount"]))

    def look(self, frame: Frame) -> float:
        """What decides the still part's pixels: the strength."""
        return self.strength(frame)

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The settled ash (whole while the air is thick, going as it clears) and the veil."""
        level = self.strength(frame)
        if level <= 0:
            return
        if self.dust is not None:
            settled = self._at("dust", level, self._settled)
            surface.blit(settled, (0, self.shore - dust_rise(self.size[1])))
        white_out(surface, level * VEIL, self.color)

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """The banks drifting across, added over the veil."""
        level = self.strength(frame)
        if level <= 0:
            return
        width, height = self.size
        drift, pieces = self._at("bank", level, self._bank)
        span = width + drift.get_width()
        for n in range(BANKS):
            x = (hash01(self.seed, n) * span + frame.seconds * DRIFT * width * (1 + 0.4 * n))
            y = height * (0.45 + 0.4 * hash01(self.seed, n, 1)) - drift.get_height() / 2
            left, top = int(x % span) - drift.get_width(), int(y)
            surface.fblits([(piece, (left + dx, top + dy)) for piece, (dx, dy) in pieces],
                           pygame.BLEND_RGB_ADD)
        self._prepare(frame, level)

    def _bank(self, level: float) -> tuple[pygame.Surface, list[Piece]]:
        """A bank at a strength, and its pieces that add light (placed from its corner)."""
        drift = bank(self.size, self.color, level)
        return drift, pieces_of(drift, lit_mask(drift), BANK_ROWS, BANK_GAP)
