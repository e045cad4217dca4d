"""Every picture layer a curator can use, with its keys. Shared by the loader and the visuals."""

from __future__ import annotations

from installation.core.params import (
    Invalid,
    Param,
    Parser,
    boolean,
    choice,
    clock_time,
    color,
    either,
    integer,
    list_of,
    number,
    text,
)
from installation.core.sign_words import sign_words
from installation.core.timeutil import parse_clock


def _nothing(value: object) -> None:
    """An empty text: none."""
    if value != "":
        raise Invalid("nothing")


def optional_time() -> Parser:
    """A story time "HH:MM" (seconds after midnight), or "" for none."""
    return either(clock_time(), _nothing, "a time like \"06:10\" or \"06:10:30\" (00:00 to "
                  "23:59:59), or \"\" for none")


# Keys every layer accepts.
COMMON = (
    Param("opacity", number(0, 1), 1.0, "how strongly the layer shows, 0 to 1"),
    Param("blend", choice("normal", "add", "multiply", "screen"), "normal",
          "how the layer mixes with the layers below"),
    Param("depth", number(0, 1), 0.0, "how near the layer stands, for the camera's slow "
          "sideways sway: 0 stays put (the sky), 1 sways the most (the nearest things); layers "
          "at different depths drift against each other (parallax)"),
    Param("look", text(), None, "a name: layers of one type with the same look draw the same "
          "city, stars or trees in every scene (e.g. the skyline at noon and at the return)"),
)

# The fonts shipped in assets/fonts, by the name a curator uses; any other name is a file.
SHIPPED_FONTS = {
    "typewriter": "CourierPrime-Regular.otf",  # captions: a typed page (OFL)
    "typewriter-bold": "CourierPrime-Bold.otf",  # the place and time over a caption (OFL)
    "tube": "Comfortaa-Bold.ttf",  # neon: round single-stroke letters, like bent glass (OFL)
    "mono": "DejaVuSansMono.ttf",
    "sign": "DejaVuSansCondensed-Bold.ttf",
    "light": "DejaVuSans-ExtraLight.ttf",
    "script": "HersheyScript-Simplex.jhf",  # neon: joined script in single strokes (Hershey)
    "deco": "BebasNeue-Book.otf",  # neon: tall condensed capitals (OFL)
}
FONT_DOC = ("\"typewriter\", \"tube\", \"script\", \"deco\", \"sign\", \"mono\", \"light\" "
            "(shipped) or a TTF/OTF file next to the timeline")
X_DOC = "left-right position, 0 (left edge) to 1 (right edge)"
Y_DOC = "up-down position, 0 (top) to 1 (bottom)"

LAYERS: dict[str, tuple[Param, ...]] = {
    "sky": (
        Param("top", color(), None, "colour at the top; follows the story hour if not set"),
        Param("bottom", color(), None, "colour at the horizon; follows the story hour if not set"),
        Param("stars", number(0, 1), None, "star density 0 to 1; follows the hour if not set"),
        Param("sun", boolean(), True, "draw the sun or moon where the hour puts it"),
        Param("horizon", number(0.1, 1), 0.72, "where the horizon colour is reached, 0.1 to 1"),
        Param("clouds", number(0, 1), 0.3, "how much of the sky is cloud, 0 for a clear sky"),
        Param("rooftops", number(0, 1), 0.0, "how far down the highest roofs in front of the "
              "sky stand, 0 for none: the moon rising behind them fades in as it clears them"),
    ),
    "skyline": (
        Param("lit", number(0, 1), None, "share of windows lit; follows the hour if not set"),
        Param("color", color(), (12, 12, 22), "colour of the buildings"),
        Param("windows", color(), (255, 196, 120), "colour of a lit window"),
        Param("height", number(0.05, 0.9), 0.34, "tallest tower, as a share of the picture"),
        Param("ground", number(0, 1), 0.78, "where the buildings stand, " + Y_DOC),
        Param("landmark", boolean(), True, "include the May Company building's gold corner"),
        Param("style", choice("mixed", "wilshire", "towers"), "mixed",
              "mixed: Mid-Wilshire's towers of three eras, deco setbacks and masts among them; "
              "wilshire: Los Angeles' low city, 2-6 storey blocks, a few flat-topped office "
              "slabs, downtown small far off; towers: Park La Brea's X-plan towers"),
        Param("restless", number(0, 1), 0.06,
              "share of windows whose lights go on and off by themselves, every half minute"),
        Param("home", list_of(number(0, 1), "numbers", 2, 2), None,
              "towers only: [x, y], the middle of a window of the nearest tower (Lucy and "
              "Ivan's), 0 to 1; a nearest tower is built round it"),
        Param("trees", number(0, 1), 0.0,
              "a belt of park trees in front of the buildings' feet (Hancock Park's, behind "
              "the tar pits), this tall as a share of the tallest tower; 0 for none"),
    ),
    "neon": (
        Param("text", text(allow_empty=True), "MIRACLE MILE", "the words of the sign"),
        Param("color", color(), (255, 60, 170), "tube colour"),
        Param("x", number(0, 1), 0.5, "centre of the sign, " + X_DOC),
        Param("y", number(0, 1), 0.3, "centre of the sign, " + Y_DOC),
        Param("size", number(0.02, 0.5), 0.08, "letter height as a share of the picture"),
        Param("flicker", number(0, 1), 0.1, "how much the sign flickers"),
        Param("failing", number(0, 1), 0.0, "share of letters that are failing"),
        Param("blink", number(0, 10), 0.0,
              "seconds for one on/off blink, like a stopped clock; 0 for steady"),
        Param("shape", choice("none", "arrow", "star", "ring", "underline"), "none",
              "a tube shape drawn with (or instead of) the words"),
        Param("pattern", choice("steady", "outage", "chase"), "steady",
              "how the whole sign lights: steady; outage (now and then it goes out for a few "
              "seconds and stutters back on); chase (its letters light one by one, then its "
              "shape blinks, it holds lit, goes dark and starts again)"),
        Param("mount", choice("none", "board", "rooftop", "wall"), "none",
              "what holds the sign up: nothing, a dark board, a board on a roof frame, or the "
              "face of a building that its light falls on"),
        Param("font", text(), "sign", FONT_DOC),
        Param("turn", integer(0, 3), None,
              "signs given a turn (0 to 3) take turns to fail: in each stretch of nine real "
              "seconds only the sign whose turn it is stutters, loses its failing letters, goes "
              "out or flickers dark, and the others hum lit (not set: it fails on its own clock)"),
    ),
    "diner": (
        Param("sign", sign_words(), "J(o)hnie's",
              "the name on the pylon sign's blade, in neon; a letter in brackets is a dead tube, "
              "dark glass that never lights, wherever the diner is seen lit"),
        Param("board", sign_words(), "C(O)FFEE SHOP",
              "the words in cyan tubes on the small board under the blade; a letter in "
              "brackets is a dead tube"),
        Param("lit", boolean(), True, "is the diner lit"),
        Param("x", number(0, 1), 0.5, "centre of the building, " + X_DOC),
        Param("ground", number(0, 1), 0.82, "where it stands, " + Y_DOC),
        Param("scale", number(0.2, 3), 1.0, "size"),
        Param("color", color(), (255, 84, 56), "colour of the sign's neon"),
        Param("interior", color(), (214, 236, 214), "colour of the light inside"),
        Param("empty", boolean(), False, "nobody at the counter"),
        Param("waitress", number(0, 1), 0.0,
              "a waitress walking up and down behind the counter (over it from the waist up, "
              "behind the patrons), at this share of the picture's width a real second; 0: none"),
        Param("broken", clock_time(), None,
              "story time a pane of the glass is smashed (a jagged hole, cracks, shards on the "
              "pavement); never if not set"),
        Param("doors", choice("closed", "open"), "closed",
              "the glass doors by the stone wall: closed (a pane like the others), or standing "
              "open on the room inside (a diner left empty)"),
        Param("chase", number(0, 30), 8.0,
              "how fast the light runs round the border of bulbs on the sign's blade, in bulbs "
              "a real second; 0: the bulbs hold lit, one in three"),
        Param("font", text(), "script", "the name's letters: " + FONT_DOC),
    ),
    "interior": (
        Param("part", choice("room", "glass", "counter", "street", "wall"), "room",
              "which part: the room with its glass front (after the sky and the city that show "
              "through the glass), the glass front's frame again and its broken pane (after the "
              "people outside, so they are seen through the glass), the near counter with its "
              "pie case and coffee urn (after the people at it, to hide their legs), the "
              "street seen through the glass (before the room, at a depth of its own between "
              "the city's and the room's: it sways apart from both; the room then leaves it "
              "out), or the door's far jamb and the wall beyond it (after people running out of "
              "the door and on to the right, so they are gone behind it)"),
        Param("light", color(), (255, 214, 160), "colour of the light inside"),
        Param("name", text(), "JOHNIE'S", "the name painted on the glass, read backwards from "
              "inside"),
        Param("broken", clock_time(), None,
              "story time a pane of the glass front is smashed (a jagged hole, cracks, glass on "
              "the floor); never if not set"),
        Param("emptied", clock_time(), None,
              "story time everyone has run out: from then the minute after, in each part given "
              "it: the door swinging to and fro on its closer and settling (the glass part's, or "
              "the room's if the scene has no glass part emptied at the same time), a stool "
              "left in the aisle still turning and one knocked over (the room), steam rising "
              "from the coffee urn, a cup on its side, its coffee running off the counter, and "
              "cash by a cup (the counter); never if not set"),
        Param("knocked", clock_time(), None,
              "story time a runner going past catches the stool standing by the booths and "
              "knocks it over (the room, with `emptied`): it stands there till then, and lies "
              "where it fell after; not set: it lies there from `emptied`"),
        Param("pushed", list_of(clock_time(), "times", 0, 40), (),
              "story times someone else goes through the door after the rush (`emptied`): "
              "each flings it open again, to swing and settle as it did then (in the part that "
              "swings the door)"),
    ),
    "maycompany": (
        Param("x", number(0, 1), 0.5, "centre of the gold cylinder, " + X_DOC),
        Param("ground", number(0, 1), 0.6, "where it stands, " + Y_DOC),
        Param("scale", number(0.1, 3), 1.0,
              "size (1: the cylinder is a third of the picture high)"),
        Param("lit", number(0, 1), None,
              "how strongly the floodlights light it; follows the hour if not set"),
        Param("burnt", boolean(), False,
              "after the flash: a blackened husk, its drum torn open, its box broken, unlit"),
    ),
    "museum": (
        Param("part", choice("pavilion", "shore"), "pavilion",
              "which part of the Page Museum's grounds: the pavilion across the Lake Pit (its "
              "grassy berm, the frieze of Ice Age animals along its top, the atrium's glass, "
              "trees round it), or the near shore (a sunlit bank, a path, a low rail along "
              "the tar)"),
        Param("x", number(0, 1), 0.45, "centre of the pavilion, " + X_DOC),
        Param("ground", number(0, 1), 0.6,
              "the shore's edge (the pavilion stands back from it; the near shore lies below "
              "it), " + Y_DOC),
        Param("scale", number(0.02, 0.5), 0.1,
              "the pavilion's height from the shore to the frieze's top, of the picture's"),
        Param("path", list_of(list_of(number(-0.5, 1.5), "numbers", 2, 2), "[x, y] points",
                              2, 16), None,
              "the near shore's path: [x, y] points its middle runs through, left to right "
              "(give it the points of the `figures` who walk on it); not set, it runs a set "
              "way below `ground`"),
    ),
    "street": (
        Param("traffic", number(0, 1), 0.5, "how many cars, 0 to 1"),
        Param("lamps", color(), (255, 150, 50), "streetlight colour"),
        Param("horizon", number(0.2, 0.9), 0.56, "where the road meets the sky, " + Y_DOC),
        Param("wet", boolean(), True, "wet asphalt that reflects the lights"),
        Param("lit", boolean(), True, "are the streetlights on"),
        Param("crossing", boolean(), False,
              "the cars stop at the crossing's lights (queueing at the stop line, the cars "
              "going away stopping at the cross street's with their brake lights lit) and go "
              "again, on a cycle of about a minute, for people crossing (a `figures` layer's "
              "`crossing`); a traffic light and a signal for the people show it"),
        Param("burnt", boolean(), False,
              "after the flash: the street last seen before it burnt (charred walls, gutted "
              "windows, broken roofs, bent poles, ash on the road, burnt-out cars, a fire or "
              "two), no lamp lit and no car moving"),
    ),
    "block": (
        Param("cars", integer(0, 12), 6,
              "how many cars drive across in the two lanes (the far one left, the near one "
              "right), each coming round again, never closer to the car ahead than a little "
              "road"),
        Param("wet", boolean(), True,
              "wet road: it mirrors the shop windows and the signs in soft streaks, and the cars"),
        Param("part", choice("all", "fronts", "cars"), "all",
              "which part: all of it; the fronts alone (the buildings, their signs, the sidewalk "
              "and the road, no cars); or, as a second block layer after the people on the "
              "sidewalk, the cars alone, passing in front of them"),
    ),
    "tarpit": (
        Param("bubbles", number(0, 1), 0.5, "how often bubbles rise"),
        Param("color", color(), (20, 14, 9), "colour of the tar"),
        Param("y", number(0.2, 1), 0.72, "the edge of the pool, " + Y_DOC),
        Param("reflect", number(0, 1), 0.45, "how strongly the tar mirrors what is above"),
        Param("far_ground", number(0, 1), None,
              "the level ground of the far shore, up-down position, above `y` (not set: `y`): "
              "seen across the pit the tar cannot mirror level ground, so what stands on it "
              "is mirrored hanging from the pool's edge"),
        Param("near", number(0, 1), 0.0,
              "life on the tar nearest you, 0 to 1: its skin creased, oily sheen drifting, "
              "leaves afloat, bigger bubbles, reeds at the picture's foot"),
    ),
    "silhouette": (
        Param("shape", choice("mammoth", "calf", "bull", "payphone", "palm", "burnt palm",
                              "coyote"), "mammoth",
              "which figure: the mother mammoth, her calf, the bull, a payphone, a palm, a palm "
              "whose crown has burnt away, a coyote"),
        Param("x", number(0, 1), 0.5, X_DOC),
        Param("y", number(0, 1), 0.8, "where its feet stand, 0 (top) to 1 (bottom)"),
        Param("scale", number(0.05, 4), 1.0, "size (1 is about a quarter of the picture high)"),
        Param("color", color(), None, "fill colour; not set: the mammoths' coat, #16110d, for "
              "the mother and bull, the calf's red-brown, #4a2c1c (one family, one coat each "
              "in every scene), near black, #08080a, for the others"),
        Param("flip", boolean(), False, "face the other way"),
        Param("sink", number(0, 0.9), 0.0, "how far it has sunk below its feet line, 0 to 0.9"),
        Param("sinking", number(0, 1), 0.0,
              "how much further it sinks each story hour of the scene, until it has gone under"),
        Param("under", optional_time(), None,
              "the story time it stops fighting and goes under, faster and faster: from its "
              "back to gone in about eight story minutes; \"\": never"),
        Param("reflect", number(0, 1), 0.0, "its mirror image below the feet line (tar, wet)"),
        Param("ghost", number(0, 0.9), 0.0,
              "how much of what is behind shows through it, tusks and all (an apparition)"),
        Param("glow", color(), None, "a soft light behind it (a lamp over the payphone)"),
        Param("ring", number(0, 600), 0.0,
              "seconds from the scene's start that the glow swells like a ringing phone"),
        Param("rim", color(), None, "a light catching its edge (a low sun behind it)"),
        Param("rim_from", choice("left", "right"), "left",
              "the side the rim light comes from (and from a little above: its back and head "
              "catch it too)"),
        Param("bank", boolean(), False,
              "it stands on a low dark bank rising from the picture's foot to its feet, short "
              "reeds along its crest (a shore near you)"),
        Param("stir", boolean(), False,
              "a mammoth or calf is never still between its calls: its head and trunk swing a "
              "little up and down again every few seconds (not for a calf whose trunk someone "
              "holds)"),
        Param("statue", boolean(), False,
              "it is a statue (the museum's stone calf): it never moves or calls, its outline "
              "smoothed, its body of `color`'s stone, its coat's hair carved in it as locks, "
              "lighter where the sun falls on its top, darker to its feet"),
        Param("still", boolean(), False,
              "a mammoth or calf that stands still: it never lifts its trunk or calls, whatever "
              "`stir` says (a calf whose trunk someone holds); its coat as in every scene"),
        Param("sun_shadow", number(0, 1), 0.0,
              "how dark a shadow the sky's sun casts on the ground it stands on, 0 (none) to "
              "1: as the `figures` layer's, cast from where it stands at the story time"),
    ),
    "figures": (
        Param("pose", choice("walk", "run", "run-glance", "run-stumble", "sit", "idle",
                             "embrace", "phone", "reach", "handshake", "straighten", "argue",
                             "peer", "stay", "offer", "talk", "listen", "rise", "alarm"),
              "walk",
              "what they do: walk, run (run-glance: every third stride a look back over "
              "the shoulder; run-stumble: every fourth a stumble, pitched forward with the "
              "arms flung out, and on again), sit, idle, embrace (in pairs), phone, reach (a hand "
              "held out to an animal), handshake (in pairs, once, then they stand), "
              "straighten (up from a reach, the arm easing down to the side in a second, then "
              "they stand), or argue (seated on stools, turned towards whoever they face, each "
              "in turn with arms folded, a finger jabbing, leaning back, a hand raised), or "
              "peer (standing at a window looking in, turned to the glass, a hand at the "
              "brow), or stay (one who stayed, seated at a counter: elbows on it, his hands "
              "together, then his head in his hands, then looking up, breathing), or offer "
              "(a hand held out to an animal once: out in a second, coaxing, back to the side, "
              "10 seconds; then they stand), or talk and listen (two standing people "
              "talking, in turns of 6 seconds from when the layer begins, along one long "
              "schedule that does not come round for 3 minutes: the one speaking explains "
              "with a hand raised and opened, shrugs and points past the other, counts on "
              "their fingers; the one listening nods, folds their arms and glances away, "
              "shades their eyes to look far off; now and then they laugh together, or are "
              "quiet together; give talk (the first to speak) and listen layers one `from`), or "
              "rise (up off their stools from arguing, each from their own pose: leaning in, "
              "both hands on the counter, pushing up and turning to stand, in 1.8 seconds; "
              "then they stand), or alarm (standing, the news taking hold: turned three-"
              "quarters to the visitor, the head coming round to them and back, each in turn "
              "a hand over the mouth, both hands to the head, pointing out and looking round, "
              "pulling a coat on; `pick` one of a `look` to choose whose)"),
        Param("then", choice("idle", "peer", "look-up", "press"), "idle",
              "what they do once they have walked or run to their path's end, or a gesture "
              "played once is over: stand at ease (idle), peer in at a window, or stand "
              "looking up at something over them, the head tipped back (look-up), or, held "
              "in a crush at a door, push and jostle (press: leaning into the one ahead, the "
              "weight shifting, the shoulders turning, an arm up on the one in front or on the "
              "door frame, a glance back; each their own way, dealt in turn)"),
        Param("body", choice("person", "harry", "julie", "couple", "elders", "man", "woman",
                             "coyote"),
              "person",
              "who: people of mixed builds, hats and clothes (person); Harry (jacket, square "
              "shoulders); Julie (curls, a dress); Harry and Julie in turn (couple); an old man "
              "and an old woman in turn, stooped and slow, grey hair catching the light, his "
              "stick (elders); a man or a woman; or a coyote (it walks, runs or stands and "
              "looks round)"),
        Param("crowd", choice("passers-by", "night", "fleeing"), "passers-by",
              "for `person`s, who they are: anyone out in the day, a child among them "
              "(passers-by); grown-ups only (night: a diner at four in the morning, looters); "
              "or grown-ups fleeing with what they grabbed, a child in their arms, a suitcase, "
              "a box, a bag, a coat held over the head (fleeing)"),
        Param("arms", choice("pump", "panic", "drive", "throw", "flail", "head", "reach"),
              "pump",
              "running, what their arms do: pump evenly, as an athlete's (pump); or in panic, "
              "each their own (panic: the styles below dealt in turn across the scene's "
              "runners, no two after each other alike, how wildly each their own), or all "
              "one: pumping hard, the fists up to the face (drive), flung in great loose arcs "
              "(throw), flailing out of step, loose (flail), a hand clutching the head "
              "(head), an arm clawing ahead for the way out (reach); whoever carries "
              "something holds on to it"),
        Param("led", boolean(), False,
              "each of them leads a small child by the hand, the child running (or walking) "
              "beside them with quicker steps, now and then stumbling a step behind"),
        Param("path", list_of(list_of(number(-0.5, 1.5), "numbers", 2, 2), "[x, y] points",
                              1, 16), ((0.5, 0.8),),
              "where their feet go, [x, y] points from 0 to 1 (x left-right, y top-bottom)"),
        Param("speed", number(0, 1), 0.02,
              "share of the picture's width walked each real second, 0 to stand still"),
        Param("loop", boolean(), False, "start the path again at its end (else stop there)"),
        Param("crossing", boolean(), False,
              "they cross the road with the `street`'s lights (give it `crossing = true`): "
              "walking in to the kerb just past the picture's side while the cars go, waiting "
              "there out of sight (the kerb is beyond the picture at the zebra's depth), "
              "crossing when the cars have stopped (at the pace that has them over in time) "
              "and gone before the cars go again; start the path off the picture's side. A "
              "path of three points or more: they wait at its second point instead, in view "
              "(on a corner up the pavement from the zebra), and go on along the rest when "
              "the walking figure lights"),
        Param("from", clock_time(), None,
              "story time they appear and set off; the scene's start if not set"),
        Param("until", clock_time(), None, "story time they are gone; the scene's end if not set"),
        Param("start", number(0, 10), 0.0,
              "walking or running, real seconds they take from standing to full pace at "
              "`from` (pushing off, each stride quicker than the last): 0, at full pace at once"),
        Param("count", integer(1, 40), 1, "how many people, one behind the other"),
        Param("pick", list_of(integer(0, 39), "whole numbers from 0 to 39", 1, 40), (),
              "which of the people of the layers with the same `look` these are, by their "
              "place among them (0 the first), one for each of `count`: the same person, "
              "clothes (the same `clothes` list), place on a standing path and, arguing or "
              "getting up, pose, e.g. one of five on the stools getting up (none: the first "
              "`count` of them)"),
        Param("spacing", number(0, 1), 0.05, "gap between them along the path, 0 to 1"),
        Param("jostle", number(0, 1), 0.0, "how much each one shifts about on the spot"),
        Param("scale", number(0.01, 1.5), 0.25, "height of a person as a share of the picture "
              "(with a `horizon`: where the path begins)"),
        Param("eye", number(0.5, 10), None,
              "with a `horizon`: how high the eye that sees them is over their ground, in "
              "people's heights; each is as tall as their feet are below the horizon over "
              "this (in place of `scale`), so a scene's figures layers given one `eye` stand "
              "on one ground, whoever's feet are lower the taller"),
        Param("horizon", number(0, 1), None,
              "the ground's horizon, " + Y_DOC + ": with it, they are seen in perspective, "
              "taller the further below it their feet are (coming nearer) and smaller towards "
              "it, running slower across the picture there; their path's points below it. "
              "None: one size wherever they are"),
        Param("color", color(), (10, 10, 14), "fill colour"),
        Param("clothes", list_of(color(), "colours", 0, 8), (),
              "colours of their tops, skirts and coats, one each in turn (none: all `color`)"),
        Param("rim", color(), None, "a light catching one edge (a lamp, a sunset)"),
        Param("rim_from", choice("right", "left", "both", "sun", "above"), "right",
              "the side the rim light comes from; \"both\": lit from behind, the left edge "
              "dimmer; \"sun\": the sun's side, as it moves (behind them: both edges); "
              "\"above\": from behind and above (lit glass behind them): along the top edges "
              "alone (a back, a head, ears), never the legs or belly under them"),
        Param("rim_soft", number(0, 1), 0.0,
              "how soft their rim is: 0, a bright line at the very edge (a lamp close by, "
              "a lit room behind them); 1, half as bright at the edge and fading evenly over "
              "three pixels into them (a low sun far off: never an outline cut from paper)"),
        Param("facing", choice("path", "left", "right"), "path",
              "which way they face: along the path, or always left or right"),
        Param("look_at", list_of(number(-0.5, 1.5), "numbers", 2, 2), None,
              "a coyote standing turns to look at this [x, y] point (0 to 1, as `path`), "
              "between `from` and `until`: its head, then its body stepping round, as far as "
              "three-quarters into the picture; it looks, an ear turning back and its head "
              "lowering, then turns back the way it faces. Not set: it looks round"),
        Param("window", color(), None,
              "a lit window of this colour round them, seen from outside (where the path begins)"),
        Param("shadow", number(-6, 6), 0.0,
              "a long shadow laid on the ground, in heights: right if above 0, left if below"),
        Param("sun_shadow", number(0, 1), 0.0,
              "how dark a shadow the sky's sun casts on the ground they stand on, 0 (none) to "
              "1: towards us and away from the sun's side, as long as where it stands at the "
              "story time makes it (short when high, longer as it sinks)"),
        Param("contact", number(0, 1), 0.0,
              "how dark the soft shadow under their feet is, 0 (none) to 1: where they touch "
              "the ground, so nobody seems to float"),
        Param("contact_reach", number(0, 4), 0.0,
              "with `contact`: their shadow laid this many heights long towards us from their "
              "feet (a low light behind them: the dawn sun, floodlights), 0 for the pad alone"),
        Param("reflect", number(0, 1), 0.0,
              "how strongly they mirror in the tar below their feet, 0 to 1 (feet at its edge)"),
    ),
    "booth": (
        Param("x", number(0, 1), 0.8, "centre of the booth, " + X_DOC),
        Param("ground", number(0, 1), 0.9, "where it stands, " + Y_DOC),
        Param("scale", number(0.05, 1), 0.4, "its height as a share of the picture"),
        Param("light", color(), (214, 240, 226), "colour of the fluorescent tube inside"),
        Param("lit", boolean(), True, "is the light on"),
        Param("ring", number(0, 600), 0.0,
              "seconds from the scene's start that the light pulses with each ring"),
        Param("caller", boolean(), True, "someone inside, the receiver at his ear"),
        Param("caller_color", color(), (8, 8, 12), "the caller's colour against the light"),
        Param("receiver", choice("hung", "hanging"), "hung",
              "with nobody at the phone, its receiver: hung in its cradle, or left hanging off "
              "the hook on its cord"),
        Param("hears", clock_time(), parse_clock("04:06:30"),
              "story time the news lands on the caller (the receiver at his ear): he stiffens, "
              "straight and still, his head up off the receiver, staring out through the glass, "
              "his free hand flat on the glass over the phone"),
        Param("hand_to_head", clock_time(), parse_clock("04:08"),
              "story time the caller's free hand goes to his head (the receiver at his ear)"),
        Param("slumps", clock_time(), parse_clock("04:12"),
              "story time he slumps back against the glass, his hand still at his head"),
        Param("lets_go", clock_time(), parse_clock("04:16"),
              "story time he lets the receiver fall: it hangs swinging on its cord under the "
              "phone (each beat no earlier than the one before; one outside the scene never "
              "comes)"),
        Param("traffic", number(0, 30), 0.0,
              "cars a minute passing far behind it, out of focus: a pair of soft headlights "
              "one way, tail-lights the other, blooming over the lit booth's glass as they "
              "pass behind it; 0: none"),
        Param("traffic_y", number(0, 1), 0.8, "the height of their lamps, " + Y_DOC),
    ),
    "backdrop": (
        Param("x", number(0, 1), 0.4, "centre of the diner behind, " + X_DOC),
        Param("ground", number(0, 1), 0.8, "where the diner stands, " + Y_DOC),
        Param("scale", number(0.2, 3), 1.6, "the diner's size (as the diner layer's scale)"),
        Param("interior", color(), (214, 236, 214), "colour of the light inside the diner"),
        Param("horizon", number(0.1, 1), 0.72, "where the sky meets the towers' feet, " + Y_DOC),
        Param("blur", number(0, 0.1), 0.012,
              "how far out of focus, as a share of the picture's height (0: sharp)"),
        Param("dim", number(0, 1), 0.6, "how much of its light is kept, 0 (black) to 1"),
    ),
    "searchlight": (
        Param("beams", integer(1, 8), 3, "how many beams"),
        Param("color", color(), (220, 230, 255), "beam colour"),
        Param("speed", number(0, 4), 1.0, "how fast they sweep (1 = one sweep in ~12 s)"),
        Param("spread", number(5, 80), 35.0, "how far each beam swings, in degrees"),
        Param("ground", number(0, 1), 0.8, "where the lamps stand, " + Y_DOC),
    ),
    "helicopter": (
        Param("color", color(), (235, 240, 255), "colour of its spotlight"),
        Param("y", number(0, 1), 0.2, "the height it flies at, " + Y_DOC),
        Param("ground", number(0, 1), 0.8, "where its spot lands, " + Y_DOC),
        Param("scale", number(0.02, 0.4), 0.09,
              "its length, nose to tail, as a share of the picture's width"),
    ),
    "caption": (
        Param("text", text(), "", "words typed onto the wall"),
        Param("place", text(allow_empty=True), "", "location/time stamp"),
        Param("x", number(0, 1), 0.07, "left edge of the words, " + X_DOC),
        Param("y", number(0, 1), 0.86, "baseline of the words, " + Y_DOC
              + "; words that would end below 0.93 (the title-safe area) are raised to end there"),
        Param("size", number(0.01, 0.2), 0.032, "letter height as a share of the picture"),
        Param("speed", number(1, 200), 16.0, "letters typed per second"),
        Param("delay", number(0, 600), 2.0, "seconds into the scene before typing starts"),
        Param("hold", number(0, 3600), 40.0,
              "seconds the words stay once typed, then fade; 0 keeps them all scene"),
        Param("color", color(), (236, 228, 210), "colour of the words"),
        Param("shade", number(0, 1), 1.0,
              "how dark the soft shade behind the words is: 1 for pale words on a busy or "
              "dark picture; less on a light sky or haze, where it reads as a smear (with "
              "dark words, 0)"),
        Param("font", text(), "typewriter", FONT_DOC),
    ),
    "countdown": (
        Param("color", color(), (236, 228, 210), "colour of the letters"),
        Param("x", number(0, 1), 0.76, "middle of the lettering, " + X_DOC),
        Param("y", number(0, 1), 0.045, "middle of the lettering, " + Y_DOC),
        Param("size", number(0.02, 0.5), 0.042, "letter height as a share of the picture"),
        Param("label", boolean(), True,
              "show the label (T-MINUS) before the minutes and seconds"),
    ),
    "banksign": (
        Param("x", number(0, 1), 0.8, "centre of the sign, " + X_DOC),
        Param("y", number(0, 1), 0.3, "centre of its lamps, " + Y_DOC),
        Param("ground", number(0, 1), 0.75,
              "where its pole stands, " + Y_DOC
              + "; above the lamps' foot: no pole (on a wall)"),
        Param("scale", number(0.02, 0.5), 0.09,
              "height of the lamp face as a share of the picture"),
        Param("color", color(), (255, 150, 50), "colour of a lit lamp"),
        Param("temperature", number(-40, 130), 64.0, "the temperature it shows, in degrees"),
        Param("unit", choice("F", "C"), "F", "the unit after the degrees: F or C"),
        Param("seconds", number(1, 60), 4.0,
              "real seconds it shows the time, then the temperature, turn about"),
        Param("name", text(allow_empty=True), "WILSHIRE SAVINGS",
              "the bank's name on the lit panel above the lamps"),
    ),
    "room": (
        Param("digits", text(), "12:00", "what the clock radio shows, in seven-segment figures"),
        Param("color", color(), (255, 42, 30), "colour of the clock's figures and their light"),
        Param("blink", number(0, 10), 1.0,
              "real seconds of one blink of the figures (lit half of it); 0: always lit"),
        Param("cars", number(0, 600), 9.0,
              "a car's lights pass over the wall about once in this many real seconds; 0: none"),
    ),
    "image": (
        Param("file", text(), None, "a PNG or JPG, relative to the timeline file"),
        Param("fit", choice("fit", "fill"), "fill", "fit inside, or fill and crop"),
        Param("zoom", number(0, 0.5), 0.06, "slow zoom over the scene, 0 for none"),
        Param("pan", choice("none", "left", "right", "up", "down"), "left", "slow drift"),
        Param("seconds", number(5, 3600), 90.0, "real seconds for the whole pan and zoom"),
    ),
    "particles": (
        Param("kind", choice("ash", "rain", "embers", "dust"), "dust", "what falls or floats"),
        Param("amount", number(0, 1), 0.5, "how many"),
        Param("color", color(), None, "their colour; each kind has its own if not set"),
        Param("wind", number(-1, 1), 0.15, "sideways drift, -1 (left) to 1 (right)"),
        Param("size", number(0.2, 4), 1.0, "how big"),
    ),
    "flash": (
        Param("seconds", number(0.1, 120), 6.0, "how long the white takes to fade"),
        Param("color", color(), (255, 255, 255), "colour of the light"),
        Param("x", number(0, 1), 0.62, "where on the horizon the light swells from, " + X_DOC),
        Param("y", number(0, 1), 0.8, "the horizon the light swells from, " + Y_DOC),
        Param("burns", choice("before", "nothing"), "before",
              "what burns in (the negative, black against the light, the after-image): "
              "\"before\", the picture the visitor was watching, the scene before as it stood "
              "the moment before (all of it but its sky, its words and its specks); "
              "\"nothing\", the light alone"),
    ),
    "ruins": (
        Param("ground", number(0, 1), 0.8, "where the ruins stand, " + Y_DOC),
        Param("height", number(0.05, 0.9), 0.3, "tallest tower before the flash, share of the "
              "picture"),
        Param("color", color(), (22, 17, 15), "colour of the broken towers"),
        Param("fires", integer(0, 8), 4, "how many fires burn among them"),
        Param("fire", color(), (255, 110, 36), "colour of the firelight"),
        Param("boulevard", boolean(), False,
              "the ground in front is Wilshire under ash: the road's kerbs, a burnt-out car, "
              "a fallen lamp post, burnt palms along it, Johnie's broken on its corner"),
        Param("boulevard_x", number(0, 1), 0.5, "where the road runs to, " + X_DOC),
        Param("ash", number(0, 2), 1.0, "with `boulevard`: how deep the ash lies on its ground "
              "(as the scene begins, with `ash_end`): 0 the scorched street bare, 0.2 a first "
              "thin dusting with the dark showing through, 1 deep drifts blown into ridges, "
              "2 the ground all ash"),
        Param("ash_end", number(0, 2), None, "with `boulevard`: how deep the ash lies on its "
              "ground by the end of the scene, deepening evenly from `ash` (as the sign and "
              "the car go under with `bury`); not set: as deep all scene"),
        Param("fallen", boolean(), False, "Johnie's pylon sign lies fallen across the ground "
              "near us, large, ash on it and heaped against it (with `boulevard`: instead of "
              "standing on its corner)"),
        Param("bury", number(0, 1), 0.0, "with `fallen`: how deep the ash drifts over the "
              "sign by the end of the scene, in steps from its start (its face greyed over in "
              "drifts, the heap at its foot climbing it); 0: it lies as it fell"),
        Param("flare", number(0, 1), 0.0, "how high the first fire flares up, once, over a "
              "minute or so from 100 real seconds into the scene, and dies back; 0: never"),
        Param("collapse", optional_time(), None, "the story time a tall broken tower's top "
              "gives way: its floors pancake and its chunks tumble down apart over 6 real "
              "seconds, dust rolling out from its foot and drifting with the smoke's wind for "
              "~30; a jagged stump stands after (already fallen if the time comes before the "
              "scene); \"\": never"),
        Param("collapse_x", number(0, 1), None, "which tower gives way: the tall far one "
              "standing nearest here, " + X_DOC + "; if not set, one of the three tallest, "
              "chosen by the timeline's seed (the same in every scene with ruins)"),
        Param("collapse_size", number(1, 3), 1.0, "how large the tower that gives way "
              "stands, as a camera nearer it sees it: this many times as wide and tall as in "
              "the far row (its storeys too), darker, its dust cloud as much larger; 1: as "
              "it stands in the far row"),
        Param("pan", number(-1, 1), 0.0, "how far along the eye has moved since the flash "
              "saw these ruins, a share of the picture's width: the towers and the fires "
              "among them (the smoke rising from them) slid this far to the right, -1 to 1 "
              "(left), those pushed out at one side coming in at the other, so a later scene "
              "is seen from a new place; the tower `collapse` lets give way stands where it "
              "did, in front of them; 0: as the flash saw them"),
    ),
    "lot": (
        Param("ground", number(0, 1), 0.8, "where the lot meets the buildings, " + Y_DOC),
        Param("color", color(), (22, 22, 30), "colour of the asphalt"),
        Param("light", color(), (220, 230, 255), "colour of the searchlights' light on it"),
        Param("cars", integer(0, 8), 8, "how many cars left on it (some burnt out, some with a "
              "door open), behind the looters' lanes"),
        Param("fires", integer(0, 2), 2, "how many fires burn on it"),
        Param("fire", color(), (255, 110, 36), "colour of the firelight"),
        Param("smoke", color(), (104, 92, 90), "colour of the fires' smoke"),
    ),
    "panic": (
        Param("horizon", number(0.2, 0.9), 0.56, "the street's horizon (the same as the street "
              "layer's), " + Y_DOC),
        Param("cars", integer(0, 6), 4, "how many cars stand left at angles in the lanes, doors "
              "hanging open, lamps still on"),
        Param("police", number(0, 1), 0.6, "how strongly a police car's red and blue lights "
              "wash the facades and the wet road, in pulses; 0: no police car"),
        Param("racing", integer(0, 2), 1, "how many cars race away down the boulevard, far "
              "too fast, one after the other"),
        Param("papers", integer(0, 60), 16, "sheets of paper blowing across the road"),
        Param("part", choice("all", "near"), "all", "which part: all of it, or (a second panic "
              "layer, laid over the people running in the road) the racing cars alone while "
              "they are nearer than `near`, as the main part's keys set them; the main part "
              "then leaves them out there"),
        Param("near", number(0, 1), 0.69, "for part \"near\": the row below which the racing "
              "cars' wheels are nearer than the people in the road, " + Y_DOC),
    ),
    "smoke": (
        Param("columns", integer(1, 8), 3, "how many columns; they rise from the ruins' fires "
              "when `ground` is the same"),
        Param("ground", number(0, 1), 0.8, "where the columns start, " + Y_DOC),
        Param("height", number(0.1, 1), 0.6, "how high they rise, share of the picture"),
        Param("wind", number(-1, 1), 0.35, "how far they lean, -1 (left) to 1 (right)"),
        Param("color", color(), (62, 58, 56), "colour of the smoke"),
        Param("amount", number(0, 1), 0.7, "how thick, 0 to 1"),
        Param("size", number(0.2, 4), 1.0, "how wide the columns are"),
        Param("thins", number(0, 1), 0.0, "how much thinner the smoke is by the end of the "
              "scene, thinning evenly from its start (the fires dying down); 0: never"),
        Param("thinned", optional_time(), None, "the story time by which the smoke has thinned "
              "by `thins` (its fires died down as much), thinning from the scene's start; \"\": "
              "by the scene's end"),
        Param("leans", number(0, 2), 0.0, "how much further the columns lean over by the end "
              "of the scene, a share of their lean at its start (the wind getting up), leaning "
              "further evenly from its start; 0: never"),
    ),
    "bones": (
        Param("y", number(0.2, 1), 0.72, "the tar's surface; the bones lie below it, " + Y_DOC),
        Param("amount", number(0, 1), 0.6, "how many bones, and bubbles rising through them"),
        Param("color", color(), (138, 95, 58), "colour of the bones nearest the surface"),
        Param("tar", color(), (12, 11, 10), "colour of the tar they lie in"),
        Param("remains", number(0, 1), 0.0,
              "the city's things in the newest layer: a car, then a payphone's handset on its "
              "coiled cord, then a wristwatch stopped at 5:15; 0 for none, 1 for all three"),
        Param("gone", optional_time(), None,
              "the story time by which the city's things have gone under, going down evenly "
              "from the scene's start (the bones stay till the next scene's transition); "
              "\"\": they stay"),
    ),
    "haze": (
        Param("color", color(), (150, 146, 140), "colour of the haze and of the settled ash"),
        Param("amount", number(0, 1), 0.35, "how thick the haze is, 0 to 1"),
        Param("clears", boolean(), False, "thin away to nothing by the end of the scene"),
        Param("shore", number(0, 1), 0.0,
              "ash lies in drifts along this line, thinning over the ground below it, "
              + Y_DOC + "; 0 for none"),
    ),
    "sunbreak": (
        Param("x", number(0, 1), 0.5, "where the sun's disc is, " + X_DOC),
        Param("y", number(0, 1), 0.3, "where the sun's disc is, " + Y_DOC),
        Param("size", number(0, 0.2), 0.035, "the disc's radius, share of the picture's "
              "height; 0: no disc, only its glow (a sun out of the picture)"),
        Param("color", color(), (228, 168, 108), "colour of the sun through the ash"),
        Param("light", number(0, 1), 0.5, "how strongly its light reaches the sky round it "
              "and the ground, at full"),
        Param("ground", number(0, 1), 0.56, "the horizon its light on the ground starts from "
              "(the street's), " + Y_DOC),
        Param("from", clock_time(), None, "story time it starts to show through; the "
              "scene's start if not set"),
        Param("until", clock_time(), None, "story time it shows in full; the scene's end if "
              "not set"),
        Param("goes", boolean(), False, "it goes instead of coming: in full from the scene's "
              "start, weaker step by step from `from` to nothing at `until`"),
        Param("part", choice("all", "sky", "ground"), "all", "which part: all of it, or (two "
              "sunbreak layers with the same keys) its disc and glow in the sky, put before "
              "the ruins so the towers stand in front of it, or its light on the ground, put "
              "after the street"),
    ),
    "camera": (
        Param("drift", number(0, 0.05), 0.012, "how far the nearest layers (depth 1) sway each "
              "way, as a share of the picture's height (0 for a still camera)"),
        Param("seconds", number(10, 3600), 50.0, "real seconds for one sway there and back"),
        Param("sways", integer(0, 20), 0, "whole sways there and back in the scene, whatever "
              "the day's length: centred again as it ends (for a cut that must not jump); "
              "0: `seconds` sets the sway"),
    ),
    "post": (
        Param("grain", number(0, 1), 0.15, "film grain"),
        Param("scanlines", number(0, 1), 0.0, "scanlines"),
        Param("vignette", number(0, 1), 0.4, "dark corners"),
        Param("bleed", number(0, 1), 0.0, "colour bleed"),
    ),
}

# Keys a layer no longer reads, still accepted so a curator's older timeline loads unchanged
# (a key here does nothing; docs/layers.md says what replaced it).
RETIRED: dict[str, tuple[str, ...]] = {
    "countdown": ("ghost",),  # the old display's unlit segments: the countdown is typed now
}
