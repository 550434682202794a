"""Events as a GDELT 2.0 event table, in the exact layout GDELT's own files have.

Tab-separated, no header row, the 61 columns of the GDELT 2.0 Event Codebook in its order,
so a reader written for GDELT files (`header=None` and GDELT's 61 names) reads ours too. What
GDELT fills and communique does not know (tone, ethnic and religious codes, the geography of
each actor, ADM codes, GeoNames feature ids) is left empty. Countries of actors are CAMEO
codes (ISO 3166 alpha-3); the geography fields hold FIPS 10-4 codes, as GDELT's do.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import IO, Any

import pycountry

from ..schema import kinds
from ..settings import DATA_DIR
from .writers import csv_cell

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR),
    *(f"Actor2{name}" for name in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{name}" for name in _GEO),
    *(f"Actor2Geo_{name}" for name in _GEO),
    *(f"ActionGeo_{name}" for name in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

# CAMEO's codes of the intergovernmental organisations it knows, for *KnownGroupCode.
_CAMEO_GROUPS = {
    "IGO:UN": "UNO",
    "IGO:NATO": "NAT",
    "IGO:EU": "EEC",
    "IGO:ASEAN": "ASN",
    "IGO:IMF": "IMF",
    "IGO:WTO": "WTO",
    "IGO:OPEC": "OPC",
    "IGO:WHO": "WHO",
}
# GDELT's geographic types: a whole country, or a place inside one (a "world city").
_COUNTRY, _PLACE = 1, 4


def gdelt_record(record: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    """An event or canonical event (with the facts of its first article) as one GDELT row."""
    info = kinds()[record["kind"]]
    code = record["cameo"].ljust(3, "0")
    day = date.fromisoformat(record["date_start"]) if record["date_start"] else None
    return {
        "GLOBALEVENTID": _numeric_id(record_id(record)),
        "SQLDATE": day.strftime("%Y%m%d") if day else None,
        "MonthYear": day.strftime("%Y%m") if day else None,
        "Year": day.year if day else None,
        "FractionDate": round(day.year + day.timetuple().tm_yday / 365, 4) if day else None,
        **_actor("Actor1", record["source"], record.get("source_sector")),
        **_actor("Actor2", record["target"], record.get("target_sector")),
        "IsRootEvent": int(_in_lead(record, article)),
        "EventCode": code,
        "EventBaseCode": code[:3],
        "EventRootCode": code[:2],
        "QuadClass": info.quad_class,
        "GoldsteinScale": info.goldstein,
        "NumMentions": record.get("n_mentions", 1),
        "NumSources": record.get("n_sources", 1),
        "NumArticles": record.get("n_articles", 1),
        **_action_geo(record.get("location")),
        "DATEADDED": _compact_timestamp(article.get("ingested_at")),
        "SOURCEURL": article.get("url") or article.get("source_file"),
    }


def record_id(record: dict[str, Any]) -> str:
    return str(record.get("canonical_id") or record["event_id"])


def _numeric_id(text: str) -> int:
    """GDELT ids are integers: 60 bits of a hash of communique's id, stable across exports."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:15], 16)


def _actor(prefix: str, actor: str, sector: str | None) -> dict[str, Any]:
    """A CAMEO actor: country then role (KORGOV), or IGO then the organisation (IGOUNO)."""
    if actor.startswith("IGO:"):
        group = _CAMEO_GROUPS.get(actor)
        return {
            f"{prefix}Code": "IGO" + (group or ""),
            f"{prefix}Name": _igo_names().get(actor, actor[4:]).upper(),
            f"{prefix}KnownGroupCode": group,
            f"{prefix}Type1Code": "IGO",
        }
    return {
        f"{prefix}Code": actor + (sector or ""),
        f"{prefix}Name": _country_name(actor),
        f"{prefix}CountryCode": actor,
        f"{prefix}Type1Code": sector,
    }


def _country_name(alpha3: str | None) -> str | None:
    """The name GDELT would give, in its capitals: "VIETNAM", not "VIET NAM"."""
    found = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return (getattr(found, "common_name", None) or found.name).upper() if found else None


def _action_geo(location: dict[str, Any] | None) -> dict[str, Any]:
    if not location:
        return {}
    country = location.get("country")
    whole_country = (location.get("name") or "").upper() == _country_name(country)
    return {
        "ActionGeo_Type": _COUNTRY if whole_country else _PLACE,
        "ActionGeo_FullName": location.get("name"),
        "ActionGeo_CountryCode": fips_codes().get(country or ""),
        "ActionGeo_Lat": location.get("lat"),
        "ActionGeo_Long": location.get("lon"),
    }


@cache
def fips_codes() -> dict[str, str]:
    """ISO 3166 alpha-3 to FIPS 10-4, from the package's data file."""
    with (DATA_DIR / "fips10_4.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row["iso3"]: row["fips"] for row in rows}


@cache
def _igo_names() -> dict[str, str]:
    with (DATA_DIR / "igos.jsonl").open(encoding="utf-8") as handle:
        return {entry["code"]: entry["name"] for entry in map(json.loads, handle)}


def _in_lead(record: dict[str, Any], article: dict[str, Any]) -> bool:
    """GDELT's root events are those of the lead paragraph."""
    first_paragraph_end = article.get("first_paragraph_end") or 0
    return first_paragraph_end == 0 or record["evidence"]["start"] < first_paragraph_end


def _compact_timestamp(iso: str | None) -> str | None:
    digits = "".join(c for c in (iso or "")[:19] if c.isdigit())
    return digits or None


def write_gdelt(rows: Iterable[dict[str, Any]], handle: IO[str]) -> int:
    """GDELT's layout: tab-separated, no header, every one of the 61 columns in order."""
    writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
    count = 0
    for row in rows:
        writer.writerow(["" if (v := row.get(name)) is None else csv_cell(v)
                         for name in GDELT_COLUMNS])  # fmt: skip
        count += 1
    return count
