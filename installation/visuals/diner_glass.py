"""Johnie's plate glass: the room seen through it unlit at dawn, and a pane smashed (its
cracks and jagged hole, the shards thrown out, whether it has gone yet; from the lot, and
from inside)."""

from __future__ import annotations

import math
from typing import Any

import pygame

from installation.core.timeutil import forward
from installation.visuals.base import Color, scaled
from installation.visuals.route import Path

DARK_GLASS = (18, 24, 34)
UNLIT_EDGE = (58, 56, 66)  # the counter's edge behind dark glass, catching the dawn
STOOL = (9, 11, 16)  # the empty stools, darker than the room
UNLIT_GLOBE = (44, 44, 52)  # a pendant globe with no light in it
STOOLS = 9
SHEEN = (150, 110, 110)  # the dawn sky caught on the glass
SHEEN_ALPHA = 22
SHEENS = ((0.18, 0.09), (0.31, 0.03), (0.62, 0.12))  # where each band starts, how wide
CRACKS = 11  # lines running out from where it was hit
HOLE_POINTS = 27  # the hole's outline: bites, and a long point of glass now and then
SHARDS = 40  # bits of glass on the pavement in front of it
CRACK = (236, 240, 236, 215)
RAY_STEPS = 5  # kinks along each crack
FORK_ODDS = 0.35  # at each kink, the chance a short crack forks off
RINGS = (0.45, 0.8, 1.3)  # the web's rings of short cracks round the hit, of its reach
RING_ODDS = 0.7  # the chance each gap between two cracks is bridged at a ring
EDGE_ALPHA = 240  # the hole's broken edge, catching the light
SHARD_LIGHT = 1.25  # the shards catch the light from inside


def dark_room(image: pygame.Surface, glass: pygame.Rect) -> None:
    """The room behind unlit glass, just made out in the dawn: the counter's edge, the empty
    stools along it, the dead pendant globes, and the sky's sheen on the glass."""
    counter_y = glass.bottom - int(glass.height * 0.34)
    image.fill((*scaled(DARK_GLASS, 1.35), 255),
               (glass.left, counter_y, glass.width, glass.bottom - counter_y))
    image.fill((*UNLIT_EDGE, 255), (glass.left, counter_y, glass.width, max(1, glass.height // 60)))
    seat = max(3, glass.width // 70)
    post = max(1, seat // 4)
    stool_top = counter_y + int(glass.height * 0.12)
    for n in range(STOOLS):
        x = glass.left + int(glass.width * (0.08 + 0.84 * n / max(1, STOOLS - 1)))
        image.fill((*STOOL, 255), (x - post // 2, stool_top, post, glass.bottom - stool_top))
        pygame.draw.ellipse(image, (*STOOL, 255), (x - seat, stool_top - seat // 3, 2 * seat,
                                                   max(2, seat // 1.5)))
    for n in range(7):
        x = glass.left + int(glass.width * (0.1 + 0.13 * n))
        pygame.draw.circle(image, (*UNLIT_GLOBE, 255), (x, glass.top + glass.height // 7),
                           max(2, glass.height // 30))
    sheen = pygame.Surface(glass.size, pygame.SRCALPHA)
    for start, wide in SHEENS:  # the sky caught on the glass, in slanting bands
        left, band = int(start * glass.width), int(wide * glass.width)
        pygame.draw.polygon(sheen, (*SHEEN, SHEEN_ALPHA),
                            [(left, 0), (left + band, 0), (left + band - glass.height // 2,
                                                           glass.height),
                             (left - glass.height // 2, glass.height)])
    image.blit(sheen, glass.topleft)


def smashed_by(scene_at: float, at: float | None, story_time: float) -> bool:
    """Has a pane smashed at story time `at` gone by `story_time` (counted within the day of
    the scene that begins at `scene_at`; never if `at` is None)?"""
    return at is not None and forward(scene_at, story_time) >= forward(scene_at, at)


def cracked(size: tuple[int, int], hole: tuple[int, int, int, int], rng: Any) -> pygame.Surface:
    """A pane of `size` hit low and off-centre: a spider's web of cracks (lines running out to
    the frame, forking, thinning and fading as they go, rings of short cracks between them) and
    a jagged hole over their roots, filled with `hole` (what shows where the glass is gone),
    its broken edge catching the light. (Clear white lines of one width, all running out
    straight from a star, read as a drawing of a crack.)"""
    pane_width, pane_height = size
    crack = pygame.Surface(size, pygame.SRCALPHA)
    hit = (pane_width * rng.uniform(0.4, 0.6), pane_height * rng.uniform(0.45, 0.65))
    reach = min(pane_width, pane_height) * 0.36
    width = max(1, pane_height // 120)
    rays = [_ray(crack, hit, 2 * math.pi * (n + rng.uniform(-0.35, 0.35)) / CRACKS,
                 reach * rng.uniform(1.6, 3.2), width, rng) for n in range(CRACKS)]
    for ring in RINGS:  # short cracks round the hit, from ray to ray
        for a, b in zip(rays, rays[1:] + rays[:1], strict=True):
            if rng.random() < RING_ODDS:
                ends = [Path(ray).at(ring * reach)[0] for ray in (a, b)]
                bend = (sum(x for x, _ in ends) / 2 + rng.uniform(-0.08, 0.08) * reach,
                        sum(y for _, y in ends) / 2 + rng.uniform(-0.08, 0.08) * reach)
                shade = (*CRACK[:3], round(CRACK[3] * rng.uniform(0.35, 0.7)))
                pygame.draw.lines(crack, shade, False, [ends[0], bend, ends[1]], 1)
    # The hole over the cracks' roots (no glass there): spiky, long points between bites.
    outline = []
    for n in range(HOLE_POINTS):
        angle = 2 * math.pi * (n + rng.uniform(-0.4, 0.4)) / HOLE_POINTS
        spike = n % 3 == 0 and rng.random() < 0.7  # now and then a long point of glass
        out = reach * (rng.uniform(0.65, 1.0) if spike else rng.uniform(0.3, 0.6))
        outline.append((hit[0] + math.cos(angle) * out, hit[1] + math.sin(angle) * out))
    pygame.draw.polygon(crack, hole, outline)
    for start, end in zip(outline, outline[1:] + outline[:1], strict=True):  # its edge,
        edge = (*CRACK[:3], round(EDGE_ALPHA * rng.uniform(0.15, 1.0)))  # catching the light
        pygame.draw.line(crack, edge, start, end, 1)  # in bits
    return crack


def _ray(crack: pygame.Surface, hit: tuple[float, float], angle: float, length: float,
         width: int, rng: Any) -> list[tuple[float, float]]:
    """One crack running out from the hit in kinks, thinner and fainter as it goes, forking
    now and then; its points."""
    points = [hit]
    for step in range(RAY_STEPS):
        angle += rng.uniform(-0.35, 0.35)
        last = points[-1]
        points.append((last[0] + math.cos(angle) * length / RAY_STEPS,
                       last[1] + math.sin(angle) * length / RAY_STEPS))
        fade = 1.0 - step / RAY_STEPS * 0.6
        shade = (*CRACK[:3], round(CRACK[3] * fade * rng.uniform(0.6, 1.0)))
        pygame.draw.line(crack, shade, last, points[-1], max(1, round(width * fade)))
        if step and rng.random() < FORK_ODDS:
            turn = angle + rng.choice((-1, 1)) * rng.uniform(0.4, 0.8)
            reach = length / RAY_STEPS * rng.uniform(0.4, 0.9)
            tip = (last[0] + math.cos(turn) * reach, last[1] + math.sin(turn) * reach)
            pygame.draw.line(crack, (*CRACK[:3], round(shade[3] * 0.6)), last, tip, 1)
    return points


def strewn(size: tuple[int, int], bit: float, light: Color, rng: Any) -> pygame.Surface:
    """Shards of glass over an area of `size`, bigger towards its foot (nearer), each about
    `bit` across and catching `light`."""
    spread_width, spread_height = size
    shards = pygame.Surface(size, pygame.SRCALPHA)
    for _ in range(SHARDS):
        x, y = rng.gauss(spread_width / 2, spread_width / 6), rng.uniform(0, spread_height)
        grain = rng.uniform(0.4, 1.0) * bit * (0.5 + y / spread_height)
        tone = scaled(light, SHARD_LIGHT * rng.uniform(0.6, 1.0))
        pygame.draw.polygon(shards, (*tone, 255), [
            (x + rng.uniform(-1, 1) * grain, y + rng.uniform(-0.5, 0.5) * grain)
            for _ in range(3)])
    return shards
