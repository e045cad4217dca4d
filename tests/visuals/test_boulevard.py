"""The shipped boulevard: the May Company on its corner beside the road (the same place at dusk
and at night), people on its pavements, and the looters where the helicopter's spot lands."""

from __future__ import annotations

from pathlib import Path

from installation.core.timeline import load_timeline
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.maycompany import MayCompany
from installation.visuals.render import headless

from .test_crowd_places import after, placed_at

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (640, 360)
ROAD_CLEAR = 0.02  # of the width: the store's nearest pixel stays this far left of the road's end
HIGHEST = 0.33  # of the height: the drum's top stays below this, never a backdrop to the sky
WALKERS = ("17:10", "17:45", "19:30", "20:30", "23:00")
LOOTERS = (13.4, 40.1, 100.3, 147.1)  # real seconds into the searchlights (04:50): they run
#                                        in real seconds, wherever the pace puts the story
SPOT_ROWS = 0.1  # of the height: the spot's pool reaches this far from the row it lands on
ON_GROUND = 0.05  # of the height: the spot lands at least this far below the buildings' feet
A_FEW = 3


def dusk_store(size: tuple[int, int]) -> MayCompany:
    """The May Company of the dusk scene, set up at `size` (the night looks at one block of
    the boulevard, across it: the store is not in it)."""
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, size, print)
    scene = next(s for s in line.scenes if s.at == parse_clock("17:00"))
    index = next((i for i, spec in enumerate(scene.layers) if spec.type == "maycompany"), None)
    assert index is not None, "the boulevard shows the store"
    return MayCompany(scene.layers[index].params, compositor.setup(scene, index, "maycompany"))


def test_the_may_company_stands_beside_the_road_at_dusk() -> None:
    """At dusk the store stands left of the road's end (the street's vanishing point is the
    picture's middle), never over the lanes; its drum's top well down from the top of the
    picture, a landmark over the far blocks, not a backdrop."""
    headless()
    width, height = SIZE
    dusk = dusk_store(SIZE)
    assert dusk.left + dusk.size[0] < width * (0.5 - ROAD_CLEAR), "it reaches the road"
    assert dusk.top > height * HIGHEST, "a backdrop, not a store"


def test_people_walk_the_boulevard_at_dusk_and_at_night() -> None:
    """From the dusk to midnight someone is on the pavements, going both ways."""
    ways: set[bool] = set()
    for at in WALKERS:
        scene_at = "17:00" if at < "20:00" else "20:00"
        people = placed_at(at, scene_at)
        assert people, f"{at}: nobody on the boulevard"
        ways.update(member.left for _, member in people)
    assert ways == {True, False}, "they walk both ways"


def test_the_helicopters_spot_lands_where_the_looters_run() -> None:
    """The spot's pool is on the ground in front of the buildings, among the runners: some of
    them run within its reach, and always a few of them are in sight."""
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.at == parse_clock("04:50"))
    spot = next(spec.params["ground"] for spec in scene.layers if spec.type == "helicopter")
    city = next(spec.params["ground"] for spec in scene.layers if spec.type == "skyline")
    assert spot > city + ON_GROUND, "the spot lands on the ground, not on the buildings"
    for real in LOOTERS:
        feet = [member.feet[1] / 1080 for _, member in placed_at(after("04:50", real), "04:50")]
        assert len(feet) >= A_FEW, f"{real} s in: a few looters in sight"
        assert min(abs(y - spot) for y in feet) < SPOT_ROWS, f"{real} s in: none where it lands"
