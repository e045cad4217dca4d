"""Park La Brea at 04:40 (1920x1080): every window reads as a window. None is cut by the
picture's top to a stray sill, and no stair landing's lit window, seen at a slant, is a thin
pale dash."""

from __future__ import annotations

from pathlib import Path

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.skyline import Skyline
from installation.visuals.xplan import Layout

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (1920, 1080)
SHOWN = 1 / 3  # of a window's height, at least, in the picture
SQUAT = 0.5  # a stair's window at least this wide, of its height


def towers() -> Layout:
    """The towers of the Park La Brea scene's skyline, laid out at full HD."""
    headless()
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, SIZE, print)
    scene = state_at(line, parse_clock("04:40")).scene
    for n, spec in enumerate(scene.layers):
        if spec.type == "skyline":
            plan = Skyline(spec.params, compositor.setup(scene, n, "skyline")).xplan
            if plan is not None:
                return plan
    raise AssertionError("no Park La Brea towers at 04:40")


def test_no_window_is_cut_to_a_sill_at_the_pictures_edge() -> None:
    """Every window drawn shows at least a third of its height in the picture (on main the
    near tower's top window showed 15 of its 220 pixels: its sill, a stray pale line)."""
    plan = towers()
    for window in plan.windows:
        rect = window.rect
        inside = min(rect.bottom, SIZE[1]) - max(rect.top, 0)
        assert inside >= SHOWN * rect.height, f"{rect}: {inside} pixels of it in the picture"


def test_no_stair_window_is_a_thin_dash() -> None:
    """Each stair landing's window is at least half as wide as it is tall (on main, 10 x 23
    and 3 x 16 on the walls seen at a slant: columns of pale dashes)."""
    plan = towers()
    stairs = [rect for plane in plan.planes for rect in plane.stairs]
    assert len(stairs) > 20, "the landings' windows are there"
    thin = [rect for rect in stairs if rect.width < SQUAT * rect.height]
    assert not thin, f"{len(thin)} thin ones, such as {thin[:3]}"
