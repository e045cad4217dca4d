"""The mall's parking lot under the searchlights (04:50-05:05): a ground with things on it,
fires that flicker, and cars that read as cars (wheels, arches, a roof), burnt or left open."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals import lot, wrecks

from .helpers import NO_POST, draw, frame_at, layer

ROOT = Path(__file__).parent.parent.parent
BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)


def test_the_lower_fifth_under_the_searchlights_is_a_lot_not_a_black_band() -> None:
    """At 04:55 the ground in front of the mall is lit asphalt with things on it (cars, bay
    lines, litter, fires): brighter than the black band it was, and full of edges."""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    size = (640, 360)
    frame = pygame.surfarray.array3d(draw(line, "04:55", size=size)).astype(int)
    ground = frame[:, int(size[1] * 0.82):].sum(axis=2) / 3
    assert np.median(ground) > 24, f"lit ground, not black: median {np.median(ground):.0f}"
    edges = np.abs(np.diff(ground, axis=0)) > 30
    assert edges.mean() > 0.014, f"things on it: {edges.mean():.4f} of it edges"
    stretches = edges.any(axis=1)[: size[0] // 32 * 32 - 32].reshape(-1, 32)
    assert stretches.any(axis=1).all(), "across its width: something in every 32 px of it"


def test_a_fire_on_the_lot_flickers() -> None:
    """A fire's flames and light change from moment to moment (a lot without fires is the
    same picture at the same moments)."""
    def frames(fires: int) -> list[np.ndarray]:
        body = BLACK_SKY + layer("lot", fires=fires, cars=0) + NO_POST
        return [frame_at(body, "04:50", seconds) for seconds in np.arange(0.0, 3.0, 0.25)]

    burning = frames(1)
    change = max(np.abs(a - b).max() for a, b in zip(burning, burning[1:], strict=False))
    assert change > 40, f"its flames flicker: at most {change} levels between frames"
    still = frames(0)
    assert all(np.array_equal(still[0], other) for other in still[1:])


def test_the_fires_smoke_is_a_rising_leaning_column_lit_from_below() -> None:
    """Over a black sky, a fire's smoke shows well above its flames at every moment: a
    column standing a quarter of the picture high or more, leaning away to the right as it
    climbs, warm where the fire lights it low down and grey higher up."""
    size = (640, 360)
    width, height = size
    body = BLACK_SKY + layer("lot", fires=1, cars=0, ground=0.9) + NO_POST
    fire_x = lot.FIRES[0][0] * width
    above = int(height * 0.8)  # over the tallest flames: smoke alone
    columns = []
    for seconds in (0.0, 2.5, 5.0, 7.5, 10.0):
        sky = frame_at(body, "04:50", seconds, size)[:, :above]
        smoke = sky.mean(axis=2) > 10
        rows = np.nonzero(smoke.any(axis=0))[0]
        assert len(rows) and above - rows.min() > 0.25 * height, f"a tall column at {seconds}s"
        low, high = sky[:, above - 30:above], sky[:, rows.min():rows.min() + 30]
        low_smoke, high_smoke = smoke[:, above - 30:above], smoke[:, rows.min():rows.min() + 30]
        assert np.nonzero(high_smoke)[0].mean() > fire_x + 0.05 * width, "leaning over"
        warm = (low[low_smoke][:, 0] - low[low_smoke][:, 2]).mean()
        assert warm > (high[high_smoke][:, 0] - high[high_smoke][:, 2]).mean() + 5, \
            "lit by the fire low down, not high up"
        assert low[low_smoke].mean() > 33, "clearly seen over the flames"
        columns.append(smoke)
    assert all((a != b).any() for a, b in zip(columns, columns[1:], strict=False)), "it moves"


def car(burnt: bool, door: bool = False) -> np.ndarray:
    """A car 300 pixels long facing right on black, its wheels on row 200: lit pixels (x, y)."""
    surface = pygame.Surface((400, 240))
    wrecks.draw_wreck(surface, 200, 200, 300, wrecks.Wreck((120, 120, 130), 1, burnt, door,
                                                           (220, 230, 255)),
                      np.random.default_rng(1))
    return pygame.surfarray.array3d(surface).max(axis=2) > 8


def test_a_car_stands_on_wheels_with_a_roof_over_its_body() -> None:
    """Abandoned or burnt out, a car seen side on reads as one: two wheels on the ground with
    the gap under its body between them, a glasshouse standing over the middle of the body
    only (not a flat box or a trapezoid)."""
    for burnt in (False, True):
        mask = car(burnt)
        front, back = (round(50 + 300 * (1 - share)) for share in wrecks.WHEELS)  # facing right
        for x in (front, back):
            assert mask[x, 196:199].all(), "a wheel down on the ground"
        assert not mask[(front + back) // 2, 193:200].any(), "the gap under it between them"
        middle, nose = mask[200], mask[60]
        assert np.nonzero(middle)[0].min() < np.nonzero(nose)[0].min() - 0.06 * 300, (
            "the roof stands over the middle, the bonnet low at the front")


def test_a_burnt_car_is_rust_and_soot_on_bare_rims_an_abandoned_one_has_its_door_open() -> None:
    """Burnt, its paint is gone to rust and its tyres to bare grey rims; left with a door
    open, the door stands out from its side."""
    surface = pygame.Surface((400, 240))
    wrecks.draw_wreck(surface, 200, 200, 300, wrecks.Wreck((40, 60, 120), 1, True, False,
                                                           (220, 230, 255)),
                      np.random.default_rng(1))
    rgb = pygame.surfarray.array3d(surface).astype(int)
    side = rgb[100:300, 200 - round(0.13 * 300)]
    assert ((side[:, 0] - side[:, 2]) > 15).mean() > 0.5, "rust, not its blue paint"
    wheel = round(50 + 300 * (1 - wrecks.WHEELS[0]))
    assert rgb[wheel, 193:199].max() > 60, "a bare steel rim down on the road, no black tyre"
    shut, open_ = car(False), car(False, door=True)
    assert (open_ & ~shut).sum() > 200, "the open door stands out"
