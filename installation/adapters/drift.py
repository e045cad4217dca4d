"""How far the live sound was from the picture, said in real seconds, and what moved it."""

from __future__ import annotations

from dataclasses import dataclass

PACE_PART = 0.5  # a drift the card's own pace accounts for this much of came from that pace


@dataclass(frozen=True)
class Watched:
    """What the card was seen to take over a stretch of real time (see PaceTrim.watched):
    the real seconds watched, and the seconds of sound it took meanwhile."""

    seconds: float
    card_s: float


def drift_said(drift_s: float, speed: float, watched: Watched) -> str:
    """The log's line for sound put back in step: `drift_s` story wall seconds from the
    picture (negative: behind), at story `speed`; what the card took since it was last put
    in step (or opened): `watched`.

    In real seconds: at `run --speed 58` a sound 3.5 s behind is 203 s of story. The card's
    pace since `pace` says what moved it: a card that plays slower than the clock drifts
    behind gradually (SDL's dummy driver on a busy machine: 1-4%; a sound card's crystal
    against the system clock: a few seconds a day at most); a card that kept pace leaves a
    jump of the clock (a rehearsal's jump) or a hold of the show."""
    real = drift_s / speed
    side = "behind" if real < 0 else "ahead of"
    story = f" ({abs(drift_s):.0f} s of story at x{speed:g})" if speed != 1.0 else ""
    seconds, card_s = watched.seconds, watched.card_s
    why = ""
    if seconds > 0:
        short = card_s - seconds  # what its pace alone moved the sound by
        if short * real > 0 and abs(short) >= PACE_PART * abs(real):
            why = (
                f"; the card took {card_s / seconds:.1%} of real time's sound over the "
                f"last {seconds:.0f} s"
            )
        else:
            why = f"; the card kept pace over the last {seconds:.0f} s: the clock jumped"
    return (
        f"audio: the sound was {abs(real):.2f} s {side} the picture{story}{why}; "
        "queued sound dropped, in step again"
    )
