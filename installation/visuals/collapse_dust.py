"""The dust of a falling tower: puffs spurt along its break as it cracks, burst from it as each
tier tears off and rise from its foot as they come down, billow out, climb over the skyline,
drift downwind and thin."""

from __future__ import annotations

import math
from collections.abc import Generator, Sequence
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.ahead import Ahead
from installation.visuals.base import Color, Pieces, finished, mix, scaled
from installation.visuals.collapse_spans import Spans, shown_spans

Placed = list[tuple[pygame.Surface, tuple[int, int], int]]  # pictures, places, strengths

DUST_SECONDS = 34.0  # real seconds from the crack till the dust has thinned away
DUST_STEPS = (10, 5)  # places a real second while it billows out, then while it drifts and thins
BILLOW = 9.0  # real seconds it billows out (after that it moves slowly: fewer repaints)
CRACK_PUFFS = 3  # puffs spurting out along the break each time it jolts (from the first frame)
CRACK_SIZE = ((0.02, 0.08), (0.08, 0.24))  # a puff from the crack: first, last (cloud widths;
# smaller, they stood along the break in a row like beads; alike, a row of discs: review 24)
CRACK_SPILL = 0.04  # how far above or below the break a puff from it sits, of the tower's
# height (all on it, they stood in a row)
CRACK_RISE = (0.02, 0.1)  # how far it climbs, of the tower's height (some higher than others:
# climbing alike, they lay a flat band along the break)
CRACK_SPURT = 1.2  # how far they spurt out from the break's middle, of the tower's width (past
# its edges: spread over half of it, they lay a band across the tower cut to its outline)
CRACK_LEAD = 0.4  # real seconds: a puff from the crack is as thick at once as others this old
STOREY_OUT = (0.4, 0.6)  # how far out of its sides a storey's puffs spurt, of its width
STOREY_SIZE = ((0.1, 0.15), (0.3, 0.45))  # a storey's puff: first, last (cloud widths)
STOREY_RISE = (-0.05, 0.05)  # how far it climbs, of the tower's height
FOOT_PUFFS = 26  # puffs rolling out from the foot as the chunks and the floors come down
LANDS = (0.9, 4.5)  # real seconds after the first chunk lets go that the foot's puffs come
PUFF_KINDS = 4  # different puff pictures: the first HIGH_KINDS for the puffs high up, the rest
HIGH_KINDS = 2  # for the foot's, their undersides lit by the fires (high up, warmed alike, the
# puffs' lower halves were a dark brown against the grey sky)
PUFF_SIZES = 20  # sizes made of each, smallest to largest
FOOT_SIZE = ((0.18, 0.28), (0.32, 0.48))  # a foot puff's radius: first, last (cloud widths)
FOOT_RISE = ((0.03, 0.1), (0.15, 0.3))  # how far a foot puff climbs, of the tower's standing
# height: two in three stay low, rolling out along the ground as a wall, the rest climb
FRONT = 0.7  # how much of when a foot puff comes is set by how far out it rolls (the rest by
# chance): the dust rolls out as a front
FOOT_SPREAD = (0.1, 1.3)  # how far out from the foot it rolls, either side, tower widths (wider
# than the tower: the dust of a fall rolls out through the streets round it; from 0.4 and
# starting half way, till collapse25, it left the foot itself clear between two lobes)
FOOT_START = 0.2  # a foot puff starts this share of the way out, rolls out the rest
RISE_SECONDS = 8.0  # real seconds a puff takes to climb most (two thirds) of its way
SIT = 0.7  # a puff's middle stands this much of its radius over where it rises from
PUFF_GROW = 3.0  # real seconds over which a puff billows out (most of it)
FADE_IN = 0.6  # real seconds a puff takes to thicken
DUST_ALPHA = 215  # the thickest a puff is
FOOT_ALPHA = 240  # the thickest a puff rolling out from the foot is (a wall, not a veil)
OPAQUE = 255  # the cloud's picture laid at its own alpha
PUFF_DETAIL = 96  # a puff is made at this radius, then scaled
BILLOWS_A_PIECE = 3  # its billows laid a piece of building at a time (~2 ms idle)...
SIZES_A_PIECE = 5  # ...and its sizes scaled
EDGE = 1.3  # a puff thins towards its edge: the power of its cover
EDGE_SOFTEN = 6  # its cover blurred over its radius / this (dust has no rim)
EDGE_FADE = 0.35  # and faded out over this much of its radius at the picture's edge
BILLOW_FALL = 1.8  # a billow's cover falls as exp(-this * (distance / its radius) ** 2)...
BILLOW_BODY = 1.6  # ...times this, held to 1 (a thick middle, a soft falling edge)
SEPIA = ((112, 96, 82), 0.45)  # the dust dirtied towards concrete's grey-brown, and by how much
FIRE_LIT = ((160, 88, 52), (0.15, 0.45))  # its underside warmed by the fires below, and by how
# much: high up, at the foot
FOOT_LIGHT = 0.85  # the foot's puffs' light, of those high up's (in the ruins' shadow, under the
# smoke: as light, the wall's crest stood paler than anything in the sky)
THINNING = 1.2  # how the dust thins: the power of the share of its time left
BILLOWS = 22  # billows heaped in a puff
SOFTEN = 24  # the light on the billows blurred over their puff's radius / this
SHADE = (1.15, 0.8)  # a puff's sunward side and its shade, of the dust's colour (0.98 and 0.82
# till collapse25: about the sky's grey, the puffs high up read as dark blobs against it)
SUNWARD = (-0.6, -0.45)  # the light on a billow: towards its left (the light breaking low behind
# the ruins there) and its top
TORN = ((0.18, 0.09, 0.045), (0.5, 0.3, 0.2))  # a puff torn by noise at these scales (of its
# radius) and strengths: its edge ragged, its body lumpy, never a disc
TORN_CUT = 0.3  # cover under this (after the noise) is clear air
LUMPS_LIT = 0.12  # and its lumps lit and shaded by this much (of its light)
STEPS_KEPT = 4  # the dust's pictures kept, made (the last frame's and this one's)
DUST_LAST = int(DUST_STEPS[0] * BILLOW) + int((DUST_SECONDS - BILLOW) * DUST_STEPS[1]) - 1
# (the last step before the dust is gone: see dust_step)
LOW = 4  # the cloud is laid at 1/LOW of the picture's size and scaled up smoothly (it is soft:
# its ~30 puffs laid full size over a box a third of the picture cost ~12 full-frame blits a step)


@dataclass(frozen=True)
class Dust:
    """The dust cloud's colour, how far it drifts (pixels a real second) and the widest tower
    width it is sized by (pixels)."""

    color: Color
    drift: float
    widest: float


@dataclass(frozen=True)
class Puff:
    """One puff: where it starts (from the tower's foot, pixels), its first and last radius,
    which picture it is, how fast it drifts (of the wind's), when it comes (real seconds
    after the crack), how far it climbs, how far it spreads out sideways (pixels) and the
    thickest it is (0-255)."""

    x: float
    y: float
    first: float
    last: float
    kind: int
    drift: float
    delay: float
    rise: float
    spread: float
    thick: int = DUST_ALPHA


@dataclass(frozen=True)
class Fallen:
    """What the dust comes from: the tower's foot (pixels), its width and standing height, how
    high its break stands over its foot, which way it fell (-1 left, 1 right), when each chunk
    let go (real seconds after the crack), where the break runs (pixels either side of the
    foot), when it jolted on its crack, and when each storey under it gave way and how high
    over the foot (pixels)."""

    foot: tuple[float, float]
    width: float
    tall: float
    stump: float
    lean: int
    tears: Sequence[float]
    seam: tuple[float, float]
    cracks: Sequence[float]
    storeys: Sequence[tuple[float, float]] = ()


def dust_step(seconds: float) -> int:
    """The dust's step `seconds` after the crack (see DUST_STEPS)."""
    fast = int(DUST_STEPS[0] * BILLOW)
    if seconds < BILLOW:
        return int(seconds * DUST_STEPS[0])
    return fast + int((seconds - BILLOW) * DUST_STEPS[1])


def dust_time(step: int) -> float:
    """The real seconds after the crack that the dust's step begins at."""
    fast = int(DUST_STEPS[0] * BILLOW)
    return step / DUST_STEPS[0] if step < fast else BILLOW + (step - fast) / DUST_STEPS[1]


def puff(radius: int, rng: np.random.Generator, color: Color,
         warm: float = FIRE_LIT[1][0]) -> Generator[None, None, pygame.Surface]:
    """A puff of dust (per-pixel alpha), `radius` pixels: soft billows heaped on one another,
    torn by noise (a ragged edge, a lumpy body: never a disc), lit on its sunward side and
    shaded on the other, its underside warmed by the fires by `warm`, thinning into the air
    over a wide edge (no rim). Made in pieces (BILLOWS_A_PIECE billows, the tearing, the rest)."""
    size = 2 * radius
    axis = (np.arange(size) - radius + 0.5) / radius
    x, y = axis[:, None], axis[None, :]
    cover = np.zeros((size, size))
    light = np.full((size, size), SHADE[1])
    for n, (cx, cy, r) in enumerate(billows(rng)):  # lowest first, each laid softly over
        if n and n % BILLOWS_A_PIECE == 0:  # those below
            yield
        dx, dy = (x - cx) / r, (y - cy) / r
        alpha = np.clip(BILLOW_BODY * np.exp(-(dx ** 2 + dy ** 2) * BILLOW_FALL), 0, 1)  # no rim
        lit = np.clip(SUNWARD[0] * dx + SUNWARD[1] * dy, -1, 1) * 0.5 + 0.5
        light = light * (1 - alpha) + (SHADE[1] + (SHADE[0] - SHADE[1]) * lit) * alpha
        cover = cover + (1 - cover) * alpha
    yield
    lumps = noise(size, radius, rng)
    cover = np.clip((cover * (1 + lumps) - TORN_CUT) / (1 - TORN_CUT), 0, 1)
    yield
    cover = softened(cover, radius // EDGE_SOFTEN) * np.clip(
        (1 - np.sqrt(x ** 2 + y ** 2)) / EDGE_FADE, 0, 1)  # thinning out before the picture's edge
    light = np.minimum(softened(light, radius // SOFTEN) * (1 + LUMPS_LIT * lumps), SHADE[0])
    yield
    return lit_puff(size, color, light, y, cover, warm)


def noise(size: int, radius: int, rng: np.random.Generator) -> np.ndarray:
    """Lumps over a puff's picture (about -1..1 at its strongest): random values softened
    at each of TORN's scales, laid together at its strengths."""
    out = np.zeros((size, size))
    for scale, strength in zip(*TORN, strict=True):
        field = softened(rng.random((size, size)), max(1, round(scale * radius)))
        out += strength * (field - field.mean()) / max(float(field.std()), 1e-6) / 2
    return out


def lit_puff(size: int, color: Color, light: np.ndarray, y: np.ndarray,
             cover: np.ndarray, warm: float) -> pygame.Surface:
    """The puff's picture: `color` at its `light`, warmed towards the fires below it (its
    underside, y down the puff from -1 to 1), at its `cover`."""
    below = np.clip((y + 0.2) / 1.2, 0, 1) * np.ones_like(light)
    rgb = (np.array(color, float)[None, None, :] * (1 - warm * below[..., None])
           + np.array(FIRE_LIT[0], float)[None, None, :] * warm * below[..., None])
    out = pygame.Surface((size, size), pygame.SRCALPHA)
    pixels = pygame.surfarray.pixels3d(out)
    pixels[:] = np.clip(rgb * light[..., None], 0, 255).astype(np.uint8)
    del pixels
    pixels_alpha = pygame.surfarray.pixels_alpha(out)
    pixels_alpha[:] = (np.clip(cover, 0, 1) ** EDGE * 255).astype(np.uint8)
    del pixels_alpha
    return out


def softened(values: np.ndarray, reach: int) -> np.ndarray:
    """`values` averaged over a square `reach` pixels each way (the edges held)."""
    if reach < 1:
        return values
    padded = np.pad(values, reach, mode="edge")
    total = padded.cumsum(axis=0).cumsum(axis=1)
    total = np.pad(total, ((1, 0), (1, 0)))
    span = 2 * reach + 1
    h, w = values.shape
    return (total[span:span + h, span:span + w] - total[:h, span:span + w]
            - total[span:span + h, :w] + total[:h, :w]) / span ** 2


def billows(rng: np.random.Generator) -> list[tuple[float, float, float]]:
    """A puff's billows (middle x, y and radius, of the puff's radius), lowest first: a
    heap wider at its foot, rounder at its crown."""
    out = [(0.0, 0.15, 0.6)]
    for _ in range(BILLOWS):
        cy = rng.uniform(-0.55, 0.5)
        spread = 0.55 - 0.25 * (0.5 - cy)
        out.append((rng.uniform(-spread, spread), cy, rng.uniform(0.16, 0.32)))
    return sorted(out, key=lambda billow: -billow[1])


def crack_puffs(fallen: Fallen, cloud: float, rng: np.random.Generator) -> list[Puff]:
    """Small puffs spurting out along the break as it jolts (the first at the crack itself),
    sat on the seam so that they hide it as they billow and climb."""
    out = []
    for n, at in enumerate(fallen.cracks):
        for k in range(CRACK_PUFFS):
            first = rng.uniform(*CRACK_SIZE[0]) * cloud
            along = rng.uniform(0.05, 0.95)
            spill = rng.uniform(-CRACK_SPILL, CRACK_SPILL) * fallen.tall
            out.append(Puff(fallen.seam[0] + (fallen.seam[1] - fallen.seam[0]) * along,
                            -fallen.stump + SIT * first + spill, first,
                            rng.uniform(*CRACK_SIZE[1]) * cloud, (n + k) % HIGH_KINDS,
                            rng.uniform(0.8, 1.3), at - CRACK_LEAD + rng.uniform(0, 0.1) * k,
                            rng.uniform(*CRACK_RISE) * fallen.tall,
                            (along - 0.5) * CRACK_SPURT * fallen.width))
    return out


def puffs(fallen: Fallen, cloud: float, rng: np.random.Generator) -> list[Puff]:
    """The cloud's puffs: along the break as it cracks, out of both sides of the tower as
    each storey under the top gives way, then rolling out from the foot on both sides as the
    chunks and the floors come down."""
    out: list[Puff] = crack_puffs(fallen, cloud, rng)
    for n, (at, high) in enumerate(fallen.storeys):
        out.extend(outwards(side * rng.uniform(*STOREY_OUT) * fallen.width,
                            -high + rng.uniform(-0.2, 0.4) * cloud,
                            rng.uniform(*STOREY_SIZE[0]) * cloud,
                            rng.uniform(*STOREY_SIZE[1]) * cloud, (n + side) % HIGH_KINDS,
                            rng.uniform(0.8, 1.3), at + rng.uniform(-0.1, 0.1),
                            rng.uniform(*STOREY_RISE) * fallen.tall) for side in (-1, 1))
    return out + foot_puffs(fallen, cloud, rng)


def foot_puffs(fallen: Fallen, cloud: float, rng: np.random.Generator) -> list[Puff]:
    """The wall of dust rolling out from the foot on both sides as the chunks and the floors
    come down: the further out a puff rolls, the later it comes (a front, not a veil laid at
    once), heaped thick and low, a third of them climbing."""
    first = fallen.tears[0] if fallen.tears else 0.0
    out = []
    for n in range(FOOT_PUFFS):
        out_by = rng.uniform(0, 1)
        spread = FOOT_SPREAD[0] + (FOOT_SPREAD[1] - FOOT_SPREAD[0]) * out_by
        late = FRONT * out_by + (1 - FRONT) * rng.uniform(0, 1)
        comes = LANDS[0] + (LANDS[1] - LANDS[0]) * late
        x = (1 if n % 2 else -1) * spread * fallen.width
        out.append(Puff(FOOT_START * x, -rng.uniform(0.0, 0.1) * cloud,
                        rng.uniform(*FOOT_SIZE[0]) * cloud, rng.uniform(*FOOT_SIZE[1]) * cloud,
                        HIGH_KINDS + n % (PUFF_KINDS - HIGH_KINDS), rng.uniform(0.6, 1.2),
                        first + comes,
                        rng.uniform(*FOOT_RISE[n % 3 == 2]) * fallen.tall,
                        (1 - FOOT_START) * x, FOOT_ALPHA))
    return out


def outwards(x: float, y: float, first: float, last: float, kind: int, drift: float,
             delay: float, rise: float) -> Puff:
    """A puff billowing out from the tower's middle: it starts half as far out as `x` and
    spreads out to half as far again."""
    return Puff(x / 2, y, first, last, kind, drift, delay, rise, x)


class DustCloud:
    """The dust of one fallen tower, placed in the ruins' picture."""

    def __init__(self, fallen: Fallen, dust: Dust, rng: np.random.Generator) -> None:
        """Plan the puffs (their pictures are made by `pieces`)."""
        self.foot = fallen.foot
        self.drift = dust.drift
        self.puffs = puffs(fallen, min(fallen.width, dust.widest), rng)
        largest = max(p.last for p in self.puffs)
        smallest = min(p.first for p in self.puffs)
        self.sizes = np.geomspace(max(2.0, smallest), largest, PUFF_SIZES)
        self.pictures: list[list[pygame.Surface]] = []
        self._color, self._rng = mix(dust.color, SEPIA[0], SEPIA[1]), rng
        self._steps: dict[int, tuple[Placed, Spans]] = {}  # and where each shows
        self._ahead: Ahead[int, tuple[Placed, Spans]] = Ahead()  # the next step's, made on
        # the frames before it (made on the frame its step began, it took ~1.3 ms of it: the
        # puffs laid and the cloud scaled up about a third of the picture)

    def pieces(self) -> Pieces:
        """Make each puff picture at its sizes (at 1/LOW: see `blits`), a piece each."""
        color, rng = self._color, self._rng
        for kind_of in range(PUFF_KINDS):
            yield
            low = kind_of >= HIGH_KINDS
            kind = yield from puff(PUFF_DETAIL, rng, scaled(color, FOOT_LIGHT) if low else color,
                                   FIRE_LIT[1][low])
            sizes = []
            for n, r in enumerate(self.sizes):
                if n % SIZES_A_PIECE == 0:
                    yield
                sizes.append(pygame.transform.smoothscale(kind, (max(1, round(2 * r / LOW)),) * 2))
            self.pictures.append(sizes)

    def blits(self, step: int) -> Placed:
        """The cloud at the dust's step, one picture: its puffs laid at 1/LOW and scaled up
        (nothing before the crack; the last STEPS_KEPT steps kept: a frame asks for a step
        several times, for where it changed and for each area it paints), made ahead if
        `prepare` was given the frames before it."""
        return self._made(step)[0]

    def spans(self, step: int) -> Spans:
        """Where the cloud shows at the dust's step (see collapse_spans; none before the
        crack)."""
        return self._made(step)[1]

    def _made(self, step: int) -> tuple[Placed, Spans]:
        """The cloud's picture at the dust's step and where it shows (see `blits`)."""
        if step < 0:
            return [], ()
        if step not in self._steps:
            if len(self._steps) >= STEPS_KEPT:
                del self._steps[next(iter(self._steps))]
            made = self._ahead.take(step)
            self._steps[step] = (finished(self._cloud(step)) if made is None else made)
        return self._steps[step]

    def prepare(self, frame: object, step: int) -> None:
        """A piece (once a frame) of the next step's picture, while this step's is made (not
        on the frame that makes it: that frame paints the cloud again)."""
        if step in self._steps and 0 <= step < DUST_LAST:
            self._ahead.step(frame, step + 1, step, self._cloud)

    def close(self) -> None:
        """Drop the picture being made ahead (the scene is going)."""
        self._ahead.close()

    def _cloud(self, step: int) -> Generator[None, None, tuple[Placed, Spans]]:
        """The cloud's picture at the dust's step (see `cloud`) and where it shows, in three
        pieces."""
        placed = yield from cloud(self._places(step), self._color)
        yield
        return placed, tuple(span for picture, place, _strength in placed
                             for span in shown_spans(picture, place))

    def _places(self, step: int) -> Placed:
        """Each puff that has come at the dust's step: its picture (at 1/LOW), its place (at
        1/LOW of the ruins' picture) and its strength."""
        t = dust_time(step)
        thinning = max(0.0, 1 - t / DUST_SECONDS) ** THINNING
        out = []
        for p in self.puffs:
            local = t - p.delay
            if local < 0:
                continue
            grown = 1 - math.exp(-local / PUFF_GROW * 2.5)
            size = int(np.argmin(np.abs(self.sizes - (p.first + (p.last - p.first) * grown))))
            r = self.sizes[size]
            x = self.foot[0] + p.x + p.spread * grown + self.drift * p.drift * local
            y = (self.foot[1] + p.y - SIT * r
                 - p.rise * (1 - math.exp(-local / RISE_SECONDS * 1.1)))
            strength = min(1.0, local / FADE_IN) * thinning
            out.append((self.pictures[p.kind][size], (round((x - r) / LOW), round((y - r) / LOW)),
                        int(p.thick * strength)))
        return out


def cloud(places: Placed, color: Color) -> Generator[None, None, Placed]:
    """The puffs (placed at 1/LOW) laid into one picture, scaled up LOW times smoothly, and
    where it goes (none if no puff has come): a single blit a repaint, its edge soft (in two
    pieces: the puffs laid, then the picture scaled up)."""
    if not places:
        return []
    box = pygame.Rect(places[0][1], places[0][0].get_size()).unionall(
        [pygame.Rect(place, picture.get_size()) for picture, place, _strength in places[1:]])
    low = pygame.Surface(box.size, pygame.SRCALPHA)
    low.fill((*color, 0))  # clear, of the dust's colour (laid over black, its edge darkened)
    for picture, (x, y), strength in places:
        picture.set_alpha(strength)
        low.blit(picture, (x - box.x, y - box.y))
    yield
    big = pygame.transform.smoothscale(low, (box.width * LOW, box.height * LOW))
    return [(big, (box.x * LOW, box.y * LOW), OPAQUE)]
