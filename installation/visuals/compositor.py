"""Composes the frame for a timeline state: scene layers, transitions, overlays, post effects."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import pygame

from installation.core.cache import Bounded
from installation.core.timeline import SceneState, Timeline, state_at
from installation.core.timeline.model import LayerSpec, Scene
from installation.core.timeline.state import Pace
from installation.core.types import TimeFn, Warn
from installation.core.warnings import WarnOnce
from installation.visuals.background import Spares
from installation.visuals.base import TICKS, Frame, Layer, Pieces, Setup, build
from installation.visuals.blending import Paint, draw_blended
from installation.visuals.building_ahead import (
    GOAL_SECONDS,
    SETTLE_SECONDS,
    SLOW_CEILING_SECONDS,
    SLOW_SKIPS,
    URGENT_SECONDS,
    BuildingAhead,
)
from installation.visuals.camera import Camera
from installation.visuals.caption import Caption
from installation.visuals.fade_mix import add_white
from installation.visuals.flash import flash_color, flash_level, white_out
from installation.visuals.fonts import Fonts
from installation.visuals.layers import OVERLAY_TYPES, seed_of
from installation.visuals.made_once import MadeOnce
from installation.visuals.palette import WHITE
from installation.visuals.post import Post
from installation.visuals.scene_layers import Bottom, SceneLayers, defaults
from installation.visuals.transition_frame import TransitionFrames
from installation.visuals.transition_masks import Masks
from installation.visuals.transitions import UNSHADED, light_color, shares

__all__ = ["GOAL_SECONDS", "SETTLE_SECONDS", "SLOW_CEILING_SECONDS", "SLOW_SKIPS", "TICKS",
           "URGENT_SECONDS", "Compositor", "defaults", "same_picture"]  # (the bench's and tests')

POSTS_KEPT = 4  # post effects kept (one per distinct set of keys: previous, current, next)
PREVIOUS_SCENE_SECONDS = 600.0  # without a pace: animation time of the scene being left


class Compositor:
    """Draws the whole frame for a state onto a surface of a fixed size."""

    def __init__(self, timeline: Timeline, size: tuple[int, int], warn: Warn = print,
                 pace: Pace | None = None, timer: TimeFn = time.perf_counter,
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
        self.made = MadeOnce()  # pictures scenes make alike: while one holds them, and the last few
        self._scenes: OrderedDict[int, SceneLayers] = OrderedDict()
        self._scratch = pygame.Surface(self.world)
        self._canvas: pygame.Surface | None = None  # made when a scene sways (see canvas)
        self.masks = Masks(size)  # the dissolve's and the light wipe's, made ahead
        self.fades = TransitionFrames(self)  # draws transitions, holding their pictures
        self.ahead = BuildingAhead(self)  # builds the next scene in pieces between frames
        self._post: Bounded[tuple[Any, ...], Layer] = Bounded(POSTS_KEPT)
        self._overlays: dict[str, Layer] = {}
        self._cue_captions: dict[int, Caption] = {}
        self.spares = Spares()  # full-size surfaces of scenes gone by, for the next backgrounds

    @property
    def pieces_built(self) -> int:
        """Pieces of scenes built ahead so far (the bench counts them)."""
        return self.ahead.pieces_built

    @property
    def prepared_ahead(self) -> bool:
        """Did the last frame find the next scene all built?"""
        return self.ahead.prepared_ahead

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
                self._let_go(built)
        self._scenes = kept
        if not same_world:
            self._post.clear()
            self._overlays.clear()
        if old.seed != timeline.seed:  # the dissolve and light wipe are made from it
            self.masks = Masks(self.size)
        self._cue_captions.clear()
        self.fades.hold_nothing()

    def setup(self, scene: Scene, index: int, kind: str, on_screen: bool = False) -> Setup:
        """A layer's set-up: at the world's size, or the screen's for what is drawn over the
        camera's view (countdown, cue captions, post effects: `index` below 0). Its seed is
        what it is, never where: a layer added to a scene, or a scene added to the day, leaves
        the others' random choices as they were."""
        seed = seed_of(self.timeline.seed, scene, index, kind)
        size = self.size if on_screen else self.world
        return Setup(size, self.timeline, scene, seed, self.fonts, self.warn, self.made, self.pace)

    def layer_failed(self, scene: Scene, index: int, spec: LayerSpec, exc: Exception) -> None:
        line = f" (line {scene.line})" if scene.line else ""
        self.warn(f"{self.timeline.path.name}{line}: scene '{scene.name}': the {spec.type} layer "
                  f"(layer {index + 1}) failed: {type(exc).__name__}: {exc}; "
                  "it is switched off for this scene")

    def canvas(self, margin: int) -> pygame.Surface:
        """A surface wider than the world by `margin` on each side: layers that sway with the
        camera draw into a window of it moved sideways (never shown as it is)."""
        width, height = self.world
        if self._canvas is None or self._canvas.get_size() != (width + 2 * margin, height):
            self._canvas = pygame.Surface((width + 2 * margin, height))
        return self._canvas

    @property
    def scratch(self) -> pygame.Surface:
        """A frame-sized surface for work between frames (never shown)."""
        return self._scratch

    def ready(self, scene: Scene) -> bool:
        """Is this scene's picture fully built, so its first frame builds nothing?"""
        built = self._scenes.get(scene.index)
        return built is not None and built.scene is scene and built.ready

    def opening_frame(self, scene: Scene) -> Frame:
        """The frame a scene is first drawn for, which its building ahead warms its caches and
        background for: the moment it begins, or the tick of its first picture in the
        transition it arrives by (a light wipe's first comes a third of a second in, once the
        light brings it: warmed for the moment it began, its first draw painted its whole
        background again, ~10 ms)."""
        state = state_at(self.timeline, scene.at, self.pace)
        tick = self.fades.first_drawn_tick(scene)
        if tick == 0:
            return Frame(state.story_time, 0.0, state, self.camera)
        return self.frame(self.fades.tick_state(state, tick))


    def _layers(self, scene: Scene) -> SceneLayers:
        """The scene's layers, perhaps not yet (fully) built."""
        built = self._scenes.get(scene.index)
        if built is None or built.scene is not scene:
            if built is not None:
                self._let_go(built)
            built = SceneLayers(self, scene)
            self._scenes[scene.index] = built
        return built

    def further(self, state: SceneState) -> Scene:
        """The scene after the next one, which frames with room to spare begin to build once
        the next one is built (see BuildingAhead.build_further)."""
        return self.timeline.after(state.next)

    def gone_by(self, state: SceneState) -> list[SceneLayers]:
        """The scenes held that no frame after `state` (not in a transition) draws: the one
        before, once its fade is over (given up: the building ahead lets them go in pieces)."""
        wanted = (state.scene.index, state.next.index, self.further(state).index)
        return [self._scenes.pop(index) for index in [i for i in self._scenes if i not in wanted]]

    def _let_go(self, built: SceneLayers) -> None:
        """Close a scene no longer wanted and forget every picture held for a transition:
        their keys name the scenes they were drawn from (kept, a day's last crossfade or the
        dissolve's cover kept two closed scenes' layers alive until the next one)."""
        built.close()
        self.fades.forget()
        self.masks.forget()

    def built_ahead(self, scene: Scene) -> None:
        """Build `scene` whole now, its warm-up drawn, as the scene before it would have
        built it ahead (the bench's lead-in: a show running since morning owes nothing)."""
        built = self._layers(scene)
        while not built.ready:
            built.step()

    def _scene(self, scene: Scene) -> SceneLayers:
        built = self._layers(scene)
        built.finish()
        return built

    def draw(self, surface: pygame.Surface, state: SceneState,
             leave_cover: bool = False) -> pygame.Surface | None:
        """Draw the frame for `state`, then build a piece of the next scene if there is slack.
        With `leave_cover` the post's cover (grain and vignette) is handed back for the display
        to lay over the frame, unless light is drawn over it (it is laid here then)."""
        started = self.timer()
        frame = Frame(state.story_time, state.scene_seconds, state, self.camera)
        current = self._layers(state.scene)  # built in full when drawn (see _draw_transition)
        kind = state.scene.transition.type
        mixing = state.in_transition and kind != "cut"
        if mixing:  # the arriving scene is built in full once a frame shows it: until then
            # (a start in its transition) only its bottom layer, and frames build the rest
            self.fades.draw(surface, state, current, self._scene(state.previous))
        else:
            self.draw_scene(surface, current, frame)
        if state.countdown is not None and not current.has_countdown:
            self._overlay("countdown").draw(surface, frame)
        self._draw_cue_captions(surface, state)
        post = self._post_for(current)
        light_over = mixing and kind in UNSHADED  # its light over the post effects
        flash = flash_over(state)
        cover = None
        if leave_cover and not light_over and flash <= 0 and isinstance(post, Post):
            cover = post.draw_under(surface, frame)
        else:
            post.draw(surface, frame)
        if light_over:  # (see UNSHADED)
            add_white(surface, shares(kind, state.progress)[2], color=light_color(kind))
        white_out(surface, flash, flash_color(WHITE, flash))
        spent = self.timer() - started
        wanted = {state.previous.index, state.scene.index, state.next.index,
                  self.further(state).index}
        for index in [i for i in self._scenes if i not in wanted]:
            self._let_go(self._scenes.pop(index))
        self.ahead.prepare(state, mixing, spent)
        return cover

    def draw_scene(self, surface: pygame.Surface, scene: SceneLayers, frame: Frame,
                    bottom: Bottom | None = None, captions: bool = True) -> None:
        """A scene's layers, through the camera: drawn at the world's size, the view shown
        (without `captions`, its captions are left for the transition to lay over)."""
        if self._world is None:
            scene.draw(surface, frame, bottom, captions)
        else:
            scene.draw(self._world, frame, bottom)
            self.camera.show(self._world, surface)


    def frame(self, state: SceneState) -> Frame:
        """The frame for a state, through the camera."""
        return Frame(state.story_time, state.scene_seconds, state, self.camera)


    def previous_seconds(self, state: SceneState) -> float:
        """Real seconds since the scene being left began (its cars and flicker carry on)."""
        if self.pace is None:
            return state.scene_seconds + PREVIOUS_SCENE_SECONDS
        return self.pace.real_between(state.previous.at, state.story_time)

    def draw_layer(self, surface: pygame.Surface, paint: Paint, params: Mapping[str, Any],
                   frame: Frame) -> None:
        """Draw one layer (or a part of it: `paint`), honouring its opacity and blend keys."""
        draw_blended(surface, self._scratch, paint, params, frame)

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
                                                   on_screen=True), in_scene=False)
                self._cue_captions[cue.index] = layer
            layer.draw(surface, Frame(state.story_time, since, state, self.camera))





def same_picture(a: Scene, b: Scene) -> bool:
    """Would two versions of a scene draw the same (no picture file to read again)?"""
    return ((a.index, a.name, a.seed, a.layers, a.caption)
            == (b.index, b.name, b.seed, b.layers, b.caption)
            and not any(spec.type == "image" for spec in b.layers))


def flash_over(state: SceneState) -> float:
    """How far the flash cues playing now mix the whole picture towards white (0..1)."""
    return max((flash_level(since, cue.params["seconds"]) for cue, since in state.recent_cues
                if cue.type == "flash"), default=0.0)
