"""The tar pit: a dark pool that mirrors what is above it, with bubbles that rise and burst."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import (
    HOUR,
    Color,
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    scaled,
    stable_seed,
)
from installation.visuals.mire import sky_over
from installation.visuals.oil import oiled
from installation.visuals.palette import light_at
from installation.visuals.silhouette_form import standing_box
from installation.visuals.tar_bubble import BURST as BURST  # (named here too, as before)
from installation.visuals.tar_bubble import GROW as GROW
from installation.visuals.tar_bubble import RING_LAGS as RING_LAGS
from installation.visuals.tar_bubble import RING_SPREAD, bubble, ring_end
from installation.visuals.tar_bubble import ring_strength as ring_strength
from installation.visuals.tar_domes import SkinDomes
from installation.visuals.tar_glint import SunOnTar
from installation.visuals.tar_mirror import (
    KeptMirror,
    KeptPool,
    PushedShade,
    Shades,
    lay_under,
    pushed_runs,
    runs_alike,
    shaded,
)
from installation.visuals.tar_near import NearTar
from installation.visuals.tar_rings import SQUASH, Rings, clear_of
from installation.visuals.tar_ripple import BAND, ripples

MAX_BUBBLES = 16
BANK = (22, 20, 16)
WARM = (1.0, 0.86, 0.7)  # tar mirrors the sky browner than it is
MIRROR_DIM = 0.6  # dark tar gives back a light thing (a tusk, a figure) this much of its light
MIRROR_FLOOR = 6  # rows of the mirror whose shade is under this level everywhere (giving back
# under 2.4% of the light above: 4 levels of the deep-time sky, under its strata and grain)
# are not mirrored; the tar alone there (a dull mirror's last quarter, 0.5 ms a frame)
Bubble = tuple[float, float, float, float, float]  # across, down the pool, period, phase, size
NEAR_BUBBLES = 3  # bubbles swelling in the near tar, at `near` 1 (larger: nearer the camera)
NEAR_DEPTH, NEAR_SIZE = (0.78, 0.96), (1.3, 1.8)  # where down the pool they rise, their sizes
NEAR_ACROSS = (0.26, 0.84)  # ... and across it, clear of the reeds at its corners


class Tarpit(Split):
    """Tar from the edge down, with a darkened, wobbling mirror of the picture above (from the
    far shore's ground, `far_ground`: what stands on it hangs from the edge)."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the tar, its mirror's shading and bank, the oil on the mirror a
        band at a time, then the sprites of the rings its bubbles leave, a few sizes at a
        time."""
        self.params = params
        width, height = setup.size
        self.size = setup.size
        self.seed = setup.seed
        self.edge = int(height * params["y"])
        self.depth = height - self.edge
        far = params["far_ground"]  # the row its mirror hangs from (what stands there)
        self.source = self.edge if far is None else min(self.edge, int(height * far))
        tar: Color = params["color"]
        self.tar = pygame.Surface((width, self.depth))
        self.tar_runs = runs_alike([scaled(tar, 1.4 - 0.6 * y / max(1, self.depth))
                                    for y in range(self.depth)])  # each row's colour, in runs
        for color, top, bottom in self.tar_runs:
            self.tar.fill(color, (0, top, width, bottom - top))
        self.reach = min(self.source, self.depth)  # the rows a mirror could reach down
        self.mirror_rows = self.reach  # ... and those it shows in (see MIRROR_FLOOR)
        yield
        sky = sky_over(setup) or light_at(setup.scene.at / HOUR).top
        self.near: NearTar | None = None
        if params["near"]:
            self.near = NearTar(setup.size, self.edge, sky, params["near"],
                                stable_seed(setup.seed, "near tar"))
            yield from self.near.pieces(self.tar)
        # The still part tells the mirror the rows painted again; but where layers sway at
        # their depths (the camera's drift), a picture moved sideways changes every row.
        swaying = any(spec.params.get("depth", 0.0) for spec in setup.scene.layers)
        self.shade = shaded(self._fresnel(params["reflect"]), self.size[0])
        self.bank = self._bank(setup)
        # Oil on the tar colours the light its mirror gives back, rippling with it.
        yield from oiled(self.shade, setup.seed, setup.made)
        self.shade = shown(self.shade)
        self.mirror_rows = self.shade.get_height()
        yield
        self.mirror = KeptMirror(self.shade, self.source, not swaying)
        self.pushed = PushedShade(self.shade, BAND)  # for the pool drawn whole
        yield
        self.pool = KeptPool(self.tar, self.mirror_rows, BAND)
        yield
        rng = setup.rng("bubbles")
        count = round(MAX_BUBBLES * params["bubbles"])
        self.domes = SkinDomes(sky)
        self.bubbles = self._clear(setup, [(rng.uniform(0.05, 0.95), rng.uniform(0.08, 0.9),
                                            rng.uniform(4, 11), rng.random(),
                                            rng.uniform(0.6, 1.4)) for _ in range(count)])
        self.rings = self._rings(self.bubbles)
        yield from self.rings.pieces()
        near = setup.rng("near bubbles")
        self.near_bubbles = [(near.uniform(*NEAR_ACROSS), near.uniform(*NEAR_DEPTH),
                              near.uniform(4, 9), near.random(), near.uniform(*NEAR_SIZE))
                             for _ in range(round(NEAR_BUBBLES * params["near"]))]
        self.near_rings = self._rings(self.near_bubbles, hollow=True)  # big: their thin rims
        yield from self.near_rings.pieces()
        self.flocks = ((self.bubbles, self.rings), (self.near_bubbles, self.near_rings))
        self.sun = SunOnTar(next((spec.params for spec in setup.scene.layers
                                  if spec.type == "sky"), None), setup, self.edge, self.source)

    def _clear(self, setup: Setup, bubbles: list[Bubble]) -> list[Bubble]:
        """The bubbles, each moved across clear of the figures standing on the near bank
        before the tar (its rings never spread behind one: a halo round the calf's head)."""
        width, height = self.size
        figures = [standing_box(spec.params, self.size) for spec in setup.scene.layers
                   if spec.type == "silhouette" and spec.params.get("bank")]
        out = []
        for x, depth, period, phase, size in bubbles:
            spread = self._radius(depth, size) * (1 + RING_SPREAD * ring_end())
            centre = (x * width, self.edge + depth * self.depth)
            across = clear_of(centre, (spread + 2, spread * SQUASH + 2), figures, width)
            out.append((across / width, depth, period, phase, size))
        return out

    def _rings(self, bubbles: list[Bubble], hollow: bool = False) -> Rings:
        """The sprites of the rings these bubbles leave, from the smallest's to the largest's
        spread (`hollow`: blitted without their clear middles)."""
        radii = [self._radius(depth, size) for _x, depth, _period, _phase, size in bubbles]
        return Rings(int(min(radii, default=1)),
                     math.ceil(max(radii, default=1) * (1 + RING_SPREAD * ring_end())),
                     hollow=hollow)

    def _fresnel(self, strength: float) -> Shades:
        """Tar mirrors most at a grazing angle (far off) and least at our feet: the tint down
        the mirror, in runs of rows alike."""
        return runs_alike([tint(strength * gloss(y / max(1, self.reach)))
                           for y in range(self.reach)])

    def _bank(self, setup: Setup) -> tuple[pygame.Rect, list[tuple[int, int]]]:
        """The near bank's lip along the far edge: where it lies, and its outline there (it
        reaches down to the rect's foot, which it does not cover). Heaped up at the sides,
        low in the middle; low all along where the far shore is level ground (`far_ground`:
        a lawn seen in the sun, where heaps of black read as slag on the grass)."""
        width, height = self.size
        rng = setup.rng("bank")
        h = height // 28
        area = pygame.Rect(0, self.edge - h + 2, width, h)
        level = self.source < self.edge
        points = [(0, h)]
        for i in range(0, 41):
            x = width * i / 40
            lip = h * (0.2 + 0.5 * rng.random())
            if level or 0.2 < i / 40 < 0.8:
                lip = h * (0.85 + 0.1 * rng.random())
            points.append((int(x), int(lip)))
        points.append((width, h))
        return area, [(x, y + area.top) for x, y in points]

    def look(self, frame: Frame) -> None:
        """The tar itself is still; the mirror wobbles and the bubbles rise apart."""

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """All of the pool at once (over moving layers: the picture it mirrors changes every
        frame): the mirror laid under the edge and the tar added over it, then the bubbles
        and the bank (the same bytes as the still and moving parts, in fewer passes)."""
        if not self._lays_under(surface):  # the still and moving parts, nothing kept
            surface.blit(self.tar, (0, self.edge))
            self.mirror.painted(surface.get_clip())
            self._moving(surface, frame, copied=False)
            return
        width, rows = self.size[0], self.mirror_rows
        shifts = ripples(self.seed, self.reach, frame.seconds, width).tolist()
        lay_under(surface, self.edge, self.pushed, shifts, self.source)
        clip = surface.get_clip()  # (a blended fill ignores it)
        plain = rows if self.near is None else min(rows, self.near.first)  # rows of one colour
        for color, top, bottom in self.tar_runs:  # the tar added over it: its runs of rows
            run = pygame.Rect(0, self.edge + top, width, min(bottom, plain) - top).clip(clip)
            if top < plain and run.width and run.height:
                surface.fill(color, run, special_flags=pygame.BLEND_RGB_ADD)
        if plain < rows:  # the rows with the near tar's skin painted in: added as a picture
            surface.blit(self.tar, (0, self.edge + plain), (0, plain, width, rows - plain),
                         special_flags=pygame.BLEND_RGB_ADD)
        surface.blit(self.tar, (0, self.edge + rows), (0, rows, width, self.depth - rows))
        self._life(surface, frame, shifts)
        self._draw_bank(surface)

    def whole_rows(self, surface: pygame.Surface) -> tuple[int, int] | None:
        """The rows `draw` paints whole over whatever is there (the pool, its mirror laid
        straight in), if it lays the mirror under (pass16: the copy of the kept background
        leaves them)."""
        return (self.edge, self.size[1]) if self._lays_under(surface) else None

    def reads_above(self) -> int:
        """The row above which `draw_moving` reads the picture it draws on (the mirror's
        source); below it, only the pixels it paints (pass16: see `whole_rows`)."""
        return self.source

    def _lays_under(self, surface: pygame.Surface) -> bool:
        """Can the mirror be laid straight into this picture: opaque and the pool's size
        (clipped, as in a wipe, it is laid within the clip: blits and the pixels written
        straight agree)?"""
        return surface.get_size() == self.size and not surface.get_flags() & pygame.SRCALPHA

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The tar, in the kept background (`surface`): painted with every area of it painted
        again (clipped to it), where the mirror makes those rows again and the pool's bands
        are laid again."""
        surface.blit(self.tar, (0, self.edge))
        clip = surface.get_clip()
        self.mirror.painted(clip)
        self.pool.cleared(surface, clip, self.edge)

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """The wobbling mirror, the bubbles and the bank over the tar, in a copy of the kept
        background (given a token for it; the picture above the edge, which it mirrors,
        given apart as `frame.back` where later layers lie over the copy there)."""
        self._moving(surface, frame, copied=frame.under is not None)

    def made_ahead(self, frame: Frame) -> Pieces:
        """What the moving part's first frame over a new kept background (given as for
        `draw_moving`) makes, made ahead in pieces: the mirror of it a band at a time, then
        the pool (the same bytes: that frame then makes nothing)."""
        if frame.under is None or frame.back is None or not self.mirror.trusted:
            return
        yield from self.mirror.made_ahead(frame.back, frame.under)
        shifts = ripples(self.seed, self.reach, frame.seconds, self.size[0]).tolist()
        flipped = self.mirror.update(frame.back, frame.under)
        self.pool.update(frame.back, flipped, self.mirror.remade, shifts)

    def moving_area(self) -> pygame.Rect:
        """Where the moving part can paint: the pool, the bank along its edge and the bubbles'
        domes and rings near it (the rest of the picture it leaves as it was)."""
        width, height = self.size
        top = min(self.bank[0].top, self.edge)
        for bubbles, kept in self.flocks:
            _half, rings = kept.reach()
            for _x, depth, _period, _phase, size in bubbles:
                dome = math.ceil(self._radius(depth, size) * 1.1) + 1
                top = min(top, self.edge + int(depth * self.depth) - max(dome, rings + 1))
        top = max(0, top)
        return pygame.Rect(0, top, width, height - top)

    def _moving(self, surface: pygame.Surface, frame: Frame, copied: bool) -> None:
        """The moving part (where nothing sways, the tar and the mirror's bands over it kept
        and laid in copies of its bands: the picture there is the tar the still part painted,
        the split layer being the background's last; `copied`: the picture is a copy of the
        background the still part was painted in, its bands laid there as well)."""
        source = surface if frame.back is None else frame.back
        flipped = self.mirror.update(source, frame.under)
        shifts = ripples(self.seed, self.reach, frame.seconds, self.size[0]).tolist()
        if self.mirror.trusted:
            self.pool.update(surface, flipped, self.mirror.remade, shifts)
            self.pool.lay(surface, self.edge, copied)
        else:
            surface.blits(self._bands(flipped, shifts), doreturn=False)
        self._life(surface, frame, shifts)
        self._draw_bank(surface)

    def _life(self, surface: pygame.Surface, frame: Frame, shifts: list[int]) -> None:
        """What moves on the tar: the near tar's sheen and floats, the low sun's light (its
        glints pushed with the mirror's bands by their `shifts`), the bubbles, then the reeds
        at the foot over them."""
        seconds = frame.seconds
        if self.near is not None:
            self.near.draw(surface, seconds)
        self.sun.draw(surface, frame.hour, seconds, shifts, BAND)
        self._bubbles(surface, seconds)
        if self.near is not None:
            self.near.draw_reeds(surface)

    def _draw_bank(self, surface: pygame.Surface) -> None:
        """The bank, filled straight onto the picture within its rect (as cut from a sprite)."""
        area, outline = self.bank
        clip = surface.get_clip()
        surface.set_clip(clip.clip(area))
        pygame.draw.polygon(surface, BANK, outline)
        surface.set_clip(clip)

    def _bands(self, flipped: pygame.Surface,
               shifts: list[int]) -> list[tuple[pygame.Surface, tuple[int, int], pygame.Rect, int]]:
        """The mirror's bands of BAND rows, each pushed sideways by its shift and added over
        the tar (a blit for each run of bands pushed alike)."""
        width = self.size[0]
        return [(flipped, (shift, self.edge + top), pygame.Rect(0, top, width, bottom - top),
                 pygame.BLEND_RGB_ADD)
                for top, bottom, shift in pushed_runs(shifts, BAND, self.mirror_rows)]

    def _radius(self, depth: float, size: float) -> float:
        """How wide a bubble `depth` down the pool and of this `size` swells, across its half."""
        return size * self.size[1] * (0.006 + 0.02 * depth)

    def _bubbles(self, surface: pygame.Surface, seconds: float) -> None:
        """Each bubble as it is now: a dome swelling, or the soft rings where it burst."""
        for bubbles, rings in self.flocks:
            self._flock(surface, seconds, bubbles, rings)

    def _flock(self, surface: pygame.Surface, seconds: float, bubbles: list[Bubble],
               rings: Rings) -> None:
        """These bubbles as they are now, their rings drawn from `rings`."""
        width = self.size[0]
        for x, depth, period, phase, size in bubbles:
            life = (seconds / period + phase) % 1.0
            centre = (int(x * width), self.edge + int(depth * self.depth))
            bubble(surface, self.domes, rings, centre, self._radius(depth, size), life)


def shown(shade: pygame.Surface) -> pygame.Surface:
    """A mirror's shade down to its last row that gives back a light a visitor sees (at
    least MIRROR_FLOOR somewhere in it)."""
    brightest = pygame.surfarray.pixels3d(shade).max(axis=(0, 2))
    seen = np.flatnonzero(brightest >= MIRROR_FLOOR)
    del brightest
    rows = int(seen[-1]) + 1 if seen.size else 0
    if rows == shade.get_height():
        return shade
    return shade.subsurface((0, 0, shade.get_width(), rows)).copy()


def gloss(down: float) -> float:
    """How much of the light above the tar comes back `down` its mirror (0 at the far edge, 1
    at our feet, or further): most at a grazing angle."""
    return 0.62 * max(0.0, 1 - down) ** 1.5 + 0.05


def tint(k: float) -> Color:
    """What to multiply a mirrored colour by for the tar to give back `k` of it, browner."""
    return (round(255 * k * WARM[0]), round(255 * k * WARM[1]), round(255 * k * WARM[2]))
