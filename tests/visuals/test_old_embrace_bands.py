"""Lucy and Ivan's soft edges (old_embrace): drawn twice as large and smoothed down only where
they are, band by band, they look exactly as their whole box smoothed at once did, for about
half the work (smoothing it all was ~40% of Park La Brea's frame)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals import old_embrace
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.old_embrace import BOX, SUPER, OldEmbrace
from installation.visuals.render import headless

ROOT = Path(__file__).resolve().parents[2]
FULL_HD = (1920, 1080)
TIMES = ("04:35:30", "04:38", "04:41", "04:44", "04:47", "04:49:50")  # along their arc
SMOOTHED = 0.71  # of their box, smoothed at most (about half of it is empty, round them; 0.7
# when they stood 2.7 times as tall: the bands' rounding is a larger share of a smaller box)
WALL = (52, 44, 40)


@cache
def scene() -> tuple[Compositor, OldEmbrace]:
    """The show's Park La Brea couple at full HD (its own timeline, no pace)."""
    headless()
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    park = next(s for s in line.scenes if s.name == "Park La Brea")
    index, spec = next((n, spec) for n, spec in enumerate(park.layers)
                       if spec.type == "figures" and spec.params["body"] == "elders")
    compositor = Compositor(line, FULL_HD, lambda _message: None)
    return compositor, OldEmbrace(spec.params, compositor.setup(park, index, "figures"))


def frame_at(at: str) -> Frame:
    compositor, _ = scene()
    state = state_at(compositor.timeline, parse_clock(at))
    return Frame(state.story_time, state.scene_seconds, state, compositor.camera)


def whole_box(couple: OldEmbrace, surface: pygame.Surface, frame: Frame) -> None:
    """Their room, then the two of them as their whole box smoothed at once (as on ee6075ee)."""
    couple.under(surface, frame)
    x, y = couple.path.points[0]
    centre = (x + old_embrace.EMBRACE_GAP / 2 * couple.height,
              y + old_embrace.FLOOR * couple.height)
    pieces = couple.pieces(couple.share(frame), frame.seconds)
    box = couple._box(pieces)
    couple._corner = (BOX[0] + box.x / couple.tall, BOX[3] - box.y / couple.tall)
    big = pygame.Surface((box.width * SUPER, box.height * SUPER), pygame.SRCALPHA)
    pieces = [(couple._on_drawing(shapes), color) for shapes, color in pieces]  # (placed once)
    for shapes, color in pieces:  # (every rim under every piece: see old_embrace.draw)
        if color == couple.dark:
            couple._rim(big, shapes)
    for shapes, color in pieces:
        couple._paint(big, shapes, color)
    surface.blit(pygame.transform.smoothscale(big, box.size),
                 (round(centre[0] + BOX[0] * couple.tall) + box.x,
                  round(centre[1] - BOX[3] * couple.tall) + box.y))


def drawn(draw: str, at: str) -> bytes:
    _, couple = scene()
    surface = pygame.Surface(FULL_HD)
    surface.fill(WALL)
    if draw == "bands":
        couple.draw(surface, frame_at(at))
    else:
        whole_box(couple, surface, frame_at(at))
    return pygame.image.tobytes(surface, "RGB")


@pytest.mark.parametrize("at", TIMES)
def test_their_edges_are_as_soft_as_their_whole_box_smoothed(at: str) -> None:
    """Every pixel of them and their room, apart or in each other's arms, swaying, is what it
    was when their whole box was smoothed at once."""
    assert drawn("bands", at) == drawn("whole", at)


@pytest.mark.parametrize("at", TIMES[::2])
def test_only_where_they_are_is_smoothed(at: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The smoothing covers at most SMOOTHED of their box (on ee6075ee all of it, every frame:
    ~40% of Park La Brea's frame): the rest of the box is empty and stays the room."""
    _, couple = scene()
    frame = frame_at(at)
    box = couple._box(couple.pieces(couple.share(frame), frame.seconds))
    counted: list[int] = []  # the pixels smoothed down, at the size they are shown
    smooth = pygame.transform.smoothscale

    def counting(source: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
        counted.append(size[0] * size[1])
        return smooth(source, size)

    monkeypatch.setattr(pygame.transform, "smoothscale", counting)
    couple.draw(pygame.Surface(FULL_HD), frame)
    assert counted and sum(counted) <= SMOOTHED * box.width * box.height, (
        sum(counted) / (box.width * box.height))
