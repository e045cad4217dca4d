"""The mammoth family of the Lake Pit, drawn from vectors: the mother, the bull and the calf."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from installation.visuals import mammoth_calf
from installation.visuals.base import Color, hash01, mix, scaled
from installation.visuals.mammoth_coat import (
    CHEST_SHADE,
    FRINGE_SEED,
    FUR,
    FUR_PIXELS,
    SHAG,
    SHAG_PIXELS,
    chest_locks,
    rounded,
    shaggy,
    smooth,
)
from installation.visuals.mammoth_pose import lifted, lifted_all
from installation.visuals.mammoth_trunk import (
    CALF_TRUNK,
    HANGING_TIP,
    HANGING_TRUNKS,
    MIRED_ROOT,
    MIRED_TIP,
    MIRED_TRUNKS,
    TRUNK_CALF,
    TRUNK_CALF_OUT,
    TRUNK_CALF_UP,
    TRUNK_DOWN,
    TRUNK_HANGING,
    TRUNK_LIFTED,
    TRUNK_RAISED,
    TRUNK_SWUNG,
    mired_trunk,
    trunk,
)
from installation.visuals.pen import Pen
from installation.visuals.tusks import IVORY, Tusks, draw_far, draw_near

Point = tuple[float, float]
Legs = tuple[tuple[float, float, bool], ...]  # each leg's x from, x to, and whether far side
FAR_LEGS = 1.25  # the far legs: the coat's colour this many times as bright
FRINGE_LOCK = 0.036  # the belly's locks of hair lie this far apart, in units ...
FRINGE_PIXELS = 12.0  # ... or this many of the picture's pixels, if closer
FRINGE_WIDTH = 1.67  # a lock is this many times as wide as they lie apart
FRINGE_ENDS = 0.2  # over this share of it at either end it grows shorter, to none (its square
# end, hanging below the rump, read as the corner of a box under her)
EYE_SKIN = 0.05  # the bare skin round the eye: this share of the way to ivory (of a tusk's)
EYE_DARK = 0.25  # the eye itself: this share of the coat's colour
EYE_GLINT = 0.45  # the light it catches, one small spot: this share of the way to ivory (a lid
# lit all round it read as the white of a cartoon's eye)
TUSK_IVORY = 0.55  # a tusk's colour: this share of the way from the coat's to ivory
GHOST_IVORY = 0.15  # an apparition's: her own faint colour, as see-through as she is, not bone
SAG = 0.12  # the belly's locks hang from a curve this much higher towards either end ...
CALF_SAG = 1.0  # ... the calf's round belly more (level, its locks read as a box's bottom)
CALF_LEG_SHAG = 0.15  # the calf's legs' hair: this share of its coat's clumps (long, its
# knees and hocks were lost in it: straight hairy posts) ...
CALF_LEG_FUR = 0.4  # ... and this share of its coat's ragged edge (whole, the rim light at
# 10:50 traced a wobble down each leg: soft tubes, not legs)
LEG_TOP = 0.6  # units: an adult's legs reach up into her body this far
HEM = 0.1  # how far down the belly's locks are joined under their roots, in units (the
# ends of the longer ones hang below, up to 0.02)

# Facing left, feet at 0: a high domed head, a deep notch behind it, the hump over the shoulders
# and the back falling from it in a curve (steep off the hump, easing over the loins) to small,
# rounded hindquarters (a straight line from hump to rump read as a tent).
ADULT = ((-0.42, 1.38), (-0.56, 1.3), (-0.64, 1.14), (-0.67, 0.98), (-0.63, 0.84), (-0.56, 0.74),
         (-0.47, 0.64), (-0.43, 0.5), (-0.3, 0.42), (-0.05, 0.38), (0.22, 0.38), (0.44, 0.42),
         (0.55, 0.52), (0.59, 0.64), (0.58, 0.74), (0.53, 0.83), (0.44, 0.9), (0.32, 0.94),
         (0.2, 0.99), (0.09, 1.07), (-0.01, 1.15), (-0.1, 1.21), (-0.18, 1.23), (-0.25, 1.2),
         (-0.3, 1.14), (-0.34, 1.2))
# Caught in the tar, straining: a huge domed head held high over the tar, its crown the highest
# of her and her shoulder hump one mass with it (sunk to her back, a deep notch left her crown
# and hump as two humps in the tar: with her trunk raised as a long neck, the Loch Ness
# monster), her face broad, down to the trunk's thick root.
MIRED = ((-0.46, 1.45), (-0.6, 1.44), (-0.7, 1.36), (-0.76, 1.19), (-0.77, 1.06), (-0.74, 0.94),
         (-0.66, 0.8), (-0.54, 0.66), *ADULT[7:-4], (-0.12, 1.25), (-0.2, 1.31),
         (-0.29, 1.33), (-0.37, 1.39))
MIRED_EYE = (-0.6, 1.12)  # her eye, in her broad face above the tusks' roots
ADULT_LEGS: Legs = ((0.18, 0.32, True), (-0.26, -0.12, True), (0.3, 0.46, False),
                    (-0.4, -0.24, False))
# The calf: a big domed head with a high crown, a notch behind it, a rounded hump over the
# shoulders and the back curving down from it to small, low, rounded hindquarters (a level
# back, rounded off at the rump, read as an elephant under a howdah; a straight slope and a
# flat belly, as a box), a round belly sagging between its short legs, fuzzier.
CALF = ((-0.36, 1.25), (-0.47, 1.21), (-0.54, 1.12), (-0.585, 1.0), (-0.6, 0.86), (-0.55, 0.74),
        (-0.46, 0.64), (-0.38, 0.52), (-0.26, 0.45), (-0.1, 0.4), (0.08, 0.4), (0.24, 0.44),
        (0.35, 0.51), (0.42, 0.58), (0.44, 0.65), (0.41, 0.72), (0.33, 0.79), (0.21, 0.87),
        (0.07, 0.95), (-0.05, 1.02), (-0.14, 1.06), (-0.22, 1.05), (-0.26, 1.01), (-0.3, 1.1))
CALF_LEGS: Legs = ((0.12, 0.26, True), (-0.26, -0.12, True), (0.22, 0.38, False),
                   (-0.36, -0.2, False))
# A pair of tusks grows out of sheaths low in the skull, either side of the trunk's root (one
# tusk out of the forehead, over the eye, read as a sickle): the near one's line, from its
# root, darkened into the coat, out and a little down, then forward and up (the far one: see
# tusks.Tusks.far). Hers rise from there all the way (sunk to below her eye, her tusks still
# stand out of the tar by her head; one that dipped past her chin went under).
TUSK = ((-0.55, 0.92), (-0.63, 0.89), (-0.73, 0.875), (-0.85, 0.895), (-0.95, 0.96),
        (-1.02, 1.06), (-1.04, 1.17), (-0.99, 1.26))
MOTHER_TUSKS = Tusks(TUSK, 0.08, 0.32)  # ivory from about where it leaves her head
# The bull's: longer and heavier, down and forward past his hanging trunk, sweeping forward
# and up in a long spiral, its last third curving up and in, back towards his face.
BULL_TUSK = ((-0.56, 0.86), (-0.63, 0.79), (-0.72, 0.73), (-0.84, 0.69), (-0.98, 0.71),
             (-1.1, 0.79), (-1.18, 0.92), (-1.2, 1.06), (-1.16, 1.19), (-1.08, 1.28))
BULL_TUSKS = Tusks(BULL_TUSK, 0.12, 0.22)  # ivory from where it crosses his trunk
BULL_IVORY = 0.8  # his tusks' colour: this share of the way from the coat's to ivory (old ivory)
EYE = (-0.53, 1.06)  # in front of the ear, above the trunk's root
CALF_EYE, CALF_EYE_SIZE = (-0.47, 0.98), 0.8
TAIL_ROOT, CALF_TAIL_ROOT = (0.52, 0.78), (0.4, 0.7)  # inside the rump
TAIL = ((0.0, 0.0), (0.06, -0.03), (0.085, -0.1), (0.085, -0.18))  # from its root: short,
# hanging close to the rump (a bent line out from it read as a handle)
ADULT_TAIL = 0.5  # an adult's tail: this long, tucked into her rump's hair and lost in it (as
# long as the calf's, hanging down her rump to 0.6, its straight edge, tilted in the tar, stood
# as a ruled cut down her rump at noon, x 560-562)
TUFT = ((-0.012, 0.02), (0.012, 0.02), (0.028, -0.03), (0.026, -0.07), (0.014, -0.1),
        (0.005, -0.085), (-0.004, -0.105), (-0.014, -0.088), (-0.026, -0.07),
        (-0.028, -0.03))  # the hair at the end of it, from the end: a brush, not a handle
MIRED_FAR_SHIFT = (0.025, -0.005)  # her far tusk's root shows this far from the near one's:
# behind it and a little lower, its curve inside the near one's (forward and up of it, its tip
# stood out past the near one's as a stray pale arc; further behind and lower, 0.03 and 0.03,
# a second pale arc under it: at 10:40 the pair read as stripes, not one tusk going under)
# Hers caught, heavy: from under her head, out and a little down, then sweeping forward and up
# out of her face, their tips turning in towards her raised trunk below her brow: a mammoth's,
# at a glance (turning in at her brow's height, in front of it, the tar round her face left
# their tips standing apart; along the raised trunk's outer edge, they made it a hook). Ivory
# from where it leaves her face (stained further, over her dark trunk, it read as a grey
# see-through smear).
MIRED_TUSKS = Tusks(((-0.62, 0.98), (-0.72, 0.92), (-0.86, 0.9), (-0.99, 0.95), (-1.07, 1.05),
                     (-1.08, 1.14), (-1.0, 1.24), (-0.78, 1.31)), 0.13, 0.13, taper=0.6,
                    tip=0.014, far_shift=MIRED_FAR_SHIFT)
GHOST_HEM = 0.085  # an apparition's belly locks are joined only this far down (lit along its
# edge, a hem hanging lower showed as a line along her belly)
LOCK_STRAY = 1.6  # a ragged fringe's locks lie up to this many spacings off their places ...
LOCK_BETWEEN = 0.35  # ... and this share of the places between its clumps has a lock too
CALF_FRINGE = 0.8  # the calf's belly hair: its locks' places, lengths, widths and lean this
# ragged (even, and rim-lit at 10:34, they read as the teeth of a comb)
TANGLE = 1.2  # the calf's coat's locks: this uneven in length and lean (even, rim-lit down its
# chest and belly at 10:34, they read as a comb of dashes)


def mammoth(pen: Pen, color: Color, calf: bool = False, bull: bool = False,
            ivory: float = TUSK_IVORY, lift: float = 0.0, far: float = FAR_LEGS,
            stance: Legs | None = None, tusks: Tusks = MOTHER_TUSKS, tail: bool = True,
            mired: bool = False, hanging: bool = False, hem: float = HEM,
            raised: float | None = None) -> None:
    """A woolly mammoth facing left: pillar legs, a shaggy coat with a fringe hanging from the
    belly, a small ear hidden in the calf's hair, a small dark eye with a glint, a short tail
    ending in a tuft, a trunk (the mother's raised: she is calling) and, but for the calf, a
    pair of long tusks, the trunk between them (`ivory` of the way from the coat's colour to
    ivory; the eye's skin and glint as much lighter, in proportion). `lift`: how far (0..1;
    going under, more: see mammoth_lift.UNDER_REACH) the mother strains up out of the tar,
    her head, tusks and trunk lifted, her shoulders heaved (see mammoth_pose). `far`: her
    far legs' colour, hers this many times as bright; `stance`: where her legs stand, if not
    where an adult's (or a calf's) do; `tusks`: the mother's; `tail`: whether it is drawn
    here (the dream draws its own); `mired`: the mother caught in the tar (MIRED,
    TRUNK_MIRED); `hanging`: her trunk hangs (the dream's, TRUNK_HANGING; caught, in the
    shallows, at rest: mammoth_trunk.HANGING_TRUNKS); `hem`: how far
    down her belly's locks are joined; `raised`: caught, how far her trunk is raised, if not
    as far as her head is lifted (1: raised before her face; going under, on to 2: reaching
    up for the air, its tip open: see mammoth_trunk.TRUNK_MIRED_SKY). Her
    tusks lift with her head, going under too: they go under with her face, not before it
    (dipped as her trunk rose, they had gone at 10:40 while her head and trunk stood high)."""
    outline, legs = (CALF, CALF_LEGS) if calf else (MIRED if mired else ADULT, ADULT_LEGS)
    legs = legs if stance is None else stance
    fur = min(FUR, FUR_PIXELS * pen.pixel)
    shag = min(SHAG, SHAG_PIXELS * pen.pixel) * (mammoth_calf.SHAG if calf else 1.0)
    light = ivory / TUSK_IVORY  # how much light her face catches (an apparition's: little)
    pair = None if calf else BULL_TUSKS if bull else MIRED_TUSKS if mired else tusks
    tusk_ivory = BULL_IVORY * ivory / TUSK_IVORY if bull else ivory
    if pair is not None:  # first: her head and trunk hide its root
        draw_far(pen, pair, color, tusk_ivory, partial(_head_of, lift))
    if calf and stance is None:  # jointed: knees, hocks, wide feet
        for leg, _behind in mammoth_calf.legs():  # all in the shade of its belly
            pen.polygon(shaggy(leg, fur * CALF_LEG_FUR, shag * CALF_LEG_SHAG),
                        scaled(color, mammoth_calf.LEG_SHADE))
    else:
        for x0, x1, behind in legs:
            pen.polygon(shaggy(leg_outline(x0, x1), fur * 1.5, shag * 0.4),
                        scaled(color, far) if behind else color)
    coat = rounded(rounded(outline))
    for lock in chest_locks(lifted_all(coat, lift), coat) if calf else ():  # under its coat
        pen.polygon(lock, scaled(color, CHEST_SHADE))
    pen.polygon(shaggy(lifted_all(coat, lift), fur * (1.4 if calf else 1.0), shag, coat,
                        TANGLE if calf else 0.0), color)
    if calf:
        _ear(pen, color, lift)
        _fringe(pen, color, *mammoth_calf.FRINGE, mammoth_calf.BELLY_HEM, CALF_SAG,
                mammoth_calf.BELLY_DROP, CALF_FRINGE)
    else:
        _fringe(pen, color, -0.4, 0.44, hem, SAG)
    if tail:
        _tail(pen, CALF_TAIL_ROOT if calf else TAIL_ROOT, color,
              mammoth_calf.TAIL if calf else ADULT_TAIL)
    head = partial(_head_of, lift)
    if mired:  # hers raised before her face: in front of her near tusk, clear of it (drawn
        # behind it, its root went under the tusk's sweep and its curl through the loop: a
        # knot, her head a blob holding a horn)
        draw_near(pen, MIRED_TUSKS, color, tusk_ivory, head)
        trunk_up = min(lift, 1.0) if raised is None else raised
        mired_trunk(pen, color, trunk_up, lift, fur, hanging)  # (its root pitched up with her
        # head past a strain's going under, its raised tip no further, but as it reaches up
        # for the air: swung back with her head, it lay across her crown)
    elif calf:
        trunk(pen, color, lift, (TRUNK_CALF, TRUNK_CALF_OUT, TRUNK_CALF_UP), CALF_TRUNK[1],
               CALF_TRUNK[0])
    elif bull:
        pen.stroke(smooth(TRUNK_DOWN), 0.15, 0.05, color)
    else:
        trunk(pen, color, lift, (TRUNK_HANGING, TRUNK_SWUNG) if hanging else
               (TRUNK_RAISED, TRUNK_LIFTED), HANGING_TIP if hanging else 0.05)
    if pair is not None and not mired:  # over the trunk: it hangs between them
        draw_near(pen, pair, color, tusk_ivory, head)
    _eye(pen, lifted(CALF_EYE if calf else MIRED_EYE if mired else EYE, lift),
         CALF_EYE_SIZE if calf else 1.0, color, light)


def trunk_and_tusk(pen: Pen, color: Color, mired: bool = False, hanging: bool = False) -> None:
    """The mother's trunk (`mired`: caught; `hanging`: hanging so, in the shallows) and her
    tusks alone, at rest."""
    pair = MIRED_TUSKS if mired else MOTHER_TUSKS
    draw_far(pen, pair, color, TUSK_IVORY, smooth)
    if mired:  # (in front of her near tusk, as `mammoth` draws it)
        draw_near(pen, pair, color, TUSK_IVORY, smooth)
        trunk(pen, color, 0.0, HANGING_TRUNKS if hanging else MIRED_TRUNKS, MIRED_TIP,
              MIRED_ROOT)
        return
    trunk(pen, color, 0.0, (TRUNK_RAISED, TRUNK_LIFTED), 0.05)
    draw_near(pen, pair, color, TUSK_IVORY, smooth)


def _head_of(lift: float, line: Sequence[Point]) -> list[Point]:
    """A line of her head (a tusk's), smoothed and lifted with it `lift` of the way."""
    return lifted_all(smooth(line), lift)


def _tail(pen: Pen, root: Point, color: Color, size: float = 1.0) -> None:
    """A short tail hanging close to the rump from `root`, a tuft of hair at its end (`size`
    times as long as hers)."""
    x, y = root
    pen.stroke(smooth([(x + dx * size, y + dy * size) for dx, dy in TAIL]), 0.045, 0.028, color)
    x, y = x + TAIL[-1][0] * size, y + TAIL[-1][1] * size
    pen.polygon(rounded([(x + dx, y + dy * size ** 0.5) for dx, dy in TUFT]), color)


def _ear(pen: Pen, color: Color, lift: float) -> None:
    """The calf's small ear, hidden in its hair, lifted with its head."""
    pen.polygon(rounded(lifted_all(mammoth_calf.EAR, lift)), scaled(color, mammoth_calf.EAR_SHADE))


def _eye(pen: Pen, at: Point, size: float, color: Color, light: float) -> None:
    """A small dark eye in a patch of bare, barely lighter skin, a glint of light on it
    (`light`: 1 for the mother's, less for an apparition's): without it her head, sunk to
    the eyes, read as a hump."""
    x, y = at
    pen.ellipse(at, 0.03 * size, 0.022 * size, mix(color, IVORY, EYE_SKIN * light))
    pen.ellipse((x, y - 0.003 * size), 0.016 * size, 0.012 * size, scaled(color, EYE_DARK))
    pen.ellipse((x - 0.005 * size, y + 0.001 * size), 0.005 * size, 0.004 * size,
                mix(color, IVORY, EYE_GLINT * light))


def leg_outline(x0: float, x1: float) -> list[Point]:
    """A leg from the body (x0 to x1 wide) to the ground, jointed as the calf's are (see
    mammoth_calf.FORE and HIND), made as wide: a fore leg (in front of her middle) with its
    knee standing out in front low down, a hind leg with its stifle in front and its hock's
    point behind, both on broad flat feet (straight columns, lit through in the dream, read as
    four stumps). From its top front and top back corners, down its back edge and up its
    front."""
    shape = mammoth_calf.HIND if x0 > 0 else mammoth_calf.FORE
    wide = (x1 - x0) / (shape[-1][0] - shape[0][0])  # (as wide at its top: made wider at
    # the thigh, as the calf's, the dream's hind pair stood as one mass, no night between)
    top = [(x0, LEG_TOP), (x1, LEG_TOP)]
    return top + [(x0 + dx * wide, min(y, LEG_TOP)) for dx, y in reversed(shape[1:-1])]


def _fringe(pen: Pen, color: Color, left: float, right: float, hem: float = HEM,
            sag: float = SAG, long: float = 1.0, ragged: float = 0.0) -> None:
    """Long hair hanging from the belly and flanks, in locks of uneven length, FRINGE_LOCK
    apart (or FRINGE_PIXELS, if closer: a large figure's wide locks read as flags), joined
    down to HEM, only their ends hanging apart (the tar, or the night, between separate locks
    read as pale teeth along her tar line, or as a row of trees through an apparition), their
    roots rising `sag` times the square of the way from the belly's middle, `long` times as
    long as hers; `ragged` (0..1): how unevenly they lie, long, wide and leaning back, with
    short ones between (see `_lock`)."""
    spacing = min(FRINGE_LOCK, FRINGE_PIXELS * pen.pixel)
    locks = round((right - left) / spacing)
    half = spacing * FRINGE_WIDTH / 2
    line: list[tuple[float, float, float]] = []
    for n in range(locks + 1):
        x = left + (right - left) * n / locks
        top = 0.44 + sag * (x + 0.05) ** 2
        ends = min(1.0, min(n, locks - n) / (locks * FRINGE_ENDS)) ** 0.5
        if ragged:  # in clumps, at uneven places (see `_locks`)
            for at, k in _locks(x, spacing, ragged, n):
                pen.polygon(_lock(at, 0.44 + sag * (at + 0.05) ** 2, 2 * half, ends * long,
                                  ragged, k), color)
        else:
            drop = (0.07 + 0.05 * ((n * 7) % 5) / 4) * ends * long
            pen.polygon([(x - half, top + 0.04), (x + half, top + 0.04),
                         (x + half / 3, top - drop)], color)
        line.append((x, top, ends))
    pen.polygon([(x, top + 0.04) for x, top, _ in line]
                + [(x, top - hem * ends) for x, top, ends in reversed(line)], color)


def _locks(x: float, spacing: float, ragged: float, n: int) -> list[tuple[float, int]]:
    """The locks of a ragged fringe hanging from about `x`, the `n`th of its places
    `spacing` apart, and each lock's own number: none, one or two, each moved up to
    LOCK_STRAY spacings off it (one every other place, at one spacing, rim-lit against the
    haze at 10:30, read as a sawtooth: hair hangs in uneven locks)."""
    count = (0, 1, 1, 2)[int(4 * hash01(FRINGE_SEED, n, 7))] if n % 2 == 0 else (
        1 if hash01(FRINGE_SEED, n, 7) < LOCK_BETWEEN else 0)
    return [(x + ragged * LOCK_STRAY * spacing * (hash01(FRINGE_SEED, n, 8 + k) - 0.5),
             2 * n + k) for k in range(count)]


def _lock(x: float, top: float, half: float, long: float, ragged: float,
          n: int) -> list[Point]:
    """One lock of a ragged fringe (the `n`th: its own place, length, width and lean), its root
    `half` wide at `x` on the belly's line `top`, hanging `long` times a lock's length and
    parting at its end into two strands of their own lengths, swept back (to the right,
    facing left): hair, not a comb's tooth."""
    odd = [hash01(FRINGE_SEED, n, k) - 0.5 for k in range(5)]
    x += ragged * odd[0] * half
    half *= 1.0 + ragged * odd[1]
    drop = (0.095 + ragged * 0.1 * odd[2]) * long
    lean = half * (0.6 + ragged * 1.6 * (odd[3] + 0.5))
    short = 0.55 + ragged * 0.5 * (odd[4] + 0.5)  # the second strand's share of its length
    return [(x - half, top + 0.04), (x + half, top + 0.04),
            (x + half * 0.7 + lean * short, top - drop * short),
            (x + half * 0.25 + lean * 0.55, top - drop * 0.5),
            (x + lean, top - drop), (x - half * 0.5 + lean * 0.5, top - drop * 0.55)]


def calf(pen: Pen, color: Color, lift: float = 0.0) -> None:
    """The calf, `lift` of the way to calling with its head and trunk raised."""
    mammoth(pen, color, calf=True, lift=lift)


def bull(pen: Pen, color: Color) -> None:
    mammoth(pen, color, bull=True)


def ghost(pen: Pen, color: Color, lift: float = 0.0, far: float = FAR_LEGS,
          stance: Legs | None = None, tusks: Tusks = MOTHER_TUSKS, tail: bool = True) -> None:
    """The mother as an apparition: her tusks of her own colour (GHOST_IVORY), not bone, her
    trunk hanging between them, her belly's locks hanging apart below GHOST_HEM."""
    mammoth(pen, color, ivory=GHOST_IVORY, lift=lift, far=far, stance=stance, tusks=tusks,
            tail=tail, hanging=True, hem=GHOST_HEM)

