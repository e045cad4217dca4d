"""An accent is heard by its loudness and its filter, not by a brittle top: in Panic in the
diner (accent 0.6, its filter 400-700 Hz) an accent opened 2.5 octaves x `accent` further
reached 6-11 kHz, each accent's first 120 ms 29 dB brighter at 4-10 kHz than the plain notes
(the scene's 8 kHz band +13.6 dB); now up to ACCENT_TOP_HZ, 11.5 dB, while it stays 6 dB
louder."""

from __future__ import annotations

import numpy as np

from .test_accents_heard import sequences

RATE = 48_000
START_S, SECONDS = 80.0, 20.0  # into the scene's music: its filter swept to 700 Hz
HEARD_S = 0.12  # a note's attack and its filter's closing
TOP = (4000.0, 10000.0)  # Hz: the brittle band
BODY = (50.0, 4000.0)
TOP_OVER_DB = 15.0  # at most this much more of the top than a plain note's
LOUDER_DB = 3.0


def heard(piece: np.ndarray) -> tuple[float, float]:
    """(the top's share against the body in dB, the first 30 ms's level in dB)."""
    power = np.abs(np.fft.rfft(piece * np.hanning(len(piece)))) ** 2
    hz = np.fft.rfftfreq(len(piece), 1.0 / RATE)
    top = power[(hz >= TOP[0]) & (hz < TOP[1])].sum()
    body = power[(hz >= BODY[0]) & (hz < BODY[1])].sum()
    attack = piece[:round(0.03 * RATE)]
    return 10 * np.log10(top / body), 10 * np.log10(np.mean(attack ** 2) + 1e-20)


def test_panics_accents_are_louder_without_a_brittle_top() -> None:
    sequence = next(s for name, s in sequences(RATE) if name.startswith("Panic"))
    first = round(START_S * RATE)
    sound = sequence.render(first, round(SECONDS * RATE))[0].astype(np.float64)
    accents: list[tuple[float, float]] = []
    plain: list[tuple[float, float]] = []
    for event in sequence.events(START_S, START_S + SECONDS - HEARD_S):
        at = round(event.start * RATE) - first
        if at >= 0:
            (accents if event.accent else plain).append(
                heard(sound[at:at + round(HEARD_S * RATE)]))
    a, p = np.array(accents), np.array(plain)
    assert len(a) > 10 and len(p) > 10
    assert a[:, 0].mean() <= p[:, 0].mean() + TOP_OVER_DB, (a[:, 0].mean(), p[:, 0].mean())
    assert a[:, 1].mean() >= p[:, 1].mean() + LOUDER_DB
