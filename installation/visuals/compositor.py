"""Composes the frame for a timeline state: scene layers, transitions, overlays, post effects."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Generator, Mapping
from contextlib import suppress
from itertools import takewhile
from types import MappingProxyType
from typing import Any

import pygame

from installation.core.cache import Bounded
from installation.core.timeline import SceneState, Timeline, state_at
from installation.core.timeline.layer_catalog import COMMON, LAYERS
from installation.core.timeline.model import Caption as CaptionSpec
from installation.core.timeline.model import LayerSpec, Scene
from installation.core.timeline.state import Pace, RealTime
from installation.core.warnings import WarnOnce
from installation.visuals.background import Background, is_split, is_still
from installation.visuals.base import Frame, Layer, Pieces, Setup, build, stable_seed
from installation.visuals.camera import Camera
from installation.visuals.caption import Caption
from installation.visuals.flash import flash_color, flash_level, white_out
from installation.visuals.fonts import Fonts
from installation.visuals.layers import FACTORIES, OVERLAY_TYPES
from installation.visuals.transitions import add_white, level, scale, weights

Warn = Callable[[str], None]
Timer = Callable[[], float]
Paint = Callable[[pygame.Surface, Frame], None]
POSTS_KEPT = 4  # post effects kept (one per distinct set of keys: previous, current, next)
URGENT_SECONDS = 3.0  # closer than this to the next scene, build it even during a transition
SLACK_SECONDS = 0.009  # a frame that took longer than this builds nothing ahead (unless urgent)
_DONE = object()
PREVIOUS_SCENE_SECONDS = 600.0  # without a pace: animation time of the scene being left
BLENDS = {"add": pygame.BLEND_RGB_ADD, "multiply": pygame.BLEND_RGB_MULT}


def defaults(kind: str, **values: Any) -> Mapping[str, Any]:
    """A layer's parameters as the loader would fill them, with some values set."""
    params = {p.name: p.default for p in LAYERS[kind] + COMMON}
    params.update(values)
    return MappingProxyType(params)


class SceneLayers:
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
        self.has_countdown = any(spec.type == "countdown" for spec in specs)
        first = specs[0] if specs else None
        # A full sky at the bottom covers every pixel, so the frame needs no clearing.
        self.opaque = bool(first and first.type in ("sky", "image") and first.params["opacity"]
                           >= 1.0 and first.params["blend"] == "normal"
                           and (first.type == "sky" or first.params["fit"] == "fill"))
        self.entries: list[tuple[int, LayerSpec, Layer | None]] = []
        self.back = 0  # the first `back` layers are still: kept composited in `background`
        self.split: int | None = None  # a layer among them whose moving part is drawn apart
        self.background: Background | None = None
        self._failed = False
        self._warm = True  # ahead of time, draw each layer once so its caches are filled
        self._pending: Pieces | None = self._steps(specs)

    @property
    def ready(self) -> bool:
        """Is everything built (nothing left to do before the first frame)?"""
        return self._pending is None

    def step(self) -> None:
        """Do the next short piece of building (nothing once all is built)."""
        if self._pending is not None and next(self._pending, _DONE) is _DONE:
            self._pending = None

    def finish(self) -> None:
        """Build whatever is left now, skipping the warm-up draws (the frame is one)."""
        self._warm = False
        while self._pending is not None:
            self.step()

    def close(self) -> None:
        if self._pending is not None:
            self._pending.close()
            self._pending = None

    def _steps(self, specs: list[LayerSpec]) -> Pieces:
        for index, spec in enumerate(specs):
            if spec.type == "post":
                continue
            layer = yield from self._build(index, spec)
            self.entries.append((index, spec, layer))
            yield
        yield from self.compositor.post_pieces(self)
        yield
        self.back = sum(1 for _ in takewhile(is_still, (layer for *_, layer in self.entries)))
        if self.back < len(self.entries) and self._splits(self.entries[self.back]):
            self.split = self.back  # its still part joins the background, the rest moves
            self.back += 1
        if self.back:
            self.background = Background(self.compositor.world, self.opaque)
            yield
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
                    if warm is not None:
                        yield from warm(frame)
                    else:
                        layer.draw(self.compositor.scratch, frame)
                yield
        if self._warm and self.background is not None:
            self._bring_back(frame)  # the still back of the opening frame, composited once
            yield

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """The kept background (brought up to this frame), then the animated layers over it."""
        self.finish()
        if self.background is not None:
            self._bring_back(frame)
            surface.blit(self.background.surface, (0, 0))
        elif not self.opaque:
            surface.fill((0, 0, 0))
        if self.split is not None:
            self._draw_entry(surface, self.split, frame, "moving")
        for n in range(self.back, len(self.entries)):
            self._draw_entry(surface, n, frame)

    @staticmethod
    def _splits(entry: tuple[int, LayerSpec, Layer | None]) -> bool:
        """Can this layer's still part join the background (no opacity or blend to mix)?"""
        _index, spec, layer = entry
        return (is_split(layer) and spec.params.get("opacity", 1.0) >= 1.0
                and spec.params.get("blend", "normal") == "normal")

    def _bring_back(self, frame: Frame) -> None:
        background = self.background
        assert background is not None
        self._failed = False
        background.bring_to(self._back_layers(), frame, self._paint_back)
        if self._failed:  # a layer was switched off while painting: paint it all without it
            background.forget()
            background.bring_to(self._back_layers(), frame, self._paint_back)

    def _back_layers(self) -> list[Layer | None]:
        return [layer for _index, _spec, layer in self.entries[:self.back]]

    def _paint_back(self, surface: pygame.Surface, n: int, frame: Frame) -> None:
        self._draw_entry(surface, n, frame, "still" if n == self.split else "whole")

    def _draw_entry(self, surface: pygame.Surface, n: int, frame: Frame,
                    part: str = "whole") -> None:
        index, spec, layer = self.entries[n]
        if layer is None:
            return
        try:
            paint: Paint = layer.draw if part == "whole" else getattr(layer, f"draw_{part}")
            self.compositor.draw_layer(surface, paint, spec.params, frame)
        except Exception as exc:  # noqa: BLE001 - warn once, switch it off, keep drawing
            self.compositor.layer_failed(self.scene, index, spec, exc)
            self.entries[n] = (index, spec, None)
            self._failed = True


def _caption_params(caption: CaptionSpec) -> Mapping[str, Any]:
    return defaults("caption", text=caption.text, place=caption.place)


class Compositor:
    """Draws the whole frame for a state onto a surface of a fixed size."""

    def __init__(self, timeline: Timeline, size: tuple[int, int], warn: Warn = print,
                 pace: Pace | None = None, timer: Timer = time.perf_counter,
                 camera: Camera | None = None) -> None:
        self.timeline = timeline
        self.timer = timer  # only decides when to build ahead, never what a frame shows
        self.pace = pace  # with it, the scene being left keeps moving smoothly as it fades
        self.size = size  # of the screen's picture: overlays and post effects are drawn at it
        self.camera = camera or Camera.whole(size)
        if self.camera.size != size:
            raise ValueError(f"the camera shows {self.camera.size}, the picture is {size}")
        self.world = self.camera.world  # scene layers are built and drawn at this size
        self._world = None if self.camera.is_whole else pygame.Surface(self.world)
        self.warn = WarnOnce(warn)  # a fault that repeats every frame is told once
        self.fonts = Fonts(self.warn)
        self._scenes: OrderedDict[int, SceneLayers] = OrderedDict()
        self._previous = pygame.Surface(size)
        self._scratch = pygame.Surface(self.world)
        self._post: Bounded[tuple[Any, ...], Layer] = Bounded(POSTS_KEPT)
        self._overlays: dict[str, Layer] = {}
        self._cue_captions: dict[int, Caption] = {}
        self.pieces_built = 0  # pieces of scenes built ahead so far (the bench counts them)

    def set_timeline(self, timeline: Timeline, pace: Pace | None = None) -> None:
        """Switch to a new (already valid) timeline; scenes whose picture is unchanged are kept,
        the rest are rebuilt (the next one ahead of time, as usual)."""
        old, self.timeline = self.timeline, timeline
        if pace is not None:
            self.pace = pace
        same_world = (old.seed, old.path, old.countdown) == (timeline.seed, timeline.path,
                                                              timeline.countdown)
        kept: OrderedDict[int, SceneLayers] = OrderedDict()
        for index, built in self._scenes.items():
            scene = timeline.scenes[index] if index < len(timeline.scenes) else None
            if same_world and scene is not None and same_picture(built.scene, scene):
                built.scene = scene
                kept[index] = built
            else:
                built.close()
        self._scenes = kept
        if not same_world:
            self._post.clear()
            self._overlays.clear()
        self._cue_captions.clear()

    def setup(self, scene: Scene, index: int, kind: str, on_screen: bool = False) -> Setup:
        """A layer's set-up: at the world's size, or the screen's for what is drawn over the
        camera's view (countdown, cue captions, post effects)."""
        seed = stable_seed(self.timeline.seed, scene.index, index, kind)
        size = self.size if on_screen else self.world
        return Setup(size, self.timeline, scene, seed, self.fonts, self.warn)

    def layer_failed(self, scene: Scene, index: int, spec: LayerSpec, exc: Exception) -> None:
        line = f" (line {scene.line})" if scene.line else ""
        self.warn(f"{self.timeline.path.name}{line}: scene '{scene.name}': the {spec.type} layer "
                  f"(layer {index + 1}) failed: {type(exc).__name__}: {exc}; "
                  "it is switched off for this scene")

    @property
    def scratch(self) -> pygame.Surface:
        """A frame-sized surface for work between frames (never shown)."""
        return self._scratch

    def ready(self, scene: Scene) -> bool:
        """Is this scene's picture fully built, so its first frame builds nothing?"""
        built = self._scenes.get(scene.index)
        return built is not None and built.scene is scene and built.ready

    def opening_frame(self, scene: Scene) -> Frame:
        """The frame at the moment a scene begins."""
        state = state_at(self.timeline, scene.at, self.pace)
        return Frame(state.story_time, 0.0, state, self.camera)

    def _layers(self, scene: Scene) -> SceneLayers:
        """The scene's layers, perhaps not yet (fully) built."""
        built = self._scenes.get(scene.index)
        if built is None or built.scene is not scene:
            if built is not None:
                built.close()
            built = SceneLayers(self, scene)
            self._scenes[scene.index] = built
        return built

    def _scene(self, scene: Scene) -> SceneLayers:
        built = self._layers(scene)
        built.finish()
        return built

    def draw(self, surface: pygame.Surface, state: SceneState) -> None:
        """Draw the frame for `state`, then build a piece of the next scene if there is slack."""
        started = self.timer()
        frame = Frame(state.story_time, state.scene_seconds, state, self.camera)
        current = self._scene(state.scene)
        kind = state.scene.transition.type
        mixing = state.in_transition and kind != "cut"
        if mixing:
            self._draw_transition(surface, state, frame)
        else:
            self._draw_scene(surface, current, frame)
        if state.countdown is not None and not current.has_countdown:
            self._overlay("countdown").draw(surface, frame)
        self._draw_cue_captions(surface, state)
        self._post_for(current).draw(surface, frame)
        self._draw_cue_flashes(surface, state)
        self._prepare_ahead(state, mixing, self.timer() - started)

    def _draw_scene(self, surface: pygame.Surface, scene: SceneLayers, frame: Frame) -> None:
        """A scene's layers, through the camera: drawn at the world's size, the view shown."""
        if self._world is None:
            scene.draw(surface, frame)
        else:
            scene.draw(self._world, frame)
            self.camera.show(self._world, surface)

    def _draw_transition(self, surface: pygame.Surface, state: SceneState, frame: Frame) -> None:
        """Both scenes at their shares; a scene whose share rounds to nothing is not drawn."""
        old, new, white = weights(state.scene.transition.type, state.progress)
        before = Frame(state.story_time, self._previous_seconds(state), state, self.camera)
        if level(new) == 0:  # only the scene being left shows (or nothing, mid-dip)
            if level(old) == 0:
                surface.fill((0, 0, 0))
            else:
                self._draw_scene(surface, self._scene(state.previous), before)
                scale(surface, old)
        else:
            self._draw_scene(surface, self._scene(state.scene), frame)
            scale(surface, new)
            if level(old) > 0:
                self._draw_scene(self._previous, self._scene(state.previous), before)
                scale(self._previous, old)
                surface.blit(self._previous, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
        add_white(surface, white)

    def _prepare_ahead(self, state: SceneState, mixing: bool, spent: float) -> None:
        """One short piece of the next scene's building per frame, while this one is steady
        and the frame left time over."""
        wanted = {state.previous.index, state.scene.index, state.next.index}
        for index in [i for i in self._scenes if i not in wanted]:
            self._scenes.pop(index).close()
        upcoming = self._layers(state.next)
        if upcoming.ready:
            return
        if (mixing or spent > SLACK_SECONDS) and (
                self._seconds_until(state, state.next) > URGENT_SECONDS):
            return  # a transition (two scenes) or a slow frame: leave it its time
        upcoming.step()
        self.pieces_built += 1

    def _seconds_until(self, state: SceneState, scene: Scene) -> float:
        pace = self.pace or RealTime()
        return pace.real_between(state.story_time, scene.at)

    def _previous_seconds(self, state: SceneState) -> float:
        """Real seconds since the scene being left began (its cars and flicker carry on)."""
        if self.pace is None:
            return state.scene_seconds + PREVIOUS_SCENE_SECONDS
        return self.pace.real_between(state.previous.at, state.story_time)

    def draw_layer(self, surface: pygame.Surface, paint: Paint, params: Mapping[str, Any],
                   frame: Frame) -> None:
        """Draw one layer (or a part of it: `paint`), honouring its opacity and blend keys."""
        opacity, blend = params.get("opacity", 1.0), params.get("blend", "normal")
        if opacity <= 0.0:
            return
        if opacity >= 1.0 and blend == "normal":
            paint(surface, frame)
            return
        scratch = self._scratch
        if blend == "normal":
            scratch.blit(surface, (0, 0))
            paint(scratch, frame)
            scratch.set_alpha(round(opacity * 255))
            surface.blit(scratch, (0, 0))
            scratch.set_alpha(None)
            return
        base = 255 if blend == "multiply" else 0
        scratch.fill((base, base, base))
        paint(scratch, frame)
        if opacity < 1.0:
            level = round(opacity * 255)
            scratch.fill((level, level, level), special_flags=pygame.BLEND_RGB_MULT)
            if blend == "multiply":
                rest = 255 - level
                scratch.fill((rest, rest, rest), special_flags=pygame.BLEND_RGB_ADD)
        if blend == "screen":
            _screen(surface, scratch)
        else:
            surface.blit(scratch, (0, 0), special_flags=BLENDS[blend])

    def _overlay(self, kind: str) -> Layer:
        if kind not in self._overlays:
            scene = self.timeline.scenes[0]
            setup = self.setup(scene, -1, kind, on_screen=True)
            self._overlays[kind] = OVERLAY_TYPES[kind](defaults(kind), setup)
        return self._overlays[kind]

    def _post_key(self, scene: SceneLayers) -> tuple[Mapping[str, Any], tuple[Any, ...]]:
        params = scene.post.params if scene.post else defaults("post")
        return params, tuple(sorted(params.items()))

    def post_pieces(self, scene: SceneLayers) -> Pieces:
        """Build the scene's post effects in pieces, unless the same ones are built already."""
        params, key = self._post_key(scene)
        if key in self._post:
            return
        # Seeded from the timeline alone: the grain is the same whichever scene built it.
        setup = self.setup(self.timeline.scenes[0], -2, "post", on_screen=True)
        layer = yield from build(OVERLAY_TYPES["post"], params, setup)
        self._post.put(key, layer)

    def _post_for(self, scene: SceneLayers) -> Layer:
        params, key = self._post_key(scene)
        return self._post.get_or_make(key, lambda: OVERLAY_TYPES["post"](
            params, self.setup(self.timeline.scenes[0], -2, "post", on_screen=True)))

    def _draw_cue_captions(self, surface: pygame.Surface, state: SceneState) -> None:
        for cue, since in state.recent_cues:
            if cue.type != "caption" or since > cue.params["seconds"]:
                continue
            layer = self._cue_captions.get(cue.index)
            if layer is None:
                params = defaults("caption", text=cue.params["text"], delay=0.0, y=0.16,
                                  hold=cue.params["seconds"])
                layer = Caption(params, self.setup(state.scene, -3 - cue.index, "caption",
                                                   on_screen=True))
                self._cue_captions[cue.index] = layer
            layer.draw(surface, Frame(state.story_time, since, state, self.camera))

    def _draw_cue_flashes(self, surface: pygame.Surface, state: SceneState) -> None:
        level = 0.0
        color = (255, 255, 255)
        for cue, since in state.recent_cues:
            if cue.type == "flash":
                level = max(level, flash_level(since, cue.params["seconds"]))
        if level > 0:
            white_out(surface, level, flash_color(color, level))


def same_picture(a: Scene, b: Scene) -> bool:
    """Would two versions of a scene draw the same (no picture file to read again)?"""
    return ((a.index, a.name, a.layers, a.caption) == (b.index, b.name, b.layers, b.caption)
            and not any(spec.type == "image" for spec in b.layers))


def _screen(surface: pygame.Surface, layer: pygame.Surface) -> None:
    """Screen blend: 1 - (1 - a)(1 - b), with inverted copies."""
    inverse = pygame.Surface(surface.get_size())
    inverse.fill((255, 255, 255))
    inverse.blit(surface, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    other = pygame.Surface(surface.get_size())
    other.fill((255, 255, 255))
    other.blit(layer, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    inverse.blit(other, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    surface.fill((255, 255, 255))
    surface.blit(inverse, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
