"""Copies of articles (communique.clean.dedup): MinHash signatures, LSH, containment."""

import html
import re
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash
from fastapi.testclient import TestClient

import communique
from communique import Pipeline, Settings
from communique.clean.dedup import Copy, DuplicateIndex, signature_bytes
from communique.serve import create_app

STORY = (
    "Vietnam and South Korea signed a memorandum of understanding on defence industry "
    "cooperation in Hanoi on Monday, the two defence ministries said in a joint statement."
)


def datasketch_bytes(text: str, permutations: int, shingle_size: int) -> bytes:
    """The signature as communique made it with datasketch's MinHash, then the shingle count."""
    words = re.findall(r"\w+", text.lower())
    count = max(1, len(words) - shingle_size + 1)
    shingles = {" ".join(words[i : i + shingle_size]) for i in range(count)}
    minhash = MinHash(num_perm=permutations, scheme="affine32")
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues.astype(np.uint64).tobytes() + np.uint64(len(shingles)).tobytes()


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
    return DuplicateIndex(threshold=0.4, permutations=128, shingle_size=5)


def original(copy: Copy | None) -> str | None:
    return copy.original if copy else None


def test_a_repeat_points_at_the_earliest_article_by_date_then_by_arrival() -> None:
    duplicates = index()
    signature = duplicates.signature(STORY)
    copy = duplicates.signature(STORY + " Reuters")
    assert original(duplicates.place("a-late", signature, "2025-03-02")) is None
    assert original(duplicates.place("a-undated", signature, None)) == "a-late"
    # Dated before the stored one: the original, though it came in second.
    assert original(duplicates.place("a-early", copy, "2025-03-01")) is None
    assert original(duplicates.place("a-z", signature, "2025-03-01")) == "a-early"
    assert original(duplicates.place("a-a", signature, "2025-03-01")) == "a-early"
    other = duplicates.signature("Something else entirely")
    assert original(duplicates.place("a-other", other, None)) is None


def test_the_same_article_again_is_not_its_own_repeat() -> None:
    duplicates = index()
    signature = duplicates.signature(STORY)
    assert original(duplicates.place("a-1", signature, "2025-03-02")) is None
    assert original(duplicates.place("a-1", signature, "2025-03-02")) is None
    assert original(duplicates.place("a-0", signature, "2025-03-03")) == "a-1"


def test_repeats_are_found_among_many_stored_signatures() -> None:
    duplicates = index()
    rng = np.random.default_rng(7)
    stored = [
        rng.integers(0, 2**32, 129, dtype=np.uint64).astype("<u8").tobytes() for _ in range(5000)
    ]
    for number, signature in enumerate(stored):
        duplicates.add(f"a-{number:05d}", signature, "2025-01-01")
    for number in (0, 1999, 4999):
        found = duplicates.place(f"b-{number}", stored[number], "2025-02-01")
        assert original(found) == f"a-{number:05d}"
    assert duplicates.place("b-new", duplicates.signature(STORY), None) is None


def test_signatures_stored_before_shingle_counts_still_match() -> None:
    duplicates = index()
    old = duplicates.signature(STORY)[:-8]  # the MinHash values alone, as databases held them
    duplicates.add("a-old", old, "2025-01-01")
    assert duplicates.place("a-new", duplicates.signature(STORY), "2025-01-02") == Copy(
        "a-old", 1.0
    )


# Invented wire stories, written for these tests: an early version, a later update of it (a
# new opening detail, a paragraph added, the closing paragraph dropped, one more word here and
# there), another agency's own report of the same talks, and a round-up quoting the first.
EARLY = """MAPUTO (Coastline Wire) - Mozambique and Portugal agreed to build a joint maritime
rescue centre on the coast near Beira, their defence ministers said after a meeting in the
capital. The centre will train crews from both navies and coordinate searches across the
Mozambique Channel, where cyclones have sunk dozens of fishing boats in recent years.
Portuguese Defence Minister Ana Lopes said the first instructors would arrive before the end
of the year and that her country would lend two patrol vessels for training. Mozambican
officials said the project would cost about 40 million euros, shared equally, and that the
building work would be carried out by local firms. The two countries signed a broader defence
cooperation accord in 2019 that covers officer exchanges and the repair of naval equipment.
Talks on a second centre in the northern province of Cabo Delgado are expected next year."""

UPDATE = """MAPUTO (Coastline Wire) - Mozambique and Portugal agreed on Thursday to build a joint
maritime rescue centre on the coast near Beira, their defence ministers said after a meeting in
the capital. The centre will train crews from both navies and coordinate searches across the
Mozambique Channel, where cyclones have sunk dozens of fishing boats in recent years.
Portuguese Defence Minister Ana Lopes said the first instructors would arrive before the end of
the year and that her country would also lend two patrol vessels for training. Fishermen's
unions in Sofala province welcomed the plan but asked for a say in how rescue calls are
handled, saying boats often wait hours for help. Mozambican officials said the project would
cost about 40 million euros, shared equally, and that the building work would be carried out
by local firms. The two countries signed a broader defence cooperation accord in 2019 that
covers officer exchanges and the repair of naval equipment."""

OWN_REPORT = """LISBON (Tagus Agency) - Portugal will help Mozambique set up a maritime rescue
centre near Beira, Defence Minister Ana Lopes announced on Thursday after talks with her
Mozambican counterpart in Maputo. Lopes said Portuguese instructors would arrive before the end
of the year and that the navy would lend two patrol vessels for training. The centre, expected
to cost some 40 million euros split between the two governments, will coordinate searches in
the Mozambique Channel. Opposition lawmakers in Lisbon questioned whether the navy could spare
the ships while it is already short of crews for its own patrols in the Atlantic."""

ROUNDUP = (
    "Defence news of the week. "
    + " ".join(
        f"In item {n}, officials in region {n} reviewed budget line {n * 7} and staffing plan "
        f"{n * 3} for the coming season, with a vote on measure {n * 11} set for later."
        for n in range(1, 20)
    )
    + " "
    + EARLY
)


def test_a_later_longer_update_of_a_wire_story_is_a_copy_of_it() -> None:
    duplicates = index()
    assert duplicates.place("a-early", duplicates.signature(EARLY), "2025-05-08") is None
    copy = duplicates.place("a-update", duplicates.signature(UPDATE), "2025-05-08")
    assert copy is not None and copy.original == "a-early"
    assert 0.6 < copy.containment < 0.95


def test_another_outlets_own_report_of_the_same_talks_is_no_copy() -> None:
    duplicates = index()
    duplicates.place("a-early", duplicates.signature(EARLY), "2025-05-08")
    assert duplicates.place("a-own", duplicates.signature(OWN_REPORT), "2025-05-08") is None


def test_a_much_longer_text_quoting_a_story_is_no_copy_of_it() -> None:
    duplicates = index()
    duplicates.place("a-early", duplicates.signature(EARLY), "2025-05-08")
    assert duplicates.place("a-roundup", duplicates.signature(ROUNDUP), "2025-05-09") is None


def test_containment_is_judged_where_jaccard_similarity_is_low() -> None:
    duplicates = index()
    duplicates.place("a-early", duplicates.signature(EARLY), "2025-05-08")
    # The whole story with as much new text again: half the union is shared, all of the story.
    longer = EARLY + " " + OWN_REPORT.replace("Lisbon", "Porto") + " " + STORY
    copy = duplicates.place("a-longer", duplicates.signature(longer), "2025-05-09")
    assert copy is not None and copy.original == "a-early" and copy.containment > 0.9


def test_a_signature_of_another_size_is_refused() -> None:
    with pytest.raises(ValueError, match="128 values"):
        index().place("a-1", signature_bytes(STORY, 64, 5), None)


@pytest.mark.slow
def test_ingest_marks_the_copy_and_its_page_shows_the_share(
    tmp_path: Path, pipeline: Pipeline, settings: Settings
) -> None:
    (tmp_path / "1_early.txt").write_text(f" date 2025-05-08\n{EARLY}\n", encoding="utf-8")
    (tmp_path / "2_update.txt").write_text(f" date 2025-05-08\n{UPDATE}\n", encoding="utf-8")
    (tmp_path / "3_own.txt").write_text(f" date 2025-05-08\n{OWN_REPORT}\n", encoding="utf-8")
    path = tmp_path / "news.duckdb"
    with communique.open_db(path, settings) as db:
        communique.ingest([str(tmp_path)], db=db, settings=settings, pipeline=pipeline)
        articles = {Path(a.source_file).name: a for a in db.articles()}
    early, update, own = (articles[n] for n in ("1_early.txt", "2_update.txt", "3_own.txt"))
    assert (early.duplicate_of, update.duplicate_of, own.duplicate_of) == (
        None,
        early.article_id,
        None,
    )
    reason = update.quality.reasons["duplicate_of"]
    assert re.fullmatch(
        rf"a copy of {early.article_id}, the earliest article sharing its text: \d\d% of the "
        r"shorter version's 5-word passages are in the other \(MinHash estimate\)",
        reason,
    )
    assert update.quality.flags == []
    with TestClient(create_app(path)) as client:
        page = client.get(f"/article/{update.article_id}").text
        assert reason in html.unescape(page) and f"/article/{early.article_id}" in page
        assert "None found" in client.get(f"/article/{own.article_id}").text
