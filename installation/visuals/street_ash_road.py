"""The ash on the burnt boulevard's ground, worked out for the charring (numpy): how much lies
where (thin far off, drifted against the kerbs and the stranded cars, burying the crossing but
for a few of its bars' charred paint showing through in patches, scoured thin in long patches
where the charred road shows through) and how it is shaded (its drifts' ridges lit on the
windward slope and dark in the lee, the cars' shadows, blotched with soot, darker towards the
viewer's feet), and the wind's sooty streaks along the road, broken along their length."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from installation.visuals.base import hashes01, s_curve
from installation.visuals.noise import smooth_noise_at
from installation.visuals.roadmarks import CROSSING, HORIZON_T, STRIPE_EVERY, STRIPE_WIDE

FARTHEST = 60.0  # world units: the ground beyond is taken as this far (the horizon's row)
ASH_ROAD = 0.3  # how much ash lies on the road's middle, far off
ASH_NEAR = 0.6  # more towards the viewer (all of it at the picture's foot)
ASH_KERB, KERB_SPREAD = 0.5, 0.2  # drifted against each kerb (ROAD_HALF), this wide
ASH_WALK = 0.3  # and over the sidewalk
ASH_PATCHES = 0.5  # how much the drifts come and go, along and across
BURIED, BURIED_FROM = 0.97, 1.5  # nearer than this the road is buried (paint and all)...
SCOUR_LIGHT, SCOUR_SIZE = 0.3, (0.36, 0.12)  # ...but for a patch the wind thinned (half sizes)
# over the crossing's bars: their charred paint shows through the dust this much paler than the
# ash, in broken patches (the burnt road is drawn without its paint, and bared asphalt between
# the bars read as two black holes in the road: the ash stays as deep there)
SCOUR_BREAKS = 9.0  # the patches the paint shows in: this many a world unit along the bars
SCOUR_SOFT = 0.25  # a bar's bared paint fades out this share of its width in from each edge
SCOUR_ACROSS = (-0.45, 0.45)  # where along the crossing it lies (seeded), world x
RIPPLES = (1.7, 5.0)  # drift ridges across the road a world unit along it: broad, fine
RIPPLE_LEVELS = (1.0, 0.35)  # their heights
RIPPLE_WARP = 0.7  # how far the ridges wander, in ridges
RIPPLE_SKEW = 0.45  # ridges steeper on their lee than their windward side
RIPPLE_SEEN = 2.2  # ridges fade out beyond this depth (finer than the picture's pixels)
RIDGE_LIGHT = 0.2  # how much a ridge's slopes lighten and darken the ash
RIDGE_PATCHES = 0.9  # fields of ridges and smooth ash between them (across, along a unit)
NEAR_RIPPLES = (16.0, 0.5)  # small wind ripples in the ash at our feet: this many a world
# unit along the road, this high (of the broad ridges'), in every field...
NEAR_WANDER = 2.5  # ... wandering this many ripples across the road (straighter, they read as
# corduroy), in patches
NEAR_SEEN = (1.0, 1.4)  # ... in full nearer than this depth, none beyond this (finer than the
# ash's grid of pixels: under our feet the ridges alone left it a smooth plane)
KERB_SHADE = 0.22  # the kerb drift's face towards the road lit, its back dark
CAR_DRIFT, CAR_REACH = 0.5, (0.42, 0.3)  # ash heaped on the windward (left) side of a car
CAR_SHADOW, SHADOW_REACH = 0.35, (0.24, 0.26)  # its shadow on the ash, across and along
FOOT_DARK = 0.42  # the ash darker towards the picture's foot (under our feet, sooted)
# Where the wind scoured the ash thin, the charred road showing through (street_char's BARE):
# fallout lies unevenly (an even pale cover read as snow)...
BARE_EVERY = (16.0, 3.5)  # ...in small patches about this many a world unit across and along
# the road, long along the wind (at 3.2 and 1.1 one patch filled the road's middle, and at
# 6.5 and 1.4 they were dark figures: shadows on the road, not ash thinned)...
BARE_RAGGED = 0.35  # ...their edges ragged (a noise 3 times as fine, this much of it)...
BARE_FROM, BARE_SOFT = 0.6, 0.08  # ...where their noise (0 to 1, about a sixth of the road
# over this) passes this, bared fully this much above it...
BARE_SEEN = 4.0  # ...fading out beyond this depth (patches finer than the picture's pixels)
BARE_NEAR = (1.0, 1.5)  # ...and none nearer than this (nor soot), all from this (the drifts
# at our feet lie deep; a patch there, as big as a person, read as a figure's shadow)
SOOT = 0.3  # blotches of soot through the ash: its light darkened this much at most...
SOOT_EVERY = (3.4, 1.3)  # ...this many a world unit across and along...
SOOT_FROM = 0.45  # ...where their noise (0 to 1) passes this
NOISE_OFF = 1 << 16  # (knots are hashed at positions made positive by this)
STREAKS = (11.0, 29.0)  # wind streaks along the road, a world unit across: broad, fine
STREAK_SHADE = 0.16  # how much a streak darkens the ash (soot and cinders drawn out)...
STREAK_LIGHT = 0.25  # ...and lightens it, of that (bright rays down the road read as the sun
# on snow)...
STREAK_BREAKS = 0.9  # ...each broken along its length into runs about this many a world unit
STREAK_SLANT = 0.06  # the wind crosses the road a little: streaks slant this much a unit
STREAK_SEEN = 9.0  # streaks fade out beyond this depth


@dataclass(frozen=True)
class Ground:
    """The street's ground seen: its picture's size, the vanishing column, the horizon row,
    where the kerbs and the walls stand (world x), the stranded cars' places (world x, z) and
    the seed of its drifts."""

    size: tuple[int, int]
    middle: int
    horizon: int
    kerb: float
    walk: float
    cars: tuple[tuple[float, float], ...]
    seed: int

    def world(self, y: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """World x (columns x rows) and z (rows) of the ground at rows `y` and `cols`."""
        width, height = self.size
        k = np.maximum((y - self.horizon) / ((height - self.horizon) * HORIZON_T),
                       1.0 / FARTHEST)
        return (cols[:, None] - self.middle) / (width * 0.5 * k), 1.0 / k


def ash_at(ground: Ground, y: np.ndarray, cols: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """How much ash lies on the ground at rows `y` (1 x rows) and columns `cols` (0 off it,
    to 1), how its light is shaded there (1 as it lies flat), and how far the wind keeps it
    scoured thin there (0 to 1: see street_char, which takes BARE of the ash away there)."""
    x, z = ground.world(y, cols)
    height = ground.size[1]
    kerb = np.exp(-(((np.abs(x) - ground.kerb) / KERB_SPREAD) ** 2))
    walk = np.where(np.abs(x) > ground.kerb, ASH_WALK, 0.0)
    share = np.clip((y - ground.horizon) / (height - ground.horizon), 0.0, 1.0)
    patch = smooth_noise_at(ground.seed + 2, x * 3.1 + z * 0.9) * smooth_noise_at(
        ground.seed + 3, z * 1.7 - x * 1.3)
    amount = ASH_ROAD + ASH_KERB * kerb + walk + ASH_NEAR * share + ASH_PATCHES * (patch - 0.25)
    buried = np.clip((BURIED_FROM - z) / 0.4, 0.0, 1.0)
    amount = amount + (BURIED - amount) * buried
    drift, shadow = _by_cars(ground, x, z)
    bare = bared(ground.seed, x, z) * (1.0 - kerb) * (1.0 - np.clip(drift / CAR_DRIFT, 0, 1))
    amount = np.clip(amount + drift, 0.0, 0.97)
    ridge = _ridges(ground.seed, x, z)
    lit = (1.0 + ridge + KERB_SHADE * kerb * (ground.kerb - np.abs(x)) / KERB_SPREAD
           + SCOUR_LIGHT * _scour(ground, x, z))
    shade = lit * (1.0 - shadow) * (1.0 - FOOT_DARK * share ** 1.6) * _sooted(ground.seed, x, z)
    off = np.abs(x) > ground.walk
    return np.where(off, 0.0, amount), np.where(off, 1.0, shade), np.where(off, 0.0, bare)


def bared(seed: int, x: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Where the wind scoured the ash thin (0 not at all, 1 most): long patches along the
    road, fading out far off."""
    across, along = BARE_EVERY
    u, v = x * across + z * along * 0.2, z * along
    blotch = (1 - BARE_RAGGED) * noise2(seed + 13, u, v) + BARE_RAGGED * noise2(
        seed + 17, 3 * u, 3 * v)
    seen = np.clip(BARE_SEEN / z - 0.25, 0.0, 1.0) * _beyond_near(z)
    return np.asarray(np.clip((blotch - BARE_FROM) / BARE_SOFT, 0.0, 1.0) * seen)


def _sooted(seed: int, x: np.ndarray, z: np.ndarray) -> np.ndarray:
    """What soot leaves of the ash's light (1 none): blotches across the road."""
    across, along = SOOT_EVERY
    blotch = noise2(seed + 15, x * across, z * along - x * across * 0.3)
    return np.asarray(1.0 - SOOT * _beyond_near(z) * np.clip((blotch - SOOT_FROM)
                                                            / (1 - SOOT_FROM), 0.0, 1.0))


def _beyond_near(z: np.ndarray) -> np.ndarray:
    """0 nearer than BARE_NEAR[0] (the ash at our feet lies deep and even: neither scoured
    nor blotched), 1 beyond BARE_NEAR[1]."""
    return np.asarray(np.clip((z - BARE_NEAR[0]) / (BARE_NEAR[1] - BARE_NEAR[0]), 0.0, 1.0))


def noise2(seed: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Smooth 2-D value noise (0 to 1) at `u`, `v` (broadcast together): knots a unit apart,
    eased between (two 1-D noises over a few knots across the road left whole roads bare
    or none, by the seed)."""
    u, v = np.broadcast_arrays(u + NOISE_OFF, v + NOISE_OFF)
    iu, iv = np.floor(u), np.floor(v)
    fu, fv = s_curve(u - iu), s_curve(v - iv)
    iu, iv = iu.astype(np.uint64), iv.astype(np.uint64)
    one = np.uint64(1)
    k00, k10 = hashes01(seed, iu, iv), hashes01(seed, iu + one, iv)
    k01, k11 = hashes01(seed, iu, iv + one), hashes01(seed, iu + one, iv + one)
    return np.asarray((k00 + (k10 - k00) * fu) * (1 - fv) + (k01 + (k11 - k01) * fu) * fv)


def _scour(ground: Ground, x: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Where the wind thinned the ash over the crossing's bars, their paint showing (0
    elsewhere and between them, 1 at its most): a patch over a few bars, broken along each."""
    low, high = SCOUR_ACROSS
    across = low + (high - low) * float(smooth_noise_at(ground.seed + 7, np.array([0.5]))[0])
    along = (CROSSING[0] + CROSSING[1]) / 2
    wide, long = SCOUR_SIZE
    patch = np.exp(-(((x - across) / wide) ** 4) - ((z - along) / long) ** 4)
    which, into = np.divmod((x + 1.0 - (STRIPE_EVERY - STRIPE_WIDE)) / STRIPE_EVERY, 1.0)
    into *= STRIPE_EVERY / STRIPE_WIDE  # 0 to 1 across a bar
    bar = np.clip(np.minimum(into, 1.0 - into) / SCOUR_SOFT, 0.0, 1.0)
    broken = np.clip(2.5 * smooth_noise_at(ground.seed + 11, z * SCOUR_BREAKS + which * 3.7)
                     - 0.4, 0.0, 1.0)  # (each bar broken in its own places)
    return np.asarray(patch * bar * broken)


def _by_cars(ground: Ground, x: np.ndarray, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The ash heaped against each car's windward side, and its shadow on the ash."""
    drift = np.zeros(np.broadcast_shapes(x.shape, z.shape))
    shadow = np.zeros_like(drift)
    across, along = CAR_REACH
    for cx, cz in ground.cars:
        near = np.exp(-(((z - cz) / along) ** 2))
        drift += CAR_DRIFT * near * np.exp(-(((x - cx + 0.22) / across) ** 2))
        shadow += CAR_SHADOW * np.exp(-(((x - cx - 0.08) / SHADOW_REACH[0]) ** 2)
                                      - ((z - cz + 0.05) / SHADOW_REACH[1]) ** 2)
    return drift, np.clip(shadow, 0.0, 0.8)


def _ridges(seed: int, x: np.ndarray, z: np.ndarray) -> np.ndarray:
    """The drifts' ridges across the road, wandering: the light on each (+ on its long
    windward slope, - in its lee), fading out far off."""
    light = np.zeros(np.broadcast_shapes(x.shape, z.shape))
    wander = smooth_noise_at(seed + 4, x * 1.3 + z * 0.4) - 0.5
    field = np.clip(2.0 * smooth_noise_at(seed + 8, x * RIDGE_PATCHES * 2.3
                                          + z * RIDGE_PATCHES) - 0.4, 0.15, 1.0)
    for n, (every, level) in enumerate(zip(RIPPLES, RIPPLE_LEVELS, strict=True)):
        phase = 2 * np.pi * (z * every + RIPPLE_WARP * (wander + 0.5 * n * x))
        slope = np.sin(phase) + RIPPLE_SKEW * np.sin(2 * phase)
        light += level * slope * np.clip(RIPPLE_SEEN * (n + 1) ** -0.5 / z - 0.3, 0.0, 1.0)
    every, level = NEAR_RIPPLES
    phase = 2 * np.pi * (z * every + NEAR_WANDER * noise2(seed + 19, x * 3.0, z * 2.0))
    near = np.clip((NEAR_SEEN[1] - z) / (NEAR_SEEN[1] - NEAR_SEEN[0]), 0.0, 1.0) * np.clip(
        2.0 * noise2(seed + 20, x * 2.5, z * 4.0) - 0.3, 0.2, 1.0)  # (in patches)
    return RIDGE_LIGHT * (light * field + level * near * (np.sin(phase) + RIPPLE_SKEW * np.sin(
        2 * phase)))


def streaked(ground: Ground, y: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The wind's streaks along the road at rows `y` (1 x rows) and columns `cols`: the light
    each leaves on the ash (1 none; mostly darker: soot drawn out), broken along their length,
    fading out far off."""
    x, z = ground.world(y, cols)
    x = np.clip(x + z * STREAK_SLANT, -2 * ground.walk, 2 * ground.walk)
    broad = smooth_noise_at(ground.seed + 5, x * STREAKS[0]) - 0.5
    fine = smooth_noise_at(ground.seed + 6, x * STREAKS[1]) - 0.5
    streak = 2 * (0.6 * broad + 0.4 * fine)
    runs = np.clip(2.0 * smooth_noise_at(ground.seed + 12, z * STREAK_BREAKS + x * 9.0) - 0.3,
                   0.0, 1.0)
    seen = np.clip(STREAK_SEEN / z - 1.0, 0.0, 1.0)
    light = np.where(streak > 0, STREAK_LIGHT * streak, streak)
    return np.asarray(1.0 + STREAK_SHADE * light * runs * seen, np.float32)
