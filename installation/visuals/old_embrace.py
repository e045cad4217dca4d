"""An old couple's embrace played across its whole scene: the figures layer of elders in
their lit window, Lucy and Ivan drawn as two silhouettes rimmed by the lamp (see old_couple)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pygame

from installation.visuals.base import Color, Frame, Pieces, Setup, lerp, mix
from installation.visuals.figure_looks import EMBRACE_GAP
from installation.visuals.figure_sun import layer_span, span_share
from installation.visuals.figures import Figures
from installation.visuals.old_couple import (
    HEAD_R,
    HIP,
    LIMB,
    STICK,
    Body,
    arm,
    bodies,
    hands_at,
)
from installation.visuals.skeleton import Point

SUPER = 2  # drawn this many times larger, then smoothed down (soft edges)
BAND = 32  # rows (at their size on screen) smoothed down at a time: of each band, only the
# stretch they reach (about half their box: smoothing it all was ~40% of the frame's cost)
TALLER = 1.1  # they stand this much taller than the layer's sprites would (the room the same)
FLOOR = 0.07  # their feet this far (in the layer's heights) below the path's point, nearer
# the room's floor line, so that they fill its height
BOX = (-0.5, 0.5, -0.02, 1.0)  # what they can fill, in his heights: left, right, floor, top
PAD = 0.01  # in heights: round their shapes, for the smoothing of their edges
RIM = 0.0045  # the lamp's light along their left edges, in heights (at 0.012, drawn whole
# that far to the left, it read as a drop shadow 7 px off them)
RIM_LIGHT = 0.45  # how much lighter than the window's colour (toward white) that edge is
# (at 0.42 of the window's colour over their dark it was darker than the wall: a shadow)
RING = ((-1.0, -0.6),)  # where each dark shape's rim is drawn (in RIMs: x right, y down): a
# thin line on their outline on the lamp's side, left and a little above (over their heads and
# shoulders); once, as the picture's cost allows (round them in six places, 25% dearer)
ROUND_ELBOW = (0.05, 0.05)  # an arm round the other: its elbow this far forward and down
HAND_ROUND = (0.012, 0.04)  # a hand flat on the other's back: its fingers this far back, down
ROUNDING = 0.12  # heights past the other's front at which an arm is all the way round them
KNEE_BEND = 0.022  # in heights: the knee forward of the line from the hip to the ankle
KNEE_LIFT = 0.6  # ...and further forward by this much of a stepping foot's lift
ANKLE = 0.04  # the ankle's height
CALF = 0.3  # the calf's fullest, this share of the way from the knee down to the ankle
LEG = (0.035, 0.03, 0.021, 0.033, 0.014)  # half widths (heights): thigh at the hip, knee, shin
# in front, calf behind, ankle
STANCE = 0.025  # heights: each foot this far behind or before the point under their hips
# (the near toe stops short of the far shoe's arch, which shows; at 0.035 the wider legs took
# more of their box to smooth)
SHOE = ((-0.028, 0.0), (-0.03, 0.02), (-0.022, 0.034), (-0.012, 0.04), (0.012, 0.037),
        (0.038, 0.024), (0.06, 0.016), (0.074, 0.011), (0.08, 0.005), (0.075, 0.0),
        (0.044, 0.0), (0.034, 0.012), (-0.004, 0.014), (-0.012, 0.0))
# A shoe in profile (forward, up from the floor, in heights, from the ankle): the heel, its
# collar no higher than the ankle (the leg narrows into it), the instep sloping down to a round
# toe, and under it the sole lifted off the floor
# between the ball and the heel (the arch: the lit floor seen under each foot), where a flat
# four-cornered wedge under each read as a slab of wood
SOFT = 2  # a body's outline has its corners cut this many times (blocky, it read as a cutout)
CUT = 0.14  # of each side cut off either end of it each time (a quarter made coats balloons)
HEMS = ((0.27, 0.1), (0.16, 0.115))  # his coat's and her skirt's hem: how high, how wide
GREY = (198, 188, 174)  # their grey hair in the lamp's light
# A head in profile, in its radii (x towards the face, y up): the skull, brow, nose, lips,
# chin, jaw and nape; his grey hair cropped short and combed back from a receding hairline
# over the crown and the back of the head down to the nape, its edge running from the temple
# behind the ear (a patch at the back of the head, its front edge square over the ear, not
# reaching the crown or the nape, read as headphones, 04:40);
# her grey hair swept up over the crown and back, and her bun (its centre and radius).
PROFILE = ((-0.95, 0.1), (-0.8, 0.6), (-0.35, 0.95), (0.25, 0.97), (0.7, 0.68), (0.88, 0.3),
           (0.93, 0.02), (1.2, -0.22), (0.95, -0.32), (0.98, -0.47), (0.88, -0.68),
           (0.55, -0.88), (0.05, -0.95), (-0.45, -0.78), (-0.85, -0.45))
FRINGE = tuple((1.04 * math.cos(math.radians(a)), 1.04 * math.sin(math.radians(a)))
               for a in range(55, 245, 15)) + ((-0.5, -0.72), (-0.42, -0.3), (-0.22, 0.12),
                                               (0.08, 0.48), (0.4, 0.72))
SWEPT = tuple((1.06 * math.cos(math.radians(a)), 1.06 * math.sin(math.radians(a)))
              for a in range(35, 215, 15)) + ((-0.6, -0.1), (-0.1, 0.45), (0.45, 0.6))
BUN, BUN_R = (-0.85, 0.55), 0.45
NOD_TILT = 0.3  # how far the head tips down (radians) for each 1 of a bow
FRONT = 0.92  # turned out to the window, the face's profile comes in to this
Shape = tuple[str, Sequence[Point], float]  # "poly" or "line" (width) or "disc" (radius)


def figures_layer(params: Mapping[str, Any], setup: Setup) -> Figures:
    """The figures layer for these keys: an old couple's embrace plays across the scene."""
    if params["pose"] == "embrace" and params["body"] == "elders":
        return OldEmbrace(params, setup)
    return Figures(params, setup)


class OldEmbrace(Figures):
    """Lucy and Ivan in their lit window, along their arc from the layer's first story moment
    to its last (old_couple.ARC), swaying; the room is the layer's (Figures' `under`)."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        super().__init__(params, setup)
        self.span = layer_span(setup, params)
        self.tall = self.height * TALLER
        self.dark = _rgb(params["color"])
        self.rim = mix(_rgb(params["window"] or "#ffc47a"), (255, 255, 255), RIM_LIGHT)
        self._corner = (BOX[0], BOX[3])  # where the drawing surface's top left is, in heights
        self._reached: list[pygame.Rect] = []  # what of their drawing the frame drew on

    def warm(self, frame: Frame) -> Pieces:
        """Nothing to draw ahead: they are drawn as shapes each frame."""
        yield from ()

    def share(self, frame: Frame) -> float:
        """How far along the scene (0 to 1) their arc is at this frame."""
        return span_share(self.span, frame.story_time)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """Their room (the layer's lit window), then the two of them."""
        members, _ = self.under(surface, frame)
        if not members:
            return
        x, y = self.path.points[0]
        centre = (x + EMBRACE_GAP / 2 * self.height, y + FLOOR * self.height)
        pieces = self.pieces(self.share(frame), frame.seconds)
        box = self._box(pieces)  # (only round them: filling their window, the whole BOX was
        # half empty and its smoothing half their cost)
        self._corner = (BOX[0] + box.x / self.tall, BOX[3] - box.y / self.tall)
        big = pygame.Surface((box.width * SUPER, box.height * SUPER), pygame.SRCALPHA)
        self._reached = []
        pieces = [(self._on_drawing(shape_list), color) for shape_list, color in pieces]
        for shape_list, color in pieces:  # every rim under every one of them: an arm round
            if color == self.dark:  # the other, over their back, shows no rim across it
                self._rim(big, shape_list)
        for shape_list, color in pieces:
            self._paint(big, shape_list, color)
        left = round(centre[0] + BOX[0] * self.tall) + box.x
        top = round(centre[1] - BOX[3] * self.tall) + box.y
        # Smoothing takes 2 x 2 pixels at a time: in bands, the same pixels as all at once.
        for band in bands(self._reached, box.size):
            drawn = big.subsurface(band.x * SUPER, band.y * SUPER, band.width * SUPER,
                                   band.height * SUPER)
            small = pygame.transform.smoothscale(drawn, band.size)
            surface.blit(small, (left + band.x, top + band.y))

    def _box(self, pieces: list[tuple[list[Shape], Color]]) -> pygame.Rect:
        """The pixels of BOX (its top left at 0, 0) that the shapes and their rims reach."""
        shapes = [shape for shape_list, _ in pieces for shape in shape_list]
        xs = [x for _, points, _ in shapes for x, _ in points]
        ys = [y for _, points, _ in shapes for _, y in points]
        pad = max(size for _, _, size in shapes) + RIM + PAD
        left, right, low, top = BOX
        x0 = max(0, math.floor((min(xs) - pad - left) * self.tall))
        y0 = max(0, math.floor((top - max(ys) - pad) * self.tall))
        x1 = min(math.ceil((right - left) * self.tall),
                 math.ceil((max(xs) + pad - left) * self.tall))
        y1 = min(math.ceil((top - low) * self.tall), math.ceil((top - min(ys) + pad) * self.tall))
        return pygame.Rect(x0, y0, max(1, x1 - x0), max(1, y1 - y0))

    def pieces(self, share: float, seconds: float) -> list[tuple[list[Shape], Color]]:
        """What is drawn, in order, each piece rimmed: his stick, him, her, his arm round
        her, her arm round his shoulders (or to his face)."""
        ivan, lucy = bodies(share, seconds)
        his_hand, her_hand = hands_at(share, ivan, lucy)
        grey = [*_hair(ivan, bald=True), *_hair(lucy, bald=False)]
        return [(_stick(ivan) + _figure(ivan), self.dark), (_figure(lucy), self.dark),
                (_arm(ivan, his_hand, lucy), self.dark), (_arm(lucy, her_hand, ivan), self.dark),
                (grey, GREY)]

    def _rim(self, big: pygame.Surface, shapes: Sequence[Shape]) -> None:
        """A dark piece's rim: the lamp's light along its left (the lamp's side), under all of
        them (it shows only where none of them covers it)."""
        rim = RIM * self.tall * SUPER
        for shape in shapes:
            for dx, dy in RING:
                self._reached.append(_shape(big, shape, self.rim,
                                            (round(dx * rim), self.tall * SUPER),
                                            round(dy * rim)))

    def _paint(self, big: pygame.Surface, shapes: Sequence[Shape], color: Color) -> None:
        """A piece, over every rim (see _rim)."""
        for shape in shapes:
            self._reached.append(_shape(big, shape, color, (0, self.tall * SUPER)))

    def _on_drawing(self, shapes: Sequence[Shape]) -> list[Shape]:
        """The shapes with their points (in his heights, x from the pair's centre, y up from
        the floor) placed on the drawing surface (its top left at this frame's corner): once
        a frame, for the rims and the shapes over them."""
        (left, top), tall = self._corner, self.tall
        return [(kind, [((x - left) * tall * SUPER, (top - y) * tall * SUPER)
                        for x, y in points], size) for kind, points, size in shapes]


def _rgb(value: Any) -> Color:
    """A curator's colour as red, green, blue."""
    color = pygame.Color(value)
    return color.r, color.g, color.b


def _shape(big: pygame.Surface, shape: Shape, color: Color, moved: tuple[int, float],
           down: int = 0) -> pygame.Rect:
    """One shape drawn on `big` (its points placed on it: see OldEmbrace._on_drawing), `moved`
    pixels across (and `down` pixels down); its size in pixels a height: the pixels it drew
    on."""
    kind, points, size = shape
    dx, unit = moved
    placed = [(x + dx, y + down) for x, y in points]
    scale = size * unit
    if kind == "poly":
        return pygame.draw.polygon(big, color, placed)
    if kind == "disc":
        return pygame.draw.circle(big, color, placed[0], scale)
    width = max(1, round(scale))
    line = pygame.draw.lines(big, color, False, placed, width)
    return line.unionall([pygame.draw.circle(big, color, spot, width / 2) for spot in placed])


def bands(reached: Sequence[pygame.Rect], size: tuple[int, int]) -> list[pygame.Rect]:
    """Rows BAND at a time of a picture of `size`, each from the first column to the last that
    the pixels `reached` (SUPER times larger) touch in it: all their smoothing need cover."""
    width, height = size
    rows = BAND * SUPER
    spans: dict[int, tuple[int, int]] = {}
    for rect in reached:
        if rect.width <= 0 or rect.height <= 0:
            continue
        for row in range(max(0, rect.top) // rows, (rect.bottom - 1) // rows + 1):
            low, high = spans.get(row, (rect.left, rect.right))
            spans[row] = (min(low, rect.left), max(high, rect.right))
    found = []
    for row, (low, high) in sorted(spans.items()):
        x0, x1 = max(0, low // SUPER), min(width, -(-high // SUPER))
        y0, y1 = row * BAND, min(height, (row + 1) * BAND)
        if x1 > x0 and y1 > y0:
            found.append(pygame.Rect(x0, y0, x1 - x0, y1 - y0))
    return found


def _figure(body: Body) -> list[Shape]:
    """One of them, the near arm aside: legs and feet, her skirt, the torso, neck and head."""
    t = body.tall
    shapes: list[Shape] = []
    forward, lift = body.swing
    placed = ((-STANCE, 0.0), (STANCE + forward, lift))  # (the near foot steps)
    for step, up in placed:  # (the feet first, then the legs)
        shapes.append(("poly", [body.at(step + f, up + u) for f, u in SHOE], 0.0))
    shapes.extend(("poly", _leg(body, step, up), 0.0) for step, up in placed)
    hem = HEMS[body.facing < 0]  # her skirt to below the knee, his coat to the knee
    shapes.append(("poly", soft([body.along(0.2, -0.085), body.along(0.2, 0.09),
                                 body.at(hem[1], hem[0]), body.at(-hem[1], hem[0])]), 0.0))
    shapes.append(("poly", soft([body.along(-0.05, -0.085), body.along(0.55, -0.1),
                                 body.along(0.9, -0.075), body.along(1.04, -0.01),
                                 body.along(0.99, 0.05), body.along(0.7, 0.095),
                                 body.along(0.3, 0.09), body.along(-0.05, 0.085)]), 0.0))
    head = body.head()
    shapes.append(("line", [body.along(0.96, 0.005), head], 0.055 * t))
    shapes.append(("poly", _on_head(body, PROFILE), 0.0))
    return shapes


def _leg(body: Body, step: float, up: float) -> list[Point]:
    """A leg in profile from the hip to the ankle over a foot `step` forward and `up` lifted:
    the thigh wide, the knee bent a little forward (more as the foot lifts), the calf full
    behind the shin, tapering to a narrow ankle (straight and as wide all down, the two legs
    stood as one pillar under the coat and skirt)."""
    hip = (body.hip()[0] - body.x) * body.facing / body.tall
    knee = (lerp(hip, step, 0.5) + KNEE_BEND + up * KNEE_LIFT, lerp(HIP, up, 0.45))
    calf = (lerp(knee[0], step, CALF), lerp(knee[1], ANKLE + up, CALF))
    shin = (lerp(knee[0], step, 0.5), lerp(knee[1], ANKLE + up, 0.5))
    outline = [(hip + LEG[0], HIP), (knee[0] + LEG[1], knee[1]), (shin[0] + LEG[2], shin[1]),
               (step + LEG[4], ANKLE + up), (step - LEG[4], ANKLE + up),
               (calf[0] - LEG[3], calf[1]), (knee[0] - LEG[1], knee[1] + 0.02),
               (hip - LEG[0], HIP)]
    return soft([body.at(f, u) for f, u in outline], 1)


def _on_head(body: Body, outline: Sequence[Point]) -> list[Point]:
    """An outline in head radii (x towards the face, y up) on their head as it is: bowed,
    and turned out to the window (the face's profile drawn in towards a front view)."""
    hx, hy = body.head()
    r = HEAD_R * body.tall
    tilt = -body.nod * NOD_TILT
    cos, sin = math.cos(tilt), math.sin(tilt)
    placed = []
    for x, y in outline:
        x = x * (1 - body.turn) + max(-FRONT, min(FRONT, x)) * body.turn
        rx, ry = x * cos - y * sin, x * sin + y * cos
        placed.append((hx + body.facing * rx * r, hy + ry * r))
    return placed


def _hair(body: Body, bald: bool) -> list[Shape]:
    """Grey hair in the lamp's light: his cropped and combed back (see FRINGE), hers swept
    up into a bun at the back."""
    if bald:
        return [("poly", _on_head(body, FRINGE), 0.0)]
    bun = _on_head(body, [BUN])[0]
    return [("poly", _on_head(body, SWEPT), 0.0), ("disc", [bun], BUN_R * HEAD_R * body.tall)]


def soft(points: Sequence[Point], cuts: int = SOFT) -> list[Point]:
    """A closed outline with its corners cut `cuts` times (CUT of each side off each end):
    rounded shoulders, hips and hems."""
    placed = list(points)
    for _ in range(cuts):
        pairs = zip(placed, placed[1:] + placed[:1], strict=True)
        placed = [spot for (ax, ay), (bx, by) in pairs
                  for spot in (((1 - CUT) * ax + CUT * bx, (1 - CUT) * ay + CUT * by),
                               (CUT * ax + (1 - CUT) * bx, CUT * ay + (1 - CUT) * by))]
    return placed


def _arm(body: Body, hand: Point, other: Body) -> list[Shape]:
    """The near arm, from the shoulder to where the hand is (bent at the elbow), the hand;
    round the other's back, its elbow comes forward and down between them (reaching past
    them at full stretch, it read as a stiff bar across the gap)."""
    shoulder = body.along(0.93, 0.0)
    joint, reached = arm(shoulder, hand)
    front = other.along(0.45, 0.0)[0]
    k = min(1.0, max(0.0, (reached[0] - front) * body.facing / (ROUNDING * other.tall)))
    joint = (joint[0] + body.facing * ROUND_ELBOW[0] * k * body.tall,
             joint[1] - ROUND_ELBOW[1] * k * body.tall)
    reached = (lerp(reached[0], hand[0], k), lerp(reached[1], hand[1], k))  # (round them,
    # the arm is foreshortened: the hand gets there)
    fingers = (reached[0] - body.facing * HAND_ROUND[0] * k * body.tall,
               reached[1] - HAND_ROUND[1] * k * body.tall)
    return [("line", [shoulder, joint, reached], LIMB * body.tall),
            ("line", [reached, fingers], 0.056 * body.tall)]


def _stick(body: Body) -> list[Shape]:
    """His walking stick, in his far hand at his hip, planted in front of his feet."""
    hand = body.at(0.1, 0.5)
    crook = body.at(0.135, 0.52)
    return [("line", [body.along(0.9, 0.0), body.at(0.03, 0.6), hand], LIMB * 0.9),
            ("line", [crook, hand, body.at(0.16, 0.0)], STICK)]
