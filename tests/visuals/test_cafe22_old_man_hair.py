"""At Park La Brea (04:35-04:50) the old man's grey hair reads as hair: it covers his crown
and the back of his head down to the nape, his face and ear dark (a grey patch on the back of
a black head, its front edge square over the ear, read as headphones)."""

from __future__ import annotations

from collections.abc import Sequence

from installation.visuals.old_couple import ARC, HELD, bodies
from installation.visuals.old_embrace import _hair, _on_head

Point = tuple[float, float]
GREY = ((-0.2, 0.85), (-0.75, 0.45), (-0.62, -0.62))  # on his head (its radii, x to his face,
#                                                         y up): crown, back, nape
DARK = ((0.5, 0.0), (0.0, -0.1), (0.2, -0.6))  # his face, his ear, his jaw


def _inside(point: Point, polygon: Sequence[Point]) -> bool:
    x, y = point
    inside = False
    for (ax, ay), (bx, by) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def test_his_grey_hair_covers_crown_back_and_nape_not_his_face() -> None:
    shares = [at for at, beat in ARC if beat is HELD] + [0.05, 0.5, 0.95]
    for share in shares:
        ivan, _lucy = bodies(share, 1.0)
        (_kind, hair, _size), = _hair(ivan, bald=True)
        for spot in GREY:
            assert _inside(_on_head(ivan, [spot])[0], hair), (share, spot, "dark")
        for spot in DARK:
            assert not _inside(_on_head(ivan, [spot])[0], hair), (share, spot, "grey")
