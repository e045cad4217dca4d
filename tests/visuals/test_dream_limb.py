"""The dream's mother is mired to her knees from the first, and each heave draws the leg she
pulls out as a limb: its knee thrust forward and up, its shin hanging back to a foot held
clear of the tar, its lower part black with tar, her fur over it whole (standing on the tar's
mirror she read as on glass; a strip of her picture moved up showed a lit flat-bottomed block
over a square dark hole in her fur)."""

from __future__ import annotations

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.mammoth_heave import HEAVE_SECONDS, LEVELS

from .test_dream_heave import FIRST, PEAK, her_alone
from .test_dream_mammoth import mother
from .test_mammoth_strains import dream

KNEE_DEEP = 0.1  # of her height sunk, at least, as the dream begins
KNEE_AHEAD = 0.08  # units the knee stands in front of the hip, at least, heaving hardest ...
SHIN_BACK = 0.03  # ... the foot this far back from the knee, at least (the shin hanging) ...
CLEAR = 0.04  # ... and this far (units) above the tar, at least
LIT = 60  # levels summed: her light on the knee (a far leg), at least ...
SHIN_AT = 0.7  # of the way from knee to foot: in the leg's lower third
TARRED = 0.6  # ... her foot, black with tar, under this share of the knee's light
FUR_KEPT = 0.7  # her fur just above the hip keeps this share of its light at rest, at least


def test_she_is_in_the_tar_to_her_knees_from_the_start() -> None:
    """At the dream's first moment she has sunk a knee's depth, not stood on the tar."""
    assert mother().sinking.share(0.0) >= KNEE_DEEP, mother().sinking.share(0.0)


def test_a_heave_pulls_out_a_bent_leg_black_with_tar_her_fur_whole() -> None:
    """At her first heave's height the leg is bent at the knee (knee forward, shin hanging
    back, the foot clear of the tar); in the frame the knee is lit, the foot dark with tar,
    and her fur over the leg's hip as lit as between heaves (no hole)."""
    her = mother()
    assert her.lift is not None
    leg_index, start = FIRST
    leg = her.lift.legs[leg_index]
    limb = leg.limb(LEVELS)
    px = leg.px
    assert (limb.knee[0] - limb.hip[0]) * leg.forward >= KNEE_AHEAD * px, limb
    assert (limb.knee[0] - limb.foot[0]) * leg.forward >= SHIN_BACK * px, limb
    seconds = start + PEAK * HEAVE_SECONDS
    frame, rest = her_alone(seconds), her_alone(start - 1.0)
    state = state_at(dream(0.0), parse_clock("02:00") + seconds)
    look = her.look(Frame(state.story_time, state.scene_seconds, state))
    left, top = her.feet[0], her.feet[1] + look.sink
    shown = look.heave
    assert shown.leg == leg_index and shown.level, shown
    limb = leg.limb(shown.level)
    assert her.line - (top + limb.foot[1]) >= CLEAR * px, (her.line, top + limb.foot[1])
    knee = frame[round(left + limb.knee[0]) - 1:round(left + limb.knee[0]) + 2,
                 round(top + limb.knee[1]) - 1:round(top + limb.knee[1]) + 2].mean()
    shin = (left + limb.knee[0] + SHIN_AT * (limb.foot[0] - limb.knee[0]),
            top + limb.knee[1] + SHIN_AT * (limb.foot[1] - limb.knee[1]))  # its lower part
    x, y = round(shin[0]), round(shin[1])
    foot = frame[x - 1:x + 2, y - 1:y + 2].mean()
    assert knee >= LIT, knee
    assert foot < TARRED * knee, (foot, knee)
    middle = round(left + (leg.left + leg.right) / 2)
    hip = round(top + leg.top)
    fur = slice(hip - round(0.12 * px), hip - round(0.04 * px))
    lurch = round(leg.lurch(shown.level))
    heaving = frame[middle - 3:middle + 4, fur.start - lurch:fur.stop - lurch].mean()
    resting = rest[middle - 3:middle + 4, fur].mean()
    assert heaving >= FUR_KEPT * resting, (heaving, resting)
