import re

import numpy as np
import pytest
from datasketch import MinHash

from communique.clean.dedup import DuplicateIndex, signature_bytes

STORY = (
    "Vietnam and South Korea signed a memorandum of understanding on defence industry "
    "cooperation in Hanoi on Monday, the two defence ministries said in a joint statement."
)


def datasketch_bytes(text: str, permutations: int, shingle_size: int) -> bytes:
    """The signature as communique made it with datasketch's MinHash, and stored it."""
    words = re.findall(r"\w+", text.lower())
    count = max(1, len(words) - shingle_size + 1)
    shingles = {" ".join(words[i : i + shingle_size]) for i in range(count)}
    minhash = MinHash(num_perm=permutations, scheme="affine32")
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues.astype(np.uint64).tobytes()


@pytest.mark.parametrize(
    "text",
    [
        STORY,
        "",
        "Too short",
        "Ünïcode wörds: Đà Nẵng, São Paulo, 北京 talks",
        " ".join(f"word{i % 5000}" for i in range(12_000)),  # more shingles than one chunk
    ],
)
@pytest.mark.parametrize(("permutations", "shingle_size"), [(128, 5), (64, 3)])
def test_signature_is_datasketch_minhash(text: str, permutations: int, shingle_size: int) -> None:
    expected = datasketch_bytes(text, permutations, shingle_size)
    assert signature_bytes(text, permutations, shingle_size) == expected


def index() -> DuplicateIndex:
    return DuplicateIndex(threshold=0.8, permutations=128, shingle_size=5)


def test_a_repeat_points_at_the_earliest_article_by_date_then_id() -> None:
    duplicates = index()
    signature = duplicates.signature(STORY)
    copy = duplicates.signature(STORY + " Reuters")
    assert duplicates.place("a-late", signature, "2025-03-02") is None
    assert duplicates.place("a-undated", signature, None) == "a-late"
    assert duplicates.place("a-early", copy, "2025-03-01") == "a-late"
    assert duplicates.place("a-b", signature, "2025-03-01") == "a-early"
    assert duplicates.place("a-a", signature, "2025-03-01") == "a-b"
    other = duplicates.signature("Something else entirely")
    assert duplicates.place("a-other", other, None) is None


def test_the_same_article_again_is_not_its_own_repeat() -> None:
    duplicates = index()
    signature = duplicates.signature(STORY)
    assert duplicates.place("a-1", signature, "2025-03-02") is None
    assert duplicates.place("a-1", signature, "2025-03-02") is None
    assert duplicates.place("a-0", signature, "2025-03-03") == "a-1"


def test_repeats_are_found_among_many_stored_signatures() -> None:
    duplicates = index()
    rng = np.random.default_rng(7)
    stored = [
        rng.integers(0, 2**32, 128, dtype=np.uint64).astype("<u8").tobytes() for _ in range(5000)
    ]
    for number, signature in enumerate(stored):
        duplicates.add(f"a-{number:05d}", signature, "2025-01-01")
    for number in (0, 1999, 4999):
        assert duplicates.place(f"b-{number}", stored[number], "2025-02-01") == f"a-{number:05d}"
    assert duplicates.place("b-new", duplicates.signature(STORY), None) is None


def test_a_signature_of_another_size_is_refused() -> None:
    with pytest.raises(ValueError, match="128 values"):
        index().place("a-1", signature_bytes(STORY, 64, 5), None)
