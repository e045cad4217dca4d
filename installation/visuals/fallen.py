"""Johnie's pylon sign fallen across the near ground after the flash, seen low and near: its
scorched blade lying large and askew in the ash (the same blade, burnt the same way, as hangs
off the pylon in the flash), ash settled on its face, on its letters' dead tubes and along its
upper rim, and drifted low over its foot."""

from __future__ import annotations

import math
import random
from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.ash_debris import near_light
from installation.visuals.ash_ground import ASH
from installation.visuals.base import Color, Pieces, mix, s_curve, scaled, stable_seed
from installation.visuals.burnt_char import patches, ragged
from installation.visuals.burnt_sign import Script, burning_sign, sign_height
from installation.visuals.dead_neon import dead_script
from installation.visuals.diner_signs import NAME_SIZE, Enamel
from installation.visuals.fallen_props import propped, shadowed
from installation.visuals.wilshire import SIGN, SIGN_FONT, Fonts, Sprite

LEFT, RIGHT = 0.02, 0.54  # the blade lies across this much of the picture's width
ROOM = 0.88  # its dead script this much of the lit sign's size: room between it and the bulbs
# round the blade (as large as lit, its s ran close into the right end's bulbs, its J's hook
# into the left's)
FOOT = 0.975  # its lower edge's middle, of the picture's height
CLEAR = 0.035  # its highest point this far below the horizon (of the picture's height): the
# fires at the ruins' feet and the smoke's flames over them are never drawn over it
RECLINE = 0.78  # it lies back on the rubble: seen at most this much shorter than it stands
LIE = 4.0  # degrees it lies askew: its left end higher
FILM = (20, 90)  # the ash settled on its face: least and most opacity (the ash is darker than
# its red script: more would put the dead tubes out)
FILM_KNOTS = (14, 6)  # the film's patches across and up the blade
FILM_TOP = 0.6  # more ash towards its upper edge (this much more at the top than the foot)
FILM_COARSE = 8  # the film is worked out at this fraction of the blade's size
CAP = (0.006, 0.016)  # the ash along its upper rim: thinnest and thickest, of the picture height
CAP_OVER = 0.4  # ... heaped this much of its thickness over the rim
CAP_LIT = 0.35  # ... its upper part, this much of its thickness below the rim, facing the sky
CAP_TONE = (1.08, 0.85)  # ... its upper part and the rest, of the settled ash's colour: no
# lighter than the ash lying on the ground beside it (a pale line round it read as drawn)
CAP_SOFT = 2.0  # rows over which the cap's crest fades in (a ragged line of ash, not a rule)
HEAP = (0.07, 0.14)  # the ash drifted over its foot, lowest and highest, of the blade's
# height (over its edge and onto its face: lower, the edge's dark line ran clear along it and
# it lay on the ash like a sticker; higher, from 06:15 it stood round the sign as a lip: a tray)
END_HEAP = 0.12  # ... and drifted a little higher over its ends (past its letters), this much
# more there (0.5: a wall of ash up each end, the tray's sides)
END_REACH = 0.12  # ... rising over this share of its width from each end (on flat ash round
# it, a whole plate lying on the ground, not sunk in it)
HEAP_KNOTS = 15  # the heap's crests along it
HEAP_MOST = 0.45  # ... never over more than this much of a column of it (at its slanted ends)
GRIT = (0.8, 1.1)  # the heap's ash darker and lighter in streaks of soot and grit (smooth and
# pale, it read as a snowbank)...
GRIT_SIZE = (40, 8)  # ... each streak about this many pixels across and up
SOFT = (3.0, 0.35)  # rows over which the heap's crest fades in: this many at least, or this
# share of its rise over the blade's foot (a crest cut in a few rows read as a rim)
HEAP_FADE = 0.02  # the heap runs out into the ground over this much of the picture's height
HEAP_TONE = (1.0, 0.5)  # the heap's ash, of the settled ash's colour: at its crest, lit by
# the sky, and at its foot, as dark as the sooted ground there (at the face's grey all down, it
# read as more of the plate)
SHADE = 0.8  # the blade lies under the grey sky: its enamel and rim this much darker
EDGE = 0.022  # its edge's thickness, seen below its face, of the picture's height
EDGE_TONE = 0.6  # the edge, in its own shadow, of the ruins' colour
ASH_SHARE = 0.45  # the ash lying on it is the ash on the ground: the ruins' colour this far
# to ash_ground's ASH (as its drifts lie about the blade), as dark as the ground that near
METAL = Enamel((102, 106, 98), (62, 54, 46), (60, 58, 54))  # the blade's enamel after the
# firestorm, burnt to a dull grey (a ghost of its turquoise: the dark dead tubes read on it; a
# grey-brown face read as a beige plate), its frame sooted darker, the bulbs' broken glass
# grey (dark, they read as rivets round a plate)
SCORCH = (0.72, 1.0)  # the burnt metal's light in its patches: darkest, lightest
SCORCH_KNOTS = (16, 5)  # ... patches this many across and up it
BURY_FILM = 170  # buried all the way (`bury` 1), the ash on its face this opaque at its thickest
TUBE_DARK, TUBE_BARE = 40, 0.3  # ... less of it (this share) on what is this dark: the tubes
BURY_KNOTS = (9, 4)  # ... in drifts this many across and up the blade
DUST = (40, 190)  # ash settled along the tubes' upper sides: its opacity as it fell and buried
DUST_ROWS = 2  # ... this many rows down from each tube's top edge
DUST_LIGHT = 1.05  # ... facing the sky: this much lighter than the ash on the face
DUST_FROM = 400  # pixels: a dark shape this big or bigger is a tube (not a broken bulb)
BURY_HEAP = 0.05  # ... and the heap at its foot this much of the blade's height higher...
BURY_ASH = 1.2  # ... both going to the deep ash's colour (ASH, as near as the ground's light
# has it), this much lighter (lit from the sky): the grey face no darker than the whitened
# ground round it (darker, it read as a hole)

Edges = tuple[np.ndarray, np.ndarray, np.ndarray]  # columns that show, each's top and bottom row
Where = tuple[np.ndarray, np.ndarray]  # pixels of a picture: their columns and rows


def fallen(size: tuple[int, int], horizon: int, color: Color, font: Fonts, seed: int,
           buried: tuple[float, ...] = (0.0,)) -> Generator[None, None, list[Sprite]]:
    """The blade fallen over a picture of `size` whose horizon is row `horizon` (`color`: the
    ruins', which the soot takes; its letters in `font`, burnt as `seed` has it), in pieces:
    its blit under each depth of ash in `buried` (0: as it fell, 1: its face greyed over and
    the heap at its foot climbed half up it)."""
    width, height = size
    wide = round((RIGHT - LEFT) * width)
    yield  # (after what came before: the sign is a few pieces of its own)
    standing = yield from burning_sign(font, SIGN, SIGN_FONT, wide, color,
                                       stable_seed(seed, "Johnie's sign"),
                                       (METAL, roomy(font, wide)))
    yield
    rng = np.random.default_rng(stable_seed(seed, "Johnie's sign", "fallen"))
    foot, fade = round(height * FOOT), round(height * HEAP_FADE)
    turn = math.radians(LIE)
    room = (foot - horizon - round(height * CLEAR) - wide * math.sin(turn)) / math.cos(turn)
    tall = max(2, min(round(standing.get_height() * RECLINE), round(room)))
    lying = pygame.transform.smoothscale(standing, (standing.get_width(), tall))
    lying.fill((*scaled((255, 255, 255), SHADE), 255), special_flags=pygame.BLEND_RGBA_MULT)
    _scorched(lying, rng)
    lying = _thick(lying, round(height * EDGE), scaled(METAL.rim, EDGE_TONE))
    middle = foot - tall / 2 - horizon  # (rows below the horizon: how far off it lies)
    near = near_light((height - horizon) / middle)
    settled, deep = scaled(mix(color, ASH, ASH_SHARE), near), scaled(ASH, near * BURY_ASH)
    yield
    _film(lying, settled, rng)
    yield
    thick = (round(height * CAP[0]), round(height * CAP[1]))
    lying = _room(lying, round(thick[1] * CAP_OVER) + 1)  # (for the ash heaped over its rim)
    rim = _edges(lying)
    yield  # (each a piece of its own: together ~5 ms building Ash ahead in the flash)
    _capped(lying, rim, thick, settled, rng)
    heap = rng.bit_generator.state  # (every depth's heap the same shape, only higher)
    yield
    drifts = _deeper_up(lying, BURY_KNOTS,
                        np.random.default_rng(stable_seed(seed, "Johnie's sign", "drifts")))
    yield  # (the drifts and where the face is bare: together ~7.5 ms, loaded)
    dark = _dark(lying)  # (as dark as its tubes: worked out once, for both; twice, the tubes'
    yield  # piece was ~8 ms; with where the face is bare, one piece was ~6 ms)
    bare = _bare(lying, dark)
    yield  # (where the ash lies on the tubes: two pieces of their own, ~5 ms each)
    dark = _tube_dark(lying, dark)
    yield
    tops = _tops_of(dark)
    out: list[Sprite] = []
    for depth in buried:
        yield
        ash = mix(settled, deep, depth)  # (deeper, more of it: the deep ash's colour)
        face = _drifted(lying, (drifts, bare, tops), ash, depth)
        yield
        turned = pygame.transform.rotozoom(face, LIE, 1.0)  # (smooth: its edges not stepped)
        yield
        edges = _edges(turned)
        yield
        rng.bit_generator.state = heap
        blade = yield from _heaped(turned, edges, fade, ash, rng, depth * BURY_HEAP)
        place = (round(width * LEFT), foot - blade.get_height() + fade)
        propped(blade, (edges[0], edges[2]), settled, height,
                np.random.default_rng(stable_seed(seed, "Johnie's sign", "propped")))
        yield
        caster = pygame.Surface(blade.get_size(), pygame.SRCALPHA)
        caster.blit(turned, (0, 0))  # (the blade alone: the heap lies on the ground)
        lying_shadowed, moved = shadowed(blade, height, caster)
        out.append((lying_shadowed, (place[0] - moved[0], place[1] - moved[1])))
    return out


def roomy(font: Fonts, wide: int) -> Script:
    """The dead script (see dead_neon) of a blade `wide` pixels across, ROOM of the size its
    letters have lit (the same place, a little smaller: clear of the bulbs)."""
    size = max(6, round(sign_height(font, SIGN, SIGN_FONT, wide) * NAME_SIZE * ROOM))

    def script(image: pygame.Surface, _letters: pygame.font.Font, words: str,
               centre: tuple[int, int], rng: random.Random) -> Pieces:
        return dead_script(image, font(SIGN_FONT, size), words, centre, rng)

    return script


def _thick(blade: pygame.Surface, edge: int, color: Color) -> pygame.Surface:
    """The blade with its edge seen `edge` rows deep below its face, in `color`."""
    width, height = blade.get_size()
    out = pygame.Surface((width, height + edge), pygame.SRCALPHA)
    side = blade.copy()
    side.fill((*color, 255), special_flags=pygame.BLEND_RGB_MIN)
    side.fill((*color, 255), special_flags=pygame.BLEND_RGB_MAX)
    for down in range(1, edge + 1):
        out.blit(side, (0, down))
    out.blit(blade, (0, 0))
    return out


def _room(blade: pygame.Surface, rows: int) -> pygame.Surface:
    """The blade with `rows` clear rows over it."""
    out = pygame.Surface((blade.get_width(), blade.get_height() + rows), pygame.SRCALPHA)
    out.blit(blade, (0, rows))
    return out


def _deeper_up(blade: pygame.Surface, knots: tuple[int, int],
               rng: np.random.Generator) -> np.ndarray:
    """Soft patches over the blade's face, deeper towards its upper edge, in [0, 1] (x, y,
    worked out at 1/FILM_COARSE of its size and smoothed up when laid: they are soft)."""
    width, height = blade.get_size()
    small = (max(2, width // FILM_COARSE), max(2, height // FILM_COARSE))
    rows = (1 + FILM_TOP * (1 - np.linspace(0, 1, small[1], dtype=np.float32))) / (1 + FILM_TOP)
    return np.asarray(patches(small, knots, rng) * rows[None, :])


def _lay(blade: pygame.Surface, opacity: np.ndarray, settled: Color,
         under: pygame.Surface | None = None) -> None:
    """Ash (`settled`) laid over the blade's face at `opacity` (0 to 255, x, y, at any
    smaller size: smoothed up), only where the blade is (or as much as `under`'s opacity
    lets it: see `_bare`)."""
    film = pygame.Surface(opacity.shape, pygame.SRCALPHA)
    film.fill((*settled, 0))
    alpha = pygame.surfarray.pixels_alpha(film)
    alpha[...] = opacity.astype(np.uint8)
    del alpha
    film = pygame.transform.smoothscale(film, blade.get_size())
    shape = under
    if shape is None:  # (the ash lies only on the blade: its alpha at most the blade's)
        shape = blade.copy()
        shape.fill((255, 255, 255, 0), special_flags=pygame.BLEND_RGBA_MAX)
    film.blit(shape, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    blade.blit(film, (0, 0))


def _drifted(blade: pygame.Surface, drifts: tuple[np.ndarray, pygame.Surface, Where],
             settled: Color, depth: float) -> pygame.Surface:
    """The blade with ash `depth` deep (0 to 1) drifted over its face (`drifts`: see
    `_deeper_up`, and where it lies: see `_bare`), the deepest drifts greyed over first, the
    whole face by 1, and settled along the tubes' tops (see `_tops`); a copy."""
    out = blade.copy()
    if depth > 0:
        _lay(out, BURY_FILM * np.clip(depth * (0.4 + drifts[0]) - 0.15, 0, 1), settled,
             drifts[1])
    share = (DUST[0] + (DUST[1] - DUST[0]) * depth) / 255
    xs, ys = drifts[2]
    rgb = pygame.surfarray.pixels3d(out)
    under = rgb[xs, ys].astype(np.float32)
    rgb[xs, ys] = (under + (np.array(scaled(settled, DUST_LIGHT), np.float32) - under)
                   * share).astype(np.uint8)
    del rgb
    return out


def _dark(blade: pygame.Surface) -> np.ndarray:
    """Where the blade is as dark as its dead tubes (TUBE_DARK, its channels' mean), x, y.
    (Its channels added one by one, read in place: summed over their axis, a copy of the
    picture, ~6 ms of a frame building the Ash ahead.)"""
    channels = pygame.surfarray.pixels3d(blade)
    total = channels[..., 0].astype(np.uint16)
    total += channels[..., 1]
    total += channels[..., 2]
    del channels
    return np.asarray(total < 3 * TUBE_DARK)


def _tops(blade: pygame.Surface) -> Where:
    """Where ash settles on the blade's dead tubes (see `_tops_of`)."""
    return _tops_of(_tube_dark(blade))


def _tube_dark(blade: pygame.Surface, dark: np.ndarray | None = None) -> np.ndarray:
    """Where the blade shows and is as dark as its tubes (`dark`, or see `_dark`), x, y."""
    dark = _dark(blade) if dark is None else dark
    return np.asarray(dark & (pygame.surfarray.array_alpha(blade) > 128))


def _tops_of(dark: np.ndarray) -> Where:
    """Where ash settles on the dead tubes (`dark`: where the blade is as dark as they are):
    their pixels DUST_ROWS down from each tube's upper edge, as snow lies along a branch (the
    name greyed over by a flat film read as printed on a tray)."""
    picture = pygame.surfarray.make_surface(dark.astype(np.uint8))
    picture.set_colorkey(0)
    tubes = pygame.mask.Mask(dark.shape)
    for shape in pygame.mask.from_surface(picture).connected_components(DUST_FROM):
        tubes.draw(shape, (0, 0))
    dark = pygame.surfarray.array_red(tubes.to_surface()) > 0
    top = np.zeros_like(dark)
    for down in range(DUST_ROWS):
        edge = dark.copy()
        edge[:, down + 1:] &= ~dark[:, :-(down + 1)]  # (no tube that far above it)
        top |= edge
    xs, ys = np.nonzero(top)
    return xs, ys


def _bare(blade: pygame.Surface, dark: np.ndarray | None = None) -> pygame.Surface:
    """Where the drifting ash lies on the blade (its opacity: a white picture): on its metal,
    thinner on its dead tubes standing proud of it (dark, as the sheet's darkest: TUBE_DARK,
    `dark` if given: see `_dark`), so the name still shows through as the face greys over."""
    out = blade.copy()
    out.fill((255, 255, 255, 0), special_flags=pygame.BLEND_RGBA_MAX)
    dark = _dark(blade) if dark is None else dark
    alpha = pygame.surfarray.pixels_alpha(out)
    alpha[dark] = (alpha[dark] * (1 - TUBE_BARE)).astype(np.uint8)
    del alpha
    return out


def _film(blade: pygame.Surface, settled: Color, rng: np.random.Generator) -> None:
    """Ash settled over the blade's face in soft patches, thicker towards its upper edge."""
    _lay(blade, FILM[0] + (FILM[1] - FILM[0]) * _deeper_up(blade, FILM_KNOTS, rng), settled)


def _scorched(blade: pygame.Surface, rng: np.random.Generator) -> None:
    """The blade's metal burnt unevenly: darker and lighter in broad soft patches (one flat
    tone read as a slab painted on the ground)."""
    width, height = blade.get_size()
    small = (max(2, width // FILM_COARSE), max(2, height // FILM_COARSE))
    burnt = patches(small, SCORCH_KNOTS, rng)
    light = pygame.transform.smoothscale(pygame.surfarray.make_surface(np.repeat(
        (255 * (SCORCH[0] + (SCORCH[1] - SCORCH[0]) * burnt))[..., None].astype(np.uint8),
        3, 2)), (width, height))
    blade.blit(light, (0, 0), special_flags=pygame.BLEND_RGB_MULT)


def _edges(blade: pygame.Surface) -> Edges:
    """The blade's columns that show, and in each its top and bottom row."""
    solid = pygame.surfarray.array_alpha(blade) > 128
    shown = np.nonzero(solid.any(axis=1))[0]
    top = solid[shown].argmax(axis=1)
    bottom = solid.shape[1] - 1 - solid[shown, ::-1].argmax(axis=1)
    return shown, top, bottom


def _wander(count: int, knots: int, rng: np.random.Generator) -> np.ndarray:
    """`count` values wandering smoothly between 0 and 1 through `knots` random ones."""
    at = np.linspace(0, knots - 1, count)
    low = np.minimum(knots - 2, at.astype(int))
    part = s_curve(at - low)
    values = rng.random(knots)
    return np.asarray(values[low] + (values[low + 1] - values[low]) * part)


def _capped(blade: pygame.Surface, edges: Edges, thick: tuple[int, int], settled: Color,
            rng: np.random.Generator) -> None:
    """Ash (`settled`) lying along the blade's upper rim (`edges`: see `_edges`), thicker and
    thinner along it, a little of it heaped over the rim, its crest soft; the ash facing the
    sky as light as that on the ground, greyer under: the rim's burnt metal shows below it."""
    shown, top, _bottom = edges
    deep = thick[0] + (thick[1] - thick[0]) * _wander(len(shown), HEAP_KNOTS * 2, rng)
    over = np.maximum(1, np.round(deep * CAP_OVER)).astype(int)[:, None]
    down = np.arange(int((deep * (1 + CAP_OVER)).max()) + 2)[None, :]
    rows = top[:, None] - over + down
    lying = (down <= over + deep[:, None]) & (rows >= 0)
    lit = down <= over + deep[:, None] * CAP_LIT
    colors = np.where(lit[..., None], scaled(settled, CAP_TONE[0]),
                      scaled(settled, CAP_TONE[1])).astype(np.uint8)
    opacity = np.clip((down + 1) / CAP_SOFT, 0, 1) * 255  # (its crest not cut sharp)
    columns = np.broadcast_to(shown[:, None], rows.shape)
    rgb = pygame.surfarray.pixels3d(blade)
    alpha = pygame.surfarray.pixels_alpha(blade)
    under = rgb[columns[lying], rows[lying]].astype(np.float32)
    share = np.broadcast_to(opacity, rows.shape)[lying][:, None] / 255
    was = alpha[columns[lying], rows[lying]] > 0  # (over the blade: the ash on its metal)
    mixed = np.where(was[:, None], under + (colors[lying] - under) * share, colors[lying])
    rgb[columns[lying], rows[lying]] = mixed.astype(np.uint8)
    alpha[columns[lying], rows[lying]] = np.maximum(
        alpha[columns[lying], rows[lying]], (share[:, 0] * 255).astype(np.uint8))
    del rgb, alpha


def _heaped(blade: pygame.Surface, edges: Edges, fade: int, settled: Color,
            rng: np.random.Generator,
            higher: float = 0.0) -> Generator[None, None, pygame.Surface]:
    """The blade with ash heaped against its lower edge (`edges`: see `_edges`), `higher`
    (of its height) more of it, running out into the ground below it over `fade` rows (worked
    out only down each column from the heap's crest), in pieces: the heap worked out, its
    colours, its opacity laid over the blade."""
    width, height = blade.get_size()
    out = pygame.Surface((width, height + fade), pygame.SRCALPHA)
    out.blit(blade, (0, 0))
    shown, top, bottom = edges
    wander = _wander(len(shown), HEAP_KNOTS, rng)
    along = (shown - shown[0]) / max(1, shown[-1] - shown[0])
    ends = s_curve(np.clip(1 - np.minimum(along, 1 - along) / END_REACH, 0, 1))
    rise = height * (HEAP[0] + (HEAP[1] - HEAP[0]) * wander + higher * (0.5 + wander))
    rise = np.minimum(rise, (bottom - top) * (HEAP_MOST + higher))  # (its ends' metal shows)
    rise = rise + (bottom - top) * END_HEAP * ends * (0.6 + 0.4 * wander)
    crest = (bottom - rise).astype(int)[:, None]
    deep = (bottom[:, None] + fade - crest).astype(np.float32)  # crest to where it runs out
    down = np.arange(int(deep.max()) + 1, dtype=np.float32)[None, :]  # rows below the crest
    below = np.clip((down - (deep - fade)) / max(1, fade), 0, 1)
    soft = np.clip((down + 1) / np.maximum(SOFT[0], rise * SOFT[1])[:, None], 0, 1)  # (its
    # crest not cut sharp: it thins onto the face)
    opacity = np.where(down <= deep, 255 * (1 - below) * soft, 0).astype(np.uint8)
    tone = HEAP_TONE[0] + (HEAP_TONE[1] - HEAP_TONE[0]) * np.sqrt(np.minimum(1, down / deep))
    size = (len(shown), down.shape[1])
    grit = ragged(size, (size[0] // GRIT_SIZE[0] + 2, size[1] // GRIT_SIZE[1] + 2), rng)
    tone = tone * (GRIT[0] + (GRIT[1] - GRIT[0]) * np.clip(grit, 0, 1))
    rows = np.minimum(crest + down.astype(int), height + fade - 1)
    yield
    heap = pygame.Surface(out.get_size(), pygame.SRCALPHA)
    colors = (np.array(settled, np.float32) * tone[..., None]).astype(np.uint8)
    half = len(shown) // 2
    for part in (slice(0, half), slice(half, None)):  # (a piece each: ~3 ms in one)
        yield
        rgb = pygame.surfarray.pixels3d(heap)
        rgb[shown[part, None], rows[part]] = colors[part]
        del rgb
    yield
    alpha = pygame.surfarray.pixels_alpha(heap)
    alpha[shown[:, None], rows] = opacity
    del alpha
    out.blit(heap, (0, 0))
    return out
