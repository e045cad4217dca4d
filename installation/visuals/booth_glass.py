"""The lit booth's glass and aluminium: the tube's light on the panes, falling away below it
with the night showing through, its reflection slanting across them, the frame's lit inner
edges; and how the ring's light swells and dies with each ring."""

from __future__ import annotations

import math

import pygame

from installation.visuals.base import Color, mix, scaled

# The glass under the tube: this bright (of the light) and this opaque at its top, falling
# away over this share of its height to the level and opacity lower down, where the blurred
# night and the diner behind show through (one flat sheet of it read as a mint panel).
GLASS_TOP, GLASS_LOW, GLASS_FALL = (0.97, 215), (0.55, 205), 0.6
GLASS_SIDES = 0.9  # the panes' edges, towards the posts, this much of the middle's light
# The tube's reflection on the front panes: slanting bands (x where they start at the top, of
# the width; their width, of the width), how far they slant over the glass, how strong.
STREAKS = ((0.12, 0.1), (0.3, 0.04), (0.78, 0.07))
STREAK_SLANT, STREAK_ALPHA = 0.35, 34
METAL = (52, 56, 62)
EDGE_LIT, EDGE_DARK = 0.55, 0.6  # the bars' inner edges: this share of the light; outer: darker
ROOF_SHINE = 0.35  # the roof cap's lower lip, lit from under by the tube
# A ring: its light swells up this fast (s), holds, and dies away over this long after the bell
# stops; the bell's shudder flickers it a little, at this rate and depth.
PULSE_UP, PULSE_DOWN = 0.08, 0.5
FLICKER = (12.5, 0.12)


def lit_glass(size: tuple[int, int], light: Color, top: int) -> pygame.Surface:
    """The glass below the sign band (from row `top`), lit by the tube over it."""
    wide, tall = size
    glass = pygame.Surface(size, pygame.SRCALPHA)
    height = max(1, tall - top)
    (level0, alpha0), (level1, alpha1) = GLASS_TOP, GLASS_LOW
    for row in range(height):
        fall = math.exp(-row / (GLASS_FALL * height))
        level = level1 + (level0 - level1) * fall
        alpha = round(alpha1 + (alpha0 - alpha1) * fall)
        pygame.draw.line(glass, (*scaled(light, level), alpha), (0, top + row), (wide, top + row))
    sides = pygame.Surface(size, pygame.SRCALPHA)
    sides.fill((255, 255, 255, 255))
    for column in range(wide):  # the middle under the tube brightest, the edges less
        edge = abs(column / max(1, wide - 1) - 0.5) * 2
        shade = round(255 * (1 - (1 - GLASS_SIDES) * edge * edge))
        pygame.draw.line(sides, (shade, shade, shade, 255), (column, 0), (column, tall))
    glass.blit(sides, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    _streaks(glass, light, top)
    return glass


def _streaks(glass: pygame.Surface, light: Color, top: int) -> None:
    """The tube's reflection in the front panes: soft slanting bands of its light."""
    wide, tall = glass.get_size()
    shine = pygame.Surface((wide, tall), pygame.SRCALPHA)
    slant = STREAK_SLANT * wide
    colour = mix(light, (255, 255, 255), 0.4)
    for x, w in STREAKS:
        left, band = x * wide, w * wide
        for k, alpha in ((1.0, STREAK_ALPHA // 2), (0.5, STREAK_ALPHA)):  # soft edges
            middle, half = left + band / 2, band * k / 2
            pygame.draw.polygon(shine, (*colour, alpha), [
                (middle - half, top), (middle + half, top),
                (middle + half - slant, tall), (middle - half - slant, tall)])
    glass.blit(shine, (0, 0))


def lit_frame(front: pygame.Surface, bars: list[pygame.Rect], light: Color, roof: int) -> None:
    """Paint the lit booth's aluminium `bars`: the uprights' inner edges catching the tube,
    their outer edges dark, the rails lit along their tops, the roof cap's lip lit from under
    (`roof`: its height)."""
    wide = front.get_width()
    lit, dark = mix(METAL, light, EDGE_LIT), scaled(METAL, EDGE_DARK)
    for bar in bars:
        front.fill((*METAL, 255), bar)
        if bar.height > bar.width:  # an upright: lit on the side towards the booth's middle
            third = max(1, bar.width // 3)
            inner = bar.right - third if bar.centerx < wide // 2 else bar.left
            outer = bar.left if bar.centerx < wide // 2 else bar.right - third
            front.fill((*lit, 255), (inner, roof, third, bar.height - roof))
            front.fill((*dark, 255), (outer, bar.top, third, bar.height))
        elif bar.top == 0:  # the roof cap
            front.fill((*mix(METAL, light, ROOF_SHINE), 255),
                       (bar.left, bar.bottom - max(1, bar.height // 4), bar.width,
                        max(1, bar.height // 4)))
        else:
            front.fill((*lit, 255), (bar.left, bar.top, bar.width, max(1, bar.height // 3)))


def pulse(into: float, on: float) -> float:
    """How strong the ring's light is `into` a ring that sounds for `on` seconds (0 to 1):
    swelling up as the bell starts, shuddering with it, dying away after it stops."""
    if into < 0:
        return 0.0
    if into >= on:
        return max(0.0, 1.0 - (into - on) / PULSE_DOWN)
    rate, depth = FLICKER
    swell = min(1.0, into / PULSE_UP)
    return swell * (1.0 - depth * (0.5 + 0.5 * math.sin(2 * math.pi * rate * into)))
