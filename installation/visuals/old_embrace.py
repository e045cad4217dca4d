"""An old couple's embrace played across its whole scene (see gestures.hold): the figures layer
of elders in each other's arms, each frame blended between the two poses drawn either side."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from typing import Any

import pygame

from installation.core.timeutil import forward
from installation.visuals.base import Frame, Setup
from installation.visuals.figure_sun import layer_span
from installation.visuals.figures import Cars, Figures, Member, PoseSource
from installation.visuals.poses import PARTNER

ARC_STEPS = 128  # the embrace is drawn in this many poses over the scene (~1.6 s apart by
# default)
FULL = 255


def figures_layer(params: Mapping[str, Any], setup: Setup) -> Figures:
    """The figures layer for these keys: an old couple's embrace plays across the scene."""
    if params["pose"] == "embrace" and params["body"] == "elders":
        return OldEmbrace(params, setup)
    return Figures(params, setup)


def on_arc(span: tuple[float, float], _member: int, frame: Frame) -> tuple[str, float]:
    """Both at the same point of the arc: the share of the layer's story time gone (`span`:
    when it appears, and for how many story seconds)."""
    start, seconds = span
    return "embrace", min(forward(start, frame.story_time) / seconds, 1.0)


class OldEmbrace(Figures):
    """Elders in each other's arms, their embrace moving along its arc from the layer's first
    story moment to its last; between two drawn poses the next fades in round the one shown,
    then the one shown fades out round it (never a see-through body). Their poses come from
    Figures' public hook (PoseSource); only `draw_member`, public, is drawn otherwise."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        self.span = layer_span(setup, params)
        arc = PoseSource({name: ARC_STEPS for name in ("embrace", PARTNER["embrace"])},
                         partial(on_arc, self.span))
        super().__init__(params, setup, arc)

    def draw_member(self, surface: pygame.Surface, member: Member, part: str,
                    cars: Cars) -> None:
        """The member's part at their point of the arc: the nearer drawn pose whole, the
        other faded over where it does not cover."""
        at = member.phase * ARC_STEPS
        step = min(int(at), ARC_STEPS - 1)
        k = at - step
        shown = replace(member, phase=step / ARC_STEPS)
        coming = replace(member, phase=min(step + 1, ARC_STEPS - 1) / ARC_STEPS)
        faded, whole = (coming, shown) if k < 0.5 else (shown, coming)
        self.draw_faded(surface, faded, part, 2 * min(k, 1 - k))
        super().draw_member(surface, whole, part, cars)

    def draw_faded(self, surface: pygame.Surface, member: Member, part: str,
                   share: float) -> None:
        """A member's part drawn `share` opaque (0 to 1)."""
        alpha = round(FULL * share)
        if alpha <= 0:
            return
        whole, at = self.sprites.get(member.pose, member.phase, member.left, member.look,
                                     member.turn, part)
        sprite, feet = self.depth.sized(whole, at, member.share)
        sprite.set_alpha(alpha)
        surface.blit(sprite, (round(member.feet[0] - feet[0]), round(member.feet[1] - feet[1])))
        sprite.set_alpha(FULL)
