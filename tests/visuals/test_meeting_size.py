"""Harry meets Julie reads from across the room: at the handshake they and the stone calf
stand a fifth of the picture tall (at 0.14 and low on the right, 150 px, they were two dark
sticks beside the calf from 3 m), the calf beside them, all of them inside the title-safe area
and clear of the caption."""

from __future__ import annotations

from day_config import SHIPPED

from installation.core.timeline import Timeline, load_timeline

from .test_museum import _calf, _height, _params

TALL = 0.195  # of the picture: the couple at the handshake, at least
CALF_TALL = 0.19  # and the calf's crown over its feet
SAFE = 0.93  # nobody's feet lower than this (the title-safe area's foot)
MIDDLE = (0.3, 0.75)  # the couple's and the calf's feet lie between these, across
CAPTION_FOOT = 0.3  # the caption's band ends above this (it is high in the sky at the left)


def _line() -> Timeline:
    return load_timeline(SHIPPED)


def test_the_couple_and_the_calf_stand_a_fifth_of_the_picture_tall() -> None:
    line = _line()
    figures = [_params(line, "14:30", "figures", n) for n in range(40)
               if _has(line, "figures", n)]
    shake = next(n for n, p in enumerate(figures) if p["pose"] == "handshake")
    feet = figures[shake]["path"][0][1]
    assert _height(line, "14:30", "14:45", "figures", shake, feet) >= TALL
    calf = _calf(line, "14:30")
    calf_feet = _params(line, "14:30", "silhouette", calf)["y"]
    assert _height(line, "14:30", "14:45", "silhouette", calf, calf_feet) >= CALF_TALL


def test_they_stand_in_the_middle_inside_the_title_safe_area() -> None:
    line = _line()
    everyone = [_params(line, "14:30", "figures", n) for n in range(40)
                if _has(line, "figures", n)]
    theirs = [p for p in everyone if p["body"] in ("harry", "julie", "couple")]
    assert theirs
    for p in theirs:
        assert max(y for _x, y in p["path"]) <= SAFE, p["path"]
    standing = [p["path"][0][0] for p in theirs if p["speed"] == 0]
    calf = _params(line, "14:30", "silhouette", _calf(line, "14:30"))
    assert all(MIDDLE[0] <= x <= MIDDLE[1] for x in [*standing, calf["x"]]), standing
    assert calf["y"] <= SAFE
    caption = _params(line, "14:30", "caption", 0)
    assert caption["y"] < CAPTION_FOOT


def _has(line: Timeline, kind: str, n: int) -> bool:
    try:
        _params(line, "14:30", kind, n)
    except IndexError:
        return False
    return True
