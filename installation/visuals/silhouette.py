"""A `silhouette` layer: one figure cut from the dark (see `shapes`), standing on its feet line,
sinking in the tar, mirrored, backlit or swaying."""

from __future__ import annotations

import math
from collections.abc import Generator, Mapping
from dataclasses import replace
from functools import partial
from typing import Any, NamedTuple

import numpy as np
import pygame

from installation.visuals.apparition import apparition, rounding
from installation.visuals.base import (
    HOUR,
    Color,
    Frame,
    Pieces,
    Setup,
    at_once,
    scaled,
    smooth_noise,
)
from installation.visuals.glow import radial
from installation.visuals.mammoth import GHOSTS
from installation.visuals.mammoth_lift import Lift, draw_posed, front_mask
from installation.visuals.mammoth_pose import HEADROOM
from installation.visuals.mire import DRIPS, Ripples, sky_over
from installation.visuals.mire_wading import Wading
from installation.visuals.palette import light_at
from installation.visuals.palm import PALM, PALM_CROWN, PalmForm, crown_picture, palm, palm_form
from installation.visuals.pen import SUPERSAMPLE, render
from installation.visuals.shapes import SHAPES, UNIT, in_tar
from installation.visuals.sprites import Banded
from installation.visuals.sprites import visible as shown_part
from installation.visuals.tarpit import MIRROR_DIM, tint

MIRROR_SQUASH = 0.7
MIRROR_TINT: Color = tint(MIRROR_DIM)  # as the pool browns what it mirrors
GLOW_REACH = 0.9  # a backlight's radius, as a share of the figure's size
RING_CYCLE, RING_ON = 6.0, 2.0  # an American phone rings two seconds in every six
RING_GAIN = 0.8  # how much the light swells while it rings
MAX_SINK = 1.2  # sinking, it goes on until it has gone under (tilted, its top is this low)
SINK_STEPS = 200  # a sinking animal goes down in at most this many steps over her height:
# each step paints her and the tar round her again (at the dream's 2.2x, 5 rows a step)
SKY_STEP_HOURS = 1 / 6  # the sky's colour on the tar round a sinking animal: 10-minute steps
AHEAD_MARGIN = 1.0  # story seconds: the collar made ahead is the one just after the change
AHEAD_CHANGES = 4  # changes of the sky or depth looked through for one that changes the collar
GHOST_DRIPS = 0.3  # the tar runs up an apparition in low streaks (tall dark ones read as trees
# against her see-through flank)
SINK_TILT = 7.0  # degrees: a sinking animal goes down rear first, its head raised
SWAY_STEPS, SWAY_DEGREES = 9, 4.0  # a palm's crown is cached leaning this many ways, this far
DAY = 24 * HOUR


class Look(NamedTuple):
    """What decides a figure's pixels at a frame (see `Silhouette.look`)."""

    ringing: bool  # the phone's light swelling
    sink: int  # rows sunk below the feet line
    lean: int  # which way a palm's crown leans
    ripple: tuple[int, ...]  # the sizes of its rings on the tar (none: not in the tar)
    sky: Color | None  # the sky its tar glints with (None: not in the tar)
    pose: int = 0  # how high the mother strains, head and trunk lifted (see mammoth_lift)


class Silhouette:
    """One figure, drawn once per scene (supersampled), standing on its feet line."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the large drawing a band at a time, then glow and reflection."""
        self.params = params
        width, height = setup.size
        draw, (left, right, bottom, top) = SHAPES[params["shape"]]
        if params["ghost"]:  # tusks and all of the apparition's own colour
            draw = GHOSTS.get(params["shape"], draw)
        form = palm_form(setup.seed) if params["shape"] == "palm" else PALM  # its own shape
        if params["shape"] == "palm":
            draw = partial(palm, form=form)
        lifts = params["shape"] == "mammoth"  # she strains now and then, head up
        drawn = (left, right, bottom, top + (HEADROOM if lifts else 0.0))  # room to lift it
        px = params["scale"] * UNIT * height
        flip = params["flip"]
        origin_x = int((right if flip else -left) * px * SUPERSAMPLE) + 2
        self.image = yield from render(draw, drawn, px, flip, params["color"])
        self.crowns: list[pygame.Surface] = []
        self.seed = setup.seed
        if params["shape"] == "palm":
            yield from self._sway_crowns(form, params, px, setup.size)
        self.feet = (int(width * params["x"]) - origin_x // SUPERSAMPLE,
                     int(height * params["y"]) - int(drawn[3] * px))
        self.line = self.feet[1] + self.image.get_height()  # the tar's (or ground's) surface
        plain = self.image  # as drawn, before it is turned
        if params["sinking"]:  # she goes down rear first, fighting it: the tar closes over
            yield
            before = self.image.get_size()
            self.image = pygame.transform.rotate(self.image, SINK_TILT if flip else -SINK_TILT)
            after = self.image.get_size()  # turned about its middle, which stays put
            self.feet = (self.feet[0] + (before[0] - after[0]) // 2,
                         self.feet[1] + (before[1] - after[1]) // 2)
            yield
        self.span = (top - bottom) * px
        self.sink = int(params["sink"] * self.span)
        shape = self.image  # (an apparition's: the tar round her keeps her shape)
        self._rounding: np.ndarray | None = None
        self.image = yield from self._finished(self.image)
        self.lift = Lift() if lifts else None
        tilt = (SINK_TILT if flip else -SINK_TILT) if params["sinking"] else 0.0
        if self.lift is not None:
            yield from self.lift.pieces(draw, self.image, plain, drawn, px, flip,
                                        params["color"], tilt, self._finished)
        yield
        drips = GHOST_DRIPS if params["ghost"] else DRIPS
        kept = (yield from front_mask(drawn, px, flip, tilt)) if self.lift else None
        self.wading = (Wading(shape, self.span, setup.seed, self.image, drips, kept)
                       if in_tar(params) else None)
        self.ripples: Ripples | None = None  # mirrored, it lies on the tar's surface
        if self.wading is not None and params["reflect"] > 0:
            self.ripples = yield from self.wading.ripples(self._visible(self.sink))
        self.sky_top = sky_over(setup)
        self.scene_at = setup.scene.at
        self._ahead_of: tuple[Any, ...] | None = None  # the frame and look made ahead from
        self._coming: tuple[int, Color] | None = None  # the depth and sky to make ahead
        yield
        self.mirror = self._mirror(self.image) if params["reflect"] > 0 else None
        self.lift_mirrors = [self.mirror]  # her mirror as she strains, each pose
        if self.mirror is not None and self.lift is not None:
            for figure in self.lift.figures[1:]:
                yield
                self.lift_mirrors.append(self._mirror(figure))
        poses = len(self.lift.figures) if self.lift is not None else 1
        self.cut_figures = [Banded() for _ in range(poses)]  # each blitted where it shows
        self.cut_mirrors = [Banded() for _ in range(poses)]
        self._mirrored = (self.image, self.mirror)  # the last figure mirrored, and its mirror
        self._mirrored_ahead: tuple[pygame.Surface, pygame.Surface | None] | None = None
        self.glow = None
        if params["glow"] is not None:
            radius = int(max(self.image.get_size()) * GLOW_REACH)
            self.glow = radial(radius, params["glow"], 1.6)
            self.ringing = radial(radius, scaled(params["glow"], RING_GAIN), 1.6)
            centre = (self.feet[0] + self.image.get_width() // 2,
                      self.feet[1] + self.sink + int(self.image.get_height() * 0.3))
            self.glow_at = (centre[0] - radius, centre[1] - radius)
        self.reach = self._reach()

    def _reach(self) -> pygame.Rect:
        """Where `draw` can paint, at any depth and lean: its glow, the figure (sunk or not)
        and its reflection, a palm's crown, and in the tar its collar and rings."""
        x, y = self.feet
        least = int(self.params["sink"] * self.span) // self._step() * self._step()
        top = y + min(self.sink, least)  # as little sunk as it ever is
        areas = [pygame.Rect(x, top, self.image.get_width(), max(1, self.line - top))]
        if self.mirror is not None:
            areas.append(pygame.Rect((x, self.line), self.mirror.get_size()))
        if self.glow is not None:
            areas.append(pygame.Rect(self.glow_at, self.glow.get_size()))
        if self.crowns:
            areas.append(self.crown_area)
        if self.wading is not None:
            areas.append(self.wading.area(x, self.line))
        if self.ripples is not None:
            areas.append(self._ring_area())
        return areas[0].unionall(areas[1:])

    def _finished(self, image: pygame.Surface) -> Generator[None, None, pygame.Surface]:
        """The figure as drawn: an apparition's lit, glowing and a little see-through."""
        if not self.params["ghost"]:
            return image
        if self._rounding is None:  # her rest's, for all her poses
            self._rounding = yield from rounding(image, self.span)
        return (yield from apparition(image, self.params["ghost"], self.span,
                                      self.params["color"], self._rounding))

    def _mirror(self, figure: pygame.Surface) -> pygame.Surface:
        """Its reflection in still tar or a wet street: upside down, dim, squashed a little.
        Made of the whole figure; a sunk figure shows only the top of it (see `draw`)."""
        flipped = pygame.transform.flip(figure, False, True)
        flipped = pygame.transform.smoothscale(flipped, (flipped.get_width(), max(
            1, int(figure.get_height() * MIRROR_SQUASH))))
        _fade(flipped, self.params["reflect"] * 0.5, MIRROR_TINT)
        return flipped

    def _mirror_of(self, figure: pygame.Surface) -> pygame.Surface:
        """The reflection of the figure as it shows (kept for the last one asked)."""
        if self._mirrored[0] is not figure:
            ahead = self._mirrored_ahead
            self._mirrored = (ahead if ahead is not None and ahead[0] is figure
                              else (figure, self._mirror(figure)))
        mirror = self._mirrored[1]
        assert mirror is not None
        return mirror

    def sunk(self, frame: Frame) -> int:
        """Rows sunk below the feet line: `sink`, and `sinking` more each story hour since the
        scene began (story time, so the same moment always shows the same depth)."""
        share = min(MAX_SINK, self.params["sink"] + self.params["sinking"] * self._hours(frame))
        step = self._step()
        return int(share * self.span) // step * step

    def _hours(self, frame: Frame) -> float:
        """Story hours since the scene began."""
        return ((frame.story_time - self.scene_at) % DAY) / HOUR

    def _step(self) -> int:
        """Rows a sinking figure goes down at a time."""
        return max(1, round(self.span / SINK_STEPS))

    def _next_change(self, frame: Frame) -> float | None:
        """Story seconds until her collar next changes: she sinks a step, or the sky over the
        tar moves on (None: neither, in this scene)."""
        waits = []
        deeper = (self.sunk(frame) + self._step()) / self.span  # her share a step down
        if self.params["sinking"] and deeper <= MAX_SINK:
            hours = (deeper - self.params["sink"]) / self.params["sinking"] - self._hours(frame)
            waits.append(hours * HOUR)
        if self.sky_top is None:
            waits.append((SKY_STEP_HOURS - frame.hour % SKY_STEP_HOURS) * HOUR)
        return min(waits, default=None)

    def _make_ahead(self, frame: Frame, sink: int, sky: Color) -> None:
        """A piece a frame of the collar and coat her next depth or sky will need, then the
        reflection of the figure they leave showing, so that the frame she sinks a step on
        only draws them."""
        assert self.wading is not None
        now = (frame.story_time, frame.seconds)
        if self._ahead_of is not None and self._ahead_of[:2] == now:
            return  # a piece this frame already
        changed = self._ahead_of is None or self._ahead_of[2:] != (sink, sky)
        self._ahead_of = (*now, sink, sky)
        if changed:  # this frame paints her again: the next one starts the pieces
            self._coming = self._next_key(frame, (self._visible(sink), sky))
        elif self._coming is not None:
            coming = self.wading.made_figure(*self._coming)
            if coming is None:
                self.wading.ahead(*self._coming)
            elif self.mirror is not None and not self._mirror_kept(coming):
                self._mirrored_ahead = (coming, self._mirror(coming))  # a piece of its own

    def _mirror_kept(self, figure: pygame.Surface) -> bool:
        """Is this figure's reflection kept (the one shown, or the one made ahead)?"""
        ahead = self._mirrored_ahead
        return self._mirrored[0] is figure or (ahead is not None and ahead[0] is figure)

    def _next_key(self, frame: Frame, key: tuple[int, Color]) -> tuple[int, Color] | None:
        """The rows above the surface and the sky her collar will next have, if they change
        within AHEAD_CHANGES changes of the sky or her depth (a sky step may keep its colour)."""
        for _ in range(AHEAD_CHANGES):
            wait = self._next_change(frame)
            if wait is None:
                return None
            frame = replace(frame, story_time=frame.story_time + wait + AHEAD_MARGIN)
            sink = self.sunk(frame) if self.params["sinking"] else self.sink
            coming = (self._visible(sink), self.sky(frame))
            if coming[0] <= 0:  # gone under: no tar round her to make
                return None
            if coming != key:
                return coming
        return None

    def _visible(self, sink: int) -> int:
        """Rows of it above the surface when sunk `sink` rows."""
        return min(self.image.get_height(), self.line - self.feet[1] - sink)

    def _sway(self, seconds: float) -> int:
        """Which way the crown leans: a slow rocking in the wind with gusts on top."""
        wind = 0.7 * (2 * smooth_noise(self.seed, seconds * 0.2) - 1) + 0.3 * math.sin(
            seconds * 1.7 + self.crown_at[0])
        return min(SWAY_STEPS - 1, max(0, round((wind + 1) / 2 * (SWAY_STEPS - 1))))

    def look(self, frame: Frame) -> Look:
        """Still but for the ring (is the phone's light pulsing now?), the depth it has sunk
        to, the lean of a palm's crown and, in the tar, its rings and the sky's colour."""
        ring = self.params["ring"]
        ringing = bool(self.glow is not None and ring and frame.seconds < ring
                       and frame.seconds % RING_CYCLE < RING_ON)
        sink = self.sunk(frame) if self.params["sinking"] else self.sink
        sky = None
        if self.wading is not None:
            sky = self.sky(frame)
            self._make_ahead(frame, sink, sky)
        return Look(ringing, sink, self._sway(frame.seconds) if self.crowns else 0,
                    self.ripples.sizes(frame.seconds) if self.ripples is not None else (), sky,
                    self.lift.pose(frame.seconds) if self.lift is not None else 0)

    def sky(self, frame: Frame) -> Color:
        """The colour of the sky over the tar (the scene's own, or the hour's, taken every
        SKY_STEP_HOURS: her collar's glints need not follow each level the sky moves, and
        each change paints the tar round her again)."""
        if self.sky_top is not None:
            return self.sky_top
        return light_at(math.floor(frame.hour / SKY_STEP_HOURS) * SKY_STEP_HOURS).top

    def changed(self, old: tuple[Any, ...], new: tuple[Any, ...]) -> list[pygame.Rect]:
        was, now = Look(*old), Look(*new)
        areas = []
        if was.ringing != now.ringing and self.glow is not None:
            areas.append(pygame.Rect(self.glow_at, self.ringing.get_size()))
        if was.sink != now.sink:  # from the top of her, as the less sunk one stands, down
            mirror = self.mirror.get_height() if self.mirror is not None else 0
            top = self.feet[1] + min(was.sink, now.sink)
            areas.append(pygame.Rect(self.feet[0], top, self.image.get_width(),
                                     self.line - top + mirror))
        if self.wading is not None and (was.sink, was.sky) != (now.sink, now.sky):
            areas.append(self.wading.area(self.feet[0], self.line))  # the tar round her
        if self.ripples is not None and (was.ripple, was.sink) != (now.ripple, now.sink):
            areas.append(self._ring_area())
        if was.lean != now.lean:
            areas.append(self.crown_area)
        if was.pose != now.pose and self.lift is not None:
            areas += self._lift_areas({was.sink, now.sink})
        return areas

    def _lift_areas(self, sinks: set[int]) -> list[pygame.Rect]:
        """Where her straining can paint, sunk by any of `sinks`: her front, and its mirror."""
        assert self.lift is not None
        x, y = self.feet
        areas = [self.lift.front.move(x, y + sunk) for sunk in sinks]
        if self.mirror is not None:
            front = self._mirror_hole()
            areas += [front.move(x, self.line - self._mirror_skip(self._visible(sunk)))
                      for sunk in sinks]
        return areas

    def _mirror_hole(self) -> pygame.Rect:
        """Where her poses' mirrors differ, in her mirror."""
        assert self.lift is not None and self.mirror is not None
        return self.lift.mirror_front(self.image.get_height(), self.mirror.get_height())

    def _mirror_skip(self, visible: int) -> int:
        """The rows at the top of its mirror not shown, `visible` rows of it above the tar."""
        return int((self.image.get_height() - visible) * MIRROR_SQUASH)

    def _ring_area(self) -> pygame.Rect:
        """Where its rings on the tar can reach, at any depth."""
        assert self.ripples is not None
        return self.ripples.area(self.feet[0], self.line)

    def warm(self, frame: Frame) -> Pieces:
        """Ahead of `frame`: the collar and coat where it meets the tar a piece at a time (its
        first draw would make them all at once), then the reflection of the figure they
        leave showing."""
        look = self.look(frame)
        visible = self._visible(look.sink)
        if self.wading is None or look.sky is None or visible <= 0:
            return
        while True:
            begun = self.wading.pieces_made
            self.wading.ahead(visible, look.sky)
            if self.wading.pieces_made == begun:  # made (or already shown)
                break
            yield
        self.wading.prepare(visible, look.sky)
        if self.mirror is not None:
            yield
            self._mirror_of(self.wading.figure)

    def _sway_crowns(self, form: PalmForm, params: Mapping[str, Any], px: float,
                     size: tuple[int, int]) -> Pieces:
        """The palm's crown drawn once, then turned to each of its SWAY_STEPS leans (each
        cut to the part that shows), with where each goes and the area they cover."""
        width, height = size
        flip = params["flip"]
        crown = yield from crown_picture(form, px, flip, params["color"])
        cx = (-PALM_CROWN[0] if flip else PALM_CROWN[0]) * px
        self.crown_at = (int(width * params["x"] + cx),
                         int(height * params["y"] - PALM_CROWN[1] * px))
        self.crown_corners: list[tuple[int, int]] = []  # where each leaning crown goes
        for step in range(SWAY_STEPS):
            angle = SWAY_DEGREES * (2 * step / (SWAY_STEPS - 1) - 1)
            turned = pygame.transform.rotozoom(crown, angle, 1.0)
            part, (dx, dy) = shown_part(turned)  # its clear margin blits nothing
            corner = turned.get_rect(center=self.crown_at).topleft
            self.crowns.append(part)
            self.crown_corners.append((corner[0] + dx, corner[1] + dy))
            yield
        self.crown_area = pygame.Rect(self.crown_corners[0], self.crowns[0].get_size(
            )).unionall([pygame.Rect(at, c.get_size())
                         for at, c in zip(self.crown_corners, self.crowns, strict=True)])

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """The figure as it shows at this frame (nothing, where the surface's clip is clear of
        all it can paint: a still picture painted again elsewhere, a band of sky)."""
        if not surface.get_clip().colliderect(self.reach):
            return
        x, y = self.feet
        ringing, sink, lean, _ripple, sky, pose = self.look(frame)
        visible = self._visible(sink)
        if self.glow is not None:
            surface.blit(self.glow, self.glow_at, special_flags=pygame.BLEND_RGB_ADD)
            if ringing:
                surface.blit(self.ringing, self.glow_at, special_flags=pygame.BLEND_RGB_ADD)
        if visible > 0:
            figure = self.image
            if self.wading is not None and sky is not None:
                self.wading.prepare(visible, sky)
                figure = self.wading.figure  # what of her has gone under cleared
            hole = self.lift.front if pose and self.lift is not None else None
            if self.mirror is not None:
                mirror = self._mirror_of(figure)
                skip = self._mirror_skip(visible)
                shown = pygame.Rect(0, skip, mirror.get_width(), mirror.get_height() - skip)
                draw_posed(surface, self.cut_mirrors, (mirror, self.lift_mirrors[pose]), pose,
                           (x, self.line - skip), shown, self._mirror_hole() if hole else None,
                           mirror is self.mirror)
            if self.ripples is not None:
                self.ripples.draw(surface, x, self.line, frame.seconds)  # under her
            posed = self.lift.figures[pose] if self.lift is not None else figure
            draw_posed(surface, self.cut_figures, (figure, posed), pose, (x, y + sink),
                       pygame.Rect(0, 0, figure.get_width(), visible), hole,
                       figure is self.image)
            if self.crowns:
                surface.blit(self.crowns[lean], self.crown_corners[lean])
            if self.wading is not None:  # where it goes into the tar, the tar heaps round it
                self.wading.draw(surface, x, self.line, hole)


def _fade(image: pygame.Surface, share: float, tint: Color = (255, 255, 255)) -> None:
    """Make a figure's pixels see-through: `share` of their alpha left (and their colour
    multiplied by `tint`, 255 for all of it)."""
    image.fill((*tint, round(255 * share)), special_flags=pygame.BLEND_RGBA_MULT)
