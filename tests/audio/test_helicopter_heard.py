"""Every pass of the helicopter the visitor sees over the mall is heard (issue 10: a helicopter's
rotor pulse under the searchlights): its rotor's thump at 6 Hz, louder on the side of the
picture it is over, loudest over the crowd. On 823e887f only the pass of the 04:54 cue was
heard (a one-shot on a schedule of its own); the passes before and after it were silent."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from installation.audio.engine import ScoreEngine
from installation.audio.sounds import ROTOR_HZ
from installation.core.timeline import Timeline
from installation.core.timeline.loader import load_timeline
from installation.visuals.helicopter_path import GAP_SECONDS, PASS_SECONDS, Passes, first_pass

from .conftest import FIXED_WALL, RATE, make_program

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
MALL = "Searchlights over the mall"
SHOW_CYCLE_S = 3600.0  # the shipped config's clock: the mall plays 5.6 minutes
SECONDS = 2.0
SIDE_DB = 4.0  # over the left of the lot its left channel is this much louder
NEAR_DB = 6.0  # over the crowd it is this much louder than as it flies out of the picture
RATE_SHARE = 3.0  # its envelope at the rotor's rate, against the median of the others


@cache
def days() -> tuple[Timeline, Timeline]:
    """The shipped day, and the same day with no helicopter in the mall (picture or cue)."""
    day = load_timeline(SHIPPED)
    index = [scene.name for scene in day.scenes].index(MALL)
    mall = day.scenes[index]
    bare = dataclasses.replace(mall, layers=tuple(
        layer for layer in mall.layers if layer.type != "helicopter"))
    scenes = day.scenes[:index] + (bare,) + day.scenes[index + 1:]
    cues = tuple(cue for cue in day.cues if cue.params.get("synth") != "helicopter")
    return day, dataclasses.replace(day, scenes=scenes, cues=cues)


def first() -> float:
    """When the first pass timed by the mall's helicopter cue begins (scene seconds)."""
    day = days()[0]
    mall = next(scene for scene in day.scenes if scene.name == MALL)
    return first_pass(day, mall, make_program(day, SHOW_CYCLE_S).clock)


def passes() -> Passes:
    """The helicopter's path, as the picture flies it."""
    return Passes(first(), 0.06)


@cache
def heard(bare: bool, seconds: float) -> np.ndarray:
    """SECONDS of the day's sound (2, frames) from `seconds` into the mall's scene (`bare`:
    the day without the helicopter)."""
    timeline = days()[bare]
    program = make_program(timeline, SHOW_CYCLE_S)
    mall = next(scene for scene in timeline.scenes if scene.name == MALL)
    start = program.clock.wall_at(mall.at, FIXED_WALL) + seconds
    engine = ScoreEngine(program, RATE, lambda _: None, start)
    return engine.render(round(SECONDS * RATE)).T.astype(np.float64)


def helicopter(seconds: float) -> np.ndarray:
    """What the helicopter adds to the day's sound there (the rest is the same music)."""
    return heard(False, seconds) - heard(True, seconds)


def db(sound: np.ndarray) -> np.ndarray:
    return 10 * np.log10(np.mean(sound ** 2, axis=-1) + 1e-20)


def pulse_share(sound: np.ndarray) -> float:
    """How strongly its loudness beats at the rotor's rate (against the other rates)."""
    hop = RATE // 100
    mono = np.abs(sound.mean(axis=0))
    envelope = mono[:len(mono) // hop * hop].reshape(-1, hop).mean(axis=1)
    power = np.abs(np.fft.rfft(envelope - envelope.mean()))
    rates = np.fft.rfftfreq(len(envelope), hop / RATE)
    at = int(np.argmin(np.abs(rates - ROTOR_HZ)))
    return float(power[at - 1:at + 2].max() / np.median(power[1:]))


@pytest.mark.parametrize("seconds", [64.0, 155.0])  # the passes before and after 04:54's
def test_a_pass_over_the_left_of_the_lot_is_heard_on_the_left(seconds: float) -> None:
    """Flying over the left of the lot (a quarter of the way across), its sound is louder in
    the left channel, and it beats at the rotor's rate."""
    across = passes().at(seconds + SECONDS / 2).across
    assert 0.1 < across < 0.35, "(the helicopter is over the left of the lot)"
    sound = helicopter(seconds)
    left, right = db(sound)
    assert left > -60.0, "the helicopter over the lot is silent"
    assert left - right > SIDE_DB
    assert pulse_share(sound) > RATE_SHARE


def test_every_pass_over_the_crowd_is_heard_nearest() -> None:
    """Each pass seen hovering over the crowd (the middle of the picture) is heard, about as
    loud as every other, and louder than as it flies out past the edge."""
    period = PASS_SECONDS + GAP_SECONDS
    middles = [m - SECONDS / 2 for m in first() + PASS_SECONDS / 2 + period * np.arange(-2, 6)
               if SECONDS < m < 330.0]
    assert len(middles) >= 6, "(the mall's scene holds many passes)"
    assert all(abs(passes().at(m + SECONDS / 2).across - 0.5) < 0.01 for m in middles)
    nearest = [db(helicopter(float(s))).mean() for s in middles]
    assert min(nearest) > -40.0, f"passes over the crowd are silent: {nearest}"
    assert max(nearest) - min(nearest) < 3.0
    assert min(nearest) - db(helicopter(22.0)).mean() > NEAR_DB  # going out on the right


def rendered(start: float, seconds: float, chunk: int, bare: bool) -> np.ndarray:
    """The last SECONDS of `seconds` of sound (2, frames) an engine seeked to `start` (scene
    seconds into the mall) renders in blocks of `chunk` frames."""
    timeline = days()[bare]
    program = make_program(timeline, SHOW_CYCLE_S)
    mall = next(scene for scene in timeline.scenes if scene.name == MALL)
    wall = program.clock.wall_at(mall.at, FIXED_WALL) + start
    engine = ScoreEngine(program, RATE, lambda _: None, wall, chunk=chunk)
    sound = engine.render(round(seconds * RATE)).T.astype(np.float64)
    return sound[:, -round(SECONDS * RATE):]


def rotor(start: float, seconds: float, chunk: int = 16384) -> np.ndarray:
    """What the helicopter adds to the last SECONDS of that render."""
    return rendered(start, seconds, chunk, False) - rendered(start, seconds, chunk, True)


def test_a_seek_hears_the_rotor_as_playing_through_to_it() -> None:
    """Two machines, one started 6 s earlier and played on, the other seeked straight there,
    hear the same rotor (its thumps fall with the story, not with when the engine began)."""
    through = rotor(60.0, 6.0 + SECONDS)
    seeked = rotor(66.0, SECONDS)
    assert db(through).mean() > -60.0, "(the helicopter is heard there)"
    error = db(through - seeked).mean() - db(through).mean()
    assert error < -30.0, f"the rotor differs by {error:.1f} dB from playing through"


def test_blocks_of_any_length_hear_the_rotor() -> None:
    """An engine rendering blocks that are not a multiple of 4 frames (1003) hears the same
    helicopter as in its own blocks (it was silent in them)."""
    odd = rotor(64.0, SECONDS, chunk=1003)
    even = rotor(64.0, SECONDS)
    assert db(odd).mean() > -60.0, "the helicopter is silent in blocks of 1003 frames"
    assert pulse_share(odd) > RATE_SHARE
    error = db(odd - even).mean() - db(even).mean()
    assert error < -20.0, f"blocks of 1003 frames hear it {error:.1f} dB apart"


def test_a_seek_while_it_flies_hears_the_rotor_of_where_it_lands() -> None:
    """An engine hearing the helicopter that seeks on within its scene hears the rotor as
    one seeked straight there does (not its own thumps carried on from before the jump)."""
    timeline = days()[0]
    program = make_program(timeline, SHOW_CYCLE_S)
    mall = next(scene for scene in timeline.scenes if scene.name == MALL)
    wall = program.clock.wall_at(mall.at, FIXED_WALL)
    engine = ScoreEngine(program, RATE, lambda _: None, wall + 60.3)
    engine.render(round(SECONDS * RATE))
    engine.seek(wall + 66.0)
    jumped = engine.render(round(SECONDS * RATE)).T.astype(np.float64) - heard(True, 66.0)
    seeked = rotor(66.0, SECONDS)
    error = db(jumped - seeked).mean() - db(seeked).mean()
    assert error < -30.0, f"after the jump the rotor differs by {error:.1f} dB"
