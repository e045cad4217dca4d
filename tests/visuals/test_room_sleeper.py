"""Harry asleep is drawn as the show's other people are: a dark silhouette on the pillow whose
edge catches the light (the clock's red while it is lit), with a hand, not a pink pentagon
face on a dark disc and a pink disc for a hand."""

from __future__ import annotations

import numpy as np

from installation.visuals.room import (
    ARM,
    FLOOR_LINE,
    FOOTBOARD,
    HEAD_CENTRE,
    HEAD_LENGTH,
    HEADBOARD,
    PILLOW,
    RAIL_FOOT,
    WOOD,
)
from installation.visuals.shares import box
from installation.visuals.sleeper import EAR_RIM, JAW

from .helpers import NO_POST, frame_at, layer

SIZE = (960, 540)
ROOM = layer("room", digits="12:00", blink=1.0, cars=0) + NO_POST
LIT, DARK = 0.25, 0.75  # seconds into a blink: the figures on, then off
BED = (slice(int(0.37 * SIZE[0]), int(0.64 * SIZE[0])),  # right of the window, to the pillow
       slice(int(0.5 * SIZE[1]), int(0.66 * SIZE[1])))


def head(frame: np.ndarray) -> np.ndarray:
    """The pixels round his head."""
    reach = HEAD_LENGTH * SIZE[1] * 0.8
    x, y = HEAD_CENTRE[0] * SIZE[0], HEAD_CENTRE[1] * SIZE[1]
    return frame[int(x - reach):int(x + reach), int(y - reach):int(y + reach)].astype(int)


def test_no_skin_coloured_shapes_on_the_sleeper() -> None:
    """With the clock dark, nothing on the bed is the warm pink of a flat lit face or hand:
    his head and hand are dark silhouettes, as the show's people are."""
    bed = frame_at(ROOM, "00:00", DARK, SIZE)[BED].astype(int)
    pink = (bed[..., 0] - bed[..., 2] > 25) & (bed[..., 0] > 60)
    assert pink.sum() == 0, f"{pink.sum()} pink pixels"


def test_his_head_is_dark_against_the_pillow_with_a_lit_edge() -> None:
    """Most of his head is near black, and its edge towards the window is a line lighter than
    that (his profile against the dark wall): one flat colour shape had no edge of light."""
    near = head(frame_at(ROOM, "00:00", DARK, SIZE)).max(axis=2)
    assert (near < 20).sum() > 0.2 * near.size, "a dark silhouette"
    rows = [np.flatnonzero(near[x] < 20) for x in range(near.shape[0])]
    above = [near[x, r.min() - 3:r.min()].max() for x, r in enumerate(rows)
             if r.size and r.min() > 3]
    assert np.median(above) > near[:, :3].mean() + 8, "a lit edge along his profile"


def test_the_clocks_red_catches_his_edge_only_while_it_is_lit() -> None:
    lit, dark = (head(frame_at(ROOM, "00:00", s, SIZE)) for s in (LIT, DARK))
    red = lambda f: (f[..., 0] - f[..., 1]).max()  # noqa: E731
    assert red(lit) > red(dark) + 100


def test_his_sleeve_is_a_shirt_darker_than_the_pillow_and_unlike_the_blanket() -> None:
    """His forearm on the blanket is a shirt's colour: darker than the pillow (not a pale tube
    of its colour) and warmer than the blue blanket it lies on."""
    frame = frame_at(ROOM, "00:00", DARK, SIZE).astype(int)
    (ex, ey), (wx, wy) = ((x * SIZE[0], y * SIZE[1]) for x, y in ARM[1:])
    sleeve = frame[int((ex + wx) / 2), int((ey + wy) / 2) - 2]
    pillow = box(PILLOW, SIZE)
    under = frame[pillow.centerx + pillow.width // 4, pillow.centery]
    blanket = frame[int(0.44 * SIZE[0]), int(0.64 * SIZE[1])]
    assert sleeve.sum() < under.sum() - 60, f"sleeve {sleeve} darker than the pillow {under}"
    assert sleeve[0] - sleeve[2] > blanket[0] - blanket[2] + 20, (
        f"sleeve {sleeve} warmer than the blanket {blanket}")


def test_the_bed_stands_on_legs_with_the_dark_under_it_between_them() -> None:
    """Below the bed's side rail the posts go on down to the floor as legs, with the shadow
    under the bed between them: a mattress skirt to the floor showed no legs."""
    frame = frame_at(ROOM, "00:00", DARK, SIZE).astype(int)
    floor = round(FLOOR_LINE * SIZE[1])
    for board in (box(HEADBOARD, SIZE), box(FOOTBOARD, SIZE)):
        leg = frame[board.centerx, board.bottom + 2:floor - 1]
        assert np.all(np.abs(leg - WOOD).max(axis=1) < 12), "a wooden leg down to the floor"
    middle = frame[SIZE[0] // 2, round(RAIL_FOOT * SIZE[1]) + 3:floor - 1]
    assert middle.max() < 16, "the dark under the bed between the legs"


def test_his_hair_and_the_red_on_his_ear_and_jaw() -> None:
    """His head is not one flat black: the hair over his crown is lighter and warmer than
    his face, and while the clock is lit its red catches his ear and jaw inside his outline."""
    centre = (HEAD_CENTRE[0] * SIZE[0], HEAD_CENTRE[1] * SIZE[1])
    length = HEAD_LENGTH * SIZE[1]
    at = lambda p: (int(centre[0] + p[0] * length), int(centre[1] + p[1] * length))  # noqa: E731
    dark, lit = (frame_at(ROOM, "00:00", s, SIZE).astype(int) for s in (DARK, LIT))
    hair, face = dark[at((0.3, 0.3))], dark[at((0.0, -0.2))]
    assert hair.sum() > face.sum() + 15 and hair[0] > hair[2], f"hair {hair}, face {face}"
    for point in (*JAW[1:3], EAR_RIM[2]):
        x, y = at(point)
        near = lit[x - 1:x + 2, y - 1:y + 2] - dark[x - 1:x + 2, y - 1:y + 2]
        assert near[..., 0].max() > 40, f"red on his ear and jaw at {point}"


def test_his_face_in_profile_stands_against_the_pale_pillow() -> None:
    """Face up, his profile (brow, nose, lips, chin) is seen against the pillow behind his
    head, not against the dark wall, where it was lost and his head read as a black ball; and
    his nose is the highest point of it."""
    frame = frame_at(ROOM, "00:00", DARK, SIZE).max(axis=2).astype(int)
    length = HEAD_LENGTH * SIZE[1]
    cx, cy = HEAD_CENTRE[0] * SIZE[0], HEAD_CENTRE[1] * SIZE[1]
    tops = {}
    for k in (-0.15, -0.05, 0.05, 0.15, 0.3):
        column = frame[round(cx + k * length), round(cy - length):round(cy)]
        dark = np.flatnonzero(column < 20)
        assert dark.size, f"his head at {k}"
        tops[k] = int(dark[0])
        behind = column[max(0, dark[0] - 6):dark[0]]
        assert behind.size and behind.max() > 80, f"the pillow behind his profile at {k}"
    assert tops[0.05] == min(tops.values()), f"his nose is highest: {tops}"
