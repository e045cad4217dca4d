"""The score engine's frames and the wall seconds they cover: its speed and its trim."""

from __future__ import annotations


class EngineTime:
    """Frames of sound against wall seconds: a preview's speed, a card's trim."""

    sr: int
    speed: float  # the story's wall clock runs this many times faster (a preview)
    trim: float  # ... and each frame covers this much more of it (see `set_trim`)
    start_wall: float  # the wall time of the first frame rendered since the seek
    rendered: int  # frames rendered since the seek

    def set_trim(self, trim: float) -> None:
        """From the next frame on each covers `trim` times its wall time (a card whose clock
        runs slow or fast is kept with the picture): the story passes that much faster per
        sample, the voices play on sample by sample (no pitch moves). The rendering thread."""
        if trim == self.trim:
            return
        self.start_wall += self._seconds(self.rendered)  # the frames made so far keep their
        self.rendered = 0  # wall times (those in the fifo move by the change: microseconds)
        self.trim = trim

    @property
    def pace(self) -> float:
        """The wall seconds each second of sound covers: the speed, trimmed."""
        return self.speed * self.trim

    def _seconds(self, frames: int) -> float:
        """The wall seconds that `frames` of sound cover."""
        return frames * self.pace / self.sr

    def _frames(self, seconds: float) -> int:
        """The frames of sound that cover `seconds` of wall time."""
        return round(seconds * self.sr / self.pace)
