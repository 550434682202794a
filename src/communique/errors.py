"""One exception tree: every error the library raises on purpose is a CommuniqueError."""

from __future__ import annotations


class CommuniqueError(Exception):
    """Root of every error communique raises on purpose."""


class InputError(CommuniqueError):
    """An input (file, URL, feed entry) could not be read or understood.

    The message always names the input, so one line in a log says what to fix.
    """

    def __init__(self, source: str, reason: str) -> None:
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
