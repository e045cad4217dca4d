"""What the show knows of its sound output: the statuses, the protocol, the silent output.

Kept apart from the device adapter so the show can name them without loading the synthesis.
"""

from __future__ import annotations

from typing import Protocol

# What the status file, the overlay and doctor say of the sound (docs/operators.md explains).
PLAYING = "playing"
OPENING = "opening"  # the first sound is being made ready
SILENT = "no device, retrying"  # none could be opened yet
LOST = "lost, retrying"  # the device was playing and went away
DISABLED = "silent by config"  # [audio] enabled = false
CLOSED = "closed"  # the show has stopped

class Output(Protocol):
    """What the show sees of the sound: start, stop, volume, and how it is going."""

    underruns: int
    status: str
    stuck: bool  # a device would not close: the process must not wait on SDL at exit
    busy: bool  # stopped while the score was built: a worker is left running in the synthesis

    @property
    def last_block_at(self) -> float | None: ...  # wall time the device last took sound

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def set_volume(self, volume: float) -> None: ...

    def requeue(self) -> None: ...  # the score changed: the sound queued is made again


class NullOutput:
    """No sound: audio disabled, or no device at all. Everything else goes on."""

    def __init__(self, status: str = DISABLED) -> None:
        self.underruns = 0
        self.status = status
        self.stuck = False
        self.busy = False
        self.last_block_at: float | None = None  # never: there is no device

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        pass

    def requeue(self) -> None:
        """Nothing is queued."""
