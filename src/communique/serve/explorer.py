"""What the explorer's pages and JSON API show, read from DuckDB with SQL that pages and filters.

Everything here answers one question with bounded work: a search returns one page (LIMIT and
OFFSET in DuckDB), the graph keeps the busiest dyads, a country or a dyad reads only its own
events. No answer loads the whole database into Python.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..relations.dyads import HAPPENED, TIER_KINDS, dyad_key, dyad_state
from ..relations.fusion import CanonicalEvent
from ..relations.store import CANONICAL, MENTIONS
from ..schema import SECTORS, STATUSES, TIERS, kinds
from ..settings import DATA_DIR
from ..store.database import Database, HeldByAnotherProcess
from ..store.snapshot import Following, open_snapshot, snapshot_path
from ..store.watch import CHANGES
from ..watch.rules import Rule
from .params import SORTS, EventQuery, plover_types

# Each report stands for its own happening when a database has no current canonical events
# (written before fusion existed, or by a tool that skipped it): pages still work, unfused.
_REPORTS_AS_CANONICAL = """
    SELECT e.event_id AS canonical_id, e.kind, e.plover_type, e.plover_mode, e.cameo, e.source,
        e.target, e.directed, e.date, e.date_start, e.date_end, a.published AS first_reported,
        e.status, e.sectors, e.instrument, e.tier, e.tier_wording, e.location, e.source_sector,
        e.target_sector, e.evidence, e.confidence, 1 AS n_mentions, 1 AS n_articles,
        1 AS n_sources, CASE WHEN a.outlet IS NULL THEN [] ELSE [a.outlet] END AS outlets,
        [e.event_id] AS mention_ids
    FROM events e LEFT JOIN articles a USING (article_id)"""
_REPORTS_AS_MENTIONS = """
    SELECT e.event_id, e.event_id AS canonical_id, e.article_id, e.source_file, a.outlet,
        a.published, a.url, 'article:' || e.article_id AS source_key, e.status, e.date, e.evidence
    FROM events e LEFT JOIN articles a USING (article_id)"""

# The columns a search returns, the same for canonical events and single reports, so a CSV of
# either level has one header.
SEARCH_COLUMNS = [
    "id", "level", "date", "date_precision", "kind", "plover_type", "source", "target",
    "directed", "status", "sectors", "instrument", "tier", "confidence", "n_mentions", "n_sources",
    "outlets", "published", "article_id", "event_id", "evidence",
]  # fmt: skip

MAX_GRAPH_EDGES = 2000
MAX_PARTNERS = 500
MAX_PEOPLE = 40


def date_precision(date: str | None) -> str:
    """How precisely a date is known: day, month, year, interval or undated."""
    if not date:
        return "undated"
    if "/" in date:
        return "interval"
    return {4: "year", 7: "month", 10: "day"}.get(len(date), "other")


@cache
def actor_names() -> dict[str, str]:
    """Country and organisation names by code, from the gazetteer shipped with the package."""
    names = {}
    for file in ("countries.jsonl", "igos.jsonl"):
        with (DATA_DIR / file).open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    names[record["code"]] = record["name"]
    return names


def actor_name(code: str) -> str:
    return actor_names().get(code, code)


def safe_url(url: str | None) -> str | None:
    """A link only for http(s): a stored `javascript:` or `data:` URL must never become one."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _cooperative_kinds() -> list[str]:
    return [k.kind for k in kinds().values() if k.quad_class <= 2]


def _tier_cte(until: str | None) -> str:
    """Per dyad, the highest tier reached (by `until` if given) and since when.

    The same rule as `relations.dyads.tier_timeline`: only what happened counts, and
    establishing relations is the diplomatic tier whatever tier its sentence names.
    """
    bound = "AND date_start <= $tier_until" if until else ""
    return f"""
    tier_events AS (
        SELECT least(source, target) AS a, greatest(source, target) AS b, date, date_start,
            tier_wording,
            CASE WHEN kind = 'ESTABLISH_RELATIONS' THEN 1 ELSE list_position($tiers, tier) END
                AS tier_index
        FROM c
        WHERE list_contains($tier_kinds, kind) AND list_contains($happened, status)
            AND source <> target {bound}),
    tiers AS (
        SELECT a, b, tier_index, arg_min(date, coalesce(date_start, '9999')) AS tier_since,
            arg_min(tier_wording, coalesce(date_start, '9999')) AS tier_wording
        FROM tier_events WHERE tier_index > 0
        GROUP BY a, b, tier_index
        QUALIFY row_number() OVER (PARTITION BY a, b ORDER BY tier_index DESC) = 1)"""


def _tier_params(until: str | None) -> dict[str, Any]:
    params: dict[str, Any] = {
        "tiers": list(TIERS),
        "tier_kinds": list(TIER_KINDS),
        "happened": list(HAPPENED),
    }
    if until:
        params["tier_until"] = until
    return params


def _tier_name(index: int | None) -> str | None:
    return TIERS[index - 1] if index else None


def _balance(cooperative: int, conflictual: int) -> float | None:
    total = cooperative + conflictual
    return round((cooperative - conflictual) / total, 3) if total else None


def open_explorer(path: str | Path) -> Explorer | Following[Explorer]:
    """The explorer of the database at `path`, opened read-only; when another process writes
    it (which DuckDB lets no one share), the snapshot that writer keeps with --snapshot,
    followed from copy to copy. Without a snapshot, the error says what works."""
    try:
        return Explorer.open(path)
    except HeldByAnotherProcess:
        snapshot = snapshot_path(path)
        if not snapshot.is_file():
            raise
        return Following(snapshot, lambda copy: Explorer(open_snapshot(copy)), Explorer.close)


class Explorer:
    """Read-only questions about one database, safe to ask from several request threads."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.path = db.path
        # DuckDB connections are not shared between threads: each question gets a cursor of
        # its own, and the lock only guards making one.
        self._lock = threading.Lock()
        self._require_tables()
        self.refresh()

    def refresh(self) -> None:
        """Look at the database afresh: a watcher in this process calls it after each round.

        Opened read-only, nothing changes while the explorer runs, so counts and filter values
        are read once until then.
        """
        self.fused = self._canonical_is_current()
        self.canonical_sql = (
            "SELECT " + ", ".join(n for n, *_ in CANONICAL.columns) + f" FROM {CANONICAL.name}"
            if self.fused
            else _REPORTS_AS_CANONICAL
        )
        self.mentions_sql = f"SELECT * FROM {MENTIONS.name}" if self.fused else _REPORTS_AS_MENTIONS
        self._meta: dict[str, Any] | None = None

    @classmethod
    def open(cls, path: str | Path) -> Explorer:
        """The explorer of a database file, opened read-only: nothing here writes."""
        return cls(Database(path, read_only=True))

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lock:
            cursor = self.db.con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def _rows(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with self._cursor() as cursor:
            result = cursor.execute(sql, _used(sql, params))
            names = [d[0] for d in result.description]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def _value(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        with self._cursor() as cursor:
            row = cursor.execute(sql, _used(sql, params)).fetchone()
        return row[0] if row else None

    def _require_tables(self) -> None:
        found = self._value(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_name IN ('articles', 'events', 'people')"
        )
        if found != 3:
            raise StoreError(f"{self.path}: not a communique database (run communique ingest)")

    def _canonical_is_current(self) -> bool:
        """True when every stored report belongs to a stored canonical event and vice versa."""
        tables = self._value(
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ($c, $m)",
            {"c": CANONICAL.name, "m": MENTIONS.name},
        )
        if tables != 2:
            return False
        loose = self._value(
            f"SELECT (SELECT count(*) FROM events e ANTI JOIN {MENTIONS.name} m USING (event_id))"
            f" + (SELECT count(*) FROM {MENTIONS.name} m ANTI JOIN events e USING (event_id))"
        )
        return loose == 0

    # -- the whole database ------------------------------------------------------------------
    def meta(self) -> dict[str, Any]:
        """Counts and the values each filter accepts, for forms and for scripts."""
        if self._meta is None:
            self._meta = self._read_meta()
        return self._meta

    def _read_meta(self) -> dict[str, Any]:
        counts = self._rows(
            f"WITH c AS ({self.canonical_sql}) SELECT "
            "(SELECT count(*) FROM articles) AS articles, "
            "(SELECT count(*) FROM events) AS reports, "
            "(SELECT count(*) FROM c) AS events, "
            "(SELECT min(date_start) FROM c) AS first_date, "
            "(SELECT max(date_end) FROM c) AS last_date"
        )[0]
        return {
            "database": self.path,
            "read_only": True,
            "fused": self.fused,
            **counts,
            "actors": self.actors(),
            "kinds": list(kinds()),
            "plover_types": plover_types(),
            "statuses": list(STATUSES),
            "sectors": list(SECTORS),
            "tiers": list(TIERS),
        }

    def actors(self) -> list[dict[str, Any]]:
        """Every actor with events, busiest first, with its name."""
        rows = self._rows(
            f"WITH c AS ({self.canonical_sql}) "
            "SELECT code, count(*) AS events FROM (SELECT source AS code FROM c "
            "UNION ALL SELECT target FROM c WHERE target <> source) "
            "GROUP BY code ORDER BY events DESC, code"
        )
        return [{**row, "name": actor_name(row["code"])} for row in rows]

    def graph(
        self,
        since: str | None = None,
        until: str | None = None,
        sector: str | None = None,
        kind: str | None = None,
        limit: int = 300,
    ) -> dict[str, Any]:
        """Actors as nodes and dyads as edges, the busiest `limit` dyads of the chosen events.

        The tier of an edge is the one reached by the end of the period, whatever the kind and
        sector filters keep: it describes the relationship, not the events shown.
        """
        query = EventQuery(since=since, until=until, sector=sector, kind=kind)
        where, params = query.where()
        until_day = query.until_day() if until else None
        tier_cte = _tier_cte(until_day)
        params |= _tier_params(until_day) | {"coop": _cooperative_kinds(), "limit": limit}
        base = f"""
            WITH c AS ({self.canonical_sql}), {tier_cte},
            chosen AS (SELECT * FROM c {where}),
            edges AS (
                SELECT least(source, target) AS a, greatest(source, target) AS b,
                    count(*) AS events, sum(n_mentions) AS mentions,
                    count(*) FILTER (WHERE status <> 'negated' AND list_contains($coop, kind))
                        AS cooperative,
                    count(*) FILTER (WHERE status <> 'negated'
                        AND NOT list_contains($coop, kind)) AS conflictual
                FROM chosen WHERE source <> target GROUP BY a, b)"""
        edges = self._rows(
            f"{base} SELECT edges.*, tiers.tier_index, tiers.tier_since, "
            "(SELECT count(*) FROM edges) AS total_edges "
            "FROM edges LEFT JOIN tiers USING (a, b) "
            "ORDER BY events DESC, a, b LIMIT $limit",
            params,
        )
        totals = self._rows(
            f"{base} SELECT code, sum(events) AS events, count(*) AS partners FROM "
            "(SELECT a AS code, events FROM edges UNION ALL SELECT b, events FROM edges) "
            "GROUP BY code",
            params,
        )
        return _graph_answer(edges, totals)

    # -- one country ---------------------------------------------------------------------------
    def country(self, code: str) -> dict[str, Any] | None:
        """A country's partners ranked, its events by year, kind and sector, and its people."""
        params = {"code": code}
        mine = (
            f"WITH c AS ({self.canonical_sql}), "
            "mine AS (SELECT *, CASE WHEN source = $code THEN target ELSE source END AS partner "
            "FROM c WHERE source = $code OR target = $code)"
        )
        totals = self._rows(
            f"{mine} SELECT count(*) AS events, sum(n_mentions) AS mentions, "
            "min(date_start) AS first_date, max(date_end) AS last_date FROM mine",
            params,
        )[0]
        if not totals["events"]:
            return None
        partners = self.partners(code)
        by_year_kind = self._rows(
            f"{mine} SELECT substr(date_start, 1, 4) AS year, kind AS category, count(*) AS n "
            "FROM mine WHERE date_start IS NOT NULL GROUP BY ALL ORDER BY year, category",
            params,
        )
        by_year_sector = self._rows(
            f"{mine} SELECT year, category, count(*) AS n FROM (SELECT substr(date_start, 1, 4) "
            "AS year, unnest(sectors) AS category FROM mine WHERE date_start IS NOT NULL) "
            "GROUP BY ALL ORDER BY year, category",
            params,
        )
        by_kind = self._rows(
            f"{mine} SELECT kind, count(*) AS n FROM mine GROUP BY kind ORDER BY n DESC, kind",
            params,
        )
        tiered = [p for p in partners if p["tier"]]
        return {
            "code": code,
            "name": actor_name(code),
            **totals,
            "partners": partners,
            "tiers": sorted(tiered, key=lambda p: (-TIERS.index(p["tier"]), p["partner"])),
            "by_kind": by_kind,
            "by_year_kind": by_year_kind,
            "by_year_sector": by_year_sector,
            "people": self.people(code),
        }

    def partners(self, code: str) -> list[dict[str, Any]]:
        """The country's partners, most events first, with tier, balance and contacts."""
        params = {"code": code, "coop": _cooperative_kinds(), "limit": MAX_PARTNERS}
        params |= _tier_params(None)
        rows = self._rows(
            f"""WITH c AS ({self.canonical_sql}), {_tier_cte(None)},
            mine AS (
                SELECT *, CASE WHEN source = $code THEN target ELSE source END AS partner,
                    least(source, target) AS a, greatest(source, target) AS b
                FROM c WHERE (source = $code OR target = $code) AND source <> target)
            SELECT partner, count(*) AS events, sum(n_mentions) AS mentions,
                count(*) FILTER (WHERE status <> 'negated' AND list_contains($coop, kind))
                    AS cooperative,
                count(*) FILTER (WHERE status <> 'negated' AND NOT list_contains($coop, kind))
                    AS conflictual,
                arg_min(date, date_start) FILTER (WHERE list_contains($happened, status)
                    AND date_start IS NOT NULL) AS first_contact,
                arg_max(date, date_start) FILTER (WHERE list_contains($happened, status)
                    AND date_start IS NOT NULL) AS last_contact,
                any_value(tiers.tier_index) AS tier_index,
                any_value(tiers.tier_since) AS tier_since,
                any_value(tiers.tier_wording) AS tier_wording
            FROM mine LEFT JOIN tiers USING (a, b)
            GROUP BY partner
            ORDER BY events DESC, last_contact DESC NULLS LAST, partner
            LIMIT $limit""",
            params,
        )
        return [_partner_answer(row) for row in rows]

    def people(self, code: str) -> list[dict[str, Any]]:
        """The people named as acting for the country, by the number of articles naming them."""
        rows = self._rows(
            "SELECT p.name, list(DISTINCT p.role) FILTER (WHERE p.role IS NOT NULL) AS roles, "
            "count(DISTINCT p.article_id) AS articles, max(a.published) AS last_seen "
            "FROM people p LEFT JOIN articles a USING (article_id) WHERE p.country = $code "
            "GROUP BY p.name ORDER BY articles DESC, p.name LIMIT $limit",
            {"code": code, "limit": MAX_PEOPLE},
        )
        return [{**row, "roles": sorted(row["roles"] or [])} for row in rows]

    # -- one dyad ------------------------------------------------------------------------------
    def dyad(self, a: str, b: str, page: int = 1, page_size: int = 100) -> dict[str, Any] | None:
        """The dyad's state and tier history, and one page of its timeline with every report."""
        first, second = dyad_key(a, b)
        events = self._dyad_events(first, second)
        if not events:
            return None
        state = dyad_state(first, second, events).to_dict()
        shown = events[(page - 1) * page_size : page * page_size]
        mentions = self._mentions([e.canonical_id for e in shown])
        timeline = [
            {
                **_canonical_answer(event),
                "mentions": mentions.get(event.canonical_id, []),
            }
            for event in shown
        ]
        return {
            **state,
            "name_a": actor_name(first),
            "name_b": actor_name(second),
            "balance": _balance(state["cooperative"], state["conflictual"]),
            "page": page,
            "page_size": page_size,
            "pages": max(1, -(-len(events) // page_size)),
            "timeline": timeline,
            # How the dyad moved as news arrived: statuses, tiers, new events and sources.
            "changes": self.changes(Rule("dyad", dyads=frozenset({f"{first}-{second}"})))["rows"],
        }

    # -- what changed, as `communique watch` recorded it --------------------------------------
    def changes(
        self, rule: Rule, since: str | None = None, page: int = 1, page_size: int = 50
    ) -> dict[str, Any]:
        """One page of the changes a watcher recorded, newest first, kept by `rule` (the
        filters of watch.toml); none in a database that was never watched."""
        exists = "SELECT count(*) FROM information_schema.tables WHERE table_name = $t"
        if not self._value(exists, {"t": CHANGES.name}):
            return _page(0, page, page_size, [])
        kept, params = rule.where()
        where = f"WHERE {kept} AND detected_at >= $since" if since else f"WHERE {kept}"
        params = {**params, "since": since} if since else params
        total = self._value(f"SELECT count(*) FROM {CHANGES.name} {where}", params)
        rows = self._rows(
            f"SELECT * FROM {CHANGES.name} {where} ORDER BY detected_at DESC, change_id "
            "LIMIT $limit OFFSET $offset",
            {**params, "limit": page_size, "offset": (page - 1) * page_size},
        )
        return _page(total, page, page_size, rows)

    def _dyad_events(self, a: str, b: str) -> list[CanonicalEvent]:
        # Bounded by the dyad: the state needs all of its events, never anyone else's.
        rows = self._rows(
            f"SELECT * FROM ({self.canonical_sql}) WHERE (source = $a AND target = $b) "
            "OR (source = $b AND target = $a) "
            "ORDER BY date_start NULLS LAST, date_end NULLS LAST, kind, canonical_id",
            {"a": a, "b": b},
        )
        return [CANONICAL.from_row(row) for row in rows]

    def _mentions(self, canonical_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        if not canonical_ids:
            return {}
        rows = self._rows(
            f"SELECT m.*, a.title FROM ({self.mentions_sql}) m "
            "LEFT JOIN articles a USING (article_id) WHERE m.canonical_id IN $ids "
            "ORDER BY m.published NULLS LAST, m.event_id",
            {"ids": canonical_ids},
        )
        grouped: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            mention = MENTIONS.from_row({k: v for k, v in row.items() if k != "title"}).to_dict()
            mention["url"] = safe_url(mention["url"])
            mention["title"] = row["title"]
            mention["date_precision"] = date_precision(mention["date"])
            grouped.setdefault(mention["canonical_id"], []).append(mention)
        return grouped

    # -- event search ------------------------------------------------------------------------
    def _search_source(self, level: str) -> str:
        if level == "reports":
            return """
            SELECT e.event_id AS id, 'report' AS level, e.kind, e.plover_type, e.source,
                e.target, e.directed, e.date, e.date_start, e.date_end, e.status, e.sectors,
                e.instrument, e.tier, e.confidence, 1 AS n_mentions, 1 AS n_sources,
                CASE WHEN a.outlet IS NULL THEN [] ELSE [a.outlet] END AS outlets,
                a.published, e.article_id, e.event_id,
                json_extract_string(e.evidence, '$.text') AS evidence
            FROM events e LEFT JOIN articles a USING (article_id)"""
        return f"""
            SELECT c.canonical_id AS id, 'canonical' AS level, c.kind, c.plover_type, c.source,
                c.target, c.directed, c.date, c.date_start, c.date_end, c.status, c.sectors,
                c.instrument, c.tier, c.confidence, c.n_mentions, c.n_sources, c.outlets,
                c.first_reported AS published, first.article_id, first.event_id,
                json_extract_string(c.evidence, '$.text') AS evidence
            FROM ({self.canonical_sql}) c
            LEFT JOIN events first ON first.event_id = c.mention_ids[1]"""

    def search(
        self, query: EventQuery, page: int = 1, page_size: int = 50, sort: str = "-date"
    ) -> dict[str, Any]:
        """One page of the events a query keeps, and how many it keeps in all."""
        where, params = query.where()
        source = f"SELECT * FROM ({self._search_source(query.level)}) s {where}"
        total = self._value(f"SELECT count(*) FROM ({source})", params)
        rows = self._rows(
            f"{source} ORDER BY {SORTS[sort]} LIMIT $limit OFFSET $offset",
            params | {"limit": page_size, "offset": (page - 1) * page_size},
        )
        rows = [_search_answer(row) for row in rows]
        return _page(total, page, page_size, rows) | {"sort": sort, "level": query.level}

    def iter_search(self, query: EventQuery, sort: str = "-date") -> Iterator[dict[str, Any]]:
        """Every event a query keeps, streamed in chunks for an export."""
        where, params = query.where()
        sql = f"SELECT * FROM ({self._search_source(query.level)}) s {where} ORDER BY {SORTS[sort]}"
        with self._cursor() as cursor:
            result = cursor.execute(sql, _used(sql, params))
            names = [d[0] for d in result.description]
            while chunk := result.fetchmany(1000):
                for row in chunk:
                    yield _search_answer(dict(zip(names, row, strict=True)))

    # -- articles ----------------------------------------------------------------------------
    def articles(
        self, text: str | None = None, flag: str | None = None, page: int = 1, page_size: int = 50
    ) -> dict[str, Any]:
        """One page of articles, newest first, filtered by words of the title or outlet."""
        clauses, params = [], {}
        if text:
            clauses.append(
                "(contains(lower(coalesce(title, '')), $text) "
                "OR contains(lower(coalesce(outlet, '')), $text) "
                "OR contains(lower(source_file), $text))"
            )
            params["text"] = text.lower()
        if flag:
            clauses.append(
                "list_contains(CAST(json_extract(quality, '$.flags') AS VARCHAR[]), $flag)"
            )
            params["flag"] = flag
        where = "WHERE " + " AND ".join(clauses) if clauses else ""
        source = (
            "SELECT article_id, title, outlet, published, source_file, duplicate_of, "
            "CAST(json_extract(quality, '$.score') AS DOUBLE) AS quality_score, "
            "CAST(json_extract(quality, '$.flags') AS VARCHAR[]) AS flags, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS events "
            f"FROM articles a {where}"
        )
        total = self._value(f"SELECT count(*) FROM articles a {where}", params)
        rows = self._rows(
            f"{source} ORDER BY published DESC NULLS LAST, source_file, article_id "
            "LIMIT $limit OFFSET $offset",
            params | {"limit": page_size, "offset": (page - 1) * page_size},
        )
        return _page(total, page, page_size, rows)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article with its quality, duplicates and coded events (each with its evidence)."""
        articles = self._articles_where("WHERE article_id = $id", {"id": article_id})
        if not articles:
            return None
        article = articles[0]
        events = self._article_events(article_id)
        copies = self._rows(
            "SELECT article_id, title, outlet, published FROM articles WHERE duplicate_of = $id "
            "ORDER BY published NULLS LAST, article_id",
            {"id": article_id},
        )
        original = None
        if article["duplicate_of"]:
            originals = self._rows(
                "SELECT article_id, title, outlet, published FROM articles WHERE article_id = $id",
                {"id": article["duplicate_of"]},
            )
            original = originals[0] if originals else None
        return {
            **article,
            "url": safe_url(article["url"]),
            "events": events,
            "duplicates": copies,
            "original": original,
        }

    def _articles_where(self, where: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        rows = self._rows(f"SELECT * FROM articles {where}", params)
        for row in rows:
            for name in ("people", "quality"):
                if isinstance(row.get(name), str):
                    row[name] = json.loads(row[name])
        return rows

    def _article_events(self, article_id: str) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT e.*, m.canonical_id FROM events e "
            f"LEFT JOIN ({self.mentions_sql}) m USING (event_id) WHERE e.article_id = $id "
            "ORDER BY CAST(json_extract(e.evidence, '$.start') AS BIGINT), e.kind, e.event_id",
            {"id": article_id},
        )
        events = []
        for row in rows:
            for name in ("people", "evidence", "location"):
                if isinstance(row.get(name), str):
                    row[name] = json.loads(row[name])
            row["date_precision"] = date_precision(row["date"])
            events.append(row)
        return events


def _used(sql: str, params: dict[str, Any] | None) -> dict[str, Any]:
    """The parameters a statement names: DuckDB refuses a named parameter it does not use."""
    named = set(re.findall(r"\$(\w+)", sql))
    return {name: value for name, value in (params or {}).items() if name in named}


def _graph_answer(edges: list[dict[str, Any]], totals: list[dict[str, Any]]) -> dict[str, Any]:
    shown = {code for edge in edges for code in (edge["a"], edge["b"])}
    nodes = [
        {"id": row["code"], "name": actor_name(row["code"]), **row}
        for row in sorted(totals, key=lambda r: (-r["events"], r["code"]))
        if row["code"] in shown
    ]
    for node in nodes:
        del node["code"]
    answer_edges = [
        {
            "a": edge["a"],
            "b": edge["b"],
            "events": edge["events"],
            "mentions": edge["mentions"],
            "cooperative": edge["cooperative"],
            "conflictual": edge["conflictual"],
            "balance": _balance(edge["cooperative"], edge["conflictual"]),
            "tier": _tier_name(edge["tier_index"]),
            "tier_since": edge["tier_since"],
        }
        for edge in edges
    ]
    total = edges[0]["total_edges"] if edges else 0
    return {"nodes": nodes, "edges": answer_edges, "total_edges": total}


def _partner_answer(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "partner": row["partner"],
        "name": actor_name(row["partner"]),
        "tier": _tier_name(row["tier_index"]),
        "tier_wording": row["tier_wording"],
        "tier_since": row["tier_since"],
        "events": row["events"],
        "mentions": row["mentions"],
        "cooperative": row["cooperative"],
        "conflictual": row["conflictual"],
        "balance": _balance(row["cooperative"], row["conflictual"]),
        "first_contact": row["first_contact"],
        "last_contact": row["last_contact"],
    }


def _canonical_answer(event: CanonicalEvent) -> dict[str, Any]:
    info = kinds().get(event.kind)
    return {
        **event.to_dict(),
        "date_precision": date_precision(event.date),
        # PLOVER quad class: 1-2 cooperative, 3-4 conflictual.
        "quad_class": info.quad_class if info else None,
    }


def _search_answer(row: dict[str, Any]) -> dict[str, Any]:
    answer = {name: row.get(name) for name in SEARCH_COLUMNS}
    answer["date_precision"] = date_precision(row["date"])
    answer["sectors"] = list(row["sectors"] or [])
    answer["outlets"] = list(row["outlets"] or [])
    return answer


def _page(total: int, page: int, page_size: int, rows: list[Any]) -> dict[str, Any]:
    """One page of a listing, with what a pager needs to show the others."""
    pages = max(1, -(-total // page_size))
    return {"total": total, "page": page, "page_size": page_size, "pages": pages, "rows": rows}
