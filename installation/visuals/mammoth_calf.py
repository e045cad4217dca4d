"""The calf's own parts: jointed legs (knees, hocks, wide round feet), a hidden ear, its hair."""

from __future__ import annotations

Point = tuple[float, float]
Leg = tuple[float, bool, bool]  # where a leg stands (its front edge, units), whether a hind
# leg, and whether on the far side

# Facing left, feet at 0, its body's underside at about 0.42: the near legs in front of the far
# ones, each pair a little apart (one behind the other, as a post under each end of it, the
# calf read as a table), the far fore leg a little back, the far hind leg a little forward (the
# fore legs' knees clear of each other: touching, they showed on the stone calf as a dark bar).
CALF_STANCE: tuple[Leg, ...] = ((0.07, True, True), (-0.17, False, True), (0.22, True, False),
                                (-0.38, False, False))
LEG_SHADE = 0.8  # its legs, in the shade of its belly: the coat's colour this many times as
# bright (as bright as its coat, and thin, lifted all across by the low sun on their lit side,
# they read as pale, see-through posts under a dark body at 10:50; the far pair brighter still)
# A fore leg, from its front edge: a firm column, straight down to the knee standing out in
# front (and a little behind) about a fifth of the way up, the shin under it straight and a
# little narrower, the foot spreading only at the ground into a broad pad, its sole flat (a
# bulge at every joint, the rim light tracing each, read as a soft tube). Front edge down,
# then the back edge up (x from the leg's front edge, y up).
FORE = ((0.0, 0.62), (0.004, 0.42), (0.006, 0.27), (-0.012, 0.215), (0.01, 0.16),
        (0.01, 0.045), (-0.014, 0.012), (-0.014, 0.0), (0.154, 0.0), (0.154, 0.012),
        (0.128, 0.045), (0.124, 0.16), (0.136, 0.215), (0.128, 0.27), (0.132, 0.42),
        (0.14, 0.62))
# A hind leg: a broad thigh, the stifle standing out in front at the belly's height, the
# shank straight and slanting back down to the hock, its point standing out square behind a
# fifth of the way up, the cannon under it straight down to the foot's flat pad.
HIND = ((0.0, 0.62), (-0.018, 0.4), (-0.012, 0.33), (0.022, 0.25), (0.026, 0.16),
        (0.024, 0.045), (-0.01, 0.012), (-0.01, 0.0), (0.164, 0.0), (0.164, 0.012),
        (0.138, 0.045), (0.134, 0.13), (0.19, 0.2), (0.19, 0.25), (0.172, 0.36),
        (0.19, 0.48), (0.175, 0.62))
# The calf's own, on the same joints: its upper leg full, tapering from the knee (the hock) to
# a slim ankle, its foot a little wider again at the ground (straight down to a pad as wide as
# its top, its legs read as slabs at noon).
CALF_FORE = ((0.0, 0.62), (0.004, 0.42), (0.006, 0.27), (-0.012, 0.215), (0.012, 0.16),
             (0.024, 0.07), (0.016, 0.03), (0.01, 0.0), (0.13, 0.0), (0.128, 0.03),
             (0.116, 0.07), (0.124, 0.16), (0.14, 0.215), (0.142, 0.27), (0.15, 0.42),
             (0.16, 0.62))
CALF_HIND = ((0.0, 0.62), (-0.018, 0.4), (-0.012, 0.33), (0.022, 0.25), (0.03, 0.16),
             (0.038, 0.07), (0.028, 0.03), (0.02, 0.0), (0.148, 0.0), (0.146, 0.03),
             (0.13, 0.07), (0.128, 0.13), (0.19, 0.2), (0.19, 0.25), (0.172, 0.36),
             (0.19, 0.48), (0.175, 0.62))
# Its ear: small, rounded and hidden in its hair, a mammoth's (an elephant calf's is a big round
# flap: a dark one with a lit rim behind the eye read as a baby elephant), only a little darker
# than the coat round it, behind the notch of its crown.
EAR = ((-0.31, 0.99), (-0.28, 1.005), (-0.255, 0.985), (-0.25, 0.95), (-0.265, 0.925),
       (-0.29, 0.92), (-0.31, 0.945))
EAR_SHADE = 0.97  # the ear: the coat's colour this many times as bright
TAIL = 0.6  # its tail: this many times as long as its mother's (as long, it hung as a handle)
SHAG = 1.0  # its coat's clumps of hair: this share as long as its mother's (0.7: a short
# fuzz round a smooth hide, an elephant calf's)
FRINGE = (-0.42, 0.4)  # units: its belly's hair hangs from its chest to its rump ...
BELLY_DROP = 1.9  # the calf's belly locks hang this many times as long as its mother's ...
BELLY_HEM = 0.035  # ... joined only this far down (its ends hanging apart: a fringe of hair)


def legs() -> list[tuple[list[Point], bool]]:
    """Each of the calf's legs (its outline in units) and whether it is on the far side, the
    far ones first."""
    out = []
    for x, hind, far in sorted(CALF_STANCE, key=lambda leg: not leg[2]):
        shape = CALF_HIND if hind else CALF_FORE
        out.append(([(x + dx, y) for dx, y in shape], far))
    return out

