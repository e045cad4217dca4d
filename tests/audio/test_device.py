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
