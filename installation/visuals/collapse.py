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
)
from installation.visuals.collapse_dust import DUST_SECONDS, Dust, DustCloud, Fallen, dust_step
from installation.visuals.collapse_spans import Blits, boxes, moved

FALLING_FROM = 3  # the collapsing tower is one of this many tallest far ones
FALLING_SPAN = (0.1, 0.9)  # where its middle may stand, of the picture width
WIND = 0.3  # the dust's wind with no smoke in the scene
FALL_SECONDS = 6.0  # real seconds from the crack till the last chunk is gone (in 3.4 the top
# swung off whole like a card, review 23: the floors going one by one need the time to read)
CHUNKS = 2 * TIERS  # the top's tiers, each cracked in two: they let go one after another
CRACK_SECONDS = 0.6  # the top jolts on its break (a step shows where it cracked)...
JOLTS = 2  # ...this many times, evenly over the crack
JOLT = 0.02  # how far down each jolt drops it, of its width
CRUSH_SECONDS = 3.6  # then the floors under it pancake, one storey after another, faster as
# they go (the top riding down on them) till the stump is left
STOREYS = 7  # the floors give way in this many steps, each held, then dropping fast
RELEASE = (0.35, 0.5, 0.65, 0.8)  # when each chunk lets go of the pile, of the crush (the
# highest chunk first): it tumbles away on its own
THROW = (0.25, 0.55)  # how fast a chunk is thrown outwards, tower widths a real second
SPIN = (14.0, 40.0)  # how fast it turns, degrees a real second (away from the tower's middle)
GRAVITY = 2.0  # how fast a chunk falls faster, tower widths a second per second
FALL_STEPS = 30  # places a real second (a new place repaints the kept background there)
CRUSH_KEYS = 96  # the crushed floors' pictures made (one for each step of the crush this fine)
TURN_STEP = 2.0  # degrees between the turned pictures of each chunk, made once
END_DEGREES = 130.0  # the most a chunk turns before it is gone
TURNS_PER_PIECE = 8  # made in one piece of the building ahead
SHARDS_PER_TIER = 8  # small pieces spilling from each chunk as it lets go
SHARD_THROW = (0.1, 0.8)  # how fast a shard is thrown outwards, tower widths a second
SHARD_FALL = 3.0  # how fast it falls faster, tower widths a second per second
SHARD_SPIN = 6.0  # quarter turns a second as it tumbles
DUST_DRIFT = 0.012  # picture widths a real second at wind 1 (the smoke's wind)
DUST_TONE = 1.06  # the dust's colour, of the ash's: about the grey sky's where it climbs, lit
# paler on its sunward side, darker in its shade (1.0 till collapse25: high up, in the sky paler
# towards the horizon, its puffs read as dark blobs, review 24; 0.75 till collapse24: a row of
# dark balls over the ruins read as smoke; much paler, it read as cotton wool: dust21)
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
    jolt = round(CRACK_SECONDS * FALL_STEPS / JOLTS)
    if 0 <= fall < jolt * JOLTS:
        fall -= fall % jolt
    return Moment(fall, dust_step(since) if 0 <= since < DUST_SECONDS else -1)


def jolted(seconds: float) -> int:
    """How many times the top has jolted on its break `seconds` after the crack."""
    return min(JOLTS, 1 + int(seconds / CRACK_SECONDS * JOLTS))


def crushed(seconds: float) -> float:
    """How far the floors under the top have pancaked `seconds` after the crack, 0..1: a
    storey at a time, each held, then giving way fast, faster storey after storey."""
    share = min(1.0, max(0.0, (seconds - CRACK_SECONDS) / CRUSH_SECONDS)) ** 1.5 * STOREYS
    storey = min(STOREYS - 1, int(share))
    return (storey + min(1.0, share - storey) ** 3) / STOREYS


def release(chunk: int) -> float:
    """When chunk `chunk` lets go of the pile (real seconds after the crack)."""
    return CRACK_SECONDS + RELEASE[chunk] * CRUSH_SECONDS


def chunks(tiers: list[Tier], rng: np.random.Generator, lean: int) -> list[Tier]:
    """The top's tiers, each cracked in two, in the order they let go: the highest first,
    each tier's half on the side it leans to before its other half."""
    out = []
    for tier in tiers:
        halves = split(tier, rng)
        out.extend(halves[::-1] if lean > 0 else halves)
    return out


def turns() -> int:
    """How many turned pictures each chunk has (TURN_STEP apart, up to END_DEGREES)."""
    return round(END_DEGREES / TURN_STEP) + 1


@dataclass(frozen=True)
class Shard:
    """A small piece thrown from a chunk as it lets go: where and when (real seconds after
    the crack) it starts, its speed (pixels a second, right and down) and its picture."""

    x: float
    y: float
    born: float
    speed: tuple[float, float]
    kind: int


@dataclass(frozen=True)
class Throw:
    """How a chunk tumbles away once it lets go: which way (-1 left, 1 right), how fast
    outwards (pixels a second) and how fast it turns (degrees a second)."""

    side: int
    speed: float
    spin: float




def going(floors: pygame.Surface) -> np.ndarray:
    """When each pixel of the floors goes as they pancake (x, y; 0..1 of the crush): down
    each column from its top (the break) to its foot (the stump's torn top), so the front
    between what is gone and what stands is torn as they are."""
    alpha = pygame.surfarray.array_alpha(floors) > 0
    height = alpha.shape[1]
    rows = np.arange(height)[None, :]
    top = np.where(alpha.any(axis=1), alpha.argmax(axis=1), height)[:, None]
    foot = (height - np.where(alpha.any(axis=1), alpha[:, ::-1].argmax(axis=1), height))[:, None]
    return np.clip((rows - top + 1) / np.maximum(foot - top, 1), 0, 1)


def held_keys(floors: pygame.Surface, goes: np.ndarray) -> list[int]:
    """For each of the crush's CRUSH_KEYS + 1 keys, the lowest key whose torn front (see
    `torn_front`) lays the same pixels: the floors' picture is made again, and painted again,
    only when a pixel goes (while a storey holds, the front stays where it is)."""
    shown = goes[pygame.surfarray.array_alpha(floors) > 0]
    keys = np.arange(CRUSH_KEYS + 1)
    gone = np.searchsorted(np.sort(shown), keys / CRUSH_KEYS, side="right")  # pixels gone
    return [int(keys[np.searchsorted(gone, count)]) for count in gone.tolist()]


def torn_front(floors: pygame.Surface, goes: np.ndarray, share: float) -> pygame.Surface:
    """The floors with what has gone at `share` of the crush cleared (see `going`)."""
    out = floors.copy()
    alpha = pygame.surfarray.pixels_alpha(out)
    alpha[goes <= share] = 0
    del alpha
    return out


class Collapse:
    """One tower's fall and its dust, placed in the ruins' picture (its top row is row 0):
    the top jolts on its break, then rides down on the floors under it as they pancake a
    storey at a time, its chunks letting go one after another and tumbling away, till a
    jagged stump is left."""

    def __init__(self, tower: pygame.Surface, place: tuple[int, int], ground: int,
                 dust: Dust, rng: np.random.Generator, lean: int,
                 tiers: list[Tier] | None = None) -> None:
        """Tear the top off `tower` (placed at `place`; its foot at row `ground`) in tiers
        and the floors under them (or take those already torn off it with `rng`: see
        breaking_off), and plan the chunks' tumbles (the first leaning `lean`: -1 left, 1
        right), the shards and the `dust`."""
        torn = break_off(tower, rng) if tiers is None else tiers
        self.floors = torn[-1]
        self.tiers = chunks(torn[:-1], rng, lean)
        self.width = tower.get_width()
        self.lean = lean
        self.rests = [(place[0] + tier.box.left, place[1] + tier.box.top) for tier in self.tiers]
        self.floors_at = (place[0] + self.floors.box.left, place[1] + self.floors.box.top)
        whole = self.tiers[0].box.unionall([tier.box for tier in self.tiers[1:]])
        pivot = hinge(self.tiers, lean)
        self.pivot = (place[0] + pivot[0], place[1] + pivot[1])  # the break's foot
        self.throws = [self._throw_of(tier, rng) for tier in self.tiers]
        self.drops = [ground - rest[1] + tier.box.height // 4
                      for rest, tier in zip(self.rests, self.tiers, strict=True)]
        self.turns: list[list[pygame.Surface]] = [[] for _ in self.tiers]  # made by `pieces`
        self.shard_pictures: list[list[pygame.Surface]] = []  # made by `pieces`
        self.ground = ground
        self.shards = self._shards(rng)
        middle = place[0] + self.width / 2
        fallen = Fallen((middle, float(ground)), self.width, ground - place[1] - whole.top,
                        ground - self.pivot[1], lean,
                        [release(k) for k in range(len(self.tiers))],
                        (place[0] + whole.left - middle, place[0] + whole.right - middle),
                        [CRACK_SECONDS * n / JOLTS for n in range(JOLTS)],
                        self._storeys(ground - self.floors_at[1]))
        self.dust = DustCloud(fallen, dust, rng)
        self._rng = rng
        self._goes = going(self.floors.picture)
        self._held = held_keys(self.floors.picture, self._goes)
        self._front: tuple[int, pygame.Surface] = (-1, self.floors.picture)
        self.stump, self.stump_at = tower, place

    def _throw_of(self, tier: Tier, rng: np.random.Generator) -> Throw:
        """A chunk's tumble: away from the tower's middle (the side it leans to if it
        stands across it), at its own speed and spin."""
        off = tier.box.centerx - self.width / 2
        side = self.lean if abs(off) < 0.05 * self.width else (1 if off > 0 else -1)
        return Throw(side, rng.uniform(*THROW) * self.width, rng.uniform(*SPIN))

    def _storeys(self, high: int) -> list[tuple[float, float]]:
        """When each storey of the floors gives way (real seconds after the crack) and how
        high its front then stands over the foot (`high`: the floors' top's)."""
        depth = self.floors.box.height
        return [(CRACK_SECONDS + CRUSH_SECONDS * (n / STOREYS) ** (2 / 3),
                 high - depth * n / STOREYS) for n in range(STOREYS)]

    def _shards(self, rng: np.random.Generator) -> list[Shard]:
        """The shards each chunk throws from its lower edge as it lets go."""
        out = []
        for k, (tier, rest) in enumerate(zip(self.tiers, self.rests, strict=True)):
            at = release(k)
            low = rest[1] + tier.box.height + self._riding(at)
            for _ in range(SHARDS_PER_TIER):
                x = rest[0] + rng.uniform(0.1, 0.9) * tier.box.width
                speed = (self.throws[k].side * rng.uniform(*SHARD_THROW) * self.width,
                         -rng.uniform(0.0, 0.4) * self.width)
                out.append(Shard(x, float(low), at, speed, int(rng.integers(SHARD_KINDS))))
        return out

    def _riding(self, seconds: float) -> float:
        """How far the top has come down riding the floors `seconds` after the crack."""
        return JOLT * self.width * jolted(seconds) + crushed(seconds) * self.floors.box.height

    def pieces(self) -> Pieces:
        """Make each chunk's turned pictures, the shards' and the dust's, a few a piece."""
        for k, tier in enumerate(self.tiers):
            for n in range(turns()):
                if n % TURNS_PER_PIECE == 0:
                    yield
                self.turns[k].append(pygame.transform.rotozoom(
                    tier.picture, -self.throws[k].side * TURN_STEP * n, 1.0))
        yield
        self.shard_pictures = shards(self.width, self._rng, dark_of(self.tiers[0].picture))
        yield from self.dust.pieces()

    def fall_blits(self, now: Moment) -> Blits:
        """The floors, the top's chunks and the shards where they are at this moment
        (nothing once the last is gone)."""
        steps = round(FALL_SECONDS * FALL_STEPS)
        if now.fall < 0:
            return [(self.floors.picture, self.floors_at),
                    *((tier.picture, rest) for tier, rest in zip(self.tiers, self.rests,
                                                                  strict=True))]
        if now.fall >= steps:
            return []
        seconds = now.fall / FALL_STEPS
        out = self._floors_blit(seconds)
        tumbling = []
        for k in range(len(self.tiers)):
            if (blit := self._chunk_blit(k, seconds)) is not None:
                out.append(blit)
                tumbling.extend([blit] if release(k) <= seconds else [])
        return out + self._in_front(tumbling) + self._shard_blits(seconds)

    def _in_front(self, tumbling: Blits) -> Blits:
        """The stump laid again over each chunk tumbling past it: they fall behind it
        (laid over its face, one read as pasted on: review 24)."""
        stump = pygame.Rect(self.stump_at, self.stump.get_size())
        out = []
        for picture, place in tumbling:
            over = pygame.Rect(place, picture.get_size()).clip(stump)
            if over:
                out.append((self.stump.subsurface(over.move(-stump.x, -stump.y)), over.topleft))
        return out

    def _floors_blit(self, seconds: float) -> Blits:
        """What is left of the floors `seconds` after the crack: their storeys above the
        front gone, the top riding down on what is left. The front is torn as the break
        and the stump's top are, going from the one to the other (cut level, it stood as a
        flat-topped block once the chunks had gone: review 24)."""
        share = crushed(seconds)
        if share >= 1:
            return []
        key = self._held[min(len(self._held) - 1, round(share * CRUSH_KEYS))]
        if self._front[0] != key:
            self._front = (key, torn_front(self.floors.picture, self._goes, key / CRUSH_KEYS))
        return [(self._front[1], self.floors_at)]

    def _chunk_blit(self, k: int, seconds: float) -> tuple[pygame.Surface, tuple[int, int]] | None:
        """Chunk k `seconds` after the crack: riding down on the floors, then tumbling away
        on its own, turning as it drops (None: gone below the ruins)."""
        at = release(k)
        if seconds < at:
            return self.tiers[k].picture, (self.rests[k][0],
                                           self.rests[k][1] + round(self._riding(seconds)))
        t = seconds - at
        throw = self.throws[k]
        drop = self._riding(at) + GRAVITY * self.width * t * t / 2
        if drop > self.drops[k]:
            return None
        picture = self.turns[k][min(turns() - 1, round(throw.spin * t / TURN_STEP))]
        w, h = self.tiers[k].picture.get_size()
        middle = (self.rests[k][0] + w / 2 + throw.side * throw.speed * t,
                  self.rests[k][1] + h / 2 + drop)
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
        """Where the collapse's pixels can differ between two moments, box by box: each of
        the floors and chunks that moved or changed, at both (each chunk a small box of its
        own: one box round them all repainted much of the skyline 30 times a second; while a
        storey holds, none: they were all painted again 30 times a second), the box round
        the shards, and where the dust's picture shows at both if its step moved (its bands,
        see collapse_spans: the box round it was a third clear air)."""
        if was is None or now is None:
            return self.area_round(was, now)
        found: list[pygame.Rect] = []
        if was.fall != now.fall:
            found.extend(moved(self._solid(was), self._solid(now)))
            shards = [pygame.Rect(place, picture.get_size()) for moment in (was, now)
                      for picture, place in self._shard_blits(moment.fall / FALL_STEPS)
                      if moment.fall >= 0]
            found.extend([shards[0].unionall(shards[1:])] if shards else [])
        if was.dust != now.dust:
            dust = [pygame.Rect(place, picture.get_size()) for moment in (was, now)
                    for picture, place, _strength in self.dust_blits(moment)]
            found.extend(box.clip(dust[0].unionall(dust[1:])) for box in boxes(
                (self.dust.spans(was.dust), self.dust.spans(now.dust))))
        return found

    def _solid(self, now: Moment) -> Blits:
        """The floors' and the chunks' blits at this moment (the shards left out)."""
        blits = self.fall_blits(now)
        return blits[:len(blits) - self._in_air(now)]

    def _in_air(self, now: Moment) -> int:
        """How many shards `fall_blits` gives at this moment (they come last)."""
        steps = round(FALL_SECONDS * FALL_STEPS)
        if now.fall < 0 or now.fall >= steps:
            return 0
        return len(self._shard_blits(now.fall / FALL_STEPS))

    def area_round(self, *moments: Moment | None) -> list[pygame.Rect]:
        """The box round where the collapse paints at these moments (in the ruins' picture),
        as one area."""
        found = [area for now in moments if now is not None for area in self.areas(now)]
        return [found[0].unionall(found[1:])] if found else []

    def reach(self) -> pygame.Rect:
        """Everywhere the floors, the top and its shards can be while it falls."""
        steps = round(FALL_SECONDS * FALL_STEPS)
        rects = [pygame.Rect(place, picture.get_size()) for n in range(-1, steps)
                 for picture, place in self.fall_blits(Moment(n, -1))]
        return rects[0].unionall(rects[1:])
