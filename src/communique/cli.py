"""The command line: parse arguments, call the library, print. No logic lives here."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from . import api
from .errors import CommuniqueError
from .eval import format_report
from .export import write_records
from .pipeline import IngestReport
from .settings import Settings

app = typer.Typer(
    help="communique: who agreed what with whom, and when — checked event data from news.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Database file (default: communique.duckdb).")]
SettingsOption = Annotated[
    Path | None, typer.Option("--settings", help="A TOML file overriding data/settings.toml.")
]


def _settings(path: Path | None, db: str | None) -> Settings:
    return Settings.load(path, db_path=db)


def _progress_printer() -> api.ProgressCallback:  # type: ignore[name-defined]
    """A line per input on a terminal-less run, a live status line on a terminal."""
    interactive = console.is_terminal

    def show(source: str, report: IngestReport) -> None:
        if interactive:
            console.print(
                f"[{report.seen}] stored {report.stored + 0} · skipped {report.skipped} · "
                f"failed {report.failed} · {source[-60:]}",
                end="\r",
                highlight=False,
            )

    return show


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs or URLs.")],
    db: DbOption = None,
    settings: SettingsOption = None,
) -> None:
    """Read, clean and code articles into the database.

    Example: communique ingest corpus/ news/*.html --db news.duckdb
    """
    config = _settings(settings, db)
    report = _run(lambda: api.ingest(inputs, config.db_path, config, progress=_progress_printer()))
    for error in report.errors:
        console.print(f"error: {error}", highlight=False, markup=False)
    console.print(
        f"{report.seen} inputs: {report.stored} stored, {report.skipped} already known, "
        f"{report.failed} failed; {report.events} events coded",
        highlight=False,
    )


@app.command()
def export(
    what: Annotated[str, typer.Option("--what", help="events or articles")] = "events",
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet")] = "jsonl",
    db: DbOption = None,
    out: Annotated[str | None, typer.Option("--out", help="Output file; - for stdout.")] = None,
    settings: SettingsOption = None,
) -> None:
    """Write events or articles in the shapes of EXPORT.md.

    Example: communique export --what events --format jsonl --out events.jsonl
    """
    config = _settings(settings, db)
    with api.open_db(config.db_path, config, read_only=True) as handle:
        records = _records(handle, what)
        count = _run(lambda: write_records(records, fmt, out))
    if out not in (None, "-"):
        console.print(f"wrote {count} {what} to {out}", highlight=False)


def _records(handle: api.Database, what: str) -> list[dict]:  # type: ignore[name-defined]
    if what == "events":
        return [e.to_dict() for e in handle.events()]
    if what == "articles":
        return [a.to_dict() for a in handle.articles()]
    raise typer.BadParameter(f"--what must be events or articles, not {what!r}")


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="A gold file in the format of EXPORT.md.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    details: Annotated[bool, typer.Option(help="List misses, extras and mismatches.")] = True,
    settings: SettingsOption = None,
) -> None:
    """Score the database against a gold file.

    Example: communique eval ../shared/eval/gold_seeds.jsonl
    """
    config = _settings(settings, db)
    with api.open_db(config.db_path, config, read_only=True) as handle:
        report = _run(lambda: api.evaluate(gold, handle))
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, details=details))


@app.command()
def stats(db: DbOption = None, settings: SettingsOption = None) -> None:
    """Summarise the database: articles, events by kind, top dyads, flags, failures.

    Example: communique stats --db news.duckdb
    """
    config = _settings(settings, db)
    with api.open_db(config.db_path, config, read_only=True) as handle:
        _print_summary(api.summary(handle), handle.failures())


def _print_summary(summary: api.Summary, failures: list[tuple[str, str]]) -> None:
    out = Console()
    out.print(f"{summary.articles} articles, {summary.events} events, {summary.failures} failed inputs")
    for title, rows in (
        ("events by kind", summary.by_kind),
        ("top dyads", summary.top_dyads),
        ("quality flags", summary.flags),
    ):
        table = Table(title=title, title_justify="left")
        table.add_column(title.split()[-1])
        table.add_column("count", justify="right")
        for name, count in rows:
            table.add_row(name, str(count))
        out.print(table)
    for source, error in failures:
        out.print(f"failed: {source}: {error}", highlight=False, markup=False)


@app.command()
def explain(
    path: Annotated[str, typer.Argument(help="One article file or URL.")],
    settings: SettingsOption = None,
) -> None:
    """Code one article without storing it and show, for each event, the rule that fired.

    Example: communique explain ../shared/corpus/seeds/001_1e6b587d5026f14c.txt
    """
    config = _settings(settings, None)
    article, events = _run(lambda: api.explain(path, config))
    out = Console()
    out.print(f"{article.source_file}: published {article.published}, flags {article.quality.flags}")
    for p in article.people:
        out.print(f"  person: {p.name} ({p.country}) {p.role or ''}", highlight=False)
    for e in events:
        out.print(
            f"- {e.kind} {e.source}->{e.target} {e.date} {e.status} {e.sectors} "
            f"conf={e.confidence} rule={e.rule}\n    {e.evidence.text}",
            highlight=False,
            markup=False,
        )


@app.command()
def demo(
    corpus: Annotated[Path, typer.Option(help="The sample corpus to ingest.")] = Path("sample/articles"),
    db: DbOption = None,
    settings: SettingsOption = None,
) -> None:
    """Ingest the sample corpus, print a summary and write events.jsonl and articles.jsonl.

    Example: communique demo
    """
    config = _settings(settings, db)
    ingest([str(corpus)], db, settings)
    with api.open_db(config.db_path, config) as handle:
        _print_summary(api.summary(handle), handle.failures())
        write_records([e.to_dict() for e in handle.events()], "jsonl", "events.jsonl")
        write_records([a.to_dict() for a in handle.articles()], "jsonl", "articles.jsonl")
    console.print("wrote events.jsonl and articles.jsonl", highlight=False)


def _run(action):  # type: ignore[no-untyped-def]
    try:
        return action()
    except CommuniqueError as error:
        console.print(f"error: {error}", highlight=False, markup=False)
        raise typer.Exit(2) from error
    except ValueError as error:
        console.print(f"error: {error}", highlight=False, markup=False)
        raise typer.Exit(2) from error


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
