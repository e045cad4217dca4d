"""The sky: a gradient that follows the story hour, stars, and the sun or the moon."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pygame

from installation.visuals import sky_dawn
from installation.visuals.background import MAX_AREAS, merged
from installation.visuals.base import Color, Frame, Pieces, Setup, at_once, mix, scaled
from installation.visuals.clouds import NIGHT_STEP, STEP, STRIPS, CloudDay, CloudLook, Clouds
from installation.visuals.glow import radial
from installation.visuals.lit import lit_box
from installation.visuals.palette import Light, light_at, moon_position, sun_position
from installation.visuals.sky_gradient import Gradients
from installation.visuals.sky_moon import MOON_FADES, FadedMoon, Glow, strength
from installation.visuals.sky_stars import StarPlan, Stars

SUN_DISK = 0.028  # radius as a share of the picture height
MOON_DISK = 0.02
SUN_LOW = (255, 150, 70)
SUN_HIGH = (255, 246, 226)
SUN_NOON = (255, 255, 252)  # the high sun: white, its edge lost in its glare
SUN_GLARE = (0.07, (110, 110, 100), 1.5)  # the glare round it (radius of the picture's height,
# colour at its strongest, falloff): it comes in as the sun climbs from HIGH_SUN to overhead
HIGH_SUN = 0.5  # elevation
GLARE_STEPS = 8  # the glare's strength goes up and down in this many steps (each made once)
SUN_SWING = 0.05  # the sun's side turns over while it is this share of the width either side
# of the middle (see `sun_side`)
MOON = (226, 226, 212)
MOON_GLOW: Glow = (0.12, (36, 40, 52), 2.0)  # the glow round the moon (see SUN_GLARE)
MOON_BITE = (0.55, -0.15)  # where the disk that hides the moon's dark part lies, in radii
MOON_SUPERSAMPLE = 4  # the crescent is drawn this much larger and shrunk
CUSTOM_SKY_DAYLIGHT = 0.25  # how white clouds are under a sky with the scene's own colours
NIGHT_DAYLIGHT = 0.02  # under less daylight than this the clouds drift in NIGHT_STEP steps
WARM_STRIPS = 4  # painted ahead, the gradient and each cloud colour this many strips a step
SHADES = STRIPS  # the gradient moves on a strip of rows at a time, a cloud strip with each
SunPlan = tuple[int, int, Color]
MoonPlan = tuple[int, int]
Shades = tuple[Color, ...]  # one colour for each strip of rows
SkyPlan = tuple[Shades, Shades, StarPlan | None, SunPlan | None, MoonPlan | None,
                CloudLook | None]
Shading = tuple[Shades, Shades, Light, Shades, tuple[int, ...]]  # gradient tops, bottoms,
# light, cloud colours, cloud steps
Change = tuple[SkyPlan, SkyPlan, list[pygame.Rect] | None]  # two plans, where they differ


def sun_side(hour: float) -> float:
    """Which side of the picture the sky's sun stands on at `hour`: -1 left (the morning's
    west-lit faces), 1 right, between while it crosses the middle (SUN_SWING of the width
    either side); -1 while it is down (the night's lights, as they always were, from the left)."""
    position = sun_position(hour)
    if position is None:
        return -1.0
    return max(-1.0, min(1.0, (position[0] - 0.5) / SUN_SWING))


def _high(elevation: float) -> float:
    """How high the sun stands (0 up to HIGH_SUN, 1 overhead): how white it is, how much glare."""
    return max(0.0, min(1.0, (elevation - HIGH_SUN) / (1 - HIGH_SUN)))


class Sky:
    """Gradient, stars and sun or moon; colours from the hour unless the scene sets them.

    Continuous: one sky for the whole day (seeded from the timeline alone, so every scene
    has the same stars and clouds); a transition draws the incoming scene's sky once, under
    both scenes."""

    continuous = True

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: stars, sun, moon, then the clouds a piece at a time."""
        self.params = params
        self.size = setup.size
        self.horizon = params["horizon"]
        width, height = setup.size
        self.stars = Stars(setup.rng("stars"), setup.size, self.horizon, setup.seed)
        yield  # large new surfaces take time to touch: one a step
        self.shade_rects = [pygame.Rect(0, height * n // SHADES, width,
                                        height * (n + 1) // SHADES - height * n // SHADES)
                            for n in range(SHADES)]
        self.memo = pygame.Surface(setup.size)  # the last sky painted, and what decided it
        yield
        self._gradients = Gradients(pygame.Surface(setup.size), self.horizon)
        self._painted: SkyPlan | None = None
        self._seen: tuple[Frame, SkyPlan] | None = None
        self._shading: tuple[int, Shading] | None = None  # see `_shades`
        self._change: Change | None = None  # the last `_changed` asked (see `_changed`)
        self.sun_radius = max(2, int(height * SUN_DISK))
        yield
        self.sun_glow = radial(int(height * 0.32), (120, 80, 40), 2.4)
        yield
        reach, color, falloff = MOON_GLOW
        self.moon_glow = radial(int(height * reach), color, falloff)
        self._lit = {id(glow): lit_box(glow) for glow in (self.sun_glow, self.moon_glow)}
        self._moon_sprite: pygame.Surface | None = None
        self._faded: FadedMoon | None = None  # (see sky_moon: a scene's roofs before it)
        self._glares: dict[int, pygame.Surface] = {}
        self._dawn: pygame.Surface | None = None  # (see `_sun_glow`)
        self.clouds: Clouds | None = None
        # The clouds drift with the share of the day's real time gone (the same at 24:00 as
        # at 12:00, and across every cut): one sky for the whole day.
        self._day = CloudDay(setup.timeline, setup.pace)
        cover = params["clouds"]
        if cover > 0:
            yield
            clouds = object.__new__(Clouds)
            yield from clouds.pieces(  # (every scene's sky has the day's clouds: shared)
                setup.size, self.horizon, cover, np.random.default_rng(setup.seed),
                (setup.made, ("cloud shape", setup.size, self.horizon, cover, setup.seed)))
            self.clouds = clouds

    def look(self, frame: Frame) -> SkyPlan:
        """The sky is still between frames with equal plans (see `plan`)."""
        if self._seen is None or self._seen[0] is not frame:  # asked, then drawn: plan once
            self._seen = (frame, self.plan(frame))
        return self._seen[1]

    def changed(self, old: SkyPlan, new: SkyPlan) -> list[pygame.Rect] | None:
        return self._changed(old, new)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        self.update(self.look(frame))
        surface.blit(self.memo, (0, 0))  # the gradient covers everything: this is all sky

    def update(self, plan: SkyPlan) -> None:
        """Bring the kept sky up to `plan`, painting again only where something moved."""
        if plan != self._painted:
            areas = None if self._painted is None else self._changed(self._painted, plan)
            if areas is None:
                self.paint(self.memo, plan)
            else:  # paint again only where something moved: the same pixels, less work
                for area in areas:
                    self.memo.set_clip(area)
                    self.paint(self.memo, plan)
                self.memo.set_clip(None)
            self._painted = plan

    def _changed(self, old: SkyPlan, new: SkyPlan) -> list[pygame.Rect] | None:
        """Where the sky of `new` differs from that of `old`, or None for everywhere (asked
        twice a frame for the same plans: by the background, then by `update`)."""
        kept = self._change
        if kept is None or kept[0] is not old or kept[1] is not new:
            kept = self._change = (old, new, self._differ(old, new))
        return None if kept[2] is None else [pygame.Rect(area) for area in kept[2]]

    def _differ(self, old: SkyPlan, new: SkyPlan) -> list[pygame.Rect] | None:
        """`_changed`, worked out."""
        (old_top, old_bottom, old_stars, old_sun, old_moon, old_clouds) = old
        (top, bottom, stars, sun, moon, clouds) = new
        if (old_stars is None) != (stars is None):
            return None
        was, now = zip(old_top, old_bottom, strict=True), zip(top, bottom, strict=True)
        areas = [rect for rect, old_shade, shade in zip(self.shade_rects, was, now, strict=True)
                 if old_shade != shade]  # the strips of rows whose gradient moved on
        if old_moon != moon:  # it moved a pixel, rose or set: where it was and where it is
            areas += [self._glow_area(self.moon_glow, *at) for at in (old_moon, moon) if at]
        if old_clouds != clouds:
            if self.clouds is None or not (old_clouds and clouds):
                return None
            areas += self.clouds.changed(old_clouds, clouds)  # the strips that drifted
        if old_sun != sun:
            areas += [self._glow_area(self._sun_glow(at[1]), at[0], at[1])
                      for at in (old_sun, sun) if at]
        if old_stars and stars:
            areas += self.stars.changed(old_stars, stars)
        return merged(areas, MAX_AREAS)

    def _glow_area(self, glow: pygame.Surface, cx: int, cy: int) -> pygame.Rect:
        """Where a sun or moon drawn at (cx, cy) with this glow can change pixels: the part
        of the glow that adds light (its black rim adds none; the disk lies well inside)."""
        width, height = glow.get_size()
        return self._lit[id(glow)].move(cx - width // 2, cy - height // 2)

    def _moon_disk(self) -> int:
        return max(2, int(self.size[1] * MOON_DISK))

    def _crescent(self) -> pygame.Surface:
        """A waning moon: the lit disk with its shadowed part cut away (the sky and the glow
        show through it), drawn large and shrunk for smooth edges; made when first needed."""
        if self._moon_sprite is None:
            radius = self._moon_disk()
            big = (radius + 1) * MOON_SUPERSAMPLE
            image = pygame.Surface((2 * big, 2 * big), pygame.SRCALPHA)
            image.fill((*MOON, 0))  # clear, in the moon's colour: no dark fringe when shrunk
            pygame.draw.circle(image, (*MOON, 255), (big, big), radius * MOON_SUPERSAMPLE)
            dx, dy = MOON_BITE
            pygame.draw.circle(image, (*MOON, 0), (big + round(dx * radius * MOON_SUPERSAMPLE),
                                                   big + round(dy * radius * MOON_SUPERSAMPLE)),
                               radius * MOON_SUPERSAMPLE)
            self._moon_sprite = pygame.transform.smoothscale(
                image, (2 * (radius + 1), 2 * (radius + 1)))
        return self._moon_sprite

    def warm(self, frame: Frame) -> Pieces:
        """Paint the sky of `frame` ahead of time, in steps (the gradient and each colour of
        the clouds a strip a step, then the rest: the gradient whole and a colour's strips
        together were pieces of 5-19 ms, a frame that built one late)."""
        plan = self.plan(frame)
        top, bottom, _shown, _sun, _moon, clouds = plan
        for n, (rect, high, low) in enumerate(zip(self.shade_rects, top, bottom, strict=True)):
            if n % WARM_STRIPS == 0:
                yield
            self._gradients.rows(rect, high, low)
        if clouds is not None and self.clouds is not None:
            for color in dict.fromkeys(clouds[0]):
                for n, strip in enumerate(self.clouds.strips()):
                    if n % WARM_STRIPS == 0:
                        yield
                    self.clouds.tint(color, strip)
        yield
        self.paint(self.memo, plan)
        self._painted = plan

    def plan(self, frame: Frame) -> SkyPlan:
        """Everything that decides the sky's pixels at this frame (equal plans, equal pixels)."""
        top, bottom, light, colors, drifts = self._shades(int(frame.hour * 60 * SHADES))
        stars = self.params["stars"]
        density = light.stars if stars is None else stars
        shown = self.stars.shown(density, frame.seconds) if density > 0.01 else None
        sun = moon = None
        if self.params["sun"]:
            sun, moon = self._lights(frame.hour, light.daylight)
        clouds = None
        if self.clouds is not None:
            clouds = self.clouds.look(self._day.at(frame.story_time), colors, drifts)
        return top, bottom, shown, sun, moon, clouds

    def _shades(self, steps: int) -> Shading:
        """Each strip's top and bottom colour, the light of the top strip's minute, each
        strip's cloud colour and its clouds' step, `steps` SHADES-ths of a story minute into
        the day (kept for the last steps asked: they change a strip at a time, many frames
        apart; so the clouds take their night step a strip at a time)."""
        if self._shading is None or self._shading[0] != steps:
            self._shading = (steps, self._shading_of(steps))
        return self._shading[1]

    def _shading_of(self, steps: int) -> Shading:
        """`_shades`, worked out."""
        # Quantise the hour so the cached gradient changes every story minute, not every frame,
        # and a strip of rows at a time (one SHADES-th of a minute after the one above it):
        # a step repaints one strip, not the whole picture.
        minutes = [(steps + n) // SHADES for n in range(SHADES)]
        lights = {minute: light_at(minute / 60) for minute in set(minutes)}
        top = tuple(self.params["top"] or lights[minute].top for minute in minutes)
        bottom = tuple(self.params["bottom"] or lights[minute].bottom for minute in minutes)
        # Under a sky the scene has coloured itself (ash, fire) clouds take its colours.
        custom = self.params["top"] is not None or self.params["bottom"] is not None
        colors = tuple(
            Clouds.color(high, low, CUSTOM_SKY_DAYLIGHT if custom else lights[minute].daylight)
            for high, low, minute in zip(top, bottom, minutes, strict=True))
        drifts = tuple(NIGHT_STEP if not custom and lights[minute].daylight < NIGHT_DAYLIGHT
                       else STEP for minute in minutes)
        return top, bottom, lights[minutes[0]], colors, drifts

    def paint(self, surface: pygame.Surface, plan: SkyPlan) -> None:
        """Paint the sky of `plan` from scratch."""
        top, bottom, shown, sun, moon, clouds = plan
        clip = surface.get_clip()
        for rect, high, low in zip(self.shade_rects, top, bottom, strict=True):
            if clip.colliderect(rect):
                surface.blit(self._gradients.rows(rect, high, low), rect, rect)
        if shown is not None:
            self.stars.draw(surface, shown, moon, self._moon_disk())
        if sun is not None:
            self._draw_sun(surface, *sun)
        if moon is not None:
            self._draw_moon(surface, *moon)
        if clouds is not None and self.clouds is not None:
            self.clouds.paint(surface, *clouds)

    def _lights(self, hour: float, daylight: float) -> tuple[SunPlan | None, MoonPlan | None]:
        """Where the sun (and its colour) and the moon are, in whole pixels, if they are up."""
        width, height = self.size
        horizon_y = height * self.horizon
        sun: SunPlan | None = None
        position = sun_position(hour)
        dawn = sky_dawn.where(hour, self.size, self.horizon)
        if dawn is not None:  # the sun still under the horizon: its glow over the east
            sun = (*dawn, SUN_LOW)
        elif position is not None:
            x, elevation = position
            sun = (int(width * x), int(horizon_y - elevation * horizon_y * 0.8),
                   mix(mix(SUN_LOW, SUN_HIGH, min(1.0, elevation * 2.5)), SUN_NOON,
                       _high(elevation)))
        moon: MoonPlan | None = None
        position = moon_position(hour)
        if position is not None and daylight < 0.5:
            x, elevation = position
            moon = (int(width * x), int(horizon_y - elevation * horizon_y * 0.75))
        return sun, moon

    def _draw_sun(self, surface: pygame.Surface, cx: int, cy: int, color: Color) -> None:
        horizon_y = self.size[1] * self.horizon
        if cy > horizon_y:  # first light: only the glow of the sun under the horizon
            glow = self._sun_glow(cy)
            surface.blit(glow, (cx - glow.get_width() // 2, cy - glow.get_height() // 2),
                         special_flags=pygame.BLEND_RGB_ADD)
            return
        level = round(_high((horizon_y - cy) / (horizon_y * 0.8)) * GLARE_STEPS)
        for glow in (self.sun_glow, self._glare(level)) if level else (self.sun_glow,):
            surface.blit(glow, (cx - glow.get_width() // 2, cy - glow.get_height() // 2),
                         special_flags=pygame.BLEND_RGB_ADD)
        pygame.draw.circle(surface, color, (cx, cy), self.sun_radius)

    def _sun_glow(self, cy: int) -> pygame.Surface:
        """The glow round a sun at row `cy`: the sun's own, or under the horizon the wide glow
        of first light (made when first needed; it adds light all over its box)."""
        if cy <= self.size[1] * self.horizon:
            return self.sun_glow
        if self._dawn is None:
            self._dawn = sky_dawn.glow(self.size[1])
            self._lit[id(self._dawn)] = self._dawn.get_rect()
        return self._dawn

    def _glare(self, level: int) -> pygame.Surface:
        """The high sun's glare at `level` of GLARE_STEPS (made when first needed; it lies
        within the sun's glow, so painting the sky again where that moved repaints it)."""
        if level not in self._glares:
            radius, color, power = SUN_GLARE
            self._glares[level] = radial(int(self.size[1] * radius),
                                         scaled(color, level / GLARE_STEPS), power)
        return self._glares[level]

    def _draw_moon(self, surface: pygame.Surface, cx: int, cy: int) -> None:
        level = strength(self.params["rooftops"], self.size[1], self._moon_disk(), cy)
        if not level:
            return
        glow, crescent = self.moon_glow, self._crescent()
        if level < MOON_FADES:
            self._faded = self._faded or FadedMoon(self.size[1], MOON_GLOW, crescent)
            glow, crescent = self._faded.at(level)
        surface.blit(glow, (cx - glow.get_width() // 2, cy - glow.get_height() // 2),
                     special_flags=pygame.BLEND_RGB_ADD)
        surface.blit(crescent, (cx - crescent.get_width() // 2, cy - crescent.get_height() // 2))
