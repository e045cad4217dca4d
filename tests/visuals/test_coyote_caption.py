"""A coyote in the empty diner (05:12): the caption says what is seen. The coyote stays out on
the lot, stops at the open door and turns to look in, then goes on to the lit glass, so the
words say it stops at the door and looks in (they said it trotted in and looked at the empty
tables while it stood outside, then that it sniffed at the door it had passed)."""

from __future__ import annotations

from .helpers import shipped_program as shipped
from .test_caption_places import scene_named

SCENE = "A coyote in the empty diner"


def test_the_caption_says_what_the_coyote_does_out_on_the_lot() -> None:
    scene = scene_named(shipped().timeline, SCENE)
    (diner,) = [spec.params for spec in scene.layers if spec.type == "diner"]
    coyote = [spec.params for spec in scene.layers
              if spec.type == "figures" and spec.params["body"] == "coyote"]
    assert coyote and all(y > diner["ground"] for one in coyote for _, y in one["path"]), (
        "the coyote stays on the lot, in front of the glass")
    (caption,) = [spec.params["text"] for spec in scene.layers if spec.type == "caption"]
    assert "door" in caption and "looks in" in caption, caption
    assert not any(said in caption for said in ("tables", "trots in", "sniffs at")), caption
