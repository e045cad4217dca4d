"""Composes the frame for a timeline state: scene layers, transitions, overlays, post effects."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

import pygame

from installation.core.cache import Bounded
from installation.core.timeline import SceneState, Timeline, state_at
from installation.core.timeline.model import LayerSpec, Scene
from installation.core.timeline.state import Pace, RealTime
from installation.core.timeutil import DAY_SECONDS, forward
from installation.core.types import TimeFn, Warn
from installation.core.warnings import WarnOnce
from installation.visuals.background import Spares
from installation.visuals.base import (
    TICK_SLACK,
    TICKS,
    Frame,
    Layer,
    Pieces,
    Setup,
    build,
    stable_seed,
)
from installation.visuals.blending import Paint, draw_blended
from installation.visuals.camera import Camera
from installation.visuals.caption import Caption
from installation.visuals.flash import flash_color, flash_level, white_out
from installation.visuals.fonts import Fonts
from installation.visuals.layers import FACTORIES, OVERLAY_TYPES
from installation.visuals.made_once import MadeOnce
from installation.visuals.piece_times import (
    LEAN_SHARE_SECONDS,
    PieceTimes,
    Place,
    Shares,
    place_of,
)
from installation.visuals.scene_layers import Bottom, SceneLayers, defaults
from installation.visuals.transitions import (
    MASKED,
    Dissolve,
    Held,
    Key,
    LightWipe,
    blend,
    clipped,
    lay_over,
    premultiply,
    shares,
    shown,
    weights,
)

POSTS_KEPT = 4  # post effects kept (one per distinct set of keys: previous, current, next)
URGENT_SECONDS = 3.0  # closer than this to the next scene, build it even during a transition
DONE = object()  # what a set-up's steps give when there are none left
GOAL_SECONDS = 1.0 / 120.0  # a frame and the pieces it builds ahead stay within this (or wait)
SETTLE_SECONDS = 1.0  # real seconds: a scene's first frames build nothing ahead (unless urgent)
SLOW_SKIPS = 24  # after this many slow steady frames building nothing, one builds anyway: 4% of
# frames (fewer than the 5% a p95 counts), so a 115-piece build takes 48 s of a slow scene
SLOW_CEILING_SECONDS = 0.75 / 60.0  # that frame builds on while it stays within this (never
# dropped: the building of a slow scene's successor goes as fast as when its pieces were long)
PREVIOUS_SCENE_SECONDS = 600.0  # without a pace: animation time of the scene being left
START_CEILING_SECONDS = 1.0 / 30.0  # a start in a transition builds the arriving scene in
# frames up to this long (30 fps for a moment as the show begins: done before it shows)
TickDraw = Callable[[pygame.Surface, SceneState], None]  # draws a scene as at a state
BISECT_STEPS = 48  # halvings that find the story time of a tick where the pace is uneven


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
        self._previous = pygame.Surface(size)
        self._scratch = pygame.Surface(self.world)
        self._canvas: pygame.Surface | None = None  # made when a scene sways (see canvas)
        self._hold_nothing()
        self._post: Bounded[tuple[Any, ...], Layer] = Bounded(POSTS_KEPT)
        self._overlays: dict[str, Layer] = {}
        self._cue_captions: dict[int, Caption] = {}
        self.pieces_built = 0  # pieces of scenes built ahead so far (the bench counts them)
        self._masks: dict[str, Dissolve | LightWipe] = {}
        self._masking: dict[str, tuple[Dissolve | LightWipe, Pieces]] = {}  # being made ahead
        self._skipped = 0  # slow steady frames in a row that built nothing ahead
        self._piece_times = PieceTimes()  # what pieces built ahead took, by where they start
        self._shares = Shares()  # what each scene's building took, spread over the frames
        self.spares = Spares()  # full-size surfaces of scenes gone by, for the next backgrounds
        self.prepared_ahead = False  # the last frame found the next scene all built

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
        self._cue_captions.clear()
        self._hold_nothing()

    def _hold_nothing(self) -> None:
        """New surfaces for the pictures a transition keeps (none held)."""
        self._held_old, self._held_new = Held(self.size), Held(self.size)
        self._held_fade = Held(self.size, pygame.SRCALPHA)  # a fade's new scene, premultiplied
        self._held_mix = Held(self.size)  # a fade's frame, shown for both ticks of a pair

    def setup(self, scene: Scene, index: int, kind: str, on_screen: bool = False) -> Setup:
        """A layer's set-up: at the world's size, or the screen's for what is drawn over the
        camera's view (countdown, cue captions, post effects: `index` below 0). Its seed is
        what it is, never where: a layer added to a scene, or a scene added to the day, leaves
        the others' random choices as they were."""
        layers = scene.layers[:index] if 0 <= index < len(scene.layers) else None
        look = scene.layers[index].params.get("look") if layers is not None else None
        if getattr(FACTORIES.get(kind), "continuous", False):  # one for the whole day
            seed = stable_seed(self.timeline.seed, kind)
        elif look:  # the same look in any scene: the same random choices
            seed = stable_seed(self.timeline.seed, kind, "look", look)
        elif layers is None:  # over the view, none of the scene's layers: by its part there
            seed = stable_seed(self.timeline.seed, kind, index)
        else:  # the scene's name, and which of its layers of this type (the first, ...)
            nth = sum(1 for spec in layers if spec.type == kind)
            seed = stable_seed(self.timeline.seed, scene.name, kind, nth)
        size = self.size if on_screen else self.world
        return Setup(size, self.timeline, scene, seed, self.fonts, self.warn, self.made)

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
        tick = self._first_drawn_tick(scene)
        if tick == 0:
            return Frame(state.story_time, 0.0, state, self.camera)
        return self._frame(self._tick_state(state, tick))

    def _first_drawn_tick(self, scene: Scene) -> int:
        """The tick whose picture of a scene its transition in draws first (0 for a cut), or
        one before it (never later: a background brought back from a later moment is painted
        whole again). A held picture is drawn for the odd tick of its pair."""
        kind, length = scene.transition.type, scene.transition.seconds
        if kind == "cut" or length <= 0:
            return 0
        for tick in range(int(length * TICKS) + 1):
            progress = min(1.0, tick / TICKS / length)
            old_shows, new_shows = shown(kind, progress)
            if kind == "light-wipe":
                new_shows = self._wipe().showing(progress)[1]
            if new_shows:
                before = max(0, tick - 1)
                return max(0, before - 1 + before % 2) if old_shows else before
        return 0

    def _layers(self, scene: Scene) -> SceneLayers:
        """The scene's layers, perhaps not yet (fully) built."""
        built = self._scenes.get(scene.index)
        if built is None or built.scene is not scene:
            if built is not None:
                self._let_go(built)
            built = SceneLayers(self, scene)
            self._scenes[scene.index] = built
        return built

    def _let_go(self, built: SceneLayers) -> None:
        """Close a scene no longer wanted and forget every picture held for a transition:
        their keys name the scenes they were drawn from (kept, a day's last crossfade or the
        dissolve's cover kept two closed scenes' layers alive until the next one)."""
        built.close()
        for held in (self._held_old, self._held_new, self._held_fade, self._held_mix):
            held.forget()
        dissolve = self._masks.get("dissolve")
        if isinstance(dissolve, Dissolve):
            dissolve.forget()

    def _scene(self, scene: Scene) -> SceneLayers:
        built = self._layers(scene)
        built.finish()
        return built

    def draw(self, surface: pygame.Surface, state: SceneState) -> None:
        """Draw the frame for `state`, then build a piece of the next scene if there is slack."""
        started = self.timer()
        frame = Frame(state.story_time, state.scene_seconds, state, self.camera)
        current = self._layers(state.scene)  # built in full when drawn (see _draw_transition)
        kind = state.scene.transition.type
        mixing = state.in_transition and kind != "cut"
        if mixing:
            self._draw_transition(surface, state)
        else:
            self._draw_scene(surface, current, frame)
        if state.countdown is not None and not current.has_countdown:
            self._overlay("countdown").draw(surface, frame)
        self._draw_cue_captions(surface, state)
        self._post_for(current).draw(surface, frame)
        self._draw_cue_flashes(surface, state)
        self._prepare_ahead(state, mixing, self.timer() - started)

    def _draw_scene(self, surface: pygame.Surface, scene: SceneLayers, frame: Frame,
                    bottom: Bottom | None = None, captions: bool = True) -> None:
        """A scene's layers, through the camera: drawn at the world's size, the view shown
        (without `captions`, its captions are left for `_lay_captions`)."""
        if self._world is None:
            scene.draw(surface, frame, bottom, captions)
        else:
            scene.draw(self._world, frame, bottom)
            self.camera.show(self._world, surface)

    def _lay_captions(self, surface: pygame.Surface, state: SceneState, leaving: SceneLayers,
                      arriving: SceneLayers) -> None:
        """Over a dissolve or a wipe, each scene's captions whole: over a dissolve at its
        scene's share of the picture (the mask would cut words into pieces); over a light wipe
        each as the light has come near it or passed it (through a camera's viewport they stay
        in their scenes)."""
        if self._world is not None:
            return
        kind, progress = state.scene.transition.type, state.progress
        before = Frame(state.story_time, self._previous_seconds(state), state, self.camera)
        if kind == "light-wipe":
            wipe = self._wipe()
            leaving.draw_captions(surface, before,
                                  lambda c: wipe.caption_shares(c.span(), progress)[0])
            arriving.draw_captions(surface, self._frame(state),
                                   lambda c: wipe.caption_shares(c.span(), progress)[1])
            return
        old_share, new_share, _white = weights(kind, progress)
        leaving.draw_captions(surface, before, lambda _caption: old_share)
        arriving.draw_captions(surface, self._frame(state), lambda _caption: new_share)

    def _draw_transition(self, surface: pygame.Surface, state: SceneState) -> None:
        """Both scenes over one sky (the incoming scene's, drawn once for its frame): only what
        stands in front of the sky changes, never the sky with itself. A light wipe keeps
        each scene's own sky on its side of the light: ahead of the morning light the ash sky
        of the scene being left, not the morning's blue over its ruins.

        While both show, each is drawn on alternate ticks (TICKS a second: the old scene on
        even ones, the new on odd ones) and held for the next: a frame draws one scene, not
        two, and is still the same whether or not the frame before it was drawn. A fade
        mixes once a pair of ticks, on the even one (its shares step 30 times a second, as
        each scene does): the old scene of that tick and the new one of the tick before,
        each dimmed as they mix, added (see `_draw_pair`); the odd tick shows that frame
        again (a copy, not a mix) and draws the new scene for the next pair. A light wipe draws
        neither scene while it is out of the picture: the new one until the light brings it
        in, the old one once the light has taken it all."""
        kind = state.scene.transition.type
        # The arriving scene is built in full once a frame shows it: until then (a start in
        # its transition) only its bottom layer, and the frames build the rest in pieces.
        arriving, leaving = self._layers(state.scene), self._scene(state.previous)
        sky = None if kind == "light-wipe" else arriving.bottom_for(leaving)

        whole = kind not in MASKED  # a mask would cut the captions: laid over it apart

        def draw_old(target: pygame.Surface, at: SceneState = state) -> None:
            before = Frame(at.story_time, self._previous_seconds(at), at, self.camera)
            lent = None if sky is None else (sky, self._frame(at))
            self._draw_scene(target, leaving, before, lent, whole)

        def draw_new(target: pygame.Surface, at: SceneState = state) -> None:
            self._draw_scene(target, arriving, self._frame(at), captions=whole)

        tick = int(state.scene_seconds * TICKS + TICK_SLACK)
        key = (leaving, arriving, sky)
        old_tick, new_tick = tick - tick % 2, max(0, tick - 1 + tick % 2)

        def held_new(at: int = new_tick, area: pygame.Rect | None = None) -> pygame.Surface:
            return self._held_new.get((*key, at, area), clipped(lambda target: draw_new(
                target, self._tick_state(state, at)), area))

        def held_fade(pair: int) -> pygame.Surface:
            """The new scene for the fade's pair of ticks from the even `pair`, as at the tick
            before it, premultiplied for its mix (see `_draw_pair`)."""
            at = max(0, pair - 1)
            old_share, new_share, _white = shares(kind, tick_progress(state, pair))

            def draw(target: pygame.Surface) -> None:
                draw_new(target, self._tick_state(state, at))
                premultiply(target, old_share, new_share)
            return self._held_fade.get((*key, at, pair), draw)

        def held_old(area: pygame.Rect | None = None) -> pygame.Surface:
            return self._held_old.get((*key, old_tick, area), clipped(lambda target: draw_old(
                target, self._tick_state(state, old_tick)), area))

        if not all(shown(kind, state.progress)):  # one scene (or none): drawn for this frame
            blend(surface, self._previous, kind, state.progress, draw_old, draw_new)
            if not whole:
                self._lay_captions(surface, state, leaving, arriving)
            elif all(shown(kind, tick_progress(state, tick + 2))):  # the next tick's frame
                held_fade(tick + 1 - (tick + 1) % 2)  # may mix: its new scene now, as a
                # mix's odd ticks draw it (else the frame that mixes it drew both scenes, or
                # three: 17-24 ms at 1080)
            return
        # The old scene's share is that of its even tick for both ticks of its pair (it
        # steps 30 times a second): held dimmed (or, dissolving, as a cover over the new).
        pair_progress = tick_progress(state, old_tick)
        if kind == "dissolve":
            self._dissolve().apply(surface, (*key, old_tick, pair_progress), held_old,
                                   held_new(), pair_progress)
            self._lay_captions(surface, state, leaving, arriving)
            return
        if kind in MASKED:  # a scene out of the picture (not yet reached, or passed) undrawn
            wipe = self._wipe()  # each scene drawn only where it shows over its pair's ticks
            old_shows, new_shows = wipe.showing(state.progress)
            if old_shows != new_shows:  # one alone (the light not yet, or no longer, on the
                (draw_old if old_shows else draw_new)(surface)  # seam): drawn for this frame
                wipe.apply(surface, None, None, state.progress)
                self._lay_captions(surface, state, leaving, arriving)
                return
            new_held = held_new(area=wipe.new_area(tick_progress(state, new_tick + 2))) \
                if new_shows else None
            old_held = held_old(wipe.old_area(pair_progress)) if old_shows else None
            wipe.apply(surface, old_held, new_held, state.progress)
            self._lay_captions(surface, state, leaving, arriving)
            return
        self._draw_pair(surface, state, key, old_tick, draw_old, held_fade)
        if tick % 2 and all(shown(kind, tick_progress(state, tick + 1))):
            held_fade(tick + 1)  # for the next pair, on the frame that shows this one again

    def _draw_pair(self, surface: pygame.Surface, state: SceneState, key: Key, old_tick: int,
                   draw_old: TickDraw, held_fade: Callable[[int], pygame.Surface]) -> None:
        """A fade's frame for the pair of ticks from the even `old_tick`: the old scene as at
        that tick, drawn where the frame is held, and over it the new one as at the tick
        before (drawn and premultiplied to its share on the frame before, which showed the
        pair before), blended in one pass; copied to `surface`, then shown again for the
        pair's odd tick (a copy, not a mix). The odd tick premultiplies the new scene it
        draws: each frame of the pair does two passes over the picture besides its scene."""
        pair = (*key, old_tick)
        if self._held_mix.key != pair:
            _old_share, _new_share, white = shares(state.scene.transition.type,
                                                   tick_progress(state, old_tick))
            new = held_fade(old_tick)

            def mix(target: pygame.Surface) -> None:
                draw_old(target, self._tick_state(state, old_tick))
                lay_over(target, new, white)
            self._held_mix.change(pair, mix)
        surface.blit(self._held_mix.surface, (0, 0))

    def _frame(self, state: SceneState) -> Frame:
        return Frame(state.story_time, state.scene_seconds, state, self.camera)

    def _tick_state(self, state: SceneState, tick: int) -> SceneState:
        """The state `tick` ticks after the scene began (the same for any frame asking)."""
        scene = state.scene
        real = tick / TICKS
        if self.pace is None:
            return state_at(self.timeline, (scene.at + real) % DAY_SECONDS)
        pace = self.pace
        span = forward(scene.at, state.next.at) or DAY_SECONDS
        low, high = 0.0, span
        guess = real * span / (pace.real_between(scene.at, state.next.at) or span)
        if abs(pace.real_between(scene.at, (scene.at + guess) % DAY_SECONDS) - real) > TICK_SLACK:
            for _ in range(BISECT_STEPS):  # the pace is not even here: find the story time
                guess = (low + high) / 2
                if pace.real_between(scene.at, (scene.at + guess) % DAY_SECONDS) < real:
                    low = guess
                else:
                    high = guess
        return state_at(self.timeline, (scene.at + guess) % DAY_SECONDS, pace)

    def _dissolve(self) -> Dissolve:
        """The dissolve's thresholds at the screen's size."""
        mask = self._mask("dissolve")
        assert isinstance(mask, Dissolve)
        return mask

    def _wipe(self) -> LightWipe:
        """The light wipe's band at the screen's size."""
        mask = self._mask("light-wipe")
        assert isinstance(mask, LightWipe)
        return mask

    def _mask(self, kind: str) -> Dissolve | LightWipe:
        """The dissolve or wipe at the screen's size, made when first needed (what was not
        made ahead is made now)."""
        while kind not in self._masks:
            self._mask_step(kind)
        return self._masks[kind]

    def _new_mask(self, kind: str) -> tuple[Dissolve | LightWipe, Pieces]:
        """A dissolve or wipe to make, and the steps that make it."""
        made: type[Dissolve | LightWipe] = Dissolve if kind == "dissolve" else LightWipe
        mask = made.__new__(made)
        return mask, mask.pieces(self.size, stable_seed(self.timeline.seed, kind))

    def _mask_step(self, kind: str) -> None:
        """Make one piece of the dissolve or wipe the next scene arrives by."""
        if kind not in self._masking:
            self._masking[kind] = self._new_mask(kind)
        mask, steps = self._masking[kind]
        if next(steps, DONE) is DONE:
            del self._masking[kind]
            self._masks[kind] = mask

    def _prepare_ahead(self, state: SceneState, mixing: bool, spent: float) -> None:
        """Short pieces of the next scene's building, while this one is steady (past its first
        second), as many as fit in the frame's ceiling (see `_ceiling`), each guessed to take
        what the last ones from where it starts took (see piece_times)."""
        wanted = {state.previous.index, state.scene.index, state.next.index}
        for index in [i for i in self._scenes if i not in wanted]:
            self._let_go(self._scenes.pop(index))
        current = self._layers(state.scene)
        if not current.ready:  # a start in its transition, before a frame showed it
            self._build_pieces(current, state.scene.transition.type, spent, START_CEILING_SECONDS)
            return
        upcoming = self._layers(state.next)
        kind = state.next.transition.type
        self.prepared_ahead = self._built_ahead(upcoming, kind)
        if self.prepared_ahead:
            return
        busy = mixing or state.scene_seconds < SETTLE_SECONDS  # a fade, or a cut just made
        ceiling = self._ceiling(state, upcoming, kind, spent, busy)
        if ceiling is None:
            return  # a transition, a scene's first moments or a slow frame: leave them be
        self._build_pieces(upcoming, kind, spent, ceiling, busy)
        if self._built_ahead(upcoming, kind):
            self._shares.built(state.next.index, upcoming.spent)

    def _ceiling(self, state: SceneState, upcoming: SceneLayers, kind: str, spent: float,
                 busy: bool) -> float | None:
        """How long the frame may take with the pieces it builds (None: it builds none).

        Its share of the building (piece_times.Shares: what is left of the next scene's
        build spread over the frames left before its last URGENT_SECONDS, or a lean share
        that grows as they run short), with the frame within GOAL_SECONDS; more than that if
        the share is hurried (more than lean), within SLOW_CEILING_SECONDS. In the last
        seconds, as many pieces as fit within GOAL_SECONDS. A frame in which no piece fits
        within GOAL_SECONDS is slow: one in SLOW_SKIPS + 1 of them builds anyway (else a slow
        scene's next one waits for the last seconds and lands on its first frame) while it
        stays within SLOW_CEILING_SECONDS, unless the share is hurried: then each does."""
        slow = spent + self._piece_times.guess(self._place(upcoming, kind)) > GOAL_SECONDS
        left = self._seconds_until(state, state.next) - URGENT_SECONDS  # before building hard
        share = self._shares.share(state.next.index, upcoming.spent, left) if left > 0 else 0.0
        hurried = share > LEAN_SHARE_SECONDS
        if left > 0 and (busy or (slow and not hurried)):
            if busy or self._skipped < SLOW_SKIPS:
                self._skipped += not busy
                return None
        self._skipped = 0
        if left <= 0 or (slow and not hurried):
            return SLOW_CEILING_SECONDS if slow else GOAL_SECONDS
        return min(SLOW_CEILING_SECONDS if hurried else GOAL_SECONDS, spent + share)

    def _build_pieces(self, upcoming: SceneLayers, kind: str, spent: float, ceiling: float,
                      busy: bool = False) -> None:
        """One piece of a scene's building, then (unless `busy`) more while the frame stays
        within `ceiling` seconds, each guessed to take what the last ones from there took."""
        spent += self._build_piece(upcoming, kind)
        while not (busy or self._built_ahead(upcoming, kind)) and (
                spent + self._piece_times.guess(self._place(upcoming, kind)) <= ceiling):
            spent += self._build_piece(upcoming, kind)

    def _built_ahead(self, upcoming: SceneLayers, kind: str) -> bool:
        """Is the next scene built, and the dissolve or wipe it arrives by made?"""
        return upcoming.ready and (kind not in MASKED or kind in self._masks)

    def _mask_first(self, kind: str) -> bool:
        """Is the dissolve or wipe the next scene arrives by still to make? It is made before
        the scene (whose warm-up asks the wipe when the scene first shows: unmade, it was made
        there whole, one piece of ~50 ms at 1080)."""
        return kind in MASKED and kind not in self._masks

    def _place(self, upcoming: SceneLayers, kind: str) -> Place:
        """Where the next piece of building ahead starts (its guess is kept by place)."""
        if not self._mask_first(kind):
            return upcoming.place
        making = self._masking.get(kind)
        return place_of(making[1]) if making else kind

    def _build_piece(self, upcoming: SceneLayers, kind: str) -> float:
        """Build one piece of the next scene (or of its dissolve or wipe); the seconds it took."""
        place = self._place(upcoming, kind)
        started = self.timer()
        if self._mask_first(kind):
            self._mask_step(kind)
        else:
            upcoming.step()
        took = self.timer() - started
        self._piece_times.took(place, took)
        upcoming.spent += took
        self.pieces_built += 1
        return took

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

    def _draw_cue_flashes(self, surface: pygame.Surface, state: SceneState) -> None:
        level = 0.0
        color = (255, 255, 255)
        for cue, since in state.recent_cues:
            if cue.type == "flash":
                level = max(level, flash_level(since, cue.params["seconds"]))
        if level > 0:
            white_out(surface, level, flash_color(color, level))


def tick_progress(state: SceneState, tick: int) -> float:
    """The transition's progress `tick` ticks after the scene began (as `state_at` has it)."""
    length = state.scene.transition.seconds
    return 1.0 if length <= 0 else min(1.0, tick / TICKS / length)


def same_picture(a: Scene, b: Scene) -> bool:
    """Would two versions of a scene draw the same (no picture file to read again)?"""
    return ((a.index, a.name, a.layers, a.caption) == (b.index, b.name, b.layers, b.caption)
            and not any(spec.type == "image" for spec in b.layers))
