"""A scene's kept background: its still layers painted into it (and the cover over the split
layer), brought up to each frame where they change."""

from __future__ import annotations

import pygame

from installation.core.timeline.model import LayerSpec
from installation.visuals.background import Asked, Background
from installation.visuals.base import Frame, Layer
from installation.visuals.cover import Cover
from installation.visuals.parallax import Planes

Bottom = tuple[Layer, Frame]  # a layer borrowed from another scene, and its frame


class KeptBack:
    """The part of a scene's layers that keeps its still ones painted in a background (and a
    cover): what SceneLayers builds, this brings up to a frame."""

    entries: list[tuple[int, LayerSpec, Layer | None]]
    back: int
    split: int | None
    background: Background | Planes | None
    cover: Cover | None
    _bottom: Bottom | None
    _failed: bool

    def _draw_entry(self, surface: pygame.Surface, n: int, frame: Frame,
                    part: str = "whole") -> None:
        raise NotImplementedError

    def _part(self, n: int) -> str:
        """Which part of back layer n the background (or the cover) keeps."""
        split = self.cover.split if self.cover is not None else None
        return "still" if n in (self.split, split) else "whole"

    def _bring_back(self, frame: Frame) -> None:
        background = self.background
        assert background is not None
        self._failed = False
        if isinstance(background, Planes):
            background.seconds = frame.seconds
        self._bring(background, frame)
        if self._failed:  # a layer was switched off while painting: paint it all without it
            self._forget()
            self._bring(background, frame)

    def _forget(self) -> None:
        """Paint the background (and the cover) all again next time."""
        assert self.background is not None
        self.background.forget()
        if self.cover is not None:
            self.cover.kept.forget()

    def _bring(self, background: Background | Planes, frame: Frame) -> None:
        """The background, then its cover if it has one, made those of this frame."""
        if self.cover is None:
            background.bring_to(*self._back_layers(frame), self._paint_back)
            return
        assert isinstance(background, Background)  # (a cover lies over a plain one)
        asked = Asked()  # the layers under the cover asked once for both
        background.bring_to(*self._back_layers(frame), self._paint_back, asked)
        self.cover.kept.bring_to(*self._covered(frame), self._paint_back, asked)

    def _covered(self, frame: Frame) -> tuple[list[Layer | None], list[Frame]]:
        """The still layers and those the cover keeps, each with its frame."""
        return self._back_layers(frame, self.cover.count if self.cover is not None else 0)

    def _back_layers(self, frame: Frame,
                     over: int = 0) -> tuple[list[Layer | None], list[Frame]]:
        """The still layers (and `over` more: the cover's) and the frame each is drawn for
        (a lent sky has its own)."""
        layers = [layer for _index, _spec, layer in self.entries[:self.back + over]]
        frames = [frame] * len(layers)
        if self._bottom is not None and layers:
            layers[0], frames[0] = self._bottom
        return layers, frames

    def _paint_back(self, surface: pygame.Surface, n: int, frame: Frame) -> None:
        if not self._hidden(n, surface.get_clip()):
            self._draw_entry(surface, n, frame, self._part(n))

    def _hidden(self, n: int, area: pygame.Rect) -> bool:
        """Is back layer n hidden in `area` of the background, under a later one that paints
        all of it over whatever is there (`covers(area)`, drawn plainly)? Not in depth
        planes, which lay the layers out apart."""
        if type(self.background) is not Background:
            return False
        for _index, spec, layer in self.entries[n + 1:self.back]:
            covers = getattr(layer, "covers", None)
            if covers is not None and plain(spec) and covers(area):
                return True
        return False


def plain(spec: LayerSpec) -> bool:
    """Is the layer drawn as it is (no opacity or blend to mix with what is under it)?"""
    return spec.params.get("opacity", 1.0) >= 1.0 and spec.params.get("blend", "normal") == "normal"
