"""Long sounds of places for cues: a diner's crowd, wind, far rumbles (noise shaped by events)."""

from __future__ import annotations

import math

import numpy as np
from scipy import signal

LOW_RATE = 8_000  # these sounds live below 4 kHz: made at this rate, then resampled
CONTROL_RATE = 200  # envelopes are drawn at this rate (5 ms), then interpolated

MURMUR_S = 72.0
TALKERS = 28
SPEECH_BANDS = (350.0, 600.0, 950.0, 1400.0, 2000.0, 2700.0)  # formant regions, Hz
VOWELS = np.array([  # how loud each band is in a vowel (a, e, i, o, u) and a hiss (s)
    [0.5, 1.0, 0.9, 0.6, 0.3, 0.15],
    [0.7, 0.8, 0.4, 0.7, 0.6, 0.3],
    [1.0, 0.3, 0.1, 0.3, 0.8, 0.6],
    [0.8, 1.0, 0.5, 0.2, 0.15, 0.1],
    [1.0, 0.6, 0.2, 0.1, 0.1, 0.05],
    [0.02, 0.02, 0.05, 0.2, 0.6, 1.0],
])
VOWEL_ODDS = np.cumsum((0.2, 0.2, 0.17, 0.17, 0.16, 0.1))[:-1]  # a, e, i, o, u, s
SYLLABLE_HZ = (3.5, 5.5)  # a talker's syllables a second
PANIC_FROM_S, PANIC_FULL_S, PANIC_END_S = 28.0, 48.0, 62.0  # the crowd swells, shouts, runs
SHOUTS = 26
SHOUT_HZ = (190.0, 420.0)  # a raised voice's pitch, each shout its own
SHOUT_PEAK = 3.0  # the loudest shout against the crowd's RMS (1)

WIND_S = 90.0
WIND_BANDS = ((60.0, 1.0), (130.0, 1.2), (260.0, 1.5), (520.0, 2.0), (1000.0, 2.6),
              (1900.0, 3.4))  # centre Hz, how strongly a gust must blow to bring it out
GUST_EVERY_S = 5.5  # on average; each gust's rise, fall and strength are drawn afresh
STEREO_LAG_S = (0.2, 0.9)  # a gust reaches one ear before the other
WIND_ENDS_S = (5.0, 12.0)  # it rises and dies away this slowly: cues of it may overlap

RUMBLES_S = 60.0
RUMBLES = 5  # far-off blasts and collapses, each rolling on for a few seconds
RUMBLE_BANDS = (35.0, 70.0, 140.0, 280.0)  # Hz: far away, only the low end carries
RUMBLE_ROLLS = (3, 8)  # bursts in one rumble
RUMBLE_ENDS_S = (0.5, 6.0)


def _to_audio(control: np.ndarray) -> np.ndarray:
    """Envelopes (..., control frames) drawn straight between their points at LOW_RATE."""
    step = LOW_RATE // CONTROL_RATE
    ramp = np.arange(step) / step
    here, after = control[..., :-1, None], control[..., 1:, None]
    return (here + (after - here) * ramp).reshape(control.shape[:-1] + (-1,))


def control_points(seconds: float) -> int:
    """The points of an envelope over `seconds` at CONTROL_RATE, both ends included."""
    return int(seconds * CONTROL_RATE) + 1


def low_frames(seconds: float) -> int:
    """The frames at LOW_RATE of a sound of `seconds` (murmur, wind, rumbles): its envelopes
    drawn between their control points (_to_audio)."""
    return (control_points(seconds) - 1) * (LOW_RATE // CONTROL_RATE)


def _bands(rng: np.random.Generator, centres: tuple[float, ...], width: float, frames: int
           ) -> np.ndarray:
    """Noise in each band for each ear, (bands, 2, frames) of unit RMS. The bands are cut from
    one white noise per ear: bands that do not overlap are as good as independent."""
    white = rng.standard_normal((2, frames), dtype=np.float32)
    out = np.empty((len(centres), 2, frames), dtype=np.float32)
    for i, centre in enumerate(centres):
        low, high = centre / (1 + width / 2), min(centre * (1 + width / 2), 0.45 * LOW_RATE)
        sos = signal.butter(1, (low, high), "bandpass", fs=LOW_RATE, output="sos")
        # A two-pole band-pass passes white noise over pi/2 times its -3 dB width.
        out[i] = signal.sosfilt(sos, white) / math.sqrt(math.pi * (high - low) / LOW_RATE)
    return out


def _add(target: np.ndarray, start: int, piece: np.ndarray) -> None:
    """Add `piece` (..., n) into `target` (..., frames) from index `start`, cut to fit."""
    skip = max(0, -start)
    end = min(target.shape[-1], start + piece.shape[-1])
    if start + skip < end:
        target[..., start + skip:end] += piece[..., skip:end - start]


def _ends(x: np.ndarray, fade_in: float, fade_out: float) -> np.ndarray:
    """Raised-cosine fades over the first and last seconds of a sound at LOW_RATE."""
    for seconds, edge in ((fade_in, slice(0, None)), (fade_out, slice(None, None, -1))):
        n = int(seconds * LOW_RATE)
        x[..., edge][..., :n] *= np.sin(0.5 * np.pi * np.arange(n) / n) ** 2
    return x


def _pans(pan: float) -> np.ndarray:
    """Equal-power gains (2,) for a pan from -1 (left) to 1 (right)."""
    angle = (pan + 1.0) * math.pi / 4
    return np.array([math.cos(angle), math.sin(angle)])


def _events(onsets: np.ndarray, lengths: np.ndarray, weights: np.ndarray, count: int
            ) -> np.ndarray:
    """Swells (raised cosines) at `onsets` seconds lasting `lengths`, each scaled by its row
    of `weights` (events, bands): (bands, count) at CONTROL_RATE. Events do not overlap."""
    t = np.arange(count) / CONTROL_RATE
    which = np.maximum(np.searchsorted(onsets, t, side="right") - 1, 0)
    phase = (t - onsets[which]) / lengths[which]
    shape = np.where((phase >= 0) & (phase < 1), np.sin(np.pi * phase) ** 2, 0.0)
    return (weights[which] * shape[:, None]).T


def panic(t: float | np.ndarray) -> np.ndarray:
    """How far the diner has gone from talk to panic at `t` seconds: 0, rising to 1."""
    rise = (np.asarray(t) - PANIC_FROM_S) / (PANIC_FULL_S - PANIC_FROM_S)
    return np.clip(rise, 0.0, 1.0) ** 1.5


def _syllables(rng: np.random.Generator, seconds: float) -> tuple[np.ndarray, np.ndarray]:
    """One talker's syllable onsets and lengths: phrases of a few seconds, pauses between
    that shorten (and syllables that quicken) as the panic rises."""
    rate = rng.uniform(*SYLLABLE_HZ)
    onsets, lengths = [], []
    t = rng.uniform(0.0, 3.0)
    while t < seconds:
        heat = float(panic(t))
        steps = rng.uniform(0.7, 1.3, int(rng.uniform(0.8, 3.5) * rate) + 1) / (
            rate * (1.0 + 0.3 * heat))
        at = t + np.concatenate(([0.0], np.cumsum(steps[:-1])))
        onsets.append(at)
        lengths.append(steps * rng.uniform(0.6, 0.9, len(steps)))
        t = float(at[-1] + steps[-1]) + rng.uniform(0.3, 2.5) * (1.0 - 0.75 * heat)
    return np.concatenate(onsets), np.concatenate(lengths)


def _talker(rng: np.random.Generator, seconds: float, count: int) -> np.ndarray:
    """One person at a table: each syllable a vowel (or a hiss), louder as the panic rises.
    Band envelopes for each ear (bands, 2, count) at CONTROL_RATE."""
    near = 1.0 / rng.uniform(1.0, 5.0)  # a few close tables carry, the rest blur together
    onsets, lengths = _syllables(rng, seconds)
    vowels = VOWELS[np.searchsorted(VOWEL_ODDS, rng.random(len(onsets)))]
    stress = near * (1.0 + 0.8 * panic(onsets)) * rng.uniform(0.4, 1.0, len(onsets))
    bands = _events(onsets, lengths, vowels * stress[:, None], count)
    return bands[:, None, :] * _pans(rng.uniform(-0.85, 0.85))[None, :, None]


def _shouts(rng: np.random.Generator, frames: int) -> np.ndarray:
    """Raised voices breaking out of the crowd once the panic is up: each a few hoarse
    syllables at its own pitch, sliding down, somewhere in the room. (2, frames)."""
    out = np.zeros((2, frames))
    for _ in range(SHOUTS):
        at = rng.uniform(PANIC_FROM_S + 8.0, PANIC_END_S)
        length = rng.uniform(0.3, 0.9)
        n = int(length * LOW_RATE)
        t = np.arange(n) / LOW_RATE
        pitch = rng.uniform(*SHOUT_HZ) * (1.0 - 0.15 * t / length)
        phase = np.cumsum(pitch) / LOW_RATE
        buzz = sum(np.sin(2 * np.pi * k * phase) / k for k in range(1, 10))
        rough = buzz * (1.0 + 0.6 * rng.standard_normal(n)) * np.sin(np.pi * t / length)
        centre = rng.uniform(700.0, 1300.0)  # an open, strained vowel
        sos = signal.butter(1, (centre / 1.8, centre * 1.8), "bandpass", fs=LOW_RATE,
                            output="sos")
        voice = signal.sosfilt(sos, rough) * rng.uniform(0.4, 1.0) * panic(at)
        _add(out, int(at * LOW_RATE), _pans(rng.uniform(-0.9, 0.9))[:, None] * voice)
    return out


def murmur() -> np.ndarray:
    """A diner full of people talking at once, that swells and breaks into shouts as the news
    spreads, then thins as they run: (2, frames) at LOW_RATE, not yet normalised."""
    rng = np.random.default_rng(1988_0420)
    count = control_points(MURMUR_S)
    envelopes = sum(_talker(rng, MURMUR_S, count) for _ in range(TALKERS))
    t = np.arange(count) / CONTROL_RATE
    leaving = np.clip((MURMUR_S - t) / (MURMUR_S - PANIC_END_S), 0.0, 1.0) ** 2
    shaped = _to_audio(envelopes * leaving)
    carriers = _bands(rng, SPEECH_BANDS, 0.7, shaped.shape[-1])
    frames = shaped.shape[-1]
    crowd = (carriers * shaped).sum(axis=0)
    shouts = _shouts(rng, frames)
    return (crowd / np.sqrt(np.mean(crowd ** 2))
            + SHOUT_PEAK * shouts / float(np.abs(shouts).max()))


def gusts(rng: np.random.Generator, seconds: float) -> np.ndarray:
    """How hard the wind blows, (2, count) at CONTROL_RATE, from 0.1 to about 1: a slow
    wander plus gusts at random times, each rising and falling at its own pace, reaching
    one ear a little before (and harder than) the other. Nothing in it repeats."""
    count = control_points(seconds)
    wander = np.cumsum(rng.standard_normal(count)) / math.sqrt(CONTROL_RATE * 20.0)
    wander = signal.sosfiltfilt(signal.butter(2, 0.05, fs=CONTROL_RATE, output="sos"), wander)
    base = 0.25 + 0.1 * np.tanh(wander)
    out = np.repeat(base[None, :], 2, axis=0)
    at = rng.uniform(-3.0, GUST_EVERY_S)
    while at < seconds:
        rise, fall = rng.uniform(0.8, 3.0), rng.uniform(2.0, 6.0)
        t = np.arange(int((rise + 4 * fall) * CONTROL_RATE)) / CONTROL_RATE
        shape = np.where(t < rise, np.sin(0.5 * np.pi * t / rise) ** 2,
                         np.exp(-(t - rise) / fall))
        strength = rng.uniform(0.2, 0.75)
        first, lag = rng.integers(2), rng.uniform(*STEREO_LAG_S)
        for ear, delay, share in ((first, 0.0, 1.0), (1 - first, lag, rng.uniform(0.4, 0.9))):
            _add(out[ear], int((at + delay) * CONTROL_RATE), strength * share * shape)
        at += rng.exponential(GUST_EVERY_S)
    return np.minimum(out, 1.2)


def wind(seconds: float = WIND_S) -> np.ndarray:
    """Wind over a burnt city: broad, low noise whose level and brightness follow the gusts,
    each band coming out as the wind blows hard enough for it. (2, frames) at LOW_RATE."""
    rng = np.random.default_rng(1988_0530)
    strength = gusts(rng, seconds)
    centres = tuple(centre for centre, _ in WIND_BANDS)
    shaped = _to_audio(np.stack([strength ** power for _, power in WIND_BANDS]))
    tilt = np.array([1.0 / math.sqrt(centre / centres[0]) for centre in centres])  # darker
    carriers = _bands(rng, centres, 1.0, shaped.shape[-1])
    return _ends((carriers * shaped * tilt[:, None, None]).sum(axis=0), *WIND_ENDS_S)


def rumbles(seconds: float = RUMBLES_S) -> np.ndarray:
    """Distant rumbles, one every ten seconds or so, each a rolling run of low bursts from
    its own direction, fading slowly. (2, frames) at LOW_RATE."""
    rng = np.random.default_rng(1988_0531)
    count = control_points(seconds)
    envelopes = np.zeros((len(RUMBLE_BANDS), 2, count))
    slot = (seconds - 8.0) / RUMBLES
    for k in range(RUMBLES):
        at = k * slot + rng.uniform(0.5, 0.7 * slot)
        ears = _pans(rng.uniform(-0.7, 0.7))
        low = rng.uniform(0.3, 0.7) ** np.arange(len(RUMBLE_BANDS))  # nearer: more top
        for _ in range(int(rng.integers(*RUMBLE_ROLLS, endpoint=True))):
            t = np.arange(int(6.0 * CONTROL_RATE)) / CONTROL_RATE
            attack = rng.uniform(0.05, 0.4)
            shape = np.minimum(t / attack, 1.0) * np.exp(-t / rng.uniform(0.4, 1.8))
            piece = rng.uniform(0.3, 1.0) * low[:, None, None] * ears[None, :, None] * shape
            _add(envelopes, int((at + rng.exponential(1.2)) * CONTROL_RATE), piece)
    carriers = _bands(rng, RUMBLE_BANDS, 1.0, (count - 1) * (LOW_RATE // CONTROL_RATE))
    return _ends((carriers * _to_audio(envelopes)).sum(axis=0), *RUMBLE_ENDS_S)
