"""Runs that break step: a runner who glances back over the shoulder, one who stumbles and
recovers (each a cycle of several running strides, the feet planted as a run plants them)."""

from __future__ import annotations

from dataclasses import replace

from installation.visuals.base import clamp01, s_curve
from installation.visuals.skeleton import GAIT, Angles, Gait, lowered
from installation.visuals.strides import RUNS_IN, run

# A glance back (of its cycle): the head comes round over the shoulder from GLANCE[0], is
# fully round from GLANCE[1] to GLANCE[2], and ahead again by GLANCE[3]; meanwhile the
# shoulders open towards the visitor (TWIST_BACK) and the body runs a little more upright.
GLANCE = (0.12, 0.24, 0.8, 0.92)
TWIST_BACK = 1.0
UPRIGHT = 0.1
# A stumble (of its cycle): a foot catches at TRIP[0], they pitch forward most at TRIP[1],
# and are running upright again by TRIP[2]. Pitched forward: the lean (radians) further, the
# hip this much lower (figure heights: the knees buckle), the head thrown up, the arms flung
# forward and out to catch themselves (shoulders near, far; elbows' folds).
TRIP = (0.45, 0.58, 0.9)
PITCH = 0.55
BUCKLE = 0.07
HEAD_UP = 0.45
FLUNG = ((1.35, 0.9), (0.35, 0.6))


def run_glance(t: float, gait: Gait = GAIT) -> Angles:
    """Running (RUNS_IN of its strides a cycle), glancing back over the shoulder once: the
    head turned behind, the shoulders opened, then ahead again."""
    angles = run(t * RUNS_IN["run-glance"] % 1.0, gait)
    k = _bump(t, GLANCE)
    return replace(angles, look=k, turn=angles.turn + TWIST_BACK * k,
                   lean=angles.lean - UPRIGHT * k)


def run_stumble(t: float, gait: Gait = GAIT) -> Angles:
    """Running (RUNS_IN of its strides a cycle), stumbling once: pitched forward, the knees
    buckling and the arms flung out, and running on upright again (the feet still where
    the run sets them down: it never slides)."""
    angles = run(t * RUNS_IN["run-stumble"] % 1.0, gait)
    k = _bump(t, (TRIP[0], TRIP[1], TRIP[1], TRIP[2]))
    if not k:
        return angles
    (near, far), (fold_near, fold_far) = FLUNG
    flung = replace(angles, lean=angles.lean + PITCH * k, nod=angles.nod - HEAD_UP * k,
                    shoulders=(_towards(angles.shoulders[0], near, k),
                               _towards(angles.shoulders[1], far, k)),
                    elbows=(_towards(angles.elbows[0], fold_near, k),
                            _towards(angles.elbows[1], fold_far, k)))
    return lowered(flung, BUCKLE * k)


def _bump(t: float, at: tuple[float, float, float, float]) -> float:
    """0 outside at[0] to at[3], rising smoothly to 1 by at[1], held to at[2], falling."""
    rise = (t - at[0]) / (at[1] - at[0])
    fall = (at[3] - t) / (at[3] - at[2])
    return s_curve(clamp01(min(rise, fall)))


def _towards(a: float, b: float, k: float) -> float:
    return a + (b - a) * k
