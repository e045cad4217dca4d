"""Under the tar: bones of forty thousand years in layers, fainter the deeper they lie, and
the city's things half sunk in its surface, the tar heaped round them and clinging to them."""

from __future__ import annotations

import math
import random
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import Any

import pygame

from installation.visuals.base import (
    HOUR,
    Color,
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    mix,
    stable_seed,
)
from installation.visuals.fossils import BONE_TILT, SHAPES, dulled, lay, skull
from installation.visuals.mire import sky_over
from installation.visuals.palette import light_at
from installation.visuals.shapes import across, in_tar
from installation.visuals.silhouette_sink import DAY
from installation.visuals.tar_remains import REMAINS, Sunk, lay_thing, remains_spans
from installation.visuals.tar_strata import (
    SEAM_ALPHA,
    SEAM_ROWS,
    SEAM_TONE,
    STRATA,
    STRATUM_BAND,
    seam,
    sheen_band,
    soften,
    strata,
    surface_fade,
)

NEAREST = 1.0  # the bones nearest the surface: this much of the bone colour, the rest tar
DEEPEST = 0.7  # how much of that the lowest layer keeps (legible still, on a gallery screen)
BONE_ALPHA = 235  # how much of a bone shows over the tar round it
BONES = 14  # bones in all the strata at amount 1: fewer, larger, each one legible
BONE_SIZE = (0.04, 0.07)  # a bone's half length, in the picture's heights
HEAP, HEAPED = 0.07, 2  # bones lie in heaps this much of the width either side of their
# middle, one heap to this many strata (spread evenly across, they read as clip-art)
BONE_REACH = 1.8  # how far a bone (a ribcage's ribs, lying back) reaches from its middle, in
# its sizes
SKULL_SIZE = 1.3  # a skull is laid this much larger than a bone of its size (a massive head)
SKULL_TILT = (-15.0, 15.0)  # and a skull: near level, its tusk out in front (turned back, it
# curled over the skull, a "6")
SHEEN_SECONDS = 24.0  # a slow glint of light moving through the tar over the bones
REMAINS_GREY, REMAINS_TINT = (100, 94, 88), 0.5  # steel and plastic: greyer than bone
REMAINS_DULL = 0.5  # and dulled this much towards the tar (it has been through fire and tar)
CLEAR_BANDS = 3  # the bands the city's things go down into, and one more: no bone by one
FADE_SHARE = 0.35  # with `gone`, the bones fade into the deep over this last share of the time
# the city's things take to go under ...
FADE_STEPS = 24  # ... in this many steps (each paints the cut again)


@dataclass(frozen=True)
class Going:
    """How the city's things go under and the bones fade into the deep: evenly from the
    scene's start (`start`, story seconds) until `gone` (None: they stay)."""

    start: float
    gone: float | None

    def sunk(self, story_time: float) -> float:
        """The share of its height above the tar each thing has gone under (0..1)."""
        if self.gone is None:
            return 0.0
        span = (self.gone - self.start) % DAY
        return min(1.0, ((story_time - self.start) % DAY) / span) if span else 1.0

    def fade_step(self, story_time: float) -> int:
        """How many of FADE_STEPS the bones have faded (FADE_STEPS: gone)."""
        late = (self.sunk(story_time) - (1 - FADE_SHARE)) / FADE_SHARE
        return math.ceil(FADE_STEPS * min(1.0, max(0.0, late)))


class Bones(Split):
    """A cut through the tar below its surface: dark strata, and bones lying in each."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the strata and their bones, then each of the city's things."""
        width, height = setup.size
        self.top = int(height * params["y"])
        self.seed = setup.timeline.seed
        self.image = yield from self._strata((width, height - self.top), params, setup)
        yield
        self.sheen = sheen_band(max(8, width // 5), height - self.top)
        surface_fade(self.sheen, (height - self.top) // STRATA)
        yield
        self.sky = sky_over(setup) or light_at(setup.scene.at / HOUR).top
        tar: Color = params["tar"]
        dull = mix(mix(params["color"], REMAINS_GREY, REMAINS_TINT), tar, REMAINS_DULL)
        rng = random.Random(stable_seed(self.seed, "remains"))
        self.things: list[Sunk] = []
        for thing in REMAINS[:round(params["remains"] * len(REMAINS))]:
            self.things.append((yield from lay_thing(self.image, thing,
                                                     (height - self.top) / STRATA, height,
                                                     (dull, tar, self.sky), rng, self.seed)))
        self.faded = self.image.copy()  # (the strata, at the alpha of the fade's last step)
        self.sinking = Going(setup.scene.at, params["gone"])

    def _strata(self, size: tuple[int, int], params: Mapping[str, Any],
                setup: Setup) -> Generator[None, None, pygame.Surface]:
        """The bands of older and older tar, then the bones in each, seen through the tar (the
        bands a piece, then a bone a piece)."""
        height = setup.height
        width, depth = size
        image = pygame.Surface(size, pygame.SRCALPHA)
        waves = random.Random(stable_seed(self.seed, "strata"))
        tar: Color = params["tar"]
        bone: Color = params["color"]
        count = round(BONES * params["amount"])
        taken = remains_spans(width, height, round(params["remains"] * len(REMAINS)))
        figures = standing(setup)
        lines = self.lines = strata(width, depth, waves)
        seam_color = dulled(bone)  # (the bone colour whole: thin orange lines)
        for layer in range(STRATA):  # the bands first: a band laid over the one above cut off
            if layer:
                yield  # (a band a piece: all of them at once took 12 ms at 1920x1080)
            band = mix(tar, STRATUM_BAND[0], STRATUM_BAND[1] + STRATUM_BAND[2] * (layer % 2))
            pygame.draw.polygon(image, (*band, 90), lines[layer] + lines[layer + 1][::-1])
            if layer == 0:  # the newest under the open tar: no seam, faded in (ruled, its top
                surface_fade(image, depth // STRATA)  # edge cut the tar's mirror off)
                continue
            seam(image, lines[layer], (*mix(tar, seam_color, SEAM_TONE), SEAM_ALPHA),
                 max(1, height // SEAM_ROWS), waves)
        yield
        for layer in range(STRATA):
            y0 = sum(y for _x, y in lines[layer]) / len(lines[layer])
            thick = sum(y for _x, y in lines[layer + 1]) / len(lines[layer + 1]) - y0
            shade = mix(tar, bone, NEAREST * (1.0 - (1.0 - DEEPEST) * layer / (STRATA - 1)))
            per = -(-count // STRATA)  # (none at all for an amount of 0)
            heap = random.Random(stable_seed(self.seed, "heap", layer // HEAPED)).random()
            for slot in range(per):  # in heaps, one to each few strata, jumbled together
                rng = random.Random(stable_seed(self.seed, "bones", layer, slot))  # (the same
                # whether or not a bone before it was left out for a thing of the city's)
                x = ((heap + HEAP * rng.uniform(-1, 1)) % 1.0 * 0.96 + 0.02) * width
                y = y0 + rng.uniform(0.2, 0.85) * thick
                scale = height * rng.uniform(*BONE_SIZE) * (1.0 - 0.4 * layer / STRATA)
                moved = beside(x, self.top + y, scale * BONE_REACH, figures)
                if moved is not None:
                    x = moved
                reach = scale * BONE_REACH
                if layer < CLEAR_BANDS and any(a - reach < x < b + reach for a, b in taken):
                    continue  # a bone by a half-sunk car read as a blot stuck to it
                pen = rng.choice(SHAPES)
                lay(image, pen, x, y, scale * (SKULL_SIZE if pen is skull else 1.0),
                    (*shade, BONE_ALPHA), rng, SKULL_TILT if pen is skull else BONE_TILT)
                yield  # (a bone a piece: soaked and shaded, 3-7 ms each at 1080p)
        return (yield from soften(image, height))

    def look(self, frame: Frame) -> tuple[int, tuple[int, ...]]:
        """How far the bones have faded into the deep (in steps) and how many rows of each of
        the city's things still stand out of the tar (the glint is the moving part)."""
        sunk = self.sinking.sunk(frame.story_time)
        return (self.sinking.fade_step(frame.story_time),
                tuple(round(thing.visible * (1 - sunk)) for thing in self.things))

    def changed(self, old: tuple[Any, ...], new: tuple[Any, ...]) -> list[pygame.Rect]:
        """Where a change of look paints: the whole cut as the bones fade, else the things
        sinking (each, at its depth before and now)."""
        width, height = self.image.get_size()
        if old[0] != new[0]:
            return [pygame.Rect(0, self.top, width, height)]
        return [thing.area(self.top) for thing, was, now in zip(self.things, old[1], new[1],
                                                                   strict=True) if was != now]

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The strata and the bones (faded as far as they have gone into the deep), and the
        city's things at their depth."""
        step = self.sinking.fade_step(frame.story_time)
        if step < FADE_STEPS:
            image = self.image
            if step:
                image = self.faded
                image.set_alpha(round(255 * (1 - step / FADE_STEPS)))
            surface.blit(image, (0, self.top))
        share = 1 - self.sinking.sunk(frame.story_time)
        for thing in self.things:
            thing.draw(surface, self.top, share, self.sky)

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """A slow glint drifts through the tar and lights what lies in it (none once the
        bones have gone into the deep)."""
        if self.sinking.fade_step(frame.story_time) >= FADE_STEPS:
            return
        band = self.sheen.get_width()
        travel = surface.get_width() + band
        x = int((frame.seconds / SHEEN_SECONDS) % 1.0 * travel) - band
        surface.blit(self.sheen, (x, self.top), special_flags=pygame.BLEND_RGB_ADD)


def standing(setup: Setup) -> list[tuple[float, float, float]]:
    """The figures standing in the tar in this scene: how far across each can reach and its
    feet line, in pixels."""
    return [(*across(spec.params, setup.size), setup.height * spec.params["y"])
            for spec in setup.scene.layers
            if spec.type == "silhouette" and in_tar(spec.params)]


def beside(x: float, y: float, reach: float,
           figures: list[tuple[float, float, float]]) -> float | None:
    """Where a bone centred on (x, y) of the picture, reaching `reach` from its middle, lies
    clear of the figures standing in the tar: moved across to the nearer side of one it would
    lie under (None: it lies clear where it is). Right under her, it read as her own body."""
    for left, right, feet in figures:
        if left - reach < x < right + reach and y - reach < feet + reach:
            return left - reach if x - left < right - x else right + reach
    return None
