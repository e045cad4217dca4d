"""Every picture layer a curator can use, with its keys. Shared by the loader and the visuals."""

from __future__ import annotations

from ..params import Param, boolean, choice, color, number, text

# Keys every layer accepts.
COMMON = (
    Param("opacity", number(0, 1), 1.0, "how strongly the layer shows, 0 to 1"),
    Param("blend", choice("normal", "add", "multiply", "screen"), "normal",
          "how the layer mixes with the layers below"),
)

LAYERS: dict[str, tuple[Param, ...]] = {
    "sky": (
        Param("top", color(), None, "colour at the top; follows the story hour if not set"),
        Param("bottom", color(), None, "colour at the horizon; follows the story hour if not set"),
        Param("stars", number(0, 1), None, "star density 0 to 1; follows the hour if not set"),
        Param("sun", boolean(), True, "draw the sun or moon where the hour puts it"),
    ),
    "skyline": (
        Param("lit", number(0, 1), None, "share of windows lit; follows the hour if not set"),
        Param("color", color(), (12, 12, 22), "colour of the buildings"),
    ),
    "neon": (
        Param("text", text(), "MIRACLE MILE", "the words of the sign"),
        Param("color", color(), (255, 60, 170), "tube colour"),
        Param("flicker", number(0, 1), 0.1, "how much the sign flickers"),
        Param("failing", number(0, 1), 0.0, "share of letters that are failing"),
    ),
    "diner": (
        Param("sign", text(), "JOHNNIE'S", "the sign's words"),
        Param("lit", boolean(), True, "is the diner lit"),
    ),
    "street": (
        Param("traffic", number(0, 1), 0.5, "how many cars, 0 to 1"),
        Param("lamps", color(), (255, 150, 50), "streetlight colour"),
    ),
    "tarpit": (
        Param("bubbles", number(0, 1), 0.5, "how often bubbles rise"),
    ),
    "silhouette": (
        Param("shape", choice("mammoth", "calf", "payphone", "palm", "coyote"), "mammoth",
              "which figure"),
        Param("x", number(0, 1), 0.5, "left-right position, 0 to 1"),
        Param("y", number(0, 1), 0.8, "where its feet stand, 0 (top) to 1 (bottom)"),
        Param("scale", number(0.05, 4), 1.0, "size"),
        Param("color", color(), (8, 8, 10), "fill colour"),
    ),
    "searchlight": (
        Param("beams", number(1, 8), 3, "how many beams"),
        Param("color", color(), (220, 230, 255), "beam colour"),
    ),
    "caption": (
        Param("text", text(), "", "words typed onto the wall"),
        Param("place", text(allow_empty=True), "", "location/time stamp"),
    ),
    "countdown": (
        Param("color", color(), (255, 40, 30), "digit colour"),
    ),
    "image": (
        Param("file", text(), None, "a PNG or JPG, relative to the timeline file"),
        Param("fit", choice("fit", "fill"), "fill", "fit inside, or fill and crop"),
    ),
    "particles": (
        Param("kind", choice("ash", "rain", "embers", "dust"), "dust", "what falls or floats"),
        Param("amount", number(0, 1), 0.5, "how many"),
    ),
    "flash": (
        Param("seconds", number(0.1, 120), 6.0, "how long the white takes to fade"),
    ),
    "post": (
        Param("grain", number(0, 1), 0.15, "film grain"),
        Param("scanlines", number(0, 1), 0.0, "scanlines"),
        Param("vignette", number(0, 1), 0.4, "dark corners"),
        Param("bleed", number(0, 1), 0.0, "colour bleed"),
    ),
}
