"""The per-article pipeline and the batch runner behind `communique ingest`.

intake -> clean -> language -> coding -> store. Each stage is its own package; this module
only wires them together and handles per-input failures.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from itertools import islice
from typing import Any, Protocol, TypeVar

import duckdb
from spacy.tokens import Doc

from .clean import clean_text, quality_score
from .clean.dedup import DuplicateIndex, signature_bytes
from .coding.coder import Coder, Reading
from .coding.dates import Anchor, DateValue, parse_iso
from .coding.dates.deduced import PublicationDates
from .coding.knowledge import Knowledge
from .coding.native import NativeCoder
from .errors import InputError
from .intake import Extracted, Fetcher, RawDocument, extract, read_inputs
from .intake.shape import refuse_non_article
from .language import LanguageTools, ParseRequest
from .relations import update_canonical
from .schema import Article, Event, Quality, content_id
from .settings import Settings
from .store.database import Database


@dataclass
class IngestReport:
    seen: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)


ProgressCallback = Callable[[str, IngestReport], None]
T = TypeVar("T")


@dataclass
class Coded:
    """One document coded: its article and events, and the MinHash signature of its text.

    The signature is made where the coding runs (a Dask worker, say) rather than in the one
    writer that needs it to find repeats: it cost the writer about as much as storing the
    article did.
    """

    article: Article
    events: list[Event]
    signature: bytes


Outcome = Coded | InputError
"""What coding one document gives: its coded article, or the error that stopped it."""


class Pipeline:
    """Everything that turns one raw document into an article and its events.

    Models and knowledge load once, when the pipeline is made; `process` is then cheap to call.
    """

    def __init__(self, settings: Settings, today: date | None = None) -> None:
        """`today`, when given, is the latest day an article can date from. By default
        nothing bounds it: what an article codes to depends on its text and the settings,
        never on the day it is read."""
        self.settings = settings
        self.language = LanguageTools(settings.spacy_model)
        self.knowledge = Knowledge.load()
        self.publication_dates = PublicationDates(self.knowledge)
        self.coder = Coder(
            self.knowledge,
            self.language,
            today or date.max,
            parse_all_sentences=settings.parse_all_sentences,
        )
        self.native = NativeCoder()  # Korean, Vietnamese, Turkish: coded in their own words

    def process(self, doc: RawDocument) -> tuple[Article, list[Event]]:
        """Code one document; a bad one raises `InputError`."""
        return self._parse_and_finish(self._read(doc))

    def process_many(self, docs: Sequence[RawDocument]) -> list[Outcome]:
        """Code documents, each to its `Coded` article or to the error that stopped it.

        The sentences that need the parser, from all the documents, go through spaCy in one
        batch: its cost per call is far more than per sentence, and most articles have only
        a few such sentences.
        """
        drafts = [_attempt(doc, self._read, doc) for doc in docs]
        ready = [d for d in drafts if isinstance(d, Draft)]
        try:
            parsed = iter(list(self.language.parse(t for d in ready for t in d.texts_to_parse())))
        except Exception:  # one document broke the batch: parse each alone to find it
            return [
                d if isinstance(d, InputError) else _attempt(d.doc, self._code_alone, d)
                for d in drafts
            ]
        return [
            d
            if isinstance(d, InputError)
            else _attempt(d.doc, self._code, d, list(islice(parsed, len(d.texts_to_parse()))))
            for d in drafts
        ]

    def signature(self, text: str) -> bytes:
        """The MinHash signature the duplicate index of these settings takes for `text`."""
        settings = self.settings
        return signature_bytes(text, settings.minhash_permutations, settings.shingle_size)

    def _read(self, doc: RawDocument) -> Draft:
        """Everything up to the parser: intake, cleaning, language and the coder's first pass."""
        extracted = extract(doc, self.settings.document_seconds)
        refuse_non_article(extracted.text, doc.source_file, self.settings.max_article_words)
        cleaned = clean_text(extracted.text)
        text = cleaned.text
        if not text.strip():
            raise InputError(doc.source_file, "no text left after cleaning")
        language = self.language.detect(text)
        english = language in (None, "en")
        reading = self.coder.read(text) if english else None
        return Draft(doc, extracted, cleaned.reasons, text, language, reading)

    def _parse_and_finish(self, draft: Draft) -> tuple[Article, list[Event]]:
        return self._finish(draft, list(self.language.parse(draft.texts_to_parse())))

    def _code_alone(self, draft: Draft) -> Coded:
        return self._code(draft, list(self.language.parse(draft.texts_to_parse())))

    def _code(self, draft: Draft, parsed: list[Doc]) -> Coded:
        article, events = self._finish(draft, parsed)
        return Coded(article, events, self.signature(article.clean_text))

    def _finish(self, draft: Draft, parsed: list[Doc]) -> tuple[Article, list[Event]]:
        doc, extracted, text, language = draft.doc, draft.extracted, draft.text, draft.language
        article_id = content_id("a", text)
        published = _published(extracted.published)
        deduced = self.publication_dates.deduce(text) if published is None else None
        if deduced is not None:
            published = deduced.value
        reasons = dict(draft.reasons)
        if extracted.boilerplate_words and "boilerplate_removed" not in reasons:
            reasons["boilerplate_removed"] = (
                f"{extracted.boilerplate_words} words of page furniture (menus, footers, share "
                "bars) left out of the main text"
            )
        if draft.reading is None:
            coded = self.native.code(text, language, published, article_id, doc.source_file)
            if coded is None:
                reasons["not_english"] = f"the text reads as language {language!r}; not coded"
        else:
            coded = self.coder.finish(draft.reading, parsed, article_id, doc.source_file, published)
            reasons.update(coded.flags)
        if published is None:
            reasons["no_date"] = "no publication date in the metadata or the text"
        if len(text) < self.settings.min_text_chars:
            reasons["truncated"] = f"only {len(text)} characters of text"
        flags = sorted(reasons)
        if deduced is not None:  # how the date was found, shown with the flags' reasons
            reasons["published"] = deduced.reason
        article = Article(
            article_id=article_id,
            source_file=doc.source_file,
            url=extracted.url or doc.url,
            title=extracted.title,
            outlet=extracted.outlet,
            published=published.iso if published else None,
            language=language,
            clean_text=text,
            countries=coded.countries if coded else [],
            people=coded.people if coded else [],
            quality=Quality(quality_score(flags, text), flags, reasons),
            author=extracted.author,
            content_sha256=doc.sha256,
            date_bounds=_bounds(coded.anchor) if coded and coded.anchor and not published else None,
            ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        return article, [_bounded(event) for event in coded.events] if coded else []


@dataclass
class Draft:
    """A document read and cleaned, waiting for the parses of its candidate sentences."""

    doc: RawDocument
    extracted: Extracted
    reasons: dict[str, str]
    text: str
    language: str | None
    reading: Reading | None  # None: not English (coded natively, or not at all)

    def texts_to_parse(self) -> list[ParseRequest]:
        return self.reading.texts_to_parse() if self.reading else []


def _attempt(doc: RawDocument, step: Callable[..., T], *args: Any) -> T | InputError:
    """`step(*args)`, or the error it met as an `InputError` naming `doc`."""
    try:
        return step(*args)
    except InputError as error:
        return error
    except Exception as error:  # a bug met on one article must not cost the batch
        return _coding_failure(doc, error)


def _published(value: str | None) -> DateValue | None:
    if not value:
        return None
    return parse_iso(value[:10]) or parse_iso(value[:7]) or parse_iso(value[:4])


def _bounds(anchor: Anchor) -> str:
    """The anchor as an ISO interval, ".." for an end that nothing in the text bounds."""
    start = anchor.earliest.isoformat() if anchor.earliest > date.min else ".."
    end = anchor.latest.isoformat() if anchor.latest < date.max else ".."
    return f"{start}/{end}"


_UNBOUNDED = (date.min.isoformat(), date.max.isoformat())


def _bounded(event: Event) -> Event:
    """An event date that nothing bounds on one side is no date: null, as ONTOLOGY.md asks."""
    if event.date_start in _UNBOUNDED or event.date_end in _UNBOUNDED:
        return replace(event, date=None, date_start=None, date_end=None)
    return event


def ingest(
    inputs: Iterable[str],
    db: Database,
    settings: Settings,
    pipeline: Pipeline | None = None,
    progress: ProgressCallback | None = None,
    fetcher: Fetcher | None = None,
    engine: Engine | None = None,
) -> IngestReport:
    """Read, clean, code and store every input; one bad input never stops the run.

    URLs go through `fetcher` (one is made for the run when not given). `engine` codes the
    documents (by default one after another in this process, with `pipeline`); whatever
    codes them, this loop is the one writer, a transaction per batch.
    """
    documents = read_inputs(inputs, settings, fetcher)
    return ingest_documents(documents, db, settings, pipeline, progress, engine)


def ingest_documents(
    documents: Iterable[RawDocument | InputError],
    db: Database,
    settings: Settings,
    pipeline: Pipeline | None = None,
    progress: ProgressCallback | None = None,
    engine: Engine | None = None,
) -> IngestReport:
    """`ingest` for documents already read (a watcher's new feed entries, say): the same
    duplicates, coding, fusion and failures; an InputError in the stream is recorded as one."""
    engine = engine or LocalEngine(pipeline or Pipeline(settings))
    report = IngestReport()
    # Loaded when the first new article needs it: a run of known inputs never reads it.
    duplicates: DuplicateIndex | None = None
    batch: list[tuple[RawDocument, Coded]] = []
    copies = _RunCopies()
    unknown = _unknown_documents(documents, db, report, progress, settings, copies)
    with _older_objects_frozen():
        for item, outcome in engine.map(unknown):
            if isinstance(outcome, InputError):
                _fail(db, report, outcome)
                copies.settle(db, report, progress, {item.sha256: outcome.reason})
            else:
                if duplicates is None:
                    duplicates = _duplicate_index(db, settings)
                _mark_duplicate(outcome, duplicates)
                batch.append((item, outcome))
            if len(batch) >= settings.batch_size:
                _store_settling(db, batch, report, progress, copies)
            if progress:
                progress(item.source_file, report)
        _store_settling(db, batch, report, progress, copies)
    return report


@dataclass
class _RunCopies:
    """Content met more than once in one run, whose first copy is not yet stored or failed.

    A later copy waits for the first's fate instead of being counted known at once: it is
    known once the first is stored, and fails with the first's reason when that failed
    (coding it again would fail again, and cost the time the first did).
    """

    in_flight: set[str] = field(default_factory=set)
    waiting: dict[str, list[RawDocument]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    # Stored since the database was last asked which inputs it knows: known, though the
    # answer the reader goes by predates them.
    stored_lately: set[str] = field(default_factory=set)

    def settle(
        self,
        db: Database,
        report: IngestReport,
        progress: ProgressCallback | None,
        failed: dict[str, str],
        stored: Iterable[str] = (),
    ) -> None:
        """The first copies of `stored` were written, those of `failed` failed (sha -> reason)."""
        for sha, reason in failed.items():
            self.in_flight.discard(sha)
            self.failed[sha] = reason
            for copy in self.waiting.pop(sha, []):
                _fail(db, report, InputError(copy.source_file, reason))
                if progress:
                    progress(copy.source_file, report)
        for sha in stored:
            self.stored_lately.add(sha)
            for copy in self.waiting.pop(sha, []):
                report.skipped += 1
                if progress:
                    progress(copy.source_file, report)


def _store_settling(
    db: Database,
    batch: list[tuple[RawDocument, Coded]],
    report: IngestReport,
    progress: ProgressCallback | None,
    copies: _RunCopies,
) -> None:
    """`_store`, then the fate of the waiting copies of what the batch held."""
    shas = [doc.sha256 for doc, _ in batch]
    refused = _store(db, batch, report)
    copies.settle(db, report, progress, refused, [s for s in shas if s not in refused])


@contextmanager
def _older_objects_frozen() -> Iterator[None]:
    """Keep the objects alive before a run out of the garbage collector's full passes in it.

    Modules, models and a local Dask scheduler outlive the run, yet each full pass went over
    all of them again: 0.15 s every 1,200 articles or so, a tenth of the writer's time in a
    Dask run. A heap someone else froze (a server about to fork) is left as it is.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class Engine(Protocol):
    """Codes a stream of documents, yielding each with its outcome in input order.

    Input order matters: the duplicate index points a repeat at the article stored first.
    """

    def map(self, documents: Iterable[RawDocument]) -> Iterator[tuple[RawDocument, Outcome]]: ...


class LocalEngine:
    """Codes documents in this process, a chunk at a time (see `Pipeline.process_many`).

    128 documents make about 100 parsed sentences per spaCy call, and a bounded slice of
    the input in memory.
    """

    def __init__(self, pipeline: Pipeline, chunk_size: int = 128) -> None:
        self.pipeline = pipeline
        self.chunk_size = chunk_size

    def map(self, documents: Iterable[RawDocument]) -> Iterator[tuple[RawDocument, Outcome]]:
        iterator = iter(documents)
        while chunk := list(islice(iterator, self.chunk_size)):
            yield from zip(chunk, self.pipeline.process_many(chunk), strict=True)


def code_document(pipeline: Pipeline, doc: RawDocument) -> tuple[Article, list[Event]] | InputError:
    """`pipeline.process`, with the error returned instead of raised so a stream goes on."""
    return _attempt(doc, pipeline.process, doc)


def _unknown_documents(
    items: Iterable[RawDocument | InputError],
    db: Database,
    report: IngestReport,
    progress: ProgressCallback | None,
    settings: Settings,
    copies: _RunCopies,
) -> Iterator[RawDocument]:
    """The documents whose content is new, in input order; unreadable and known inputs are
    counted (and reported) here and go no further.

    The database is asked a chunk of inputs at a time: one query per input would cost more
    than reading the input. Content met earlier in this run is not coded again: a copy of
    one still in flight waits for its fate (see `_RunCopies`), a copy of one that failed fails
    alike. What is in flight is kept until the database has it, so what is kept stays as
    small as the batches in flight however long the run.
    """
    pending = copies.in_flight
    iterator = iter(items)
    while chunk := list(islice(iterator, settings.batch_size)):
        shas = [i.sha256 for i in chunk if isinstance(i, RawDocument)]
        stored = db.known_among([*shas, *pending])
        pending -= stored
        copies.stored_lately.clear()
        for item in chunk:
            report.seen += 1
            if isinstance(item, InputError):
                _fail(db, report, item)
            elif (sha := item.sha256) in stored or sha in copies.stored_lately:
                report.skipped += 1
            elif sha in copies.failed:
                _fail(db, report, InputError(item.source_file, copies.failed[sha]))
            elif sha in pending:
                copies.waiting.setdefault(sha, []).append(item)
                continue  # counted and reported once its first copy's fate is known
            else:
                pending.add(sha)
                yield item
                continue
            if progress:
                progress(item.source if isinstance(item, InputError) else item.source_file, report)


def _duplicate_index(db: Database, settings: Settings) -> DuplicateIndex:
    index = DuplicateIndex(
        settings.duplicate_threshold, settings.minhash_permutations, settings.shingle_size
    )
    for article_id, published, signature in db.signatures():
        index.add(article_id, signature, published)
    return index


def _mark_duplicate(coded: Coded, index: DuplicateIndex) -> None:
    """Point a copy at the earliest article it repeats, and say how much of it is shared."""
    article = coded.article
    copy = index.place(article.article_id, coded.signature, article.published)
    if copy is not None:
        article.duplicate_of = copy.original
        article.quality.reasons["duplicate_of"] = (
            f"a copy of {copy.original}, the earliest article sharing its text: "
            f"{copy.containment:.0%} of the shorter version's {index.shingle_size}-word "
            "passages are in the other (MinHash estimate)"
        )


def _fail(db: Database, report: IngestReport, error: InputError) -> None:
    report.failed += 1
    report.errors.append(str(error))
    db.record_failure(error.source, error.reason)


def _flush(db: Database, batch: list[tuple[RawDocument, Coded]], report: IngestReport) -> None:
    if not batch:
        return
    articles = [c.article for _, c in batch]
    events = [e for _, c in batch for e in c.events]
    raw = [_raw_row(d) for d, _ in batch]
    seen = [(d.sha256, c.article.article_id) for d, c in batch]
    signatures = [(c.article.article_id, c.article.published, c.signature) for _, c in batch]
    # One transaction (one commit to pay) for the batch and the canonical events it changes,
    # which grow with each batch, without recomputing the corpus.
    with db.transaction():
        db.write_batch(articles, events, raw=raw, seen=seen, signatures=signatures)
        update_canonical(db, [e.event_id for e in events])
    report.stored += len(articles)
    report.events += len(events)
    batch.clear()


def _store(
    db: Database, batch: list[tuple[RawDocument, Coded]], report: IngestReport
) -> dict[str, str]:
    """`_flush`, except that an article the database refuses (one too big for its memory,
    say) fails alone: the batch is rolled back and written again one article at a time.
    Gives the refused documents' content hashes with the reason."""
    try:
        _flush(db, batch, report)
        return {}
    except duckdb.InterruptException:  # a second Ctrl-C inside a query, in DuckDB's words
        raise KeyboardInterrupt from None
    except (duckdb.Error, UnicodeError, ValueError, MemoryError) as error:
        # The first line only: DuckDB goes on with paragraphs of advice.
        reason = f"cannot be stored ({str(error).split(chr(10), 1)[0]})"
    # Retried out of the handler, whose traceback would keep the refused batch in memory.
    refused: dict[str, str] = {}
    if len(batch) == 1:
        _fail(db, report, InputError(batch[0][0].source_file, reason))
        refused[batch[0][0].sha256] = reason
    else:
        for item in batch:
            refused |= _store(db, [item], report)
    batch.clear()
    return refused


def _coding_failure(doc: RawDocument, error: Exception) -> InputError:
    return InputError(doc.source_file, f"coding failed ({type(error).__name__}: {error})")


def _raw_row(doc: RawDocument) -> tuple[str, str, str, bytes, str | None, str]:
    """The raw_inputs row of a document: its bytes plus what `recode` needs to read them again."""
    hints = json.dumps(doc.hints, ensure_ascii=False)
    return (doc.sha256, doc.source_file, doc.media_type, doc.content, doc.url, hints)


def recode(
    db: Database,
    settings: Settings,
    pipeline: Pipeline | None = None,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Clean and code every stored raw input again, replacing its article and events.

    A newer communique can so recode a database without the original sources. Each batch is
    replaced in one transaction; an input that now fails keeps its old article and is
    recorded as failed. Duplicates are found afresh, in the order the inputs first came in.
    """
    pipeline = pipeline or Pipeline(settings)
    report = IngestReport()
    previous = db.input_articles()
    duplicates = DuplicateIndex(
        settings.duplicate_threshold, settings.minhash_permutations, settings.shingle_size
    )
    written: set[str] = set()
    ids = db.raw_input_ids()
    for start in range(0, len(ids), settings.batch_size):
        batch: list[tuple[RawDocument, Coded]] = []
        for doc in _raw_documents(db, ids[start : start + settings.batch_size]):
            report.seen += 1
            coded = _process_or_fail(pipeline, doc, db, report)
            if coded is not None:
                article, events = coded
                signed = Coded(article, events, duplicates.signature(article.clean_text))
                _mark_duplicate(signed, duplicates)
                batch.append((doc, signed))
            if progress:
                progress(doc.source_file, report)
        _replace(db, batch, report, previous, written)
    return report


def _process_or_fail(
    pipeline: Pipeline, doc: RawDocument, db: Database, report: IngestReport
) -> tuple[Article, list[Event]] | None:
    outcome = code_document(pipeline, doc)
    if isinstance(outcome, InputError):
        _fail(db, report, outcome)
        return None
    return outcome


def _raw_documents(db: Database, ids: list[str]) -> list[RawDocument]:
    records = {row[0]: row for row in db.raw_records(ids)}
    return [_raw_document(*records[sha]) for sha in ids if sha in records]


def _raw_document(
    sha: str, source_file: str, media_type: str, content: bytes, url: str | None, hints: str | None
) -> RawDocument:
    return RawDocument(source_file, bytes(content), media_type, url, json.loads(hints or "{}"))


def _replace(
    db: Database,
    batch: list[tuple[RawDocument, Coded]],
    report: IngestReport,
    previous: dict[str, str],
    written: set[str],
) -> None:
    """Swap the batch's old articles for its new ones in one transaction.

    An id already written by this recode is never deleted again: two inputs may now clean to
    the text of an article that another input's old version had.
    """
    new_ids = {coded.article.article_id for _, coded in batch}
    old_ids = {previous[doc.sha256] for doc, _ in batch if doc.sha256 in previous}
    with db.transaction():
        db.delete_articles(sorted((old_ids | new_ids) - written))
        _flush(db, batch, report)
    written |= new_ids
