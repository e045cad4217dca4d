"""A bronze sun breaking through the ash haze as the morning goes on: its disc, its glow in the
sky and its light along the ground towards it, stronger in steps (or one part of it: the sky's,
kept in the background under the ruins, or the ground's, over the street)."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any

import numpy as np
import pygame

from installation.core.timeutil import forward
from installation.visuals.ash_sun_ground import SunGround, sun_ground
from installation.visuals.ash_sun_steps import STEPS as STEPS
from installation.visuals.ash_sun_steps import BandSteps, wipe_of
from installation.visuals.base import Color, Frame, Pieces, Setup, at_once, s_curve, scaled
from installation.visuals.figure_sun import scene_span
from installation.visuals.glow import dimmed
from installation.visuals.smoothed import laid, smoothscaled, soft_glow

DISC_EDGE = 0.2  # the disc's soft rim, of its radius (seen through the haze, not cut sharp)
DISC_OPACITY = 0.92  # the disc at full, over the haze
HALO = (3.5, 0.55)  # the glow round the disc: its radius, in disc radii, and brightness
SKY = (0.55, 0.3)  # the ash-lit sky round it: its radius, of the picture's height, brightness
GROUND_WIDTH = (0.1, 0.6)  # its light on the ground: half-width at the horizon and nearest us,
# of the picture's width (it spreads as it comes towards us)
GROUND_FALL = 1.6  # ... and how fast it fades towards us (a power of the nearness)
GROUND_EVEN = 0.15  # ... and the share of it lying evenly over all the ground
GROUND_IN = 0.08  # ... fading in below the horizon over this share of the ground (no edge
# drawn along the horizon across the street's fronts)
GROUND_COARSE = 8  # the light on the ground is worked out at this fraction of the size
AHEAD_ROWS = 90  # the next step's lights are made ahead this many rows a frame (made on the
# step's frame, the sky's glow took ~4 ms of it at 1080)
WIDEST = 1 << 15  # (a band of rows: every column)

Blit = tuple[pygame.Surface, tuple[int, int]]


def disc(radius: int, color: Color) -> pygame.Surface:
    """A round disc of `color` with a soft rim, for an alpha blit."""
    size = 2 * radius + 2
    axis = (np.arange(size) - size / 2 + 0.5) / max(1, radius)
    distance = np.sqrt(axis[:, None] ** 2 + axis[None, :] ** 2)
    opacity = np.clip((1 - distance) / DISC_EDGE, 0, 1)
    out = pygame.Surface((size, size), pygame.SRCALPHA)
    out.fill((*color, 0))
    alpha = pygame.surfarray.pixels_alpha(out)
    alpha[...] = (255 * DISC_OPACITY * opacity).astype(np.uint8)
    del alpha
    return out


def glow_pieces(radius: int, color: Color, power: float) -> Generator[None, None, pygame.Surface]:
    """glow.radial(radius, color, power), enlarged a band a piece (the same bytes)."""
    out = pygame.Surface((max(2, 2 * radius),) * 2)
    yield from soft_glow(radius, color, power, laid(out, (0, 0)))
    return out


def ground_light(size: tuple[int, int], x: int,
                 color: Color) -> Generator[None, None, pygame.Surface]:
    """The sun's light on the ground below the horizon (a picture of `size`), brightest on
    the horizon under the sun at `x`, spreading and fading towards us, for an additive blit;
    worked out small, then enlarged a band a piece."""
    width, height = size
    small = (max(2, width // GROUND_COARSE), max(2, height // GROUND_COARSE))
    near = np.linspace(0, 1, small[1])[None, :]
    across = np.linspace(0, width, small[0])[:, None] - x
    half = width * (GROUND_WIDTH[0] + (GROUND_WIDTH[1] - GROUND_WIDTH[0]) * near)
    light = np.exp(-((across / half) ** 2)) * (1 - GROUND_EVEN) + GROUND_EVEN
    light = light * (1 - near) ** GROUND_FALL * s_curve(np.minimum(1, near / GROUND_IN))
    rgb = (light[..., None] * np.array(color, np.float64)[None, None, :]).astype(np.uint8)
    small_light = pygame.surfarray.make_surface(rgb)
    out = pygame.Surface(size, 0, small_light)
    yield
    yield from smoothscaled(small_light, size, laid(out, (0, 0)))
    return out


class Sunbreak:
    """The sun coming through the ash: nothing until `from`, then stronger step by step until
    `until` (the scene's end); or a light that `goes`, the other way round. Each step goes
    down the picture a band of rows a frame (see ash_sun_steps)."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: its glows and its light on the ground enlarged a band a piece (the
        sky's glow made whole was ~6 ms of a frame building the Ash ahead, the ground's ~10)."""
        width, height = setup.size
        color: Color = params["color"]
        self.center = (round(width * params["x"]), round(height * params["y"]))
        radius = max(2, round(height * params["size"]))
        part: str = params["part"]
        seen = params["size"] > 0  # 0: the sun out of the picture, only its glow in it
        self.disc = disc(radius, color) if part != "ground" and seen else None
        light: float = params["light"]
        self.lights: list[Blit] = []
        if part != "ground":
            glows = [(round(height * SKY[0]), scaled(color, SKY[1] * light), 1.6)]
            if seen:  # the glow round its disc
                glows.insert(0, (round(radius * HALO[0]), scaled(color, HALO[1]), 2.0))
            for glow_of in glows:
                glow = yield from glow_pieces(*glow_of)
                self.lights.append((glow, glow.get_rect(center=self.center).topleft))
        self.sun: SunGround | None = None  # the relief of a street under it, if any
        if part != "sky":
            ground = round(height * params["ground"])
            lit = yield from ground_light((width, height - ground), self.center[0],
                                          scaled(color, light))
            self.lights.append((lit, (0, ground)))
            if params["y"] <= 0:  # (a sun behind us: a sun ahead throws its shadows to us)
                self.sun = yield from sun_ground(setup)
        self._raked = False  # are the lights made laid on the street's relief
        self.begins, length = scene_span(setup)
        start, until = params["from"], params["until"]
        end = length if until is None else forward(self.begins, until)
        begin = 0.0 if start is None else min(forward(self.begins, start), end)
        self.goes: bool = params["goes"]
        lefts = [max(0, place[0]) for _, place in self.lights]
        rights = [min(width, place[0] + picture.get_width()) for picture, place in self.lights]
        self.across = pygame.Rect(min(lefts), 0, max(rights) - min(lefts), height)
        self.wipe = wipe_of(setup, (begin, end), self.goes, self._rows(height))
        self._made: dict[int, list[Blit]] = {}  # the lights at each step shown
        self._coming: tuple[int, list[Blit], int] = (-1, [], 0)  # a step's, rows made
        self._spare: list[Blit] = []  # the pictures of a step no longer shown

    def _rows(self, height: int) -> tuple[int, int]:
        """The rows of the picture its lights cover."""
        tops = [place[1] for _, place in self.lights]
        bottoms = [place[1] + picture.get_height() for picture, place in self.lights]
        return max(0, min(tops, default=0)), min(height, max(bottoms, default=0))

    def look(self, frame: Frame) -> BandSteps:
        """How far it has broken through, in each band of rows: a step from 0 (not yet) to
        STEPS (in full); or, if it `goes`, how much of it is left."""
        steps = self.wipe.steps(forward(self.begins, frame.story_time))
        self._keep(steps)
        if self._relief() is not None and not self._raked:  # (the street's made meanwhile)
            self._made, self._coming, self._raked = {}, (-1, [], 0), True
        ready = self.sun is None or self.sun.ready()
        if ready and min(steps) == max(steps):  # (a step's wipe over: its old lights spare)
            self._make_ahead(steps[0])
        return steps

    def _make_ahead(self, step: int) -> None:
        """A band of AHEAD_ROWS rows of the lights' pictures at the step after `step` (the
        newest), made ahead: a band a frame (the same bytes)."""
        if self._coming[0] == step:  # (made ahead for this step: taken first)
            self._lights(step)
        coming = step - 1 if self.goes else step + 1
        if not 0 < coming <= STEPS or coming in self._made:
            return
        if self._coming[0] != coming:  # (on the pictures of a step gone: a new picture's
            # pages first touched cost ~2 ms in the frame it is made)
            spare = self._spare or [(pygame.Surface(picture.get_size(), 0, picture), place)
                                    for picture, place in self.lights]
            self._coming, self._spare = (coming, spare, 0), []
        _, made, done = self._coming
        if done >= self._tallest():
            return
        rows = pygame.Rect(0, done, WIDEST, AHEAD_ROWS)
        for n, (out, _) in enumerate(made):
            part = rows.clip(out.get_rect())
            if part.height:
                out.blit(self._dimmed(n, part, level(coming)), part)
        self._coming = (coming, made, done + AHEAD_ROWS)

    def _tallest(self) -> int:
        return max((picture.get_height() for picture, _ in self.lights), default=0)

    def changed(self, old: BandSteps, new: BandSteps) -> list[pygame.Rect]:
        """The bands of rows whose step changed, as wide as its lights."""
        return [area.clip(self.across) for area in self.wipe.changed(old, new, WIDEST)]

    def _lights(self, step: int) -> list[Blit]:
        """The glows and the ground's light at `step` (made once a step: ahead, see
        `_make_ahead`, or now)."""
        if step not in self._made:
            coming, made, done = self._coming
            self._made[step] = made if coming == step and done >= self._tallest() else [
                (self._dimmed(n, picture.get_rect(), level(step)), place)
                for n, (picture, place) in enumerate(self.lights)]
        return self._made[step]

    def _relief(self) -> pygame.Surface | None:
        """The street's relief its light on the ground is laid on (None: none, or its rows
        do not reach up to the light's)."""
        if self.sun is None or self.sun.relief is None:
            return None
        return self.sun.relief if self.lights[-1][1][1] >= self.sun.top else None

    def _dimmed(self, n: int, rows: pygame.Rect, share: float) -> pygame.Surface:
        """Rows of light n at `share` of its strength: on the ground, laid on the street's
        relief (twice as strong, then multiplied by it: its UNIT is half)."""
        picture, (_, top) = self.lights[n]
        out = dimmed(picture.subsurface(rows), share)
        relief = self._relief()
        if relief is None or n != len(self.lights) - 1 or self.sun is None:
            return out
        out.blit(out.copy(), (0, 0), None, pygame.BLEND_RGB_ADD)
        under = rows.move(0, top - self.sun.top)
        out.blit(relief, (0, 0), under, pygame.BLEND_RGB_MULT)
        return out

    def _keep(self, steps: BandSteps) -> None:
        """Let go of the lights at steps no band shows."""
        for step in [step for step in self._made if step not in steps]:
            self._spare = self._made.pop(step)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """The sun's light added over the picture, each band at its step, then its disc laid
        over the haze (at the newest step)."""
        steps = self.look(frame)
        for step, top, bottom in self._runs(steps):
            for picture, (x, y) in self._lights(step) if step else []:
                first, last = max(top, y), min(bottom, y + picture.get_height())
                if last > first:
                    rows = pygame.Rect(0, first - y, picture.get_width(), last - first)
                    surface.blit(picture, (x, first), rows, pygame.BLEND_RGB_ADD)
        if self.disc is not None and steps[0]:
            self.disc.set_alpha(round(255 * level(steps[0])))
            surface.blit(self.disc, self.disc.get_rect(center=self.center))

    def _runs(self, steps: BandSteps) -> list[tuple[int, int, int]]:
        """The bands in runs of one step: (step, top row, bottom row); the first run from the
        top of the lights, the last to their bottom."""
        runs: list[tuple[int, int, int]] = []
        for band, step in enumerate(steps):
            top, bottom = self.wipe.rows(band)
            if runs and runs[-1][0] == step:
                runs[-1] = (step, runs[-1][1], bottom)
            else:
                runs.append((step, top, bottom))
        if runs:
            runs[0] = (runs[0][0], -WIDEST, runs[0][2])
            runs[-1] = (runs[-1][0], runs[-1][1], WIDEST)
        return runs


def level(step: int) -> float:
    """How strong its light is at `step`, of its full strength."""
    return float(s_curve(step / STEPS))
