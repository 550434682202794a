"""Score predicted articles and events against a gold file (EXPORT.md, "Gold files").

Pure functions over the export dicts: no database, so the same scorer serves the CLI, notebooks
and tests. Every metric is micro-averaged over the gold articles only, and is None when there is
nothing to measure (no pairs, no items), so an empty measurement never reads as a perfect score.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, NamedTuple

METRIC_NAMES: tuple[str, ...] = (
    "event_precision",
    "event_recall",
    "event_f1",
    "date_acc",
    "status_acc",
    "sector_f1",
    "published_acc",
    "country_f1",
    "people_f1",
    "flag_f1",
    "clean_acc",
    "duplicate_f1",
)

# Older gold files use pre-2021 PLOVER names (ONTOLOGY.md, "Kinds").
LEGACY_KINDS: dict[str, str] = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}

# Letters that NFKD does not decompose but that writers routinely drop (Vietnamese, Turkish...).
_UNDECOMPOSED_LETTERS = str.maketrans(
    {"đ": "d", "ı": "i", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe"}
)
_DASHES = re.compile(r"[\-\u2010-\u2015\u2212]")
_EVIDENCE_CHARS = 80

# Each clean-text check, as a test on how often its string occurs in the clean text.
_CLEAN_RULES: dict[str, Callable[[int], bool]] = {
    "must_keep": lambda found: found >= 1,
    "must_remove": lambda found: found == 0,
    "must_once": lambda found: found == 1,
}

Event = dict[str, Any]


# ---------------------------------------------------------------------------- report types


@dataclass
class ValueMismatch:
    """A field whose predicted value differs from the gold one."""

    field: str
    gold: Any
    predicted: Any


@dataclass
class SetMismatch:
    """A set-valued field: what gold has that the prediction lacks, and the reverse."""

    field: str
    missing: list[str]
    extra: list[str]


@dataclass
class PairMismatch:
    """A matched gold/predicted event pair that disagrees on date, status, sectors..."""

    gold: Event
    predicted: Event
    diffs: list[ValueMismatch]


@dataclass
class CleanFailure:
    """A failed clean-text check; `found` is how often the string occurs in clean_text."""

    check: str
    text: str
    found: int


@dataclass
class ArticleDetail:
    """Everything that went wrong for one gold article."""

    source_file: str
    article_id: str | None
    found: bool
    missed_events: list[Event] = field(default_factory=list)
    extra_events: list[Event] = field(default_factory=list)
    pair_mismatches: list[PairMismatch] = field(default_factory=list)
    failed_clean: list[CleanFailure] = field(default_factory=list)
    value_mismatches: list[ValueMismatch] = field(default_factory=list)
    set_mismatches: list[SetMismatch] = field(default_factory=list)

    @property
    def has_issues(self) -> bool:
        return not self.found or any(
            (
                self.missed_events,
                self.extra_events,
                self.pair_mismatches,
                self.failed_clean,
                self.value_mismatches,
                self.set_mismatches,
            )
        )


@dataclass
class EvalReport:
    metrics: dict[str, float | None]
    counts: dict[str, int]
    articles: list[ArticleDetail]
    # Event precision among the predicted events of each confidence band ("0.8-1", ...):
    # whether an analyst can filter on confidence. Optional gold matches count in no band.
    by_confidence: dict[str, dict[str, float | int | None]] = field(default_factory=dict)
    # The event and article figures of each language's gold articles ("ko": {"event_f1": ...}),
    # by the gold's `language` (else the predicted article's): one coder per language.
    by_language: dict[str, dict[str, float | None]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------------- tallies


@dataclass
class _Tally:
    """Micro counts for set comparisons (F1)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add_sets(self, gold: set[Any], predicted: set[Any]) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


@dataclass
class _Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    def value(self) -> float | None:
        return _ratio(self.correct, self.total)


@dataclass
class _Totals:
    events: _Tally = field(default_factory=_Tally)
    optional_matched: int = 0
    dates: _Accuracy = field(default_factory=_Accuracy)
    statuses: _Accuracy = field(default_factory=_Accuracy)
    sectors: _Tally = field(default_factory=_Tally)
    published: _Accuracy = field(default_factory=_Accuracy)
    countries: _Tally = field(default_factory=_Tally)
    people: _Tally = field(default_factory=_Tally)
    flags: _Tally = field(default_factory=_Tally)
    clean: _Accuracy = field(default_factory=_Accuracy)
    duplicates: _Tally = field(default_factory=_Tally)
    matched_articles: int = 0
    bands: dict[str, _Tally] = field(default_factory=dict)

    def add_to_band(self, event: Event, correct: bool) -> None:
        tally = self.bands.setdefault(confidence_band(event.get("confidence")), _Tally())
        tally.tp += int(correct)
        tally.fp += int(not correct)


# Lower bounds of the confidence bands `eval` reports precision in, highest first.
CONFIDENCE_BANDS = ((0.8, "0.8-1"), (0.5, "0.5-0.8"), (0.0, "0-0.5"))


def confidence_band(confidence: float | None) -> str:
    """The band of a predicted event's confidence; an event without one is in the lowest."""
    for bound, label in CONFIDENCE_BANDS:
        if confidence is not None and confidence >= bound:
            return label
    return CONFIDENCE_BANDS[-1][1]


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


# ---------------------------------------------------------------------------- normalisation


def file_name(path: str | None) -> str:
    """The last path segment of a path or URL, whichever separator it uses."""
    parts = [part for part in re.split(r"[/\\]", path or "") if part]
    return parts[-1] if parts else ""


def normalise_kind(kind: str | None) -> str:
    name = (kind or "").strip().upper()
    return LEGACY_KINDS.get(name, name)


def fold_name(name: str) -> str:
    """Fold a person's name so spelling variants of the same name compare equal."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_DASHES.sub(" ", bare.translate(_UNDECOMPOSED_LETTERS)).split())


def _dyad(event: Event) -> frozenset[str]:
    return frozenset((str(event.get("source")), str(event.get("target"))))


# ---------------------------------------------------------------------------- dates


class Interval(NamedTuple):
    start: date
    end: date


def parse_interval(text: str | None) -> Interval | None:
    """Parse `2025`, `2025-07`, `2025-07-14` or `A/B` of those; None when null or unreadable."""
    if not text:
        return None
    first, _, last = text.partition("/")
    start, end = _parse_point(first), _parse_point(last or first)
    if start is None or end is None:
        return None
    return Interval(start.start, end.end)


def _parse_point(text: str) -> Interval | None:
    parts = text.strip().split("T")[0].split("-")
    try:
        numbers = [int(part) for part in parts]
        if len(numbers) == 1:
            return Interval(date(numbers[0], 1, 1), date(numbers[0], 12, 31))
        if len(numbers) == 2:
            year, month = numbers
            last_day = calendar.monthrange(year, month)[1]
            return Interval(date(year, month, 1), date(year, month, last_day))
        if len(numbers) == 3:
            day = date(*numbers)
            return Interval(day, day)
    except ValueError:
        return None
    return None


def event_interval(event: Event) -> Interval | None:
    """The [date_start, date_end] interval of an event, falling back to its `date` string."""
    start = parse_interval(event.get("date_start"))
    end = parse_interval(event.get("date_end"))
    if start is not None and end is not None:
        return Interval(start.start, end.end)
    return parse_interval(event.get("date"))


def interval_distance(a: Interval | None, b: Interval | None) -> float:
    """Days between two intervals, 0 when they overlap; a null date is furthest from anything
    except another null date."""
    if a is None or b is None:
        return 0.0 if a is None and b is None else math.inf
    return float(max(0, (b.start - a.end).days, (a.start - b.end).days))


def date_correct(gold: Event, predicted: Event) -> bool:
    gold_span, predicted_span = event_interval(gold), event_interval(predicted)
    if gold.get("date_resolvable", True) is False:
        # The true date is not in the text: null, or any interval consistent with gold, is right.
        return predicted_span is None or gold_span is None or _overlap(gold_span, predicted_span)
    if gold_span is None or predicted_span is None:
        return gold_span is None and predicted_span is None
    return gold_span.start <= predicted_span.start and predicted_span.end <= gold_span.end


def _overlap(a: Interval, b: Interval) -> bool:
    return a.start <= b.end and b.start <= a.end


# ---------------------------------------------------------------------------- event matching


Pair = tuple[int, int]


def match_events(gold: list[Event], predicted: list[Event]) -> tuple[list[Pair], list[Pair]]:
    """Pair gold with predicted events one-to-one: required gold first, optional with leftovers.

    Returns (required pairs, optional pairs) as (gold index, predicted index).
    """
    required = [i for i, event in enumerate(gold) if not event.get("optional")]
    optional = [i for i, event in enumerate(gold) if event.get("optional")]
    free = set(range(len(predicted)))
    required_pairs = _greedy_match(gold, required, predicted, free)
    free -= {p for _, p in required_pairs}
    return required_pairs, _greedy_match(gold, optional, predicted, free)


def _greedy_match(
    gold: list[Event], gold_ids: list[int], predicted: list[Event], free: set[int]
) -> list[Pair]:
    candidates = sorted(
        (interval_distance(event_interval(gold[g]), event_interval(predicted[p])), g, p)
        for g in gold_ids
        for p in free
        if _same_key(gold[g], predicted[p])
    )
    pairs: list[Pair] = []
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _, g, p in candidates:
        if g not in used_gold and p not in used_predicted:
            pairs.append((g, p))
            used_gold.add(g)
            used_predicted.add(p)
    return pairs


def _same_key(gold: Event, predicted: Event) -> bool:
    same_kind = normalise_kind(gold.get("kind")) == normalise_kind(predicted.get("kind"))
    return same_kind and _dyad(gold) == _dyad(predicted)


# ---------------------------------------------------------------------------- scoring


def score(
    gold: list[dict[str, Any]], articles: list[dict[str, Any]], events: list[Event]
) -> EvalReport:
    """Score predicted `articles` and `events` (export shapes) against parsed gold lines."""
    by_file = _articles_by_file(articles)
    file_of_id = {a.get("article_id"): file_name(a.get("source_file")) for a in articles}
    events_of = _events_by_article(events, by_file)
    totals = _Totals()
    by_language: dict[str, _Totals] = {}
    details = []
    for gold_article in gold:
        predicted = by_file.get(file_name(gold_article.get("source_file")))
        predicted_events = events_of.get(predicted.get("article_id"), []) if predicted else []
        details.append(
            _score_article(gold_article, predicted, predicted_events, file_of_id, totals)
        )
        language = gold_article.get("language") or (predicted or {}).get("language") or "?"
        _score_language(gold_article, predicted, predicted_events, by_language, language)
    return EvalReport(
        _metrics(totals),
        _counts(totals, len(gold)),
        details,
        _by_confidence(totals),
        {language: _language_metrics(t) for language, t in sorted(by_language.items())},
    )


def _score_language(
    gold: dict[str, Any],
    predicted: dict[str, Any] | None,
    predicted_events: list[Event],
    by_language: dict[str, _Totals],
    language: str,
) -> None:
    """Events and countries again, into the totals of the article's language."""
    totals = by_language.setdefault(language, _Totals())
    detail = ArticleDetail(file_name(gold.get("source_file")), None, predicted is not None)
    _score_events(gold.get("events") or [], predicted_events, totals, detail)
    _score_sets(
        {"countries": gold["countries"]} if "countries" in gold else {},
        predicted or {},
        totals,
        detail,
    )


def _articles_by_file(articles: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    # The first article wins when the same file was ingested twice under different paths.
    by_file: dict[str, dict[str, Any]] = {}
    for article in articles:
        by_file.setdefault(file_name(article.get("source_file")), article)
    return by_file


def _events_by_article(
    events: list[Event], by_file: dict[str, dict[str, Any]]
) -> dict[Any, list[Event]]:
    grouped: dict[Any, list[Event]] = {}
    for event in events:
        article_id = event.get("article_id")
        if article_id is None:
            # Events exported without an article id still name their source file.
            article = by_file.get(file_name(event.get("source_file"))) or {}
            article_id = article.get("article_id")
        grouped.setdefault(article_id, []).append(event)
    return grouped


def _score_article(
    gold: dict[str, Any],
    predicted: dict[str, Any] | None,
    predicted_events: list[Event],
    file_of_id: dict[Any, str],
    totals: _Totals,
) -> ArticleDetail:
    detail = ArticleDetail(
        source_file=file_name(gold.get("source_file")),
        article_id=predicted.get("article_id") if predicted else None,
        found=predicted is not None,
    )
    totals.matched_articles += int(predicted is not None)
    _score_events(gold.get("events") or [], predicted_events, totals, detail)
    article = predicted or {}
    _score_published(gold, article, predicted is not None, totals, detail)
    _score_sets(gold, article, totals, detail)
    clean_text = (article.get("clean_text") or "") if predicted else None
    _score_clean(gold, clean_text, totals, detail)
    _score_duplicate(gold, article, file_of_id, totals, detail)
    return detail


def _score_events(
    gold: list[Event], predicted: list[Event], totals: _Totals, detail: ArticleDetail
) -> None:
    required_pairs, optional_pairs = match_events(gold, predicted)
    matched_gold = {g for g, _ in required_pairs + optional_pairs}
    matched_predicted = {p for _, p in required_pairs + optional_pairs}
    missed = [e for i, e in enumerate(gold) if i not in matched_gold and not e.get("optional")]
    extra = [e for i, e in enumerate(predicted) if i not in matched_predicted]
    totals.events.tp += len(required_pairs)
    totals.events.fn += len(missed)
    totals.events.fp += len(extra)
    totals.optional_matched += len(optional_pairs)
    for _, p in required_pairs:
        totals.add_to_band(predicted[p], correct=True)
    for event in extra:
        totals.add_to_band(event, correct=False)
    detail.missed_events = [_gold_summary(e) for e in missed]
    detail.extra_events = [_predicted_summary(e, with_evidence=True) for e in extra]
    for g, p in required_pairs:
        diffs = _compare_pair(gold[g], predicted[p], totals)
        if diffs:
            detail.pair_mismatches.append(
                PairMismatch(_gold_summary(gold[g]), _predicted_summary(predicted[p]), diffs)
            )


def _compare_pair(gold: Event, predicted: Event, totals: _Totals) -> list[ValueMismatch]:
    diffs: list[ValueMismatch] = []
    date_ok = date_correct(gold, predicted)
    totals.dates.add(date_ok)
    if not date_ok:
        diffs.append(ValueMismatch("date", gold.get("date"), _date_text(predicted)))
    if "status" in gold:
        totals.statuses.add(gold["status"] == predicted.get("status"))
        if gold["status"] != predicted.get("status"):
            diffs.append(ValueMismatch("status", gold["status"], predicted.get("status")))
    if "sectors" in gold:
        gold_sectors, predicted_sectors = set(gold["sectors"] or []), _set(predicted, "sectors")
        totals.sectors.add_sets(gold_sectors, predicted_sectors)
        if gold_sectors != predicted_sectors:
            diffs.append(ValueMismatch("sectors", sorted(gold_sectors), sorted(predicted_sectors)))
    if _reversed(gold, predicted):
        diffs.append(ValueMismatch("direction", _arrow(gold), _arrow(predicted)))
    return diffs


def _reversed(gold: Event, predicted: Event) -> bool:
    # Matching ignores order; a directed prediction pointing the other way is still worth seeing.
    return bool(predicted.get("directed")) and gold.get("source") != predicted.get("source")


def _score_published(
    gold: dict[str, Any],
    article: dict[str, Any],
    found: bool,
    totals: _Totals,
    detail: ArticleDetail,
) -> None:
    if "published" not in gold:
        return
    ok = found and gold["published"] == article.get("published")
    totals.published.add(ok)
    if found and not ok:
        detail.value_mismatches.append(
            ValueMismatch("published", gold["published"], article.get("published"))
        )


def _score_sets(
    gold: dict[str, Any], article: dict[str, Any], totals: _Totals, detail: ArticleDetail
) -> None:
    comparisons: list[tuple[str, _Tally, dict[Any, str], dict[Any, str]]] = []
    if "countries" in gold:
        comparisons.append(
            (
                "countries",
                totals.countries,
                _labels(gold["countries"]),
                _labels(article.get("countries")),
            )
        )
    if "people" in gold:
        comparisons.append(
            ("people", totals.people, _people(gold["people"]), _people(article.get("people")))
        )
    if "flags" in (gold.get("quality") or {}):
        predicted_flags = (article.get("quality") or {}).get("flags")
        comparisons.append(
            ("flags", totals.flags, _labels(gold["quality"]["flags"]), _labels(predicted_flags))
        )
    for name, tally, gold_items, predicted_items in comparisons:
        _compare_sets(name, tally, gold_items, predicted_items, detail)


def _compare_sets(
    name: str,
    tally: _Tally,
    gold: dict[Any, str],
    predicted: dict[Any, str],
    detail: ArticleDetail,
) -> None:
    """Compare sets keyed by a normalised form; the values are how to show each item."""
    tally.add_sets(set(gold), set(predicted))
    missing = sorted(gold[key] for key in gold.keys() - predicted.keys())
    extra = sorted(predicted[key] for key in predicted.keys() - gold.keys())
    if missing or extra:
        detail.set_mismatches.append(SetMismatch(name, missing, extra))


def _labels(items: Iterable[Any] | None) -> dict[Any, str]:
    return {item: str(item) for item in items or []}


def _people(people: Iterable[dict[str, Any]] | None) -> dict[Any, str]:
    return {
        (fold_name(str(person.get("name") or "")), person.get("country")): (
            f"{person.get('name')} ({person.get('country')})"
        )
        for person in people or []
    }


def _score_clean(
    gold: dict[str, Any], clean_text: str | None, totals: _Totals, detail: ArticleDetail
) -> None:
    for check, text, found in _clean_checks(gold, clean_text):
        ok = found is not None and _CLEAN_RULES[check](found)
        totals.clean.add(ok)
        if not ok:
            detail.failed_clean.append(CleanFailure(check, text, found or 0))


def _clean_checks(
    gold: dict[str, Any], clean_text: str | None
) -> Iterator[tuple[str, str, int | None]]:
    """Yield (check, string, occurrences in clean text); occurrences is None without a text."""
    # Both sides are NFC-normalised so composed and decomposed accents count as the same text.
    text = unicodedata.normalize("NFC", clean_text) if clean_text is not None else None
    for check in _CLEAN_RULES:
        for wanted in gold.get(check) or []:
            needle = unicodedata.normalize("NFC", wanted)
            yield check, wanted, text.count(needle) if text is not None else None


def _score_duplicate(
    gold: dict[str, Any],
    article: dict[str, Any],
    file_of_id: dict[Any, str],
    totals: _Totals,
    detail: ArticleDetail,
) -> None:
    gold_file = file_name(gold.get("duplicate_of_file")) or None
    predicted_id = article.get("duplicate_of")
    # An id that names no exported article can never be right; keep it visible as it is.
    predicted_file = file_of_id.get(predicted_id, predicted_id) if predicted_id else None
    totals.duplicates.add_sets(_set_of(gold_file), _set_of(predicted_file))
    if gold_file != predicted_file:
        detail.value_mismatches.append(ValueMismatch("duplicate_of", gold_file, predicted_file))


def _set_of(value: str | None) -> set[str]:
    return {value} if value else set()


def _set(mapping: dict[str, Any], key: str) -> set[Any]:
    return set(mapping.get(key) or [])


def _metrics(totals: _Totals) -> dict[str, float | None]:
    values = {
        "event_precision": totals.events.precision(),
        "event_recall": totals.events.recall(),
        "event_f1": totals.events.f1(),
        "date_acc": totals.dates.value(),
        "status_acc": totals.statuses.value(),
        "sector_f1": totals.sectors.f1(),
        "published_acc": totals.published.value(),
        "country_f1": totals.countries.f1(),
        "people_f1": totals.people.f1(),
        "flag_f1": totals.flags.f1(),
        "clean_acc": totals.clean.value(),
        "duplicate_f1": totals.duplicates.f1(),
    }
    return {name: values[name] for name in METRIC_NAMES}


# The figures `eval` gives per language.
LANGUAGE_METRICS = ("event_precision", "event_recall", "event_f1", "date_acc", "country_f1")


def _language_metrics(totals: _Totals) -> dict[str, float | None]:
    metrics = _metrics(totals)
    return {name: metrics[name] for name in LANGUAGE_METRICS}


def _by_confidence(totals: _Totals) -> dict[str, dict[str, float | int | None]]:
    found = {}
    for _, label in CONFIDENCE_BANDS:
        tally = totals.bands.get(label, _Tally())
        found[label] = {"events": tally.tp + tally.fp, "precision": tally.precision()}
    return found


def _counts(totals: _Totals, gold_articles: int) -> dict[str, int]:
    return {
        "tp": totals.events.tp,
        "fp": totals.events.fp,
        "fn": totals.events.fn,
        "matched_pairs": totals.events.tp,
        "optional_matched": totals.optional_matched,
        "gold_articles": gold_articles,
        "matched_articles": totals.matched_articles,
        "clean_checks": totals.clean.total,
        "clean_passed": totals.clean.correct,
    }


# ---------------------------------------------------------------------------- summaries


def _gold_summary(event: Event) -> Event:
    summary = {key: event.get(key) for key in ("kind", "source", "target", "date", "status")}
    summary["kind"] = normalise_kind(event.get("kind"))
    summary["sectors"] = sorted(event.get("sectors") or [])
    if event.get("date_resolvable") is False:
        summary["date_resolvable"] = False
    return summary


def _predicted_summary(event: Event, with_evidence: bool = False) -> Event:
    summary = {key: event.get(key) for key in ("event_id", "kind", "source", "target", "status")}
    summary["kind"] = normalise_kind(event.get("kind"))
    summary["date"] = _date_text(event)
    summary["sectors"] = sorted(event.get("sectors") or [])
    if with_evidence:
        summary["evidence"] = _evidence_text(event)
    return summary


def _date_text(event: Event) -> str | None:
    if event.get("date"):
        return str(event["date"])
    if event.get("date_start") and event.get("date_end"):
        return f"{event['date_start']}/{event['date_end']}"
    return None


def _evidence_text(event: Event) -> str | None:
    evidence = event.get("evidence")
    if isinstance(evidence, dict):
        return evidence.get("text")
    return evidence if isinstance(evidence, str) else None


def _arrow(event: Event) -> str:
    return f"{event.get('source')}->{event.get('target')}"


# ---------------------------------------------------------------------------- text report


def format_report(report: EvalReport, details: bool = True) -> str:
    """A plain text report: one `name: value` line per metric, then per-article problems."""
    lines = [f"{name}: {_format_value(report.metrics.get(name))}" for name in METRIC_NAMES]
    if details:
        lines.append("counts: " + " ".join(f"{k}={v}" for k, v in report.counts.items()))
        lines.append("precision by confidence: " + _bands_line(report.by_confidence))
        if set(report.by_language) - {"en", "?"}:  # a gold file with other languages
            lines += [_language_line(lang, m) for lang, m in report.by_language.items()]
        for article in report.articles:
            if article.has_issues:
                lines.extend(_article_lines(article))
    return "\n".join(lines) + "\n"


def _bands_line(bands: dict[str, dict[str, float | int | None]]) -> str:
    return " | ".join(
        f"{label}: {_format_value(band['precision'])} of {band['events']}"
        for label, band in bands.items()
    )


def _language_line(language: str, metrics: dict[str, float | None]) -> str:
    figures = " ".join(f"{name}={_format_value(value)}" for name, value in metrics.items())
    return f"language {language}: {figures}"


def _format_value(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _article_lines(article: ArticleDetail) -> list[str]:
    header = f"== {article.source_file}"
    header += f" ({article.article_id})" if article.found else " (not found in predictions)"
    lines = [header]
    lines += [f"  missed: {_event_line(e)}" for e in article.missed_events]
    lines += [_extra_line(e) for e in article.extra_events]
    lines += [_pair_line(m) for m in article.pair_mismatches]
    lines += [f"  clean {f.check} failed ({f.found}x): {f.text!r}" for f in article.failed_clean]
    lines += [
        f"  {m.field}: gold {m.gold} predicted {m.predicted}" for m in article.value_mismatches
    ]
    lines += [_set_line(m) for m in article.set_mismatches]
    return lines


def _event_line(event: Event) -> str:
    sectors = ",".join(event.get("sectors") or [])
    return (
        f"{event.get('kind')} {_arrow(event)} {event.get('date')} {event.get('status')} [{sectors}]"
    )


def _extra_line(event: Event) -> str:
    evidence = " ".join((event.get("evidence") or "").split())
    if len(evidence) > _EVIDENCE_CHARS:
        evidence = evidence[: _EVIDENCE_CHARS - 1] + "…"
    return f"  extra: {_event_line(event)} | {evidence!r}"


def _pair_line(mismatch: PairMismatch) -> str:
    diffs = "; ".join(f"{d.field} gold {d.gold} predicted {d.predicted}" for d in mismatch.diffs)
    gold = mismatch.gold
    return f"  mismatch: {gold.get('kind')} {_arrow(gold)} {gold.get('date')}: {diffs}"


def _set_line(mismatch: SetMismatch) -> str:
    parts = []
    if mismatch.missing:
        parts.append("missing " + ", ".join(mismatch.missing))
    if mismatch.extra:
        parts.append("extra " + ", ".join(mismatch.extra))
    return f"  {mismatch.field}: " + "; ".join(parts)
