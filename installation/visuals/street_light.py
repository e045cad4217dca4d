"""The street's picture changes with the light alone, in coarse steps (its key): the key of a
moment, and the next one to come, looked for a few moments a frame so the street for it can be
built ahead in small pieces: from LOOK_AHEAD story seconds before it comes, or as soon as the
one shown has come if that is later (never a key that would be passed over)."""

from __future__ import annotations

from installation.core.timeutil import DAY_SECONDS
from installation.visuals.base import HOUR, Color
from installation.visuals.cinema import show_lit
from installation.visuals.palette import Light, light_at
from installation.visuals.street_asphalt import glare_step

# the daylight in tenths, the horizon's colour on a coarse grid, the cinema's marquee lit, the
# low sun's glare's step (see street_asphalt.glare_step)
StreetKey = tuple[int, Color, bool, int]
TINT_STEP = 8  # the horizon colour the cached street takes, in steps of this much a channel
LOOK_AHEAD = 60.0  # story seconds past the moment drawn that the next light is looked for
LOOK_STEP = 3.0  # story seconds from one moment looked at to the next
LOOKS_PER_FRAME = 4  # moments looked at in one frame (a light is ~40 microseconds)


def key_of(light: Light, hour: float) -> StreetKey:
    """What the street's picture depends on at a story hour in its light: the daylight in
    tenths, the horizon's colour, whether the late show's marquee is still lit and where the
    low sun's glare is."""
    return round(light.daylight * 10), coarse(light.bottom), show_lit(hour), glare_step(hour)


def key_at(story_time: float) -> StreetKey:
    """The street's key at a story time (seconds)."""
    hour = story_time / HOUR % 24.0
    return key_of(light_at(hour), hour)


def coarse(color: Color) -> Color:
    """A colour on a coarse grid (the middle of its step), so caches keyed on it change seldom."""
    half = TINT_STEP // 2
    return (min(255, color[0] // TINT_STEP * TINT_STEP + half),
            min(255, color[1] // TINT_STEP * TINT_STEP + half),
            min(255, color[2] // TINT_STEP * TINT_STEP + half))


class Lookout:
    """The next key after the one shown, within LOOK_AHEAD: looked for LOOKS_PER_FRAME moments
    a frame from the moment the shown key was first seen (again from the moment drawn if the
    story jumps past what was looked at, or back)."""

    def __init__(self) -> None:
        self._key: StreetKey | None = None  # the key looked on from
        self._start = 0.0  # the story time looked on from
        self._seen = 0.0  # story seconds past it looked at so far
        self._next: StreetKey | None = None  # the first other key found
        self._asked: object = None  # the frame that looked last

    def upcoming(self, frame: object, story_time: float, key: StreetKey) -> StreetKey:
        """The next key after `key` (shown at `story_time`) as far as found yet, else `key`
        itself; a frame asking again looks no further."""
        since = (story_time - self._start) % DAY_SECONDS
        if key != self._key or since > self._seen:
            self._key, self._start, self._seen, self._next = key, story_time, 0.0, None
            since = 0.0
        if frame is not self._asked:
            self._asked = frame
            for _ in range(LOOKS_PER_FRAME):
                if self._next is not None or self._seen >= since + LOOK_AHEAD:
                    break
                self._seen += LOOK_STEP
                found = key_at(self._start + self._seen)
                if found != key:
                    self._next = found
        return key if self._next is None else self._next
