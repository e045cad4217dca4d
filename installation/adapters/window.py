"""The window adapter: a fullscreen or windowed display, or a headless surface with no screen."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any, Protocol

import pygame

from installation.adapters.gpu_window import REFUSED, RendererWindow
from installation.core.errors import DisplayError

log = logging.getLogger("installation.display")

HEADLESS_SIZE = (1920, 1080)
WINDOW_FRACTION = 0.75  # a --windowed show with native resolution takes this much of the screen
SCREENLESS_DRIVERS = ("offscreen", "dummy")  # SDL's fallbacks when no real display is there


class Display(Protocol):
    """Where frames go: draw on `surface`, then `present()`; one that `lays_cover` takes the
    post's cover to lay over the frame as it shows it (see `post.Post.cover`)."""

    surface: pygame.Surface
    lays_cover: bool

    def present(self, cover: pygame.Surface | None = None) -> None: ...

    def events(self) -> list[pygame.event.Event]: ...

    def close(self) -> None: ...


class HeadlessDisplay:
    """Frames drawn to an offscreen surface and shown to nobody (tests, soak runs, CI)."""

    lays_cover = False

    def __init__(self, size: tuple[int, int]) -> None:
        self.surface = pygame.Surface(size)
        self.presented = 0

    def present(self, cover: pygame.Surface | None = None) -> None:
        self.presented += 1

    def events(self) -> list[pygame.event.Event]:
        return []

    def close(self) -> None:
        pass


class WindowDisplay:
    """A real window; the GPU scales the render size to the screen, letterboxed, and lays the
    post's cover (grain and vignette) over each frame as it shows it: through SDL's renderer
    (gpu_window), or, where no accelerated renderer can be had, pygame.SCALED with the cover
    laid by the CPU."""

    def __init__(self, settings: Mapping[str, Any], windowed: bool) -> None:
        chosen = os.environ.get("SDL_VIDEODRIVER", "")
        if not chosen and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            raise no_display("no X11 or Wayland display in the environment")
        try:
            pygame.display.init()
        except pygame.error as exc:
            raise no_display(str(exc)) from None
        driver = pygame.display.get_driver()
        if driver in SCREENLESS_DRIVERS and driver not in chosen:
            pygame.display.quit()
            raise no_display(f"only the '{driver}' video driver is available")
        sizes = pygame.display.get_desktop_sizes()
        monitor = settings["monitor"] if settings["monitor"] < len(sizes) else 0
        if settings["monitor"] >= len(sizes):
            log.warning("display: monitor %d not found (%d connected); using monitor 0",
                        settings["monitor"], len(sizes))
        native = sizes[monitor] if sizes else HEADLESS_SIZE
        size = settings["resolution"] or native
        fullscreen = settings["fullscreen"] and not windowed
        if not fullscreen and settings["resolution"] is None:
            size = (int(native[0] * WINDOW_FRACTION), int(native[1] * WINDOW_FRACTION))
        drawn = render_size(size, settings["render_scale"])
        self.gpu: RendererWindow | None = None
        try:
            self.gpu = RendererWindow(drawn, size, fullscreen, monitor, settings["vsync"])
            self.surface = self.gpu.surface
        except REFUSED as exc:
            log.warning("display: no GPU renderer for the cover (%s); the CPU lays it, "
                        "pygame.SCALED shows the frame", str(exc).strip() or "refused")
            self.surface = self._open(drawn, fullscreen, monitor, settings["vsync"])
            pygame.display.set_caption("Miracle Mile")
        else:
            log.info("display: the GPU lays the cover (grain, vignette) over each frame")
        self.lays_cover = self.gpu is not None
        pygame.mouse.set_visible(not (settings["hide_cursor"] and fullscreen))

    @staticmethod
    def _open(size: tuple[int, int], fullscreen: bool, monitor: int,
              vsync: bool) -> pygame.Surface:
        flags = pygame.SCALED | (pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE)
        try:
            return pygame.display.set_mode(size, flags, display=monitor, vsync=int(vsync))
        except pygame.error as exc:
            if not vsync:
                raise no_display(str(exc)) from None
            log.warning("display: vsync not available (%s); running without it", exc)
        try:
            return pygame.display.set_mode(size, flags, display=monitor)
        except pygame.error as exc:
            raise no_display(str(exc)) from None

    def present(self, cover: pygame.Surface | None = None) -> None:
        if self.gpu is not None:
            self.gpu.present(cover)
        else:
            pygame.display.flip()

    def events(self) -> list[pygame.event.Event]:
        return pygame.event.get()

    def close(self) -> None:
        if self.gpu is not None:
            self.gpu.close()
        pygame.display.quit()


def render_size(size: tuple[int, int], scale: float) -> tuple[int, int]:
    """The internal drawing size for a screen size and render scale (even numbers)."""
    return (max(2, int(size[0] * scale) // 2 * 2), max(2, int(size[1] * scale) // 2 * 2))


def no_display(detail: str) -> DisplayError:
    where = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or "none set"
    return DisplayError(
        f"no display available (DISPLAY={where}; SDL said: {detail.strip() or 'nothing'}). "
        "Run on the gallery screen's session, or use `installation run --headless` to run "
        "without a screen and `installation snapshot --at HH:MM -o frame.png` to see a frame."
    )


def open_display(settings: Mapping[str, Any], headless: bool, windowed: bool) -> Display:
    """The display the options ask for; headless needs no video driver at all."""
    if headless:
        return HeadlessDisplay(render_size(settings["resolution"] or HEADLESS_SIZE,
                                           settings["render_scale"]))
    return WindowDisplay(settings, windowed)
