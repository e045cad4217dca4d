"""How a scene's built layers are drawn into a frame: the kept background brought up to it,
then the animated layers over it, moved by the camera's sway, the captions apart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

import pygame

from installation.core.timeline.model import Scene
from installation.visuals.base import Frame, Layer
from installation.visuals.blending import Paint
from installation.visuals.caption import Caption
from installation.visuals.cover import lay_covered
from installation.visuals.figure_order import draw_together
from installation.visuals.figures import Figures
from installation.visuals.parallax import Drift, Planes, mirror_edges
from installation.visuals.scene_back import Bottom, KeptBack, plain

if TYPE_CHECKING:
    from installation.visuals.compositor import Compositor


class SceneDraw(KeptBack):
    """The drawing of a scene's layers (SceneLayers builds them)."""

    compositor: Compositor
    scene: Scene
    drift: Drift
    opaque: bool
    _skipped: tuple[int, ...]
    _together: dict[int, list[int]]

    def finish(self) -> None:
        raise NotImplementedError

    def depth(self, n: int) -> float:
        """How near layer n stands, for the camera's sway (0: it does not move)."""
        return float(self.entries[n][1].params.get("depth", 0.0))

    def draw(self, surface: pygame.Surface, frame: Frame, bottom: Bottom | None = None,
             captions: bool = True) -> None:
        """The kept background (brought up to this frame), then the animated layers over it;
        with `bottom`, another scene's bottom layer (drawn for its own frame) replaces ours;
        without `captions`, the captions that `draw_captions` can lay over the frame apart."""
        self.finish()
        self._bottom = bottom
        self._skipped = () if captions else self._overlaid()
        shifts = self._shifts(frame)
        last = max((n for n, shift in enumerate(shifts) if shift), default=-1)  # moved last
        along = self._along(shifts, last)
        if along:
            self._draw_along(surface, frame, shifts, last, along)
            return
        if isinstance(self.background, Planes):
            self.background.offset = 0
        drawn_moved = any(shifts[self.back:]) or (self.split is not None and shifts[self.split])
        view = self._view(surface, 0) if drawn_moved else surface  # moved over: on a canvas
        if self.cover is not None and not drawn_moved:
            self._draw_covered(view, frame)
            return
        if self.background is not None:
            self._bring_back(frame)
            _copy(self.background.surface, view, self._painted_whole(view, shifts))
        elif not self.opaque:
            view.fill((0, 0, 0))
        if self.split is not None and self.background is not None:
            under = replace(frame, under=self.background.version)  # it draws on the background
            self._draw_entry(self._moved(view, shifts[self.split]), self.split, under, "moving")
        if 0 <= last < self.back:
            mirror_edges(view, shifts)
        for n in range(self.back, len(self.entries)):
            self._draw_entry(self._moved(view, shifts[n]), n, frame)
            if n == last:
                mirror_edges(view, shifts)
        if view is not surface:
            _copy(view, surface)

    def _draw_covered(self, surface: pygame.Surface, frame: Frame) -> None:
        """The cover (brought up to this frame), the split layer's moving part over it (the
        picture it reads given apart: the background under the cover), the covered layers
        drawn again where it paints, clipped to it, then the moving part of the last of
        them if split, and the animated layers."""
        background, cover, split = self.background, self.cover, self.split
        assert background is not None and cover is not None and split is not None
        self._bring_back(frame)
        area = cover.moving if self.entries[split][2] is not None else None  # (switched off)
        lay_covered(surface, cover.kept.surface, background.surface, area)
        under = replace(frame, under=background.version, back=background.surface)
        self._draw_entry(surface, split, under, "moving")
        if area is not None:
            clip = surface.get_clip()
            surface.set_clip(clip.clip(area))
            for n in cover.covered:
                self._draw_entry(surface, n, frame, self._part(n))
            surface.set_clip(clip)
        if cover.split is not None:
            self._draw_entry(surface, cover.split, frame, "moving")
        for n in range(cover.covered.stop, len(self.entries)):
            self._draw_entry(surface, n, frame)

    def _painted_whole(self, view: pygame.Surface, shifts: list[int]) -> tuple[int, int] | None:
        """The rows an animated layer paints whole over whatever is there (`whole_rows`: a
        pool of tar drawn whole, the near shore), drawn unmoved and plainly on `view`
        (unclipped): the copy of the background can leave them. With a split layer, only rows
        below all its moving part reads of the copy (`reads_above`)."""
        if view.get_clip() != view.get_rect():
            return None
        rows = self._whole_rows(view, shifts)
        if rows is None or self.split is None:
            return rows
        reads = getattr(self.entries[self.split][2], "reads_above", None)
        return rows if reads is not None and not shifts[self.split] and reads() <= rows[0] else None

    def _whole_rows(self, view: pygame.Surface, shifts: list[int]) -> tuple[int, int] | None:
        """The rows the first animated layer that says so paints whole (see `_painted_whole`)."""
        for n in range(self.back, len(self.entries)):
            _index, spec, layer = self.entries[n]
            whole = getattr(layer, "whole_rows", None)
            if (whole is not None and not shifts[n] and plain(spec)
                    and n not in self._skipped and not self._drawn_with(n)):
                rows: tuple[int, int] | None = whole(view)
                if rows is not None:
                    return rows
        return None

    def _along(self, shifts: list[int], last: int) -> int:
        """The shift every animated layer up to the last moved one shares, if they all move
        alike over depth planes (0 if not): the frame is then drawn as seen moving with them."""
        if not isinstance(self.background, Planes) or last < self.back:
            return 0
        drawn = [*([self.split] if self.split is not None else []), *range(self.back, last + 1)]
        moved = {shifts[n] for n in drawn}
        return moved.pop() if len(moved) == 1 else 0

    def _draw_along(self, surface: pygame.Surface, frame: Frame, shifts: list[int], last: int,
                    along: int) -> None:
        """The planes laid out as seen moving with the animated layers, those drawn unmoved,
        then all of it scrolled by their shift (the side strip mirrored): two copies of the
        picture fewer than through a wider canvas."""
        planes = self.background
        assert isinstance(planes, Planes)
        planes.offset = -along
        self._bring_back(frame)
        surface.blit(planes.surface, (0, 0))
        if self.split is not None:
            self._draw_entry(surface, self.split, replace(frame, under=planes.version), "moving")
        for n in range(self.back, last + 1):
            self._draw_entry(surface, n, frame)
        surface.scroll(along, 0)
        mirror_edges(surface, shifts)
        for n in range(last + 1, len(self.entries)):
            self._draw_entry(surface, n, frame)

    def _shifts(self, frame: Frame) -> list[int]:
        """How far each layer is moved at this frame (all 0 for a still camera)."""
        if not self.drift.most:
            return [0] * len(self.entries)
        return [self.drift.shift(self.depth(n), frame.seconds) for n in range(len(self.entries))]

    def _view(self, surface: pygame.Surface, shift: int) -> pygame.Surface:
        """The picture as seen moved by `shift`: a window into a canvas wider than it."""
        most = self.drift.most
        width, height = surface.get_size()
        return self.compositor.canvas(most).subsurface((most + shift, 0, width, height))

    def _moved(self, view: pygame.Surface, shift: int) -> pygame.Surface:
        """Where a layer moved by `shift` draws: the picture, or a window moved along it."""
        return view if shift == 0 else self._view(view, shift)

    def _overlaid(self) -> tuple[int, ...]:
        """The entries that are captions drawn plainly (no blend mode): they can be laid over
        a finished frame at a share of their strength."""
        return tuple(n for n, (_index, spec, layer) in enumerate(self.entries)
                     if n >= self.back and isinstance(layer, Caption)
                     and spec.params.get("blend", "normal") == "normal")

    def draw_captions(self, surface: pygame.Surface, frame: Frame,
                      share: Callable[[Caption], float]) -> None:
        """The captions left out of `draw(..., captions=False)`, each at `share(caption)` of
        its strength (and its own opacity), unmoved by the camera."""
        for n in self._overlaid():
            index, spec, layer = self.entries[n]
            assert isinstance(layer, Caption)
            try:
                layer.draw_at(surface, frame, share(layer) * spec.params.get("opacity", 1.0))
            except Exception as exc:  # noqa: BLE001 - warn once, switch it off, keep drawing
                self.compositor.layer_failed(self.scene, index, spec, exc)
                self.entries[n] = (index, spec, None)

    def _drawn_with(self, n: int) -> bool:
        """Is entry n drawn with a figures layer before it (see figure_order)?"""
        return any(n in run[1:] for run in self._together.values())

    def _draw_entry(self, surface: pygame.Surface, n: int, frame: Frame,
                    part: str = "whole") -> None:
        if n in self._skipped or self._drawn_with(n):
            return
        index, spec, layer = self.entries[n]
        if n == 0 and self._bottom is not None:
            layer, frame = self._bottom
        if layer is None:
            return
        try:
            paint: Paint = layer.draw if part == "whole" else getattr(layer, f"draw_{part}")
            if n in self._together:  # its people and those of the figures layers after it
                paint = partial(_in_depth, [self.entries[k][2] for k in self._together[n]])
            self.compositor.draw_layer(surface, paint, spec.params, frame)
        except Exception as exc:  # noqa: BLE001 - warn once, switch it off, keep drawing
            if n in self._together:  # one of them failed: each drawn alone (and named)
                for k in self._together.pop(n):
                    self._draw_entry(surface, k, frame, part)
                return
            self.compositor.layer_failed(self.scene, index, spec, exc)
            self.entries[n] = (index, spec, None)
            self._failed = True


def _in_depth(layers: list[Layer | None], surface: pygame.Surface, frame: Frame) -> None:
    """The people of figures layers drawn together, nearest last (those switched off out)."""
    draw_together(surface, [layer for layer in layers if isinstance(layer, Figures)], frame)


def _copy(source: pygame.Surface, target: pygame.Surface,
          left: tuple[int, int] | None = None) -> None:
    """Copy a whole picture where either side may be a window into a wider surface (copied as
    an area of that surface: blits to and from a window itself are slower), but for the rows
    `left` (first, end) if given: those above them and those below."""
    width, height = source.get_size()
    first, end = (height, height) if left is None else left
    into, out_of = target.get_parent(), source.get_parent()
    for top, bottom in ((0, first), (end, height)):
        if top >= bottom:
            continue
        rows = pygame.Rect(0, top, width, bottom - top)
        if into is not None:
            into.blit(source, rows.move(target.get_offset()), rows)
        elif out_of is not None:
            target.blit(out_of, rows, rows.move(source.get_offset()))
        else:
            target.blit(source, rows, rows)
