"""The master bus: ensemble, tape echo and reverb returns, hiss and the limiter."""

from __future__ import annotations

import numpy as np

from .dsp.effects import Chorus, Hiss, Limiter, Reverb, TapeEcho
from .voices import Stems

ECHO_RETURN = 0.55
ECHO_TO_REVERB = 0.35
REVERB_RETURN = 0.45
REVERB_SECONDS = 4.0
HISS_DB = -60.0
MASTER_GAIN = 0.9


class MasterBus:
    """Shared effects after the score: every state runs on across blocks."""

    def __init__(self, sample_rate: int) -> None:
        self.chorus = Chorus(sample_rate)
        self.echo = TapeEcho(sample_rate)
        self.reverb = Reverb(sample_rate, REVERB_SECONDS)
        self.hiss = Hiss(sample_rate, HISS_DB)
        self.limiter = Limiter(sample_rate)

    def reset(self) -> None:
        """Drop every tail at once (after a jump, or when the music stops dead)."""
        for part in (self.chorus, self.echo, self.reverb):
            part.reset()

    def process(self, stems: Stems, hiss_gain: np.ndarray | float,
                tails: np.ndarray | float = 1.0) -> np.ndarray:
        """Mix one block (2, frames) of stems down to the master, limited."""
        echo = self.echo.process(stems.echo)
        wet = self.chorus.process(stems.chorus) + ECHO_RETURN * echo
        wet = wet + REVERB_RETURN * self.reverb.process(stems.reverb + ECHO_TO_REVERB * echo)
        mix = stems.dry + wet * tails
        mix = mix * MASTER_GAIN + self.hiss.process(mix.shape[-1]) * hiss_gain
        return self.limiter.process(mix)
