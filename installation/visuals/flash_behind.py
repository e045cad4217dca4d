"""The flash's light along the horizon kept behind what stands near: its glare, flare and haze
cut by the diner, the booth and the palm, which stand dark against it, lit only at their edges
where the light wraps round them, until the white takes them too."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import pygame

from installation.visuals.burnt_in import Strips
from installation.visuals.glow import blur, dimmed

WRAP = 0.004  # the light wraps round what stands near this far in from its edges, of the
# picture's height (4 pixels at 1080: its edge keeps a thin lit line, not washed through)
HELD = (0.6, 0.35)  # what stands near holds the light off wholly until this share of the
# swelling, and only this much of it at its end: the white takes it with everything else
WHITE = (255, 255, 255)


@dataclass(frozen=True)
class Front:
    """What stands near as a mask (white where it hides the light behind it) over the rows of
    the picture from `top` down that the light along the horizon reaches."""

    mask: pygame.Surface
    top: int


def in_front(near: Strips, size: tuple[int, int],
             rows: tuple[int, int]) -> Generator[None, None, Front]:
    """What stands near over the `rows` (first, last) of a picture of `size`, its edges soft
    inwards only (the light wraps round them; none spills over the sky beside them), in
    pieces."""
    top = max(0, rows[0])
    whole = pygame.Surface((size[0], max(1, min(size[1], rows[1]) - top)))
    near.lay(whole, -top, 0)
    yield
    soft = blur(whole, max(2, round(WRAP * size[1])), 1)
    yield
    whole.blit(soft, (0, 0), special_flags=pygame.BLEND_RGB_MIN)
    return Front(whole, top)


def behind(light: pygame.Surface, front: Front, at: tuple[int, int],
           share: float = 0.0) -> pygame.Surface:
    """`light` (for BLEND_RGB_ADD, laid at `at`) kept out of what stands in `front`, as much
    as it is held off `share` (0..1) of the way through the swelling."""
    out = light.copy()
    area = pygame.Rect(at, light.get_size()).clip(
        pygame.Rect((0, front.top), front.mask.get_size()))
    if not area.w or not area.h:
        return out
    held = 1.0 if share <= HELD[0] else 1.0 - (1.0 - HELD[1]) * (share - HELD[0]) / (1 - HELD[0])
    hides = front.mask.subsurface(area.move(0, -front.top))
    hides = hides if held >= 1.0 else dimmed(hides, held)
    seen = pygame.Surface(area.size)
    seen.fill(WHITE)
    seen.blit(hides, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    out.blit(seen, (area.x - at[0], area.y - at[1]), special_flags=pygame.BLEND_RGB_MULT)
    return out
