"""The cars' long shadows at dusk darken each car's own box, not one box round them all."""

from __future__ import annotations

import pygame

from installation.visuals.street_traffic import _apart

PICTURE = pygame.Rect(0, 0, 1920, 1080)


def covered(boxes: list[pygame.Rect]) -> set[tuple[int, int]]:
    return {(x, y) for box in boxes for x in range(box.left, box.right)
            for y in range(box.top, box.bottom)}


def test_shadows_of_cars_apart_are_darkened_in_boxes_apart_and_each_pixel_once() -> None:
    """Two cars in the near lanes either side of the road and one whose shadow overlaps the
    second's: three shadows' boxes. The first stays apart, the overlapping two are joined (a
    pixel in two boxes would be darkened twice); together they hold every pixel of the
    three and far fewer than one box round them all (a third of the picture at dusk)."""
    shadows = [pygame.Rect(100, 700, 300, 200), pygame.Rect(1300, 650, 400, 250),
               pygame.Rect(1600, 850, 250, 150)]
    boxes = _apart(shadows)
    assert len(boxes) == 2
    assert all(not a.colliderect(b) for n, a in enumerate(boxes) for b in boxes[n + 1:])
    assert covered(shadows) <= covered(boxes)
    whole = shadows[0].unionall(shadows[1:])
    assert sum(b.width * b.height for b in boxes) < 0.5 * whole.width * whole.height
