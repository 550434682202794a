"""Near-duplicate articles: MinHash over word shingles, indexed with LSH bands.

A syndicated copy or a lightly edited repost points at the earliest article it repeats.
The index is an object built from the database, so a new run sees what earlier runs stored.

Signatures are datasketch's MinHash ("affine32" scheme, seed 1) value for value, computed here
with the permutations drawn once instead of once per article; they are stored as bytes, so
`signature_bytes` can run wherever the text is (a Dask worker) and only the bytes travel.
"""

from __future__ import annotations

import hashlib
import re
import sys
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
# Stored signatures must be read back with the scheme that made them (datasketch >= 2.0).
_SCHEME = "affine32"
_EMPTY = np.uint32(0xFFFFFFFF)
# Shingles hashed against every permutation at once, at most: bounds the memory a long text takes.
_CHUNK = 4096
# Stored as uint64 values: the bytes databases written before hold.
_STORED = np.dtype("<u8")
# New band keys wait in a dict until this many, then join the sorted arrays in one pass.
_PENDING = 16_384
_UNDATED = "9999"


def signature_bytes(text: str, permutations: int, shingle_size: int) -> bytes:
    """The MinHash signature of a clean text, as stored: one little-endian uint64 a value."""
    words = _WORD.findall(text.lower())
    count = max(1, len(words) - shingle_size + 1)
    shingles = {" ".join(words[i : i + shingle_size]) for i in range(count)}
    # datasketch's sha1_hash32: the first four bytes of SHA-1, little-endian.
    digests = b"".join(hashlib.sha1(s.encode("utf-8")).digest()[:4] for s in shingles)
    hashes = _fmix32(np.frombuffer(digests, dtype="<u4"))
    a, b = _permutations(permutations)
    values = np.full(permutations, _EMPTY, dtype=np.uint32)
    for start in range(0, len(hashes), _CHUNK):
        chunk = hashes[start : start + _CHUNK, np.newaxis]
        np.minimum(values, (chunk * a + b).min(axis=0), out=values)
    return values.astype(_STORED).tobytes()


@cache
def _permutations(count: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine maps (a, b) datasketch draws for every MinHash it makes: drawn once here."""
    a, b = MinHash(num_perm=count, scheme=_SCHEME).permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's finalizer, which datasketch applies to each shingle hash first."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


class DuplicateIndex:
    """Which indexed articles share an LSH band with a signature.

    A band is keyed by a 64-bit BLAKE2 digest of its values instead of the values themselves:
    about 12 bytes an article and band, so a corpus of 100,000 articles takes some 20 MB.
    Two different bands share a digest with odds of 2^-64 a pair, far below MinHash's own error.
    """

    def __init__(self, threshold: float, permutations: int, shingle_size: int) -> None:
        self.permutations = permutations
        self.shingle_size = shingle_size
        # datasketch's bands and rows for this threshold, so candidates stay the ones it found.
        lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
        width = _STORED.itemsize
        self._bands = [(start * width, end * width) for start, end in lsh.hashranges]
        self._ids: list[str] = []
        self._published: list[str] = []
        self._keys = np.empty(0, dtype=np.uint64)
        self._owners = np.empty(0, dtype=np.int32)
        self._pending: dict[int, list[int]] = {}
        self._pending_count = 0

    def signature(self, text: str) -> bytes:
        return signature_bytes(text, self.permutations, self.shingle_size)

    def place(self, article_id: str, signature: bytes, published: str | None) -> str | None:
        """Index an article; return the earliest other article it repeats, or None.

        An article already indexed (the same text again) is not indexed twice.
        """
        keys = self._band_keys(signature)
        matches = self._matches(keys)
        earliest = min(matches, key=self._order, default=None)
        if all(self._ids[position] != article_id for position in matches):
            self._add(article_id, keys, published)
        if earliest is None or self._ids[earliest] == article_id:
            return None
        return self._ids[earliest]

    def add(self, article_id: str, signature: bytes, published: str | None) -> None:
        """Index an article known to be new here, such as one read back from the database."""
        self._add(article_id, self._band_keys(signature), published)

    def _add(self, article_id: str, keys: list[int], published: str | None) -> None:
        position = len(self._ids)
        self._ids.append(article_id)
        # Dates repeat across articles: one string each.
        self._published.append(sys.intern(published or _UNDATED))
        for key in keys:
            self._pending.setdefault(key, []).append(position)
        self._pending_count += len(keys)
        if self._pending_count >= _PENDING:
            self._merge_pending()

    def _order(self, position: int) -> tuple[str, str]:
        # Undated articles sort last; ties go to the article id for a stable answer.
        return self._published[position], self._ids[position]

    def _band_keys(self, signature: bytes) -> list[int]:
        if len(signature) != self.permutations * _STORED.itemsize:
            raise ValueError(f"a signature of {self.permutations} values was expected")
        return [
            int.from_bytes(
                hashlib.blake2b(signature[start:end], digest_size=8, salt=band.to_bytes(8)).digest()
            )
            for band, (start, end) in enumerate(self._bands)
        ]

    def _matches(self, keys: list[int]) -> set[int]:
        found = {p for key in keys for p in self._pending.get(key, ())}
        wanted = np.array(keys, dtype=np.uint64)
        low = np.searchsorted(self._keys, wanted, side="left")
        high = np.searchsorted(self._keys, wanted, side="right")
        for start, end in zip(low.tolist(), high.tolist(), strict=True):
            found.update(self._owners[start:end].tolist())
        return found

    def _merge_pending(self) -> None:
        keys = np.fromiter(
            (key for key, owners in self._pending.items() for _ in owners), dtype=np.uint64
        )
        owners = np.fromiter(
            (owner for found in self._pending.values() for owner in found), dtype=np.int32
        )
        order = np.argsort(keys, kind="stable")
        at = np.searchsorted(self._keys, keys[order], side="right")
        self._keys = np.insert(self._keys, at, keys[order])
        self._owners = np.insert(self._owners, at, owners[order])
        self._pending.clear()
        self._pending_count = 0
