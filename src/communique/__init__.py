"""communique: who agreed what with whom, and when — checked event data from news.

Example:
    import communique
    report = communique.ingest("corpus/", db="news.duckdb")
    with communique.open_db("news.duckdb") as db:
        frame = communique.events_frame(db, country="KOR")
"""

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
