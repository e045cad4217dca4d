"""The window drawn through SDL's renderer: the frame uploaded, the post's cover laid by the GPU."""

from __future__ import annotations

import logging
import statistics

import pygame
from pygame._sdl2 import video

from installation.adapters.gpu_cover import KEPT, REFUSED, CoverTextures, scale_quality
from installation.core.types import TimeFn
from installation.visuals.post import lay_cover

log = logging.getLogger("installation.display")

BLEND_NONE = 0x0  # SDL_BLENDMODE_NONE, for the frame: its fourth byte is not alpha
UPLOADS_TIMED = 15
WINDOWPOS_CENTERED_DISPLAY = 0x2FFF0000  # SDL_WINDOWPOS_CENTERED_DISPLAY(monitor): | monitor


class RendererWindow:
    """A window, its renderer letterboxing the render size onto it, and the frame's texture."""

    def __init__(self, size: tuple[int, int], screen: tuple[int, int], fullscreen: bool,
                 monitor: int, vsync: bool, driver: str | None = None,
                 hidden: bool = False, kept: int = KEPT) -> None:
        """Raises one of REFUSED if the window, its renderer or the blend modes cannot be had
        (`kept`: the sets of cover textures made with it; 0 where no frame is shown)."""
        self.surface = pygame.Surface(size)
        self.window = video.Window("Miracle Mile", size=screen,
                                   position=WINDOWPOS_CENTERED_DISPLAY | monitor,
                                   fullscreen_desktop=fullscreen, resizable=not fullscreen,
                                   hidden=hidden)
        try:
            self.renderer = self._renderer(vsync, driver)
            self.renderer.logical_size = size  # letterboxed, as pygame.SCALED does
            self.frame = video.Texture(self.renderer, size, streaming=True,
                                       scale_quality=scale_quality())
            self.frame.blend_mode = BLEND_NONE
            self.covers = CoverTextures(self.renderer, size, kept)
            probe = opaque_cover((2, 2))  # refused blend modes fail here, not mid-show
            self.covers.finish(probe)
            self.covers.lay(probe)
        except REFUSED:
            self.close()
            raise

    def _renderer(self, vsync: bool, driver: str | None) -> video.Renderer:
        """The GPU's renderer (or the one named: tests ask for SDL's "software" one)."""
        index, accelerated = -1, 1
        if driver is not None:
            names = [info.name for info in video.get_drivers()]
            if driver not in names:
                raise pygame.error(f"no '{driver}' renderer (SDL has {', '.join(names)})")
            index, accelerated = names.index(driver), -1
        try:
            return video.Renderer(self.window, index=index, accelerated=accelerated, vsync=vsync)
        except REFUSED as exc:
            if not vsync:
                raise
            log.warning("display: vsync not available (%s); running without it", exc)
        return video.Renderer(self.window, index=index, accelerated=accelerated, vsync=False)

    def draw(self, cover: pygame.Surface | None = None) -> None:
        """Upload the frame and lay `cover` over it, on the GPU once its textures are up (by
        the CPU until then), and upload a band of a cover's textures (not shown yet)."""
        on_gpu = cover is not None and self.covers.ready(cover)
        if cover is not None and not on_gpu:
            lay_cover(self.surface, cover)
        self.frame.update(self.surface)
        self.renderer.clear()  # the letterbox bars: black
        self.frame.draw()
        if on_gpu:
            assert cover is not None
            self.covers.lay(cover)
        self.covers.advance()

    def present(self, cover: pygame.Surface | None = None) -> None:
        """Draw the frame and `cover`, then show them."""
        self.draw(cover)
        self.renderer.present()

    def shown(self) -> pygame.Surface:
        """What `draw` laid, read back from the renderer at the window's size."""
        # read with the logical size off: with it, SDL reads the viewport's size in the
        # screen's pixels (its top left corner), and pygame-ce 2.5.8 overruns its surface
        logical = self.renderer.logical_size
        self.renderer.logical_size = (0, 0)
        try:
            return self.renderer.to_surface()
        finally:
            self.renderer.logical_size = logical

    def close(self) -> None:
        """Let the textures and the renderer go, then the window: SDL destroys a window's
        renderer with it, and pygame-ce's Renderer, freed after, destroyed it again (whichever
        renderer had its address by then: the next window's textures turned invalid)."""
        covers = self.__dict__.pop("covers", None)
        if covers is not None:
            covers.close()
        del covers
        self.__dict__.pop("frame", None)
        self.__dict__.pop("renderer", None)
        self.window.destroy()


def opaque_cover(size: tuple[int, int]) -> pygame.Surface:
    """A cover that leaves the frame as it is (a fresh one each time: textures are per cover)."""
    cover = pygame.Surface(size, pygame.SRCALPHA)
    cover.fill((0, 0, 0, 0))
    return cover


def frame_upload_ms(size: tuple[int, int], clock: TimeFn,
                    count: int = UPLOADS_TIMED) -> float | None:
    """The median time of one frame's upload into a streaming texture of SDL's software
    renderer in a hidden window (None: no window or renderer here): what the CPU does to
    hand a frame to the GPU, on any path (pygame.SCALED's flip made the same upload)."""
    try:
        window = RendererWindow(size, size, False, 0, False, driver="software", hidden=True,
                                kept=0)
    except REFUSED:
        return None
    took = []
    for _ in range(count):
        start = clock()
        window.frame.update(window.surface)
        took.append((clock() - start) * 1000.0)
    window.close()
    return statistics.median(took)


def cover_path(size: tuple[int, int] = (64, 36)) -> str:
    """Which way a show's window lays the post's cover here (opens a hidden window)."""
    try:
        RendererWindow(size, size, False, 0, False, hidden=True, kept=0).close()
    except REFUSED as exc:
        return f"the CPU lays the grain and vignette (no GPU renderer: {str(exc).strip()})"
    return "the GPU lays the grain and vignette over each frame"
