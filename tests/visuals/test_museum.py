"""The afternoon at the tar pits is a camera of its own: the Page Museum's frieze across the
pit, the calf and the couple nearer and larger than anything at noon."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline
from installation.core.timeline.model import Timeline
from installation.visuals.museum_frieze import BEASTS, FOOT
from installation.visuals.museum_pavilion import FRIEZE, GLASS, HALF_LONG, plan_of

from .helpers import NO_POST, SHIPPED, draw, layer, one_scene

SIZE = (960, 540)
DARK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
PAVILION = {"x": 0.5, "ground": 0.7, "scale": 0.1}
CHANGED = 24  # a channel this much brighter or darker: the layer is there
# A visitor who has watched noon feels the camera moved when the calf is half as tall again
# (nearer, on the near shore by the couple, a calf's size beside them: twice as tall, it read
# as a grown mammoth) and the shore it stands on a fifth of the picture lower (a new framing:
# the old one was 0.06 lower).
MOVED, HIGHER = 0.05, 0.05  # shares of the picture: the calf across, the far shore up
# The couple's gestures read when they are twice the height of noon's strolling visitors
# (they were 1.2 times: as small as passers-by across the pit).
LARGER = 2.0


def luminance(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array3d(surface).astype(float).mean(axis=2)


def test_the_frieze_of_beasts_runs_along_the_pavilion_top() -> None:
    """The pale band of the frieze, its beasts standing out of it, from end to end of the
    pavilion and not beyond; the berm's turf below it darker."""
    picture = draw(one_scene(DARK_SKY + layer("museum", **PAVILION) + NO_POST), "14:45",
                   size=SIZE)
    plan = plan_of(PAVILION["x"], PAVILION["ground"], PAVILION["scale"], SIZE)
    top = plan.top + round(plan.shore - plan.unit)
    deep = round(FRIEZE * plan.unit)
    left, right = (round(plan.centre + side * HALF_LONG * plan.unit) for side in (-1, 1))
    band = luminance(picture)[left + 4:right - 4, top + 2:top + deep - 2]
    assert band.mean() > 110, "the frieze's stone catches the afternoon light"
    beasts = band[:, round(FOOT * deep * 0.5)]  # across the beasts' bodies
    assert beasts.std() > 12, "animals in relief along it, not a plain band"
    assert np.count_nonzero(np.abs(np.diff(beasts)) > CHANGED) > 2 * (right - left) / (
        max(b.long for b in BEASTS.values()) * deep * 3), "many beasts, their edges lit and dark"
    beyond = luminance(picture)[right + 6:right + 30, top + 2:top + deep - 2]
    assert beyond.mean() < band.mean() - 40, "the band ends with the pavilion"
    berm = luminance(picture)[left + 4:right - 4, top + deep + 8:top + deep + 20]
    assert berm.mean() < band.mean() - 30, "the grassy berm under it"


def test_the_atriums_glass_stands_on_the_lawn_back_from_the_shore() -> None:
    """The glass where the berm is cut away stands on turf that runs down to the shore in
    front of it: run down to the shore it read as a glass chute standing in the pit."""
    picture = draw(one_scene(DARK_SKY + layer("museum", **PAVILION) + NO_POST), "14:45",
                   size=SIZE)
    plan = plan_of(PAVILION["x"], PAVILION["ground"], PAVILION["scale"], SIZE)
    shore = plan.top + plan.shore
    left, right = (round(plan.centre + end * plan.unit) + 3 for end in GLASS)
    rgb = pygame.surfarray.array3d(picture).astype(float)

    def band(over: float) -> np.ndarray:
        """The mean colour across the glass's columns this far over the shore (of the unit)."""
        return rgb[left:right - 6, round(shore - over * plan.unit)].mean(axis=0)

    lawn, glass = band(0.12), band(0.5)
    assert lawn[1] > lawn[2] + 10, f"turf in front of the glass, not glass: {lawn}"
    assert glass[2] > glass[0] + 10, f"the glass above it: {glass}"


def _muted(line: Timeline, scene_at: str, kind: str, nth: int) -> Timeline:
    """The timeline with the scene's `nth` layer of type `kind` drawn at no opacity."""
    scene = next(s for s in line.scenes if s.at == _seconds(scene_at))
    index = [i for i, spec in enumerate(scene.layers) if spec.type == kind][nth]
    spec = scene.layers[index]
    muted = replace(spec, params=MappingProxyType({**spec.params, "opacity": 0.0}))
    layers = (*scene.layers[:index], muted, *scene.layers[index + 1:])
    scenes = tuple(replace(s, layers=layers) if s is scene else s for s in line.scenes)
    return replace(line, scenes=scenes)


def _seconds(clock: str) -> float:
    hours, minutes = clock.split(":")
    return int(hours) * 3600.0 + int(minutes) * 60.0


def _height(line: Timeline, scene_at: str, at: str, kind: str, nth: int,
            feet: float) -> float:
    """How tall (a share of the picture) the `nth` `kind` layer of the scene shows at `at`:
    from the top of what it covers down to its feet's row."""
    shown = luminance(draw(line, at, size=SIZE))
    without = luminance(draw(_muted(line, scene_at, kind, nth), at, size=SIZE))
    rows = np.nonzero((np.abs(shown - without) > CHANGED).any(axis=0))[0]
    rows = rows[rows < feet * SIZE[1]]
    assert rows.size, f"the {kind} at {at} is seen"
    return float(feet - rows.min() / SIZE[1])


@pytest.fixture(scope="module")
def shipped() -> Timeline:
    return load_timeline(SHIPPED)


def _params(line: Timeline, scene_at: str, kind: str, nth: int) -> MappingProxyType:
    scene = next(s for s in line.scenes if s.at == _seconds(scene_at))
    return [spec.params for spec in scene.layers if spec.type == kind][nth]  # type: ignore[return-value]


def _calf(line: Timeline, scene_at: str) -> int:
    scene = next(s for s in line.scenes if s.at == _seconds(scene_at))
    calves = [spec for spec in scene.layers if spec.type == "silhouette"]
    return next(n for n, spec in enumerate(calves) if spec.params["shape"] == "calf")


def test_the_afternoon_is_seen_from_a_new_camera(shipped: Timeline) -> None:
    """Noon's calf stands on the near bank where the morning left it (the loop's match: a
    curator read the far-shore calf of noon, after the morning's near one, as a restart), as
    tall as the afternoon's: the afternoon is still a new camera, not noon's picture again.
    Looking down from the near shore, its far shore stands higher up the picture, and the
    calf stands elsewhere, beside Julie."""
    noon_n, later_n = _calf(shipped, "12:00"), _calf(shipped, "14:30")
    noon_x = _params(shipped, "12:00", "silhouette", noon_n)["x"]
    later_x = _params(shipped, "14:30", "silhouette", later_n)["x"]
    assert abs(later_x - noon_x) > MOVED, (noon_x, later_x)
    noon_sky, later_sky = (_params(shipped, at, "sky", 0)["horizon"] for at in ("12:00", "14:30"))
    assert noon_sky - later_sky > HIGHER, (noon_sky, later_sky)


def test_the_handshake_is_larger_than_noons_visitors(shipped: Timeline) -> None:
    """Harry and Julie shaking hands at 14:45 stand twice as tall as the visitors strolling
    on the far shore at 12:30."""
    visitors = _height(shipped, "12:00", "12:30", "figures", 0,
                       _params(shipped, "12:00", "figures", 0)["path"][0][1])
    shake = next(n for n, p in enumerate(
        spec.params for spec in next(s for s in shipped.scenes if s.at == _seconds("14:30"))
        .layers if spec.type == "figures") if p["pose"] == "handshake")
    couple = _height(shipped, "14:30", "14:45", "figures", shake,
                     _params(shipped, "14:30", "figures", shake)["path"][0][1])
    assert couple > LARGER * visitors, (visitors, couple)


def test_the_low_sun_warms_the_grounds_late_in_the_afternoon() -> None:
    """At 15:00 the shore's grass is as painted; by 16:55 the low sun has turned it golden
    and dimmer (red over blue up, the light down), with the sky going to sunset over it."""
    line = one_scene(DARK_SKY + layer("museum", part="shore", ground=0.5) + NO_POST,
                     at="14:30")
    grass = pygame.Rect(SIZE[0] // 3, round(0.6 * SIZE[1]), SIZE[0] // 3, 10)
    afternoon, evening = (pygame.transform.average_color(draw(line, at, size=SIZE), grass)
                          for at in ("15:00", "16:55"))
    assert evening[0] / evening[2] > 1.3 * afternoon[0] / afternoon[2], (afternoon, evening)
    assert sum(evening[:3]) < 0.9 * sum(afternoon[:3])
