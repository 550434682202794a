"""Writers for plain record streams. JSON Lines is the contract; CSV and Parquet flatten it."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

import pandas as pd


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


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


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    frame = _flat_frame(records).map(spreadsheet_safe)
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
