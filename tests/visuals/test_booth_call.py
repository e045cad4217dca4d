"""The call in the booth is not a still: Harry listens, puts his hand to his head, slumps
against the glass and lets the receiver fall, and it is left hanging under the phone."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeutil import parse_clock
from installation.visuals import booth
from installation.visuals.booth_call import Call, moment
from installation.visuals.booth_phone import handset_steel
from installation.visuals.call_poses import CALL, call_move
from installation.visuals.compositor import Compositor
from installation.visuals.poses import pose
from installation.visuals.render import headless

from .helpers import NO_POST, assert_as_fresh, frame_at, layer, one_scene

BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
SIZE = (640, 360)
SCALE, GROUND = 0.8, 0.95
BEATS = {"hand_to_head": "04:05:10", "slumps": "04:05:20", "lets_go": "04:05:30"}
# Seconds into the scene (story = real here) well inside each beat: listening, the hand at his
# head, slumped, the receiver let go a moment ago (swinging), and long after (hanging still).
LISTENING, HEAD, SLUMPED, SWINGING, LONG_AFTER = 5.0, 18.0, 28.0, 36.0, 90.0
HEAD_ROWS = 0.15  # of his height, from the top: his head
SLACK = 0.01  # in his heights: how far a hand may stray from the way between two beats
MOVED = 8  # pixels his hand, back or arm must move for a beat to be seen at this size
AGAINST = 6  # pixels (3% of his height) his slumped back is off the bar, at most: against it
FULL = (1920, 1080)
RINGS, PICKED_UP = 8.0, 6.0  # seconds it rings; seconds after, he has picked up (a sway's
# end, then the pick-up)
OPAQUE = 128  # a sprite's pixel this opaque is his body (past its soft edge)
TUBE = (214, 240, 226)  # the booth's light (the catalog's default)
BOOTH = BLACK_SKY + layer("booth", x=0.5, ground=GROUND, scale=SCALE, ring=0,
                          caller_color="#ff0000", **BEATS) + NO_POST


def caller(seconds: float) -> np.ndarray:
    """Where the (red) caller is, `seconds` into the scene: a mask, x by y."""
    frame = frame_at(BOOTH, "04:05", seconds, SIZE)
    return (frame[..., 0] > 2 * frame[..., 1] + 60) & (frame[..., 0] > 2 * frame[..., 2] + 60)


def head_reach(mask: np.ndarray) -> tuple[int, int]:
    """His leftmost and rightmost columns at the height of his head (facing the phone, on
    his left: what he holds up to it)."""
    ys = np.flatnonzero(mask.any(axis=0))
    rows = mask[:, ys.min():ys.min() + round(HEAD_ROWS * (ys.max() - ys.min()))]
    xs = np.flatnonzero(rows.any(axis=1))
    return int(xs.min()), int(xs.max())


def booth_box() -> tuple[pygame.Rect, int]:
    """The phone's box on the picture, and the booth's right bar's inner edge (x)."""
    tall = round(SCALE * SIZE[1])
    wide = round(tall * booth.WIDE)
    left, top = round(0.5 * SIZE[0] - wide / 2), round(GROUND * SIZE[1]) - tall
    x, y, w, h = booth.PHONE_BOX
    box = pygame.Rect(left + round(x * wide), top + tall - round((y + h) * tall),
                      round(w * tall), round(h * tall))
    return box, left + wide - max(2, round(tall * booth.BAR))


def hanging_place() -> tuple[slice, slice]:
    """The pixels a receiver left hanging under the phone covers (within its edges)."""
    box, _ = booth_box()
    handset = pygame.Rect(booth._inside(box, booth.RECEIVER))
    handset.midtop = booth.dangling_end(box)
    return slice(handset.left + 1, handset.right - 1), slice(handset.top + 2, handset.bottom - 2)


def test_his_free_hand_goes_to_his_head() -> None:
    """At hand_to_head his free hand is up at his brow: something of him reaches out in
    front of his face, towards the phone, that did not while he only listened."""
    listening, holding = head_reach(caller(LISTENING)), head_reach(caller(HEAD))
    assert holding[0] < listening[0] - MOVED, (listening, holding)


def test_he_slumps_back_against_the_glass() -> None:
    """At slumps his back comes to the booth's glass behind him (its right bar), from a
    hand's width off it; his feet stay where they stood."""
    _, wall = booth_box()
    before, after = caller(HEAD), caller(SLUMPED)
    backs = [int(np.flatnonzero(mask.any(axis=1)).max()) for mask in (before, after)]
    assert backs[0] < wall - MOVED and backs[1] >= wall - AGAINST, (backs, wall)
    feet = [int(np.flatnonzero(mask.any(axis=0)).max()) for mask in (before, after)]
    assert abs(feet[0] - feet[1]) <= 1, feet


def booth_layer(body: str) -> booth.Booth:
    """The booth layer of a one-scene timeline at 04:05, built at full size."""
    headless()
    line = one_scene(body, at="04:05")
    scene = line.scenes[0]
    index = next(i for i, spec in enumerate(scene.layers) if spec.type == "booth")
    return booth.Booth(scene.layers[index].params,
                       Compositor(line, FULL, print).setup(scene, index, "booth"))


def test_his_slumped_back_is_seen_whole_inside_the_glass() -> None:
    """Slumped, and after he lets go, no part of his body goes in under the booth's right bar
    (at 04:12-04:20 the bar cut his back flat down its length: a man sliced in half)."""
    caller = booth_layer(BOOTH)
    bar = caller.left + caller.wide - max(2, round(caller.tall * booth.BAR))
    for name in ("phone-slump", "phone-down"):
        steps = caller.sprites.steps(name)
        for step in range(steps):
            sprite, feet = caller.sprites.get(name, step / steps, True, caller.caller_look)
            opaque = np.flatnonzero(pygame.surfarray.array_alpha(sprite).max(axis=1) > OPAQUE)
            back = caller.ground[0] - round(feet[0]) + int(opaque.max())
            assert back <= bar, (name, step, back, bar)


def test_he_lets_the_receiver_go() -> None:
    """After lets_go nothing of him is held up at his ear: his head's rows reach no
    further towards the phone than his bowed head (nor than his face while he listened: the
    receiver lies at his near ear, over his cheek, his face turned three-quarters to us)."""
    slumped, let_go = head_reach(caller(SLUMPED)), head_reach(caller(LONG_AFTER))
    listening = head_reach(caller(LISTENING))
    assert let_go[0] >= listening[0] and let_go[0] > slumped[0], (listening, slumped, let_go)


def test_the_receiver_is_left_hanging_below_the_phone() -> None:
    """Long after he lets go, the receiver hangs on its cord under the phone, where a booth
    with `receiver = "hanging"` shows it (the coyote's at 05:12): a steel shape on the lit
    glass that showed there while he listened."""
    place = hanging_place()
    listening = frame_at(BOOTH, "04:05", LISTENING, SIZE)[place]
    hanging = frame_at(BOOTH, "04:05", LONG_AFTER, SIZE)[place]
    assert hanging.mean() < 0.75 * listening.mean(), (hanging.mean(), listening.mean())
    box, _ = booth_box()
    assert place[1].start > box.bottom, "below the phone"


def test_the_let_go_receiver_swings() -> None:
    """Just after he lets it fall, the receiver swings on its cord: two frames a third of
    a second apart differ under the phone; long after, it hangs still."""
    box, _ = booth_box()
    under = (slice(box.left - box.width, box.right), slice(box.bottom, SIZE[1]))  # not him
    frames = [frame_at(BOOTH, "04:05", s, SIZE)[under]
              for s in (SWINGING, SWINGING + 0.33, LONG_AFTER, LONG_AFTER + 0.33)]
    assert np.count_nonzero(np.any(frames[0] != frames[1], axis=2)) > 20
    assert np.count_nonzero(np.any(frames[2] != frames[3], axis=2)) == 0


def test_each_move_starts_from_where_the_pose_before_it_is() -> None:
    """No pop between beats: a move starts as the pose before it is at its phase 0, and the
    pose after it starts at its own phase 0 as the move ends."""
    call = Call.of({key: parse_clock(at) for key, at in BEATS.items()}, parse_clock("04:05"))
    beats = list(call.beats)
    seconds = np.arange(0.0, 60.0, 1 / 60)
    moments = [moment(beats, s, call.poses[1:]) for s in seconds]
    for a, b in zip(moments, moments[1:], strict=False):
        if a.name != b.name:
            assert a.phase % 1.0 > 0.95 and b.phase % 1.0 < 0.05, (a, b)
    names = [m.name for m in moments]
    assert [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n] == [
        "phone", "phone>phone-head", "phone-head", "phone-head>phone-slump", "phone-slump",
        "phone-slump>phone-down", "phone-down"]


def test_the_call_is_drawn_the_same_whatever_came_before() -> None:
    line = one_scene(BOOTH, at="04:05")
    start = parse_clock("04:05")
    assert_as_fresh(line, [start + s for s in (SWINGING, HEAD, SLUMPED, 34.2, LONG_AFTER)],
                    SIZE)


def test_his_hands_go_straight_between_beats() -> None:
    """In each move a hand goes from where it was to where it goes, within the box of the
    two (blending the arm's angles swung a hand let down from his ear or brow out in front
    of him, the forearm raised like a wave). (The pick-up, into "phone", goes by the cradle.)"""
    for name in CALL[2:]:
        move = call_move(name)
        ends = [pose(move, 0.0).joints, pose(name, 0.0).joints]
        for step in range(1, 16):
            joints = pose(move, step / 16).joints
            for wrist in ("wrist0", "wrist1"):
                for axis in (0, 1):
                    low, high = sorted(end[wrist][axis] for end in ends)
                    assert low - SLACK <= joints[wrist][axis] <= high + SLACK, (move, step, wrist)


def test_he_picks_up_once_it_has_rung() -> None:
    """While the phone rings he stands at it and its receiver hangs in the cradle; once the
    ring is over he has picked it up: the cradle is empty (the receiver at his ear)."""
    ringing = BLACK_SKY + layer("booth", x=0.5, ground=GROUND, scale=SCALE, ring=RINGS,
                                caller_color="#ff0000", **BEATS) + NO_POST
    box, _ = booth_box()
    cradle = booth._inside(box, booth.RECEIVER)
    place = (slice(cradle.left, cradle.right), slice(cradle.top, cradle.bottom))
    steel, _shine = handset_steel(TUBE)  # (the receiver's, not the box's)

    def hung(seconds: float) -> float:
        frame = frame_at(ringing, "04:05", seconds, SIZE)[place]
        return float(np.all(frame == steel, axis=2).mean())

    during, after = hung(RINGS / 2), hung(RINGS + PICKED_UP)
    assert during > after + 0.3, (during, after)  # (the receiver, two cups and a slim handle,
    #                                               fills about half its place)
