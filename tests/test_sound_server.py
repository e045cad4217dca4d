"""Through a real sound server: PulseAudio killed and restarted under a running show.

Marked `pulse`: it needs `pulseaudio` and `parec` (`bash setup.sh --test` installs them on
Debian/Ubuntu) and is skipped without them. A private server with a null sink records what
the show plays; nothing is heard and no other sound server is touched.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from installation.adapters.sdl_audio import PULSE_LATENCY_MS

ROOT = Path(__file__).parent.parent
RATE = 48_000
WAIT_S = 60.0  # for a cold start on a busy machine
LOST_WITHIN_S = 2.0 + 2.0 + 1.0  # noticed within 2 s; the status file is written every 2 s
BACK_WITHIN_S = 5.0 + 2.0 + 1.0  # sound again within 5 s of the server; the status file
GAP_S = 0.010  # a silence longer than this where the score sounds is a gap (issue 12)
SILENCE = 1e-6  # below this a recorded sample is silence (the sink's own zeros)
SHORT_S = 30.0  # of live sound judged for gaps in CI
SHOW_HELD_S = 1.9  # CI's shared machine held the show's whole process about this long once
HELD_RUN_S = 20.0  # of live sound recorded around such a hold (it comes 8 s in)
HELD_SIZE = (640, 360)  # the held show's picture: how the sound comes back after a hold of the
# whole process is the sound's way (SDL's queue, the server's); at 1920x1080 its frames took
# ~25 s of processor time beside the soak's show, for the same recording judged the same way
HEARD_PART = 0.9  # of the 10 ms windows after recovery that must hold sound (see below)
HEARD_S = 3.0  # judged from the first sound after the restart
# The sound is back once the status is (BACK_WITHIN_S) and the sound server has played what it
# holds: the device opened paused, and while the first seconds were made it took silence.
SOUND_BACK_WITHIN_S = BACK_WITHIN_S + PULSE_LATENCY_MS / 1000 + 1.0

pytestmark = [pytest.mark.pulse, pytest.mark.skipif(
    not (shutil.which("pulseaudio") and shutil.which("parec")),
    reason="needs pulseaudio and parec (bash setup.sh --test installs them)")]


class SoundServer:
    """A private PulseAudio with one null sink ('rec'), and a recorder of what reaches it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.socket = folder / "native"
        self.env = dict(os.environ, PULSE_SERVER=f"unix:{self.socket}", HOME=str(folder),
                        PULSE_RUNTIME_PATH=str(folder / "run"), XDG_RUNTIME_DIR=str(folder / "run"))
        self.server: subprocess.Popen[bytes] | None = None
        self.recorder: subprocess.Popen[bytes] | None = None

    def start(self, recording: Path) -> None:
        (self.folder / "run").mkdir(exist_ok=True)
        self.server = subprocess.Popen(
            ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
             "--disable-shm=yes", f"--load=module-null-sink sink_name=rec rate={RATE}",
             f"--load=module-native-protocol-unix socket={self.socket} auth-anonymous=1"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + WAIT_S
        while subprocess.run(["pactl", "info"], env=self.env, capture_output=True).returncode:
            assert time.monotonic() < deadline, "the sound server did not start"
            time.sleep(0.1)
        with open(recording, "wb") as out:
            self.recorder = subprocess.Popen(
                ["parec", "-d", "rec.monitor", "--format=float32le", f"--rate={RATE}",
                 "--channels=2", "--latency-msec=20"], env=self.env, stdout=out,
                stderr=subprocess.DEVNULL)

    def kill(self, how: signal.Signals = signal.SIGKILL) -> None:
        for process in (self.recorder, self.server):
            if process is not None and process.poll() is None:
                process.send_signal(how)
                process.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SoundServer]:
    sound = SoundServer(tmp_path / "pulse")
    sound.folder.mkdir()
    yield sound
    sound.kill()


def status_when(path: Path, pid: int, wanted: str, after: float, within: float) -> dict[str, Any]:
    """The first status of the show `pid` written after `after` with audio `wanted`."""
    deadline = time.monotonic() + within
    seen: dict[str, Any] = {}
    while time.monotonic() < deadline:
        try:
            seen = json.loads(path.read_text())
        except (OSError, ValueError):
            seen = {}
        if seen.get("pid") == pid and seen.get("written_at", 0) > after \
                and seen.get("audio") == wanted:
            return seen
        time.sleep(0.05)
    pytest.fail(f"audio never '{wanted}' within {within:g} s; last status: {seen}")


def silent_runs(samples: np.ndarray, shortest_s: float = GAP_S) -> list[tuple[float, float]]:
    """Runs of silence (no sample above SILENCE in either channel) longer than `shortest_s`
    in stereo samples at RATE: (start, length) in seconds."""
    loud = np.abs(samples).max(axis=1) > SILENCE
    edges = np.flatnonzero(np.diff(np.concatenate([[1], loud.astype(np.int8), [1]])))
    starts, ends = edges[0::2], edges[1::2]  # each quiet run: its first sample, one past it
    long = (ends - starts) > shortest_s * RATE
    return [(start / RATE, (end - start) / RATE)
            for start, end in zip(starts[long], ends[long], strict=True)]


def loud_windows(recording: Path) -> np.ndarray:
    """For each 10 ms window of the recording so far: does it hold sound?"""
    window = RATE // 100
    samples = np.fromfile(recording, dtype=np.float32)
    samples = samples[:len(samples) // (2 * window) * 2 * window].reshape(-1, window, 2)
    return np.asarray(np.abs(samples).max(axis=(1, 2)) > SILENCE)


def first_sound(recording: Path, within: float) -> float:
    """Seconds into the recording of its first sound, waiting until it is `within` seconds
    long; inf if there is none by then."""
    while True:
        loud = loud_windows(recording)
        if loud.any():
            return float(np.flatnonzero(loud)[0]) / 100
        if len(loud) >= within * 100:
            return math.inf
        time.sleep(0.1)


def heard_part(recording: Path, start_s: float, seconds: float) -> tuple[float, float]:
    """Of the 10 ms windows in a stretch of the recording: the part with sound, and the
    longest run without (seconds)."""
    loud = loud_windows(recording)[round(start_s * 100):round((start_s + seconds) * 100)]
    runs = np.diff(np.flatnonzero(np.concatenate([[True], loud, [True]]))) - 1
    return float(loud.mean()), float(runs.max(initial=0)) / 100


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_the_sound_comes_back_after_the_sound_server_is_killed(
        tmp_path: Path, server: SoundServer, how: signal.Signals) -> None:
    shutil.copy(ROOT / "timelines" / "miracle-mile.toml", tmp_path / "day.toml")
    config = tmp_path / "config.toml"
    config.write_text('[display]\nresolution = "320x180"\nfps = 30\n[audio]\nvolume = 0.8\n'
                      '[show]\ntimeline = "day.toml"\n[logging]\nfolder = "logs"\n')
    status = tmp_path / "logs" / "status.json"
    server.start(tmp_path / "before.raw")
    env = dict(server.env, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="pulseaudio",
               PYTHONPATH=str(ROOT))
    show = subprocess.Popen([sys.executable, "-m", "installation", "run", "--headless",
                             "--at", "13:00", "--config", str(config)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        status_when(status, show.pid, "playing", 0.0, WAIT_S)
        time.sleep(2.0)
        killed = time.time()
        server.kill(how)  # as in the report: SIGKILL or SIGTERM
        status_when(status, show.pid, "lost, retrying", killed, LOST_WITHIN_S)
        time.sleep(3.0)
        server.start(tmp_path / "after.raw")
        restarted = time.time()
        back = status_when(status, show.pid, "playing", restarted, BACK_WITHIN_S)
        # Judged from the first sound after the restart, for three seconds, not from the
        # status: through PulseAudio's two seconds the first sound plays up to about 2 s
        # after it (more on a busy machine), and a window begun a second after the status
        # failed beside a busy machine with the sound back in time. On a machine shared with
        # other work the server itself may be starved for a moment, so most, not all, of the
        # windows must hold sound.
        first = first_sound(tmp_path / "after.raw", SOUND_BACK_WITHIN_S)
        assert first <= SOUND_BACK_WITHIN_S, (first, back["written_at"] - restarted)
        time.sleep(max(0.0, restarted + first + HEARD_S + 1.0 - time.time()))
        heard, longest = heard_part(tmp_path / "after.raw", first, HEARD_S)
        assert heard > HEARD_PART, (heard, longest, first, back["written_at"] - restarted)
        show.send_signal(signal.SIGTERM)
        assert show.wait(20) == 0  # closing never hangs on the sound server
    finally:
        if show.poll() is None:
            show.kill()
    assert show.stderr is not None
    log = show.stderr.read().decode()
    assert log.count("the audio device went away") == 1 and "audio device is back" in log
    assert "ALSA lib" not in log


def test_live_sound_has_no_gap_across_a_scene_change_and_a_cue(tmp_path: Path) -> None:
    """Issue 12's goal over a stretch CI can afford: from start-up, 30 s of the live show at
    1920x1080 across the payphone scene and its cue (04:05) without one silence longer than
    10 ms that the offline render does not have (the 10 minutes: test_sound_server_long.py).
    A gap that a hold of the machine, of the show's whole process by the system, or a thread on
    the sound's way kept waiting for a processor explains (seen from outside the show:
    hold_watch.py) is reported as a warning, not failed: CI's shared machines held the show
    ~1.9 s once (a 0.85 s gap, as SIGSTOP for 1.9 s gives), and at load 14-17 a 21 ms gap came
    with no hold of the whole process or machine. On an idle machine no thread starves, and
    every gap fails."""
    from test_sound_server_long import judge, record, report, unexplained

    run = record(tmp_path, SHORT_S, headless=True, at="04:03:30", reload=False)
    gaps, expected, seconds = judge(run)
    assert any(s["scene"] == "The payphone rings" for s in run.statuses), run.statuses[-1]
    assert "cue 'the call'" in run.log
    assert not unexplained(gaps), report(run, gaps, expected, seconds)
    if gaps:  # held from outside (the machine, or the show's process by the system): said
        warnings.warn(report(run, gaps, expected, seconds), stacklevel=1)


def test_live_sound_comes_back_by_itself_after_the_show_is_held(tmp_path: Path) -> None:
    """The show's whole process held for 1.9 s (SIGSTOP), as CI's machine held it once: the
    sound server's second of sound runs out (a gap the hold explains), then the sound plays
    on. Through PulseAudio SDL used to write its whole queue at once after such a hold, then
    seconds of silence into the server, which asked for nothing until it had played them:
    3 to 14 s of silence after the hold in 6 of 8 runs beside a busy machine (refill.py)."""
    from test_sound_server_long import judge, record, report, unexplained

    run = record(tmp_path, HELD_RUN_S, headless=True, at="04:03:30", reload=False,
                 hold_s=SHOW_HELD_S, size=HELD_SIZE)
    gaps, expected, seconds = judge(run)
    assert run.watch is not None and any(
        hold.what == "show" for hold in run.watch.holds), report(run, gaps, expected, seconds)
    assert not unexplained(gaps), report(run, gaps, expected, seconds)
