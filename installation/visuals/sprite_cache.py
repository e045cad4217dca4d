"""A layer's sprites, drawn once per pose, phase, head turn, look, facing and part, when first
needed or ahead of the scene in pieces (and each one's reflection in the tar, if it has one)."""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable, Collection, Generator, Iterable, Mapping, Sequence
from itertools import product

import pygame

from installation.visuals.base import Pieces, finished
from installation.visuals.budget import Budget
from installation.visuals.carried import holding
from installation.visuals.coyote_look import LOOK, LOOK_STEPS, looking
from installation.visuals.figure_mirror import Mirror, reflected
from installation.visuals.figure_sprite import WHOLE, Look, sprite_box, sprite_steps
from installation.visuals.led import LED, child
from installation.visuals.poses import MOVING, PLAIN, pose
from installation.visuals.quadruped import coyote
from installation.visuals.skeleton import Body, Point
from installation.visuals.talk import NAMES as TALK_NAMES
from installation.visuals.talk import TURN_STEPS
from installation.visuals.wardrobe import Outfit

PHASES = 16  # a cycle is cached as this many sprites
MAX_PHASES = 64  # a walk or run seen close, or fast, is cached in up to this many
FRAME_RATE = 60.0  # frames a second the show draws
STEP_PIXELS = 1.5  # the body need not step on by less than this between one sprite and the next
FINE = {"handshake": 64, "handshake-back": 64,  # a quick gesture's: its pumps in small steps
        "straighten": 32, "stay": 32,  # (the man who stays: a slow 12 s cycle)
        "peer": 48,  # (the hand up to the brow in 1.2 s of its 10: in 16, two jumps)
        "offer": 48,  # (the hand out to the calf in 1.2 s of its 10, as peer's)
        LOOK: LOOK_STEPS}
FINE |= {name: TURN_STEPS for name in TALK_NAMES.values()}  # (a talk's turns: see talk)
TURNS = 3  # a head turning towards the visitor is cached in this many steps
# Drawing sprites ahead is measured in pixels of the supersampled drawing they are made on:
# a piece of the set-up does about this much (about 3 ms: the shrinking of one sprite of a
# figure a third of the picture tall, or several small ones), then pauses, so a slow frame
# and its piece stay within a frame. (A slow frame that builds anyway builds several pieces
# while they fit: more, shorter pieces do not slow the building of the next scene.)
PIXELS_PER_PIECE = 3_000_000
POSE_COST = 1_000_000  # posing a body (to tell whether its sprite shows) costs about this
Key = tuple[str, int, int, bool, Look, str]  # pose, phase and turn steps, facing, look, part
Drawn = dict[tuple[int, Key], tuple[pygame.Surface, Point]]  # by steps a cycle and key


class _Shared:
    """The sprites drawn by every Sprites of one body kind, aim and trim (the coyote's nine
    layers of one animal, its walk and run drawn once): by the steps their pose's cycle is
    drawn in and their key, which with those say everything that shapes a sprite."""

    def __init__(self) -> None:
        self.drawn: Drawn = {}


_SHARED: weakref.WeakValueDictionary[tuple[str, float, bool], _Shared] = \
    weakref.WeakValueDictionary()  # (kept while a Sprites of that kind lives: a scene's)


def _shared(kind: str, aim: float, trim: bool) -> _Shared:
    """The sprites Sprites of this kind, aim and trim share (made if none lives)."""
    found = _SHARED.get((kind, aim, trim))
    if found is None:
        found = _SHARED[(kind, aim, trim)] = _Shared()
    return found


class Sprites:
    """Sprites per body, pose, phase, head turn, height and facing, drawn when first needed."""

    def __init__(self, kind: str = "person", trim: bool = False,
                 mirror: Mirror | None = None, phases: Mapping[str, int] | None = None,
                 aim: float = 0.0) -> None:
        self.kind = kind
        self.aim = aim  # a coyote's: how far it turns to look at something (see coyote_look)
        self.phases = dict(phases or {})  # a pose's sprites per cycle, where not the usual
        self.trim = trim  # each cut to what it shows (not with a shadow: laid from its box)
        self.mirror = mirror
        self._cache: dict[Key, tuple[pygame.Surface, Point]] = {}  # the ones it drew or took
        self._shared = _shared(kind, aim, trim)  # drawn by any alike: taken, not drawn again
        self._mirrored: dict[Key, tuple[pygame.Surface, Point]] = {}
        self._boxes: dict[Key, pygame.Rect] = {}  # wanted
        self._bodies: dict[Key, Body] = {}  # posed for it

    def get(self, name: str, phase: float, left: bool, look: Look, turn: float = 0.0,
            part: str = WHOLE) -> tuple[pygame.Surface, Point]:
        """The sprite and where its feet are on it, drawn now if it is not yet."""
        found = self._cache.get(self._key(name, phase, left, look, turn, part))
        if found is not None:  # (every frame: no drawing set up for it)
            return found
        return finished(self._making(name, phase, left, look, turn, part, Budget()))

    def _making(self, name: str, phase: float, left: bool, look: Look, turn: float, part: str,
                budget: Budget) -> Generator[None, None, tuple[pygame.Surface, Point]]:
        """The sprite, drawn in steps within `budget` the first time it is needed."""
        key = self._key(name, phase, left, look, turn, part)
        if key not in self._cache:
            shared = (self.steps(name), key)
            if shared not in self._shared.drawn:
                body = self._bodies.pop(key, None) or self.body(
                    name, key[1] / self.steps(name), key[2] / TURNS, look.outfit)
                made = yield from sprite_steps(body, look, left, part, self.trim, budget)
                # (drawn in pieces, a frame may have drawn it meanwhile: theirs stays, the one
                # the frame's caches keyed by the surface know; replaced, it was freed and a
                # new sprite at its address shrank to its picture)
                self._shared.drawn.setdefault(shared, made)
            self._cache.setdefault(key, self._shared.drawn[shared])
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

    def wanted(self, name: str, phase: float, left: bool, look: Look, turn: float,
               feet: Point, share: float, area: pygame.Rect, part: str = WHOLE) -> bool:
        """Is the sprite worth drawing, its feet on `feet` at `share` of its size: drawn
        already (laid, it is cut to `area` at little cost), or showing in `area` (told before
        it is drawn, from its posed body, kept for its drawing)?"""
        key = self._key(name, phase, left, look, turn, part)
        if key in self._cache:
            return True
        box = self._boxes.get(key)
        if box is None:
            body = self.body(name, key[1] / self.steps(name), key[2] / TURNS, look.outfit)
            self._bodies[key] = body
            box = self._boxes[key] = sprite_box(body, look, left)
        k = min(1.0, share)
        return area.colliderect((math.floor(feet[0] + box.x * k) - 1,
                                 math.floor(feet[1] + box.y * k) - 1,
                                 math.ceil(box.w * k) + 3, math.ceil(box.h * k) + 3))

    def _key(self, name: str, phase: float, left: bool, look: Look, turn: float,
             part: str) -> Key:
        """The cache key: the phase and head turn rounded to the steps they are drawn in."""
        return (name, self.step(name, phase), round(turn * TURNS), left, look, part)

    def step(self, name: str, phase: float) -> int:
        """Which of its cycle's sprites a pose at `phase` shows."""
        steps = self.steps(name)
        return int(phase % 1.0 * steps) % steps

    def steps(self, name: str) -> int:
        """How many sprites a cycle of pose `name` is drawn in (a power of two: a phase of
        k / steps is exact, and its sprite the one drawn at it)."""
        return self.phases.get(name) or FINE.get(name, PHASES)

    def drawn(self) -> Iterable[tuple[pygame.Surface, Point]]:
        """Every sprite drawn so far, with where its feet are on it."""
        return self._cache.values()

    def fill(self, names: Iterable[str], lefts: Iterable[bool], looks: Iterable[Look],
             turns: int = 0, parts: Sequence[str] = (WHOLE,),
             budget: Budget | None = None,
             shows: Callable[[str, float, bool, Look], bool] | None = None,
             steps_of: Callable[[str, bool, Look], Collection[int]] | None = None) -> Pieces:
        """Draw every sprite these poses, facings and looks can need, in pieces of `budget`
        (ahead of the scene, so no frame waits for a drawing); with `shows`, only those it
        says can show (each asked of its posed body: a POSE_COST); with `steps_of`, only the
        phase steps it gives for each pose, facing and look (see figure_reach)."""
        budget = budget or Budget(PIXELS_PER_PIECE)
        for name, left, look in product(names, lefts, looks):
            steps = self.steps(name)
            drawn = range(steps) if steps_of is None else sorted(steps_of(name, left, look))
            for step, turned, part in product(drawn, range(turns + 1), parts):
                if shows is not None:
                    if budget.over(POSE_COST):
                        yield
                    if not shows(name, step / steps, left, look):
                        continue
                yield from self._with_reflection(name, step / steps, left, look, turned / TURNS,
                                                 part, budget)

    def cycle(self, name: str, phase: float, left: bool, look: Look, turn: float,
              parts: Sequence[str], budget: Budget, count: int | None = None
              ) -> Generator[None, None, list[pygame.Surface]]:
        """Draw, in pieces of `budget`, the sprites of one cycle of pose `name` (each of
        `parts`, and its reflection) from the one at `phase` on, round to the one before it: in
        the order someone in that pose from `phase` on first needs them (only the first
        `count` of them, if given). Returns them."""
        steps = self.steps(name)
        first = self._key(name, phase, left, look, turn, WHOLE)[1]
        made = []
        few = steps if count is None else min(steps, count)
        for step, part in product(range(first, first + few), parts):
            made.append((yield from self._with_reflection(name, step % steps / steps, left, look,
                                                          turn, part, budget)))
        return made

    def _with_reflection(self, name: str, phase: float, left: bool, look: Look, turn: float,
                         part: str, budget: Budget) -> Generator[None, None, pygame.Surface]:
        """One sprite drawn within `budget`, and its reflection if it has one; the sprite."""
        sprite, _ = yield from self._making(name, phase, left, look, turn, part, budget)
        if self.mirror is not None:
            if budget.over(sprite.get_width() * sprite.get_height()):
                yield
            self.reflection(name, phase, left, look, turn, part)
        return sprite

    def body(self, name: str, t: float, turn: float, outfit: Outfit | None = None) -> Body:
        """The posed body (a coyote's, or a person's as old age and a stick bend it)."""
        if self.kind == "coyote":
            if name == LOOK:
                return coyote(LOOK, t, 0.0, looking(t, self.aim))
            return coyote(PLAIN.get(name, name) if name in MOVING else "idle", t, turn)
        if outfit is None:
            return pose(name, t)
        if name in LED:  # a child led by the hand, from its leader's pose
            return child(name, t, outfit)
        return pose(name, t, outfit.stoop, outfit.cane, outfit.gait, holding(outfit.carry))


def phases_for(stride: float, seconds: float) -> int:
    """How many sprites a walk or run cycle is drawn in: about one a frame (a cycle of
    `seconds`) and no more than one a pixel and a half the body moves on (`stride` pixels a
    cycle), a power of two from PHASES to MAX_PHASES. The sprite is placed where its own phase
    puts it (see figures), so the foot on the ground stays put while the body steps on."""
    wanted = min(seconds * FRAME_RATE, stride / STEP_PIXELS)
    steps = PHASES
    while steps < wanted and steps < MAX_PHASES:
        steps *= 2
    return steps
