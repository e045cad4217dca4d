"""Building the next scene ahead: short pieces after each steady frame, each frame its share of
the build (what it took spread over the time left), so no frame waits on a whole scene."""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from installation.core.timeline import SceneState, state_at
from installation.core.timeline.model import Scene
from installation.core.timeline.state import RealTime
from installation.visuals.base import Pieces
from installation.visuals.figures import Figures
from installation.visuals.late_warm import LateWarm
from installation.visuals.piece_times import (
    LEAN_SHARE_SECONDS,
    PieceTimes,
    Place,
    Shares,
    place_of,
)
from installation.visuals.set_aside import set_aside

if TYPE_CHECKING:
    from installation.visuals.compositor import Compositor
    from installation.visuals.scene_layers import SceneLayers

URGENT_SECONDS = 3.0  # closer than this to the next scene, build it even during a transition
NEXT_FIRST_SECONDS = 30.0  # real seconds: closer than URGENT_SECONDS and this to the next scene,
# its building comes before the warm-up the scene shown owes (a start 30 s before 12:00 drew the
# tar pits' owed sprites to its last 3 s: the tar pits were built in their own fade, 33 ms a
# frame; the flash's ~4 s of building fits in ~25 s of lean shares)
GOAL_SECONDS = 1.0 / 120.0  # a frame and the pieces it builds ahead stay within this (or wait)
AIM_SHARE = 0.85  # ...and its pieces are fitted within this share of it: what the frame takes
# besides its drawing and them (deciding, guessing), and a piece longer than its guess, land
# short of the goal (aimed at the goal less 0.25 ms, frames building ahead landed around it:
# their p95 8.2-11 ms in every scene, Johnie's at night's over the goal in one run of three)
AIM_SECONDS = AIM_SHARE * GOAL_SECONDS
GOAL_SPARE_SECONDS = GOAL_SECONDS - AIM_SECONDS  # the room left under the goal
SETTLE_SECONDS = 1.0  # real seconds: a scene's first frames build nothing ahead (unless urgent)
SLOW_SKIPS = 24  # after this many slow steady frames building nothing, one builds anyway: 4% of
# frames (fewer than the 5% a p95 counts), so a 115-piece build takes 48 s of a slow scene
SLOW_CEILING_SECONDS = 0.75 / 60.0  # that frame builds on while it stays within this (never
# dropped: the building of a slow scene's successor goes as fast as when its pieces were long)
STUCK_SKIPS = 24  # after this many frames in a row in whose room the next piece of the scene
# after the next is not guessed to fit, one builds it anyway (one piece, past the goal): its
# guess is the last pieces from where it starts (a layer's first piece, 0.1-14 ms), renewed
# only when one is built, so a scene's building stalled there for good (Johnie's 2.3 ms of
# room, a 3 ms guess: the payphone was left all of the Panic, 10,000 frames, hurried). Only a
# frame it is guessed to leave within SLOW_CEILING_SECONDS builds it (any frame did: the
# panic's 11-31 ms frames took a searchlight's 8-19 ms pieces, frames of 20-32 ms)
FIRST_FRAME = "first frame"  # the place (see piece_times) of a scene's first frame drawn ahead
LETTING_GO = "letting go"  # the place of the first piece of letting a scene gone by go
_DONE = object()
REFRESH_SECONDS = 1.0 / 60.0  # the screen's: a frame later than this shows a refresh late
LATE_SPARE_SECONDS = 0.001  # a late frame's owed warm-up stops this short of the next refresh
START_CEILING_SECONDS = 1.0 / 30.0  # a start in a transition builds the arriving scene in
# frames up to this long (30 fps for a moment as the show begins: done before it shows)


class BuildingAhead:
    """What a compositor builds of the next scene after each frame, and how long it may take."""

    def __init__(self, owner: Compositor) -> None:
        self.owner = owner
        self.pieces_built = 0  # pieces of scenes built ahead so far (the bench counts them)
        self.seconds_built = 0.0  # ...and the seconds they took (the bench takes them apart)
        self.prepared_ahead = False  # the last frame found the next scene all built
        self._skipped = 0  # slow steady frames in a row that built nothing ahead
        self._stuck = 0  # frames in a row whose room the scene after the next did not fit
        self._piece_times = PieceTimes()  # what pieces built ahead took, by where they start
        self._shares = Shares()  # what each scene's building took, spread over the frames
        self._late: tuple[SceneLayers, LateWarm] | None = None  # a scene's owed warm-up
        self._rehearsed: weakref.ref[SceneLayers] | None = None  # the next scene whose first
        # frame was drawn ahead (a weak reference: a scene let go is freed at once)
        self._rehearsing: tuple[weakref.ref[SceneLayers], Pieces] | None = None  # its pieces
        self._showing: SceneLayers | None = None  # the scene the last frame showed
        self._going: list[SceneLayers] = []  # scenes gone by, to be let go (see _letting_go)
        self._leaving: Pieces | None = None  # their letting go, a piece at a time
        self._set_aside = False  # a build of ours was set aside from the collector (set_aside)

    @property
    def owed(self) -> LateWarm | None:
        """The warm-up the scene shown owes, drawn ahead (see late_warm), if it owes one."""
        return self._late[1] if self._late is not None else None

    def prepare(self, state: SceneState, mixing: bool, spent: float) -> None:
        """Short pieces of the next scene's building, while this one is steady (past its first
        second), as many as fit in the frame's ceiling (see `_ceiling`), each guessed to take
        what the last ones from where it starts took (see piece_times)."""
        current = self._showing = self.owner._layers(state.scene)
        if not current.ready:  # a start in its transition, before a frame showed it
            self._build_pieces(current, state.scene.transition.type, spent, START_CEILING_SECONDS)
            return
        if not mixing and self._late_warm(state, current, spent):
            return
        upcoming = self.owner._layers(state.next)
        kind = state.next.transition.type
        if not mixing:
            self._going += self.owner.gone_by(state)
        self.prepared_ahead = self._built_ahead(upcoming, kind)
        busy = mixing or state.scene_seconds < SETTLE_SECONDS  # a fade, or a cut just made
        if self.prepared_ahead:
            if not busy:
                self.build_further(self.owner._layers(self.owner.further(state)), spent)
            return
        ceiling = self._ceiling(state, upcoming, kind, spent, busy)
        if ceiling is None:
            return  # a transition, a scene's first moments or a slow frame: leave them be
        self._build_pieces(upcoming, kind, spent, ceiling[0], busy,
                           spent if ceiling[1] else None)
        if self._built_ahead(upcoming, kind):
            self._shares.built(state.next.index, upcoming.spent)
            self._set_aside = set_aside(self._set_aside)

    def _late_warm(self, state: SceneState, current: SceneLayers, spent: float) -> bool:
        """What the scene shown owes of its warm-up (see late_warm), drawn ahead before the
        next scene is built (unless that is due: see `_next_first`): a piece, then
        more while the frame stays within SLOW_CEILING_SECONDS (past the goal of the steady
        show, for the moments after a start or reload: frames of 12.5 ms hold 60 fps, a
        sprite drawn in the frame it first shows in does not), or a frame late already
        (one that drew its own sprites) up to just short of the refresh it shows at (see
        `late_ceiling`). True if it drew any."""
        late = self._late_of(state, current)
        if late is None or late.done or self._next_first(state):
            return False
        late.now = state.story_time
        spent += self._late_piece(late)
        ceiling = max(SLOW_CEILING_SECONDS, late_ceiling(spent))
        while not late.done and (spent + self._piece_times.guess(place_of(late.pieces))
                                 <= ceiling):
            spent += self._late_piece(late)
        return True

    def _next_first(self, state: SceneState) -> bool:
        """Does the next scene's building come before an owed warm-up now? In its last
        URGENT_SECONDS; and in the NEXT_FIRST_SECONDS before, until it is built ahead."""
        left = self._seconds_until(state, state.next)
        if left <= URGENT_SECONDS:
            return True
        if left > URGENT_SECONDS + NEXT_FIRST_SECONDS:
            return False
        return not self._built_ahead(self.owner._layers(state.next), state.next.transition.type)

    def _late_of(self, state: SceneState, current: SceneLayers) -> LateWarm | None:
        """The owed warm-up of the scene shown, begun now if it owes one (None if not)."""
        if self._late is not None and self._late[0] is not current:
            self._late[1].close()
            self._late = None
        if self._late is None and current.owed:
            owner = self.owner
            self._late = current, LateWarm(
                [layer for _i, _spec, layer in current.entries if isinstance(layer, Figures)],
                state.scene, state.next, owner.pace,
                lambda story_time: owner.frame(state_at(owner.timeline, story_time, owner.pace)),
                state.story_time, owner.world)
        return self._late[1] if self._late is not None else None

    def _late_piece(self, late: LateWarm) -> float:
        """One piece of an owed warm-up; the seconds it took."""
        return self._timed(place_of(late.pieces), late.step)

    def _ceiling(self, state: SceneState, upcoming: SceneLayers, kind: str, spent: float,
                 busy: bool) -> tuple[float, bool] | None:
        """How long the frame may take with the pieces it builds (None: it builds none), and
        whether it is the slow frame that builds anyway (see `_build_pieces`).

        Its share of the building (piece_times.Shares: what is left of the next scene's
        build spread over the frames left before its last URGENT_SECONDS, or a lean share
        that grows as they run short), with the frame within GOAL_SECONDS; more than that if
        the share is hurried (more than lean), within SLOW_CEILING_SECONDS. In the last
        seconds, as many pieces as fit within GOAL_SECONDS. A frame in which no piece fits
        within GOAL_SECONDS is slow: one in SLOW_SKIPS + 1 of them builds anyway (else a slow
        scene's next one waits for the last seconds and lands on its first frame) while it
        stays within SLOW_CEILING_SECONDS, unless the share is hurried: then each does."""
        slow = spent + self._piece_times.guess(self._place(upcoming, kind)) > GOAL_SECONDS
        left = self._seconds_until(state, state.next) - URGENT_SECONDS  # before building hard
        share = self._shares.share(state.next.index, upcoming.spent, left) if left > 0 else 0.0
        hurried = share > LEAN_SHARE_SECONDS
        if left > 0 and (busy or (slow and not hurried)):
            if busy or self._skipped < SLOW_SKIPS:
                self._skipped += not busy
                return None
        self._skipped = 0
        if left <= 0 or (slow and not hurried):
            return (SLOW_CEILING_SECONDS, left > 0) if slow else (GOAL_SECONDS, False)
        return min(SLOW_CEILING_SECONDS if hurried else AIM_SECONDS,
                   spent + share), False

    def _build_pieces(self, upcoming: SceneLayers, kind: str, spent: float, ceiling: float,
                      busy: bool = False, alone: float | None = None) -> None:
        """One piece of a scene's building, then (unless `busy`) more while the frame stays
        within `ceiling` seconds, each guessed to take what the last ones from there took.
        A slow frame past the goal (`alone`: what it took itself) builds on only the pieces
        that no frame as long could build within GOAL_SECONDS: the rest are left to the
        frames after it, which build them within the goal (Panic's forced frames built a
        long piece and then short ones up to 12.5 ms: most of its frames building ahead
        were over the goal)."""
        spent += self._build_piece(upcoming, kind)
        while not (busy or self._built_ahead(upcoming, kind)):
            guess = self._piece_times.guess(self._place(upcoming, kind))
            if spent + guess > ceiling or (alone is not None and alone + guess <= GOAL_SECONDS):
                return
            spent += self._build_piece(upcoming, kind)

    def build_further(self, further: SceneLayers, spent: float) -> None:
        """Pieces of the scene after the next one, once the next is built, while they fit in
        the room the frame leaves within the goal (or one piece past it, within
        SLOW_CEILING_SECONDS, after STUCK_SKIPS frames in a row that had no room for it, else
        it stalls there): a scene whose own room is too small for the next one's build (the
        payphone's for the panic's ~30 s of sprites; the panic began unbuilt, its first frame
        ~116 ms) has it begun a scene earlier. Its dissolve or wipe and its first frame are
        left for when it is next."""
        ceiling = AIM_SECONDS
        guess = self._piece_times.guess(further.place)
        stuck = not further.ready and spent + guess > ceiling
        self._stuck = self._stuck + 1 if stuck else 0
        if stuck and self._stuck > STUCK_SKIPS and spent + guess <= SLOW_CEILING_SECONDS:
            self._stuck = 0
            ceiling = SLOW_CEILING_SECONDS
        while not further.ready and spent + self._piece_times.guess(further.place) <= ceiling:
            took = self._timed(further.place, further.step)
            further.spent += took
            spent += took
            ceiling = min(ceiling, AIM_SECONDS)
            if further.ready:
                self._set_aside = set_aside(self._set_aside)

    def _timed(self, place: Place, piece: Callable[[], object]) -> float:
        """Do one piece of building that starts at `place`, counted; the seconds it took."""
        started = self.owner.timer()
        piece()
        took = self.owner.timer() - started
        self._piece_times.took(place, took)
        self.pieces_built += 1
        self.seconds_built += took
        return took

    def _built_ahead(self, upcoming: SceneLayers, kind: str) -> bool:
        """Is the next scene built, the dissolve or wipe it arrives by made, and (after a
        cut) its first frame drawn ahead?"""
        return (upcoming.ready and not self._going and self._leaving is None
                and not self.owner.masks.wanted(kind)
                and not self._rehearsal_wanted(upcoming, kind))

    def _rehearsal_wanted(self, upcoming: SceneLayers, kind: str) -> bool:
        """Is the next scene, arriving by a cut, built but its first frame not drawn ahead?
        Its warm-up drew each layer alone and painted its background; the first frame laid
        them together for the first time, and what a layer keeps of the picture under it
        (the tar's mirror of the background, made whole for a background it had not seen)
        was made in that frame: ~10 ms more than a steady one, a frame late at a cut."""
        return (kind == "cut" and upcoming.ready and upcoming is not self._showing
                and (self._rehearsed is None or self._rehearsed() is not upcoming))

    def _rehearse(self, upcoming: SceneLayers) -> None:
        """A piece of the next scene's first frame drawn ahead (see `_rehearsal`)."""
        if self._rehearsing is None or self._rehearsing[0]() is not upcoming:
            if self._rehearsing is not None:
                self._rehearsing[1].close()
            self._rehearsing = weakref.ref(upcoming), self._rehearsal(upcoming)
        if next(self._rehearsing[1], _DONE) is _DONE:
            self._rehearsing = None
            self._rehearsed = weakref.ref(upcoming)

    def _rehearsal(self, upcoming: SceneLayers) -> Pieces:
        """The next scene's first frame drawn ahead, offscreen, on a spare surface (given
        back after): every layer's keeps made for it as the frame will want them. What a
        layer makes of the picture under it (the tar's mirror, ~9 ms) is made first, in
        pieces (SceneLayers.made_ahead): the frame itself is then a piece like a steady one."""
        owner = self.owner
        frame = owner.opening_frame(upcoming.scene)
        yield from upcoming.made_ahead(frame)
        yield
        target = owner.spares.surface(owner.size)  # (new, its first touches take a piece of
        yield  # their own: ~8 ms, with the frame drawn on it a piece of 17-19 ms at Dusk's cut)
        owner.draw_scene(target, upcoming, frame)  # (not given back to the spares: handed out
        # again while the scenes drawn on it were kept, 05:05's frames 30 s in showed pixels a
        # fresh compositor does not, when a full run of test_ahead built the coyote early)

    def _place(self, upcoming: SceneLayers, kind: str) -> Place:
        """Where the next piece of building ahead starts (its guess is kept by place). The
        dissolve or wipe the next scene arrives by is made before the scene (whose warm-up asks
        the wipe when the scene first shows: unmade, it was made there whole, one piece of
        ~50 ms at 1080)."""
        masks = self.owner.masks
        if self._going or self._leaving is not None:
            return place_of(self._leaving) or LETTING_GO
        if masks.wanted(kind):
            return masks.place(kind)
        if self._rehearsal_wanted(upcoming, kind):
            going = self._rehearsing
            return (FIRST_FRAME, place_of(going[1] if going and going[0]() is upcoming else None))
        return upcoming.place

    def _build_piece(self, upcoming: SceneLayers, kind: str) -> float:
        """Build one piece of the next scene (or of its dissolve or wipe); the seconds it took."""
        masks = self.owner.masks
        letting_go = bool(self._going) or self._leaving is not None
        if letting_go:
            piece: Callable[[], object] = self._let_go_piece
        elif masks.wanted(kind):
            piece = lambda: masks.step(kind, self.owner.timeline.seed)  # noqa: E731
        elif self._rehearsal_wanted(upcoming, kind):
            piece = lambda: self._rehearse(upcoming)  # noqa: E731
        else:
            piece = upcoming.step
        took = self._timed(self._place(upcoming, kind), piece)
        if not letting_go:  # (the scene's share is what its building took: see Shares)
            upcoming.spent += took
        return took

    def _let_go_piece(self) -> None:
        """A piece of letting the scenes gone by go (see `_letting_go`)."""
        if self._leaving is None:
            self._leaving = self._letting_go()
        if next(self._leaving, _DONE) is _DONE:
            self._leaving = None

    def _letting_go(self) -> Pieces:
        """The scenes gone by let go, in pieces: closed (their kept backgrounds given to the
        spares), then their layers freed one a piece. Freed whole in the first frame after the
        next cut, as they were, a scene's pictures took that frame 3-12 ms more (05:05's sky
        ~5 ms, its street ~6 ms: the flash's first frame 21 ms)."""
        while self._going:
            gone = self._going.pop(0)
            self.owner._let_go(gone)
            yield
            while gone.entries:
                gone.entries.pop()  # (the last reference to the layer, unless another scene
                yield  # draws it as its bottom: then it goes with that one)

    def _seconds_until(self, state: SceneState, scene: Scene) -> float:
        pace = self.owner.pace or RealTime()
        return pace.real_between(state.story_time, scene.at)


def late_ceiling(spent: float) -> float:
    """How long a frame that has taken `spent` may go on drawing an owed warm-up: late
    already (past a refresh), it shows at the next refresh whatever it does, so up to just
    short of that (at 04:22:50 the rush's runners drew their sprites in their frames, ~20
    ms each, and the warm-up got a piece a frame: it fell behind and never caught up);
    else 0 (the caller's ceiling holds)."""
    if spent <= REFRESH_SECONDS:
        return 0.0
    return math.ceil(spent / REFRESH_SECONDS) * REFRESH_SECONDS - LATE_SPARE_SECONDS
