"""Decompression with a cap (communique.intake.compression): local .warc.gz archives that
inflate without end, or end in the middle of a record."""

from __future__ import annotations

import time
import tracemalloc
import zlib
from pathlib import Path

from test_intake import CC_NEWS, documents, errors, warc_bytes

from communique.intake import read_inputs
from communique.settings import Settings

SETTINGS = Settings().with_(max_input_bytes=100_000)


def gzip_bomb(size: int) -> bytes:
    """One gzip member of a WARC header line `size` bytes long, in a few hundred kilobytes."""
    squeezer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"a" * (1 << 20)
    parts = [squeezer.compress(b"WARC/1.0\r\nWARC-Type: response\r\nX-Bomb: ")]
    parts += [squeezer.compress(block) for _ in range(size >> 20)]
    return b"".join(parts) + squeezer.flush()


def test_a_gzip_bomb_in_a_local_warc_is_stopped_at_the_cap(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.warc.gz"
    archive.write_bytes(warc_bytes(CC_NEWS[:1]) + gzip_bomb(300_000_000))
    tracemalloc.start()
    try:
        items = list(read_inputs([str(archive)], SETTINGS))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [d.source_file for d in documents(items)] == [f"{archive}#https://news.example/a"]
    assert errors(items) == [
        f"{archive}: a record decompresses to over the 1.1 MB limit; stopped reading"
    ]
    assert peak < 20_000_000


def test_a_truncated_warc_is_reported_after_its_whole_records(tmp_path: Path) -> None:
    whole = warc_bytes(CC_NEWS)
    archive = tmp_path / "cut.warc.gz"
    archive.write_bytes(whole[:-40])  # a download cut off in the last record
    items = list(read_inputs([str(archive)], SETTINGS))
    assert [d.source_file for d in documents(items)] == [f"{archive}#https://news.example/a"]
    assert errors(items) == [f"{archive}: the archive is truncated (cut off in a record)"]


def test_a_bomb_of_one_endless_line_is_stopped_at_once_under_the_default_cap(
    tmp_path: Path,
) -> None:
    """Under the 50 MB page cap, a 300 MB header line took warcio a minute to gather."""
    archive = tmp_path / "line.warc.gz"
    archive.write_bytes(gzip_bomb(300_000_000))
    started = time.monotonic()
    items = list(read_inputs([str(archive)], Settings()))
    assert errors(items) == [f"{archive}: a line of over 8.0 MB in a record; stopped reading"]
    assert time.monotonic() - started < 10
