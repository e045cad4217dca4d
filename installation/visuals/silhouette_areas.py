"""Where a `silhouette` can paint (its reach) and what changes between two of its looks: the
areas of the picture a frame whose look differs must paint again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

import pygame

from installation.visuals.base import Color
from installation.visuals.mammoth_heave import Beat
from installation.visuals.silhouette_mirror import skipped

if TYPE_CHECKING:
    from installation.visuals.silhouette import Silhouette


class Look(NamedTuple):
    """What decides a figure's pixels at a frame (see `Silhouette.look`)."""

    ringing: bool  # the phone's light swelling
    sink: int  # rows sunk below the feet line
    lean: int  # which way a palm's crown leans
    ripple: tuple[int, ...]  # the sizes of its rings on the tar (none: not in the tar)
    sky: Color | None  # the sky its tar glints with (None: not in the tar)
    pose: int = 0  # how high the mother strains, head and trunk lifted (see mammoth_lift)
    heave: Beat = Beat()  # the dream's mother heaving a leg out of the tar (mammoth_heave)
    tip: tuple[int, ...] = ()  # the sizes of the rings round her trunk, the last of her
    sun: tuple[int, int] | None = None  # the step of the sun's shadow it casts (long_shadow)
    closing: int = -1  # the tar closing over her place once she has gone under (mire_close)


def reach_of(figure: Silhouette) -> pygame.Rect:
    """Where `draw` can paint, at any depth and lean: its glow, the figure (sunk or not)
    and its reflection, a palm's crown, and in the tar its collar and rings."""
    x, y = figure.feet
    step = figure.sinking.step()
    top = y + min(figure.sink, figure.sinking.rest // step * step)  # as little sunk as ever
    areas = [pygame.Rect(x, top, figure.image.get_width(), max(1, figure.line - top))]
    if figure.bank is not None:
        areas.append(pygame.Rect(figure.bank[1], figure.bank[0].get_size()))
    if figure.mirror is not None:
        areas.append(pygame.Rect((x, figure.line), figure.mirror.get_size()))
    if figure.heap_mirror is not None and figure.wading is not None:
        areas.append(figure.heap_mirror.reach(x, *figure.image.get_size(), figure.wading.rise))
    if figure.glow is not None:
        areas.append(pygame.Rect(figure.glow_at, figure.glow.get_size()))
    if figure.sway is not None:
        areas.append(figure.sway.area)
    if figure.wading is not None:
        areas.append(figure.wading.area(x, figure.line))
    if figure.ripples is not None:
        areas.append(_ring_area(figure))
    if figure.tip is not None:
        areas += [figure.tip.wading.area(x, figure.line),
                  figure.tip.ripples.area(x, figure.line)]
    if figure.lift is not None and figure.lift.tar is not None:
        areas.append(figure.lift.tar.area(x, figure.line))
    if figure.closing is not None:
        areas.append(figure.closing.area(figure.closing_at()))
    if figure.sun_shadows is not None:
        feet, on_sprite = figure.sun_feet()
        areas.append(figure.sun_shadows.reach(figure.image, on_sprite, feet))
    return areas[0].unionall(areas[1:])

def changed(figure: Silhouette, old: tuple[Any, ...], new: tuple[Any, ...]) -> list[pygame.Rect]:
    """The areas to paint again as its look goes from `old` to `new`."""
    was, now = Look(*old), Look(*new)
    areas = []
    if was.ringing != now.ringing and figure.glow is not None:
        areas.append(pygame.Rect(figure.glow_at, figure.ringing.get_size()))
    if was.sink != now.sink:  # from the top of her, as the less sunk one stands, down
        mirror = figure.mirror.get_height() if figure.mirror is not None else 0
        top = figure.feet[1] + min(was.sink, now.sink)
        areas.append(pygame.Rect(figure.feet[0], top, figure.image.get_width(),
                                 figure.line - top + mirror))
    if figure.wading is not None and (was.sink, was.sky) != (now.sink, now.sky):
        areas.append(figure.wading.area(figure.feet[0], figure.line))  # the tar round her
        if figure.tip is not None:
            areas.append(figure.tip.wading.area(figure.feet[0], figure.line))
    if figure.tip is not None and (was.tip, was.sink) != (now.tip, now.sink):
        areas.append(figure.tip.ripples.area(figure.feet[0], figure.line))
    if figure.ripples is not None and (was.ripple, was.sink) != (now.ripple, now.sink):
        areas.append(_ring_area(figure))
    if was.closing != now.closing and figure.closing is not None:
        areas.append(figure.closing.area(figure.closing_at()))
    if was.lean != now.lean and figure.sway is not None:
        areas.append(figure.sway.area)
    if was.pose != now.pose and figure.lift is not None:
        areas += _lift_areas(figure, {was.sink, now.sink}, {was.pose, now.pose})
    if was.heave.swell != now.heave.swell and figure.lift is not None and figure.lift.tar:
        areas.append(figure.lift.tar.area(figure.feet[0], figure.line))
    if was.sun != now.sun and figure.sun_shadows is not None:  # the shadow it was and is
        feet, on_sprite = figure.sun_feet()
        areas += [figure.sun_shadows.area(figure.image, on_sprite, feet, sun)
                  for sun in (was.sun, now.sun) if sun is not None]
    return areas

def _lift_areas(figure: Silhouette, sinks: set[int], poses: set[int]) -> list[pygame.Rect]:
    """Where her straining can paint, sunk by any of `sinks`, at any of `poses`: where
    they differ from her at rest, and in its mirror."""
    assert figure.lift is not None
    x, y = figure.feet
    holes = [(pose, hole) for pose in poses if (hole := figure.lift.hole(pose)) is not None]
    areas = [hole.move(x, y + sunk) for sunk in sinks for _pose, hole in holes]
    if figure.mirror is not None:
        areas += [mirror_hole(figure, pose).move(
            x, figure.line - skipped(figure.image.get_height(), figure._visible(sunk)))
            for sunk in sinks for pose, _hole in holes]
    return areas

def mirror_hole(figure: Silhouette, pose: int) -> pygame.Rect:
    """Where her mirror at `pose` differs from it at rest."""
    assert figure.lift is not None and figure.mirror is not None
    return figure.lift.mirror_front(figure.image.get_height(), figure.mirror.get_height(), pose)

def _ring_area(figure: Silhouette) -> pygame.Rect:
    """Where its rings on the tar can reach, at any depth."""
    assert figure.ripples is not None
    return figure.ripples.area(figure.feet[0], figure.line)
