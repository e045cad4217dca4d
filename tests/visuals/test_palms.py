"""The living palms: a dense head of fan fronds (no starburst of spokes), each palm its own."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.compositor import Compositor
from installation.visuals.silhouette import Silhouette
from installation.visuals.silhouette_sway import SWAY_STEPS

from .helpers import layer, one_scene

BIG = (960, 540)  # a crown some 200 pixels across
DIRECTIONS = 72  # the crown's outline is found this many ways round its middle
DENSE = 0.7  # the least share of the crown's outline its fronds fill (the starburst: 0.52)
OWN = 0.15  # the least share of two palms' crowns where one has fronds and the other not


def palms(*looks: str | None) -> list[Silhouette]:
    """Palms side by side in one scene, each of the same size (with a look, if named)."""
    keys = [dict(look=look) if look else {} for look in looks]
    line = one_scene("".join(layer("silhouette", shape="palm", x=0.2 + 0.3 * n, y=0.95,
                                   scale=1.0, **key) for n, key in enumerate(keys)))
    compositor = Compositor(line, BIG, print)
    scene = line.scenes[0]
    return [Silhouette(spec.params, compositor.setup(scene, n, "silhouette"))
            for n, spec in enumerate(scene.layers)]


def fronds(palm: Silhouette) -> np.ndarray:
    """Where its crown (standing straight) is leafy."""
    return pygame.surfarray.array_alpha(palm.crowns[SWAY_STEPS // 2]) > 128


def centred(*crowns: np.ndarray) -> list[np.ndarray]:
    """The crowns on canvases of one size, each centred (a crown's picture is cut to the
    part that shows, so each palm's is its own size)."""
    width = max(crown.shape[0] for crown in crowns)
    height = max(crown.shape[1] for crown in crowns)
    out = []
    for crown in crowns:
        canvas = np.zeros((width, height), dtype=bool)
        x, y = (width - crown.shape[0]) // 2, (height - crown.shape[1]) // 2
        canvas[x:x + crown.shape[0], y:y + crown.shape[1]] = crown
        out.append(canvas)
    return out


def filled_share(leafy: np.ndarray) -> float:
    """The share of the crown's outline (how far the fronds reach, every way from its middle)
    that its fronds fill."""
    width, height = leafy.shape
    xs, ys = np.mgrid[0:width, 0:height]
    way = ((np.arctan2(ys - height / 2, xs - width / 2) + np.pi) / (2 * np.pi)
           * DIRECTIONS).astype(int) % DIRECTIONS
    far = np.hypot(xs - width / 2, ys - height / 2)
    reach = np.zeros(DIRECTIONS)
    np.maximum.at(reach, way[leafy], far[leafy])
    return float(leafy.sum() / (far <= reach[way]).sum())


def test_a_palms_crown_is_a_dense_head_of_fronds_not_a_ring_of_spokes() -> None:
    """Within the outline the fronds reach, they fill most of it (a ring of forked stalks
    round a hub let the sky through nearly half of it)."""
    for palm in palms(None, None):
        assert filled_share(fronds(palm)) > DENSE


def test_no_two_palms_are_alike() -> None:
    """Two palms of one scene, drawn the same size, differ in their crowns and in their trunks
    and skirts (every palm was the same shape, scaled)."""
    one, other = palms(None, None)
    mine, theirs = centred(fronds(one), fronds(other))
    assert (mine ^ theirs).sum() > OWN * (mine | theirs).sum()
    assert (pygame.surfarray.array_alpha(one.image)
            != pygame.surfarray.array_alpha(other.image)).any()


def test_palms_of_one_look_are_the_same_palm() -> None:
    """A palm given the same look in two places is the same palm (Johnnie's at 03:50 and at
    04:05, noon's palms and the afternoon's in their places): same crown, trunk and skirt."""
    one, other = palms("corner", "corner")
    assert (fronds(one) == fronds(other)).all()
    assert (pygame.surfarray.array_alpha(one.image)
            == pygame.surfarray.array_alpha(other.image)).all()
