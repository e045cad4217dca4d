"""The whole day on one image: a thumbnail per scene and every hour, labelled with time and name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from installation.core.timeline import Timeline
from installation.core.timeline.model import Scene
from installation.core.timeline.state import Pace, RealTime, scene_index_at, story_after
from installation.core.timeutil import DAY_SECONDS, format_clock, forward
from installation.core.types import Warn
from installation.visuals.compositor import Compositor
from installation.visuals.fonts import Fonts
from installation.visuals.render import headless, render_frame

THUMB = (384, 216)
COLUMNS = 6
MARGIN = 24
LABEL = 44
TITLE = 90
PAPER = (14, 14, 18)
INK = (226, 220, 208)
DIM_INK = (140, 136, 130)
SCENE_MARK = (255, 60, 170)
SETTLE_SECONDS = 2.0  # a scene's thumbnail is taken this long after its transition ends


@dataclass(frozen=True)
class Moment:
    """One thumbnail: a story time, and whether it is where a scene begins."""

    story_time: float
    scene_start: bool


def moments(timeline: Timeline, pace: Pace, every_hours: float = 1.0) -> list[Moment]:
    """Every scene (just settled) and every `every_hours`, in the order the day plays."""
    found = [Moment(_settled(timeline, scene, pace), True) for scene in timeline.scenes]
    step = every_hours * 3600.0
    t = 0.0
    while t < DAY_SECONDS:
        story = (timeline.day_start + t) % DAY_SECONDS
        if all(abs(forward(m.story_time, story)) > 60 and abs(forward(story, m.story_time)) > 60
               for m in found):
            found.append(Moment(story, False))
        t += step
    return sorted(found, key=lambda m: timeline.offset(m.story_time))


def _settled(timeline: Timeline, scene: Scene, pace: Pace) -> float:
    """A story time just after the scene's transition has finished (or its middle, if short),
    through the pace (a scene paced slower in its first stretch, 14:30's or 10:30's, settles
    later in story time than its mean rate says)."""
    following = timeline.after(scene)
    story = forward(scene.at, following.at) or DAY_SECONDS
    real = pace.real_between(scene.at, following.at) or story
    wait = min(scene.transition.seconds + SETTLE_SECONDS, real / 2)  # real seconds
    return story_after(pace, scene.at, wait, story)


def contact_sheet(timeline: Timeline, pace: Pace | None = None, warn: Warn = print,
                  thumb: tuple[int, int] = THUMB, columns: int = COLUMNS,
                  shots: list[Moment] | None = None,
                  drawn: Callable[[], None] | None = None) -> pygame.Surface:
    """Render the sheet: a title, then rows of thumbnails with time and scene name
    (`drawn` is called after each thumbnail, for a progress bar)."""
    headless()
    pace = pace or RealTime()
    shots = moments(timeline, pace) if shots is None else shots
    rows = -(-len(shots) // columns)
    width = MARGIN + columns * (thumb[0] + MARGIN)
    height = TITLE + rows * (thumb[1] + LABEL + MARGIN) + MARGIN
    sheet = pygame.Surface((width, height))
    sheet.fill(PAPER)
    fonts = Fonts(warn)
    title = fonts.get("light", 34).render(timeline.title, True, INK)
    sheet.blit(title, (MARGIN, MARGIN))
    sub = fonts.get("mono", 15).render(
        f"{timeline.path.name} — one story day from {format_clock(timeline.day_start, False)}, "
        f"{len(timeline.scenes)} scenes, seed {timeline.seed}", True, DIM_INK)
    sheet.blit(sub, (MARGIN, MARGIN + title.get_height() + 4))
    compositor = Compositor(timeline, thumb, warn, pace)
    label_font, name_font = fonts.get("mono", 15), fonts.get("light", 15)
    for n, shot in enumerate(shots):
        x = MARGIN + (n % columns) * (thumb[0] + MARGIN)
        y = TITLE + (n // columns) * (thumb[1] + LABEL + MARGIN)
        sheet.blit(render_frame(compositor, timeline, shot.story_time, pace), (x, y))
        scene = timeline.scenes[scene_index_at(timeline, shot.story_time)]
        stamp = label_font.render(format_clock(shot.story_time, False), True, INK)
        sheet.blit(stamp, (x, y + thumb[1] + 6))
        name = _fit(name_font, scene.name, thumb[0] - stamp.get_width() - 14)
        color = INK if shot.scene_start else DIM_INK
        sheet.blit(name_font.render(name, True, color), (x + stamp.get_width() + 12,
                                                         y + thumb[1] + 6))
        if shot.scene_start:
            sheet.fill(SCENE_MARK, (x, y + thumb[1] + 2, thumb[0], 2))
        if drawn is not None:
            drawn()
    return sheet


def _fit(font: pygame.font.Font, words: str, width: int) -> str:
    if font.size(words)[0] <= width:
        return words
    while words and font.size(words + "…")[0] > width:
        words = words[:-1]
    return words + "…"
