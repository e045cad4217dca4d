"""A bank's time-and-temperature sign on Wilshire: a lamp matrix on a pole that shows the
story's time and then the temperature, turn about, its colon pulsing once a real second."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pygame

from installation.visuals.base import Color, Frame, Pieces, Setup, Split, at_once, mix, scaled
from installation.visuals.fills import fill
from installation.visuals.fonts import lettered
from installation.visuals.glow import glowing

# Lamp patterns, 7 wide and 11 high ('#' lit): round-shouldered digits in single lines of
# lamps, as a time-and-temperature sign sets them (5 by 7 read as crude blocks); the colon two
# dots of four lamps, set apart by a dark lamp either side (one lamp wide, close to the 0, it
# read as part of it: "508"), and its dark place (" ") as wide; a narrow degree sign and minus.
GLYPHS = {
    "0": ("..###..", ".#...#.", "#.....#", "#.....#", "#.....#", "#.....#", "#.....#",
          "#.....#", "#.....#", ".#...#.", "..###.."),
    "1": ("...#...", "..##...", ".#.#...", "...#...", "...#...", "...#...", "...#...",
          "...#...", "...#...", "...#...", ".#####."),
    "2": ("..###..", ".#...#.", "#.....#", "......#", ".....#.", "....#..", "...#...",
          "..#....", ".#.....", "#......", "#######"),
    "3": ("..###..", ".#...#.", "#.....#", "......#", ".....#.", "..###..", ".....#.",
          "......#", "#.....#", ".#...#.", "..###.."),
    "4": (".....#.", "....##.", "...#.#.", "..#..#.", ".#...#.", "#....#.", "#######",
          ".....#.", ".....#.", ".....#.", ".....#."),
    "5": ("#######", "#......", "#......", "#.###..", "##...#.", "......#", "......#",
          "......#", "#.....#", ".#...#.", "..###.."),
    "6": ("...##..", "..#....", ".#.....", "#......", "#.###..", "##...#.", "#.....#",
          "#.....#", "#.....#", ".#...#.", "..###.."),
    "7": ("#######", "......#", ".....#.", ".....#.", "....#..", "....#..", "...#...",
          "...#...", "..#....", "..#....", "..#...."),
    "8": ("..###..", ".#...#.", "#.....#", "#.....#", ".#...#.", "..###..", ".#...#.",
          "#.....#", "#.....#", ".#...#.", "..###.."),
    "9": ("..###..", ".#...#.", "#.....#", "#.....#", "#.....#", ".#...##", "..###.#",
          "......#", ".....#.", "....#..", "..##..."),
    "F": ("#######", "#......", "#......", "#......", "#......", "######.", "#......",
          "#......", "#......", "#......", "#......"),
    "C": ("..####.", ".#....#", "#......", "#......", "#......", "#......", "#......",
          "#......", "#......", ".#....#", "..####."),
    "-": (".....", ".....", ".....", ".....", ".....", "#####", ".....", ".....", ".....",
          ".....", "....."),
    ":": ("....", "....", "....", ".##.", ".##.", "....", "....", ".##.", ".##.", "....",
          "...."),
    "°": (".##.", "#..#", "#..#", ".##.", "....", "....", "....", "....", "....", "....",
          "...."),
    " ": ("....",) * 11,
}
ROWS = 11
COLUMNS = 38  # lamps across the face: room for "12:59", a lamp spare each side
MARGIN = 1.2  # dark face round the lamps, in lamp pitches
LAMP = 0.36  # a lamp's radius, in pitches
GLASS = (30, 24, 20)  # an unlit lamp: dark glass
CABINET, FRAME, POLE = (14, 14, 16), (58, 58, 64), (18, 18, 22)
PANEL, PANEL_WORDS = (22, 44, 92), (214, 226, 240)
PANEL_TALL = 0.32  # the bank's name panel above the lamps, in face heights
GLYPHS_PER_PIECE = 4  # glowing glyphs made in one step of the set-up
HALO = 0.3  # how far a lit lamp glows, in pitches (more and the digits run together)
COLON_ON = 0.5  # the colon is lit full for this share of each real second (a clock's blink),
COLON_DIM = 0.55  # then glows this bright, as its lamps' filaments cool: never out (a frame
#                   of the dark half read "5 07", a visitor's glance or a photograph too)
COOLING = (255, 196, 130)  # ...and redder, cooling (dimmed alike, its white cores read grey)


class BankSign(Split):
    """The sign: its pole, cabinet, name panel and dark lamps are still; the lit lamps show the
    time (H:MM, the colon dimming once a real second) or the temperature, `seconds` each."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps (ahead of the scene): a few glowing glyphs a step, then the rest."""
        self.params = params
        width, height = setup.size
        self.pitch = max(2.0, params["scale"] * height / (ROWS + 2 * MARGIN))
        face_w = round(self.pitch * (COLUMNS + 2 * MARGIN))
        face_h = round(self.pitch * (ROWS + 2 * MARGIN))
        self.face = pygame.Rect(0, 0, face_w, face_h)
        self.face.center = (round(params["x"] * width), round(params["y"] * height))
        self.ground = round(params["ground"] * height)
        color: Color = params["color"]
        self.spread = max(1, round(self.pitch * HALO))
        self.glyphs: dict[str, pygame.Surface] = {}
        for n, (ch, rows) in enumerate(GLYPHS.items()):
            self.glyphs[ch] = glowing(self._lamps(rows), color, self.spread)
            if n % GLYPHS_PER_PIECE == GLYPHS_PER_PIECE - 1:
                yield
        self.dim_colon = self.glyphs[":"].copy()  # (the lit colon, all of its light dimmed)
        self.dim_colon.fill(scaled(COOLING, COLON_DIM), special_flags=pygame.BLEND_RGB_MULT)
        self.still = self._still(setup)
        yield
        self.still_at = (self.face.left, self.face.top - round(face_h * PANEL_TALL))
        pole_w = max(2, face_w // 16)
        self.pole = pygame.Rect(self.face.centerx - pole_w // 2, self.face.bottom, pole_w,
                                max(0, self.ground - self.face.bottom))

    def _lamps(self, rows: tuple[str, ...]) -> pygame.Surface:
        """A glyph's lit lamps, white on transparent, a pitch apart."""
        p = self.pitch
        shape = pygame.Surface((round(len(rows[0]) * p), round(ROWS * p)), pygame.SRCALPHA)
        for r, row in enumerate(rows):
            for c, lamp in enumerate(row):
                if lamp == "#":
                    pygame.draw.circle(shape, (255, 255, 255, 255),
                                       ((c + 0.5) * p, (r + 0.5) * p), p * LAMP)
        return shape

    def _still(self, setup: Setup) -> pygame.Surface:
        """The cabinet with its dark lamps, and the bank's name on a lit panel above (an
        opaque box: quick to copy every frame when the sign stands over moving layers)."""
        face, p = self.face, self.pitch
        panel_h = round(face.height * PANEL_TALL)
        out = pygame.Surface((face.width, panel_h + face.height))
        body = pygame.Rect(0, panel_h, face.width, face.height)
        pygame.draw.rect(out, (*CABINET, 255), body)
        pygame.draw.rect(out, (*FRAME, 255), body, max(1, round(p * 0.25)))
        for r in range(ROWS):
            for c in range(COLUMNS):
                centre = ((MARGIN + c + 0.5) * p, panel_h + (MARGIN + r + 0.5) * p)
                pygame.draw.circle(out, (*GLASS, 255), centre, p * LAMP)
                pygame.draw.circle(out, (*mix(GLASS, (255, 255, 255), 0.18), 255),
                                   (centre[0] - p * 0.12, centre[1] - p * 0.12), p * 0.09)
        panel = pygame.Rect(0, 0, face.width, panel_h)
        pygame.draw.rect(out, (*PANEL, 255), panel)
        pygame.draw.rect(out, (*FRAME, 255), panel, max(1, round(p * 0.25)))
        if self.params["name"]:
            font = setup.fonts.get("sign", max(6, round(panel_h * 0.62)), setup.where())
            lettered(out, font, self.params["name"], PANEL_WORDS, panel)
        return out

    def reading(self, frame: Frame) -> str:
        """What the lamps show: the time ('5:08') or the temperature ('64°F'), each for
        `seconds` real seconds."""
        turn = int(frame.seconds // self.params["seconds"]) % 2
        if turn == 1:
            return f"{round(self.params['temperature'])}°{self.params['unit']}"
        minutes = int(frame.story_time // 60) % (24 * 60)
        hour = (minutes // 60) % 12 or 12
        return f"{hour}:{minutes % 60:02d}"

    def colon_lit(self, frame: Frame) -> bool:
        """Is the colon lit full (the first half of each real second), or glowing dim?"""
        return frame.seconds % 1.0 < COLON_ON

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        fill(surface, POLE, self.pole)
        surface.blit(self.still, self.still_at)

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        text = self.reading(frame)
        widths = [len(GLYPHS[ch][0]) + 1 for ch in text]
        column = MARGIN + (COLUMNS - (sum(widths) - 1)) // 2
        pad = self.spread * 3
        blits = []
        for ch, cells in zip(text, widths, strict=True):
            x = self.face.left + round(column * self.pitch) - pad
            glyph = self.dim_colon if ch == ":" and not self.colon_lit(frame) else self.glyphs[ch]
            blits.append((glyph, (x, self.face.top + round(MARGIN * self.pitch) - pad)))
            column += cells
        surface.fblits(blits, pygame.BLEND_RGB_ADD)
