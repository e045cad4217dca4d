"""Inside Johnnie's at 4 a.m., looking out through the big glass front: pendant lamps under a
ceiling that sweeps up to the glass, booths along it, a checkered floor, the night outside; and,
as parts of their own drawn over people, the glass front again (its frame and the broken pane,
over the people outside) and the near counter with its pie case and coffee urn.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from itertools import product
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import (
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    hash01,
    stable_seed,
)
from installation.visuals.counter import counter
from installation.visuals.diner_after import Aisle, Steam, since
from installation.visuals.diner_booths import WALL_FOOT
from installation.visuals.diner_door import Leaf, swings
from installation.visuals.diner_glass import cracked, smashed_by, strewn
from installation.visuals.diner_spill import Spilt
from installation.visuals.diner_street import clear_street, street_alone, street_apart
from installation.visuals.interior_room import DOOR, GLASS_RIGHT, Room

PANE_BROKEN = 2  # which pane goes, from the left
SHARDS_REACH = 0.05  # glass thrown over the floor under the broken pane, of the picture
HOLE = (6, 8, 16, 120)  # where the glass has gone: no reflection of the room, the night
OPAQUE = 254  # a pixel of the room above this alpha is no glass (the frame, a lamp, a booth)
ALPHA_BITS = 0xFF  # a pixel's alpha, shifted down to the lowest byte of the pixel
OUTSIDE = (0.4, 0.56)  # the rows people outside are seen in, through the glass (their heads
#                        below the first, their feet on the pavement above the second)
STRIP = 32  # the glass part's frame is cut into pieces this many columns wide (an upright, the
#             top of a booth's back, or nothing: a few small blits, not one over the whole width)
BEYOND_DOOR_TOP = 0.35  # the wall part from this row down (under the clock's face, whose hands
#                        move: over the heads and raised fists of people going out of the door;
#                        from 0.38 the top of a head showed over the wall, cut flat)
TILE = 96  # the broken pane (drawn every frame by the glass part) in pieces this wide and tall


class Still(Room):
    """The coffee shop's still parts, built as the room is: the glass front over the people
    outside, the street seen through it (on a plane of its own) and the near counter over
    the people at it. Still layers (the pane breaks once, at its time): one drawn before
    anything moving is kept in the scene's background."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the counter part at once; the room a piece of it at a time."""
        self.params, self.size = params, setup.size
        self.light = params["light"]
        self.scene_at = setup.scene.at
        self.broken: tuple[pygame.Surface, pygame.Rect, pygame.Surface, pygame.Rect] | None = None
        self.pane_pieces: list[tuple[pygame.Surface, tuple[int, int]]] = []  # it, cut to what shows
        self.pieces_of: list[tuple[pygame.Surface, tuple[int, int]]] = []  # drawn as they are
        self.outside = None  # the night and the street, while building
        self.emptied: float | None = params["emptied"]
        self.pushed: tuple[float, ...] = params["pushed"]
        self.door: Leaf | None = None  # the door's leaf, if this part draws it
        self.after: Aisle | Spilt | None = None  # what they left, where this part shows it
        self.steam: Steam | None = None
        if params["part"] == "counter":
            self.pieces_of, bare = yield from counter(self.size, self.light, setup.rng("counter"))
            if self.emptied is not None:
                yield
                self.after = Spilt(self.size, bare, self.light, setup.rng("spill"))
                self.steam = Steam(self.size)
            return
        yield from self.paint(setup)
        if self.emptied is not None and self._swings(setup):
            self.door = self.leaf()
        if self.emptied is not None and params["part"] == "room":
            self.after = Aisle(self.size, self.light, params["knocked"] is not None)
        yield
        if params["part"] == "glass":  # only what stands before the street, over people outside
            self.pieces_of = self._before_street()
        elif params["part"] == "street":  # only the street, on a plane of its own
            assert self.outside is not None
            self.pieces_of = [street_alone(self.outside)]
        else:
            if street_apart(setup):
                assert self.outside is not None
                clear_street(self.room, self.outside)
            if params["part"] == "wall":  # only the door's far jamb and what is beyond it
                self.pieces_of = self._beyond_door()
            else:
                self._moving_parts()
        if params["broken"] is not None:  # the same pane in both parts of a scene
            yield
            self.broken = self._smashed(random.Random(stable_seed(
                setup.timeline.seed, setup.scene.index, "pane", params["broken"])))
            yield
            self.pane_pieces = self._pane_pieces(setup)
        self.outside = None

    def _swings(self, setup: Setup) -> bool:
        """Whether this part draws the door's leaf: the glass part, or the room if the scene
        has no glass part emptied at the same time (the street part never)."""
        if self.params["part"] != "room":
            return bool(self.params["part"] == "glass")
        return not any(spec.type == "interior" and spec.params["part"] == "glass"
                       and spec.params["emptied"] == self.emptied for spec in setup.scene.layers)

    # -- the broken pane ---------------------------------------------------------------------

    def _smashed(self, rng: Any) -> tuple[pygame.Surface, pygame.Rect, pygame.Surface,
                                          pygame.Rect]:
        """The pane that goes: hole and cracks, and glass over the floor under it."""
        height = self.size[1]
        pane = self.panes[min(PANE_BROKEN, len(self.panes) - 1)]
        top = self._transom(pane.right) + self.bar  # below the rail where it rises most
        pane = pygame.Rect(pane.left, top, pane.width, pane.bottom - top)
        crack = cracked(pane.size, HOLE, rng)
        self._glass(crack, pane)
        spread = pygame.Rect(0, 0, pane.width * 2, max(4, round(SHARDS_REACH * height)))
        spread.midtop = (pane.centerx, round(WALL_FOOT * height))
        shards = strewn(spread.size, max(2, pane.width / 30), self.light, rng)
        return crack, pane, shards, spread

    def _pane_pieces(self, setup: Setup) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """What of the broken pane this part draws, cut to tiles: the glass part, its cracks
        in the rows people outside are seen in (over them); the room, the rest and the glass
        on the floor (all of it if the scene has no glass part broken at the same time)."""
        assert self.broken is not None
        crack, pane, shards, spread = self.broken
        top, bottom = (min(max(round(y * self.size[1]) - pane.y, 0), pane.height)
                       for y in OUTSIDE)
        slabs = {"above": (0, top), "band": (top, bottom), "below": (bottom, pane.height)}
        if self.params["part"] == "glass":
            drawn = ["band"]
        elif any(spec.type == "interior" and spec.params["part"] == "glass"
                 and spec.params["broken"] == self.params["broken"]
                 for spec in setup.scene.layers):
            drawn = ["above", "below"]
        else:
            drawn = list(slabs)
        parts = [(crack.subsurface(0, slabs[n][0], pane.width, slabs[n][1] - slabs[n][0]),
                  (pane.x, pane.y + slabs[n][0])) for n in drawn]
        if self.params["part"] == "room":
            parts.append((shards, spread.topleft))
        return [piece for image, at in parts
                for piece in cut(image, pygame.surfarray.array_alpha(image) > 0, at, (TILE, TILE))]

    def _glass(self, crack: pygame.Surface, pane: pygame.Rect) -> None:
        """Cut what is drawn for `pane` to its glass: where the night (the street too) shows
        through it, not over the frame round it (the transom falls to the left across the
        pane's top) nor anything of the room in front of it (a lamp, a booth's back)."""
        alpha = pygame.surfarray.pixels_alpha(crack)
        alpha[self._solid(pane)] = 0
        del alpha  # unlocks the surface

    def _solid(self, area: pygame.Rect) -> np.ndarray:
        """Which pixels of `area` (x, y) are the room in front of the night and the street:
        read through views of both pictures' pixels (copies of them took ten times as long)."""
        assert self.outside is not None
        room = pygame.surfarray.pixels2d(self.room.subsurface(area))
        outside = pygame.surfarray.pixels2d(self.outside.subsurface(area))
        alpha = (room >> self.room.get_shifts()[3]) & ALPHA_BITS
        solid: np.ndarray = (alpha > OPAQUE) & (room != outside)
        del room, outside  # both pictures are unlocked
        return solid

    def _before_street(self) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """The glass part: what of the room stands before the street in the rows people outside
        are seen in (the uprights, the door, the booths' backs at the sill), along the glass,
        in pieces of a few columns each."""
        width, height = self.size
        top, bottom = (round(y * height) for y in OUTSIDE)
        band = pygame.Rect(0, top, round(GLASS_RIGHT * width), bottom - top)
        return cut(self.room.subsurface(band), self._solid(band), band.topleft,
                   (STRIP, band.height))

    def _beyond_door(self) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """The wall part: the room right of the door's opening (its far stile, the pane beside
        it and its low wall, the panelled wall) in the rows a runner going out is seen in, so
        whoever runs out of the door and on to the right is gone behind it; through the pane
        they are seen outside, whole down to its low wall: the glass's sheen over them, the
        pavement they run on under them (drawn over them, it cut them off flat at the kerb's
        row, a legless scrap in the pane beside a foot left in the doorway)."""
        width, height = self.size
        top, foot = round(BEYOND_DOOR_TOP * height), round(WALL_FOOT * height)
        left = round(DOOR[1] * width) - 2 * self.bar
        band = pygame.Rect(left, top, width - left, foot - top)
        alpha = pygame.surfarray.array_alpha(self.room.subsurface(band))
        shown = self._solid(band) | ((alpha > 0) & (alpha <= OPAQUE))
        return cut(self.room.subsurface(band), shown, band.topleft, (STRIP, band.height))

    def look(self, frame: Frame) -> bool:
        """All that changes the still part: whether the pane has gone."""
        if self.broken is None:
            return False
        return smashed_by(self.scene_at, self.params["broken"], frame.story_time)

    def changed(self, old: bool, new: bool) -> list[pygame.Rect]:
        """Only the broken pane and the glass on the floor under it change."""
        if self.broken is None or old == new:
            return []
        return [self.broken[1].union(self.broken[3])]

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The room, and the pane broken once its time has come; the glass part (its frame and
        broken pane); the street part; the counter part."""
        surface.blits(self.pieces_of, doreturn=False)
        if self.params["part"] in ("counter", "street"):
            return
        if self.params["part"] == "room":
            surface.blit(self.room, (0, 0))
        if self.broken is not None and self.look(frame):
            surface.blits(self.pane_pieces, doreturn=False)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """A still part is all still."""
        self.draw_still(surface, frame)


class Interior(Still, Split):
    """The room is still (the pane breaks once, at its time); a failing tube stutters and the
    clock's hands move. Its other parts are `Still` layers."""

    @staticmethod
    def made_as(params: Mapping[str, Any]) -> type:
        """The class a layer of these keys is: the room moves (a little), and an emptied
        room's parts (the door, the steam, the coffee); the other parts are still."""
        moves = params["part"] == "room" or (params["emptied"] is not None
                                             and params["part"] != "street")
        return Interior if moves else Still

    draw = Split.draw

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """The failing tube stutters; the clock on the wall tells the story's time; once the
        room is emptied, the door swings and settles, a stool turns, steam rises, coffee
        runs off the counter."""
        if self.params["part"] == "room":
            tick = int(frame.seconds * 8)
            if hash01(7, tick) < 0.12 or (tick // 40) % 3 == 2 and hash01(9, tick) < 0.6:
                surface.blit(self.tube_dark, self.tube_area)
            self._hands(surface, frame)
        gone = since(frame, self.scene_at, self.emptied)
        if self.door is not None:
            self.door.draw(surface, swings(gone, (since(frame, self.scene_at, at)
                                                  for at in self.pushed)))
        if isinstance(self.after, Aisle):  # (one may stand till a runner knocks it over)
            self.after.draw(surface, gone, since(frame, self.scene_at, self.params["knocked"]))
        if gone is None:
            return
        if isinstance(self.after, Spilt):
            self.after.draw(surface, gone)
        if self.steam is not None:
            self.steam.draw(surface, gone)

    def _hands(self, surface: pygame.Surface, frame: Frame) -> None:
        """The hour and minute hands at the story's time."""
        (cx, cy), radius = self.clock
        minutes = frame.story_time / 60
        width = max(1, self.size[0] // 640)
        for turn, reach, thick in ((minutes / 720, 0.55, 2 * width), (minutes / 60, 0.85, width)):
            angle = 2 * math.pi * turn - math.pi / 2
            tip = (cx + math.cos(angle) * radius * reach, cy + math.sin(angle) * radius * reach)
            pygame.draw.line(surface, (30, 26, 24), (cx, cy), tip, thick)


def cut(image: pygame.Surface, shown: np.ndarray, at: tuple[int, int],
        tile: tuple[int, int]) -> list[tuple[pygame.Surface, tuple[int, int]]]:
    """The pixels of `image` that `shown` (x, y) marks, in pieces to draw with `at` its place:
    one per tile holding any, cut to them, the rest clear (opaque where all of a piece is), so
    a sparse drawing is a few small blits of the same pixels, not one over all of it."""
    pieces = []
    width, height = image.get_size()
    for x, y in product(range(0, width, tile[0]), range(0, height, tile[1])):
        part = shown[x:x + tile[0], y:y + tile[1]]
        xs, ys = (np.nonzero(part.any(axis=axis))[0] for axis in (1, 0))
        if not xs.size:
            continue
        box = pygame.Rect(x + int(xs[0]), y + int(ys[0]), int(xs[-1] - xs[0]) + 1,
                          int(ys[-1] - ys[0]) + 1)
        piece = image.subsurface(box).copy()
        alpha = pygame.surfarray.pixels_alpha(piece)
        alpha[~shown[box.left:box.right, box.top:box.bottom]] = 0
        whole = bool((alpha == 255).all())
        del alpha  # unlocks the piece
        if whole:  # no alpha to mix: a plain copy is quicker to draw
            opaque = pygame.Surface(box.size)
            opaque.blit(piece, (0, 0))
            piece = opaque
        pieces.append((piece, (at[0] + box.x, at[1] + box.y)))
    return pieces
