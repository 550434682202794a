"""A read-only copy of a database that a writer refreshes, for readers in other processes.

DuckDB lets one process write a database file and no other open it meanwhile, not even to
read. A writer run with `--snapshot` (`ingest`, `watch`) therefore copies what the explorer
reads into `<db>.snapshot` after each round (or ingest), written whole to a temporary file
and renamed over the last one: `communique serve --db <db>` in another process finds the
database held and serves the snapshot instead, opening each new copy as it appears. Readers
never block the writer nor it them; they are at most one round behind.

The copy leaves out what only the writer needs (raw input bytes, content hashes, duplicate
signatures): it costs a write of the articles, events and relations, every round.
"""

from __future__ import annotations

import contextlib
import glob
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from .database import Database

SUFFIX = ".snapshot"
# The writer's own tables: the explorer never reads them, and raw_inputs holds every byte read.
_LEFT_OUT = frozenset({"raw_inputs", "seen_inputs", "signatures"})
_ALIAS = "communique_snapshot"

T = TypeVar("T")


def snapshot_path(db_path: str | Path) -> Path:
    """Where the snapshot of the database at `db_path` lives: beside it, `.snapshot` added."""
    return Path(f"{db_path}{SUFFIX}")


def write_snapshot(db: Database) -> Path:
    """Copy what the explorer reads to the database's snapshot, replacing the last one whole."""
    target = snapshot_path(db.path)
    # One writer holds the database at a time: a partial copy left is a killed writer's.
    for left in target.parent.glob(f"{glob.escape(target.name)}.*.partial"):
        left.unlink(missing_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    tables = [
        row[0]
        for row in db.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "AND schema_name = 'main' ORDER BY table_name"
        ).fetchall()
        if row[0] not in _LEFT_OUT
    ]
    escaped = str(partial).replace("'", "''")
    db.con.execute(f"ATTACH '{escaped}' AS {_ALIAS}")
    try:
        for table in tables:
            db.con.execute(f'CREATE TABLE {_ALIAS}."{table}" AS SELECT * FROM main."{table}"')
        db.con.execute(f"CHECKPOINT {_ALIAS}")
    finally:
        db.con.execute(f"DETACH {_ALIAS}")
    os.replace(partial, target)
    return target


def open_snapshot(path: Path) -> Database:
    """The snapshot at `path`, opened read-only as the copy it is now.

    DuckDB hands out the database it already has open under a path name again, even once
    another file has been renamed to that name: each copy is opened through a name of its
    own (a hard link, gone again once the file is open) so that a new copy is really read.
    """
    alias = path.with_name(f"{path.name}.{os.stat(path).st_ino}.{os.getpid()}.reading")
    alias.unlink(missing_ok=True)
    os.link(path, alias)
    try:
        db = Database(alias, read_only=True)
    finally:
        alias.unlink(missing_ok=True)
    db.path = str(path)
    return db


class Following(Generic[T]):
    """The newest snapshot, opened with `open_copy`: `current()` opens a new copy once the
    writer has renamed one into place, and closes the copy before the one it replaced (a
    request still reading that has had a whole round to finish)."""

    def __init__(self, path: Path, open_copy: Callable[[Path], T], close: Callable[[T], None]):
        self.path = path
        self._open, self._close = open_copy, close
        self._lock = threading.Lock()
        self._identity = self._stat()
        self._current = open_copy(path)
        self._previous: T | None = None

    def _stat(self) -> tuple[int, int]:
        found = os.stat(self.path)
        return found.st_ino, found.st_mtime_ns

    def current(self) -> T:
        with self._lock:
            with contextlib.suppress(OSError):  # between a writer's rename and nothing: keep
                identity = self._stat()
                if identity != self._identity:
                    fresh = self._open(self.path)
                    if self._previous is not None:
                        self._close(self._previous)
                    self._previous, self._current = self._current, fresh
                    self._identity = identity
            return self._current

    def close(self) -> None:
        with self._lock:
            for opened in (self._previous, self._current):
                if opened is not None:
                    self._close(opened)
            self._previous = None
