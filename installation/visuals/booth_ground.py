"""The lit booth standing on the pavement: its tube's light lying on the ground round its foot
(a lit trapezoid in front between its posts' shadows, fainter to the sides, the pavement's
joints showing in it) and the dark line where its base meets the ground."""

from __future__ import annotations

from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.base import Color, scaled
from installation.visuals.glow import blur

# The camera of the close shot: its eye this far above the booth's foot (of the booth's height:
# the backdrop's horizon, 0.7 of the picture, for the payphone at 04:05, 0.66 of the picture
# high standing at 0.9), so the ground recedes to that row; straight ahead at the middle.
EYE = 0.3
# The light on the ground: it reaches this far to either side of the booth (of its height),
# this far behind its foot on the picture (rows of the ground it stands on), and this far in
# front of it (below its foot); how bright at the foot (of the tube's light) and to the sides.
SIDE, BEHIND, FRONT = 0.8, 0.09, 0.25
POOL, SIDES, FALL = 0.4, 0.5, 2.0
# In front, through its door, the light falls in a trapezoid between the shadows of its two
# front posts (they spread outwards this far across a row down, of the way from the eye's row)
# this much brighter than the pool round it; its edges this soft (pixels at the picture's foot).
SPREAD, DOOR, SOFT = 0.55, 0.5, 5.0
POST_SHADE = 0.45  # a post's shadow keeps this much of the light, this wide (of a post's width)
# The pavement's concrete slabs (this wide, of the booth's width) and their joints (pixels,
# keeping this much of the light).
SLAB, JOINT, JOINT_SHADE = 1.4, 1.6, 0.55
FIRST = 0.35  # a joint runs across this far (of a slab) in front of its foot
FOCAL = 1.4  # the lens's focal length, of the picture's width (a 50 mm lens)
COLUMNS = 320  # made this many columns a step (each ~3 full-frame blits long)
# Where its base meets the ground: a dark line (this deep, of the booth's height, this dark at
# its heart), a little wider than the booth, soft.
CONTACT, CONTACT_DARK, CONTACT_WIDE = 0.014, 0.8, 0.006


def pool(size: tuple[int, int], box: pygame.Rect, post: int, light: Color,
         strength: float = POOL, side: float = SIDE,
         power: float = FALL) -> Generator[None, None, tuple[pygame.Surface, tuple[int, int]]]:
    """The tube's light on the ground round the booth (`box` on a picture of `size`; `post`:
    its posts' width), reaching `side` of its height to either side and falling away as
    (1 - distance) to `power`, to add to the picture, and where it goes (in pieces: a few
    hundred columns a step)."""
    width, height = size
    reach = round(side * box.height)
    left, right = max(0, box.left - reach), min(width, box.right + reach)
    top = box.bottom - round(BEHIND * box.height)
    bottom = min(height, box.bottom + round(FRONT * box.height))
    if right <= left or bottom <= top:
        return pygame.Surface((1, 1)), (0, 0)
    out = pygame.Surface((right - left, bottom - top))
    color = np.array(scaled(light, strength), np.float32)
    ys = np.arange(top, bottom, dtype=np.float32)[None, :]
    for start in range(left, right, COLUMNS):
        yield
        xs = np.arange(start, min(right, start + COLUMNS), dtype=np.float32)[:, None]
        level = _falloff(xs, ys, box, reach) ** power * _door(xs, ys, box, post)
        level *= _joints(xs, ys, box, width / 2)
        rgb = np.clip(level[:, :, None] * color, 0, 255).astype(np.uint8)
        view = pygame.surfarray.pixels3d(out)
        view[start - left:start - left + len(xs)] = rgb
        del view  # (the view locks the surface)
    return out, (left, top)


def _falloff(xs: np.ndarray, ys: np.ndarray, box: pygame.Rect, reach: int) -> np.ndarray:
    """How near each point is to the booth's foot, on the ground (1 at it, 0 at `reach`)."""
    foot, half = box.bottom, box.width / 2
    across = np.maximum(0.0, np.abs(xs - box.centerx) - half) / reach
    depth = np.where(ys < foot, (foot - ys) / max(1.0, BEHIND * box.height),
                     (ys - foot) / max(1.0, FRONT * box.height))
    return np.asarray(np.clip(1.0 - np.sqrt(across ** 2 + depth ** 2), 0.0, 1.0))


def _door(xs: np.ndarray, ys: np.ndarray, box: pygame.Rect, post: int) -> np.ndarray:
    """Through its side panes the light is fainter; in front, through the door, it falls in a
    trapezoid spreading towards us, edged by its front posts' shadows."""
    eye = box.bottom - EYE * box.height
    down = np.maximum(0.0, ys - box.bottom) / max(1.0, box.bottom - eye)
    half = box.width / 2 + SPREAD * down * box.width
    off = np.abs(xs - box.centerx)
    inside = np.clip((half - off) / (1.0 + SOFT * down * 4) + 0.5, 0.0, 1.0)
    gain = SIDES + (1.0 + DOOR - SIDES) * inside * (ys > box.bottom)
    shadow = np.clip(np.abs(off - half) / (post * (1 + down * 4)), 0.0, 1.0)
    post_shade = POST_SHADE + (1 - POST_SHADE) * shadow
    return np.asarray(gain * np.where(ys > box.bottom, post_shade, 1.0))


def _joints(xs: np.ndarray, ys: np.ndarray, box: pygame.Rect, middle: float) -> np.ndarray:
    """The pavement's slab joints in perspective (lines running away towards the eye's row,
    and across), darkening the light where they run."""
    eye = box.bottom - EYE * box.height
    high = box.bottom - eye  # the eye's height over the ground, in pixels at the booth's foot
    rows = np.maximum(1.0, ys - eye)
    near = high / rows  # a pixel on the ground at this row, in pixels at the booth's foot
    slab, focal = SLAB * box.width, FOCAL * 2 * middle
    away = _off_joint((xs - middle) * near - (box.left - middle), slab) / near
    far = focal * near  # how far off the ground here is, in pixels at the booth's foot
    across = _off_joint(far - focal + FIRST * slab, slab) * rows * rows / (focal * high)
    line = np.clip(np.minimum(away, across) / JOINT, 0.0, 1.0)
    return np.asarray(JOINT_SHADE + (1 - JOINT_SHADE) * line)


def _off_joint(along: np.ndarray, slab: float) -> np.ndarray:
    """How far (in the same units) each point is from the nearest joint, joints `slab` apart
    from 0."""
    return np.asarray(np.abs((along + slab / 2) % slab - slab / 2))


def contact(box: pygame.Rect) -> tuple[pygame.Surface, tuple[int, int]]:
    """The dark line where the booth's base meets the ground, to multiply the picture by, and
    where it goes."""
    deep = max(3, round(CONTACT * box.height))
    extra = round(CONTACT_WIDE * box.height)
    shade = pygame.Surface((box.width + 2 * extra + 2 * deep, 3 * deep))
    shade.fill((255, 255, 255))
    level = round(255 * (1 - CONTACT_DARK))
    pygame.draw.rect(shade, (level,) * 3, (deep, deep, box.width + 2 * extra, deep))
    shade = blur(shade, max(1, deep // 2))
    return shade, (box.left - extra - deep, box.bottom - 2 * deep + deep // 2)
