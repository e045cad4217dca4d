"""Still layers over the tar's moving part, kept in a cover: the same frames, less veil."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.haze import Haze
from installation.visuals.render import headless
from installation.visuals.tarpit import Tarpit

from .helpers import NO_POST, SIZE, layer, one_frame, one_scene, shared_made, timeline

# (the calf `still`: calling, as it now does every few seconds, it is painted again where its
# trunk moves, which the steady frame's test below is not about)
COVERED = (layer("sky", horizon=0.6, clouds=0)
           + layer("silhouette", shape="calf", x=0.3, y=0.6, scale=0.3, still=True)
           + layer("tarpit", y=0.6, bubbles=0.6, reflect=0.55)
           + layer("silhouette", shape="mammoth", x=0.5, y=0.8, scale=1.1, sink=0.5)
           + layer("haze", amount=0.8, color="#a09890", shore=0.6) + NO_POST)


def frames(line: Timeline, start: str, step: float, count: int) -> list[tuple[bytes, bytes]]:
    """Each frame drawn by one compositor frame after frame, and drawn afresh (by a fresh
    compositor finding the pictures shared_made holds: see assert_as_fresh)."""
    headless()
    kept = Compositor(line, SIZE, lambda _message: None)
    drawn = []
    for n in range(count):
        state = state_at(line, parse_clock(start) + n * step)
        shown = pygame.Surface(SIZE)
        kept.draw(shown, state)
        fresh = one_frame(line, SIZE, state, shared_made(), lambda _message: None)
        drawn.append((pygame.image.tobytes(shown, "RGB"), pygame.image.tobytes(fresh, "RGB")))
    return drawn


def test_a_haze_over_the_tar_veils_again_only_the_pool_and_the_frames_are_unchanged(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Over a pool that ripples, a haze's veil (and a mammoth in the tar under it) is kept
    with the still picture: a steady frame veils again only the pool, its bank and its
    bubbles (the veil over the whole picture was ~1.5 ms of a 1080 frame), and frames drawn
    one after another are those drawn afresh, to the byte (dusk: the sky's strips change)."""
    veiled: list[pygame.Rect] = []
    still = Haze.draw_still

    def seen(self: Haze, surface: pygame.Surface, frame: Frame) -> None:
        veiled.append(surface.get_clip())
        still(self, surface, frame)

    monkeypatch.setattr(Haze, "draw_still", seen)
    line = one_scene(COVERED, at="17:00")
    drawn = frames(line, "17:30", 7.0, 12)
    for n, (shown, fresh) in enumerate(drawn):
        assert shown == fresh, n
    noon = one_scene(COVERED)  # (its sky still: nothing else painted again)
    kept = Compositor(noon, SIZE, lambda _message: None)
    surface = pygame.Surface(SIZE)
    calm = parse_clock("12:31:20")  # the mammoth lies still (she strains now and then)
    kept.draw(surface, state_at(noon, calm))
    veiled.clear()
    kept.draw(surface, state_at(noon, calm + 0.5))  # a steady frame
    edge = int(SIZE[1] * 0.6)
    assert veiled and all(area.top > edge - SIZE[1] // 10 and area.bottom == SIZE[1]
                          for area in veiled), veiled  # the sky and the far shore left out


def test_the_tar_in_a_light_wipe_mirrors_what_stands_above_it() -> None:
    """Through a light wipe into the tar under a haze, the tar mirrors the far shore above it
    as it is, to the byte the frame drawn afresh: the scene is drawn in the columns the light
    has brought (clipped), and a mirror made again from that picture read the rest as the
    frames before had left it (a strip of stale reflection along the light, up to 30 levels
    off, held until its rows were painted again)."""
    line = timeline('[[scene]]\nat = "12:00"\nname = "before"\n'
                    'transition = { type = "cut", seconds = 0 }\n'
                    + layer("sky", top="#302a28", bottom="#605048") + NO_POST
                    + '[[scene]]\nat = "13:00"\nname = "after"\n'
                    'transition = { type = "light-wipe", seconds = 6 }\n' + COVERED)
    for n, (shown, fresh) in enumerate(frames(line, "13:00", 0.25, 24)):
        assert shown == fresh, n


def test_a_cover_is_kept_only_over_a_split_layer_that_says_where_it_moves() -> None:
    """Only a scene whose split layer says where its moving part paints keeps a cover: the
    tar's pool does; the rest draw as before."""
    headless()
    line = one_scene(COVERED)
    compositor = Compositor(line, SIZE, lambda _message: None)
    compositor.draw(pygame.Surface(SIZE), state_at(line, parse_clock("12:30")))
    built: Any = compositor._layers(line.scenes[0])  # noqa: SLF001 - what it kept
    assert built.cover is not None and built.cover.count == 2
    pool = built.entries[built.split][2]
    assert isinstance(pool, Tarpit) and built.cover.moving == pool.moving_area()
    assert pool.moving_area().top > SIZE[1] // 2
    plain = one_scene(layer("sky") + layer("haze", amount=0.5) + layer("particles") + NO_POST)
    compositor = Compositor(plain, SIZE, lambda _message: None)
    compositor.draw(pygame.Surface(SIZE), state_at(plain, parse_clock("12:30")))
    assert compositor._layers(plain.scenes[0]).cover is None  # noqa: SLF001
