"""The boulevard's lamp posts: a pole, a mast arm curving up and out over the road, and a
cobra-head lamp at its end with its lens underneath (bare frames read as gallows)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from installation.visuals.base import Color, hash01, mix

Project = Callable[[float, float, float], tuple[int, int]]
POLE = (12, 12, 16)
LAMP_HEIGHT = 0.9  # the lamp's height over the road (world units), the low sun's shadows
#                   of the posts, and the cars' long shadows beside them, are cast by it
REACH = 0.3  # the arm reaches this far out over the road (world units, like the post's x)
ARM_RISE = 0.08  # the pole stops this far below the lamp; the arm curves up the rest
ARM_POINTS = 6  # the arm's curve drawn as a line through this many points
# The head about the arm's end, as (out over the road, up) in world units: a long, low shell
# with a rounded nose and a flat lens along its underside.
HEAD = ((-0.02, 0.012), (0.08, 0.01), (0.11, -0.008), (0.085, -0.028), (-0.02, -0.018))
LENS = ((0.0, -0.02), (0.085, -0.027))


def lamp_post(image: pygame.Surface, project: Project, foot: tuple[float, float],
              tall: float, lens: Color) -> None:
    """The post standing at `foot` (x across, z away; the road's middle at x 0, so the arm
    reaches towards it), its lamp `tall` above the road, the lens `lens` (the sky's light on
    the glass by day, the lamp's own when lit)."""
    x, z = foot
    inward = -1.0 if x > 0 else 1.0
    thick = max(1, int(5 / z))
    top = tall - ARM_RISE
    pygame.draw.line(image, POLE, project(x, z, 0.0), project(x, z, top), thick)
    arm = []
    for n in range(ARM_POINTS):
        t = n / (ARM_POINTS - 1)
        arm.append(project(x + inward * REACH * t, z, tall - ARM_RISE * (1 - t) ** 2))
    pygame.draw.lines(image, POLE, False, arm, thick)
    end = x + inward * REACH

    def at(out: float, up: float) -> tuple[int, int]:
        return project(end + inward * out, z, tall + up)

    pygame.draw.polygon(image, POLE, [at(*p) for p in HEAD])
    pygame.draw.line(image, lens, at(*LENS[0]), at(*LENS[1]), max(1, thick // 2))


# After the flash: a post bent by the blast, in the same ashen air as the street round it (drawn
# as two clean strokes in the pole's near-black, the bent arm crossed the grey sky like a
# scratch on the picture while every wall was soft with ash and haze).
ASH_ON: Color = (142, 135, 127)  # ash settled along its upper edges, in the grey light
IRON: Color = (34, 31, 30)  # its iron burnt (and a torn cable's)
HAZE: Color = (118, 110, 104)  # the ash haze between us and it ...
HAZE_NEAR, HAZE_DEPTH, HAZE_MOST = 0.2, 14.0, 0.6  # ... this much of it at our feet, more
# further off (half way to HAZE_MOST at HAZE_DEPTH world units), never more than HAZE_MOST
SOFT = 3  # drawn this many times as large and shrunk: soft edges, not a ruled line
TAPER = 0.8  # its top this share of its foot's thickness (a pole tapers)
SAG_POINTS = 8  # its bent arm drawn through this many points ...
SAG_OUT = 0.45  # ... first out from the pole this share of the way, then sagging down to its end
ASH_EDGE = 0.4  # the ash along its top this share of its thickness (one pixel at least) ...
ASH_THICK = 3.0  # ... on a post this many pixels thick at least (on a far one's hair-line
# of iron the ash was all there was of it: a pale scratch)
LAMP_GONE = 0.4  # the share of bent posts whose lamp the blast tore off (a jagged stub left)
Point3 = tuple[float, float, float]


def haze_share(z: float) -> float:
    """How much of the haze lies in front of a thing `z` world units away."""
    return HAZE_NEAR + (HAZE_MOST - HAZE_NEAR) * (1 - math.exp(-z / HAZE_DEPTH * math.log(2)))


def ashen_pole(image: pygame.Surface, project: Callable[..., tuple[int, int]],
               ends: tuple[Point3, Point3, Point3], down: bool, seed: int) -> None:
    """A post after the blast (`ends`: its foot, its top and where its bent arm ends, each x
    across, z along, up), leaning or lying (`down`): its iron under the haze of its depth,
    ash along its upper edges, its arm bent over and sagging, its lamp hanging from the end
    or torn off; drawn SOFT times as large and shrunk, so its edges are as soft as the
    street's."""
    foot, top, end = ends
    thick = max(1.0, 5 / foot[1])
    iron = mix(IRON, HAZE, haze_share(foot[1]))
    ash = mix(ASH_ON, HAZE, haze_share(foot[1]) * 0.5) if thick >= ASH_THICK else iron
    pole = [project(*foot), project(*top)]
    arm = [] if down else _sagging(project, top, end)
    points = pole + arm
    left = min(x for x, _ in points) - 3 * thick - 4
    top_y = min(y for _, y in points) - 3 * thick - 4
    box = pygame.Rect(int(left), int(top_y), int(max(x for x, _ in points) + 3 * thick + 4
                                                  - left),
                      int(max(y for _, y in points) + 3 * thick + 4 - top_y)).clip(
        image.get_rect())
    if not box.width or not box.height:
        return
    big = pygame.Surface((box.width * SOFT, box.height * SOFT), pygame.SRCALPHA)
    big.fill((*iron, 0))

    def at(point: tuple[int, int]) -> tuple[float, float]:
        return (point[0] - box.x) * SOFT, (point[1] - box.y) * SOFT

    _stroke(big, [at(p) for p in pole], (thick, thick * TAPER), iron, ash)
    if arm:
        _stroke(big, [at(p) for p in arm], (thick * TAPER, thick * TAPER * 0.85), iron, ash)
        if hash01(seed, 1) >= LAMP_GONE:
            _hanging_lamp(big, at(arm[-1]), thick * TAPER * SOFT, iron, ash)
    image.blit(pygame.transform.smoothscale(big, box.size), box.topleft)


def _sagging(project: Callable[..., tuple[int, int]], top: Point3,
             end: Point3) -> list[tuple[int, int]]:
    """The bent arm from the pole's top to its end: out level at first, then sagging down
    (a curve, not a straight rod)."""
    bend = (top[0] + (end[0] - top[0]) * SAG_OUT * 2, top[1], top[2])  # (out at the top's
    out = []  # height, then down to the end)
    for n in range(SAG_POINTS + 1):
        t = n / SAG_POINTS
        out.append(project(*(top[k] * (1 - t) ** 2 + 2 * bend[k] * t * (1 - t)
                             + end[k] * t * t for k in range(3))))
    return out


def _stroke(big: pygame.Surface, line: list[tuple[float, float]], thick: tuple[float, float],
            iron: Color, ash: Color) -> None:
    """A tapering iron stroke along `line` (`thick` at its start and its end, in the picture's
    pixels), ash lying along its upper edge."""
    for n, (a, b) in enumerate(zip(line, line[1:], strict=False)):
        share = n / max(1, len(line) - 2)
        wide = (thick[0] + (thick[1] - thick[0]) * share) * SOFT
        pygame.draw.line(big, iron, a, b, max(1, round(wide)))
        pygame.draw.circle(big, iron, b, wide / 2)
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1.0
        if abs(dy) > abs(dx) * 3:  # (upright: the ash lies on its top, not down its side)
            continue
        nx, ny = dy / length, -dx / length  # square to it, pointing up the picture
        if ny > 0:
            nx, ny = -nx, -ny
        lift = wide / 2 - max(1.0, ASH_EDGE * wide) / 2
        pygame.draw.line(big, ash, (a[0] + nx * lift, a[1] + ny * lift),
                         (b[0] + nx * lift, b[1] + ny * lift), max(SOFT, round(ASH_EDGE * wide)))


def _hanging_lamp(big: pygame.Surface, end: tuple[float, float], thick: float, iron: Color,
                  ash: Color) -> None:
    """The cobra-head lamp hanging nose down from the arm's end, ash on its shoulder."""
    x, y = end
    long, wide = thick * 4.0, thick * 1.8
    shell = [(x - wide / 2, y), (x + wide / 2, y), (x + wide * 0.4, y + long * 0.8),
             (x, y + long), (x - wide * 0.45, y + long * 0.75)]
    pygame.draw.polygon(big, iron, shell)
    pygame.draw.line(big, ash, (x - wide / 2, y), (x + wide * 0.2, y + long * 0.1),
                     max(SOFT, round(thick * ASH_EDGE)))
