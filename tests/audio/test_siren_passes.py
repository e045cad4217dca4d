"""A siren passes (issue 10: sirens move in pitch and space): it comes in on one side,
louder as it nears, and goes out on the other, its wail higher coming than going."""

from __future__ import annotations

import numpy as np

from installation.audio.sounds import SIREN_S, siren

from .conftest import PITCH_FRAME_S, pitch_track

RATE = 8000  # the wail's top harmonic is under 4 kHz
WINDOW_S = 2.0
SIDE_DB = 6.0  # one ear this much louder than the other, where it comes in and goes out
NEAR_DB = 12.0  # its middle this much louder than where it is heard coming and going
WAIL_S = 4.5  # one wail up and down
DOPPLER_DROP = 0.03  # the wail before it passes is this much higher than after (a semitone: 6%)


def levels_db(sound: np.ndarray) -> np.ndarray:
    """Each side's level (2, windows) in dB, every WINDOW_S."""
    size = round(WINDOW_S * RATE)
    count = sound.shape[-1] // size
    pieces = sound[:, : count * size].reshape(2, count, size)
    return 10 * np.log10(np.mean(pieces ** 2, axis=-1) + 1e-20)


def test_the_siren_comes_in_on_the_left_and_goes_out_on_the_right() -> None:
    """Its balance moves one way across: the left ear louder in its first seconds, the right
    in its last, and never back (it used to swing right, then left)."""
    left, right = levels_db(siren(RATE))
    balance = right - left
    assert balance[0] < -SIDE_DB and balance[-1] > SIDE_DB
    assert np.all(np.diff(balance) > 0)


def test_the_siren_is_loudest_as_it_passes() -> None:
    """Far off as it is first heard and as it goes, near in the middle."""
    both = levels_db(siren(RATE)).max(axis=0)
    middle = len(both) // 2
    assert both[middle] - both[0] > NEAR_DB and both[middle] - both[-1] > NEAR_DB


def test_the_siren_is_higher_coming_than_going() -> None:
    """The wail just before it passes (a whole wail, up and down) sounds higher than the
    wail just after: a Doppler drop, where the wail's own sweep averages out."""
    track = pitch_track(siren(RATE).mean(axis=0), RATE)
    frames = round(WAIL_S / PITCH_FRAME_S)
    middle = round(SIREN_S / 2 / PITCH_FRAME_S)
    coming, going = track[middle - frames:middle].mean(), track[middle:middle + frames].mean()
    assert coming > going * (1.0 + DOPPLER_DROP)
