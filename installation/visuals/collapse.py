"""A ruined tower's top giving way: it jolts and leans, comes apart in tiers that tear off one
after another, the highest first, throwing shards, and slide down behind the towers in front;
its dust climbs over the skyline, drifts downwind and thins (every picture made once at
build; a moment only chooses which and where)."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pygame

from installation.core.timeutil import DAY_SECONDS, forward
from installation.visuals.base import Pieces, Setup, stable_seed
from installation.visuals.collapse_break import (
    SHARD_KINDS,
    TIERS,
    Tier,
    break_off,
    dark_of,
    hinge,
    shards,
    split,
    tooth,
)
from installation.visuals.collapse_dust import DUST_SECONDS, Dust, DustCloud, Fallen, dust_step

FALLING_FROM = 3  # the collapsing tower is one of this many tallest far ones
FALLING_SPAN = (0.1, 0.9)  # where its middle may stand, of the picture width
WIND = 0.3  # the dust's wind with no smoke in the scene
FALL_SECONDS = 3.4  # real seconds from the crack till the last chunk is gone (at 9 the top
# slid down so slowly behind its dust that the fall read as a fade)
CHUNKS = TIERS + 1  # the top's tiers, the lowest cracked in two: the highest, the lowest's half
# on the side it leans to, then its other half
CRACK_SHARE = 0.18  # of the fall: the top jolts on its break (a step shows where it cracked)
JOLTS = 2  # how many times it jolts, evenly over the crack
JOLT = (0.0, 0.02, 1.0)  # each jolt: sideways (of its width), down (of its width), degrees
# (none sideways: jolted off its break's steps, sky showed under them)
LEAN_SHARE = 0.36  # of the fall: it leans on its break before its highest tier tears off
LEAN_DEGREES = 8.0  # how far it leans before it tears off
SEAT = 1.0  # as it leans about its hinge it sinks this much of its far side's lift: the hinge's
# side crushes into the stump, the far side stays on it (turned alone, sky showed under it)
STAGGER = 0.05  # of the fall: each chunk tears off this long after the one before it
END_DEGREES = (50.0, 75.0, 30.0)  # how far each chunk has turned when it is gone
SIDEWAYS = (0.7, 0.85, 0.6)  # how far each slides over towards its lean, of the tower's width
# (past the stump's edge before it drops far: a chunk sliding down its face was lost on it)
SLIDE = 1 - LEAN_SHARE - (CHUNKS - 1) * STAGGER  # of the fall: a chunk's slide, tear to gone
FALL_STEPS = 30  # places a real second (a new place repaints the kept background there)
TURN_STEP = 1.5  # degrees between the turned pictures of each chunk, made once (the same for
# all: at steps of their own, chunks leaning as one stood at angles apart and sky showed between)
TURNS_PER_PIECE = 8  # made in one piece of the building ahead
SHARDS_PER_TIER = 8  # small pieces spilling from each chunk as it tears off
SHARD_THROW = (0.1, 0.8)  # how fast a shard is thrown towards the lean, tower widths a second
SHARD_FALL = 3.0  # how fast it falls faster, tower widths a second per second
SHARD_SPIN = 6.0  # quarter turns a second as it tumbles
DUST_DRIFT = 0.012  # picture widths a real second at wind 1 (the smoke's wind)
DUST_TONE = 0.75  # the dust's colour, of the ash's: darker than the glow low behind the ruins,
# no lighter than the sky (paler, it read as cotton wool: dust21); behind the ruins, as pale as
# the sky, it did not show at all
DUST_WIDEST = 0.1  # the cloud is sized by the tower's width, but no wider than this share of
# the picture's (a wide tower's would be repainted over much of the skyline a step as it drifts)


class Standing(Protocol):
    """A tower as it stood (see ruins.Tower): row 0 far, 1 near."""

    @property
    def x(self) -> int: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def row(self) -> int: ...


def falling_tower(plan: Sequence[Standing], tall: float, width: int, seed: int,
                  near: float | None = None) -> int:
    """Which tower's top gives way (-1: none fits): the tall far tower (over `tall` pixels)
    whose middle stands nearest `near` (of the picture width), else one of the tallest far
    ones clear of the picture's edges, by the seed alone (so every scene with the same seed
    and towers breaks the same one, whatever its fires)."""
    far = [n for n, tower in enumerate(plan) if tower.row == 0 and tower.height > tall]
    if near is not None:
        return min(far, key=lambda n: abs(middle(plan[n]) - near * width), default=-1)
    fits = [n for n in far if FALLING_SPAN[0] * width < middle(plan[n]) < FALLING_SPAN[1] * width]
    tallest_first = sorted(fits, key=lambda n: -plan[n].height)[:FALLING_FROM]
    if not tallest_first:
        return -1
    return tallest_first[random.Random(stable_seed(seed, "collapse")).randrange(
        len(tallest_first))]


def middle(tower: Standing) -> float:
    """Where a tower's middle stands (pixels from the left)."""
    return tower.x + tower.width / 2


def leaning_side(plan: Sequence[Standing], n: int) -> int:
    """Which way tower n's top leans as it falls: over the lower of its far neighbours (-1
    left, 1 right), where there is sky for it to fall through."""
    far = [k for k, tower in enumerate(plan) if tower.row == 0]
    at = far.index(n)
    left = plan[far[at - 1]].height if at > 0 else 0
    right = plan[far[at + 1]].height if at + 1 < len(far) else 0
    return -1 if left <= right else 1


def smoke_wind(setup: Setup) -> float:
    """The wind the scene's smoke leans with (the dust drifts with it)."""
    return next((float(spec.params["wind"]) for spec in setup.scene.layers
                 if spec.type == "smoke"), WIND)


@dataclass(frozen=True)
class Moment:
    """What the collapse shows: the fall's step (-1: standing whole, FALL_STEPS * FALL_SECONDS
    rounded: gone) and the dust's step (-1: none)."""

    fall: int
    dust: int


def real_since(story_time: float, seconds: float, scene_at: float, at_offset: float) -> float:
    """Real seconds since the collapse's story time, `at_offset` story seconds into the scene
    (the scene's pace taken as even): -inf before the scene gets there, inf if it came before
    the scene began."""
    if at_offset < 0:
        return math.inf
    into = forward(scene_at, story_time)
    if into <= 0 or seconds <= 0 or into > DAY_SECONDS / 2:
        return -math.inf
    return (into - at_offset) * seconds / into


def moment(since: float) -> Moment:
    """The collapse at `since` real seconds after its story time (while it cracks, the step
    its last jolt came at: it holds still between jolts)."""
    steps = round(FALL_SECONDS * FALL_STEPS)
    fall = -1 if since < 0 else steps if since >= FALL_SECONDS else int(since * FALL_STEPS)
    jolt = round(CRACK_SHARE * steps / JOLTS)
    if 0 <= fall < jolt * JOLTS:
        fall -= fall % jolt
    return Moment(fall, dust_step(since) if 0 <= since < DUST_SECONDS else -1)


def tear(tier: int) -> float:
    """The share of the fall at which tier `tier` (0: the highest) tears off."""
    return LEAN_SHARE + tier * STAGGER


def pose(u: float, tier: int, width: int, fall: float) -> tuple[float, float, float]:
    """How far tier `tier` has turned (degrees) about the break's corner, dropped and moved
    sideways towards its lean (pixels) a share `u` through the fall, the tower `width` wide,
    the tier `fall` pixels above where it is gone: the top jolts on its crack and leans as
    one, then the tiers tear off one after another, the highest first, and slide down
    turning."""
    if u < CRACK_SHARE:
        jolts = 1 + int(u / CRACK_SHARE * JOLTS)
        return JOLT[2] * jolts, JOLT[1] * width * jolts, JOLT[0] * width * jolts
    cracked = (JOLT[2] * JOLTS, JOLT[1] * width * JOLTS, JOLT[0] * width * JOLTS)
    if u < LEAN_SHARE:
        w = ((u - CRACK_SHARE) / (LEAN_SHARE - CRACK_SHARE)) ** 2
        return cracked[0] + (LEAN_DEGREES - cracked[0]) * w, cracked[1], cracked[2]
    v = min(1.0, max(0.0, (u - tear(tier)) / SLIDE))
    return (LEAN_DEGREES + (END_DEGREES[tier] - LEAN_DEGREES) * v, cracked[1] + v * v * fall,
            cracked[2] + SIDEWAYS[tier] * width * v)


def chunks(tiers: list[Tier], rng: np.random.Generator, lean: int) -> list[Tier]:
    """The top's tiers, the lowest cracked in two: the highest, then the lowest's half on the
    side it leans to (it goes first), then its other half."""
    halves = split(tiers[-1], rng)
    return [*tiers[:-1], *(halves[::-1] if lean > 0 else halves)]


def turns(chunk: int) -> int:
    """How many turned pictures chunk `chunk` has (TURN_STEP apart, up to its END_DEGREES)."""
    return round(END_DEGREES[chunk] / TURN_STEP) + 1


def gone(u: float, tier: int) -> bool:
    """Whether tier `tier` has slid out of sight a share `u` through the fall."""
    return u >= tear(tier) + SLIDE


@dataclass(frozen=True)
class Shard:
    """A small piece thrown from a tier as it tears off: where and when (real seconds after
    the crack) it starts, its speed (pixels a second, right and down) and its picture."""

    x: float
    y: float
    born: float
    speed: tuple[float, float]
    kind: int


Blits = list[tuple[pygame.Surface, tuple[int, int]]]


class Collapse:
    """One tower's fall and its dust, placed in the ruins' picture (its top row is row 0)."""

    def __init__(self, tower: pygame.Surface, place: tuple[int, int], ground: int,
                 dust: Dust, rng: np.random.Generator, lean: int,
                 tiers: list[Tier] | None = None) -> None:
        """Tear the top off `tower` (placed at `place`; its foot at row `ground`) in tiers
        (or take the `tiers` already torn off it with `rng`: see breaking_off), and plan their
        turned pictures (leaning `lean`: -1 left, 1 right), the shards and the `dust`."""
        self.tiers = chunks(break_off(tower, rng) if tiers is None else tiers, rng, lean)
        self.width = tower.get_width()
        self.lean = lean
        self.rests = [(place[0] + tier.box.left, place[1] + tier.box.top) for tier in self.tiers]
        whole = self.tiers[0].box.unionall([tier.box for tier in self.tiers[1:]])
        pivot = hinge(self.tiers, lean)
        self.pivot = (place[0] + pivot[0], place[1] + pivot[1])
        self.span = whole.width  # from its hinge to its far side
        self.settle = 2 * tooth(tower.get_height())  # it sinks onto its stump by the break's
        # teeth as it cracks (jolted sideways, their points met and sky showed between them)
        self.drops = [ground - rest[1] + tier.box.height // 4
                      for rest, tier in zip(self.rests, self.tiers, strict=True)]
        self.turns: list[list[pygame.Surface]] = [[] for _ in self.tiers]  # made by `pieces`
        self.shard_pictures: list[list[pygame.Surface]] = []  # made by `pieces`
        self.ground = ground
        self.shards = self._throw(rng)
        middle = place[0] + self.width / 2
        fallen = Fallen((middle, float(ground)), self.width, ground - place[1] - whole.top,
                        ground - self.pivot[1], lean,
                        [tear(k) * FALL_SECONDS for k in range(len(self.tiers))],
                        (place[0] + whole.left - middle, place[0] + whole.right - middle),
                        [CRACK_SHARE * FALL_SECONDS * n / JOLTS for n in range(JOLTS)])
        self.dust = DustCloud(fallen, dust, rng)
        self._rng = rng

    def _throw(self, rng: np.random.Generator) -> list[Shard]:
        """The shards each tier throws from its lower edge as it tears off."""
        out = []
        for k, (tier, rest) in enumerate(zip(self.tiers, self.rests, strict=True)):
            for _ in range(SHARDS_PER_TIER):
                x = rest[0] + rng.uniform(0.1, 0.9) * tier.box.width
                speed = (self.lean * rng.uniform(*SHARD_THROW) * self.width,
                         -rng.uniform(0.0, 0.4) * self.width)
                out.append(Shard(x, float(rest[1] + tier.box.height), tear(k) * FALL_SECONDS,
                                 speed, int(rng.integers(SHARD_KINDS))))
        return out

    def pieces(self) -> Pieces:
        """Make each tier's turned pictures, the shards' and the dust's, a few a piece."""
        for k, tier in enumerate(self.tiers):
            for n in range(turns(k)):
                if n % TURNS_PER_PIECE == 0:
                    yield
                self.turns[k].append(pygame.transform.rotozoom(
                    tier.picture, -self.lean * TURN_STEP * n, 1.0))
        yield
        self.shard_pictures = shards(self.width, self._rng, dark_of(self.tiers[0].picture))
        yield from self.dust.pieces()

    def fall_blits(self, now: Moment) -> Blits:
        """The top's tiers and the shards where they are at this moment (nothing once the
        last is gone)."""
        steps = round(FALL_SECONDS * FALL_STEPS)
        if now.fall < 0:
            return [(tier.picture, rest) for tier, rest in zip(self.tiers, self.rests,
                                                                strict=True)]
        if now.fall >= steps:
            return []
        u = now.fall / steps
        out = [self._tier_blit(k, u) for k in range(len(self.tiers)) if not gone(u, k)]
        return out + self._shard_blits(now.fall / FALL_STEPS)

    def _tier_blit(self, k: int, u: float) -> tuple[pygame.Surface, tuple[int, int]]:
        """Tier k a share `u` through the fall: turned about the break's corner, dropped."""
        degrees, drop, side = pose(u, k, self.width, self.drops[k])
        turn = min(turns(k) - 1, round(degrees / TURN_STEP))
        picture = self.turns[k][turn]
        angle = math.radians(self.lean * TURN_STEP * turn)
        drop += SEAT * self.span * abs(math.sin(angle)) + self.settle
        w, h = self.tiers[k].picture.get_size()
        cx = self.rests[k][0] + w / 2 - self.pivot[0]
        cy = self.rests[k][1] + h / 2 - self.pivot[1]
        middle = (self.pivot[0] + cx * math.cos(angle) - cy * math.sin(angle) + side * self.lean,
                  self.pivot[1] + cx * math.sin(angle) + cy * math.cos(angle) + drop)
        return picture, picture.get_rect(center=(round(middle[0]), round(middle[1]))).topleft

    def _shard_blits(self, seconds: float) -> Blits:
        """The shards in the air `seconds` after the crack (each gone below the ground)."""
        out = []
        fall = SHARD_FALL * self.width
        for shard in self.shards:
            t = seconds - shard.born
            if t < 0:
                continue
            y = shard.y + shard.speed[1] * t + fall * t * t / 2
            if y > self.ground:
                continue
            tumble = self.shard_pictures[shard.kind]
            out.append((tumble[int(t * SHARD_SPIN) % len(tumble)],
                        (round(shard.x + shard.speed[0] * t), round(y))))
        return out

    def dust_blits(self, now: Moment) -> list[tuple[pygame.Surface, tuple[int, int], int]]:
        """Each puff of the dust at this moment: its picture, place and strength (0-255)."""
        return self.dust.blits(now.dust)

    def prepare(self, frame: object, now: Moment) -> None:
        """Once a frame: a piece of the dust's next picture (see DustCloud.prepare)."""
        self.dust.prepare(frame, now.dust)

    def close(self) -> None:
        """Drop what is made ahead (the scene is going)."""
        self.dust.close()

    def areas(self, now: Moment) -> list[pygame.Rect]:
        """Where the collapse paints at this moment (in the ruins' picture)."""
        rects = [pygame.Rect(place, picture.get_size())
                 for picture, place in self.fall_blits(now)]
        rects.extend(pygame.Rect(place, picture.get_size())
                     for picture, place, _strength in self.dust_blits(now))
        return rects

    def changed_round(self, was: Moment | None, now: Moment | None) -> list[pygame.Rect]:
        """`area_round` of two moments, of only what moved between them: the fall's tiers and
        shards if its step moved, the dust's puffs if theirs did (the fall holds still
        while the dust drifts, and the dust between its steps while the fall moves)."""
        if was is None or now is None:
            return self.area_round(was, now)
        found = [pygame.Rect(place, picture.get_size()) for moment in (was, now)
                 for picture, place in (self.fall_blits(moment) if was.fall != now.fall else [])]
        found.extend(pygame.Rect(place, picture.get_size()) for moment in (was, now)
                     for picture, place, _strength in (self.dust_blits(moment)
                                                       if was.dust != now.dust else []))
        return [found[0].unionall(found[1:])] if found else []

    def area_round(self, *moments: Moment | None) -> list[pygame.Rect]:
        """The box round where the collapse paints at these moments (in the ruins' picture),
        as one area: its tiers, shards and dust puffs (a few dozen boxes) overlap in one
        cloud, which the background joined a pair at a time into nearly the same box
        (~1 ms a frame of its fall)."""
        found = [area for now in moments if now is not None for area in self.areas(now)]
        return [found[0].unionall(found[1:])] if found else []

    def reach(self) -> pygame.Rect:
        """Everywhere the top and its shards can be while it falls."""
        steps = round(FALL_SECONDS * FALL_STEPS)
        rects = [pygame.Rect(place, picture.get_size()) for n in range(-1, steps)
                 for picture, place in self.fall_blits(Moment(n, -1))]
        return rects[0].unionall(rects[1:])
