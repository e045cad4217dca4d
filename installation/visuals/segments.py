"""Seven-segment figures (a clock radio's): which segments each digit lights, and their
shapes."""

from __future__ import annotations

# Which segments each digit lights: a top, b top right, c bottom right, d bottom,
# e bottom left, f top left, g middle.
SEGMENTS = {
    "0": "abcdef", "1": "bc", "2": "abdeg", "3": "abcdg", "4": "bcfg",
    "5": "acdfg", "6": "acdefg", "7": "abc", "8": "abcdefg", "9": "abcdfg",
}
DIGIT_WIDTH = 0.56  # of the digit height
THICKNESS = 0.12
GAP = 0.22  # between digits
COLON = 0.3


def segment_polygons(height: int) -> dict[str, list[tuple[float, float]]]:
    """The seven segments of a digit whose top-left is (0, 0), as hexagons."""
    w, t = height * DIGIT_WIDTH, height * THICKNESS
    half, mid = t / 2, height / 2

    def across(y: float) -> list[tuple[float, float]]:
        return [(half, y), (t, y - half), (w - t, y - half), (w - half, y), (w - t, y + half),
                (t, y + half)]

    def down(x: float, y0: float, y1: float) -> list[tuple[float, float]]:
        return [(x, y0 + half), (x + half, y0 + t), (x + half, y1 - t), (x, y1 - half),
                (x - half, y1 - t), (x - half, y0 + t)]

    return {"a": across(half), "g": across(mid), "d": across(height - half),
            "f": down(half, half, mid), "b": down(w - half, half, mid),
            "e": down(half, mid, height - half), "c": down(w - half, mid, height - half)}


def segment_centre(segment: str, height: int) -> tuple[float, float]:
    """The middle of one segment, relative to the digit's top-left corner."""
    points = segment_polygons(height)[segment]
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
