"""Query parameters of the explorer, checked before any SQL runs.

Every value a person or a script can send is validated here, so a bad one gets a message that
names the parameter and what it accepts instead of an error from deep inside DuckDB.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..errors import CommuniqueError
from ..relations.periods import period_bounds
from ..schema import SECTORS, STATUSES, kinds

# Countries are ISO 3166 alpha-3 codes; organisations are `IGO:` plus their short name.
ACTOR_PATTERN = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z0-9][A-Z0-9_-]{0,23})$")
ARTICLE_PATTERN = re.compile(r"^a-[0-9a-f]{16}$")
LEVELS = ("canonical", "reports")
MAX_TEXT = 200

# Sort keys a request may name, and the SQL they stand for (never SQL from the request).
SORTS = {
    "date": "date_start ASC NULLS LAST, id",
    "-date": "date_start DESC NULLS LAST, id",
    "confidence": "confidence ASC NULLS LAST, id",
    "-confidence": "confidence DESC NULLS LAST, id",
    "-sources": "n_sources DESC, date_start DESC NULLS LAST, id",
    "kind": "kind, date_start DESC NULLS LAST, id",
}


class BadParameter(CommuniqueError):
    """A query parameter the explorer cannot use; the message names it and what it accepts."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


def actor(name: str, value: str | None) -> str | None:
    """A country or organisation code, upper-cased; None when the parameter is empty."""
    if not value:
        return None
    code = value.strip().upper()
    if not ACTOR_PATTERN.match(code):
        raise BadParameter(name, f"{value!r} is not a country code such as KOR or IGO:UN")
    return code


def article_id(value: str) -> str:
    if not ARTICLE_PATTERN.match(value):
        raise BadParameter(
            "article_id", f"{value!r} is not an article id such as a-0123456789abcdef"
        )
    return value


def choice(name: str, value: str | None, allowed: tuple[str, ...] | list[str]) -> str | None:
    """One of a closed list, matched without regard to case."""
    if not value:
        return None
    by_folded = {option.casefold(): option for option in allowed}
    found = by_folded.get(value.strip().casefold())
    if found is None:
        raise BadParameter(name, f"{value!r} is not one of {', '.join(allowed)}")
    return found


def period(name: str, value: str | None) -> str | None:
    """An ISO 8601 period (`2025`, `2025-07`, `2025-07-14`), checked to be a real date."""
    if not value:
        return None
    try:
        period_bounds(value.strip())
    except CommuniqueError as error:
        raise BadParameter(name, str(error)) from error
    return value.strip()


def moment(name: str, value: str | None) -> str | None:
    """An ISO 8601 day or time (`2025-06-01`, `2025-06-01T08:00`), compared as text."""
    if not value:
        return None
    try:
        datetime.fromisoformat(value.strip())
    except ValueError as error:
        raise BadParameter(
            name, f"{value!r} is not an ISO time such as 2025-06-01T08:00"
        ) from error
    return value.strip()


def confidence(name: str, value: float | None) -> float | None:
    if value is None:
        return None
    if not 0.0 <= value <= 1.0:
        raise BadParameter(name, f"{value} is outside 0 to 1")
    return value


def text(name: str, value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise BadParameter(name, f"at most {MAX_TEXT} characters")
    return value.strip()


def plover_types() -> list[str]:
    return sorted({info.plover_type for info in kinds().values()})


@dataclass(frozen=True)
class EventQuery:
    """Which events a search keeps; a field left None keeps everything.

    `since` and `until` keep an event whose date interval reaches into [since, until], as
    `relations.EventFilter` does; undated events fail a date filter.
    """

    country: str | None = None
    partner: str | None = None
    kind: str | None = None
    plover_type: str | None = None
    status: str | None = None
    sector: str | None = None
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None
    max_confidence: float | None = None
    text: str | None = None
    level: str = "canonical"

    @classmethod
    def parse(cls, **raw: Any) -> EventQuery:
        """Validate raw request values; raises BadParameter naming the first bad one."""
        query = cls(
            country=actor("country", raw.get("country")),
            partner=actor("partner", raw.get("partner")),
            kind=choice("kind", raw.get("kind"), list(kinds())),
            plover_type=choice("plover_type", raw.get("plover_type"), plover_types()),
            status=choice("status", raw.get("status"), STATUSES),
            sector=choice("sector", raw.get("sector"), SECTORS),
            since=period("since", raw.get("since")),
            until=period("until", raw.get("until")),
            min_confidence=confidence("min_confidence", raw.get("min_confidence")),
            max_confidence=confidence("max_confidence", raw.get("max_confidence")),
            text=text("q", raw.get("q")),
            level=choice("level", raw.get("level"), LEVELS) or "canonical",
        )
        query.check_ranges()
        return query

    def check_ranges(self) -> None:
        if self.partner and not self.country:
            raise BadParameter("partner", "give country too: partner narrows a country's events")
        if self.since and self.until and self.since_day() > self.until_day():
            raise BadParameter("since", f"{self.since} is after until {self.until}")
        low, high = self.min_confidence, self.max_confidence
        if low is not None and high is not None and low > high:
            raise BadParameter("min_confidence", f"{low} is above max_confidence {high}")

    def since_day(self) -> str:
        return period_bounds(self.since or "0001")[0].isoformat()

    def until_day(self) -> str:
        return period_bounds(self.until or "9999")[1].isoformat()

    def where(self) -> tuple[str, dict[str, Any]]:
        """A SQL WHERE clause over the search columns, with its named parameters."""
        clauses: list[str] = []
        params: dict[str, Any] = {}

        def add(clause: str, **values: Any) -> None:
            clauses.append(clause)
            params.update(values)

        if self.country:
            add("(source = $country OR target = $country)", country=self.country)
        if self.partner:
            add("(source = $partner OR target = $partner)", partner=self.partner)
        if self.kind:
            add("kind = $kind", kind=self.kind)
        if self.plover_type:
            add("plover_type = $plover_type", plover_type=self.plover_type)
        if self.status:
            add("status = $status", status=self.status)
        if self.sector:
            add("list_contains(sectors, $sector)", sector=self.sector)
        if self.since:
            add("date_end >= $since", since=self.since_day())
        if self.until:
            add("date_start <= $until", until=self.until_day())
        if self.min_confidence is not None:
            add("confidence >= $min_confidence", min_confidence=self.min_confidence)
        if self.max_confidence is not None:
            add("confidence <= $max_confidence", max_confidence=self.max_confidence)
        if self.text:
            # contains() on lower-cased text: no LIKE wildcards to escape in what people type.
            add(
                "(contains(lower(coalesce(evidence, '')), $text) "
                "OR contains(lower(coalesce(instrument, '')), $text))",
                text=self.text.lower(),
            )
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params
