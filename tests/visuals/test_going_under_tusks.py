"""Going under (10:39-10:40), her tusks go under with her head, not before it: while her head
and raised trunk stand over the tar, her ivory shows beside them (dipped as her trunk rose,
both tusks had gone at 10:39:40 while her head and trunk stood high)."""

from __future__ import annotations

from .test_going_under_tip import GREY, alone_rgb
from .test_mammoth_sinks import built

SCENE = "The sun comes back to the tar pits"
WARM = 12  # levels of red over blue: ivory (her coat and the grey she is drawn on are neutral)
IVORY = 60  # pixels of ivory at least over the tar
TIMES = ("10:39:00", "10:39:40")  # her head and trunk high, her back going


def test_her_tusks_show_while_her_head_and_trunk_stand_over_the_tar() -> None:
    her = built(SCENE)
    for at in TIMES:
        rgb = alone_rgb(at)
        levels, warm = rgb.mean(axis=2), rgb[..., 0] - rgb[..., 2]
        over = slice(0, her.line - 2)  # above the tar's surface
        dark = int((levels[:, over] < GREY - 60).sum())
        assert dark > 2000, f"{at}: her head and trunk stand over the tar ({dark} px)"
        ivory = int((warm[:, over] > WARM).sum())
        assert ivory >= IVORY, f"{at}: {ivory} px of her tusks show over the tar"
