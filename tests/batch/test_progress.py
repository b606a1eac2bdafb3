"""The progress counter: drawn on a terminal only."""

from __future__ import annotations

import io

from sanctionscreen.batch.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_drawn_on_a_terminal_and_ended_with_a_newline() -> None:
    stream = Terminal()
    bar = Progress(stream=stream)
    bar.update(1500, 3)
    bar.close()
    assert stream.getvalue().startswith("\rscreened 1,500 rows, 3 flagged (")
    assert stream.getvalue().endswith("\n")


def test_silent_when_not_a_terminal_or_disabled() -> None:
    for bar, stream in (
        (lambda s: Progress(stream=s), io.StringIO()),
        (lambda s: Progress(stream=s, enabled=False), Terminal()),
    ):
        progress = bar(stream)
        progress.update(10, 0)
        progress.close()
        assert stream.getvalue() == ""
