"""Under the tar: bones of forty thousand years in layers, fainter the deeper they lie, and
the city's things half sunk in its surface, the tar heaped round them and clinging to them."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Generator, Mapping
from typing import Any

import pygame

from installation.visuals.base import (
    HOUR,
    Color,
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    mix,
    s_curve,
    stable_seed,
)
from installation.visuals.mammoth import rounded
from installation.visuals.mire import Wading, sky_over
from installation.visuals.palette import light_at
from installation.visuals.shapes import across, in_tar
from installation.visuals.tarpit import dome

STRATA = 7  # bands of older and older tar
NEAREST = 1.0  # the bones nearest the surface: this much of the bone colour, the rest tar
DEEPEST = 0.7  # how much of that the lowest layer keeps (legible still, on a gallery screen)
BONE_ALPHA = 235  # how much of a bone shows over the tar round it
BODY = 0.5  # a bone's body, soaked in the tar: this much of its colour
GLOSS = (34, 34, 34)  # and the sheen along its upper edges, added to its colour
EDGE = 0.06  # how deep that edge, in the bone's sizes
BONES = 14  # bones in all the strata at amount 1: fewer, larger, each one legible
BONE_SIZE = (0.04, 0.07)  # a bone's half length, in the picture's heights
HEAP, HEAPED = 0.07, 2  # bones lie in heaps this much of the width either side of their
# middle, one heap to this many strata (spread evenly across, they read as clip-art)
SOCKET = (0, 0, 0, 0)  # a skull's eye socket: a hole the tar shows through
STRATUM_BAND = ((60, 44, 30), 0.12, 0.16)  # the strata's banding: its colour, how much of it in
# the upper of each pair of bands, and how much more in the lower
SURFACE_FADE = 0.8  # the newest stratum fades in from the open tar over this share of it
SEAM_TONE, SEAM_ALPHA = 0.32, 180  # the line at the top of each stratum: of the bone colour
SEAM_ROWS = 300  # and its thickness: a picture this many rows high has it a pixel
SEAM_WAVE, SEAM_KNOTS = 0.3, 28  # it wanders up and down this much of a stratum, through
# this many points across (ruled straight, the strata read as a notebook's lines)
SEAM_TILT, SEAM_BREAKS = 0.5, 0.25  # how far it tilts across the picture, in a stratum's
# height, and the share of its stretches gone
STRATUM_THICK = (0.5, 1.5)  # how thick a stratum is, against the others' mean
BONE_REACH = 1.8  # how far a bone (a ribcage's ribs, lying back) reaches from its middle, in
# its sizes
BONE_TILT = (-50.0, 50.0)  # degrees a bone came to rest at (turned anticlockwise: positive)
SKULL_SIZE = 1.3  # a skull is laid this much larger than a bone of its size (a massive head)
SKULL_TILT = (-15.0, 15.0)  # and a skull: near level, its tusk out in front (turned back, it
# curled over the skull, a "6")
BONE_SHOWS, BONE_SUNK = 0.5, 0.35  # a bone shows whole down to this share of its height, then
# goes down into the tar, to this much of its colour and alpha at its lowest row
RIB_WIDTH = 0.12  # a rib's width at the spine, in the cage's sizes (a third of it at its tip)
RIB_BOW = 0.28  # how far a rib's middle bows out from its chord, in its lengths
RIB_LEAN = 0.7  # how far back a rib's tip lies from its root, in its lengths
RIBS, RIB_GONE = 8, 0.4  # ribs a side, and the share of them gone
RIB_LEFT = (0.55, 1.0)  # how much of a rib is left: most broken off
SPINE_ARCH = 0.12  # how far the spine's middle rises over its ends, in the cage's sizes
VERTEBRAE = 7  # bodies along it (a few gone from its end)
# A thigh bone in its sizes, lying along: the ball of its head turned up on its neck and the
# knob of the hip's grip below it at the left end, the shaft, the knee's two broad knuckles
FEMUR = ((-0.6, -0.08), (-0.74, -0.2), (-0.84, -0.34), (-0.98, -0.36), (-1.06, -0.24),
         (-0.98, -0.12), (-0.96, 0.04), (-0.86, 0.16), (-0.66, 0.1), (0.0, 0.07), (0.56, 0.1),
         (0.76, 0.2), (0.94, 0.22), (1.02, 0.12), (0.97, 0.0), (1.02, -0.12), (0.94, -0.22),
         (0.76, -0.18), (0.56, -0.09), (0.0, -0.06))
SHAFT = 0.07  # its shaft's half width: how deep the jag where one snapped
BROKEN_BONE = 0.35  # the share of long bones snapped
# A mammoth's skull in profile, facing left, in its sizes (y down): the cranium, from the back
# of the jaw up over the high dome and down the forehead to the tusks' long sheaths; the jaw
CRANIUM = ((0.45, 0.25), (0.56, -0.1), (0.44, -0.55), (0.16, -0.82), (-0.14, -0.74),
           (-0.26, -0.5), (-0.36, -0.34), (-0.46, -0.1), (-0.56, 0.3), (-0.5, 0.52),
           (-0.28, 0.56), (-0.14, 0.3), (0.1, 0.2), (0.3, 0.35))
JAW = ((-0.12, 0.3), (0.36, 0.3), (0.42, 0.5), (0.18, 0.62), (-0.06, 0.54))
SKULL_TUSK = ((-0.38, 0.3), (-1.1, 0.5), (-1.6, -0.3))  # from inside its sheath, through,
# to its tip: out forward, down and up again; it leaves the skull well above the jaw, as wide
# as the sheath (rooted low and thin, in the tar the lower rows fade into, it read as apart)
TUSK_ROOT, TUSK_END = 0.36, 0.08  # across the tusk at its sheath and at its tip
IVORY, IVORY_SHARE = (215, 200, 170), 0.2  # the tusk a little paler than the skull it leaves
ORBIT, ORBIT_SIZE = (0.04, -0.12), 0.11  # the eye socket, behind the forehead
NOSTRIL, NOSTRIL_SIZE = (-0.2, -0.5), 0.08  # the trunk's opening, high on the forehead
# A sabre-tooth's skull facing right: long and low, a crest along its crown, a short face; its
# lower jaw dropped wide open under the long fang
SABRE = ((-0.7, 0.0), (-0.62, -0.22), (-0.3, -0.42), (0.1, -0.38), (0.42, -0.24),
         (0.62, -0.08), (0.66, 0.1), (0.46, 0.14), (0.2, 0.1), (-0.3, 0.14))
SABRE_JAW = ((-0.56, 0.0), (-0.3, 0.06), (0.1, 0.46), (0.2, 0.56), (0.1, 0.62), (-0.1, 0.46),
             (-0.52, 0.24))
FANG = ((0.4, 0.08), (0.48, 0.4), (0.36, 0.72))  # from its root down, curving back
SABRE_ORBIT, SABRE_ARCH = (0.3, -0.14), (-0.1, 0.0)  # its eye socket, and the hole its cheek
# arch spans
COIL_TURNS = 7  # turns of the handset's coiled cord
DIAL = 1.5  # a watch's dial is this much lighter than its case
SHEEN_SECONDS = 24.0  # a slow glint of light moving through the tar over the bones
SHEEN = (28, 24, 18)
REMAINS_GREY, REMAINS_TINT = (110, 110, 112), 0.5  # steel and plastic: greyer than bone
REMAINS_DULL = 0.5  # and dulled this much towards the tar (it has been through fire and tar)
SOFTEN, SOFT_HEIGHT = 2, 1080  # the older layers are shrunk this many times and enlarged
# (seen through the tar) in a picture this many rows high
SUPERSAMPLE = 3  # the city's things are drawn this much larger and shrunk, for soft edges
STAINED = 0.55  # a thing's colour just over the tar, of its own (darker towards the tar)
THING_DRIPS = 0.25  # tar runs up a smooth thing in low streaks (fur holds it higher)
WADE = 2.6  # the tar heaps round a thing as round an animal this many times its height
BUBBLES = 3  # bubbles of gas swelling in the tar beside each thing
BUBBLE_TAR = (46, 34, 22)  # their skin: the tar, glossy and a little browner than it lies
BUBBLE_SIZE = (0.003, 0.007)  # their radius, in the picture's heights
Rgba = tuple[int, int, int, int]
Pen = Callable[[pygame.Surface, float, float, Rgba, random.Random], None]


def long_bone(image: pygame.Surface, c: float, s: float, color: Rgba,
              rng: random.Random) -> None:
    """A thigh bone (see FEMUR), a third of them snapped: a jagged end where the rest is gone
    (a bar with round knobs at its ends read as a cartoon dog's bone)."""
    outline(image, c, s, color, FEMUR)
    if rng.random() < BROKEN_BONE:
        cut = c + s * rng.uniform(-0.2, 0.5)
        jag = s * SHAFT
        pygame.draw.polygon(image, SOCKET, [(cut, c - s), (cut - jag, c - jag), (cut + jag * 0.5,
                                            c), (cut - jag * 0.5, c + jag), (cut, c + s),
                                            (c + 2 * s, c + s), (c + 2 * s, c - s)])


def ribs(image: pygame.Surface, c: float, s: float, color: Rgba, rng: random.Random) -> None:
    """What is left of a ribcage: a few vertebrae of the spine in a shallow curve, and a few of
    its ribs still on it, each a curved bone tapering to its tip, most broken off short, the
    rest gone (whole and even, they read as a fishbone)."""
    width = max(2.0, s * RIB_WIDTH)
    kept = VERTEBRAE - rng.randrange(3)
    for n in range(kept):  # the spine's bodies: blocks, not knobs standing on a line
        x, y = along_spine(c, s, (n + 0.5) / VERTEBRAE)
        pygame.draw.ellipse(image, color, (x - s * 0.13, y - width * 0.8, s * 0.24,
                                           width * 1.6))
    for n in range(RIBS):
        t = (n + 0.5) / RIBS
        if t > kept / VERTEBRAE or rng.random() < RIB_GONE:
            continue
        x, y = along_spine(c, s, t)
        length = s * (0.5 + 0.6 * math.sin(math.pi * t)) * rng.uniform(*RIB_LEFT)
        bow = length * RIB_BOW  # how far its middle stands off the line from root to tip
        tip = (x + length * RIB_LEAN, y + length)
        middle = (x + bow + length * RIB_LEAN / 2, y + length * 0.5)
        taper(image, [(x, y), middle, tip], width, max(1.0, width * 0.35), color)


def along_spine(c: float, s: float, t: float) -> tuple[float, float]:
    """The point `t` (0..1) of the way along a ribcage's spine, from its left end."""
    return c - s + 2 * s * t, c - s * 0.5 - s * SPINE_ARCH * math.sin(math.pi * t)


def taper(image: pygame.Surface, through: list[tuple[float, float]], root: float, tip: float,
          color: Rgba) -> None:
    """A bone along a smooth curve through three points (a quadratic through the middle one),
    `root` pixels across at its first end, narrowing to `tip` at its last: discs along it."""
    (x0, y0), (x1, y1), (x2, y2) = through
    cx, cy = 2 * x1 - (x0 + x2) / 2, 2 * y1 - (y0 + y2) / 2  # the control point for it
    steps = max(4, round(math.hypot(x2 - x0, y2 - y0)))
    for n in range(steps + 1):
        t = n / steps
        x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x2
        y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y2
        pygame.draw.circle(image, color, (x, y), max(1.0, (root + (tip - root) * t) / 2))


def outline(image: pygame.Surface, c: float, s: float, color: Rgba,
            points: tuple[tuple[float, float], ...]) -> None:
    """A closed outline in a bone's sizes (y down) round (c, c), its corners rounded twice."""
    pygame.draw.polygon(image, color, [(c + s * x, c + s * y)
                                       for x, y in rounded(rounded(points))])


def skull(image: pygame.Surface, c: float, s: float, color: Rgba, rng: random.Random) -> None:
    """A mammoth's skull in profile (see `mammoth_skull`), or a sabre-tooth's with its fang;
    each with a dark eye socket (without one they read as a mushroom, a jellyfish; face on,
    a mammoth's read as a round face with its arms raised)."""
    if rng.random() < 0.55:
        mammoth_skull(image, c, s, color)
        return
    outline(image, c, s, color, SABRE)
    outline(image, c, s, color, SABRE_JAW)
    taper(image, [(c + s * x, c + s * y) for x, y in FANG], s * 0.13, s * 0.03, color)
    for hole, size in ((SABRE_ORBIT, 0.13), (SABRE_ARCH, 0.1)):
        pygame.draw.circle(image, SOCKET, (c + s * hole[0], c + s * hole[1]), max(1.0, s * size))


def mammoth_skull(image: pygame.Surface, c: float, s: float, color: Rgba) -> None:
    """A mammoth's skull facing left, `s` its size, round (c, c): its high domed cranium, the
    long sheaths of its tusks running down to the jaw, a long tusk paler than the skull
    curving out of its socket forward, down and up again, the eye socket dark (a short tusk
    curling up over a small dome read as a '6')."""
    outline(image, c, s, color, CRANIUM)
    outline(image, c, s, color, JAW)
    root, middle, tip = [(c + s * x, c + s * y) for x, y in SKULL_TUSK]
    ivory = (*mix(color[:3], IVORY, IVORY_SHARE), color[3])
    taper(image, [root, middle, tip], s * TUSK_ROOT, s * TUSK_END, ivory)
    for hole, size in ((ORBIT, ORBIT_SIZE), (NOSTRIL, NOSTRIL_SIZE)):
        pygame.draw.circle(image, SOCKET, (c + s * hole[0], c + s * hole[1]), max(1.0, s * size))


def car(image: pygame.Surface, c: float, s: float, color: Rgba, rng: random.Random) -> None:
    """A long 1980s sedan gone down into the tar: trunk, cabin and hood, the windows empty."""
    body = [(-1.0, 0.06), (-0.98, -0.12), (-0.56, -0.16), (-0.38, -0.42), (0.2, -0.42),
            (0.42, -0.16), (0.98, -0.11), (1.0, 0.06)]
    pygame.draw.polygon(image, color, [(c + s * x, c + s * y) for x, y in body])
    for window in (((-0.33, -0.2), (-0.24, -0.37), (-0.08, -0.37), (-0.08, -0.2)),
                   ((-0.02, -0.2), (-0.02, -0.37), (0.16, -0.37), (0.32, -0.2))):
        pygame.draw.polygon(image, (0, 0, 0, 0), [(c + s * x, c + s * y) for x, y in window])
    for x in (-0.62, 0.62):
        wheel = (int(c + s * x), int(c + s * 0.08))
        pygame.draw.circle(image, color, wheel, max(2, int(s * 0.19)))
        pygame.draw.circle(image, (0, 0, 0, 0), wheel, max(1, int(s * 0.07)))


def receiver(image: pygame.Surface, c: float, s: float, color: Rgba,
             rng: random.Random) -> None:
    """A payphone's handset fallen on its back: the handle, the ear and mouth cups flaring up
    at its ends with their round faces, and its coiled cord going down into the tar (a bar
    with a knob at each end read as a bone)."""
    pygame.draw.line(image, color, (c - s * 0.6, c), (c + s * 0.6, c), max(1, int(s * 0.2)))
    for end in (-1, 1):
        x = c + end * s * 0.6
        pygame.draw.polygon(image, color, [(x - s * 0.15, c + s * 0.1), (x + s * 0.15,
                                                                         c + s * 0.1),
                                           (x + s * 0.24, c - s * 0.3), (x - s * 0.24,
                                                                         c - s * 0.3)])
        pygame.draw.ellipse(image, color, (x - s * 0.24, c - s * 0.37, s * 0.48, s * 0.14))
    coil = [(c + s * (0.75 + 0.6 * t) + s * 0.08 * math.cos(t * COIL_TURNS * 2 * math.pi),
             c + s * (0.05 + 0.4 * t) + s * 0.1 * math.sin(t * COIL_TURNS * 2 * math.pi))
            for t in (n / 80 for n in range(81))]
    pygame.draw.lines(image, color, False, coil, max(1, int(s * 0.07)))


def watch(image: pygame.Surface, c: float, s: float, color: Rgba, rng: random.Random) -> None:
    """A wristwatch face on, its strap across (upright, with the case at its foot, it read as
    a plunger): the round case, its pale dial with the quarter hours marked, and the hands on
    it stopped at a quarter past five."""
    pygame.draw.rect(image, color, (c - s * 0.85, c - s * 0.13, s * 1.7, s * 0.26),
                     border_radius=max(1, int(s * 0.06)))
    pygame.draw.circle(image, color, (int(c), int(c)), max(2, int(s * 0.36)))
    dial = (*(min(255, round(v * DIAL)) for v in color[:3]), color[3])
    pygame.draw.circle(image, dial, (int(c), int(c)), max(1, int(s * 0.28)))
    hands = (*(round(v * 0.3) for v in color[:3]), color[3])
    for quarter in range(4):
        angle = quarter * math.pi / 2
        pygame.draw.line(image, hands, (c + math.cos(angle) * s * 0.2,
                                        c + math.sin(angle) * s * 0.2),
                         (c + math.cos(angle) * s * 0.27, c + math.sin(angle) * s * 0.27),
                         max(1, int(s * 0.04)))
    for turn, length in ((5.25 / 12, 0.15), (15 / 60, 0.23)):  # hour, minute
        angle = 2 * math.pi * turn - math.pi / 2
        pygame.draw.line(image, hands, (c, c), (c + math.cos(angle) * s * length,
                                                c + math.sin(angle) * s * length),
                         max(1, int(s * 0.06)))
    for hole in range(3):  # the strap's holes
        x = c + s * (0.5 + 0.1 * hole)
        pygame.draw.circle(image, hands, (int(x), int(c)), max(1, int(s * 0.025)))


def lay(image: pygame.Surface, pen: Pen, x: float, y: float, size: float, color: Rgba,
        rng: random.Random, tilt: tuple[float, float] = BONE_TILT) -> None:
    """Draw a bone as it came to rest, centred on (x, y), turned by an angle within `tilt`
    (degrees), its lower part going down into the tar."""
    side = int(size * 4) + 2
    piece = pygame.Surface((side, side), pygame.SRCALPHA)
    pen(piece, side / 2, size, color, rng)
    turned = tarred(pygame.transform.rotate(piece, rng.uniform(*tilt)), size)
    box = turned.get_bounding_rect()
    sinking = stain(turned.subsurface(box), box.height, round(box.height * BONE_SHOWS),
                    BONE_SUNK, fade=True)  # its lower part in the tar
    image.blit(sinking, (int(x - turned.get_width() / 2) + box.x,
                         int(y - turned.get_height() / 2) + box.y))


def tarred(bone: pygame.Surface, size: float) -> pygame.Surface:
    """A bone as the tar keeps it: its body stained down towards brown-black, the light caught
    only along its upper edges, a sheen on the tar it is soaked in (drawn in its bone colour
    whole, it glowed orange)."""
    body = bone.copy()
    body.fill((*(round(255 * BODY),) * 3, 255), special_flags=pygame.BLEND_RGBA_MULT)
    lit = bone.copy()
    lit.fill((*GLOSS, 0), special_flags=pygame.BLEND_RGB_ADD)
    lit.blit(body, (0, max(1, round(size * EDGE))))
    return lit


SHAPES: tuple[Pen, ...] = (long_bone, long_bone, ribs, skull, skull)
# The city's things in the newest layer, in the order `remains` adds them: their sizes against
# a bone's, where they lie across the picture (clear of its middle, where a figure stands) and
# the share of each under the tar.
REMAINS: tuple[tuple[Pen, float, float, float, float], ...] = (
    (car, 2.6, 0.2, 0.45, 1.1), (receiver, 2.2, 0.7, 0.35, 1.6), (watch, 2.2, 0.86, 0.2, 0.9))
# (how far each reaches from its middle, in its sizes, as drawn by its pen)
REMAINS_TILT = 14  # degrees: they sank more or less level
THING_SIZE = 0.045  # a thing's size of 1, in the picture's heights
ACROSS_JITTER = 0.03  # how far a thing lies from its place across, in the picture's widths
CLEAR_BANDS = 3  # the bands the city's things go down into, and one more: no bone by one
BONE_ROOM = 0.05  # (nor this near one, in the picture's heights: a bone's half, mostly)


class Bones(Split):
    """A cut through the tar below its surface: dark strata, and bones lying in each."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the strata and their bones, then each of the city's things."""
        width, height = setup.size
        self.top = int(height * params["y"])
        self.seed = setup.timeline.seed
        self.image = yield from self._strata((width, height - self.top), params, setup)
        yield
        self.sheen = sheen_band(max(8, width // 5), height - self.top)
        surface_fade(self.sheen, (height - self.top) // STRATA)
        yield
        sky = sky_over(setup) or light_at(setup.scene.at / HOUR).top
        tar: Color = params["tar"]
        dull = mix(mix(params["color"], REMAINS_GREY, REMAINS_TINT), tar, REMAINS_DULL)
        rng = random.Random(stable_seed(self.seed, "remains"))
        for thing in REMAINS[:round(params["remains"] * len(REMAINS))]:
            yield from self._remains(thing, (height - self.top) / STRATA, height,
                                     (dull, tar, sky), rng)

    def _strata(self, size: tuple[int, int], params: Mapping[str, Any],
                setup: Setup) -> Generator[None, None, pygame.Surface]:
        """The bands of older and older tar, then the bones in each, seen through the tar (the
        bands a piece, then a band's bones a piece)."""
        height = setup.height
        width, depth = size
        image = pygame.Surface(size, pygame.SRCALPHA)
        waves = random.Random(stable_seed(self.seed, "strata"))
        tar: Color = params["tar"]
        bone: Color = params["color"]
        count = round(BONES * params["amount"])
        taken = remains_spans(width, height, round(params["remains"] * len(REMAINS)))
        figures = standing(setup)
        lines = self.lines = strata(width, depth, waves)
        for layer in range(STRATA):  # the bands first: a band laid over the one above cut off
            band = mix(tar, STRATUM_BAND[0], STRATUM_BAND[1] + STRATUM_BAND[2] * (layer % 2))
            pygame.draw.polygon(image, (*band, 90), lines[layer] + lines[layer + 1][::-1])
            if layer == 0:  # the newest under the open tar: no seam, faded in (ruled, its top
                surface_fade(image, depth // STRATA)  # edge cut the tar's mirror off)
                continue
            seam(image, lines[layer], (*mix(tar, bone, SEAM_TONE), SEAM_ALPHA),
                 max(1, height // SEAM_ROWS), waves)
        yield
        for layer in range(STRATA):
            y0 = sum(y for _x, y in lines[layer]) / len(lines[layer])
            thick = sum(y for _x, y in lines[layer + 1]) / len(lines[layer + 1]) - y0
            shade = mix(tar, bone, NEAREST * (1.0 - (1.0 - DEEPEST) * layer / (STRATA - 1)))
            per = -(-count // STRATA)  # (none at all for an amount of 0)
            heap = random.Random(stable_seed(self.seed, "heap", layer // HEAPED)).random()
            for slot in range(per):  # in heaps, one to each few strata, jumbled together
                rng = random.Random(stable_seed(self.seed, "bones", layer, slot))  # (the same
                # whether or not a bone before it was left out for a thing of the city's)
                x = ((heap + HEAP * rng.uniform(-1, 1)) % 1.0 * 0.96 + 0.02) * width
                y = y0 + rng.uniform(0.2, 0.85) * thick
                scale = height * rng.uniform(*BONE_SIZE) * (1.0 - 0.4 * layer / STRATA)
                moved = beside(x, self.top + y, scale * BONE_REACH, figures)
                if moved is not None:
                    x = moved
                reach = scale * BONE_REACH
                if layer < CLEAR_BANDS and any(a - reach < x < b + reach for a, b in taken):
                    continue  # a bone by a half-sunk car read as a blot stuck to it
                pen = rng.choice(SHAPES)
                lay(image, pen, x, y, scale * (SKULL_SIZE if pen is skull else 1.0),
                    (*shade, BONE_ALPHA), rng, SKULL_TILT if pen is skull else BONE_TILT)
            yield
        return (yield from soften(image, height))

    def _remains(self, thing: tuple[Pen, float, float, float, float], y: float, height: int,
                 colors: tuple[Color, Color, Color], rng: random.Random) -> Pieces:
        """One of the newest things in the tar, half sunk in it just below its surface line
        (`y` rows under the image's top at most), where it lies across the picture: `colors`
        are its own, the tar's and the sky's. Three pieces: the thing tilted, shrunk, then the tar
        round it."""
        pen, size, across, under, reach = thing
        shade, tar, sky = colors
        x = self.image.get_width() * (across + rng.uniform(-ACROSS_JITTER, ACROSS_JITTER))
        drawn = yield from draw_thing(pen, height * THING_SIZE * size, reach, shade, rng)
        visible = max(1, round(drawn.get_height() * (1 - under)))
        yield
        line = int(max(y, visible + 2))  # its top under the surface line, not cut by it
        wading = Wading(drawn, drawn.get_height() * WADE, stable_seed(self.seed, pen.__name__),
                        stain(drawn, visible), THING_DRIPS)
        half_sunk(self.image, drawn, (int(x - drawn.get_width() / 2), line), visible, wading,
                  sky)
        for _ in range(BUBBLES):
            beside = x + drawn.get_width() * rng.choice((-1, 1)) * rng.uniform(0.45, 0.8)
            dome(self.image, (int(beside), int(line + rng.uniform(0, 0.5) * y)),
                 height * rng.uniform(*BUBBLE_SIZE), mix(tar, BUBBLE_TAR, 0.5))
        yield

    def look(self, frame: Frame) -> None:
        """The bones and strata never change (the glint is the moving part)."""
        return None

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The strata and the bones."""
        surface.blit(self.image, (0, self.top))

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """A slow glint drifts through the tar and lights what lies in it."""
        band = self.sheen.get_width()
        travel = surface.get_width() + band
        x = int((frame.seconds / SHEEN_SECONDS) % 1.0 * travel) - band
        surface.blit(self.sheen, (x, self.top), special_flags=pygame.BLEND_RGB_ADD)


def standing(setup: Setup) -> list[tuple[float, float, float]]:
    """The figures standing in the tar in this scene: how far across each can reach and its
    feet line, in pixels."""
    return [(*across(spec.params, setup.size), setup.height * spec.params["y"])
            for spec in setup.scene.layers
            if spec.type == "silhouette" and in_tar(spec.params)]


def beside(x: float, y: float, reach: float,
           figures: list[tuple[float, float, float]]) -> float | None:
    """Where a bone centred on (x, y) of the picture, reaching `reach` from its middle, lies
    clear of the figures standing in the tar: moved across to the nearer side of one it would
    lie under (None: it lies clear where it is). Right under her, it read as her own body."""
    for left, right, feet in figures:
        if left - reach < x < right + reach and y - reach < feet + reach:
            return left - reach if x - left < right - x else right + reach
    return None


def surface_fade(image: pygame.Surface, rows: int) -> None:
    """Fade the top of the strata (or of the light through them) in over SURFACE_FADE of
    `rows`: its alpha multiplied (with per-pixel alpha), else its colour."""
    width = image.get_width()
    fade = max(1, round(rows * SURFACE_FADE))
    alpha = bool(image.get_flags() & pygame.SRCALPHA)
    for y in range(fade):
        keep = round(255 * s_curve(y / fade))
        image.fill((255, 255, 255, keep) if alpha else (keep, keep, keep), (0, y, width, 1),
                   special_flags=pygame.BLEND_RGBA_MULT if alpha else pygame.BLEND_RGB_MULT)


def strata(width: int, depth: int, rng: random.Random) -> list[list[tuple[float, float]]]:
    """The lines between the strata, from the surface (row 0) down to the foot (`depth`): the
    bands of uneven thickness, each line tilted a little and wandering up and down through
    knots unevenly spaced across, never crossing the one above (evenly spaced and level, they
    read as a notebook's ruled lines)."""
    xs = [0.0, *sorted(rng.uniform(0, width) for _ in range(SEAM_KNOTS - 1)), float(width)]
    weights = [rng.uniform(*STRATUM_THICK) for _ in range(STRATA)]
    lines = [[(x, 0.0) for x in xs]]
    done = 0.0
    for weight in weights[:-1]:
        done += weight
        base = depth * done / sum(weights)
        band = depth / STRATA
        tilt = band * rng.uniform(-SEAM_TILT, SEAM_TILT)
        lines.append([(x, min(depth - 2.0, max(above + 2, base + tilt * (x / width - 0.5)
                                                + band * SEAM_WAVE * rng.uniform(-1, 1))))
                      for x, (_x, above) in zip(xs, lines[-1], strict=True)])
    lines.append([(x, float(depth)) for x in xs])
    return lines


def seam(image: pygame.Surface, line: list[tuple[float, float]], color: Rgba, thick: int,
         rng: random.Random) -> None:
    """The line where one stratum was laid on the last, along `line`, broken here and there
    where the tar between them was stirred."""
    for a, b in zip(line, line[1:], strict=False):
        if rng.random() >= SEAM_BREAKS:
            pygame.draw.line(image, color, a, b, thick)


def remains_spans(width: int, height: int, count: int) -> list[tuple[float, float]]:
    """Where the first `count` of the city's things can lie across the picture, in pixels,
    with room for a bone's half either side."""
    spans = []
    for _, size, place, _, reach in REMAINS[:count]:
        half = height * (THING_SIZE * size * reach + BONE_ROOM) + width * ACROSS_JITTER
        spans.append((width * place - half, width * place + half))
    return spans


def soften(image: pygame.Surface, height: int) -> Generator[None, None, pygame.Surface]:
    """The picture with soft edges, as things seen through the tar are (shrunk and enlarged:
    by SOFTEN at 1080 rows, in proportion to the picture's `height`), pausing between the
    two; returns it."""
    times = round(SOFTEN * height / SOFT_HEIGHT)
    if times < 2:
        return image
    width, rows = image.get_size()
    small = pygame.transform.smoothscale(image, (max(1, width // times), max(1, rows // times)))
    yield
    return pygame.transform.smoothscale(small, (width, rows))


def draw_thing(pen: Pen, size: float, reach: float, color: Color,
               rng: random.Random) -> Generator[None, None, pygame.Surface]:
    """A thing (reaching `reach` sizes from its middle) drawn large, tilted up to REMAINS_TILT
    degrees either way and shrunk: soft-edged, cut to what it covers (pausing once it is
    tilted); returns it."""
    side = int(size * reach * 2 * SUPERSAMPLE) + 2 * SUPERSAMPLE
    piece = pygame.Surface((side, side), pygame.SRCALPHA)
    pen(piece, side / 2, size * SUPERSAMPLE, (*color, 255), rng)
    turned = pygame.transform.rotate(piece, rng.uniform(-REMAINS_TILT, REMAINS_TILT))
    yield
    small = pygame.transform.smoothscale(turned, (max(1, turned.get_width() // SUPERSAMPLE),
                                                  max(1, turned.get_height() // SUPERSAMPLE)))
    return small.subsurface(small.get_bounding_rect().inflate(2, 2).clip(small.get_rect()))


def stain(thing: pygame.Surface, visible: int, start: int = 0, floor: float = STAINED,
          fade: bool = False) -> pygame.Surface:
    """The thing darkened towards the tar it stands in, from its row `start` down to `floor`
    of its colour at row `visible` and below (and, to `fade`, as much of its alpha: it goes
    down into the tar): what has been in the tar stays brown-black."""
    stained = thing.copy()
    width = thing.get_width()
    for row in range(start, thing.get_height()):
        k = 1.0 - (1.0 - floor) * min(1.0, (row - start) / max(1, visible - start))
        level = round(255 * k)
        stained.fill((level, level, level, level if fade else 255), (0, row, width, 1),
                     special_flags=pygame.BLEND_RGBA_MULT)
    return stained


def half_sunk(image: pygame.Surface, thing: pygame.Surface, at: tuple[int, int], visible: int,
              wading: Wading, sky: Color) -> None:
    """A thing with its `visible` top rows out of the tar, the surface at `at` (its left, the
    surface's row): the tar heaped round it, soaking its lowest rows, as round an animal."""
    left, line = at
    wading.prepare(visible, sky)
    image.blit(wading.figure, (left, line - visible), (0, 0, thing.get_width(), visible))
    wading.draw(image, left, line)


def sheen_band(width: int, height: int) -> pygame.Surface:
    """A soft vertical band of light, brightest in its middle, for an additive blit."""
    row = pygame.Surface((width, 1))
    for x in range(width):
        row.set_at((x, 0), mix((0, 0, 0), SHEEN, math.sin(math.pi * x / (width - 1)) ** 2))
    return pygame.transform.scale(row, (width, max(1, height)))
