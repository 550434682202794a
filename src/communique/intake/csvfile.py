"""CSV files of articles: one article a row, read the way JSON Lines are.

The text comes from a column named text, body or content (html for markup); title, date, url
and outlet come from their columns when present. A file with no such text column is a table,
not articles, and is refused whole with one line naming its columns.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from ..errors import InputError
from ..settings import Settings
from .document import RawDocument

# Header names (lower case) of each field, in order of preference.
_TEXT_COLUMNS = ("text", "body", "content", "article_text", "full_text")
_HTML_COLUMNS = ("html", "raw_html")
_HINT_COLUMNS = {
    "title": ("title", "headline"),
    "published": ("published", "date", "publication_date", "pubdate", "datetime"),
    "outlet": ("outlet", "publisher", "source"),
}
_URL_COLUMNS = ("url", "link", "href")
_DELIMITERS = (",", "\t", ";", "|")


def read_csv(path: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    """One document a row, its source `file.csv#row=N` (N counts rows after the header)."""
    # The csv module's field limit is process-wide: a field may be as large as a whole input
    # while this file is read, and the limit is what it was again once it has been.
    before = csv.field_size_limit(settings.max_input_bytes)
    try:
        yield from _rows(path)
    finally:
        csv.field_size_limit(before)


def _rows(path: str) -> Iterator[RawDocument | InputError]:
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        rows = csv.reader(handle, delimiter=_delimiter(first))
        found = number = 0
        try:
            columns = _columns(path, next(rows, []))
            for number, row in enumerate(rows, start=1):
                if any(cell.strip() for cell in row):
                    found += 1
                    yield _document(path, number, row, columns)
        except csv.Error as error:  # a field over the cap, say: the rows after it are lost
            where = f"{path}#row={number + 1}"
            raise InputError(where, f"not readable as CSV ({error})") from error
    if not found:
        raise InputError(path, "the CSV file holds no rows under its header")


def _delimiter(header: str) -> str:
    """The separator the header line uses most: a header is names, seldom holding one."""
    return max(_DELIMITERS, key=header.count)


def _columns(path: str, header: list[str]) -> dict[str, int]:
    """Field name -> column index; refuses a header without a text or html column."""
    index = {name.strip().lower(): i for i, name in reversed(list(enumerate(header)))}
    wanted = {"text": _TEXT_COLUMNS, "html": _HTML_COLUMNS, "url": _URL_COLUMNS, **_HINT_COLUMNS}
    found = {}
    for field, names in wanted.items():
        at = next((index[name] for name in names if name in index), None)
        if at is not None:
            found[field] = at
    if "text" not in found and "html" not in found:
        shown = ", ".join(name.strip() or "(unnamed)" for name in header[:8]) or "none"
        raise InputError(
            path, f"a CSV file without a text, body or content column (columns: {shown})"
        )
    return found


def _document(
    path: str, number: int, row: list[str], columns: dict[str, int]
) -> RawDocument | InputError:
    where = f"{path}#row={number}"

    def cell(field: str) -> str | None:
        at = columns.get(field)
        value = row[at].strip() if at is not None and at < len(row) else ""
        return value or None

    html, text = cell("html"), cell("text")
    if html is None and text is None:
        return InputError(where, "the row's text column is empty")
    return RawDocument(
        source_file=where,
        content=(html or text or "").encode("utf-8"),
        media_type="text/html" if html else "text/plain",
        url=cell("url"),
        hints={name: cell(name) for name in _HINT_COLUMNS},
    )
