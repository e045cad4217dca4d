"""The mother in the tar holds still through a transition, whatever the pace: no frame of the
light wipe into 10:30 paints her again (at 08:00's weight 1.4 she strained in 212 of its 720
frames, its p95 13 ms; the pace left her 0.3 s of calm either side)."""

from __future__ import annotations

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.silhouette import Silhouette

from .helpers import headless, layer, timeline

MOTHER = layer("silhouette", shape="mammoth", x=0.5, y=0.8, scale=1.1, sink=0.5,
               sinking=0.066, flip=True, color="#0b0b0d")
WIPE = 12.0  # real seconds of the light wipe
TWO = (f'[[scene]]\nat = "08:00"\nname = "deep"\n{layer("tarpit", y=0.64)}{MOTHER}'
       f'[[scene]]\nat = "10:30"\nname = "morning"\n'
       f'transition = {{ type = "light-wipe", seconds = {WIPE} }}\n'
       f'{layer("tarpit", y=0.64)}{MOTHER}')
TICK = 1 / 60
SIZE = (320, 180)


def mothers() -> tuple[Silhouette, Silhouette]:
    """The mother of the scene being left and of the one coming in."""
    headless()
    line = timeline(TWO)
    compositor = Compositor(line, SIZE, print)
    return tuple(Silhouette(scene.layers[1].params, compositor.setup(scene, 1, "silhouette"))
                 for scene in line.scenes)  # type: ignore[return-value]


def wipe_poses(her: Silhouette, left: bool, into: float) -> list[int]:
    """Her pose in each 60th of a second of the wipe; the scene being left drawn `into` real
    seconds after it began (as a pace may leave it)."""
    line = timeline(TWO)
    start = parse_clock("10:30")
    poses = []
    for tick in range(int(WIPE / TICK)):
        state = state_at(line, start + tick * TICK)
        seconds = into + state.scene_seconds if left else state.scene_seconds
        poses.append(her.look(Frame(state.story_time, seconds, state)).pose)
    return poses


SETTLED = 60  # frames (a real second) into the wipe, she lies at rest


def test_the_mother_being_left_settles_to_rest_and_lies_still_through_the_wipe() -> None:
    """Whenever in her spells the wipe begins (the pace decides it), she only eases down, in
    its first second, and lies at rest, as the arriving mother does, for the rest of it."""
    left, _ = mothers()
    assert left.lift is not None
    straining = [s / 4 for s in range(0, 400) if left.lift.pose(s / 4 + WIPE / 2)]
    assert straining, "she strains somewhere in the first 100 s"
    for into in straining[:: max(1, len(straining) // 6)]:
        poses = wipe_poses(left, True, into)
        assert all(a >= b for a, b in zip(poses, poses[1:], strict=False)), into
        assert set(poses[SETTLED:]) == {0}, (into, sorted(set(poses[SETTLED:])))


def test_the_arriving_mother_lies_still_until_the_wipe_is_done() -> None:
    """The morning's mother lies at rest through the wipe and strains only after it."""
    _, arriving = mothers()
    assert set(wipe_poses(arriving, False, 0.0)) == {0}
    assert arriving.lift is not None
    line = timeline(TWO)
    after = [arriving.look(Frame(state.story_time, state.scene_seconds, state)).pose
             for state in (state_at(line, parse_clock("10:30") + WIPE + s / 4)
                           for s in range(0, 240))]
    assert any(after), "she strains again once the morning has come"
