"""After SDL's queue ran dry: does the device take the refill, or is it holding a silence?

SDL's PulseAudio driver (SDL 2.32 and 3.x) adds up what libpulse's write callback reports,
but libpulse reports all it still wants each time, not what it newly asks for. When several
of the sound server's requests arrive before SDL's audio thread writes (the show's process
held for a second or two, or that thread starved on a busy machine) SDL counts their sum
again for each, and writes that much at once: SDL's whole queue, then silence in place of
the sound not yet queued, into the sound server's buffer (seen: 24 s of it, 11 s kept, the
rest dropped, the server's write index moved on). The server then asks for nothing until it
has played all that: SDL takes nothing from its queue, and the room hears the few seconds
that were queued, then silence for 10 s and more. Only a new stream drops what the server
holds, so such a device is reopened as soon as it is seen taking nothing of the refill.
"""

from __future__ import annotations

WATCH_S = 0.5  # the refill is watched this long once sound is queued again
TAKEN_PART = 0.25  # a device that took less than this part of that time holds a silence
# (taking again, a sound server asks for its whole buffer first: a second through PulseAudio,
# then every 20 ms; a device that plays takes at least its real time)


class RefillWatch:
    """Watches what a device takes after its queue ran dry (an underrun)."""

    def __init__(self, sample_rate: int) -> None:
        self.sample_rate = sample_rate
        self._since: float | None = None  # monotonic: when sound was queued again
        self._taken = 0  # frames taken since then

    def dry(self, now: float) -> None:
        """The queue ran dry at `now`: watch the refill."""
        self._since, self._taken = now, 0

    def look(self, now: float, queued: int, taken: int) -> None:
        """A look at the queue at `now`: `queued` frames, `taken` since the last look. While
        nothing is queued the device has nothing to take: the watch starts once it has."""
        if self._since is None:
            return
        if queued == 0:
            self._since, self._taken = now, 0
        else:
            self._taken += max(0, taken)

    def due(self, now: float) -> bool:
        """Has the refill been watched WATCH_S (the worker stops refilling to hear it out)?"""
        return self._since is not None and now - self._since >= WATCH_S

    def finish(self, now: float) -> float:
        """Once due, end the watch and give the seconds watched if the device took (next to)
        nothing of the refill meanwhile (it holds a silence: reopen it), else 0. Before it is
        due: 0, and the watch goes on."""
        if self._since is None or not self.due(now):
            return 0.0
        watched, self._since = now - self._since, None
        return watched if self._taken < TAKEN_PART * watched * self.sample_rate else 0.0
