"""Every `--what` in every format people already use.

    events, articles, canonical, dyads  x  jsonl, csv, parquet (optionally hive-partitioned)
    events, canonical                   x  plover (PLOVER JSON lines), gdelt (GDELT 2.0 table)
    dyads                               x  graphml, gexf (the dyad network, for Gephi/networkx)

PLOVER field names follow the PLOVER manual's "JSON Data Fields" (draft 0.7b1: id, has_event,
date, enddate, source, recipient, event, mode, context, event_loc, event_text, quad_code,
event_scale, text_info, cite_info, coder, coded_date, coded_time), plus the flat POLECAT-style
event_type, actor, actor_country and recipient_country. The GDELT table has GDELT 2.0's exact
layout (see `export.gdelt`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import IO, Any

import networkx as nx
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pads
import pycountry

from ..errors import CommuniqueError
from ..relations import canonical_view, dyad_states
from ..schema import kinds
from ..store.database import Database
from .gdelt import gdelt_record, record_id, write_gdelt
from .output import (
    PART_TEMPLATE,
    check_folder,
    check_target,
    database_files,
    replacing,
    replacing_folder,
)
from .writers import FORMATS, every_field_first, write_records

WHATS = ("events", "articles", "canonical", "dyads")
EVENT_TABLE_FORMATS = ("plover", "gdelt")
GRAPH_FORMATS = ("graphml", "gexf")
FORMAT_NAMES = (*FORMATS, *EVENT_TABLE_FORMATS, *GRAPH_FORMATS)


def export(
    db: Database,
    what: str,
    fmt: str,
    out: str | None,
    partition_by: str | None = None,
    force: bool = False,
) -> int:
    """Write `what` from the database in format `fmt` to `out` (stdout for None or "-").

    The file is written whole or not at all, never onto the database, and an existing file
    only with `force` (see `export.output`).
    Example: `export(db, "canonical", "parquet", "canonical/", partition_by="year")`
    """
    _check(what, fmt, partition_by)
    protected = database_files(db.path)
    if partition_by:
        if out in (None, "-"):
            raise CommuniqueError("a partitioned dataset is a folder: give --out DIR")
        rows = records(db, what)
        with replacing_folder(check_folder(out, protected)) as building:
            return write_partitioned_parquet(rows, str(building), partition_by)
    if out in (None, "-"):
        if fmt == "parquet":
            raise CommuniqueError("parquet needs a file: give --out FILE")
        return _write(db, what, fmt, None)
    with replacing(check_target(out, force, protected)) as temporary:
        return _write(db, what, fmt, str(temporary))


def _write(db: Database, what: str, fmt: str, out: str | None) -> int:
    if fmt in GRAPH_FORMATS:
        return write_graph(dyad_graph(records(db, "dyads")), fmt, out)
    rows = records(db, what)
    if fmt == "plover":
        facts = _article_facts(db)
        return write_records((plover_record(r, facts) for r in rows), "jsonl", out)
    if fmt == "gdelt":
        facts = _article_facts(db)
        with _text_output(out) as handle:
            return write_gdelt((gdelt_record(r, _first_article(r, facts)) for r in rows), handle)
    return write_records(rows, fmt, out)


def write_file(records: list[dict[str, Any]], fmt: str, out: str, force: bool = False) -> int:
    """`records` written to the file `out` as `export` writes one: whole, and over an existing
    file only with `force`."""
    with replacing(check_target(out, force, ())) as temporary:
        return write_records(records, fmt, str(temporary))


def _check(what: str, fmt: str, partition_by: str | None) -> None:
    if what not in WHATS:
        raise CommuniqueError(f"--what must be one of {', '.join(WHATS)}, not {what!r}")
    if fmt not in FORMAT_NAMES:
        raise CommuniqueError(f"--format must be one of {', '.join(FORMAT_NAMES)}, not {fmt!r}")
    if fmt in GRAPH_FORMATS and what != "dyads":
        raise CommuniqueError(f"{fmt} writes the dyad network: use --what dyads")
    if fmt in EVENT_TABLE_FORMATS and what not in ("events", "canonical"):
        raise CommuniqueError(f"{fmt} writes events: use --what events or --what canonical")
    if partition_by and fmt != "parquet":
        raise CommuniqueError("--partition-by needs --format parquet")


def records(db: Database, what: str) -> list[dict[str, Any]]:
    """The records of one `--what`, in the shapes of EXPORT.md, in the same order in every
    format: the few that between them fill every field first (see `every_field_first`)."""
    return every_field_first(_records(db, what))


def _records(db: Database, what: str) -> list[dict[str, Any]]:
    if what == "events":
        return [e.to_dict() for e in db.events()]
    if what == "articles":
        return [a.to_dict() for a in db.articles()]
    view = canonical_view(db)
    if what == "canonical":
        mentions = view.mentions_by_canonical()
        return [
            {**c.to_dict(), "mentions": [m.to_dict() for m in mentions[c.canonical_id]]}
            for c in view.events
        ]
    return [d.to_dict() for d in dyad_states(view.events)]


# -- what PLOVER and GDELT rows need of the article --------------------------------------------
def _article_facts(db: Database) -> dict[str, dict[str, Any]]:
    cursor = db.con.execute(
        "SELECT article_id, url, source_file, outlet, title, language, ingested_at, "
        "strpos(clean_text, chr(10) || chr(10)) AS first_paragraph_end FROM articles"
    )
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}


def _first_article(record: dict[str, Any], facts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The article of an event, or of a canonical event's first report."""
    article_id = record.get("article_id") or record["mentions"][0]["article_id"]
    return facts.get(article_id, {"article_id": article_id})


def _country(actor: str) -> str | None:
    """The country of an actor code; IGO:... actors have none."""
    return None if ":" in actor else actor


def _alpha2(alpha3: str | None) -> str | None:
    found = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return found.alpha_2 if found else None


# -- PLOVER ------------------------------------------------------------------------------------
PLOVER_CODEBOOK = "plover-0.7b1"  # the manual's version whose JSON fields the records follow


def plover_record(record: dict[str, Any], facts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """An event or canonical event as a PLOVER JSON record."""
    info = kinds()[record["kind"]]
    article = _first_article(record, facts)
    evidence = record["evidence"]
    source, target = record["source"], record["target"]
    coded_at = article.get("ingested_at") or ""
    return {
        "id": record_id(record),
        "has_event": True,
        "date": record["date_start"],
        "enddate": record["date_end"],
        "source": [_plover_actor(source, record.get("source_sector"))],
        "recipient": [_plover_actor(target, record.get("target_sector"))],
        "event": [record["plover_type"]],
        "event_type": record["plover_type"],
        "mode": record.get("plover_mode"),
        "context": record["sectors"],
        "quad_code": info.quad_class,
        "event_scale": info.goldstein,
        "event_loc": _plover_location(record.get("location")),
        "event_text": [evidence["text"]],
        "text_info": {"start": evidence["start"], "end": evidence["end"]},
        "cite_info": {
            "url": article.get("url"),
            "citation": article.get("source_file"),
            "title": article.get("title"),
            "publication": article.get("outlet"),
            "coder": "communique",
            "language": article.get("language"),
            "codebook": PLOVER_CODEBOOK,
            "version": version("communique"),
        },
        "coder": "communique",
        "coded_date": coded_at[:10] or None,
        "coded_time": coded_at[11:] or None,
        "actor": source,
        "actor_country": _country(source),
        "recipient_country": _country(target),
        "kind": record["kind"],
        "status": record["status"],
        "date_text": record["date"],
        "confidence": record["confidence"],
    }


def _plover_actor(code: str, sector: str | None) -> dict[str, Any]:
    return {"code": code, "sector": sector}


def _plover_location(location: dict[str, Any] | None) -> dict[str, Any] | None:
    """A PLOVER location object: geonames field names, plus cc3 for the alpha-3 code.

    The manual spells the alpha-2 field as geonames does, "country code"; "country_code" is
    the name this export first used, kept for the readers that already use it.
    """
    if not location:
        return None
    alpha2 = _alpha2(location.get("country"))
    return {
        "name": location["name"],
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "country_code": alpha2,
        "country code": alpha2,
        "cc3": location.get("country"),
    }


@contextmanager
def _text_output(out: str | None) -> Iterator[IO[str]]:
    """Standard output for None or "-", else the file, opened for text."""
    if out in (None, "-"):
        yield sys.stdout
        return
    with Path(str(out)).open("w", encoding="utf-8", newline="") as handle:
        yield handle


# -- the dyad network --------------------------------------------------------------------------
def dyad_graph(dyads: list[dict[str, Any]]) -> nx.Graph:
    """Actors as nodes, dyads as edges weighted by event count and labelled with the tier."""
    graph = nx.Graph()
    for dyad in dyads:
        for actor in (dyad["country_a"], dyad["country_b"]):
            graph.add_node(actor, label=actor, igo=_country(actor) is None)
        attributes = {
            "weight": dyad["events"],
            "label": dyad["tier"] or "",
            "tier": dyad["tier"],
            "tier_wording": dyad["tier_wording"],
            "tier_since": dyad["tier_since"],
            "mentions": dyad["mentions"],
            "cooperative": dyad["cooperative"],
            "conflictual": dyad["conflictual"],
            "balance": dyad["balance"],
            "first_contact": dyad["first_contact"],
            "last_contact": dyad["last_contact"],
            "instruments": len(dyad["instruments"]),
        }
        # GraphML and GEXF have no null: a missing value is an absent attribute.
        present = {k: v for k, v in attributes.items() if v is not None}
        graph.add_edge(dyad["country_a"], dyad["country_b"], **present)
    return graph


def write_graph(graph: nx.Graph, fmt: str, out: str | None) -> int:
    write = nx.write_graphml if fmt == "graphml" else nx.write_gexf
    if out in (None, "-"):
        write(graph, sys.stdout.buffer)
    else:
        write(graph, out)
    return graph.number_of_edges()


# -- partitioned Parquet -----------------------------------------------------------------------
def write_partitioned_parquet(rows: list[dict[str, Any]], out: str, partition_by: str) -> int:
    """A hive-partitioned dataset (`DIR/year=2025/...parquet`) that pandas, pyarrow, Polars and
    DuckDB read with their defaults.

    `year` comes from the event date, or the publication date for articles. Partition values
    are text, and records without one go to `year=undated` (`kind=none` for other fields):
    Hive's null partition, `__HIVE_DEFAULT_PARTITION__`, fails `pandas.read_parquet` (pyarrow
    26 cannot unify its dictionary partitions with a null). `out` is a new folder (`export`
    swaps it in for the previous export), so exporting twice does not duplicate rows.
    """
    frame = _parquet_frame(rows)
    if partition_by == "year" and {"date_start", "published"} & set(frame.columns):
        frame["year"] = [_year(r) for r in rows]
    if partition_by not in frame.columns:
        raise CommuniqueError(
            f"cannot partition by {partition_by!r}: the records have no such field"
        )
    missing = "undated" if partition_by == "year" else "none"
    frame[partition_by] = [missing if pd.isna(v) else str(v) for v in frame[partition_by]]
    # Without pandas' metadata, which would make pandas read the partition column back as the
    # type it was written as, not as the dictionary hive partitions are read as.
    table = pa.Table.from_pandas(frame, preserve_index=False).replace_schema_metadata(None)
    pads.write_dataset(
        table,
        out,
        format="parquet",
        basename_template=PART_TEMPLATE,
        partitioning=pads.partitioning(
            pa.schema([table.schema.field(partition_by)]), flavor="hive"
        ),
    )
    return len(frame)


def _year(record: dict[str, Any]) -> str | None:
    dated = record.get("date_start") or record.get("published")
    return dated[:4] if dated else None


def _parquet_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Lists of strings stay lists; objects become JSON text that every Parquet reader takes."""
    frame = pd.DataFrame(rows)
    for column in frame.columns:
        if frame[column].map(_is_nested).any():
            frame[column] = frame[column].map(
                lambda v: None if v is None else json.dumps(v, ensure_ascii=False)
            )
    return frame


def _is_nested(value: Any) -> bool:
    return isinstance(value, dict) or (
        isinstance(value, list) and any(not isinstance(v, str) for v in value)
    )
