"""Harry picks up the ringing payphone: his hand closes on the receiver in the cradle and
brings it up to his ear over a second, a few pixels a frame (it used to leap from the hook to
his ear in one frame, and shrink to half its length on the way)."""

from __future__ import annotations

import math

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame, scaled
from installation.visuals.booth import CORD, FIST, Booth
from installation.visuals.booth_handset import CUP_FACE, Handset
from installation.visuals.booth_phone import handset_steel
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, frame_at, layer, one_scene
from .test_booth_call import BEATS, BLACK_SKY, GROUND, SCALE, SIZE, TUBE

RINGS = 8.0  # seconds it rings
FPS = 60
STEP = 0.03  # of his height: the most the receiver's ends move from one frame to the next
LENGTH = 0.25  # ...and the most its length changes over the whole lift, of its length
LIFTED = (0.3, 0.7)  # how far up: a moment in the middle of the lift
STEEL_ALONG = 0.25  # of the points along the receiver coming up, its steel, at least (his
#                    hand round it covers a hand's breadth of it, 0.3 of its length: 0.3 when
#                    his fingers were a band 0.42 of its width)
BODY = BLACK_SKY + layer("booth", x=0.5, ground=GROUND, scale=SCALE, ring=RINGS,
                         **BEATS) + NO_POST


def booth() -> tuple[Booth, list[tuple[float, Handset | None]]]:
    """The ringing booth, and where its receiver is at each frame (60 a second) from the
    ring's end until well after he picks up (None: at his ear, in his sprite's hand)."""
    headless()
    line = one_scene(BODY, at="04:05")
    scene = line.scenes[0]
    spec = next(spec for spec in scene.layers if spec.type == "booth")
    place = Booth(spec.params, Compositor(line, SIZE, print).setup(scene, 1, "booth"))
    seen = []
    for n in range(round(RINGS * FPS), round((RINGS + 6) * FPS)):
        state = state_at(line, parse_clock("04:05") + n / FPS)
        seen.append((n / FPS, place.handset(place.call.at(Frame(state.story_time, n / FPS,
                                                                    state)))))
    return place, seen


def test_the_receiver_comes_up_in_his_hand_a_little_each_frame() -> None:
    """From the cradle to his ear the receiver's ends move a few pixels a frame, never a
    leap, and it keeps its length; it leaves the cradle where it lay and arrives where his
    hand holds it at his ear."""
    place, seen = booth()
    held = [handset for _, handset in seen if handset is not None]
    assert any(h.far > 0 for h in held), "it comes out of the cradle in his hand"
    assert seen[-1][1] is None, "it is at his ear in the end"
    most = STEP * place.caller_look.height
    for a, b in zip(held, held[1:], strict=False):
        jump = max(math.dist(a.foot, b.foot), math.dist(a.ear, b.ear))
        assert jump <= most, (a, b)
    lengths = [math.dist(h.foot, h.ear) for h in held]
    assert max(lengths) - min(lengths) <= LENGTH * max(lengths), lengths
    cradle, ear = place.cradled(), place._held()
    assert math.dist(held[0].foot, cradle.foot) <= most
    assert math.dist(held[-1].ear, ear.ear) <= most


def test_the_receiver_is_drawn_where_his_hand_has_it() -> None:
    """Halfway up, the receiver is drawn where it is on its way in his hand: its steel all
    along its length but where his fingers close round it (it came up as something darker
    than the lit glass; as long as his head now, it lies partly over the phone's steel box,
    so its own steel is looked for, not a change from the glass)."""
    _, seen = booth()
    seconds, handset = min(((s, h) for s, h in seen if h is not None),
                           key=lambda one: abs(one[1].far - sum(LIFTED) / 2))
    assert LIFTED[0] <= handset.far <= LIFTED[1]
    frame = frame_at(BODY, "04:05", seconds, SIZE)
    steel, _shine = handset_steel(TUBE)
    its = [steel, scaled(steel, CUP_FACE), FIST, CORD]  # (its cups' faces, his fingers, its cord)
    along = [[round(a + (b - a) * k / 10) for a, b in zip(handset.foot, handset.ear, strict=True)]
             for k in range(11)]
    drawn = [any(tuple(frame[x, y]) == tuple(one) for one in its) for x, y in along]
    assert all(drawn), drawn
    assert sum(tuple(frame[x, y]) == tuple(steel) for x, y in along) >= STEEL_ALONG * len(along)
