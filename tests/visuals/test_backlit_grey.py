"""Grey hair on someone lit from behind (a rim) is nearly as dark as they are: at full silver,
under a hat's brim or on a runner's nape, it stood as a pale wedge on the back of a dark head.
In a lit window (Lucy and Ivan) it stays silver."""

from __future__ import annotations

from installation.core.timeline.layer_catalog import LAYERS
from installation.visuals.figure_looks import member_look
from installation.visuals.wardrobe import OUTFITS

DARK = (26, 18, 16)


def params(**given: object) -> dict[str, object]:
    p = {param.name: param.default for param in LAYERS["figures"]}
    return {**p, "color": DARK, **given}


def brightness(color: tuple[int, int, int] | None) -> int:
    assert color is not None
    return sum(color)


def test_backlit_grey_hair_is_near_the_bodys_dark() -> None:
    look = member_look(params(rim=(255, 200, 150)), 0, 1, OUTFITS["ivan"], 200)
    assert brightness(look.hair) < brightness(DARK) + 90, look.hair


def test_grey_hair_in_a_lit_window_stays_silver() -> None:
    look = member_look(params(window=(255, 196, 122)), 0, 1, OUTFITS["ivan"], 200)
    assert brightness(look.hair) > 400, look.hair
