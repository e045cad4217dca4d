"""Bones as the tar keeps them: thigh bones, ribcages, mammoth skulls, each
laid where it came to rest, stained brown-black and going down into the tar."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, at_once, mix, s_curve, scaled
from installation.visuals.fossil_light import sheen
from installation.visuals.fossil_sunk import SHEEN_BROKEN, TAR_LINE, shadow, sunk
from installation.visuals.mammoth_coat import rounded
from installation.visuals.oil import noise

SOAK, SOAK_GREY = 0.42, 0.22  # a bone's body, soaked in the tar: this much of its colour's
# light, and this far to grey (bone-brown going to umber; a brighter, warmer body read orange)
WORN, WORN_PATCHES = 0.35, 3.0  # the share of it worn to a dull ochre, in patches: this many
# across its picture
WORN_LIGHT, WORN_GREY = 0.85, 0.25  # where worn: this much of its colour's light, this far to grey
SOAKED_EDGE = 0.06  # a bone thickened down this much, in its sizes
STREAKS = 0.4  # the tar's blotches run down a thing in streaks: this flat
PATCH_STEP = 3  # patches are worked out every this many pixels (soft: softened after)
GRID = 16  # knots of the worn patches' noise (wrapping)
EDGE_LIGHT = 28  # the light along a thing's upper edges, added to its colour (levels)
EDGE_DARK = 0.7  # its lower edges, turned from the light: this much of its colour
EDGE = 0.05  # how deep those edges, in its picture's shorter side (a pixel at least)
BLOTCHES = 0.4  # the share of it blotched darker by the tar, in patches ...
BLOTCH_DARK = 0.7  # ... to this much of its colour
SOCKET = (0, 0, 0, 0)  # a skull's eye socket: a hole the tar shows through
BONE_TILT = (-50.0, 50.0)  # degrees a bone came to rest at (turned anticlockwise: positive)
RIB_WIDTH = 0.1  # a rib's width at the spine, in the cage's sizes (a third of it at its tip)
RIB_BOW = 0.22  # how far a rib's middle bows out from its chord, in its lengths
RIB_LEAN = 0.4  # how far back a rib's tip lies from its root, in its lengths
RIBS, RIB_GONE = 8, 0.15  # ribs a side, and the share of them gone
RIB_LEFT = (0.8, 1.0)  # how much of a rib is left (most broken off short, a cluster of stubs
# read as worms: long, alike and curved together they read as a cage)
RIB_LONG = (0.75, 0.55)  # a rib's length, in the cage's sizes: this much, and this much more
# at the cage's middle
SPINE_PROCESS = (0.1, -0.36)  # each vertebra's spine standing up from it, leaning back (its
# tip from the body's middle, in the cage's sizes)
SPINE_ARCH = 0.12  # how far the spine's middle rises over its ends, in the cage's sizes
VERTEBRAE = 7  # bodies along it (a few gone from its end)
SPINE_COLUMN = 1.3  # the column joining them, across, in ribs' widths (without it, the ribs
# hung from a row of dots)
# A thigh bone in its sizes, lying along: the ball of its head turned up on its neck and the
# knob of the hip's grip below it at the left end, the shaft, the knee's two broad knuckles
FEMUR = ((-0.6, -0.08), (-0.74, -0.2), (-0.84, -0.34), (-0.98, -0.36), (-1.06, -0.24),
         (-0.98, -0.12), (-0.96, 0.04), (-0.86, 0.16), (-0.66, 0.1), (0.0, 0.07), (0.56, 0.1),
         (0.76, 0.2), (0.94, 0.22), (1.02, 0.12), (0.97, 0.0), (1.02, -0.12), (0.94, -0.22),
         (0.76, -0.18), (0.56, -0.09), (0.0, -0.06))
KNUCKLES = ((1.06, -0.03), (0.84, 0.0), (1.06, 0.03))  # the notch between the knee's knuckles
SHAFT = 0.07  # its shaft's half width: how deep the jag where one snapped
BROKEN_BONE = 0.35  # the share of long bones snapped
# A mammoth's skull in profile, facing left, in its sizes (y down): tall and short, the high
# dome of its cranium peaked over the back of the eye, the forehead falling steeply to the
# trunk's opening, the huge sheaths of its tusks (the premaxillae) hanging down from there to
# the sockets at their foot, broad as the tusks they hold; the upper jaw behind them with its
# ridged molar, the short deep lower jaw under it (long and low, its sheaths drawn as a snout
# with a thin tusk hooked from its tip, it read as a horse's skull)
CRANIUM = ((0.5, 0.24), (0.62, -0.06), (0.6, -0.38), (0.5, -0.66), (0.36, -0.88),
           (0.26, -1.0), (0.12, -0.94), (-0.04, -0.8), (-0.2, -0.64), (-0.32, -0.46),
           (-0.38, -0.28), (-0.44, -0.08), (-0.52, 0.2), (-0.6, 0.5), (-0.64, 0.74),
           (-0.54, 0.9), (-0.3, 0.9), (-0.18, 0.78), (-0.14, 0.56), (-0.1, 0.36), (0.1, 0.3),
           (0.36, 0.3))
JAW = ((-0.12, 0.4), (0.36, 0.36), (0.5, 0.14), (0.58, 0.18), (0.58, 0.5), (0.38, 0.72),
       (0.06, 0.76), (-0.12, 0.66), (-0.2, 0.54))  # the lower jaw, its spout under the
# sheaths' back, its blade rising behind to the joint
SKULL_TUSK = ((-0.42, 0.74), (-1.22, 1.08), (-1.92, -0.3))  # from its socket at the sheath's
# foot down and forward, then sweeping up past its eye: the tusk curving out of its socket
TUSK_ROOT, TUSK_END = 0.34, 0.08  # across the tusk at its socket and at its tip
ALVEOLUS = ((-0.42, 0.76), 0.21)  # the socket's lip round the tusk's root (its middle, size)
IVORY, IVORY_SHARE = (215, 200, 170), 0.55  # the tusk paler than the skull it leaves (soaked
# from its own colour: stained ivory; at 0.3, a brown string hanging from a mask)
ORBIT, ORBIT_SIZE = (0.04, -0.2), 0.075  # the eye socket, small, behind the sheaths, halfway
# up (at 0.11, with the trunk's opening drawn as a round hole on the forehead beside it and the
# dark molar under them, it read as a mask: two eyes and a mouth; in profile the trunk's
# opening is on the front, not seen)
FOSSA = (0.04, -0.62, 0.5, 0.56)  # the deep hollow of the temple behind the socket, on the
# dome's side (left, top, width, height): in shade (without it the dome was a blank face)
FOSSA_SHADE = 0.62  # its shade: this much of the bone's colour
ARCH = ((-0.02, -0.1), (0.26, -0.15), (0.56, -0.22))  # the cheek's arch from under the socket
# back and up to the ear, over the hollow's foot: raised bone catching the light, its shadow
# under it (bowed down, under the socket, it read as a smile)
CROWN_SUTURE = ((0.02, -0.84), (0.3, -0.74), (0.5, -0.5))  # a seam over the dome's top
RAISED = 0.22  # raised bone (the cheek's arch, the molar's enamel): this far towards ivory
EMPTY_SOCKET = ((-0.24, 0.74), 0.1)  # the far tusk's socket, its tusk gone: a dark hole
SHEATH_SEAM = ((-0.18, -0.48), (-0.14, 0.06), (-0.16, 0.56))  # the seam behind the sheaths
JAW_SEAM = ((-0.1, 0.4), (0.2, 0.37), (0.48, 0.16))  # where the lower jaw meets the skull
MOLAR = (0.02, 0.24, 0.38, 0.12)  # the upper molar (left, top, width, height): a block ...
LAMELLAE = 7  # ... of this many enamel plates, the dark lines between them (what a mammoth's
# tooth is; without them the skull read as a bean)
DETAIL = 0.45  # a crease, a suture, a line between teeth: this much of a bone's colour
STAINED = 0.55  # a thing's colour just over the tar, of its own (darker towards the tar)
Rgba = tuple[int, int, int, int]
Pen = Callable[[pygame.Surface, float, float, Rgba, random.Random], None]


def long_bone(image: pygame.Surface, c: float, s: float, color: Rgba,
              rng: random.Random) -> None:
    """A thigh bone (see FEMUR), a third of them snapped: a jagged end where the rest is gone
    (a bar with round knobs at its ends read as a cartoon dog's bone)."""
    outline(image, c, s, color, FEMUR)
    pygame.draw.polygon(image, SOCKET, [(c + s * x, c + s * y) for x, y in KNUCKLES])
    if rng.random() < BROKEN_BONE:
        cut = c + s * rng.uniform(-0.2, 0.5)
        jag = s * SHAFT
        pygame.draw.polygon(image, SOCKET, [(cut, c - s), (cut - jag, c - jag), (cut + jag * 0.5,
                                            c), (cut - jag * 0.5, c + jag), (cut, c + s),
                                            (c + 2 * s, c + s), (c + 2 * s, c - s)])


def ribs(image: pygame.Surface, c: float, s: float, color: Rgba, rng: random.Random) -> None:
    """What is left of a ribcage lying on its side: the spine's vertebrae in a shallow arch,
    each a block with its spine standing up and back, and the long ribs sweeping down and
    back from it, alike and curved together, tapering to their tips, a few gone (broken off
    short and uneven they read as worms; whole, even and straight as a fishbone)."""
    width = max(2.0, s * RIB_WIDTH)
    kept = VERTEBRAE - rng.randrange(2)
    end = kept / VERTEBRAE
    taper(image, [along_spine(c, s, 0.02), along_spine(c, s, end / 2),
                  along_spine(c, s, end - 0.02)], width * SPINE_COLUMN,
          width * SPINE_COLUMN * 0.8, color)  # the column, the bodies along it
    up, back = SPINE_PROCESS
    for n in range(kept):  # the spine's bodies: blocks, a dark seam between each
        x, y = along_spine(c, s, (n + 0.5) / VERTEBRAE)
        taper(image, [(x, y), (x + s * back / 2, y + s * up / 2), (x + s * back, y + s * up)],
              width * 0.8, max(1.0, width * 0.35), color)
        pygame.draw.ellipse(image, color, (x - s * 0.15, y - width * 0.9, s * 0.3,
                                           width * 1.8))
        if n:
            seam = along_spine(c, s, n / VERTEBRAE)
            pygame.draw.line(image, detail(color), (seam[0], seam[1] - width * 0.8),
                             (seam[0], seam[1] + width * 0.8), max(1, round(s * 0.03)))
    for n in range(RIBS):
        t = (n + 0.5) / RIBS
        if t > kept / VERTEBRAE or rng.random() < RIB_GONE:
            continue
        x, y = along_spine(c, s, t)
        length = s * (RIB_LONG[0] + RIB_LONG[1] * math.sin(math.pi * t)) * rng.uniform(*RIB_LEFT)
        bow = length * RIB_BOW  # how far its middle stands off the line from root to tip
        tip = (x + length * RIB_LEAN, y + length)
        middle = (x - bow + length * RIB_LEAN / 2, y + length * 0.5)
        taper(image, [(x, y), middle, tip], width, max(1.0, width * 0.35), color)


def along_spine(c: float, s: float, t: float) -> tuple[float, float]:
    """The point `t` (0..1) of the way along a ribcage's spine, from its left end."""
    return c - s + 2 * s * t, c - s * 0.6 - s * SPINE_ARCH * math.sin(math.pi * t)


def detail(color: Rgba) -> Rgba:
    """A crease's colour on a bone of `color`: a suture, the line between two teeth."""
    return (*scaled(color[:3], DETAIL), color[3])


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
            points: tuple[tuple[float, float], ...], shift: float = 0.0) -> None:
    """A closed outline in a bone's sizes (y down) round (c, c) (moved `shift` of them right),
    its corners rounded twice."""
    pygame.draw.polygon(image, color, [(c + s * (x + shift), c + s * y)
                                       for x, y in rounded(rounded(points))])


def mammoth_skull(image: pygame.Surface, c: float, s: float, color: Rgba,
                  shift: float = 0.0) -> None:
    """A mammoth's skull facing left, `s` its size, round (c, c): tall, its high domed
    cranium with a seam over it, the forehead falling to the huge sheaths of its tusks
    hanging to their sockets, the small eye socket behind them at the front of the temple's
    hollow, the cheek's arch back from it, one tusk, paler than the skull and as broad as
    its socket, curving out of it down, forward and up, the other's socket empty; its great ridged
    molar in the upper jaw, the short lower jaw under it (a short tusk curling up over a
    small dome read as a '6'; a smooth dome with a curl, as a bean; long and low, as a
    horse's). `shift`: moved this far right, in its sizes (to lie
    round its middle, tusk and all)."""
    x0 = c + s * shift

    def at(points: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
        return [(x0 + s * x, c + s * y) for x, y in points]

    outline(image, c, s, color, JAW, shift)
    outline(image, c, s, color, CRANIUM, shift)
    crease = max(1, round(s * 0.04))
    raised = (*mix(color[:3], IVORY, RAISED), color[3])
    for line in (SHEATH_SEAM, JAW_SEAM, CROWN_SUTURE):
        pygame.draw.lines(image, detail(color), False, at(line), crease)
    left, top, wide, high = FOSSA
    pygame.draw.ellipse(image, (*scaled(color[:3], FOSSA_SHADE), color[3]),
                        (x0 + s * left, c + s * top, s * wide, s * high))
    taper(image, [(x, y + s * 0.035) for x, y in at(ARCH)], s * 0.08, s * 0.06, detail(color))
    taper(image, at(ARCH), s * 0.07, s * 0.05, raised)  # (its shadow under it)
    left, top, wide, high = MOLAR
    pygame.draw.rect(image, detail(color), (x0 + s * left, c + s * top, s * wide, s * high))
    for n in range(LAMELLAE):  # the enamel plates, lighter than the dark between them
        x = x0 + s * (left + wide * (n + 0.2) / LAMELLAE)
        pygame.draw.rect(image, raised, (x, c + s * top, max(1.0, s * wide * 0.55 / LAMELLAE),
                                         s * high))
    (hole, size), gone = EMPTY_SOCKET, (*scaled(color[:3], 0.7), color[3])
    pygame.draw.circle(image, gone, at((hole,))[0], s * (size + 0.05))
    pygame.draw.circle(image, SOCKET, at((hole,))[0], s * size)
    (lip, rim) = ALVEOLUS
    pygame.draw.circle(image, detail(color), at((lip,))[0], s * rim)  # the socket's lip
    pygame.draw.circle(image, color, at((lip,))[0], s * (rim - 0.04))
    ivory = (*mix(color[:3], IVORY, IVORY_SHARE), color[3])
    taper(image, at(SKULL_TUSK), s * TUSK_ROOT, s * TUSK_END, ivory)
    pygame.draw.circle(image, SOCKET, at((ORBIT,))[0], max(1.0, s * ORBIT_SIZE))


def lay(image: pygame.Surface, pen: Pen, x: float, y: float, size: float, color: Rgba,
        rng: random.Random, tilt: tuple[float, float] = BONE_TILT,
        line: tuple[float, float] = TAR_LINE, bone: bool = True) -> None:
    """Draw a bone as it came to rest, centred on (x, y), turned by an angle within `tilt`
    (degrees), sunk in the tar (see fossil_sunk: the tar's edge crossing it `line` of the
    way down, its lower part going down, a wet sheen above, its shadow on the tar); not a
    `bone` (the city's chrome, leather, glass), its own colour shaded and blotched by the
    tar, not soaked through as bone is."""
    at_once(laid(image, pen, x, y, size, color, rng, tilt, line, bone))


def laid(image: pygame.Surface, pen: Pen, x: float, y: float, size: float, color: Rgba,
         rng: random.Random, tilt: tuple[float, float] = BONE_TILT,
         line: tuple[float, float] = TAR_LINE, bone: bool = True) -> Pieces:
    """What `lay` draws, in pieces: drawn and turned, soaked and shaded, a bone's warm sheen,
    sunk, then its shadow and all of it laid (a large find in one piece took 6-9 ms of a
    building frame)."""
    side = int(size * 4) + 2
    piece = pygame.Surface((side, side), pygame.SRCALPHA)
    pen(piece, side / 2, size, color, rng)
    turned = pygame.transform.rotate(piece, rng.uniform(*tilt))
    box = turned.get_bounding_rect()
    box.height += max(1, round(size * SOAKED_EDGE))  # (thickened down as it is tarred)
    box = box.clip(turned.get_rect())
    yield
    if bone:  # (soaked, then shaded: each a piece, 20-30 ms together for a skull, loaded)
        kept = tarred(turned.subsurface(box), size, rng)
        yield
        kept = shaded(kept, blotches=0.0)  # (worn in patches already)
    else:
        kept = shaded(turned.subsurface(box))
    yield
    if bone:  # (the city's things catch the light as their own shine)
        kept = sheen(kept, size)
        yield
    wet = patches(box.size, rng.randrange(1 << 31), SHEEN_BROKEN[0], SHEEN_BROKEN[1])
    sinking = sunk(kept, size, rng, wet, line)
    yield
    corner = (int(x - turned.get_width() / 2) + box.x, int(y - turned.get_height() / 2) + box.y)
    dark, (dx, dy) = shadow(sinking, size)
    image.blit(sinking, corner)
    image.blit(dark, (corner[0] + dx, corner[1] + dy))  # (none over the find itself)


def tarred(bone: pygame.Surface, size: float, rng: random.Random) -> pygame.Surface:
    """A bone as the tar keeps it: its body soaked through to a dark, dull bone-brown, a dull
    ochre in patches where it is worn (drawn in its bone colour whole, it glowed orange; its
    body half as light and its edges lit in that colour, it still read as orange pretzels),
    each part soaked from its own colour: ivory (a sabre, a tusk) stays paler and greyer than
    the bone round it (soaked to the bone's brown, a sabre-tooth's canine was lost on its
    skull); thickened down by its lit edge's depth (SOAKED_EDGE of its `size`), as when that
    edge was laid over it: a thin tusk's root stays joined to its skull."""
    rgb = pygame.surfarray.array3d(bone).astype(np.float32)
    alpha = pygame.surfarray.array_alpha(bone)
    shown = alpha > 0
    own = rgb[shown]
    color = own.mean(axis=0) if own.size else np.zeros(3, np.float32)
    light = rgb.sum(axis=2)
    floor = DETAIL * (float(np.median(own.sum(axis=1))) if own.size else 0.0)
    dark = light < floor  # (its creases, and what it is thickened by: no darker than one)
    rgb[dark], light[dark] = DETAIL * color, DETAIL * float(color.sum())
    share = patches(bone.get_size(), rng.randrange(1 << 31), WORN_PATCHES, WORN)
    # soaked as `soaked` does it, worn in patches, in a few passes over the picture: each
    # pixel's own colour and its grey, each times its share of the way from body to worn
    own_part = SOAK * (1 - SOAK_GREY) + (WORN_LIGHT * (1 - WORN_GREY)
                                         - SOAK * (1 - SOAK_GREY)) * share
    grey_part = (SOAK * SOAK_GREY + (WORN_LIGHT * WORN_GREY - SOAK * SOAK_GREY) * share) \
        * light / 3
    rgb *= own_part[..., None]
    rgb += grey_part[..., None]
    out = bone.copy()
    pygame.surfarray.pixels3d(out)[:] = np.clip(np.rint(rgb), 0, 255).astype(np.uint8)
    edge = max(1, round(size * SOAKED_EDGE))
    kept = pygame.surfarray.pixels_alpha(out)
    kept[:, edge:] = np.maximum(kept[:, edge:], alpha[:, :-edge])
    del kept
    return out


def dulled(color: Color) -> Color:
    """A colour as the tar dulls what is worn in it (a bone's worn patches, a seam)."""
    _body, worn = soaked(np.array(color, np.float32))
    return (round(float(worn[0])), round(float(worn[1])), round(float(worn[2])))


def soaked(color: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A bone of this colour soaked in the tar: its body's colour, and where it is worn."""
    grey = color.mean(axis=-1, keepdims=True)
    body = (color + (grey - color) * SOAK_GREY) * SOAK
    worn = (color + (grey - color) * WORN_GREY) * WORN_LIGHT
    return body, worn


def stain(thing: pygame.Surface, visible: int, start: int = 0, floor: float = STAINED,
          fade: bool = False, blotches: float = BLOTCHES) -> pygame.Surface:
    """The thing darkened towards the tar it stands in, from its row `start` down to `floor`
    of its colour at row `visible` and below (and, to `fade`, as much of its alpha: it goes
    down into the tar), shaded (see `shaded`; `blotches` of it blotched): what has been in
    the tar stays brown-black."""
    stained = shaded(thing, blotches)
    width = thing.get_width()
    for row in range(start, thing.get_height()):
        k = 1.0 - (1.0 - floor) * min(1.0, (row - start) / max(1, visible - start))
        level = round(255 * k)
        stained.fill((level, level, level, level if fade else 255), (0, row, width, 1),
                     special_flags=pygame.BLEND_RGBA_MULT)
    return stained


def shaded(thing: pygame.Surface, blotches: float = BLOTCHES) -> pygame.Surface:
    """A copy of a thing (with per-pixel alpha) given the light from above: its upper edges
    lit, its lower edges dark, and `blotches` of it blotched darker by the tar in patches
    (drawn in one flat colour, the city's things read as pale cut-outs laid on the tar)."""
    rgb = pygame.surfarray.array3d(thing).astype(np.float32)
    alpha = pygame.surfarray.array_alpha(thing).astype(np.float32) / 255
    width, height = thing.get_size()
    edge = max(1, round(min(width, height) * EDGE))
    above = np.zeros_like(alpha)
    above[:, edge:] = alpha[:, :-edge] if edge < height else 0
    below = np.zeros_like(alpha)
    below[:, :-edge] = alpha[:, edge:] if edge < height else 0
    blotch = patches((width, height), width * 7919 + height, 2 * WORN_PATCHES, blotches,
                     STREAKS) if blotches > 0 else np.zeros_like(alpha)
    keep = (1 - (1 - EDGE_DARK) * alpha * (1 - below)) * (1 - (1 - BLOTCH_DARK) * blotch)
    lit = rgb * keep[..., None] + EDGE_LIGHT * (alpha * (1 - above))[..., None]
    out = thing.copy()
    pygame.surfarray.pixels3d(out)[:] = np.clip(np.rint(lit), 0, 255).astype(np.uint8)
    return out


def patches(size: tuple[int, int], seed: int, across: float, share: float,
            squash: float = 1.0) -> np.ndarray:
    """Soft patches over about `share` of a picture of `size` (columns x rows, 0..1), `across`
    of them across its longer side (`squash`: as wide, this much less deep), worked out every
    PATCH_STEP pixels and repeated between."""
    width, height = size
    grid = np.random.default_rng(seed).random((GRID, GRID))
    scale = across / max(1, width, height)
    x = np.arange(0, width, PATCH_STEP, dtype=np.float64)[:, None] * scale + 7.0
    y = np.arange(0, height, PATCH_STEP, dtype=np.float64)[None, :] * scale * squash
    level = s_curve(np.clip((noise(grid, x, y) - 1 + share) / 0.2, 0.0, 1.0))
    return np.repeat(np.repeat(level, PATCH_STEP, axis=0), PATCH_STEP, axis=1)[:width, :height]
