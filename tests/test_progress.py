"""The progress of a run (communique.progress): a bar on a terminal, plain lines in a log."""

from __future__ import annotations

import io

from rich.console import Console

from communique.pipeline import IngestReport
from communique.progress import RunProgress


def run(console: Console, total: int | None, inputs: int) -> None:
    with RunProgress(console, total, every=2) as progress:
        for n in range(1, inputs + 1):
            progress(f"article-{n}.txt", IngestReport(seen=n, stored=n - 1, failed=1))


def test_a_log_gets_a_plain_line_every_few_inputs() -> None:
    out = io.StringIO()
    run(Console(file=out, force_terminal=False), None, 5)
    assert out.getvalue().splitlines() == [
        "2 inputs: 1 stored, 0 known, 1 failed",
        "4 inputs: 3 stored, 0 known, 1 failed",
    ]


def test_a_terminal_gets_a_bar_with_done_out_of_total() -> None:
    out = io.StringIO()
    run(Console(file=out, force_terminal=True, width=120), 5, 3)
    shown = out.getvalue()
    assert "3/5" in shown and "━" in shown and "/s" in shown
