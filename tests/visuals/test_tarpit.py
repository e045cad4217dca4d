"""The tar pit's mirror, kept from frame to frame, is the mirror made afresh."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals import tar_mirror
from installation.visuals.base import Frame, Split
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.tar_mirror import KeptMirror, alike_runs, pushed_runs, runs_of
from installation.visuals.tar_ripple import BAND, ripple, ripples
from installation.visuals.tarpit import Tarpit

from .helpers import NO_POST, SIZE, draw, layer, one_frame, one_scene, shared_made

NIGHT_GLINT = 60  # the lightest a bubble in black tar under the night may be (a ring's crest:
# about 50; the old glint: 161)

POOL = (layer("sky", horizon=0.6) + layer("silhouette", shape="calf", x=0.4, y=0.6, scale=0.4)
        + layer("tarpit", y=0.6, bubbles=0.5, reflect=0.6) + NO_POST)


def kept_and_fresh(layers: str, step: float) -> None:
    """Frames drawn one after another by one compositor are those drawn afresh."""
    headless()
    line = one_scene(layers, at="17:00")  # dusk: the sky's strips change every story minute
    kept = Compositor(line, SIZE, lambda _message: None)
    start = parse_clock("17:30")
    for n in range(24):
        state = state_at(line, start + n * step)
        shown = pygame.Surface(SIZE)
        kept.draw(shown, state)
        fresh = one_frame(line, SIZE, state, shared_made(), lambda _message: None)
        assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(fresh, "RGB"), n


def test_a_kept_mirror_is_the_mirror_made_afresh_as_the_sky_moves_on() -> None:
    kept_and_fresh(POOL, 7.0)  # a strip or two of the sky painted again between frames


def test_a_kept_mirror_is_the_mirror_made_afresh_as_the_camera_sways() -> None:
    swaying = POOL.replace('shape = "calf"', 'shape = "calf"\ndepth = 0.8')
    kept_and_fresh(swaying + layer("camera", drift=0.05, seconds=10), 0.5)


def test_the_ripples_worked_out_at_once_are_those_of_each_band() -> None:
    for seed, rows, moment, width in ((7, 389, 1234.56, 1920), (3, 45, 0.0, 320),
                                      (11, 216, 98765.4, 3840)):
        each = [int(ripple(seed, y, rows, moment, width)) for y in range(0, rows, BAND)]
        assert ripples(seed, rows, moment, width).tolist() == each


def test_the_mirror_bends_smoothly_down_the_pool() -> None:
    """Bands next to each other are pushed at most a pixel apart: a palm's trunk mirrors as a
    line that sways, not a zigzag of steps (the old ripples jumped up to 14 px)."""
    for seed, rows, width in ((7, 389, 1920), (3, 778, 3840), (11, 346, 1920)):
        for moment in np.linspace(0.0, 600.0, 401):
            shifts = ripples(seed, rows, float(moment), width)
            assert np.abs(np.diff(shifts)).max() <= 1, (seed, rows, moment)


def test_runs_of_rows() -> None:
    assert runs_of(np.array([1, 1, 0, 0, 1, 0, 1], bool)) == [(0, 2), (4, 5), (6, 7)]
    assert runs_of(np.zeros(4, bool)) == []


def test_bands_pushed_alike_are_copied_as_one_run() -> None:
    """The runs of bands the pool is copied and added in push every row as its band is
    pushed, each run as long as its bands keep one push (not a band at a time)."""
    rows = 389
    for moment in (0.0, 41.7, 333.3):
        shifts = ripples(7, rows, moment, 1920).tolist()
        runs = pushed_runs(shifts, BAND, rows)
        each_row = [shift for top, bottom, shift in runs for _ in range(top, bottom)]
        assert each_row == [shifts[y // BAND] for y in range(rows)]
        assert len(runs) == 1 + sum(a != b for a, b in zip(shifts, shifts[1:], strict=False))
    assert pushed_runs([2, 2, 3, 3, 3, -1], 4, 22) == [(0, 8, 2), (8, 20, 3), (20, 22, -1)]
    # only bands that follow one another join: a gap (a band made whole apart) parts them
    assert alike_runs([1, 2, 4, 5, 6], [0, 2, 2, 0, 2, 2, 3]) == [(1, 3, 2), (4, 6, 2), (6, 7, 3)]


def picture(seed: int) -> pygame.Surface:
    """A picture of noise, the size of the tests' frames."""
    surface = pygame.Surface(SIZE)
    noise = np.random.default_rng(seed).integers(0, 1 << 24, SIZE, dtype=np.uint32)
    pygame.surfarray.blit_array(surface, noise)
    return surface


def mirrored(mirror: KeptMirror, surface: pygame.Surface, under: int | None) -> bytes:
    return pygame.image.tobytes(mirror.update(surface, under), "RGB")


def test_a_mirror_made_of_a_picture_without_a_token_is_made_again_for_one_with_a_token() -> None:
    headless()
    shade = pygame.Surface((SIZE[0], 60))
    shade.fill((200, 150, 100))
    kept = KeptMirror(shade, 100, trusted=True)
    mirrored(kept, picture(1), None)  # drawn whole somewhere else (warming, say)
    fresh = KeptMirror(shade, 100, trusted=True)
    assert mirrored(kept, picture(2), 5) == mirrored(fresh, picture(2), 5)
    kept.painted(pygame.Rect(0, 70, SIZE[0], 10))  # rows 70-79 of picture 3 differ from 2's
    third = picture(2)
    third.blit(picture(3), (0, 70), (0, 70, SIZE[0], 10))
    assert mirrored(kept, third, 6) == mirrored(KeptMirror(shade, 100, True), third, 6)


def test_a_mirror_made_again_in_areas_painted_is_the_mirror_made_afresh() -> None:
    """Areas of the picture painted again between frames (narrow, overlapping, across the
    edge or over the top of the rows it mirrors) are mirrored again there, to the byte: the
    kept mirror is the mirror made afresh of each picture (its shade not of one colour)."""
    headless()
    shade = picture(9)
    shade = shade.subsurface((0, 0, SIZE[0], 60)).copy()
    kept = KeptMirror(shade, 100, trusted=True)
    shown = picture(10)
    mirrored(kept, shown, 1)
    rng = np.random.default_rng(3)
    for token in range(2, 12):
        for _ in range(int(rng.integers(1, 4))):
            area = pygame.Rect(int(rng.integers(-20, SIZE[0])), int(rng.integers(20, 110)),
                               int(rng.integers(1, 90)), int(rng.integers(1, 40)))
            shown.blit(picture(token), area, area)
            kept.painted(area)
        fresh = KeptMirror(shade, 100, trusted=True)
        assert mirrored(kept, shown, token) == mirrored(fresh, shown, token), token


FAR_POOL = POOL.replace("reflect = 0.6", "reflect = 0.6\nfar_ground = 0.45")  # hung from 0.45


@pytest.mark.parametrize("layers", [POOL, FAR_POOL], ids=["from the edge", "from far ground"])
def test_the_pool_drawn_whole_is_its_still_and_moving_parts(layers: str) -> None:
    """Laid straight under the edge, the mirror is the kept mirror's bands added over the
    tar, to the byte: at every push of its ripples, a picture of noise above it, and in a
    window into a wider picture (the camera's canvas) as in a picture of its own (hung from
    the edge, or from the far shore's ground above it)."""
    headless()
    line = one_scene(layers)
    scene = line.scenes[0]
    setup = Compositor(line, SIZE, lambda _message: None).setup(scene, 2, "tarpit")
    pool = Tarpit(scene.layers[2].params, setup)
    for seconds in (0.0, 3.3, 17.9, 250.4):
        frame = Frame(parse_clock("12:00"), seconds, state_at(line, parse_clock("12:00")))
        whole, parts = picture(4), picture(4)
        canvas = pygame.Surface((SIZE[0] + 20, SIZE[1]))
        window = canvas.subsurface((10, 0, *SIZE))
        window.blit(whole, (0, 0))
        pool.draw(whole, frame)
        pool.draw(window, frame)
        Split.draw(pool, parts, frame)
        assert pygame.image.tobytes(whole, "RGB") == pygame.image.tobytes(parts, "RGB"), seconds
        assert pygame.image.tobytes(window.copy(), "RGB") == pygame.image.tobytes(parts, "RGB")


def test_the_pool_drawn_clipped_is_the_pool_drawn_whole_inside_the_clip() -> None:
    """Drawn into a clipped picture (a wipe draws each scene in the columns it shows in), the
    pool laid straight under the edge is, to the byte, the pool drawn whole inside the clip,
    and the picture outside the clip is as it was: narrow clips, wide ones, clips that start
    below the edge or stop above the picture's foot, and clips against either side."""
    headless()
    line = one_scene(POOL)
    scene = line.scenes[0]
    setup = Compositor(line, SIZE, lambda _message: None).setup(scene, 2, "tarpit")
    pool = Tarpit(scene.layers[2].params, setup)
    width, height = SIZE
    clips = [pygame.Rect(0, 0, 37, height), pygame.Rect(width - 53, 0, 53, height),
             pygame.Rect(91, 0, width // 2, height), pygame.Rect(5, pool.edge + 7, 64, 40),
             pygame.Rect(width // 3, 0, 120, pool.edge + 21)]
    for seconds in (3.3, 250.4):
        frame = Frame(parse_clock("12:00"), seconds, state_at(line, parse_clock("12:00")))
        whole = picture(6)
        pool.draw(whole, frame)
        for clip in clips:
            clipped = picture(6)
            clipped.set_clip(clip)
            pool.draw(clipped, frame)
            clipped.set_clip(None)
            expected = picture(6)
            expected.blit(whole, clip, clip)
            assert (pygame.image.tobytes(clipped, "RGB")
                    == pygame.image.tobytes(expected, "RGB")), (seconds, clip)


def test_a_pool_drawn_clipped_softens_only_the_mirror_the_clip_shows(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A wipe draws the scene it leaves only in the columns it still shows in: its pool's
    mirror is softened there (and as far either side as its bands are pushed), not across
    the whole pool (~1 ms a frame at 1080 for a pool laid whole under the edge)."""
    headless()
    line = one_scene(POOL)
    scene = line.scenes[0]
    setup = Compositor(line, SIZE, lambda _message: None).setup(scene, 2, "tarpit")
    pool = Tarpit(scene.layers[2].params, setup)
    softened: list[pygame.Rect] = []
    real = tar_mirror.soft_flip

    def soft_flip(picture: pygame.Surface, edge: int, rows: int, area: pygame.Rect,
                  scratch: tar_mirror.Scratch) -> pygame.Surface:
        softened.append(area)
        return real(picture, edge, rows, area, scratch)
    monkeypatch.setattr(tar_mirror, "soft_flip", soft_flip)
    frame = Frame(parse_clock("12:00"), 3.3, state_at(line, parse_clock("12:00")))
    clip = pygame.Rect(SIZE[0] * 3 // 4, 0, SIZE[0] // 8, SIZE[1])
    pushed = max(abs(shift) for shift in ripples(setup.seed, pool.mirror_rows, 3.3, SIZE[0]))
    clipped = picture(6)
    clipped.set_clip(clip)
    pool.draw(clipped, frame)
    assert softened and all(clip.left - pushed <= area.left and area.right <= clip.right + pushed
                            for area in softened)


def test_a_kept_pool_is_the_mirror_s_bands_added_over_the_tar_afresh() -> None:
    """Drawn frame after frame over a kept background (a band's push changing now and then,
    rows above the edge painted again between some frames, and areas across the edge, the
    tar's still part among what is painted there), the moving part laid from the kept pool
    (its bands laid in the background too, only those not there as made laid again) is, to
    the byte, the kept mirror's bands added one by one over the tar."""
    headless()
    line = one_scene(POOL)
    scene = line.scenes[0]
    setup = Compositor(line, SIZE, lambda _message: None).setup(scene, 2, "tarpit")
    pool = Tarpit(scene.layers[2].params, setup)
    state = state_at(line, parse_clock("12:00"))
    back = picture(5)
    pool.draw_still(back, Frame(parse_clock("12:00"), 0.0, state))
    still = back.copy()  # the background as its layers painted it, no pool laid in it
    token = 1
    for n in range(40):
        frame = Frame(parse_clock("12:00"), 40.0 + n / 60, state, under=token)
        if n % 9 == 4:  # some rows above the edge painted again: a new picture under it
            area = pygame.Rect(0, pool.edge - 30 - n, SIZE[0], 12)
            for painted in (back, still):
                painted.blit(picture(n), area, area)
            pool.mirror.painted(area)
            token += 1
        if n % 7 == 3:  # an area across the edge painted again, the tar over its foot
            area = pygame.Rect(40 + n, pool.edge - 10, 60, 30 + n)
            for painted in (still, back):
                painted.set_clip(area)
                painted.blit(picture(n), area, area)
            pool.draw_still(back, frame)
            still.blit(pool.tar, (0, pool.edge))  # what the still part paints there
            for painted in (still, back):
                painted.set_clip(None)
            token += 1
        frame = Frame(parse_clock("12:00"), 40.0 + n / 60, state, under=token)
        kept = back.copy()
        pool.draw_moving(kept, frame)
        added = still.copy()
        flipped = pool.mirror.surface
        shifts = ripples(pool.seed, pool.mirror_rows, frame.seconds, SIZE[0]).tolist()
        added.blits(pool._bands(flipped, shifts), doreturn=False)
        pool._bubbles(added, frame.seconds)
        pool._draw_bank(added)
        assert pygame.image.tobytes(kept, "RGB") == pygame.image.tobytes(added, "RGB"), n


OILY = (960, 540)  # large enough for the oil's patches to be told from lines


def still_pool(above: tuple[int, int, int]) -> tuple[Tarpit, np.ndarray]:
    """A pool without bubbles drawn under a picture of one colour, and its pixels (columns x
    rows x RGB) from the edge down."""
    headless()
    line = one_scene(layer("sky", horizon=0.6) + layer("tarpit", y=0.6, bubbles=0) + NO_POST)
    scene = line.scenes[0]
    setup = Compositor(line, OILY, lambda _message: None).setup(scene, 1, "tarpit")
    pool = Tarpit(scene.layers[1].params, setup)
    surface = pygame.Surface(OILY)
    surface.fill(above)
    frame = Frame(parse_clock("12:00"), 12.0, state_at(line, parse_clock("12:00")))
    pool.draw(surface, frame)
    pixels = pygame.surfarray.array3d(surface)[:, pool.edge + 8:].astype(int)
    return pool, pixels[40:-40]  # clear of the strips a push uncovers, and of the bank


def test_the_oil_shows_only_in_the_light_the_tar_gives_back() -> None:
    """Under a black picture the tar is plain (each row one colour): no lines, no colours;
    under a grey one the light it gives back is coloured by the oil, apart along a row."""
    _pool, dark = still_pool((0, 0, 0))
    assert (dark == dark[:1]).all()
    _pool, lit = still_pool((160, 160, 160))
    tint = lit[:, :, 1] - lit[:, :, 2]  # green over blue: the oil's colours come and go
    assert (tint.max(axis=0) - tint.min(axis=0)).max() >= 6  # (a pale film's tint: see
    # test_oil)


def test_under_a_night_sky_a_bubble_catches_no_pale_glint() -> None:
    """Bubbles swelling in black tar under the night show no spot much lighter than the tar
    (a full day's glint on domes that do not show read as stray pale dashes, the dream's)."""
    night = layer("sky", top="#04060f", bottom="#04060f", stars=0, sun=False, clouds=0)
    pool = layer("tarpit", y=0.5, color="#06070f", bubbles=1.0, reflect=0.0)
    line = one_scene(night + pool + NO_POST)
    for seconds in range(0, 40, 3):
        tar = pygame.surfarray.array3d(draw(line, f"12:00:{seconds:02d}"))[:, SIZE[1] // 2 + 4:]
        assert int(tar.max()) <= NIGHT_GLINT, seconds


def far_shore(far_ground: float | None) -> np.ndarray:
    """A pool at 0.6 under a pale museum wall standing on level dark lawn from 0.5 down to
    the edge, mirrored from `far_ground`: the tar's pixels (columns x rows x RGB) from the
    edge down, clear of the bank and the strips a push uncovers."""
    headless()
    keys = {} if far_ground is None else {"far_ground": far_ground}
    line = one_scene(layer("sky", horizon=0.6) + layer("tarpit", y=0.6, bubbles=0, **keys)
                     + NO_POST)
    scene = line.scenes[0]
    setup = Compositor(line, OILY, lambda _message: None).setup(scene, 1, "tarpit")
    pool = Tarpit(scene.layers[1].params, setup)
    surface = pygame.Surface(OILY)
    surface.fill((200, 190, 170))  # the wall
    lawn = int(OILY[1] * 0.5)
    surface.fill((40, 60, 25), (0, lawn, OILY[0], pool.edge - lawn))
    pool.draw(surface, Frame(parse_clock("12:00"), 12.0, state_at(line, parse_clock("12:00"))))
    return pygame.surfarray.array3d(surface)[40:-40, pool.edge + 2:].astype(int)


def test_the_far_shore_hangs_in_the_tar_from_the_edge() -> None:
    """Seen across the pit, the tar mirrors what stands on the far shore's level ground from
    its edge down (the wall's pale image right under the shoreline), not the lawn: mirrored
    row for row from the edge, the lawn lay in it as a flat dark strip over the wall's image,
    a ledge of mud over a pool (14:30's berm: 55 px at 1080)."""
    hung, flat = far_shore(0.5), far_shore(None)
    lawn_rows = int(OILY[1] * 0.1) - 4
    assert hung[:, :lawn_rows].mean() > 2 * flat[:, :lawn_rows].mean()
    assert hung[:, :4].mean() > 60  # the wall's image right under the edge


@pytest.mark.parametrize("layers", [POOL, FAR_POOL], ids=["from the edge", "from far ground"])
def test_a_level_far_shore_meets_the_tar_in_a_low_lip(layers: str) -> None:
    """Where the far shore is level ground (a lawn in the sun, `far_ground`), the dark bank
    along the tar's far edge is a low lip all along: heaped up at the sides as it is where the
    far shore is seen against the sky, it read as black slag heaps on the grass (14:30)."""
    headless()
    line = one_scene(layers)
    scene = line.scenes[0]
    pool = Tarpit(scene.layers[2].params,
                  Compositor(line, (1920, 1080), lambda _message: None).setup(scene, 2, "tarpit"))
    area, outline = pool.bank
    highest = min(y for _x, y in outline)  # (rows grow down)
    low = highest >= area.top + 0.8 * area.height
    assert low == (layers == FAR_POOL), (area, highest)
