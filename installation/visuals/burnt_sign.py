"""Johnie's pylon sign after the flash: the same googie blade round the red script "Johnie's",
its enamel scorched and its rim sooted, bulbs gone from their sockets, the script's tubes dark
and broken, the blade folded down where the blast caught it; and the COFFEE SHOP board under
it, charred, its cyan tubes dead, some letters fallen."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Generator

import numpy as np
import pygame

from installation.visuals.base import Color, chunks, finished, mix, scaled
from installation.visuals.burnt_char import COARSE, char_opacity
from installation.visuals.diner_signs import (
    BLADE_FACE,
    BLADE_RIM,
    BLADE_TALL,
    BLADE_WIDE,
    BOARD,
    BOARD_RIM,
    BULB_DARK,
    COFFEE,
    COFFEE_FONT,
    COFFEE_SIZE,
    NAME_LIFT,
    NAME_SIZE,
    SPIKE,
    Enamel,
    blade,
    blade_box,
    board_box,
    coffee_board,
)
from installation.visuals.palette import NEON_CYAN

Fonts = Callable[[str, int], pygame.font.Font]  # a shipped font by name, at a size
Script = Callable[[pygame.Surface, pygame.font.Font, str, tuple[int, int], random.Random],
                  Generator[None, None, None]]  # (another way to draw the burnt script, in
# pieces: on the blade, in the font, the words, their middle)
SCORCH = 0.78  # the enamel burnt this far towards the ruins' colour: a ghost of its turquoise
RIM_SOOT = 0.9  # the pale metal rim, sooted this far: burnt metal, not a pale line round it
BULB_SOOT = 0.6  # the bulbs left, their glass sooted this far
SOCKET = 0.45  # an empty socket, of the ruins' colour
BULBS_GONE = 0.3  # this share of the bulbs has fallen out
DEAD_TUBE = (112, 68, 60)  # the red tubes' glass, dead and sooted
LETTERS_GONE: tuple[int, ...] = ()  # the letters fallen off the blade: none (the i that
# flickered all night gone, it read "Johne's")
BREAKS = 1  # breaks in each letter's tube
BREAK = 0.8  # a break's half width, in tube widths
CRACKED = 0.4  # a break's glass, this bright of the tube's: cracked and sooted
TRIES = 24  # tries to find the tube to break in a letter's picture
CHAR = 0.55  # the char's colour, of the ruins'
CHAR_MOST = 215  # ... this opaque where the fire burnt through (the rest: see burnt_char)
CHAR_KNOTS = 3  # ... its burns this many up the face (as many across as its shape has room:
# round blotches of char laid on it read as stains, not burns)
FOLD_AT = 0.66  # the blade is folded here, along its width
FOLD = 14.0  # degrees its end is bent down past the fold
CREASE = 0.35  # the crease's colour, of the ruins'
CREASE_ALPHA = 40  # ... faint: drawn solid, lying in the ash it read as a pole through it
FOLD_SHADE = 0.8  # the bent part turned from the light, this much darker: the fold shows
TUBE_NEAR = 40  # ... but not its tubes' dead glass (this near DEAD_TUBE): the script reads on
BLISTERS = 220  # blisters in the enamel, each a speck of char or of paint lifted pale
BLISTER = (0.006, 0.02)  # a blister's radius, of the blade's height
BLISTER_ALPHA = (50, 150)
BLISTER_PALE, BLISTER_LIFT = 0.2, 0.25  # ... the pale ones this share of them, the face this
# far to white (more, or paler, read as ash flakes or stars on it)
DEAD_CYAN = 0.85  # the board's cyan tubes' glass, dead: sooted this far to the ruins' colour
# (less, they read bright cyan, lit, after a firestorm)
BOARD_LIGHT = 2.2  # the board's charred face, of the ruins' colour: it catches a little light
BOARD_GONE = (3, 8)  # COFFEE SHOP's letters fallen off the board: an F, the H
BOARD_TILT = 12.0  # degrees the board's left end has sunk: it hangs by its right bolt


def burnt_sign(font: Fonts, words: str, font_name: str, width: int, ruin: Color,
               seed: int) -> pygame.Surface:
    """The sign's blade about `width` pixels across, `words` in `font_name` on it as on the
    lit sign, burnt (`ruin`: the ruins' colour, which the soot takes), on transparency."""
    return finished(burning_sign(font, words, font_name, width, ruin, seed))


def burning_sign(font: Fonts, words: str, font_name: str, width: int, ruin: Color,
                 seed: int, look: tuple[Enamel | None, Script | None] = (None, None)
                 ) -> Generator[None, None, pygame.Surface]:
    """`burnt_sign` in two pieces: the blade lettered and burnt, then folded (`look`: other
    colours for its metal, another way to draw its script, for either not None)."""
    enamel = look[0] or Enamel(mix(BLADE_FACE, ruin, SCORCH), mix(BLADE_RIM, ruin, RIM_SOOT),
                               mix(BULB_DARK, ruin, BULB_SOOT))
    image = yield from lettering_blade(font, words, font_name, width, (enamel, DEAD_TUBE),
                                       (ruin, random.Random(seed)), look[1])
    yield
    return (yield from _folded(image, round(image.get_width() * FOLD_AT), scaled(ruin, CREASE)))


def lettered_blade(font: Fonts, words: str, font_name: str, width: int,
                   colors: tuple[Enamel, Color],
                   damage: tuple[Color, random.Random] | None = None) -> pygame.Surface:
    """The blade about `width` pixels across in `colors` (its enamel, the letters' ink) with
    `words` in `font_name` where the lit sign has them, on transparency; with `damage` (the
    ruins' colour, and the random choices) burnt: bulbs gone, char, tubes broken."""
    return finished(lettering_blade(font, words, font_name, width, colors, damage))


def lettering_blade(font: Fonts, words: str, font_name: str, width: int,
                    colors: tuple[Enamel, Color], damage: tuple[Color, random.Random] | None = None,
                    script: Script | None = None) -> Generator[None, None, pygame.Surface]:
    """`lettered_blade` in pieces: the blade, its damage, its script (drawn by `script`
    with the damage's random choices, if both are given)."""
    enamel, ink = colors
    height = sign_height(font, words, font_name, width)
    yield  # (its fonts, each loaded a piece: with the blade, ~10 ms of a frame building the flash)
    letters = font(font_name, max(6, round(height * NAME_SIZE)))
    yield
    box = blade_box(letters, words, height)
    image = pygame.Surface(box.size, pygame.SRCALPHA)
    rng = damage[1] if damage else None
    gone = {n for n in range(4 * (box.width + box.height)) if rng and rng.random() < BULBS_GONE}
    corners, bulbs, radius = blade(image, box, enamel, gone.__contains__)
    if damage is not None:
        ruin, rng = damage
        for n, at in enumerate(bulbs):
            if n in gone:
                pygame.draw.circle(image, (*scaled(ruin, SOCKET), 255), at, max(1, radius // 2))
        yield
        _charred(image, corners, scaled(ruin, CHAR), rng)
    yield
    centre = (box.centerx, round(box.centery - height * NAME_LIFT))
    if script is not None and rng is not None:
        yield from script(image, letters, words, centre, rng)
        return image
    _script(image, letters, (words, ink), centre, rng, LETTERS_GONE)
    return image


def sign_height(font: Fonts, words: str, font_name: str, width: int) -> int:
    """The building height whose sign's blade is `width` across (see `blade_box`)."""
    probe = 100
    per_size = font(font_name, probe).size(words)[0] / probe  # the words' width per em pixel
    return max(4, round(width / (per_size * NAME_SIZE * BLADE_WIDE + 0.2)))


def lettered_board(font: Fonts, height: int, blade_width: int, colors: tuple[Enamel, Color],
                   damage: tuple[Color, random.Random] | None = None) -> pygame.Surface:
    """The COFFEE SHOP board under a blade `blade_width` across on a building `height` tall,
    in `colors` (its face and rim, the letters' ink), on transparency; with `damage` (the
    ruins' colour, the random choices) charred, letters fallen, tubes broken."""
    enamel, ink = colors
    box = board_box(pygame.Rect(0, 0, blade_width, 0), 0, height)
    box.topleft = (0, 0)
    image = pygame.Surface(box.size, pygame.SRCALPHA)
    coffee_board(image, box, (enamel.face, enamel.rim), height)
    rng = damage[1] if damage else None
    if damage is not None:
        _charred(image, (box.topleft, box.topright, box.bottomright, box.bottomleft),
                 scaled(damage[0], CHAR), damage[1])
    letters = font(COFFEE_FONT, max(6, round(height * COFFEE_SIZE)))
    _script(image, letters, (COFFEE, ink), box.center, rng, BOARD_GONE)
    return image


def burnt_board(font: Fonts, height: int, blade_width: int, ruin: Color,
                seed: int) -> pygame.Surface:
    """The COFFEE SHOP board after the flash (see `lettered_board`), hanging askew by its
    right end."""
    board = Enamel(scaled(ruin, BOARD_LIGHT), mix(scaled(BOARD, BOARD_RIM), ruin, RIM_SOOT),
                   ruin)
    image = lettered_board(font, height, blade_width,
                           (board, mix(NEON_CYAN, ruin, DEAD_CYAN)), (ruin, random.Random(seed)))
    return pygame.transform.rotate(image, BOARD_TILT)


def board_top(post_top: int, height: int) -> int:
    """The row the board's top is at under a blade hung from a post whose top is row
    `post_top`, on a building `height` tall (as the lit sign has it)."""
    tall = int(height * BLADE_TALL)
    return board_box(pygame.Rect(0, post_top + round(tall * SPIKE), 0, tall), 0, height).top


def _charred(image: pygame.Surface, corners: tuple[tuple[int, int], ...], char: Color,
             rng: random.Random) -> None:
    """Char burnt over the blade's face, rim and bulbs in ragged fronts eaten in from its edges
    and up from its foot (see burnt_char), the enamel blistered in specks (none past its
    edge)."""
    width, height = image.get_size()
    shape = pygame.Surface(image.get_size(), pygame.SRCALPHA)
    pygame.draw.polygon(shape, (255, 255, 255, 255), corners)
    small = pygame.Surface((max(2, width // COARSE), max(2, height // COARSE)), pygame.SRCALPHA)
    pygame.draw.polygon(small, (255, 255, 255, 255), [(x / COARSE, y / COARSE)
                                                      for x, y in corners])
    outline = pygame.surfarray.array_alpha(small)
    knots = (max(2, round(CHAR_KNOTS * width / max(1, height))), CHAR_KNOTS)
    opacity = char_opacity(outline, knots, np.random.default_rng(rng.getrandbits(32)))
    soot = pygame.Surface(opacity.shape, pygame.SRCALPHA)
    soot.fill((*char, 0))
    alpha = pygame.surfarray.pixels_alpha(soot)
    alpha[...] = (opacity * CHAR_MOST).astype(np.uint8)
    del alpha
    soot = pygame.transform.smoothscale(soot, image.get_size())  # (worked out small)
    face = image.get_at((width // 2, height // 2))
    pale = mix((face.r, face.g, face.b), (255, 255, 255), BLISTER_LIFT)
    for _ in range(BLISTERS):
        color = pale if rng.random() < BLISTER_PALE else char
        pygame.draw.circle(soot, (*color, rng.randint(*BLISTER_ALPHA)),
                           (rng.uniform(0, width), rng.uniform(0, height)),
                           max(1.0, rng.uniform(*BLISTER) * height))
    soot.blit(shape, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    image.blit(soot, (0, 0))


def _script(image: pygame.Surface, font: pygame.font.Font, lettering: tuple[str, Color],
            centre: tuple[int, int], rng: random.Random | None, gone: tuple[int, ...]) -> None:
    """The words' tubes in their ink, each letter where the lit sign has it; with `rng`, the
    letters `gone` fallen, the rest broken in places."""
    words, ink = lettering
    total, tall = font.size(words)
    left, top = centre[0] - total // 2, centre[1] - tall // 2
    tube = max(2, round(font.get_height() / 16))
    for n, letter in enumerate(words):
        if letter.isspace() or (rng is not None and n in gone):
            continue
        glyph = font.render(letter, True, ink)
        if rng is not None:
            _broken(glyph, tube, rng)
        image.blit(glyph, (left + font.size(words[:n])[0], top))


def _broken(glyph: pygame.Surface, tube: int, rng: random.Random) -> None:
    """Break a letter's tube in BREAKS places: the glass there cracked and sooted black, still
    in place (cut out, the gaps made other letters: the J an f, the e a comma)."""
    ink = pygame.mask.from_surface(glyph)
    width, height = glyph.get_size()
    soot = pygame.Surface((width, height), pygame.SRCALPHA)
    soot.fill((255, 255, 255, 255))
    breaks = 0
    for _ in range(TRIES):
        at = (rng.randrange(width), rng.randrange(height))
        if breaks < BREAKS and ink.get_at(at):
            pygame.draw.circle(soot, (*(round(255 * CRACKED),) * 3, 255), at,
                               max(1, round(tube * BREAK)))
            breaks += 1
    glyph.blit(soot, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)


def _folded(image: pygame.Surface, fold: int,
            crease: Color) -> Generator[None, None, pygame.Surface]:
    """The blade bent down past column `fold`, each column further on sunk more (FOLD
    degrees), the crease drawn dark (in pieces: a large blade's a few milliseconds each)."""
    width, height = image.get_size()
    slope = math.tan(math.radians(FOLD))
    out = pygame.Surface((width, height + math.ceil((width - fold) * slope)), pygame.SRCALPHA)
    out.blit(image, (0, 0), (0, 0, fold, height))
    bent = image.subsurface((fold, 0, width - fold, height)).copy()
    yield
    rgb = pygame.surfarray.pixels3d(bent)
    tubes = np.ones(rgb.shape[:2], bool)
    for channel, tube in enumerate(DEAD_TUBE):  # (every channel within TUBE_NEAR of it)
        near = rgb[..., channel]
        tubes &= (near >= max(0, tube - TUBE_NEAR)) & (near <= min(255, tube + TUBE_NEAR))
    del rgb, near
    yield
    for half in chunks(width - fold, (width - fold + 1) // 2):  # (its glass still reads red)
        rgb = pygame.surfarray.pixels3d(bent)[half]
        rest = ~tubes[half]
        rgb[rest] = (rgb[rest] * FOLD_SHADE).astype(np.uint8)
        del rgb
        yield
    rgb, alpha = pygame.surfarray.array3d(bent), pygame.surfarray.array_alpha(bent)
    into, into_alpha = pygame.surfarray.pixels3d(out), pygame.surfarray.pixels_alpha(out)
    for x in range(fold, width):  # (each column its own: copied, not blended)
        down = round((x - fold) * slope)
        into[x, down:down + height] = rgb[x - fold]
        into_alpha[x, down:down + height] = alpha[x - fold]
    del into, into_alpha
    ink = pygame.mask.from_surface(image.subsurface((fold, 0, 1, height)))
    rows = [y for y in range(height) if ink.get_at((0, y))]
    if rows:
        line = pygame.Surface((max(1, height // 60), rows[-1] - rows[0] + 1), pygame.SRCALPHA)
        line.fill((*crease, CREASE_ALPHA))
        out.blit(line, (fold, rows[0]))
    return out
