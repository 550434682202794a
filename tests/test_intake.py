"""Tests for intake from local inputs (communique.intake): files, JSON Lines, WARC, feed files."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.errors import InputError
from communique.intake import RawDocument, extract, read_file, read_inputs
from communique.intake.decode import charset_of, decode
from communique.intake.sources import expand_inputs, suffix_of
from communique.settings import Settings

SAMPLE = Path(__file__).parents[1] / "sample" / "articles"
PAGE = (SAMPLE / "07_philippines_china_embassy_protest.html").read_bytes()
PROSE = (
    "The foreign ministers of Chile and Ghana met in Accra on Monday and agreed to open "
    "embassies in each other's capitals next year, their offices said."
)


def settings(**changes: object) -> Settings:
    return Settings().with_(**changes)


def read(*inputs: str | Path, **changes: object) -> list[RawDocument | InputError]:
    return list(read_inputs([str(i) for i in inputs], settings(**changes)))


def errors(items: list[RawDocument | InputError]) -> list[str]:
    return [str(i) for i in items if isinstance(i, InputError)]


def documents(items: list[RawDocument | InputError]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


# --- sources ------------------------------------------------------------------------------------


def test_suffix_counts_warc_gz_as_one() -> None:
    assert suffix_of("crawl/CC-NEWS-2025.warc.gz") == ".warc.gz"
    assert suffix_of("https://example.org/feed.rss?page=2") == ".rss"
    assert suffix_of("notes.TXT") == ".txt"


def test_folders_yield_every_readable_kind(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", "c.jsonl", "d.xml", "e.warc.gz", "f.warc", "g.pdf"):
        (tmp_path / name).write_bytes(b"x")
    found = [Path(str(item)).name for item in expand_inputs([str(tmp_path)])]
    assert found == ["a.txt", "b.html", "c.jsonl", "d.xml", "e.warc.gz", "f.warc"]


# --- files and bad files ------------------------------------------------------------------------


def test_file_over_the_cap_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.touch()
    os.truncate(huge, 3_000_000)  # sparse: takes no disk space
    (item,) = read(huge, max_input_bytes=1_000_000)
    assert isinstance(item, InputError)
    assert str(item) == f"{huge}: the file is 3.0 MB, over the 1.0 MB limit"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the input is empty"),
        (b"  \n\n ", "the input is empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "the input is binary, not text or HTML"),
        (b"\x00\x01\x02\x03" * 100, "the input is binary, not text or HTML"),
    ],
)
def test_empty_and_binary_files_fail_naming_the_file(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as failure:
        extract(read_file(str(path), settings()))
    assert str(failure.value) == f"{path}: {reason}"


def test_missing_input_is_one_error_and_the_rest_are_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PROSE, encoding="utf-8")
    items = read(tmp_path / "missing.txt", good)
    assert errors(items) == [f"{tmp_path / 'missing.txt'}: no such file, folder or URL"]
    assert [d.source_file for d in documents(items)] == [str(good)]


def test_truncated_html_keeps_the_text_it_has() -> None:
    cut = PAGE[: PAGE.index(b"over the weekend") + 20]  # mid-paragraph, no closing tags
    doc = RawDocument("cut.html", cut, "text/html")
    extracted = extract(doc)
    assert "MANILA — The Department of Foreign Affairs" in extracted.text
    assert extracted.outlet == "Manila Harbour Times"


def test_truncated_html_without_text_fails_naming_it() -> None:
    doc = RawDocument("stub.html", b"<html><head><title>Cut</title></head><bo", "text/html")
    with pytest.raises(InputError, match=r"^stub\.html: no article text found in the HTML$"):
        extract(doc)


# --- decoding -----------------------------------------------------------------------------------


def test_mixed_encodings_decode_each_part_as_what_it_is() -> None:
    utf8 = "Phan Văn Giang met Haluk Görgün in Hà Nội. ".encode() * 3
    cp1252 = "He called it “a new chapter”, señor. ".encode("cp1252")
    text = decode(utf8 + cp1252 + utf8, "mixed.txt")
    assert "Phan Văn Giang met Haluk Görgün in Hà Nội." in text
    assert "He called it “a new chapter”, señor." in text
    assert "\ufffd" not in text


def test_invalid_utf8_keeps_what_decodes() -> None:
    text = decode("Talks in Zürich resumed. ".encode() * 4 + b"\xff\xfe\xfd end.", "bad.txt")
    assert text.startswith("Talks in Zürich resumed.")
    assert text.endswith(" end.")


def test_declared_charset_is_used_when_the_bytes_are_not_utf8() -> None:
    content = "Señor Pérez met the envoy of Côte d'Ivoire in Zürich.".encode("cp1252")
    assert decode(content, "x", declared="windows-1252") == (
        "Señor Pérez met the envoy of Côte d'Ivoire in Zürich."
    )
    assert decode(content, "x", declared="no-such-charset")  # a bad name is ignored


def test_charset_of_content_type() -> None:
    assert charset_of('text/html; charset="ISO-8859-1"') == "ISO-8859-1"
    assert charset_of("text/html") is None
    assert charset_of(None) is None


def test_hints_win_over_page_metadata() -> None:
    hints: dict[str, str | None] = {
        "title": "Feed title",
        "published": "2025-04-21",
        "outlet": "Feed",
    }
    extracted = extract(RawDocument("p.html", PAGE, "text/html", hints=hints))
    assert (extracted.title, extracted.published, extracted.outlet) == (
        "Feed title",
        "2025-04-21",
        "Feed",
    )


# --- JSON Lines ---------------------------------------------------------------------------------


def test_jsonl_lines_are_articles_and_bad_lines_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    article = {
        "url": "https://ex.org/1",
        "title": "Accra ties",
        "text": PROSE,
        "published": "2025-03-04T09:00:00Z",
    }
    lines = [
        json.dumps(article),
        "{not json",
        "",
        json.dumps(["a list"]),
        json.dumps({"title": "no body"}),
        json.dumps({"html": PAGE.decode(), "outlet": "MHT"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert errors(items) == [
        f"{path}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{path}:4: expected a JSON object with a text or html field",
        f'{path}:5: no "text" or "html" field with content',
    ]
    first, last = documents(items)
    assert first.source_file == f"{path}#L1"
    assert (first.url, first.media_type, first.content) == (
        "https://ex.org/1",
        "text/plain",
        PROSE.encode(),
    )
    assert first.hints == {
        "title": "Accra ties",
        "published": "2025-03-04T09:00:00Z",
        "outlet": None,
    }
    assert (last.source_file, last.media_type, last.hints["outlet"]) == (
        f"{path}#L6",
        "text/html",
        "MHT",
    )


def test_jsonl_line_over_the_cap_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": "word " * 400})
    small = json.dumps({"text": PROSE})
    path.write_text(f"{big}\n{small}\n", encoding="utf-8")
    items = read(path, max_input_bytes=1000)
    assert errors(items) == [f"{path}:1: the line is over the 1.0 kB limit"]
    assert [d.source_file for d in documents(items)] == [f"{path}#L2"]


def test_jsonl_invalid_utf8_in_a_field_keeps_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"text": "Caf\xe9 diplomacy in Z\xfcrich continues."}\n')
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    assert doc.content.decode().startswith("Caf\ufffd diplomacy")


def test_empty_jsonl_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert errors(read(path)) == [f"{path}: the file holds no JSON lines"]


# --- WARC ---------------------------------------------------------------------------------------


def warc_bytes(records: list[tuple[str, str, str, bytes]], gzip: bool = True) -> bytes:
    """A WARC archive of (uri, status line, content type, body) responses, after a warcinfo."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc.gz", {"software": "tests"}))
    for uri, status, content_type, body in records:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


CC_NEWS = [
    ("https://news.example/a", "200 OK", "text/html; charset=utf-8", PAGE),
    ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
    ("https://news.example/gone", "404 Not Found", "text/html", b"<p>gone</p>"),
    ("https://news.example/moved", "301 Moved Permanently", "text/html", b""),
    ("https://news.example/b", "200 OK", "text/html; charset=windows-1252", b"<p>caf\xe9</p>"),
]


@pytest.mark.parametrize(("name", "gzip"), [("cc.warc.gz", True), ("cc.warc", False)])
def test_warc_html_responses_are_articles(tmp_path: Path, name: str, gzip: bool) -> None:
    path = tmp_path / name
    path.write_bytes(warc_bytes(CC_NEWS, gzip=gzip))
    items = read(path)
    assert errors(items) == []
    first, second = documents(items)
    assert (first.source_file, first.url, first.media_type) == (
        f"{path}#https://news.example/a",
        "https://news.example/a",
        "text/html",
    )
    assert first.content == PAGE
    assert second.hints == {"charset": "windows-1252"}


def test_truncated_warc_keeps_whole_records_and_names_the_cut_one(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    second = ("https://news.example/c", "200 OK", "text/html", PAGE)
    whole = warc_bytes([CC_NEWS[0], second], gzip=False)
    path.write_bytes(whole[:-500])
    items = read(path)
    assert [d.source_file for d in documents(items)] == [f"{path}#https://news.example/a"]
    assert errors(items) == [
        f"{path}#https://news.example/c: the record is cut short (the archive is truncated)"
    ]


def test_a_file_that_is_not_a_warc_is_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, arc_like, gz = tmp_path / "a.warc", tmp_path / "b.warc", tmp_path / "c.warc.gz"
    text.write_text("these are my notes\n" * 5, encoding="utf-8")
    arc_like.write_text("five words on each line\n" * 5, encoding="utf-8")  # an ARC header
    gz.write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    found = errors(read(text, arc_like, gz))
    assert len(found) == 3
    assert found[0].startswith(f"{text}: damaged or not a WARC file (Unknown archive format")
    assert found[1] == f"{arc_like}: not a WARC file"
    assert found[2].startswith(f"{gz}: damaged or not a WARC file (")
    assert capsys.readouterr().err == ""


def test_warc_page_over_the_cap_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    path.write_bytes(warc_bytes(CC_NEWS))
    items = read(path, max_input_bytes=1000)
    assert errors(items) == [f"{path}#https://news.example/a: the page is over the 1.0 kB limit"]
    assert [d.url for d in documents(items)] == ["https://news.example/b"]


# --- feed files ---------------------------------------------------------------------------------

RSS_FULL_TEXT = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Accra Observer</title><link>https://accra.example/</link>
<item><title>Chile and Ghana to open embassies</title>
<link>https://accra.example/chile-ghana</link>
<pubDate>Mon, 03 Mar 2025 23:30:00 -0500</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>{PROSE}</p><p>Both sides welcomed the step.</p>]]></content:encoded>
</item>
<item><title>No link, text only</title><guid isPermaLink="false">item-2</guid>
<description>{PROSE}</description></item>
<item><title>Nothing at all</title></item>
</channel></rss>
"""


def test_feed_file_entries_with_full_text_are_articles(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS_FULL_TEXT, encoding="utf-8")
    items = read(path)
    assert errors(items) == [f"{path}#3: the entry has neither text nor a link"]
    first, second = documents(items)
    assert first.source_file == "https://accra.example/chile-ghana"
    assert first.media_type == "text/html"
    assert first.hints == {
        "title": "Chile and Ghana to open embassies",
        "published": "2025-03-03",  # the publisher's day, not UTC's 4 March
        "outlet": "Accra Observer",
    }
    extracted = extract(first)
    assert extracted.text.startswith("The foreign ministers of Chile and Ghana")
    assert extracted.title == "Chile and Ghana to open embassies"
    assert second.source_file == f"{path}#item-2"
    assert second.content.decode().startswith("The foreign ministers")


def test_feed_file_that_is_not_xml_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("this is { not xml at all", encoding="utf-8")
    (item,) = read(path)
    assert isinstance(item, InputError)
    assert str(item).startswith(f"{path}: not an RSS or Atom feed (")


def test_xml_that_is_not_a_feed_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><catalog><book/></catalog>", encoding="utf-8")
    assert errors(read(path)) == [f"{path}: not an RSS or Atom feed"]


def test_feed_entry_with_a_relative_link_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        '<entry><title>E</title><link href="/local/page"/><updated>2025-01-02T10:00:00Z'
        "</updated></entry></feed>",
        encoding="utf-8",
    )
    assert errors(read(path)) == ["/local/page: the entry's link is not an http(s) URL"]
