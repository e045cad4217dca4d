"""Harry asleep: his head in soft profile, face up on the pillow, his skin in the dark lit along
its edge and on the cheek by the window, his dark hair; the clock radio's red on his edge, ear
and jaw (his arm and hand: sleeper_arm)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pygame

from installation.visuals.base import Color, scaled
from installation.visuals.glow import blur
from installation.visuals.shares import smooth

Pixel = tuple[float, float]
SUPERSAMPLE = 3  # drawn this much larger and shrunk, for soft edges
# His head lying on its back, face up, the crown towards the headboard (right), in head
# lengths from its middle (x right, y down): from his neck under the blanket (left), round the
# back of the skull sunk in the pillow to the crown, then his profile, soft: the forehead, the
# brow, the eye's hollow, the nose (the highest point of him), the lips, the chin, the throat.
# (A jagged black outline of these read as a spiky mass.)
HEAD: tuple[Pixel, ...] = (
    (-0.74, 0.36), (-0.5, 0.42), (-0.2, 0.48), (0.12, 0.5), (0.36, 0.42), (0.5, 0.22),
    (0.54, 0.0), (0.5, -0.16), (0.41, -0.29), (0.3, -0.36), (0.19, -0.39), (0.12, -0.375),
    (0.07, -0.385), (0.02, -0.43), (-0.025, -0.48), (-0.06, -0.47), (-0.08, -0.42),
    (-0.11, -0.395), (-0.145, -0.39), (-0.17, -0.37), (-0.2, -0.38), (-0.24, -0.35),
    (-0.285, -0.355), (-0.34, -0.3), (-0.38, -0.2), (-0.5, -0.06), (-0.62, 0.1), (-0.74, 0.22))
# His hair, dark, over the crown and the back of his head, his skull's outline there (lying
# out past it on the pillow, soft, it was a dark disc larger than his face: a hole in the
# pillow, 01:00 review): from the hairline at the forehead round the crown to the nape, and
# back up behind the ear to the temple (head lengths, as HEAD).
# The hairline at his temple recedes a little and comes forward again at the forehead.
HAIR: tuple[Pixel, ...] = (
    (0.3, -0.365), (0.42, -0.295), (0.51, -0.165), (0.55, 0.0), (0.51, 0.225), (0.37, 0.43),
    (0.12, 0.51), (-0.1, 0.49), (-0.3, 0.45), (-0.2, 0.41), (-0.04, 0.36), (0.1, 0.3),
    (0.21, 0.21), (0.27, 0.07), (0.25, -0.02), (0.28, -0.1), (0.27, -0.2), (0.3, -0.31))
HAIR_SOFT = 0.008  # the hair's edge, and so his hairline, fades over this much (head lengths;
# at 0.025, with the hair lying out past his skull, his head read as a soft dark disc)
HAIR_RIM = (58, 58, 68)  # the window's light along the edge of his hair facing it: a faint
# cool rim (his hair without it was a flat dark shape, a hole in the pillow)
HAIR_RIM_DEPTH = 0.05  # ... this deep, of the head length (its inner edge soft: LIT_SOFT)
HAIR_RIM_FROM: Pixel = (0.0, -1.0)  # ... lying along the top of his crown (from the window's
# side, up and to his left, it lit his hairline too: a pale line round his face)
HOLLOW_SOFT = 0.06  # the hollow in the pillow fades out over this much (head lengths): a
# hard-edged hollow drew a ring round his head, and his hair in it read as a flat cap
HAIR_SHEEN = 0.3  # the clock's red on his hair, of that on his skin: dark hair takes a dull
# sheen along its strands (at full strength it drew a bright red ring round his crown)
HAIR_DULL_SOFT = 0.09  # ... fading in over this much from his hairline (head lengths; as
# sharp as the hairline, the red left on his skin at it stood as a pink blob)
HAIR_DULL_PAST = 1.1  # ... over his hair grown this much round his head's middle (his hair
# ends at his skull: the red lying just past his crown on the pillow stayed bright, a ring)
HAIR_SHEEN_BAND: tuple[Pixel, Pixel, Pixel] = ((0.33, -0.2), (0.43, 0.0), (0.36, 0.24))
# the window's faint light along the round of his crown (head lengths, as HAIR): one broad soft
# band, not strands (thin lines there read as wire or a fingerprint's rings)
HAIR_SHEEN_WIDE, HAIR_SHEEN_SOFT = 0.1, 0.07  # ... its width and its edges' fade (head lengths)
HAIR_LIT = (36, 31, 32)  # ... its colour: a little lighter than his hair, and no warmer
# His ear, in front of his hair; the line of his jaw from under the ear to the chin;
# his closed eye (the lid's line), his brow, his lips' parting: the lines a light catches or
# that shade him (head lengths, as HEAD).
EAR: tuple[Pixel, ...] = (
    (0.02, 0.14), (0.06, 0.09), (0.14, 0.07), (0.22, 0.09), (0.25, 0.14), (0.21, 0.19),
    (0.12, 0.2), (0.05, 0.19))
EAR_FOLD: tuple[Pixel, ...] = ((0.08, 0.14), (0.14, 0.115), (0.2, 0.125), (0.21, 0.155))
JAW: tuple[Pixel, ...] = ((0.02, 0.17), (-0.12, 0.1), (-0.24, -0.06), (-0.31, -0.26))
LID: tuple[Pixel, ...] = ((0.03, -0.29), (0.07, -0.275), (0.11, -0.285))
BROW: tuple[Pixel, ...] = ((0.05, -0.325), (0.1, -0.335), (0.16, -0.325))
LIPS: tuple[Pixel, ...] = ((-0.17, -0.345), (-0.175, -0.31))
# His face turned three quarters towards the room (in profile alone, face up, no feature of it
# read at 1x: a dark shape on the pillow): on the near side of his face, below the profile's
# line, his near eye closed (its lid, lashes dark), its brow, the near side of his nose down
# to its wing and nostril, his mouth across his face (head lengths, as HEAD).
NEAR_LID: tuple[Pixel, ...] = ((0.13, -0.22), (0.085, -0.17), (0.07, -0.11), (0.085, -0.05))
NEAR_BROW: tuple[Pixel, ...] = ((0.21, -0.26), (0.18, -0.17), (0.175, -0.09), (0.2, -0.02))
NOSE_SIDE: tuple[Pixel, ...] = ((0.05, -0.27), (-0.01, -0.235), (-0.07, -0.2), (-0.11, -0.225))
NOSTRIL: tuple[Pixel, ...] = ((-0.095, -0.255), (-0.12, -0.265))
MOUTH: tuple[Pixel, ...] = ((-0.19, -0.34), (-0.21, -0.26), (-0.2, -0.17))
FACE_PLANE = ((0.0, -0.16), (0.2, 0.13), 0.8)  # the front of his face, turned up and to the
# room, in the window's light: where, how far (across, down; head lengths), how bright (of
# SKIN_LIT): lines on his dark skin alone did not read
LID_WIDTH = 0.04  # his near lid's lashes, of the head length: the line a glance finds first
NOSE_LIT = (0.0, -0.3)  # the window's light down the ridge of his nose (head lengths), and
NOSE_LIT_WIDE = 0.035  # ... how wide: his nose stands out of his face towards the window
LINE_WIDTH = 0.025  # the lit lines' width, of the head length
EAR_LIGHT, JAW_LIGHT = 0.22, 0.35  # the clock's red on his ear (a soft glow over it: a lit
# line round its rim read as a pink ring; at 0.35, a salmon oval stuck on) and along his jaw,
# of that on his edge
EAR_SHADE = 0.92  # his ear, this much of his skin's dark, its edge soft (darker and hard, it
# stood out of his face as an oval sticker)
FEATURE_SOFT = 0.03  # ... their edges fading over this much (head lengths)
SKIN, SKIN_LIT = (50, 41, 45), (80, 81, 86)  # his skin in the dark, and in the window's light
# (the night's cool grey: at (84, 78, 92), pink, the window's light along his brow and in the
# blinds' bands across his face stayed faint pink bands whether the clock was lit or not)
SKIN_LINE = (30, 24, 30)  # his lid, brow, lips and the ear's fold, shading
BROW_SHADE = 0.8  # his brow's line, this much of his skin's dark (as dark as the lid, under
# the lit edge of his forehead it cut a pink sliver off it)
HAIR_COLOR = (24, 18, 16)  # dark brown hair
LIGHT_FROM: Pixel = (-0.55, -0.85)  # the window's light comes from up to his left
LIT_DEPTH = 0.06  # it lights the edge of him facing it this deep, of the head length
LIT_SOFT = 0.6  # ... fading into his skin's dark over this share of that (a hard edge to it
# cut a pink sliver between his outline and his brow's dark line)
CHEEK: tuple[Pixel, float, float] = ((-0.04, -0.22), 0.1, 0.4)  # the blinds' light on his
# cheek: where (head lengths), how wide, how bright (of SKIN_LIT)
SLAT_PITCH, SLAT_LIT = 0.09, 0.5  # ... in bands (the blinds' slats), this far apart, this
# share of them lit
HOLLOW_DARK = 0.86  # the hollow his head makes in the pillow, under it: the pillow this much
# as bright (a flat colour of its own was lighter than the pillow's shaded edge under him)
HOLLOW = (1.06, (0.0, 0.04))  # ... its size, of his head's, and how far it shows past him
# (down: the pillow rises behind his head; at 1.12 and darker it ringed his hair, a hole)
RIM_SHIFT = (0.04, -0.04)  # the clock's red lies this deep along the edge of him facing it
# (head lengths, towards the clock: right and up): on his skin, not past it on the pillow
RIM_SOFT = 0.045  # ... both its edges fading over about this much (head lengths; hard, the
# band followed every step of his profile, a jagged scribble)
RIM_CAP = 0.75  # ... at most this share of its deepest
RIM_FADE, RIM_FLOOR = (-0.05, 0.25), 0.25  # ... at full from his forehead (x, head lengths, the
# second) and fading to this share of it at his lips (the first): his nose and lips lie
# furthest from the clock and face away from it
def head_outline(centre: Pixel, length: float) -> list[Pixel]:
    """His head's outline in pixels, `length` pixels from crown to chin, around `centre`: a
    smooth curve through HEAD's points (straight between them, his brow and nose stood in
    steps and spikes)."""
    return smooth([(centre[0] + x * length, centre[1] + y * length) for x, y in (*HEAD, HEAD[0])])


def placed(points: Sequence[Pixel], outline: Sequence[Pixel], length: float) -> list[Pixel]:
    """Points given in head lengths (as HEAD) in pixels, on the head whose outline is given."""
    x0, y0 = outline[0][0] - HEAD[0][0] * length, outline[0][1] - HEAD[0][1] * length
    return [(x0 + x * length, y0 + y * length) for x, y in points]


def draw_head(out: pygame.Surface, outline: Sequence[Pixel], length: float) -> None:
    """His head on the pillow: its hollow in the pillow, his face in soft profile in the dark,
    the window's light along the edge of it facing the window and, in bands, on his cheek, his
    closed eye, brow and lips; his ear; his dark hair over the crown, the
    window's faint light along its round."""
    size, (dx, dy) = HOLLOW
    cx = sum(x for x, _ in outline) / len(outline)
    cy = sum(y for _, y in outline) / len(outline)
    hollow = [(cx + (x - cx) * size + dx * length, cy + (y - cy) * size + dy * length)
              for x, y in outline]
    darken(out, hollow, HOLLOW_DARK, HOLLOW_SOFT * length)
    out.blit(*face(outline, length))
    width = max(1.0, LINE_WIDTH * length)
    ear = scaled(SKIN, EAR_SHADE)
    out.blit(*softened(*silhouette(placed(EAR, outline, length), ear), FEATURE_SOFT * length,
                       color=ear))
    for line in (EAR_FOLD, LID, BROW, LIPS, NEAR_BROW, NOSE_SIDE, NOSTRIL, MOUTH):
        shade = scaled(SKIN, BROW_SHADE) if line in (BROW, NEAR_BROW) else SKIN_LINE
        out.blit(*stroke(placed(line, outline, length), shade, width))
    out.blit(*stroke(smooth(placed(NEAR_LID, outline, length)), SKIN_LINE,
                     max(1.0, LID_WIDTH * length)))
    ridge = placed((NOSE_SIDE[0], NOSE_LIT, (NOSE_SIDE[-1][0], NOSE_LIT[1] + 0.05)), outline,
                   length)
    out.blit(*softened(*stroke(ridge, SKIN_LIT, NOSE_LIT_WIDE * length), FEATURE_SOFT * length))
    out.blit(*softened(*hair(outline, length), HAIR_SOFT * length, color=HAIR_COLOR))
    sheen = stroke(smooth(placed(HAIR_SHEEN_BAND, outline, length)), HAIR_LIT,
                   HAIR_SHEEN_WIDE * length)
    out.blit(*softened(*sheen, HAIR_SHEEN_SOFT * length, passes=2))


def hair(outline: Sequence[Pixel], length: float) -> tuple[pygame.Surface, tuple[int, int]]:
    """His hair: dark, the window's faint light along the top of his crown (his head's outline
    lit from above, within his hair: his hairline, facing up behind his ear, stays dark)."""
    shape, at = silhouette(placed(HAIR, outline, length), HAIR_COLOR)
    lit, lit_at = window_lit(outline, HAIR_RIM, HAIR_COLOR, HAIR_RIM_DEPTH * length,
                             HAIR_RIM_FROM)
    mask = pygame.surfarray.array_alpha(shape)
    shape.blit(lit, (lit_at[0] - at[0], lit_at[1] - at[1]))
    pygame.surfarray.pixels_alpha(shape)[:] = mask
    return shape, at


def face(outline: Sequence[Pixel], length: float) -> tuple[pygame.Surface, tuple[int, int]]:
    """His head's skin, shaded: dark, lighter along its edge towards the window (the skin
    moved away from the light shows the lit edge), and where the blinds' light falls in
    bands on his cheek; a sprite and its top-left."""
    lit, at = window_lit(outline, SKIN_LIT, SKIN, LIT_DEPTH * length)
    mask = pygame.surfarray.array_alpha(lit)
    (px, py), wide, level = CHEEK
    x0 = outline[0][0] - HEAD[0][0] * length - at[0]  # his head's middle, in the sprite
    y0 = outline[0][1] - HEAD[0][1] * length - at[1]
    xs = (np.arange(mask.shape[0], dtype=np.float32)[:, None] - x0) / length
    ys = (np.arange(mask.shape[1], dtype=np.float32)[None, :] - y0) / length
    spot = np.exp(-((xs - px) ** 2 + (ys - py) ** 2) / (2 * wide ** 2))
    bands = (ys / SLAT_PITCH) % 1.0 < SLAT_LIT
    (fx, fy), (fw, fh), bright = FACE_PLANE  # the front of his face, turned to the window
    plane = bright * np.exp(-((xs - fx) ** 2 / (2 * fw ** 2) + (ys - fy) ** 2 / (2 * fh ** 2)))
    light = np.maximum(level * spot * np.where(bands, 1.0, 0.5), plane)
    rgb = pygame.surfarray.pixels3d(lit)
    rgb[:] = np.clip(rgb + light[..., None] * (np.array(SKIN_LIT, np.float32) - rgb), 0,
                     255).astype(np.uint8)
    del rgb
    pygame.surfarray.pixels_alpha(lit)[:] = mask  # none of it past his outline
    return lit, at


def window_lit(outline: Sequence[Pixel], lit: Color, dark: Color, depth: float,
               light: Pixel = LIGHT_FROM) -> tuple[pygame.Surface, tuple[int, int]]:
    """The outline filled `dark`, `lit` along its edge towards the `light` `depth` pixels deep
    (the outline less itself moved away from the light, its inner edge soft): a sprite and its
    top-left."""
    out, at = silhouette(outline, lit)
    mask = pygame.surfarray.array_alpha(out)
    away = (-light[0] * depth, -light[1] * depth)
    shade, shade_at = softened(*silhouette([(x + away[0], y + away[1]) for x, y in outline],
                                           dark), LIT_SOFT * depth, color=dark)
    out.blit(shade, (shade_at[0] - at[0], shade_at[1] - at[1]))
    pygame.surfarray.pixels_alpha(out)[:] = mask  # none of it past the outline
    return out, at


def darken(out: pygame.Surface, outline: Sequence[Pixel], level: float, reach: float) -> None:
    """Darken what lies within the outline to `level` of its light, its edge fading over
    about `reach` pixels."""
    white = (255, 255, 255)
    sprite, at = softened(*silhouette(outline, white), reach, color=white)
    cover = pygame.surfarray.array_alpha(sprite).astype(np.float32) / 255.0
    dark = pygame.Surface(sprite.get_size())
    rgb = pygame.surfarray.pixels3d(dark)
    rgb[:] = (255.0 * (1.0 - (1.0 - level) * cover))[..., None].astype(np.uint8)
    del rgb
    out.blit(dark, at, special_flags=pygame.BLEND_RGB_MULT)


def silhouette(outline: Sequence[Pixel], color: Color,
               shift: Pixel = (0.0, 0.0)) -> tuple[pygame.Surface, tuple[int, int]]:
    """The outline filled with soft edges (moved `shift` pixels): a sprite and its top-left."""
    xs = [x + shift[0] for x, _ in outline]
    ys = [y + shift[1] for _, y in outline]
    left, top = math.floor(min(xs)) - 1, math.floor(min(ys)) - 1
    size = (math.ceil(max(xs)) - left + 2, math.ceil(max(ys)) - top + 2)
    big = pygame.Surface((size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE), pygame.SRCALPHA)
    pygame.draw.polygon(big, color, [((x - left) * SUPERSAMPLE, (y - top) * SUPERSAMPLE)
                                     for x, y in zip(xs, ys, strict=True)])
    return pygame.transform.smoothscale(big, size), (left, top)


def softened(sprite: pygame.Surface, at: tuple[int, int], reach: float, passes: int = 1,
             color: Color | None = None) -> tuple[pygame.Surface, tuple[int, int]]:
    """The sprite with its edges faded over about `reach` pixels (shrunk and grown again,
    `passes` times, a cheap blur): a sprite and its top-left. Given the sprite's one `color`,
    its faded edge keeps it (else it darkens towards black: a light shape got a dark rim)."""
    step = max(1, round(reach))
    pad = 2 * step
    wide = pygame.Surface((sprite.get_width() + 2 * pad, sprite.get_height() + 2 * pad),
                          pygame.SRCALPHA)
    if color is not None:
        wide.fill((*color, 0))
    wide.blit(sprite, (pad, pad))
    return blur(wide, step, passes), (at[0] - pad, at[1] - pad)


def stroke(points: Sequence[Pixel], color: Color,
           width: float) -> tuple[pygame.Surface, tuple[int, int]]:
    """A line through the points, `width` pixels wide with soft edges: a sprite and its
    top-left."""
    left = math.floor(min(x for x, _ in points) - width) - 1
    top = math.floor(min(y for _, y in points) - width) - 1
    size = (math.ceil(max(x for x, _ in points) + width) - left + 2,
            math.ceil(max(y for _, y in points) + width) - top + 2)
    big = pygame.Surface((size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE), pygame.SRCALPHA)
    pen = [((x - left) * SUPERSAMPLE, (y - top) * SUPERSAMPLE) for x, y in points]
    thick = max(1, round(width * SUPERSAMPLE))
    pygame.draw.lines(big, color, False, pen, thick)
    for x, y in pen:  # round joints
        pygame.draw.circle(big, color, (x, y), thick / 2)
    return pygame.transform.smoothscale(big, size), (left, top)


def red_rim(outline: Sequence[Pixel], length: float,
            color: Color) -> tuple[pygame.Surface, tuple[int, int]]:
    """The clock's red on him, to add over the room while it is lit: a dim band along the
    edge of him facing the clock (his outline less itself moved away from it), soft on both
    sides, fading from his brow towards his nose and lips; a soft glow on his ear, a softer
    line along his jaw; dulled on his hair."""
    body, at = silhouette(outline, (255, 255, 255))
    shift = (-RIM_SHIFT[0] * length, -RIM_SHIFT[1] * length)
    away, away_at = silhouette(outline, (255, 255, 255), shift)
    body.blit(away, (away_at[0] - at[0], away_at[1] - at[1]), special_flags=pygame.BLEND_RGBA_SUB)
    soft, at = softened(body, at, RIM_SOFT * length, passes=2)  # a little past him too
    band = pygame.surfarray.array_alpha(soft).astype(np.float32) / 255.0
    band = np.minimum(band, RIM_CAP * band.max())  # as deep at the hairline's corner as along
    # his brow (the band pooled there, a pink blob)
    x0 = outline[0][0] - HEAD[0][0] * length - at[0]  # his head's middle, in the sprite
    xs = (np.arange(band.shape[0], dtype=np.float32) - x0) / length
    lips, brow = RIM_FADE
    t = np.clip((xs - lips) / (brow - lips), 0.0, 1.0)
    band *= (RIM_FLOOR + (1.0 - RIM_FLOOR) * t * t * (3 - 2 * t))[:, None]
    rim = pygame.Surface(soft.get_size())
    rgb = pygame.surfarray.pixels3d(rim)
    rgb[:] = (band[..., None] * np.array(color, np.float32)).astype(np.uint8)
    del rgb
    dull_on_hair(rim, at, outline, length)
    reach = max(1.0, FEATURE_SOFT * length)
    for sprite, part_at in (
            silhouette(placed(EAR, outline, length), scaled(color, EAR_LIGHT)),
            stroke(placed(JAW, outline, length), scaled(color, JAW_LIGHT),
                   max(1.0, LINE_WIDTH * length))):  # his ear and jaw catch it too, softly
        soft, soft_at = softened(sprite, part_at, reach)
        flat = pygame.Surface(soft.get_size())
        flat.blit(soft, (0, 0))
        rim.blit(flat, (soft_at[0] - at[0], soft_at[1] - at[1]),
                 special_flags=pygame.BLEND_RGB_ADD)
    return rim, at


def dull_on_hair(rim: pygame.Surface, at: tuple[int, int], outline: Sequence[Pixel],
                 length: float) -> None:
    """Where the red edge lies on his hair, dull it to a sheen, fading in from his hairline."""
    past = [(x * HAIR_DULL_PAST, y * HAIR_DULL_PAST) for x, y in HAIR]
    hair, hair_at = softened(*silhouette(placed(past, outline, length), (255, 255, 255)),
                             HAIR_DULL_SOFT * length)
    cover = np.zeros(rim.get_size(), np.float32)
    dx, dy = hair_at[0] - at[0], hair_at[1] - at[1]
    alpha = pygame.surfarray.array_alpha(hair).astype(np.float32) / 255.0
    x0, y0 = max(0, dx), max(0, dy)
    x1, y1 = min(cover.shape[0], dx + alpha.shape[0]), min(cover.shape[1], dy + alpha.shape[1])
    if x1 > x0 and y1 > y0:
        cover[x0:x1, y0:y1] = alpha[x0 - dx:x1 - dx, y0 - dy:y1 - dy]
    rgb = pygame.surfarray.pixels3d(rim)
    rgb[:] = (rgb * (1.0 - (1.0 - HAIR_SHEEN) * cover)[..., None]).astype(np.uint8)
    del rgb
