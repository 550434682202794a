"""How a long run shows its progress: a bar on a terminal, a plain line now and then in a log."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

if TYPE_CHECKING:
    from .pipeline import IngestReport


class RateColumn(ProgressColumn):
    """Inputs a second, as rich measures them over the last half minute."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.1f}/s" if task.speed else "-/s", style="progress.data.speed")


class RunProgress:
    """The progress callback of an ingest or recode, and a context to show it in.

    On a terminal: a rich bar with inputs done out of the total (when it could be counted
    beforehand), the rate and the time left. Elsewhere (a log, a pipe): one plain line every
    `every` inputs, nothing rewritten in place.
    """

    def __init__(self, console: Console, total: int | None, every: int = 500) -> None:
        self.console, self.total, self.every = console, total, every
        self.done = 0  # inputs whose fate is known (`report.seen` runs ahead, a chunk at a time)
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._previous: signal.Handlers | Callable[..., Any] | int | None = None
        self._stopping = False

    def __enter__(self) -> RunProgress:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._interrupted)
        if self.console.is_terminal:
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                RateColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("starting", total=self.total)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _interrupted(self, signum: int, frame: FrameType | None) -> None:
        """Ctrl-C: the run stops after the input in hand, outside any query or transaction
        (DuckDB turns an interrupt inside a query into errors of its own). A second Ctrl-C,
        or one before the first input, stops at once."""
        if self._stopping or not self.done:
            raise KeyboardInterrupt
        self._stopping = True

    def __call__(self, source: str, report: IngestReport) -> None:
        self.done += 1
        if self._stopping:
            raise KeyboardInterrupt
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=self.done, description=_counts(report))
        elif self.done % self.every == 0:
            self.console.print(f"{self.done} inputs: {_counts(report)}", highlight=False)


def _counts(report: IngestReport) -> str:
    return f"{report.stored} stored, {report.skipped} known, {report.failed} failed"
