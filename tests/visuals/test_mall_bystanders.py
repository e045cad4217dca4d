"""The two who stopped far off on the mall's lot, looking back at it, are people, not props:
each moves now and then (for the whole five minutes, stock still while everyone else ran, they
read as two posts on the lot): one steps towards the store and looks up at the beams, the
other shades his eyes with a hand now and then to look back at it."""

from __future__ import annotations

from installation.core.timeline.state import story_after

from .helpers import shipped_crowd

MALL = "Searchlights over the mall"
FAR = (0.45, 0.84)  # of the picture: standing left of this and above this row, far off
MOVES = 0.1  # figure heights: the head or a hand moves at least this far, or they walk
EVERY, SECONDS = 2.0, 24.0  # real seconds between the moments looked at, and for how long
SIZE = (1920, 1080)


def test_the_two_standing_far_off_each_move() -> None:
    crowd = shipped_crowd(MALL, SIZE)
    seen: dict[tuple[int, int], list[tuple[str, tuple[float, ...], tuple[float, float]]]] = {}
    for k in range(round(SECONDS / EVERY)):
        frame = crowd.frame(story_after(crowd.program.clock, crowd.scene.at, k * EVERY))
        for n, layer in enumerate(crowd.layers):
            for i, m in enumerate(layer.members(frame)):
                body = layer.sprites.body(m.pose, m.phase, m.turn, m.look.outfit)
                points = (*body.head, *body.joints["wrist0"], *body.joints["wrist1"])
                seen.setdefault((n, i), []).append((m.pose, points, m.feet))
    standing = {who: moments for who, moments in seen.items()
                if all(x < FAR[0] * SIZE[0] and y < FAR[1] * SIZE[1] for *_, (x, y) in moments)}
    assert len(standing) == 2, "two standing far off the whole time"
    for who, moments in standing.items():
        poses = {pose for pose, _, _ in moments}
        moved = max(max(p[j] for _, p, _ in moments) - min(p[j] for _, p, _ in moments)
                    for j in range(6))
        assert len(poses) > 1 or moved > MOVES, f"{who}: stock still as {poses}, {moved:.2f}"
