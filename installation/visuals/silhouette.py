"""A `silhouette` layer: one figure cut from the dark (see `shapes`), standing on its feet line,
sinking in the tar, mirrored, backlit or swaying."""

from __future__ import annotations

import math
from collections.abc import Generator, Mapping
from typing import Any

import numpy as np
import pygame

from installation.visuals.apparition import apparition, rounding
from installation.visuals.base import HOUR, Color, Frame, Pieces, Setup, at_once, scaled
from installation.visuals.figure_light import Light, lit
from installation.visuals.figure_timing import ScenePace
from installation.visuals.glow import radial
from installation.visuals.light_figures import Standing
from installation.visuals.long_shadow import SunShadows
from installation.visuals.mammoth_coat import modelled
from installation.visuals.mammoth_family import FAMILY, coat_of
from installation.visuals.mammoth_heave import Beat, Heaves, legs_of, strength
from installation.visuals.mammoth_lift import (
    BREATH,
    CALF_LEAST,
    CALF_SEED,
    LIFT_SEED,
    REACHES,
    SKYWARD,
    STIR_HIGH,
    UNDER_REACH,
    UNDER_SPELLS,
    Lift,
    cut_ahead,
    draw_posed,
    front_mask,
    going_under,
    lift_clock,
    posed_at,
)
from installation.visuals.mire import COAT, DRIPS, GHOST_COAT, sky_over
from installation.visuals.mire_close import Closing
from installation.visuals.mire_mirror import heap_mirror
from installation.visuals.mire_rings import Ripples
from installation.visuals.mire_sides import FLANK
from installation.visuals.mire_wading import Wading
from installation.visuals.palette import light_at
from installation.visuals.pen import SUPERSAMPLE, rendered
from installation.visuals.shapes import in_tar
from installation.visuals.silhouette_ahead import CollarShare
from installation.visuals.silhouette_areas import Look, changed, mirror_hole, reach_of
from installation.visuals.silhouette_bank import bank
from installation.visuals.silhouette_form import form_of
from installation.visuals.silhouette_mirror import Mirrors, mirrored, skipped
from installation.visuals.silhouette_shade import MOTHER_SHADE, SHADE, shaded_pieces
from installation.visuals.silhouette_sink import DAY, Collar, Sinking
from installation.visuals.silhouette_sun import sunlit
from installation.visuals.silhouette_sway import Sway
from installation.visuals.silhouette_tip import Tip, tip_of
from installation.visuals.sprites import Banded
from installation.visuals.statue import stone

GLOW_REACH = 0.9  # a backlight's radius, as a share of the figure's size
RING_CYCLE, RING_ON = 6.0, 2.0  # an American phone rings two seconds in every six
RING_GAIN = 0.8  # how much the light swells while it rings
GHOST_DRIPS = 0.3  # the tar runs up an apparition in low streaks (tall dark ones read as trees
# against her see-through flank)
SINK_TILT = 7.0  # degrees: a sinking animal goes down rear first, its head raised


class Silhouette:
    """One figure, drawn once per scene (supersampled), standing on its feet line."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the large drawing a band at a time, then glow and reflection."""
        params = {**params, "color": coat_of(params)}  # (the mammoths' coat, one for the day)
        self.params = params
        self.scene = setup.scene
        width, height = setup.size
        form = form_of(params, setup)
        flip = params["flip"]
        self.image = yield from rendered(setup.made, form.draw, form.drawn, form.px, flip,
                                         params["color"])  # (drawn once, see MadeOnce.picture)
        if params.get("statue"):  # the museum's calf: smooth stone, not a coat of hair
            self.image = yield from stone(self.image, params["color"], setup.seed)
        self.sway: Sway | None = None
        if params["shape"] == "palm":
            self.sway = Sway(setup.seed)
            yield from self.sway.pieces(form.palm, params, form.px, setup.size, setup.made)
        self.crowns = self.sway.crowns if self.sway is not None else []
        self.feet = (int(width * params["x"]) - form.origin_x(flip) // SUPERSAMPLE,
                     int(height * params["y"]) - int(form.drawn[3] * form.px))
        self.line = self.feet[1] + self.image.get_height()  # the tar's (or ground's) surface
        light = params["rim"] if params["rim"] is not None else params["color"]
        self.bank = (bank(setup, self.feet[0], self.image.get_width(), self.line, light)
                     if params["bank"] else None)
        plain = self.image  # as drawn, before it is turned
        tilts = bool(params["sinking"]) and not params["ghost"]  # a dream's sinks level, and
        # sends out no rings (drawn before its tar, their far halves lit the night as a band)
        if tilts:  # she goes down rear first, fighting it: the tar closes over
            yield
            self._tilt()
            yield
        self.span = form.span
        self.sink = int(params["sink"] * self.span)
        shape = self.image  # (an apparition's: the tar round her keeps her shape)
        self._rounding: np.ndarray | None = None
        calf = params["shape"] == "calf"
        feet = form.drawn[3] * form.px + (self.image.get_height() - plain.get_height()) / 2
        self._shade = ((feet, form.px, SHADE) if calf else (feet, form.px, MOTHER_SHADE)
                       if params["shape"] == "mammoth" else None)  # its feet's row (turned,
        # where the turn took it): under its head and belly in its shade
        self.image = yield from self._finished(self.image)
        stirs = (STIR_HIGH if calf else BREATH) if params["stir"] else 0
        self.lift = (Lift(CALF_SEED, stirs, CALF_LEAST, phrased=True) if calf
                     else Lift(LIFT_SEED, stirs, spells=UNDER_SPELLS, reach=UNDER_REACH,
                               beyond=SKYWARD)
                     if params["under"]
                     else Lift(LIFT_SEED, stirs)) if form.lifts else None
        tilt = (SINK_TILT if flip else -SINK_TILT) if tilts else 0.0
        if self.lift is not None:
            yield from self.lift.pieces(form.draw, setup.made,
                                        self.image, plain, form.drawn, form.px, flip,
                                        params["color"], tilt, self._finished)
        self.heaves: Heaves | None = None  # a caught apparition fights the tar
        if self.lift is not None and not calf and params["ghost"] and params["sinking"]:
            yield from self.lift.heaves(legs_of(*self.image.get_size(),
                                                form.origin_x(flip) // SUPERSAMPLE, form.px, flip))
            self.heaves = Heaves()
        yield
        drips, coat = (GHOST_DRIPS, GHOST_COAT) if params["ghost"] else (DRIPS, COAT)
        kept = ((yield from front_mask(form.drawn, form.px, flip, tilt, form.mired,
                                         setup.made, form.hanging))
                if self.lift is not None and params["shape"] == "mammoth" else None)
        self.wading = (Wading(shape, self.span, setup.seed, self.image, drips, kept,
                              swells=False, coat=coat, flank=FLANK[0])  # cut at the surface: her
                       if in_tar(params) else None)  # body under it, a dark swell greyed by the
        # haze, read as an animal sinking in clear water
        self.ripples: Ripples | None = None  # mirrored, it lies on the tar's surface; sinking,
        if self.wading is not None and (params["reflect"] > 0 or tilts):  # it stirs
            self.ripples = yield from self.wading.ripples(self._visible(self.sink))
        self.sinking = Sinking(params["sink"], params["sinking"], self.span, setup.scene.at,
                               sky_over(setup), params["under"])
        self.pace = ScenePace(setup.timeline, setup.scene.at)  # (the story's, uneven: her
        # last reach has a pace of its own)
        self.tip: Tip | None = None  # going under, the tar meets her in her last pose at the end
        if self.ripples is not None and self.wading is not None and self.lift is not None \
                and params["under"] is not None:
            rows = self._visible(math.ceil(REACHES[1] * self.span))
            self.tip = yield from tip_of(self.lift.figures[self.lift.last], self.span, rows,
                                         self.wading)
        self.closing: Closing | None = None  # the tar closing over her place, once she has gone
        if self.tip is not None:
            self.closing = Closing(self.span, sky_over(setup)  # (the pool's bubbles' sky)
                                   or light_at(setup.scene.at / HOUR).top)
            yield from self.closing.pieces()
        self.heap_mirror = heap_mirror(params["reflect"], params["under"], self.wading,
                                       setup.seed, setup.size, self.line,
                                       self.image.get_height())  # going under
        self._ahead_of: tuple[Any, ...] | None = None  # the frame and look made ahead from
        self._coming: Collar | None = None  # the depth and sky to make ahead
        self._share = CollarShare()  # how much of it a frame makes
        yield
        yield from self._mirrors()
        self._glow()
        self.sun_shadows = (SunShadows(params["sun_shadow"]) if params.get("sun_shadow")
                            else None)  # (cast from its picture at rest)
        self.width = width
        self.reach = reach_of(self)

    def _tilt(self) -> None:
        """Turn a sinking figure about its middle, which stays put."""
        tilt = SINK_TILT if self.params["flip"] else -SINK_TILT
        before = self.image.get_size()
        self.image = pygame.transform.rotate(self.image, tilt)
        after = self.image.get_size()
        self.feet = (self.feet[0] + (before[0] - after[0]) // 2,
                     self.feet[1] + (before[1] - after[1]) // 2)

    def _mirrors(self) -> Pieces:
        """Its reflection, and hers as she strains (each pose's a piece of its own), and the
        banded pictures they are blitted through (a pose another holds already, going under,
        the same: see Lift.pieces)."""
        reflect = self.params["reflect"]
        self.mirror = mirrored(self.image, reflect) if reflect > 0 else None
        self.lift_mirrors = [self.mirror]  # her mirror as she strains, each pose
        figures = self.lift.figures if self.lift is not None else [self.image]
        if self.mirror is not None:
            made: dict[int, pygame.Surface] = {}
            for figure in figures[1:]:
                if id(figure) not in made:
                    yield
                    made[id(figure)] = mirrored(figure, reflect)
                self.lift_mirrors.append(made[id(figure)])
        self.cut_figures = _banded(figures)  # each blitted where it shows
        self.cut_mirrors = _banded(figures)
        self.mirrors = (Mirrors(self.image, self.mirror, reflect) if self.mirror is not None
                        else None)

    def _glow(self) -> None:
        """A backlight behind it (and the light swollen as the phone rings)."""
        self.glow = None
        glow = self.params["glow"]
        if glow is not None:
            radius = int(max(self.image.get_size()) * GLOW_REACH)
            self.glow = radial(radius, glow, 1.6)
            self.ringing = radial(radius, scaled(glow, RING_GAIN), 1.6)
            centre = (self.feet[0] + self.image.get_width() // 2,
                      self.feet[1] + self.sink + int(self.image.get_height() * 0.3))
            self.glow_at = (centre[0] - radius, centre[1] - radius)

    def _finished(self, image: pygame.Surface) -> Generator[None, None, pygame.Surface]:
        """The figure as drawn: its edge catching the `rim` light; an apparition's lit,
        glowing and a little see-through."""
        if self.params["rim"] is not None:
            plain, image = image, image.copy()  # (her picture at rest is kept, for her poses)
            light = Light(self.params["rim"], self.params["rim_from"] == "right")
            if self.params["shape"] in FAMILY:  # a mammoth in the sun: its side and back too
                yield from sunlit(image, self.span, light, self.params["color"])
            else:
                lit(image, self.span, [light])
            if self._shade is not None:  # its underside in its own shade (in pieces)
                yield from shaded_pieces(image, plain, *self._shade)
            if self.params["shape"] == "calf" and not self.params.get("statue"):
                yield from modelled(image, self.span)  # a round body inside its lit rim
        if not self.params["ghost"]:
            return image
        if self._rounding is None:  # her rest's, for all her poses
            self._rounding = yield from rounding(image, self.span)
        return (yield from apparition(image, self.params["ghost"], self.span,
                                      self.params["color"], self._rounding))

    def sunk(self, frame: Frame) -> int:
        """Rows sunk below the feet line: `sink`, and `sinking` more each story hour since the
        scene began (story time, so the same moment always shows the same depth)."""
        return self.sinking.sunk(frame)

    def _make_ahead(self, frame: Frame, sink: int, sky: Color) -> None:
        """The frame's share (see silhouette_ahead) of the collar and coat her next depth or
        sky will need, then the reflection of the figure they leave showing, so that the
        frame she sinks a step on only draws them."""
        assert self.wading is not None
        now = (frame.story_time, frame.seconds)
        if self._ahead_of is not None and self._ahead_of[:2] == now:
            return  # its share this frame already
        self._share.frame(frame.story_time)
        changed = self._ahead_of is None or self._ahead_of[2:] != (sink, sky)
        self._ahead_of = (*now, sink, sky)
        if changed:  # this frame paints her again: the next one starts the pieces
            self._share.stepped(self.wading.pieces_made + (
                self.tip.wading.pieces_made if self.tip is not None else 0))
            self._coming = self.sinking.next_collar(frame, (self._visible(sink), sky),
                                                    self._visible)
            return
        for _ in range(self._share.pieces(self.sinking.next_change(frame))):
            if not self._ahead_piece():
                return
            self._share.made()

    def _ahead_piece(self) -> bool:
        """A piece of what her next depth or sky needs (False: nothing left to make)."""
        if self._coming is None:
            return False
        wading, cut = self._wading(self._coming[0]), self.cut_figures[0]
        coming = wading.coming_figure(*self._coming)
        if coming is not None and cut.coming is None and coming is not cut.sprite:
            cut.ahead(coming)  # cut where it shows, as soon as known: a piece of its own
        elif (made := wading.made_figure(*self._coming)) is None:
            wading.ahead(*self._coming)
        elif self.mirrors is not None and not self.mirrors.kept(made):
            self.mirrors.make_ahead(made)  # a piece of its own
        else:
            return False
        return True

    def _wading(self, visible: int) -> Wading:
        """Her meeting with the tar, `visible` rows of her above it: at rest, or at the end
        of going under, in her last pose (see `tip`)."""
        assert self.wading is not None
        return self.tip.wading if self.tip is not None and self.tip.takes(visible) else self.wading

    def _visible(self, sink: int) -> int:
        """Rows of it above the surface when sunk `sink` rows."""
        return min(self.image.get_height(), self.line - self.feet[1] - sink)

    def look(self, frame: Frame) -> Look:
        """Still but for the ring (is the phone's light pulsing now?), the depth it has sunk
        to, the lean of a palm's crown and, in the tar, its rings and the sky's colour."""
        ring = self.params["ring"]
        ringing = bool(self.glow is not None and ring and frame.seconds < ring
                       and frame.seconds % RING_CYCLE < RING_ON)
        sink = self.sinking.depth(frame)
        sky = None
        if self.wading is not None:
            sky = self.sinking.sky(frame)
            self._make_ahead(frame, sink, sky)
        beat = self._beat(frame, sink)
        closing = (self.closing.step(self._since(frame, self.line - self.feet[1]))
                   if self.closing is not None else -1)
        return Look(ringing, sink, self.sway.lean(frame.seconds) if self.sway else 0,
                    self._rings(frame, sink), sky, self._pose(frame, sink, beat), beat,
                    self._tip_rings(frame, sink), self._sun_lean(frame), closing)

    def standing(self, frame: Frame) -> Standing | None:
        """Its picture at rest where it stands in the tar at `frame`, for a light wipe to take
        it whole (see light_figures), or on the bank at its edge as posed; None: neither, or
        gone under."""
        name = (self.params["shape"], self.params["x"], self.params["y"])
        if self.wading is None and self.bank is not None and not self.params["ghost"]:
            return Standing(self._posed(frame, 0, self.image), self.feet, self.line, name)
        sink = self.sinking.depth(frame) if self.wading is not None else 0
        if self.wading is None or self.params["ghost"] or self._visible(sink) <= 0:
            return None
        wading = self._wading(self._visible(sink))
        wading.prepare(self._visible(sink), self.sinking.sky(frame))  # (as `draw` will)
        return Standing(self._posed(frame, sink, wading.figure), (self.feet[0],
                        self.feet[1] + sink), self.line, name, wading.over())

    def _posed(self, frame: Frame, sink: int, rest: pygame.Surface) -> pygame.Surface:
        """Its picture as posed at `frame` (sunk `sink` rows), or at `rest` (as drawn: what
        went under cleared)."""
        pose = self._pose(frame, sink)
        if self.lift is None or self.lift.hole(pose) is None:
            return rest
        return self.lift.figures[pose]

    def closing_at(self) -> tuple[int, int]:
        """Where the last of her goes under: her place on the tar, as it closes over her."""
        return self.feet[0] + self._ring_middle(0, self.tip.ripples if self.tip else None), \
            self.line

    def _sun_lean(self, frame: Frame) -> tuple[int, int] | None:
        """The step of the sun's shadow it casts at `frame` (None: it casts none)."""
        if self.sun_shadows is None:
            return None
        self.sun_shadows.at(frame.hour)
        return self.sun_shadows.lean(self.sun_feet()[0][0] / self.width)

    def sun_feet(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """Where its sun's shadow starts: the middle of its feet line, in the picture and on
        its picture at rest."""
        middle, tall = self.image.get_width() / 2, self.image.get_height()
        return (self.feet[0] + middle, self.feet[1] + tall), (middle, tall)

    def _beat(self, frame: Frame, sink: int) -> Beat:
        """Her heave at `frame` (sunk `sink` rows): weaker the deeper she is; none as her
        scene is left."""
        if self.heaves is None:
            return Beat()
        seconds, settled = lift_clock(frame, self.scene)
        if settled < 1.0:
            return Beat()
        return self.heaves.at(seconds, strength(sink / self.span, self.sinking.sink))

    def _rings(self, frame: Frame, sink: int) -> tuple[int, ...]:
        """The sizes of its rings on the tar at `frame`, sunk `sink` rows: once it has gone
        under, only those that set out before (they spread and die away: all at once, three
        wide rings went with her last pixel)."""
        if self.ripples is None:
            return ()
        last = self.tip.rows if self.tip is not None else 0  # (rows left: her last rings)
        if self._visible(sink) > last:
            return self.ripples.sizes(frame.seconds)
        until = self._when(frame, last)
        return () if until is None else self.ripples.sizes(frame.seconds, until)

    def _tip_rings(self, frame: Frame, sink: int) -> tuple[int, ...]:
        """The sizes of the rings her trunk sends out, going under at the end (sunk `sink`
        rows): from when it began to, until it has gone."""
        if self.tip is None or not self.tip.takes(visible := self._visible(sink)):
            return ()
        since = self._when(frame, self.tip.rows)
        until = self._when(frame, 0) if visible <= 0 else math.inf
        if since is None or until is None:
            return ()
        return self.tip.ripples.sizes(frame.seconds, until, since)

    def _when(self, frame: Frame, rows: int) -> float | None:
        """Real seconds into the scene at which she had sunk to `rows` rows above the tar, as
        seen from `frame` (None: never, or not yet in this scene)."""
        since = self._since(frame, self.line - self.feet[1] - rows)
        return None if since is None else frame.seconds - since

    def _since(self, frame: Frame, sunk: int) -> float | None:
        """Real seconds since she had sunk `sunk` rows, at `frame` (before it: below 0; None:
        she never does, or the scene has not begun), at the story's pace however uneven."""
        gone = self.sinking.gone_at(sunk)
        into = (frame.story_time - self.scene.at) % DAY  # story seconds into the scene
        if gone is None or frame.seconds <= 0 or not into:
            return None
        if (gone - self.scene.at) % DAY <= into:
            return self.pace.since(gone, frame)
        return -self.pace.until(gone, frame)

    def _pose(self, frame: Frame, sink: int, beat: Beat | None = None) -> int:
        """How high she strains at `frame`: in her spells, and going under, higher the
        deeper she is (sunk `sink` rows); heaving a leg out of the tar (`beat`)."""
        if self.lift is None:
            return 0
        if heaving := self.lift.heaving(beat or self._beat(frame, sink)):
            return heaving
        pose = posed_at(self.lift, frame, self.scene)
        if self.sinking.under is None:
            return pose
        return going_under(pose, sink / self.span, len(self.lift.beyond))

    def changed(self, old: tuple[Any, ...], new: tuple[Any, ...]) -> list[pygame.Rect]:
        return changed(self, old, new)

    def _mirror_skip(self, visible: int) -> int:
        """The rows at the top of its mirror not shown, `visible` rows of it above the tar."""
        return skipped(self.image.get_height(), visible)

    def _ring_middle(self, visible: int, ripples: Ripples | None = None) -> int:
        """Where her rings (`ripples`, if not her own) spread from, `visible` rows of her above
        the tar (from her left): her middle at the surface (the last of her, once gone)."""
        assert self.ripples is not None
        middles = (ripples or self.ripples).middles
        return int(middles[min(len(middles), max(1, visible)) - 1])

    def warm(self, frame: Frame) -> Pieces:
        """Ahead of `frame`: where it meets the tar (see `_warm_wading`), then her lifted
        poses and their reflections cut where they show (see cut_ahead)."""
        yield from self._warm_wading(frame)
        if self.lift is not None:
            yield from cut_ahead(self.cut_figures, self.lift.figures)
            if self.heap_mirror is None:  # (else drawn through it)
                yield from cut_ahead(self.cut_mirrors, self.lift_mirrors)

    def _warm_wading(self, frame: Frame) -> Pieces:
        """The collar and coat where it meets the tar a piece at a time (its first draw would
        make them all at once), then the reflection of the figure they leave showing."""
        look = self.look(frame)
        visible = self._visible(look.sink)
        if self.wading is None or look.sky is None or visible <= 0:
            return
        wading = self._wading(visible)
        while True:
            begun = wading.pieces_made
            wading.ahead(visible, look.sky)
            if wading.pieces_made == begun:  # made (or already shown)
                break
            yield
        wading.prepare(visible, look.sky)
        if self.mirrors is not None:
            yield
            self.mirrors.of(wading.figure)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """The figure as it shows at this frame (nothing, where the surface's clip is clear of
        all it can paint: a still picture painted again elsewhere, a band of sky)."""
        if not surface.get_clip().colliderect(self.reach):
            return
        x, y = self.feet
        ringing, sink, lean, rings, sky, pose, beat, tip_rings, sun, closing = self.look(frame)
        visible = self._visible(sink)
        if self.bank is not None:
            surface.blit(*self.bank)
        if self.sun_shadows is not None and sun is not None:  # on the ground, under it
            self.sun_shadows.draw(surface, self.image, *self.sun_feet(), 1.0)
        if self.glow is not None:
            surface.blit(self.glow, self.glow_at, special_flags=pygame.BLEND_RGB_ADD)
            if ringing:
                surface.blit(self.ringing, self.glow_at, special_flags=pygame.BLEND_RGB_ADD)
        if visible <= 0:  # where she went
            self._draw_rings(surface, visible, rings, tip_rings, closing)
            return
        figure = self.image
        wading = self._wading(visible) if self.wading is not None else None
        if wading is not None and sky is not None:
            wading.prepare(visible, sky)
            figure = wading.figure  # what of her has gone under cleared
        hole = self.lift.hole(pose) if self.lift is not None else None
        if self.mirrors is not None and self.heap_mirror is None:
            mirror = self.mirrors.of(figure)
            skip = self._mirror_skip(visible)
            shown = pygame.Rect(0, skip, mirror.get_width(), mirror.get_height() - skip)
            draw_posed(surface, self.cut_mirrors, (mirror, self.lift_mirrors[pose]), pose,
                       (x, self.line - skip), shown, mirror_hole(self, pose) if hole else None,
                       mirror is self.mirror)
        posed = self.lift.figures[pose] if self.lift is not None else figure
        if self.heap_mirror is not None and self.mirrors is not None and wading is not None:
            self.heap_mirror.draw_at(surface, wading, (self.mirrors.of(figure),
                                                       self.lift_mirrors[pose]),
                                     (mirror_hole(self, pose) if hole and wading is self.wading
                                      else None, pose), visible, x, frame.seconds)  # (the tip's
            # picture is her lifted one, what has gone under cleared)
        self._draw_rings(surface, visible, rings, tip_rings, closing)  # under her, round where she
        # goes under
        whole = wading.shown_rows(visible) if wading is not None else visible
        draw_posed(surface, self.cut_figures, (figure, posed), pose, (x, y + sink),
                   pygame.Rect(0, 0, figure.get_width(), whole), hole, figure is self.image)
        if self.sway is not None:
            self.sway.draw(surface, lean)
        if wading is not None:  # where it goes into the tar, the tar heaps round it
            wading.draw_edge(surface, (x, y + sink), (figure, posed if hole else None), hole)
            tar = self.lift.tar if self.lift is not None else None
            if tar is not None:  # on the leg she pulls out of it, under the heap round her
                tar.sheathe(surface, (x, y + sink), beat, visible)
            wading.draw(surface, x, self.line, self.lift.bared(pose) if self.lift else None)
            if tar is not None:
                tar.swell(surface, x, self.line, beat)

    def _draw_rings(self, surface: pygame.Surface, visible: int, rings: tuple[int, ...],
                    tip_rings: tuple[int, ...], closing: int = -1) -> None:
        """Her rings of these sizes on the tar, `visible` rows of her above it, those of
        her trunk, the last of her (`tip_rings`), and the tar closing over her (`closing`)."""
        if self.ripples is not None:
            self.ripples.draw(surface, self.feet[0], self.line, rings, self._ring_middle(visible))
        if self.tip is not None and tip_rings:
            self.tip.ripples.draw(surface, self.feet[0], self.line, tip_rings,
                                  self._ring_middle(visible, self.tip.ripples))
        if self.closing is not None:
            self.closing.draw(surface, self.closing_at(), closing)


def _banded(figures: list[pygame.Surface]) -> list[Banded]:
    """A banded picture to blit each of these through (one for those that are the same)."""
    cuts: dict[int, Banded] = {}
    return [cuts.setdefault(id(figure), Banded()) for figure in figures]
