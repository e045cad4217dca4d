"""Several screens, no master: each draws its part of one wide picture from its own clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pygame

from installation.app.show import ShowOptions, build_show
from installation.core.config import load_config, with_overrides

from .helpers import NO_POST, layer, one_scene

ROOT = Path(__file__).parents[2]
WIDE = one_scene(layer("sky", clouds=0.6) + layer("skyline")
                 + layer("silhouette", shape="palm", x=0.45, scale=0.8)
                 + layer("street", traffic=1) + NO_POST, at="12:00")
SCREEN = (320, 180)
NOON = dt.datetime(2026, 3, 2, 10, 0, 30, tzinfo=dt.UTC).timestamp()  # every screen, same time


def frame_of(span: str, size: tuple[int, int]) -> bytes:
    config = with_overrides(load_config(ROOT / "config.toml"),
                            display={"span": tuple(int(n) for n in span.split("/")),
                                     "resolution": size},
                            audio={"enabled": False})
    config = replace(config, clock=replace(config.clock, timezone=dt.UTC))
    show = build_show(config, WIDE, ShowOptions(headless=True), lambda: NOON, lambda: 0.0,
                      lambda s: None)
    assert show.step().scene.name == "only"
    return pygame.image.tobytes(show.display.surface, "RGB")


def crop(picture: bytes, size: tuple[int, int], left: int, width: int) -> bytes:
    row = size[0] * 3
    return b"".join(picture[y * row + left * 3:y * row + (left + width) * 3]
                    for y in range(size[1]))


def test_the_screens_of_a_span_are_the_crops_of_the_whole_picture() -> None:
    whole_size = (3 * SCREEN[0], SCREEN[1])
    whole = frame_of("1/1", whole_size)
    for index in (1, 2, 3):
        part = frame_of(f"{index}/3", SCREEN)
        assert part == crop(whole, whole_size, (index - 1) * SCREEN[0], SCREEN[0]), index
    assert frame_of("1/3", SCREEN) != frame_of("2/3", SCREEN)
