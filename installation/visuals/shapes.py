"""The figures a `silhouette` layer can draw (its `shape` key), each a drawing in units and the
bounds it keeps to."""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import Any

import pygame

from installation.visuals.base import Color
from installation.visuals.mammoth import bull, calf, mammoth
from installation.visuals.palm import CROWN_REACH, burnt_palm, palm, palm_crown
from installation.visuals.pen import Pen, render

UNIT = 0.25  # one shape unit is this share of the picture height, at scale 1


def payphone(pen: Pen, color: Color) -> None:
    """A pedestal payphone under its little hood, handset hanging on the side."""
    pen.polygon([(-0.03, 0.0), (0.03, 0.0), (0.03, 0.5), (-0.03, 0.5)], color)
    pen.polygon([(-0.12, 0.46), (0.12, 0.46), (0.12, 0.82), (-0.12, 0.82)], color)
    pen.polygon([(-0.2, 0.8), (0.2, 0.8), (0.2, 1.0), (-0.2, 1.0)], color)
    pen.polygon([(-0.2, 0.78), (-0.18, 0.78), (-0.18, 0.98), (-0.2, 0.98)], color)
    pen.polygon([(0.18, 0.78), (0.2, 0.78), (0.2, 0.98), (0.18, 0.98)], color)
    pen.stroke([(0.14, 0.78), (0.16, 0.7), (0.15, 0.58)], 0.05, 0.05, color)  # handset
    pen.stroke([(0.12, 0.56), (0.18, 0.5), (0.14, 0.44), (0.1, 0.5)], 0.012, 0.012, color)


def coyote(pen: Pen, color: Color) -> None:
    """A coyote, head low, sniffing the floor."""
    body = [(0.42, 0.36), (0.3, 0.46), (0.0, 0.48), (-0.24, 0.46), (-0.34, 0.42), (-0.44, 0.34),
            (-0.54, 0.26), (-0.62, 0.22), (-0.6, 0.18), (-0.48, 0.2), (-0.38, 0.24),
            (-0.3, 0.26), (-0.2, 0.3), (0.0, 0.3), (0.3, 0.3), (0.42, 0.3)]
    pen.polygon(body, color)
    pen.polygon([(-0.4, 0.36), (-0.36, 0.48), (-0.32, 0.38)], color)  # ear
    pen.polygon([(-0.46, 0.33), (-0.44, 0.45), (-0.39, 0.35)], color)  # ear
    for x0, x1 in ((-0.22, -0.24), (-0.12, -0.1), (0.26, 0.3), (0.36, 0.4)):
        pen.stroke([(x0, 0.34), (x1, 0.0)], 0.05, 0.03, color)
    pen.stroke([(0.4, 0.38), (0.52, 0.26), (0.56, 0.12)], 0.1, 0.05, color)  # tail


SHAPES: dict[str, tuple[Callable[[Pen, Color], None], tuple[float, float, float, float]]] = {
    # name: (drawing, bounds in units: left, right, bottom, top)
    "mammoth": (mammoth, (-1.2, 0.75, 0.0, 1.42)),
    "calf": (calf, (-0.9, 0.75, 0.0, 1.35)),  # (its trunk swung out curls to -0.86)
    "bull": (bull, (-1.35, 0.75, 0.0, 1.35)),
    "payphone": (payphone, (-0.25, 0.25, 0.0, 1.05)),
    "palm": (palm, (-0.7, 1.0, 0.0, 3.6)),
    "palm crown": (palm_crown, (-CROWN_REACH, CROWN_REACH, -CROWN_REACH, CROWN_REACH)),  # at rest
    "burnt palm": (burnt_palm, (-0.7, 1.0, 0.0, 3.6)),
    "coyote": (coyote, (-0.7, 0.65, 0.0, 0.55)),
}


def in_tar(params: Mapping[str, Any]) -> bool:
    """Does this figure stand in the tar (sunk in it, or sinking)?"""
    return bool(params["sink"] > 0 or params["sinking"] > 0)


def across(params: Mapping[str, Any], size: tuple[int, int]) -> tuple[float, float]:
    """How far across a picture of `size` a figure can reach, in pixels: from its left to its
    right (its shape's bounds, turned as it faces)."""
    width, height = size
    _draw, (left, right, _bottom, _top) = SHAPES[params["shape"]]
    px = params["scale"] * UNIT * height
    middle = width * params["x"]
    if params["flip"]:
        left, right = -right, -left
    return middle + left * px, middle + right * px


def shape_picture(shape: str, px: float, flip: bool, color: Color
                  ) -> Generator[None, None, tuple[pygame.Surface, tuple[int, int]]]:
    """One of SHAPES drawn `px` pixels to a unit (mirrored if `flip`), in pieces: the picture
    and where in it its feet are."""
    draw, (left, right, bottom, top) = SHAPES[shape]
    image = yield from render(draw, (left, right, bottom, top), px, flip, color)
    return image, (round((right if flip else -left) * px), round(top * px))
