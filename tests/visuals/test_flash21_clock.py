"""The clock radio blinking 12:00 in Harry's dark room: lit, it reads 12:00; in the dark half
of each blink its figures are gone, not a dim '88:88' (an unlit LED segment is dark glass in a
dark room: a visitor arriving then saw 88:88, not 12:00)."""

from __future__ import annotations

from installation.visuals.room_lights import DIGIT_TALL, DISPLAY
from installation.visuals.segments import COLON, DIGIT_WIDTH, GAP, SEGMENTS, segment_centre
from installation.visuals.shares import box

from .helpers import NO_POST, frame_at, layer

SIZE = (960, 540)
ROOM = layer("room", digits="12:00", blink=1.0, cars=0) + NO_POST
LIT, DARK = 10.25, 10.75  # real seconds: in the lit half of a blink, and in its dark half
SHOWS = 150  # a lit segment's middle is at least this red
GONE = 3  # an unlit segment's middle is at most this much redder than the darkest glass


def segment_middles() -> dict[tuple[int, str], tuple[int, int]]:
    """Where the middle of each segment of each of the four figures of 'HH:MM' lies."""
    display = box(DISPLAY, SIZE)
    digit = max(8, round(display.height * DIGIT_TALL))
    step = round(digit * (DIGIT_WIDTH + GAP))
    left = display.centerx - (4 * step + round(digit * COLON)) // 2
    top = display.centery - (digit + 2) // 2
    middles = {}
    for n in range(4):
        x0 = left + n * step + (round(digit * COLON) if n >= 2 else 0)
        for name in SEGMENTS["8"]:
            cx, cy = segment_centre(name, digit)
            middles[n, name] = (int(x0 + cx), int(top + cy))
    return middles


def test_it_reads_twelve_lit_and_nothing_in_the_dark_half_of_a_blink() -> None:
    """Lit, the segments of 12:00 glow red; in the dark half, every segment place of all four
    figures (the 8s a ghost would draw) is the glass's colour, within GONE levels of red:
    nothing to read."""
    lit, dark = frame_at(ROOM, "00:00", LIT, SIZE), frame_at(ROOM, "00:00", DARK, SIZE)
    middles = segment_middles()
    for (n, name), (x, y) in middles.items():
        if name in SEGMENTS["1200"[n]]:
            assert lit[x, y, 0] >= SHOWS, (n, name, lit[x, y])
    display = box(DISPLAY, SIZE)
    glass = dark[display.left + 2:display.right - 2, display.top + 2:display.bottom - 2, 0].min()
    reds = {(n, name): int(dark[x, y, 0]) for (n, name), (x, y) in middles.items()}
    assert max(reds.values()) <= glass + GONE, f"glass {glass}: {reds}"
