"""A palm's crown swaying in the wind: drawn once, cached leaning a few ways, one blitted a
frame."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pygame

from installation.visuals.base import Pieces, smooth_noise
from installation.visuals.made_once import MadeOnce
from installation.visuals.palm import PALM_CROWN, PalmForm, shared_crown
from installation.visuals.sprites import visible as shown_part

SWAY_STEPS, SWAY_DEGREES = 9, 4.0  # a palm's crown is cached leaning this many ways, this far


class Sway:
    """A palm's crown leaning each of SWAY_STEPS ways (each cut to the part that shows), with
    where each goes and the area they cover."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.crowns: list[pygame.Surface] = []
        self.corners: list[tuple[int, int]] = []  # where each leaning crown goes
        self.at = (0, 0)  # the crown's middle, in the picture
        self.area = pygame.Rect(0, 0, 0, 0)

    def pieces(self, form: PalmForm, params: Mapping[str, Any], px: float,
               size: tuple[int, int], made: MadeOnce) -> Pieces:
        """The crown drawn once (found in `made` if drawn before), then turned to each of its
        leans."""
        width, height = size
        flip = params["flip"]
        crown = yield from shared_crown(made, form, px, flip, params["color"])
        cx = (-PALM_CROWN[0] if flip else PALM_CROWN[0]) * px
        self.at = (int(width * params["x"] + cx), int(height * params["y"] - PALM_CROWN[1] * px))
        for step in range(SWAY_STEPS):
            angle = SWAY_DEGREES * (2 * step / (SWAY_STEPS - 1) - 1)
            turned = pygame.transform.rotozoom(crown, angle, 1.0)
            part, (dx, dy) = shown_part(turned)  # its clear margin blits nothing
            corner = turned.get_rect(center=self.at).topleft
            self.crowns.append(part)
            self.corners.append((corner[0] + dx, corner[1] + dy))
            yield
        self.area = pygame.Rect(self.corners[0], self.crowns[0].get_size()).unionall(
            [pygame.Rect(at, c.get_size()) for at, c in zip(self.corners, self.crowns,
                                                           strict=True)])

    def lean(self, seconds: float) -> int:
        """Which way the crown leans: a slow rocking in the wind with gusts on top."""
        wind = 0.7 * (2 * smooth_noise(self.seed, seconds * 0.2) - 1) + 0.3 * math.sin(
            seconds * 1.7 + self.at[0])
        return min(SWAY_STEPS - 1, max(0, round((wind + 1) / 2 * (SWAY_STEPS - 1))))

    def draw(self, surface: pygame.Surface, lean: int) -> None:
        """The crown leaning `lean` of its ways."""
        surface.blit(self.crowns[lean], self.corners[lean])
