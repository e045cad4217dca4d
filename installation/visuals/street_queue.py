"""Wilshire's cars at the crossing's lights (a street's `crossing`): each lane's cars come on a
schedule, each driving as a driver does (closing up to the car ahead, braking for it and for a
red light at the stop line, pulling away again at green), worked out once when the street is
made, over three cycles of the lights after three more to settle, and looked up by the moment
after (the traffic repeats with the lights every PERIOD seconds). The lanes coming towards us stop
at the stop line before the crossing; those going away stop behind the viewer (out of sight)
and, past the crossing, at the cross street's light down the road, their brake lights lit;
none goes on over the crossing unless there is room for it beyond."""

from __future__ import annotations

import random
from collections.abc import Generator, Hashable
from dataclasses import dataclass, field

import numpy as np

from installation.visuals.base import Pieces
from installation.visuals.boulevard_plan import CORNER_AT, CROSS_STREET, Z_FAR
from installation.visuals.cars import CAR_LONG
from installation.visuals.made_once import MadeOnce
from installation.visuals.roadmarks import CROSSING, STOP
from installation.visuals.signal import CYCLE, lights_at
from installation.visuals.street_fleet import CAR_SPEED, LANE_PACE, LANES, Z_GONE

PERIOD = 3 * CYCLE  # real seconds: the traffic repeats this often (with the lights)
STEP = 0.1  # real seconds: the drivers are worked out this often (and looked up between)
STEPS_PER_PIECE = 6  # steps worked out in one piece of the street's making (about a ms)
FLOW = 0.36  # cars a real second coming down a lane at `traffic` 1
HEADWAY = 1.4  # real seconds: the least time between two cars setting off down a lane
BEHIND = -12.0  # the cars going away set off this far behind the viewer (world z of the nose)
LINE_GAP = 0.06  # a car stops this far short of a line it stops at
# A car going away waits with its nose no nearer the crossing than this (z): well behind the
# eye, so that at green it comes in from under the picture's foot already under way (waiting
# with its nose at 0.4, just under the foot, it crept out from under it for most of a second,
# its bonnet and glass alone in the picture, a slab).
HOLD = -1.6
FAR_LINE = CORNER_AT - CROSS_STREET - 0.05  # its nose stops here at the cross street's light
STANDING = (0.6, 0.8)  # world units: a side's drivers stand this far behind the car ahead
# (going away: the least, so one waits at the cross street's light, the next behind the eye):
# seen from the eye's height a car hides the road for about a fifth of its depth beyond it
# (an eighth, before the cars were TALL), and at 0.22 the cars queued there overlapped, two
# bodies in one lane (19:59); at 0.4 a car as tall as a sedan hid most of the one behind.
SHORT = (0.0, 0.1)  # ...and the coming side's first stop up to this much farther short of it
# (both lanes of a side stand alike, so the STAGGER between them holds down the queue)
# Of two lanes side by side, the one nearer the middle of the road stands this much farther
# from the eye: a coming one farther short of the stop line, a going one's neighbour by the
# kerb short of the cross street's light. The outer car's flank runs in towards the middle as
# it goes away from the eye, so the inner car clears it in the picture only from about 0.45
# behind. Side by side (0-0.25 apart), the flank ran behind the inner car's bonnet, its wheel
# on it: one car riding on the other at every red light (18:40, the 20:00 dip).
STAGGER = 0.6
ROOM = CROSSING[1] + 0.05 + CAR_LONG + STANDING[0]  # a car going on over the crossing needs
#                                                     the car ahead's tail past this (z)
ACCELERATE, COMFORT, HARDEST = 1.6, 2.2, 14.0  # world units a second squared: pulling away,
#                                                braking as a driver likes to, at the most
AHEAD_TIME = 0.7  # real seconds: the time a driver keeps behind the car ahead
SET_OFF_ROOM = 0.8  # world units: a car sets off once the one before has this much road ahead
BRAKE_SHOWN = 0.3  # world units a second squared: a car braking harder shows its brake lights
STOPPED = 0.05  # world units a second: a car this slow stands, its foot on the brake
Place = tuple[float, int, float, bool]  # a car's near end's depth, paint, lane, brake lights


@dataclass(frozen=True)
class Drive:
    """What the drivers did over PERIOD, a sample every STEP: each car's lane (a row each),
    its paint (an index), where its nose is along its lane (NaN: not on the road) and whether
    its brake lights are lit; and the places looked up last (see `places`)."""

    lanes: np.ndarray
    paints: np.ndarray
    along: np.ndarray
    braking: np.ndarray
    last: list[tuple[float, list[Place]]] = field(default_factory=list, compare=False)


class Queues:
    """The cars of a street with `crossing`: `making` works them out (in pieces), `places`
    says where they are; worked out once for a scene's street and its people (`made`: the
    figures layers lay the cars back over those behind them, see car_passing)."""

    def __init__(self, rng: random.Random, traffic: float, made: MadeOnce | None = None) -> None:
        self.rng, self.traffic, self.made = rng, traffic, made
        self.key: Hashable = ("crossing", rng.getstate(), traffic)  # (its drivers, all of them)
        self.drive: Drive | None = None
        self.count = 1  # how many paints the cars wear (see `places`)

    def making(self) -> Pieces:
        """The drivers worked out, STEPS_PER_PIECE steps a piece (or found, made already)."""
        if self.made is None:
            self.drive = yield from drive(self.rng, self.traffic)
        else:  # (not kept on past its scene: only the scene's street and people use it)
            self.drive = yield from self.made.get(self.key, lambda: drive(self.rng, self.traffic),
                                                  keep=False)
        self.count = max(1, int(self.drive.paints.max(initial=0)) + 1)

    def find(self) -> bool:
        """Take the drive another layer made (see `making`) if it is made: is it? (Never made
        here: a frame has no time for it.)"""
        if self.drive is None and self.made is not None:
            asked = self.made.get(self.key, _unmade, keep=False)
            try:
                next(asked)  # (made: it returns at once; else it would start making)
            except StopIteration as found:
                self.drive = found.value
                self.count = max(1, int(self.drive.paints.max(initial=0)) + 1)
            else:
                asked.close()
        return self.drive is not None

    def places(self, seconds: float) -> list[Place]:
        """Each car on the road at `seconds` into the scene: its near end's depth, its paint,
        its lane and whether its brake lights are lit (looked up once a frame for the street
        and its people, who share the drive: the list is theirs to read, not to change)."""
        drive = self.drive
        if drive is None:
            return []
        if not drive.last or drive.last[0][0] != seconds:
            drive.last[:] = [(seconds, placed(drive, seconds))]
        return drive.last[0][1]


def placed(drive: Drive, seconds: float) -> list[Place]:
    """Each car of `drive` on the road at `seconds` (see `Queues.places`), worked out."""
    at = (seconds % PERIOD) / STEP
    i = min(int(at), drive.along.shape[1] - 2)
    share = at - i
    now, then = drive.along[:, i], drive.along[:, i + 1]
    shown = np.flatnonzero(~np.isnan(now) & ~np.isnan(then))
    along = now[shown] + share * (then[shown] - now[shown])
    lanes = drive.lanes[shown]
    near = np.where(lanes < 0, Z_FAR - along, BEHIND + along - CAR_LONG)
    seen = (near > Z_GONE) & (near < Z_FAR)
    return list(zip(near[seen].tolist(), drive.paints[shown][seen].tolist(),
                    lanes[seen].tolist(), drive.braking[shown, i][seen].tolist(),
                    strict=True))


Lane = tuple[float, float, float, float]  # a lane, its pace, its drivers' gap standing, and
#                                           how much farther short of their line they stop


def schedule(rng: random.Random, traffic: float) -> list[tuple[Lane, float]]:
    """When each car sets off down its lane within PERIOD (twice over: the first to settle),
    lane by lane: (its lane, the second it sets off)."""
    out: list[tuple[Lane, float]] = []
    sides: dict[bool, tuple[float, float]] = {}  # each side's gap and how far short
    for lane in LANES:
        pace = CAR_SPEED * rng.uniform(*LANE_PACE)
        coming = lane < 0
        drawn = (rng.uniform(*STANDING), rng.uniform(*SHORT)) if coming else (STANDING[0], 0.0)
        standing, short = sides.setdefault(coming, drawn)  # (the side's first lane's)
        kept = (lane, pace, standing, staggered(lane) + short)
        count = max(1, round(PERIOD * FLOW * traffic))
        gaps = [HEADWAY + rng.expovariate(1.0) for _ in range(count)]
        spread = (PERIOD - count * HEADWAY) / max(1e-6, sum(g - HEADWAY for g in gaps))
        at = rng.uniform(0.0, HEADWAY)
        times = []
        for gap in gaps:
            times.append(at % PERIOD)
            at += HEADWAY + (gap - HEADWAY) * max(0.0, spread)
        for lap in (0.0, PERIOD):
            out.extend((kept, lap + t) for t in sorted(times))
    return out


def staggered(lane: float) -> float:
    """How much farther short of where it stops a lane's first car stops for its neighbour
    (see STAGGER): a coming lane nearer the middle, a going lane nearer the kerb."""
    coming, inner = lane < 0, abs(lane) == min(abs(other) for other in LANES)
    return STAGGER if coming == inner else 0.0


def _unmade() -> Generator[None, None, Drive]:
    """A drive not to be made (see Queues.find): it stops at its first piece."""
    yield
    raise AssertionError("(closed at its first piece)")


def drive(rng: random.Random, traffic: float) -> Generator[None, None, Drive]:
    """The drivers over 2 PERIODs (the first to settle), kept over the second (see `Drive`)."""
    cars = schedule(rng, traffic)
    road = _Road(cars)
    samples = round(PERIOD / STEP) + 1
    along = np.full((len(cars), samples), np.nan, dtype=np.float32)
    braking = np.zeros((len(cars), samples), dtype=bool)
    steps = round(2 * PERIOD / STEP)
    first = steps - samples + 1
    for step in range(steps + 1):
        if step >= first:
            shown = road.alive
            along[shown, step - first] = road.s[shown]
            braking[shown, step - first] = road.braking[shown]
        road.step(step * STEP)
        if step % STEPS_PER_PIECE == 0:
            yield
    per_lane = len(cars) // (2 * len(LANES))
    paints = np.array([n % per_lane + LANES.index(lane[0]) * per_lane
                       for n, (lane, _t) in enumerate(cars)])
    kept = ~np.isnan(along).all(axis=1)
    return Drive(np.array([lane[0] for lane, _t in cars])[kept], paints[kept], along[kept],
                 braking[kept])


class _Road:
    """The cars of `schedule` on their lanes, stepped on STEP at a time: where each one's nose
    is along its lane (from where it sets off), how fast it goes, whether it is on the road."""

    def __init__(self, cars: list[tuple[Lane, float]]) -> None:
        lanes, self.pace, self.standing, short = (np.array(column) for column in
                                                  zip(*(lane for lane, _t in cars), strict=True))
        self.going = lanes > 0
        self.sets_off = np.array([t for _lane, t in cars])
        same = np.r_[False, lanes[1:] == lanes[:-1]]
        self.leader = np.where(same, np.arange(len(cars)) - 1, -1)
        self.s = np.zeros(len(cars))
        self.v = np.zeros(len(cars))
        self.alive = np.zeros(len(cars), dtype=bool)
        self.gone = np.zeros(len(cars), dtype=bool)
        self.braking = np.zeros(len(cars), dtype=bool)
        self.end = np.where(self.going, Z_FAR + CAR_LONG - BEHIND, Z_FAR - Z_GONE)
        self.line = np.where(self.going, HOLD - BEHIND, Z_FAR - STOP[1] - short)
        self.far = np.where(self.going, FAR_LINE - BEHIND - short, np.inf)  # (and LINE_GAP)

    def step(self, t: float) -> None:
        """The cars at `t` (real seconds) stepped on to t + STEP."""
        self._set_off(t)
        on = np.flatnonzero(self.alive)
        if not len(on):
            return
        s, v, pace = self.s[on], self.v[on], self.pace[on]
        ahead = self.leader[on]
        has = (ahead >= 0) & self.alive[np.maximum(ahead, 0)]
        lead_s = np.where(has, self.s[np.maximum(ahead, 0)], np.inf)
        lead_v = np.where(has, self.v[np.maximum(ahead, 0)], pace)
        push = _pressing(lead_s - CAR_LONG - s, v, v - lead_v, self.standing[on])
        line = self.line[on] - s
        lights = _red(t, False, line, v)
        room = self.going[on] & has & (BEHIND + lead_s - CAR_LONG < ROOM) & (line >= 0)
        push = np.maximum(push, np.where(lights | room, _pressing(line, v, v, LINE_GAP), 0.0))
        far = self.far[on] - s
        push = np.maximum(push, np.where(_red(t, True, far, v), _pressing(far, v, v, LINE_GAP),
                                         0.0))
        a = ACCELERATE * (1 - (v / pace) ** 4 - push)
        a = np.maximum(a, -HARDEST)
        faster = np.maximum(0.0, v + a * STEP)
        self.s[on] = s + (v + faster) / 2 * STEP
        self.v[on] = faster
        self.braking[on] = (a < -BRAKE_SHOWN) | (faster < STOPPED)
        done = on[self.s[on] > self.end[on]]
        self.alive[done], self.gone[done] = False, True

    def _set_off(self, t: float) -> None:
        """Cars due by `t` set off, each once the one before it in its lane is far enough on
        (at the pace of the lane, or of that car if slower)."""
        due = np.flatnonzero(~self.alive & ~self.gone & (self.sets_off <= t))
        for car in due.tolist():
            ahead = self.leader[car]
            if ahead >= 0 and not self.gone[ahead]:
                if not self.alive[ahead] or self.s[ahead] - CAR_LONG < SET_OFF_ROOM:
                    continue
                self.v[car] = min(self.pace[car], self.v[ahead])
            else:
                self.v[car] = self.pace[car]
            self.alive[car], self.s[car] = True, 0.0


def _pressing(gap: np.ndarray, v: np.ndarray, closing: np.ndarray,
              least: float | np.ndarray) -> np.ndarray:
    """How hard what is ahead `gap` away presses a driver going `v` and closing on it at
    `closing` to brake (the intelligent driver model's braking term, of ACCELERATE)."""
    wanted = least + v * AHEAD_TIME + v * closing / (2 * np.sqrt(ACCELERATE * COMFORT))
    return np.asarray((np.maximum(wanted, 0.0) / np.maximum(gap, 1e-3)) ** 2)


def _red(t: float, far: bool, gap: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Which drivers `gap` short of a light (the crossing's, or `far`: the cross street's)
    going `v` stop for it at `t`: at red all short of it, at amber those who can stop as
    they like to."""
    lights = lights_at(t)
    shown = lights.far if far else lights.cars
    red, amber = shown == "red", shown == "amber"
    short = gap >= 0
    if red:
        return np.asarray(short)
    if amber:
        return np.asarray(short & (gap > v * v / (2 * COMFORT)))
    return np.zeros(len(gap), dtype=bool)
