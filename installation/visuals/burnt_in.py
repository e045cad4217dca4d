"""The picture the visitor was watching the moment before the flash, for the flash to burn in:
the scene before's own layers (its skyline, its buildings, its palm, its lamp post, its booth,
anyone still in it) built and drawn as they stood, over black and over white, made a negative:
the far city whole (no lit windows), what stands near apart from it."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, replace

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeline.model import LayerSpec, Scene
from installation.core.timeutil import forward
from installation.visuals.base import Frame, Layer, Setup, build
from installation.visuals.blending import Paint, draw_blended
from installation.visuals.layers import FACTORIES, seed_of

STRIP = 64  # columns: the masks are laid in strips this wide, each over the rows it shows
NOT_BURNT = ("sky", "caption", "countdown", "particles", "flash", "post", "camera")  # the light
# is where the sky was; words and specks are not the place; a flash does not burn in a flash
MOMENT = 0.5  # story seconds before the flash: the picture burnt in is the scene before's then
SHADE = (0.2, 0.5)  # what stood darker than the first of these (0..1) burns in white, what
# stood lighter than the second (lit glass, neon, lamps, windows) black: the light was there
BAND = 8  # rows worked out into the negative a piece (64: ~30 ms under load; 16 rows of one
# mask ~8 ms: two are worked out together now, from four pictures)
LUMA = np.array([0.3, 0.59, 0.11], np.float32)
NEAR = 0.5  # a layer at this camera `depth` or more stands near (the diner, the booth, the palm);
# the rest is the far city: it burns in whole, a silhouette (its lit windows were a grid of holes
# of light in the dead towers, the city still lit), and ...
FAR_TONE = 0.8  # ... over the horizon this much as white as what stands near, and as dark
# against the light (the lit air between: all one white or black, the diner's wall melted into
# the towers behind it); its ground burns in as the near ground does
UNLIT = "draw_still"  # a split layer's part without its lights (a lit diner's signs: their tubes
# dark glass on their board): what stands near is as dark as it stands there unlit, at most (a
# neon sign's light is nothing against the flash's: its letters and bulbs burn in with the board
# as one dark shape; by their light they showed as holes of sky in it, review 23)
GLASS = (0.6, 0.25)  # what stands near hides this much of the light along the horizon behind
# it where it was glass, at least (the booth's and the diner's: the light seen through, dimmed),
# wherever it covered this much or more (the booth's clear glass: the band ran on through it)


@dataclass(frozen=True)
class Strips:
    """A mask kept as only its parts that show anything, each its own picture (all else is
    black: laid, it need not be laid, nor kept): `parts` are where they lie in the mask."""

    parts: tuple[pygame.Rect, ...]
    pictures: tuple[pygame.Surface, ...]

    def lay(self, surface: pygame.Surface, top: int, flags: int) -> None:
        """The mask over `surface`, its top at row `top`, blended by `flags`."""
        surface.blits([(picture, (part.x, top + part.y), picture.get_rect(), flags)
                       for part, picture in zip(self.parts, self.pictures, strict=True)],
                      doreturn=False)


def cut(mask: pygame.Surface, parts: tuple[pygame.Rect, ...]) -> Strips:
    """The `parts` of a mask, each copied out (the rest is let go)."""
    return Strips(parts, tuple(mask.subsurface(part).copy() for part in parts))


def shown_strips(*masks: pygame.Surface) -> tuple[pygame.Rect, ...]:
    """Boxes holding every pixel of the `masks` (of one size) that is not black: a strip of
    STRIP columns each, from the first row it shows anything in to the last (a palm's crown
    high over the towers is laid with its own few columns, not with the whole width)."""
    width, _height = masks[0].get_size()
    shown = np.zeros(masks[0].get_size(), dtype=bool)
    for mask in masks:
        pixels = pygame.surfarray.pixels2d(mask)
        shown |= pixels != 0
        del pixels  # (the surface is locked while its pixels are referenced)
    boxes = []
    for x in range(0, width, STRIP):
        rows = np.flatnonzero(shown[x:x + STRIP].any(axis=0))
        if rows.size:
            boxes.append(pygame.Rect(x, int(rows[0]), min(STRIP, width - x),
                                     int(rows[-1] - rows[0]) + 1))
    return tuple(boxes)


@dataclass(frozen=True)
class Burnt:
    """The picture burnt in: its `negative`, and how much what stands `near` hides of the light
    along the horizon behind it (None if nothing does), each as the strips that show anything."""

    negative: Strips
    near: Strips | None


def scene_before(setup: Setup) -> Scene:
    """The scene played before the flash's (the day's last before its first)."""
    scenes = setup.timeline.scenes
    return scenes[scenes.index(setup.scene) - 1]


def burnt_in(setup: Setup, horizon: int) -> Generator[None, None, Burnt | None]:
    """The negative of the picture the visitor was watching as the flash came (the scene
    before, MOMENT before the flash's scene begins): what stood dark in it white, what was
    lit or clear sky black (the far city whole over the row `horizon`: see NEAR; if nothing
    stands near, all of it as what stands near, and nothing kept apart); None if nothing
    stood in it. In pieces: each layer's building, each of its drawings, bands of
    the sum."""
    before = scene_before(setup)
    state = state_at(setup.timeline, setup.scene.at - MOMENT, setup.pace)
    frame = Frame(state.story_time, state.scene_seconds, state)
    drawn = Drawn(*(yield from new_surfaces(setup.size, 5)))
    drawn.far_light.fill((255, 255, 255))
    drawn.near_light.fill((255, 255, 255))
    scratch, = yield from new_surfaces(setup.size, 1)
    burnt = [(index, spec) for index, spec in enumerate(before.layers)
             if spec.type not in NOT_BURNT and seen(spec, before, state.story_time)]
    apart = any(near(spec) for _index, spec in burnt)  # (no camera: all stands as one)
    for index, spec in burnt:
        layer = yield from built(setup, before, index, spec)
        if layer is None:
            continue
        warm = getattr(layer, "warm", None)
        if warm is not None:  # (its caches filled in steps, not on its first drawing)
            yield from warm(frame)
        for picture, paint in drawn.paints(layer, near(spec) or not apart):
            yield
            draw_blended(picture, scratch, paint, spec.params, frame)
    negative, hides = yield from new_surfaces(setup.size, 2)
    for top in range(0, setup.size[1], BAND):
        yield
        shade(drawn, (negative, hides), top, horizon)
    yield
    parts = shown_strips(negative)
    if not parts:
        return None
    in_front = shown_strips(hides) if apart else ()
    return Burnt(cut(negative, parts), cut(hides, in_front) if in_front else None)


def new_surfaces(size: tuple[int, int], count: int
                 ) -> Generator[None, None, list[pygame.Surface]]:
    """`count` new surfaces of `size`, a piece each (a full-size one's first touches take
    milliseconds: four made in one piece were 23 ms of a frame building the flash)."""
    made = []
    for _ in range(count):
        made.append(pygame.Surface(size))
        yield
    return made


def near(spec: LayerSpec) -> bool:
    """Does the layer stand near (see NEAR)?"""
    return float(spec.params.get("depth", 0.0)) >= NEAR


@dataclass(frozen=True)
class Drawn:
    """The layers drawn over black and over white, the far city's and what stands near's
    apart, and what stands near over black without its lights (see UNLIT)."""

    far_dark: pygame.Surface
    far_light: pygame.Surface
    near_dark: pygame.Surface
    near_light: pygame.Surface
    near_unlit: pygame.Surface

    def paints(self, layer: Layer, near: bool) -> list[tuple[pygame.Surface, Paint]]:
        """The pictures a layer is drawn on, as it stands near or far, each with how."""
        if not near:
            return [(self.far_dark, layer.draw), (self.far_light, layer.draw)]
        return [(self.near_dark, layer.draw), (self.near_light, layer.draw),
                (self.near_unlit, getattr(layer, UNLIT, layer.draw))]


def seen(spec: LayerSpec, scene: Scene, moment: float) -> bool:
    """Does the layer show at story time `moment` (people gone by then, or not yet come, do
    not: nor are they built)?"""
    if spec.type != "figures":
        return True
    start, until = spec.params["from"], spec.params["until"]
    since = forward(scene.at, moment)
    return (start is None or forward(scene.at, start) <= since) and (
        until is None or forward(scene.at, until) > since)


def built(setup: Setup, scene: Scene, index: int,
          spec: LayerSpec) -> Generator[None, None, Layer | None]:
    """Layer `index` of `scene` built as the show builds it (its own seed, so it stands as
    it stood), in its pieces; None, and told, if it fails (the flash then burns in the rest)."""
    seed = seed_of(setup.timeline.seed, scene, index, spec.type)
    try:
        return (yield from build(FACTORIES[spec.type], spec.params,
                                 replace(setup, scene=scene, seed=seed)))
    except Exception as exc:  # noqa: BLE001 - one broken layer must not stop the flash
        setup.warn(f"{setup.where()}: the flash could not burn in the {spec.type} layer "
                   f"(layer {index + 1}) of scene '{scene.name}': {type(exc).__name__}: {exc}")
        return None


def shade(drawn: Drawn, masks: tuple[pygame.Surface, pygame.Surface], top: int,
          horizon: int) -> None:
    """BAND rows of the `masks` (the negative, how much what stands near hides) from the
    layers `drawn` over black and over white: how much of each pixel they cover (what shows
    of the white, not) times how dark what covers it is (SHADE), grey; the far city by how
    much it covers alone (whole, FAR_TONE over the row `horizon`), behind what stands near."""
    rows = pygame.Rect(0, top, drawn.far_dark.get_width(),
                       min(BAND, drawn.far_dark.get_height() - top))
    far, _ = _cover(drawn.far_dark, drawn.far_light, rows)
    cover, luma = _cover(drawn.near_dark, drawn.near_light, rows)
    luma = np.minimum(luma, pygame.surfarray.array3d(drawn.near_unlit.subsurface(rows)).astype(
        np.float32) @ LUMA / 255.0)
    value = np.clip((SHADE[1] * cover - luma) / (SHADE[1] - SHADE[0]), 0.0, cover)
    tone = np.where(np.arange(rows.top, rows.bottom) < horizon, FAR_TONE, 1.0)
    hides = np.maximum(value, GLASS[0] * np.clip(cover / GLASS[1], 0.0, 1.0))
    for mask, grey_of in zip(masks, (value + far * tone[None, :] * (1.0 - cover), hides),
                           strict=True):
        grey = np.round(grey_of * 255).astype(np.uint8)
        pygame.surfarray.blit_array(mask.subsurface(rows), np.repeat(grey[..., None], 3, 2))


def _cover(dark: pygame.Surface, light: pygame.Surface,
           rows: pygame.Rect) -> tuple[np.ndarray, np.ndarray]:
    """How much the layers drawn over black (`dark`) and over white (`light`) cover each pixel
    of `rows`, and their colour's luma (times that cover), 0..1."""
    over_black = pygame.surfarray.array3d(dark.subsurface(rows)).astype(np.float32)
    over_white = pygame.surfarray.array3d(light.subsurface(rows)).astype(np.float32)
    return (1.0 - (over_white - over_black).max(axis=2) / 255.0,
            over_black @ LUMA / 255.0)
