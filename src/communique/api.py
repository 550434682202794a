"""The library's public functions: everything the CLI does, usable from a notebook."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import relations as _relations
from .coding.trace import Trace, TraceRecord
from .errors import CommuniqueError, GoldFileError
from .eval import EvalReport, score
from .export.formats import export as _export
from .intake import Fetcher
from .pipeline import Engine, IngestReport, LocalEngine, Pipeline, ProgressCallback
from .pipeline import ingest as _ingest
from .pipeline import recode as _recode
from .schema import Article, Event
from .settings import Settings
from .store.database import Database
from .store.snapshot import write_snapshot


def open_db(
    path: str | Path | None = None, settings: Settings | None = None, read_only: bool = False
) -> Database:
    """Open (or create) a database; the path defaults to the settings' `db_path`."""
    settings = settings or Settings.load()
    limit = settings.duckdb_memory_limit
    return Database(path or settings.db_path, read_only=read_only, memory_limit=limit)


def ingest(
    inputs: Iterable[str] | str,
    db: Database | str | Path | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    progress: ProgressCallback | None = None,
    fetcher: Fetcher | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    snapshot: bool = False,
) -> IngestReport:
    """Ingest files, folders, globs, URLs, feeds, JSON Lines or WARC files into the database.

    URLs are fetched through `fetcher` (give one with your own httpx transport to reroute).
    `engine="dask"` codes on a Dask cluster: the one at `scheduler`, or else a local cluster of
    `workers` processes; this process still writes everything (see `open_engine`). With
    `snapshot`, the copy `communique serve` reads from another process meanwhile is written
    before and after (see `store.snapshot`).
    Example: `communique.ingest("corpus/", db="news.duckdb", engine="dask", workers=4)`
    """
    settings = settings or Settings.load()
    paths = [inputs] if isinstance(inputs, str) else list(inputs)

    def run(handle: Database, runner: Engine) -> IngestReport:
        if snapshot:
            write_snapshot(handle)
        try:
            return _ingest(
                paths, handle, settings, progress=progress, fetcher=fetcher, engine=runner
            )
        finally:
            if snapshot:
                write_snapshot(handle)

    with open_engine(engine, settings, pipeline, scheduler, workers) as runner:
        if isinstance(db, Database):
            return run(db, runner)
        with open_db(db, settings) as handle:
            return run(handle, runner)


def open_engine(
    name: str,
    settings: Settings,
    pipeline: Pipeline | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
) -> AbstractContextManager[Engine]:
    """What codes the documents of an ingest: "local" (this process, with `pipeline`) or
    "dask" (a Dask cluster; needs the `scale` extra)."""
    if name == "local" and (scheduler or workers):
        raise CommuniqueError("a scheduler or a number of workers needs the dask engine")
    if name == "local":
        return nullcontext(LocalEngine(pipeline or Pipeline(settings)))
    if name != "dask":
        raise CommuniqueError(f"unknown engine {name!r}: use local or dask")
    try:
        from .distributed import dask_engine
    except ImportError as exc:
        raise CommuniqueError(
            "the dask engine needs the scale extra: pip install 'communique[scale]'"
        ) from exc
    return dask_engine(settings, scheduler=scheduler, workers=workers)


def recode(
    db: Database | str | Path | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Clean and code every stored raw input again, replacing its article and events.

    Example: `communique.recode(db="news.duckdb")`
    """
    settings = settings or Settings.load()
    if isinstance(db, Database):
        return _recode(db, settings, pipeline, progress)
    with open_db(db, settings) as handle:
        return _recode(handle, settings, pipeline, progress)


def events(db: Database, **filters: Any) -> list[Event]:
    """Stored events, filtered by country, kind, since, until or sector."""
    where, params = _where(filters)
    return db.events(where, params)


def articles(db: Database) -> list[Article]:
    """Every stored article."""
    return db.articles()


def events_frame(db: Database, **filters: Any) -> pd.DataFrame:
    """`events` as a pandas DataFrame, one row per event."""
    return pd.DataFrame([e.to_dict() for e in events(db, **filters)])


def articles_frame(db: Database) -> pd.DataFrame:
    """`articles` as a pandas DataFrame, one row per article."""
    return pd.DataFrame([a.to_dict() for a in articles(db)])


def _where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if filters.get("country"):
        clauses.append("(source = ? OR target = ?)")
        params += [filters["country"]] * 2
    if filters.get("kind"):
        clauses.append("kind = ?")
        params.append(filters["kind"])
    if filters.get("since"):
        clauses.append("date_end >= ?")
        params.append(filters["since"])
    if filters.get("until"):
        clauses.append("date_start <= ?")
        params.append(filters["until"])
    if filters.get("sector"):
        clauses.append("list_contains(sectors, ?)")
        params.append(filters["sector"])
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def explain(
    path: str, settings: Settings | None = None
) -> tuple[Article, list[Event], list[TraceRecord]]:
    """Code one file without storing it: its article, its events (each event's `rule` says
    which trigger rule fired) and, for every trigger found, the parties the parse tied to it
    and why it did or did not become an event.

    Example: `article, events, trace = communique.api.explain("article.txt")`
    """
    from .intake import read_inputs

    settings = settings or Settings.load()
    pipeline = Pipeline(settings)
    pipeline.coder.trace = Trace()
    for item in read_inputs([path], settings):
        if isinstance(item, Exception):
            raise item
        article, events = pipeline.process(item)
        return article, events, pipeline.coder.trace.records
    raise GoldFileError(f"{path}: nothing to explain")


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The lines of a gold file (EXPORT.md), each parsed; a bad line names its number."""
    lines = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            lines.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
    return lines


def evaluate(gold_path: str | Path, db: Database) -> EvalReport:
    """Score the database against a gold file (EXPORT.md, "Gold files")."""
    gold = read_gold(gold_path)
    return score(gold, [a.to_dict() for a in db.articles()], [e.to_dict() for e in db.events()])


@dataclass
class Summary:
    articles: int
    events: int
    failures: int
    by_kind: list[tuple[str, int]]
    top_dyads: list[tuple[str, int]]
    flags: list[tuple[str, int]]


def summary(db: Database, top: int = 10) -> Summary:
    """Counts for `communique stats`: articles, events by kind, top dyads, flags."""
    all_events = db.events()
    all_articles = db.articles()
    dyads = Counter("-".join(sorted((e.source, e.target))) for e in all_events)
    flags = Counter(f for a in all_articles for f in a.quality.flags)
    return Summary(
        articles=len(all_articles),
        events=len(all_events),
        failures=len(db.failures()),
        by_kind=Counter(e.kind for e in all_events).most_common(),
        top_dyads=dyads.most_common(top),
        flags=flags.most_common(),
    )


# -- relations: canonical events and dyads -------------------------------------------------------
def partners(db: Database, country: str) -> pd.DataFrame:
    """A country's partners, most events first, with tier and first and last contact.

    Example: `communique.partners(db, "KOR")`
    """
    return _relations.partners(db, country)


def timeline(db: Database, a: str, b: str) -> pd.DataFrame:
    """A dyad's canonical events in date order, each with the evidence of its first report.

    Example: `communique.timeline(db, "KOR", "VNM")`
    """
    return _relations.timeline(db, a, b)


def dyad(db: Database, a: str, b: str) -> _relations.DyadState:
    """The state of one dyad: tier timeline, counts, balance, contacts and instruments."""
    return _relations.dyad(db, a, b)


def canonical_frame(db: Database, **filters: str | None) -> pd.DataFrame:
    """Canonical events, each happening once; filters: country, partner, kind, sector, status,
    since, until (ISO periods such as `2025-01`).

    Example: `communique.canonical_frame(db, country="TUR", kind="SIGN_AGREEMENT", since="2025")`
    """
    return _relations.find_events(db, **filters)


def dyads_frame(db: Database) -> pd.DataFrame:
    """The state of every dyad, one row each, busiest first."""
    return pd.DataFrame([state.to_dict() for state in _relations.dyads(db)])


def update_canonical(db: Database, event_ids: Iterable[str]) -> list[str]:
    """Fuse newly stored events into the canonical events (the pipeline does this per batch)."""
    return _relations.update_canonical(db, event_ids)


def rebuild_canonical(db: Database) -> int:
    """Fuse the whole database again, e.g. one ingested before canonical events existed."""
    return _relations.rebuild_canonical(db)


def export(
    db: Database,
    what: str,
    fmt: str,
    out: str | None = None,
    partition_by: str | None = None,
    force: bool = False,
) -> int:
    """Write events, articles, canonical events or dyads; returns the number written.

    An existing file is replaced only with `force`; the database never.
    Example: `communique.export(db, "dyads", "gexf", "dyads.gexf")`
    """
    return _export(db, what, fmt, out, partition_by, force)
