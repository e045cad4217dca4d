"""The grain and vignette laid by the GPU as the window shows the frame: the same picture."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest
from fakes import FakeTime

from installation.app.show import Show
from installation.core.config import load_config
from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor

ROOT = Path(__file__).parent.parent
SIZE = (480, 270)
GRAIN_SEEN = 8  # levels: the cover darkens and speckles the frame at least this much somewhere
LEVELS_APART = 2  # the GPU's blend rounds a little differently from pygame's


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return load_timeline(load_config(ROOT / "config.toml").timeline_path)


def window():  # type: ignore[no-untyped-def]
    """A window drawn by SDL's software renderer (the dummy video driver has no GPU)."""
    from installation.adapters.gpu_window import REFUSED, RendererWindow
    pygame.display.init()
    try:
        return RendererWindow(SIZE, SIZE, False, 0, False, driver="software")
    except REFUSED as exc:
        pytest.skip(f"SDL's software renderer cannot be made here: {exc}")


def pixels(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array3d(surface).astype(np.int16)


def cpu_frame(timeline: Timeline, at: float) -> pygame.Surface:
    surface = pygame.Surface(SIZE)
    Compositor(timeline, SIZE).draw(surface, state_at(timeline, at))
    return surface


@pytest.mark.parametrize("moment", ["21:00", "04:06"])
def test_the_window_shows_what_the_cpu_would(timeline: Timeline, moment: str) -> None:
    """Neon on Wilshire and the payphone: the frame drawn without its cover, then the cover
    laid by the renderer, reads back within two levels of the frame the CPU covers."""
    at = parse_clock(moment)
    shown = window()
    cover = Compositor(timeline, SIZE).draw(shown.surface, state_at(timeline, at),
                                            leave_cover=True)
    assert cover is not None
    bare = pixels(shown.surface)
    shown.covers.finish(cover)
    shown.draw(cover)
    gpu, cpu = pixels(shown.shown()), pixels(cpu_frame(timeline, at))
    assert np.array_equal(pixels(shown.surface), bare)  # the CPU laid nothing
    shown.close()
    assert np.abs(gpu - cpu).max() <= LEVELS_APART
    assert np.abs(bare - cpu).max() >= GRAIN_SEEN  # the grain and vignette are there


def test_a_new_cover_is_laid_by_the_cpu_until_its_rows_are_up(timeline: Timeline) -> None:
    """No frame waits for a cover's upload: the frames that show it first have it laid by
    the CPU (the same picture) while a band of its rows goes up each frame; then the GPU."""
    from installation.adapters.gpu_cover import COVER_BANDS
    at = parse_clock("21:00")
    shown = window()
    compositor = Compositor(timeline, SIZE)
    cpu = pixels(cpu_frame(timeline, at))
    laid_by_cpu = []
    for _ in range(COVER_BANDS + 1):
        cover = compositor.draw(shown.surface, state_at(timeline, at), leave_cover=True)
        bare = pixels(shown.surface)
        shown.draw(cover)
        laid_by_cpu.append(not np.array_equal(pixels(shown.surface), bare))
        assert np.abs(pixels(shown.shown()) - cpu).max() <= LEVELS_APART
    shown.close()
    assert laid_by_cpu == [True] * COVER_BANDS + [False]


def test_light_over_the_post_keeps_the_cover_on_the_cpu(timeline: Timeline) -> None:
    """The glare that begins the day lays its light over the grain: nothing is left to the
    display, and the frame is the CPU's to the byte."""
    at = parse_clock("12:00") + 2.0
    assert state_at(timeline, at).in_transition
    surface = pygame.Surface(SIZE)
    left = Compositor(timeline, SIZE).draw(surface, state_at(timeline, at), leave_cover=True)
    assert left is None
    assert np.array_equal(pixels(surface), pixels(cpu_frame(timeline, at)))


class CoverTakingDisplay:
    """A display that lays the cover itself, and keeps what it was handed."""

    lays_cover = True

    def __init__(self) -> None:
        self.surface = pygame.Surface(SIZE)
        self.covers: list[pygame.Surface | None] = []

    def present(self, cover: pygame.Surface | None = None) -> None:
        self.covers.append(cover)

    def events(self) -> list[pygame.event.Event]:
        return []

    def close(self) -> None:
        pass


def cover_taking_show(**overrides: dict[str, object]) -> tuple[Show, CoverTakingDisplay, FakeTime]:
    """A headless show at 21:00 on an open day (fake time), silent, drawing into a
    CoverTakingDisplay (the config's sections changed as `overrides` say)."""
    import datetime as dt
    from dataclasses import replace

    from installation.app.show import ShowOptions, build_show
    from installation.core.config import with_overrides
    config = with_overrides(load_config(ROOT / "config.toml"), audio={"enabled": False},
                            display={"resolution": SIZE}, **overrides)
    config = replace(config, clock=replace(config.clock, timezone=dt.UTC))
    fake = FakeTime(dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC).timestamp())  # open
    show = build_show(config, load_timeline(config.timeline_path),
                      ShowOptions(headless=True, at=parse_clock("21:00")),
                      fake.time, fake.monotonic, fake.sleep)
    display = CoverTakingDisplay()
    show.display = display
    return show, display, fake


def test_the_overlay_is_drawn_over_a_cover_laid_first() -> None:
    """The attendant's overlay is drawn over the grain, never under it: with the overlay up
    the show lays the cover on the CPU and hands the window none."""
    show, display, _ = cover_taking_show()
    show.step()
    show.overlay.toggle()
    show.step()
    assert display.covers[0] is not None and display.covers[1] is None


@pytest.mark.filterwarnings("ignore:no fast renderer")  # pygame.SCALED under the dummy driver
def test_without_a_gpu_renderer_the_cpu_lays_the_cover(caplog: pytest.LogCaptureFixture) -> None:
    """The dummy driver has no accelerated renderer: the window falls back to pygame.SCALED,
    the CPU lays the cover, and one log line and `installation doctor` say so."""
    from installation.adapters.gpu_window import cover_path
    from installation.adapters.window import WindowDisplay
    settings = {"monitor": 0, "resolution": SIZE, "fullscreen": False, "render_scale": 1.0,
                "vsync": False, "hide_cursor": False}
    with caplog.at_level("INFO", logger="installation.display"):
        display = WindowDisplay(settings, windowed=True)
    try:
        assert not display.lays_cover
        assert display.surface.get_size() == SIZE
    finally:
        display.close()
    told = [r.getMessage() for r in caplog.records if "cover" in r.getMessage()]
    assert len(told) == 1 and "the CPU lays it" in told[0]
    assert cover_path().startswith("the CPU lays the grain and vignette (no GPU renderer")


def test_new_covers_take_textures_made_with_the_window() -> None:
    """A cover shown for the first time makes no texture in its frame (one took ~11 ms): it
    takes one of the sets made with the window, the one shown longest ago once all are used,
    so the GPU holds KEPT covers at most."""
    from installation.adapters.gpu_cover import KEPT
    shown = window()
    made = {id(upload) for upload in shown.covers.spare}
    assert len(made) == KEPT
    covers = []
    for level in range(KEPT + 3):
        cover = pygame.Surface(SIZE, pygame.SRCALPHA)
        cover.fill((level, level, level, 100))
        covers.append(cover)
        shown.surface.fill((90, 60, 30))
        shown.draw(cover)
        assert shown.covers.ready(cover) is False  # laid by the CPU, its first band going up
    held = shown.covers.uploads
    assert len(held) == KEPT and {id(upload) for upload in held.values()} == made
    assert covers[0] not in held and covers[-1] in held
    shown.close()
