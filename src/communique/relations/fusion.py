"""Fusing reports of one happening into one canonical event.

A report is one coded event in one article. Reports fuse when they share the kind and the
(directed) dyad, their dates are compatible, and the instrument and the place agree where both
name one. The canonical event keeps every report as a mention and takes the most precise date,
the strongest status, the union of sectors, and a confidence that grows with independent sources.
Everything here is pure: `store.py` loads and saves the clusters.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import insort
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any, TypeVar

from ..schema import SECTORS, Event, Evidence, Location, content_id
from .periods import Interval, gap, optional_bounds, width

Key = tuple[str, str, str]
T = TypeVar("T")

# Strongest first. A report that it happened outweighs every earlier plan or proposal; a
# report that it continues is evidence it happens, so it outweighs a denial too.
STATUS_STRENGTH = ("occurred", "ongoing", "negated", "agreed", "planned", "proposed")

# An undated report still bounds its happening through the publication date: what it says
# happened lies shortly before publication, what it says will happen lies in the months after.
DAYS_BEFORE_PUBLICATION = {"occurred": 30, "ongoing": 30, "negated": 30}
DAYS_AFTER_PUBLICATION = {"agreed": 183, "planned": 183, "proposed": 183}

# Dates that differ by a day are one happening: outlets in different time zones, or a report
# dated by its own "yesterday", disagree by one day about the same signing.
TOLERANCE_DAYS = 1

# Spans up to a week (a state visit, an exercise) pin a happening down; a month or a year
# does not, so those only match while no report is more precise.
PRECISE_DAYS = 7

# Words that name the type of an instrument rather than its subject: "MoU on defence industry
# cooperation" and "agreement on defence industry" are told apart from other instruments by
# what they are about.
_GENERIC_WORDS = frozenset((
    "a", "an", "the", "of", "on", "in", "for", "and", "or", "to", "with", "between", "its",
    "their", "two", "both", "countries", "sides", "new", "memorandum", "memoranda",
    "understanding", "mou", "mous", "agreement", "agreements", "treaty", "treaties", "contract",
    "contracts", "deal", "deals", "protocol", "document", "documents", "plan", "program",
    "action", "cooperation", "cooperative", "co", "operation", "framework", "letter", "intent",
    "joint", "statement", "declaration", "arrangement", "signed", "signing",
))  # fmt: skip
_SYNONYMS = {"defence": "defense", "industrial": "industry", "programme": "program"}


@dataclass
class Report:
    """One coded event with what fusion needs of its article."""

    event: Event
    outlet: str | None
    published: str | None
    url: str | None
    # Reports with the same key are one source: the same outlet, or a syndicated copy
    # (an article whose `duplicate_of` is set) counted with the article it repeats.
    source_key: str

    @property
    def key(self) -> Key:
        return (self.event.kind, self.event.source, self.event.target)

    # Cached: a report never changes, and fusion asks for its spans once per cluster it meets.
    @cached_property
    def explicit_span(self) -> Interval | None:
        start, end = optional_bounds(self.event.date_start), optional_bounds(self.event.date_end)
        if start and end:
            return start[0], end[1]
        return optional_bounds(self.event.date)

    @cached_property
    def span(self) -> Interval | None:
        """The explicit date, or else the days the publication date leaves possible."""
        explicit = self.explicit_span
        published = optional_bounds(self.published)
        if explicit or not published:
            return explicit
        before = DAYS_BEFORE_PUBLICATION.get(self.event.status, 0)
        after = DAYS_AFTER_PUBLICATION.get(self.event.status, 0)
        return published[0] - timedelta(days=before), published[1] + timedelta(days=after)

    @cached_property
    def reference_day(self) -> Interval | None:
        """Where the happening most likely is: its date, or else its publication date."""
        return self.explicit_span or optional_bounds(self.published)


@dataclass
class Mention:
    """One report of a canonical event, as stored in the `canonical_mentions` table."""

    event_id: str
    canonical_id: str
    article_id: str
    source_file: str
    outlet: str | None
    published: str | None
    url: str | None
    source_key: str
    status: str
    date: str | None
    evidence: Evidence = field(default_factory=lambda: Evidence("", 0, 0))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CanonicalEvent:
    """One happening, fused from every report of it."""

    canonical_id: str
    kind: str
    plover_type: str
    plover_mode: str | None
    cameo: str
    source: str
    target: str
    directed: bool
    date: str | None
    date_start: str | None
    date_end: str | None
    first_reported: str | None
    status: str
    sectors: list[str] = field(default_factory=list)
    instrument: str | None = None
    tier: str | None = None
    tier_wording: str | None = None
    location: Location | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    evidence: Evidence = field(default_factory=lambda: Evidence("", 0, 0))
    confidence: float = 0.5
    n_mentions: int = 0
    n_articles: int = 0
    n_sources: int = 0
    outlets: list[str] = field(default_factory=list)
    mention_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Fusion:
    """Clusters of reports, one per happening, grown one report at a time."""

    def __init__(self, clusters: dict[str, Cluster] | None = None) -> None:
        self.clusters: dict[str, Cluster] = dict(clusters or {})
        self.changed: set[str] = set()
        self._added: list[tuple[str, Report]] = []
        self._by_key: dict[Key, list[str]] = {}
        for canonical_id, cluster in self.clusters.items():
            self._by_key.setdefault(cluster.key, []).append(canonical_id)

    def add_all(self, reports: Iterable[Report]) -> None:
        # Precise reports first, so a vague one joins the happening it fits best instead of
        # seeding a cluster that the precise ones then split around.
        for report in sorted(reports, key=_seed_order):
            self.add(report)

    def add(self, report: Report) -> str:
        canonical_id = self._best_match(report) or content_id("c", report.event.event_id)
        if canonical_id not in self.clusters:
            self.clusters[canonical_id] = Cluster(report.key)
            self._by_key.setdefault(report.key, []).append(canonical_id)
        self.clusters[canonical_id].add(report)
        self.changed.add(canonical_id)
        self._added.append((canonical_id, report))
        return canonical_id

    def _best_match(self, report: Report) -> str | None:
        candidates = [
            (cluster.score(report), cid)
            for cid in self._by_key.get(report.key, [])
            if (cluster := self.clusters[cid]).accepts(report)
        ]
        # A report with neither a date nor a publication date joins a happening only when
        # there is just one it could be; among several, any choice would be a guess.
        if report.span is None and len(candidates) > 1:
            return None
        return max(candidates)[1] if candidates else None

    def canonical_events(self, ids: Iterable[str] | None = None) -> list[CanonicalEvent]:
        chosen = self.clusters if ids is None else ids
        return [self.clusters[cid].canonical(cid) for cid in chosen if cid in self.clusters]

    def new_mentions(self) -> list[Mention]:
        """The mentions of the reports added since the clusters were given."""
        added = sorted(self._added, key=lambda a: (a[0], _report_order(a[1])))
        return [mention(cid, report) for cid, report in added]


def _seed_order(report: Report) -> tuple[int, str, str]:
    span = report.explicit_span
    return (width(span) if span else 1_000_000, report.published or "9999", report.event.event_id)


Order = tuple[str, str]
"""(publication date, event id): the order reports of a happening are told in."""


def _report_order(report: Report) -> Order:
    return report.published or "9999", report.event.event_id


@dataclass
class Cluster:
    """What fusion keeps of one happening's reports: enough to tell whether a new report is
    the same happening and to fold the canonical event, however many reports there are.

    Adding a report updates it in place; the earlier reports are never needed again, so a
    batch loads one small state per happening instead of every report of it.
    """

    key: Key
    mentions: list[Order] = field(default_factory=list)
    article_ids: set[str] = field(default_factory=set)
    # The first report told gives the canonical event its wording and evidence.
    first: Order | None = None
    head: dict[str, Any] = field(default_factory=dict)
    # The most precise date: (days, order) of its report, and its date fields.
    dated: tuple[int, Order] | None = None
    dates: tuple[str | None, str | None, str | None] = (None, None, None)
    status: str | None = None
    sectors: set[str] = field(default_factory=set)
    instruments: Counter[str] = field(default_factory=Counter)
    tiers: Counter[str] = field(default_factory=Counter)
    # Tier wordings counted under the tier their report gives ("" for none).
    tier_wordings: dict[str, Counter[str]] = field(default_factory=dict)
    source_sectors: Counter[str] = field(default_factory=Counter)
    target_sectors: Counter[str] = field(default_factory=Counter)
    places: list[Location] = field(default_factory=list)  # each place once
    first_place: tuple[Order, Location] | None = None
    first_located: tuple[Order, Location] | None = None
    best_confidence: dict[str, float] = field(default_factory=dict)  # by source key
    outlets: set[str] = field(default_factory=set)
    # The spans a new report must meet (see `anchors`): every precise date, the narrowest
    # explicit one, and while no report has a date, every span publication dates leave.
    precise_spans: set[Interval] = field(default_factory=set)
    narrowest: tuple[int, Order, Interval] | None = None
    open_spans: set[Interval] = field(default_factory=set)

    @classmethod
    def of(cls, reports: Iterable[Report]) -> Cluster:
        reports = list(reports)
        cluster = cls(reports[0].key)
        for report in reports:
            cluster.add(report)
        return cluster

    def add(self, report: Report) -> None:
        event, order = report.event, _report_order(report)
        insort(self.mentions, order)
        self.article_ids.add(event.article_id)
        if self.first is None or order < self.first:
            self.first, self.head = order, _head(report)
        self._add_date(report, order)
        if self.status is None or _strength(event.status) < _strength(self.status):
            self.status = event.status
        self.sectors.update(event.sectors)
        _count(self.instruments, event.instrument)
        _count(self.tiers, event.tier)
        _count(self.tier_wordings.setdefault(event.tier or "", Counter()), event.tier_wording)
        _count(self.source_sectors, event.source_sector)
        _count(self.target_sectors, event.target_sector)
        self._add_place(report, order)
        best = self.best_confidence.get(report.source_key, 0.0)
        self.best_confidence[report.source_key] = max(best, event.confidence)
        if report.outlet:
            self.outlets.add(report.outlet)

    def _add_date(self, report: Report, order: Order) -> None:
        explicit = report.explicit_span
        if explicit is None:
            if self.narrowest is None and report.span:
                self.open_spans.add(report.span)
            return
        days = width(explicit)
        if days <= PRECISE_DAYS:
            self.precise_spans.add(explicit)
        if self.narrowest is None or (days, order) < self.narrowest[:2]:
            self.narrowest = (days, order, explicit)
            self.open_spans.clear()
        if self.dated is None or (days, order) < self.dated:
            event = report.event
            self.dated, self.dates = (days, order), (event.date, event.date_start, event.date_end)

    def _add_place(self, report: Report, order: Order) -> None:
        place = _place(report)
        if place is None:
            return
        if place not in self.places:
            self.places.append(place)
        if self.first_place is None or order < self.first_place[0]:
            self.first_place = (order, place)
        located = place.lat is not None and place.lon is not None
        if located and (self.first_located is None or order < self.first_located[0]):
            self.first_located = (order, place)

    # -- matching ---------------------------------------------------------------------------
    def anchors(self) -> list[Interval]:
        """The spans a new report must meet: the precise dates if any, else the narrowest one."""
        if self.precise_spans:
            return sorted(self.precise_spans)
        if self.narrowest:
            return [self.narrowest[2]]
        return sorted(self.open_spans)

    def accepts(self, report: Report) -> bool:
        """Whether the report can be this happening: compatible dates, instrument and place."""
        return (
            self._dates_compatible(report)
            and _names_compatible(report.event.instrument, list(self.instruments), _same_instrument)
            and _names_compatible(_place(report), self.places, _same_place)
        )

    def _dates_compatible(self, report: Report) -> bool:
        span, anchors = report.span, self.anchors()
        if span is None or not anchors:
            return True
        return any(gap(span, anchor) <= TOLERANCE_DAYS for anchor in anchors)

    def score(self, report: Report) -> tuple[bool, int, int, int]:
        """Prefer a named instrument in common, then the nearest date, then the most reported."""
        shared = any(_names_one_instrument(report.event.instrument, i) for i in self.instruments)
        span, reference, anchors = report.span, report.reference_day, self.anchors()
        nearest_gap = min((gap(span, a) for a in anchors), default=0) if span else 0
        distance = min((gap(reference, a) for a in anchors), default=0) if reference else 0
        return shared, -nearest_gap, -distance, len(self.mentions)

    # -- the canonical event ----------------------------------------------------------------
    def canonical(self, canonical_id: str) -> CanonicalEvent:
        """The canonical event that the cluster's reports describe."""
        head, (day, date_start, date_end) = self.head, self.dates
        tier = _most_common(self.tiers)
        location = self.first_located or self.first_place
        return CanonicalEvent(
            canonical_id=canonical_id,
            kind=self.key[0],
            plover_type=head["plover_type"],
            plover_mode=head["plover_mode"],
            cameo=head["cameo"],
            source=self.key[1],
            target=self.key[2],
            directed=head["directed"],
            date=day,
            date_start=date_start,
            date_end=date_end,
            first_reported=head["published"],
            status=self.status or "",
            sectors=[s for s in SECTORS if s in self.sectors],
            instrument=_most_common(self.instruments),
            tier=tier,
            tier_wording=_most_common(self.tier_wordings.get(tier or "", Counter())),
            location=location[1] if location else None,
            source_sector=_most_common(self.source_sectors),
            target_sector=_most_common(self.target_sectors),
            evidence=Evidence(**head["evidence"]),
            confidence=combined_confidence(self.best_confidence.values()),
            n_mentions=len(self.mentions),
            n_articles=len(self.article_ids),
            n_sources=len(self.best_confidence),
            outlets=sorted(self.outlets),
            mention_ids=[event_id for _, event_id in self.mentions],
        )

    # -- storing ----------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """The state as JSON values; `from_json` gives it back."""
        return {
            "mentions": self.mentions,
            "article_ids": sorted(self.article_ids),
            "first": self.first,
            "head": self.head,
            "dated": self.dated,
            "dates": self.dates,
            "status": self.status,
            "sectors": sorted(self.sectors),
            "instruments": self.instruments,
            "tiers": self.tiers,
            "tier_wordings": self.tier_wordings,
            "source_sectors": self.source_sectors,
            "target_sectors": self.target_sectors,
            "places": [asdict(p) for p in self.places],
            "first_place": _ordered_place_json(self.first_place),
            "first_located": _ordered_place_json(self.first_located),
            "best_confidence": self.best_confidence,
            "outlets": sorted(self.outlets),
            "precise_spans": [_interval_json(s) for s in sorted(self.precise_spans)],
            "narrowest": _narrowest_json(self.narrowest),
            "open_spans": [_interval_json(s) for s in sorted(self.open_spans)],
        }

    @classmethod
    def from_json(cls, key: Key, state: dict[str, Any]) -> Cluster:
        narrowest = state["narrowest"]
        return cls(
            key=key,
            mentions=[_order(o) for o in state["mentions"]],
            article_ids=set(state["article_ids"]),
            first=_order(state["first"]) if state["first"] else None,
            head=state["head"],
            dated=(state["dated"][0], _order(state["dated"][1])) if state["dated"] else None,
            dates=tuple(state["dates"]),  # type: ignore[arg-type]
            status=state["status"],
            sectors=set(state["sectors"]),
            instruments=Counter(state["instruments"]),
            tiers=Counter(state["tiers"]),
            tier_wordings={t: Counter(w) for t, w in state["tier_wordings"].items()},
            source_sectors=Counter(state["source_sectors"]),
            target_sectors=Counter(state["target_sectors"]),
            places=[Location(**p) for p in state["places"]],
            first_place=_ordered_place(state["first_place"]),
            first_located=_ordered_place(state["first_located"]),
            best_confidence=state["best_confidence"],
            outlets=set(state["outlets"]),
            precise_spans={_interval(s) for s in state["precise_spans"]},
            narrowest=(narrowest[0], _order(narrowest[1]), _interval(narrowest[2]))
            if narrowest
            else None,
            open_spans={_interval(s) for s in state["open_spans"]},
        )


def _head(report: Report) -> dict[str, Any]:
    """What the canonical event takes from the first report told."""
    event = report.event
    return {
        "plover_type": event.plover_type,
        "plover_mode": event.plover_mode,
        "cameo": event.cameo,
        "directed": event.directed,
        "evidence": asdict(event.evidence),
        "published": report.published,
    }


def _count(counter: Counter[str], value: str | None) -> None:
    if value:
        counter[value] += 1


def _order(value: list[str] | tuple[str, str]) -> Order:
    return value[0], value[1]


def _interval_json(interval: Interval) -> list[str]:
    return [interval[0].isoformat(), interval[1].isoformat()]


def _interval(value: list[str]) -> Interval:
    return date.fromisoformat(value[0]), date.fromisoformat(value[1])


def _narrowest_json(value: tuple[int, Order, Interval] | None) -> list[Any] | None:
    return [value[0], value[1], _interval_json(value[2])] if value else None


def _ordered_place_json(value: tuple[Order, Location] | None) -> list[Any] | None:
    return [value[0], asdict(value[1])] if value else None


def _ordered_place(value: list[Any] | None) -> tuple[Order, Location] | None:
    return (_order(value[0]), Location(**value[1])) if value else None


# -- when two reports are one happening --------------------------------------------------------
def _names_compatible(name: T | None, others: list[T], same: Callable[[T, T], bool]) -> bool:
    """Unnamed on either side is no evidence; named on both, at least one must agree."""
    return not name or not others or any(same(name, o) for o in others)


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _instrument_words(text: str) -> frozenset[str]:
    words = (_SYNONYMS.get(w, w) for w in re.findall(r"[a-z]+", _folded(text)))
    return frozenset(w for w in words if w not in _GENERIC_WORDS)


def _same_instrument(a: str, b: str) -> bool:
    words_a, words_b = _instrument_words(a), _instrument_words(b)
    if not words_a or not words_b:
        return True
    overlap = len(words_a & words_b) / len(words_a | words_b)
    return overlap >= 0.5 or words_a <= words_b or words_b <= words_a


def _place(report: Report) -> Location | None:
    location = report.event.location
    return location if location and location.name else None


def _same_place(a: Location, b: Location) -> bool:
    if re.sub(r"[^a-z]", "", _folded(a.name)) == re.sub(r"[^a-z]", "", _folded(b.name)):
        return True
    # Two places in the same country may be one visit reported from two of its stops.
    return bool(a.country and a.country == b.country)


def _names_one_instrument(a: str | None, b: str | None) -> bool:
    """Both reports name the subject of an instrument, and it is the same one."""
    if not a or not b:
        return False
    return bool(_instrument_words(a) and _instrument_words(b)) and _same_instrument(a, b)


# -- folding -----------------------------------------------------------------------------------
def mention(canonical_id: str, report: Report) -> Mention:
    event = report.event
    return Mention(
        event_id=event.event_id,
        canonical_id=canonical_id,
        article_id=event.article_id,
        source_file=event.source_file,
        outlet=report.outlet,
        published=report.published,
        url=report.url,
        source_key=report.source_key,
        status=event.status,
        date=event.date,
        evidence=event.evidence,
    )


def _strength(status: str) -> int:
    return STATUS_STRENGTH.index(status) if status in STATUS_STRENGTH else len(STATUS_STRENGTH)


def _most_common(counts: Counter[str]) -> str | None:
    """The value most reports give; among equals the longest, which names the most."""
    return max(counts, key=lambda v: (counts[v], len(v), v)) if counts else None


def combined_confidence(best_by_source: Iterable[float]) -> float:
    """1 - prod(1 - c) over independent sources, each counted at its most confident report.

    Two independent reports at 0.8 make 0.96; a syndicated copy adds nothing.
    """
    return round(1 - math.prod(1 - c for c in best_by_source), 4)
