"""Held in a crush at a door (`then = "press"`): pushing, leaning into the one ahead, shifting
their weight, shoulders turning, an arm up on the one in front or on the door frame, a glance
back at the room; each their own way of it (dealt in turn across a scene's layers)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from installation.visuals.gestures import idle
from installation.visuals.panic_poses import cycle
from installation.visuals.skeleton import Angles, Point, reach_to

PRESS = "press"  # the `then` a curator names; each who takes it is dealt one of PRESSING
PRESS_SECONDS = 2.6  # one cycle of pushing and shifting, in real seconds (each way its own:
# PRESS_PERIODS; two dealt the same way push half a cycle apart, never in step)
PRESS_STEPS = 32  # sprites a cycle is drawn in (in 16 a raised arm jumped ~5 px a step)
REST = idle(0.0)
# Braced on the floor, the weight on the foot in front (leaning into the crush) or back on the
# other (pushed back, or turning to look): the hip over it, each thigh and shin's angles.
FORWARD = ((0.025, 0.49), (0.32, -0.14), (0.34, 0.08))
BACK = ((-0.02, 0.495), (0.18, -0.22), (0.1, 0.3))
# The head turned to look back over the shoulder at the room (see Angles.look: 1 behind).
GLANCE = 0.85


def _held(weight: tuple[Point, tuple[float, float], tuple[float, float]],
          hands: tuple[Point, Point], lean: float, turn: float, look: float = 0.05,
          nod: float = 0.05, twist: float = 0.0) -> Angles:
    """Standing braced as `weight` sets the legs, the near and far hands at `hands` ((forward,
    up) of the shoulder, in figure heights), leaning `lean`, turned `turn` to us, the head
    turned `look`."""
    hip, thighs, knees = weight
    (near, near_fold), (far, far_fold) = (reach_to((0.0, 0.0), hand) for hand in hands)
    return replace(REST, hip=hip, lean=lean, thighs=thighs, knees=knees,
                   shoulders=(near, far), elbows=(near_fold, far_fold), nod=nod, turn=turn,
                   look=look, twist=twist)


# A hand up on the shoulder of the one in front, shoving: shoulders turning with each push.
SHOVE_KEYS = ((0.0, _held(FORWARD, ((0.22, 0.1), (0.18, -0.02)), 0.25, 0.2, twist=0.4)),
              (0.3, _held(FORWARD, ((0.26, 0.06), (0.24, 0.02)), 0.36, 0.05, twist=-0.3)),
              (0.55, _held(BACK, ((0.2, 0.16), (0.05, -0.18)), 0.14, 0.45, 0.3, 0.0)),
              (0.8, _held(FORWARD, ((0.22, 0.12), (0.2, 0.04)), 0.28, 0.15, nod=0.12)))
# An arm up on the door frame, pulling themselves at it, the weight going over and back.
FRAME_KEYS = ((0.0, _held(BACK, ((0.12, 0.21), (0.15, -0.05)), 0.15, 0.35)),
              (0.35, _held(FORWARD, ((0.16, 0.19), (0.22, 0.05)), 0.3, 0.1, nod=0.1)),
              (0.6, _held(BACK, ((0.1, 0.22), (-0.05, -0.15)), 0.2, 0.5, 0.25, twist=0.5)),
              (0.85, _held(FORWARD, ((0.17, 0.18), (0.2, 0.0)), 0.32, 0.15)))
# Both hands pushing at the back ahead, then a look back over the shoulder at the room.
GLANCE_KEYS = ((0.0, _held(FORWARD, ((0.22, 0.04), (0.2, 0.08)), 0.28, 0.15)),
               (0.3, _held(BACK, ((0.2, 0.1), (0.22, 0.02)), 0.2, 0.2, nod=-0.05)),
               (0.5, _held(BACK, ((0.18, 0.06), (0.02, -0.2)), 0.05, 0.7, GLANCE, 0.0)),
               (0.7, _held(BACK, ((0.2, 0.08), (0.04, -0.16)), 0.1, 0.6, GLANCE - 0.1)),
               (0.85, _held(FORWARD, ((0.22, 0.05), (0.2, 0.1)), 0.3, 0.15)))

# The ways of it, dealt in turn to those held (see figure_crowd.pressing_of).
PRESSING: dict[str, Callable[[float], Angles]] = {
    "press-shove": partial(cycle, SHOVE_KEYS), "press-frame": partial(cycle, FRAME_KEYS),
    "press-glance": partial(cycle, GLANCE_KEYS)}
PRESS_PERIODS = {"press-shove": PRESS_SECONDS, "press-frame": 1.2 * PRESS_SECONDS,
                 "press-glance": 0.88 * PRESS_SECONDS}


def pressed(way: tuple[str, float], seconds: float) -> tuple[str, float]:
    """The pose and phase of one held `way` ((its name, its share of a cycle ahead)) at
    `seconds` of the show's clock."""
    name, ahead = way
    return name, seconds / PRESS_PERIODS[name] + ahead
