"""A real window on a virtual X screen (Xvfb): fullscreen and windowed start, draw and quit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

ROOT = Path(__file__).parent.parent
pytestmark = [
    pytest.mark.display,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed"),
]

SCREENSHOT = """
import sys, pygame
from pathlib import Path
from installation.core.config import load_config
from installation.app.show import ShowOptions, build_show
from installation.core.timeline import load_timeline
config = load_config(Path('config.toml'))
show = build_show(config, load_timeline(config.timeline_path),
                  ShowOptions(windowed=True, at=4 * 3600 + 6 * 60))
show.overlay.toggle()
for _ in range(3):
    show.step()
gpu = show.display.gpu  # the renderer's window: read back what it lays (the overlay is up:
gpu.draw()  # the frame came with its cover laid)
pygame.image.save(gpu.shown(), sys.argv[1])
print(pygame.display.get_driver())
"""

GPU_COVER = """
import sys, pygame, numpy as np
from pathlib import Path
from installation.adapters.gpu_window import RendererWindow
from installation.core.config import load_config
from installation.core.timeline import load_timeline, state_at
from installation.visuals.compositor import Compositor
pygame.display.init()
timeline = load_timeline(load_config(Path('config.toml')).timeline_path)
size, at = (640, 360), 21 * 3600
cpu = pygame.Surface(size)
Compositor(timeline, size).draw(cpu, state_at(timeline, at))
window = RendererWindow(size, size, False, 0, False, driver=sys.argv[2])
cover = Compositor(timeline, size).draw(window.surface, state_at(timeline, at), leave_cover=True)
window.covers.finish(cover)  # (the show uploads it a band a frame, the CPU laying it till then)
window.draw(cover)
shown = window.shown()
pygame.image.save(shown, sys.argv[1])
apart = np.abs(pygame.surfarray.array3d(shown).astype(int) - pygame.surfarray.array3d(cpu))
print(cover is not None, apart.max(), window.covers.premultiplied is not None)
"""


@pytest.fixture(scope="module")
def x_display() -> Iterator[dict[str, str]]:
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x720x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    env = {k: v for k, v in os.environ.items() if k != "SDL_VIDEODRIVER"}
    env["DISPLAY"] = f":{number}"
    yield env
    server.terminate()
    server.wait(timeout=10)


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def show_run(x_display: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """`installation run --frames 20` in a window of the display, run once a mode (the
    windowed run's log read by two tests: one show started, not two)."""
    runs: dict[tuple[str, ...], subprocess.CompletedProcess[str]] = {}

    def run_show(*mode: str) -> subprocess.CompletedProcess[str]:
        if mode not in runs:
            runs[mode] = run(x_display, "-m", "installation", "run", "--frames", "20", *mode)
        return runs[mode]
    return run_show


@pytest.mark.parametrize("mode", [[], ["--windowed"]], ids=["fullscreen", "windowed"])
def test_show_runs_in_a_real_window(show_run: Callable[..., subprocess.CompletedProcess[str]],
                                    mode: list[str]) -> None:
    result = show_run(*mode)
    assert result.returncode == 0, result.stderr
    assert "show stopped after 20 frames" in result.stderr


def test_window_shows_the_picture_and_the_overlay(x_display: dict[str, str],
                                                  tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = run(x_display, "-c", SCREENSHOT, str(shot))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "x11"
    image = pygame.image.load(str(shot))
    assert image.get_size() == (int(1280 * 0.75) // 2 * 2, int(720 * 0.75) // 2 * 2)
    colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, image.get_width(), 8)
               for y in range(0, image.get_height(), 8)}
    assert len(colours) > 20  # a picture, not a blank window


@pytest.mark.parametrize("renderer", ["opengl", "software"])
def test_the_gpu_lays_the_grain_as_the_cpu_would(x_display: dict[str, str], tmp_path: Path,
                                                  renderer: str) -> None:
    """Neon on Wilshire drawn by Mesa's OpenGL (the cover blended premultiplied) and by SDL's
    software renderer (MOD, then ADD), the grain and vignette laid by the renderer: within two
    levels of the frame the CPU covers."""
    shot = tmp_path / "gpu.png"
    result = run(x_display, "-c", GPU_COVER, str(shot), renderer)
    assert result.returncode == 0, result.stderr
    handed, apart, premultiplied = result.stdout.split()
    assert handed == "True"
    assert int(apart) <= 2
    assert premultiplied == str(renderer == "opengl")  # one texture, or MOD and ADD


def test_the_show_lays_its_cover_on_the_gpu(
        show_run: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    result = show_run("--windowed")
    assert result.returncode == 0, result.stderr
    assert "display: the GPU lays the cover" in result.stderr


def test_the_doctor_tells_the_gpu_lays_the_cover(x_display: dict[str, str]) -> None:
    result = run(x_display, "-m", "installation", "doctor")
    assert "the GPU lays the grain and vignette over each frame" in result.stdout
