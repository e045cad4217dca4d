"""The light wipe: the morning comes up over the same place. The sky brightens as one, each
pixel always between the two pictures (what the morning has brighter rises over the night, what
it has darker comes out of the light over it, a palm, whole); then the light comes down over
the land from the horizon to our feet, a soft front shaped as light on the tar, warm where it
passes (see light_front; a ruler-straight edge read as a screen tear)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from installation.core.timeline.model import Scene
from installation.visuals.base import Color, Pieces, at_once, clamp01, s_curve
from installation.visuals.camera import Camera
from installation.visuals.light_figures import Name, Pair, Whole
from installation.visuals.light_front import Band, LightFront
from installation.visuals.palette import sun_position
from installation.visuals.transitions import Draw, Key

START = 0.1  # of the way: the night holds this long before the morning begins to come up (the
# first tenth of the rise showed nothing, but drew both scenes)
RISE = (0.8, 0.9, 1.0)  # the arriving scene's red, green and blue rise over this share of the
# way: the light warm as it comes, its blue last
RISE_POWER = 2.0  # its share rises as the square of an S-curve: slowly at first (raised a
# share of the way to the morning, a palm's crown came out of the sky before its foot)
HOLD = 0.5  # the night is held down to the morning (plus what is left of the light) over this
# share of the way: what the morning has darker comes out of the light as its sky brightens
EDGE = (0.3, 0.9)  # of the way: the light's edge leaves the horizon, then reaches the foot of the
# picture (the sky half risen when it sets out, the morning whole once it is down)
EDGE_POWER = 1.6  # the edge comes on slowly over the far shore and faster as it nears us (the
# land is drawn in depth: a steady light over the tar covers the far rows slowly)
CAPTION_GONE = 0.4  # the leaving scene's words are gone this share of the way in, as the
# morning rises round them
CAPTION_FROM = 0.75  # the arriving scene's words come from this share of the way to its end
Rgb = tuple[int, int, int]


@dataclass(frozen=True)
class Layout:
    """A light wipe's frame at one progress: in the sky, the arriving scene's share where it
    is brighter than the one being left (0..255 in red, green and blue: `rise`) and how far
    above the arriving scene the frame may still be (255: any, `lift`); on the land, the
    share of it the light's edge has come down over (`edge`, 0..1)."""

    rise: Rgb
    lift: Rgb
    edge: float = 0.0

    @property
    def old_whole(self) -> bool:
        """Is the frame the old scene alone?"""
        return max(self.rise) == 0 and min(self.lift) == 255 and self.edge <= 0.0

    @property
    def new_whole(self) -> bool:
        """Is the frame the new scene alone?"""
        return min(self.rise) == 255 and max(self.lift) == 0 and self.edge >= 1.0


def layout(progress: float) -> Layout:
    """A light wipe's levels `progress` of the way."""
    way = clamp01((progress - START) / (1 - START))
    rise = tuple(round(255 * s_curve(clamp01(way / span)) ** RISE_POWER) for span in RISE)
    lift = 255 - round(255 * s_curve(clamp01(way / HOLD)))
    edge = clamp01((way - EDGE[0]) / (EDGE[1] - EDGE[0])) ** EDGE_POWER
    return Layout((rise[0], rise[1], rise[2]), (lift, lift, lift), edge)  # one lift for all
    # three (the night's blue held above its red tinted what came out of it cyan)


def land_row(scene: Scene, camera: Camera) -> int:
    """The row of the screen where the land of a scene arriving by a light wipe begins (its
    sky's horizon; with no sky layer, the top: the light's edge comes down the whole picture)."""
    horizon = next((layer.params["horizon"] for layer in scene.layers if layer.type == "sky"),
                   0.0)
    top = camera.to_screen(0.0, float(horizon) * camera.world[1])[1]
    return max(0, min(camera.size[1], round(top)))


def light_column(hour: float, camera: Camera) -> int:
    """The column of the screen over which the arriving scene's sun stands at `hour` (story
    hours), where its light comes down over the land first (the sun down: the middle)."""
    sun = sun_position(hour)
    across = 0.5 if sun is None else sun[0]
    column = camera.to_screen(across * camera.world[0], 0.0)[0]
    return max(0, min(camera.size[0], round(column)))


def held(progress: float) -> float:
    """How far above the arriving scene the one being left may still show `progress` of the
    way (1: anywhere, 0: nowhere): the night's fires die down with it (held down to the
    morning channel by channel, a flame went yellow-green round a blue-grey core: the
    morning's haze)."""
    return layout(progress).lift[0] / 255


class LightWipe:
    """The morning comes up over the same place. In the sky, the whole of it as one: each
    pixel, t of the way (0..1), the scene being left raised t of the way to the arriving one
    where that is brighter, held no brighter than the arriving one lifted by what is left of
    the light (min(old + t max(new - old, 0), new + lift)): always between the two pictures,
    the old one at 0, the new one at 1. What the arriving scene has brighter (its sky, its
    sun) rises over the night, what the night has darker (smoke) going as the morning
    outshines it; what the arriving scene has darker (a palm) comes out of the light over
    it, whole, and what the night has brighter (lit windows) is held down to the morning's
    (its fires die down before that: see `held`). On the land, the light comes down from the
    horizon to the foot of the picture (see `LightFront`): above its soft front the arriving
    scene whole, below it the one being left whole, through it the one going into the other
    under the warm light passing."""

    def __init__(self, size: tuple[int, int], seed: int = 0) -> None:
        at_once(self.pieces(size, seed))

    def pieces(self, size: tuple[int, int], seed: int) -> Pieces:
        """Its three pictures, a piece each (nothing to make ahead but the two `ready` holds),
        then the light's front over the land (`seed`: its swell). A new full-frame surface's
        first touches take a piece of their own: the three in one piece took 13-20 ms of a
        frame."""
        self.size = size
        self._lifted = pygame.Surface(size)
        yield
        self._gain = pygame.Surface(size)  # (how much brighter the arriving picture is than
        yield  # the old one, times the rise)
        self._new = pygame.Surface(size)  # the arriving scene's picture, held
        self._rise: Rgb = (0, 0, 0)
        self._sky = pygame.Rect(0, 0, 0, 0)  # the rows `lay` mixes
        self._key: Key | None = None  # what the pictures held were drawn for
        yield
        self.front = LightFront.__new__(LightFront)
        yield from self.front.pieces(size, seed)
        self._band: Band | None = None  # the land's front `lay` lays
        self._wholes: dict[Name, Whole] = {}  # the figures it takes whole
        self._taken: list[tuple[Whole, float, Color]] = []  # ... in this frame: each with
        # the morning's share and light where it stands

    def layout(self, progress: float) -> Layout:
        """The frame's levels `progress` of the way (see `layout`)."""
        return layout(progress)

    def showing(self, progress: float) -> tuple[bool, bool]:
        """Does each scene (old, new) show in the picture `progress` of the way: the old one
        until the picture has turned whole, the new one once it has begun to?"""
        made = self.layout(progress)
        return not made.new_whole, not made.old_whole

    def caption_shares(self, box: pygame.Rect, progress: float) -> tuple[float, float]:
        """How strongly a caption shows `progress` of the way, for the scene being left and
        the one arriving (wherever it lies, `box`): the leaving scene's words go as the
        morning begins to rise round them, the arriving scene's come as it ends (never words
        over the other scene, nor half over both)."""
        del box
        way = clamp01(progress)
        return (1.0 - float(s_curve(clamp01(way / CAPTION_GONE))),
                float(s_curve(clamp01((way - CAPTION_FROM) / (1 - CAPTION_FROM)))))

    def ready(self, key: Key | None, draw: Draw, progress: float,
              land: int | None = None, light: int | None = None,
              figures: Callable[[], Sequence[Pair]] | None = None) -> None:
        """Hold the arriving scene's picture as `draw` draws it (again only when asked with
        another `key`; None: always), and lifted to the level `progress` of the way, and its
        land through the light's front, for `lay` (a pair of frames asks once). `land`: the
        row the land begins (see `land_row`; None: the whole picture is sky); `light`: the
        column the light comes down first (see `light_column`; None: the middle); `figures`:
        those standing in both scenes' land, each taken whole (see light_figures), asked once
        the arriving scene is drawn (a scene arriving is built in full by its first draw)."""
        if key is not None and key == self._key:
            return
        self._key = None  # a draw that raises leaves nothing half made behind
        made = self.layout(progress)
        self._rise = made.rise
        width, height = self.size
        top = height if land is None else max(0, min(height, land))
        self._sky = pygame.Rect(0, 0, width, top)
        self._band = None
        if top < height and made.edge > 0.0:  # the land the light has reached
            self._band = self.front.band(top, made.edge, width // 2 if light is None else light)
        draw(self._new)
        self._taken = self._take(figures() if figures is not None else ())
        self._lifted.blit(self._new, (0, 0), self._sky)
        if max(made.lift) > 0:
            self._lifted.fill(made.lift, self._sky, special_flags=pygame.BLEND_RGB_ADD)
        if self._band is not None:
            self.front.make(self._new, self._band)
        self._key = key

    def _take(self, figures: Sequence[Pair]) -> list[tuple[Whole, float, Color]]:
        """The figures the front reaches over in this frame, each whole with the morning's
        share and light along the row it stands on (the masks of those it leaves, let go)."""
        band = self._band
        wholes: dict[Name, Whole] = {}
        for pair in figures:
            whole = wholes[pair[1].name] = self._wholes.get(pair[1].name) or Whole()
            whole.fit(pair)
        self._wholes = wholes
        if band is None:
            return []
        taken = [whole for whole in wholes.values() if whole.touched(band.rows)]
        for whole in taken:
            whole.made()
        return [(whole, *self.front.along(band, whole.row, whole.feet)) for whole in taken]

    def lay(self, target: pygame.Surface) -> None:
        """The frame made over the old scene's picture in `target`: in the sky, where the
        arriving scene held (`ready`) is brighter, the old one raised `rise` of the way to it,
        then held down to it lifted; on the land, the arriving scene whole where the light has
        passed and through its front (`LightFront.lay`), the old one below it; a figure
        standing in both, whole, as the light along the row it stands on has it."""
        for whole, _share, _glow in self._taken:
            whole.keep(target)
        sky = self._sky
        if sky.height:
            self._gain.blit(self._new, (0, 0), sky)
            self._gain.blit(target, (0, 0), sky, special_flags=pygame.BLEND_RGB_SUB)  # how
            if min(self._rise) < 255:  # much brighter (none where darker)
                self._gain.fill(self._rise, sky, special_flags=pygame.BLEND_RGB_MULT)
            target.blit(self._gain, (0, 0), sky, special_flags=pygame.BLEND_RGB_ADD)
            target.blit(self._lifted, (0, 0), sky, special_flags=pygame.BLEND_RGB_MIN)
        if self._band is not None:
            self.front.lay(target, self._new, self._band)
        for whole, share, glow in self._taken:
            whole.lay(target, self._new, share, glow)

    def forget(self) -> None:
        """Name no picture held (its key names the scenes it was drawn from: kept, it kept
        them)."""
        self._key = None
        self._wholes, self._taken = {}, []

    def apply(self, surface: pygame.Surface, old: pygame.Surface, new: pygame.Surface,
              progress: float, land: int | None = None, light: int | None = None) -> None:
        """The frame `progress` of the way from the picture `old` to `new`, its land from row
        `land`, the light first down on column `light` (as the show makes it, in two frames:
        `ready`, then `lay` over the old one)."""
        def copy(target: pygame.Surface) -> None:
            target.blit(new, (0, 0))

        surface.blit(old, (0, 0))
        self.ready(None, copy, progress, land, light)
        self.lay(surface)
