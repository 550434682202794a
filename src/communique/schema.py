"""The Article and Event schema, defined once.

Exports, the database and the API derive their columns from these dataclasses.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import asdict, dataclass, field, fields
from functools import cache
from typing import Any

from .settings import DATA_DIR

QUALITY_FLAGS = (
    "boilerplate_removed",
    "generated_text",
    "repeated_passages",
    "flattened_table",
    "office_holder_conflict",
    "aggregator",
    "no_date",
    "truncated",
    "not_english",
)

STATUSES = ("occurred", "ongoing", "agreed", "planned", "proposed", "negated")

SECTORS = (
    "defense", "defense_industry", "security", "maritime", "intelligence", "counterterrorism",
    "law_enforcement", "peacekeeping", "demining", "cyber", "nonproliferation", "trade",
    "investment", "finance", "energy", "infrastructure", "transport", "technology", "digital",
    "science", "education", "culture", "people_to_people", "health", "environment",
    "agriculture", "development", "consular", "diplomacy",
)  # fmt: skip

TIERS = (
    "diplomatic_relations",
    "partnership",
    "comprehensive_partnership",
    "strategic_partnership",
    "comprehensive_strategic_partnership",
    "special_strategic_partnership",
    "alliance",
)

LEGACY_KINDS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass(frozen=True)
class KindInfo:
    kind: str
    plover_type: str
    plover_mode: str | None
    cameo: str
    directed: bool
    quad_class: int
    goldstein: float
    meaning: str


@cache
def kinds() -> dict[str, KindInfo]:
    """The closed list of event kinds of ONTOLOGY.md, from `data/kinds.csv`."""
    with (DATA_DIR / "kinds.csv").open(encoding="utf-8") as handle:
        return {
            row["kind"]: KindInfo(
                kind=row["kind"],
                plover_type=row["plover_type"],
                plover_mode=row["plover_mode"] or None,
                cameo=row["cameo"],
                directed=row["directed"] == "true",
                quad_class=int(row["quad_class"]),
                goldstein=float(row["goldstein"]),
                meaning=row["meaning"],
            )
            for row in csv.DictReader(handle)
        }


def content_id(prefix: str, *parts: object) -> str:
    """A stable id derived from content, so re-ingesting the same input adds nothing."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


@dataclass
class Person:
    name: str
    country: str | None
    role: str | None = None


@dataclass
class Evidence:
    text: str
    start: int
    end: int


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Quality:
    score: float = 1.0
    flags: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)


@dataclass
class Article:
    article_id: str
    source_file: str
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    clean_text: str
    countries: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    quality: Quality = field(default_factory=Quality)
    duplicate_of: str | None = None
    author: str | None = None
    content_sha256: str = ""
    date_bounds: str | None = None
    ingested_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    event_id: str
    article_id: str
    source_file: str
    kind: str
    plover_type: str
    cameo: str
    source: str
    target: str
    directed: bool
    date: str | None
    date_start: str | None
    date_end: str | None
    status: str
    sectors: list[str] = field(default_factory=list)
    instrument: str | None = None
    tier: str | None = None
    location: Location | None = None
    people: list[Person] = field(default_factory=list)
    evidence: Evidence = field(default_factory=lambda: Evidence("", 0, 0))
    confidence: float = 0.5
    plover_mode: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    tier_wording: str | None = None
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def field_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]
