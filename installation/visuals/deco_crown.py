"""A deco tower's top on the boulevard: its stages set back, each floodlit from the ledge below
and graded up, fluted by dark glass between lit piers, a lit crown band and a mast; and the
landmark tower beyond the streamline corner, its front towards the viewer stepped in full."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from installation.visuals.base import hash01
from installation.visuals.storefronts import (
    FLOOR_FIRST,
    FLOOR_GLASS,
    FLOOR_STEP,
    OFFICE_LEVEL,
    OFFICE_LIT,
    PARAPET,
    SHOP_LIGHT,
    Piece,
    Point,
    Project,
    Wall,
    plane,
)

FaceAt = Callable[[float, float], list[Point]]  # a face's corners from a height to another
FluteAt = Callable[[float, float, float, float], list[Point]]  # a flute's: its span, heights
# A tower's upper stages along the street: set back this far each, this tall, and shorter along
# the street by these shares of its length at each end.
SETBACK, STAGE = 0.12, 0.3
STAGE_INSET = (0.14, 0.3)
CROWN = 0.09  # the lit band at the top of the crown
SPIRE = 0.35  # the mast over an ordinary tower's crown
CROWN_LIGHT = (255, 214, 150)  # the floodlights' light
FLOOD_FOOT, FLOOD_TOP, FLOOD_FALL = 1.0, 0.3, 1.6  # a stage's floodlight: its share at the
# ledge it shines up from, at the stage's top, and how fast it falls off between
FLOOD_ROWS = 5  # pixels each step of the graded light covers, about...
FLOOD_STEPS = (4, 10)  # ...in at least and at most this many steps a stage
FLUTE_PITCH, FLUTE_SHARE = 0.12, 0.3  # dark glass between the piers: every so far along the
# street, this share of it (across the landmark's front: FRONT_FLUTES)...
FLUTE_PIXELS = 6  # ...where they are at least this many pixels apart (else a face is plain)
PLAIN_FLOOD = 0.6  # an ordinary tower's floodlights, against the landmark's
# The landmark: its front's width across, each stage's inset across (a share of the front, at
# each side), set back from the front, and height; its mast, and the beacon at the mast's head.
FRONT_WIDE = 1.0
LANDMARK_STAGES = ((0.1, 0.1, 0.62), (0.2, 0.2, 0.52), (0.3, 0.3, 0.44))
MAST, MAST_FOOT = 1.1, 0.05  # the mast's height and its width at the foot
BEACON, BEACON_LIGHT = 0.06, (255, 60, 40)
FRONT_FLUTES = 9  # dark glass columns up the landmark's front (fewer up its stages)
FRONT_SALT = 37  # picks the landmark's lit windows


@dataclass(frozen=True)
class Stage:
    """One stage of a tower's top: set back `across` from the street and from `near` to `far`
    along it, from `low` to `high`; `front` is the inset of its face towards the viewer across
    it at each side (None: its front is not drawn)."""

    across: float
    near: float
    far: float
    low: float
    high: float
    front: float | None = None


def crowned(project: Project, wall: Wall, landmark: bool = False) -> list[Piece]:
    """A tower's top over its wall's roof, topmost first (nearer parts cover farther ones);
    the landmark's with its stepped front and its front's face and windows."""
    stages = landmark_stages(wall) if landmark else tower_stages(wall)
    level = 1.0 if landmark else PLAIN_FLOOD
    pieces: list[Piece] = []
    for n, stage in enumerate(reversed(stages)):
        pieces += _stage(project, wall, stage, level, top=n == 0)
        if n == 0:
            pieces += _mast(project, wall, stage, landmark)
    if landmark:
        pieces += front_face(project, wall)
    return pieces


def tower_stages(wall: Wall) -> list[Stage]:
    """An ordinary tower's stages: set back along the street, their fronts unseen."""
    length, low = wall.z1 - wall.z0, wall.up
    out = []
    for n, inset in enumerate(STAGE_INSET):
        out.append(Stage(SETBACK * (n + 1), wall.z0 + inset * length, wall.z1 - inset * length,
                         low, low + STAGE))
        low += STAGE
    return out


def landmark_stages(wall: Wall) -> list[Stage]:
    """The landmark's stages, stepped in from its front and its sides alike."""
    low, out = wall.up, []
    for inset, back, tall in LANDMARK_STAGES:
        out.append(Stage(inset * FRONT_WIDE, wall.z0 + back, wall.z1 - back, low, low + tall,
                         inset * FRONT_WIDE))
        low += tall
    return out


def _stage(project: Project, wall: Wall, stage: Stage, level: float, top: bool
           ) -> list[Piece]:
    """A stage's face along the street (and its front, if seen), each floodlit (`level` of
    the landmark's light) from its foot up, fluted, under a lit crown band if it is the top
    one."""
    side = replace(wall, x=wall.x + stage.across)
    lit_to = stage.high - CROWN if top else stage.high

    def along(low: float, high: float) -> list[Point]:
        return plane(project, side, (stage.near, stage.far), low, high)

    faces = [(along, _flutes_along(project, side, stage), _flute_along(project, side))]
    if stage.front is not None:
        span = (wall.x + stage.front, wall.x + FRONT_WIDE - stage.front)

        def facing(low: float, high: float) -> list[Point]:
            return _front(project, wall.side, span, stage.near, (low, high))

        flutes = _flutes(span, max(1, round(FRONT_FLUTES * (span[1] - span[0]) / FRONT_WIDE)))
        faces.append((facing, flutes, _flute_front(project, wall.side, stage.near)))
    pieces = []
    for face, flutes, flute in faces:
        pieces.append(Piece("wall", face(stage.low, stage.high)))
        pieces += _graded(face, (stage.low, lit_to), _rows(project, side, stage), level)
        pieces += [Piece("office", flute(a, b, stage.low + CROWN / 2, lit_to - CROWN / 2))
                   for a, b in flutes]
        if top:
            pieces.append(Piece("flood", face(lit_to, stage.high), CROWN_LIGHT,
                                FLOOD_FOOT * level))
    return pieces


def _graded(face: FaceAt, heights: tuple[float, float], rows: int, level: float
            ) -> list[Piece]:
    """A face between two `heights` lit from its foot (`level` of full light): brightest
    there, fading up, in steps of a few pixels each (`rows` tall in all)."""
    low, high = heights
    steps = min(FLOOD_STEPS[1], max(FLOOD_STEPS[0], round(rows / FLOOD_ROWS)))
    strip = (high - low) / steps
    out = []
    for n in range(steps):
        t = (n + 0.5) / steps
        share = FLOOD_TOP + (FLOOD_FOOT - FLOOD_TOP) * (1 - t) ** FLOOD_FALL
        out.append(Piece("flood", face(low + n * strip, low + (n + 1) * strip), CROWN_LIGHT,
                         share * level))
    return out


def _rows(project: Project, side: Wall, stage: Stage) -> int:
    """How many pixels tall a stage stands at its near end."""
    x = side.side * side.x
    return abs(project(x, stage.near, stage.low)[1] - project(x, stage.near, stage.high)[1])


def _mast(project: Project, wall: Wall, stage: Stage, landmark: bool) -> list[Piece]:
    """The mast over the crown: a line over an ordinary tower; over the landmark a tapering
    mast with a beacon at its head, lit at night."""
    middle = (stage.near + stage.far) / 2
    if not landmark:
        x = wall.side * (wall.x + stage.across)
        return [Piece("frame line", [project(x, middle, stage.high),
                                     project(x, middle, stage.high + SPIRE)])]
    across = wall.x + FRONT_WIDE / 2
    z = stage.near + (stage.far - stage.near) * 0.1
    head = stage.high + MAST
    foot = [project(wall.side * (across - MAST_FOOT), z, stage.high),
            project(wall.side * (across + MAST_FOOT), z, stage.high),
            project(wall.side * across, z, head)]
    beacon = _front(project, wall.side, (across - BEACON / 2, across + BEACON / 2), z,
                    (head - BEACON, head + BEACON / 2))
    return [Piece("trim", foot), Piece("crown", beacon, BEACON_LIGHT, 1.0)]


def front_face(project: Project, wall: Wall) -> list[Piece]:
    """The landmark's face towards the viewer, from the sidewalk to its roof: dark glass in
    columns between its piers, a few offices lit after hours."""
    span = (wall.x, wall.x + FRONT_WIDE)
    pieces = [Piece("end", _front(project, wall.side, span, wall.z0, (0.0, wall.up)))]
    flute = _flute_front(project, wall.side, wall.z0)
    ident = int(wall.seed * 1e6)
    for n, (a, b) in enumerate(_flutes(span, FRONT_FLUTES)):
        pieces.append(Piece("office", flute(a, b, FLOOR_FIRST, wall.up - PARAPET)))
        floor, k = FLOOR_FIRST, 0
        while floor + FLOOR_GLASS + PARAPET < wall.up:
            pick = hash01(ident, FRONT_SALT, n, k)
            if pick < OFFICE_LIT:
                pieces.append(Piece("office high", flute(a, b, floor, floor + FLOOR_GLASS),
                                    SHOP_LIGHT, OFFICE_LEVEL[0] + OFFICE_LEVEL[1] * pick))
            floor, k = floor + FLOOR_STEP, k + 1
    return pieces


def _flutes(span: tuple[float, float], count: int) -> list[tuple[float, float]]:
    """`count` columns of dark glass across a front, evenly between piers."""
    pitch = (span[1] - span[0]) / count
    wide = pitch * FLUTE_SHARE
    return [(span[0] + (n + 0.5) * pitch - wide / 2, span[0] + (n + 0.5) * pitch + wide / 2)
            for n in range(count)]


def _flutes_along(project: Project, side: Wall, stage: Stage) -> list[tuple[float, float]]:
    """The flutes along a stage's side, evenly from end to end (none if they would crowd
    into a few pixels: far off, the side is seen end on)."""
    x = side.side * side.x
    apart = abs(project(x, stage.far - FLUTE_PITCH, 0.0)[0] - project(x, stage.far, 0.0)[0])
    if apart < FLUTE_PIXELS:
        return []
    count = max(1, int((stage.far - stage.near) / FLUTE_PITCH))
    first = stage.near + ((stage.far - stage.near) - count * FLUTE_PITCH) / 2
    first += FLUTE_PITCH * (1 - FLUTE_SHARE) / 2
    return [(first + n * FLUTE_PITCH, first + n * FLUTE_PITCH + FLUTE_PITCH * FLUTE_SHARE)
            for n in range(count)]


def _flute_along(project: Project, side: Wall) -> FluteAt:
    """A flute on a face along the street: from z `a` to `b` along it, `low` to `high`."""
    def at(a: float, b: float, low: float, high: float) -> list[Point]:
        return plane(project, side, (a, b), low, high)
    return at


def _flute_front(project: Project, side: int, z: float) -> FluteAt:
    """A flute on a face towards the viewer at depth `z`: from `a` to `b` across."""
    def at(a: float, b: float, low: float, high: float) -> list[Point]:
        return _front(project, side, (a, b), z, (low, high))
    return at


def _front(project: Project, side: int, span: tuple[float, float], z: float,
           heights: tuple[float, float]) -> list[Point]:
    """The corners of a rectangle facing the viewer at depth `z`: `span` across (from the
    street's middle), `heights` up."""
    (a, b), (low, high) = span, heights
    return [project(side * a, z, low), project(side * b, z, low), project(side * b, z, high),
            project(side * a, z, high)]
