"""The shipped story's people where a visitor expects them: behind what is nearer, moving when
the news comes, apart from the ground and from each other, lit from the side of the light."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import format_clock, parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures, Look
from installation.visuals.render import headless
from installation.visuals.silhouette import Silhouette

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SMALL = (640, 360)
KEY = (255, 0, 255)  # figures drawn flat in this, no rim, to find where they are
NOON_WALK = ("12:30", "12:33")  # the far-shore walkers' loops over the mother's head
NOON_STEP = 15  # story seconds between the frames looked at (about half a real second)

HER = 24  # levels a pixel changes by where she stands (past her soft edge)

Pick = Callable[[Figures], bool]


def everyone(_figures: Figures) -> bool:
    return True


def shipped(at: str | float, keyed: Pick | None = None, mammoth: bool = True,
            people: bool = True, size: tuple[int, int] = SMALL) -> np.ndarray:
    """The shipped story at `at`: the figures `keyed` picks drawn flat in KEY, the mammoth
    drawn or left out, the people drawn or left out."""
    headless()
    line = load_timeline(SHIPPED)
    when = parse_clock(at) if isinstance(at, str) else at
    with pytest.MonkeyPatch.context() as patch:
        looked, shown, walked = Figures._look, Silhouette.draw, Figures.draw

        def look(self: Figures, i: int) -> Look:
            one = looked(self, i)
            return dataclasses.replace(one, color=KEY, rim=None) if keyed is not None and \
                keyed(self) else one

        def draw(self: Silhouette, surface: pygame.Surface, frame: Frame) -> None:
            if mammoth or self.params["shape"] != "mammoth":
                shown(self, surface, frame)

        def walk(self: Figures, surface: pygame.Surface, frame: Frame) -> None:
            if people:
                walked(self, surface, frame)

        patch.setattr(Figures, "_look", look)
        patch.setattr(Figures, "draw", walk)
        patch.setattr(Silhouette, "draw", draw)
        surface = pygame.Surface(size)
        Compositor(line, size, print).draw(surface, state_at(line, when))
    return pygame.surfarray.array3d(surface).astype(int)


def keyed_pixels(frame: np.ndarray) -> np.ndarray:
    return (frame[..., 0] > 200) & (frame[..., 1] < 60) & (frame[..., 2] > 200)


def test_the_far_shore_walkers_pass_behind_the_mother_mammoth() -> None:
    """She is nearer than the far shore: a walker crossing where her head and back stand up
    over the shore line goes behind her, never a tiny man standing on her head."""
    start, end = (parse_clock(t) for t in NOON_WALK)
    behind = 0
    for when in np.arange(start, end, NOON_STEP):
        at = float(when)
        her = np.abs(shipped(at, people=False) - shipped(at, people=False, mammoth=False)).max(
            axis=2) > HER
        behind += int((keyed_pixels(shipped(at, everyone, mammoth=False)) & her).any())
        over = keyed_pixels(shipped(at, everyone)) & her
        assert not over.any(), f"{format_clock(float(when))}: a walker drawn over her"
    assert behind, "a walker passes where she stands"
