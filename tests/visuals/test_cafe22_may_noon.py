"""The May Company in the skyline at noon (14:00) is a gold-tiled cylinder modelled round, not a
flat gold tube with one bright stripe (a battery): across its middle the mosaic's vertical seams
show as darker columns, its side away from the sun is in shade, and the box's far end rounds
off into the light in steps, not one flat slab."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.landmark import landmark, paint_landmark

from .helpers import headless

SIZE = (1920, 700)
TOWERS = (150, 150, 150)  # the towers' hazed colour by day
NOON = (1.0, 1.0)  # full daylight, the sun on the right


def _drawn() -> tuple[np.ndarray, pygame.Rect, pygame.Rect]:
    headless()
    image = pygame.Surface(SIZE, pygame.SRCALPHA)
    image.fill((200, 205, 210, 255))
    where = landmark(SIZE[0], 600, 300)
    paint_landmark(image, where, TOWERS, NOON, 0.0)
    return pygame.surfarray.array3d(image).astype(int).sum(axis=2), where.drum, where.box


def test_the_cylinder_shows_its_tiles_and_is_round() -> None:
    shade, drum, _box = _drawn()
    row = shade[drum.left:drum.right, drum.top + drum.height // 4]
    middle = row[len(row) // 4:3 * len(row) // 4]
    seams = int(((middle[1:-1] < middle[:-2] - 12) & (middle[1:-1] < middle[2:] - 12)).sum())
    assert seams >= 4, f"{seams} seams across the middle: {middle.tolist()}"
    quarter = len(row) // 4
    assert row[:quarter].mean() < 0.55 * row[-2 * quarter:-quarter].mean(), row.tolist()


def test_the_box_rounds_off_at_its_far_end() -> None:
    shade, _drum, box = _drawn()
    row = shade[box.right - box.width // 8:box.right, box.top + box.height // 8]  # (over the bands)
    assert len(set(row.tolist())) >= 6, f"the far end in {len(set(row.tolist()))} tones"
