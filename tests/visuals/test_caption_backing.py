"""A caption's backing is a soft shade behind its letters, not a TV lower third: it feathers out
with no edge (that it follows the lines, with no box, test_look17_caption) and keeps the
letters reading on the pale morning."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np
import pygame
from scipy.ndimage import distance_transform_edt

from installation.core.clock import ClockSettings, StoryClock
from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.caption import Caption
from installation.visuals.compositor import Compositor
from installation.visuals.halo import squared_distance_to_ink
from installation.visuals.made_once import MadeOnce
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, draw, drawn_alike, layer, one_frame, one_scene, shared_made

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
PALE = layer("sky", top="#c8c8c8", bottom="#c8c8c8", stars=0, sun=False, clouds=0)
WIDE = (960, 540)
FULL = (1920, 1080)
LETTER = 0.06  # letter height, as a share of the picture, in the small pictures here
DARKER = 30  # levels the backing darkens the pale sky by next to the letters, at least
STEP = 5  # levels, at most, between neighbouring pixels of the backing (4 before the shade
#          followed the letters: right under them it now rises and falls with each one)
NEAR = 2.5  # letter heights from the words within which all the backing lies (2.0 before
# the band behind captions was made deeper, 72% of the light: it fades out over a longer reach
# so that it keeps no edge, see STEP)
WORDS = (236, 228, 210)  # the captions' colour
CLOSE = 40  # levels: a pixel this near the words' colour, that the words changed, is a letter
RING = (2, 4)  # pixels round a letter looked at as its immediate surround
READS = 4.5  # contrast ratio, at least, of letters to their surround (WCAG AA for text)
MORNING = "10:45"


def pale_frame(text: str, x: float, y: float) -> np.ndarray:
    """A caption typed in full over an even pale sky, at WIDE, as levels of its red."""
    words = layer("caption", text=text, x=x, y=y, delay=0, speed=200, size=LETTER)
    frame = draw(one_scene(PALE + words + NO_POST), "12:00:05", size=WIDE)
    return pygame.surfarray.array3d(frame)[..., 0].astype(int)


def test_the_backing_darkens_round_the_words_and_feathers_out_with_no_edge() -> None:
    """Capitals (nothing below the line): rows under them and the column before them cross
    only the backing, which falls away in small steps to the untouched sky."""
    level = pale_frame("A STRANGER AT THE TAR PITS.", 0.3, 0.5)
    sky = level[0, 0]
    letter = round(LETTER * WIDE[1])
    foot = round(0.5 * WIDE[1])
    rows = [level[:, foot + round(letter * share)] for share in (0.3, 0.6, 1.0)]
    column = level[round(0.3 * WIDE[0]) - letter // 2, :]
    assert rows[0].min() < sky - DARKER, "a darker shade right under the words"
    for profile in (*rows, column):
        assert np.abs(np.diff(profile)).max() <= STEP, "it darkens gradually, with no edge"
        assert profile[0] == profile[-1] == sky, "and has faded out long before the edges"


def paced(line: Timeline) -> StoryClock:
    """The shipped pace at the default clock (a 60-minute day)."""
    return StoryClock(ClockSettings("compressed", parse_clock("10:00"), 3600.0, dt.UTC),
                      line.day_start, line.pace)


def shipped_at(line: Timeline, at: str, size: tuple[int, int]) -> np.ndarray:
    """The shipped day's frame at `at`, as the show draws it."""
    headless()
    pace = paced(line)
    surface = one_frame(line, size, state_at(line, parse_clock(at), pace), shared_made(),
                        lambda _message: None, pace)
    return pygame.surfarray.array3d(surface).astype(float)


def without_captions(line: Timeline) -> Timeline:
    """The day with no caption in any scene."""
    return dataclasses.replace(line, scenes=tuple(dataclasses.replace(
        scene, caption=None, layers=tuple(spec for spec in scene.layers
                                          if spec.type != "caption"))
        for scene in line.scenes))


def luminance(rgb: np.ndarray) -> np.ndarray:
    """Relative luminance (as WCAG reckons it) of sRGB levels 0..255."""
    c = rgb / 255.0
    linear = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def grown(mask: np.ndarray, by: int) -> np.ndarray:
    """`mask` grown by `by` pixels each way."""
    out = mask.copy()
    for dx in range(-by, by + 1):
        for dy in range(-by, by + 1):
            out |= np.roll(mask, (dx, dy), axis=(0, 1))
    return out


def contrast(lit: np.ndarray, bare: np.ndarray, words: tuple[int, int, int] = WORDS) -> float:
    """The letters' contrast ratio to their immediate surround, pale words or dark: their
    median luminance against the surround's 90th percentile (its brightest, where pale letters
    are hardest to read) or, for dark words, its 10th (its darkest)."""
    letters = (np.abs(lit - words).max(axis=2) < CLOSE) & (np.abs(lit - bare).max(axis=2) > CLOSE)
    ring = grown(letters, RING[1]) & ~grown(letters, RING[0] - 1)
    assert letters.sum() > 1000, "the caption is there to be read"
    ink = float(np.median(luminance(lit[letters])))
    if ink > float(np.median(luminance(bare[ring]))):
        return (ink + 0.05) / (float(np.percentile(luminance(lit[ring]), 90)) + 0.05)
    return (float(np.percentile(luminance(lit[ring]), 10)) + 0.05) / (ink + 0.05)


def shipped_words(line: Timeline, at: str) -> tuple[int, int, int]:
    """The colour of the words of the shipped caption at story time `at`."""
    layers = state_at(line, parse_clock(at)).scene.layers
    color = next(spec.params["color"] for spec in layers if spec.type == "caption")
    return tuple(color)  # type: ignore[return-value]


def test_the_pale_mornings_caption_reads_against_its_surround() -> None:
    """At 10:45, over the pale tar and haze, the caption's words (dark, like print, since a
    dark shade round pale words read as a smear there) keep a contrast ratio of at least
    READS to the picture right round them."""
    line = load_timeline(SHIPPED)
    lit = shipped_at(line, MORNING, FULL)
    bare = shipped_at(without_captions(line), MORNING, FULL)
    assert contrast(lit, bare, shipped_words(line, MORNING)) >= READS


def test_with_no_shade_dark_words_leave_the_pale_sky_round_them_untouched() -> None:
    """`shade = 0` and dark words: nothing darkens the sky but the letters themselves (no
    soft shade round them, and no dark drop shadow, which read as smudged bold type)."""
    words = layer("caption", text="THE SUN COMES BACK.", x=0.3, y=0.5, delay=0, speed=200,
                  size=LETTER, color="#2a2622", shade=0)
    frame = pygame.surfarray.array3d(draw(one_scene(PALE + words + NO_POST), "12:00:05",
                                          size=WIDE)).astype(int)
    sky = frame[0, 0]
    ink = np.abs(frame - sky).max(axis=2) > 60  # the letters' bodies
    darker = (sky - frame).max(axis=2) > 6
    assert ink.sum() > 300, "the words are there"
    assert not (darker & ~grown(ink, 1)).any(), "the sky round them is untouched"


def test_a_light_shade_darkens_round_pale_words_by_its_share() -> None:
    """`shade = 0.2` darkens the sky next to the words about a fifth as much as the full
    shade does."""
    def darkest(shade: float) -> int:
        words = layer("caption", text="A STRANGER", x=0.3, y=0.5, delay=0, speed=200,
                      size=LETTER, shade=shade)
        level = pygame.surfarray.array3d(draw(one_scene(PALE + words + NO_POST), "12:00:05",
                                              size=WIDE))[..., 0].astype(int)
        below = level[:, round(0.5 * WIDE[1]) + round(LETTER * WIDE[1] * 0.3)]
        return int(level[0, 0] - below.min())
    full, light = darkest(1.0), darkest(0.2)
    assert full > DARKER and 0.1 * full <= light <= 0.3 * full, (full, light)


def test_a_caption_typed_frame_after_frame_is_what_a_fresh_show_draws() -> None:
    """The shade laid letter by letter as they are typed (and laid again after a jump back)
    is the same as one drawn on its own."""
    words = layer("caption", text="Running against the dawn.", place="Wilshire — 05:05",
                  x=0.1, y=0.5, delay=0, speed=10, size=LETTER)
    line = one_scene(PALE + words + NO_POST)
    headless()
    compositor, surface = Compositor(line, SIZE, print), pygame.Surface(SIZE)
    for seconds in (0.05, 0.4, 0.9, 1.3, 2.2, 0.6, 3.0):  # (back to 0.6: typed again)
        compositor.draw(surface, state_at(line, parse_clock("12:00") + seconds))
        fresh = draw(line, f"12:00:{seconds:06.3f}")
        assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB"), \
            seconds


def test_the_halo_measures_distance_as_scipy_does_within_its_reach() -> None:
    """The halo's distance to the ink (made without scipy, which a start would otherwise
    import before its first frame) equals scipy's exact Euclidean distance wherever the
    halo reaches, and reads farther than the reach beyond it."""
    rng = np.random.default_rng(5)
    for shape, reach in (((160, 175), 65), ((700, 70), 26)):
        ink = np.zeros(shape, dtype=bool)
        ink[reach:-reach, reach:-reach] = rng.random((shape[0] - 2 * reach,
                                                     shape[1] - 2 * reach)) > 0.95
        exact = distance_transform_edt(~ink)
        found = np.sqrt(squared_distance_to_ink(ink, reach))
        near = exact <= reach
        assert np.array_equal(found[near], exact[near])
        assert (found[~near] > reach).all()


def test_a_caption_built_ahead_draws_what_one_built_at_once_draws() -> None:
    """Built ahead, a caption pauses after its lines and after each character's blurred ink
    (a few ms each at 1920x1080), and draws what one built at once draws."""
    text = "Running against the dawn, the lights of Wilshire going out one by one."
    line = one_scene(PALE + layer("caption", text=text, place="Wilshire — 05:05", x=0.1,
                                  y=0.8, delay=0, speed=200, size=LETTER) + NO_POST)
    headless()
    state = state_at(line, parse_clock("12:00:05"))
    setup = Compositor(line, WIDE, print).setup(state.scene, 1, "caption")
    params = line.scenes[0].layers[1].params
    whole = Caption(params, setup)
    stepped = object.__new__(Caption)  # (its own made: the first's band is shared, found)
    apart = dataclasses.replace(setup, made=MadeOnce())
    assert sum(1 for _ in stepped.pieces(params, apart)) > len(set(text))
    assert drawn_alike((whole, stepped), Frame(state.story_time, 5.0, state), WIDE)
