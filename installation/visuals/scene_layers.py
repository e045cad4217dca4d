"""One scene's layers: built in steps ahead of time, the still ones kept in a background."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from contextlib import suppress
from dataclasses import replace
from itertools import takewhile
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from installation.core.timeline.layer_catalog import COMMON, LAYERS
from installation.core.timeline.model import Caption as CaptionSpec
from installation.core.timeline.model import LayerSpec, Scene
from installation.core.timeline.state import RealTime
from installation.visuals.background import Background, is_split, is_still
from installation.visuals.base import Frame, Layer, Pieces, build
from installation.visuals.cover import Cover, cover_over
from installation.visuals.figure_order import joined
from installation.visuals.layers import FACTORIES
from installation.visuals.parallax import Drift, Planes, runs
from installation.visuals.piece_times import Place, place_of
from installation.visuals.scene_back import Bottom, plain
from installation.visuals.scene_draw import SceneDraw

if TYPE_CHECKING:
    from installation.visuals.compositor import Compositor

_DONE = object()
NOT_DRAWN = ("post", "camera")  # read by the compositor, not drawn as layers of the scene


def _real_length(compositor: Compositor, scene: Scene) -> float:
    """The scene's length in real seconds at the compositor's pace (story time without one)."""
    line = compositor.timeline
    return (compositor.pace or RealTime()).real_between(scene.at, line.after(scene).at)


def defaults(kind: str, **values: Any) -> Mapping[str, Any]:
    """A layer's parameters as the loader would fill them, with some values set."""
    params = {p.name: p.default for p in LAYERS[kind] + COMMON}
    params.update(values)
    return MappingProxyType(params)


class SceneLayers(SceneDraw):
    """One scene's layers at one size, built in steps ahead of time or all at once when drawn.

    A layer that raises is switched off and named.
    """

    def __init__(self, compositor: Compositor, scene: Scene) -> None:
        self.compositor = compositor
        self.scene = scene
        specs = list(scene.layers)
        if scene.caption is not None:
            specs.append(LayerSpec("caption", _caption_params(scene.caption)))
        self.post = next((spec for spec in specs if spec.type == "post"), None)
        camera = next((spec for spec in specs if spec.type == "camera"), None)
        self.drift = Drift.of(camera.params if camera else defaults("camera"),
                              compositor.world[1], _real_length(compositor, scene))
        self.has_countdown = any(spec.type == "countdown" for spec in specs)
        first = specs[0] if specs else None
        # A full sky at the bottom covers every pixel, so the frame needs no clearing.
        self.opaque = bool(first and first.type in ("sky", "image") and first.params["opacity"]
                           >= 1.0 and first.params["blend"] == "normal"
                           and (first.type == "sky" or first.params["fit"] == "fill"))
        self.entries: list[tuple[int, LayerSpec, Layer | None]] = []
        self.back = 0  # the first `back` layers are still: kept composited in `background`
        self.split: int | None = None  # a layer among them whose moving part is drawn apart
        self.background: Background | Planes | None = None
        self.cover: Cover | None = None  # the still layers over the split one, kept
        self._failed = False
        self._bottom: Bottom | None = None  # another scene's bottom layer, for a transition
        self._skipped: tuple[int, ...] = ()  # entries the frame being drawn leaves out
        self._together: dict[int, list[int]] = {}  # figures layers drawn in depth with the next
        self._warm = True  # ahead of time, draw each layer once so its caches are filled
        self.spent = 0.0  # seconds its building ahead has taken so far (the compositor's count)
        self.owed = False  # drawn before its warm-up was done (see finish)
        self._warming = False  # a layer's warm-up is under way
        self._pending: Pieces | None = self._steps(specs)

    @property
    def ready(self) -> bool:
        """Is everything built (nothing left to do before the first frame)?"""
        return self._pending is None

    @property
    def place(self) -> Place:
        """Where the building goes on from at the next step (see piece_times)."""
        return place_of(self._pending)

    def step(self) -> None:
        """Do the next short piece of building (nothing once all is built)."""
        if self._pending is not None and next(self._pending, _DONE) is _DONE:
            self._pending = None

    def finish(self) -> None:
        """Build whatever is left now, skipping the warm-up draws (the frame is one): their
        people's sprites are then `owed` (drawn ahead as they are needed: see late_warm)."""
        self.owed = self.owed or (self._pending is not None and self._warm)
        if self.owed and self._warming:  # a layer's warm-up stops where it is
            with suppress(StopIteration):
                self._pending.throw(WarmCut())  # type: ignore[union-attr]
        self._warm = False
        while self._pending is not None:
            self.step()

    def close(self) -> None:
        """Stop building, and let each layer drop work it has in hand (a picture being made
        ahead holds its layer: closed, the layer and its surfaces are freed at once)."""
        if self._pending is not None:
            self._pending.close()
            self._pending = None
        for _index, _spec, layer in self.entries:
            stop = getattr(layer, "close", None)
            if stop is not None:
                stop()
        if self.background is not None:  # its surfaces serve the next scenes' backgrounds
            self.compositor.spares.give(self.background.surfaces())
            self.background = None
        if self.cover is not None:
            self.compositor.spares.give(self.cover.kept.surfaces())
            self.cover = None

    def _steps(self, specs: list[LayerSpec]) -> Pieces:
        for index, spec in enumerate(specs):
            if spec.type in NOT_DRAWN:
                continue
            layer = yield from self._build(index, spec)
            self.entries.append((index, spec, layer))
            yield
        self._together = joined([(spec.type, spec.params, layer)
                                 for _index, spec, layer in self.entries])
        if self._warm:  # built ahead; built for a frame now, it is made if the frame shows it
            yield from self.compositor.post_pieces(self)
            yield
        self.back = sum(1 for _ in takewhile(is_still, (layer for *_, layer in self.entries)))
        if self.back < len(self.entries) and self._splits(self.entries[self.back]):
            self.split = self.back  # its still part joins the background, the rest moves
            self.back += 1
        if self.back:
            back = self._still_back()
            if isinstance(back, Planes):
                yield from back.pieces()
            self.background = back
            yield
            self.cover = cover_over([layer for *_, layer in self.entries],
                                    [plain(spec) for _index, spec, _layer in self.entries],
                                    self.split, back if isinstance(back, Background) else None,
                                    self.compositor.spares)
        if self._warm:
            yield from self._warm_up()

    def _build(self, index: int, spec: LayerSpec) -> Generator[None, None, Layer | None]:
        try:
            setup = self.compositor.setup(self.scene, index, spec.type)
            return (yield from build(FACTORIES[spec.type], spec.params, setup))
        except Exception as exc:  # noqa: BLE001 - one broken layer must not stop the show
            self.compositor.layer_failed(self.scene, index, spec, exc)
            return None

    def _warm_up(self) -> Pieces:
        """Draw each layer once, offscreen, as the scene opens: caches filled, no picture."""
        frame = self.compositor.opening_frame(self.scene)
        for _index, _spec, layer in list(self.entries):
            if not self._warm:
                return
            if layer is not None:
                with suppress(Exception):  # the real frame reports a failing layer
                    warm = getattr(layer, "warm", None)
                    if warm is not None:  # (cut short by a frame: see finish)
                        self._warming = True
                        yield from warm(frame)
                    else:
                        layer.draw(self.compositor.scratch, frame)
                self._warming = False
                yield
        if self._warm and self.background is not None:  # the opening frame's still back
            self._failed = False
            if isinstance(self.background, Planes):
                self.background.seconds = frame.seconds
            yield from self.background.paint_pieces(*self._back_layers(frame), self._paint_back)
            if self.cover is not None:
                yield from self.cover.kept.paint_pieces(*self._covered(frame), self._paint_back)
            if self._failed:  # a layer was switched off while painting: paint it all again
                self._forget()

    def made_ahead(self, frame: Frame) -> Pieces:
        """What the split layer makes of the kept background under it in the scene's first
        frame (the tar's mirror of it, ~9 ms at 1080), made ahead in pieces, for `frame`."""
        self.finish()
        background, split = self.background, self.split
        if not isinstance(background, Background) or split is None:
            return
        self._bring_back(frame)
        ahead = getattr(self.entries[split][2], "made_ahead", None)
        if ahead is not None:
            yield from ahead(replace(frame, under=background.version, back=background.surface))

    def _still_back(self) -> Background | Planes:
        """One background for the still layers, or depth planes if any of them drifts."""
        depths = [self.depth(n) for n in range(self.back)]
        if not any(depths) or not self.drift.most:
            return Background(self.compositor.world, self.opaque, spares=self.compositor.spares)
        ends = runs(depths)
        return Planes(self.compositor.world, self.opaque, ends, [depths[end - 1] for end in ends],
                      self.drift, self.compositor.spares, self._seen_from())

    def _seen_from(self) -> float | None:
        """The depth every frame is seen from, if one (see `_along`): the animated layers
        that sway all stand at one depth, the unmoving ones after them. Swayed, they move
        alike and the frame is drawn as seen moving with them; at the sway's middle none
        has moved. (None: the frames tell, see sway_ahead.)"""
        animated = [*([self.split] if self.split is not None else []),
                    *range(self.back, len(self.entries))]
        depths = [self.depth(n) for n in animated]
        last = max((k for k, depth in enumerate(depths) if depth), default=-1)
        if last < 0 or animated[last] < self.back or len(set(depths[:last + 1])) > 1:
            return None
        return depths[last]

    def bottom_for(self, other: SceneLayers) -> Layer | None:
        """This scene's bottom layer, if `other` can be drawn over it instead of its own: both
        begin with the same continuous kind of layer (the sky: one for the whole day)."""
        while not self.entries and not self.ready:  # not built yet: its first layer now
            self.step()
        mine, theirs = self.entries[:1], other.entries[:1]
        if not mine or not theirs or mine[0][1].type != theirs[0][1].type:
            return None
        layer = mine[0][2]
        return layer if getattr(layer, "continuous", False) else None

    @staticmethod
    def _splits(entry: tuple[int, LayerSpec, Layer | None]) -> bool:
        """Can this layer's still part join the background (no opacity or blend to mix)?"""
        _index, spec, layer = entry
        return is_split(layer) and plain(spec)


class WarmCut(Exception):  # noqa: N818 - not an error: a layer's warm-up told to stop
    """Thrown into a layer's warm-up when a frame needs the scene now (caught round it)."""


def _caption_params(caption: CaptionSpec) -> Mapping[str, Any]:
    return defaults("caption", text=caption.text, place=caption.place)
