"""The post's cover as GPU textures, uploaded a band of rows a frame: no frame waits on one."""

from __future__ import annotations

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
GREY = 0x010101  # a level as the same red, green and blue of a BGRA word
OPAQUE = 0xFF000000
REFUSED = (pygame.error, sdl2.error)  # what SDL raises for a window, renderer or mode it refuses


class Upload:
    """A cover's textures and how many of its rows are up: the cover itself, blended
    premultiplied, or (a renderer refusing that blend) a MOD of 1 - alpha and an ADD of light."""

    def __init__(self, renderer: video.Renderer, size: tuple[int, int],
                 premultiplied: int | None) -> None:
        self.textures = []
        for mode in (BLEND_MOD, BLEND_ADD) if premultiplied is None else (premultiplied,):
            texture = video.Texture(renderer, size, static=True)
            texture.blend_mode = mode
            self.textures.append(texture)
        self.rows = 0


class CoverTextures:
    """Each post cover laid by the GPU: frame x (1 - alpha) + light, as one texture with a
    custom premultiplied blend mode where the renderer takes it (OpenGL does), or as two with
    the standard MOD and ADD (SDL's software renderer refuses custom modes). A cover's textures
    are made when it is first shown and filled a band of rows a frame (the CPU lays it until
    they are all up); they are let go with the cover."""

    def __init__(self, renderer: video.Renderer) -> None:
        self.renderer = renderer
        self.premultiplied: int | None = premultiplied_mode(renderer)
        self.uploads: weakref.WeakKeyDictionary[pygame.Surface, Upload]
        self.uploads = weakref.WeakKeyDictionary()

    def ready(self, cover: pygame.Surface) -> bool:
        """Are all the cover's rows up? (A cover not seen before is begun.)"""
        upload = self.uploads.get(cover)
        if upload is None:
            upload = Upload(self.renderer, cover.get_size(), self.premultiplied)
            self.uploads[cover] = upload
        return upload.rows >= cover.get_height()

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
