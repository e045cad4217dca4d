"""The post's cover as GPU textures, uploaded a band of rows a frame: no frame waits on one."""

from __future__ import annotations

import os
import weakref

import numpy as np
import pygame
from pygame._sdl2 import sdl2, video

# SDL_BlendMode values and factors (SDL_blendmode.h).
BLEND_ADD = 0x2  # dst + src.rgb x src.a (the light's texture is opaque)
BLEND_MOD = 0x4  # dst x src.rgb
FACTOR_ONE, FACTOR_ONE_MINUS_SRC_ALPHA, OPERATION_ADD = 0x2, 0x6, 0x1
PREMULTIPLIED = (FACTOR_ONE, FACTOR_ONE_MINUS_SRC_ALPHA, OPERATION_ADD)  # src + dst x (1 - a)
COVER_BANDS = 8  # a cover is uploaded in this many bands of rows, one a frame
KEPT = 8  # covers' textures kept on the GPU: two posts' four grain frames each
GREY = 0x010101  # a level as the same red, green and blue of a BGRA word
OPAQUE = 0xFF000000
SMOOTH = ("1", "linear", "2", "best")  # SDL's names of its linear scaling
REFUSED = (pygame.error, sdl2.error)  # what SDL raises for a window, renderer or mode it refuses


class Upload:
    """A cover's textures and how many of its rows are up: the cover itself, blended
    premultiplied, or (a renderer refusing that blend) a MOD of 1 - alpha and an ADD of light."""

    def __init__(self, renderer: video.Renderer, size: tuple[int, int],
                 premultiplied: int | None) -> None:
        self.size = size
        self.textures = []
        for mode in (BLEND_MOD, BLEND_ADD) if premultiplied is None else (premultiplied,):
            texture = video.Texture(renderer, size, static=True, scale_quality=scale_quality())
            texture.blend_mode = mode
            self.textures.append(texture)
        self.rows = 0
        self.used = 0  # when a frame last asked for it
        self.release: weakref.finalize | None = None  # gives it back when its cover goes


class CoverTextures:
    """Each post cover laid by the GPU: frame x (1 - alpha) + light, as one texture with a
    custom premultiplied blend mode where the renderer takes it (OpenGL does), or as two with
    the standard MOD and ADD (SDL's software renderer refuses custom modes). KEPT sets of
    textures at the render size are made with the window (making one in a frame took ~11 ms):
    a cover shown for the first time takes a spare one, or the one shown longest ago, and
    fills it a band of rows a frame (the CPU lays the cover until they are all up)."""

    def __init__(self, renderer: video.Renderer, size: tuple[int, int],
                 kept: int = KEPT) -> None:
        self.renderer = renderer
        self.premultiplied: int | None = premultiplied_mode(renderer)
        self.spare = [Upload(renderer, size, self.premultiplied) for _ in range(kept)]
        self.uploads: weakref.WeakKeyDictionary[pygame.Surface, Upload]
        self.uploads = weakref.WeakKeyDictionary()
        self.asked = 0

    def ready(self, cover: pygame.Surface) -> bool:
        """Are all the cover's rows up? (A cover not seen before is begun.)"""
        self.asked += 1
        upload = self.uploads.get(cover)
        if upload is None:
            upload = self.uploads[cover] = self._upload_for(cover)
        upload.used = self.asked
        return upload.rows >= cover.get_height()

    def _upload_for(self, cover: pygame.Surface) -> Upload:
        """Textures for a new cover: a spare set, the set of the cover shown longest ago, or
        (a cover of another size: a probe) a new one."""
        size = cover.get_size()
        if self.spare and self.spare[0].size == size:
            upload = self.spare.pop()
        elif self.uploads and next(iter(self.uploads.values())).size == size:
            gone, upload = min(self.uploads.items(), key=lambda item: item[1].used)
            del self.uploads[gone]
            if upload.release is not None:
                upload.release.detach()
        else:
            return Upload(self.renderer, size, self.premultiplied)
        upload.rows = 0
        upload.release = weakref.finalize(cover, self.spare.append, upload)
        return upload

    def close(self) -> None:
        """Let every texture go (the finalizers held theirs, and through them the renderer)."""
        for upload in self.uploads.values():
            if upload.release is not None:
                upload.release.detach()
        self.uploads.clear()
        self.spare.clear()

    def lay(self, cover: pygame.Surface) -> None:
        """Draw a `ready` cover over what the renderer holds (its whole logical size)."""
        for texture in self.uploads[cover].textures:
            texture.draw()

    def advance(self) -> None:
        """Upload one band of the first cover not yet all up."""
        for cover, upload in list(self.uploads.items()):
            if upload.rows < cover.get_height():
                upload.rows = upload_band(cover, upload)
                return

    def finish(self, cover: pygame.Surface) -> None:
        """Upload all the cover's rows now (tests, and a probe of the blend modes)."""
        while not self.ready(cover):
            upload = self.uploads[cover]
            upload.rows = upload_band(cover, upload)


def premultiplied_mode(renderer: video.Renderer) -> int | None:
    """The premultiplied blend mode, if the renderer takes it on a texture."""
    try:
        mode = int(renderer.compose_custom_blend_mode(PREMULTIPLIED, PREMULTIPLIED))
        video.Texture(renderer, (2, 2), static=True).blend_mode = mode
    except REFUSED:
        return None
    return mode


def upload_band(cover: pygame.Surface, upload: Upload) -> int:
    """Upload the cover's next band of rows into its textures; the rows now up."""
    width, height = cover.get_size()
    start = upload.rows
    count = min(height - start, -(-height // COVER_BANDS))
    area = (0, start, width, count)  # a tuple: pygame-ce 2.5.8's Texture.update drops a Rect's
    # position
    if len(upload.textures) == 1:  # the cover's own pixels (BGRA: the texture's ARGB8888)
        upload.textures[0].update(cover.subsurface(area), area)
        return start + count
    rows = slice(start, start + count)
    alpha = pygame.surfarray.pixels_alpha(cover)[:, rows].T  # [y, x]
    light = pygame.surfarray.pixels_red(cover)[:, rows].T  # grey: its red is its green, blue
    for levels, texture in zip((255 - alpha, light), upload.textures, strict=True):
        words = np.ascontiguousarray(levels, dtype=np.uint32) * GREY | OPAQUE
        texture.update(pygame.image.frombuffer(words.data, (width, count), "BGRA"), area)
    return start + count


def scale_quality() -> int:
    """How textures are scaled to the screen: pygame.SCALED's way, nearest pixels, unless the
    environment asks for linear (pygame reads SDL_HINT_RENDER_SCALE_QUALITY, SDL its own
    SDL_RENDER_SCALE_QUALITY)."""
    asked = (os.environ.get("SDL_HINT_RENDER_SCALE_QUALITY")
             or os.environ.get("SDL_RENDER_SCALE_QUALITY", ""))
    return 1 if asked.strip().lower() in SMOOTH else 0
