"""Across Wilshire at first light is panic: people running every way besides Harry and Julie,
cars left standing in the lanes, a police car's flashes washing the facades red, then blue."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeline.model import Scene
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.panic import LEFT, Panic
from installation.visuals.racing import street_projection
from installation.visuals.render import headless
from installation.visuals.siren import pulse
from installation.visuals.stranded import BODY, HALF_LONG, SILL

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
DAWN = "Across Wilshire at first light"
SIZE = (960, 540)
CROWD = 5  # the least number of other people in sight at each of MOMENTS
MOMENTS = ("05:06:30", "05:07:30", "05:09", "05:10:30")
MOVED = 4  # pixels: the least each of them moves in a real second
WALL = (1.55, 6.0, 0.3)  # a point of the facades near the police car: across, along, up
WASHED = 25  # the least a flash adds to the facade's red (or blue) there


def dawn() -> tuple[Timeline, Scene, Compositor]:
    headless()
    line = load_timeline(SHIPPED)
    scene = state_at(line, parse_clock("05:06")).scene
    assert scene.name == DAWN
    return line, scene, Compositor(line, SIZE, print)


def frame(line: Timeline, story: float) -> Frame:
    state = state_at(line, story)
    return Frame(state.story_time, state.scene_seconds, state)


def test_people_besides_harry_and_julie_run_every_way() -> None:
    """At moments through the scene, several other people are in sight, all running, and
    between them every way: left and right, towards us and away."""
    line, scene, compositor = dawn()
    crowds = [Figures(spec.params, compositor.setup(scene, index, "figures"))
              for index, spec in enumerate(scene.layers) if spec.type == "figures"
              and spec.params["body"] not in ("harry", "julie")]
    counts, steps = [], []
    for moment in MOMENTS:
        start = parse_clock(moment)
        now, later = frame(line, start), frame(line, start + 1.0)
        later = frame(line, start + 1.0 / (later.seconds - now.seconds))  # a real second on
        seen = _steps(crowds, now, later)
        counts.append(len(seen))
        steps += seen
    assert min(counts) >= CROWD, f"people in sight besides Harry and Julie: {counts}"
    assert all(abs(dx) + abs(dy) >= MOVED for dx, dy in steps), f"everyone runs: {steps}"
    assert any(dx > 0 for dx, _ in steps) and any(dx < 0 for dx, _ in steps), "both ways"
    assert any(dy > MOVED for _, dy in steps) and any(dy < -MOVED for _, dy in steps), (
        "towards us and away too")


def _steps(crowds: list[Figures], now: Frame, later: Frame) -> list[tuple[float, float]]:
    """How far each member in sight at both frames moved between them."""
    steps = []
    for crowd in crowds:
        # (a stream's members in order, those not yet set off left out at its end)
        for before, after in zip(crowd.members(now), crowd.members(later), strict=False):
            if (0 < before.feet[0] < SIZE[0] and 0 < after.feet[0] < SIZE[0]
                    and abs(after.feet[0] - before.feet[0]) < SIZE[0] / 4):  # not come round
                steps.append((after.feet[0] - before.feet[0], after.feet[1] - before.feet[1]))
    return steps


def test_an_abandoned_car_stands_in_a_lane() -> None:
    line, scene, compositor = dawn()
    (index, spec), = [(n, s) for n, s in enumerate(scene.layers)
                      if s.type == "panic" and s.params["part"] == "all"]
    assert spec.params["cars"] >= 3
    panic = Panic(spec.params, compositor.setup(scene, index, "panic"))
    lane, z, _yaw, _door = LEFT[0]
    assert abs(lane) + HALF_LONG < 1.0, "in the lanes, not on the pavement"
    project = street_projection(SIZE, int(SIZE[1] * spec.params["horizon"]))
    x, y = project(lane, z, (SILL + BODY) / 2)
    seen = []
    for story in (parse_clock("05:06"), parse_clock("05:09")):
        surface = pygame.Surface(SIZE)
        panic.draw(surface, frame(line, story))
        seen.append(surface.get_at((x, y))[:3])
    assert sum(seen[0]) > 20, "the car's body is there"
    assert seen[0] == seen[1], "it stands where it was left"


def test_the_police_lights_wash_the_facades_red_then_blue() -> None:
    line, _scene, compositor = dawn()
    start = parse_clock("05:08")
    moments = [start + n * 0.05 for n in range(120)]  # a story second is ~0.22 real seconds
    lit: dict[str, float] = {}
    for story in moments:
        red, blue = pulse(frame(line, story).seconds)
        if red == 1.0:
            lit.setdefault("red", story)
        elif blue == 1.0:
            lit.setdefault("blue", story)
        elif red == blue == 0.0:
            lit.setdefault("dark", story)
    assert set(lit) == {"red", "blue", "dark"}
    assert max(lit.values()) - min(lit.values()) < 6.0, "a fraction of a (real) second apart"
    colours = {}
    for name, story in lit.items():
        surface = pygame.Surface(SIZE)
        compositor.draw(surface, state_at(line, story))
        levels = pygame.surfarray.array3d(surface).astype(int)
        colours[name] = {side: _facade(levels, side) for side in (-1, 1)}
    dark = colours["dark"]
    assert colours["red"][-1][0] - dark[-1][0] >= WASHED, "the left facades flash red"
    assert colours["blue"][1][2] - dark[1][2] >= WASHED, "the right facades flash blue"


def _facade(levels: np.ndarray, side: int) -> np.ndarray:
    """The mean colour of a small patch of the facades on one side, near the police car."""
    across, along, up = WALL
    x, y = street_projection(SIZE, int(SIZE[1] * 0.56))(side * across, along, up)
    return np.asarray(levels[x - 3:x + 4, y - 3:y + 4].reshape(-1, 3).mean(axis=0))
