"""The raw document: one article's bytes as they came in, before any decoding."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass
class RawDocument:
    """The bytes of one article as it came in, with what its container said about it.

    `hints` carries the container's metadata ("title", "published", "outlet" from a feed or a
    JSON line; "charset" from an HTTP header); it wins over what the page itself says.
    """

    source_file: str
    content: bytes
    media_type: str
    url: str | None = None
    hints: dict[str, str | None] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()
