"""The payphone rings and we see it: Harry looks out of the booth until the first ring snaps
his head round, his hands off the keypad (he is not dialling); the receiver jolts in its
cradle while the bell rings and lies still between; each ring's light swells and dies away;
he lifts the receiver as the third ring ends; the diner's light catches his edge."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame, mix
from installation.visuals.booth import FIST, KNUCKLES, Booth
from installation.visuals.booth_handset import HANDSET_WIDE
from installation.visuals.booth_phone import handset_steel
from installation.visuals.call_poses import CALL_LOOK
from installation.visuals.compositor import Compositor
from installation.visuals.poses import pose
from installation.visuals.render import headless

from .helpers import NO_POST, frame_at, layer, one_scene
from .test_booth_call import BEATS, BLACK_SKY, FULL, GROUND, SCALE, SIZE, TUBE

RINGS = 14.0  # three rings, as the cue's sound (2 s on, 4 s off)
BODY = BLACK_SKY + layer("booth", x=0.5, ground=GROUND, scale=SCALE, ring=RINGS,
                         **BEATS) + NO_POST
LOOKING_OUT, FACING = 0.1, 1.0  # real seconds: before his head comes round, after
JOLTS = (0.5, 0.55, 0.6, 0.65)  # during the first ring
STILL = (3.0, 3.05, 3.1)  # between the first and the second
OPAQUE = 128
LISTENING = 20.0  # real seconds: the receiver at his ear
HAND_AREA = 1.0  # his hand round it covers at least this many squares of its width (a band
#                  0.42 of its width along it covered under half of one)
CLEAR = (0.06, 0.1)  # of his height: a wrist this far right of the phone's box, or this far
#                      below its middle, is not at its keys (they span about +-0.06 of it)


def booth(size: tuple[int, int] = SIZE) -> Booth:
    """The ringing booth, set up as the show sets it up."""
    headless()
    line = one_scene(BODY, at="04:05")
    scene = line.scenes[0]
    spec = next(spec for spec in scene.layers if spec.type == "booth")
    return Booth(spec.params, Compositor(line, size, print).setup(scene, 1, "booth"))


def frame(seconds: float) -> Frame:
    line = one_scene(BODY, at="04:05")
    state = state_at(line, parse_clock("04:05") + seconds)
    return Frame(state.story_time, seconds, state)


def test_the_first_ring_snaps_his_head_round_to_the_phone() -> None:
    """At the cut he is looking out of the booth, away from the phone; a moment into the
    first ring his head has come round to it (three-quarters to the visitor, as he listens)."""
    place = booth()
    before, after = (place.call.at(frame(s)) for s in (LOOKING_OUT, FACING))
    assert pose(before.name, before.phase).look > 0.3, before
    assert pose(after.name, after.phase).look == CALL_LOOK, after


def test_he_is_not_dialling_while_it_rings() -> None:
    """While it rings neither of his hands is at the phone's keypad: each wrist is well clear
    of the box's side, or lower than its keys (his hands by his sides)."""
    place = booth()
    for seconds in (LOOKING_OUT, FACING, 4.0, 5.5, 8.0, 11.0):
        now = place.call.at(frame(seconds))
        body, height = pose(now.name, now.phase), place.caller_look.height
        for wrist in ("wrist0", "wrist1"):
            x, y = body.joints[wrist]
            off = (place.ground[0] - x * height - place.box.right) / height
            below = (place.ground[1] - y * height - place.box.centery) / height
            assert off > CLEAR[0] or below > CLEAR[1], (seconds, wrist, now, off, below)


def steel_box(seconds: float) -> tuple[int, int, int, int]:
    """Where the receiver's steel is on the frame (left, top, right, bottom)."""
    steel, _shine = handset_steel(TUBE)
    xs, ys = np.nonzero((frame_at(BODY, "04:05", seconds) == steel).all(axis=2))
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())


def test_the_receiver_jolts_in_its_cradle_while_it_rings() -> None:
    """During a ring the receiver is seen in more than one place in its cradle from one
    moment to the next; between rings it lies still."""
    assert len({steel_box(s) for s in JOLTS}) > 1
    assert len({steel_box(s) for s in STILL}) == 1


def test_he_lifts_the_receiver_as_the_third_ring_ends() -> None:
    """Through the third ring the receiver is in its cradle; a moment after it ends it is
    coming up in his hand."""
    place = booth()
    during, after = (place.handset(place.call.at(frame(s))) for s in (RINGS - 0.5, RINGS + 0.3))
    assert during == place.cradled()
    assert after is not None and after.far > 0


def test_each_rings_light_swells_and_dies_away() -> None:
    """The light comes up with the bell and dies away after it (not cut off): just after a
    ring the glass is still brighter than long after it."""
    place = booth()
    middle = place.rings[-1]
    levels = [place.ring_light(frame(s)) for s in (1.0, 2.2, 3.5)]
    assert levels[0] > levels[1] > levels[2] == 0.0, levels
    assert middle.get_width() > place.wide, "its light spreads on the lot past the booth"


def test_the_diners_light_catches_his_edge() -> None:
    """His sprite's edge on the diner's side (the left, as he faces the phone) is lit: lighter
    than his body a few pixels in."""
    place = booth()
    sprite, _feet = place.sprites.get("phone-wait", 0.0, True, place.caller_look)
    alpha = pygame.surfarray.array_alpha(sprite)
    rgb = pygame.surfarray.array3d(sprite).astype(int).sum(axis=2)
    rims, ins = [], []
    for y in range(alpha.shape[1] // 4, alpha.shape[1] // 2):  # his chest
        solid = np.flatnonzero(alpha[:, y] > OPAQUE)
        if len(solid) > 8:
            rims.append(rgb[solid[0], y])
            ins.append(rgb[solid[0] + 6, y])
    assert np.mean(rims) > np.mean(ins) + 30, (np.mean(rims), np.mean(ins))


def test_his_hand_round_the_receiver_has_fingers() -> None:
    """Listening, his hand round the receiver at his ear is a hand's breadth along it (not a
    thin band across it), its knuckles catching the light."""
    place = booth(FULL)
    width = HANDSET_WIDE * place.caller_look.height
    seen = frame_at(BODY, "04:05", LISTENING, FULL)
    fist = (seen == FIST).all(axis=2).sum()
    knuckles = (seen == mix(FIST, place.caller_look.rim or TUBE, KNUCKLES)).all(axis=2).sum()
    assert fist > HAND_AREA * width * width, (fist, width)
    assert knuckles > 0
