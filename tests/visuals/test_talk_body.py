"""Harry and Julie talking move like people at their size on the wall: the head nods and turns
away against the shoulders, a foot steps back and comes in again (the other planted), and the
forearm rises to explain while the upper arm stays low."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.skeleton import Body
from installation.visuals.talk import NAMES, TURN_SECONDS
from installation.visuals.wardrobe import OUTFITS

TALL = 151  # pixels: Harry and Julie on the wall at 1920x1080 (0.14 of the picture)
DARK = (20, 20, 24)
SHOWN = 128  # alpha: a pixel this opaque shows
NOD_MOVES = 4  # pixels: the head moves this far against the shoulders in a nod
SWINGS = 3  # pixels: the hair swings round this far as the head turns away
STEPS = 6  # pixels: a foot stepping back moves this far
PLANTED = 2  # pixels: the foot that carries the weight moves at most this far
HAND_OVER = 15  # pixels: the explaining hand rises this far above the elbow
CHIN = 0.03  # of a height: the chin, below the skull's middle
ELBOW_LOW = 0.12  # of a height: the elbow stays this far below the shoulder (the arm low)


def _sprite(kind: str, seconds: float, body: str = "harry") -> tuple[np.ndarray, tuple[int, int]]:
    """Who is drawn in a turn of `kind`, `seconds` into it, facing right: which pixels show,
    and where the feet are on it."""
    headless()
    look = Look(TALL, DARK, None, outfit=OUTFITS[body])
    sprite, feet = sprite_for(pose(NAMES[kind], seconds / TURN_SECONDS), look, False)
    shown = pygame.surfarray.array_alpha(sprite) >= SHOWN
    return shown, (round(feet[0]), round(feet[1]))


def _head(kind: str, seconds: float, who: str = "harry", skull: bool = False
          ) -> tuple[float, float]:
    """Where the head's pixels are (their middle), in pixels, against the shoulders (the
    rows above the shoulder joint), or against the skull's own middle (the rows above its
    chin: the face and the hair, not the neck)."""
    body = pose(NAMES[kind], seconds / TURN_SECONDS)
    shown, feet = _sprite(kind, seconds, who)
    middle = body.head if skull else body.joints["shoulder"]
    top = round(feet[1] - (middle[1] - (CHIN if skull else 0.0)) * TALL) - 2
    xs, ys = np.nonzero(shown[:, :top])
    return (float(xs.mean()) - feet[0] - middle[0] * TALL,
            float(ys.mean()) - feet[1] + middle[1] * TALL)


def test_the_speaker_nods_as_she_opens_her_hand_to_him() -> None:
    """Two seconds into explaining, the head has bowed in a nod: its pixels have moved
    against the shoulders (forward and down) by more than a visitor misses."""
    still, nodding = _head("explain", 0.0), _head("explain", 1.9)
    assert np.hypot(nodding[0] - still[0], nodding[1] - still[1]) >= NOD_MOVES, (still, nodding)


def test_a_listener_glancing_away_turns_her_head() -> None:
    """Arms folded, glancing away, the head turns from the other: her hair, behind the face
    as she looks at him, swings round to the side he is on."""
    facing = _head("glance", 1.2, "julie", skull=True)
    away = _head("glance", 2.8, "julie", skull=True)
    assert away[0] - facing[0] >= SWINGS, (facing, away)


def _feet(kind: str, seconds: float) -> tuple[int, int]:
    """The rearmost and foremost showing pixel of the bottom rows (the feet on the ground),
    across from where the feet are placed."""
    shown, feet = _sprite(kind, seconds)
    xs = np.nonzero(shown[:, feet[1] - 3:feet[1] + 1].any(axis=1))[0]
    return int(xs.min()) - feet[0], int(xs.max()) - feet[0]


def test_a_listener_steps_back_and_in_again() -> None:
    """Listening, the weight goes back onto a foot stepped back, the front foot planted
    where it was; by the turn's end the foot is back beside the other."""
    (back, front), (stepped, planted) = _feet("nod", 0.0), _feet("nod", 2.0)
    assert back - stepped >= STEPS and abs(front - planted) <= PLANTED, (back, stepped)
    assert abs(_feet("nod", TURN_SECONDS - 0.01)[0] - back) <= PLANTED


def test_the_hand_rises_above_the_elbow_as_she_explains() -> None:
    """Opening her hand to him, the forearm is raised: the hand well above the elbow, the
    elbow low by her side (not an arm held out stiff from the shoulder), and drawn there."""
    seconds = 1.9
    body = pose(NAMES["explain"], seconds / TURN_SECONDS)
    elbow, wrist, shoulder = (body.joints[name] for name in ("elbow0", "wrist0", "shoulder"))
    assert (wrist[1] - elbow[1]) * TALL >= HAND_OVER, (elbow, wrist)
    assert shoulder[1] - elbow[1] >= ELBOW_LOW, (shoulder, elbow)
    shown, feet = _sprite("explain", seconds, "julie")
    assert shown[round(feet[0] + wrist[0] * TALL), round(feet[1] - wrist[1] * TALL)]


NOSE = 5  # the nose's tip among heads.HEAD's points
UNDER = 0.03  # of a height: how far behind her hip her rear ankle may be, standing to talk


def _shipped(layer: str, since: str, at: str) -> Body:
    """Harry or Julie taking turns (`layer`: talk or listen, begun at `since`), at story
    time `at` of the shipped day."""
    from installation.core.timeutil import parse_clock
    from installation.visuals.talk import talking

    from .helpers import shipped_program

    clock = shipped_program().clock
    name, phase = talking(layer, clock.real_between(parse_clock(since), parse_clock(at)), None)
    return pose(name, phase)


def _nose(at: str) -> float:
    """Across the picture from the middle of Harry's head to the tip of his nose, in head
    radii (positive: towards Julie, on his right), as the shipped day has him listening at
    story time `at` (he listens from 14:47)."""
    from installation.visuals.wardrobe import HEAD_SCALE, dressed, worn

    body = _shipped("listen", "14:47", at)
    head = dressed(body, OUTFITS["harry"])[1][worn(OUTFITS["harry"])]
    return (head[NOSE][0] - body.head[0]) / (body.head_radius * HEAD_SCALE)


def test_harry_looks_away_from_julie_and_back_at_her_14_49_to_14_53() -> None:
    """At the tar pits Harry's face pointed at Julie at 14:49, 14:51, 14:53 and 14:56 (turned
    out to three-quarters, at 14 px his head still read as facing her): listening he now
    turns his head round to the other profile, the shoulders with it, the nose on the side
    away from her, and back to her."""
    # (14:50: he answers a second and a half behind her, see talk.ANSWER)
    assert _nose("14:50") < -0.5, "his face turned away from her, his nose to the left"
    assert _nose("14:53") > 0.5, "and back to her"


def test_julie_turned_to_harry_stands_on_both_feet_under_her() -> None:
    """At 14:56, turned to Harry and explaining, her far foot trailed behind her on its toes
    under a forward lean: her legs and skirt read as walking away from him, her torso and
    hands turned to him. Stepped in to him, the other foot now comes in after the first: she
    stands on both feet, flat, under her hips."""
    body = _shipped("talk", "14:54:09", "14:56")
    hip, ankles = body.joints["hip"][0], [body.joints[f"ankle{side}"] for side in (0, 1)]
    assert hip - min(x for x, _y in ankles) < UNDER, (hip, ankles)
    assert max(y for _x, y in ankles) - min(y for _x, y in ankles) < 0.01, "both heels down"
