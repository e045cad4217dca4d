"""What lies in the tar reads as in it (tar20): the finds of deep time at clearly different
depths, the deeper ones dim and soft under a film of the tar; a ring on the tar a low swell,
lit and shaded, not an outline; the dream's caption true to its picture."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals import bones
from installation.visuals.fossil_small import SMALL
from installation.visuals.tar_rings import SQUASH, Rings, width

from .test_bones_legible import DEEP_TIME, SHIPPED, setup_of

SIZE = (1920, 1080)
TAR = (12, 11, 10)  # the tar the cut is seen over
Seen = tuple[str, int, float, float]


def over_tar(cut: bones.Bones) -> np.ndarray:
    """The cut seen over the tar, in summed levels."""
    seen = pygame.Surface(cut.image.get_size())
    seen.fill(TAR)
    seen.blit(cut.image, (0, 0))
    return pygame.surfarray.array3d(seen).astype(int).sum(axis=2)


def finds_seen() -> list[Seen]:
    """Each still find of the shipped deep time at 1920x1080: its name, its stratum, how far
    it stands out of the tar round it (its brightest over the median of its box, in summed
    levels) and how sharp its edges are (its steepest step across, per level it stands out)."""
    params, setup = setup_of(load_timeline(SHIPPED), DEEP_TIME, SIZE)
    cut = bones.Bones(params, setup)
    light = over_tar(cut) - over_tar(bones.Bones({**params, "amount": 0.0}, setup))  # (off
    # the strata alone: bones21's bands of sand and tar have seams in a find's box)
    count = round(bones.BONES * params["amount"])
    out = []
    for find, x, y, stratum, way in cut._laid(count, cut.image.get_size(), setup):
        if way or find in SMALL:
            continue  # (drawn each frame, not in the cut; the small bones: fossil25)
        half = round(SIZE[1] * bones.BONE_SIZE * find.size)
        left, top = max(0, round(x) - half), max(0, round(y) - half)
        box = light[left:round(x) + half, top:round(y) + half]
        stands = float(box.max() - np.median(box))
        steep = float(np.abs(np.diff(box, axis=0)).max())
        out.append((find.name, stratum, stands, steep / max(1.0, stands)))
    return out


def test_the_finds_lie_at_clearly_different_depths_the_deeper_dim_and_soft() -> None:
    """At 09:00 every find lay in one of two bands, all as bright and as sharp: stickers on
    the tar. The nearest stand out of it clearly further than the deepest (at least 1.6 times:
    twice left the deepest band's thigh bone a dim smudge, deep25), whose edges are softer;
    the deepest still stand out (a ribcage seen through the tar, not lost)."""
    seen = finds_seen()
    strata = sorted({stratum for _name, stratum, *_rest in seen})
    assert len(strata) >= 3, f"the finds lie in {strata}"
    nearest = [s for s in seen if s[1] == strata[0]]
    deepest = [s for s in seen if s[1] == strata[-1]]
    assert min(s[2] for s in nearest) > 1.6 * max(s[2] for s in deepest), seen
    assert min(s[2] for s in deepest) > 12, seen  # legible still
    assert min(s[3] for s in nearest) > 1.2 * max(s[3] for s in deepest), seen


def ring_over(tar: tuple[int, int, int], radius: int = 80) -> np.ndarray:
    """A ring drawn at full strength over flat tar, as summed levels (columns x rows)."""
    picture = pygame.Surface((500, 200))
    picture.fill(tar)
    rings = Rings(radius, radius)
    rings.draw(picture, (250, 100), radius, 1.0)
    return pygame.surfarray.array3d(picture).astype(int).sum(axis=2)


def test_a_ring_is_a_soft_swell_lit_and_shaded_not_an_outline() -> None:
    """Rings at 10:31 and round the sinking mother read as outlined ellipses, target rings:
    one band of darkness all round. Over its near side the swell is lit above its crest and
    shaded below it, over its far side the other way round; at its ends it shows less than
    over its far side; no step is hard."""
    tar = (60, 50, 40)
    flat = sum(tar)
    levels = ring_over(tar)
    near = 100 + round(80 * SQUASH)  # the crest of its near side, down its middle column
    reach = round(2 * width(80))
    down = levels[250, near - reach:near + reach]
    assert down.max() > flat + 12 and down.min() < flat - 20, down
    assert int(np.argmax(down)) < int(np.argmin(down)), "lit above the crest, shaded below"
    far = 100 - round(80 * SQUASH)  # the crest of its far side
    up = levels[250, far - reach:far + reach]
    assert int(np.argmin(up)) > int(np.argmax(up)), "lit above the crest, shaded below"
    end = levels[250 - 80 - reach:250 - 80 + reach, 100]  # across its left end
    assert np.abs(end - flat).max() < 0.75 * np.abs(up - flat).max()
    assert np.abs(np.diff(down)).max() < 0.5 * (down.max() - down.min())


def test_the_dream_s_caption_says_what_the_picture_shows() -> None:
    """She stands on the mirror with her feet just in it through most of the dream: the
    caption said 'caught in them'."""
    scene = next(s for s in load_timeline(SHIPPED).scenes if s.name == "Dream")
    text = next(spec.params["text"] for spec in scene.layers if spec.type == "caption")
    assert "caught" not in text and "standing out on them" in text

