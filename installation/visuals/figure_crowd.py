"""Who a figures layer's people are: what each wears and carries (a crowd of `person`s dealt
from a shuffle, the fleeing of one scene from one shuffle between them), who `body` names,
whether each leads a child by the hand, what their arms do as they run in panic, and how each
held in a crush at a door pushes."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from installation.visuals.base import Setup, hash01, stable_seed
from installation.visuals.led import leading
from installation.visuals.panic_arms import STYLES
from installation.visuals.panic_press import PRESS, PRESSING
from installation.visuals.poses import SEATED, VARIED
from installation.visuals.wardrobe import Outfit, outfit_of, passers_by

STUMBLING = "run-stumble"  # a runner who trips: nothing in their hands
OVER_HEAD = "coat"  # held up over the head: they run as they hold it, in no style
PANIC = "panic"  # `arms`: each runner a style of panic_arms.STYLES of their own


def outfits_of(params: Mapping[str, Any], setup: Setup, seed: int) -> list[Outfit | None]:
    """What each of a figures layer's members wears (its `seed` its own): a crowd of
    `person`s all different (passers_by; the fleeing of a scene dealt layer after layer from
    one shuffle, so what each grabbed varies across them all; layers with one `look` deal the
    same people, fleeing or not: one standing at the counter, then running; one standing on
    the mall's lot, then running, in the same clothes), else who `body` names; each
    leading a child by the hand, if `led`; arguing on a stool, or stumbling, carrying
    nothing; running with their arms as `arms` says (see arms_of)."""
    p = params
    outfits: list[Outfit | None]
    if p["body"] == "person" and p["crowd"] == "fleeing" and p["look"] is None:
        scene = stable_seed(setup.timeline.seed, setup.scene.seed, "fleeing")
        outfits = list(passers_by(p["count"], scene, False, "fleeing",
                                  members_before(setup, p, _fleeing)))
    elif p["body"] == "person":  # (a fleeing layer with a `look`: the people of that look)
        outfits = _dealt(p, setup, seed)
    else:
        outfits = [outfit_of(p["body"], hash01(seed, picked(p, i), 2), picked(p, i))
                   for i in range(p["count"])]
    if _by_stools(p, setup) or p["pose"] == STUMBLING:  # arguing on a stool, hands free
        # (their things by the stool, and left there when they get up and go); stumbling,
        # hands free to fly out as they buckle (a coat held over the head kept them up
        # there, stiff, as they pitched forward)
        outfits = [None if one is None else replace(one, carry="none") for one in outfits]
    if p["arms"] != "pump":  # (what they carry they hold on to: see carried.holding; under
        # a coat held up, a style's ducked head pushed the coat's front flap up off the face)
        outfits = [one if one is None or one.carry == OVER_HEAD else replace(one, gait=replace(
            one.gait, arms=style, wild=wild))
            for one, (style, wild) in zip(outfits, arms_of(p, setup, seed), strict=True)]
    return [leading(one) if p["led"] and one is not None else one for one in outfits]


def picked(params: Mapping[str, Any], i: int) -> int:
    """Which of its look's people member i of a layer is: the one its `pick` names (in turn),
    or the i-th."""
    pick = params["pick"]
    return int(pick[i % len(pick)]) if pick else i


def _dealt(params: Mapping[str, Any], setup: Setup, seed: int) -> list[Outfit | None]:
    """A layer of `person`s: its own crowd (its `seed`), or its look's, dealt as the largest
    of the scene's layers of that look deals it (seated if any of them sits: no child at a
    counter), each member the one `pick` names."""
    p = params
    if p["look"] is None:
        return list(passers_by(p["count"], seed, p["pose"] in SEATED, p["crowd"]))
    kin = _look_layers(setup, p)
    wanted = max([p["count"], *(picked(p, i) + 1 for i in range(p["count"])),
                  *(one["count"] for one in kin)])
    crowd = passers_by(wanted, stable_seed(setup.seed, "crowd"),
                       any(one["pose"] in SEATED for one in kin), p["crowd"])
    return [crowd[picked(p, i)] for i in range(p["count"])]


def _look_layers(setup: Setup, params: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The scene's figures layers of `params`'s look and crowd (itself among them, and only
    itself if it is not one of the scene's)."""
    kin = [spec.params for spec in setup.scene.layers if spec.type == "figures" and (
        spec.params["look"], spec.params["body"], spec.params["crowd"]) == (
        params["look"], params["body"], params["crowd"])]
    return kin if any(one is params for one in kin) else [params]


def _by_stools(params: Mapping[str, Any], setup: Setup) -> bool:
    """Whether a layer's people left what they carry by their stools: arguing on them or
    getting up off them, or of a look whose people do."""
    if params["look"] is None:
        return params["pose"] in VARIED
    return any(one["pose"] in VARIED for one in _look_layers(setup, params))


def arms_of(params: Mapping[str, Any], setup: Setup, seed: int) -> list[tuple[str, float]]:
    """What each of a figures layer's runners does with their arms, and how wildly (0 to 1,
    each their own from the layer's `seed`): the style `arms` names, or for "panic" the
    styles dealt in turn across the scene's layers that panic (from a place of the scene's
    seed), so no two runners after each other move their arms alike."""
    p = params
    earlier = _ran_before(setup, p)
    if earlier is not None:  # one running on in a layer of their own: as they ran
        return arms_of(earlier, setup, own_seed(setup, earlier))
    first = members_before(setup, p, lambda one: _panicking(one) and _ran_before(
        setup, one) is None) + int(
        hash01(stable_seed(setup.timeline.seed, setup.scene.seed, PANIC), 1) * len(STYLES))
    return [(STYLES[(first + i) % len(STYLES)] if p["arms"] == PANIC else p["arms"],
             hash01(seed, i, 9)) for i in range(p["count"])]


def own_seed(setup: Setup, params: Mapping[str, Any]) -> int:
    """A figures layer's own seed: its setup's (its look's, if it has one), its scene's and
    its path's."""
    return stable_seed(setup.seed, setup.scene.seed, "figures", *params["path"])


def runs_on(layers: Sequence[Mapping[str, Any]],
            params: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The layer of `layers` (a scene's figures layers' params, in order) before `params`'s
    whose people (its look's, those `pick`ed) ran (walked) as it does to where its path
    begins, if any: held up there (at a door), they go on in a layer of their own."""
    same = ("look", "body", "crowd", "pick", "count", "pose")
    for one in layers:
        if one is params or params["look"] is None:
            return None
        if all(one[key] == params[key] for key in same) and \
                tuple(one["path"][-1]) == tuple(params["path"][0]):
            return one
    return None


def _ran_before(setup: Setup, params: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The layer before this one in which its people ran in panic to where it goes on from:
    they run on as they ran, not dealt a style anew."""
    if params["arms"] != PANIC:
        return None
    earlier = runs_on([spec.params for spec in setup.scene.layers if spec.type == "figures"],
                      params)
    return earlier if earlier is not None and earlier["arms"] == PANIC else None


def members_before(setup: Setup, params: Mapping[str, Any],
                   counted: Callable[[Mapping[str, Any]], bool]) -> int:
    """How many people the scene's figures layers before this one (its `params`) that are
    `counted` hold (none if it is not one of the scene's)."""
    before = 0
    for spec in setup.scene.layers:
        if spec.params is params:
            return before
        if spec.type == "figures" and counted(spec.params):
            before += spec.params["count"]
    return 0


def _fleeing(params: Mapping[str, Any]) -> bool:
    return bool((params["body"], params["crowd"]) == ("person", "fleeing"))


def _panicking(params: Mapping[str, Any]) -> bool:
    return bool(params["arms"] == PANIC)


def pressing_of(params: Mapping[str, Any], setup: Setup) -> list[tuple[str, float]]:
    """How each of a layer's people held in a crush at a door (`then = "press"`) pushes: the
    ways of panic_press.PRESSING dealt in turn across the scene's layers held so (from a
    place of the scene's seed), so of any three held together no two push alike, and the
    next dealt a way already dealt half a cycle ahead of the one before (never in step);
    none if the layer's people are not held so."""
    if params["then"] != PRESS:
        return []
    ways = list(PRESSING)
    first = members_before(setup, params, lambda one: one["then"] == PRESS) + int(
        hash01(stable_seed(setup.timeline.seed, setup.scene.seed, PRESS), 1) * len(ways))
    return [(ways[(first + i) % len(ways)], 0.5 * ((first + i) // len(ways) % 2))
            for i in range(params["count"])]
