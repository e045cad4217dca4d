"""In their embrace at Park La Brea (04:39-04:50) Lucy's head rests against Ivan's shoulder,
her dark head and profile under her grey hair: bowed deep into his chest, her head was lost
in his dark coat and only a grey-white bun showed on it, a head with no skull or face."""

from __future__ import annotations

from installation.visuals.old_couple import ARC, HEAD_R, HELD, SWAY_PERIOD, bodies

LOW = 0.6  # her head's centre at most this many of her head's radii below his shoulder


def test_in_their_arms_her_head_rests_at_his_shoulder() -> None:
    """Whenever they are held (and swaying either way), her head's centre is no further
    below his shoulder than LOW head radii (it sank 1.1 to 1.4 radii, into his chest)."""
    held = [at for at, beat in ARC if beat is HELD]
    for share in held:
        for seconds in (0.0, SWAY_PERIOD / 4, 3 * SWAY_PERIOD / 4):
            ivan, lucy = bodies(share, seconds)
            below = (ivan.shoulder()[1] - lucy.head()[1]) / (HEAD_R * lucy.tall)
            assert below <= LOW, (share, seconds, round(below, 2))
