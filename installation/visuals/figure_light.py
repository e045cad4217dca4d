"""The light a figure catches, on its finished sprite: a soft rim along the edge that faces
each light (fading a pixel or two into the body, as strong as the light is bright) and a faint
lift of the body's lit side, never an outline all round."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, finished
from installation.visuals.budget import Budget
from installation.visuals.hand_light import Hand, hand_shade

# The rim at the very edge goes this share of the way to the light's colour, for a light of no
# brightness and then more for a bright one (by its luminance, 0 to 1).
RIM_STRENGTH = (0.45, 0.6)
# It fades into the body over this many pixels (a bright light wraps further round).
RIM_DEPTH = (1.6, 1.4)
# A figure shorter than this many pixels catches its rim more faintly, in proportion: the
# rim is as wide in the world as on a near figure, so on a far one it is less than a pixel.
RIM_FULL = 80
RIM_FADE = 1.3  # the fade's curve: a little quicker than even, never a band
# A soft rim (a light's `soft` 1; between, in proportion) is this share as strong at the edge
# and fades over this many pixels, evenly (RIM_STEPS at most: never deeper than it is looked
# for): a glow along the edge, not a bright line cut round them.
SOFT_STRENGTH = 0.5
SOFT_DEPTH = 3.5
# The side of the body towards the light is lifted this much (a share of the way to the light)
# at its edge, less further in, to nothing this far into it (in figure heights): the lit side
# of the coat and trousers a shade lighter than the far side.
FORM_STRENGTH = 0.12
FORM_DEPTH = 0.07
SOLID = 128  # a pixel this opaque is inside the figure; a clearer one is its smoothed edge
# The rim is looked for this many steps in from the edge (it fades out by then): a step is a
# pixel sideways towards the light and every second one a pixel up as well (it is a little
# above), so the edges facing away and down never catch it; and on the half of each row
# towards the main light, a pixel up (the tops of the head and shoulders on that side). A
# `steep` light (a limb drawn alone) goes a pixel up with every step: its top edge is lit. A
# light from `above` (lit glass behind and over an animal) is looked for straight up, and only
# on the figure's first stretch down each column: the edges that face up (a back, the top of a
# head, ears, the top of a tail) catch it, never the belly, the legs under it or the chest
# under the head.
RIM_STEPS = 3
STEPS = range(1, RIM_STEPS + 1)
# An animal lit from above by a lit room behind it (the coyote at the diner's glass): its back,
# the top of its near flank and its head take the room's warm light, this share of the way to
# a tawny coat in that light at its top, fading to nothing this far down it (in its heights),
# under its rim, on the first stretch of it down each column: its belly and the legs under it
# stay in their own dark, its outline as it was.
ROOM_COAT, ROOM_LIFT, ROOM_DEPTH = (196, 150, 104), 0.32, 0.22
LUMA = (0.2126, 0.7152, 0.0722)  # a colour's brightness from its channels


@dataclass(frozen=True)
class Light:
    """A light on a figure: its colour, whether it comes from the right of the sprite (as it
    is drawn, before any flip), and how much of it this side gets (1: the main light; less:
    the far edge of a figure lit from behind), and how soft its rim is."""

    color: Color
    from_right: bool
    share: float = 1.0
    soft: float = 0.0  # 0: a bright rim at the very edge; 1: a soft one (see SOFT_STRENGTH)


def brightness(color: Color) -> float:
    """A colour's luminance, 0 to 1."""
    return sum(c * k for c, k in zip(color, LUMA, strict=True)) / 255.0


def lit(sprite: pygame.Surface, height: float, lights: Sequence[Light],
        steep: bool = False, above: bool = False, chin: float | None = None,
        hands: Sequence[Hand] = ()) -> None:
    """Light `sprite` (per-pixel alpha, a figure `height` pixels tall) in place: each light's
    rim (fainter on a small figure, see RIM_FULL) and, for the main one, the lift of its
    side, but for the head (the rows over `chin`, in the sprite's pixels): a silhouette's
    face takes a rim at most (lifted, it read lighter than the dark body it sat on). Only
    colours change: no pixel is added past the figure's outline, nor made more or less
    opaque. Bare `hands` (pieces, in the sprite's pixels) take little of it (hand_light)."""
    finished(lit_steps(sprite, height, lights, Budget(), 0.0, Shape(steep, above, chin, hands)))


@dataclass(frozen=True)
class Shape:
    """What of a figure's shape its light needs told (see `lit`): a limb drawn alone (`steep`),
    lit from `above`, where its chin is, its bare hands, whether it is an `animal` (its coat
    lit from above by a room: see ROOM_COAT)."""

    steep: bool = False
    above: bool = False
    chin: float | None = None
    hands: Sequence[Hand] = ()
    animal: bool = False


def lit_steps(sprite: pygame.Surface, height: float, lights: Sequence[Light], budget: Budget,
              cost: float, shape: Shape) -> Generator[None, None, None]:
    """`lit` in steps, `cost` charged to `budget` a share at a time (the figure and its rows,
    each light's rim, the main light's tops and lift, the colour laid on), pausing where the
    budget's piece is spent: a large figure's light (~7 ms in one piece) comes in four or five."""
    share = cost / (2 + len(lights) + sum(light.share >= 1.0 for light in lights))
    if not lights:
        return
    if budget.over(share):
        yield
    found = _figure(sprite)
    if found is None:
        return
    box, alpha = found
    inside = alpha >= SOLID
    soft = (alpha > 0) & ~inside
    reach = max(1, round(FORM_DEPTH * height))
    amount = np.zeros(alpha.shape, np.float32)
    near = min(1.0, height / RIM_FULL)
    head = 0 if shape.chin is None else max(0, round(shape.chin) - box.top)  # (rows the lift
    # leaves); each pixel's depth along its row from the left and right (the main light's)
    rows = None if shape.above else _row_depths(inside)
    for light in lights:
        if budget.over(share):
            yield
        way = 1 if light.from_right else -1
        rise = 1 if shape.steep else 2  # a pixel up every step, or every second one
        depth = _top_depth(inside, soft) if shape.above else \
            _rim_depth(inside, soft, [(way * k, -(k // rise)) for k in STEPS])
        if light.share >= 1.0:
            if budget.over(share):
                yield
            towards = _row_depths(inside.T)[0].T if rows is None else \
                rows[light.from_right]  # (from above: down its columns)
            if not (shape.steep or rows is None):  # from a little above: the tops on its side
                top = _rim_depth(inside, soft, [(0, -k) for k in STEPS])  # too
                lit_half = towards <= rows[not light.from_right]
                depth = np.where(lit_half & (top > 0), np.minimum(depth, top), depth)
            lift = _form(light, reach)[np.minimum(towards, reach + 1)]
            lift[:, :head] = 0.0
            amount += lift
        amount += (near * _rim(light))[depth]
    if budget.over(share):
        yield
    if shape.above and shape.animal:
        _room_lit(sprite.subsurface(box), inside, alpha, height)
    kept = hand_shade(alpha.shape, box.topleft, shape.hands)
    if kept is not None:
        amount *= kept
    _towards(sprite.subsurface(box), lights[0].color, np.minimum(amount, 1.0), alpha)


def _room_lit(sprite: pygame.Surface, inside: np.ndarray, alpha: np.ndarray,
              height: float) -> None:
    """An animal's back, near flank and head in a lit room's warm light from above (see
    ROOM_COAT): each pixel by how far down its column it lies from the figure's top edge
    there, most at the edge and none ROOM_DEPTH of its height down."""
    reach = max(1.0, ROOM_DEPTH * height)
    down = _row_depths(inside.T)[0].T.astype(np.float32)
    starts = inside & ~np.pad(inside, ((0, 0), (1, 0)))[:, :-1]  # (a stretch's top pixel)
    first = np.cumsum(starts, axis=1) <= 1  # (a leg under the belly: in the belly's shade)
    amount = ROOM_LIFT * np.clip(1.0 - (down - 1.0) / reach, 0.0, 1.0) * (down > 0) * first
    _towards(sprite, ROOM_COAT, amount, alpha)


def _figure(sprite: pygame.Surface) -> tuple[pygame.Rect, np.ndarray] | None:
    """The box round what a sprite shows and its opacity there (indexed [x, y]); None if it
    shows nothing."""
    words = pygame.surfarray.pixels2d(sprite)  # (its words' opacity bits looked at at once)
    shows = (words & np.uint32(sprite.get_masks()[3])) != 0
    xs, ys = np.flatnonzero(shows.any(axis=1)), np.flatnonzero(shows.any(axis=0))
    del words
    if not xs.size:
        return None
    box = pygame.Rect(int(xs[0]), int(ys[0]), int(xs[-1] - xs[0] + 1), int(ys[-1] - ys[0] + 1))
    view = pygame.surfarray.pixels_alpha(sprite)
    found = box, view[box.left:box.right, box.top:box.bottom].copy()
    del view
    return found


def _rim(light: Light) -> np.ndarray:
    """How much of a light's colour a pixel takes by how many steps towards the light it lies
    from the outside (the index: 1 at the edge, 0 outside, RIM_STEPS + 1 further in): the
    rim at the edge, as strong as the light is bright, fading over a pixel or two."""
    glow, soft = brightness(light.color), light.soft
    into = np.arange(RIM_STEPS + 2, dtype=np.float32)
    depth = RIM_DEPTH[0] + RIM_DEPTH[1] * glow
    depth += (SOFT_DEPTH - depth) * soft
    fade = np.clip(1.0 - (into - 1) / depth, 0.0, 1.0) ** (RIM_FADE + (1.0 - RIM_FADE) * soft)
    strength = (RIM_STRENGTH[0] + RIM_STRENGTH[1] * glow) * (1.0 - (1.0 - SOFT_STRENGTH) * soft)
    given = strength * light.share * fade
    given[0] = given[-1] = 0.0  # (outside; and further in than it is looked for)
    return given


def _form(light: Light, reach: int) -> np.ndarray:
    """The lift of the body's side towards the main light, by how many pixels in from that
    side a pixel lies (the index, up to reach + 1; 0 outside): most at the edge, none `reach`
    in."""
    into = np.arange(reach + 2, dtype=np.float32)
    given = FORM_STRENGTH * brightness(light.color) * np.clip(1.0 - (into - 1) / reach, 0, 1)
    given[0] = 0.0
    return given


def _rim_depth(inside: np.ndarray, soft: np.ndarray,
               steps: Sequence[tuple[int, int]]) -> np.ndarray:
    """For each pixel of the figure (`inside`, indexed [x, y]; `soft`: its smoothed edge),
    how many `steps` (offsets in pixels, nearest first) towards a light it lies from the
    first pixel outside it (len(steps) + 1: further in; 0: outside). A soft edge pixel is as
    deep as the solid pixel next to it below or on either side (the rim goes out to the
    edge)."""
    width, tall = inside.shape
    pad = len(steps)
    around = np.zeros((width + 2 * pad, tall + 2 * pad), np.uint8)
    around[pad:pad + width, pad:pad + tall] = inside
    depth = np.full(inside.shape, pad + 1, np.uint8)
    for k in range(pad, 0, -1):  # (the nearest step outside last: it decides)
        x, y = pad + steps[k - 1][0], pad + steps[k - 1][1]
        np.putmask(depth, around[x:x + width, y:y + tall] == 0, np.uint8(k))  # (k outside)
    depth *= inside
    inward = np.zeros_like(depth)
    inward[:, :-1] = depth[:, 1:]  # the pixel below
    np.maximum(inward[1:], depth[:-1], out=inward[1:])  # and either side
    np.maximum(inward[:-1], depth[1:], out=inward[:-1])
    return np.where(soft, inward, depth)


def _top_depth(inside: np.ndarray, soft: np.ndarray) -> np.ndarray:
    """`_rim_depth` for a light from above: straight up, and only on the first stretch of the
    figure down each column (from its top): what lies under another part of it (a leg under
    the belly, the chest under the head) is in that part's shade."""
    shown = inside | soft
    starts = shown & ~np.pad(shown, ((0, 0), (1, 0)))[:, :-1]  # a stretch's top pixel
    first = np.cumsum(starts, axis=1) <= 1
    depth = _rim_depth(inside, soft, [(0, -k) for k in STEPS])
    return np.where(first, depth, np.uint8(RIM_STEPS + 1))


def _row_depths(inside: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each pixel of the figure (`inside`, indexed [x, y]), how many pixels it lies from
    the first one outside it along its row, looking left and looking right: 1 at the edge,
    0 outside it (past the sprite's border is outside). Worked out from the runs along each row
    at once (a running minimum along the rows cost twice as much)."""
    width, tall = inside.shape
    padded = np.zeros((tall, width + 2), np.int16)  # [y, x], a clear pixel either end
    padded[:, 1:-1] = inside.T
    shows = padded.ravel()
    starts = np.concatenate(([0], np.flatnonzero(np.diff(shows)) + 1)).astype(np.int32)
    lengths = np.diff(np.append(starts, shows.size)).astype(np.int32)  # (of every run)
    at = np.arange(shows.size, dtype=np.int32)
    left = (at - np.repeat(starts, lengths) + 1).astype(np.int16) * shows
    right = (np.repeat(starts + lengths, lengths) - at).astype(np.int16) * shows
    found = np.stack((left, right)).reshape(2, tall, width + 2)[:, :, 1:-1].transpose(0, 2, 1)
    return found[0], found[1]


def _towards(sprite: pygame.Surface, color: Color, amount: np.ndarray,
             alpha: np.ndarray) -> None:
    """Each pixel's colour `amount` of the way to `color` (a layer of the colour, as opaque as
    `amount`, laid over it), its opacity kept as it was (`alpha`)."""
    layer = pygame.Surface(sprite.get_size(), pygame.SRCALPHA)
    layer.fill((*color, 0))
    shade = pygame.surfarray.pixels_alpha(layer)
    shade[...] = np.rint(amount * 255.0).astype(np.uint8)
    del shade
    sprite.blit(layer, (0, 0))
    kept = pygame.surfarray.pixels_alpha(sprite)
    kept[...] = alpha
    del kept
