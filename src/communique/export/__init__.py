"""Export: events and articles as JSON Lines (the contract of EXPORT.md), CSV and Parquet."""

from .writers import FORMATS, spreadsheet_safe, write_records

__all__ = ["FORMATS", "spreadsheet_safe", "write_records"]
