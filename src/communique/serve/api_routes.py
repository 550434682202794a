"""The JSON API under /api: what every page shows, for scripts as much as for the pages."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from ..export.writers import csv_cell
from ..schema import QUALITY_FLAGS, SECTORS, kinds
from ..store.watch import CHANGE_KINDS
from ..watch.rules import Rule
from . import params
from .explorer import MAX_GRAPH_EDGES, SEARCH_COLUMNS, Explorer
from .highlight import evidence_span

router = APIRouter(prefix="/api", tags=["api"])

Page = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")]
PageSize = Annotated[int, Query(ge=1, le=200, description="Rows per page (at most 200).")]


def explorer(request: Request) -> Explorer:
    found: Explorer = request.app.state.explorer
    return found


Explore = Annotated[Explorer, Depends(explorer)]


def event_query(
    country: Annotated[str | None, Query(description="Either side, e.g. KOR or IGO:UN.")] = None,
    partner: Annotated[
        str | None, Query(description="The other side (needs country): one dyad.")
    ] = None,
    kind: Annotated[str | None, Query(description="An event kind, e.g. SIGN_AGREEMENT.")] = None,
    plover_type: Annotated[str | None, Query(description="A PLOVER type, e.g. COOPERATE.")] = None,
    status: Annotated[str | None, Query(description="occurred, ongoing, agreed, ...")] = None,
    sector: Annotated[str | None, Query(description="A sector, e.g. defense_industry.")] = None,
    since: Annotated[
        str | None, Query(description="ISO period: 2025, 2025-07, 2025-07-14.")
    ] = None,
    until: Annotated[
        str | None, Query(description="ISO period: 2025, 2025-07, 2025-07-14.")
    ] = None,
    min_confidence: Annotated[float | None, Query(description="From 0 to 1.")] = None,
    max_confidence: Annotated[float | None, Query(description="From 0 to 1.")] = None,
    q: Annotated[str | None, Query(description="Words in the evidence or instrument.")] = None,
    level: Annotated[
        str | None, Query(description="canonical (each happening once) or reports.")
    ] = None,
) -> params.EventQuery:
    return params.EventQuery.parse(
        country=country,
        partner=partner,
        kind=kind,
        plover_type=plover_type,
        status=status,
        sector=sector,
        since=since,
        until=until,
        min_confidence=min_confidence,
        max_confidence=max_confidence,
        q=q,
        level=level,
    )


Filters = Annotated[params.EventQuery, Depends(event_query)]
Sort = Annotated[str, Query(description="date, -date, confidence, -confidence, -sources, kind.")]


def sort_key(sort: str) -> str:
    return params.choice("sort", sort, list(params.SORTS)) or "-date"


def not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=what)


@router.get("/meta")
def meta(ex: Explore) -> dict[str, Any]:
    """Counts, whether reports are fused into canonical events, and every filter's values."""
    return ex.meta()


@router.get("/graph")
def graph(
    ex: Explore,
    since: Annotated[str | None, Query(description="ISO period the events reach into.")] = None,
    until: Annotated[str | None, Query(description="ISO period; also dates the tiers.")] = None,
    sector: Annotated[str | None, Query(description="Only events of this sector.")] = None,
    kind: Annotated[str | None, Query(description="Only events of this kind.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_GRAPH_EDGES, description="Busiest dyads kept.")] = 300,
) -> dict[str, Any]:
    """The network: actors as nodes, dyads as edges with events, balance and current tier."""
    query = params.EventQuery.parse(since=since, until=until, sector=sector, kind=kind)
    return ex.graph(query.since, query.until, query.sector, query.kind, limit)


@router.get("/countries/{code}")
def country(code: str, ex: Explore) -> dict[str, Any]:
    """A country: partners ranked, tiers, events by year, kind and sector, its people."""
    found = ex.country(_actor("code", code))
    if found is None:
        raise not_found(f"no events involve {code.upper()}")
    return found


@router.get("/dyads/{a}/{b}")
def dyad(a: str, b: str, ex: Explore, page: Page = 1, page_size: PageSize = 100) -> dict[str, Any]:
    """A dyad: state, tier history, and a page of its timeline with every report of each event."""
    first, second = _actor("a", a), _actor("b", b)
    if first == second:
        raise params.BadParameter("b", "a dyad needs two different actors")
    found = ex.dyad(first, second, page, page_size)
    if found is None:
        raise not_found(f"no events between {first} and {second}")
    return found


@router.get("/events")
def events(
    ex: Explore, query: Filters, page: Page = 1, page_size: PageSize = 50, sort: Sort = "-date"
) -> dict[str, Any]:
    """One page of events (canonical, or single reports with level=reports) and the total."""
    return ex.search(query, page, page_size, sort_key(sort))


@router.get("/events/export")
def export_events(
    ex: Explore,
    query: Filters,
    format: Annotated[str, Query(description="csv or jsonl")] = "csv",
    sort: Sort = "-date",
) -> StreamingResponse:
    """Every event of the current selection, streamed as CSV or JSON Lines."""
    chosen = params.choice("format", format, ["csv", "jsonl"])
    rows = ex.iter_search(query, sort_key(sort))
    body = chunked(_csv_lines(rows) if chosen == "csv" else _jsonl_lines(rows))
    media = "text/csv" if chosen == "csv" else "application/x-ndjson"
    name = f"communique-events.{chosen}"
    return StreamingResponse(
        body,
        media_type=f"{media}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/articles")
def articles(
    ex: Explore,
    q: Annotated[str | None, Query(description="Words of the title, outlet or file.")] = None,
    flag: Annotated[str | None, Query(description="A quality flag, e.g. no_date.")] = None,
    page: Page = 1,
    page_size: PageSize = 50,
) -> dict[str, Any]:
    """One page of articles, newest first."""
    chosen_flag = params.choice("flag", flag, QUALITY_FLAGS)
    return ex.articles(params.text("q", q), chosen_flag, page, page_size)


@router.get("/articles/{article_id}")
def article(article_id: str, ex: Explore) -> dict[str, Any]:
    """An article: clean text, metadata, quality with reasons, duplicates, and coded events,
    each with `span`, where its evidence lies in the clean text."""
    found = ex.article(params.article_id(article_id))
    if found is None:
        raise not_found(f"no article {article_id}")
    for event in found["events"]:
        event["span"] = evidence_span(found["clean_text"], event["evidence"])
    return found


@dataclass(frozen=True)
class ChangeQuery:
    """Which recorded changes to show: a watch.toml rule's filters, and a time to start from."""

    rule: Rule
    since: str | None


def change_query(
    country: Annotated[str | None, Query(description="Either side, e.g. KOR or IGO:UN.")] = None,
    partner: Annotated[
        str | None, Query(description="The other side (needs country): one dyad.")
    ] = None,
    kind: Annotated[str | None, Query(description="An event kind, e.g. VISIT.")] = None,
    change: Annotated[
        str | None, Query(description="new_event, status_changed, new_source, ...")
    ] = None,
    sector: Annotated[str | None, Query(description="A sector, e.g. energy.")] = None,
    min_confidence: Annotated[float | None, Query(description="From 0 to 1.")] = None,
    since: Annotated[
        str | None, Query(description="ISO time the change was seen from: 2025-06-01T00:00.")
    ] = None,
) -> ChangeQuery:
    first, second = params.actor("country", country), params.actor("partner", partner)
    if second and not first:
        raise params.BadParameter("partner", "needs a country")
    kind_name = params.choice("kind", kind, list(kinds()))
    change_name = params.choice("change", change, list(CHANGE_KINDS))
    sector_name = params.choice("sector", sector, list(SECTORS))
    rule = Rule(
        "query",
        countries=frozenset({first}) if first else None,
        dyads=frozenset({"-".join(sorted((first, second)))}) if first and second else None,
        kinds=frozenset({kind_name}) if kind_name else None,
        changes=frozenset({change_name}) if change_name else None,
        sectors=frozenset({sector_name}) if sector_name else None,
        min_confidence=params.confidence("min_confidence", min_confidence) or 0.0,
    )
    return ChangeQuery(rule, params.moment("since", since))


ChangeFilters = Annotated[ChangeQuery, Depends(change_query)]


@router.get("/changes")
def changes(
    ex: Explore, query: ChangeFilters, page: Page = 1, page_size: PageSize = 50
) -> dict[str, Any]:
    """What changed as news arrived (recorded by `communique watch`), newest first: new events,
    statuses that moved, new sources, new dyads and tiers changed, each with its evidence."""
    return ex.changes(query.rule, query.since, page, page_size)


@router.get("/vocabulary")
def vocabulary() -> dict[str, Any]:
    """What the codes mean: kinds (with PLOVER type, CAMEO code, meaning) and sectors."""
    return {
        "kinds": [info.__dict__ for info in kinds().values()],
        "sectors": list(SECTORS),
        "quality_flags": list(QUALITY_FLAGS),
    }


def _actor(name: str, value: str) -> str:
    code = params.actor(name, value)
    if code is None:
        raise params.BadParameter(name, "a country code is needed")
    return code


def _csv_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SEARCH_COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {k: csv_cell(";".join(v) if isinstance(v, list) else v) for k, v in row.items()}
        )
        yield _drain(buffer)


def _jsonl_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def chunked(lines: Iterator[str], size: int = 500) -> Iterator[str]:
    """Lines joined in chunks: the server hands each piece to a thread, so one per row is slow."""
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)
