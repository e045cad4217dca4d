"""What a steady frame costs on its own, as a running estimate: the building ahead is given only
what is left of the goal beside it (or beside the frame's own p95, in a scene slower than that),
so that no frame that builds is slower than the frames that do not."""

from __future__ import annotations

from collections import deque

WINDOW = 240  # the last this many frames' own costs are kept (4 s at 60 fps)
SHARE = 0.95  # the estimate: this share of them cost no more
REFRESH = 30  # the estimate is worked out again every this many frames (sorting is not free)
LOW_SHARE = 0.5  # a frame costing no more than this share of them is a cheap one
FEWEST = 30  # frames kept before there is an estimate (the first after a start or a cut, which
# builds what it shows, is then one of the 5% over it)


class FrameCosts:
    """The costs (seconds) of the last WINDOW frames' own drawing, before any building."""

    def __init__(self, window: int = WINDOW) -> None:
        self._costs: deque[float] = deque(maxlen=window)
        self._since = 0  # frames since the estimate was worked out
        self._high = 0.0
        self._low = 0.0
        self._least = 0.0

    def took(self, seconds: float) -> None:
        """A frame's own drawing took `seconds`."""
        self._costs.append(seconds)
        self._since += 1
        if len(self._costs) >= FEWEST and (self._since >= REFRESH
                                            or len(self._costs) < FEWEST + REFRESH):
            self._since = 0
            ordered = sorted(self._costs)
            self._high = ordered[int(SHARE * (len(ordered) - 1))]
            self._low = ordered[int(LOW_SHARE * (len(ordered) - 1))]
            self._least = ordered[0]

    @property
    def high(self) -> float:
        """The p95 of the frames' own costs (0 before FEWEST frames)."""
        return self._high

    @property
    def low(self) -> float:
        """The median of the frames' own costs (0 before FEWEST frames)."""
        return self._low

    @property
    def least(self) -> float:
        """The cheapest of the frames' own costs (0 before FEWEST frames)."""
        return self._least

    def clear(self) -> None:
        """Forget them (another scene is shown: its frames cost otherwise)."""
        self._costs.clear()
        self._since = 0
        self._high = self._low = self._least = 0.0
