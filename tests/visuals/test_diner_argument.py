"""The people in the panic in Johnie's: the patrons argue with Harry turned on their stools,
each in a gesture of their own, heads in proportion; the runners of one lane are grown-ups of
like heights; and no runner's hand ever lands on a seated head."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeutil import format_clock, parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.counter import URN
from installation.visuals.figures import Figures, Member
from installation.visuals.poses import SEATED
from installation.visuals.render import headless
from installation.visuals.shares import box
from installation.visuals.skeleton import HEAD, WIDTHS, Body, Point
from installation.visuals.wardrobe import HAND_LENGTH, HEAD_SCALE

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SCENE_AT = "04:20:10"  # the argument at the counter
RUSH = ("04:23", "04:25")  # the rush out of the diner (and its stragglers, later)
STRAGGLERS = ("04:27:40", "04:31")
LOOKED_AT = 16.0  # real seconds of each looked at, from its start (the rush: ~15)
FPS = 30
ADULT = 0.1  # on one lane, nobody's height more than this share off the lane's middle
CLEAR = 12  # pixels: a runner's hand stays this far outside a seated head, at least
GESTURES = 3  # different gestures among the patrons, at least
NECK = 0.36  # a seated patron's neck is at least this share of the head's width (0.45 was met
# only by the neck widened as the chest is when turned to the visitor, 1.4 times at a full
# turn: the man who stays at the counter had a column as deep as his head; a neck is round)


def layers_at(line: Timeline, at: str) -> list[Figures]:
    """The figures layers of the scene at story time `at`."""
    headless()
    compositor = Compositor(line, (1920, 1080), print)
    scene = state_at(line, parse_clock(at)).scene
    return [Figures(spec.params, compositor.setup(scene, i, "figures"))
            for i, spec in enumerate(scene.layers) if spec.type == "figures"]


def frames(line: Timeline, at: str) -> Iterator[Frame]:
    """LOOKED_AT real seconds of the show at FPS from `at` (at the scene's pace)."""
    start = parse_clock(at)
    rate = state_at(line, start + 60).scene_seconds - state_at(line, start).scene_seconds
    for n in range(int(LOOKED_AT * FPS)):
        state = state_at(line, start + n / FPS * 60 / rate)
        yield Frame(state.story_time, state.scene_seconds, state)


def body_of(layer: Figures, member: Member) -> Body:
    """The body drawn for a member (its sprite's phase)."""
    steps = layer.sprites.steps(member.pose)
    phase = int(member.phase % 1.0 * steps) % steps / steps
    return layer.sprites.body(member.pose, phase, 0.0, member.look.outfit)


def placed(member: Member, point: Point) -> Point:
    """A point of a member's body (in figure heights) in the picture."""
    size = member.look.height * member.share
    return (member.feet[0] + point[0] * size * (-1 if member.left else 1),
            member.feet[1] - point[1] * size)


def hands(body: Body) -> list[Point]:
    """Both wrists and where each hand ends, past the wrist along the forearm."""
    out = []
    for side in (0, 1):
        (ex, ey), (wx, wy) = body.joints[f"elbow{side}"], body.joints[f"wrist{side}"]
        length = math.hypot(wx - ex, wy - ey) or 1.0
        out += [(wx, wy), (wx + (wx - ex) / length * HAND_LENGTH,
                           wy + (wy - ey) / length * HAND_LENGTH)]
    return out


def rush_lanes(layers: list[Figures]) -> dict[float, list[Figures]]:
    """The runners' layers inside the room, by the height of their lane (the row they run
    along the room on, near or far, before they turn in at the door)."""
    lanes: dict[float, list[Figures]] = {}
    for one in layers:
        if one.params["pose"].startswith("run") and one.params["scale"] > 0.2:
            lanes.setdefault(one.params["path"][0][1], []).append(one)
    return lanes


def test_the_runners_of_one_lane_are_grown_ups_of_like_heights() -> None:
    """No runner reads as a child beside another: on each lane every one is within ADULT of
    the lane's middle height."""
    lanes = rush_lanes(layers_at(load_timeline(SHIPPED), "04:23:05"))
    assert lanes
    for lane, layers in lanes.items():
        heights = [look.height for one in layers for look in one.looks]
        middle = (max(heights) + min(heights)) / 2
        assert max(heights) <= middle * (1 + ADULT) and min(heights) >= middle * (1 - ADULT), (
            f"lane {lane}: heights {sorted(heights)}")


def test_no_runners_hand_lands_on_a_seated_head() -> None:
    """Through the rush and the stragglers after it, frame by frame, each runner's hands stay
    clear of the head of anyone sitting at the counter (never a fist in a face)."""
    line = load_timeline(SHIPPED)
    checked = 0
    for at in (RUSH[0], *STRAGGLERS):
        layers = layers_at(line, at)
        runners = [one for lane in rush_lanes(layers).values() for one in lane]
        seated = [one for one in layers if one.params["pose"] in SEATED]
        for frame in frames(line, at):
            heads = [(placed(m, body_of(one, m).head),
                      HEAD * HEAD_SCALE * m.look.height * m.share)
                     for one in seated for m in one.members(frame)]
            for hand in (placed(m, point) for one in runners for m in one.members(frame)
                         for point in hands(body_of(one, m))):
                for head, radius in heads:
                    checked += 1
                    assert math.dist(hand, head) >= radius + CLEAR, (
                        f"a runner's hand at {hand} on a seated head at {head}, "
                        f"{format_clock(frame.story_time)}")
    assert checked > 1000, "runners and a seated man seen together"


def patrons(frame_at: str = SCENE_AT) -> tuple[Figures, list[Member], Member]:
    """The patrons arguing at the counter, and Harry."""
    line = load_timeline(SHIPPED)
    layers = layers_at(line, frame_at)
    frame = next(frames(line, frame_at))
    counter = next(one for one in layers if one.params["pose"] in SEATED
                   and one.params["count"] > 1)
    harry = next(one for one in layers if one.params["body"] == "harry")
    return counter, counter.members(frame), harry.members(frame)[0]


def test_the_patrons_argue_turned_to_harry_each_in_a_gesture_of_their_own() -> None:
    """Each faces Harry (the face's side his way); between them at least GESTURES gestures,
    neighbours never alike; someone's hand is up above their shoulder, someone points."""
    counter, members, harry = patrons()
    assert len(members) == 5
    for member in members:
        assert member.left == (harry.feet[0] < member.feet[0]), "facing away from Harry"
    poses = [member.pose for member in sorted(members, key=lambda m: m.feet[0])]
    assert len(set(poses)) >= GESTURES, poses
    assert all(a != b for a, b in zip(poses, poses[1:], strict=False)), poses
    raised = [member for member in members if any(
        hand[1] > body_of(counter, member).joints["shoulder"][1]
        for hand in hands(body_of(counter, member)))]
    assert raised, "no hand raised in the argument"
    assert any(body_of(counter, member).pointing for member in members), "nobody points"


def test_a_patrons_head_sits_on_a_neck_and_shoulders_wider_than_it() -> None:
    """No lollipop heads on stalks: every patron's chest is wider than the head, and the neck
    at least NECK of the head's width."""
    counter, members, _ = patrons()
    for member in members:
        body = body_of(counter, member)
        head = 2 * HEAD * HEAD_SCALE
        neck = max(c.width for c in body.capsules
                   if c.limb == "body" and c.width < WIDTHS["pelvis"] and not c.far)
        chest = max(c.width for c in body.capsules if c.limb == "body")
        assert chest > head, f"{member.pose}: shoulders {chest:.3f}, head {head:.3f}"
        assert neck >= NECK * head, f"{member.pose}: neck {neck:.3f}, head {head:.3f}"


def test_no_runners_head_sits_on_the_urns_lid() -> None:
    """Through the rush and the stragglers after it, frame by frame, a runner whose head passes
    over the coffee urn's columns has it well clear above the lid (a head's height of neck and
    shoulders between them) or hidden below it: never resting on its outline (at 04:23:20 one
    sat exactly on the lid, and read as a head-urn)."""
    line = load_timeline(SHIPPED)
    urn = box(URN, (1920, 1080))
    checked = 0
    for at in (RUSH[0], *STRAGGLERS):
        runners = [one for lane in rush_lanes(layers_at(line, at)).values() for one in lane]
        for frame in frames(line, at):
            for one in runners:
                for m in one.members(frame):
                    (x, y), r = (placed(m, body_of(one, m).head),
                                 HEAD * HEAD_SCALE * m.look.height * m.share)
                    if x + r < urn.left or x - r > urn.right:
                        continue
                    checked += 1
                    assert y + 3 * r <= urn.top or y - r >= urn.top, (
                        f"a runner's head at {round(x), round(y)} (radius {r:.0f}) on the urn's"
                        f" lid at {urn.top}, {format_clock(frame.story_time)}")
    assert checked > 50, "runners passing behind the urn"


def test_the_runners_outside_the_glass_go_at_different_depths_sizes_and_speeds() -> None:
    """Those fleeing along Wilshire outside the glass are not one even file at one height:
    nearer ones larger and faster low by the glass, further ones smaller out on the road, and
    one who cannot run hurrying after them (the old ones ran in one lane, one size, one pace)."""
    line = load_timeline(SHIPPED)
    outside = [one.params for one in layers_at(line, "04:26")
               if one.params["pose"] in ("run", "walk") and one.params["scale"] < 0.2]
    lanes = sorted({round(p["path"][0][1], 3) for p in outside})
    sizes = sorted(p["scale"] for p in outside)
    paces = sorted(p["speed"] for p in outside)
    assert len(lanes) >= 3 and lanes[-1] - lanes[0] >= 0.02, lanes
    assert sizes[-1] >= 1.3 * sizes[0], sizes
    assert paces[-1] >= 2 * paces[0], paces
    assert any(p["pose"] == "walk" for p in outside), "someone hurrying, not running"
