"""A car's lamps and the light they throw: their places on the car, their faces (lit: bright
in their middles, soft to their rims; unlit: darker glass at the rim) and the pool of a car's
headlights on the road ahead of it."""

from __future__ import annotations

from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.base import Color, chunks, finished, scaled
from installation.visuals.cars import LAMP_FOOT, LAMP_TOP, LAMPS, Seen
from installation.visuals.glow import radial

CONE_LENGTH = 2.2  # how far a car's headlights light the road, in widths of the car
CONE_COLUMNS = 160  # a headlight's light on the road is made this many columns a piece
LAMP_FACE = (64, 24)  # pixels: a lamp's face is made this size once, then grown or shrunk
LAMP_SPREAD = (1.5, 1.9)  # a lit face's light reaches this far past the lamp, across and up
LAMP_FALL = 0.7  # how softly a lamp's face dims from its middle to its rim
LAMP_SHAPED = 6  # pixels: a lamp this wide or wider is drawn with its face (smaller: a dot)
UNLIT_RIM = 0.55  # an unlit lamp's glass at its rim, of its colour (its middle catches the sky)
# A lit headlamp seen from ahead is a round soft glow, as wide as the lamp this much (its face
# grown to the lamp's wide low box, added onto the round glow over it, made a 4-point star),
# made ROUND_FACE pixels across once (falling off from its middle by ROUND_FALL: flatter, a
# white ball over the car's front), then grown or shrunk.
ROUND_SPREAD, ROUND_FACE, ROUND_FALL = 0.9, 48, 1.3
LAMP_SIZES_KEPT = 512  # grown faces kept (a near car's lamps take a few dozen sizes a lap)


def lamp_boxes(car: Seen) -> list[pygame.Rect]:
    """Where a car's two lamps are on the screen (head or tail: the same places)."""
    xs, ys = car.xs, car.ys
    low, high = ys[LAMP_FOOT], ys[LAMP_TOP]
    return [pygame.Rect(xs[lamp], high, max(1, xs[lamp + 1] - xs[lamp]), max(1, low - high))
            for lamp in (LAMPS, LAMPS + 2)]


def cone(width: int, height: int, color: Color, toward_us: bool) -> pygame.Surface:
    """Headlight on the road: a soft wedge, brightest at the car, fading as it widens."""
    return finished(coning(width, height, color, toward_us))


CONE_AT_CAR, CONE_PEAK = 0.5, 0.2  # the pool at the car, of its brightest, a share of its
#                                   length on (lamps aimed at the road ahead, not at the bumper)
CONE_FOOT = 0.45  # a headlights' pool's width at the car, of its widest (at 0.25 it left the
#                   car as a narrow bright column: two cars coming drew vertical smears)


def coning(width: int, height: int, color: Color,
           toward_us: bool) -> Generator[None, None, pygame.Surface]:
    """`cone`, made CONE_COLUMNS columns a piece."""
    w, h = max(4, width), max(4, height)
    y = np.linspace(0.0, 1.0, h, dtype=np.float32)[None, :]
    x = np.linspace(-1.0, 1.0, w, dtype=np.float32)[:, None]
    spread = CONE_FOOT + (1 - CONE_FOOT) * y  # as wide as the car where it leaves it
    along = (1 - y) ** 1.6 * (CONE_AT_CAR + (1 - CONE_AT_CAR) * np.minimum(1.0, y / CONE_PEAK))
    out = pygame.Surface((w, h))
    for cols in chunks(w, CONE_COLUMNS):
        falloff = np.clip(1 - np.abs(x[cols]) / spread, 0, 1) ** 1.5 * along
        if not toward_us:
            falloff = falloff[:, ::-1]
        rgb = (falloff[:, :, None] * np.array(color, dtype=np.float32)[None, None, :])
        pygame.surfarray.blit_array(out.subsurface((cols.start, 0, cols.stop - cols.start, h)),
                                    rgb.astype(np.uint8))
        yield
    return out


def lamp_face(color: Color) -> pygame.Surface:
    """A lamp's face, to add onto the car at a lamp's size: brightest in its middle, soft to
    its rim and a little past it (LAMP_FACE wide and high, the lamp LAMP_SPREAD of it)."""
    w, h = LAMP_FACE
    x = np.linspace(-1.0, 1.0, w, dtype=np.float32)[:, None] * LAMP_SPREAD[0]
    y = np.linspace(-1.0, 1.0, h, dtype=np.float32)[None, :] * LAMP_SPREAD[1]
    level = np.clip(1.0 - np.sqrt(x * x + y * y) ** 2, 0.0, 1.0) ** LAMP_FALL
    rgb = level[:, :, None] * np.array(color, dtype=np.float32)[None, None, :]
    out = pygame.Surface((w, h))
    pygame.surfarray.blit_array(out, np.rint(rgb).astype(np.uint8))
    return out


class LampFaces:
    """Lamps drawn with their faces, grown to light the lamp and about it: lit, added on (the
    `round` ones, headlamps, a round glow on the lamp's middle); unlit, the lamp's glass darker
    at its rim, its middle catching the sky (the face within the lamp alone). Each face grown
    to a size once and kept (a few hundred sizes at most)."""

    def __init__(self, colors: dict[bool, Color], unlit: dict[bool, Color],
                 round_lit: frozenset[bool] = frozenset()) -> None:
        self.faces = {(key, True): radial(ROUND_FACE // 2, color, ROUND_FALL)
                      if key in round_lit else lamp_face(color) for key, color in colors.items()}
        self.faces.update({(key, False): lamp_face(color) for key, color in unlit.items()})
        self.colors, self.unlit, self.round_lit = colors, unlit, round_lit
        self._grown: dict[tuple[bool, bool, int, int], pygame.Surface] = {}

    def pair(self, surface: pygame.Surface, which: bool, lit: bool, car: Seen) -> None:
        """A car's two lamps `which`: a near one's with their faces (see `draw`), a far one's
        each a dot of their colour."""
        color = self.colors[which] if lit else self.unlit[which]
        for box in lamp_boxes(car):
            if box.width >= LAMP_SHAPED:
                self.draw(surface, which, lit, box)
            else:
                surface.fill(color, box)

    def draw(self, surface: pygame.Surface, which: bool, lit: bool, box: pygame.Rect) -> None:
        """The lamp `which` (a key of the colours) at `box`, lit or not."""
        size = (max(2, round(box.width * LAMP_SPREAD[0])),
                max(2, round(box.height * LAMP_SPREAD[1])))
        if lit and which in self.round_lit:
            size = (max(2, round(box.width * ROUND_SPREAD)),) * 2
        face = self._grow(which, lit, size)
        at = (box.centerx - size[0] // 2, box.centery - size[1] // 2)
        if lit:
            surface.blit(face, at, special_flags=pygame.BLEND_RGB_ADD)
            return
        surface.fill(scaled(self.unlit[which], UNLIT_RIM), box)
        surface.blit(face, box, box.move(-at[0], -at[1]), special_flags=pygame.BLEND_RGB_MAX)

    def _grow(self, which: bool, lit: bool, size: tuple[int, int]) -> pygame.Surface:
        """The face grown (or shrunk) to `size`, made once."""
        key = (which, lit, *size)
        grown = self._grown.get(key)
        if grown is None:
            if len(self._grown) >= LAMP_SIZES_KEPT:
                self._grown.clear()
            grown = pygame.transform.smoothscale(self.faces[which, lit], size)
            self._grown[key] = grown
        return grown
