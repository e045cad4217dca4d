"""The flash's light along the horizon kept behind what stands near: its glare, flare and haze
cut by the diner, the booth and the palm, which stand dark against it, lit only at their edges
where the light wraps round them, until the white takes them too."""

from __future__ import annotations

from collections.abc import Generator

import pygame

from installation.visuals.burnt_in import Strips
from installation.visuals.glow import blur, dimmed

WRAP = 0.004  # the light wraps round what stands near this far in from its edges, of the
# picture's height (4 pixels at 1080: its edge keeps a thin lit line, not washed through)
HELD = (0.6, 0.35)  # what stands near holds the light off wholly until this share of the
# swelling, and only this much of it at its end: the white takes it with everything else
WHITE = (255, 255, 255)


def in_front(near: Strips, size: tuple[int, int]) -> Generator[None, None, pygame.Surface]:
    """What stands near as a mask over a picture of `size` (white where it hides the light
    behind it), its edges soft inwards only (the light wraps round them; none spills over the
    sky beside them), in pieces."""
    whole = pygame.Surface(size)
    near.lay(whole, 0, 0)
    yield
    soft = blur(whole, max(2, round(WRAP * size[1])), 1)
    yield
    whole.blit(soft, (0, 0), special_flags=pygame.BLEND_RGB_MIN)
    return whole


def behind(light: pygame.Surface, front: pygame.Surface, at: tuple[int, int],
           share: float = 0.0) -> pygame.Surface:
    """`light` (for BLEND_RGB_ADD, laid at `at`) kept out of what stands in `front` (see
    in_front), as much as it is held off `share` (0..1) of the way through the swelling."""
    out = light.copy()
    area = pygame.Rect(at, light.get_size()).clip(front.get_rect())
    if not area.w or not area.h:
        return out
    held = 1.0 if share <= HELD[0] else 1.0 - (1.0 - HELD[1]) * (share - HELD[0]) / (1 - HELD[0])
    hides = front.subsurface(area)
    hides = hides if held >= 1.0 else dimmed(hides, held)
    seen = pygame.Surface(area.size)
    seen.fill(WHITE)
    seen.blit(hides, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    out.blit(seen, (area.x - at[0], area.y - at[1]), special_flags=pygame.BLEND_RGB_MULT)
    return out
