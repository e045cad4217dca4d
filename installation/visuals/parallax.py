"""Parallax: a scene's still layers kept in depth planes that drift against each other.

A run of still layers at one `depth` is a plane. Each plane is kept as a background of
everything up to it (so a reflection or a glow in it reads the true picture under it); a
nearer plane keeps only the pixels its own layers changed, the rest shows through (KEY). The
picture is the planes laid over each other, each moved sideways by its own shift: the
camera's sway (`Drift`) times the plane's depth. The strips moved things leave bare at the
picture's sides show the picture's edge mirrored (`mirror_edges`), so nothing black slides in.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pygame

from installation.visuals.background import (
    MAX_AREAS,
    NO_SPARES,
    VERSIONS,
    Asked,
    Background,
    Paint,
    Spares,
    bands,
    merged,
)
from installation.visuals.bands import marked_stretches
from installation.visuals.base import Frame, Layer, Pieces, Setup
from installation.visuals.fills import aligned
from installation.visuals.plane_rows import ALL, NOTHING, Shown, layings, rows_moved
from installation.visuals.sway_ahead import AHEAD_FRAMES, Foresight, Step, bands_for

KEY = (1, 2, 3)  # what a near plane holds where the planes behind show through
SHOWING_KEY = 1  # a plane pixel that happens to be KEY is drawn one level off it
SHOWN_GAP = 64  # columns: what a plane shows in an area is keyed again in stretches this far apart


@dataclass(frozen=True)
class Drift:
    """The camera's slow sideways sway: `pixels` each way at depth 1, once there and back in
    `seconds` real seconds; none at depth 0. It starts centred, at a scene's first frame."""

    pixels: float
    seconds: float

    @classmethod
    def of(cls, params: Mapping[str, Any], height: int, length: float = 0.0) -> Drift:
        """The sway a scene's camera keys ask for, in pixels of a picture `height` high, in a
        scene `length` real seconds long (`sways` whole sways fill it: centred at its end)."""
        whole = params["sways"] > 0 and length > 0
        return cls(params["drift"] * height, length / params["sways"] if whole else
                   params["seconds"])

    @property
    def most(self) -> int:
        """The furthest any plane moves, in whole pixels."""
        return math.ceil(abs(self.pixels))

    def shift(self, depth: float, seconds: float) -> int:
        """How far a layer at `depth` is moved, `seconds` real seconds into its scene."""
        if self.seconds <= 0 or depth == 0:
            return 0
        return round(depth * self.pixels * math.sin(math.tau * seconds / self.seconds))


class Sway:
    """The `camera` layer: it draws nothing. Its scene reads its keys (`SceneLayers.drift`,
    made with `Drift.of`) and is never built as a layer; this class is its catalog entry."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        """Nothing to keep: the keys are the scene's."""

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """Nothing to draw: the compositor moves the other layers."""


def runs(depths: Sequence[float]) -> list[int]:
    """Where each run of equal depths ends (the planes of a stack of still layers)."""
    return [n + 1 for n, depth in enumerate(depths)
            if n + 1 == len(depths) or depths[n + 1] != depth]


class Planes:
    """The still layers of one scene as depth planes, laid over each other with their shifts.

    The same interface as a `Background`: `surface` is the composed picture, `version` a new
    number whenever it may have changed; `seconds` (set before `bring_to`) decides the shifts.
    """

    def __init__(self, size: tuple[int, int], opaque: bool, ends: Sequence[int],
                 depths: Sequence[float], drift: Drift, spares: Spares = NO_SPARES,
                 view: float | None = None) -> None:
        """Planes to make (`pieces` makes their pictures, a full-size surface a step, taken
        from `spares` where it has one), seen from depth `view` if that is known (see
        `Foresight`)."""
        self.size, self.opaque = size, opaque
        self.ends, self.depths, self.drift = list(ends), list(depths), drift
        self.backs: list[Background] = []
        self.keyed: list[pygame.Surface] = []
        self.shown: list[Shown] = []  # what each row of each plane shows (plane_rows)
        self.surface = pygame.Surface((1, 1))
        self.shifts: list[int] | None = None  # as last composed (None: compose it all)
        self.version = next(VERSIONS)
        self.seconds = 0.0
        self.offset = 0  # every plane moved this much more (the picture seen from a layer)
        self.spares = spares
        self.foresight = Foresight(drift, depths, view)  # the sway's next step, laid ahead
        self.spare = pygame.Surface((1, 1))  # where the picture after that step is laid

    def pieces(self) -> Pieces:
        """Make the planes' pictures, one full-size surface a piece (each takes milliseconds)."""
        for first in [0, *self.ends[:-1]]:
            base = self.backs[-1] if self.backs else None
            self.backs.append(Background(self.size, self.opaque, base, first, self.spares))
            yield
        self.keyed.append(self.backs[0].surface)
        self.shown.append(Shown(self.size, ALL))  # the back plane hides all
        for _ in self.ends[1:]:
            self.keyed.append(_keyed(self.spares.surface(self.size)))
            self.shown.append(Shown(self.size, NOTHING))
            yield
        self.surface = self.spares.surface(self.size)
        yield
        self.spare = self.spares.surface(self.size)

    def forget(self) -> None:
        """Paint everything again next time (a layer was switched off)."""
        for back in self.backs:
            back.forget()
        self.shifts = None
        self.foresight.step = None

    def surfaces(self) -> list[pygame.Surface]:
        """The full-size surfaces it keeps (to give to `Spares` when it is dropped)."""
        made = [surface for back in self.backs for surface in back.surfaces()]
        made += self.keyed[1:]
        return made + [surface for surface in (self.surface, self.spare)
                       if surface.get_size() == self.size]

    def bring_to(self, layers: Sequence[Layer | None], frames: Sequence[Frame],
                 paint: Paint) -> None:
        """Make the composed picture that of `layers`, each at its frame, moved for `seconds`
        (and by `offset`)."""
        shifts = self._shifts()
        self.foresight.watch(self.seconds, self.offset)
        changes: list[tuple[int, list[pygame.Rect]]] | None = []  # each plane's changed areas
        asked = Asked()  # each plane asks the layers below it again: they answer once
        for n, (back, end) in enumerate(zip(self.backs, self.ends, strict=True)):
            was = back.looks
            back.bring_to(layers[:end], frames[:end], paint, asked)
            own = was is None or back.looks is None or was[back.first:] != back.looks[back.first:]
            changed = self._key(n, back.painted, own) if n else back.painted
            changes = None if changes is None or changed is None else [*changes, (n, changed)]
        step = self.foresight.step
        if shifts != self.shifts and step is not None and step.shifts == shifts and (
                changes is not None and self.shifts is not None and step.todo is not None):
            self._step_in(step, changes)  # laid ahead: swapped in
            return
        moved = None if changes is None else _laid_at(changes, shifts)
        if shifts != self.shifts:
            moved = None if moved is None or self.shifts is None else (
                moved + self._swayed(self.shifts, shifts))
            self.foresight.step = None  # not the step foreseen: foresee again
        if moved != []:
            self._compose(shifts, moved)
            self.shifts = shifts
            self.version = next(VERSIONS)
        self._lay_ahead(changes)

    def paint_pieces(self, layers: Sequence[Layer | None], frames: Sequence[Frame],
                     paint: Paint) -> Pieces:
        """Paint every plane from scratch, a layer (or a plane's keying) a piece."""
        self.shifts = None
        self.foresight.step = None
        for n, (back, end) in enumerate(zip(self.backs, self.ends, strict=True)):
            yield from back.paint_pieces(layers[:end], frames[:end], paint)
            if n:
                for band in bands(self.size):
                    self._key(n, [band])
                    yield
        shifts = self._shifts()
        self._compose(shifts, None)  # laid out for the frame painted, before it is needed
        self.shifts = shifts
        self.version = next(VERSIONS)

    def _shifts(self) -> list[int]:
        """How far each plane is laid from its place now."""
        return [self.drift.shift(depth, self.seconds) + self.offset for depth in self.depths]

    def _key(self, n: int, areas: list[pygame.Rect] | None,
             own: bool = True) -> list[pygame.Rect] | None:
        """Plane n keeps, in `areas` (None: everywhere), only what its layers changed; the
        areas where that differs from what it kept (None: everywhere). When only the planes
        behind changed (`own` false), an area where it showed nothing still shows nothing
        (its layers draw the same; one that reads or tints what is under it shows there)."""
        keyed = self.keyed[n]
        whole = keyed.get_rect()
        top, below = self.backs[n].surface, self.backs[n - 1].surface
        if areas is None:
            key_area(top, below, keyed, whole)
            self._count_rows(n, whole)
            return None
        clipped = [area.clip(whole) for area in areas if area.colliderect(whole)]
        parts = clipped if own else [part for area in clipped for part in self._shown(n, area)]
        changed = [part for part in parts if key_area(top, below, keyed, part)]
        for area in changed:
            self._count_rows(n, area)
        return changed

    def _shown(self, n: int, area: pygame.Rect) -> list[pygame.Rect]:
        """The parts of `area` where plane n shows anything (pixels that are not KEY), looked
        for only between the first and the last column its rows there show."""
        left, right = self.shown[n].columns(area.top, area.bottom)
        within = area.clip(pygame.Rect(left, area.top, max(0, right - left), area.height))
        return shown_parts(self.keyed[n], within) if within.width else []

    def _count_rows(self, n: int, area: pygame.Rect) -> None:
        """Find again what the rows of `area` of plane n show, across the whole picture."""
        self.shown[n].count(self.keyed[n], KEY, area.top, area.bottom)

    def _swayed(self, was: list[int], shifts: list[int]) -> list[pygame.Rect]:
        """Where the composed picture changes when the planes move from `was` to `shifts`
        (what they hold unchanged): the rows where one that moved is laid, and the strips at
        the sides either way's mirrored edges cover."""
        width = self.size[0]
        moved = [old != new for old, new in zip(was, shifts, strict=True)]
        rows = [pygame.Rect(0, first, width, end - first)
                for first, end in rows_moved([shown.kinds for shown in self.shown], moved)]
        return rows + self._sides(was, shifts)

    def _sides(self, was: list[int], shifts: list[int]) -> list[pygame.Rect]:
        """The strips at the picture's sides that either way's mirrored edges cover."""
        width, height = self.size
        right, left = max(0, *was, *shifts), -min(0, *was, *shifts)
        return [pygame.Rect(0, 0, right, height), pygame.Rect(width - left, 0, left, height)]

    def _lay_ahead(self, changes: list[tuple[int, list[pygame.Rect]]] | None) -> None:
        """Go on laying the picture after the sway's next step on the spare surface, as much
        of it as leaves the rest for the frames left before the step (see sway_ahead)."""
        step = self.foresight.next_step(self.seconds)
        if step is None or self.shifts is None:
            return
        left = self.foresight.frames_left(self.seconds)
        if step.todo is not None:  # what changed this frame changes the rows laid so far
            if changes is None:
                step.todo = None  # all of it: begin again
            else:
                done = pygame.Rect(0, 0, self.size[0], step.todo[0][0].top if step.todo
                                   else self.size[1])
                self._compose(step.shifts, [area.clip(done) for area in
                                            _laid_at(changes, step.shifts)], self.spare, False)
        if left > AHEAD_FRAMES:
            return
        if step.todo is None:
            step.todo = bands_for([shown.kinds for shown in self.shown], self.shifts,
                                  step.shifts, self.size)
        count = len(step.todo) if left < 2 else math.ceil(len(step.todo) / math.floor(left))
        for rows, copied in step.todo[:count]:
            if copied:
                self.spare.blit(self.surface, rows, rows)
            else:
                self._compose(step.shifts, [rows], self.spare, False)
        del step.todo[:count]

    def _step_in(self, step: Step, changes: list[tuple[int, list[pygame.Rect]]]) -> None:
        """The sway's step, laid ahead: the rest of its picture and this frame's changes
        laid on the spare surface, which becomes the picture."""
        assert step.todo is not None and self.shifts is not None
        for rows, copied in step.todo:
            if copied:
                self.spare.blit(self.surface, rows, rows)
        sides = self._sides(self.shifts, step.shifts)
        again = [rows for rows, copied in step.todo if not copied]
        self._compose(step.shifts, again + _laid_at(changes, step.shifts) + sides, self.spare)
        self.surface, self.spare = self.spare, self.surface
        self.shifts = step.shifts
        self.version = next(VERSIONS)
        self.foresight.step = None

    def _compose(self, shifts: list[int], areas: list[pygame.Rect] | None,
                 out: pygame.Surface | None = None, mirrored: bool = True) -> None:
        """Lay the planes over each other, moved, in `areas` of the picture (None: all), on
        the picture or on `out`; then its side strips `mirrored` (a picture laid ahead has
        them mirrored once, when it is swapped in)."""
        out = self.surface if out is None else out
        whole = out.get_rect()
        boxes = [whole] if areas is None else [aligned(box) for box in _apart(
            [area.clip(whole) for area in areas])]
        for box in boxes:
            for first, end, laid in layings([shown.kinds for shown in self.shown], box.top,
                                            box.bottom):
                for n, solid in laid:  # a plane showing all of the rows laid at once
                    rows = pygame.Rect(box.left, first, box.width, end - first)
                    for band in [rows] if solid else self.shown[n].bands(first, end):
                        out.set_clip(band.move(0 if solid else shifts[n], 0).clip(box))
                        _lay(out, self.keyed[n], shifts[n], solid)
        out.set_clip(None)
        if mirrored:
            mirror_edges(out, shifts)  # no stale strip: a reflection over it may read it


def _laid_at(changes: list[tuple[int, list[pygame.Rect]]],
             shifts: list[int]) -> list[pygame.Rect]:
    """Where the planes' changed areas lie in the picture, each plane moved by its shift."""
    return [area.move(shifts[n], 0) for n, areas in changes for area in areas]


def _keyed(surface: pygame.Surface) -> pygame.Surface:
    """A plane's surface showing nothing yet: every pixel KEY, drawn as see-through."""
    surface.fill(KEY)
    surface.set_colorkey(KEY)
    return surface


def _apart(areas: list[pygame.Rect]) -> list[pygame.Rect]:
    """Boxes holding the pixels of `areas`, each pair that overlaps joined where their box
    is no bigger than the two (the same strip moved by two planes' shifts: laid once; a
    row across the picture and a strip down its side stay apart); many are left to
    `merged`."""
    boxes = [area for area in areas if area.width and area.height]
    if len(boxes) > MAX_AREAS:
        return merged(boxes, MAX_AREAS)
    n = 0
    while n < len(boxes):
        joins = [m for m in boxes[n].collidelistall(boxes[n + 1:])
                 if _size(boxes[n].union(boxes[n + 1 + m])) <= _size(boxes[n])
                 + _size(boxes[n + 1 + m])]
        if joins:
            boxes[n] = boxes[n].union(boxes.pop(n + 1 + joins[0]))
            n = 0  # the bigger box may now overlap one it passed
        else:
            n += 1
    return boxes


def _size(box: pygame.Rect) -> int:
    """How many pixels a box holds."""
    return box.width * box.height


def _lay(out: pygame.Surface, plane: pygame.Surface, shift: int, solid: bool) -> None:
    """Lay a plane moved by `shift` (`solid`: it has no KEY pixel where laid, so it is
    copied plainly, without its key)."""
    key = plane.get_colorkey() if solid else None
    if key is not None:
        plane.set_colorkey(None)
    out.blit(plane, (shift, 0))
    if key is not None:
        plane.set_colorkey(key)


def shown_parts(keyed: pygame.Surface, area: pygame.Rect) -> list[pygame.Rect]:
    """Boxes within `area` that hold every pixel the plane shows there (not KEY): a box
    round each stretch of columns showing any, stretches less than SHOWN_GAP apart joined."""
    pixels = _rows(keyed, area)
    shown = pixels != np.uint32(keyed.map_rgb(KEY))
    del pixels
    return [pygame.Rect(area.left + left, area.top + top, right - left, bottom - top)
            for top, bottom, left, right in marked_stretches(shown, area.height, SHOWN_GAP)]


def key_area(top: pygame.Surface, below: pygame.Surface, keyed: pygame.Surface,
             area: pygame.Rect) -> bool:
    """In `area`, `keyed` takes the pixels where `top` differs from `below`, KEY elsewhere;
    did any pixel of `keyed` change?"""
    new, old, out = (_rows(surface, area) for surface in (top, below, keyed))
    key = np.uint32(keyed.map_rgb(KEY))
    keep = new.copy()  # in place, masks as wide as the area: no arrays of other types
    np.copyto(keep, key ^ np.uint32(SHOWING_KEY), where=keep == key)
    np.copyto(keep, key, where=new == old)
    changed = not np.array_equal(keep, out)
    if changed:
        out[...] = keep
    del new, old, out
    return changed


def _rows(surface: pygame.Surface, area: pygame.Rect) -> np.ndarray:
    """The pixels of `area` of a 32-bit surface, a row of the picture a row of the array."""
    return pygame.surfarray.pixels2d(surface).T[area.top:area.bottom, area.left:area.right]


def mirror_edges(picture: pygame.Surface, shifts: Sequence[int]) -> None:
    """Fill the strips that things moved by `shifts` leave bare at the picture's sides with
    the picture's own edge, mirrored (a sky or a shore goes on; nothing black slides in)."""
    width = picture.get_width()
    right, left = max(0, *shifts), -min(0, *shifts)
    if right or left:
        pixels = pygame.surfarray.pixels2d(picture)
        if right:
            pixels[:right] = pixels[right:2 * right][::-1]
        if left:
            pixels[width - left:] = pixels[width - 2 * left:width - left][::-1]
        del pixels
