"""One-shot sounds for cues: synthesized (payphone, siren, helicopter...) or a curator's file."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy import signal

from installation.audio import ambience
from installation.audio.dsp.effects import pink_noise
from installation.audio.dsp.filters import resample, resampled_frames
from installation.audio.dsp.jitter import timing_wander

ONE_SHOT_PEAK = 0.8
RING_ON_S, RING_OFF_S, RINGS = 2.0, 4.0, 3
HAMMER_HZ = 20.0
RING_TONE_LEVEL = 0.35  # the tone under the bell (the bell's loudest hit is 1)
RING_DECAY_S = 0.6  # the last ring's gongs dying away
BELL_TOP_HZ = 4500.0  # the bell's brightness: a low-pass here
NYQUIST_SHARE = 0.45  # a low-pass above half the sample rate is designed just under it
RING_EDGE = 480  # samples over which the tone starts and stops (no click)
ROTOR_HZ, ROTOR_THUMP, TURBINE_HZ = 6.0, 0.12, 1450.0  # blade passes a second, their length
GLASS_SHARDS = 40
RUMBLE_BAND_HZ = (20.0, 90.0)  # a far rumble: nothing lower (unheard, it only eats headroom)
THUD_BAND_HZ = (25.0, 45.0)  # and its felt part
REASON_CHARS = 160  # a decoder's complaint, cut to fit a warning line
DOPPLER_S = 2.0  # how long something passing takes to go from coming to going
HELICOPTER_DOPPLER, SIREN_DOPPLER = 0.04, 0.03  # how much higher each is coming (lower going)
SIREN_SEED = 1988  # the siren's jitter: the same wail every time the cue plays
SIREN_S, RUMBLE_S, IMPACT_S, HELICOPTER_S, GLASS_S = 18.0, 12.0, 8.0, 16.0, 2.5
CALF_CALLS = ((280.0, 460.0, 1.1), (300.0, 520.0, 1.4), (260.0, 420.0, 1.8))  # Hz, Hz, s
CALF_GAP_S = 0.5  # silence after each call
BOOM_S = 1.6  # the flash's boom, from the first sample to the cut
BOOM_HZ = (70.0, 38.0)  # the thump falls from the first to the second within BOOM_FALL_S
BOOM_FALL_S = 0.35
BOOM_ROAR_HZ = (30.0, 220.0)  # the pressure roar: a band of noise, swelling to the cut
BOOM_CRACKLE_HZ = 700.0  # and its upper edge, faint, so small speakers carry it too
BOOM_EDGE_S = (0.002, 0.004)  # its onset, and the cut to exact silence (no click)


def _normalise(x: np.ndarray) -> np.ndarray:
    peak = float(np.abs(x).max()) or 1.0
    return (x * (ONE_SHOT_PEAK / peak)).astype(np.float32)


def _fade(x: np.ndarray, sample_rate: int, seconds: float = 0.01) -> np.ndarray:
    n = min(x.shape[-1] // 2, int(seconds * sample_rate))
    ramp = np.linspace(0.0, 1.0, n)
    x[..., :n] *= ramp
    x[..., x.shape[-1] - n:] *= ramp[::-1]
    return x


def frames_of(seconds: float, sample_rate: int) -> int:
    """The frames a sound of `seconds` has at `sample_rate` (as every synth counts them)."""
    return int(seconds * sample_rate)


def payphone_frames(sample_rate: int) -> int:
    """The payphone's length: three rings, the pauses between them, and the last ring's decay."""
    return frames_of(RINGS * (RING_ON_S + RING_OFF_S) - RING_OFF_S + RING_DECAY_S, sample_rate)


def payphone(sample_rate: int) -> np.ndarray:
    """A street payphone: a hammer at 20 Hz between two gongs, and the line's 440 + 480 Hz
    ring under it, 2 s on, 4 s off."""
    total = payphone_frames(sample_rate)
    hits = np.zeros((2, total))
    period = int(sample_rate / HAMMER_HZ)
    for ring in range(RINGS):
        start = int(ring * (RING_ON_S + RING_OFF_S) * sample_rate)
        for k, at in enumerate(range(start, start + int(RING_ON_S * sample_rate), period)):
            hits[k % 2, at] = 1.0
    t = np.arange(int(0.5 * sample_rate)) / sample_rate
    gongs = []
    for base in (1046.0, 1174.0):
        partials = ((1.0, 1.0, 0.35), (2.76, 0.45, 0.18), (5.40, 0.25, 0.09), (8.93, 0.1, 0.05))
        gongs.append(sum(a * np.sin(2 * np.pi * base * r * t) * np.exp(-t / d)
                         for r, a, d in partials))
    bell = np.stack([signal.fftconvolve(hits[i], gongs[i])[:total] for i in (0, 1)])
    mono = bell.sum(axis=0) / np.abs(bell.sum(axis=0)).max() + ring_tone(total, sample_rate)
    out = np.stack((0.8 * mono + 0.2 * bell[0], 0.8 * mono + 0.2 * bell[1]))
    top = min(BELL_TOP_HZ, NYQUIST_SHARE * sample_rate)  # (at 8 kHz, under its Nyquist)
    sos = signal.butter(2, top, "low", fs=sample_rate, output="sos")
    return _normalise(_fade(signal.sosfilt(sos, out, axis=-1), sample_rate))


def ring_tone(frames: int, sample_rate: int) -> np.ndarray:
    """The line's ring in the earpiece, as the 1980s US network made it: 440 and 480 Hz
    together (a 40 Hz warble), 2 s on and 4 s off, in time with the bell."""
    t = np.arange(frames) / sample_rate
    on = (t % (RING_ON_S + RING_OFF_S)) < RING_ON_S
    edges = np.convolve(on.astype(np.float64), np.ones(RING_EDGE) / RING_EDGE, mode="same")
    tone = np.sin(2 * np.pi * 440.0 * t) + np.sin(2 * np.pi * 480.0 * t)
    return RING_TONE_LEVEL * tone * edges * (t < RINGS * (RING_ON_S + RING_OFF_S))


def doppler(t: np.ndarray, closest: float, depth: float) -> np.ndarray:
    """The pitch of something passing by, as a ratio: `depth` higher as it comes, as much
    lower as it goes, the change over a few seconds about `closest` (seconds)."""
    return 1.0 + depth * np.tanh((closest - t) / DOPPLER_S)


def siren(sample_rate: int, seconds: float = SIREN_S) -> np.ndarray:
    """A distant wailing siren that rises out of the city and fades away, passing from the
    left to the right, higher as it comes than as it goes."""
    frames = frames_of(seconds, sample_rate)
    t = np.arange(frames) / sample_rate
    freq = 780.0 + 330.0 * np.sin(2 * np.pi * t / 4.5 - np.pi / 2) - 25.0 * t / seconds
    freq *= doppler(t, seconds / 2, SIREN_DOPPLER)  # it passes: higher coming than going
    # Its oscillator's timing wanders as the sequencer's do: on a steady clock every wail
    # was the last one shifted (whitened, 0.48 alike 4.5 s on; now about 0.07).
    late = timing_wander(np.random.default_rng(SIREN_SEED), np.ones(1), frames, sample_rate)[0]
    phase = 2 * np.pi * (np.cumsum(freq) / sample_rate + freq * late)
    tone = sum(np.sin(k * phase) / k for k in (1, 3, 5, 7))
    swell = np.sin(np.pi * t / seconds) ** 2
    sos = signal.butter(2, 2200, "low", fs=sample_rate, output="sos")
    mono = signal.sosfilt(sos, tone * swell)
    pan = 0.5 - 0.35 * np.cos(np.pi * t / seconds)  # across, once: from the left to the right
    return _normalise(_fade(np.stack((mono * np.cos(pan * np.pi / 2),
                                      mono * np.sin(pan * np.pi / 2))), sample_rate))


def rumble(sample_rate: int, seconds: float = RUMBLE_S) -> np.ndarray:
    """A low rumble, far away and felt more than heard."""
    frames = frames_of(seconds, sample_rate)
    t = np.arange(frames) / sample_rate
    sos = signal.butter(4, RUMBLE_BAND_HZ, "bandpass", fs=sample_rate, output="sos")
    noise = signal.sosfilt(sos, pink_noise(frames, 2, 1988), axis=-1)
    noise /= np.abs(noise).max()
    env = np.minimum(t / 2.5, 1.0) * np.exp(-np.maximum(t - 2.5, 0.0) / 3.0)
    # The felt part: a band of noise round 34 Hz (a held 34 Hz sine was a pitch, and a loop
    # of one cycle: the rumble matched itself at 0.9).
    sub = signal.butter(2, THUD_BAND_HZ, "bandpass", fs=sample_rate, output="sos")
    thud = signal.sosfilt(sub, pink_noise(frames, 2, 1989), axis=-1)
    thud *= 0.5 / np.abs(thud).max()
    return _normalise(_fade((noise + thud) * env, sample_rate))


def impact(sample_rate: int, seconds: float = IMPACT_S) -> np.ndarray:
    """A low impact: a falling thump and a burst, then a rumbling tail."""
    frames = frames_of(seconds, sample_rate)
    t = np.arange(frames) / sample_rate
    freq = 30.0 + 70.0 * np.exp(-t / 0.25)
    thump = np.sin(2 * np.pi * np.cumsum(freq) / sample_rate) * np.exp(-t / 1.2)
    sos = signal.butter(4, 300, "low", fs=sample_rate, output="sos")
    burst = signal.sosfilt(sos, pink_noise(frames, 2, 5), axis=-1)
    burst *= np.exp(-t / 0.6) / np.abs(burst).max()
    tail = rumble(sample_rate, seconds) * 0.6
    return _normalise(_fade(thump + 0.6 * burst + tail, sample_rate))


def helicopter(sample_rate: int, seconds: float = HELICOPTER_S) -> np.ndarray:
    """A police helicopter passing over: the rotor's thump at 6 Hz, the turbine's whine,
    louder and higher as it comes, left to right."""
    frames = frames_of(seconds, sample_rate)
    t = np.arange(frames) / sample_rate
    rng = np.random.default_rng(1988)
    near = np.exp(-((t - seconds / 2) / (seconds / 4)) ** 2)  # closest halfway
    shift = doppler(t, seconds / 2, HELICOPTER_DOPPLER)
    blades = np.cumsum(ROTOR_HZ * shift) / sample_rate
    thump = np.exp(-(blades % 1.0) / ROTOR_THUMP) ** 2  # a short burst each blade pass
    sos = signal.butter(2, (60.0, 700.0), "bandpass", fs=sample_rate, output="sos")
    chop = signal.sosfilt(sos, rng.standard_normal(frames)) * thump
    whine = np.sin(2 * np.pi * np.cumsum(TURBINE_HZ * shift) / sample_rate) * 0.05
    mono = (chop / np.abs(chop).max() + whine) * (0.25 + 0.75 * near)
    pan = np.clip(t / seconds, 0.0, 1.0) * np.pi / 2
    return _normalise(_fade(np.stack((mono * np.cos(pan), mono * np.sin(pan))), sample_rate))


def calf(sample_rate: int) -> np.ndarray:
    """The calf's cry on the shore: three calls rising and breaking, a rough reedy voice."""
    parts = []
    for k, (low, high, length) in enumerate(CALF_CALLS):
        t = np.arange(frames_of(length, sample_rate)) / sample_rate
        glide = low + (high - low) * np.sin(np.pi * t / length) ** 0.7
        wobble = 1.0 + 0.03 * np.sin(2 * np.pi * 7.0 * t + k)
        phase = 2 * np.pi * np.cumsum(glide * wobble) / sample_rate
        voice = sum(np.sin(h * phase) / h ** 1.2 for h in range(1, 9))
        shape = np.sin(np.pi * t / length) ** 0.5
        parts += [voice * shape, np.zeros(frames_of(CALF_GAP_S, sample_rate))]
    mono = np.concatenate(parts)
    sos = signal.butter(2, (250.0, 3500.0), "bandpass", fs=sample_rate, output="sos")
    mono = signal.sosfilt(sos, mono)
    return _normalise(_fade(np.stack((mono, mono)), sample_rate))


def glass(sample_rate: int, seconds: float = GLASS_S) -> np.ndarray:
    """A pane breaking in the diner: a bright crack, then shards ringing and falling."""
    frames = frames_of(seconds, sample_rate)
    t = np.arange(frames) / sample_rate
    rng = np.random.default_rng(7)
    crack = rng.standard_normal((2, frames)) * np.exp(-t / 0.03)
    shards = np.zeros((2, frames))
    for _ in range(GLASS_SHARDS):
        at = rng.uniform(0.0, 1.2) ** 2
        hz = rng.uniform(2500.0, 7500.0)
        ring = np.sin(2 * np.pi * hz * (t - at)) * np.exp(-(t - at) / rng.uniform(0.02, 0.15))
        shards[rng.integers(2)] += np.where(t >= at, ring, 0.0) * rng.uniform(0.1, 0.5)
    sos = signal.butter(2, 1500.0, "highpass", fs=sample_rate, output="sos")
    return _normalise(_fade(signal.sosfilt(sos, crack + shards, axis=-1), sample_rate))


def boom(sample_rate: int) -> np.ndarray:
    """The flash: a sub-bass thump falling from 70 to 38 Hz and a pressure roar swelling
    under it, cut dead at its loudest after 1.6 s (4 ms to exact zero); no tail."""
    frames = frames_of(BOOM_S, sample_rate)
    t = np.arange(frames) / sample_rate
    high, low = BOOM_HZ
    freq = low + (high - low) * np.exp(-t / (BOOM_FALL_S / 3))
    thump = np.sin(2 * np.pi * np.cumsum(freq) / sample_rate) * np.exp(-t / 0.6)
    band = signal.butter(2, BOOM_ROAR_HZ, "bandpass", fs=sample_rate, output="sos")
    roar = signal.sosfilt(band, pink_noise(frames, 2, 515), axis=-1)
    top = signal.butter(2, BOOM_CRACKLE_HZ, "low", fs=sample_rate, output="sos")
    crackle = signal.sosfilt(top, pink_noise(frames, 2, 516), axis=-1)
    swell = np.minimum(t / 0.3, 1.0) * (0.4 + 0.8 * t / BOOM_S)  # the pressure arriving
    sound = thump + swell * (roar / np.abs(roar).max()
                             + 0.12 * crackle / np.abs(crackle).max())
    onset, cut = (int(edge * sample_rate) for edge in BOOM_EDGE_S)
    sound[..., :onset] *= np.linspace(0.0, 1.0, onset)
    sound[..., frames - cut:] *= np.linspace(1.0, 0.0, cut)  # the last sample is exactly 0
    return _normalise(sound)


def calf_frames(sample_rate: int) -> int:
    """The calf's length: its three calls, each followed by a gap."""
    return sum(frames_of(length, sample_rate) + frames_of(CALF_GAP_S, sample_rate)
               for _, _, length in CALF_CALLS)


def _place(make: Callable[[], np.ndarray]) -> Callable[[int], np.ndarray]:
    """A long sound of a place (made at a low rate) as a one-shot at the output's rate."""
    def one_shot(sample_rate: int) -> np.ndarray:
        return _normalise(_fade(resample(make(), ambience.LOW_RATE, sample_rate), sample_rate))
    return one_shot


def _place_frames(seconds: float) -> Callable[[int], int]:
    """The length of a place's sound of `seconds`, at the output's rate."""
    def frames(sample_rate: int) -> int:
        return resampled_frames(ambience.low_frames(seconds), ambience.LOW_RATE, sample_rate)
    return frames


def _lasting(seconds: float) -> Callable[[int], int]:
    """The length of a synth that lasts `seconds`."""
    return lambda sample_rate: frames_of(seconds, sample_rate)


SYNTHS: dict[str, Callable[[int], np.ndarray]] = {
    "payphone": payphone, "siren": siren, "rumble": rumble, "impact": impact,
    "helicopter": helicopter, "calf": calf, "glass": glass,
    "murmur": _place(ambience.murmur), "wind": _place(ambience.wind),
    "rumbles": _place(ambience.rumbles), "boom": boom,
}
LENGTHS: dict[str, Callable[[int], int]] = {  # each synth's frames, without making it
    "payphone": payphone_frames, "siren": _lasting(SIREN_S), "rumble": _lasting(RUMBLE_S),
    "impact": _lasting(IMPACT_S), "helicopter": _lasting(HELICOPTER_S), "calf": calf_frames,
    "glass": _lasting(GLASS_S), "murmur": _place_frames(ambience.MURMUR_S),
    "wind": _place_frames(ambience.WIND_S), "rumbles": _place_frames(ambience.RUMBLES_S),
    "boom": _lasting(BOOM_S),
}


def synth(name: str, sample_rate: int) -> np.ndarray:
    """A synthesized one-shot (2, frames), float32."""
    return SYNTHS[name](sample_rate)


def synth_frames(name: str, sample_rate: int) -> int:
    """How many frames synth(name, sample_rate) has, worked out without making it (cheap)."""
    return LENGTHS[name](sample_rate)


def decoder_reason(output: str, path: Path) -> str:
    """The last line of ffmpeg's complaint, without its banner, the file's name or a codec tag."""
    lines = [line.strip() for line in output.splitlines()  # pydub's own header, then ffmpeg's
             if line.strip() and not line.startswith((" ", "\t", "ffmpeg version",
                                                      "Output from ffmpeg"))]
    reason = lines[-1] if lines else "unknown error"
    for prefix in (f"{path}: ", f"{path.name}: "):
        reason = reason.removeprefix(prefix)
    reason = re.sub(r"^\[[^\]]* @ 0x[0-9a-f]+\] ", "", reason)
    return reason[:REASON_CHARS]


def load_file(path: Path, sample_rate: int) -> np.ndarray:
    """Decode a sound file with pydub and resample it: (2, frames) float32; raises OSError."""
    if not path.is_file():
        raise FileNotFoundError(2, "no such file", str(path))
    with warnings.catch_warnings():  # pydub imports the deprecated audioop
        warnings.simplefilter("ignore", DeprecationWarning)
        from pydub import AudioSegment  # only when a cue names a file
        from pydub.exceptions import CouldntDecodeError
    try:
        segment = AudioSegment.from_file(str(path))
    except (CouldntDecodeError, IndexError, ValueError) as exc:
        raise OSError(f"could not decode it: {decoder_reason(str(exc), path)}") from exc
    raw = np.array(segment.get_array_of_samples(), dtype=np.float64)
    raw /= float(1 << (8 * segment.sample_width - 1))
    frames = raw.reshape(-1, segment.channels).T
    stereo = np.vstack((frames[0], frames[min(1, segment.channels - 1)]))
    if segment.frame_rate != sample_rate:
        stereo = resample(stereo, segment.frame_rate, sample_rate)
    return stereo.astype(np.float32)
