"""The embedded DuckDB database: articles, events, people, raw inputs and failures.

Columns derive from the dataclasses in `schema.py`; nested values are stored as JSON.
Each batch is written in one transaction, so an interrupted run leaves no half article.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..schema import Article, Event, Evidence, Location, Person, Quality

_SCALAR_TYPES = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}
_ARROW_TYPES = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def _column_type(annotation: Any) -> tuple[str, pa.DataType, bool]:
    """(DuckDB type, Arrow type, stored as JSON) for one dataclass field annotation."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _column_type(args[0])
    if annotation in _SCALAR_TYPES:
        return _SCALAR_TYPES[annotation], _ARROW_TYPES[annotation], False
    if origin is list and args == [str]:
        return "VARCHAR[]", pa.list_(pa.string()), False
    return "JSON", pa.string(), True


class Table:
    """One table whose columns are the fields of a dataclass."""

    def __init__(self, name: str, cls: type, key: str) -> None:
        self.name, self.cls, self.key = name, cls, key
        hints = typing.get_type_hints(cls)
        self.columns = [(f.name, *_column_type(hints[f.name])) for f in fields(cls)]

    def ddl(self) -> str:
        cols = ", ".join(f"{name} {sql}" for name, sql, _, _ in self.columns)
        return f"CREATE TABLE IF NOT EXISTS {self.name} ({cols}, PRIMARY KEY ({self.key}))"

    def to_arrow(self, rows: Iterable[Any]) -> pa.Table:
        records = [asdict(row) for row in rows]
        arrays = {
            name: pa.array(
                [json.dumps(r[name], ensure_ascii=False) if is_json else r[name] for r in records],
                type=arrow_type,
            )
            for name, _, arrow_type, is_json in self.columns
        }
        return pa.table(arrays)

    def from_row(self, row: dict[str, Any]) -> Any:
        values = dict(row)
        for name, _, _, is_json in self.columns:
            if is_json and values[name] is not None:
                values[name] = json.loads(values[name])
        return _build(self.cls, values)


def _build(cls: type, values: dict[str, Any]) -> Any:
    """Rebuild a schema dataclass (with its nested dataclasses) from plain values."""
    nested = {"people": Person, "quality": Quality, "evidence": Evidence, "location": Location}
    for name, inner in nested.items():
        if name not in values or values[name] is None:
            continue
        value = values[name]
        values[name] = [inner(**v) for v in value] if isinstance(value, list) else inner(**value)
    return cls(**values)


ARTICLES = Table("articles", Article, "article_id")
EVENTS = Table("events", Event, "event_id")

_EXTRA_DDL = (
    "CREATE TABLE IF NOT EXISTS raw_inputs (content_sha256 VARCHAR PRIMARY KEY, "
    "source_file VARCHAR, media_type VARCHAR, content BLOB)",
    "CREATE TABLE IF NOT EXISTS failures (source_file VARCHAR, error VARCHAR, failed_at TIMESTAMP)",
    "CREATE TABLE IF NOT EXISTS people (article_id VARCHAR, name VARCHAR, country VARCHAR, "
    "role VARCHAR)",
    "CREATE TABLE IF NOT EXISTS seen_inputs (content_sha256 VARCHAR PRIMARY KEY, "
    "article_id VARCHAR)",
    "CREATE TABLE IF NOT EXISTS signatures (article_id VARCHAR PRIMARY KEY, published VARCHAR, "
    "minhash BLOB)",
    # What a feed, JSON line or HTTP header said about a raw input, so `recode` can use it.
    "ALTER TABLE raw_inputs ADD COLUMN IF NOT EXISTS url VARCHAR",
    "ALTER TABLE raw_inputs ADD COLUMN IF NOT EXISTS hints JSON",
)
_RAW_COLUMNS = ("content_sha256", "source_file", "media_type", "content", "url", "hints")
_PEOPLE_COLUMNS = ("article_id", "name", "country", "role")


class Database:
    """A handle on one communique database file (or `:memory:`)."""

    def __init__(self, path: str | Path = "communique.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self._in_transaction = False
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from exc
        if not read_only:
            self._create()

    def _create(self) -> None:
        for statement in (ARTICLES.ddl(), EVENTS.ddl(), *_EXTRA_DDL):
            self.con.execute(statement)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; an inner `transaction()` joins the outer one (as `recode` needs)."""
        if self._in_transaction:
            yield
            return
        self.con.execute("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")
        finally:
            self._in_transaction = False

    # -- writing ---------------------------------------------------------------------------
    def write_batch(
        self,
        articles: list[Article],
        events: list[Event],
        raw: list[tuple[Any, ...]] = (),  # type: ignore[assignment]
        seen: list[tuple[str, str]] = (),  # type: ignore[assignment]
        signatures: list[tuple[str, str | None, bytes]] = (),  # type: ignore[assignment]
    ) -> None:
        """Store coded articles with their events, people and raw bytes, all or nothing.

        `raw` rows are (sha256, source_file, media_type, content[, url, hints JSON]).
        """
        with self.transaction():
            new_ids = self._new_ids([a.article_id for a in articles])
            self._insert(ARTICLES, articles)
            self._insert(EVENTS, events)
            people = [
                (a.article_id, p.name, p.country, p.role)
                for a in articles
                if a.article_id in new_ids
                for p in a.people
            ]
            self._append("people", _PEOPLE_COLUMNS, people, verb="INSERT")
            if raw:
                self._append("raw_inputs", _RAW_COLUMNS[: len(raw[0])], raw)
            self._append("seen_inputs", ("content_sha256", "article_id"), seen)
            self._append("signatures", ("article_id", "published", "minhash"), signatures)

    def _new_ids(self, article_ids: list[str]) -> set[str]:
        """The ids not stored yet: rows derived from an article are written only once."""
        if not article_ids:
            return set()
        stored = self.con.execute(
            "SELECT article_id FROM articles WHERE article_id IN ?", [article_ids]
        ).fetchall()
        return set(article_ids) - {row[0] for row in stored}

    def _append(
        self,
        table: str,
        columns: Sequence[str],
        rows: Sequence[tuple[Any, ...]],
        verb: str = "INSERT OR IGNORE",
    ) -> None:
        """Insert plain rows through Arrow: DuckDB's executemany costs milliseconds a row."""
        if not rows:
            return
        arrays = {name: pa.array([row[i] for row in rows]) for i, name in enumerate(columns)}
        batch = pa.table(arrays)  # noqa: F841 - read by DuckDB through its name below
        names = ", ".join(columns)
        self.con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM batch")

    def _insert(self, table: Table, rows: list[Any]) -> None:
        if not rows:
            return
        batch = table.to_arrow(rows)  # noqa: F841 - read by DuckDB through its name below
        names = ", ".join(name for name, *_ in table.columns)
        self.con.execute(f"INSERT OR IGNORE INTO {table.name} ({names}) SELECT {names} FROM batch")

    def record_failure(self, source_file: str, error: str) -> None:
        self.con.execute(
            "INSERT INTO failures VALUES (?, ?, ?)", [source_file, error, datetime.now(UTC)]
        )

    def delete_articles(self, article_ids: list[str]) -> None:
        """Remove articles and everything derived from them (used by `recode`)."""
        with self.transaction():
            for table in ("events", "people", "signatures", "articles"):
                self.con.execute(f"DELETE FROM {table} WHERE article_id IN ?", [article_ids])
            self.con.execute("DELETE FROM seen_inputs WHERE article_id IN ?", [article_ids])

    # -- reading ---------------------------------------------------------------------------
    def known_input(self, content_sha256: str) -> bool:
        row = self.con.execute(
            "SELECT 1 FROM seen_inputs WHERE content_sha256 = ?", [content_sha256]
        ).fetchone()
        return row is not None

    def known_among(self, content_sha256s: Sequence[str]) -> set[str]:
        """Which of these inputs are stored already: one query for a whole chunk of inputs."""
        if not content_sha256s:
            return set()
        rows = self.con.execute(
            "SELECT content_sha256 FROM seen_inputs WHERE content_sha256 IN ?",
            [list(content_sha256s)],
        ).fetchall()
        return {row[0] for row in rows}

    def known_inputs(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT content_sha256 FROM seen_inputs").fetchall()}

    def articles(self, where: str = "", params: list[Any] | None = None) -> list[Article]:
        return [ARTICLES.from_row(r) for r in self._select(ARTICLES, where, params)]

    def events(self, where: str = "", params: list[Any] | None = None) -> list[Event]:
        return [EVENTS.from_row(r) for r in self._select(EVENTS, where, params)]

    def _select(self, table: Table, where: str, params: list[Any] | None) -> list[dict[str, Any]]:
        order = "source_file, article_id" if table is ARTICLES else "source_file, evidence_start"
        if table is EVENTS:
            sql = (
                "SELECT * EXCLUDE (evidence_start) FROM (SELECT *, "
                "CAST(json_extract(evidence, '$.start') AS BIGINT) AS evidence_start FROM events"
                f" {where}) ORDER BY {order}, kind, source, target"
            )
        else:
            sql = f"SELECT * FROM {table.name} {where} ORDER BY {order}"
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def raw_inputs(self) -> Iterator[tuple[str, str, str, bytes]]:
        cursor = self.con.execute(
            "SELECT content_sha256, source_file, media_type, content FROM raw_inputs"
        )
        while rows := cursor.fetchmany(256):
            yield from rows

    def raw_input_ids(self) -> list[str]:
        """Every stored raw input, in the order its article was first ingested."""
        rows = self.con.execute(
            "SELECT r.content_sha256 FROM raw_inputs r "
            "LEFT JOIN seen_inputs s USING (content_sha256) "
            "LEFT JOIN articles a ON a.article_id = s.article_id "
            "ORDER BY a.ingested_at NULLS LAST, r.source_file, r.content_sha256"
        ).fetchall()
        return [sha for (sha,) in rows]

    def raw_records(self, content_sha256s: list[str]) -> list[tuple[Any, ...]]:
        """(sha256, source_file, media_type, content, url, hints) of the given raw inputs."""
        return self.con.execute(
            f"SELECT {', '.join(_RAW_COLUMNS)} FROM raw_inputs WHERE content_sha256 IN ?",
            [content_sha256s],
        ).fetchall()

    def input_articles(self) -> dict[str, str]:
        """The article each seen raw input (by sha256) became."""
        rows = self.con.execute("SELECT content_sha256, article_id FROM seen_inputs").fetchall()
        return dict(rows)

    def signatures(self) -> list[tuple[str, str | None, bytes]]:
        return self.con.execute("SELECT article_id, published, minhash FROM signatures").fetchall()

    def failures(self) -> list[tuple[str, str]]:
        return self.con.execute(
            "SELECT source_file, error FROM failures ORDER BY failed_at"
        ).fetchall()

    def query(self, sql: str, params: list[Any] | None = None) -> Any:
        """A DuckDB relation for ad-hoc analysis (`.df()` gives a DataFrame)."""
        return self.con.sql(sql, params=params) if params else self.con.sql(sql)
