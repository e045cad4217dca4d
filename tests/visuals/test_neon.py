"""A flickering sign is kept with the still layers: only the tubes that changed are painted
again, and a street over it stays still (its cars alone move)."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.neon import Neon
from installation.visuals.neon_turns import failing_tubes, latter_halves
from installation.visuals.render import headless
from installation.visuals.street import Street

from .helpers import NO_POST, SIZE, layer, one_scene, wilshire_signs

FPS = 60
SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
BOARD_MOST = 1.3  # a sign's board is at most this much wider than its letters
SIGN = layer("neon", text="OPEN", failing=0.5, flicker=1.0, y=0.2, size=0.1)


def test_a_street_over_a_flickering_sign_draws_only_its_cars_every_frame(
        monkeypatch: pytest.MonkeyPatch) -> None:
    headless()
    drawn: Counter[str] = Counter()
    for part in ("draw", "draw_still", "draw_moving"):
        original = getattr(Street, part)

        def counting(self: Street, surface: pygame.Surface, frame: Frame,
                     original: object = original, name: str = part) -> None:
            drawn[name] += 1
            original(self, surface, frame)  # type: ignore[operator]

        monkeypatch.setattr(Street, part, counting)
    line = one_scene(layer("sky", clouds=0, stars=0, sun=False) + SIGN
                     + layer("street", horizon=0.56) + NO_POST, at="20:00")
    compositor = Compositor(line, SIZE, print)
    surface, fresh = pygame.Surface(SIZE), pygame.Surface(SIZE)
    start = parse_clock("20:00:10")
    for n in range(FPS):
        compositor.draw(surface, state_at(line, start + n / FPS))
    assert drawn["draw"] == 0 and drawn["draw_moving"] == FPS
    assert drawn["draw_still"] < FPS // 2  # the sign's tubes changed on some frames only
    Compositor(line, SIZE, print).draw(fresh, state_at(line, start + (FPS - 1) / FPS))
    assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB")


def test_a_failing_letter_never_misspells_the_name() -> None:
    """A word's first letter and its marks always light: JOHNNIE'S may lose an N, never its J
    or its apostrophe (the sign read "OHNNIE'S" for a whole scene)."""
    words = "JOHNNIE'S COFFEE"
    tubes = [i for i, ch in enumerate(words) if not ch.isspace()]
    kept = {tubes.index(i) for i in tubes
            if not words[i].isalnum() or i == 0 or words[i - 1].isspace()}
    may_fail = [n for n in range(len(tubes)) if n not in kept]
    for seed in range(200):
        chosen = failing_tubes(random.Random(seed), 0.25, len(tubes), may_fail)
        assert len(chosen) == 4
        assert not chosen & kept


def test_a_sign_of_first_letters_alone_still_fails_as_asked() -> None:
    assert len(failing_tubes(random.Random(1), 0.5, 2, [])) == 1


@pytest.mark.parametrize("before", range(4))
def test_the_diners_sign_keeps_its_j_and_its_apostrophe(before: int) -> None:
    headless()
    sign = layer("neon", text="JOHNNIE'S", failing=0.45, size=0.1)
    others = layer("sky", clouds=0, stars=0) * (before + 1)  # each place: another seed
    line = one_scene(others + sign + NO_POST, at="22:00")
    compositor = Compositor(line, SIZE, print)
    compositor.draw(pygame.Surface(SIZE), state_at(line, parse_clock("22:00")))
    neon = next(built for *_, built in compositor._scenes[0].entries if isinstance(built, Neon))
    assert neon.failing == {5, 6, 8}  # of J O H N N I E ' S: 4 asked, only I, E, S may go
    assert not neon.failing & {0, 7}


@pytest.mark.parametrize("seed", range(40))
def test_a_failing_letter_never_leaves_the_start_of_a_word_to_read_alone(seed: int) -> None:
    """Only a word's latter half fails: "COCKTAILS" losing its T read "COCK AILS" for a whole
    scene; it may read "COCKTAI S", never a shorter word out of its first half."""
    words = "COCKTAILS BAR"
    latter = latter_halves(words)
    assert latter == {5, 6, 7, 8, 12}  # A I L S, and R
    tubes = [i for i, ch in enumerate(words) if not ch.isspace()]
    pool = [tubes.index(i) for i in sorted(latter)]
    chosen = failing_tubes(random.Random(seed), 0.3, len(tubes), pool)
    assert chosen <= set(pool) and len(chosen) == 4


def test_the_record_shop_s_sign_on_its_wall_has_a_board_just_round_its_tubes() -> None:
    """The board of a sign on a wall along Wilshire fits its letters and its arrow: not a
    blank board three times their size ("COCKTAILS" filled a third of it)."""
    sign = next(sign for sign in wilshire_signs((1920, 1080)) if sign.params["text"] == "RECORDS")
    assert sign.params["mount"] == "wall"
    assert sign.mount is not None
    image, at = sign.mount
    board = pygame.Rect(at, image.get_size())
    letters = [pygame.Rect(tube.position, tube.dead.get_size())
               for tube in sign.tubes[:len("RECORDS")]]
    words = letters[0].unionall(letters[1:])
    assert board.contains(sign.extent())  # every tube, the arrow too, is on the board
    assert board.width <= BOARD_MOST * words.width
    assert board.height <= BOARD_MOST * sign.extent().height
