"""The countdown's leads bite without a fizz (issue 10: accents and a filter envelope per
note): over the mall and at first light (cutoff 1100-2600 Hz, `env` 2.5 octaves) every
note's filter opened to 6-15 kHz, a note's first 60 ms holding 4-10 kHz at -12 dB of its
power, as bright as a bare sawtooth, on every sixteenth (823e887f); now a note's filter
opens no higher than NOTE_TOP_HZ, and its accents are still heard over the plain notes."""

from __future__ import annotations

import numpy as np
import pytest

from .test_accents_heard import sequences

RATE = 48_000
START_S, SECONDS = 20.0, 60.0  # into the scene's music: its sweep from its cutoff upwards
ATTACK_S = 0.06  # a note's bite: its filter open widest
TOP = (4000.0, 10000.0)  # Hz: where a bright lead turns to fizz
TOP_DB = -18.0  # the most of a note's attack's power there (823e887f: -12)
LOUDER_DB = 3.0  # accents over plain notes, in their first 30 ms


def attacks(name: str) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The first ATTACK_S of every accented and every plain note of the scene's lead."""
    lead = next(s for n, s in sequences(RATE) if n == name and any(x.accent for x in s.steps))
    first = round(START_S * RATE)
    sound = lead.render(first, round(SECONDS * RATE))[0].astype(np.float64)
    accents: list[np.ndarray] = []
    plain: list[np.ndarray] = []
    for event in lead.events(START_S, START_S + SECONDS - ATTACK_S):
        at = round(event.start * RATE) - first
        if at >= 0:
            (accents if event.accent else plain).append(sound[at:at + round(ATTACK_S * RATE)])
    return accents, plain


def top_db(pieces: list[np.ndarray]) -> float:
    """The share of the pieces' power at 4-10 kHz, in dB."""
    power = np.sum([np.abs(np.fft.rfft(p * np.hanning(len(p)))) ** 2 for p in pieces], axis=0)
    hz = np.fft.rfftfreq(len(pieces[0]), 1.0 / RATE)
    return float(10 * np.log10(power[(hz >= TOP[0]) & (hz < TOP[1])].sum() / power[1:].sum()))


def level_db(pieces: list[np.ndarray]) -> float:
    return float(np.mean([10 * np.log10(np.mean(p[:round(0.03 * RATE)] ** 2) + 1e-20)
                          for p in pieces]))


@pytest.mark.parametrize("name", ["Searchlights over the mall", "Across Wilshire at first light"])
def test_the_leads_notes_bite_without_a_fizz_and_their_accents_are_heard(name: str) -> None:
    accents, plain = attacks(name)
    assert top_db(plain) < TOP_DB and top_db(accents) < TOP_DB
    assert level_db(accents) - level_db(plain) > LOUDER_DB
