"""Live output: what SDL's disk driver recorded equals the offline render; no device = silent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
from scipy import signal

from installation.adapters.audio_output import (
    DISABLED,
    FAILURES_REPORTED,
    SILENT,
    DeviceOutput,
    NullOutput,
    open_output,
)
from installation.audio.engine import ScoreEngine

from .conftest import AUDIO, FIXED_WALL, RATE, SCORE, make_program

LIVE = """
import json, sys, time
from pathlib import Path
from installation.audio.engine import ScoreEngine
from installation.adapters.audio_output import open_output
from installation.core.clock import shifted
from installation.core.timeline import load_timeline
from installation.core.timeutil import parse_clock
from tests.audio.conftest import AUDIO, make_program

program = make_program(load_timeline(Path(sys.argv[1])))
now = time.time()
wall = shifted(time.time, program.wall_at(parse_clock("13:00"), now) - now)
engine = ScoreEngine(program, 48000, print, wall())
output = open_output({**AUDIO, "volume": 1.0, "buffer": 512}, engine, wall, print)
output.start()
deadline = time.monotonic() + 30  # a busy machine may take long to build the first sounds
while output.status != "playing" and time.monotonic() < deadline:
    time.sleep(0.01)
time.sleep(1.2)  # then 1.2 s of sound: the device records silence until it plays
output.stop()
print(json.dumps({"start": engine.start_wall, "status": output.status,
                  "underruns": output.underruns}))
"""


def test_the_device_hears_what_the_offline_render_makes(tmp_path: Path) -> None:
    score = tmp_path / "score.toml"
    score.write_text(SCORE)
    raw = tmp_path / "device.raw"
    env = {**os.environ, "SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(raw),
           "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", LIVE, str(score)], env=env, cwd=root,
                          capture_output=True, text=True, timeout=60)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["status"] == "playing"
    heard = np.fromfile(raw, dtype=np.float32).reshape(-1, 2)
    assert len(heard) > RATE // 2

    from installation.core.timeline import load_timeline

    timeline = load_timeline(score)
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    engine.seek(report["start"])
    offline = engine.render(len(heard))
    corr = signal.correlate(heard[:, 0], offline[:, 0], mode="full", method="fft")
    # SDL may lead with silence (and a starved, busy machine jumps back in time: the
    # recording then matches from the last jump, which is where `start` points).
    lag = int(corr.argmax()) - (len(offline) - 1)
    overlap = len(heard) - lag
    assert lag >= 0 and overlap > RATE // 4, (lag, report)
    if report["underruns"]:  # a busy machine starved the device: compare up to the gap
        silent = np.convolve((heard[lag:, 0] == 0).astype(float), np.ones(64), "valid")
        gaps = np.nonzero(silent == 64)[0]
        overlap = int(gaps[0]) if gaps.size else overlap
        assert overlap > RATE // 4, report
    diff = heard[lag:lag + overlap] - offline[:overlap]
    assert np.abs(diff).max() < 1e-5
    assert np.sqrt(np.mean(offline[:overlap] ** 2)) > 0.01


def test_disabled_audio_is_a_null_output(timeline) -> None:
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    output = open_output({**AUDIO, "enabled": False}, engine, lambda: 0.0, lambda m: None)
    assert isinstance(output, NullOutput) and output.status == DISABLED
    output.start()
    output.set_volume(0.5)
    output.stop()
    assert output.underruns == 0


def test_a_missing_device_warns_once_and_the_show_goes_on(timeline) -> None:
    warnings: list[str] = []
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    output = open_output({**AUDIO, "device": "No Such Speakers"}, engine,
                         lambda: 0.0, warnings.append)
    assert isinstance(output, DeviceOutput)
    assert not output._open() and not output._open()
    assert output.status == SILENT
    assert len(warnings) == 1 and "no audio device" in warnings[0]


class FakeDevice:
    """Stands in for an SDL device that stopped calling back."""

    def __init__(self) -> None:
        self.closed = False

    def pause(self, paused: int) -> None:
        pass

    def close(self) -> None:
        self.closed = True


def test_a_device_that_stops_calling_back_is_lost_and_retried(timeline) -> None:
    now = [100.0]
    warnings: list[str] = []
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    output = DeviceOutput(engine, RATE, 1024, 0.8, None, lambda: now[0], warnings.append)
    device = FakeDevice()
    output._device, output._last_seen, output.status = device, (now[0], 0), "playing"
    assert not output._lost()
    now[0] += 5.0
    assert output._lost()
    output._close()
    output._complain("the audio device stopped answering")
    output._complain("the audio device stopped answering")
    assert device.closed and output.status == SILENT and len(warnings) == 1


def test_the_callback_copies_counts_underruns_and_ramps_the_volume(timeline) -> None:
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    output = DeviceOutput(engine, RATE, 256, 1.0, None, lambda: 0.0, lambda m: None)
    output._primed = True
    output.ring.push(np.full((300, 2), 0.5, dtype=np.float32))
    memory = memoryview(bytearray(256 * 8))
    output._callback(None, memory)
    assert np.allclose(np.frombuffer(memory, dtype=np.float32), 0.5) and output.underruns == 0
    output.set_volume(0.0)
    output._callback(None, memory)
    played = np.frombuffer(memory, dtype=np.float32).reshape(-1, 2)
    assert output.underruns == 1  # only 44 frames were left
    assert played[0, 0] > 0.4 and np.all(played[44:] == 0.0)


def test_a_failing_score_warns_once_per_distinct_error(timeline, monkeypatch) -> None:
    warnings: list[str] = []
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    output = DeviceOutput(engine, RATE, 1024, 0.8, None, lambda: engine.wall, warnings.append)
    errors = iter([ValueError("bad chord")] * 20 + [KeyError("pad")] * 20)

    def fail(frames: int) -> np.ndarray:
        raise next(errors)

    monkeypatch.setattr(engine, "render", fail)
    for _ in range(10):  # 40 blocks: the first 20 fail one way, the rest another
        output.ring.clear()
        output._fill()
    assert warnings == ["audio engine failed (ValueError: bad chord); silence",
                        "audio engine failed (KeyError: 'pad'); silence"]
    assert output.ring.frames > 0 and not output.ring.pop(output.ring.frames)[0].any()
    errors = iter(ValueError(f"note {n}") for n in range(100))  # a new message every block
    for _ in range(20):
        output.ring.clear()
        output._fill()
    assert len(warnings) == FAILURES_REPORTED and "not reported" in warnings[-1]


def test_a_volume_that_is_not_a_number_is_ignored(timeline) -> None:
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    output = DeviceOutput(engine, RATE, 256, 1.0, None, lambda: 0.0, lambda m: None)
    memory = memoryview(bytearray(256 * 8))
    for volume in (float("nan"), float("inf"), 0.5):
        output.set_volume(volume)
        for _ in range(20):  # long enough for the 50 ms ramp
            output.ring.push(np.full((256, 2), 0.5, dtype=np.float32))
            output._callback(None, memory)
    played = np.frombuffer(memory, dtype=np.float32)
    assert np.allclose(played, 0.25)


def test_the_loudness_follows_the_sound_and_the_volume(timeline, monkeypatch) -> None:
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    output = DeviceOutput(engine, RATE, 1024, 1.0, None, lambda: engine.wall, lambda m: None)
    assert output.loudness_db == -120.0  # nothing played yet
    monkeypatch.setattr(engine, "render",
                        lambda frames: np.full((frames, 2), 0.5, dtype=np.float32))
    for _ in range(20):  # 20 x 0.3 s: the meter has settled on the steady sound
        output.ring.clear()
        output._fill()
    assert abs(output.loudness_db - 20 * np.log10(0.5)) < 0.1  # -6.0 dBFS
    output.set_volume(0.5)
    for _ in range(20):
        output.ring.clear()
        output._fill()
    assert abs(output.loudness_db - 20 * np.log10(0.25)) < 0.1  # 6 dB quieter
