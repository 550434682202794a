"""communique: who agreed what with whom, and when — checked event data from news.

Example:
    import communique
    report = communique.ingest("corpus/", db="news.duckdb")
    with communique.open_db("news.duckdb") as db:
        frame = communique.events_frame(db, country="KOR")
"""

import importlib
import typing

if typing.TYPE_CHECKING:  # for type checkers; at run time each name is imported when first used
    from .api import (
        Summary,
        articles,
        articles_frame,
        canonical_frame,
        dyad,
        dyads_frame,
        evaluate,
        events,
        events_frame,
        explain,
        export,
        ingest,
        open_db,
        partners,
        read_gold,
        rebuild_canonical,
        recode,
        summary,
        timeline,
        update_canonical,
    )
    from .errors import CommuniqueError, GoldFileError, InputError, StoreError
    from .eval import EvalReport, format_report
    from .pipeline import IngestReport, Pipeline
    from .schema import Article, Event, Evidence, Location, Person, Quality
    from .settings import Settings
    from .store.database import Database

# Where each public name lives. Imported on first use, so that `communique --help` does not
# load spaCy, pandas and DuckDB (two seconds) to print a page of text.
_HOMES = {
    "Summary": ".api",
    "articles": ".api",
    "articles_frame": ".api",
    "canonical_frame": ".api",
    "dyad": ".api",
    "dyads_frame": ".api",
    "evaluate": ".api",
    "events": ".api",
    "events_frame": ".api",
    "explain": ".api",
    "export": ".api",
    "ingest": ".api",
    "open_db": ".api",
    "partners": ".api",
    "read_gold": ".api",
    "rebuild_canonical": ".api",
    "recode": ".api",
    "summary": ".api",
    "timeline": ".api",
    "update_canonical": ".api",
    "CommuniqueError": ".errors",
    "GoldFileError": ".errors",
    "InputError": ".errors",
    "StoreError": ".errors",
    "EvalReport": ".eval",
    "format_report": ".eval",
    "IngestReport": ".pipeline",
    "Pipeline": ".pipeline",
    "Article": ".schema",
    "Event": ".schema",
    "Evidence": ".schema",
    "Location": ".schema",
    "Person": ".schema",
    "Quality": ".schema",
    "Settings": ".settings",
    "Database": ".store.database",
}


def __getattr__(name: str) -> typing.Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'communique' has no attribute {name!r}")
    # All at once, and after the imports: importing the `export` package binds its name here,
    # which the function `export` must then take back.
    values = {
        key: getattr(importlib.import_module(home, __name__), key) for key, home in _HOMES.items()
    }
    globals().update(values)
    return values[name]


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])


__all__ = [
    "Article",
    "CommuniqueError",
    "Database",
    "EvalReport",
    "Event",
    "Evidence",
    "GoldFileError",
    "IngestReport",
    "InputError",
    "Location",
    "Person",
    "Pipeline",
    "Quality",
    "Settings",
    "StoreError",
    "Summary",
    "articles",
    "articles_frame",
    "canonical_frame",
    "dyad",
    "dyads_frame",
    "evaluate",
    "events",
    "events_frame",
    "explain",
    "export",
    "format_report",
    "ingest",
    "open_db",
    "partners",
    "read_gold",
    "rebuild_canonical",
    "recode",
    "summary",
    "timeline",
    "update_canonical",
]
