"""Writers for plain record streams. JSON Lines is the contract; CSV and Parquet flatten it."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pandas as pd


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def every_field_first(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`records`, the few that between them give every field (nested ones too) a value moved
    to the front, in their order.

    Readers that infer a schema from the first rows (Polars reads 100) took a field that is
    null there for a null column, and failed on its first value further down.
    """
    seen: set[str] = set()
    front: list[int] = []
    for number, record in enumerate(records):
        paths = set(_filled_paths(record))
        if not paths <= seen:
            front.append(number)
            seen |= paths
    chosen = set(front)
    rest = (record for number, record in enumerate(records) if number not in chosen)
    return [records[number] for number in front] + list(rest)


def _filled_paths(value: Any, path: str = "") -> Iterator[str]:
    """The paths (`location.lat`, `mentions[].outlet`) at which `value` holds something."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _filled_paths(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for inner in value:
            yield from _filled_paths(inner, f"{path}[]")
    elif value is not None:
        yield path


def _flat_frame(records: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """Nested values become JSON strings, so every column has one plain type."""
    rows = [
        {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
            for k, v in r.items()
        }
        for r in records
    ]
    return pd.DataFrame(rows)


# A spreadsheet takes a cell starting with one of these for a formula, which a hostile article
# could have written (OWASP, "CSV Injection"): a quote in front makes such a cell text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """`value`, with a text cell that a spreadsheet would run as a formula made plain text."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


# Line breaks inside a cell, written as U+2028 LINE SEPARATOR: readers that split a CSV file
# at its line breaks first (pyarrow's, by default) read one record a line. JSON Lines and
# Parquet keep the text as it is; `.str.replace("\u2028", "\n")` gives it back.
_LINE_BREAK = re.compile(r"\r\n?|\n")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: on one line, and never run as a formula by a spreadsheet."""
    if isinstance(value, str):
        return spreadsheet_safe(_LINE_BREAK.sub("\u2028", value))
    return value


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    frame = _flat_frame(records).map(csv_cell)
    frame.to_csv(out, index=False)
    return len(frame)


def write_parquet(records: Iterable[dict[str, Any]], path: str) -> int:
    if path == "-":
        raise ValueError("parquet needs a file: give --out FILE")
    rows = list(records)
    frame = pd.DataFrame(rows)
    # Lists of strings stay lists; nested objects become JSON text Parquet readers all accept.
    for column in frame.columns:
        if (
            frame[column]
            .map(
                lambda v: (
                    isinstance(v, dict) or (isinstance(v, list) and v and isinstance(v[0], dict))
                )
            )
            .any()
        ):
            frame[column] = frame[column].map(lambda v: json.dumps(v, ensure_ascii=False))
    frame.to_parquet(path, index=False)
    return len(frame)


TextWriter = Callable[[Iterable[dict[str, Any]], IO[str]], int]
FORMATS: dict[str, TextWriter | None] = {"jsonl": write_jsonl, "csv": write_csv, "parquet": None}


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: str | None) -> int:
    """Write `records` in format `fmt` to the file `out` (standard output for None or "-")."""
    if fmt == "parquet":
        return write_parquet(records, out or "-")
    writer = FORMATS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if out in (None, "-"):
        return writer(records, sys.stdout)
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        return writer(records, handle)
