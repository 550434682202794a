"""JSON Lines of articles: one `{"url", "title", "text" or "html", "published"}` per line."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from ..errors import InputError
from ..settings import Settings
from .document import RawDocument
from .files import describe_size

_HINT_FIELDS = ("title", "published", "outlet")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def read_jsonl(path: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    """One document per line; a bad line is an error naming `file:line`, the rest still count."""
    found = 0
    with open(path, "rb") as handle:
        for number, line in _lines(handle, settings.max_input_bytes):
            where = f"{path}:{number}"
            if line is None:
                limit = describe_size(settings.max_input_bytes)
                yield InputError(where, f"the line is over the {limit} limit")
            elif line.strip():
                found += 1
                try:
                    yield _document(_parse(line, where), path, number, where)
                except InputError as error:
                    yield error
    if not found:
        raise InputError(path, "the file holds no JSON lines")


def _lines(handle: IO[bytes], cap: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes), or None for a line over the cap, which is skipped unread."""
    number = 0
    while line := handle.readline(cap + 1):
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            _skip_rest_of_line(handle)
            yield number, None
        else:
            yield number, line


def _skip_rest_of_line(handle: IO[bytes]) -> None:
    while (chunk := handle.readline(1 << 16)) and not chunk.endswith(b"\n"):
        pass


def _parse(line: bytes, where: str) -> dict[str, Any]:
    # Invalid UTF-8 in one field should not cost the whole article: keep what decodes.
    try:
        record = json.loads(line.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as error:
        raise InputError(where, f"not valid JSON ({error.msg} at column {error.colno})") from error
    except ValueError as error:  # a number of thousands of digits
        raise InputError(where, f"not usable JSON ({error})") from error
    except RecursionError as error:
        raise InputError(where, "not usable JSON (nested too deep)") from error
    if not isinstance(record, dict):
        raise InputError(where, "expected a JSON object with a text or html field")
    return record


def _document(record: dict[str, Any], path: str, number: int, where: str) -> RawDocument:
    html, text = _string(record.get("html")), _string(record.get("text"))
    if html and html.strip():
        content, media_type = html, "text/html"
    elif text and text.strip():
        content, media_type = text, "text/plain"
    else:
        raise InputError(where, 'no "text" or "html" field with content')
    return RawDocument(
        source_file=f"{path}#L{number}",
        content=content.encode("utf-8"),
        media_type=media_type,
        url=_string(record.get("url")),
        hints={name: _string(record.get(name)) for name in _HINT_FIELDS},
    )


def _string(value: object) -> str | None:
    # JSON may escape half a surrogate pair ("\\ud800"), which no UTF-8 text can hold.
    return _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else None
