"""The skyline's windows: each block's grid of them, how a lit or a dark one is painted, and
the restless ones that go on and off by themselves."""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, hash01, hashes01, scaled
from installation.visuals.fills import fill
from installation.visuals.xplan import Layout, near_window, paint_dark, paint_lit
from installation.visuals.xplan_facade import (
    balcony,
    has_balcony,
    in_perspective,
    lean,
    leant,
    spill,
)

RESTLESS_SECONDS = 36.0  # a restless window goes on and off about this often (real seconds)
RESTLESS_DUTY = 0.5
RESTLESS_SHADES = (0.6, 0.8, 1.0)
SPRITES_PER_PIECE = 8  # restless windows' lit pictures made in one step (all of Park La
# Brea's in one took ~3 ms, 16 up to ~2 ms)
# A waking tower's restless windows (Park La Brea's nearest: the sirens wake them) come on one
# by one over the scene, between these shares of it; this share of them go off again after
# AWAKE of it (someone checks the street, then goes back to bed, or leaves).
WAKE = (0.02, 0.9)
BACK_TO_BED, AWAKE = 0.3, (0.15, 0.4)
CURTAINS_WIDTH = 40  # pixels: a lit window of Park La Brea this wide shows its curtains
CURTAIN_FOLD = 0.6  # how dark the parting and the pelmet are
Window = tuple[pygame.Rect, float, int]  # where in the towers' picture, when lit, its tower


def grid(tier: pygame.Rect, cell_w: int, cell_h: int) -> list[pygame.Rect]:
    """The windows a tier of a block has room for: a cell apart, a margin all round."""
    cols = (tier.width - cell_w) // (cell_w * 2)
    rows = (tier.height - cell_h * 2) // (cell_h * 2)
    return _lattice((tier.x + cell_w, tier.y + cell_h * 2), (cell_w, cell_h),
                    (cell_w * 2, cell_h * 2), (cols, rows))


def rhythm_grid(tier: pygame.Rect, rhythm: tuple[int, int, int, int]) -> list[pygame.Rect]:
    """A tier's windows in its building's own `rhythm` (width, height, pitch across and up):
    centred across it, one a storey from its top down, the last storey's over its foot."""
    w, h, across, up = rhythm
    margin, over = max(1, across - w), max(1, up - h)
    cols = max(0, (tier.width - 2 * margin - w) // across + 1)
    rows = max(0, (tier.height - over - up // 3) // up)
    left = tier.x + (tier.width - ((cols - 1) * across + w)) // 2
    return _lattice((left, tier.y + over), (w, h), (across, up), (cols, rows))


def _lattice(origin: tuple[int, int], size: tuple[int, int], pitch: tuple[int, int],
             counts: tuple[int, int]) -> list[pygame.Rect]:
    """Windows of `size` in columns and rows, `pitch` apart from `origin` (column by
    column)."""
    (x, y), (across, up) = origin, pitch
    return [pygame.Rect(x + c * across, y + r * up, *size)
            for c in range(counts[0]) for r in range(counts[1])]


@dataclass(frozen=True)
class Panes:
    """How a window is painted: a block's plainly; Park La Brea's (`plan`) with curtains,
    its nearest tower's with their frames and what hangs in them, balconies in front of some
    (not Lucy and Ivan's, `home`), and the room's light on them, in perspective on a wall
    seen at a slant."""

    seed: int
    plan: Layout | None  # Park La Brea's towers (None: a block's windows)
    home: pygame.Rect | None = None
    bounds: pygame.Rect | None = None  # the towers' picture (a near window's light stays in it)

    @property
    def towers(self) -> bool:
        """Are these Park La Brea's windows?"""
        return self.plan is not None

    def near(self, rect: pygame.Rect) -> bool:
        """Is this a window of Park La Brea's nearest tower, big enough to show its frame?"""
        return self.towers and near_window(rect)

    def slope(self, window: int, rect: pygame.Rect) -> float:
        """The slope a near window is drawn at (0: level; see xplan_facade.lean)."""
        if self.plan is None or not 0 <= window < len(self.plan.windows):
            return 0.0
        return lean(rect, self.plan.windows[window].slope)

    def area(self, rect: pygame.Rect, window: int = -1) -> pygame.Rect:
        """All that changes as the window's light goes on or off."""
        if not self.near(rect):
            return rect
        area = leant(rect, self.slope(window, rect))
        return area.clip(self.bounds) if self.bounds is not None else area

    def dressing(self, window: int, rect: pygame.Rect) -> float:
        """What hangs in a near window (0 to 1: see xplan.paint_lit); 0 for any other."""
        return hash01(self.seed, window, 7) if self.near(rect) else 0.0

    def _balcony(self, window: int, rect: pygame.Rect) -> bool:
        """Is there a balcony in front of this near window (never Lucy and Ivan's: told by its
        number, as a restless window's sprite has it at a place of its own)?"""
        home = self.plan is not None and 0 <= window < len(self.plan.windows) \
            and self.plan.windows[window].rect == self.plan.home
        return not home and rect != self.home and has_balcony(self.seed, window, rect)

    def dark(self, image: pygame.Surface, rect: pygame.Rect, glass: Color, daylight: float,
             window: int) -> None:
        """An unlit window: glass by day; a near one's frame, dark glass and its curtains or
        blind at any hour, and its balcony if it has one."""
        if self.near(rect):
            in_perspective(image, rect, self.slope(window, rect),
                           lambda on, at: self._dark_near(on, at, window))
        elif daylight > 0.3 and self.towers:  # (the blocks' faces show theirs)
            image.fill((*glass, 255), rect)

    def lit(self, surface: pygame.Surface, rect: pygame.Rect, color: tuple[int, ...],
            window: int) -> None:
        """A lit window: one of Park La Brea's glows through drawn curtains; one of its
        nearest tower's shows its frame and its curtains, blind or room, its light falling on
        its reveals, its sill and its balcony."""
        if self.near(rect):
            light = (color[0], color[1], color[2])
            in_perspective(surface, rect, self.slope(window, rect),
                           lambda on, at: self._lit_near(on, at, light, window))
            return
        fill(surface, color, rect)
        if self.towers and rect.width >= CURTAINS_WIDTH:
            fold = scaled((color[0], color[1], color[2]), CURTAIN_FOLD)
            parting = rect.inflate(-rect.width + max(2, rect.width // 14), 0)
            surface.fill((*fold, *color[3:]), parting)
            surface.fill((*fold, *color[3:]), (rect.x, rect.y, rect.width, rect.height // 9))


    def _dark_near(self, surface: pygame.Surface, rect: pygame.Rect, window: int) -> None:
        paint_dark(surface, rect, self.dressing(window, rect))
        if self._balcony(window, rect):
            balcony(surface, rect, None)

    def _lit_near(self, surface: pygame.Surface, rect: pygame.Rect, light: Color,
                  window: int) -> None:
        paint_lit(surface, rect, light, self.dressing(window, rect))
        spill(surface, rect, light)
        if self._balcony(window, rect):
            balcony(surface, rect, light)


class Restless:
    """The windows whose lights go on and off on their own, a few times a minute (someone up
    late, a television): their timing fixed when made, their state each frame."""

    def __init__(self, windows: Sequence[Window], behind: frozenset[int], seed: int,
                 share: float, top: int, fade: Callable[[int], float],
                 waking: frozenset[int] = frozenset(), panes: Panes | None = None) -> None:
        towers = np.array([n for _, _, n in windows], dtype=np.uint64)
        picks = np.flatnonzero(hashes01(seed, towers, np.arange(len(windows), dtype=np.uint64),
                                        np.full(len(windows), 3, np.uint64)) < share).tolist()
        # The seen ones' places among all the picks (which shade each is lit in, as before).
        self.order = [k for k, i in enumerate(picks) if i not in behind]
        shown = self.windows = [picks[k] for k in self.order]
        self.chosen = set(shown)
        self.top = top
        self.rects = [(windows[i][0] if panes is None else panes.area(windows[i][0], i))
                      .move(0, top) for i in shown]  # placed, all they light
        self.panes = [windows[i][0] for i in shown]  # the windows themselves, unplaced
        self.fade = [fade(windows[i][2]) for i in shown]
        self.period = (RESTLESS_SECONDS * (0.5 + _each(seed, shown, 5))).astype(np.float32)
        self.phase = _each(seed, shown, 6).astype(np.float32)
        self.waking = np.array([windows[i][2] in waking for i in shown], dtype=bool)
        self.wake, self.sleep = _wake_times(seed, shown)

    def on(self, seconds: float, share: float = 0.0) -> tuple[int, ...]:
        """Which of them are lit now, `seconds` (real) and `share` (of its story time) into
        the scene: a waking tower's once their time has come (and not yet gone), the others
        on and off over and over."""
        phase = (seconds / self.period + self.phase) % 1.0
        awake = (self.wake <= share) & (share < self.sleep)
        return tuple(np.flatnonzero(np.where(self.waking, awake, phase < RESTLESS_DUTY)).tolist())

    def sprites(self, levels: tuple[float, ...], warm: Color, panes: Panes,
                walls: pygame.Surface) -> Generator[None, None, list[pygame.Surface]]:
        """Each one's picture when lit (shared by windows of a size and shade; a near one's
        painted over its part of `walls`, the towers' picture before any window), made
        SPRITES_PER_PIECE a step."""
        made: dict[tuple[tuple[int, int], Color, float], pygame.Surface] = {}
        sprites: list[pygame.Surface] = []
        for i, pane in enumerate(self.panes if levels else ()):
            if i and i % SPRITES_PER_PIECE == 0:
                yield
            color = scaled(warm, levels[self.order[i] % len(levels)] * self.fade[i])
            window, area = self.windows[i], self.rects[i].move(0, -self.top)
            if area != pane:  # (lit, it lights the wall round it)
                sprite = walls.subsurface(area).copy()
                panes.lit(sprite, pane.move(-area.x, -area.y), color, window)
                sprites.append(sprite)
                continue
            key = (pane.size, color, panes.dressing(window, pane))
            if key not in made:
                made[key] = pygame.Surface(pane.size)
                panes.lit(made[key], pane.move(-pane.x, -pane.y), color, window)
            sprites.append(made[key])
        return sprites


def _wake_times(seed: int, windows: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """When (shares of the scene) each window of a waking tower comes on, and goes off again
    (never: past the scene's end)."""
    wake = WAKE[0] + (WAKE[1] - WAKE[0]) * _each(seed, windows, 8)
    sleep = np.where(_each(seed, windows, 9) < BACK_TO_BED,
                     wake + AWAKE[0] + (AWAKE[1] - AWAKE[0]) * _each(seed, windows, 10), 2.0)
    return wake.astype(np.float32), sleep.astype(np.float32)


def _each(seed: int, windows: Sequence[int], salt: int) -> np.ndarray:
    """hash01(seed, i, salt) for each window i."""
    ids = np.array(windows, dtype=np.uint64)
    return hashes01(seed, ids, np.full(len(ids), salt, np.uint64))
