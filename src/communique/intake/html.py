"""HTML to main text and metadata with trafilatura (and htmldate for the date)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from htmldate import find_date
from trafilatura.settings import Document

from ..errors import InputError


@dataclass
class HtmlExtract:
    text: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None
    language: str | None


def extract_html(html: str, source: str, url: str | None = None) -> HtmlExtract:
    # Typed as Document or dict; a dict comes only with as_dict=True, which is not asked for.
    doc: Document | None = trafilatura.bare_extraction(  # type: ignore[assignment]
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        deduplicate=False,
    )
    text = (doc.text or "") if doc is not None else ""
    if doc is None or not text.strip():
        raise InputError(source, "no article text found in the HTML")
    published = doc.date or _htmldate(html)
    return HtmlExtract(
        text=text,
        title=doc.title,
        outlet=doc.sitename,
        author=doc.author,
        published=published,
        url=doc.url or url,
        language=doc.language,
    )


def _htmldate(html: str) -> str | None:
    try:
        return find_date(html, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None
