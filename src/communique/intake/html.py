"""HTML to main text and metadata with trafilatura (and htmldate for the date)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import lxml.etree
import lxml.html
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
    removed_words: int = 0


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
        removed_words=_removed_words(html, text, doc.title),
    )


# Menus, share bars and footers of a page: words of the body outside its main text. A handful
# of words (a caption, a dateline) is not worth a flag.
_BOILERPLATE_MIN_WORDS = 8


def _removed_words(html: str, text: str, title: str | None) -> int:
    """How many words of the page's visible body trafilatura left out of the main text."""
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return 0
    for node in tree.xpath("//script|//style|//noscript|//head|//title"):
        node.drop_tree()
    visible = Counter(tree.text_content().split())
    kept = Counter(text.split()) + Counter((title or "").split())
    removed = sum((visible - kept).values())
    return removed if removed >= _BOILERPLATE_MIN_WORDS else 0


def _htmldate(html: str) -> str | None:
    try:
        return find_date(html, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None
