"""One exception tree: every error the library raises on purpose is a CommuniqueError."""

from __future__ import annotations

import re

# What a terminal would act on rather than show (C0 and C1 controls, ANSI escapes among them;
# bidirectional overrides that reorder what follows), and lone surrogates: the bytes of a file
# name that is not UTF-8, which neither a terminal nor the database can take.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with what a terminal would act on escaped, as in Python's repr: a file name in an
    error line can neither colour the terminal, forge a line, nor break the database."""
    return _UNPRINTABLE.sub(_escape, text)


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    if match[0] in _NAMED:
        return _NAMED[match[0]]
    code = ord(match[0])
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


class CommuniqueError(Exception):
    """Root of every error communique raises on purpose."""


class InputError(CommuniqueError):
    """An input (file, URL, feed entry) could not be read or understood.

    The message always names the input, so one line in a log says what to fix; both are kept
    printable (see `printable`), since names and messages come from inputs nobody checked.
    """

    def __init__(self, source: str, reason: str) -> None:
        source, reason = printable(source), printable(reason)
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Pickled with both arguments, so a worker process can send the error back.
        return type(self), (self.source, self.reason)


class GoldFileError(CommuniqueError):
    """A gold file given to `eval` is malformed."""


class StoreError(CommuniqueError):
    """The database could not be opened or written."""
