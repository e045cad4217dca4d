"""People: jointed silhouettes walking, running, sitting or embracing along a curator's path."""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise, product
from typing import Any

import numpy as np
import pygame

from installation.core.timeutil import forward
from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    finished,
    hash01,
    mix,
    smooth_noise,
    stable_seed,
)
from installation.visuals.quadruped import coyote
from installation.visuals.skeleton import (
    MOVING,
    ONCE,
    PARTNER,
    PERIOD,
    STRIDE,
    Body,
    Capsule,
    pose,
)
from installation.visuals.tarpit import BAND, MIRROR_DIM, gloss, ripples, tint
from installation.visuals.wardrobe import CROWD, OUTFITS, Outfit, dressed, hair_of

Point = tuple[float, float]
SUPERSAMPLE = 2  # drawn at twice the size and shrunk, for smooth edges
PHASES = 16  # a cycle is cached as this many sprites
FINE = {"handshake": 64, "handshake-back": 64,  # a quick gesture's: its pumps in small steps
        "straighten": 32}
TURNS = 3  # a head turning towards the visitor is cached in this many steps
# Drawing sprites ahead is measured in pixels of the supersampled drawing they are made on:
# a piece of the set-up does about this much (about 3 ms: the shrinking of one sprite of a
# figure a third of the picture tall, or several small ones), then pauses, so a slow frame
# and its piece stay within a frame. (A slow frame that builds anyway builds several pieces
# while they fit: more, shorter pieces do not slow the building of the next scene.)
PIXELS_PER_PIECE = 3_000_000
PASS_PIXELS = 250_000  # what one pass of painting a figure costs beyond its area (its joints)
SHRINK_COST = 3  # shrinking the drawing costs this many times its area
SHADOW_COST = 12  # a long shadow costs this many times the sprite's (shrunk) area
TURN_RATE = 0.12  # head turns per second, roughly
SIZES = 4  # members of a crowd come in this many heights
HEIGHT_SPREAD = 0.14  # the tallest member of a crowd is this much taller than the shortest
RIM_SHIFT = 0.012  # how far the rim light shows past the edge, in figure heights
BACK_RIM = 0.45  # a rim from "both" sides: the far side's is this share of the way to the rim
FAR_SHADE = 0.75  # far limbs are this much darker (or lighter on a pale figure's rim)
SHADOW_ALPHA = 120
JOSTLE_RATE = 0.35  # how fast a crowd member wanders, in wanders per second
EMBRACE_GAP = 0.2  # between partners' feet, in heights
PAIR_GAP = {"embrace": EMBRACE_GAP, "handshake": 0.5}  # (a handshake's: the hands meet)
OLD_GAP = 0.3  # an old couple's: upright, they hold each other, her head to his shoulder
WINDOW_SIDES, WINDOW_TALL, WINDOW_SILL = 1.3, 1.25, 0.15  # a lit window round them, in heights
OLD_PACE = 1.5  # the old move this much slower: an old couple's rocking embrace takes 9 s
SILVER = (206, 206, 210)  # grey hair, before the light it catches
SILVER_LIGHT = 0.35  # how much of the light (the rim, else the window) it takes on
SILVER_CROWN = 1.18  # its lit top edge, this much brighter
# A couple in each other's arms are drawn in these parts, each over both of them: the far arms,
# the bodies, the near arms (round the partner: over their back). A sprite of one "whole"
# person is all three at once.
PARTS = ("far", "body", "near")
WOBBLE_RATE = 30  # the tar's wobble under a reflection moves on this many times a second
WHOLE = "whole"


@dataclass(frozen=True)
class Mirror:
    """How a layer's figures mirror in the tar below their feet."""

    strength: float  # 0 to 1: how opaque the reflection is at the feet
    depth: int  # rows from the feet to the foot of the picture (the mirror fades over them)
    width: int  # the picture's, for the tar's wobble
    seed: int


@dataclass(frozen=True)
class Look:
    """What decides a sprite's pixels (the cache key with pose, phase and facing)."""

    height: int
    color: Color
    rim: Color | None
    rim_left: bool = False  # the rim light comes from the left of the picture
    outfit: Outfit | None = None  # None: a bare figure with a round head (a coyote)
    hair: Color | None = None  # grey hair catching the light (None: the body's colour)
    rim_both: bool = False  # lit from behind: the rim shows on both edges (the far one dimmer)

    def __hash__(self) -> int:  # worked out once: a sprite is looked up by it every frame
        try:
            return self.__dict__["_hash"]  # type: ignore[no-any-return]
        except KeyError:
            found = hash((self.height, self.color, self.rim, self.rim_left, self.outfit,
                          self.hair, self.rim_both))
            self.__dict__["_hash"] = found
            return found


class Budget:
    """How much of a piece of the set-up is spent: work is charged before it is done, and a
    step that would go past the piece starts the next one (`over`)."""

    def __init__(self, most: float = math.inf) -> None:
        self.most = most
        self.spent = 0.0

    def over(self, cost: float) -> bool:
        """Charge `cost`; True if the piece must pause first (the cost then opens the next)."""
        if self.spent and self.spent + cost > self.most:
            self.spent = cost
            return True
        self.spent += cost
        return False


def sprite_for(body: Body, look: Look, left: bool, part: str = WHOLE,
               trim: bool = False) -> tuple[pygame.Surface, Point]:
    """A figure (or one of its PARTS) drawn once: the surface, and where its feet are on it
    (x, y in pixels). A part, or any with `trim`, is cropped to what it shows."""
    return finished(sprite_steps(body, look, left, part, trim, Budget()))


def sprite_steps(body: Body, look: Look, left: bool, part: str, trim: bool,
                 budget: Budget) -> Generator[None, None, tuple[pygame.Surface, Point]]:
    """`sprite_for` in steps (each pass of paint, then the shrinking), pausing where the
    budget's piece is spent."""
    h = look.height * SUPERSAMPLE
    pad = int(0.1 * h) + 2
    xs = [x for c in body.capsules for x in (c.a[0], c.b[0])] + [body.head[0]]
    left_x, right_x = min(xs) - 0.12, max(xs) + 0.12
    width = int((right_x - left_x) * h) + 2 * pad
    height = int(1.12 * h) + 2 * pad
    area = width * height
    if budget.over(area):  # a new drawing is cleared (its memory first touched) as it is made
        yield
    big = pygame.Surface((width, height), pygame.SRCALPHA)
    origin = (pad - left_x * h, height - pad)

    def at(p: Point) -> tuple[float, float]:
        return (origin[0] + p[0] * h, origin[1] - p[1] * h)

    capsules, shapes = (body.capsules, ()) if look.outfit is None or not body.joints else \
        dressed(body, look.outfit)
    layers = [*_rims(look, left), (look.color, 0.0)]
    # The body and its clothes, then the near arm over them with an edge of its own: its elbow
    # and hand read against the chest instead of sinking into it.
    for group, outlines, torso in _groups(capsules, shapes, part):
        if not torso and look.rim is not None and part == WHOLE:
            if budget.over(PASS_PIXELS + area):
                yield
            _near_arm(big, at, h, group, look.color, layers[:-1])
            continue
        for color, shift in layers:
            if budget.over(PASS_PIXELS + area):
                yield
            _paint(big, at, h, group, outlines, color, shift)
            if not shapes and torso:  # a bare figure's round head
                cx, cy = at((body.head[0] + shift, body.head[1] + abs(shift) * 0.5))
                pygame.draw.circle(big, color, (cx, cy), body.head_radius * h)
        if torso and look.hair is not None and look.outfit is not None:
            _grey_hair(big, at, h, hair_of(body, look.outfit), look.hair)
    if budget.over(SHRINK_COST * area):
        yield
    small = pygame.transform.smoothscale(big, (width // SUPERSAMPLE, height // SUPERSAMPLE))
    feet = (origin[0] / SUPERSAMPLE, origin[1] / SUPERSAMPLE)
    if left:
        small = pygame.transform.flip(small, True, False)
        feet = (small.get_width() - feet[0], feet[1])
    if part != WHOLE or trim:
        shown = small.get_bounding_rect()
        # Cut from an even column and row: the feet move by an even number of pixels, so
        # the place the sprite is rounded to moves by exactly that (round() rounds a half
        # to even), and the picture is the same as from the whole sprite.
        shown.union_ip((shown.x - shown.x % 2, shown.y - shown.y % 2, 0, 0))
        small = small.subsurface(shown).copy()
        feet = (feet[0] - shown.x, feet[1] - shown.y)
    return small, feet


def _rims(look: Look, left: bool) -> list[tuple[Color, float]]:
    """A sprite's rim passes, each a colour and its shift towards the light (the sprite may be
    flipped after): the rim's, then for a figure lit from behind a dimmer one the other way."""
    if look.rim is None:
        return []
    shift = RIM_SHIFT * (-1 if look.rim_left != left else 1)
    if not look.rim_both:
        return [(look.rim, shift)]
    return [(look.rim, shift), (mix(look.color, look.rim, BACK_RIM), -shift)]


def _groups(capsules: Sequence[Capsule], shapes: Sequence[Sequence[Point]],
            part: str) -> list[tuple[list[Capsule], Sequence[Sequence[Point]], bool]]:
    """What a sprite's part paints, in order: groups of limbs with the outlines over them, and
    whether the group is the body (where a head goes): the far limbs and the body and clothes,
    then the near arm. A far arm alone is the part "far", and left out of the "body"."""
    behind = sorted((c for c in capsules if not c.in_front), key=lambda c: not c.far)
    front = [c for c in capsules if c.in_front]
    if part == WHOLE:
        return [(behind, shapes, True), (front, (), False)]
    if part == "near":
        return [(front, (), False)]
    arms = [c for c in behind if c.far and c.limb in ("arm", "hand")]
    if part == "far":
        return [(arms, (), False)]
    return [([c for c in behind if c not in arms], shapes, True)]


def _near_arm(big: pygame.Surface, at: Callable[[Point], tuple[float, float]], h: float,
              arm: Sequence[Capsule], color: Color, rims: Sequence[tuple[Color, float]]) -> None:
    """The near arm over the body drawn so far: its rims light its edges where it stands out
    against what is behind the figure, and where it lies over the figure's own body an edge
    is a fold of shadow (a bright stripe across the chest read as the room showing through)."""
    points = [at(p) for c in arm for p in (c.a, c.b)]
    if not points:
        return
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    thick = max(max(c.width, c.end_width) for c in arm)
    spread = 2 * round((thick + 2 * RIM_SHIFT) * h) + 4  # the widest limb and its rim
    area = pygame.Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).inflate(
        spread, spread).clip(big.get_rect())

    def near(p: Point) -> tuple[float, float]:
        x, y = at(p)
        return x - area.x, y - area.y

    body = big.subsurface(area).copy()  # what the arm lies over: white, as opaque as the body
    body.fill((255, 255, 255, 0), special_flags=pygame.BLEND_RGBA_MAX)
    for light in rims:
        _paint(big, at, h, arm, (), *light)
    fold = pygame.Surface(area.size, pygame.SRCALPHA)
    for _light, shift in rims:
        _paint(fold, near, h, arm, (), _shade(color), shift)
    fold.blit(body, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    big.blit(fold, area)
    _paint(big, at, h, arm, (), color, 0.0)


def _grey_hair(big: pygame.Surface, at: Callable[[Point], tuple[float, float]], h: float,
               locks: Sequence[Sequence[Point]], color: Color) -> None:
    """Grey hair over the dark head: a brighter copy, moved a little up and forward, for the
    edge the light catches, then the hair itself over most of it."""
    crown = tuple(min(255, round(c * SILVER_CROWN)) for c in color)
    _paint(big, at, h, (), locks, (crown[0], crown[1], crown[2]), RIM_SHIFT * 0.5)
    _paint(big, at, h, (), locks, color, 0.0)


def silver(light: Color) -> Color:
    """The colour of grey hair in this light."""
    r, g, b = (round(s + (c - s) * SILVER_LIGHT) for s, c in zip(SILVER, light, strict=True))
    return (r, g, b)


def _shade(color: Color) -> Color:
    return (int(color[0] * FAR_SHADE), int(color[1] * FAR_SHADE), int(color[2] * FAR_SHADE))


def _paint(big: pygame.Surface, at: Callable[[Point], tuple[float, float]], h: float,
           capsules: Sequence[Capsule], outlines: Sequence[Sequence[Point]], color: Color,
           shift: float) -> None:
    """One pass over some of a sprite: its limbs (far ones darker, unless this is the rim),
    then outlines over them, moved `shift` figure heights sideways and half as much up (a
    rim light's edge is this pass drawn in the rim's colour, under the one in the body's)."""
    far_color = color if shift else _shade(color)
    lift = abs(shift) * 0.5
    for capsule in capsules:
        _capsule(big, at((capsule.a[0] + shift, capsule.a[1] + lift)),
                 at((capsule.b[0] + shift, capsule.b[1] + lift)), capsule.width * h,
                 far_color if capsule.far else color, capsule.end_width * h)
    for outline in outlines:
        pygame.draw.polygon(big, color, [at((x + shift, y + lift)) for x, y in outline])


def _capsule(surface: pygame.Surface, a: Point, b: Point, width: float, color: Color,
             end: float | None = None) -> None:
    """A line with round ends, `width` thick at a and `end` thick at b (None: the same): the
    two discs and the band along their outer tangents."""
    ra = max(1.0, width / 2)
    rb = ra if end is None else max(1.0, end / 2)
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length > abs(ra - rb):
        ux, uy = dx / length, dy / length
        s = (ra - rb) / length  # the tangents lean in towards the thinner end
        c = math.sqrt(1.0 - s * s)
        sides = [(ux * s - uy * c, uy * s + ux * c), (ux * s + uy * c, uy * s - ux * c)]
        pygame.draw.polygon(surface, color, [(a[0] + sides[0][0] * ra, a[1] + sides[0][1] * ra),
                                             (b[0] + sides[0][0] * rb, b[1] + sides[0][1] * rb),
                                             (b[0] + sides[1][0] * rb, b[1] + sides[1][1] * rb),
                                             (a[0] + sides[1][0] * ra, a[1] + sides[1][1] * ra)])
    pygame.draw.circle(surface, color, a, ra)
    pygame.draw.circle(surface, color, b, rb)


class Sprites:
    """Sprites per body, pose, phase, head turn, height and facing, drawn when first needed."""

    def __init__(self, kind: str = "person", trim: bool = False,
                 mirror: Mirror | None = None) -> None:
        self.kind = kind
        self.trim = trim  # each cut to what it shows (not with a shadow: laid from its box)
        self.mirror = mirror
        self._cache: dict[tuple[str, int, int, bool, Look, str],
                          tuple[pygame.Surface, Point]] = {}
        self._mirrored: dict[tuple[str, int, int, bool, Look, str],
                             tuple[pygame.Surface, Point]] = {}

    def get(self, name: str, phase: float, left: bool, look: Look, turn: float = 0.0,
            part: str = WHOLE) -> tuple[pygame.Surface, Point]:
        found = self._cache.get(self._key(name, phase, left, look, turn, part))
        if found is not None:  # (every frame: no drawing set up for it)
            return found
        return finished(self._making(name, phase, left, look, turn, part, Budget()))

    def _making(self, name: str, phase: float, left: bool, look: Look, turn: float, part: str,
                budget: Budget) -> Generator[None, None, tuple[pygame.Surface, Point]]:
        """The sprite, drawn in steps within `budget` the first time it is needed."""
        key = self._key(name, phase, left, look, turn, part)
        if key not in self._cache:
            body = self.body(name, key[1] / FINE.get(name, PHASES), key[2] / TURNS, look.outfit)
            self._cache[key] = yield from sprite_steps(body, look, left, part, self.trim, budget)
        return self._cache[key]

    def reflection(self, name: str, phase: float, left: bool, look: Look, turn: float = 0.0,
                   part: str = WHOLE) -> tuple[pygame.Surface, Point]:
        """The sprite's reflection in the tar (still: `wobbled` draws it) and where the feet are
        on it (at its top edge), made the first time it is needed; only for Sprites made with a
        `mirror`."""
        assert self.mirror is not None
        key = self._key(name, phase, left, look, turn, part)
        if key not in self._mirrored:
            sprite, feet = self.get(name, phase, left, look, turn, part)
            self._mirrored[key] = reflected(sprite, feet, self.mirror)
        return self._mirrored[key]

    def _key(self, name: str, phase: float, left: bool, look: Look, turn: float,
             part: str) -> tuple[str, int, int, bool, Look, str]:
        """The cache key: the phase and head turn rounded to the steps they are drawn in."""
        steps = FINE.get(name, PHASES)
        return (name, int(phase % 1.0 * steps) % steps, round(turn * TURNS), left, look, part)

    def drawn(self) -> Iterable[tuple[pygame.Surface, Point]]:
        return self._cache.values()

    def fill(self, names: Iterable[str], lefts: Iterable[bool], looks: Iterable[Look],
             turns: int = 0, parts: Sequence[str] = (WHOLE,),
             budget: Budget | None = None) -> Pieces:
        """Draw every sprite these poses, facings and looks can need, in pieces of `budget`
        (ahead of the scene, so no frame waits for a drawing)."""
        budget = budget or Budget(PIXELS_PER_PIECE)
        for name, left, look in product(names, lefts, looks):
            steps = FINE.get(name, PHASES)
            for step, turned, part in product(range(steps), range(turns + 1), parts):
                args = (name, step / steps, left, look, turned / TURNS, part)
                sprite, _ = yield from self._making(*args, budget)
                if self.mirror is not None:
                    if budget.over(sprite.get_width() * sprite.get_height()):
                        yield
                    self.reflection(*args)

    def body(self, name: str, t: float, turn: float, outfit: Outfit | None = None) -> Body:
        if self.kind == "coyote":
            return coyote(name if name in MOVING else "idle", t, turn)
        if outfit is None:
            return pose(name, t)
        return pose(name, t, outfit.stoop, outfit.cane)


def outfit_of(body: str, pick: float, i: int) -> Outfit | None:
    """What member i of a `body` wears: a named person's clothes, Harry's and Julie's in turn
    for a "couple", Ivan's and Lucy's for "elders", one from the crowd's for "person" (by
    `pick`, 0 to 1), none for an animal."""
    if body == "person":
        return CROWD[int(pick * len(CROWD)) % len(CROWD)]
    if body == "couple":
        return OUTFITS["harry" if i % 2 == 0 else "julie"]
    if body == "elders":
        return OUTFITS["ivan" if i % 2 == 0 else "lucy"]
    return OUTFITS.get(body)


class Path:
    """A polyline in pixels, walked by distance from its first point."""

    def __init__(self, points: Sequence[Point]) -> None:
        self.points = list(points)
        self.lengths = [math.dist(a, b) for a, b in pairwise(self.points)]
        self.total = sum(self.lengths)

    def at(self, distance: float) -> tuple[Point, float]:
        """The point `distance` along (clamped to the ends), and the heading there (x sign)."""
        if not self.lengths:
            return self.points[0], 0.0
        distance = min(max(distance, 0.0), self.total)
        for (a, b), length in zip(pairwise(self.points), self.lengths, strict=True):
            if distance <= length and length > 0:
                t = distance / length
                return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), b[0] - a[0]
            distance -= length
        a, b = self.points[-2], self.points[-1]
        return b, b[0] - a[0]


@dataclass(frozen=True)
class Member:
    """One person of the group: where they are, which way they face, their cycle phase."""

    feet: Point
    left: bool
    pose: str
    phase: float
    look: Look
    turn: float


class Figures:
    """A person or a small crowd along a path, in a pose, with a rim light and a long shadow."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        self.params = params
        width, height = setup.size
        self.width = width
        self.path = Path([(x * width, y * height) for x, y in params["path"]])
        self.height = max(4, round(params["scale"] * height))
        self.seed = stable_seed(setup.seed, setup.scene.name, "figures", *params["path"])
        mirror = None
        if params["reflect"] > 0:
            lowest = max(y for _, y in self.path.points)
            mirror = Mirror(params["reflect"], max(1, round(height - lowest)), width, self.seed)
        self.sprites = Sprites(params["body"], trim=not params["shadow"], mirror=mirror)
        self._wobbled: tuple[int | None, np.ndarray] = (None, np.zeros(0))  # its step, shifts
        self.shadows: dict[int, pygame.Surface] = {}
        self.scene_at = setup.scene.at
        self.looks = [self._look(i) for i in range(params["count"])]  # each member's, fixed

    def warm(self, frame: Frame) -> Pieces:
        """Draw ahead every sprite (and shadow) this layer can show."""
        p = self.params
        names = {p["pose"], "idle"} if _then_stands(p["pose"]) else {p["pose"]}
        headings = [b[0] - a[0] for a, b in pairwise(self.path.points)]
        lefts = {h < 0 for h in headings if h} if p["facing"] == "path" else {
            p["facing"] == "left"}
        if p["pose"] in PARTNER:
            yield from self._warm_pair(headings)
            lefts = set()
        elif not lefts:
            lefts = {False, True}
        looks = sorted(set(self.looks), key=repr)
        budget = Budget(PIXELS_PER_PIECE)
        for name in sorted(names):  # a coyote turns its head only when it stands
            turns = TURNS if p["body"] == "coyote" and name not in MOVING else 0
            yield from self.sprites.fill([name], sorted(lefts), looks, turns, budget=budget)
        if p["shadow"]:
            for sprite, _ in list(self.sprites.drawn()):
                if budget.over(SHADOW_COST * sprite.get_width() * sprite.get_height()):
                    yield
                self._shadow_of(sprite)

    def _warm_pair(self, headings: Sequence[float]) -> Pieces:
        """A pair's sprites: each partner in their own pose, facing the other (an embrace's in
        parts; a handshake's, and the standing after it, whole)."""
        p = self.params
        lefts = ({h < 0 for h in headings} or {False}) if p["facing"] == "path" else {
            p["facing"] == "left"}  # (standing on a point, they face right)
        names = [p["pose"], "idle"] if _then_stands(p["pose"]) else [p["pose"]]
        parts = parts_of(p["pose"])
        budget = Budget(PIXELS_PER_PIECE)
        for i, look in enumerate(self.looks):
            turned = i % 2 == 1
            yield from self.sprites.fill([self._pose_of(i, name) for name in names],
                                         sorted(left != turned for left in lefts), [look],
                                         parts=parts, budget=budget)

    def _pose_of(self, i: int, name: str) -> str:
        """The pose member i takes: the second of a pair takes their partner's."""
        return PARTNER.get(name, name) if i % 2 == 1 else name

    def members(self, frame: Frame) -> list[Member]:
        """Where each member is at this frame (none outside the story times they are there).
        A looping crowd is a stream: whoever has not set off yet is out of the picture until
        their turn comes (never a knot of people waiting on the path's first point, their
        bodies merged); whoever has come to the end waits there, as one walking alone does."""
        p = self.params
        into = forward(self.scene_at, frame.story_time)
        if p["from"] is not None and into < forward(self.scene_at, p["from"]):
            return []
        if p["until"] is not None and into >= forward(self.scene_at, p["until"]):
            return []
        travelled = p["speed"] * self.width * self._walking(frame)
        moving = p["speed"] > 0 and self.path.total > 0
        if p["loop"] and moving:
            travelled %= self.path.total + p["spacing"] * self.width * p["count"]
        gap = p["spacing"] * self.width * (-1 if moving else 1)  # a standing group spreads out
        streaming = p["loop"] and moving and p["count"] > 1
        return [self._member(i, travelled + i * gap, moving, frame) for i in range(p["count"])
                if not streaming or travelled + i * gap >= 0]

    def _walking(self, frame: Frame) -> float:
        """Real seconds since they set off: the scene's start, or `from` (the scene's pace is
        taken as even, so a story time inside it is that share of its real seconds)."""
        start = self.params["from"]
        if start is None:
            return frame.seconds
        into = forward(self.scene_at, frame.story_time)
        return frame.seconds * forward(start, frame.story_time) / into if into > 0 else 0.0

    def _member(self, i: int, distance: float, moving: bool, frame: Frame) -> Member:
        p = self.params
        (x, y), heading = self.path.at(distance)
        wander = p["jostle"] * self.height * 0.35
        x += wander * (smooth_noise(self.seed + i, frame.seconds * JOSTLE_RATE + i) - 0.5)
        own = hash01(self.seed, i, 1)
        name = p["pose"]
        stepping = moving and 0 < distance < self.path.total
        if name in MOVING and stepping:
            phase = distance / (STRIDE[name] * self.height) + own
        elif name in ONCE and self._walking(frame) < PERIOD[name]:  # both partners in step
            phase = self._walking(frame) / PERIOD[name]
        else:
            done = name in ONCE  # standing on from where the gesture left them (idle's start)
            name = "idle" if _then_stands(name) else name  # waiting, arrived, or done
            if done:
                phase = (self._walking(frame) - PERIOD[p["pose"]]) / PERIOD[name] * (
                    0.85 + 0.3 * own)
            elif name == "embrace":  # a couple sway in step (see skeleton.hold), the old slower
                pace = OLD_PACE if self._old(i) else 1.0
                phase = frame.seconds / (PERIOD[name] * pace) + 0.5 * (i % 2)
            elif self._old(i):  # slower
                phase = frame.seconds / (PERIOD[name] * OLD_PACE) + own
            else:
                phase = frame.seconds / PERIOD[name] * (0.85 + 0.3 * own) + own
        facing = p["facing"]
        left = heading < 0 if facing == "path" else facing == "left"
        if p["pose"] in PARTNER:  # partners face each other, close (and stay so, standing)
            gap = OLD_GAP if self._old(i) and name == "embrace" else PAIR_GAP[p["pose"]]
            ahead = self.height * (-1 if left else 1)
            x -= (gap - EMBRACE_GAP) / 2 * ahead  # the pair centred where any pair would be
            if i % 2 == 1:
                x += gap * ahead
                left = not left
            name = self._pose_of(i, name)
        turn = 0.0
        if p["body"] == "coyote" and name not in MOVING:  # it stops to look round
            turn = max(0.0, 2.0 * smooth_noise(self.seed + 7 * i, frame.seconds * TURN_RATE) - 1)
        return Member((x, y), left, name, phase, self.looks[i], turn)

    def _old(self, i: int) -> bool:
        outfit = self.looks[i].outfit
        return outfit is not None and outfit.stoop > 0

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        p = self.params
        members = sorted(self.members(frame), key=lambda m: m.feet[1])
        if p["window"] is not None and members:
            self._window(surface, p["window"])
        parts = parts_of(p["pose"])
        if self.sprites.mirror is not None and members:  # under them all: none over a foot
            self._reflections(surface, members, parts, frame.seconds)
        for part in parts:  # arms round each other
            for member in members:
                sprite, feet = self.sprites.get(member.pose, member.phase, member.left,
                                               member.look, member.turn, part)
                spot = (round(member.feet[0] - feet[0]), round(member.feet[1] - feet[1]))
                if p["shadow"] and part in ("body", WHOLE):
                    self._shadow(surface, sprite, spot, feet, member)
                surface.blit(sprite, spot)

    def _reflections(self, surface: pygame.Surface, members: Sequence[Member],
                     parts: Sequence[str], seconds: float) -> None:
        """Each member's reflection in the tar, hanging from their feet, wobbling as the tar's
        own mirror does at `seconds` (standing still or moving)."""
        shifts = self._wobble(seconds)
        for part in parts:
            for member in members:
                image, feet = self.sprites.reflection(member.pose, member.phase, member.left,
                                                      member.look, member.turn, part)
                wobbled(surface, image, (round(member.feet[0] - feet[0]),
                                         round(member.feet[1] - feet[1])), shifts)

    def _wobble(self, seconds: float) -> np.ndarray:
        """How far the tar's wobble pushes each band of a reflection at `seconds` (it moves on
        WOBBLE_RATE times a second: worked out once for frames that share a step)."""
        mirror = self.sprites.mirror
        assert mirror is not None
        step = math.floor(seconds * WOBBLE_RATE)
        if self._wobbled[0] != step:
            self._wobbled = (step, ripples(mirror.seed, mirror.depth, step / WOBBLE_RATE,
                                           mirror.width))
        return self._wobbled[1]

    def _window(self, surface: pygame.Surface, color: Color) -> None:
        """The lit window they are seen in: it stays where the path begins, a frame round it."""
        x, y = self.path.points[0]
        span = self.params["spacing"] * self.width * (self.params["count"] - 1)
        if self.params["pose"] == "embrace":
            span += EMBRACE_GAP * self.height
        room = pygame.Rect(0, 0, round(span + WINDOW_SIDES * self.height),
                           round(WINDOW_TALL * self.height))
        room.midbottom = (round(x + span / 2), round(y + WINDOW_SILL * self.height))
        surface.fill(color, room)
        surface.fill(_shade(color), room.inflate(0, -room.height // 2).move(0, room.height // 4))
        bar = max(1, self.height // 30)
        pygame.draw.rect(surface, self.params["color"], room.inflate(2 * bar, 2 * bar), bar)

    def _look(self, i: int) -> Look:
        """How member i looks: a crowd is of mixed heights, and a crowd of people (`body`
        "person") of mixed builds and clothes; an old couple, and any pair in each other's
        arms, are as tall as their statures say (he the taller; the old shrunk with age)."""
        p = self.params
        mixed = p["count"] > 1 and p["body"] != "elders" and p["pose"] not in PARTNER
        size = int(hash01(self.seed, i) * SIZES) if mixed else SIZES - 1
        outfit = outfit_of(p["body"], hash01(self.seed, i, 2), i)
        tall = 1 - HEIGHT_SPREAD * (SIZES - 1 - size) / (SIZES - 1)
        stature = outfit.stature if outfit is not None else 1.0
        light = p["rim"] or p["window"] or SILVER
        hair = silver(light) if outfit is not None and outfit.grey else None
        return Look(round(self.height * tall * stature), p["color"], p["rim"],
                    p["rim_from"] == "left", outfit, hair, p["rim_from"] == "both")

    def _shadow_of(self, sprite: pygame.Surface) -> pygame.Surface:
        """The sprite's long shadow, made the first time it is needed."""
        key = id(sprite)
        if key not in self.shadows:
            self.shadows[key] = _laid_down(sprite, self.params["shadow"])
        return self.shadows[key]

    def _shadow(self, surface: pygame.Surface, sprite: pygame.Surface, spot: tuple[int, int],
                feet: Point, member: Member) -> None:
        """A long shadow laid along the ground from the feet, away from a low sun."""
        reach = self.params["shadow"]
        shadow = self._shadow_of(sprite)
        w, h = sprite.get_size()
        fx, fy = feet
        # Where the feet land once the sprite is turned flat and stretched.
        if reach > 0:
            at = ((h - fy) * shadow.get_width() / h, fx * shadow.get_height() / w)
        else:
            at = (fy * shadow.get_width() / h, (w - fx) * shadow.get_height() / w)
        surface.blit(shadow, (round(spot[0] + fx - at[0]), round(spot[1] + fy - at[1])))


def parts_of(pose: str) -> tuple[str, ...]:
    """The parts a layer's sprites are drawn in: an embrace's arms round each other (PARTS),
    anyone else whole."""
    return PARTS if pose == "embrace" else (WHOLE,)


def _then_stands(name: str) -> bool:
    """Whether someone in pose `name` stands (idle) when it is over: at a path's end, or
    once a gesture played once is done."""
    return name in MOVING or name in ONCE


def reflected(sprite: pygame.Surface, feet: Point,
              mirror: Mirror) -> tuple[pygame.Surface, Point]:
    """A sprite mirrored in the tar below its feet: flipped at the foot line, darker and browner
    (as the tar mirrors the sky), fading as the tar's mirror does further down; with where the
    feet are on it (on its top edge). `wobbled` draws it broken into the tar's bands."""
    width, height = sprite.get_size()
    rows = min(height, int(feet[1]))
    flipped = pygame.transform.flip(sprite.subsurface((0, 0, width, rows)), False, True)
    dim = tint(MIRROR_DIM)
    for y in range(rows):  # the tar's darkening with depth, as a fading into it
        fade = mirror.strength * gloss(y / mirror.depth) / gloss(0.0)
        flipped.fill((*dim, round(255 * min(1.0, fade))), (0, y, width, 1),
                     special_flags=pygame.BLEND_RGBA_MULT)
    # Its top row is the sprite's row above the foot line (rounded as the sprite's place is),
    # or, for a part cut off above the feet (an arm), as far below them as the part is above.
    gap = max(0.0, feet[1] - height)
    return flipped, (feet[0], feet[1] - rows - 2 * gap)


def wobbled(surface: pygame.Surface, image: pygame.Surface, at: tuple[int, int],
            shifts: np.ndarray) -> None:
    """A reflection drawn at `at` in bands of BAND rows, each pushed sideways by the tar's
    wobble there (`shifts`, a band's each, down from the tar's edge: the last one for any
    further down)."""
    width, rows = image.get_size()
    last = len(shifts) - 1
    surface.blits([(image, (at[0] + int(shifts[min(n, last)]), at[1] + y), (0, y, width, BAND))
                   for n, y in enumerate(range(0, rows, BAND))], doreturn=False)


def _laid_down(sprite: pygame.Surface, reach: float) -> pygame.Surface:
    """The sprite turned flat along the ground, stretched to `reach` heights, dark and soft."""
    turned = pygame.transform.rotate(sprite, -90 if reach > 0 else 90)
    length = max(2, round(abs(reach) * sprite.get_height()))
    thick = max(2, sprite.get_width() // 4)
    flat = pygame.transform.smoothscale(turned, (length, thick))
    flat.fill((0, 0, 0, 255), special_flags=pygame.BLEND_RGBA_MIN)
    flat.fill((255, 255, 255, SHADOW_ALPHA), special_flags=pygame.BLEND_RGBA_MULT)
    return flat

