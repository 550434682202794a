"""Intake: inputs in, raw documents and their text and metadata out.

Files (.txt, .md, .html), folders and globs; http(s) URLs of pages, feeds and WARC archives;
RSS/Atom feed files; JSON Lines and CSV files of articles; WARC files. One bad input, or one
bad article in a container, becomes an InputError in the stream and the rest still come through.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import InputError, printable
from ..settings import Settings
from .csvfile import read_csv
from .decode import decode
from .document import RawDocument
from .feeds import read_feed_file
from .files import media_type_of, read_file
from .html import extract_html
from .jsonl import read_jsonl
from .limits import DOCUMENT_SECONDS, check_html_shape, time_budget
from .sources import (
    CSV_SUFFIXES,
    FEED_SUFFIXES,
    JSONL_SUFFIXES,
    WARC_SUFFIXES,
    expand_inputs,
    is_url,
    suffix_of,
)
from .text import extract_text
from .warc import read_warc_file
from .web import Fetcher, fetch_documents, fetcher_for

__all__ = [
    "Extracted",
    "Fetcher",
    "RawDocument",
    "extract",
    "media_type_of",
    "read_file",
    "read_inputs",
]


@dataclass
class Extracted:
    text: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None
    boilerplate_words: int = 0


def read_inputs(
    inputs: Iterable[str], settings: Settings, fetcher: Fetcher | None = None
) -> Iterator[RawDocument | InputError]:
    """Every document named by `inputs`; a failing input is yielded as its InputError.

    URLs are fetched through `fetcher`, or through one Fetcher made for the whole run.
    """
    with fetcher_for(fetcher, settings) as web:
        for item in expand_inputs(inputs):
            if isinstance(item, InputError):
                yield item
            else:
                yield from _read_one(item, settings, web)


def _read_one(item: str, settings: Settings, web: Fetcher) -> Iterator[RawDocument | InputError]:
    """The documents of one input; whatever stops reading it is that input's error alone."""
    try:
        for document in _documents(item, settings, web):
            if isinstance(document, RawDocument):
                # Named as it prints: a file name holding escapes or bytes that are not UTF-8
                # must neither reach a terminal raw nor stop the database storing the article.
                document.source_file = printable(document.source_file)
            yield document
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(item, f"cannot read ({error.strerror or error})")
    except (ValueError, RecursionError, MemoryError) as error:
        yield InputError(item, f"cannot read ({type(error).__name__}: {error})")


def _documents(item: str, settings: Settings, web: Fetcher) -> Iterator[RawDocument | InputError]:
    if is_url(item):
        return fetch_documents(item, settings, web)
    suffix = suffix_of(item)
    if suffix in FEED_SUFFIXES:
        return read_feed_file(item, settings, web)
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(item, settings)
    if suffix in CSV_SUFFIXES:
        return read_csv(item, settings)
    if suffix in WARC_SUFFIXES:
        return read_warc_file(item, settings)
    return iter([read_file(item, settings)])


def extract(doc: RawDocument, budget: float = DOCUMENT_SECONDS) -> Extracted:
    """Decode a document and separate its text from its metadata, within `budget` seconds."""
    with time_budget(budget, doc.source_file):
        return _extract(doc)


def _extract(doc: RawDocument) -> Extracted:
    hints = doc.hints
    text = decode(doc.content, doc.source_file, declared=hints.get("charset"))
    if doc.media_type == "text/html":
        check_html_shape(doc.content, doc.source_file)
        page = extract_html(text, doc.source_file, url=doc.url)
        return Extracted(
            text=page.text,
            title=hints.get("title") or page.title,
            outlet=hints.get("outlet") or page.outlet,
            author=page.author,
            published=hints.get("published") or page.published,
            url=page.url,
            boilerplate_words=page.removed_words,
        )
    plain = extract_text(text)
    return Extracted(
        text=plain.text,
        title=hints.get("title") or plain.title,
        outlet=hints.get("outlet") or plain.outlet,
        author=None,
        published=hints.get("published") or plain.published,
        url=doc.url,
    )
