"""Intake: inputs in, raw documents and their text and metadata out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..settings import Settings
from .decode import decode
from .html import extract_html
from .sources import HTML_SUFFIXES, expand_inputs, is_url
from .text import extract_text

__all__ = ["RawDocument", "Extracted", "read_inputs", "read_file", "extract"]


@dataclass
class RawDocument:
    """The bytes of one article as it came in, with what its container said about it."""

    source_file: str
    content: bytes
    media_type: str
    url: str | None = None
    hints: dict[str, str | None] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass
class Extracted:
    text: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None


def media_type_of(name: str, content: bytes) -> str:
    if Path(name.split("?")[0]).suffix.lower() in HTML_SUFFIXES:
        return "text/html"
    head = content[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    return "text/plain"


def read_file(path: str, settings: Settings) -> RawDocument:
    file = Path(path)
    size = file.stat().st_size
    if size > settings.max_input_bytes:
        limit = settings.max_input_bytes // 1_000_000
        raise InputError(path, f"the file is {size // 1_000_000} MB, over the {limit} MB limit")
    content = file.read_bytes()
    return RawDocument(source_file=path, content=content, media_type=media_type_of(path, content))


def read_inputs(inputs: Iterable[str], settings: Settings) -> Iterator[RawDocument | InputError]:
    """Every document named by `inputs`; a failing input is yielded as its InputError."""
    for item in expand_inputs(inputs):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            if is_url(item):
                from .web import fetch_documents

                yield from fetch_documents(item, settings)
            else:
                yield read_file(item, settings)
        except InputError as error:
            yield error
        except OSError as error:
            yield InputError(item, f"cannot read ({error.strerror or error})")


def extract(doc: RawDocument) -> Extracted:
    """Decode a document and separate its text from its metadata."""
    text = decode(doc.content, doc.source_file)
    hints = doc.hints
    if doc.media_type == "text/html":
        page = extract_html(text, doc.source_file, url=doc.url)
        return Extracted(
            text=page.text,
            title=hints.get("title") or page.title,
            outlet=hints.get("outlet") or page.outlet,
            author=page.author,
            published=hints.get("published") or page.published,
            url=page.url,
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
