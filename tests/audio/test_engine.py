"""The engine: block sizes, boundaries, levels, scene changes, cues, reloads and restarts."""

from __future__ import annotations

import dataclasses
import threading

import numpy as np
import pytest

import installation.audio.cue_sounds as cue_sounds_module
from installation.audio.engine import ScoreEngine
from installation.audio.errors import BuildCancelled
from installation.audio.score_plan import plan
from installation.audio.sounds import RING_OFF_S, RING_ON_S, RINGS
from installation.core.clock import StoryClock
from installation.core.timeline import Timeline, parse_timeline
from installation.core.timeline.state import CUE_LEAD_SECONDS
from installation.core.timeutil import format_clock, parse_clock

from .conftest import FIXED_WALL, RATE, SCORE, Render, make_clock, make_program

CEILING = 10 ** (-1 / 20)  # -1 dBFS


@pytest.mark.parametrize("at", ["15:59:00", "16:29:00"])  # a crossfade; the payphone cue
def test_block_size_does_not_change_the_sound(render: Render, at: str) -> None:
    reference = render(at, 1.5, block=1024)
    for block in (256, 333):
        assert np.abs(render(at, 1.5, block=block) - reference).max() <= 1e-6


def test_no_jumps_at_block_boundaries(render: Render) -> None:
    sound = render("16:00", 2.0, block=333)[:, 0]
    steps = np.abs(np.diff(sound))
    at_boundaries = steps[332::333]
    assert at_boundaries.max() <= steps.max()
    assert steps.max() < 0.25  # music, not clicks


def test_peak_stays_below_minus_one_dbfs(render: Render) -> None:
    loud = SCORE.replace("level = 0.4", "level = 1.0").replace("level = 0.1", "level = 1.0")
    timeline = parse_timeline(loud, "loud.toml")
    sound = render("16:29:30", 2.0, tl=timeline)
    assert 0.3 < np.abs(sound).max() <= CEILING


def test_the_flash_stops_the_music_dead(render: Render, clock) -> None:
    flash = clock.wall_at(parse_clock("20:00"), FIXED_WALL)
    start = clock.wall_at(parse_clock("19:50"), FIXED_WALL)
    sound = render("19:50", (flash - start) + 0.5)
    cut = round((flash - start) * RATE)
    assert np.abs(sound[cut - RATE // 2:cut - 4096]).max() > 0.01
    assert np.abs(sound[cut + 240:]).max() == 0.0  # within 5 ms: no reverb tail, no hiss


def test_a_restart_lands_in_the_same_music(render: Render) -> None:
    assert np.array_equal(render("17:00", 0.5), render("17:00", 0.5))


def test_a_cue_fires_when_the_story_passes_it_and_plays_on_after_a_jump_into_it(
        render: Render, clock) -> None:
    lead = (clock.wall_at(parse_clock("16:30"), FIXED_WALL)
            - clock.wall_at(parse_clock("16:29:30"), FIXED_WALL))
    timeline = parse_timeline(SCORE, "cue.toml")
    without = dataclasses.replace(timeline, cues=())
    ring = (render("16:29:30", lead + 2.0, tl=timeline)
            - render("16:29:30", lead + 2.0, tl=without))[:, 0]
    onset = round(lead * RATE)
    assert np.abs(ring[:onset - 64]).max() < 1e-6
    assert np.abs(ring[onset:onset + RATE // 2]).max() > 0.05
    # A jump well past the cue's start, while its sound still plays (a restart): it plays on
    # from where playing through would be, not from its start and not silent.
    into = story_after(clock, "16:30", 2 * CUE_LEAD_SECONDS)
    jumped = (render(into, 0.5, tl=timeline) - render(into, 0.5, tl=without))[:, 0]
    through = ring[onset + round(2 * CUE_LEAD_SECONDS * RATE):][:len(jumped)]
    assert np.abs(jumped).max() > 0.05
    assert np.corrcoef(jumped, through)[0, 1] > 0.9  # reverb and limiter differ a little
    past = story_after(clock, "16:30", RINGS * (RING_ON_S + RING_OFF_S))  # after its last ring
    after = render(past, 0.5, tl=timeline) - render(past, 0.5, tl=without)
    assert np.abs(after).max() < 1e-3  # only the last of its reverb, as played through


@pytest.mark.parametrize(("rate", "speed"), [(8000, 1.0), (48_000, 8.0)])
def test_a_cue_fires_when_blocks_last_longer_than_two_seconds(
        clock, rate: int, speed: float) -> None:
    """At 8 kHz a block (16384 frames) lasts 2.05 s, in an 8x preview 2.7 s of the story's
    wall clock: the cue the story passes rings all the same, as at 48 kHz."""
    timeline = parse_timeline(SCORE, "cue.toml")
    start = clock.wall_at(parse_clock("16:29:30"), FIXED_WALL)
    lead = clock.wall_at(parse_clock("16:30"), FIXED_WALL) - start  # wall seconds to the cue
    sounds = []
    for tl in (timeline, dataclasses.replace(timeline, cues=())):
        engine = ScoreEngine(make_program(tl), rate, lambda m: None, start, speed=speed)
        sounds.append(engine.render(round((lead + 4.0 * speed) / speed * rate)))
    onset = round(lead / speed * rate)
    ring = (sounds[0] - sounds[1])[:, 0]
    assert np.abs(ring[:onset - 64]).max() < 1e-6
    assert np.abs(ring[onset:]).max() > 0.05


def test_a_cue_ends_with_its_scene_fading_out_as_the_picture_leaves() -> None:
    """A day squeezed short (a preview): the payphone rings 20 s into a scene that ends in a
    third of a second. Its ring fades out over the next scene's transition (1.5 s), not cut,
    and its second ring (6 s on) is not heard in the next scene."""
    timeline = parse_timeline(SCORE.replace('at = "16:30"', 'at = "15:58"'), "cut.toml")
    program = make_program(timeline)
    cue = program.wall_at(parse_clock("15:58"), FIXED_WALL)
    change = program.wall_at(parse_clock("16:00"), FIXED_WALL) - cue  # a third of a second
    sounds = [ScoreEngine(make_program(tl), RATE, lambda m: None, cue).render(8 * RATE)
              for tl in (timeline, dataclasses.replace(timeline, cues=()))]
    ring = (sounds[0] - sounds[1])[:, 0]

    def level(after: float, seconds: float = 0.2) -> float:
        piece = ring[round(after * RATE):round((after + seconds) * RATE)]
        return float(np.sqrt(np.mean(piece ** 2)))

    before = level(change - 0.25)
    assert before > 0.05
    assert 0.3 * before < level(change + 0.6) < 0.7 * before  # halfway through the fade
    assert level(change + 1.6) < 0.1 * before
    assert level(6.2, 1.6) < 0.01 * before  # the second ring: not in the next scene


def story_after(clock: StoryClock, at: str, seconds: float) -> str:
    """The story time `seconds` of real time after `at`, as HH:MM:SS.ffffff."""
    story = clock.story_time(clock.wall_at(parse_clock(at), FIXED_WALL) + seconds)
    return f"{format_clock(story)}.{round(story % 1 * 1e6):06d}"


def ring(timeline: Timeline, wall: float, seconds: float) -> tuple[np.ndarray, ScoreEngine]:
    """What a seek to `wall` plays of the timeline's cues (the rest taken away), and the engine."""
    engines = [ScoreEngine(make_program(t), RATE, lambda m: None, FIXED_WALL)
               for t in (timeline, dataclasses.replace(timeline, cues=()))]
    for engine in engines:
        engine.seek(wall)
    sound = engines[0].render(round(seconds * RATE)) - engines[1].render(round(seconds * RATE))
    return sound[:, 0], engines[0]


def test_landing_on_a_cue_or_just_after_plays_it_as_the_picture_does() -> None:
    timeline = parse_timeline(SCORE.replace('at = "16:30"', 'at = "04:05"'), "call.toml")
    clock = make_clock(timeline)
    call = clock.wall_at(parse_clock("04:05"), FIXED_WALL)
    early, _ = ring(timeline, call - CUE_LEAD_SECONDS, 1.0)  # as render-audio used to seek
    onset = round(CUE_LEAD_SECONDS * RATE)
    assert np.abs(early[:onset - 64]).max() < 1e-6
    assert np.abs(early[onset:onset + RATE // 4]).max() > 0.05
    for after in (0.0, CUE_LEAD_SECONDS / 2):  # run --at 04:05, or a restart just after
        landed, _ = ring(timeline, call + after, 0.25)
        assert np.abs(landed).max() > 0.05
        # ... from where it would be by now, not from its start
        here = early[onset + round(after * RATE):][:len(landed)]
        assert np.corrcoef(landed, here)[0, 1] > 0.9  # reverb and limiter differ a little
    over, _ = ring(timeline, call + RINGS * (RING_ON_S + RING_OFF_S), 0.25)
    assert np.abs(over).max() < 1e-3  # a restart after the ringing: only its reverb's last


def test_a_cue_landed_a_hair_before_plays_once(timeline) -> None:
    clock = make_clock(timeline)
    wall = clock.wall_at(parse_clock("16:29"), FIXED_WALL)
    hair = clock.story_time(wall) + 5e-7  # within the scheduler's rounding allowance
    nudged = dataclasses.replace(timeline, cues=tuple(
        dataclasses.replace(cue, at=hair) for cue in timeline.cues))
    _, engine = ring(nudged, wall, 0.01)
    assert len(engine._shots) == 1


def test_a_missing_sound_file_warns_once_and_plays_silence(tmp_path, clock) -> None:
    text = SCORE.replace('synth = "payphone"', 'file = "no-such.ogg"')
    timeline = parse_timeline(text, "f.toml", tmp_path / "f.toml")
    warnings: list[str] = []
    engine = ScoreEngine(make_program(timeline), RATE, warnings.append, FIXED_WALL)
    engine.seek(clock.wall_at(parse_clock("16:29:59"), FIXED_WALL))
    engine.render(RATE * 2)
    assert len(warnings) == 1 and "no-such.ogg" in warnings[0]


GLASS_AT = '[[cue]]\nat = "17:00"\ntype = "sound"\nsynth = "glass"\n'  # a second cue


def test_starting_makes_only_the_cue_sounds_sounding_there(made: list[str]) -> None:
    """The sound starts without waiting for every cue's sound (seconds of synthesis): an
    engine started away from the cues makes none for its first blocks; one started while
    the payphone rings makes the payphone's only."""
    timeline = parse_timeline(SCORE + GLASS_AT, "two.toml")
    clock = make_clock(timeline)
    quiet = ScoreEngine(make_program(timeline), RATE, lambda m: None,
                        clock.wall_at(parse_clock("13:00"), FIXED_WALL))
    assert quiet.render(RATE).any() and made == []
    ringing = clock.wall_at(parse_clock("16:30"), FIXED_WALL) + RING_ON_S / 2
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, ringing)
    assert made == ["payphone"]
    engine.render(RATE)
    assert made == ["payphone"]


def test_a_cue_sound_made_as_its_cue_comes_sounds_as_one_made_ahead(made: list[str]) -> None:
    """A cue whose sound was not made ahead (`prepare`) is made for the block it begins in:
    the same samples either way, and each sound is made once."""
    timeline = parse_timeline(SCORE + GLASS_AT, "two.toml")
    clock = make_clock(timeline)
    before = clock.wall_at(parse_clock("16:29:30"), FIXED_WALL)
    ahead, late = (ScoreEngine(make_program(timeline), RATE, lambda m: None, before,
                               preroll=0.0)  # (a pre-roll would pass the cue: 0.08 s away)
                   for _ in range(2))
    lead = clock.wall_at(parse_clock("16:30"), FIXED_WALL) - before
    assert ahead.upcoming(lead / 2) is None  # not due yet
    cue = ahead.upcoming(lead + 1.0)
    assert cue is not None and cue.params["synth"] == "payphone"
    ahead.prepare(cue)
    assert made == ["payphone"]
    heard = ahead.render(round((lead + 2.0) * RATE))
    assert made == ["payphone"]  # made once, ahead
    assert np.array_equal(heard, late.render(len(heard)))
    assert made == ["payphone", "payphone"]  # the late engine's, as its cue came
    assert np.abs(heard[round(lead * RATE):]).max() > 0.05  # it rings


def test_a_block_due_while_its_cue_sound_is_made_elsewhere_waits_for_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The audio worker's block reaches a cue whose sound another thread is making ahead:
    the block waits for that sound rather than making it again, and sounds the same."""
    timeline = parse_timeline(SCORE, "one.toml")
    clock = make_clock(timeline)
    before = clock.wall_at(parse_clock("16:29:30"), FIXED_WALL)
    lead = clock.wall_at(parse_clock("16:30"), FIXED_WALL) - before
    frames = round((lead + 2.0) * RATE)
    expected = ScoreEngine(make_program(timeline), RATE, lambda m: None, before,
                           preroll=0.0).render(frames)  # (a pre-roll would pass the cue)
    real, made = cue_sounds_module.synth, list[str]()
    making, release = threading.Event(), threading.Event()

    def synth(name: str, rate: int) -> np.ndarray:
        made.append(name)
        making.set()
        release.wait(60.0)
        return real(name, rate)

    monkeypatch.setattr(cue_sounds_module, "synth", synth)
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, before, preroll=0.0)
    cue = engine.upcoming(lead + 1.0)
    assert cue is not None
    maker = threading.Thread(target=engine.prepare, args=(cue,))
    maker.start()
    assert making.wait(60.0)
    heard: list[np.ndarray] = []
    worker = threading.Thread(target=lambda: heard.append(engine.render(frames)))
    worker.start()
    worker.join(1.0)  # by now it waits at the cue (or, on a slow machine, is on its way)
    release.set()
    for thread in (maker, worker):
        thread.join(60.0)
    assert made == ["payphone"] and np.array_equal(heard[0], expected)


def test_a_stop_asked_gives_up_before_making_a_cue_sound(made: list[str]) -> None:
    """The show quitting while the engine makes cue sounds (up to a second each): no sound is
    begun once `cancelled()` says so, at the start (a seek into a ringing cue) or later."""
    timeline = parse_timeline(SCORE, "one.toml")
    clock = make_clock(timeline)
    ringing = clock.wall_at(parse_clock("16:30"), FIXED_WALL) + RING_ON_S / 2
    with pytest.raises(BuildCancelled):
        ScoreEngine(make_program(timeline), RATE, lambda m: None, ringing,
                    cancelled=lambda: True)
    stopping: list[bool] = []
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, ringing - RING_ON_S,
                         cancelled=lambda: bool(stopping))
    stopping.append(True)
    with pytest.raises(BuildCancelled):
        engine.render(RATE * 4)  # through the cue
    assert made == []


def test_a_reload_crossfades_without_a_jump(timeline, clock) -> None:
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    engine.seek(clock.wall_at(parse_clock("13:00"), FIXED_WALL))
    first = engine.render(RATE)
    edited = parse_timeline(SCORE.replace('chord = "Dm9"', 'chord = "Fmaj7"'), "new.toml")
    engine.set_program(make_program(edited))
    second = engine.render(RATE * 3)
    joined = np.concatenate((first, second))[:, 0]
    assert np.abs(np.diff(joined)).max() < 0.25
    assert len(engine._playing) == 1  # the old pad has faded out and gone


def test_a_reload_with_a_new_pace_plays_the_story_time_the_picture_shows() -> None:
    pace = '\n[[pace]]\nfrom = "16:00"\nto = "20:00"\nweight = {}\n'
    before = parse_timeline(SCORE + pace.format(1), "before.toml")
    after = parse_timeline(SCORE + pace.format(6), "after.toml")  # a slower countdown
    old_clock, new_clock = make_clock(before), make_clock(after)  # as a reload's Program has
    engine = ScoreEngine(make_program(before), RATE, lambda m: None, FIXED_WALL)
    engine.seek(old_clock.wall_at(parse_clock("13:00"), FIXED_WALL))
    engine.render(1024)
    engine.set_program(make_program(after))
    engine.render(engine.chunk)  # the reload takes effect at the next block
    assert engine.program.clock.story_time(engine.wall) == new_clock.story_time(engine.wall)
    assert engine.plan == plan(make_program(after))
    # After a jump, the music and the payphone are where the new pace puts them.
    fresh = ScoreEngine(make_program(dataclasses.replace(after, cues=())), RATE, lambda m: None,
                        FIXED_WALL)
    ring_at = new_clock.wall_at(parse_clock("16:30"), FIXED_WALL)
    for each in (engine, fresh):
        each.seek(ring_at - 1.0)
    ring = (engine.render(RATE * 2) - fresh.render(RATE * 2))[:, 0]
    assert np.abs(ring[:RATE - 64]).max() < 1e-6
    assert np.abs(ring[RATE:RATE + RATE // 2]).max() > 0.05


@pytest.mark.parametrize("at", ["13:00", "16:10", "22:00"])
def test_every_scene_makes_sound(render: Render, at: str) -> None:
    sound = render(at, 0.5)
    assert np.sqrt(np.mean(sound ** 2)) > 10 ** (-40 / 20)


def test_the_cutoff_sweep_brightens_the_pad(render: Render) -> None:
    from .conftest import centroid

    swept = SCORE.replace("sweep_to = 3000", "cutoff = 300\nsweep_to = 3000\nlfo_depth = 0")
    timeline = parse_timeline(swept.replace("level = 0.1", "level = 0.0"), "sweep.toml")
    early = render("12:10", 1.0, tl=timeline)[:, 0]
    late = render("15:50", 1.0, tl=timeline)[:, 0]
    assert centroid(late) > 2 * centroid(early)


def test_a_jump_into_music_carried_over_the_days_end_hears_what_playing_through_does() -> None:
    """The day's first scene has no score: it keeps the last scene's (the ash's drone). Jump
    into its first seconds, or play on into them from the day before: the same music (its
    parts' seeds and place are the scene's that wrote it, at the day's end)."""
    start = SCORE.index('[scene.score.pad]')
    carried = SCORE[:start] + SCORE[SCORE.index('[[scene]]', start):]
    timeline = parse_timeline(carried, "carried.toml")
    assert timeline.scenes[0].score is timeline.scenes[-1].score
    program = make_program(timeline)
    day = program.wall_at(parse_clock("12:00"), FIXED_WALL)
    through = ScoreEngine(program, RATE, lambda m: None, day - 8.0)
    played = through.render(round(18.0 * RATE))[-2 * RATE:]  # from 8 s into the day
    jumped = ScoreEngine(program, RATE, lambda m: None, day + 8.0).render(2 * RATE)
    assert np.abs(played).max() > 0.01
    assert np.abs(jumped - played).max() < 0.01 * np.abs(played).max()


def test_a_jump_lands_on_the_same_notes(timeline) -> None:
    from installation.audio.voices import Sequence

    voice = timeline.scenes[1].score.voices[1]
    assert voice.kind == "sequence"

    def make() -> Sequence:
        return Sequence(voice.params, RATE, 11, 60.0)

    played = np.concatenate([make().render(0, RATE * 3)], axis=1)
    jumped = make().render(RATE * 2, RATE)
    assert np.allclose(played[:, RATE * 2:], jumped, atol=1e-9)


def test_a_preview_at_speed_plays_each_scene_as_the_picture_reaches_it(timeline) -> None:
    """run --speed 10: the story passes ten times as fast; the music is not sped up, it
    changes scene, crossfades and rings the payphone when the picture does."""
    speed = 10.0
    program = make_program(timeline)
    start = program.wall_at(parse_clock("16:29"), FIXED_WALL)
    engine = ScoreEngine(program, RATE, lambda m: None, start, chunk=512, speed=speed)
    quiet = ScoreEngine(make_program(dataclasses.replace(timeline, cues=())), RATE,
                        lambda m: None, start, chunk=512, speed=speed)
    seconds = 1.5
    ring = (engine.render(round(seconds * RATE)) - quiet.render(round(seconds * RATE)))[:, 0]
    # The block states follow the story at ten times the pace ...
    assert engine.last_state is not None
    assert engine.last_state.wall == pytest.approx(start + speed * seconds, abs=speed * 0.02)
    # ... and the 16:30 payphone sounds when the story reaches it, not a minute of sound later
    reach = program.wall_at(parse_clock("16:30"), start) - start  # wall seconds to the cue
    onset = round(reach / speed * RATE)
    assert np.abs(ring[:onset - 256]).max() < 1e-6
    assert np.abs(ring[onset:onset + RATE // 4]).max() > 0.05
    # The music itself is not sped up: from the same moment, the same pitch as at normal speed
    # (without the cues: the phone's 480 Hz, as loud as the music's A3, would decide it).
    music = make_program(dataclasses.replace(timeline, cues=()))
    sped, normal = (ScoreEngine(music, RATE, lambda m: None, start, chunk=512, speed=s)
                    for s in (speed, 1.0))
    assert dominant_hz(sped, RATE // 2) == pytest.approx(dominant_hz(normal, RATE // 2), rel=0.02)


def dominant_hz(engine: ScoreEngine, frames: int) -> float:
    mono = engine.render(frames)[:, 0]
    spectrum = np.abs(np.fft.rfft(mono * np.hanning(len(mono))))
    return float(np.fft.rfftfreq(len(mono), 1.0 / RATE)[spectrum.argmax()])


def test_a_jump_into_a_ringing_cue_plays_it_unless_a_silent_scene_cut_it_since() -> None:
    """A restart in the middle of a cue's sound hears it (the diner at 04:21), but not once
    the flash (a silent scene arriving with a flash) has cut it, as playing through would."""
    timeline = parse_timeline(SCORE.replace('at = "16:30"', 'at = "19:50"'), "cut.toml")
    clock = make_clock(timeline)
    second_ring = RING_ON_S + RING_OFF_S + RING_ON_S / 2  # real seconds after the cue
    cue = clock.wall_at(parse_clock("19:50"), FIXED_WALL)
    flash = parse_clock("20:00")  # the test needs: the first ring before it, the second after
    assert clock.story_time(cue + RING_ON_S / 2) < flash < clock.story_time(cue + second_ring)
    ringing, _ = ring(timeline, cue + RING_ON_S / 2, 0.25)
    assert np.abs(ringing).max() > 0.05
    cut, _ = ring(timeline, cue + second_ring, 0.25)
    assert np.abs(cut).max() < 1e-6


EVENING = """
[[scene]]
at = "14:00"
name = "Evening"
[scene.score.pad]
preset = "glass"
chord = "Fmaj7"
"""


@pytest.mark.parametrize("at", ["17:00", "22:00"])  # the countdown; the ash after the flash
def test_a_scene_added_to_the_day_leaves_the_later_scenes_music_as_it_was(
        render: Render, at: str) -> None:
    """Each part's seed is the scene's name and the part's kind, not the scene's place: a
    curator who adds a scene at 14:00 hears every later scene as before, sample for sample."""
    added = parse_timeline(SCORE + EVENING, "added.toml")
    assert [s.name for s in added.scenes][1] == "Evening"
    assert np.array_equal(render(at, 1.0, tl=added), render(at, 1.0))


def test_a_part_added_to_a_scene_leaves_its_other_parts_as_they_were(render: Render) -> None:
    """A pad added to the ash (here at level 0, to hear what else changes): its drone plays
    the same notes with the same phases and drift as before."""
    padded = SCORE.replace('[scene.score.drone]\nnote = "D1"',
                           '[scene.score.pad]\nlevel = 0\n[scene.score.drone]\nnote = "D1"')
    timeline = parse_timeline(padded, "padded.toml")
    assert [v.kind for v in timeline.scenes[3].score.voices] == ["pad", "drone"]
    assert np.array_equal(render("22:00", 1.0, tl=timeline), render("22:00", 1.0))


def test_a_cue_at_the_flash_plays_into_the_silence_and_after_a_jump_into_it() -> None:
    """The music stops dead at the flash (20:00), but a boom placed at it sounds, to its end;
    a restart half a second into it hears the rest."""
    boom = '\n[[cue]]\nat = "20:00"\ntype = "sound"\nsynth = "boom"\nreverb = 0\n'
    timeline = parse_timeline(SCORE + boom, "boom.toml")
    clock = make_clock(timeline)
    flash = clock.wall_at(parse_clock("20:00"), FIXED_WALL)
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, flash - 1.0)
    sound = engine.render(RATE * 4)[RATE:]
    assert np.abs(sound[RATE // 2:RATE]).max() > 0.1
    assert not sound[round(1.61 * RATE):].any()
    engine.seek(flash + 0.75)  # past the half second of landing: it was sounding
    assert np.abs(engine.render(RATE // 4)).max() > 0.05
