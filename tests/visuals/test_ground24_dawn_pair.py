"""Running against the dawn, Harry and Julie are a story a visitor can follow: on the picture
together for most of 20 real seconds, he stops and turns back to her, hand out, and they run on
with their strides out of step (they crossed in about 5 real s in lockstep, one cut-out used
twice: review 23 #8)."""

from __future__ import annotations

from installation.core.timeutil import parse_clock
from installation.visuals.figures import Member

from .helpers import shipped_crowd

SIZE = (480, 270)  # (small: only where they are and their poses are read)
SCENE = "Across Wilshire at first light"
START = "05:05:00"
STORY_SECONDS = 90  # the scene's first story seconds looked at, one apart
TOGETHER = 15.0  # real seconds both on the picture, at least
APART = (0.15, 0.35)  # running on together (both "run": coming in, he runs glancing back for
#                       her, three strides a cycle, and she falls behind), their strides this far
#                       apart (of a cycle, less any half: seen from the side, two legs half a
#                       cycle apart are one shape)
OWN_STRIDE = 0.1  # or their strides' lengths differ by this share at least


def _moments() -> list[tuple[float, dict[str, Member]]]:
    """Each story second's real time in the scene and where Harry and Julie are."""
    crowd = shipped_crowd(SCENE, SIZE)
    out = []
    for k in range(STORY_SECONDS):
        frame = crowd.frame(parse_clock(START) + k)
        people = {one.params["body"]: member for one in crowd.layers
                  if one.params["body"] in ("harry", "julie") for member in one.members(frame)}
        out.append((frame.seconds, people))
    return out


def _seen(member: Member | None) -> bool:
    return member is not None and 0 <= member.feet[0] <= SIZE[0]


def test_they_are_seen_together_he_turns_back_and_they_run_out_of_step() -> None:
    moments = _moments()
    together = sum(b[0] - a[0] for a, b in zip(moments, moments[1:], strict=False)
                   if all(_seen(a[1].get(who)) for who in ("harry", "julie")))
    assert together >= TOGETHER, f"together on the picture {together:.1f} real s"
    turned = [people for _t, people in moments if "harry" in people and "julie" in people
              and people["harry"].pose == "reach" and not people["harry"].left
              and people["julie"].feet[0] > people["harry"].feet[0]]
    assert turned, "Harry never turns back to Julie"
    running = [people for _t, people in moments if _seen(people.get("harry"))
               and _seen(people.get("julie")) and people["harry"].pose == "run"
               and people["julie"].pose == "run"]
    assert running
    crowd = shipped_crowd(SCENE, SIZE)  # (strides of their own lengths: in step for moments)
    strides = {one.params["body"]: one.strides[0] for one in crowd.layers
               if one.params["body"] in ("harry", "julie")}
    if abs(strides["julie"] / strides["harry"] - 1) >= OWN_STRIDE:
        return
    for people in running:
        apart = (people["julie"].phase - people["harry"].phase) % 0.5
        assert APART[0] <= apart <= APART[1], f"strides {apart:.2f} of a cycle apart"
