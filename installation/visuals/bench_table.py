"""The bench's results: each scene's frame times, their percentiles, and the table of them
against the goal."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from installation.visuals.bench_moments import MOMENT_SECONDS
from installation.visuals.building_ahead import URGENT_SECONDS

LEAD_SECONDS = 10.0  # real seconds a scene is drawn on before its last URGENT_SECONDS
# (as the show plays them, building: the cut after them is reached as a visitor sees it)

BUDGET_MS = 1000.0 / 60.0
GOAL_SHARE = 0.5  # every scene's and transition's p95 within half the frame budget


@dataclass(frozen=True)
class SceneTiming:
    """Frame times of one scene: its first frame, its transition in, its steady middle, the
    frames that also built a piece of the next scene, and one full-frame blit timed alongside.
    (A `moment` row: the frames from a moment the scene's look changes most, its first frame
    the moment's.)

    `shown` is how many frames the scene plays for in the show, `faded` how many of them its
    transition in takes: with them the p95 counts each kind of frame as often as the show
    draws it (every build frame once, the steady ones for the rest of the scene)."""

    name: str
    steady: tuple[float, ...]
    transition: tuple[float, ...]
    first_ms: float  # the first frame of the scene (its layers should be built already)
    ahead: tuple[float, ...] = ()  # steady frames that also built a piece of the next scene
    blit_ms: float = float("nan")  # one opaque full-frame blit, timed just after the scene
    shown: int = 0  # frames the scene plays for in the show (0: count each timed frame once)
    faded: int = 0  # of them, frames of its transition in
    next_unbuilt: bool = False  # the next scene's build was not done when it began
    moment: bool = False  # a row of its own for a moment its scene's look changes most
    cut: bool = False  # the scene begins on a cut: its first frame is all of it at once

    @property
    def frames(self) -> tuple[float, ...]:
        """Every frame the goal counts: the first, the transition, the steady ones and the
        ones that built a piece ahead."""
        return (self.first_ms, *self.steady, *self.transition, *self.ahead)

    def kinds(self) -> tuple[str, ...]:
        """What each of `frames` is: the first, steady, a fade's or one that built ahead."""
        return ("first", *("steady",) * len(self.steady), *("fade",) * len(self.transition),
                *("ahead",) * len(self.ahead))

    @property
    def p95_kind(self) -> str:
        """Which kind of frame the p95 is (where to cut: the scene's steady drawing, or the
        building ahead)."""
        return self.kinds()[weighted_rank(self.frames, self.weights(), 0.95)]

    def weights(self) -> tuple[float, ...]:
        """How many of the show's frames each timed frame stands for, in `frames`' order."""
        if not self.shown:
            return (1.0,) * len(self.frames)
        fades = self.faded / len(self.transition) if self.transition else 0.0
        rest = max(0, self.shown - self.faded - len(self.ahead) - 1)
        steady = rest / len(self.steady) if self.steady else 0.0
        return (1.0, *(steady,) * len(self.steady), *(fades,) * len(self.transition),
                *(1.0,) * len(self.ahead))

    @property
    def median_ms(self) -> float:
        return weighted_percentile(self.frames, self.weights(), 0.5)

    @property
    def p95_ms(self) -> float:
        return weighted_percentile(self.frames, self.weights(), 0.95)

    @property
    def transition_p95_ms(self) -> float:
        """The p95 of its transition's frames alone (nan for a cut): the goal holds for it
        apart, since in the scene's p95 a fade of seconds weighs little against minutes."""
        return percentile(list(self.transition), 0.95) if self.transition else float("nan")

    def misses(self, goal_ms: float) -> bool:
        """Whether the scene's p95 or its transition's p95 is over the goal."""
        return self.p95_ms > goal_ms or self.transition_p95_ms > goal_ms  # nan is never over

    @property
    def budget_share(self) -> float:
        return self.p95_ms / BUDGET_MS

    @property
    def blits(self) -> float:
        """The p95 as a multiple of one full-frame blit measured in the same run."""
        return self.p95_ms / self.blit_ms

    @property
    def ahead_max_ms(self) -> float:
        return max(self.ahead, default=float("nan"))


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def weighted_percentile(values: tuple[float, ...], weights: tuple[float, ...],
                        share: float) -> float:
    """The value below which `share` of the total weight lies (each value counted `weight`
    times)."""
    if not values or sum(weights) <= 0:
        return float("nan")
    return values[weighted_rank(values, weights, share)]


def weighted_rank(values: tuple[float, ...], weights: tuple[float, ...], share: float) -> int:
    """Where in `values` the one lies below which `share` of the total weight lies (-1 if
    none: no values, or no weight)."""
    order = sorted(range(len(values)), key=lambda n: values[n])
    total = sum(weights)
    if not order or total <= 0:
        return -1
    seen = 0.0
    for n in order:
        seen += weights[n]
        if seen >= share * total:
            return n
    return order[-1]


def table(results: list[SceneTiming], title: str) -> str:
    """A plain-text table of the timings, with the goal and how far each scene is from it."""
    width = max(len(r.name) for r in results) + 2
    lines = [title, f"{'scene':<{width}}{'median':>8}{'p95':>8}{'p95 is':>8}{'p95/16.7':>10}"
                    f"{'blits':>7}"
                    f"{'steady p95':>12}{'transition p95':>16}{'first':>8}{'built':>7}"
                    f"{'ahead p95':>11}{'ahead max':>11}{'next':>9}   (ms)"]
    for r in results:
        lines.append(f"{r.name:<{width}}{r.median_ms:>8.2f}{r.p95_ms:>8.2f}{r.p95_kind:>8}"
                     f"{r.budget_share:>10.2f}{r.blits:>7.1f}{_p95(r.steady, 12)}"
                     f"{_p95(r.transition, 16)}{r.first_ms:>8.1f}{len(r.ahead):>7}"
                     f"{_p95(r.ahead, 11)}{r.ahead_max_ms:>11.1f}"
                     f"{_next(r):>9}")
    worst = max(results, key=lambda r: r.p95_ms)
    first = max((r for r in results if not r.moment), key=lambda r: r.first_ms)
    ahead = max(results, key=lambda r: r.ahead_max_ms if r.ahead else 0.0)
    blit = statistics.median(r.blit_ms for r in results)
    goal = GOAL_SHARE * BUDGET_MS
    missed = [r.name for r in results if r.misses(goal)]
    fades = [r for r in results if r.transition]
    worst_fade = max(fades, key=lambda r: r.transition_p95_ms) if fades else None
    lines.append(f"one opaque full-frame blit: {blit:.2f} ms (median, timed after each scene); "
                 f"blits: each scene's p95 as a multiple of the blit timed with it")
    lines.append(f"worst p95: {worst.p95_ms:.2f} ms ({worst.name}), "
                 f"{worst.budget_share:.0%} of the 16.7 ms frame, {worst.blits:.1f} blits")
    if worst_fade is not None:
        lines.append(f"worst transition p95: {worst_fade.transition_p95_ms:.2f} ms "
                     f"({worst_fade.name}), "
                     f"{worst_fade.transition_p95_ms / BUDGET_MS:.0%} of the 16.7 ms frame")
    lines.append(f"goal: every scene's p95 and every transition's p95 at most "
                 f"{GOAL_SHARE:g} x 16.7 = {goal:.2f} ms: "
                 + ("met" if not missed else f"missed by {len(missed)}: {', '.join(missed)}"))
    lines.append(f"slowest first frame of a scene: {first.first_ms:.1f} ms ({first.name}); "
                 f"slowest frame building ahead: {ahead.ahead_max_ms:.1f} ms ({ahead.name})")
    lines.append(first_after_cuts(results, goal))
    unbuilt = [r.name for r in results if r.next_unbuilt]
    lines.append("next scene unbuilt at its start, after: "
                 + (", ".join(unbuilt) if unbuilt else "none"))
    lines.extend(COLUMNS)
    return "\n".join(lines)


def first_after_cuts(results: list[SceneTiming], goal: float) -> str:
    """A line on the first frames after a cut (the cut shows all of the next scene at once:
    a slow first frame is a stall at the cut): the slowest, and those over the goal."""
    cuts = [r for r in results if r.cut and not r.moment]
    if not cuts:
        return "first frame after a cut: no cuts"
    slowest = max(cuts, key=lambda r: r.first_ms)
    over = [f"{r.name} {r.first_ms:.1f}" for r in cuts if r.first_ms > goal]
    return (f"first frame after a cut ({len(cuts)} cuts): slowest {slowest.first_ms:.1f} ms "
            f"({slowest.name}); goal: each at most {goal:.2f} ms, as cheap as a steady "
            "frame: " + ("met" if not over else f"missed by {len(over)}: {', '.join(over)}"))


COLUMNS = (
    "p95, median: over the scene as the show plays it: each steady frame stands for its share "
    "of the scene's",
    "  frames, each transition frame for its share of the fade, each frame that built a piece "
    "ahead counts once",
    "p95 is: the kind of frame the p95 is: steady, fade, ahead (built a piece of the next "
    "scene) or first",
    "steady p95, transition p95: over the timed frames from the middle (each its own drawing, "
    "without a piece it built) and of the fade in",
    "first: the frame a scene begins on (both scenes drawn if it fades in); after a cut it "
    "should cost no more",
    "  than a steady frame (its first frame was drawn ahead, offscreen, with the building)",
    "a scene (key): the frames of the scene's first "
    f"{MOMENT_SECONDS:g} s from the story time that layer key gives (a tower collapsing),",
    "  which its middle misses: p95 over all of them (those that built a piece of the next scene "
    "too: built), steady p95 over those that built nothing, first: the moment's first frame",
    "built: frames of the scene that built a piece of the next (middle and last "
    f"{LEAD_SECONDS + URGENT_SECONDS:g} s, all timed);",
    "  ahead p95, ahead max: their p95 and slowest; next: whether the next scene was built "
    "when it began")


def _next(timing: SceneTiming) -> str:
    """Whether the next scene was built when it began ("-" on a moment's row)."""
    return "-" if timing.moment else "unbuilt" if timing.next_unbuilt else "built"


def _p95(values: tuple[float, ...], width: int) -> str:
    return f"{percentile(list(values), 0.95):>{width}.2f}" if values else f"{'-':>{width}}"
