"""Fuzzing intake and cleaning with hypothesis: whatever the bytes, reading a document ends in
a document or in an InputError naming it, never in another exception.

A few dozen examples a test run in `make test`; for a longer hunt:
    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.clean import clean_text
from communique.errors import InputError
from communique.intake import RawDocument, extract, read_inputs
from communique.settings import Settings

settings.register_profile(
    "default", max_examples=40, deadline=None, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)  # fmt: skip
settings.register_profile(
    "long", max_examples=5_000, deadline=None, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)  # fmt: skip
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SETTINGS = Settings().with_(max_input_bytes=100_000)
# Bytes shaped like what intake meets: markup, entities, controls, BOMs, broken UTF-8.
PIECES = st.sampled_from(
    [b"<p>", b"</p>", b"<script>", b"</script>", b"<div a=1 b='2'>", b"&amp;", b"&#x0;",
     b"\x00", b"\x01", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xa9", b"\r\n", b"\n\n",
     b"Vietnam and Korea signed an agreement. ", b"<![CDATA[", b"]]>", b"<!--", b"-->"]
)  # fmt: skip
DOCUMENTS = st.one_of(st.binary(max_size=2_000), st.lists(PIECES, max_size=60).map(b"".join))


@given(content=DOCUMENTS, media_type=st.sampled_from(["text/html", "text/plain"]))
def test_extracting_any_bytes_gives_text_or_an_input_error(content: bytes, media_type: str) -> None:
    try:
        extracted = extract(RawDocument("fuzz", content, media_type))
    except InputError as error:
        assert error.source == "fuzz"
    else:
        assert isinstance(extracted.text, str) and "\x00" not in extracted.text


@given(text=st.text(max_size=2_000))
def test_cleaning_any_text_gives_text(text: str) -> None:
    assert isinstance(clean_text(text).text, str)


@given(lines=st.lists(st.one_of(st.binary(max_size=300), DOCUMENTS), max_size=8))
def test_reading_any_json_lines_file_gives_documents_or_input_errors(
    tmp_path_factory: pytest.TempPathFactory, lines: list[bytes]
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "any.jsonl"
    path.write_bytes(b"\n".join(lines))
    for item in read_inputs([str(path)], SETTINGS):
        assert isinstance(item, RawDocument | InputError)
