"""The minute after everyone ran out of Johnie's (04:23 on, in the shipped day): the door they
pushed through swings to and fro and settles, a stool left in the aisle still turns, slower
and slower, another lies on its side, steam rises from the urn, a cup lies on its side on the
counter, its coffee running to the edge and dripping off (the diner stood as if nothing had
happened: the same room before and after the rush)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.counter import (
    COUNTER_EDGE,
    COUNTER_FOOT,
    COUNTER_NOSE,
    CUP_AT,
    CUPS,
    TIPS,
    URN,
    cup_unit,
)
from installation.visuals.diner_after import KNOCKED, TURNING, Aisle
from installation.visuals.interior import Interior, Still
from installation.visuals.interior_room import DOOR
from installation.visuals.left_behind import LYING_TURN
from installation.visuals.render import headless

from .helpers import shipped_program as shipped
from .test_caption_places import scene_named

SIZE = (1920, 1080)
SCENE = "Panic in the diner"
BEFORE, RAN = "04:22:50", "04:23"  # before the rush; when they run (the shipped `emptied`)
NEAR = 90  # pixels round a stool's foot that are its


def part(name: str) -> Interior | Still:
    """The shipped scene's interior part `name`, set up as the show sets it up."""
    headless()
    program = shipped()
    scene = scene_named(program.timeline, SCENE)
    compositor = Compositor(program.timeline, SIZE, lambda _message: None, program.clock)
    (index,) = [n for n, spec in enumerate(scene.layers)
                if spec.type == "interior" and spec.params["part"] == name]
    factory = Interior.made_as(scene.layers[index].params)
    layer = factory(scene.layers[index].params, compositor.setup(scene, index, "interior"))
    assert isinstance(layer, Still)
    return layer


def frame_at(clock: str, later: float = 0.0) -> Frame:
    """The moment `later` real seconds after story time `clock` in the shipped day."""
    program = shipped()
    scene = scene_named(program.timeline, SCENE)
    start = program.clock.real_between(scene.at, parse_clock(clock)) + later
    story = parse_clock(clock) + later * (parse_clock("04:35") - scene.at) \
        / program.clock.real_between(scene.at, parse_clock("04:35"))
    return Frame(story, start, state_at(program.timeline, story, program.clock))


def moving(layer: Interior | Still, frame: Frame) -> np.ndarray:
    """What the layer draws over black at `frame`, still part and moving part (RGB, int)."""
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    layer.draw(surface, frame)
    return pygame.surfarray.array3d(surface).astype(int)


def test_the_door_swings_to_and_fro_after_them_and_settles() -> None:
    """In the door's frame, the glass part's picture changes from moment to moment in the first
    seconds after they ran (its leaf swinging out, narrower than shut, and back); a couple
    of minutes on, it is the door as it stood shut before the rush."""
    glass = part("glass")
    left, right = (round(x * SIZE[0]) for x in DOOR)
    door = np.s_[left - 60:right + 60, :]
    shut = moving(glass, frame_at(BEFORE))[door]
    swinging = [moving(glass, frame_at(RAN, 1.0 + 0.4 * n))[door] for n in range(8)]
    changed = [int((np.abs(a - b).sum(axis=2) > 40).sum())
               for a, b in zip(swinging, swinging[1:], strict=False)]
    assert min(changed) > 500, f"pixels of the door changed between moments: {changed}"
    settled = moving(glass, frame_at("04:32"))[door]
    assert (np.abs(settled - shut).sum(axis=2) > 40).sum() < 50, "the door settles shut"


def test_a_stool_in_the_aisle_turns_slower_and_slower_and_one_lies_knocked_over() -> None:
    """Before the rush the aisle is bare where the stools are left; after it a stool stands
    there (pixels drawn) whose seat's seam goes round: more of it changes in a tenth of a
    second just after they ran than a minute later, and it still moves then; and the knocked
    one lies there."""
    room = part("room")
    width, height = SIZE

    def around(picture: np.ndarray, at: tuple[float, float]) -> np.ndarray:
        x, y = round(at[0] * width), round(at[1] * height)
        return picture[x - NEAR:x + NEAR, y - 2 * NEAR:y + 4]

    before = moving(room, frame_at(BEFORE))
    after = moving(room, frame_at(RAN, 5.0))
    fallen = moving(room, frame_at(RAN, 20.0))  # (the knocked one stands till a runner passes)
    for at, then in ((TURNING, after), (KNOCKED, fallen)):
        added = (np.abs(around(then, at) - around(before, at)).sum(axis=2) > 60).sum()
        assert added > 400, f"a stool at {at}: {added} pixels"

    def turning(seconds: float) -> int:
        a, b = (around(moving(room, frame_at(RAN, seconds + dt)), TURNING) for dt in (0.0, 0.1))
        return int((np.abs(a - b).sum(axis=2) > 30).sum())

    early, late = turning(3.0), turning(60.0)
    assert early > late > 0, f"seat's pixels changed in 0.1 s: {early} just after, {late} later"


def test_steam_rises_from_the_urn_and_the_coffee_of_a_cup_on_its_side_drips_off() -> None:
    """Over the urn's lid nothing is drawn before the rush, and pale steam rises there after
    it; by the cup that lies on its side a pool of coffee is on the counter, and drops fall
    below the counter's nose."""
    counter = part("counter")
    width, height = SIZE
    before = moving(counter, frame_at(BEFORE))
    vent = np.s_[round(URN[0] * width):round(URN[2] * width),
                 round((URN[1] - 0.15) * height):round(URN[1] * height)]
    assert before[vent].max() == 0
    steam = [moving(counter, frame_at(RAN, 10.0 + n))[vent] for n in range(3)]
    assert all(one.sum(axis=2).max() > 120 for one in steam), "steam over the urn"
    cup = (round(CUPS[TIPS] * width), round(CUP_AT * height))
    drops, pools = 0, 0
    for n in range(12):
        after = moving(counter, frame_at(RAN, 20.0 + n * 0.15))
        pool = after[cup[0] - 110:cup[0] - 20, cup[1] - 20:cup[1] + 40]
        pools += int(((pool[..., 0] - pool[..., 2] > 30) & (pool.sum(axis=2) < 420)).sum() > 300)
        below = after[cup[0] - 110:cup[0], round(COUNTER_NOSE * height) + 30:]
        drops += int((np.abs(below - before[cup[0] - 110:cup[0],
                                             round(COUNTER_NOSE * height) + 30:])
                      .sum(axis=2) > 40).sum() > 4)
    assert pools == 12, f"a pool of coffee by the cup in {pools} of 12 moments"
    assert drops >= 2, f"a drop falling below the counter in {drops} of 12 moments"


def test_the_spilt_coffee_is_a_puddle_and_drips_from_under_the_nose_not_a_rod() -> None:
    """Once it has spread, the coffee by the cup is a puddle many times wider than deep, its
    front edge ragged (it rises and falls across it); a thread of it runs on over the chrome
    nose, and the drops swell and fall from under the nose's foot: nothing wider than a
    thread on the chrome (the old spill was a straight rod down over it, the drops falling
    across its face)."""
    counter = part("counter")
    width, height = SIZE
    unit = cup_unit(height)
    nose, foot = round(COUNTER_NOSE * height), round(COUNTER_FOOT * height)
    cup = round(CUPS[TIPS] * width)
    before = moving(counter, frame_at(BEFORE))
    chrome = np.s_[cup - 20 * unit:cup, nose + 2:foot - unit]
    widest = 0
    for n in range(12):
        after = moving(counter, frame_at(RAN, 30.0 + n * 0.15))
        changed = np.abs(after[chrome] - before[chrome]).sum(axis=2) > 40
        widest = max(widest, int(changed.sum(axis=0).max()))
    assert widest <= max(1, unit // 5), f"{widest} pixels of coffee across the chrome nose"
    top = after[cup - 20 * unit:cup - 3 * unit, round(COUNTER_EDGE * height):nose - 2 * unit]
    coffee = (top[..., 0] - top[..., 2] > 30) & (top.sum(axis=2) < 420)
    rows = coffee.sum(axis=0)
    assert rows.max() >= 8 * unit, f"the puddle is {rows.max()} pixels wide"
    fronts = [int(np.flatnonzero(column).max()) for column in coffee if column.any()]
    turns = sum(1 for a, b, c in zip(fronts, fronts[2:], fronts[4:], strict=False)
                if (b - a) * (c - b) < 0)
    assert turns >= 2, f"its front edge turns {turns} times across it"


def test_the_knocked_stool_lies_on_its_side_seat_ring_and_foot_on_a_thin_post() -> None:
    """Along the stool knocked over in the aisle, three wide parts stand up off a thin post:
    its seat, the foot ring round the post and its round foot (the old one, a seat and a foot
    on a stick, read as a mallet); and it lies turned from us, its seat further off, higher on
    the picture than its foot (drawn straight across, seat and foot edge-on on one level,
    it read as a dumbbell)."""
    aisle = Aisle(SIZE, (255, 220, 170))
    seen = pygame.surfarray.array_alpha(aisle.knocked) > 200
    along = pygame.surfarray.array_alpha(pygame.transform.rotate(aisle.knocked, -LYING_TURN))
    tall = np.array([np.ptp(np.flatnonzero(column)) + 1 if column.any() else 0
                     for column in along > 200])
    post = np.median(tall[tall > 0])
    wide = tall > 2.5 * post
    parts = int(wide[0]) + int((np.diff(wide.astype(int)) == 1).sum())
    assert parts == 3, f"{parts} wide parts along it (post {post} px), {tall.tolist()}"
    columns = np.flatnonzero(seen.any(axis=1))
    seat, foot = (int(np.flatnonzero(seen[x]).max()) for x in (columns[2], columns[-3]))
    assert foot - seat > 0.08 * columns.size, f"the seat rests at row {seat}, the foot at {foot}"


def test_the_stool_standing_in_the_aisle_has_a_foot_ring_and_a_broad_foot() -> None:
    """Down the stool left standing in the aisle, three wide parts on its post: the seat, the
    foot ring round the post and its broad round base (on main, a red disc on a thin pole over
    a small foot, it read as a lamp stand)."""
    aisle = Aisle(SIZE, (255, 220, 170))
    seen = pygame.surfarray.array_alpha(aisle.standing) > 200
    wide = np.array([np.ptp(np.flatnonzero(row)) + 1 if row.any() else 0 for row in seen.T])
    post = np.median(wide[wide > 0])
    broad = wide > 2.5 * post
    parts = int(broad[0]) + int((np.diff(broad.astype(int)) == 1).sum())
    assert parts == 3, f"{parts} wide parts down it (post {post} px), {wide.tolist()}"
    rows = np.flatnonzero(wide)
    quarter = rows.size // 4
    seat, base = wide[rows[:quarter]].max(), wide[rows[-quarter:]].max()
    assert base >= seat, f"its base {base} px across, its seat {seat}"


PUSHED = ("04:24:12", "04:28:06", "04:30:05", "04:33:52")  # some of the shipped `pushed`
AJAR = 1.0  # real seconds after a push: the door at its widest


def test_the_door_opens_again_for_each_who_goes_out_after_the_rush() -> None:
    """The stragglers, the couple, the one back for a coat, the waitress: as each goes out,
    the door's frame shows its leaf swung out (not the door as it stood shut before the
    rush); and it is shut again in between (a moment before the waitress gets to it)."""
    glass = part("glass")
    left, right = (round(x * SIZE[0]) for x in DOOR)
    door = np.s_[left - 60:right + 60, :]
    shut = moving(glass, frame_at(BEFORE))[door]
    for clock in PUSHED:
        now = moving(glass, frame_at(clock, AJAR))[door]
        swung = int((np.abs(now - shut).sum(axis=2) > 40).sum())
        assert swung > 500, f"{clock}: the door stood shut as one went out ({swung} px)"
    waiting = moving(glass, frame_at("04:33:40"))[door]
    assert (np.abs(waiting - shut).sum(axis=2) > 40).sum() < 50, "shut between them"
