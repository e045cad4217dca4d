"""Palms drawn from vectors: the Washingtonia of the Miracle Mile, each its own by seed, and
the burnt one after the fire."""

from __future__ import annotations

import math
import random
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from functools import partial

import pygame

from installation.visuals.base import Color, stable_seed
from installation.visuals.made_once import MadeOnce
from installation.visuals.mammoth_coat import smooth
from installation.visuals.pen import Pen, Point, render

PALM_CROWN = (0.16, 3.22)
TRUNK_FOOT, TRUNK_TOP = 0.1, 0.05  # the trunk's width at its foot and under the crown
BOW = 0.05  # how far a trunk's middle may bow, either way
HEAD = (0.09, 0.08)  # the crown's dense heart, half width and half height
FRONDS = (13, 17)  # live fronds in a crown, fewest and most
CROWN_ARC = 2.5  # radians from straight up: the fronds fill the head round to here (below it
# the skirt hangs)
LEAFLETS = 11  # leaflets in a fan
# A frond's stalk, least and most (before the lower ones are shortened), and its fan's half
# width, radians: long stalks and narrow fans leave the sky between the fans, so a crown reads
# as fronds and not as a ball, small or against a dark sky.
STALK, FAN_SPREAD = (0.1, 0.18), (0.36, 0.5)
HUB = 0.5  # the crown is dense out to this share of the way from a stalk's end to its fan's
FAN_WHOLE = 0.4  # a fan is whole this share of its reach, split into leaflets beyond
LEAFLET_HANG = 0.02  # how far a leaflet's tip hangs below its line, besides the frond's droop
STALK_SAG = 0.06  # how far the heaviest frond's stalk sags at its end
SOLID = 250  # a crown's pixels this opaque are its body (below: its edges)
FAN_TURN = 0.6  # radians: how far the heaviest frond's fan turns down
SKIRT_LENGTH = (0.5, 0.85)  # how far a skirt of dead fronds hangs, least and most
SKIRT_WIDTH = (0.11, 0.15)  # its half width under the crown, least and most
SKIRT_TAPER = 0.55  # how much narrower at its hem
HEM_POINTS = 6  # points across its ragged hem
DEAD_FRONDS = (5, 9)  # dead fronds hanging down its sides, fewest and most
BURNT_TRUNK = ((0.0, 0.0), (0.05, 0.9), (0.06, 1.7), (0.09, 2.5), (0.16, 3.22))  # bent a little
BURNT_SKIRT = ((-0.06, 0.03), (0.06, 0.03), (0.08, -0.1), (0.05, -0.25), (-0.05, -0.25),
               (-0.08, -0.1))  # the dead fronds' bases round the top of the trunk
BURNT_DEAD = ((-0.07, 0.36), (-0.05, 0.46), (-0.03, 0.4), (-0.01, 0.52), (0.01, 0.44),
              (0.03, 0.5), (0.05, 0.38), (0.07, 0.43), (0.08, 0.32))  # (across, length) of
# the dead fronds hanging from it: a ragged skirt
BURNT_STUBS = ((-1.75, 0.23, 0.2), (-1.05, 0.12, 0.05), (-0.4, 0.08, 0.02), (0.35, 0.13, 0.07),
               (1.15, 0.27, 0.24), (1.9, 0.15, 0.12), (2.5, 0.1, 0.08))  # what is left of the
# fronds: (radians from straight up, length, how far its burnt end hangs)
BURNT_LEAFLETS = 3  # charred leaflets left hanging from each stub
CROWN_REACH = 0.75  # the fronds reach this far from the crown, in units


def palm_trunk(pen: Pen, color: Color, form: PalmForm | None = None) -> None:
    """A Washingtonia's very tall thin trunk, flared at its foot, leaning a little (and bowed
    its own way, by seed) as it rises to the crown."""
    bow = (form or PALM).bow
    x, _y = PALM_CROWN
    pen.stroke(smooth([(0.0, 0.0), (0.03 + bow[0], 1.2), (0.1 + bow[1], 2.4), (x, 3.2)]),
               TRUNK_FOOT, TRUNK_TOP, color)


def palm(pen: Pen, color: Color, form: PalmForm | None = None) -> None:
    """A tall Washingtonia: a thin, leaning trunk and under the crown a skirt of dead fronds,
    tapering down the trunk (the live crown is drawn apart, by `palm_crown`, so that it can
    sway)."""
    form = form or PALM
    palm_trunk(pen, color, form)
    x, y = PALM_CROWN
    pen.polygon([(x + dx, y + dy) for dx, dy in form.skirt], color)
    for dx, length in form.dead:  # dead fronds hanging flat down its sides: a ragged edge
        foot = (x + dx * 1.15, y - length)
        pen.stroke([(x + dx * 0.6, y), (x + dx, y - length * 0.5), foot], 0.035, 0.01, color)


def palm_crown(pen: Pen, color: Color, form: PalmForm | None = None) -> None:
    """The live crown (at 0, 0): a tight head of fan fronds, each a stalk arching out of the
    head into a fan of leaflets whose tips hang, the lowest fronds drooping below the head."""
    form = form or PALM
    fans = [_fan(frond) for frond in form.fronds]
    pen.ellipse((0.0, -0.03), HEAD[0], HEAD[1], color)
    hub = sorted(((frond.angle, _toward(base, whole[len(whole) // 2], HUB))
                  for frond, (base, whole, _leaflets) in zip(form.fronds, fans, strict=True)))
    pen.polygon([point for _angle, point in hub], color)  # dense round the stalks' ends
    for frond, (base, whole, leaflets) in zip(form.fronds, fans, strict=True):
        out, up = math.sin(frond.angle), math.cos(frond.angle)
        pen.stroke([(0.0, 0.0), (out * frond.stalk * 0.55, up * frond.stalk * 0.55), base],
                   0.035, 0.022, color)
        for leaflet in leaflets:
            pen.stroke(leaflet, 0.028, 0.004, color)
        pen.polygon([base, *whole], color)




def crown_picture(form: PalmForm, px: float, flip: bool, color: Color
                  ) -> Generator[None, None, pygame.Surface]:
    """A palm's live crown (`palm_crown`), drawn `px` pixels to a unit, in pieces, one colour
    through."""
    reach = CROWN_REACH
    crown = yield from render(partial(palm_crown, form=form), (-reach, reach, -reach, reach),
                              px, flip, color)
    _solid(crown, color)
    return crown


def shared_crown(made: MadeOnce, form: PalmForm, px: float, flip: bool, color: Color
                 ) -> Generator[None, None, pygame.Surface]:
    """`crown_picture`, found in `made` if drawn before with all that shapes it alike (a copy:
    see MadeOnce.picture), else drawn: a palm's crown drawn once a process, not each time a
    scene with it is built."""
    return (yield from made.picture(("palm crown", form, px, flip, color),
                                    partial(crown_picture, form, px, flip, color)))


def _solid(crown: pygame.Surface, color: Color) -> None:
    """Make a crown one colour through (shrunk, its edges were darker and its body a shade
    see-through: over the trunk and skirt, where the crown parts, dark lines showed)."""
    pygame.surfarray.pixels3d(crown)[:] = color
    alpha = pygame.surfarray.pixels_alpha(crown)
    alpha[alpha >= SOLID] = 255
    del alpha  # the surface is locked while its pixels are referenced


def _fan(frond: Frond) -> tuple[Point, list[Point], list[list[Point]]]:
    """One fan frond's shape: where its stalk ends (bent down by the fan's weight), the fan's
    edge where it splits into leaflets (turned down as far) and each leaflet, its tip hanging."""
    base = (math.sin(frond.angle) * frond.stalk,
            math.cos(frond.angle) * frond.stalk - frond.droop * STALK_SAG)
    facing = frond.angle + math.copysign(frond.droop * FAN_TURN, frond.angle)  # towards down
    whole, leaflets = [], []
    hang = LEAFLET_HANG + frond.droop * 0.2
    for k in range(LEAFLETS):
        share = 2 * k / (LEAFLETS - 1) - 1
        turn = facing + frond.spread * share
        ax, ay = math.sin(turn), math.cos(turn)
        at = (base[0] + ax * frond.blade * FAN_WHOLE, base[1] + ay * frond.blade * FAN_WHOLE)
        length = frond.blade * (1 - FAN_WHOLE) * (1 - 0.3 * share * share)
        whole.append(at)
        leaflets.append([at, (at[0] + ax * length * 0.55, at[1] + ay * length * 0.55 - hang * 0.3),
                         (at[0] + ax * length, at[1] + ay * length - hang)])
    return base, whole, leaflets


@dataclass(frozen=True)
class Frond:
    """One live fan frond of a palm's crown, in units from the crown."""

    angle: float  # radians from straight up, round the head
    stalk: float  # its stalk's length
    blade: float  # the fan's reach past the stalk
    spread: float  # radians: the fan's half width
    droop: float  # how far its weight bends it down: 0 standing stiff, 1 the lowest


@dataclass(frozen=True)
class PalmForm:
    """One palm's own shape (by its layer's seed): trunk's bow, skirt, dead fronds, crown."""

    bow: tuple[float, float]  # the trunk's middle points pushed across, in units
    skirt: tuple[Point, ...]  # the dead fronds' thatch round the top of the trunk
    dead: tuple[tuple[float, float], ...]  # (across, length) of dead fronds down its sides
    fronds: tuple[Frond, ...]


def palm_form(seed: int) -> PalmForm:
    """A palm of its own: how many fronds, how long and how they hang, how long its skirt,
    how its trunk bows (no two alike, the same for one seed)."""
    rng = random.Random(stable_seed(seed, "palm"))
    bow = (rng.uniform(-BOW, BOW), rng.uniform(-BOW, BOW))
    length = rng.uniform(*SKIRT_LENGTH)
    width = rng.uniform(*SKIRT_WIDTH)
    skirt = _skirt(rng, length, width)
    dead = tuple((width * rng.uniform(-1.0, 1.0), length * rng.uniform(0.75, 1.1))
                 for _ in range(rng.randint(*DEAD_FRONDS)))
    count = rng.randint(*FRONDS)
    fronds = []
    for n in range(count):
        angle = CROWN_ARC * (2 * (n + rng.uniform(0.15, 0.85)) / count - 1)
        side = abs(angle) / CROWN_ARC  # 0 straight up, 1 hanging
        fronds.append(Frond(
            angle=angle, stalk=rng.uniform(*STALK) * (1.2 - 0.5 * side),
            blade=rng.uniform(0.2, 0.3) * (0.75 + 0.45 * math.sin(math.pi * side)),
            spread=rng.uniform(*FAN_SPREAD),
            droop=side ** 1.5 * rng.uniform(0.8, 1.2)))
    return PalmForm(bow, skirt, dead, tuple(sorted(fronds, key=lambda f: -abs(f.angle))))


def _skirt(rng: random.Random, length: float, width: float) -> tuple[Point, ...]:
    """The skirt's outline: wide under the crown, tapering down the trunk to a ragged hem."""
    side = [(width * (1.0 - SKIRT_TAPER * t) + rng.uniform(-0.012, 0.012), -length * t)
            for t in (0.0, 0.25, 0.5, 0.75)]
    hem = [(width * (1 - SKIRT_TAPER) * (1 - 2 * k / HEM_POINTS),
            -length * (1.0 + (0.08 if k % 2 else 0.0) * rng.uniform(0.5, 1.5)))
           for k in range(HEM_POINTS + 1)]
    return (*side, *hem, *[(-sx, sy) for sx, sy in reversed(side)])


def burnt_palm(pen: Pen, color: Color) -> None:
    """A palm after the fire: its trunk a little bent, a ragged skirt of dead fronds hanging
    round the top of it and, above, the charred stubs of the crown drooping (straight stubs
    out of a pole read as a TV aerial)."""
    pen.stroke(list(BURNT_TRUNK), 0.09, 0.05, color)
    x, y = PALM_CROWN
    pen.polygon([(x + dx, y + dy) for dx, dy in BURNT_SKIRT], color)
    for n, (dx, length) in enumerate(BURNT_DEAD):  # dead fronds hanging down the trunk
        foot = (x + dx * 1.3 + 0.01 * (n % 2), y - length)
        pen.stroke([(x + dx * 0.5, y), (x + dx, y - length * 0.5), foot], 0.05, 0.012, color)
    for n, (angle, length, droop) in enumerate(BURNT_STUBS):
        out, up = math.sin(angle), math.cos(angle)
        rise = (x + out * length * 0.5, y + up * length * 0.5)
        tip = (x + out * length, y + up * length - droop * 0.5)
        end = (tip[0] + out * 0.02, tip[1] - droop)  # burnt through, the end hangs
        pen.stroke(smooth([(x, y), rise, tip, end]), 0.04, 0.01, color)
        for k in range(1, BURNT_LEAFLETS + 1):  # the charred leaflets left on it, hanging
            at = _along_line([(x, y), rise, tip], k / (BURNT_LEAFLETS + 1))
            hang = 0.03 + 0.025 * ((n + k) % 3)
            pen.stroke([at, (at[0] + out * 0.008, at[1] - hang)], 0.014, 0.005, color)


def _toward(a: Point, b: Point, share: float) -> Point:
    """The point `share` of the way from a to b."""
    return a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share


def _along_line(points: Sequence[Point], t: float) -> Point:
    """The point `t` of the way along a line of equal pieces, by its pieces."""
    at = t * (len(points) - 1)
    n = min(int(at), len(points) - 2)
    (ax, ay), (bx, by) = points[n], points[n + 1]
    return (ax + (bx - ax) * (at - n), ay + (by - ay) * (at - n))


PALM = palm_form(0)  # the shape of a palm drawn without a seed of its own
