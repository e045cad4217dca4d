"""Fires dying down: their flames lower, redder and fainter, what they hide and the light they
throw as much less (made once per strength, from a fire's sprites as made, see flames); and
fires in a scene a transition fades, dying along the same path as they fade (`lay_fires`)."""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, replace

import pygame

from installation.core.timeline.model import Scene
from installation.visuals.base import Color, Frame, finished, mix, scaled
from installation.visuals.flames import Fire
from installation.visuals.light_wipe import held
from installation.visuals.transitions import MASKED, weights

DIE_LOW = 0.5  # a fire dying all the way down: its flames this much of their height
DIE_RED: Color = (255, 95, 50)  # ... their light multiplied by this (the yellow goes first)
DIE_FADE = 2.0  # ... their flames as faint as this power of their strength (overlapping tongues
# added up to a yellow blaze at half strength; leaning, at 1.5 they still did at 06:30)
DIE_HIDE = 1.0  # ... hiding what is behind them as much less as this power of their strength
# (as the square of their brightness, a fire half died down hid a sixteenth as much: at 05:40-06:30
# the burning towers' lit windows and the sky showed through their flames, thin, pink)
GHOST = 0.4  # ... and weaker than this (a fire going out, sinking to nothing), hiding less
# again in step with it: hiding as much as its light, its flames stood as a dark grey ghost
WHITE: Color = (255, 255, 255)
BLACK: Color = (0, 0, 0)
THROUGH_ROWS = 64  # fires faded are laid on pictures of their own in bands this tall (see
# _through: taller, more of each band's picture is lit by nothing; shorter, more blits)
Blits = Sequence[tuple[pygame.Surface, tuple[int, int]]]
DIE_FRAMES, DIE_LIGHTS = 8, 3  # ... made this many of a fire's frames a piece (a building's
# fire's 32 at once took 24 ms), and this many of its lights


def dying(fire: Fire, level: float) -> Fire:
    """`fire` at `level` of its strength, all at once (see `dying_pieces`)."""
    return finished(dying_pieces(fire, level))


def dying_pieces(fire: Fire, level: float) -> Generator[None, None, Fire]:
    """`fire` at `level` of its strength (1: as made): for additive blits, its flames,
    their light and the light up its smoke fainter, the flames lower and redder (to DIE_LOW
    and DIE_RED at 0), its embers fainter (made DIE_FRAMES of a fire's flames, or of what
    they hide, a piece, then DIE_LIGHTS of its lights)."""
    red = reddened(level)
    tall = DIE_LOW + (1 - DIE_LOW) * level
    blazes = []
    for book in fire.blazes:
        frames = yield from made_apart(book.frames, DIE_FRAMES, lambda part: dimmed(
            part, scaled(red, level ** DIE_FADE), tall))
        covers = yield from made_apart(book.covers, DIE_FRAMES, lambda part: weakened(
            part, hiding(level), tall))  # (a blaze's 32 at once, with 3 lights: 1.6 million
        # pixels, ~4 ms of a frame building the Ash)
        blazes.append(replace(book, frames=frames, covers=covers,
                              anchor=(book.anchor[0], round(book.anchor[1] * tall)),
                              size=(book.size[0], round(book.size[1] * tall))))
    lights = yield from dimmed_pieces(fire.lights, scaled(red, level))
    undersides = yield from dimmed_pieces(fire.undersides, scaled(red, level))
    pools = yield from dimmed_pieces(fire.pools, scaled(red, level))
    embers = yield from dimmed_pieces(fire.embers, scaled(WHITE, level))
    return replace(fire, blazes=tuple(blazes), lights=lights, undersides=undersides,
                   pools=pools, embers=embers)


def made_apart(images: Sequence[pygame.Surface], count: int,
               make: Callable[[Sequence[pygame.Surface]], tuple[pygame.Surface, ...]]
               ) -> Generator[None, None, tuple[pygame.Surface, ...]]:
    """`make` of `images`, `count` of them a piece (in order)."""
    out: list[pygame.Surface] = []
    for start in range(0, len(images), count):
        out.extend(make(images[start:start + count]))
        yield
    return tuple(out)


def reddened(level: float) -> Color:
    """The colour a fire's light is multiplied by at `level` of its strength, before it
    fades: white at full strength, DIE_RED at none (the yellow goes first, then the red)."""
    return mix(WHITE, DIE_RED, 1 - level)


def hiding(level: float) -> float:
    """How much of what is behind them flames at `level` of their strength hide (0..1)."""
    return level ** DIE_HIDE * min(1.0, level / GHOST)


def weakened(covers: Sequence[pygame.Surface], share: float,
             tall: float) -> tuple[pygame.Surface, ...]:
    """Covers (see `cover_of`) of flames `tall` as tall, hiding `share` (0..1) as much."""
    share = round(255 * share)
    out = []
    for cover in covers:
        w, h = cover.get_size()
        copy = pygame.transform.smoothscale(cover, (w, max(2, round(h * tall)))) \
            if tall < 1 else cover.copy()
        copy.fill((share,) * 3, special_flags=pygame.BLEND_RGB_MULT)
        copy.fill((255 - share,) * 3, special_flags=pygame.BLEND_RGB_ADD)
        out.append(copy)
    return tuple(out)


def dimmed_pieces(images: Sequence[pygame.Surface],
                  tint: Color) -> Generator[None, None, tuple[pygame.Surface, ...]]:
    """`dimmed` made DIE_LIGHTS of them a piece (a building's fire's ten lights at once: 4.5
    ms)."""
    return (yield from made_apart(images, DIE_LIGHTS, lambda part: dimmed(part, tint)))


def dimmed(images: Sequence[pygame.Surface], tint: Color,
           tall: float = 1.0) -> tuple[pygame.Surface, ...]:
    """Copies of `images` (for additive blits) multiplied by `tint`, `tall` as tall."""
    out = []
    for image in images:
        w, h = image.get_size()
        copy = pygame.transform.smoothscale(image, (w, max(2, round(h * tall)))) \
            if tall < 1 else image.copy()
        copy.fill(tint, special_flags=pygame.BLEND_RGB_MULT)
        out.append(copy)
    return tuple(out)


@dataclass(frozen=True)
class Fade:
    """How a scene's fires burn in a frame of a transition fading the scene: their light
    multiplied by `tint`, their flames hiding `hide` (0..1) as much of what is behind them."""

    tint: Color
    hide: float


def fire_fade(frame: Frame, scene: Scene) -> Fade | None:
    """How the fires of `scene` burn in this frame (None: as they are). A scene fading out
    (or in) by its share of the picture: its fires die (or kindle) along a fire's path,
    yellow to red to ember, redder as the share goes (the fade dims them: scaled alike, a
    yellow flame went olive-green as it darkened). Left by a light wipe: they die down as
    the morning holds the night down, fainter and redder, hiding less, out before the night
    can no longer show above the morning (held down channel by channel, a flame took the
    haze's colour, yellow-green round a blue-grey core)."""
    state = frame.state
    if not state.in_transition or (scene is not state.scene and scene is not state.previous):
        return None
    kind, leaving = state.scene.transition.type, scene is state.previous
    if kind == "light-wipe":
        if not leaving:  # (the morning's own fires rise red first: see light_wipe.RISE)
            return None
        level = held(state.progress)
        return None if level >= 1 else Fade(scaled(reddened(level), level), hiding(level))
    if kind in MASKED:  # (each pixel is one scene's or the other's: no fire half faded)
        return None
    old, new, _white = weights(kind, state.progress)
    share = old if leaving else new
    return None if share >= 1 else Fade(reddened(share), 1.0)


def lay_fires(surface: pygame.Surface, covers: Blits, lights: Blits, fade: Fade | None) -> None:
    """Fires over the picture: what their flames hide (`covers`, multiplied), then their
    light (`lights`, added), as `fade` has them (None: as they are)."""
    if fade is None:
        surface.fblits(covers, pygame.BLEND_RGB_MULT)
        surface.fblits(lights, pygame.BLEND_RGB_ADD)
        return
    if fade.hide < 1 and covers:
        share = round(255 * fade.hide)  # (a cover is white where it hides nothing)
        _through(surface, covers, WHITE, pygame.BLEND_RGB_MULT,
                 [((share,) * 3, pygame.BLEND_RGB_MULT),
                  ((255 - share,) * 3, pygame.BLEND_RGB_ADD)])
    else:
        surface.fblits(covers, pygame.BLEND_RGB_MULT)
    if lights:
        _through(surface, lights, BLACK, pygame.BLEND_RGB_ADD,
                 [(fade.tint, pygame.BLEND_RGB_MULT)])


def _through(surface: pygame.Surface, blits: Blits, ground: Color, flags: int,
             changes: list[tuple[Color, int]]) -> None:
    """`blits` laid (by `flags`) on a picture of their own over `ground`, changed by each of
    `changes` (a colour filled by its flags), then that laid over `surface` by `flags`: only
    within the surface's clip (a background painted again round one fire's step made its own
    picture of every fire's light), band by band of THROUGH_ROWS rows, one picture round each
    group of blits that overlap there. (The ground changes nothing laid by `flags`, so apart
    they give the same pixels as one picture round all: round every fire's light it was a
    third of the picture, of which they light a fifth, each frame of a fade.)"""
    clip = surface.get_clip()
    boxes = [pygame.Rect(at, image.get_size()).clip(clip) for image, at in blits]
    shown = [box for box in boxes if box.width and box.height]
    if not shown:
        return
    top, bottom = min(box.top for box in shown), max(box.bottom for box in shown)
    for row in range(top, bottom, THROUGH_ROWS):
        band = pygame.Rect(clip.left, row, clip.width, min(THROUGH_ROWS, bottom - row))
        parts = [box.clip(band) for box in boxes]
        for group in overlapping(parts):
            area = parts[group[0]].unionall([parts[n] for n in group[1:]])
            _lay_own(surface, [blits[n] for n in group], area, ground, flags, changes)


def _lay_own(surface: pygame.Surface, blits: Blits, area: pygame.Rect, ground: Color,
             flags: int, changes: list[tuple[Color, int]]) -> None:
    """`blits` laid on a picture of `area` over `ground`, changed, then laid over `surface`
    there (see `_through`)."""
    own = pygame.Surface(area.size)  # (made black)
    if ground != BLACK:
        own.fill(ground)
    own.fblits([(image, (x - area.x, y - area.y)) for image, (x, y) in blits], flags)
    for color, change in changes:
        own.fill(color, special_flags=change)
    surface.blit(own, area.topleft, special_flags=flags)


def overlapping(boxes: Sequence[pygame.Rect]) -> list[list[int]]:
    """The indices of the boxes (empty ones left out) in groups whose boxes round them
    overlap no other group's, each in the order given."""
    groups: list[tuple[pygame.Rect, list[int]]] = []
    for n, box in enumerate(boxes):
        if not box.width or not box.height:
            continue
        joined, members = box.copy(), [n]
        while touched := [group for group in groups if group[0].colliderect(joined)]:
            for group in touched:
                groups.remove(group)
                joined.union_ip(group[0])
                members.extend(group[1])
        groups.append((joined, members))
    return [sorted(members) for _box, members in groups]
