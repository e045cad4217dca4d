"""Harry asleep (00:30) has his face turned three quarters to the room, readable at 1x: the
front of his face lit by the window, and on it, below his profile's line, his closed near eye
(a dark lid), the side of his nose to its nostril and his mouth (face up in profile alone,
his features were a line along the top of a dark shape: no face a visitor could find)."""

from __future__ import annotations

from installation.visuals.room import HEAD_CENTRE, HEAD_LENGTH
from installation.visuals.sleeper import SKIN

from .helpers import NO_POST, frame_at, layer

SIZE = (1920, 1080)
ROOM = layer("room", digits="12:00", blink=1.0, cars=0) + NO_POST
DARK = 0.75  # seconds into a blink: the clock's figures off (no red on him)
# Where a visitor finds them, in head lengths from his head's middle (x to his crown, y down):
FACE = (0.0, -0.12)  # the front of his face, lit
LID = (0.072, -0.11)  # his closed near eye's lid, across it
NOSTRIL = (-0.105, -0.26)  # the wing of his nose
MOUTH = (-0.205, -0.26)  # his mouth, across his face
LIT = 25  # levels (summed) the front of his face is lighter than his skin in the dark
FEATURE = 30  # levels (summed) each feature is darker than the lit face round it


def _at(point: tuple[float, float]) -> tuple[int, int]:
    length = HEAD_LENGTH * SIZE[1]
    return (round(HEAD_CENTRE[0] * SIZE[0] + point[0] * length),
            round(HEAD_CENTRE[1] * SIZE[1] + point[1] * length))


def test_his_face_turned_to_the_room_shows_a_closed_eye_a_nose_and_a_mouth() -> None:
    frame = frame_at(ROOM, "00:30", DARK, SIZE).astype(int).sum(axis=2)
    face = frame[_at(FACE)]
    assert face >= sum(SKIN) + LIT, (face, sum(SKIN))
    for name, point in (("lid", LID), ("nostril", NOSTRIL), ("mouth", MOUTH)):
        x, y = _at(point)
        darkest = frame[x - 1:x + 2, y - 1:y + 2].min()
        assert darkest <= face - FEATURE, (name, darkest, face)
