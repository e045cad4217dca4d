"""A car's colours: its paints, and the finish of each part (its lids and roof catching the
sky, its glass mirroring it, its flank in the shade) in the light of the hour, under the sky
and the streetlights."""

from __future__ import annotations

from typing import NamedTuple

from installation.visuals.base import Color, mix, scaled

PAINTS: tuple[Color, ...] = ((58, 60, 66), (84, 30, 28), (34, 44, 70), (96, 92, 82),
                             (30, 30, 32), (66, 70, 52))
BUMPER_SHADE = 0.55  # the bumper's colour, of the paint's
HOOD_LIGHT = 1.18  # the hood or the trunk lid, catching the sky, against the paint
CHROME: Color = (196, 200, 206)  # the bumper's chrome strip, catching the light
ROOF_SKY = 0.3  # the roof catches the sky overhead: this much of its colour...
LID_SKY = 0.12  # ...the lids (hood, trunk), lower and sloping, this much
# The glass is darker than the body (the dark of the car inside it), with a little of the sky
# on it: the near glass's and the side windows' dark (of the glass's colour) and their sky. A
# streak of the sky across the near glass, made paler by GLINT_PALE of white, shows it is glass
# (sky-coloured all over at half, the near glass read as a pale roof).
GLASS_DARK = 0.5
SCREEN_SKY, SIDE_GLASS_SKY = 0.1, 0.08
GLINT, GLINT_PALE = 0.6, 0.3  # the streak: this much of the paled sky over the glass
SIDE_SHADE = 0.68  # the flank in the low light, of the paint, glossy: mirroring FLANK_SKY of
FLANK_SKY = 0.1  # the sky (a black car's flank was the black of its tyres: no wheel showed)
SHOULDER_SKY = 0.35  # the flank's top edge (its shoulder) catches the sky this much
STRIP_CHROME = 0.4  # the rubbing strip along the flank: this much chrome over the flank
HUB: Color = (92, 94, 98)  # a wheel's hub in the shade of its arch...
HUB_SHINE = 0.45  # ...this much of it over the flank's colour (as dark as the light is)
# A car going away shows us its back window, sloping back under the sky: seen from above it
# mirrors the sky over it and ahead of it (REAR_SKY of it over the dark inside), lighter than
# the paint at dusk (at SCREEN_SKY it was the body's navy, and roof, glass and boot lid read as
# one slab at 17:00). The pillars round a glass lighter than the lid are the paint in the shade
# (PILLAR_SHADE of it), round a darker glass the lid's colour: they frame it either way.
REAR_SKY = 0.45
PILLAR_SHADE = 0.5


class Finish(NamedTuple):
    """A car's colours: its paint, its glass, its lid catching the sky, its bumper; seen whole,
    its roof, its near glass and its side windows mirroring the sky, its flank in the shade,
    the flank's shoulder and its strip, its wheels' hubs, the sky's streak across its near
    glass and the pillars round it."""

    paint: Color
    glass: Color
    lid: Color
    bumper: Color
    roof: Color
    screen: Color
    side_glass: Color
    flank: Color
    shoulder: Color
    strip: Color
    hub: Color = HUB
    glint: Color = (0, 0, 0)
    pillar: Color = (0, 0, 0)


def finish(paint: Color, glass: Color, above: Color = (0, 0, 0),
           ahead: Color = (0, 0, 0), mirror: float = SCREEN_SKY) -> Finish:
    """A car's colours from its paint and its glass, under a sky whose colour is `above`
    overhead (the roof and the lids mirror it) and `ahead` where its near glass looks (a car
    coming: the sunset down the street behind us; going: the sky over and ahead of it), its
    near glass mirroring `mirror` of that sky."""
    lid = mix(scaled(paint, HOOD_LIGHT), above, LID_SKY)
    flank = mix(scaled(paint, SIDE_SHADE), ahead, FLANK_SKY)
    inside = scaled(glass, GLASS_DARK)
    screen = mix(inside, ahead, mirror)
    pillar = scaled(paint, PILLAR_SHADE) if sum(screen) > sum(lid) else lid
    return Finish(paint, glass, lid, scaled(paint, BUMPER_SHADE), mix(lid, above, ROOF_SKY),
                  screen, mix(inside, ahead, SIDE_GLASS_SKY), flank,
                  mix(lid, ahead, SHOULDER_SKY), mix(flank, CHROME, STRIP_CHROME),
                  mix(flank, HUB, HUB_SHINE),
                  mix(screen, mix(ahead, (255, 255, 255), GLINT_PALE), GLINT), pillar)


# Under the streetlights at night a car's paint takes their light (its colour times theirs,
# this much over it, by the parts of a Finish), and its glass mirrors them this much: a car
# passing close under them was near black all over, its roof and flank a dark slab.
STREETLIT_PAINT = {"paint": 0.5, "lid": 0.8, "bumper": 0.4, "roof": 1.0, "flank": 0.7,
                   "shoulder": 1.4, "strip": 0.8, "hub": 0.6, "pillar": 0.7}
STREETLIT_GLASS = {"screen": 0.05, "side_glass": 0.04, "glint": 0.3}


def streetlit(colours: Finish, lamps: Color) -> Finish:
    """A car's colours under streetlights of the colour `lamps` (at their strength): its paint
    lit by them, its glass mirroring them (see STREETLIT_PAINT and STREETLIT_GLASS)."""
    out: list[Color] = []
    for name, color in zip(Finish._fields, colours, strict=True):
        gain, mirror = STREETLIT_PAINT.get(name, 0.0), STREETLIT_GLASS.get(name, 0.0)
        r, g, b = (min(255, round(c * (1 + gain * light / 255) + mirror * light))
                   for c, light in zip(color, lamps, strict=True))
        out.append((r, g, b))
    return Finish(*out)


def dimmed(colours: Finish, level: float) -> Finish:
    """A car's colours at `level` of their light (a car passing under us, in our shadow)."""
    return Finish(*(scaled(color, level) for color in colours))


def paint_of(index: int, daylight: float) -> tuple[Color, Color]:
    """A car's paint and window colour for the light of the hour (dark at night)."""
    paint = PAINTS[paint_index(index)]
    return scaled(paint, 0.35 + 0.65 * daylight), mix((6, 8, 12), (120, 136, 150), daylight * 0.6)


def paint_index(index: int) -> int:
    """Which of the PAINTS car `index` wears."""
    return index % len(PAINTS)


def finishes(count: int, daylight: float, above: Color = (0, 0, 0),
             ahead: Color = (0, 0, 0), street: Color | None = None,
             mirror: float = SCREEN_SKY) -> list[Finish]:
    """The colours of cars 0..count-1 in this light, under a sky `above` and `ahead`, their
    near glass mirroring `mirror` of it (see `finish`), and streetlights' `street` light
    (None: unlit; see `streetlit`); each of the PAINTS worked out once."""
    each = [finish(*paint_of(n, daylight), above, ahead, mirror)
            for n in range(min(count, len(PAINTS)))]
    if street is not None:
        each = [streetlit(colours, street) for colours in each]
    return [each[paint_index(n)] for n in range(count)]
