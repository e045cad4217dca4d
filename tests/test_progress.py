"""Progress bars: time left on a terminal, nothing at all in a log or a pipe."""

from __future__ import annotations

import io

from installation.commands.progress import Bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_on_a_terminal_shows_the_label_the_share_done_and_time_left() -> None:
    stream = Terminal()
    with Bar(40.0, "rendering 04:00-04:10", stream, redraw=0.0) as bar:
        bar.to(10.0)
        bar.to(20.0)
        bar.to(20.0)  # the same position again moves nothing
        assert bar.done == 20.0
        shown = stream.getvalue()
    assert "rendering 04:00-04:10" in shown
    assert " 50% [" in shown and "<" in shown  # elapsed<remaining


def test_a_bar_writes_nothing_when_the_output_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with Bar(3, "drawing thumbnails", stream) as bar:
        for _ in range(3):
            bar.step()
    assert stream.getvalue() == ""
