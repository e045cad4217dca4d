"""A booth with its light off is dark glass on the night, and nobody's phone is hung up."""

from __future__ import annotations

import numpy as np

from installation.visuals import booth

from .helpers import NO_POST, frame_at, layer

BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
SIZE = (640, 360)
SCALE, GROUND = 0.8, 0.95
GLASS = (0.15, 0.3)  # rows of bare glass under the sign, above the phone, in booth heights
RINGING = 1.0  # seconds into the scene: the first ring's light is on
LEGIBLE = 40  # levels: an unlit hood's letters over its band, at least


def drawn(ring: float = 40, **keys: object) -> np.ndarray:
    """A booth in the middle of a black picture, RINGING seconds into its scene, x by y."""
    body = BLACK_SKY + layer("booth", x=0.5, ground=GROUND, scale=SCALE, ring=ring,
                             **keys) + NO_POST
    return frame_at(body, "04:05", RINGING, SIZE)


def place() -> tuple[slice, slice]:
    """The booth's own pixels (x, y slices)."""
    tall = round(SCALE * SIZE[1])
    wide = round(tall * booth.WIDE)
    left = round(0.5 * SIZE[0] - wide / 2)
    top = round(GROUND * SIZE[1]) - tall
    return slice(left, left + wide), slice(top, top + tall)


def receiver(caller: bool) -> np.ndarray:
    """The pixels where a hung-up receiver hangs beside the phone, lit booth, not ringing."""
    tall = round(SCALE * SIZE[1])
    xs, ys = place()
    x, y, w, h = booth.PHONE_BOX
    left, top = xs.start + round(x * tall * booth.WIDE), ys.stop - round((y + h) * tall)
    box = (round(w * tall), round(h * tall))
    rx, ry, rw, rh = booth.RECEIVER
    x0, y0 = left + round(rx * box[0]), top + round(ry * box[1])
    frame = drawn(ring=0, caller=caller)
    return frame[x0 + 1:x0 + round(rw * box[0]) - 1, y0 + 2:y0 + round(rh * box[1]) - 2]


def test_an_unlit_booth_casts_no_light_and_does_not_pulse() -> None:
    """Off, the booth throws no light on the ground round it, even where a ring would pulse
    (lit, the night round it is lit up); only the booth itself is seen."""
    lit, dark = drawn(lit=True), drawn(lit=False)
    outside = np.ones(SIZE, bool)
    outside[place()] = False
    assert lit[outside].max() > 60
    assert dark[outside].max() == 0


def test_an_unlit_booth_is_dark_glass_with_the_light_caught_on_it() -> None:
    """Off, its glass is far darker than lit, yet not black: the diner's light caught on its
    panes, brighter on the side that faces it (the left)."""
    xs, ys = place()
    lit, dark = drawn(lit=True)[xs, ys], drawn(lit=False)[xs, ys]
    assert dark.mean() < 0.4 * lit.mean(), (dark.mean(), lit.mean())
    third, tall = dark.shape[0] // 3, dark.shape[1]
    glass = dark[:, round(tall * GLASS[0]):round(tall * GLASS[1])]  # above the phone
    assert glass[:third].mean() > glass[-third:].mean() + 5 > 10, (
        glass[:third].mean(), glass[-third:].mean())


def test_with_nobody_at_the_phone_the_receiver_hangs_in_its_cradle() -> None:
    """No caller: the receiver hangs beside the phone, a steel shape on the lit glass; with
    the caller at it (the receiver at his ear), the glass shows there."""
    hung, taken = receiver(caller=False), receiver(caller=True)
    assert hung.mean() < 0.6 * taken.mean(), (hung.mean(), taken.mean())


def test_an_unlit_booth_is_solid_below_its_rail() -> None:
    """Off, it is a booth, not a glass ghost: below the rail a steel panel hides what stands
    behind it (a white night shows through its glass above, not through the panel)."""
    white = layer("sky", top="#ffffff", bottom="#ffffff", stars=0, sun=False, clouds=0)
    body = layer("booth", x=0.5, ground=GROUND, scale=SCALE, ring=0, lit=False) + NO_POST
    on_black = frame_at(BLACK_SKY + body, "04:05", RINGING, SIZE)
    on_white = frame_at(white + body, "04:05", RINGING, SIZE)
    xs, ys = place()
    tall = ys.stop - ys.start
    bar = max(2, round(tall * booth.BAR))
    panel = (slice(xs.start + bar, xs.stop - bar),
             slice(ys.stop - round(tall * booth.RAIL) + bar, ys.stop - bar))
    assert np.abs(on_white[panel] - on_black[panel]).max() <= 2


def test_an_unlit_booths_hood_still_says_telephone() -> None:
    """Off, the hood's TELEPHONE is still read: its letters catch the diner's light, well
    lighter than the dark band they are on."""
    frame = drawn(lit=False).max(axis=2)
    xs, ys = place()
    tall = ys.stop - ys.start
    band = frame[xs, ys.start + round(tall * booth.ROOF) + 1:
                 ys.start + round(tall * (booth.ROOF + booth.SIGN)) - 1]
    assert np.percentile(band, 97) - np.median(band) >= LEGIBLE, (
        np.percentile(band, 97), np.median(band))
