"""A transition's frames: both scenes drawn on alternate ticks and held, a fade mixed once a
pair of ticks, a dissolve or light wipe laid through its mask, the captions laid over whole."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from installation.core.timeline import SceneState, state_at
from installation.core.timeline.model import Scene
from installation.core.timeline.state import story_after
from installation.core.timeutil import DAY_SECONDS, forward
from installation.visuals.base import HOUR, TICK_SLACK, TICKS, Frame
from installation.visuals.dissolve import Dissolve
from installation.visuals.fade_mix import blend, lay_over, premultiply
from installation.visuals.light_figures import Pair, paired, standing_in
from installation.visuals.light_wipe import LightWipe, land_row, light_column
from installation.visuals.transitions import (
    MASKED,
    OWN_SKIES,
    UNSHADED,
    Held,
    Key,
    shares,
    shown,
    weights,
)

if TYPE_CHECKING:
    from installation.visuals.compositor import Compositor
    from installation.visuals.scene_layers import SceneLayers

TickDraw = Callable[[pygame.Surface, SceneState], None]  # draws a scene as at a state


class TransitionFrames:
    """Draws a compositor's frames while one scene gives way to the next, holding the
    pictures a later frame shows again (each named by everything that decides it)."""

    def __init__(self, owner: Compositor) -> None:
        self.owner = owner
        self._previous = pygame.Surface(owner.size)
        self.hold_nothing()

    def hold_nothing(self) -> None:
        """New surfaces for the pictures a transition keeps (none held)."""
        size = self.owner.size
        self._held_old, self._held_new = Held(size), Held(size)
        self._held_fade = Held(size, pygame.SRCALPHA)  # a fade's new scene, premultiplied
        self._held_mix = Held(size)  # a fade's frame, shown for both ticks of a pair

    def forget(self) -> None:
        """Forget every picture held (their keys name the scenes they were drawn from)."""
        for held in (self._held_old, self._held_new, self._held_fade, self._held_mix):
            held.forget()

    def _dissolve(self) -> Dissolve:
        return self.owner.masks.dissolve(self.owner.timeline.seed)

    def _wipe(self) -> LightWipe:
        return self.owner.masks.wipe(self.owner.timeline.seed)

    def first_drawn_tick(self, scene: Scene) -> int:
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


    def tick_state(self, state: SceneState, tick: int) -> SceneState:
        """The state `tick` ticks after the scene began (the same for any frame asking)."""
        scene, timeline, pace = state.scene, self.owner.timeline, self.owner.pace
        real = tick / TICKS
        if pace is None:
            return state_at(timeline, (scene.at + real) % DAY_SECONDS)
        span = forward(scene.at, state.next.at) or DAY_SECONDS
        return state_at(timeline, story_after(pace, scene.at, real, span), pace)


    def _captions(self, surface: pygame.Surface, state: SceneState, leaving: SceneLayers,
                      arriving: SceneLayers) -> None:
        """Over a dissolve or a light wipe, each scene's captions whole: over a dissolve at its
        scene's share of the picture (the mask would cut words into pieces); over a light wipe
        the leaving scene's going as the morning begins to come up, the arriving scene's coming
        as it ends (through a camera's viewport they stay in their scenes)."""
        if not self.owner.camera.is_whole:
            return
        kind, progress = state.scene.transition.type, state.progress
        camera = self.owner.camera
        before = Frame(state.story_time, self.owner.previous_seconds(state), state, camera)
        if kind == "light-wipe":
            wipe = self._wipe()
            leaving.draw_captions(surface, before,
                                  lambda c: wipe.caption_shares(c.box(), progress)[0])
            arriving.draw_captions(surface, self.owner.frame(state),
                                   lambda c: wipe.caption_shares(c.box(), progress)[1])
            return
        old_share, new_share, _white = weights(kind, progress)
        leaving.draw_captions(surface, before, lambda _caption: old_share)
        arriving.draw_captions(surface, self.owner.frame(state), lambda _caption: new_share)

    def draw(self, surface: pygame.Surface, state: SceneState, arriving: SceneLayers,
             leaving: SceneLayers) -> None:
        """Both scenes over one sky (the incoming scene's, drawn once for its frame): only what
        stands in front of the sky changes, never the sky with itself. A light wipe and a
        dip draw each scene with its own sky (OWN_SKIES): the night's ash sky brightens into
        the morning's; a dip's scene being left keeps its own sky down to the dark.

        While both show, each is drawn on alternate ticks (TICKS a second: the old scene on
        even ones, the new on odd ones) and held for the next: a frame draws one scene, not
        two, and is still the same whether or not the frame before it was drawn. A fade
        mixes once a pair of ticks, on the even one (its shares step 30 times a second, as
        each scene does): the old scene of that tick and the new one of the tick before,
        each dimmed as they mix, added (see `_draw_pair`); the odd tick shows that frame
        again (a copy, not a mix) and draws the new scene for the next pair. A light wipe is
        made so too (see `_draw_lit`)."""
        kind = state.scene.transition.type
        sky = None if kind in OWN_SKIES else arriving.bottom_for(leaving)

        whole = kind not in MASKED  # a mask would cut the captions: laid over it apart

        def draw_old(target: pygame.Surface, at: SceneState = state) -> None:
            before = Frame(at.story_time, self.owner.previous_seconds(at), at, self.owner.camera)
            lent = None if sky is None else (sky, self.owner.frame(at))
            self.owner.draw_scene(target, leaving, before, lent, whole)

        def draw_new(target: pygame.Surface, at: SceneState = state) -> None:
            self.owner.draw_scene(target, arriving, self.owner.frame(at), captions=whole)

        tick = int(state.scene_seconds * TICKS + TICK_SLACK)
        key = (leaving, arriving, sky)
        old_tick, new_tick = tick - tick % 2, max(0, tick - 1 + tick % 2)

        def held_new(at: int = new_tick) -> pygame.Surface:
            return self._held_new.get((*key, at), lambda target: draw_new(
                target, self.tick_state(state, at)))

        def held_fade(pair: int) -> pygame.Surface:
            """The new scene for the fade's pair of ticks from the even `pair`, as at the tick
            before it, premultiplied for its mix (see `_draw_pair`)."""
            at = max(0, pair - 1)
            old_share, new_share, _white = shares(kind, tick_progress(state, pair))

            def draw(target: pygame.Surface) -> None:
                draw_new(target, self.tick_state(state, at))
                premultiply(target, old_share, new_share)
            return self._held_fade.get((*key, at, pair), draw)

        def held_old() -> pygame.Surface:
            return self._held_old.get((*key, old_tick), lambda target: draw_old(
                target, self.tick_state(state, old_tick)))

        if kind == "light-wipe":
            self._draw_lit(surface, state, key, draw_old, draw_new, (leaving, arriving))
            self._captions(surface, state, leaving, arriving)
            return
        if not all(shown(kind, state.progress)):  # one scene (or none): drawn for this frame
            blend(surface, self._previous, kind, state.progress, draw_old, draw_new)
            if not whole:
                self._captions(surface, state, leaving, arriving)
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
            self._captions(surface, state, leaving, arriving)
            return
        self._draw_pair(surface, state, key, old_tick, draw_old, held_fade)
        if tick % 2 and all(shown(kind, tick_progress(state, tick + 1))):
            held_fade(tick + 1)  # for the next pair, on the frame that shows this one again

    def _draw_lit(self, surface: pygame.Surface, state: SceneState, key: Key,
                  draw_old: TickDraw, draw_new: TickDraw,
                  scenes: tuple[SceneLayers, SceneLayers]) -> None:
        """A light wipe's frame, made once a pair of ticks as a fade's (see `_draw_pair`): on
        the even tick the old scene as at that tick, the new one (drawn and readied by the
        wipe on the odd tick before) laid over it; the odd tick shows it again and draws the
        new scene for the next pair. Before the new scene shows, the old one alone is drawn
        for each frame (held for the pair before the first that shows both); once the old
        one has gone, the new one alone."""
        wipe = self._wipe()
        tick = int(state.scene_seconds * TICKS + TICK_SLACK)
        old_tick = tick - tick % 2
        old_shows, new_shows = wipe.showing(tick_progress(state, old_tick))
        next_mixes = all(wipe.showing(tick_progress(state, old_tick + 2)))
        land = land_row(state.scene, self.owner.camera)
        light = light_column(state.story_time / HOUR, self.owner.camera)

        def ready(pair: int) -> None:  # the new scene for the pair from the even `pair`
            at = max(0, pair - 1)
            wipe.ready((*key, at, pair), lambda target: draw_new(
                target, self.tick_state(state, at)), tick_progress(state, pair), land, light,
                lambda: self._standing(scenes, self.tick_state(state, pair),
                                       self.tick_state(state, at)))

        if not old_shows or not (new_shows or next_mixes):  # one scene: for this frame
            (draw_old if old_shows else draw_new)(surface, state)
            return
        pair = (*key, old_tick, new_shows)
        if self._held_mix.key != pair:
            if new_shows:
                ready(old_tick)  # (readied on the tick before, but for a show begun here)

            def mix(target: pygame.Surface) -> None:
                draw_old(target, self.tick_state(state, old_tick))
                if new_shows:
                    wipe.lay(target)
            self._held_mix.change(pair, mix)
        surface.blit(self._held_mix.surface, (0, 0))
        if tick % 2 and next_mixes:
            ready(old_tick + 2)

    def _standing(self, scenes: tuple[SceneLayers, SceneLayers], old: SceneState,
                  new: SceneState) -> list[Pair]:
        """The figures standing in both scenes' land as the light wipe's pair shows them (the
        old scene as at `old`, the new as at `new`), to take whole (none through a camera's
        viewport: its picture is not the scenes' own)."""
        if not self.owner.camera.is_whole:
            return []
        leaving, arriving = scenes
        before = Frame(old.story_time, self.owner.previous_seconds(old), old, self.owner.camera)
        return paired(standing_in(leaving.entries, before),
                      standing_in(arriving.entries, self.owner.frame(new)))

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
            kind = state.scene.transition.type
            _old_share, _new_share, white = shares(kind, tick_progress(state, old_tick))
            new = held_fade(old_tick)

            def mix(target: pygame.Surface) -> None:
                draw_old(target, self.tick_state(state, old_tick))
                lay_over(target, new, 0.0 if kind in UNSHADED else white)  # (see UNSHADED)
            self._held_mix.change(pair, mix)
        surface.blit(self._held_mix.surface, (0, 0))


def tick_progress(state: SceneState, tick: int) -> float:
    """The transition's progress `tick` ticks after the scene began (as `state_at` has it)."""
    length = state.scene.transition.seconds
    return 1.0 if length <= 0 else min(1.0, tick / TICKS / length)
