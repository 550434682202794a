"""Speed and scale without changing a result: the candidate-sentence filter, the ingest loop
fed by any engine, and the Dask engine against the single-process run."""

from __future__ import annotations

import copy
import gc
import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

import communique
from communique import Article, CommuniqueError, Database, InputError, Pipeline, Settings
from communique.api import open_engine
from communique.clean.dedup import signature_bytes
from communique.coding.coder import Coder
from communique.intake import RawDocument, read_file
from communique.language import ParseRequest, split_sentences
from communique.pipeline import Coded, LocalEngine, Outcome, code_document, ingest


def gold_articles(shared: Callable[..., Path]) -> list[Path]:
    """The articles the gold files annotate: the shared seeds and the repository's sample."""
    folders = [shared("corpus", "seeds"), REPO / "sample" / "articles"]
    return sorted(p for folder in folders for p in folder.iterdir() if p.is_file())


@pytest.mark.slow
def test_the_candidate_filter_loses_no_event(
    pipeline: Pipeline, settings: Settings, shared: Callable[..., Path]
) -> None:
    slow = copy.copy(pipeline)
    slow.coder = Coder(
        pipeline.knowledge, pipeline.language, pipeline.coder.today, parse_all_sentences=True
    )
    documents = [read_file(str(path), settings) for path in gold_articles(shared)]
    # The fast path as ingest runs it: the candidate sentences of many articles in one batch.
    batched = pipeline.process_many(documents)
    for document, outcome in zip(documents, batched, strict=True):
        assert not isinstance(outcome, InputError), outcome
        fast_events = [e.to_dict() for e in outcome.events]
        slow_events = [e.to_dict() for e in slow.process(document)[1]]
        assert fast_events == slow_events, document.source_file


@pytest.mark.slow
def test_the_recognizer_finds_people_only_where_the_finder_said_it_could(
    pipeline: Pipeline, settings: Settings, shared: Callable[..., Path]
) -> None:
    """In every gold sentence, each person the entity recognizer adds to the lookups' people
    stands where the people finder said one could (the parser is skipped elsewhere), and a
    sentence where it said no one could gains no one."""
    finder, language = pipeline.coder.people_finder, pipeline.language
    added = skipped = 0
    for path in gold_articles(shared):
        text = pipeline.process(read_file(str(path), settings))[0].clean_text
        actors = pipeline.knowledge.gazetteer.find(text)
        for sentence in split_sentences(text):
            mine = [a for a in actors if sentence.start <= a.start < sentence.end]
            could_be = {
                (p.start, p.end) for p in finder.possible(sentence.text, sentence.start, mine)
            }
            skipped += not could_be
            parsed = next(iter(language.parse([sentence.text])))
            without = finder.find(sentence.text, sentence.start, None, mine)
            for person in finder.find(sentence.text, sentence.start, parsed, mine):
                if person not in without:
                    added += 1
                    assert (person.start, person.end) in could_be, person
    assert skipped > 100 and added > 10


def test_documents_coded_together_come_out_as_coded_alone(
    pipeline: Pipeline, settings: Settings, shared: Callable[..., Path]
) -> None:
    paths = gold_articles(shared)[:3]
    documents = [read_file(str(p), settings) for p in paths]
    empty = RawDocument("empty.txt", b"   \n", "text/plain")
    outcomes = pipeline.process_many([documents[0], empty, *documents[1:]])
    assert isinstance(outcomes[1], InputError) and outcomes[1].source == "empty.txt"
    together = [o for i, o in enumerate(outcomes) if i != 1]
    for document, outcome in zip(documents, together, strict=True):
        alone = pipeline.process(document)
        assert not isinstance(outcome, InputError)
        assert outcome.article.article_id == alone[0].article_id
        assert [e.to_dict() for e in outcome.events] == [e.to_dict() for e in alone[1]]
        assert outcome.article.people == alone[0].people


def test_a_coded_document_carries_the_signature_of_its_clean_text(
    pipeline: Pipeline, settings: Settings, shared: Callable[..., Path]
) -> None:
    """The writer finds repeats with the signature made where the document was coded."""
    document = read_file(str(gold_articles(shared)[0]), settings)
    (coded,) = pipeline.process_many([document])
    assert isinstance(coded, Coded)
    text = coded.article.clean_text
    assert coded.signature == signature_bytes(
        text, settings.minhash_permutations, settings.shingle_size
    )
    assert coded.signature != pipeline.signature(text + " and more words besides")


def test_a_document_that_breaks_the_parser_fails_alone(
    pipeline: Pipeline, settings: Settings, shared: Callable[..., Path], monkeypatch: Any
) -> None:
    documents = [read_file(str(p), settings) for p in gold_articles(shared)[:2]]
    broken = RawDocument("broken.txt", b"President Quux met Japan's Prime Minister.", "text/plain")
    real_parse = pipeline.language.parse

    def parse(requests: Iterable[ParseRequest]) -> Iterator[Any]:
        requests = list(requests)
        if any("Quux" in request.text for request in requests):
            raise ValueError("the parser choked")
        return real_parse(requests)

    monkeypatch.setattr(pipeline.language, "parse", parse)
    outcomes = pipeline.process_many([documents[0], broken, documents[1]])
    assert isinstance(outcomes[1], InputError)
    assert outcomes[1].source == "broken.txt" and "the parser choked" in outcomes[1].reason
    assert all(isinstance(o, Coded) and o.events for o in (outcomes[0], outcomes[2]))


# -- the ingest loop, fed by a stand-in engine ---------------------------------------------
def _article(doc: RawDocument) -> Article:
    text = doc.content.decode()
    return Article(
        article_id=f"a-{doc.sha256[:12]}",
        source_file=doc.source_file,
        url=None,
        title=None,
        outlet=None,
        published="2025-01-01",
        language="en",
        clean_text=text,
        content_sha256=doc.sha256,
    )


class ScriptedEngine:
    """Codes a document into a bare article, or fails it when its text says "broken"."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.coded: list[str] = []

    def map(self, documents: Iterable[RawDocument]) -> Iterator[tuple[RawDocument, Outcome]]:
        for doc in documents:
            self.coded.append(Path(doc.source_file).name)
            if b"broken" in doc.content:
                yield doc, InputError(doc.source_file, "scripted failure")
            else:
                yield doc, self._coded(doc)

    def _coded(self, doc: RawDocument) -> Coded:
        article = _article(doc)
        permutations, shingles = self.settings.minhash_permutations, self.settings.shingle_size
        return Coded(article, [], signature_bytes(article.clean_text, permutations, shingles))


def _write(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_ingest_stores_what_any_engine_codes(tmp_path: Path, settings: Settings) -> None:
    folder = _write(
        tmp_path / "in",
        {
            "a.txt": "Alpha text about nothing in particular at all.",
            "b.txt": "Beta text, a broken one that the engine fails.",
            "c.txt": "Gamma text that is different from the others.",
            "d.txt": "Alpha text about nothing in particular at all.",
        },
    )
    engine = ScriptedEngine(settings)
    with Database(":memory:") as db:
        report = ingest([str(folder)], db, settings.with_(batch_size=2), engine=engine)
        stored = sorted(Path(a.source_file).name for a in db.articles())
        failures = db.failures()
    assert (report.seen, report.stored, report.skipped, report.failed) == (4, 2, 1, 1)
    assert stored == ["a.txt", "c.txt"]
    assert failures == [(str(folder / "b.txt"), "scripted failure")]
    # d.txt repeats a.txt byte for byte: it is skipped before any engine sees it.
    assert engine.coded == ["a.txt", "b.txt", "c.txt"]


def test_a_copy_of_an_input_that_failed_fails_too_and_is_not_counted_known(
    tmp_path: Path, settings: Settings
) -> None:
    """A copy met in the same run waits for its first copy's fate: known once that is stored,
    failed with the same reason when it failed (whether it came before or after the failure,
    in the same batch or a later one); never coded twice."""
    broken = "Beta text, a broken one that the engine fails."
    folder = _write(
        tmp_path / "in",
        {
            "a.txt": broken,
            "b.txt": "Alpha text about nothing in particular at all.",
            "c.txt": broken,
            "d.txt": "Alpha text about nothing in particular at all.",
            "e.txt": "Gamma text that is different from the others.",
            "f.txt": broken,
        },
    )
    engine = ScriptedEngine(settings)
    with Database(":memory:") as db:
        report = ingest([str(folder)], db, settings.with_(batch_size=2), engine=engine)
        failures = db.failures()
    assert (report.seen, report.stored, report.skipped, report.failed) == (6, 2, 1, 3)
    assert failures == [(str(folder / f"{n}.txt"), "scripted failure") for n in "acf"]
    assert report.errors == [f"{folder / f'{n}.txt'}: scripted failure" for n in "acf"]
    assert engine.coded == ["a.txt", "b.txt", "e.txt"]


def test_a_copy_of_an_input_the_database_refused_fails_too(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _write(
        tmp_path / "in",
        {
            "a.txt": "Too big to store, say.",
            "b.txt": "Fine text.",
            "c.txt": "Too big to store, say.",
        },
    )
    with Database(":memory:") as db:
        write_batch = db.write_batch

        def refusing(articles: list[Article], *args: Any, **kwargs: Any) -> None:
            if any("Too big" in a.clean_text for a in articles):
                raise ValueError("too big")
            write_batch(articles, *args, **kwargs)

        monkeypatch.setattr(db, "write_batch", refusing)
        report = ingest([str(folder)], db, settings, engine=ScriptedEngine(settings))
    assert (report.stored, report.skipped, report.failed) == (1, 0, 2)
    assert report.errors == [
        f"{folder / name}: cannot be stored (too big)" for name in ("a.txt", "c.txt")
    ]


def test_reingest_skips_known_content_without_coding_it(tmp_path: Path, settings: Settings) -> None:
    folder = _write(
        tmp_path / "in", {f"{i}.txt": f"Article number {i} of the run." for i in range(5)}
    )
    with Database(":memory:") as db:
        ingest([str(folder)], db, settings, engine=ScriptedEngine(settings))
        again = ScriptedEngine(settings)
        report = ingest([str(folder)], db, settings, engine=again)
    assert (report.seen, report.stored, report.skipped) == (5, 0, 5)
    assert again.coded == []


def test_ingest_points_a_repeat_at_the_article_it_repeats(
    tmp_path: Path, settings: Settings
) -> None:
    story = " ".join(f"The envoys of state number {i} met again on Tuesday." for i in range(8))
    folder = _write(
        tmp_path / "in",
        {"a.txt": story, "b.txt": f"{story} Reuters", "c.txt": "A different story entirely."},
    )
    with Database(":memory:") as db:
        ingest([str(folder)], db, settings.with_(batch_size=2), engine=ScriptedEngine(settings))
        articles = {Path(a.source_file).name: a for a in db.articles()}
    assert articles["b.txt"].duplicate_of == articles["a.txt"].article_id
    assert articles["a.txt"].duplicate_of is None and articles["c.txt"].duplicate_of is None


def test_ingest_leaves_the_garbage_collector_as_it_found_it(
    tmp_path: Path, settings: Settings
) -> None:
    folder = _write(tmp_path / "in", {f"{i}.txt": f"Article {i} of the run." for i in range(3)})
    with Database(":memory:") as db:
        ingest([str(folder)], db, settings, engine=ScriptedEngine(settings))
    assert gc.get_freeze_count() == 0
    # A heap the caller froze (as a server does before it forks) stays frozen.
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        _write(folder, {"new.txt": "One more article."})
        with Database(":memory:") as db:
            ingest([str(folder)], db, settings, engine=ScriptedEngine(settings))
        assert 0 < gc.get_freeze_count() <= frozen  # frozen objects may still be freed
    finally:
        gc.unfreeze()


def test_the_local_engine_returns_errors_in_input_order(
    tiny_folder: Path, pipeline: Pipeline, settings: Settings
) -> None:
    empty = RawDocument("empty.txt", b"   \n", "text/plain")
    docs = [read_file(str(p), settings) for p in sorted(tiny_folder.iterdir())]
    results = list(LocalEngine(pipeline).map([docs[0], empty, docs[1]]))
    assert [doc.source_file for doc, _ in results] == [
        docs[0].source_file,
        "empty.txt",
        docs[1].source_file,
    ]
    assert isinstance(results[1][1], InputError)
    assert code_document(pipeline, empty).source == "empty.txt"  # type: ignore[union-attr]


def test_input_errors_cross_process_boundaries() -> None:
    error = pickle.loads(pickle.dumps(InputError("feed.xml", "not a feed")))
    assert (error.source, error.reason, str(error)) == (
        "feed.xml",
        "not a feed",
        "feed.xml: not a feed",
    )


def test_engine_options_are_checked(settings: Settings) -> None:
    with pytest.raises(CommuniqueError, match="unknown engine"):
        open_engine("spark", settings)
    with pytest.raises(CommuniqueError, match="needs the dask engine"):
        open_engine("local", settings, workers=2)


# -- the Dask engine ---------------------------------------------------------------------------
class ImmediateClient:
    """A stand-in for a Dask client: runs each task at once and counts the unreleased ones."""

    def __init__(self) -> None:
        self.open = 0
        self.most_open = 0
        self.chunks: list[list[str]] = []

    def nthreads(self) -> dict[str, int]:
        return {"worker-1": 1, "worker-2": 1}

    def submit(self, function: Callable[..., Any], *args: Any, pure: bool) -> Any:
        future: Future[Any] = Future()
        future.set_result([(None, []) for _ in args[0]])
        self.chunks.append([document.source_file for document in args[0]])
        self.open += 1
        self.most_open = max(self.most_open, self.open)
        future.release = self._release  # type: ignore[attr-defined]
        return future

    def _release(self) -> None:
        self.open -= 1


def test_the_dask_engine_keeps_a_bounded_number_of_chunks_in_flight() -> None:
    from communique.distributed import DaskEngine

    pulled = 0

    def endless() -> Iterator[RawDocument]:
        nonlocal pulled
        while True:
            pulled += 1
            yield RawDocument(f"{pulled}.txt", b"text", "text/plain")

    client = ImmediateClient()
    engine = DaskEngine(client, chunk_size=4, in_flight=3)  # type: ignore[arg-type]
    stream = engine.map(endless())
    first = [next(stream)[0].source_file for _ in range(40)]
    assert first == [f"{i}.txt" for i in range(1, 41)]
    assert client.most_open == 3
    assert pulled <= 40 + 3 * 4


def test_the_dask_engine_sends_long_documents_in_smaller_chunks() -> None:
    from communique.distributed import DaskEngine

    sizes = {"a": 30, "b": 30, "c": 30, "d": 30, "e": 30, "long": 500}
    sizes |= {short: 10 for short in "fghij"}
    documents = [RawDocument(f"{name}.txt", b"x" * n, "text/plain") for name, n in sizes.items()]
    client = ImmediateClient()
    engine = DaskEngine(client, chunk_size=4, chunk_bytes=100)  # type: ignore[arg-type]
    coded = [document.source_file for document, _ in engine.map(documents)]
    assert coded == [document.source_file for document in documents]
    # At most 100 bytes a chunk, unless one document alone is longer; at most 4 documents.
    assert client.chunks == [
        ["a.txt", "b.txt", "c.txt"],
        ["d.txt", "e.txt"],
        ["long.txt"],
        ["f.txt", "g.txt", "h.txt", "i.txt"],
        ["j.txt"],
    ]


def _exported(db: Database) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    articles = [{k: v for k, v in a.to_dict().items() if k != "ingested_at"} for a in db.articles()]
    events = [e.to_dict() for e in db.events()]
    return articles, events


@pytest.mark.slow
def test_the_dask_engine_codes_what_one_process_codes(
    tmp_path: Path, settings: Settings, pipeline: Pipeline, shared: Callable[..., Path]
) -> None:
    inputs = [str(shared("corpus", "seeds")), str(REPO / "sample" / "articles")]
    with Database(tmp_path / "local.duckdb") as db:
        local = communique.ingest(inputs, db=db, settings=settings, pipeline=pipeline)
        expected = _exported(db)
    with Database(tmp_path / "dask.duckdb") as db:
        report = communique.ingest(inputs, db=db, settings=settings, engine="dask", workers=2)
        got = _exported(db)
    assert (report.stored, report.events, report.failed) == (local.stored, local.events, 0)
    assert got == expected
    assert len(got[1]) > 20


@pytest.mark.slow
def test_a_document_over_its_time_budget_on_a_dask_worker_fails_alone(
    tmp_path: Path, settings: Settings
) -> None:
    """Workers read documents on task threads, where no timer signal reaches: the budget
    holds there too, and the rest of the input is stored."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    good = sorted((REPO / "sample" / "articles").glob("0[1-3]_*.txt"))
    for path in good:
        (folder / path.name).write_bytes(path.read_bytes())
    stall = "<div><p>Accra, Monday.</p></div>" * 20_000  # a minute to read, unbounded
    (folder / "stall.html").write_text(f"<html><body><p>{'Chile and Ghana met. ' * 5}</p>{stall}")
    budgeted = settings.with_(document_seconds=1.0, progress=False)
    with Database(tmp_path / "dask.duckdb") as db:
        report = communique.ingest(
            [str(folder)], db=db, settings=budgeted, engine="dask", workers=1
        )
        stored = sorted(Path(a.source_file).name for a in db.articles())
    assert report.errors == [f"{folder / 'stall.html'}: took over 1 s to read; stopped"]
    assert (report.stored, report.failed) == (3, 1)
    assert stored == [p.name for p in good]
