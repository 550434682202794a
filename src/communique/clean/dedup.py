"""Copies of articles: MinHash over word shingles, indexed with LSH bands, judged on containment.

A syndicated copy or a lightly edited repost points at the earliest article it repeats. A copy
often adds a paragraph, drops the last ones or keeps some page furniture, so two versions of one
wire story share most of the shorter one's shingles but far less of their union: the judge is
containment (the share of the shorter text found in the longer), not Jaccard similarity.
The index is an object built from the database, so a new run sees what earlier runs stored.

Signatures are datasketch's MinHash ("affine32" scheme, seed 1) value for value, computed here
with the permutations drawn once instead of once per article, followed by the number of
distinct shingles (which turns a Jaccard estimate into a containment one). They are stored as
bytes, so `signature_bytes` can run wherever the text is (a Dask worker) and only bytes travel.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
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
# A copy may add or drop up to the shorter version's length again; a text more than this many
# times longer than another holds it (a round-up quoting a brief) rather than copies it.
_LONGEST = 2.0
# The index keeps the low 8 bits of each MinHash value (b-bit minwise hashing): 1 byte instead
# of 8 a value, at the cost of a chance match of 1 in 256, taken out of the estimate.
_BITS_CHANCE = 1 / 256


def signature_bytes(text: str, permutations: int, shingle_size: int) -> bytes:
    """A clean text's MinHash signature, then its shingle count: a little-endian uint64 each."""
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
    return values.astype(_STORED).tobytes() + np.array([len(shingles)], _STORED).tobytes()


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


@dataclass(frozen=True)
class Copy:
    """What an article repeats: the original's id and the share of the shorter text shared."""

    original: str
    containment: float


class DuplicateIndex:
    """Which indexed articles a text is a copy of.

    Candidates come from LSH bands set for the lowest Jaccard similarity a copy can have (the
    `threshold` share of the shorter text, in a text `_LONGEST` times its length); each is then
    judged on its estimated containment. A band is keyed by a 64-bit BLAKE2 digest of its values
    instead of the values themselves: 12 bytes an article and band, plus 1 byte a permutation
    for the judging, so a corpus of 100,000 articles takes some 70 MB. Two different bands share
    a digest with odds of 2^-64 a pair, far below MinHash's own error.
    """

    def __init__(self, threshold: float, permutations: int, shingle_size: int) -> None:
        self.threshold = threshold
        self.permutations = permutations
        self.shingle_size = shingle_size
        # datasketch's bands and rows for that Jaccard similarity.
        lowest_jaccard = threshold / (1 + _LONGEST - threshold)
        lsh = MinHashLSH(threshold=lowest_jaccard, num_perm=permutations)
        width = _STORED.itemsize
        self._bands = [(start * width, end * width) for start, end in lsh.hashranges]
        self._ids: list[str] = []
        self._published: list[str] = []
        self._sizes: list[int] = []
        self._sketches = bytearray()
        self._keys = np.empty(0, dtype=np.uint64)
        self._owners = np.empty(0, dtype=np.int32)
        self._pending: dict[int, list[int]] = {}
        self._pending_count = 0

    def signature(self, text: str) -> bytes:
        return signature_bytes(text, self.permutations, self.shingle_size)

    def place(self, article_id: str, signature: bytes, published: str | None) -> Copy | None:
        """Index an article; return the earliest other article it is a copy of, or None.

        The earliest is the first published, then the first indexed (wire copies of one day
        come in the order they were stored). An article dated before everything it shares its
        text with is the original, not a copy, even when it comes in after them. An article
        already indexed (the same text again) is not indexed twice.
        """
        values, size = self._split(signature)
        keys = self._band_keys(values)
        copies = self._judge(self._matches(keys), values, size)
        if all(self._ids[position] != article_id for position in copies):
            self._add(article_id, keys, values, size, published)
        earliest = min(copies, key=self._order, default=None)
        if earliest is None or self._ids[earliest] == article_id:
            return None
        if (published or _UNDATED) < self._published[earliest]:
            return None
        return Copy(self._ids[earliest], copies[earliest])

    def add(self, article_id: str, signature: bytes, published: str | None) -> None:
        """Index an article known to be new here, such as one read back from the database."""
        values, size = self._split(signature)
        self._add(article_id, self._band_keys(values), values, size, published)

    def _add(
        self, article_id: str, keys: list[int], values: bytes, size: int, published: str | None
    ) -> None:
        position = len(self._ids)
        self._ids.append(article_id)
        # Dates repeat across articles: one string each.
        self._published.append(sys.intern(published or _UNDATED))
        self._sizes.append(size)
        self._sketches += _low_bits(values)
        for key in keys:
            self._pending.setdefault(key, []).append(position)
        self._pending_count += len(keys)
        if self._pending_count >= _PENDING:
            self._merge_pending()

    def _split(self, signature: bytes) -> tuple[bytes, int]:
        """(MinHash values, shingle count); the count is 0 in signatures stored before it was."""
        width = _STORED.itemsize
        if len(signature) == (self.permutations + 1) * width:
            return signature[:-width], int.from_bytes(signature[-width:], "little")
        if len(signature) == self.permutations * width:
            return signature, 0
        raise ValueError(f"a signature of {self.permutations} values was expected")

    def _judge(self, candidates: set[int], values: bytes, size: int) -> dict[int, float]:
        """The candidates this text is a copy of (or that are a copy of it), with containment."""
        if not candidates:
            return {}
        positions = sorted(candidates)
        span = self.permutations
        rows = b"".join(self._sketches[p * span : (p + 1) * span] for p in positions)
        stored = np.frombuffer(rows, dtype=np.uint8).reshape(len(positions), span)
        agree = (stored == np.frombuffer(_low_bits(values), dtype=np.uint8)).mean(axis=1)
        jaccards = np.clip((agree - _BITS_CHANCE) / (1 - _BITS_CHANCE), 0.0, 1.0)
        judged = {
            position: _containment(jaccard, size, self._sizes[position])
            for position, jaccard in zip(positions, jaccards.tolist(), strict=True)
        }
        return {p: share for p, share in judged.items() if share >= self.threshold}

    def _order(self, position: int) -> tuple[str, int]:
        # Undated articles sort last; of one date, the first indexed comes first.
        return self._published[position], position

    def _band_keys(self, values: bytes) -> list[int]:
        return [
            int.from_bytes(
                hashlib.blake2b(values[start:end], digest_size=8, salt=band.to_bytes(8)).digest()
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


def _low_bits(values: bytes) -> bytes:
    return (np.frombuffer(values, dtype=_STORED) & 0xFF).astype(np.uint8).tobytes()


def _containment(jaccard: float, size: int, other: int) -> float:
    """The share of the smaller shingle set found in the larger, from their Jaccard similarity.

    A text over `_LONGEST` times the other's length is no copy of it (0). An unknown size
    leaves the Jaccard similarity, which containment is never below.
    """
    if not size or not other:
        return jaccard
    small, large = sorted((size, other))
    if large > _LONGEST * small:
        return 0.0
    shared = jaccard * (small + large) / (1 + jaccard)
    return min(1.0, shared / small)
