"""Harry asleep reads as a sleeping man: his face in soft profile on the pillow, face up, dark
skin in the dark lit along its edge by the window, his dark hair on the pillow, the clock's red
on his edge while it is lit; his arm in a sleeve on the blanket and a relaxed hand, its fingers
apart (not a black spiky mass, nor a pink pentagon face, nor a dark claw of a hand)."""

from __future__ import annotations

import numpy as np

from installation.visuals.room import (
    ARM,
    FLOOR_LINE,
    FOOTBOARD,
    HAND_LENGTH,
    HEAD_CENTRE,
    HEAD_LENGTH,
    HEADBOARD,
    PILLOW,
    RAIL_FOOT,
    WOOD,
)
from installation.visuals.room_lights import DISPLAY
from installation.visuals.shares import box
from installation.visuals.sleeper import EAR, JAW, head_outline

from .helpers import NO_POST, frame_at, layer

SIZE = (960, 540)
ROOM = layer("room", digits="12:00", blink=1.0, cars=0) + NO_POST
LIT, DARK = 0.25, 0.75  # seconds into a blink: the figures on, then off
PROFILE = (0.35, 0.15)  # his face's profile, from his chin to his brow (head lengths either
# side of its middle)
PILLOW_LEVEL = 83  # his head is darker than this (the pillow's brightest channel, less 25)
BED = (slice(int(0.37 * SIZE[0]), int(0.64 * SIZE[0])),  # right of the window, to the pillow
       slice(int(0.5 * SIZE[1]), int(0.66 * SIZE[1])))


def head(frame: np.ndarray) -> np.ndarray:
    """The pixels round his head."""
    reach = HEAD_LENGTH * SIZE[1] * 0.8
    x, y = HEAD_CENTRE[0] * SIZE[0], HEAD_CENTRE[1] * SIZE[1]
    return frame[int(x - reach):int(x + reach), int(y - reach):int(y + reach)].astype(int)


def him(colour: np.ndarray) -> np.ndarray:
    """Where his skin and hair are, among these pixels: darker than the pillow and no bluer
    than grey (the pillow, the blanket, the wall and the pillow's hollow are blue)."""
    return (colour.max(axis=-1) < PILLOW_LEVEL) & (colour[..., 0] - colour[..., 2] > -6)


def test_no_skin_coloured_shapes_on_the_sleeper() -> None:
    """With the clock dark, nothing on the bed is the warm pink of a flat lit face or hand:
    his head and hand are dark silhouettes, as the show's people are."""
    bed = frame_at(ROOM, "00:00", DARK, SIZE)[BED].astype(int)
    pink = (bed[..., 0] - bed[..., 2] > 25) & (bed[..., 0] > 60)
    assert pink.sum() == 0, f"{pink.sum()} pink pixels"


def test_his_face_is_dark_skin_against_the_pillow_with_a_lit_edge() -> None:
    """His head is darker than the pillow (most of it well darker), but not a black mass: his
    face is skin in the dark; its edge towards the window, his profile, is lighter than the
    face under it."""
    colour = head(frame_at(ROOM, "00:00", DARK, SIZE))
    near = colour.max(axis=2)
    his = him(colour)
    assert his.sum() > 0.2 * near.size, "his head, darker than the pillow"
    assert np.median(near[his]) > 35, f"skin, not a black mass: {np.median(near[his])}"
    reach = HEAD_LENGTH * SIZE[1] * 0.8  # (head's box starts this far left of his middle)
    profile = range(round(reach - PROFILE[0] * HEAD_LENGTH * SIZE[1]),
                    round(reach + PROFILE[1] * HEAD_LENGTH * SIZE[1]))
    rows = [np.flatnonzero(his[x]) for x in profile]
    face = np.median(near[his])
    edges = [near[x, r.min() - 1] for x, r in zip(profile, rows, strict=True) if r.size > 10]
    lit = sum(face + 12 < edge < PILLOW_LEVEL + 17 for edge in edges)  # lighter than his face,
    # darker than the pillow: its edge in the window's light
    assert lit > 0.6 * len(edges), f"a lit edge along his profile ({lit}/{len(edges)})"


def test_the_clocks_red_catches_his_edge_only_while_it_is_lit() -> None:
    lit, dark = (head(frame_at(ROOM, "00:00", s, SIZE)) for s in (LIT, DARK))
    red = lambda f: (f[..., 0] - f[..., 1]).max()  # noqa: E731
    assert red(lit) > red(dark) + 20


def test_his_sleeve_is_a_shirt_darker_than_the_pillow_and_unlike_the_blanket() -> None:
    """His forearm on the blanket is a shirt's colour: darker than the pillow's lit top (not a
    pale tube of its colour) and warmer than the blue blanket it lies on."""
    frame = frame_at(ROOM, "00:00", DARK, SIZE).astype(int)
    (ex, ey), (wx, wy) = ((x * SIZE[0], y * SIZE[1]) for x, y in ARM[1:])
    sleeve = frame[int((ex + wx) / 2), int((ey + wy) / 2) - 2]
    pillow = box(PILLOW, SIZE)
    under = frame[pillow.centerx + pillow.width // 4, pillow.top + pillow.height // 4]
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
    """His head is not one flat shape: the hair over his crown is darker than his face, and
    while the clock is lit its red catches his ear and jaw inside his outline."""
    centre = (HEAD_CENTRE[0] * SIZE[0], HEAD_CENTRE[1] * SIZE[1])
    length = HEAD_LENGTH * SIZE[1]
    at = lambda p: (int(centre[0] + p[0] * length), int(centre[1] + p[1] * length))  # noqa: E731
    dark, lit = (frame_at(ROOM, "00:00", s, SIZE).astype(int) for s in (DARK, LIT))
    hair, face = dark[at((0.35, 0.2))], dark[at((-0.15, -0.1))]
    assert hair.sum() < face.sum() - 40 and hair[0] >= hair[2], f"hair {hair}, face {face}"
    for point in (*JAW[1:3], ear_middle()):
        x, y = at(point)
        near = lit[x - 1:x + 2, y - 1:y + 2] - dark[x - 1:x + 2, y - 1:y + 2]
        assert near[..., 0].max() > 15, f"red on his ear and jaw at {point}"


HAIR_PATCH = ((0.36, 0.48), (-0.15, 0.2))  # the back of his hair, in head lengths from his
# middle (x, y ranges): where thin lit strands lay in orange rings (within his hair, which
# ends at his skull: its edge against the pillow is no strand)
STRAY = 12  # a pixel's red this much over its 5x5 neighbourhood's median: a thin line


def test_his_hair_is_soft_dark_hair_not_thin_lit_rings() -> None:
    """Over the back of his head, lit by the clock, no thin line stands out of his hair (its
    strands, drawn as thin lit arcs, read as wire or a fingerprint's rings)."""
    size = (1920, 1080)
    frame = frame_at(ROOM, "00:00", LIT, size).astype(int)[..., 0]
    length = HEAD_LENGTH * size[1]
    cx, cy = HEAD_CENTRE[0] * size[0], HEAD_CENTRE[1] * size[1]
    x0, x1 = (round(cx + k * length) for k in HAIR_PATCH[0])
    y0, y1 = (round(cy + k * length) for k in HAIR_PATCH[1])
    patch = frame[x0 - 2:x1 + 2, y0 - 2:y1 + 2]
    windows = np.lib.stride_tricks.sliding_window_view(patch, (5, 5))
    stray = patch[2:-2, 2:-2] - np.median(windows, axis=(2, 3))
    assert stray.max() < STRAY, f"a thin lit line in his hair ({stray.max()} over its neighbours)"


PROFILE_SPAN = (-0.3, 0.2)  # his profile from his chin to his brow (head lengths)
TURN = 30.0  # degrees: his drawn outline turns by less than this from one point to the next


def test_his_profile_is_a_smooth_curve_not_a_jagged_polygon() -> None:
    """His head's outline, as drawn at full size, bends smoothly along his profile from his
    chin over lips and nose to his brow: no corner (straight lines between its points stood
    in steps and spikes at his brow and nose)."""
    length = HEAD_LENGTH * 1080
    outline = np.array(head_outline((0.0, 0.0), length))
    profile = outline[(outline[:, 1] < 0)
                      & (outline[:, 0] > PROFILE_SPAN[0] * length)
                      & (outline[:, 0] < PROFILE_SPAN[1] * length)]
    heading = np.degrees(np.arctan2(*np.diff(profile, axis=0).T[::-1]))
    turns = np.abs((np.diff(heading) + 180.0) % 360.0 - 180.0)
    assert len(profile) > 10 and turns.max() < TURN, f"a corner of {turns.max():.0f} degrees"


def test_his_face_in_profile_stands_against_the_pale_pillow() -> None:
    """Face up, his profile (brow, nose, lips, chin) is seen against the pillow behind his
    head, not against the dark wall, where it was lost and his head read as a black ball; and
    his nose is the highest point of it."""
    colour = frame_at(ROOM, "00:00", DARK, SIZE).astype(int)
    frame = colour.max(axis=2)
    length = HEAD_LENGTH * SIZE[1]
    cx, cy = HEAD_CENTRE[0] * SIZE[0], HEAD_CENTRE[1] * SIZE[1]
    tops = {}
    for k in (-0.25, -0.15, -0.04, 0.1, 0.25):
        x, rows = round(cx + k * length), slice(round(cy - length), round(cy))
        his = np.flatnonzero(him(colour[x, rows]))
        assert his.size, f"his head at {k}"
        tops[k] = int(his[0])
        behind = frame[x, rows][max(0, his[0] - 6):his[0]]
        assert behind.size and behind.max() > 80, f"the pillow behind his profile at {k}"
    assert tops[-0.04] == min(tops.values()), f"his nose is highest: {tops}"


FINGERS_AT = 0.85  # hand lengths beyond his wrist: across his fingers
ACROSS = (-0.35, 0.5)  # ... from over his hand to the blanket under it (hand lengths)
FINGER_LIGHT = 70  # a finger's brightest channel is above this (the shade between is below)
WARM = 8  # skin: its red this much over its blue, at least (the sleeve and blanket are not)


def test_his_hand_is_skin_with_its_fingers_apart_not_a_dark_claw() -> None:
    """His hand is as light as his sleeve (a hand darker than the arm read as a claw), and
    across his curled fingers, three or more fingers show apart."""
    size = (1920, 1080)
    frame = frame_at(ROOM, "00:00", DARK, size).astype(int)
    (ex, ey), (wx, wy) = ((x * size[0], y * size[1]) for x, y in ARM[1:])
    norm = np.hypot(wx - ex, wy - ey)
    along = ((wx - ex) / norm, (wy - ey) / norm)
    across = (-along[1], along[0]) if along[0] > 0 else (along[1], -along[0])
    across = across if across[1] > 0 else (-across[0], -across[1])  # towards the blanket
    length = HAND_LENGTH * size[1]
    line = [frame[round(wx + (FINGERS_AT * along[0] + t * across[0]) * length),
                  round(wy + (FINGERS_AT * along[1] + t * across[1]) * length)]
            for t in np.linspace(*ACROSS, 60)]
    finger = np.array([p.max() > FINGER_LIGHT and p[0] - p[2] > WARM for p in line])
    fingers = np.count_nonzero(finger[1:] & ~finger[:-1]) + int(finger[0])
    assert fingers >= 3, f"{fingers} fingers apart across his hand"
    box = frame[round(wx - length):round(wx + 2), round(wy - length / 2):round(wy + length / 2)]
    warm = box[(box[..., 0] - box[..., 2] > WARM) & (box.max(axis=2) > 25)]
    mid = ((ex + wx) / 2, (ey + wy) / 2)
    sleeve = frame[round(mid[0]) - 2:round(mid[0]) + 3, round(mid[1]) - 3:round(mid[1]) + 4]
    hand, arm = np.median(warm.max(axis=1)), np.median(sleeve.max(axis=2))
    assert hand >= 0.95 * arm, f"his hand ({hand}) as light as his sleeve ({arm})"


PALE = 70  # the pillows' brightest channel is above this in the dark (the wall's is far below)
STEP = 3  # pixels: down the pillows, the lower one's top this far under the upper one's foot


def test_his_pillows_lie_plump_on_the_mattress_not_a_disc_on_its_edge() -> None:
    """Beyond his crown the pillow's top runs level (a hard pale ellipse standing on its edge
    curved down there), and under it a second pillow lies on the mattress, its top lit under
    the upper one's shaded foot."""
    frame = frame_at(ROOM, "00:00", DARK, SIZE).astype(int).max(axis=2)
    pillow = box(PILLOW, SIZE)
    crown = round((HEAD_CENTRE[0] + 0.6 * HEAD_LENGTH * SIZE[1] / SIZE[0]) * SIZE[0])
    tops = [int(np.flatnonzero(frame[x, :round(0.66 * SIZE[1])] > PALE)[0])
            for x in range(crown, pillow.right - pillow.width // 8)]
    assert max(tops) - min(tops) <= 3, f"its top level beyond his head: {tops}"
    column = frame[pillow.right - pillow.width // 4, pillow.top:round(0.66 * SIZE[1])]
    step = int((column[STEP:] - column[:-STEP]).max())
    assert step >= 12, f"the lower pillow's lit top under the upper's shaded foot: {step}"


def test_his_arm_comes_out_from_under_the_turned_down_sheet() -> None:
    """Where his shoulder is, the sheet turned down over the blanket lies over the sleeve's
    end: no rounded end of a tube shows on his chest (it read as a metal arm)."""
    frame = frame_at(ROOM, "00:00", DARK, SIZE).astype(int)
    x, y = (round(ARM[0][0] * SIZE[0]), round(ARM[0][1] * SIZE[1]))
    shoulder = frame[x - 1:x + 2, y - 1:y + 2].reshape(-1, 3)
    assert np.all(shoulder[:, 2] - shoulder[:, 0] > 15), f"the sheet, blue, over it: {shoulder}"


def at_head(point: tuple[float, float]) -> tuple[int, int]:
    """A point given in head lengths from his head's middle, in pixels of the test frame."""
    length = HEAD_LENGTH * SIZE[1]
    return (int(HEAD_CENTRE[0] * SIZE[0] + point[0] * length),
            int(HEAD_CENTRE[1] * SIZE[1] + point[1] * length))


def test_the_clocks_red_on_his_hair_is_a_dull_sheen_not_a_bright_ring() -> None:
    """While the clock is lit, the red it lays on the crown of his hair is duller than on his
    profile (a red as bright as his skin's edge drew a ring round his crown: the hair read as
    a flat cap with a bright rim)."""
    dark, lit = (frame_at(ROOM, "00:00", s, SIZE) for s in (DARK, LIT))
    red = (lit - dark)[..., 0]
    near = lambda p: red[at_head(p)[0] - 4:at_head(p)[0] + 5,  # noqa: E731
                         at_head(p)[1] - 4:at_head(p)[1] + 5].max()
    crown, profile = near((0.55, -0.12)), near((0.2, -0.4))
    assert profile > 25 and crown < profile, f"red on his crown {crown}, on his profile {profile}"


RING = 30  # levels (summed): past his crown the pillow darkens towards his hair no more than
# this (at 1.12 his head's size and dark, 43 on 2e225301, the hollow ringed his hair: a hole)


def test_the_hollow_his_head_makes_in_the_pillow_is_a_soft_shade_not_a_ring() -> None:
    """Just past his crown the pillow is nearly its own colour up to his hair, lightening
    gradually (a dark hollow round his head drew a ring round his hair, and the head read as
    a hole in the pillow)."""
    frame = frame_at(ROOM, "00:00", DARK, SIZE)
    length = HEAD_LENGTH * SIZE[1]
    reach = np.arange(0.63, 0.9, 0.5 / length)
    shade = np.array([frame[at_head((r, 0.0))].sum() for r in reach])
    assert shade[-1] - shade[0] < RING, f"a dark ring round his hair: {shade}"
    assert np.abs(np.diff(shade)).max() <= 50, f"the hollow's edge is a step: {shade}"


def ear_middle() -> tuple[float, float]:
    """The middle of his ear (head lengths)."""
    return (sum(x for x, _ in EAR) / len(EAR), sum(y for _, y in EAR) / len(EAR))


FULL = (1920, 1080)  # the clock's red on him, seen at the size the show is shown
DIM_RED = 70  # the red it adds to his skin at most (at 165 his profile was a hot pink line)
SOFT_STEP = 0.35  # ... and between neighbouring pixels at most this share of its brightest
# (it rises over several pixels: a hard, jagged line stepped 100 of 165 from one to the next)
FADED = 0.6  # at his nose and lips, at most this share of the red on his brow (with the glow
# on the room under it)


def added_red(size: tuple[int, int] = FULL) -> tuple[np.ndarray, float, tuple[float, float]]:
    """The red the lit clock adds round his head, with his head's length and middle (pixels)."""
    dark, lit = (frame_at(ROOM, "00:00", s, size) for s in (DARK, LIT))
    return (lit - dark)[..., 0], HEAD_LENGTH * size[1], (HEAD_CENTRE[0] * size[0],
                                                         HEAD_CENTRE[1] * size[1])


def near_head(red: np.ndarray, length: float, centre: tuple[float, float],
              point: tuple[float, float], reach: float) -> np.ndarray:
    """The red within `reach` head lengths of a point given in head lengths."""
    x, y = centre[0] + point[0] * length, centre[1] + point[1] * length
    r = reach * length
    return red[round(x - r):round(x + r) + 1, round(y - r):round(y + r) + 1]


def test_the_clocks_red_on_his_profile_is_a_dim_soft_glow_not_a_pink_scribble() -> None:
    """Seen full size, the clock's light on his face is a dim red (not a hot pink line) with
    soft edges, no pixel a step from the next (a hard line along his nose, lips and brow read
    as a red scribble), and fading from his brow towards his nose and lips."""
    red, length, centre = added_red()
    face = near_head(red, length, centre, (0.05, -0.25), 0.32)  # his face (his chest breathes)
    assert 15 < face.max() <= DIM_RED, f"the red on his face, at most {face.max()}"
    steps = max(np.abs(np.diff(face, axis=0)).max(), np.abs(np.diff(face, axis=1)).max())
    assert steps <= SOFT_STEP * (face.max() - face.min()), f"a hard edge in it: a step of {steps}"
    brow = near_head(red, length, centre, (0.2, -0.38), 0.08).max()
    for feature in ((-0.035, -0.5), (-0.17, -0.36)):  # his nose, his lips
        there = near_head(red, length, centre, feature, 0.08).max()
        assert there <= FADED * brow, f"red at {feature} {there}, on his brow {brow}"


def test_the_clocks_red_on_his_ear_is_a_soft_shape_not_a_ring() -> None:
    """His ear takes the clock's red all over, softly, its middle as lit as its rim (a lit
    line round its rim read as a pink ring)."""
    red, length, centre = added_red()
    ear = near_head(red, length, centre, ear_middle(), 0.1)
    middle = near_head(red, length, centre, ear_middle(), 0.02)
    assert middle.min() >= 0.7 * ear.max() > 0, f"its middle {middle.min()}, rim {ear.max()}"


def test_nothing_stands_between_his_face_and_the_clock() -> None:
    """On the line from the top of the clock's figures to his brow, where it passes the head
    of the bed, the wall shows, not the headboard's wood (a tall headboard's post stood
    between his head and the clock whose red lights him)."""
    frame = frame_at(ROOM, "00:00", DARK, SIZE).astype(int)
    board = box(HEADBOARD, SIZE)
    clock = ((DISPLAY[0] + DISPLAY[2]) / 2 * SIZE[0], DISPLAY[1] * SIZE[1])
    brow = (HEAD_CENTRE[0] * SIZE[0], (HEAD_CENTRE[1] - 0.35 * HEAD_LENGTH) * SIZE[1])
    t = (board.centerx - brow[0]) / (clock[0] - brow[0])
    y = round(brow[1] + t * (clock[1] - brow[1]))
    assert np.abs(frame[board.centerx, y] - WOOD).max() > 12, f"the headboard at row {y}"
