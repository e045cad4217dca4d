"""The noon calf calls when it will: quiets, a call that breaks off, a run of calls and then
stillness (it raised its trunk about every 11 s, to a grid, like a machine)."""

from __future__ import annotations

from installation.visuals.compositor import Compositor
from installation.visuals.mammoth_lift import POSES, Lift
from installation.visuals.silhouette import Silhouette

from .test_mammoth_head import shipped

SIZE = (480, 270)  # (small: only its calls' timing is read)
MINUTES = 10  # real minutes of the noon scene looked at, in tenths of a second
FULL = POSES - 1  # a full call's pose
ONSET = 2  # a call has begun when its pose rises past this


def noon_lift() -> Lift:
    """The noon calf's calls, as the shipped timeline builds it."""
    line = shipped()
    scene = next(s for s in line.scenes if s.name == "La Brea Tar Pits")
    index = next(
        n
        for n, spec in enumerate(scene.layers)
        if spec.type == "silhouette" and spec.params["shape"] == "calf"
    )
    calf = Silhouette(
        scene.layers[index].params, Compositor(line, SIZE, print).setup(scene, index, "silhouette")
    )
    assert calf.lift is not None
    return calf.lift


def calls(poses: list[int]) -> list[tuple[float, int]]:
    """Each call's start (real seconds) and its highest pose."""
    out: list[tuple[float, int]] = []
    for n in range(1, len(poses)):
        if poses[n] > ONSET >= poses[n - 1]:
            out.append((n / 10, poses[n]))
        elif out and poses[n] > ONSET:
            out[-1] = (out[-1][0], max(out[-1][1], poses[n]))
    return out


def test_the_noon_calf_calls_in_phrases_not_to_a_clock() -> None:
    lift = noon_lift()
    poses = [lift.pose(step / 10) for step in range(MINUTES * 600)]
    heard = calls(poses)
    starts = [start for start, _ in heard]
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(heard) >= MINUTES * 2, "it still calls, often"
    assert max(gaps) >= 3 * min(gaps), f"a quiet: the longest {max(gaps):.1f} s"
    assert any(c - a <= 15 for a, c in zip(starts, starts[2:], strict=False)), (
        "a run: three calls within 15 s"
    )
    assert any(high < FULL - 1 for _, high in heard), "a call that breaks off part way up"
    assert sum(high == FULL for _, high in heard) >= len(heard) / 2, "most go all the way"
    again = Lift(lift.seed, lift.stirs, lift.least, phrased=True)
    assert [again.pose(step / 10) for step in range(5999, 0, -7)] == poses[5999:0:-7], (
        "the same moment, the same pose, whatever order they are asked in"
    )
