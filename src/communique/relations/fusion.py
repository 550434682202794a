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
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import timedelta
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

    def __init__(self, clusters: dict[str, list[Report]] | None = None) -> None:
        # In report order, as their mentions are: folding takes a place from the first that
        # names one, so the order must not depend on how the database returned them.
        self.clusters: dict[str, list[Report]] = {
            cid: sorted(reports, key=_report_order) for cid, reports in (clusters or {}).items()
        }
        self.changed: set[str] = set()
        self._added: list[tuple[str, Report]] = []
        self._by_key: dict[Key, list[str]] = {}
        for canonical_id, reports in self.clusters.items():
            if reports:
                self._by_key.setdefault(reports[0].key, []).append(canonical_id)

    def add_all(self, reports: Iterable[Report]) -> None:
        # Precise reports first, so a vague one joins the happening it fits best instead of
        # seeding a cluster that the precise ones then split around.
        for report in sorted(reports, key=_seed_order):
            self.add(report)

    def add(self, report: Report) -> str:
        canonical_id = self._best_match(report) or content_id("c", report.event.event_id)
        if canonical_id not in self.clusters or not self.clusters[canonical_id]:
            self._by_key.setdefault(report.key, []).append(canonical_id)
        self.clusters.setdefault(canonical_id, []).append(report)
        self.changed.add(canonical_id)
        self._added.append((canonical_id, report))
        return canonical_id

    def _best_match(self, report: Report) -> str | None:
        candidates = [
            (_match_score(report, self.clusters[cid]), cid)
            for cid in self._by_key.get(report.key, [])
            if self.clusters[cid] and _compatible(report, self.clusters[cid])
        ]
        # A report with neither a date nor a publication date joins a happening only when
        # there is just one it could be; among several, any choice would be a guess.
        if report.span is None and len(candidates) > 1:
            return None
        return max(candidates)[1] if candidates else None

    def canonical_events(self, ids: Iterable[str] | None = None) -> list[CanonicalEvent]:
        chosen = self.clusters if ids is None else ids
        return [fold(cid, self.clusters[cid]) for cid in chosen if self.clusters.get(cid)]

    def new_mentions(self) -> list[Mention]:
        """The mentions of the reports added since the clusters were given."""
        return [mention(cid, r) for cid, r in sorted(self._added, key=lambda a: a[0])]

    def mentions(self, ids: Iterable[str] | None = None) -> list[Mention]:
        chosen = self.clusters if ids is None else ids
        return [
            mention(cid, r)
            for cid in chosen
            for r in sorted(self.clusters.get(cid, []), key=_report_order)
        ]


def _seed_order(report: Report) -> tuple[int, str, str]:
    span = report.explicit_span
    return (width(span) if span else 1_000_000, report.published or "9999", report.event.event_id)


# -- when two reports are one happening --------------------------------------------------------
def _compatible(report: Report, cluster: list[Report]) -> bool:
    return (
        _dates_compatible(report, cluster)
        and _names_compatible(
            report.event.instrument, [r.event.instrument for r in cluster], _same_instrument
        )
        and _names_compatible(_place(report), [_place(r) for r in cluster], _same_place)
    )


def _anchors(cluster: list[Report]) -> list[Interval]:
    """The spans a new report must meet: the precise dates if any, else the narrowest one."""
    explicit = [s for r in cluster if (s := r.explicit_span)]
    precise = [s for s in explicit if width(s) <= PRECISE_DAYS]
    if precise:
        return precise
    if explicit:
        return [min(explicit, key=width)]
    return [s for r in cluster if (s := r.span)]


def _dates_compatible(report: Report, cluster: list[Report]) -> bool:
    span, anchors = report.span, _anchors(cluster)
    if span is None or not anchors:
        return True
    return any(gap(span, anchor) <= TOLERANCE_DAYS for anchor in anchors)


def _names_compatible(name: T | None, others: list[T | None], same: Callable[[T, T], bool]) -> bool:
    """Unnamed on either side is no evidence; named on both, at least one must agree."""
    named = [o for o in others if o]
    return not name or not named or any(same(name, o) for o in named)


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


def _match_score(report: Report, cluster: list[Report]) -> tuple[bool, int, int, int]:
    """Prefer a named instrument in common, then the nearest date, then the most reported."""
    shared = any(
        _names_one_instrument(report.event.instrument, r.event.instrument) for r in cluster
    )
    span, reference, anchors = report.span, report.reference_day, _anchors(cluster)
    nearest_gap = min((gap(span, a) for a in anchors), default=0) if span else 0
    distance = min((gap(reference, a) for a in anchors), default=0) if reference else 0
    return shared, -nearest_gap, -distance, len(cluster)


# -- the canonical event of a cluster ----------------------------------------------------------
def fold(canonical_id: str, reports: list[Report]) -> CanonicalEvent:
    """The canonical event that a cluster of reports describes."""
    first = min(reports, key=lambda r: (r.published or "9999", r.event.event_id))
    dated = _most_precise(reports)
    event = first.event
    tier, wording = _tier(reports)
    return CanonicalEvent(
        canonical_id=canonical_id,
        kind=event.kind,
        plover_type=event.plover_type,
        plover_mode=event.plover_mode,
        cameo=event.cameo,
        source=event.source,
        target=event.target,
        directed=event.directed,
        date=dated.date if dated else None,
        date_start=dated.date_start if dated else None,
        date_end=dated.date_end if dated else None,
        first_reported=first.published,
        status=min((r.event.status for r in reports), key=_strength),
        sectors=[s for s in SECTORS if any(s in r.event.sectors for r in reports)],
        instrument=_most_common(r.event.instrument for r in reports),
        tier=tier,
        tier_wording=wording,
        location=_location(reports),
        source_sector=_most_common(r.event.source_sector for r in reports),
        target_sector=_most_common(r.event.target_sector for r in reports),
        evidence=first.event.evidence,
        confidence=combined_confidence(reports),
        n_mentions=len(reports),
        n_articles=len({r.event.article_id for r in reports}),
        n_sources=len({r.source_key for r in reports}),
        outlets=sorted({r.outlet for r in reports if r.outlet}),
        mention_ids=[r.event.event_id for r in sorted(reports, key=_report_order)],
    )


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


def _report_order(report: Report) -> tuple[str, str]:
    return report.published or "9999", report.event.event_id


def _strength(status: str) -> int:
    return STATUS_STRENGTH.index(status) if status in STATUS_STRENGTH else len(STATUS_STRENGTH)


def _most_precise(reports: list[Report]) -> Event | None:
    dated = [(span, r) for r in reports if (span := r.explicit_span)]
    if not dated:
        return None
    return min(dated, key=lambda item: (width(item[0]), _report_order(item[1])))[1].event


def _most_common(values: Iterable[str | None]) -> str | None:
    """The value most reports give; among equals the longest, which names the most."""
    counts = Counter(v for v in values if v)
    return max(counts, key=lambda v: (counts[v], len(v), v)) if counts else None


def _tier(reports: list[Report]) -> tuple[str | None, str | None]:
    tier = _most_common(r.event.tier for r in reports)
    wording = _most_common(r.event.tier_wording for r in reports if r.event.tier == tier)
    return tier, wording


def _location(reports: list[Report]) -> Location | None:
    places = [p for r in reports if (p := _place(r))]
    located = [p for p in places if p.lat is not None and p.lon is not None]
    if located:
        return located[0]
    return places[0] if places else None


def combined_confidence(reports: list[Report]) -> float:
    """1 - prod(1 - c) over independent sources, each counted at its most confident report.

    Two independent reports at 0.8 make 0.96; a syndicated copy adds nothing.
    """
    best: dict[str, float] = {}
    for report in reports:
        best[report.source_key] = max(best.get(report.source_key, 0.0), report.event.confidence)
    return round(1 - math.prod(1 - c for c in best.values()), 4)
