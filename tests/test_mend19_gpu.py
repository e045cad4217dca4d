"""The window's cover textures and the status page's thumbnail (mend19)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_gpu18_gpu_cover import SIZE, window


def test_timing_an_upload_makes_no_cover_textures(monkeypatch: pytest.MonkeyPatch) -> None:
    """`installation bench` times a frame's upload in a hidden window: it makes none of the
    show's eight sets of cover textures (each as big as a frame), only the window's probe."""
    import time

    from installation.adapters import gpu_cover, gpu_window
    window()  # (skips where SDL's software renderer cannot be made)
    sizes: list[tuple[int, int]] = []
    made = gpu_cover.Upload.__init__

    def counted(self: gpu_cover.Upload, renderer: object, size: tuple[int, int],
                premultiplied: int | None) -> None:
        sizes.append(size)
        made(self, renderer, size, premultiplied)  # type: ignore[arg-type]

    monkeypatch.setattr(gpu_cover.Upload, "__init__", counted)
    assert gpu_window.frame_upload_ms(SIZE, time.perf_counter, count=2) is not None
    assert sizes == [(2, 2)]  # the probe of the blend modes alone



class Publishing:
    """A remote that keeps what the attendant hands it to publish."""

    def __init__(self) -> None:
        self.published: list[tuple[object, object]] = []

    def commands(self) -> list[object]:
        return []

    def publish(self, status: object, frame: object, cover: object = None) -> None:
        self.published.append((frame, cover))

    def screen(self, *args: object) -> None:
        pass

    def close(self) -> None:
        pass


def test_the_status_pages_picture_has_the_grain_and_vignette(tmp_path: Path) -> None:
    """Where the window's GPU lays the post's cover, the status page's picture is the frame
    with the cover laid over it (as the screen shows it), not the bare frame."""
    from test_gpu18_gpu_cover import cover_taking_show

    from installation.app.attendant import build_attendant
    show, display, fake = cover_taking_show(logging={"folder": str(tmp_path)})
    show.attendant = build_attendant(show, show.program.config.timeline_path, watch=False,
                                     wall=fake.time, monotonic=fake.monotonic, env={})
    remote = Publishing()
    show.attendant.remote = remote  # type: ignore[assignment]
    show.step()
    show.attendant.after_frame()
    assert display.covers[0] is not None
    assert remote.published == [(display.surface, display.covers[0])]


def test_the_thumbnail_lays_the_cover_it_is_handed() -> None:
    """The page's PNG: the frame with the cover laid over it, made small."""
    import io

    import numpy as np
    import pygame

    from installation.adapters.http_status import thumbnail_png
    frame = pygame.Surface((640, 360))
    frame.fill((200, 180, 160))
    cover = pygame.Surface((640, 360), pygame.SRCALPHA)
    cover.fill((0, 0, 0, 0))
    cover.fill((0, 0, 0, 200), (0, 0, 160, 90))  # a dark corner, as the vignette's
    picture = pygame.image.load(io.BytesIO(thumbnail_png(frame, 320, cover)), "frame.png")
    seen = pygame.surfarray.array3d(picture).astype(int)
    assert seen.shape[:2] == (320, 180)
    assert np.abs(seen[10, 10] - [200 * 55 // 255, 180 * 55 // 255, 160 * 55 // 255]).max() <= 2
    assert seen[300, 170].tolist() == [200, 180, 160]
    bare = pygame.image.load(io.BytesIO(thumbnail_png(frame, 320)), "frame.png")
    assert pygame.surfarray.array3d(bare)[10, 10].tolist() == [200, 180, 160]
