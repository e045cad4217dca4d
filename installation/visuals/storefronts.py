"""The walls along the street: pilasters, shop windows, signs and awnings, office windows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, hash01, mix, scaled
from installation.visuals.shop_signs import NAMES, Lettering, laid, legible, neon

Project = Callable[[float, float, float], tuple[int, int]]
Point = tuple[int, int]
Span = tuple[float, float]  # along a wall, from and to (world units)
Letters = tuple[Lettering | None, int | None]  # the shops' names set, and the picture's width

# Heights up the wall and lengths along it, in the street's world units.
BAY = 0.75  # one shop front, between two pilasters
PIER = 0.07  # the wall left standing between two shop windows
PILASTER = 0.035  # half the width of a pilaster
GLASS_LOW, GLASS_HIGH = 0.03, 0.25  # a shop window
SIGN_LOW, SIGN_HIGH = 0.28, 0.41  # the sign band over it
AWNING_AT, AWNING_OUT, AWNING_DROP = 0.27, 0.12, 0.06  # where an awning hangs, how far out
FLOOR_FIRST, FLOOR_STEP, FLOOR_GLASS = 0.46, 0.34, 0.17  # the office floors above
SPILL_OUT, SPILL_SPREAD = 0.32, 0.1  # how far a lit shop's light reaches, how it widens
DISPLAY = 0.07  # the brightest, lowest part of a shop window: its display
TRANSOM = 0.205  # the bar across a shop window, near its top
MULLION = 0.02  # a bar, a sill or a margin
VALANCE = 0.03  # the awning's hanging edge
INSET = 0.1  # the office windows are set in this far from the bay's ends
PARAPET = 0.08  # the wall above the top floor's windows, at least
CEILING, CEILING_FALLS = 0.55, 0.7  # a lit office is brighter above this share of its window
NAME_LONG = 0.7  # the shop's name, a share of its sign
LETTERS = (4, 8)  # how many letters a shop's name has, fewest and most
FAR_DETAIL = 16.0  # farther walls are too small for more than their shop windows
UPPER_FAR = 7.0  # office windows are drawn here on walls nearer than this
PANE = 0.22  # one pane of office glass between mullions
RIBBONS = 0.45  # the share of buildings with ribbon windows rather than pilasters
LETTER_GAP = 0.35  # the space between a sign's letters, a share of a letter
LETTERED = 9.0  # signs farther than this carry their names fading into their boards...
FAR_INK = 0.45  # ...down to this share of the letters' light at FAR_DETAIL
NAME_TALL, NAME_WIDEN = 0.7, 1.1  # a name's letters: of the board's height; along the wall,
# world units per unit of height (the wall is seen at a slant: letters set wider read right)
NAME_SALT = 19
IN_FROM = 0.06  # a name moved into view from a board the picture's edge cuts keeps this far from
# the edge along the wall (world units: a letter's width or so on the nearest walls)
EDGE_STEPS = 24  # halvings to find where a wall leaves the picture (to a millionth of a bay)
NAME_STRIDE = 5  # shop to shop along a wall, its name this far on in NAMES
TOWER = 1.8  # walls taller than this are deco towers: setbacks and a lit crown (deco_crown)
CROWN_FAR = 8.0  # towers nearer than this show their stages and crown (farther: their ends)
FLOOD_EARLY, FLOOD_RAMP = 0.55, 4.0  # the floodlights come on as soon as the day begins to go
STEP_UP = (0.08, 0.06)  # a shop's stepped parapet: how much each step rises over the last
STEP_WIDE = (0.5, 0.22)  # ...and the share of the wall's length each runs along
CAP = 0.018  # the pale cap along a parapet's top
SPEED_BANDS = (0.05, 0.1, 0.15)  # streamline walls: pale bands this far below their roof
BAND_TALL = 0.018
TURN_SHADE, END_SHADE = 0.89, 0.78  # a wall turning towards the viewer, and facing him

SHOP_LIGHT = (255, 190, 120)
NIGHT_GLASS = (34, 44, 70)  # what office glass mirrors: the blue of the sky overhead
COOL_LIGHT = (200, 225, 255)  # fluorescent offices and a laundromat or two
SIGN_COLORS: tuple[Color, ...] = ((255, 86, 60), (255, 214, 140), (90, 220, 255),
                                  (255, 110, 200), (150, 255, 160))
AWNINGS: tuple[Color, ...] = ((124, 30, 34), (34, 74, 54), (30, 42, 86), (150, 96, 40))
SHOP_LIT = 0.7  # the share of shops still lit at dusk
SHOP_VARY, SHOP_COOL = 0.45, 0.15  # how much their light varies; the share in cool light
SHADOW = 0.45  # unlit glass and what lies behind it, against the wall
GLASS_MIRRORS = 0.2  # how much of the sky unlit glass mirrors
GLASS_GLOW, SPILL_GLOW = 0.85, 0.2  # how much of a shop's light fills its window, the sidewalk
FRAME_SHADE = 0.7  # frames, mullions and an awning's edge, darker than what they hold
CATCHES_LIGHT = 0.07  # sills and pilasters, a little lighter than the wall
SIGN_BOARD, SIGN_DAY = 0.35, 0.35  # the sign's dark board; its letters unlit, by day
SHOP_EARLY, SHOP_RAMP = 0.15, 2.5  # shops light up as soon as the day begins to go
AWNING_SHARE = 0.45  # the share of shop fronts with an awning
OFFICE_LIT = 0.22  # the share of office windows lit
OFFICE_COOL = 0.33  # the share of lit offices in cool light
OFFICE_LEVEL = (0.2, 0.35)  # how brightly they are lit: the least, and the most more
AWNING_SALT, SIGN_SALT, LETTER_SALT = 11, 13, 17  # a shop's other random choices
AWNING_LIGHT = (0.35, 0.5, 0.4)  # an awning's cloth: in shade, + by day, + lit from below


@dataclass(frozen=True)
class Wall:
    """One building's face along the street: side (-1 left, 1 right), from z0 to z1, height."""

    side: int
    z0: float
    z1: float
    up: float
    seed: float
    x: float  # the wall's distance from the middle of the road


@dataclass(frozen=True)
class Tone:
    """How the wall is lit: its colour near to, the sidewalk's, the far air's tint and how
    much of it lies between, and the night 0..1."""

    face: Color
    walk: Color
    tint: Color
    haze: float
    night: float
    trim: Color | None = None  # piers, caps and bands: the material's paler dressing
    show: bool = True  # the cinema's marquee is lit (dark after the late show)


GLOWING = frozenset(("window", "display", "spill", "crown", "flood", "bulbs", "office low",
                     "office high", "marquee"))  # what gives light, besides signs' letters


@dataclass(frozen=True)
class Piece:
    """One shape of a facade, where it goes and what it is; its colour comes with the light."""

    role: str  # what it is: see `_colours` and `_lit` ("bulbs", "marquee": the cinema's)
    corners: list[Point]  # a shape, or the two ends of a line
    light: Color | None = None  # the light it glows with, if any
    share: float = 0.0  # how much of it: of the shops' lights, or of the night
    mask: pygame.Surface | None = None  # letters: laid at corners[0], in the role's colour

    def glows(self) -> bool:
        """Does it give light (at night), rather than take the light that falls on it?"""
        return self.role in GLOWING or self.role.startswith("ink")


def facade(project: Project, wall: Wall, seed: int, lettering: Lettering | None = None,
           frame: int | None = None) -> list[Piece]:
    """The shop fronts along the foot of the wall, the piers, and office windows above, its
    parapet stepped (a shop; a tower's top is `deco_crown`'s): laid out once,
    painted with `paint` whenever the light changes. Its shops' names stay whole inside a
    picture `frame` columns wide (see `_name`)."""
    if wall.z0 > FAR_DETAIL:
        return []
    ident = int(wall.seed * 1e6)
    ribbon = wall.seed < RIBBONS  # long bands of glass, or windows between pilasters
    parapet = wall.z0 < CROWN_FAR and wall.up <= TOWER  # (a tower's top: see deco_crown)
    pieces: list[Piece] = _parapet(project, wall) if parapet else []
    for (za, zb), key in bays(wall, seed):
        n = key[-1]
        pieces += _shopfront(project, wall, (za, zb), key, (lettering, frame))
        if n and not ribbon:
            pieces.append(Piece("trim", plane(project, wall, (za - PILASTER, za + PILASTER), 0.0,
                                              wall.up)))  # a pier, catching the light
        if wall.z0 < UPPER_FAR and not ribbon:
            pieces += _offices(project, wall, (za + INSET, zb - INSET), (seed, ident, n, 1))
    if wall.z0 < UPPER_FAR and ribbon:
        pieces += _offices(project, wall, (wall.z0 + INSET, wall.z1 - INSET), (seed, ident, -1))
        pieces += [Piece("trim", plane(project, wall, (wall.z0, wall.z1), wall.up - below,
                                       wall.up - below + BAND_TALL))
                   for below in SPEED_BANDS if wall.up - below > FLOOR_FIRST]
    return pieces


def bays(wall: Wall, seed: int) -> list[tuple[tuple[float, float], tuple[int, int, int]]]:
    """The wall's shop fronts: each one's span along it and its key (its random choices)."""
    count = max(1, round((wall.z1 - wall.z0) / BAY))
    bay = (wall.z1 - wall.z0) / count
    ident = int(wall.seed * 1e6)
    return [((wall.z0 + n * bay, wall.z0 + (n + 1) * bay), (seed, ident, n))
            for n in range(count)]


def shop_light(key: tuple[int, ...]) -> tuple[float, Color]:
    """How brightly a shop is lit after dark (0: it is closed) and in what light."""
    chance = hash01(*key)
    share = 1 - SHOP_VARY * chance if chance < SHOP_LIT else 0.0
    return share, COOL_LIGHT if chance < SHOP_LIT * SHOP_COOL else SHOP_LIGHT


def _parapet(project: Project, wall: Wall) -> list[Piece]:
    """A shop's parapet over the wall's roof, stepped up in its middle, capped."""
    length = wall.z1 - wall.z0
    middle = (wall.z0 + wall.z1) / 2
    pieces = []
    low = wall.up
    for rise, share in zip(STEP_UP, STEP_WIDE, strict=True):
        span = (middle - share * length / 2, middle + share * length / 2)
        pieces += [Piece("wall", plane(project, wall, span, low - CAP, low + rise)),
                   Piece("trim", plane(project, wall, span, low + rise - CAP, low + rise))]
        low += rise
    return pieces


def paint(image: pygame.Surface, pieces: list[Piece], tone: Tone) -> None:
    """Draw a facade's pieces in the light of `tone`."""
    colours = _colours(tone)
    shops = min(1.0, SHOP_EARLY + SHOP_RAMP * tone.night) if tone.night > 0 else 0.0
    for piece in pieces:
        color = colours.get(piece.role) or _lit(piece, tone, shops, colours)
        if color is None:
            continue
        if piece.mask is not None:
            inked = piece.mask.copy()
            inked.fill((*color, 255), special_flags=pygame.BLEND_RGBA_MULT)
            image.blit(inked, piece.corners[0])
        elif piece.role == "frame line":
            pygame.draw.line(image, (*color, 255), piece.corners[0], piece.corners[1])
        else:
            pygame.draw.polygon(image, (*color, 255), piece.corners)


def plane(project: Project, wall: Wall, span: tuple[float, float], low: float,
          high: float) -> list[Point]:
    """The corners of a rectangle on the wall: from span[0] to span[1] along it, low to high."""
    x = wall.side * wall.x
    return [project(x, span[0], low), project(x, span[1], low), project(x, span[1], high),
            project(x, span[0], high)]


def _colours(tone: Tone) -> dict[str, Color]:
    """The colours of the pieces that do not glow, in this light."""
    frame = _aired(scaled(tone.face, FRAME_SHADE), tone)
    colours = {"frame": frame, "frame line": frame,
               "board": _aired(scaled(tone.face, SIGN_BOARD), tone),
               "sill": _aired(mix(tone.face, (255, 255, 255), CATCHES_LIGHT), tone),
               "wall": _aired(tone.face, tone),
               "turn": _aired(scaled(tone.face, TURN_SHADE), tone),
               "end": _aired(scaled(tone.face, END_SHADE), tone),
               "trim": _aired(tone.trim or mix(tone.face, (255, 255, 255), CATCHES_LIGHT),
                              tone),
               "office": _aired(mix(scaled(tone.face, SHADOW), NIGHT_GLASS, GLASS_MIRRORS),
                                tone),
               "unlit shop": mix(scaled(tone.face, SHADOW), tone.tint, GLASS_MIRRORS)}
    for color in SIGN_COLORS:
        colours[ink(color)] = _inked(color, tone.night, tone)
    return colours


def _inked(color: Color, lit: float, tone: Tone) -> Color:
    """A sign's letters of `color`, lit `lit` (0: as by day, 1: full)."""
    return _aired(scaled(color, SIGN_DAY + (1 - SIGN_DAY) * lit), tone)


def _lit(piece: Piece, tone: Tone, shops: float, colours: dict[str, Color]) -> Color | None:
    """The colour of a piece lit by the shops' lights or the night (None: not seen now)."""
    light = piece.light or SHOP_LIGHT
    lit = shops * piece.share
    dark = colours["unlit shop"]  # (no piece has this role: glass before its light)
    if piece.role == "spill":
        return _aired(mix(tone.walk, light, SPILL_GLOW * lit), tone) if lit > 0 else None
    if piece.role == "window":
        return _aired(mix(dark, light, GLASS_GLOW * lit), tone)
    if piece.role == "display":
        return _aired(mix(dark, light, lit), tone)
    if piece.role in ("awning", "valance"):
        level = AWNING_LIGHT[0] + AWNING_LIGHT[1] * (1 - tone.night) + AWNING_LIGHT[2] * lit
        cloth = _aired(scaled(light, level), tone)
        return cloth if piece.role == "awning" else scaled(cloth, FRAME_SHADE)
    if piece.role in ("crown", "bulbs", "flood"):
        on = 0.0 if piece.role == "bulbs" and not tone.show else tone.night
        if piece.role == "flood" and on > 0:
            on = min(1.0, FLOOD_EARLY + FLOOD_RAMP * on)
        base = tone.face if piece.role == "flood" else tone.trim or tone.face  # (light on
        return _aired(mix(base, light, on * piece.share), tone)  # the wall, or a lamp's)
    if piece.role == "marquee":
        return _inked(light, tone.night if tone.show else 0.0, tone)
    level = tone.night * piece.share  # a lit office: "office low" or "office high"
    glass = colours["office"]
    high = piece.role == "office high"
    return _aired(mix(glass, light, level if high else level * CEILING_FALLS), tone)


def _shopfront(project: Project, wall: Wall, span: tuple[float, float],
               key: tuple[int, ...], names: Letters) -> list[Piece]:
    """A shop window (lit at dusk, its light on the sidewalk), its sign, maybe an awning."""
    za, zb = span[0] + PIER, span[1] - PIER
    share, light = shop_light(key)
    x_in, x_out = wall.side * wall.x, wall.side * (wall.x - SPILL_OUT)
    pool = [project(x_in, za, 0.0), project(x_in, zb, 0.0),
            project(x_out, zb + SPILL_SPREAD, 0.0), project(x_out, za - SPILL_SPREAD, 0.0)]
    middle = (za + zb) / 2
    pieces = [Piece("spill", pool, light, share),
              Piece("window", plane(project, wall, (za, zb), GLASS_LOW, GLASS_HIGH), light,
                    share),
              Piece("display", plane(project, wall, (za, zb), GLASS_LOW, GLASS_LOW + DISPLAY),
                    light, share),
              Piece("frame line", [project(x_in, middle, GLASS_LOW),
                                   project(x_in, middle, GLASS_HIGH)]),
              Piece("frame", plane(project, wall, (za, zb), TRANSOM, TRANSOM + MULLION))]
    pieces += _sign(project, wall, (span[0] + PIER / 2, span[1] - PIER / 2), key, names)
    if hash01(*key, AWNING_SALT) < AWNING_SHARE:
        cloth = AWNINGS[int(hash01(*key, AWNING_SALT + 1) * len(AWNINGS))]
        pieces += _awning(project, wall, (za - PIER / 3, zb + PIER / 3), cloth, share)
    return pieces


def _sign(project: Project, wall: Wall, span: tuple[float, float],
          key: tuple[int, ...], names: Letters) -> list[Piece]:
    """A dark sign band with a shop's name in letters, lit at night, far off fading into its
    board (a board too small to letter: dashes; one running out of the picture with too
    little of it in view for the whole name: the board alone, cut where the wall is)."""
    if wall.up < SIGN_HIGH + MULLION:
        return []
    pieces = [Piece("board", plane(project, wall, span, SIGN_LOW, SIGN_HIGH))]
    inked = ink(SIGN_COLORS[int(hash01(*key, SIGN_SALT) * len(SIGN_COLORS))])
    lettering, frame = names
    if lettering is not None:
        first = int(hash01(*key[:2], NAME_SALT) * len(NAMES))  # the wall's first shop's name,
        name = NAMES[(first + key[-1] * NAME_STRIDE) % len(NAMES)]  # then none twice running
        named = _name(project, wall, (span, in_view(project, wall, span, frame)),
                      (name, inked), lettering)
        if named is None:
            return pieces
        if named:
            return pieces + named
    letters = LETTERS[0] + int(hash01(*key, LETTER_SALT) * (LETTERS[1] - LETTERS[0] + 1))
    length = (span[1] - span[0]) * NAME_LONG
    step = length / letters
    start = span[0] + (span[1] - span[0] - length) / 2
    for n in range(letters):
        a = start + n * step
        pieces.append(Piece(inked, plane(project, wall, (a, a + step * (1 - LETTER_GAP)),
                                       SIGN_LOW + MULLION, SIGN_HIGH - MULLION)))
    return pieces


def _name(project: Project, wall: Wall, spans: tuple[Span, Span], named: tuple[str, str],
          lettering: Lettering) -> list[Piece] | None:
    """A shop's name in its ink (`named`) on its sign's board (spans: all of it, and the part
    of it in the picture), reading left to right on the picture: in letters, fainter the
    farther they are, or where they would be too small to read, in neon script (none if the
    board is too small for either). A board running out of the picture has its name moved
    along it into view, whole (None: too little of the board is in view for it)."""
    (name, inked), (span, seen) = named, spans
    tall = (SIGN_HIGH - SIGN_LOW) * NAME_TALL
    long = min((span[1] - span[0]) * NAME_LONG, tall * lettering.aspect(name) * NAME_WIDEN)
    if seen[1] - seen[0] < long:
        return None
    middle = min(max((span[0] + span[1]) / 2, seen[0] + long / 2), seen[1] - long / 2)
    low = (SIGN_LOW + SIGN_HIGH - tall) / 2
    quad = plane(project, wall, (middle - long / 2, middle + long / 2), low, low + tall)
    near_left = quad[0][0] < quad[1][0]  # the near end is on the left: the left-hand wall
    corners = [quad[3], quad[2], quad[1], quad[0]] if near_left else [quad[2], quad[3],
                                                                      quad[0], quad[1]]
    tubes = None if legible(name, corners) else neon(lettering, name, corners)
    made = tubes or laid(lettering.alpha(name), corners)
    if made is None:
        return []
    far = min(1.0, max(0.0, (wall.z0 - LETTERED) / (FAR_DETAIL - LETTERED)))
    if far > 0 and tubes is None:  # (neon carries down the street)
        faint = round(255 * (1 - (1 - FAR_INK) * far))
        made[0].fill((255, 255, 255, faint), special_flags=pygame.BLEND_RGBA_MULT)
    return [Piece(inked, [made[1]], mask=made[0])]


def in_view(project: Project, wall: Wall, span: Span, frame: int | None) -> Span:
    """The part of `span` along the wall whose columns lie inside a picture `frame` wide, less
    IN_FROM at an end the picture's edge cuts (all of it without a frame). The wall runs from
    the picture's edge to the vanishing point: only its near end can be out of view."""
    x = wall.side * wall.x
    if frame is None:
        return span

    def seen(z: float) -> bool:
        return 0 <= project(x, z, SIGN_LOW)[0] < frame

    if seen(span[0]):
        return span
    if not seen(span[1]):
        return span[1], span[1]
    near, far = span
    for _ in range(EDGE_STEPS):  # (the column a point of the wall falls on moves one way)
        half = (near + far) / 2
        if seen(half):
            far = half
        else:
            near = half
    return min(far + IN_FROM, span[1]), span[1]


def _awning(project: Project, wall: Wall, span: tuple[float, float], cloth: Color,
            share: float) -> list[Piece]:
    """A canvas awning sloping out over the sidewalk, lit by the day and the window below."""
    x_in, x_out = wall.side * wall.x, wall.side * (wall.x - AWNING_OUT)
    low = AWNING_AT - AWNING_DROP
    top = [project(x_in, span[0], AWNING_AT), project(x_in, span[1], AWNING_AT),
           project(x_out, span[1], low), project(x_out, span[0], low)]
    valance = [project(x_out, span[0], low), project(x_out, span[1], low),
               project(x_out, span[1], low - VALANCE), project(x_out, span[0], low - VALANCE)]
    return [Piece("awning", top, cloth, share), Piece("valance", valance, cloth, share)]


def _offices(project: Project, wall: Wall, span: tuple[float, float],
             key: tuple[int, ...]) -> list[Piece]:
    """The office floors above the shops: panes between mullions, a few lit after hours."""
    panes = max(1, round((span[1] - span[0]) / PANE))
    pane = (span[1] - span[0]) / panes
    x = wall.side * wall.x
    pieces = []
    floor, n = FLOOR_FIRST, 0
    while floor + FLOOR_GLASS + PARAPET < wall.up:
        n += 1
        top = floor + FLOOR_GLASS
        pieces.append(Piece("office", plane(project, wall, span, floor, top)))
        for k in range(panes):
            pick = hash01(*key, n, k)
            if pick < OFFICE_LIT:
                light = COOL_LIGHT if pick < OFFICE_LIT * OFFICE_COOL else SHOP_LIGHT
                share = OFFICE_LEVEL[0] + OFFICE_LEVEL[1] * pick / OFFICE_LIT
                part = (span[0] + k * pane, span[0] + (k + 1) * pane)
                pieces += [Piece("office low", plane(project, wall, part, floor, top), light,
                                 share),
                           Piece("office high", plane(project, wall, part,
                                                      floor + FLOOR_GLASS * CEILING, top),
                                 light, share)]
            if k:
                z = span[0] + k * pane
                pieces.append(Piece("frame line", [project(x, z, floor), project(x, z, top)]))
        pieces.append(Piece("sill", plane(project, wall, (span[0] - MULLION, span[1] + MULLION),
                                          floor - MULLION, floor)))
        floor += FLOOR_STEP
    return pieces


def ink(color: Color) -> str:
    """The role of a sign's letters in one colour."""
    return f"ink {color}"


def _aired(color: Color, tone: Tone) -> Color:
    """A colour seen through the air: far off it fades into the tint of the horizon."""
    return mix(color, tone.tint, tone.haze)
