"""How the members of a figures layer look (their heights, builds, clothes and light), and
the lit window they may be seen in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pygame

from installation.visuals.base import Color, hash01, mix
from installation.visuals.figure_crowd import picked
from installation.visuals.figure_sprite import SILVER, Look, silver
from installation.visuals.lamp_room import headlights, lamp_room
from installation.visuals.poses import PARTNER
from installation.visuals.skeleton import Point
from installation.visuals.wardrobe import Outfit

SIZES = 4  # members of a crowd come in this many heights
HEIGHT_SPREAD = 0.14  # the tallest member of a crowd is this much taller than the shortest
# Crowds of grown-ups only: each as tall as their own stature says (0.9 to 1.1, an adult's
# range), with no size dealt on top of it (that would make a short one a child among them).
GROWN = ("night",)
# On one ground (an `eye` given), half of each one's stature shows: their height is where their
# feet are, so someone whose feet are lower is never the smaller by a stature's spread.
ON_GROUND = 0.5
BACKLIT_GREY = 0.15  # grey hair on a figure lit from behind (a rim): this share of the way from
# its body's dark to silver (its rim catches the light; at full silver, under a hat's brim or on a
# runner's nape it stood as a pale wedge on the back of a dark head: a bandage, a face on backwards)
EMBRACE_GAP = 0.2  # between partners' feet, in heights
WINDOW_SIDES, WINDOW_TALL, WINDOW_SILL = 1.3, 1.25, 0.15  # a lit window round them, in heights


def member_look(params: Mapping[str, Any], i: int, seed: int, outfit: Outfit | None,
                height: int) -> Look:
    """How member i of a layer (`params`, its sprites `height` pixels) looks: a crowd is of
    mixed heights, and a crowd of people (`body` "person") of mixed builds and clothes; an
    old couple, any pair in each other's arms, a crowd of grown-ups (GROWN) and a crowd on one
    ground (an `eye` given) are as tall as their statures say (he the taller; the old shrunk
    with age; on one ground, half of it);
    each wears the next of the layer's `clothes` colours, if it has them (one `pick`ed from a
    look, the colour of their place among its people)."""
    p = params
    mixed = p["count"] > 1 and p["body"] != "elders" and p["pose"] not in PARTNER and not (
        p["body"] == "person" and p["crowd"] in GROWN) and p["eye"] is None
    who = picked(p, i)  # (one of a look's people: their height and the colour they wear there)
    size = int(hash01(seed, who) * SIZES) if mixed else SIZES - 1
    tall = 1 - HEIGHT_SPREAD * (SIZES - 1 - size) / (SIZES - 1)
    stature = outfit.stature if outfit is not None else 1.0
    if p["eye"] is not None and p["horizon"] is not None:
        stature = 1.0 + ON_GROUND * (stature - 1.0)
    light = p["rim"] or p["window"] or SILVER
    hair = silver(light) if outfit is not None and outfit.grey else None
    if hair is not None and p["rim"] and not p["window"]:
        hair = mix(p["color"], hair, BACKLIT_GREY)
    clothes = p["clothes"][who % len(p["clothes"])] if p["clothes"] else None
    return Look(round(height * tall * stature), p["color"], p["rim"],
                p["rim_from"] == "left", outfit, hair, p["rim_from"] == "both", clothes,
                p["rim_from"] == "above", p["rim_soft"])


def lit_window(surface: pygame.Surface, start: Point, span: float, height: int, color: Color,
               params: Mapping[str, Any], seconds: float = 0.0,
               glass: pygame.Rect | None = None) -> None:
    """The lit window a layer's members (`span` pixels from first to last, sprites `height`
    tall) are seen in, a lamp's room: it stays where the path begins (`start`), a frame of the
    layer's colour round it; the lights of the cars below crossing it `seconds` into the scene.
    In a tower's window (its `glass`), the room fills the glass inside the window's frame."""
    x, y = start
    if params["pose"] == "embrace":
        span += EMBRACE_GAP * height
    room = pygame.Rect(0, 0, round(span + WINDOW_SIDES * height), round(WINDOW_TALL * height))
    room.midbottom = (round(x + span / 2), round(y + WINDOW_SILL * height))
    room = glass if glass is not None else room
    surface.blit(lamp_room(room.size, color, glass is not None), room)
    headlights(surface, room, seconds)
    if glass is None:
        bar = max(1, height // 30)
        pygame.draw.rect(surface, params["color"], room.inflate(2 * bar, 2 * bar), bar)
