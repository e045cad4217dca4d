"""Building the panic's largest runners ahead (a figure ~520 pixels tall, lit by a lamp from
behind), no step of its light costs more than a piece of a frame: it comes in steps (the
figure and its rows, each light's rim, the main light's lift, the colour laid on). At
32100100 the light was one step of 10.9 million pixels' work, past a piece's 3 million: a
slice of the next scene's building of 5-9 ms beside the frame, felt as a stutter. (The
shrinking of the drawing, one smoothscale of 4.5 million, is still one step past a piece.)
The sprite is the same pixels either way."""

from __future__ import annotations

from collections.abc import Generator

import pygame

from installation.visuals import figure_sprite
from installation.visuals.budget import Budget
from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.sprite_cache import PIXELS_PER_PIECE, Sprites
from installation.visuals.wardrobe import OUTFITS

TALL = 520  # pixels: the nearest of those bolting from the counter
RIM = (255, 212, 154)


class Charged(Budget):
    """A budget that keeps every cost charged to it."""

    def __init__(self, most: float) -> None:
        super().__init__(most)
        self.costs: list[float] = []

    def over(self, cost: float) -> bool:
        self.costs.append(cost)
        return super().over(cost)


def _steps(look: Look, budget: Budget) -> Generator[None, None, tuple[pygame.Surface, object]]:
    body = Sprites().body("run", 0.3, 0.0, OUTFITS["harry"])
    return figure_sprite.sprite_steps(body, look, False, figure_sprite.WHOLE, False, budget)


def test_no_step_of_a_large_lit_figure_costs_more_than_a_piece() -> None:
    for both in (False, True):
        look = Look(TALL, (36, 26, 24), RIM, outfit=OUTFITS["harry"], rim_both=both)
        budget = Charged(PIXELS_PER_PIECE)
        steps = _steps(look, budget)
        pieces = 0
        try:
            while True:
                next(steps)
                pieces += 1
        except StopIteration as done:
            sprite, _ = done.value
        past = [cost for cost in budget.costs if cost > PIXELS_PER_PIECE]
        assert len(past) <= 1, f"steps past a piece: {past}"  # (the shrinking's, one call)
        whole, _ = sprite_for(Sprites().body("run", 0.3, 0.0, OUTFITS["harry"]), look, False)
        assert pygame.image.tobytes(sprite, "RGBA") == pygame.image.tobytes(whole, "RGBA")
        assert pieces >= 3, pieces
