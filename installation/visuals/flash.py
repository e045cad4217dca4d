"""The flash: burnt-in negative silhouettes, a bloom from the horizon, white, a slow fade."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    at_once,
    clamp01,
    lerp,
    mix,
    s_curve,
)
from installation.visuals.burnt_in import Strips, burnt_in
from installation.visuals.flash_behind import behind, in_front
from installation.visuals.flash_ghost import after_images
from installation.visuals.flash_light import BLEACH, Light, streak, swelling
from installation.visuals.glow import RADIAL_DETAIL, radial
from installation.visuals.palette import WHITE
from installation.visuals.sky_gradient import gradient
from installation.visuals.veil import veil

HOLD_SECONDS = 0.4  # pure white before anything shows through
AFTERGLOW = (255, 214, 170)  # the white warms as it fades
DECAY = 4.0  # e-foldings over the flash's length
NEGATIVE_SECONDS = 0.1  # the first frames: the city burnt in as a negative, white on black
BLOOM_SECONDS = 0.55  # then the light swells from a point on the horizon until all is white
BLOOM_STEPS = 9  # the swelling light, drawn ahead in this many sizes
BLOOM_RADII = (0.015, 0.3)  # its white core's radius, first and last, of the diagonal
BLOOM_GROWTH = 1.1  # it swells slowly, then fast (a power of the time)
LIFT = (0.08, 1.7)  # the whole picture bleaches towards the light: this much at once, then as
# this power of the time, to white
BEFORE_SKY = ((3, 4, 12), (12, 16, 34))  # the last dark before dawn, cold: top, horizon
GHOST_STEPS = 8  # the after-image (see flash_ghost), drawn ahead at this many strengths
GHOST = 0.7  # ... the strongest as opaque as this where it burnt in white (whole, it stood over
# the white as a hard white cut-out)
GHOST_FULL = 0.9  # real seconds after the white it stands at its strongest (showing as the
# white dims), then ...
GHOST_SECONDS = 2.5  # ... it fades out over this long, once and steadily. It hides what is
# under it as much as it shows (laid over the picture as a burn in the eye, not added to it:
# added, the whole city stood white over the burning ruins, fires and smoke through its towers)
REVEAL = (2.3, 2.0)  # the ruins come up under the white from this many real seconds after the
# white, over this long (as an S), as the after-image's last goes: at its strongest only the
# white is under it, one even field (the two at once, the diner stood whole over the burning
# city, their towers in its glass: a double exposure; tied to its going, they came up in half
# a second)
REVEAL_DIP = 0.25  # ... the white falling by this much more as they come (the picture never
# brightens as they do)
AFTER_DIP = 0.2  # the white falls by this much more as the after-image shows (on pure white it
# would not show): a part of the white's one fall, which never comes back (coming back once the
# after-image had gone, the white read as a second flash, the ruins landing under it)
AFTER_DIM = 0.3  # real seconds the white takes to fall so after the hold
BEFORE_GROUND = (12, 11, 16)  # the ground under the bloom, in the last dark before dawn
GLARE = 0.12  # the glare along the horizon, as high as this much of its width (flattened)
GLARE_WIDE = (3.0, 0.14, 0.5)  # its width: of the white core's, and at least and at most of
# the picture's (wider, it would light the street in front and grey the shadows burnt on it)
GLARE_FALLOFF = 1.4
FLARE = (0.0025, 0.006)  # the flare along the horizon: its height at first and last, of the
FLARE_LONG = (0.12, 0.6)  # picture's; and how far along it it fades by e, of the width
HAZE = 0.06  # the city's feet fade into the lit ground over this much of the picture's height
NEAR = 0.4  # the ground at the picture's foot, lit this much of how it is lit at the horizon
# (and burnt in as much less: the dark lot in front of the diner, white through, was a slab;
# its after-image blotted the white like fog)
HAZE_BELOW = 0.025  # ... and the light along the horizon reaches this far below it (the ground
# burnt in is black against the light: the haze stopping at the horizon ruled a line there)
BURN_FADE = 0.07  # in the negative the ground glows white at the horizon, fading out over this
# much of the picture's height below it


def glare(radius: int, color: Color) -> pygame.Surface:
    """A round glow `radius` wide flattened to GLARE of its height, for BLEND_RGB_ADD."""
    return pygame.transform.smoothscale(radial(RADIAL_DETAIL, color, GLARE_FALLOFF),
                                        (2 * radius, max(2, round(2 * radius * GLARE))))


def fading(width: int, rows: int, fade: int, power: float, last: float = 0.0) -> pygame.Surface:
    """`rows` of white at the top fading down (as a `power` curve) to `last` of white over
    `fade` rows: the negative's burning ground, the lit ground's darkening towards us, the
    haze over the horizon (turned over)."""
    share = np.clip(1.0 - np.arange(max(1, rows)) / max(1, fade), 0.0, 1.0) ** power
    column = last + (1.0 - last) * share
    rgb = np.repeat((column * 255).astype(np.uint8)[None, :, None], 3, axis=2)
    return pygame.transform.scale(pygame.surfarray.make_surface(rgb), (width, max(1, rows)))


def horizon_haze(width: int, above: int, below: int) -> pygame.Surface:
    """The light along the horizon: white on its row, fading up over `above` rows and down
    over `below` (for BLEND_RGB_ADD, its horizon row at `above`)."""
    haze = pygame.Surface((width, above + below))
    haze.blit(pygame.transform.flip(fading(width, above, above, 1.5), False, True), (0, 0))
    haze.blit(fading(width, below, below, 1.5), (0, above))
    return haze


def nearer(mask: Strips, near: pygame.Surface, horizon: int) -> None:
    """The ground burnt in `mask` darker towards us as `near` has it (laid from the row
    `horizon` down), in place."""
    for part, picture in zip(mask.parts, mask.pictures, strict=True):
        picture.blit(near, (-part.x, horizon - part.y), special_flags=pygame.BLEND_RGB_MULT)


def flash_level(since: float, seconds: float) -> float:
    """How white the picture is `since` real seconds after a flash of length `seconds`."""
    if since < 0:
        return 0.0
    if since <= HOLD_SECONDS:
        return 1.0
    t = (since - HOLD_SECONDS) / max(1e-6, seconds)
    return 0.0 if t >= 1.0 else math.exp(-DECAY * t) * (1.0 - t)


def white_out(surface: pygame.Surface, level: float, color: Color, under: float = 1.0) -> None:
    """Mix the whole picture towards `color` by `level` (0..1), the picture under the light
    showing only `under` (0..1) of itself (0: the light over black)."""
    if level <= 0.002 and under >= 1.0:
        return
    if level >= 0.998:
        surface.fill(color)
        return
    keep, light = mix_terms(level, color)
    keep = round(keep * under) if under < 1.0 else keep
    if keep == 0:  # (nothing of the picture shows: a fill, a fifth of the veil's work)
        surface.fill(light)
        return
    veil(surface, keep, light)


def mix_terms(level: float, color: Color) -> tuple[int, Color]:
    """A mix towards `color` by `level` as a veil's keep and light (see veil.veil)."""
    return (round(255 * (1.0 - level)),
            (round(color[0] * level), round(color[1] * level), round(color[2] * level)))


def flash_color(color: Color, level: float) -> Color:
    """The light warms from `color` towards amber as it fades."""
    return mix(AFTERGLOW, color, level ** 0.5) if color == WHITE else color


class Flash:
    """The moment of the flash, then a white-out that decays over `seconds`.

    With `burns = "before"` the picture the visitor was watching burns in (the scene before,
    as it stood: see burnt_in): what stood dark in it white on black, then black against the
    bloom (its lit glass and windows let the light through), then a fading after-image.
    """

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the blooms, the city's masks, then the dim copies a few at a time."""
        width, height = setup.size
        self.seconds = params["seconds"]
        self.color: Color = params["color"]
        # A white flash swells cold blue-white; a coloured one in its own colour.
        self.bleach = BLEACH if self.color == WHITE else self.color
        self.point = (int(width * params["x"]), int(height * params["y"]))
        self.reach = int((width ** 2 + height ** 2) ** 0.5)
        self.top = 0
        # The light swells over the cold dark of the last moment before dawn: never the
        # scene's own sky (the burning city below is only revealed as the white fades) nor a
        # warm dawn (an orange sky over a dark street reads as dusk).
        self.before = gradient(setup.size, *BEFORE_SKY, params["y"])
        self.before.fill(BEFORE_GROUND, (0, self.point[1], width, height - self.point[1]))
        self.mask: Strips | None = None
        self.silhouette: Strips | None = None
        self.ghosts: list[Strips] = []  # the after-image, soft, at each strength (see
        self.ghost_top = 0  # flash_ghost), laid from this row
        self.lights: list[Light] = []
        self.glares: list[pygame.Surface] = []
        self.flares: list[pygame.Surface] = []
        for n in range(BLOOM_STEPS):
            yield
            share = (n / (BLOOM_STEPS - 1)) ** BLOOM_GROWTH
            radius = self.reach * (BLOOM_RADII[0] + (BLOOM_RADII[1] - BLOOM_RADII[0]) * share)
            self.lights.append((yield from swelling(self.point, radius, width, self.color,
                                                    self.bleach, setup.timeline.seed)))
            yield
            wide = min(GLARE_WIDE[2] * width, max(GLARE_WIDE[1] * width, GLARE_WIDE[0] * radius))
            self.glares.append(glare(round(wide / 2), self.bleach))
            self.flares.append(streak(width, self.point[0], height * lerp(*FLARE, share),
                                      width * lerp(*FLARE_LONG, share), self.color))
        yield
        ground = height - self.point[1]
        self.burning = fading(width, ground, round(BURN_FADE * height), 2.0)
        yield
        self.near = fading(width, ground, ground, 1.0, NEAR)
        yield
        self.haze = horizon_haze(width, round(HAZE * height), round(HAZE_BELOW * height))
        if params["burns"] == "before":
            burnt = yield from burnt_in(setup, self.point[1])
            yield  # (its last piece finds its strips: what is done with them, pieces apart)
            if burnt is not None:
                nearer(burnt.negative, self.near, self.point[1])
                self.mask = self.silhouette = burnt.negative  # (black against the light where
                # it burnt in white, the diner's lit glass letting it through)
                if burnt.near is not None:
                    yield from self._behind(burnt.near, setup.size)
                self.ghost_top, self.ghosts = yield from after_images(
                    burnt.negative, 0, setup.size, (self.color, GHOST), GHOST_STEPS,
                    setup.timeline.seed)

    def _behind(self, near: Strips, size: tuple[int, int]) -> Pieces:
        """The glare, flare and haze along the horizon kept behind what stands near (see
        flash_behind), a step a piece."""
        reach = max(self.glares[-1].get_height(), self.flares[-1].get_height()) // 2 + 1
        rows = (min(self._haze_top(size[1]), self.point[1] - reach),
                max(self._haze_top(size[1]) + self.haze.get_height(), self.point[1] + reach))
        front = yield from in_front(near, size, rows)
        for n, (glow, flare) in enumerate(zip(self.glares, self.flares, strict=True)):
            yield
            share = n / max(1, len(self.glares) - 1)
            self.glares[n] = behind(glow, front, self._glare_at(glow), share)
            self.flares[n] = behind(flare, front, self._flare_at(flare), share)
        yield
        self.haze = behind(self.haze, front, (0, self._haze_top(size[1])))

    def _glare_at(self, glow: pygame.Surface) -> tuple[int, int]:
        """Where the glare `glow` is laid: about the light's point."""
        return self.point[0] - glow.get_width() // 2, self.point[1] - glow.get_height() // 2

    def _flare_at(self, flare: pygame.Surface) -> tuple[int, int]:
        """Where the flare is laid: along the horizon."""
        return 0, self.point[1] - flare.get_height() // 2

    def _haze_top(self, height: int) -> int:
        """The haze's top row (its horizon row HAZE of the picture's height below it)."""
        return self.point[1] - round(HAZE * height)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        since = frame.seconds
        if since < NEGATIVE_SECONDS:
            self._negative(surface)
        elif since < BLOOM_SECONDS:
            self._bloom(surface, (since - NEGATIVE_SECONDS) / (BLOOM_SECONDS - NEGATIVE_SECONDS))
        else:
            since -= BLOOM_SECONDS
            ghost = self._after(since)
            under = self._under(since)
            white = self._white(since, under)
            white_out(surface, white, flash_color(self.color, white), under)
            self._ghost(surface, ghost)

    def _white(self, since: float, under: float) -> float:
        """How white the picture is `since` real seconds after the bloom, `under` (0..1) of
        what is under it come up: one fall from the hold, quicker when there is an
        after-image to show and as what is under it comes up (never brighter)."""
        if not self.ghosts:
            return flash_level(since, self.seconds)
        dip = AFTER_DIP * clamp01((since - HOLD_SECONDS) / AFTER_DIM)
        return (1.0 - dip) * (1.0 - REVEAL_DIP * under) * flash_level(since, self.seconds)

    def _under(self, since: float) -> float:
        """How far what is under the white has come up `since` real seconds after the bloom
        (0..1): at once with no after-image, else as it goes."""
        if not self.ghosts:
            return 1.0
        return s_curve(clamp01((since - REVEAL[0]) / REVEAL[1]))

    def _after(self, since: float) -> float:
        """How strong the after-image is `since` real seconds after the bloom (0..1): whole,
        then fading out once (what is under the white comes up as it goes)."""
        if not self.ghosts:
            return 0.0
        return 1.0 - s_curve(clamp01((since - GHOST_FULL) / GHOST_SECONDS))

    def _negative(self, surface: pygame.Surface) -> None:
        surface.fill((0, 0, 0))
        if self.mask is not None:
            self._lay(surface, self.mask, 0)
            surface.blit(self.burning, (0, self.point[1]),  # its feet glow into the ground
                         special_flags=pygame.BLEND_RGB_MAX)
        self._light(surface, 0)

    def _bloom(self, surface: pygame.Surface, t: float) -> None:
        """The light `t` (0..1) of the way from a blinding point on the horizon to all white:
        its white core swells in a cold halo, everything else bleaching towards it, the city
        black against it."""
        surface.blit(self.before, (0, 0))
        lift = LIFT[0] + (1 - LIFT[0]) * t ** LIFT[1]
        white_out(surface, lift, self.bleach)  # the light reaches everything, not only its core
        step = min(len(self.lights) - 1, int(t * len(self.lights)))
        self._light(surface, step)
        if self.silhouette is not None:  # the city stands black against the light, which
            # shows through its windows
            self._lay(surface, self.silhouette, pygame.BLEND_RGB_SUB)
        self._horizon(surface, mix(BEFORE_GROUND, self.bleach, lift))
        glow = self.glares[step]  # the glare over the horizon eats the far city's feet and
        surface.blit(glow, self._glare_at(glow),  # edges; what stands near stands dark in it
                     special_flags=pygame.BLEND_RGB_ADD)
        flare = self.flares[step]
        surface.blit(flare, self._flare_at(flare), special_flags=pygame.BLEND_RGB_ADD)

    def _horizon(self, surface: pygame.Surface, ground: Color) -> None:
        """The ground lit by the glare (`ground` at the horizon), darker towards us, and the
        city's black feet fading into that light: no ruled line where they meet."""
        surface.blit(self.near, (0, self.point[1]), special_flags=pygame.BLEND_RGB_MULT)
        haze = self.haze.copy()
        haze.fill(ground, special_flags=pygame.BLEND_RGB_MULT)
        surface.blit(haze, (0, self._haze_top(surface.get_height())),
                     special_flags=pygame.BLEND_RGB_ADD)

    def _light(self, surface: pygame.Surface, n: int) -> None:
        """The swelling light's `n`th step: it rises behind the horizon, the ground hides the
        rest (a glow on the street in front would read as a headlight)."""
        light = self.lights[n]
        surface.blit(light.picture, light.at, special_flags=pygame.BLEND_RGB_ADD)

    def _ghost(self, surface: pygame.Surface, level: float) -> None:
        """The city's negative, burnt into the eye, at `level` (0..1) of its strength: over
        the picture, hiding what is under it as much as it shows."""
        step = round(level * GHOST_STEPS)
        if self.ghosts and step > 0:
            self.ghosts[step - 1].lay(surface, self.ghost_top, 0)

    def _lay(self, surface: pygame.Surface, mask: Strips, flags: int) -> None:
        """A mask of the city (or a dim copy) over the picture: only its strips that show
        anything (the rest is black: it would add or take away nothing, or lay black on the
        black it is laid on)."""
        mask.lay(surface, self.top, flags)
