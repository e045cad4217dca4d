"""The payphone booth with its light off, on the dark lot: a solid thing, not a ghost. Its
glass dark with the diner's light caught on the panes that face it, a steel kick panel below
the rail, its frame dark metal with a lit edge towards the diner, the TELEPHONE hood unlit
but legible, and the dark it casts on the lot away from the diner."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.glow import blur

DARK_GLASS, DARK_ALPHA = (14, 18, 24), 140
SHEEN, SHEEN_ALPHA = 0.55, (70, 10)  # the caught light's shade, alpha near and far from it
# A reflection of the diner's lit glass on the panes: a slanting band, its width and slant (of
# the booth's width), how strong.
STREAK, STREAK_SLANT, STREAK_ALPHA = 0.16, 0.5, 46
PANEL = (22, 24, 28)  # the steel kick panel below the rail
PANEL_LIGHT = 0.12  # ...the diner's light on it, brightest at the left
METAL = (30, 32, 36)  # the frame in the dark
EDGE = 0.5  # the frame's edge towards the diner: this share of the diner's light
HOOD_BAND, HOOD_INK = 0.12, 0.5  # the unlit TELEPHONE band and its letters, of the light
SHADOW = (0.9, 0.16, 0.55)  # the dark cast on the lot: its reach to the right and its depth
# (of the booth's height), how dark at its heart


def dark_glass(size: tuple[int, int], light: Color, rail: int) -> pygame.Surface:
    """The unlit box's glass and kick panel (`rail`: the rail's row): dark glass, the
    diner's light (`light`) caught on it (brightest on the side towards it, the left) and a
    slanting reflection of its lit glass; steel below the rail."""
    wide, tall = size
    back = pygame.Surface(size, pygame.SRCALPHA)
    back.fill((*DARK_GLASS, DARK_ALPHA))
    sheen, (near, far) = scaled(light, SHEEN), SHEEN_ALPHA
    for column in range(wide):
        alpha = round(near + (far - near) * column / max(1, wide - 1))
        pygame.draw.line(back, (*sheen, alpha), (column, 0), (column, tall))
    band = round(STREAK * wide)
    slant = round(STREAK_SLANT * wide)
    streak = [(band, 0), (2 * band, 0), (2 * band - slant, rail), (band - slant, rail)]
    shine = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.polygon(shine, (*mix(light, (255, 255, 255), 0.3), STREAK_ALPHA), streak)
    back.blit(shine, (0, 0))
    for column in range(wide):  # the kick panel, the diner's light on its left
        lit = PANEL_LIGHT * (1 - column / max(1, wide - 1))
        pygame.draw.line(back, (*mix(PANEL, light, lit), 255), (column, rail), (column, tall))
    return back


def dark_frame(front: pygame.Surface, bars: list[pygame.Rect], light: Color) -> None:
    """Paint the frame's `bars` dark metal: the uprights with their left edges lit by the
    diner, the rails with a fainter line along their tops."""
    for bar in bars:
        front.fill((*METAL, 255), bar)
        if bar.height > bar.width:
            front.fill((*scaled(light, EDGE), 255), (bar.left, bar.top, max(1, bar.width // 3),
                                                     bar.height))
        else:
            front.fill((*mix(METAL, light, EDGE / 2), 255), (bar.left, bar.top, bar.width, 1))


def hood(light: Color) -> tuple[Color, Color]:
    """The unlit TELEPHONE band's colour and its letters' (catching the diner's light)."""
    return scaled(light, HOOD_BAND), scaled(light, HOOD_INK)


def cast_dark(box: pygame.Rect) -> tuple[pygame.Surface, tuple[int, int]]:
    """The dark the booth (`box`, on the picture) casts on the lot away from the diner, to
    multiply the picture by, and where it goes."""
    reach, deep = round(SHADOW[0] * box.height), max(2, round(SHADOW[1] * box.height))
    shade = pygame.Surface((box.width + reach, deep))
    shade.fill((255, 255, 255))
    level = round(255 * (1 - SHADOW[2]))
    pygame.draw.polygon(shade, (level,) * 3, [(0, 0), (box.width, 0),
                                              (box.width + reach, deep), (reach // 3, deep)])
    shade = blur(shade, max(2, deep // 3))
    return shade, (box.left, box.bottom - deep // 3)
