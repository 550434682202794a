"""Bytes to text (communique.intake.decode, through intake.extract): wide Unicode encodings,
stray control characters and NULs."""

from __future__ import annotations

import pytest

from communique.errors import InputError
from communique.intake import RawDocument, extract

PROSE = (
    "The foreign ministers of Chile and Ghana met in Accra on Monday and agreed to open "
    "embassies in each other's capitals next year, their offices said. Señora Pérez ✓"
)
ARTICLE = f"<article><p>{PROSE}</p><p>{PROSE}</p></article>"


def text_of(content: bytes, media_type: str = "text/plain") -> str:
    return extract(RawDocument("doc", content, media_type)).text


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_utf16_and_utf32_files_are_read_with_or_without_a_bom(encoding: str) -> None:
    assert PROSE in text_of(PROSE.encode(encoding))


@pytest.mark.parametrize("byte", ["\x01", "\x08", "\x0b", "\x1b", "\x00"])
def test_a_control_byte_after_a_script_costs_nothing(byte: str) -> None:
    html = f"<html><body><script>var a = 1;</script>{byte}{ARTICLE}</body></html>"
    assert text_of(html.encode(), "text/html").startswith(PROSE)


def test_nul_characters_past_the_binary_check_are_removed() -> None:
    content = (PROSE + "\n\n") * 60 + "\x00\x00after the NULs" + "\x00" * 10
    text = text_of(content.encode())
    assert "\x00" not in text
    assert text.endswith("after the NULs")


@pytest.mark.parametrize("signature", [b"\x89PNG\r\n\x1a\n", b"\x7fELF", b"PK\x03\x04", b""])
def test_a_binary_full_of_zeros_is_not_taken_for_utf32(signature: bytes) -> None:
    with pytest.raises(InputError, match="^doc: the input is binary, not text or HTML$"):
        text_of(signature + bytes(2_000))
