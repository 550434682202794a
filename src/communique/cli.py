"""The command line: parse arguments, call the library, print. No logic lives here."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar, cast

import typer
from rich.console import Console
from rich.table import Table

from .errors import CommuniqueError, printable
from .settings import Settings

# The library (spaCy, pandas, DuckDB) is imported by the commands that use it, so that
# `communique --help` answers at once instead of after two seconds of imports.
if TYPE_CHECKING:
    import pandas as pd

    from . import api
    from .pipeline import IngestReport
    from .progress import RunProgress
    from .relations import DyadState
    from .store.database import Database

T = TypeVar("T")

app = typer.Typer(
    help="communique: who agreed what with whom, and when — checked event data from news.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    # A failure we can name is one line (see `main`); a traceback only with --debug.
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)

# The exit statuses scripts rely on.
EXIT_OK = 0  # every input stored or already known
EXIT_SOME_FAILED = 1  # some inputs failed, the others were stored
EXIT_FAILED = 2  # nothing could be stored, or the arguments are wrong
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database file (default: communique.duckdb).")
]
SettingsOption = Annotated[
    Path | None, typer.Option("--settings", help="A TOML file overriding data/settings.toml.")
]


def _show_version(value: bool) -> None:
    if value:
        print(f"communique {version('communique')}")
        raise typer.Exit()


@app.callback()
def options(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_show_version, is_eager=True
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an unexpected failure.")
    ] = False,
) -> None:
    """communique: who agreed what with whom, and when — checked event data from news.

    Exit status: 0 when every input was stored or known, 1 when some failed, 2 when nothing
    could be stored or the arguments are wrong.
    """


def _settings(path: Path | None, db: str | None) -> Settings:
    return Settings.load(path, db_path=db)


@app.command()
def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders, globs, URLs, feeds, .jsonl or .warc(.gz) files."),
    ],
    db: DbOption = None,
    settings: SettingsOption = None,
    engine: Annotated[
        str, typer.Option("--engine", help="local (this process) or dask (a Dask cluster).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Address of a running Dask scheduler (--engine dask)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Processes of a local Dask cluster (default: one a core)."),
    ] = None,
    snapshot: Annotated[
        bool,
        typer.Option("--snapshot", help="Write DB.snapshot before and after, for `serve`."),
    ] = False,
) -> None:
    """Read, clean and code articles into the database.

    Example: communique ingest corpus/ news/*.html https://example.org/rss.xml --db news.duckdb
    Example: communique ingest corpus/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    config = _settings(settings, db)
    report = _ingest_and_report(inputs, config, engine, scheduler, workers, snapshot)
    raise typer.Exit(_exit_status(report))


def _ingest_and_report(
    inputs: list[str],
    config: Settings,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    snapshot: bool = False,
) -> IngestReport:
    from . import api
    from .intake.sources import count_inputs

    before = _articles_in(config)
    with _progress(count_inputs(inputs), lambda: _articles_in(config) - before) as progress:
        report = _run(
            lambda: api.ingest(
                inputs,
                config.db_path,
                config,
                progress=progress,
                engine=engine,
                scheduler=scheduler,
                workers=workers,
                snapshot=snapshot,
            )
        )
    _print_errors(report)
    console.print(
        f"{report.seen} inputs: {report.stored} stored, {report.skipped} already known, "
        f"{report.failed} failed; {report.events} events coded",
        highlight=False,
    )
    return report


def _articles_in(config: Settings) -> int:
    from . import api

    if not Path(config.db_path).is_file():
        return 0
    try:
        with api.open_db(config.db_path, config, read_only=True) as handle:
            return int(handle.query("SELECT count(*) FROM articles").fetchall()[0][0])
    except CommuniqueError:  # tables not made yet: the ingest makes them
        return 0


@contextmanager
def _progress(total: int | None, stored: Callable[[], int] | None = None) -> Iterator[RunProgress]:
    """A progress display for a run; after Ctrl-C, a line saying what was stored, counted in
    the database (Ctrl-C may come after a batch's commit and before the run counts it)."""
    from .progress import RunProgress

    with RunProgress(console, total) as progress:
        try:
            yield progress
        except KeyboardInterrupt:
            done = f"{stored()} articles stored" if stored else "the batches done kept"
            _error_line(
                f"interrupted: {done} (the batch in progress was not); the same command "
                "goes on from there"
            )
            raise typer.Exit(EXIT_INTERRUPTED) from None


@app.command()
def recode(db: DbOption = None, settings: SettingsOption = None) -> None:
    """Clean and code every stored raw input again, replacing its article and events.

    Example: communique recode --db news.duckdb
    """
    from . import api

    config = _settings(settings, db)
    with _progress(None) as progress:
        report = _run(lambda: api.recode(config.db_path, config, progress=progress))
    _print_errors(report)
    console.print(
        f"{report.seen} raw inputs: {report.stored} recoded, {report.failed} failed "
        f"(their old articles kept); {report.events} events coded",
        highlight=False,
    )
    raise typer.Exit(_exit_status(report))


@app.command()
def export(
    what: Annotated[
        str, typer.Option("--what", help="events, articles, canonical or dyads")
    ] = "events",
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="jsonl, csv, parquet; plover, gdelt (events, canonical); graphml, gexf (dyads)",
        ),
    ] = "jsonl",
    db: DbOption = None,
    out: Annotated[str | None, typer.Option("--out", help="Output file; - for stdout.")] = None,
    partition_by: Annotated[
        str | None,
        typer.Option("--partition-by", help="With parquet: a hive-partitioned folder, e.g. year."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --out file if it exists.")
    ] = False,
    settings: SettingsOption = None,
) -> None:
    """Write events, articles, canonical events or dyads (EXPORT.md shapes and other formats).

    Example: communique export --what canonical --format parquet --partition-by year --out can/
    """
    from . import api

    config = _settings(settings, db)

    def write() -> int:
        with api.open_db(config.db_path, config, read_only=True) as handle:
            return api.export(handle, what, fmt, out, partition_by, force)

    count = _run(write)
    if out not in (None, "-"):
        console.print(f"wrote {count} {what} to {out}", highlight=False)


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
    from . import api
    from .eval import format_report

    config = _settings(settings, db)
    report = _read(config, lambda handle: api.evaluate(gold, handle))
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, details=details))


@app.command()
def stats(db: DbOption = None, settings: SettingsOption = None) -> None:
    """Summarise the database: articles, events by kind, top dyads, flags, failures.

    Example: communique stats --db news.duckdb
    """
    from . import api

    config = _settings(settings, db)
    summary, failures = _read(config, lambda handle: (api.summary(handle), handle.failures()))
    _print_summary(summary, failures)


def _read(config: Settings, query: Callable[[Database], T]) -> T:
    """`query` on the database opened read-only; a failure is one error line."""
    from . import api

    def opened() -> T:
        with api.open_db(config.db_path, config, read_only=True) as handle:
            return query(handle)

    return cast(T, _run(opened))


def _print_summary(summary: api.Summary, failures: list[tuple[str, str]]) -> None:
    out = Console()
    out.print(
        f"{summary.articles} articles, {summary.events} events, {summary.failures} failed inputs"
    )
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
    rejected: Annotated[
        bool, typer.Option("--rejected", help="Also list the triggers that made no event, and why.")
    ] = False,
    settings: SettingsOption = None,
) -> None:
    """Code one article without storing it and show, for each event, the rule that fired and
    the path in the parse from the trigger to each party.

    Example: communique explain ../shared/corpus/seeds/001_1e6b587d5026f14c.txt --rejected
    """
    from . import api

    config = _settings(settings, None)
    article, events, trace = _run(lambda: api.explain(path, config))
    out = Console(highlight=False, soft_wrap=True)
    out.print(
        f"{article.source_file}: published {article.published}, flags {article.quality.flags}",
        markup=False,
    )
    for p in article.people:
        out.print(f"  person: {p.name} ({p.country}) {p.role or ''}", markup=False)
    for e in events:
        out.print(
            f"- {e.kind} {e.source}->{e.target} {e.date} {e.status} {e.sectors} "
            f"conf={e.confidence} rule={e.rule}\n    {e.evidence.text}",
            markup=False,
        )
        for record in trace:
            if (
                record.made_events
                and record.sentence_start >= e.evidence.start
                and (
                    record.sentence_start < e.evidence.end and e.rule.startswith(record.rule + "(")
                )
            ):
                for party in record.parties:
                    out.print(f"    {party.side} {party.code}: {party.path}", markup=False)
                break
    if rejected:
        out.print("rejected triggers:")
        for record in trace:
            if not record.made_events:
                ties = ", ".join(f"{p.side} {p.code} ({p.path})" for p in record.parties)
                out.print(
                    f"- {record.kind} {record.rule}({record.trigger!r}): {record.outcome}"
                    + (f"; parties: {ties}" if ties else "")
                    + f"\n    {record.sentence}",
                    markup=False,
                )


@app.command()
def demo(
    corpus: Annotated[Path, typer.Option(help="The sample corpus to ingest.")] = Path(
        "sample/articles"
    ),
    db: DbOption = None,
    settings: SettingsOption = None,
) -> None:
    """Ingest the sample corpus, print a summary and write events.jsonl and articles.jsonl.

    Example: communique demo
    """
    from . import api
    from .export import write_records

    config = _settings(settings, db)
    _ingest_and_report([str(corpus)], config)
    with api.open_db(config.db_path, config) as handle:
        _print_summary(api.summary(handle), handle.failures())
        write_records([e.to_dict() for e in handle.events()], "jsonl", "events.jsonl")
        write_records([a.to_dict() for a in handle.articles()], "jsonl", "articles.jsonl")
    console.print("wrote events.jsonl and articles.jsonl", highlight=False)


ViewFormat = Annotated[
    str, typer.Option("--format", help="table (for the terminal), jsonl or csv.")
]
OutOption = Annotated[
    str | None,
    typer.Option("--out", help="Write every column to this file (CSV for .csv, else JSON Lines)."),
]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many rows.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the --out file if it exists.")]
PARTNER_TABLE = ["partner", "tier", "tier_since", "events", "cooperative", "conflictual",
                 "first_contact", "last_contact"]  # fmt: skip
TIMELINE_TABLE = ["date", "kind", "source", "target", "status", "instrument", "tier",
                  "n_sources", "evidence"]  # fmt: skip
EVENTS_TABLE = ["date", "kind", "source", "target", "status", "sectors", "instrument",
                "n_sources", "n_mentions", "confidence"]  # fmt: skip
# Codes and dates stay whole on a narrow terminal; the prose columns wrap instead.
_CODE_COLUMNS = {"date", "kind", "source", "target", "status", "partner", "tier_since",
                 "first_contact", "last_contact"}  # fmt: skip


@app.command()
def relations(
    country: Annotated[
        str, typer.Argument(help="A country: a code (ISO 3166 alpha-3, e.g. KOR) or a name.")
    ],
    partner: Annotated[
        str | None, typer.Argument(help="A second country: the dyad's timeline.")
    ] = None,
    fmt: ViewFormat = "table",
    out: OutOption = None,
    limit: LimitOption = None,
    force: ForceOption = False,
    db: DbOption = None,
    settings: SettingsOption = None,
) -> None:
    """A country's partners, ranked, with tier and last contact; or the timeline of one dyad.

    Example: communique relations "South Korea" VNM --limit 20
    """
    from . import api
    from .names import actor_code

    config = _settings(settings, db)

    def query() -> tuple[pd.DataFrame, str]:
        first = actor_code(country)
        with api.open_db(config.db_path, config, read_only=True) as handle:
            if partner is None:
                return api.partners(handle, first), f"partners of {first}"
            second = actor_code(partner)
            frame = api.timeline(handle, first, second)
            return frame, _dyad_title(api.dyad(handle, first, second))

    frame, title = _run(query)
    columns = PARTNER_TABLE if partner is None else TIMELINE_TABLE
    _show(frame.head(limit) if limit else frame, fmt, title, columns, out, force)


@app.command()
def events(
    country: Annotated[str | None, typer.Option("--country", help="Either side, e.g. TUR.")] = None,
    partner: Annotated[str | None, typer.Option("--partner", help="The other side.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="e.g. SIGN_AGREEMENT.")] = None,
    sector: Annotated[str | None, typer.Option("--sector", help="e.g. defense_industry.")] = None,
    status: Annotated[str | None, typer.Option("--status", help="e.g. occurred.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="ISO period, e.g. 2025-01.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="ISO period, e.g. 2025-12.")] = None,
    fmt: ViewFormat = "table",
    out: OutOption = None,
    limit: LimitOption = None,
    force: ForceOption = False,
    db: DbOption = None,
    settings: SettingsOption = None,
) -> None:
    """Canonical events: each happening once, with how many reports and sources back it.

    Countries by code or name; `communique kinds` lists the kinds.
    Example: communique events --country Turkey --kind SIGN_AGREEMENT --since 2025-01
    --sector defense_industry --out signings.csv
    """
    from . import api
    from .names import actor_code, kind_code

    config = _settings(settings, db)

    def query() -> pd.DataFrame:
        where = {
            "country": actor_code(country) if country else None,
            "partner": actor_code(partner) if partner else None,
            "kind": kind_code(kind) if kind else None,
            "sector": sector,
            "status": status,
            "since": since,
            "until": until,
        }
        with api.open_db(config.db_path, config, read_only=True) as handle:
            return api.canonical_frame(handle, **where)

    frame = _run(query)
    _show(frame.head(limit) if limit else frame, fmt, "events", EVENTS_TABLE, out, force)


@app.command()
def kinds(fmt: ViewFormat = "table") -> None:
    """The kinds of event, each with its PLOVER type, CAMEO code, meaning and an example.

    A protest lodged by a government (a summons, a protest note) is ACCUSE; PROTEST is a
    demonstration.
    Example: communique kinds
    """
    import pandas as pd

    from .names import kind_table

    columns = ["kind", "plover_type", "cameo", "meaning", "example", "note"]
    _show(pd.DataFrame(kind_table()), fmt, "kinds", columns)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; 127.0.0.1 keeps it private.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    settings: SettingsOption = None,
) -> None:
    """Explore the database in a browser: network, countries, dyads, event search, articles.

    The database is opened read-only. While another process writes it (an ingest or watch
    run with --snapshot), the copy that writer renews each round is served instead.
    Needs the serve extra: pip install 'communique[serve]'.
    Example: communique serve --db news.duckdb --port 8000
    """
    config = _settings(settings, db)
    try:
        from .serve import run
        from .serve.explorer import open_explorer
        from .store.snapshot import Following
    except ImportError as error:
        _error_line(f"serve needs the serve extra: pip install 'communique[serve]' ({error})")
        raise typer.Exit(EXIT_FAILED) from error
    # Opened before saying it is served: a database another process writes, with no
    # snapshot of it, fails here.
    source = _run(lambda: open_explorer(config.db_path))
    what = f"{config.db_path} (read-only)"
    if isinstance(source, Following):
        what = f"{source.path}, the copy of {config.db_path} its writer renews each round"
    console.print(f"serving {what} at http://{host}:{port}/", highlight=False, soft_wrap=True)
    _run(lambda: run(source, host, port))


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="URLs of RSS/Atom feeds or pages.")],
    every: Annotated[
        str, typer.Option("--every", help="Time from one round to the next: 30s, 15m, 1h.")
    ] = "15m",
    rounds: Annotated[
        int | None, typer.Option("--rounds", min=1, help="Stop after N rounds (default: never).")
    ] = None,
    rules: Annotated[
        Path | None, typer.Option("--rules", help="watch.toml: which changes alert, and where.")
    ] = None,
    serve: Annotated[
        bool, typer.Option("--serve", help="Serve the explorer from this process meanwhile.")
    ] = False,
    snapshot: Annotated[
        bool,
        typer.Option("--snapshot", help="Renew DB.snapshot each round, for `serve` elsewhere."),
    ] = False,
    host: Annotated[str, typer.Option("--host", help="With --serve: address to listen on.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", help="With --serve: port to listen on.")] = 8000,
    db: DbOption = None,
    settings: SettingsOption = None,
) -> None:
    """Poll feeds in rounds, ingest what is new, record what changed and send alerts on it.

    Without --rules every change is printed. Feed state lives in the database: a watcher
    started again goes on where it stopped. With --serve the explorer answers from the
    watcher's process while it writes (another process cannot open the database meanwhile);
    with --snapshot, `communique serve` in another process reads a copy renewed each round.
    Example: communique watch https://example.org/rss.xml --every 15m --rules watch.toml
    --serve --db news.duckdb
    """
    from .watch import (
        EVERYTHING,
        RoundReport,
        load_rules,
        parse_duration,
        stop_on_interrupt,
        watch_feeds,
    )

    config = _settings(settings, db)
    seconds = _run(lambda: parse_duration(every))
    chosen = _run(lambda: load_rules(rules)) if rules else [EVERYTHING]

    def report(done: RoundReport) -> None:
        for error in done.feed_errors + done.delivery_errors:
            _error_line(error)
        console.print(done.line(), highlight=False, soft_wrap=True)

    if serve:
        where = f"explorer of {config.db_path} at http://{host}:{port}/"
        console.print(where, highlight=False, soft_wrap=True)
    serve_at = (host, port) if serve else None
    with stop_on_interrupt() as stop:
        try:
            _run(
                lambda: watch_feeds(
                    feeds, config, rounds, seconds, chosen, serve_at, report, stop, snapshot
                )
            )
        except KeyboardInterrupt:
            stop.set()
    if stop.is_set():
        _error_line("interrupted; the same command goes on where this one stopped")
        raise typer.Exit(EXIT_INTERRUPTED)


CHANGES_TABLE = ["detected_at", "change", "dyad", "kind", "before", "after", "evidence"]


@app.command()
def changes(
    since: Annotated[
        str | None, typer.Option("--since", help="ISO time or day, e.g. 2025-06-01T00:00.")
    ] = None,
    fmt: ViewFormat = "table",
    out: OutOption = None,
    force: ForceOption = False,
    db: DbOption = None,
    settings: SettingsOption = None,
) -> None:
    """What changed, as `communique watch` recorded it round by round: new events, statuses
    that moved, new sources, new dyads and tiers that changed, each with its evidence.

    Example: communique changes --since 2025-06-01T00:00 --format jsonl --db news.duckdb
    """
    import pandas as pd

    from . import api
    from .store.watch import CHANGES
    from .watch import recorded_changes

    config = _settings(settings, db)

    def query() -> pd.DataFrame:
        with api.open_db(config.db_path, config, read_only=True) as handle:
            rows = [c.to_dict() for c in recorded_changes(handle, since)]
        return pd.DataFrame(rows, columns=[name for name, *_ in CHANGES.columns])

    _show(_run(query), fmt, "changes", CHANGES_TABLE, out, force)


def _dyad_title(state: DyadState) -> str:
    tier = f"{state.tier} since {state.tier_since or '?'}" if state.tier else "no tier known"
    return (
        f"{state.dyad}: {tier} · {state.events} events ({state.cooperative} cooperative, "
        f"{state.conflictual} conflictual) · contact {state.first_contact or '?'} to "
        f"{state.last_contact or '?'}"
    )


def _show(
    frame: pd.DataFrame,
    fmt: str,
    title: str,
    columns: list[str],
    out: str | None = None,
    force: bool = False,
) -> None:
    """A rich table of the chosen columns, or every column as JSON Lines or CSV, printed or
    written to the file `out` (CSV for a .csv file, else JSON Lines, in table format)."""
    from .export import write_records
    from .export.formats import write_file

    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    if out:
        chosen = fmt if fmt != "table" else ("csv" if out.lower().endswith(".csv") else "jsonl")
        count = _run(lambda: write_file(records, chosen, out, force))
        console.print(f"wrote {count} rows to {out}", highlight=False)
        return
    if fmt != "table":
        _run(lambda: write_records(records, fmt, "-"))
        return
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold", no_wrap=column in _CODE_COLUMNS)
    for record in records:
        table.add_row(*(_cell(record[c]) for c in columns))
    Console().print(table)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _exit_status(report: IngestReport) -> int:
    if not report.failed:
        return EXIT_OK
    return EXIT_SOME_FAILED if report.stored + report.skipped else EXIT_FAILED


def _print_errors(report: IngestReport) -> None:
    for error in report.errors:
        _error_line(error)


def _error_line(error: object) -> None:
    """One unwrapped line per error, so logs and grep see the whole input name; escapes and
    newlines in it are shown, not obeyed."""
    print(f"error: {printable(str(error))}", file=sys.stderr)


def _run(action):  # type: ignore[no-untyped-def]
    import duckdb

    try:
        return action()
    except (CommuniqueError, ValueError) as error:
        _error_line(error)
        raise typer.Exit(EXIT_FAILED) from error
    except OSError as error:  # a file named on the command line that cannot be read
        _error_line(f"{error.filename or ''}: {error.strerror or error}")
        raise typer.Exit(EXIT_FAILED) from error
    except duckdb.Error as error:  # a file that is not (or not wholly) a communique database
        _error_line(f"the database cannot be read ({str(error).splitlines()[0]})")
        raise typer.Exit(EXIT_FAILED) from error


def main() -> None:
    """The console entry point: an unexpected failure is one line unless --debug is given."""
    try:
        app()
    except Exception as error:
        if "--debug" in sys.argv[1:]:
            raise
        _error_line(f"unexpected {type(error).__name__}: {error} (--debug shows where)")
        sys.exit(EXIT_FAILED)


if __name__ == "__main__":  # pragma: no cover
    main()
