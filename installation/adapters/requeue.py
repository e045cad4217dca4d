"""What the audio worker queued and the device has not taken yet, and how a new sound joins it.

A volume change, a reload or a new speed is heard once the sound already queued has played:
seconds. Kept here, that sound can be taken back and replaced from the sample the device
takes next, crossfaded into the new so the joint does not click.
"""

from __future__ import annotations

import numpy as np


class Sent:
    """The last frames queued: as the score made them (raw) and as sent (at the volume)."""

    def __init__(self) -> None:
        self.total = 0  # frames queued since the device opened (or since a clear)
        self._raw: list[np.ndarray] = []
        self._sent: list[np.ndarray] = []
        self._speeds: list[float] = []  # each block's story pace (a preview's speed, trimmed)
        self._kept = 0  # frames in the blocks kept

    def add(self, raw: np.ndarray, sent: np.ndarray, speed: float = 1.0) -> None:
        """One block queued: the score's frames, what was sent of them, and at what speed the
        story passed while they were made."""
        self._raw.append(raw)
        self._sent.append(sent)
        self._speeds.append(speed)
        self._kept += len(raw)
        self.total += len(raw)

    def keep(self, queued: int) -> None:
        """Forget the blocks the device has taken whole (`queued` frames are still queued)."""
        while self._raw and self._kept - len(self._raw[0]) >= queued:
            self._kept -= len(self._raw.pop(0))
            self._sent.pop(0)
            self._speeds.pop(0)

    def tail(self, frames: int) -> tuple[np.ndarray, np.ndarray]:
        """The last `frames` frames queued (fewer if fewer are kept): raw, and as sent."""
        frames = min(frames, self._kept)
        raw, sent = (np.concatenate(blocks) if blocks else np.zeros((0, 2), np.float32)
                     for blocks in (self._raw, self._sent))
        return raw[len(raw) - frames:], sent[len(sent) - frames:]

    def story_frames(self, frames: int, rest: float = 0.0) -> float:
        """The last `frames` frames queued, each counted at its story pace: the wall time
        they cover, in frames (a speed change or a trim may have come between them); any
        beyond those kept count at `rest`."""
        covered, left = 0.0, frames
        for raw, speed in zip(reversed(self._raw), reversed(self._speeds), strict=True):
            part = min(left, len(raw))
            covered, left = covered + part * speed, left - part
        return covered + left * rest

    def restart(self, head: int, raw: np.ndarray, sent: np.ndarray, speed: float) -> None:
        """The queue now holds `sent` (made from `raw`) from frame `head` on, and nothing else."""
        self._raw, self._sent, self._speeds, self._kept = [raw], [sent], [speed], len(raw)
        self.total = head + len(raw)

    def clear(self) -> None:
        """Nothing is queued any more."""
        self._raw, self._sent, self._speeds, self._kept = [], [], [], 0


def joined(old: np.ndarray, new: np.ndarray, fade: int) -> np.ndarray:
    """`new` from its first frame, faded in over `fade` frames (fewer if either is shorter)
    while `old`, which would have played there, fades out: linear, so two equal sounds stay
    whole and a volume change is a ramp."""
    length = min(fade, len(old), len(new))
    if length == 0:
        return np.asarray(new, dtype=np.float32)
    rise = ((np.arange(length, dtype=np.float32) + 1) / (length + 1))[:, None]
    out = np.array(new, dtype=np.float32)
    out[:length] = old[:length] * (1 - rise) + new[:length] * rise
    return out
