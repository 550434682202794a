"""The embedded DuckDB database: articles, events, people, raw inputs and failures.

Columns derive from the dataclasses in `schema.py`; nested values are stored as JSON.
Each batch is written in one transaction, so an interrupted run leaves no half article.
"""

from __future__ import annotations

import json
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from datetime import UTC, datetime
from functools import cache
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

    def to_arrow(self, rows: Sequence[Any]) -> pa.Table:
        arrays = {
            name: pa.array(
                [_json(getattr(r, name)) if is_json else getattr(r, name) for r in rows],
                type=arrow_type,
            )
            for name, _, arrow_type, is_json in self.columns
        }
        return pa.table(arrays)

    def from_row(self, row: dict[str, Any]) -> Any:
        return self.from_rows(list(row), [tuple(row.values())])[0]

    def from_rows(self, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[Any]:
        """Rebuild dataclasses from the rows of a query that selects (at least) these columns.

        Built by position, with a decoder a JSON column: the rows of whole clusters of events
        come through here once a batch.
        """
        positions = [names.index(name) for name, *_ in self.columns]
        decoders = [_decoder(name) if is_json else None for name, _, _, is_json in self.columns]
        plan = list(zip(positions, decoders, strict=True))
        return [
            self.cls(
                *[
                    row[i] if decode is None or row[i] is None else decode(row[i])
                    for i, decode in plan
                ]
            )
            for row in rows
        ]


def _json(value: Any) -> str:
    """A nested value as JSON, a dataclass at any depth as an object of its fields.

    The encoder asks for each dataclass's fields as it meets it: `asdict` would copy every
    value first, and was a quarter of the writer's time.
    """
    return json.dumps(value, ensure_ascii=False, default=_fields_of)


def _fields_of(value: Any) -> dict[str, Any]:
    if not is_dataclass(value) or isinstance(value, type):
        raise TypeError(f"{type(value).__name__} cannot be stored as JSON")
    return {name: getattr(value, name) for name in _field_names(type(value))}


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_NESTED: dict[str, type] = {
    "people": Person,
    "quality": Quality,
    "evidence": Evidence,
    "location": Location,
}


def _decoder(name: str) -> Callable[[str], Any]:
    """JSON text to the value of column `name`, nested schema dataclasses rebuilt."""
    inner = _NESTED.get(name)
    if inner is None:
        return json.loads

    def decode(text: str) -> Any:
        value = json.loads(text)
        if value is None:
            return None
        return [inner(**v) for v in value] if isinstance(value, list) else inner(**value)

    return decode


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
# The tables a reader queries (stats, export, the explorer), all made before any is written.
_TABLES = ("articles", "events", "failures", "people")
_RAW_COLUMNS = ("content_sha256", "source_file", "media_type", "content", "url", "hints")
_PEOPLE_COLUMNS = ("article_id", "name", "country", "role")


# What one key of a primary-key index takes in DuckDB's memory, with room to spare.
_BYTES_A_KEY = 160
_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12}
_UNITS |= {"kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}


def _bytes(size: str) -> int:
    """A size as DuckDB spells one ("512MB", "1GiB") in bytes."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", size.lower())
    if not match or match[2] not in _UNITS:
        raise StoreError(f"{size!r}: not a size DuckDB reads (such as 512MB or 1GiB)")
    return int(float(match[1]) * _UNITS[match[2]])


class Database:
    """A handle on one communique database file (or `:memory:`)."""

    def __init__(
        self,
        path: str | Path = "communique.duckdb",
        read_only: bool = False,
        memory_limit: str | None = None,
    ) -> None:
        self.path = str(path)
        self._in_transaction = False
        # Tables other modules define, created through this handle (see `ensure_table`).
        self._ensured: set[str] = set()
        # Articles deleted through this handle, for rows derived from them elsewhere (the
        # canonical mentions) to be dropped: `relations.update_canonical` takes them.
        self.deleted_articles: set[str] = set()
        # DuckDB caches up to 80% of RAM by default, so a long ingest grows by what it wrote;
        # past its limit it evicts (an in-memory database could not, so is left be).
        self._cache_bytes = _bytes(memory_limit) if memory_limit and self.path != ":memory:" else 0
        if read_only and self.path != ":memory:" and not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such database (communique ingest makes one)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            first_line = str(exc).split("\n", 1)[0]
            if held := _HELD.search(first_line):
                raise HeldByAnotherProcess(f"{self.path}: {_held_by_another(held['pid'])}") from exc
            raise StoreError(f"{self.path}: cannot open the database ({first_line})") from exc
        self._bound_memory()
        if read_only:
            self._check_tables()
        else:
            self._create()

    def _check_tables(self) -> None:
        """A database to read must have every table (a run killed while making them leaves
        some out); one opened to write gets them made."""
        names = {
            row[0] for row in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        missing = sorted(set(_TABLES) - names)
        if missing:
            self.con.close()
            raise StoreError(
                f"{self.path}: not a communique database, or one whose making was cut short "
                f"(missing: {', '.join(missing)}); an ingest into it completes it"
            )

    def _create(self) -> None:
        for statement in (ARTICLES.ddl(), EVENTS.ddl(), *_EXTRA_DDL):
            self.con.execute(statement)

    def ensure_table(self, table: Table) -> None:
        """Create a table another module defines, once a handle rather than once a batch."""
        if table.name not in self._ensured:
            self.con.execute(table.ddl())
            self._ensured.add(table.name)

    def ensured(self, table: Table) -> bool:
        """Whether `ensure_table` made sure of this table through this handle already."""
        return table.name in self._ensured

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
        deleted = set(self.deleted_articles)
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            # What the rollback undid never happened: no table it created, no article it deleted.
            self._ensured.clear()
            self.deleted_articles = deleted
            raise
        else:
            self.con.execute("COMMIT")
            self._bound_memory()
        finally:
            self._in_transaction = False

    def _bound_memory(self) -> None:
        """Limit DuckDB to the cache allowed plus what its key indexes need.

        The key indexes must fit in the limit (a checkpoint rewrites them whole) and grow with
        the corpus, some 0.6 KB an article; a fixed limit would either let the cache grow with
        them or, a few hundred thousand articles on, refuse to commit. So the limit follows
        the keyed rows, at a generous 160 bytes a key (a 64-character key takes about 125).
        """
        if not self._cache_bytes:
            return
        keyed = self.con.execute(
            "SELECT coalesce(sum(estimated_size), 0) FROM duckdb_tables() WHERE has_primary_key"
        ).fetchone()
        limit = self._cache_bytes + _BYTES_A_KEY * (keyed[0] if keyed else 0)
        self.con.execute("SET memory_limit = ?", [f"{limit // 1024}KiB"])

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
            new_ids = self._insert(ARTICLES, articles)
            self._insert(EVENTS, events)
            # Rows derived from an article are written only with the article.
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

    def _insert(self, table: Table, rows: list[Any]) -> set[Any]:
        """Insert the rows whose key is not stored yet; return the keys inserted."""
        if not rows:
            return set()
        batch = table.to_arrow(rows)  # noqa: F841 - read by DuckDB through its name below
        names = ", ".join(name for name, *_ in table.columns)
        inserted = self.con.execute(
            f"INSERT OR IGNORE INTO {table.name} ({names}) SELECT {names} FROM batch "
            f"RETURNING {table.key}"
        ).fetchall()
        return {key for (key,) in inserted}

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
            self.deleted_articles.update(article_ids)

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
        return self._select(ARTICLES, where, params)

    def events(self, where: str = "", params: list[Any] | None = None) -> list[Event]:
        return self._select(EVENTS, where, params)

    def _select(self, table: Table, where: str, params: list[Any] | None) -> list[Any]:
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
        return table.from_rows([d[0] for d in cursor.description], cursor.fetchall())

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

    def signatures(self) -> Iterator[tuple[str, str | None, bytes]]:
        """(article_id, published, MinHash signature) of every article, a few at a time, in the
        order they were stored (the duplicate index breaks ties of date by it)."""
        cursor = self.con.execute(
            "SELECT article_id, published, minhash FROM signatures ORDER BY rowid"
        )
        while rows := cursor.fetchmany(4096):
            yield from rows

    def failures(self) -> list[tuple[str, str]]:
        return self.con.execute(
            "SELECT source_file, error FROM failures ORDER BY failed_at"
        ).fetchall()

    def query(self, sql: str, params: list[Any] | None = None) -> Any:
        """A DuckDB relation for ad-hoc analysis (`.df()` gives a DataFrame)."""
        return self.con.sql(sql, params=params) if params else self.con.sql(sql)


# DuckDB's words when another process holds the file: "Could not set lock on file ...:
# Conflicting lock is held in /usr/bin/python3 (PID 1234) by user ...".
_HELD = re.compile(r"Conflicting lock is held in .*?\(PID (?P<pid>\d+)\)")


def _held_by_another(pid: str) -> str:
    """Why a database another process has open cannot be opened, and what works instead.

    DuckDB lets one process write a database file and no other open it meanwhile, not even
    read-only; within one process, connections read by MVCC while it writes.
    """
    return (
        f"in use by another process (PID {pid}); DuckDB lets no other process open a database "
        "while one writes it. To explore it while news arrives, run `communique watch --serve` "
        "(one process that watches and serves), or give the writer --snapshot for `serve` to "
        "read its copy; to ingest into it, stop the other process first"
    )


class HeldByAnotherProcess(StoreError):
    """The database file is open in another process, which DuckDB lets no one share."""
