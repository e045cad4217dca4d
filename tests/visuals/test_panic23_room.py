"""Panic in the diner (04:20-04:35) as a room of people, not a queue then an empty room: as the
news takes hold people stand on the lit floor at several depths (the back booths, the aisle,
behind the stools), some turned to us, the face coming round to the visitor; and after the rush
the room empties over the scene, people still in it late (at 04:26 the couple stood alone, and
at 04:30 two ran through an empty room)."""

from __future__ import annotations

from installation.core.timeutil import parse_clock
from installation.visuals.figures import Figures, Member
from installation.visuals.poses import MOVING, SEATED, VARIED

from .helpers import shipped_crowd
from .test_people20_panic_depths import _rows  # (feet this near: one floor line)

PANIC = "Panic in the diner"
WIDTH, HEIGHT = 1920, 1080
NEWS = "04:22:30"  # the news has taken hold; the pane not gone yet
COUNTER = 0.8  # of the height: feet lower than this are behind the counter, out of sight
LINES = 3  # floor lines at least that those standing in sight stand on
TURNED, FACING = 0.8, (0.35, 0.65)  # turned to us (a body's `turn`), the head's `look` to us
LOOKED = ("04:21:58", "04:22:56")  # looked at every LOOK_STEP story seconds (~1 real s)
LOOK_STEP = 4.5
FACED_BY = 3  # different people seen facing us over that minute, at least
DOOR = 0.8  # of the width: left of this, inside the room
LATE = {"04:27:00": 3, "04:30:20": 4}  # people in the room then, at least (the man who stays
#                                        not counted: he is there throughout)


def _people(at: str | float) -> list[tuple[Figures, Member]]:
    crowd = shipped_crowd(PANIC)
    frame = crowd.frame(parse_clock(at) if isinstance(at, str) else at)
    return [(one, m) for one in crowd.layers for m in one.members(frame)]


def _standing(at: str | float) -> list[tuple[Figures, Member]]:
    """Those standing in the room (not running nor walking, not on a stool)."""
    seated = (*SEATED, *VARIED["argue"], *VARIED["rise"])
    return [(one, m) for one, m in _people(at) if m.pose not in MOVING and m.pose not in seated
            and 0 < m.feet[0] < WIDTH]


def test_those_standing_on_the_lit_floor_stand_at_several_depths() -> None:
    seen = [m.feet[1] for _, m in _standing(NEWS) if m.feet[1] < COUNTER * HEIGHT]
    rows = _rows(seen)
    assert len(rows) >= LINES, f"feet on {len(rows)} floor lines at {NEWS}: {sorted(seen)}"


def _facing_us(layer: Figures, m: Member) -> bool:
    body = layer.sprites.body(m.pose, m.phase, m.turn, m.look.outfit)
    return body.turn >= TURNED and FACING[0] <= body.look <= FACING[1]


def test_someone_standing_always_faces_us_as_the_news_takes_hold() -> None:
    story, end = parse_clock(LOOKED[0]), parse_clock(LOOKED[1])
    faced: set[tuple[object, object]] = set()
    while story < end:
        facing = [(m.look.outfit, m.look.clothes) for one, m in _standing(story)
                  if _facing_us(one, m)]
        assert facing, f"nobody standing faces us at story {story - parse_clock('04:20'):.1f} s in"
        faced.update(facing)
        story += LOOK_STEP
    assert len(faced) >= FACED_BY, f"only {len(faced)} ever turn to us"


def _in_the_room(at: str) -> int:
    return sum(1 for one, m in _people(at) if one.height > 0.2 * HEIGHT
               and one.params["pose"] != "stay" and 0 < m.feet[0] < DOOR * WIDTH)


def test_people_are_still_in_the_room_long_after_the_rush() -> None:
    for at, least in LATE.items():
        assert _in_the_room(at) >= least, f"{_in_the_room(at)} in the room at {at}"
