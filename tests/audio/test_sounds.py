"""The places' long sounds (a diner's crowd, wind, far rumbles) sound like what they are."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from installation.audio.analysis import repetition
from installation.audio.engine import ScoreEngine
from installation.audio.sounds import SYNTHS, synth, synth_frames
from installation.core.config import load_config
from installation.core.errors import TimelineError
from installation.core.program import Program
from installation.core.timeline import load_timeline, parse_timeline
from installation.core.timeline.state import scene_index_at
from installation.core.timeutil import parse_clock

from .conftest import FIXED_WALL, RATE, SCORE, make_clock, make_program

LOW = 16_000  # the sounds live below 5 kHz: measured at this rate, the tests stay quick
REPEAT_S = 60  # the check: a minute of sound, no window like any other
TOO_ALIKE = 0.2


@pytest.fixture(scope="module")
def sounds() -> dict[str, np.ndarray]:
    return {name: synth(name, LOW).astype(np.float64) for name in ("murmur", "wind", "rumbles")}


def power_spectrum(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mono = x.mean(axis=0)
    return np.fft.rfftfreq(len(mono), 1.0 / LOW), np.abs(np.fft.rfft(mono)) ** 2


def share(x: np.ndarray, lo: float, hi: float) -> float:
    """The part of the sound's energy between `lo` and `hi` Hz."""
    freqs, power = power_spectrum(x)
    return float(power[(freqs >= lo) & (freqs < hi)].sum() / power.sum())


def levels(x: np.ndarray, seconds: float) -> np.ndarray:
    """Level in dB of each stretch of `seconds` (mono)."""
    mono = x.mean(axis=0) if x.ndim == 2 else x
    hop = int(seconds * LOW)
    count = len(mono) // hop
    return 10 * np.log10((mono[:count * hop].reshape(count, hop) ** 2).mean(axis=1) + 1e-20)


def modulation(x: np.ndarray, lo: float, hi: float) -> float:
    """How strongly the sound's loudness (10 ms steps) moves at lo-hi times a second."""
    envelope = 10 ** (levels(x, 0.01) / 20)
    wobble = envelope / envelope.mean() - 1.0
    power = np.abs(np.fft.rfft(wobble * np.hanning(len(wobble)))) ** 2
    rates = np.fft.rfftfreq(len(wobble), 0.01)
    return float(power[(rates >= lo) & (rates < hi)].mean())


def test_the_murmur_is_voices_not_a_tone(sounds: dict[str, np.ndarray]) -> None:
    crowd = sounds["murmur"][:, 5 * LOW:40 * LOW]  # talk, before the panic
    assert share(crowd, 300, 3000) > 0.8  # the speech band
    # Syllables: the loudness moves at 3-6 Hz far more than it flickers at 10-20 Hz.
    assert modulation(crowd, 3, 6) > 5 * modulation(crowd, 10, 20)
    freqs, power = power_spectrum(crowd)
    keep = (freqs >= 100) & (freqs < 4000)
    per_10_hz = np.bincount((freqs[keep] // 10).astype(int), power[keep])
    assert per_10_hz.max() / per_10_hz.sum() < 0.03  # no pitch stands out (a ring: 18%)


def test_the_murmur_swells_and_breaks_into_shouts(sounds: dict[str, np.ndarray]) -> None:
    steps = levels(sounds["murmur"], 0.05)  # 20 a second
    talk, panic = steps[5 * 20:25 * 20], steps[45 * 20:60 * 20]
    mean_db = [10 * np.log10(np.mean(10 ** (part / 10))) for part in (talk, panic)]
    assert mean_db[1] - mean_db[0] > 5
    assert panic.max() - talk.max() > 5  # a voice raised over all the others
    assert steps[-20:].max() < mean_db[1] - 20  # and they are gone


def test_the_wind_gusts_over_seconds(sounds: dict[str, np.ndarray]) -> None:
    wind = sounds["wind"][:, 10 * LOW:70 * LOW]
    half_seconds = levels(wind, 0.5)
    assert np.percentile(half_seconds, 90) - np.percentile(half_seconds, 10) > 8
    assert np.median(np.abs(np.diff(half_seconds))) < 1.5  # it swells, it does not flicker
    assert modulation(wind, 0.1, 1) > 3 * modulation(wind, 3, 20)
    left, right = sounds["wind"]
    assert abs(np.corrcoef(left, right)[0, 1]) < 0.3  # two ears, two winds


def test_the_wind_is_broad_and_low(sounds: dict[str, np.ndarray]) -> None:
    wind = sounds["wind"]
    assert share(wind, 0, 300) > 0.5
    assert share(wind, 0, 2000) > 0.97
    octaves = [share(wind, lo, 2 * lo) for lo in (50, 100, 200, 400, 800)]
    assert min(octaves) > 0.04 and max(octaves) < 0.45  # no band has it all


def test_far_rumbles_are_low_and_come_and_go(sounds: dict[str, np.ndarray]) -> None:
    rumbles = sounds["rumbles"]
    assert share(rumbles, 0, 300) > 0.8
    quarter = levels(rumbles, 0.25)
    loud = quarter > quarter.max() - 12
    assert np.count_nonzero(np.diff(loud.astype(int)) == 1) >= 4  # separate rumbles


@pytest.mark.parametrize("name", ["murmur", "wind"])
def test_a_minute_of_it_never_repeats(sounds: dict[str, np.ndarray], name: str) -> None:
    half_rate = sounds[name][:, :REPEAT_S * LOW:2]  # at 8 kHz: the same figures, 4x quicker
    loop, match = repetition(half_rate.T, LOW // 2)
    assert loop < TOO_ALIKE and match < TOO_ALIKE


def test_the_shock_rumble_is_a_noise_not_a_held_low_note() -> None:
    rumble = synth("rumble", LOW).astype(np.float64)
    loop, _ = repetition(rumble[:, ::2].T, LOW // 2)
    assert loop < TOO_ALIKE  # a held 34 Hz sine scored 0.83: a loop of one cycle
    assert share(rumble, 20, 100) > 0.9  # low, and not below hearing


@pytest.mark.parametrize("name", sorted(SYNTHS))
def test_each_sound_is_the_same_every_time(name: str) -> None:
    """(Every one: the other audio tests' engines make each cue sound once a process, see
    conftest.cue_sounds_made_once, and two renders alike no longer say it.)"""
    assert np.array_equal(synth(name, LOW), synth(name, LOW))


@pytest.mark.parametrize("name", sorted(SYNTHS))
def test_each_sounds_length_is_known_without_making_it(name: str) -> None:
    """The engine knows whether a cue still sounds after a jump from the sound's length
    alone, before it is made (the sounds are made as their cues come): at both rates."""
    for rate in (44_100, 48_000):
        assert synth_frames(name, rate) == synth(name, rate).shape[-1]


def test_on_the_shipped_clock_every_cue_sounds_to_its_end_within_its_scene() -> None:
    """A cue ends with its scene (a day squeezed short fades it out): the shipped day is
    written so that none is cut, the diner's 72 s murmur in its 3 min 21 s included."""
    root = Path(__file__).resolve().parents[2]
    program = Program(load_config(root / "config.toml"),
                      load_timeline(root / "timelines" / "miracle-mile.toml"))
    scenes = program.timeline.scenes
    sounding = [cue for cue in program.timeline.cues if cue.type == "sound"]
    assert len(sounding) >= 10  # (a "mark" cue, the countdown's words, sounds nothing)
    for cue in sounding:
        after = scenes[(scene_index_at(program.timeline, cue.at) + 1) % len(scenes)]
        left = program.real_between(cue.at, after.at)
        assert synth_frames(cue.params["synth"], RATE) / RATE <= left, cue.name


def test_overlapping_cues_both_play_to_their_end() -> None:
    """The window breaks while the phone still rings (as the glass breaks in the murmur)."""
    glass = '\n[[cue]]\nat = "16:35"\ntype = "sound"\nsynth = "glass"\nlevel = 0.7\n'
    timeline = parse_timeline(SCORE + glass, "two.toml")
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    engine.seek(make_clock(timeline).wall_at(parse_clock("16:29:55"), FIXED_WALL))
    engine.render(RATE * 5)  # the glass (2.5 s) ends inside the ring (15 s)
    assert len(engine._shots) == 1


def test_a_misspelled_sound_names_the_one_meant(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    path.write_text('[[scene]]\nat = "04:20"\nname = "Panic"\n\n[[cue]]\nat = "04:20"\n'
                    'name = "the diner"\ntype = "sound"\nsynth = "murmer"\n', encoding="utf-8")
    with pytest.raises(TimelineError) as caught:
        load_timeline(path)
    assert (f"{path}:9: cue 'the diner', key 'synth': expected one of payphone, siren, "
            "rumble, impact, helicopter, calf, glass, murmur, wind, rumbles, boom; found 'murmer'. "
            "Did you mean 'murmur'?") in caught.value.report()
