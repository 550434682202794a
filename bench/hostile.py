"""A hostile folder: 300 good articles (Reuters newswire from ../shared/corpus/bench) and 30
files made to break, stall or exhaust an ingest. Measures what `communique ingest` stores,
whom it names, its peak memory and its time against the good articles alone.

    .venv/bin/python bench/hostile.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[1]
REUTERS = REPO.parent / "shared" / "corpus" / "bench" / "reut2-000.sgm"
GOOD = 300


def good_articles(folder: Path) -> int:
    sgml = REUTERS.read_text(encoding="latin-1")
    stories = re.findall(r"<TITLE>(.*?)</TITLE>.*?<BODY>(.*?)</BODY>", sgml, re.S)
    chosen = [html.unescape(f"{t}\n\n{b}") for t, b in stories if len(b) > 400][:GOOD]
    for number, story in enumerate(chosen):
        (folder / f"reuters_{number:03d}.txt").write_text(story, encoding="utf-8")
    return len(chosen)


def warc(records: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return buffer.getvalue()


def bomb(size: int) -> bytes:
    squeezer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    head = squeezer.compress(b"WARC/1.0\r\nWARC-Type: response\r\nX: ")
    body = b"".join(squeezer.compress(b"a" * (1 << 20)) for _ in range(size >> 20))
    return head + body + squeezer.flush()


def hostile_files(folder: Path, outside: Path) -> list[str]:
    """Thirty files, each of which must fail alone; returns their names."""
    page = b"<p>Officials met in Hanoi on Monday.</p>"
    files: dict[str, bytes] = {
        "long_number.jsonl": b'{"text": "x", "n": ' + b"9" * 5000 + b"}\n",
        "deep.jsonl": b'{"text": "y", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
        "not_json.jsonl": b"{oops\n",
        "not_an_object.jsonl": b"[1, 2, 3]\n",
        "blank_lines.jsonl": b"\n\n\n",
        "attributes.html": b"<div "
        + b" ".join(b'a%d="x"' % n for n in range(100_000))
        + b">x</div>",
        "paragraphs.html": b"<html><body>" + b"<p>x</p>" * 500_000 + b"</body></html>",
        "nested.html": b"<html><body>" + b"<div><p>Hanoi, Monday.</p></div>" * 20_000 + b"</body>",
        "ampersands.txt": b"Talks in Hanoi. " + b"&amp; " * 500_000,
        "corpus_in_one.txt": b"Officials met in Hanoi. " * 40_000,
        "bomb.warc.gz": bomb(300_000_000),
        "truncated.warc.gz": warc([("https://x.example/b", page * 50)])[:-60],
        "not_gzip.warc.gz": b"\x1f\x8b\x08\x00 not really gzip",
        "no_pages.warc": b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n",
        "picture.txt": b"\x89PNG\r\n\x1a\n" + bytes(2000),
        "document.html": b"%PDF-1.7\n" + bytes(2000),
        "archive.md": b"PK\x03\x04" + bytes(2000),
        "program.txt": b"\x7fELF" + bytes(2000),
        # Each empty in its own way: inputs of the same bytes as one that failed count as known.
        "empty.txt": b"",
        "spaces.txt": b"   \n\n\t  ",
        "\x1b[31mred\x1b[0m.txt": b"\n",
        "two\nlines.txt": b"\n\n",
        "not_a_feed.rss": b"{'json': 'not xml'}",
        "no_entries.rss": (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
        ),
        "entry_without_text.atom": (
            b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            b"<entry><title>x</title><id>urn:1</id></entry></feed>"
        ),
        "over_the_cap.txt": b"a " * 26_000_000,
    }
    for name, content in files.items():
        (folder / name).write_bytes(content)
    (outside / "id_ed25519.txt").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "key.txt").symlink_to(outside / "id_ed25519.txt")
    (folder / "utf16_binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "gzip_page.html").write_bytes(gzip.compress(page))
    return sorted([*files, "passwd.txt", "key.txt", "utf16_binary.txt", "gzip_page.html"])


def ingest(folder: Path, db: Path) -> tuple[float, int, str]:
    """Wall seconds, peak memory (kB) and standard error of `communique ingest folder`."""
    started = time.monotonic()
    run = subprocess.run(
        [str(REPO / ".venv" / "bin" / "communique"), "ingest", str(folder), "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak, run.stderr + f"exit status {run.returncode}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="build the folders here and keep them")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    good, hostile, outside = base / "good", base / "hostile", base / "outside"
    for folder in (good, hostile, outside):
        folder.mkdir(parents=True, exist_ok=True)
    count = good_articles(good)
    shutil.copytree(good, hostile, dirs_exist_ok=True)
    names = hostile_files(hostile, outside)
    alone, _, _ = ingest(good, base / "good.duckdb")
    seconds, peak, stderr = ingest(hostile, base / "hostile.duckdb")
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    print(stderr)
    print(
        json.dumps(
            {
                "good articles": count,
                "hostile files": len(names),
                "error lines": len(errors),
                "seconds, good alone": round(alone, 1),
                "seconds, good and hostile": round(seconds, 1),
                "peak memory (MB)": peak // 1024,
            },
            indent=2,
        )
    )
    if not args.keep:
        shutil.rmtree(base)


if __name__ == "__main__":
    sys.exit(main())
