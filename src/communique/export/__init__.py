"""Export: events and articles as JSON Lines (the contract of EXPORT.md), CSV and Parquet."""

from .writers import FORMATS, write_records

__all__ = ["FORMATS", "write_records"]
