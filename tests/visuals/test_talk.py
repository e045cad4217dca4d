"""Two people standing talking: at the tar pits after the handshake Harry and Julie take turns,
the one speaking with a hand out to the other while the other listens; and a gesture takes the
same real seconds wherever the day's uneven pace puts it."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import numpy as np
import pygame

from installation.core.clock import ClockSettings, StoryClock
from installation.core.timeline import Timeline, state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.gestures import idle
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.talk import (
    LISTENING,
    NAMES,
    OWN,
    SCHEDULE,
    SPEAKING,
    TURN_SECONDS,
    TURN_STEPS,
    talking,
    turn_pose,
)

from .helpers import layer, shipped_program, timeline
from .test_meeting import _apart

SIZE = (960, 540)
TALKING = "14:54:09"  # Julie turns to Harry from the calf: they take turns from here
CYCLE = [n / 4 for n in range(4, 96)]  # real seconds into it looked at: their first four turns
#   (each quarter second: his turns a second and a half behind hers, see talk.ANSWER; looked at
#   each whole second, his held-out hand peaked between looks: 33 px at 20 s against OUT's 30,
#   and when the talk's timing moved ~0.25 s (with mother25's pace rows) 15 there, 31 at 20.25)
HEIGHT = 0.21  # theirs, of the picture (0.14 until they were made half as large again)
FEET = 0.925  # where they stand (of the picture's height), Harry at 0.4417 facing right, Julie
HARRY, JULIE = 0.4417, 0.5008  # at 0.5008 facing left
DARK = 60  # a pixel this dark in front of them is an arm (the grass and the path are lighter)
OUT, DOWN = 30, 12  # an arm held out in front: this many dark pixels; at the side: at most these
# (20 and 8 when they were 0.14 of the picture: half as large again, their arms are too)
STEP_MOST = 0.45  # radians any joint (or the lean, the nod) moves from one drawn step to the next
REAL = 5.0  # real seconds into an offer looked at: half way through its 10
TALK_REAL = 150.0  # real seconds the shipped talk lasts, about (14:47 to 16:20)
PACED = """[[pace]]
from = "12:00"
to = "12:30"
weight = 4
[[pace]]
from = "12:30"
to = "14:00"
weight = 1
"""  # one scene, its first half hour paced four times slower than the rest


def _front(x: float, right: bool) -> pygame.Rect:
    """In front of someone standing at `x` (of the width), facing right or left: from their
    waist to their chest, a little out from the body, where a hand held out to the other is
    (clear of a hand at rest by the hip: as dark as the face now, it once took the rim)."""
    tall = HEIGHT * SIZE[1]
    left = x * SIZE[0] + (0.12 * tall if right else -0.23 * tall)
    return pygame.Rect(round(left), round(FEET * SIZE[1] - 0.72 * tall), round(0.11 * tall),
                       round(0.27 * tall))  # (from 0.72 of their height down: above it, the
    #   dark near edge of the tar lies behind their chests since they are half as large again)


def test_harry_and_julie_take_turns_speaking_with_their_hands() -> None:
    """Through one cycle of their talk, each holds a hand out to the other while speaking
    (he is no statue with his arms at his sides), and never both at once: one speaks while
    the other listens."""
    program = shipped_program()
    headless()
    compositor = Compositor(program.timeline, SIZE, lambda _message: None, program.clock)
    his, hers = _front(HARRY, True), _front(JULIE, False)
    seen = []
    for real in CYCLE:
        picture = pygame.Surface(SIZE)
        at = story_after(program.clock, parse_clock(TALKING), real)
        compositor.draw(picture, state_at(program.timeline, at, program.clock))
        shade = pygame.surfarray.array3d(picture).astype(float).mean(axis=2)
        seen.append(tuple(int(np.count_nonzero(shade[b.left:b.right, b.top:b.bottom] < DARK))
                          for b in (his, hers)))
    assert max(him for him, _ in seen) >= OUT and max(her for _, her in seen) >= OUT, seen
    assert all(min(both) <= DOWN for both in seen if max(both) >= OUT), seen


def test_every_turn_begins_and_ends_at_ease_and_moves_smoothly() -> None:
    """Each kind of turn starts and ends as idle does (a layer before or after it, or the
    turn after it, joins it without a jump), and no joint moves far from one drawn step to
    the next."""
    for kind in NAMES:
        assert _apart(turn_pose(kind, 0.0), idle(0.0)) < 1e-9
        assert _apart(turn_pose(kind, 1.0 - 1e-9), idle(0.0)) < 1e-6
        steps = [turn_pose(kind, n / TURN_STEPS) for n in range(TURN_STEPS + 1)]
        assert max(_apart(a, b) for a, b in pairwise(steps)) < STEP_MOST, kind


def test_they_take_turns_and_their_talk_never_comes_round_again() -> None:
    """Two who talk (talk, and listen begun with it, in its OWN way) are at each turn never
    both speaking nor both only listening (one speaks while the other listens or laughs; at
    times they laugh, or are quiet, together); and the schedule is longer than the shipped
    talk (2.6 real minutes), so what a visitor watches never comes round again."""
    kinds = {name: kind for kind, name in NAMES.items()}
    for turn in range(len(SCHEDULE)):
        seconds = (turn + 0.5) * TURN_SECONDS
        pair = [kinds[talking(pose, seconds, None)[0]] for pose in ("talk", "listen")]
        heard = SCHEDULE[(turn + 1) % len(SCHEDULE)]
        assert pair == [SCHEDULE[turn], OWN["listen"].get(heard, heard)], (turn, pair)
        for either in (SPEAKING, LISTENING):
            assert not all(kind in either for kind in pair), (turn, pair)
    assert len(SCHEDULE) * TURN_SECONDS > TALK_REAL


def _offered(line: Timeline, start: str) -> float:
    """The phase of the offer (0 to 1 over its 10 seconds) REAL real seconds after it begins at
    story time `start`, at the line's pace."""
    clock = StoryClock(ClockSettings("compressed", parse_clock("10:00"), 3600.0, dt.UTC),
                       line.day_start, line.pace)
    scene = line.scenes[0]
    spec = next(one for one in scene.layers if one.params["from"] == parse_clock(start))
    people = Figures(spec.params, Compositor(line, SIZE, print).setup(
        scene, scene.layers.index(spec), "figures"))
    state = state_at(line, story_after(clock, parse_clock(start), REAL), clock)
    [her] = people.members(Frame(state.story_time, state.scene_seconds, state))
    return her.phase


def test_a_gesture_takes_the_same_real_seconds_wherever_the_pace_puts_it() -> None:
    """An offer begun in the scene's slow first half hour and one begun in its quicker hours
    after are both half way through five real seconds in (at an even pace taken for the whole
    scene, the second raced on: its 10 seconds over in 7)."""
    offers = "".join(layer("figures", pose="offer", body="julie", speed=0, scale=0.3,
                           **{"from": at, "until": "13:59"}) + "path = [[0.5, 0.9]]\n"
                     for at in ("12:10", "13:40"))
    line = timeline(PACED + '[[scene]]\nat = "12:00"\nname = "only"\n' + offers)
    early, late = _offered(line, "12:10"), _offered(line, "13:40")
    assert abs(early - 0.5) < 0.01 and abs(late - 0.5) < 0.01, (early, late)


def test_harry_turns_his_head_away_from_julie_and_back_between_14_50_and_15_00() -> None:
    """Julie's head turned (profile, three-quarters, the other profile) while Harry stayed in
    right profile for the whole ten story minutes; now, listening, he looks away out to the
    visitor's side (three-quarters) and back to her, slowly."""
    headless()
    program = shipped_program()
    line, clock = program.timeline, program.clock
    compositor = Compositor(line, SIZE, lambda _message: None, clock)
    start = state_at(line, parse_clock("14:50"), clock)
    layers = [Figures(spec.params, compositor.setup(start.scene, i, "figures"))
              for i, spec in enumerate(start.scene.layers)
              if spec.type == "figures" and spec.params["body"] == "harry"]
    looks = []
    at = parse_clock("14:50")
    while at < parse_clock("15:00"):
        state = state_at(line, at, clock)
        frame = Frame(state.story_time, state.scene_seconds, state)
        looks += [pose(m.pose, m.phase).look for one in layers for m in one.members(frame)]
        at = story_after(clock, at, 0.1)
    assert max(looks) > 0.3, "his head turned towards the visitor, away from her"
    turned = [n for n, look in enumerate(looks) if look > 0.3]
    assert min(looks[turned[-1]:]) < 0.05, "and back to her"
    assert len(turned) >= 5, "held a moment (half a real second at least), not a flick"


MOVED = 0.3  # radians: someone this far from standing at ease (a joint, the lean, the head) is
#              seen moving from across the room


def test_one_of_them_is_always_moving_never_two_statues() -> None:
    """Through the whole talk, at every tenth of a real second after its first half second,
    one of the two is well into a gesture, a step or a turn of the head: never both standing
    at ease at once (at every turn's end both came to rest together: at 15:30 two statues)."""
    kinds = {name: kind for kind, name in NAMES.items()}
    rest = idle(0.0)
    for tenth in range(5, round(TALK_REAL * 10)):
        seconds = tenth / 10
        moved = []
        for who in ("talk", "listen"):
            name, phase = talking(who, seconds, None)
            now = turn_pose(kinds[name], phase)
            moved.append(max(abs(a - b) for a, b in zip(
                (*now.shoulders, *now.elbows, *now.thighs, *now.knees, *now.toes, now.lean,
                 now.nod, now.turn, now.look),
                (*rest.shoulders, *rest.elbows, *rest.thighs, *rest.knees, *rest.toes,
                 rest.lean, rest.nod, rest.turn, rest.look), strict=True)))
        assert max(moved) >= MOVED, f"{seconds} s into their talk both stand at ease: {moved}"
