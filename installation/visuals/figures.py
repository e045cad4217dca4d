"""People: jointed silhouettes walking, running, sitting or embracing along a curator's path."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

import numpy as np
import pygame

from installation.core.timeutil import forward
from installation.visuals import figure_warm
from installation.visuals.base import (
    Frame,
    Pieces,
    Setup,
    hash01,
    smooth_noise,
)
from installation.visuals.budget import Budget
from installation.visuals.contact_shadow import Contact
from installation.visuals.coyote_look import LOOK, look_phase, look_yaw
from installation.visuals.figure_crowd import outfits_of, own_seed, picked, pressing_of
from installation.visuals.figure_depth import Depth
from installation.visuals.figure_levels import Levelled
from installation.visuals.figure_looks import EMBRACE_GAP, lit_window, member_look
from installation.visuals.figure_mirror import Mirror, Wobble, wobbled
from installation.visuals.figure_order import draw_together
from installation.visuals.figure_sprite import WHOLE, Look, parts_of
from installation.visuals.figure_stand import settled, standing
from installation.visuals.figure_sun import SunLooks, layer_span, lit_looks, side_at
from installation.visuals.figure_timing import ScenePace, stepped, stride_of, under_way
from installation.visuals.led import STUMBLES, companion, led_look, led_name
from installation.visuals.long_shadow import Shadows, SunShadows
from installation.visuals.panic_press import PRESS, PRESS_STEPS, pressed
from installation.visuals.poses import (
    MOVING,
    PARTNER,
    VARIED,
)
from installation.visuals.racing import Racing
from installation.visuals.route import Path
from installation.visuals.signal import crossing, kerb_along
from installation.visuals.skeleton import Point
from installation.visuals.sprite_cache import Sprites, phases_for
from installation.visuals.stranded_near import Parked
from installation.visuals.strides import RUNS_IN
from installation.visuals.xplan import home_glass

Cars = list[tuple[float, float]]  # where the cars racing by are (see Racing.at)
TURN_RATE = 0.12  # head turns per second, roughly
JOSTLE_RATE = 0.35  # how fast a crowd member wanders, in wanders per second
JOSTLE_SPAN = 0.35  # how far, in heights, a crowd member of jostle 1 wanders (side to side)
PAIR_GAP = {"embrace": EMBRACE_GAP, "handshake": 0.5}  # (a handshake's: the hands meet)
OLD_GAP = 0.3  # an old couple's: upright, they hold each other, her head to his shoulder
CROSSING_QUEUE = 0.3  # people waiting at the kerb to cross stand this far apart (of a height)


@dataclass(frozen=True)
class Member:
    """One person of the group: where they are, which way they face, their cycle phase."""

    feet: Point
    left: bool
    pose: str
    phase: float
    look: Look
    turn: float
    share: float = 1.0  # how large, of the layer's sprites (nearer or further, see Depth)
    stride: int = 0  # walking or running: how many strides they have taken


@dataclass(frozen=True)
class PoseSource:
    """Poses given from outside (OldEmbrace's): the sprites each pose is drawn in, and member
    i's pose and phase at a frame when not walking or running (in place of the layer's own)."""

    phases: Mapping[str, int]
    standing: Callable[[int, Frame], tuple[str, float]]


class Figures:
    """A person or a small crowd along a path, in a pose, with a rim light and a long shadow."""

    def __init__(self, params: Mapping[str, Any], setup: Setup,
                 poses: PoseSource | None = None) -> None:
        self.params = params
        self.poses = poses
        width, height = setup.size
        self.width = width
        self.area = pygame.Rect((0, 0), setup.size)  # the picture they are drawn in
        self.path = Path([(x * width, y * height) for x, y in params["path"]])
        self.glass = home_glass(setup) if params["window"] is not None else None  # (their
        # room in Park La Brea's window: see xplan.home_glass)
        horizon = params["horizon"]
        self.depth = Depth(self.path, None if horizon is None else horizon * height)
        self.kerb = kerb_along(self.path.points, width)  # (where they wait to cross)
        # Sprites are drawn at the largest anyone is on the path: `scale` is where it begins.
        self.height = max(4, round(self._largest(height)))
        self.seed = own_seed(setup, params)
        mirror = None
        if params["reflect"] > 0:
            lowest = max(y for _, y in self.path.points)
            mirror = Mirror(params["reflect"], max(1, round(height - lowest)), width, self.seed)
        count = params["count"]
        self.outfits = outfits_of(params, setup, self.seed)
        self.looks = [self._look(i) for i in range(count)]  # each member's, fixed
        self.strides = [self._stride(i) for i in range(count)]
        self.pressing = pressing_of(params, setup)  # (held at a door: how each pushes)
        self.sprites = Sprites(params["body"], trim=not params["shadow"], mirror=mirror,
                               phases=self._phases() | {way: PRESS_STEPS for way, _ in
                                                        self.pressing}
                               if poses is None else dict(poses.phases),
                               aim=look_yaw(params, setup.size))
        self.levelled = Levelled(self.depth, self.path.points, self.height)
        self.wobble = Wobble(mirror) if mirror is not None else None
        self.shadows = Shadows(params["shadow"])
        self.sun_shadows = SunShadows(params["sun_shadow"]) if params["sun_shadow"] else None
        self.contact = Contact(params["contact"], params["contact_reach"]) \
            if params["contact"] else None
        self.scene_at = setup.scene.at
        self.story_pace = setup.pace  # (the show's: which turns a talk reaches while seen)
        self.pace = ScenePace(setup.timeline, setup.scene.at)  # (the story's, uneven)
        self.racing = Racing.of_scene(setup)  # cars racing by, drawn over whom they are nearer
        self.parked = Parked.of_scene(setup)  # cars left in the lanes: the same
        self.parts = parts_of(params["pose"])  # what each one is drawn in (arms round another)
        self.sunlit = self._sunlit(setup) if params["rim_from"] == "sun" and params["rim"] else []

    def _largest(self, picture: int) -> float:
        """How tall (pixels) the largest of them is on the path, whom the sprites are drawn
        for: with an `eye` over the ground, as far as the path's lowest point lies below the
        horizon over the eye's height (one rule for every layer given it); else `scale` (of
        the `picture`'s height) where the path begins, grown to the lowest point."""
        eye = self.params["eye"]
        if eye is not None and not self.depth.flat:
            return self.depth.lowest / eye
        return float(self.params["scale"] * picture / self.depth.first)

    def _sunlit(self, setup: Setup) -> list[SunLooks]:
        """Each member's looks lit from every side the sun can be on while they are seen,
        wherever along the path they are (a pair's partners either side of its point, anyone
        jostling a little either side of where they are)."""
        p = self.params
        xs = [x for x, _ in self.path.points]
        wander = p["jostle"] * self.height * JOSTLE_SPAN / 2
        seen = layer_span(setup, p)
        found = []
        for i, look in enumerate(self.looks):
            shifts = [self._paired(i, p["pose"], left, 0.0) for left in self.pair_lefts()] \
                if p["pose"] in PARTNER else [0.0]
            found.append(SunLooks.over(look, seen, (
                (min(xs) + min(shifts) - wander) / self.width,
                (max(xs) + max(shifts) + wander) / self.width)))
        return found

    def _phases(self) -> dict[str, int]:
        """How many sprites their walk or run is drawn in, for how fast and how big it is (the
        longest stride among them; a glancing or stumbling run's cycle, each stride of it)."""
        p = self.params
        if p["pose"] not in MOVING or p["speed"] <= 0:
            return {}
        runs = RUNS_IN.get(p["pose"], 1)  # a run that breaks step: each of its strides as one
        stride = stride_of(p["pose"], self.height, max(self.strides)) / runs
        steps = phases_for(stride, stride / (p["speed"] * self.width)) * runs
        return {p["pose"]: steps} | ({led_name(p["pose"], s): steps for s in (False, True)}
                                    if p["led"] else {})

    def warm(self, frame: Frame) -> Pieces:
        """Draw ahead every sprite (and shadow) this layer can show (see figure_warm)."""
        yield from figure_warm.warm(self, frame, JOSTLE_SPAN)

    def prepared(self, sprites: list[pygame.Surface], budget: Budget) -> Pieces:
        """What a frame would otherwise work out the first time it shows `sprites` (drawn
        ahead, whole or a cold start's few), in `budget`'s pieces: what of each shows, to
        shrink it with the ground, and their long shadows if the layer casts them (a `shadow`'s
        or a `contact_reach`'s)."""
        yield from self.depth.fill(sprites, budget)
        if self.params["shadow"]:
            yield from self.shadows.fill(sprites, budget)
        if self.contact is not None:  # (their long shadows: see contact_shadow)
            feet = dict(self.sprites.drawn())
            yield from self.contact.fill([(one, feet[one]) for one in sprites], budget)

    def looks_of(self, i: int) -> list[Look]:
        """Every look member i can have: lit from each side the sun can be on while the layer
        is seen (in a gesture played once too: at the day's pace the sun may move on past them
        while it plays), or its own; at each height they are drawn at (see figure_levels)."""
        own = list(self.sunlit[i].lit.values()) if self.sunlit else [self.looks[i]]
        return [drawn for look in own for drawn in self.levelled.looks(look)]

    def _lit(self, i: int, x: float, frame: Frame) -> Look:
        """Member i's look at `x` in this frame: lit from the sun's side, if by the sun."""
        if not self.sunlit:
            return self.looks[i]
        side = side_at(frame.hour, x / self.width)
        lit = self.sunlit[i].lit.get(side)
        return lit if lit is not None else lit_looks(self.looks[i], [side])[side]

    def pair_lefts(self) -> set[bool]:
        """Which ways the first of a pair faces: along the path, or as `facing` says (standing
        on a point, they face right)."""
        facing = self.params["facing"]
        if facing != "path":
            return {facing == "left"}
        return {b[0] - a[0] < 0 for a, b in pairwise(self.path.points)} or {False}

    def pose_of(self, i: int, name: str) -> str:
        """The pose member i takes: the second of a pair takes their partner's; in a VARIED
        pose, each the next of its poses (by their place among their look's people)."""
        if name in VARIED:  # (one `pick`ed from a look: as they were there)
            return VARIED[name][picked(self.params, i) % len(VARIED[name])]
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
        if p["crossing"]:  # with the street's lights: at the kerb, or across the road
            return [self._member(i, distance, walking, frame) for i, (distance, walking) in
                    enumerate(crossing(p["count"], CROSSING_QUEUE * self.height, self.kerb,
                                       self.path.total, frame.seconds, self.seed))]
        travelled = p["speed"] * self.width * under_way(p, self.pace, frame) / self.depth.first
        moving = p["speed"] > 0 and self.depth.total > 0
        if p["loop"] and moving:
            travelled %= self.depth.total + p["spacing"] * self.width * p["count"]
        gap = p["spacing"] * self.width * (-1 if moving else 1)  # a standing group spreads out
        streaming = p["loop"] and moving and p["count"] > 1
        shown = [i for i in range(p["count"]) if not streaming or travelled + i * gap >= 0]
        place = range(p["count"]) if moving else [picked(p, i) for i in range(p["count"])]
        members = [self._member(i, travelled + place[i] * gap, moving, frame) for i in shown]
        if not p["led"] or p["body"] == "coyote":  # (a coyote leads nobody)
            return members
        return [one for i, member in zip(shown, members, strict=True)
                for one in (member, self._led(i, member))]

    def _led(self, i: int, leader: Member) -> Member:
        """The child member i leads by the hand: beside them, its look theirs made small, its
        pose drawn from theirs at their phase (a stride now and then a stumbling one)."""
        stumbling = hash01(self.seed, i, leader.stride, 5) < STUMBLES
        name, (dx, dy) = companion(leader.pose, leader.phase, stumbling, self.sprites.steps)
        ahead = leader.look.height * leader.share
        feet = (leader.feet[0] + dx * ahead * (-1 if leader.left else 1),
                leader.feet[1] - dy * ahead)
        return replace(leader, feet=feet, pose=name, look=led_look(leader.look), turn=0.0)

    def _stride(self, i: int) -> float:
        """Member i's stride, in the layer's: a crowd's each their own, for their height and
        gait (a child takes shorter, quicker steps); a named person their own gait's (Julie's
        shorter than Harry's)."""
        outfit = self.outfits[i]
        if outfit is None:
            return 1.0
        if self.params["body"] != "person":
            return outfit.gait.stride
        return self.looks[i].height / self.height * outfit.gait.stride

    def at_distance(self, i: int, distance: float, frame: Frame) -> Member:
        """Member i of a moving layer as a frame places them `distance` along its path."""
        return self._member(i, distance, True, frame)

    def _member(self, i: int, distance: float, moving: bool, frame: Frame) -> Member:
        p = self.params
        # Standing, one `pick`ed is who they are in their look (a layer after theirs with their
        # path goes on with them, in step and shifting as they did); moving, their place in it.
        who = i if moving else picked(p, i)
        own = hash01(self.seed, who, 1)
        name = p["pose"]
        walking = name in MOVING and moving and 0 < distance < self.depth.total
        stride = 0
        if walking:
            distance, phase, stride = stepped(name, distance, own, stride_of(
                name, self.height, self.strides[i]), self.sprites.steps(name))
        else:
            name, phase = self._standing(i, own, frame)
            if name in VARIED:
                name = self.pose_of(i, name)
            elif name == PRESS:  # held in a crush: their own way of pushing
                name, phase = pressed(self.pressing[i], frame.seconds)
        (x, y), heading = self.path.at(self.depth.along(distance))
        share = self.depth.share(y)
        wander = p["jostle"] * self.height * share * JOSTLE_SPAN * settled(p, self.pace, frame)
        if wander:  # (its noise cost a crowd that does not jostle ~5% of its frame)
            x += wander * (smooth_noise(self.seed + who, frame.seconds * JOSTLE_RATE + who) - 0.5)
        facing = p["facing"]
        left = heading < 0 if facing == "path" else facing == "left"
        if p["pose"] in PARTNER:  # partners face each other, close (and stay so, standing)
            x = self._paired(i, name, left, x)
            left = left != (i % 2 == 1)
            name = self.pose_of(i, name)
        turn = 0.0
        if p["body"] == "coyote" and name not in MOVING and p["look_at"] is not None:
            name, phase = LOOK, look_phase(p, self.scene_at, frame)
        elif p["body"] == "coyote" and name not in MOVING:  # it stops to look round
            turn = max(0.0, 2.0 * smooth_noise(self.seed + 7 * i, frame.seconds * TURN_RATE) - 1)
        look, share = self.levelled.at(self._lit(i, x, frame), share)
        return Member((x, y), left, name, phase, look, turn, share, stride)

    def _paired(self, i: int, name: str, left: bool, x: float) -> float:
        """Where (pixels, across) member i of a pair in pose `name` stands, the pair's point at
        `x` and the first of them facing `left`: the pair centred where any pair would be."""
        gap = OLD_GAP if self._old(i) and name == "embrace" else PAIR_GAP[self.params["pose"]]
        ahead = self.height * (-1 if left else 1)
        x -= (gap - EMBRACE_GAP) / 2 * ahead
        return x + gap * ahead if i % 2 == 1 else x

    def _standing(self, i: int, own: float, frame: Frame) -> tuple[str, float]:
        """The pose member i takes when not walking or running, and its phase (their pose
        source's, or see figure_stand)."""
        if self.poses is not None:
            return self.poses.standing(i, frame)
        return standing(self.params, self.pace, frame, (i, own), self._old(i))

    def _old(self, i: int) -> bool:
        outfit = self.looks[i].outfit
        return outfit is not None and outfit.stoop > 0

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """Each member, nearest last, over their window and reflections (see figure_order)."""
        draw_together(surface, [self], frame)

    def under(self, surface: pygame.Surface, frame: Frame) -> tuple[list[Member], Cars]:
        """This frame's members, nearest last, once what lies under them all is drawn (their
        window, their reflections); and where the cars racing by are."""
        p = self.params
        members = sorted(self.members(frame), key=lambda m: m.feet[1])
        if self.sun_shadows is not None:
            self.sun_shadows.at(frame.hour)
        if p["window"] is not None and members:  # the lit room they are seen in
            lit_window(surface, self.path.points[0],
                       p["spacing"] * self.width * (p["count"] - 1), self.height, p["window"], p,
                       frame.seconds, self.glass)
        if self.wobble is not None and members:  # under them all: none over a foot
            self._reflections(surface, members, self.parts, self.wobble.at(frame.seconds))
        return members, self.racing.at(frame.seconds, False) if self.racing and members else []

    def draw_member(self, surface: pygame.Surface, member: Member, part: str,
                    cars: Cars) -> None:
        """One part of a member (their shadow under their body), and the cars nearer; none
        of it if they are out of the picture (no sprite is drawn that would not show)."""
        if not self.params["shadow"] and not self.sprites.wanted(
                member.pose, member.phase, member.left, member.look, member.turn, member.feet,
                member.share, surface.get_rect(), part):
            return
        whole, at = self.sprites.get(member.pose, member.phase, member.left, member.look,
                                     member.turn, part)
        sprite, feet = self.depth.sized(whole, at, member.share)
        place = _spot(member.feet, feet)
        shown = pygame.Rect(place, sprite.get_size())
        shadowed = part in ("body", WHOLE) and (
            bool(self.params["shadow"]) or self.sun_shadows is not None
            or self.contact is not None)
        meets = _with_shadow(shown) if shadowed else shown  # (a car nearer hides their shadow
        # on the road behind it too: its pixels kept from before the shadow is laid)
        nearer = self.racing.nearer(surface, cars, member.feet[1], meets) if cars and \
            self.racing is not None else []
        if self.parked is not None:
            nearer += self.parked.nearer(surface, member.feet, meets)
        if self.params["shadow"] and part in ("body", WHOLE):  # (a nearer one's, shrunk too)
            shadow = self.depth.sized(self.shadows.of(whole), (0.0, 0.0), member.share,
                                      soft=True)
            self.shadows.draw(surface, whole, _spot(member.feet, at), at, shadow[0])
        if self.sun_shadows is not None and part in ("body", WHOLE):
            self.sun_shadows.draw(surface, whole, member.feet, at, member.share)
        if self.contact is not None and part in ("body", WHOLE):
            self.contact.draw(surface, whole, member.feet, at, member.share, self._soft)
        surface.blit(sprite, place)
        for pixels, meet in nearer:  # (the cars laid under everyone, over them again)
            surface.blit(pixels, meet)

    def _reflections(self, surface: pygame.Surface, members: Sequence[Member],
                     parts: Sequence[str], shifts: np.ndarray) -> None:
        """Each member's reflection in the tar, hanging from their feet, wobbling as the tar's
        own mirror does (its bands pushed by `shifts`), standing still or moving."""
        for part in parts:
            for member in members:
                image, feet = self.depth.sized(*self.sprites.reflection(
                    member.pose, member.phase, member.left, member.look, member.turn, part),
                    member.share)
                wobbled(surface, image, (round(member.feet[0] - feet[0]),
                                         round(member.feet[1] - feet[1])), shifts)

    def _soft(self, shadow: pygame.Surface, share: float) -> pygame.Surface:
        """A shadow shrunk to `share` (kept for the frames after: see Depth.sized)."""
        return self.depth.sized(shadow, (0.0, 0.0), share, soft=True)[0]

    def _look(self, i: int) -> Look:
        """How member i looks (see `member_look`)."""
        return member_look(self.params, i, self.seed, self.outfits[i], self.height)


def _spot(feet: Point, on_sprite: Point) -> tuple[int, int]:
    """Where a sprite goes for its feet (`on_sprite`, on it) to stand on `feet`."""
    return round(feet[0] - on_sprite[0]), round(feet[1] - on_sprite[1])


SHADOW_REACH = 3  # a shadow lies within this many of its caster's heights of them (a long one
# at dawn 2.2 heights towards us, a low sun's sideways; see long_shadow, contact_shadow)


def _with_shadow(shown: pygame.Rect) -> pygame.Rect:
    """Where someone drawn at `shown` and their shadow on the ground may lie: SHADOW_REACH of
    their heights to either side and towards us."""
    reach = SHADOW_REACH * shown.height
    return pygame.Rect(shown.left - reach, shown.top, shown.width + 2 * reach,
                       shown.height + reach)
