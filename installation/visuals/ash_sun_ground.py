"""What the low sun's light falls on in a burnt street: a relief worked out once from the street's
still ground, that the sunbreak's light on the ground is multiplied by: more on what is lit
already (the drifts' windward slopes, the ash on the wrecks), less in the hollows and on the
char, little in the long shadows the wrecks and the left kerb throw away from the sun behind
us to the left (an even wash lit the char as much as the ash and threw no shadow)."""

from __future__ import annotations

from collections.abc import Generator, Iterable

import numpy as np
import pygame

from installation.visuals.base import Setup
from installation.visuals.storefronts import Project

ASH_GREY = 100.0  # the grey the light falls on at its own strength (the road's ash)...
RAKE = 1.7  # ... paler ground takes more of it, darker less: this power of its grey over that
MOST = 1.95  # ... at most this many times its strength
UNIT = 128  # the relief's level for the light's own strength (a multiply blit's 0.5)
IN_SHADOW = 0.12  # in a long shadow: this much of it (the light of the smoke's sky)
SUN_WAY = (0.35, 1.0)  # the way the shadows lie (world x, z per z): away from us, a little right
CAR = (0.13, 0.3)  # a wreck's footprint: its half width, half length (world units)...
CAR_SHADOW = 2.5  # ... its shadow this long from its far end (world z: the sun low)
KERB = (0.06, 0.2)  # the left kerb's shadow on the road: this wide (world x), from this near z
KERB_FAR = 8.0  # ... to this far
ROWS = 90  # rows of the relief worked out a piece (~2-4 ms each at 1080)


class SunGround:
    """A scene's street's relief for its sunbreak (shared through the compositor's made-once
    pictures): `expected` once a street will make one, `relief` when made, its top row."""

    def __init__(self) -> None:
        self.expected = False
        self.relief: pygame.Surface | None = None
        self.top = 0

    def ready(self) -> bool:
        """Is there nothing to wait for (a relief made, or none coming)?"""
        return not self.expected or self.relief is not None


def sun_ground(setup: Setup) -> Generator[None, None, SunGround]:
    """The scene's shared relief holder, made by whichever of its street and its sunbreak asks
    first."""
    scene = setup.scene  # (each layer has a seed of its own: the scene's and the day's)
    key = ("sun on the ground", scene.index, scene.seed, setup.size, setup.timeline.seed)
    holder: SunGround = yield from setup.made.get(key, _holder, keep=False)
    return holder


def _holder() -> Generator[None, None, SunGround]:
    return SunGround()
    yield  # (a generator: made in no pieces)


def relief(ground: np.ndarray, top: int, shadows: np.ndarray
           ) -> Generator[None, None, pygame.Surface]:
    """The relief of `ground` (x, y, rgb: the picture's rows from `top`) as a grey picture
    (UNIT: the light's own strength), in `shadows` (x, y: True in one) IN_SHADOW of it, a band
    of ROWS a piece."""
    width, height = ground.shape[:2]
    out = pygame.Surface((width, height))
    for y in range(0, height, ROWS):
        yield
        grey = ground[:, y:y + ROWS].mean(axis=2, dtype=np.float32)
        factor = np.minimum(MOST, (grey / ASH_GREY) ** RAKE)
        factor[shadows[:, y:y + ROWS]] *= IN_SHADOW
        level = (factor * UNIT).astype(np.uint8).astype(np.uint32)
        pygame.surfarray.blit_array(out.subsurface((0, y, width, level.shape[1])),
                                    level * 0x010101)
    return out


def shadow_mask(size: tuple[int, int], top: int, project: Project,
                cars: Iterable[tuple[float, float]], kerb: float) -> np.ndarray:
    """Where the wrecks at `cars` (world x, z) and the left kerb at -`kerb` throw their long
    shadows on the ground (x, y: the picture's rows from `top`), as a mask."""
    mask = pygame.Surface((size[0], size[1] - top), depth=8)
    mask.fill(0)
    for x, z in cars:
        far = z + CAR[1]
        corners = [(x - CAR[0], far), (x + CAR[0], far)]
        ends = [(cx + SUN_WAY[0] * CAR_SHADOW, cz + CAR_SHADOW) for cx, cz in corners]
        _lay(mask, top, project, [*corners, *reversed(ends)])
    near = KERB[1]
    along = [(-kerb, near), (-kerb, KERB_FAR), (-kerb + KERB[0], KERB_FAR), (-kerb + KERB[0], near)]
    _lay(mask, top, project, along)
    return pygame.surfarray.array2d(mask) > 0


def _lay(mask: pygame.Surface, top: int, project: Project,
         ground: list[tuple[float, float]]) -> None:
    """A polygon of the ground (world x, z) laid on the mask."""
    points = [project(x, z, 0.0) for x, z in ground]
    pygame.draw.polygon(mask, 1, [(px, py - top) for px, py in points])
