"""The dream's mother has a mammoth's two curved tusks, rooted below her eye at her trunk's
base, each heavy at its root and sweeping out and down before it curves up and in (rooted at
her eye and curling straight up, they read as horns), the far one's curve inside the near
one's (it stood by the trunk as two thin parallel lines: antennae or a tuning fork), and a
rounded rump with a short, thin tail (a drooping lump there read as a second
trunk)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.mammoth import EYE
from installation.visuals.mammoth_dream import DREAM_TUSKS
from installation.visuals.render import headless
from installation.visuals.shapes import UNIT
from installation.visuals.silhouette import Silhouette

from .helpers import compositor_finding, shared_made
from .test_dream_mammoth import column, mother
from .test_mammoth_strains import dream
from .test_mire import BIG

TIPS = 0.2  # units down from her highest point in front of her face: her tusks' upper halves
LOW = 0.35  # ... and lower down, nearer their roots
FRONT = (-0.8, -1.3)  # units across her, in front of her face (facing left): trunk and tusks
THICK = 0.025  # units: each tusk at least this wide where it passes TIPS (a line was 0.013)
SWEPT = (-0.88, -0.92)  # units across her, in front of her face past her trunk (facing left) ...
SWEPT_LOW = 0.72  # ... her tusks reach down to this height (units up; her trunk's root is at
# 0.92: curling up from it, they were no lower than 0.83 there)
BELOW_EYE = 0.08  # units: both tusks' roots at least this far below her eye
REAR = (0.57, 0.8)  # units across her, behind her rump (facing left) ...
REAR_ROWS = (0.45, 0.8)  # ... at these heights (units up from her feet)
TAIL_WIDE = 0.035  # units: nothing wider than a thin tail hangs there (the lump was 0.055)
FULL = (1920, 1080)  # her tusks' tips, seen at the size the show is shown
TIP_NEAR = 14  # pixels: the end of her near tusk, round its highest point
POINT = 3.0  # pixels: across its last pixel of length, at most this (cut off square: 4.5)


def solid() -> tuple[np.ndarray, float, int]:
    """Where the dream's mother is solid as she stands at rest (columns by rows of her own
    picture, flipped to face right as the frame draws her), her pixels to a unit, and the
    row of her feet in it."""
    her = mother()
    figure = her.lift.figures[0] if her.lift is not None else her.image
    alpha = pygame.surfarray.array_alpha(figure)
    px = her.params["scale"] * UNIT * BIG[1]
    return alpha >= int(alpha.max()) - 4, px, her.line - her.feet[1]


def runs(line: np.ndarray) -> list[int]:
    """How long each run of True along a line is, in order."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], line.astype(int), [0]))))
    return [int(b - a) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def across(units: tuple[float, float]) -> slice:
    """Her picture's columns between these units across her."""
    her = mother()
    left, right = sorted(column(her, u) - her.feet[0] for u in units)
    return slice(max(0, left), right)


def test_her_trunk_and_two_tusks_stand_apart_each_tusk_heavy() -> None:
    """Near the top of her tusks, two separate shapes stand in front of her face: the far
    tusk and the near one (her trunk hangs below, between them: raised beside them it read
    as a third horn), each as wide as a tusk, not a line; lower down, nearer their roots, a
    tusk is wider still."""
    mask, px, _feet = solid()
    front = mask[across(FRONT)]
    top = int(np.flatnonzero(front.any(axis=0))[0])
    high = runs(front[:, top + round(TIPS * px)])
    assert len(high) == 2, f"two tusks apart, no trunk among them: runs {high}"
    tusks = high
    assert min(tusks) >= THICK * px, f"tusks {tusks} px wide, not lines ({THICK * px:.0f})"
    low = runs(front[:, top + round(LOW * px)])
    assert max(low) > max(tusks), f"wider at the root: {low} below, {high} above"


def test_her_rump_is_round_with_only_a_thin_tail_behind_it() -> None:
    """Behind her rump nothing of her wider than a thin tail hangs (a lump hung there)."""
    mask, px, feet = solid()
    rear = mask[across(REAR)]
    for up in np.linspace(*REAR_ROWS, 8):
        found = runs(rear[:, feet - round(float(up) * px)])
        assert all(run <= TAIL_WIDE * px for run in found), (float(up), found)


def test_her_tusks_root_below_her_eye_and_sweep_down_before_they_rise() -> None:
    """Both tusks come out of her head below her eye, at her trunk's base (the far one's root
    at her eye read as a horn on her cheek), and in front of her face, past her trunk, they
    reach down, sweeping out and down before they curve up and in."""
    for root in (DREAM_TUSKS.line[0], DREAM_TUSKS.far()[0]):
        assert root[1] <= EYE[1] - BELOW_EYE, f"a tusk's root {root}, her eye {EYE}"
    mask, px, feet = solid()
    rows = np.flatnonzero(mask[across(SWEPT)].any(axis=0))
    lowest = (feet - rows.max()) / px
    assert lowest <= SWEPT_LOW, f"her tusks reach down to {lowest:.2f} units there"


def test_her_tusks_end_in_points_not_cut_off_square() -> None:
    """At the size the show is shown, the tip of her near tusk, curling up in front of her
    face (its highest point there), narrows to a point: across its last pixel of length it is
    at most POINT wide (it ended cut off square, 5 pixels across)."""
    line = dream(0.0)
    index = next(n for n, spec in enumerate(line.scenes[0].layers) if spec.type == "silhouette")
    headless()
    her = Silhouette(line.scenes[0].layers[index].params,
                     compositor_finding(line, FULL, shared_made(), print).setup(
                         line.scenes[0], index, "silhouette"))
    figure = her.lift.figures[0] if her.lift is not None else her.image
    alpha = pygame.surfarray.array_alpha(figure)
    px = her.params["scale"] * UNIT * FULL[1]
    left, right = sorted(round(FULL[0] * her.params["x"] - u * px) - her.feet[0] for u in FRONT)
    xs, ys = np.nonzero(alpha[max(0, left):right] >= int(alpha.max()) - 4)
    top = int(ys.argmin())
    near = np.hypot(xs - xs[top], ys - ys[top]) <= TIP_NEAR
    points = np.stack([xs[near], ys[near]], axis=1).astype(float)
    points -= points.mean(axis=0)
    _, _, axes = np.linalg.svd(points)  # along the tusk's end, and across it
    along, across_it = points @ axes[0], points @ axes[1]
    tip = int(np.flatnonzero(near).tolist().index(top))
    along = along if along[tip] > 0 else -along
    last = along >= along.max() - 1
    wide = float(np.ptp(across_it[last]) + 1)
    assert wide <= POINT, f"{wide:.1f} px across the tip of her tusk"
