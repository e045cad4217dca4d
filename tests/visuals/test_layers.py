"""Each layer draws the right thing in the right place (checked on offscreen surfaces)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeline.layer_catalog import LAYERS
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .drawn_once import in_a_row
from .helpers import NO_POST, SIZE, draw, layer, lit_pixels, mean_brightness, one_scene

BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False)
CLEAR_NIGHT = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)


def test_noon_sky_is_brighter_than_three_in_the_morning() -> None:
    line = one_scene(layer("sky") + NO_POST)
    noon, night = draw(line, "12:00:30"), draw(line, "03:00")
    assert mean_brightness(noon) > 3 * mean_brightness(night) + 20


def test_scene_colours_override_the_hour() -> None:
    line = one_scene(layer("sky", top="#ff0000", bottom="#ff0000", stars=0, sun=False) + NO_POST)
    r, g, b, _ = draw(line, "03:00").get_at((SIZE[0] // 2, SIZE[1] // 3))
    assert r > 240 and g < 15 and b < 15


def test_neon_lights_its_colour_where_the_sign_is() -> None:
    sign = layer("neon", text="MILE", color="#00ff00", x=0.5, y=0.5, size=0.3, flicker=0)
    frame = draw(one_scene(BLACK_SKY + sign + NO_POST), "21:00:05")
    x0, x1 = int(SIZE[0] * 0.3), int(SIZE[0] * 0.7)
    y0, y1 = int(SIZE[1] * 0.38), int(SIZE[1] * 0.62)
    greens = [frame.get_at((x, y)) for x in range(x0, x1, 2) for y in range(y0, y1, 2)]
    tube = [c for c in greens if c.g > 150 and c.g > 1.5 * c.r]
    assert len(tube) > 40, "the sign's tubes are lit green"
    corner = frame.get_at((5, 5))
    assert corner.g < 10, "nothing lights far from the sign"


def test_failing_letters_go_dark_some_of_the_time() -> None:
    sign = layer("neon", text="MILE", color="#ff3399", size=0.3, y=0.5, failing=1.0, flicker=0)
    line = one_scene(BLACK_SKY + sign + NO_POST)
    moments = [f"21:00:{s:02d}" for s in range(0, 60, 3)]
    levels = {round(mean_brightness(picture)) for picture in in_a_row(line, moments, SIZE)}
    assert len(levels) > 2


EXAMPLES: dict[str, dict[str, object]] = {
    "skyline": {"lit": 1.0}, "neon": {"pattern": "chase"}, "diner": {"chase": 4},
    "street": {"traffic": 1.0}, "block": {"cars": 2},
    "tarpit": {"reflect": 0, "near": 1}, "silhouette": {"color": "#ffffff"}, "searchlight": {},
    "caption": {"text": "Hello there", "delay": 0, "speed": 200},
    "particles": {"kind": "embers", "amount": 1.0}, "flash": {"seconds": 10},
    "sky": {}, "booth": {}, "backdrop": {"blur": 0.02},
    "figures": {"color": "#ffffff", "speed": 0, "horizon": 0.5, "crowd": "fleeing", "led": True},
    "maycompany": {}, "museum": {}, "helicopter": {}, "banksign": {},
    "ruins": {"color": "#404040", "fires": 2, "collapse": "06:10", "collapse_x": 0.4},
    "smoke": {"color": "#a0a0a0", "amount": 1}, "bones": {"y": 0.5, "amount": 1},
    "haze": {"amount": 0.5}, "room": {}, "interior": {}, "lot": {"fires": 2},
    "panic": {"cars": 6}, "sunbreak": {"until": "22:00:02"},
}
# and a second look of a layer, drawn as the examples are
VARIANTS: list[tuple[str, dict[str, object]]] = [
    ("street", {"burnt": True, "traffic": 0, "wet": False, "lit": False}),
    ("street", {"crossing": True, "traffic": 0.8, "wet": False}),
    ("figures", {"path": [[0.2, 0.8], [1.1, 0.8]], "crossing": True}),
    ("museum", {"part": "shore", "ground": 0.7}),
    ("booth", {"traffic": 12}),
    ("ruins", {"color": "#404040", "fires": 0, "ground": 0.64, "boulevard": True,
               "fallen": True}),
    ("figures", {"body": "coyote", "pose": "idle", "color": "#ffffff", "rim": "#d4e2c4",
                 "rim_from": "above", "look_at": [0.6, 0.5]}),
    ("interior", {"emptied": "22:00"}),  # the door swinging, the stools left in the aisle
    ("silhouette", {"shape": "calf", "color": "#ffffff", "y": 0.95, "bank": True, "stir": True}),
    ("interior", {"part": "counter", "emptied": "22:00"}),  # steam, the spilt coffee
    ("figures", {"pose": "run-stumble", "path": [[0.2, 0.8], [1.1, 0.8]], "speed": 0.05}),
    ("interior", {"part": "wall"}),  # the door's far jamb and the wall beyond it
]


@pytest.mark.parametrize(("kind", "keys"), sorted(EXAMPLES.items()) + VARIANTS)
def test_every_layer_draws_something(kind: str, keys: dict[str, object]) -> None:
    warnings: list[str] = []
    line = one_scene(BLACK_SKY + layer(kind, **keys) + NO_POST, at="22:00")
    frame = draw(line, "22:00:03", warnings)
    assert warnings == []
    assert lit_pixels(frame) > 40, f"the {kind} layer drew nothing"


@pytest.mark.parametrize(("kind", "keys"), sorted(EXAMPLES.items()) + VARIANTS)
def test_every_layer_leaves_a_picture_opaque(kind: str, keys: dict[str, object]) -> None:
    """A fade lays the new scene over the old one by its alpha (fade_mix.premultiply):
    drawn on a picture with alpha, every layer leaves it opaque, or the old scene would show
    through where it drew."""
    line = one_scene(BLACK_SKY + layer(kind, **keys) + NO_POST, at="22:00")
    headless()
    surface = pygame.Surface(SIZE, pygame.SRCALPHA)
    Compositor(line, SIZE, print).draw(surface, state_at(line, parse_clock("22:00:03")))
    assert pygame.surfarray.array_alpha(surface).min() == 255


def test_every_layer_type_has_an_example() -> None:
    assert set(EXAMPLES) | {"countdown", "image", "post", "camera"} == set(LAYERS)


def test_unlit_neon_is_dark_glass_not_grey() -> None:
    sign = layer("neon", text="MILE", color="#ff3399", x=0.5, y=0.5, size=0.3, flicker=0,
                 blink=2.0)
    frame = draw(one_scene(BLACK_SKY + sign + NO_POST), "21:00:01.5")
    box = pygame.Rect(int(SIZE[0] * 0.3), int(SIZE[1] * 0.38), int(SIZE[0] * 0.4),
                      int(SIZE[1] * 0.24))
    pixels = pygame.surfarray.array3d(frame.subsurface(box))
    assert pixels.max() < 110, "no tube is lit and none is pale"
    assert (pixels.max(axis=2) > 12).sum() > 50, "the glass still shows against the night"


def test_a_palm_crown_sways_while_its_trunk_stands() -> None:
    palm = layer("silhouette", shape="palm", x=0.5, y=0.95, scale=0.9, color="#ffffff")
    line = one_scene(BLACK_SKY + palm + NO_POST)
    frames = [pygame.surfarray.array3d(draw(line, f"12:00:{s:02d}")) for s in (1, 4, 7, 10)]
    crown = slice(0, int(SIZE[1] * 0.3))
    trunk = slice(int(SIZE[1] * 0.7), SIZE[1])
    assert any((f[:, crown] != frames[0][:, crown]).any() for f in frames[1:])
    assert all((f[:, trunk] == frames[0][:, trunk]).all() for f in frames[1:])


def test_oncoming_cars_light_the_road_ahead_of_them() -> None:
    def road(traffic: float) -> float:
        street = layer("street", traffic=traffic, wet=False, lit=False)
        frame = draw(one_scene(BLACK_SKY + street + NO_POST, at="22:00"), "22:00:03")
        return mean_brightness(frame, pygame.Rect(int(SIZE[0] * 0.35), int(SIZE[1] * 0.58),
                                                  int(SIZE[0] * 0.15), int(SIZE[1] * 0.12)))

    assert road(1.0) > road(0.0) + 4.0


def test_the_may_company_cylinder_is_gold_framed_in_black_granite() -> None:
    building = layer("maycompany", x=0.5, ground=0.9, scale=1.5)
    frame = draw(one_scene(BLACK_SKY + building + NO_POST), "13:00")
    y = int(SIZE[1] * 0.6)
    gold = frame.get_at((int(SIZE[0] * 0.5 - 0.06 * 1.5 * SIZE[1]), y))
    granite = frame.get_at((int(SIZE[0] * 0.5 + 0.1 * 1.5 * SIZE[1]), y))
    assert gold.r > 120 and gold.r > gold.b * 2, "gold tile"
    assert max(granite.r, granite.g, granite.b) < 40, "the black granite beside it"


def test_a_searchlight_beam_fades_along_its_length_without_bands() -> None:
    beams = layer("searchlight", beams=1, spread=5, speed=0, ground=1.0, color="#ffffff")
    size = (640, 360)
    frame = pygame.surfarray.array3d(draw(one_scene(CLEAR_NIGHT + beams + NO_POST), "22:00:01",
                                          size=size))
    column = frame.max(axis=0)[:, 0].astype(int)  # the brightest pixel of each row
    low, high = column[int(size[1] * 0.9)], column[int(size[1] * 0.45)]
    assert low > high + 20, "brighter near the lamp than high up"
    steps = np.abs(np.diff(column[int(size[1] * 0.35):int(size[1] * 0.95)]))
    assert steps.max() < 12, "no hard steps along the beam"


def test_the_helicopter_spot_lands_on_the_ground() -> None:
    """Over dark ground its light gathers where its spot lands (its pool lights the ground
    there): the band at `ground` gains more than a band of sky its cone crosses."""
    night = layer("sky", top="#000000", bottom="#303034", stars=0, sun=False, clouds=0)
    chopper = layer("helicopter", y=0.15, ground=0.85)
    without, with_it = (draw(one_scene(night + more + NO_POST), "22:00:03")
                        for more in ("", chopper))

    def gain(top: float) -> float:
        band = pygame.Rect(0, int(SIZE[1] * top), SIZE[0], int(SIZE[1] * 0.1))
        return mean_brightness(with_it, band) - mean_brightness(without, band)

    assert gain(0.8) > gain(0.3) + 1.0


def test_restless_windows_go_on_and_off_by_themselves() -> None:
    def changed(restless: float) -> int:
        towers = layer("skyline", lit=0.3, restless=restless, ground=0.95, height=0.8)
        line = one_scene(CLEAR_NIGHT + towers + NO_POST, at="03:00")
        frames = [pygame.surfarray.array3d(draw(line, f"03:00:{s:02d}")) for s in (1, 6, 11)]
        return sum(int((f != frames[0]).any(axis=2).sum()) for f in frames[1:])

    assert changed(0.5) > changed(0.0) + 100, "windows light up and go dark within seconds"


def test_a_sign_on_a_wall_lights_the_wall_while_it_is_lit() -> None:
    from installation.core.timeline import state_at
    from installation.core.timeutil import parse_clock
    from installation.visuals.compositor import Compositor
    from installation.visuals.neon import Neon

    sign = layer("neon", text="BAR", color="#00ffff", x=0.5, y=0.4, size=0.1, flicker=0,
                 mount="wall", blink=2.0)
    line = one_scene(CLEAR_NIGHT + sign + NO_POST)
    compositor = Compositor(line, SIZE, print)
    on = pygame.Surface(SIZE)
    compositor.draw(on, state_at(line, parse_clock("21:00:00.5")))
    neon = next(built for *_, built in compositor._scenes[0].entries if isinstance(built, Neon))
    assert neon.mount is not None
    board = pygame.Rect(neon.mount[1], neon.mount[0].get_size())
    below = pygame.Rect(board.left, board.bottom + 1, board.width, board.height // 3)  # the wall
    off = draw(line, "21:00:01.5")
    assert mean_brightness(on, below) > mean_brightness(off, below) + 5
    assert on.get_at(below.center).b > on.get_at(below.center).r, "in the sign's colour"


def test_johnnies_windows_throw_light_on_the_lot() -> None:
    def lot(lit: bool) -> float:
        diner = layer("diner", x=0.5, ground=0.6, lit=lit)
        frame = draw(one_scene(CLEAR_NIGHT + diner + NO_POST, at="03:50"), "03:50:02")
        return mean_brightness(frame, pygame.Rect(int(SIZE[0] * 0.45), int(SIZE[1] * 0.62),
                                                  int(SIZE[0] * 0.1), int(SIZE[1] * 0.08)))

    assert lot(True) > lot(False) + 10


def test_the_helicopter_is_big_enough_to_read_and_its_rotor_turns() -> None:
    sky = layer("sky", top="#8090a0", bottom="#8090a0", stars=0, sun=False, clouds=0)
    chopper = layer("helicopter", y=0.3, ground=0.9, scale=0.3, color="#000000")
    line = one_scene(sky + chopper + NO_POST, at="22:00")
    frames = [pygame.surfarray.array3d(draw(line, f"22:00:0{s}")).max(axis=2) for s in (1, 2)]
    dark = frames[0] < 60
    columns = np.nonzero(dark.any(axis=1))[0]
    assert columns.max() - columns.min() > 0.25 * SIZE[0], "nose to tail, a third of the width"
    assert (frames[0] != frames[1]).sum() > 20, "the rotor and the helicopter move"


def test_an_unlit_tube_on_a_lit_wall_is_dark_glass_and_a_dim_one_keeps_its_colour() -> None:
    from installation.core.timeline import state_at
    from installation.visuals.base import Frame
    from installation.visuals.compositor import Compositor
    from installation.visuals.neon import Neon
    from installation.visuals.scene_layers import defaults

    line = one_scene(BLACK_SKY + NO_POST)
    compositor = Compositor(line, SIZE, print)
    params = defaults("neon", text="OO", color=(60, 220, 255), font="tube", mount="wall",
                      size=0.3, y=0.5, failing=0.5, flicker=0)
    sign = Neon(params, compositor.setup(line.scenes[0], 0, "neon"))
    dead = next(i for i in range(2) if i in sign.failing)
    moments = {sign.level(dead, s / 10): s / 10 for s in range(600)}
    tube = sign.tubes[dead]
    shape = pygame.surfarray.array_alpha(tube.dead) > 200
    xs, ys = np.nonzero(shape)

    state = state_at(line, 21 * 3600.0)

    def tube_pixels(level: int | None) -> np.ndarray:
        surface = pygame.Surface(SIZE)
        sign.draw(surface, Frame(state.story_time, moments[level], state))
        pixels = pygame.surfarray.array3d(surface)
        return pixels[xs + tube.position[0], ys + tube.position[1]].astype(int)

    unlit = tube_pixels(None)
    assert unlit.max(axis=1).mean() < 70, "dark glass, not pale grey"
    dim = tube_pixels(3)
    assert (dim[:, 2] - dim[:, 0]).mean() > 40, "a dim tube glows blue-cyan, not white-grey"


def test_words_started_far_right_wrap_before_the_right_edge() -> None:
    """A caption placed at x 0.58 keeps every letter on the picture (its lines were as wide
    as one at the left edge, and ran off the side)."""
    black = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
    words = layer("caption", text="The mammoth went into the tar. Her calf is still calling "
                  "from the shore.", x=0.58, y=0.8, delay=0, speed=200, size=0.04,
                  color="#ffffff")
    width, height = 960, 540
    frame = pygame.surfarray.array3d(draw(one_scene(black + words + NO_POST), "12:00:09",
                                          size=(width, height))).max(axis=2)
    lit = np.nonzero((frame > 200).any(axis=1))[0]
    assert lit.min() >= int(0.58 * width) - 2
    assert lit.max() < int(0.97 * width)  # within a margin of the right edge


def test_a_fading_caption_drawn_frame_after_frame_is_what_a_fresh_show_draws() -> None:
    """The backing lightened for a fading level is kept for the next frames that ask for
    the same level: every frame of the fade still matches one drawn on its own."""
    from installation.core.timeline import state_at
    from installation.core.timeutil import parse_clock
    from installation.visuals.compositor import Compositor
    from installation.visuals.render import headless

    grey = layer("sky", top="#c8c8c8", bottom="#c8c8c8", stars=0, sun=False, clouds=0)
    words = layer("caption", text="The sun comes back.", x=0.07, y=0.8, delay=0, speed=200,
                  size=0.06)
    line = one_scene(grey + words + NO_POST)
    headless()
    compositor, surface = Compositor(line, SIZE, print), pygame.Surface(SIZE)
    levels = set()
    for n in range(2200, 2400, 2):  # its last three seconds of forty: it fades out
        when = f"12:00:{n / 60:06.3f}"  # (the same instant for both: the fade's end is
        compositor.draw(surface, state_at(line, parse_clock(when)))  # steep, a rounding
        fresh = draw(line, when)  # of the time showed as a level)
        assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB"), n
        levels.add(round(mean_brightness(surface, pygame.Rect(0, SIZE[1] // 2, SIZE[0] // 2,
                                                                SIZE[1] // 2))))
    assert len(levels) > 5, "the backing fades frame by frame"


@pytest.mark.parametrize("kind", ["ash", "rain", "embers", "dust"])
def test_particles_at_amount_zero_draw_nothing_and_fail_nothing(kind: str) -> None:
    """A curator who turns the particles down to 0 gets an empty sky, not a warning that
    the layer failed (ash at 0 raised IndexError and was switched off)."""
    warnings: list[str] = []
    with_none = draw(one_scene(BLACK_SKY + layer("particles", kind=kind, amount=0.0) + NO_POST,
                               at="22:00"), "22:00:03", warnings)
    bare = draw(one_scene(BLACK_SKY + NO_POST, at="22:00"), "22:00:03")
    assert warnings == []
    assert pygame.image.tobytes(with_none, "RGB") == pygame.image.tobytes(bare, "RGB")


def test_no_caption_of_the_shipped_day_ends_on_a_lone_word() -> None:
    """A caption of two lines or more ends with two words or more (no widow: "shore." alone
    on the last line at 12:05, "ocean." at 05:22)."""
    from pathlib import Path

    from installation.core.timeline.loader import load_timeline
    from installation.visuals.caption import Caption
    from installation.visuals.compositor import Compositor
    from installation.visuals.scene_layers import defaults

    shipped = load_timeline(Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml")
    compositor = Compositor(shipped, (1920, 1080))
    endings = {}
    for scene in shipped.scenes:
        captions = [(index, spec.params) for index, spec in enumerate(scene.layers)
                    if spec.type == "caption"]
        if scene.caption is not None:
            captions.append((-1, defaults("caption", text=scene.caption.text,
                                          place=scene.caption.place)))
        for index, params in captions:
            lines = Caption(params, compositor.setup(scene, index, "caption")).lines
            if len(lines) > 1:
                endings[params["text"]] = lines[-1]
    assert len(endings) > 5, "the shipped day has captions of several lines"
    assert {text: end for text, end in endings.items() if " " not in end} == {}
