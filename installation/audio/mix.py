"""The master bus: tape echo and reverb returns (at half rate), hiss and the limiter."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from installation.audio.dsp.effects import Hiss, Reverb, TapeEcho
from installation.audio.dsp.halfrate import HalfRateStream, halves, lightly
from installation.audio.dsp.limiter import Limiter
from installation.audio.voices import Stems
from installation.core.config import DAY_LOUDNESS

ECHO_RETURN = 0.55
ECHO_TO_REVERB = 0.35
REVERB_RETURN = 0.45
REVERB_SECONDS = 4.0
HISS_DB = -60.0
ECHO_TAIL_S = 6.0
REVERB_TAIL_S = 8.0
MASTER_GAIN = 0.9


def loudness_gain(target_lufs: float) -> float:
    """The master gain that brings the shipped day's loudness to the operator's target."""
    return float(10.0 ** ((target_lufs - DAY_LOUDNESS) / 20.0))


class Idle:
    """Skips an effect once its input has been silent longer than its tail (saves the CPU)."""

    def __init__(self, process: Callable[[np.ndarray], np.ndarray], reset: Callable[[], None],
                 tail_frames: int) -> None:
        self.process = process
        self.reset = reset
        self.tail = tail_frames
        self.quiet = tail_frames  # starts asleep

    def __call__(self, x: np.ndarray) -> np.ndarray | float:
        if x.any():
            if self.quiet >= self.tail:
                self.reset()  # wake from silence clean
            self.quiet = 0
        elif self.quiet >= self.tail:
            return 0.0
        else:
            self.quiet += x.shape[-1]
        return self.process(x)

    def sleep(self) -> None:
        self.reset()
        self.quiet = self.tail


class MasterBus:
    """Shared effects after the score: every state runs on across blocks."""

    def __init__(self, sample_rate: int, start: int = 0, gain: float = 1.0) -> None:
        """`start`: the absolute sample the bus begins at (wow, flutter and hiss follow it);
        `gain`: the master's, before the limiter (the operator's loudness target)."""
        halved = halves(sample_rate)  # the returns are dark: echo and reverb at half rate
        half = sample_rate // 2 if halved else sample_rate
        echo = TapeEcho(half, start=start * half // sample_rate)
        reverb = Reverb(half, REVERB_SECONDS)
        self.echo = echo
        self.delay = Idle(echo.process, echo.reset, int(ECHO_TAIL_S * half))
        self.reverb = Idle(reverb.process, reverb.reset, int(REVERB_TAIL_S * half))
        wet = lightly(self._wet)
        self.wet = HalfRateStream(4, wet, 2, start) if halved else wet
        self.hiss = Hiss(sample_rate, HISS_DB, start=start)
        self.limiter = Limiter(sample_rate)
        self.gain = MASTER_GAIN * gain

    def reset(self) -> None:
        """Drop every tail at once (after a jump, or when the music stops dead)."""
        for part in (self.delay, self.reverb):
            part.sleep()
        if isinstance(self.wet, HalfRateStream):
            self.wet.reset()
        self.limiter.gain = 1.0  # what plays next (the flash's boom) is not ridden down

    def _wet(self, sends: np.ndarray) -> np.ndarray:
        """The echo and reverb returns (2, n) of the sends (4, n: echo, reverb) at half rate."""
        echo = self.delay(sends[:2])
        wet = ECHO_RETURN * echo + REVERB_RETURN * self.reverb(sends[2:] + ECHO_TO_REVERB * echo)
        if isinstance(wet, np.ndarray):
            return wet
        return np.zeros((2, sends.shape[-1]))  # both asleep: silence

    def process(self, stems: Stems, hiss_gain: float) -> np.ndarray:
        """Mix one block (2, frames) of stems down to the master, limited."""
        mix = stems.dry  # the stems are this block's own: mixed in place
        mix += self.wet(stems.sends)
        mix *= self.gain
        if hiss_gain:
            hiss = self.hiss.process(mix.shape[-1])
            hiss *= hiss_gain
            mix += hiss
        else:  # silent: the tape runs on (its hiss stays where it is by the sample's number)
            self.hiss.position += mix.shape[-1]
        return self.limiter.process(mix)
