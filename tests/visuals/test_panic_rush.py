"""The rush for the door in Johnie's (04:23 on) reads as a panicking crowd, not a conga line:
the people at the counter bolt from where they stood, in their own clothes; nobody runs with a
hand on the back ahead, none in step with another; nobody's legs pass through the stool left
standing in the aisle; and the one looking back turns his head round long enough to be seen."""

from __future__ import annotations

import math
from dataclasses import replace

import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.diner_after import Aisle
from installation.visuals.figures import Figures, Member
from installation.visuals.poses import pose
from installation.visuals.skeleton import GAIT, Point
from installation.visuals.strides import RUNS_IN

from .helpers import placed, shipped_crowd

SIZE = (1920, 1080)
CLOSE_UP = ("04:23:10", "04:23:12", "04:23:14")  # where the reviewer saw the conga line
HAND = 0.05  # of a height: a hand's length past the wrist
PALM = 0.04  # of a height: a hand's reach about its points (a touch, not only a point on it)
OUT_OF_STEP = 0.04  # of a stride: two runners' phases at least this far apart,
NEIGHBOURS = 0.4  # of the width: whoever is nearer each other than this (the next one on)
STOOL_SPAN = (5.0, 30.0, 0.5)  # story seconds after 04:23 looked at, and the step
LEG_POINTS = 6  # points looked at along each bone of a leg
RING = 4  # pixels: a runner whose feet are this little nearer than the stool's is at its foot
LOOK_BACK = 0.9  # the head this far round (1: facing behind) is a look back
LOOKED_BACK_S = 0.8  # real seconds the look back lasts in the room, at least
STOOD = "04:22:59"  # the last moment they all stand at the counter
BOLTED = ("04:23:00.5", "04:23:01")  # moments after the window goes
BODY = 0.3  # of a height: a body's width (where a stander stood, they still are)
ROOM = 0.76  # of the height: feet below this stand in the room (at the counter, behind the
#              stools, at the aisle's edge), nearer than the aisle's lanes


PANIC = "Panic in the diner"


def _pace() -> float:
    """Real seconds per story second in the rush."""
    crowd = shipped_crowd(PANIC)
    line, clock = crowd.program.timeline, crowd.program.clock
    a, b = (state_at(line, parse_clock(t), clock).scene_seconds for t in ("04:23", "04:23:30"))
    return (b - a) / 30.0


def _runners(at: float) -> list[tuple[Figures, Member]]:
    """Everyone running along the aisle in sight at story time `at`."""
    crowd = shipped_crowd(PANIC)
    frame = crowd.frame(at)
    return [(one, member) for one in crowd.layers if one.params["scale"] > 0.2
            for member in one.members(frame)
            if member.pose.startswith("run") and 0 < member.feet[0] < SIZE[0]]


def _placed(one: Figures, member: Member) -> tuple[pygame.mask.Mask, tuple[int, int]]:
    """A runner's pixels in the picture, and where they begin."""
    sprite, at = placed(one, member)
    return pygame.mask.from_surface(sprite), at


def _hands(one: Figures, member: Member) -> list[Point]:
    """Where a runner's wrists and fingertips are in the picture."""
    body = one.sprites.body(member.pose, member.phase, member.turn, member.look.outfit)
    tall = member.look.height * member.share
    points = []
    for side in (0, 1):
        (ex, ey), (wx, wy) = body.joints[f"elbow{side}"], body.joints[f"wrist{side}"]
        length = math.hypot(wx - ex, wy - ey) or 1.0
        for k in (0.0, HAND / length):
            x, y = wx + (wx - ex) * k, wy + (wy - ey) * k
            points.append((member.feet[0] + (-x if member.left else x) * tall,
                           member.feet[1] - y * tall))
    return points


def _touches(mask: pygame.mask.Mask, at: tuple[int, int], point: Point, radius: int) -> bool:
    disc = pygame.Surface((2 * radius + 1, 2 * radius + 1), pygame.SRCALPHA)
    pygame.draw.circle(disc, (255, 255, 255), (radius, radius), radius)
    offset = (round(point[0]) - radius - at[0], round(point[1]) - radius - at[1])
    return mask.overlap(pygame.mask.from_surface(disc), offset) is not None


def _stride_phase(member: Member) -> float:
    return member.phase * RUNS_IN.get(member.pose, 1) % 1.0


def test_no_runner_has_a_hand_on_another_and_none_runs_in_step() -> None:
    """At 04:23:10-14 three runners of one stride ran in a file, each with a hand on the back
    ahead (a relay, a conga line): now no runner's hand (wrist to fingertips, and a palm's
    width about them) lies on another runner's body, and no two are at one phase of a
    stride."""
    seen = 0
    for story in CLOSE_UP:
        runners = _runners(parse_clock(story))
        seen += len(runners)
        bodies = [_placed(one, member) for one, member in runners]
        for n, (one, member) in enumerate(runners):
            palm = max(2, round(PALM * member.look.height * member.share))
            for point in _hands(one, member):
                for m, (mask, at) in enumerate(bodies):
                    assert m == n or not _touches(mask, at, point, palm), (
                        f"at {story} the runner at x {member.feet[0]:.0f} has a hand on the "
                        f"one at x {runners[m][1].feet[0]:.0f}")
        for n, (_, a) in enumerate(runners):
            for _, b in runners[n + 1:]:
                if abs(a.feet[0] - b.feet[0]) < NEIGHBOURS * SIZE[0]:
                    apart = abs(_stride_phase(a) - _stride_phase(b))
                    assert min(apart, 1.0 - apart) >= OUT_OF_STEP, (
                        f"at {story} the runners at x {a.feet[0]:.0f} and {b.feet[0]:.0f} "
                        "run in step")
    assert seen >= 2 * len(CLOSE_UP), "runners in the room"


def _legs(one: Figures, member: Member) -> list[tuple[Point, int]]:
    """Points along a runner's legs and feet in the picture, each with the leg's half width
    there (pixels)."""
    body = one.sprites.body(member.pose, member.phase, member.turn, member.look.outfit)
    tall = member.look.height * member.share
    side = -1 if member.left else 1
    points = []
    for capsule in body.capsules:
        if capsule.limb != "leg":
            continue
        for k in range(LEG_POINTS + 1):
            x, y = (a + (b - a) * k / LEG_POINTS for a, b in zip(capsule.a, capsule.b, strict=True))
            half = max(1, round(capsule.width * tall / 2))
            points.append(((member.feet[0] + side * x * tall, member.feet[1] - y * tall), half))
    return points


def test_nobody_runs_through_the_stool_left_standing_in_the_aisle() -> None:
    """The blue runner's foot landed inside the standing stool's foot, the stumbler rode it:
    the legs of whoever is level with it or further off never cross it (the figures are drawn
    over the room, so only someone nearer may pass in front of it)."""
    aisle = Aisle(SIZE, (255, 220, 170))
    stool = pygame.mask.from_surface(aisle.standing)
    width, height = stool.get_size()
    start, end, step = STOOL_SPAN
    looked = 0
    for k in range(round((end - start) / step)):
        at = parse_clock("04:23") + start + k * step
        for one, member in _runners(at):
            if member.feet[1] > aisle.floor + RING:
                continue  # nearer: in front of it
            looked += 1
            for (x, y), half in _legs(one, member):
                for dx in (-half, 0, half):
                    px = round(x) + dx - aisle.standing_at[0]
                    py = round(y) - aisle.standing_at[1]
                    assert not (0 <= px < width and 0 <= py < height and stool.get_at((px, py))), (
                        f"at 04:23+{at - parse_clock('04:23'):.1f} s a runner at x "
                        f"{member.feet[0]:.0f} runs through the stool")
    assert looked, "runners level with it or further off"


def test_the_one_looking_back_turns_head_and_shoulders_round_long_enough_to_see() -> None:
    """The look back over the shoulder lasted ~0.4 s of his crossing (long hair over the face
    besides): now the head is round, facing behind, and the shoulders turned, for most of a
    second while he is in the room."""
    pace, crowd = _pace(), shipped_crowd(PANIC)
    # (held at the door, he runs on through it in a layer of his own: the same man)
    glancing, *through = [one for one in crowd.layers if one.params["pose"] == "run-glance"
                          and one.params["scale"] > 0.2]
    assert all(one.params["look"] == glancing.params["look"] for one in through)
    start = glancing.params["from"]
    looked = 0
    for k in range(200):
        for member in [m for one in (glancing, *through)
                       for m in one.members(crowd.frame(start + k * 0.1))]:
            body = pose(member.pose, member.phase)
            if 0 < member.feet[0] < SIZE[0] and body.look >= LOOK_BACK:
                assert body.turn >= LOOK_BACK, "the shoulders round with the head"
                looked += 1
    assert looked * 0.1 * pace >= LOOKED_BACK_S, f"looking back {looked * 0.1 * pace:.2f} s"
    assert glancing.looks[0].outfit is not None
    assert glancing.looks[0].outfit.hair == "short", "the face shows, not a mass of hair"


def _dressed(member: Member) -> tuple[object, ...]:
    """What someone wears: their outfit (not how they run: see panic_arms) and its colours."""
    outfit = member.look.outfit
    worn = None if outfit is None else replace(outfit, gait=GAIT)
    return (worn, member.look.clothes, member.look.color)


def test_the_people_at_the_counter_bolt_from_where_they_stood() -> None:
    """At 04:23:00 everyone standing at the counter vanished in one frame and a crowd in other
    clothes ran in from off the left: a jump cut. Moments after the window goes, each of them
    is still in the picture where they stood (someone dressed as they were, within a body's
    width), some already running."""
    crowd = shipped_crowd(PANIC)
    stood = [(member, _dressed(member)) for one in crowd.layers
             for member in one.members(crowd.frame(parse_clock(STOOD)))
             if member.pose not in ("run", "argue", "stay") and member.feet[1] > ROOM * SIZE[1]]
    assert len(stood) >= 6, "the people up off their stools"
    running = 0
    for story in BOLTED:
        there = [(member, _dressed(member)) for one in crowd.layers
                 for member in one.members(crowd.frame(parse_clock(story)))]
        running += sum(member.pose == "run" for member, _ in there)
        for member, dress in stood:
            width = BODY * member.look.height
            assert any(dress == hers and abs(her.feet[0] - member.feet[0]) < width
                       for her, hers in there), (
                f"at {story} the one who stood at x {member.feet[0]:.0f} is gone")
    assert running, "some of them already running"
