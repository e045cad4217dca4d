"""A budget for building in pieces: work is charged before it is done, and a step that would go
past a piece pauses first, so a slow frame and its piece stay within a frame."""

from __future__ import annotations

import math


class Budget:
    """How much of a piece of the set-up is spent: work is charged before it is done, and a
    step that would go past the piece starts the next one (`over`)."""

    def __init__(self, most: float = math.inf) -> None:
        self.most = most
        self.spent = 0.0

    def over(self, cost: float) -> bool:
        """Charge `cost`; True if the piece must pause first (the cost then opens the next)."""
        if self.spent and self.spent + cost > self.most:
            self.spent = cost
            return True
        self.spent += cost
        return False
