"""The sound device seen from the operator's console and the status: quiet, honest, recovering."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OPEN_TWICE = """
from installation.adapters.sdl_audio import open_device
for _ in range(2):  # a retry must stay as quiet as the first attempt
    try:
        open_device(None, 48000, 1024)
    except Exception as exc:
        print(f"no device: {exc}")
"""


@pytest.mark.skipif(ctypes.util.find_library("asound") is None, reason="no ALSA library")
def test_alsa_keeps_its_complaints_off_the_console() -> None:
    # A PCM that exists nowhere: ALSA complains on every machine, with or without a card.
    env = {**os.environ, "SDL_AUDIODRIVER": "alsa", "AUDIODEV": "no-such-pcm",
           "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    done = subprocess.run([sys.executable, "-c", OPEN_TWICE], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert "ALSA lib" not in done.stderr
    assert done.stdout.splitlines() == ["no device: ALSA: Couldn't open audio device: "
                                        "No such file or directory"] * 2


STUCK = """
import atexit, os, signal, sys, threading, time
import installation.adapters.audio_output as output

held = threading.Lock()  # SDL's audio lock, held for ever by a thread waiting on a dead server


class StuckDevice:
    # takes sound in real time; closing it waits on SDL's audio thread, which never answers

    def __init__(self, name, rate, buffer):
        self.rate, self.frames, self.since, self.latency = rate, 0, time.monotonic(), buffer
        threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGTERM)).start()  # then stop

    def queued(self):
        return max(0, self.frames - int((time.monotonic() - self.since) * self.rate))

    def queue(self, block):
        self.frames = self.queued() + len(block)
        self.since = time.monotonic()

    def clear(self): self.frames = 0
    def play(self): pass
    def stopped(self): return False

    def close(self):
        held.acquire()  # SDL_CloseAudioDevice waits on SDL's audio thread
        held.acquire()


output.open_device = StuckDevice
atexit.register(lambda: (held.acquire(), held.acquire()))  # a normal exit quits SDL: waits too
from installation.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_device_that_never_closes_does_not_keep_the_show_from_exiting(tmp_path: Path) -> None:
    """SDL_CloseAudioDevice waiting on a dead sound server: after a bounded wait the show
    leaves with os._exit (a normal exit would wait on SDL for ever), with its exit code."""
    config = tmp_path / "config.toml"
    config.write_text(f'[display]\nresolution = "160x90"\nfps = 30\n[show]\ntimeline = '
                      f'"{ROOT / "timelines" / "miracle-mile.toml"}"\n[logging]\nfolder = "logs"\n')
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "PYTHONPATH": str(ROOT)}
    # At 13:00 no cue is due for minutes: the worker is rendering, not making a cue's sound
    # (a stop then is not waited for, as during the build), when the device fails to close.
    done = subprocess.run([sys.executable, "-c", STUCK, "run", "--headless", "--at", "13:00",
                           "--config", str(config)], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=120)  # the bound: close_wait, the join, then out
    assert done.returncode == 0, done.stderr
    assert "the audio device did not close within 2 s; it is left behind" in done.stderr
    assert "the sound device never closed; leaving without waiting for it" in done.stderr


BUILDING = """
import sys, threading
from installation.app.show import Show
from installation.audio.engine import ScoreEngine

entered = threading.Event()


def build_for_ever(self, *args, **kwargs):  # scipy's cue sounds on a very slow PC
    entered.set()
    threading.Event().wait()


real_close = Show.close


def close_once_building(self):  # the operator quits while the score is being built
    entered.wait(60)
    real_close(self)


ScoreEngine.__init__ = build_for_ever
Show.close = close_once_building
from installation.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_quitting_while_the_score_is_built_leaves_at_once(tmp_path: Path) -> None:
    """`run --frames 1` (or Esc, or SIGTERM) in the first seconds, while the audio worker is
    still building the score: the show does not wait for the build (issue 8: 5 s); it leaves
    with os._exit and its exit code, as a normal exit would abort in scipy's C++."""
    config = tmp_path / "config.toml"
    config.write_text(f'[display]\nresolution = "160x90"\n[show]\ntimeline = '
                      f'"{ROOT / "timelines" / "miracle-mile.toml"}"\n[logging]\nfolder = "logs"\n')
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", BUILDING, "run", "--headless", "--frames", "1",
                           "--config", str(config)], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=120)  # the build never ends: only leaving does
    assert done.returncode == 0, done.stderr
    assert "leaving without waiting for the sound still being prepared" in done.stderr


class Driver:
    """Stands in for the SDL library: names the audio driver SDL chose."""

    def __init__(self, name: bytes) -> None:
        self.name = name

    def SDL_GetCurrentAudioDriver(self) -> bytes:  # noqa: N802 - SDL's own name
        return self.name


def test_through_pulseaudio_the_sound_is_ahead_by_the_servers_buffer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """PulseAudio holds PULSE_LATENCY_MSEC of sound (half a second unless the operator says
    otherwise) so a busy machine does not starve it; the show plays that much ahead."""
    from installation.adapters.sdl_audio import PULSE_LATENCY_MS, latency

    monkeypatch.delenv("PULSE_LATENCY_MSEC", raising=False)
    pulse = Driver(b"pulseaudio")
    assert latency(pulse, 48_000, 4096) == PULSE_LATENCY_MS * 48  # type: ignore[arg-type]
    monkeypatch.setenv("PULSE_LATENCY_MSEC", "50")  # shorter than SDL's buffer: the buffer
    assert latency(pulse, 48_000, 4096) == 4096  # type: ignore[arg-type]
    assert latency(Driver(b"alsa"), 48_000, 1024) == 1024  # type: ignore[arg-type]
