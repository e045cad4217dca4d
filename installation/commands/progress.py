"""Progress bars for long commands: a bar with time left on a terminal, nothing in logs or CI."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TextIO

from tqdm import tqdm

REDRAW_SECONDS = 0.1  # at most ten redraws a second
BAR_FORMAT = "{desc} {bar} {percentage:3.0f}% [{elapsed}<{remaining}]"


class Bar:
    """A tqdm bar moved to absolute positions (seconds rendered, frames drawn, scenes timed).

    Shown only when the stream is a terminal (tqdm's disable=None), so logs, pipes and CI
    output never get carriage-return lines.
    """

    def __init__(self, total: float, label: str, stream: TextIO | None = None,
                 redraw: float = REDRAW_SECONDS) -> None:
        self._bar = tqdm(total=total, desc=label, file=stream or sys.stderr, disable=None,
                         bar_format=BAR_FORMAT, dynamic_ncols=True, leave=False,
                         mininterval=redraw, miniters=1)
        self.done = 0.0

    def to(self, done: float) -> None:
        """Move the bar to `done` (of the total)."""
        if done > self.done:
            self._bar.update(done - self.done)
            self.done = done

    def step(self, count: float = 1.0) -> None:
        """Move the bar on by `count`."""
        self.to(self.done + count)

    def close(self) -> None:
        self._bar.close()

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
