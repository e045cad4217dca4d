"""The mother mammoth straining now and then: her lifted poses drawn once, what moves blitted."""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Sequence
from functools import partial

import numpy as np
import pygame

from installation.core.timeline.model import Scene
from installation.visuals.base import Color, Frame, Pieces, hash01
from installation.visuals.made_once import MadeOnce
from installation.visuals.mammoth import trunk_and_tusk
from installation.visuals.mammoth_calls import Calls
from installation.visuals.mammoth_heave import LEVELS, Beat, Leg, heaved
from installation.visuals.mammoth_heave_tar import Tar
from installation.visuals.pen import SUPERSAMPLE, Pen, rendered
from installation.visuals.sprites import Banded

POSES = 7  # heights she is drawn at, from resting to lifted highest
LIFT_EVERY = 11.0  # real seconds: she strains about this often ...
LIFT_SECONDS = 5.0  # ... her head up and down again over this long, slowly
UNDER_REACH = 2.0  # going under, her head pitches up at most this many times as far as when she
# strains (22 degrees: her face, eye and tusks held up out of the tar as her back goes; at 11
# her crown stood over her eye, which went under by 10:39, a black lump by a loose bone) ...
HELD = (0.815, 0.825)  # ... from this share of her sunk to this (10:38:35-10:38:50) ...
SKYWARD = (7 / 6, 8 / 6, 9 / 6, 10 / 6, 11 / 6, 2.0)  # ... then, as the tar takes her,
# she holds her head there, her eye, her crown and her tusks over the tar together, and her
# trunk swings on through these (1: raised before her face, 2: reaching up and out for the air,
# its tip open: see mammoth_trunk.TRUNK_MIRED_SKY), a mammoth to the last, her head, tusks and
# trunk going under as one (bowing her head from here, her face and tusks went under first and
# left her crown's hump and her raised trunk, curled, standing in the tar: the Loch Ness
# monster; her face turned up to the sky, her eye went under by her crown's hump)
STRAIN_TOP = 3  # a strain's highest, of her poses reaching twice as far (UNDER_REACH)
UNDER_SPELLS = (14.0, 10.0)  # going under, she strains this often, up and down over this long
# (in 5 s her trunk swung from curled to raised and back in under a real second: a snap)
CALM = 0.3  # the share of those spells she lies still in, spent
LEAST = 0.6  # the lowest a lift goes, as a share of the highest (the mother's straining) ...
CALF_LEAST = 1.0  # ... and a calf's call (its trunk raised over its crown only near the top of
# a call: lower ones, its trunk curled before its face, read as standing with its trunk down)
LIFT_SEED = 53  # when in each spell she lifts, and how high (the same moment, the same pose)
CALF_SEED = 59  # the calf's own spells: it calls when it will, not as she strains
STIR_SECONDS = 5.3  # real seconds: a stirring calf swings its trunk up and down again over
# this long (frames 3 s apart differ nearly always) ...
STIR_HIGH = 4  # ... this many poses up (of a call's six: its trunk swung out before it, its tip
# turned up, its head raised; two, its trunk's tip moved a few pixels: a statue from the room)
BREATH = 2  # a stirring mother (the dream's, 2.2 times as large) heaves her head and trunk this
# many poses up and down again: a slow breath (still between her spells of straining, she stood
# stock still for half a minute at a time)
LOW_EDGE = 0.25  # units: nothing of her below this moves (her throat's lift starts at 0.6, the
# dream's hanging trunk swings down to 0.27) ...
SETTLE = 1.0  # real seconds her scene being left takes to ease her down to rest (a light wipe
# shows the night alone for its first tenth)
BACK_EDGE = 0.32  # ... nor behind this (her shoulders' heave ends at 0.2), locks and all

STILLING = 0.08  # going under, her spells of straining die away over this share of her height
# sunk before she starts to reach (a spell lifting her as she began to reach fell back to curled
# in a real second, at 10:38, and rose again: now she only rises, as the tar closes over her)
REACHES = (0.72, 0.88)  # going under (`under`), she lifts her head and trunk higher the deeper
# she is: from none at this share of her sunk to her highest (HELD), then on up (SKYWARD) till
# this share (the tar over her back, her head and trunk reach up out of it, her trunk last;
# 6 steps from 0.825, a step in a third of a real second at least; her trunk up for the air
# as her eye reaches the tar: see silhouette_sink.GULP)

Drawing = Callable[..., None]  # her drawing: (pen, colour, lift=...)
Finish = Callable[[pygame.Surface], Generator[None, None, pygame.Surface]]


class Lift:
    """Her lifted poses, drawn whole as her picture is (same bounds, turned by the same tilt,
    finished alike), and the part of her that moves (`front`: her head, tusks, trunk and
    shoulders, the rest of her the same in all of them: where a change of pose paints)."""

    def __init__(self, seed: int = LIFT_SEED, stirs: int = 0, least: float = LEAST,
                 phrased: bool = False,
                 spells: tuple[float, float] = (LIFT_EVERY, LIFT_SECONDS),
                 reach: float = 1.0, beyond: tuple[float, ...] = ()) -> None:
        self.seed = seed  # when in each spell it lifts, and how high
        self.spells = spells  # one spell in each this many real seconds, up and down over this
        self.calls = Calls(seed) if phrased else None  # the calf's: calls in phrases of its
        # own (see mammoth_calls), not one to each LIFT_EVERY seconds
        self.least = least  # the lowest a lift goes, as a share of the highest
        self.reach = reach  # her highest pose's head pitched this many times a strain's
        self.beyond = beyond  # going under, her poses after her lifted ones, her head held
        # highest: how far her trunk is raised in each (see SKYWARD), the last the one the tar
        # closes over
        self.stirs = stirs  # between its calls it swings its trunk this many poses up and
        # down again (the calf STIR_HIGH; the dream's mother BREATH: 0, still between them)
        self.front = pygame.Rect(0, 0, 0, 0)  # where her poses differ, in her picture
        self.low_front = self.front  # where those up to STRAIN_TOP do (her head pitched
        # further, going under, a strain's hole as wide as a strain's: see `hole`)
        self.beyond_front = self.front  # where her poses beyond her highest differ from her rest
        self.figures: list[pygame.Surface] = []  # each pose whole, the first at rest
        self.legs: list[Leg] = []  # her legs that heave (their poses after her lifts')
        self.tar: Tar | None = None  # the tar on a heaving leg and round it

    @property
    def heaving_from(self) -> int:
        """Her first pose heaving a leg (after her lifted ones and those beyond them)."""
        return POSES + len(self.beyond)

    @property
    def last(self) -> int:
        """Her last pose going under (the last beyond her highest; without, her highest)."""
        return POSES - 1 + len(self.beyond)

    def pieces(self, draw: Drawing, made: MadeOnce, rest: pygame.Surface, plain: pygame.Surface,
               bounds: tuple[float, float, float, float], px: float, flip: bool, color: Color,
               tilt: float, finish: Finish) -> Pieces:
        """Draw her lifted at each height, then beyond (`rest`: her picture at rest,
        finished; `plain`: as drawn, before it was turned and finished). Only the part of
        her that can move is drawn again, over a copy of `plain` (drawing all of her at the
        dream's size took most of a second a pose), or found in `made` if drawn before."""
        self.figures = [rest]
        posed = partial(_pose_of, draw, made, plain, _moving_part(bounds, px, flip), px, flip,
                        color, tilt, finish)
        for pose in range(1, POSES):
            self.figures.append((yield from posed(self.reach * pose / (POSES - 1), None)))
        lifted = self.figures[:]
        self.front = yield from _differing(lifted)
        self.low_front = (self.front if self.reach == 1.0  # (where those up to STRAIN_TOP
                          else (yield from _differing(lifted[:STRAIN_TOP + 1])))  # differ)
        for raised in self.beyond:
            self.figures.append((yield from posed(self.reach, raised)))
        if self.beyond:
            self.beyond_front = yield from _differing([rest, *self.figures[POSES:]])

    def heaves(self, legs: list[Leg]) -> Pieces:
        """Her poses heaving each of `legs` out of the tar, at each height, her head thrown
        up with it (each pose a piece or three: ~10 ms each at the dream's size)."""
        self.legs = legs
        lifted = []  # each lifted leg alone (its alpha)
        for leg in legs:
            for level in range(1, LEVELS + 1):
                head = self.figures[round((POSES - 1) * level / LEVELS)]
                figure, alone = yield from heaved(head, leg, level)
                self.figures.append(figure)
                lifted.append(alone)
        yield
        self.tar = Tar(legs, self.figures[0].get_rect(), lifted)

    def heaving(self, beat: Beat) -> int:
        """Her pose heaving as `beat` says (0: not heaving)."""
        if not beat.level or not self.legs:
            return 0
        return self.heaving_from + beat.leg * LEVELS + beat.level - 1

    def hole(self, pose: int) -> pygame.Rect | None:
        """Where her picture at `pose` differs from her picture at rest (None: at rest):
        her front, beyond her highest, those poses' front, or heaving, all of her (her back
        rocks, a leg moves)."""
        if not pose:
            return None
        if pose >= self.heaving_from:
            return self.figures[0].get_rect()
        if pose >= POSES:
            return self.beyond_front
        return self.low_front if pose <= STRAIN_TOP else self.front

    def bared(self, pose: int) -> pygame.Rect | None:
        """Where at `pose` her picture has moved out of the tar's coat on her: her front, or
        heaving, the leg."""
        if pose < self.heaving_from:
            return self.hole(pose)
        leg = (pose - self.heaving_from) // LEVELS
        return self.legs[leg].reach.clip(self.figures[0].get_rect())

    def pose(self, seconds: float) -> int:
        """How high she strains `seconds` (real) into the scene: at rest but for one slow
        lift in each LIFT_EVERY seconds (none in a calm spell), up and down over
        LIFT_SECONDS, to her own height each time; one that `stirs` never still, its trunk
        and head swung up that many poses and down again each STIR_SECONDS (a calf
        standing stock still between its calls, 70% of the time, read as a statue)."""
        if seconds < 0:  # her scene is still coming in (see `lift_clock`)
            return 0
        stir = round(self.stirs * math.sin(math.pi * seconds / STIR_SECONDS) ** 2)
        if self.calls is not None:
            return max(stir, round((POSES - 1) * self.calls.height(seconds)))
        return max(stir, self._call(seconds))

    def _call(self, seconds: float) -> int:
        """Her pose in her spell of straining (or its call) `seconds` into the scene."""
        every, lasts = self.spells
        spell = math.floor(seconds / every)
        if hash01(self.seed, spell, 2) < CALM:
            return 0
        start = hash01(self.seed, spell) * (every - lasts)
        into = (seconds - spell * every - start) / lasts
        if not 0.0 < into < 1.0:
            return 0
        high = self.least + (1 - self.least) * hash01(self.seed, spell, 3)
        return round((POSES - 1) * high * math.sin(math.pi * into) ** 2)

    def mirror_front(self, height: int, squashed: int, pose: int = 1) -> pygame.Rect:
        """Where her mirror at `pose` differs from it at rest: the hole turned upside down and
        squashed from `height` rows to `squashed` (a row spare each side, for the
        smoothing)."""
        front = self.hole(pose) or self.front
        scale = squashed / height
        top = math.floor((height - front.bottom) * scale) - 1
        bottom = math.ceil((height - front.top) * scale) + 1
        return pygame.Rect(front.x - 1, top, front.width + 2, bottom - top)


def posed_at(lift: Lift, frame: Frame, scene: Scene) -> int:
    """Her pose at `frame`, in her `scene`: none of her moves through a transition but to
    settle, so that no frame of it paints her again (the wipe into 10:30 drew her straining
    in 212 of its 720 frames, its p95 13 ms, when 08:00's pace left her a lift there), and
    the two scenes' mothers lie alike (one straining as the other lay at rest, the wipe
    showed her twice, one a grey see-through ghost over the other). As her scene is left she
    eases down from the pose she had as it began to go, over SETTLE real seconds, and lies at
    rest; as her scene comes in from another she lies at rest, her clock starting as it
    ends."""
    seconds, settled = lift_clock(frame, scene)
    return math.floor(lift.pose(seconds) * settled) if settled < 1.0 else lift.pose(seconds)


def lift_clock(frame: Frame, scene: Scene) -> tuple[float, float]:
    """The real seconds into her `scene` her straining keeps (held as it began to go, as her
    scene is left; starting as it ends, as her scene comes in), and how much of her pose is
    left as she eases down from it (1: all)."""
    state = frame.state
    if state.scene.index != scene.index:  # her scene is the one being left
        if not state.in_transition:
            return frame.seconds, 1.0
        return (frame.seconds - state.scene_seconds,
                max(0.0, 1.0 - state.scene_seconds / SETTLE))
    arrives = state.previous.index != scene.index and scene.transition.type != "cut"
    return (frame.seconds - scene.transition.seconds if arrives else frame.seconds), 1.0


def reaching(share: float, beyond: int) -> int:
    """How high she holds her head and trunk, going under, sunk `share` of her height: the
    deeper, the higher (REACHES), her highest held (HELD), then her `beyond` poses, her trunk
    reaching on up for the air, one after another, till REACHES' end."""
    low, high = REACHES
    top = POSES - 1
    if share <= HELD[1]:
        return round(top * min(1.0, max(0.0, (share - low) / (HELD[0] - low))))
    return top + round(beyond * min(1.0, (share - HELD[1]) / (high - HELD[1])))


def going_under(pose: int, share: float, beyond: int) -> int:
    """Her pose going under, sunk `share` of her height, `pose` in her spell of straining: the
    spells dying away (STILLING) as she begins to reach, from then on only rising, then
    her trunk reaching on up for the air (her `beyond` poses)."""
    left = min(1.0, max(0.0, (REACHES[0] - share) / STILLING))
    return max(math.floor(pose * left), reaching(share, beyond))


def front_mask(bounds: tuple[float, float, float, float], px: float, flip: bool,
               tilt: float, mired: bool, made: MadeOnce, hanging: bool = False
               ) -> Generator[None, None, pygame.mask.Mask]:
    """Where her raised trunk (`mired`: as caught) and her tusk lie in her picture (drawn in
    `bounds`, turned by `tilt`): standing out of the tar apart from her head, they stay (see
    mire_wading; found in `made` if drawn before)."""
    drawing = (partial(trunk_and_tusk, mired=mired, hanging=True) if hanging  # (`hanging`:
               else partial(trunk_and_tusk, mired=mired))  # in the shallows, as it rests)
    front = yield from rendered(made, drawing, bounds, px, flip, (0, 0, 0))
    if tilt:
        yield  # (turned in a piece of its own)
        front = pygame.transform.rotate(front, tilt)
    yield  # (and its mask in another: both at once took 5-6 ms)
    return pygame.mask.from_surface(front)


def _moving_part(bounds: tuple[float, float, float, float], px: float,
                 flip: bool) -> tuple[tuple[float, float, float, float], int]:
    """The bounds of the part of her that can move (above LOW_EDGE, in front of BACK_EDGE),
    drawn as `render` draws her whole in `bounds` to the pixel, and how many columns right of
    her picture's left edge it lies (facing right, her back is on the left: the part's left
    edge is moved by whole pixels)."""
    left, right, bottom, top = bounds
    low = max(bottom, LOW_EDGE)
    if not flip:
        return (left, min(right, BACK_EDGE), low, top), 0
    big = px * SUPERSAMPLE
    shift = max(0, (int(right * big) - int(BACK_EDGE * big)) // SUPERSAMPLE)
    edge = int(right * big) - SUPERSAMPLE * shift  # where `render` puts her origin, moved
    return (left, (edge + 0.5) / big, low, top), shift


def _pose_of(draw: Drawing, made: MadeOnce, plain: pygame.Surface,
             moving: tuple[tuple[float, float, float, float], int], px: float, flip: bool,
             color: Color, tilt: float, finish: Finish, lift: float,
             raised: float | None) -> Generator[None, None, pygame.Surface]:
    """Her picture, her head lifted `lift` (`raised`: her trunk as far, if not as her head):
    the `moving` part of her (its bounds, and its columns from her picture's left edge) drawn
    again over a copy of `plain`, turned by `tilt` and finished."""
    part, shift = moving
    drawing = (partial(_posed, draw, lift=lift) if raised is None
               else partial(_posed, draw, lift=lift, raised=raised))
    moved = yield from rendered(made, drawing, part, px, flip, color)
    image = plain.copy()
    image.fill((0, 0, 0, 0), moved.get_rect().move(shift, 0))
    image.blit(moved, (shift, 0), special_flags=pygame.BLEND_RGBA_ADD)  # a plain copy
    if tilt:
        yield  # (turned in a piece of its own: ~5 ms at the dream's size; with the first
        image = pygame.transform.rotate(image, tilt)  # step of her finish, 6-9 ms)
        yield
    return (yield from finish(image))


def _posed(draw: Drawing, pen: Pen, color: Color, lift: float,
           raised: float | None = None) -> None:
    if raised is None:
        draw(pen, color, lift=lift)
    else:
        draw(pen, color, lift=lift, raised=raised)


def draw_posed(surface: pygame.Surface, cuts: list[Banded],
               pictures: tuple[pygame.Surface, pygame.Surface | None], pose: int,
               corner: tuple[int, int], shown: pygame.Rect, hole: pygame.Rect | None,
               whole: bool) -> None:
    """The `shown` part of her picture at rest (or of its mirror), its corner at `corner`,
    but for `hole`, where her picture at this pose shows (the part of her that moves: the
    rest of her, as the tar leaves it, is the rest's). `cuts`: each pose's picture cut
    where it shows. `whole`: the tar has cleared nothing of her rest, so her posed picture
    is drawn whole (the same outside `hole`, in one blit)."""
    rest, posed = pictures
    if hole is not None and posed is not None and whole:
        cuts[pose].blit(surface, posed, (corner[0] + shown.x, corner[1] + shown.y), shown)
        return
    parts = [shown] if hole is None else around(shown, hole)
    for part in parts:
        cuts[0].blit(surface, rest, (corner[0] + part.x, corner[1] + part.y), part)
    if hole is not None and posed is not None and (moving := hole.clip(shown)):
        cuts[pose].blit(surface, posed, (corner[0] + moving.x, corner[1] + moving.y), moving)


def cut_ahead(cuts: list[Banded], pictures: Sequence[pygame.Surface | None]) -> Pieces:
    """Each lifted pose's picture (or its reflection) cut where it shows, for the blits
    through `cuts` (each pose's), a pose a piece ahead of the frame it first shows on (cut
    there, the frame a pose first showed took ~2 ms more at 1080, both cut). Not her rest's:
    it changes as she sinks (see Silhouette._make_ahead)."""
    seen: set[int] = set()  # (a pose another holds already is cut once: see Lift.pieces)
    for cut, picture in zip(cuts[1:], pictures[1:], strict=False):
        if picture is not None and id(picture) not in seen:
            seen.add(id(picture))
            yield
            cut.ahead(picture)


def around(area: pygame.Rect, hole: pygame.Rect) -> list[pygame.Rect]:
    """`area` but for `hole`: up to four rectangles (above, below, left and right of it)."""
    hole = hole.clip(area)
    if not hole:
        return [area]
    parts = [pygame.Rect(area.x, area.y, area.width, hole.y - area.y),
             pygame.Rect(area.x, hole.bottom, area.width, area.bottom - hole.bottom),
             pygame.Rect(area.x, hole.y, hole.x - area.x, hole.height),
             pygame.Rect(hole.right, hole.y, area.right - hole.right, hole.height)]
    return [part for part in parts if part.width > 0 and part.height > 0]


DIFFER_COLUMNS = 96  # the pictures are compared this many columns a piece (a picture a piece
# took 6-8 ms at the dream's size)


def _differing(figures: list[pygame.Surface]) -> Generator[None, None, pygame.Rect]:
    """The smallest rectangle outside which all these pictures are the same (a few hundred
    columns of one a piece)."""
    width = figures[0].get_width()
    changed = np.zeros(figures[0].get_size(), bool)
    for left in range(0, width, DIFFER_COLUMNS):
        yield
        cut = slice(left, left + DIFFER_COLUMNS)
        first = pygame.surfarray.pixels2d(figures[0])[cut].copy()  # each pixel's bytes,
        for figure in figures[1:]:  # colour and alpha
            changed[cut] |= pygame.surfarray.pixels2d(figure)[cut] != first
    columns, rows = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
    if not columns.size:
        return pygame.Rect(0, 0, 0, 0)
    return pygame.Rect(int(columns[0]), int(rows[0]), int(columns[-1] - columns[0]) + 1,
                       int(rows[-1] - rows[0]) + 1)
