"""Near-duplicate articles: MinHash over word shingles, indexed with LSH (datasketch).

A syndicated copy or a lightly edited repost points at the earliest article it repeats.
The index is an object built from the database, so a new run sees what earlier runs stored.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
# Stored signatures must be read back with the scheme that made them (datasketch >= 2.0).
_SCHEME = "affine32"


class DuplicateIndex:
    def __init__(self, threshold: float, permutations: int, shingle_size: int) -> None:
        self.permutations = permutations
        self.shingle_size = shingle_size
        self.lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
        self.published: dict[str, str] = {}

    def signature(self, text: str) -> MinHash:
        words = _WORD.findall(text.lower())
        size = self.shingle_size
        shingles = {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}
        minhash = MinHash(num_perm=self.permutations, scheme=_SCHEME)
        minhash.update_batch([s.encode("utf-8") for s in shingles])
        return minhash

    def original_of(self, minhash: MinHash, published: str | None) -> str | None:
        """The earliest indexed article this one repeats, or None."""
        matches = self.lsh.query(minhash)
        if not matches:
            return None
        # Undated articles sort last; ties go to the article id for a stable answer.
        return min(matches, key=lambda key: (self.published[key] or "9999", key))

    def add(self, article_id: str, minhash: MinHash, published: str | None) -> None:
        if article_id in self.published:
            return
        self.lsh.insert(article_id, minhash)
        self.published[article_id] = published or ""

    @staticmethod
    def to_bytes(minhash: MinHash) -> bytes:
        return minhash.hashvalues.astype(np.uint64).tobytes()

    def from_bytes(self, blob: bytes) -> MinHash:
        values = np.frombuffer(blob, dtype=np.uint64)
        return MinHash(num_perm=self.permutations, hashvalues=values, scheme=_SCHEME)
