"""Progress: a callback `progress(stage, done, total)` the long stages call page by page (compose, paint,
preflight, proof, diff), and the terminal bar the CLI gives them — nothing at all on a non-terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

Progress = Callable[[str, int, int], None]  # (stage, pages done, pages in all)


class TerminalBar:
    """Accumulator of one command's bars: a click progress bar per stage on stderr, closed when the stage
    reaches its total or the next stage starts."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.stage: str | None = None
        self.bar = None
        self.done = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total < 2:
            return  # one page: no bar
        if stage != self.stage:
            self.close()
            self.stage, self.done = stage, 0
            self.bar = click.progressbar(length=total, label=f"  {stage:<10}", file=self.stream, width=30,
                                         show_pos=True, show_eta=False)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done
        if done >= total:
            self.close()

    def close(self) -> None:
        """Finish the current bar (its line stays, ending in a newline)."""
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar, self.stage = None, None


def terminal_progress(quiet: bool = False, stream=None) -> Progress | None:
    """A TerminalBar when stderr (or `stream`) is a terminal and the command is not quiet, else None."""
    stream = stream or sys.stderr
    if quiet or not stream.isatty():
        return None
    return TerminalBar(stream)


def report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    """Call `progress` if there is one (the stages' one line)."""
    if progress is not None:
        progress(stage, done, total)
